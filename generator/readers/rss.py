"""RSS 2.0 and Atom feeds of jobs.

Items carry a title, link, HTML description or content, a date and often job extensions
(`<job:company>`, `<company>`, `<location>`, `<region>`, `<salary>`, `<type>`). Job boards
that have no employer field put the employer in the title, so titles such as "Senior Engineer
at Acme (Berlin)", "Acme: Senior Engineer", "Acme is hiring a Data Analyst" or
"Data Analyst - Acme - Berlin" are split, as are "Who is hiring" titles such as
"Acme | Senior Engineer | Remote (US) | $150k-$180k" (fields after the role in any order).
`dc:creator` and Atom's `<author>` are used only as
a last resort (they often name the board, not the employer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.normalize.locations import (
    KNOWN_CITIES,
    MACRO_REGIONS,
    REMOTE_WORDS,
    country_code,
    gazetteer_places,
)
from generator.readers.base import InputFile, ReadResult, clean_text, local_name, parse_xml
from generator.readers.feed_text import description_html, feed_url, plain_text

WHERE = r"(?:\s*\((?P<where>[^()]+)\))?"
# Ordered: the first pattern that matches a title splits it.
TITLE_SPLITS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^(?P<employer>.+?)\s+is\s+hiring(?:\s+an?)?\s*:?\s+(?P<title>.+?)" + WHERE + "$", re.I
    ),
    re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<employer>[^()]+?)" + WHERE + "$"),
    re.compile(r"^(?P<employer>[^:]{2,60}):\s+(?P<title>.+?)" + WHERE + "$"),
    re.compile(r"^(?P<title>[^|–]+?)\s+[-–|]\s+(?P<employer>[^|–]+?)\s+[-–|]\s+(?P<where>[^|–]+)$"),
)

# A title divided into parts that no split above understood: worth saying so, since the
# employer is probably among the parts.
TITLE_SEPARATOR = re.compile(r"\s[|–—-]\s|\s\|\s|:\s")
TITLE_FORMS = (
    "'Role at Employer', 'Employer: Role', 'Employer is hiring a Role', "
    "'Role - Employer - Place', 'Employer | Role | Place | Pay'"
)

# Our field → element names (lower-case, without "_" / "-"), in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("company", "companyname", "employer", "employername", "hiringorganization"),
    "location": ("location", "joblocation", "city", "region"),
    "arrangement": ("remote", "remotetype", "workplacetype", "workarrangement", "worktype"),
    "salary": ("salary", "salaryrange", "compensation", "pay"),
    "type": ("jobtype", "employmenttype", "type"),
    "expires": ("expires", "expiresat", "validthrough", "closingdate", "deadline"),
    "skills": ("skills", "tags", "keywords"),
    "body": ("encoded", "content", "description", "summary"),
    "date": ("pubdate", "published", "date", "updated"),
    "url": ("applyurl", "url"),
}
# Boards that list only remote jobs name where applicants may live: "USA Only", "Anywhere…".
APPLICANT_REGION = re.compile(r"^(?P<where>.*?)\s*only$|^anywhere\b.*|^worldwide$", re.I)


@dataclass(frozen=True)
class Identity:
    """Title, employer and place as an item states them, after any title split."""

    title: str
    employer: str | None
    where: str | None
    salary: str | None = None
    arrangement: str | None = None
    employment_type: str | None = None


# "Who is hiring" threads: "Company | Role | Location | Salary", the last fields in any order.
PIPE = re.compile(r"\s+\|\s+")
PAY_FIELD = re.compile(r"\d.*(?:[$€£₹¥]|\d\s*[kK]\b|\b[A-Z]{3}\b)|(?:[$€£₹¥]|\b[A-Z]{3}\b).*\d")
ARRANGEMENT_FIELD = re.compile(
    r"(?:(?:fully\s+)?remote|hybrid|on-?\s?site|in-?office|onsite)(?:\s*(?:/|or|,)\s*"
    r"(?:remote|hybrid|on-?\s?site|onsite))*",
    re.I,
)
EMPLOYMENT_FIELD = re.compile(
    r"(?:full|part)[-\s]?time|contract(?:or)?|freelance|intern(?:ship)?|temporary|permanent"
    r"(?:\s*(?:/|,|or|\+)\s*(?:(?:full|part)[-\s]?time|contract(?:or)?|freelance|intern(?:ship)?))*",
    re.I,
)
ROLE_WORD = re.compile(
    r"\b(?:engineer|developer|programmer|manager|designer|scientist|analyst|architect|lead|"
    r"director|head|intern|specialist|administrator|writer|researcher|consultant|coordinator|"
    r"technician|recruiter|executive|officer|sre|devops|cto|vp)s?\b",
    re.I,
)


def _field_name(element: etree._Element) -> str:
    return local_name(element).replace("_", "").replace("-", "")


def _children(item: etree._Element) -> dict[str, list[etree._Element]]:
    """Child elements by field name, all of them (an item may hold several `<category>`)."""
    found: dict[str, list[etree._Element]] = {}
    for child in item:
        name = _field_name(child)
        if name:
            found.setdefault(name, []).append(child)
    return found


def _body_html(body: etree._Element | None) -> str:
    """An item's HTML: escaped or CDATA text, or inline XHTML children (Atom type="xhtml")."""
    if body is None:
        return ""
    if len(body):
        return "".join(etree.tostring(child, encoding="unicode") for child in body)
    return description_html(body.text or "")


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return plain_text(" ".join(t for t in element.itertext()))


