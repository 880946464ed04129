"""RSS 2.0 and Atom feeds of jobs.

Items carry a title, link, HTML description or content, a date and often job extensions
(`<job:company>`, `<company>`, `<location>`, `<salary>`). Without an employer field, titles
such as "Senior Engineer at Acme (Berlin)" or "Acme: Senior Engineer" are split.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult, clean_text, local_name, parse_xml

AT_EMPLOYER = re.compile(
    r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<employer>[^()]+?)(?:\s*\((?P<where>[^)]+)\))?$"
)
EMPLOYER_COLON = re.compile(
    r"^(?P<employer>[^:]{2,60}):\s+(?P<title>.+?)(?:\s*\((?P<where>[^)]+)\))?$"
)

FIELDS = {
    "company": ("company", "employer", "companyname", "hiringorganization"),
    "location": ("location", "joblocation", "city"),
    "salary": ("salary", "compensation", "pay"),
    "type": ("jobtype", "employmenttype", "type"),
    "expires": ("expires", "validthrough", "closingdate"),
}


def _children(item: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for child in item:
        name = local_name(child)
        if name and name not in found:
            found[name] = child
    return found


def _body_html(body: etree._Element | None) -> str:
    """An item's HTML: escaped or CDATA text, or inline XHTML children (Atom type="xhtml")."""
    if body is None:
        return ""
    if len(body):
        return "".join(etree.tostring(child, encoding="unicode") for child in body)
    return body.text or ""


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return clean_text(" ".join(t for t in element.itertext()))


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
        result = ReadResult()
        for index, item in enumerate(items, start=1):
            fields = _children(item)
            title = _text(fields.get("title"))
            if not title:
                result.warn(
                    source.path,
                    f"item {index} has no title",
                    line=item.sourceline,
                    action="item skipped",
                )
                continue
            company = next((_text(fields[n]) for n in FIELDS["company"] if n in fields), None)
            where = next((_text(fields[n]) for n in FIELDS["location"] if n in fields), None)
            if not company:
                split = AT_EMPLOYER.match(title) or EMPLOYER_COLON.match(title)
                if split:
                    title, company = split.group("title").strip(), split.group("employer").strip()
                    where = where or split.group("where")
            link = fields.get("link")
            url = link.get("href") if link is not None and link.get("href") else _text(link)
            body = next(
                (
                    fields[n]
                    for n in ("encoded", "content", "description", "summary")
                    if n in fields
                ),
                None,
            )
            date = next(
                (
                    _text(fields[n])
                    for n in ("pubdate", "published", "updated", "date")
                    if n in fields
                ),
                None,
            )
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=item.sourceline, format=self.name),
                    title=title,
                    employer_name=company,
                    category=_text(fields.get("category")),
                    external_id=_text(fields["guid"] if "guid" in fields else fields.get("id")),
                    apply_url=url,
                    description_html=_body_html(body),
                    salary_text=next(
                        (_text(fields[n]) for n in FIELDS["salary"] if n in fields), None
                    ),
                    locations=(where,) if where else (),
                    work_arrangement_text=where
                    if where and re.search("remote|hybrid", where, re.I)
                    else None,
                    employment_type_text=next(
                        (_text(fields[n]) for n in FIELDS["type"] if n in fields), None
                    ),
                    date_posted_text=date,
                    valid_through_text=next(
                        (_text(fields[n]) for n in FIELDS["expires"] if n in fields), None
                    ),
                )
            )
        return result