def _first(fields: dict[str, list[etree._Element]], key: str) -> str | None:
    """The text of the first non-empty element among a field's names."""
    for name in FIELDS[key]:
        for element in fields.get(name, []):
            if text := _text(element):
                return text
    return None


def looks_like_place(text: str) -> bool:
    """Whether a parenthesis after a title names a place ("Remote, EU") or not ("Go")."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    return (
        bool(REMOTE_WORDS.search(text))
        or any(
            p.lower() in MACRO_REGIONS
            or p.lower() in KNOWN_CITIES
            or (len(p) > 3 and country_code(p) is not None)
            for p in pieces
        )
        or (len(pieces) >= 2 and all(p[:1].isupper() for p in pieces))
    )


def split_pipe_title(title: str) -> Identity | None:
    """ "Company | Role | Location | Salary" (the fields after the role in any order) → parts.

    Which of the first two fields is the role is read from the words: "Glimmerpath | Senior
    Rust Engineer" and "Senior Rust Engineer | Glimmerpath" both work. None when the title has
    fewer than three fields or no field reads as a role.
    """
    fields = [f.strip() for f in PIPE.split(title) if f.strip()]
    if len(fields) < 3:
        return None
    first_role, second_role = (bool(ROLE_WORD.search(f)) for f in fields[:2])
    if not (first_role or second_role):
        return None
    employer, role = (fields[1], fields[0]) if first_role and not second_role else fields[:2]
    salary = arrangement = employment = None
    places: list[str] = []
    for field_text in fields[2:]:
        if PAY_FIELD.search(field_text) and salary is None:
            salary = field_text
        elif ARRANGEMENT_FIELD.fullmatch(field_text):
            arrangement = field_text
        elif EMPLOYMENT_FIELD.fullmatch(field_text):
            employment = field_text
        else:
            places.append(field_text)
    where = "; ".join(places) or None
    return Identity(role, employer, where, salary, arrangement, employment)


def split_title(title: str) -> Identity | None:
    """Employer (and place) out of a title that carries them; None when it carries none."""
    if (piped := split_pipe_title(title)) is not None:
        return piped
    for pattern in TITLE_SPLITS:
        match = pattern.match(title)
        if not match:
            continue
        role, employer = match.group("title").strip(), match.group("employer").strip()
        where = match.group("where")
        # "Role - Employer - Leeds": a lone town the gazetteer knows is the place, too.
        dashed = pattern is TITLE_SPLITS[-1] and where and gazetteer_places(where.strip())
        if where and not dashed and not looks_like_place(where):
            role, where = f"{role} ({where})", None
        return Identity(role, employer, where.strip() if where else None)
    return None


def _author(fields: dict[str, list[etree._Element]]) -> str | None:
    """Atom `<author><name>`; an RSS `<author>` is an e-mail address, not an employer."""
    for author in fields.get("author", []):
        names = [c for c in author if local_name(c) == "name"]
        if names and (name := _text(names[0])):
            return name
    return None


def _creator(fields: dict[str, list[etree._Element]], channel_title: str | None) -> str | None:
    """`dc:creator` unless it just names the feed itself."""
    creator = _text(fields["creator"][0]) if "creator" in fields else None
    if creator and channel_title and creator.casefold() == channel_title.casefold():
        return None
    return creator


def identify(
    title: str, fields: dict[str, list[etree._Element]], channel_title: str | None
) -> Identity:
    """Employer from an employer field, else from the title, else from the item's author."""
    company = _first(fields, "company")
    author = _author(fields)
    split = None if company else split_title(title)
    # An Atom author does not stop a title that names role, employer and place from being
    # divided: the author may be the employer the title names, or the board that posted it.
    # An author beside a title that names no place is the employer.
    if split and (
        not author or split.where or (split.employer or "").casefold() == author.casefold()
    ):
        return split
    company = company or author
    return Identity(title, company or _creator(fields, channel_title), None)


def applicant_region(text: str) -> str | None:
    """ "USA Only" → "Remote, USA"; "Anywhere in Canada" → "Remote, Canada"; "Anywhere in the
    World" → "Remote"; else None."""
    match = APPLICANT_REGION.match(text.strip())
    if not match:
        return None
    where = (match.group("where") or "").strip()
    within = re.match(r"^anywhere\s+(?:in|within|across)\s+(?:the\s+)?(.+)$", text.strip(), re.I)
    if within and (country_code(within.group(1)) or within.group(1).lower() in MACRO_REGIONS):
        where = within.group(1)  # "Anywhere in Canada": remote, for applicants in Canada
    return f"Remote, {where}" if where else "Remote"


def _categories(fields: dict[str, list[etree._Element]]) -> list[str]:
    """RSS `<category>` text or Atom `<category term=…>`, in order."""
    found = []
    for element in fields.get("category", []):
        text = clean_text(element.get("term") or element.get("label")) or _text(element)
        if text:
            found.append(text)
    return found


def _link(fields: dict[str, list[etree._Element]]) -> str | None:
    """The item's page: Atom's rel="alternate" (or rel-less) link, or RSS `<link>` text."""
    for element in fields.get("link", []):
        if element.get("href") and element.get("rel", "alternate") == "alternate":
            return feed_url(element.get("href"))
        if not element.get("href") and (text := _text(element)):
            return feed_url(text)
    return feed_url(_first(fields, "url"))


def _body(fields: dict[str, list[etree._Element]]) -> etree._Element | None:
    for name in FIELDS["body"]:
        if name in fields:
            return fields[name][0]
    return None


class RssReader:
    """Reads RSS 2.0 `<item>`s and Atom `<entry>`s as postings."""

    name = "rss-atom"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        return head.startswith("<") and bool(re.search(r"<(rss|feed)[\s>]", head[:2000], re.I))

    def read(self, source: InputFile) -> ReadResult:
        root = parse_xml(source)
        items = [el for el in root.iter() if local_name(el) in ("item", "entry")]
        if not items:
            raise ReaderError("feed has no <item> or <entry>", line=root.sourceline)
        channel_title = self._channel_title(root)
        result = ReadResult()
        for index, item in enumerate(items, start=1):
            fields = _children(item)
            title = _text(fields["title"][0]) if "title" in fields else None
            if not title:
                result.warn(
                    source.path,
                    f"item {index} has no title",
                    line=item.sourceline,
                    action="item skipped",
                )
                continue
            identity = identify(title, fields, channel_title)
            if identity.employer is None and (separator := TITLE_SEPARATOR.search(title)):
                result.warn(
                    source.path,
                    f"item {index} has no employer field and its title {title!r} is divided by "
                    f"{separator.group(0).strip()!r} in a form not understood "
                    f"(understood: {TITLE_FORMS})",
                    line=item.sourceline,
                    action="item skipped",
                )
                continue
            result.postings.append(self._posting(source, item, identity, fields))
        return result

    @staticmethod
    def _channel_title(root: etree._Element) -> str | None:
        """The feed's own name (RSS channel or Atom feed title)."""
        holder = next((el for el in root.iter() if local_name(el) == "channel"), root)
        title = next((c for c in holder if local_name(c) == "title"), None)
        return _text(title)

    def _posting(
        self,
        source: InputFile,
        item: etree._Element,
        identity: Identity,
        fields: dict[str, list[etree._Element]],
    ) -> RawPosting:
        where = _first(fields, "location") or identity.where
        remote_region = applicant_region(where) if where else None
        arrangement = _first(fields, "arrangement") or identity.arrangement
        if remote_region:
            where, arrangement = remote_region, arrangement or "remote"
        elif not arrangement and where and re.search("remote|hybrid", where, re.I):
            arrangement = where
        categories = _categories(fields)
        tags = [s for s in re.split(r"\s*[,;]\s*", _first(fields, "skills") or "") if s]
        # One <category> is the job's category; several are the board's tags (skills).
        if len(categories) > 1:
            tags, categories = tags + categories, []
        body = _body_html(_body(fields))
        return RawPosting(
            source=Source(path=source.path, line=item.sourceline, format=self.name),
            title=identity.title,
            employer_name=identity.employer,
            category=categories[0] if categories else None,
            external_id=_text(fields["guid"][0] if "guid" in fields else None)
            or _text(fields["id"][0] if "id" in fields else None),
            apply_url=_link(fields),
            description_html=body,
            skills=tuple(tags),
            # Pay stated only in the description is found by the normaliser, for every reader.
            salary_text=_first(fields, "salary") or identity.salary,
            locations=(where,) if where else (),
            work_arrangement_text=arrangement,
            employment_type_text=_first(fields, "type") or identity.employment_type,
            date_posted_text=_first(fields, "date"),
            valid_through_text=_first(fields, "expires"),
        )
