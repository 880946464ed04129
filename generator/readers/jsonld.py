"""schema.org JobPosting JSON-LD: a .json file, or `<script type="application/ld+json">` blocks
inside a saved HTML job page (and, failing those, JobPosting microdata).

Real pages are read the way browsers and Google read them, not the way a strict JSON parser
would: raw newlines and tabs inside strings, blocks wrapped in `<!-- -->` or `//<![CDATA[`,
trailing semicolons, `@type` written as "schema:JobPosting", "http://schema.org/JobPosting" or
a list, `@graph` nodes that refer to each other by `@id`, and strings where objects are
expected (or the other way round). Text fields that arrive HTML-escaped ("R&amp;D") are
decoded exactly once. Each problem becomes one located warning; none stops the other blocks.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.normalize.salary import parse_number, parse_period
from generator.readers.base import InputFile, ReadResult, clean_text
from generator.readers.microdata import microdata_items

SCRIPT = re.compile(r"<script[^>]*application/ld\+json[^>]*>", re.I)
# "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting" as a JSON string.
JOBPOSTING_STRING = re.compile(r'"(?:[^"\s]*[/:#])?JobPosting"')
MICRODATA = re.compile(r"itemtype\s*=\s*[\"'][^\"']*schema\.org/JobPosting", re.I)

# Wrappers that CMSs put around a block's JSON; browsers and Google ignore them.
BLOCK_PREFIX = re.compile(r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|(?://\s*)?<!\[CDATA\[)")
BLOCK_SUFFIX = re.compile(r"(?:-->|/\*\s*\]\]>\s*\*/|(?://\s*)?\]\]>|//\s*-->|;)\s*$")
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=", re.I)
REAL_TAG = re.compile(r"<[A-Za-z!/]")
ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z]")
PLAIN_NUMBER = re.compile(r"[$€£¥₹]?\s*\d[\d,.\u00a0 ]*")
# ISO 8601 durations MonetaryAmountDistribution uses instead of unitText.
DURATION_UNITS = {"PT1H": "HOUR", "P1D": "DAY", "P1W": "WEEK", "P1M": "MONTH", "P1Y": "YEAR"}
ORGANIZATION_TYPES = frozenset({"Organization", "Corporation", "EmployerOrganization"})


# --- reading the blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One JSON-LD text and the line of the file it starts on."""

    text: str
    line: int
    in_script: bool = False  # an HTML <script> element, which the first "</script>" ends


def _blank(match: re.Match[str]) -> str:
    """Same-length whitespace, so that JSON error lines still match the file's lines."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _unwrap(text: str) -> str:
    """The block without comment / CDATA wrappers or trailing semicolons."""
    previous = None
    while previous != text:
        previous = text
        text = BLOCK_PREFIX.sub(_blank, text, count=1)
        text = BLOCK_SUFFIX.sub(_blank, text, count=1)
    return text


# Repairs for blocks that are not JSON even leniently, tried in order; each says what it fixed.
REPAIRS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("the whole block is HTML-escaped", html.unescape),
    ("it has trailing commas", lambda text: re.sub(r",(\s*[}\]])", r"\1", text)),
    ("it escapes single quotes (\\')", lambda text: text.replace("\\'", "'")),
)


def parse_block(block: Block, path: str, result: ReadResult) -> Any:
    """The block's JSON, read as leniently as browsers do; None (with a warning) if unreadable.

    Raw control characters inside strings are accepted silently (`strict=False`): Google
    accepts them and they are common. Repairs that change the text are reported.
    """
    text = _unwrap(block.text)
    if not text.strip():
        return None  # an empty placeholder block holds nothing to report
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError as err:
        first_error = err
    except RecursionError:
        # Hostile or broken input nested thousands deep; no real posting looks like that.
        result.warn(path, "JSON-LD is nested too deeply", line=block.line, action="block skipped")
        return None
    for reason, repair in REPAIRS:
        try:
            data = json.loads(repair(text), strict=False)
        except json.JSONDecodeError:
            continue
        result.warn(
            path,
            f"JSON-LD is not valid JSON: {reason}",
            line=block.line,
            action="block read after repairing it",
        )
        return data
    if block.in_script and _cut_short(text, first_error):
        result.warn(
            path,
            'JSON-LD block ends early: a "</script>" inside its text ends the script element '
            f"there, leaving the JSON unfinished ({first_error.msg}); write it as "
            '"<\\/script>"',
            line=block.line + first_error.lineno - 1,
            action="block skipped, and the posting in it",
        )
        return None
    result.warn(
        path,
        f"JSON-LD is not valid JSON: {first_error.msg}",
        line=block.line + first_error.lineno - 1,
        action="block skipped",
    )
    return None


def _cut_short(text: str, error: json.JSONDecodeError) -> bool:
    """Whether the JSON stops inside a string that is still open at the end of the block.

    A browser ends a script at the first "</script>", even one inside a JSON string, so a
    block that breaks off mid-string was cut there (a block merely left unfinished between
    values is reported as invalid JSON).
    """
    return error.msg.startswith("Unterminated string") and "\n" not in text[error.pos :].strip()


TYPE_JOBPOSTING = re.compile(r'"@type"\s*:\s*\[?\s*"(?:[^"\s]*[/:#])?JobPosting"')


def posting_lines(block: Block) -> list[int]:
    """The line of each JobPosting's `@type` in the block, in document order.

    `job_postings` walks the document in the order it is written, so the n-th posting
    found is the n-th `"@type": "JobPosting"` in the text: each gets its own line.
    """
    return [
        block.line + block.text[: match.start()].count("\n")
        for match in TYPE_JOBPOSTING.finditer(block.text)
    ]


def html_blocks(document: etree._Element) -> list[Block]:
    """Every ld+json script of a page, with its line."""
    return [
        Block(script.text or "", script.sourceline or 1, in_script=True)
        for script in document.iter("script")
        if "ld+json" in (script.get("type") or "").lower()
    ]


# --- finding postings and organisations ---------------------------------------------------


def type_names(node: dict[str, Any]) -> set[str]:
    """`@type` as local names ("schema:JobPosting", "http://schema.org/JobPosting")."""
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {re.split(r"[/:#]", str(k).rstrip("/"))[-1] for k in kinds}


def walk_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, depth first."""
    if isinstance(data, list):
        for item in data:
            yield from walk_nodes(item)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            yield from walk_nodes(value)


def job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every JobPosting anywhere in a JSON-LD document (arrays, @graph, WebPage.mainEntity…).

    A posting's own children are not searched: a JobPosting holds no other postings.
    """
    if isinstance(data, list):
        for item in data:
            yield from job_postings(item)
    elif isinstance(data, dict):
        if "JobPosting" in type_names(data):
            yield data
            return
        for value in data.values():
            yield from job_postings(value)


def id_index(documents: list[Any]) -> dict[str, dict[str, Any]]:
    """Nodes by `@id`, across all blocks of a page (Yoast-style graphs refer across them)."""
    index: dict[str, dict[str, Any]] = {}
    for document in documents:
        for node in walk_nodes(document):
            ident = node.get("@id")
            if isinstance(ident, str) and len(node) > 1:
                index.setdefault(ident, node)
    return index


def embed_references(value: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> Any:
    """Replaces `{"@id": "#org"}` references with the nodes they name (cycles cut at depth 6).

    A reference may name the full URL ("https://x.example/#org") while the node uses only
    the fragment, or the other way round; the fragment then decides.
    """
    if depth > 6:
        return value
    if isinstance(value, list):
        return [embed_references(v, index, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    ident = value.get("@id")
    if isinstance(ident, str) and set(value) <= {"@id", "@type"}:
        target = index.get(ident) or _by_fragment(ident, index)
        if target is not None:
            value = {**target, **value}
    return {k: embed_references(v, index, depth + 1) for k, v in value.items()}


def _by_fragment(ident: str, index: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if "#" not in ident:
        return None
    fragment = ident[ident.index("#") :]
    matches = [node for key, node in index.items() if key.endswith(fragment)]
    return matches[0] if len(matches) == 1 else None


def page_organization(documents: list[Any]) -> dict[str, Any] | None:
    """The page's one named Organization, for postings that leave out hiringOrganization."""
    names: dict[str, dict[str, Any]] = {}
    for document in documents:
        for node in walk_nodes(document):
            if type_names(node) & ORGANIZATION_TYPES and (name := text_value(node.get("name"))):
                names.setdefault(name, node)
    return next(iter(names.values())) if len(names) == 1 else None


# --- field values -------------------------------------------------------------------------


def text_value(value: Any) -> str | None:
    """A plain-text field: objects give their name, lists are joined, entities decoded once."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value")
        return text_value(value)
    if isinstance(value, list):
        joined = ", ".join(t for v in value if (t := text_value(v)))
        return joined or None
    return clean_text(html.unescape(str(value)))


def first(value: Any) -> Any:
    """The first item of a list, or the value itself: many properties may be either."""
    if isinstance(value, list):
        return next((v for v in value if v not in (None, "", {})), None)
    return value


def url_value(value: Any) -> str | None:
    """A URL from a string, an object with `url` / `contentUrl`, or a list of either."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return text_value(value) if isinstance(value, str) else None


def description_html(value: Any) -> str:
    """The description as HTML, whichever of three shapes the site used.

    Real HTML is kept as is. Escaped HTML ("&lt;p&gt;", LinkedIn's habit) is decoded once, so
    "&amp;lt;" in a real-HTML description still shows as the text "&lt;". Plain text keeps
    its paragraphs and line breaks.
    """
    text = value if isinstance(value, str) else text_value(value)
    if not text or not text.strip():
        return ""
    if REAL_TAG.search(text):
        return text
    if ESCAPED_TAG.search(text):
        return html.unescape(text)
    paragraphs = re.split(r"\n\s*\n", html.unescape(text).strip())
    return "\n".join(
        "<p>" + html.escape(p.strip()).replace("\n", "<br>") + "</p>" for p in paragraphs if p
    )


def list_value(value: Any) -> tuple[str, ...]:
    """Skills and similar: a list, or one string separated by commas, semicolons or bullets."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        text = text_value(item)
        if text:
            found.extend(p for p in re.split(r"\s*[,;•\n]\s*", text) if p)
    return tuple(found)


def identifier_value(value: Any) -> str | None:
    """`identifier` as a string, number or PropertyValue (its `value`, not its `name`)."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("value") if value.get("value") not in (None, "") else value.get("name")
    return text_value(value)


def employment_type_text(value: Any) -> str | None:
    """["FULL_TIME", "CONTRACTOR"] or "Full-time" as text; underscores read as spaces."""
    text = text_value(value)
    return text.replace("_", " ") if text else None


# --- locations ----------------------------------------------------------------------------


def place_text(place: Any) -> str | None:
    """A Place (or its PostalAddress, or a string) as "City, Region, Country"."""
    if isinstance(place, str):
        return text_value(place)
    if not isinstance(place, dict):
        return None
    address = first(place.get("address")) or place
    if isinstance(address, str):
        return text_value(address)
    if not isinstance(address, dict):
        return None
    parts = [
        text_value(address.get(key))
        for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    joined = ", ".join(p for p in parts if p)
    return joined or text_value(place.get("name"))


def is_telecommute(node: dict[str, Any]) -> bool:
    kinds = node.get("jobLocationType")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(re.search(r"telecommute|remote", str(k), re.I) for k in kinds if k)


def location_texts(node: dict[str, Any]) -> list[str]:
    """Office places, then "Remote, <area>" for each area a remote applicant may live in."""
    places = node.get("jobLocation") or []
    found = [t for p in (places if isinstance(places, list) else [places]) if (t := place_text(p))]
    if is_telecommute(node):
        areas = node.get("applicantLocationRequirements") or []
        names = [n for a in (areas if isinstance(areas, list) else [areas]) if (n := area_name(a))]
        found.extend([f"Remote, {name}" for name in names] or ["Remote"])
    return found


def area_name(area: Any) -> str | None:
    """A Country / State / AdministrativeArea (or a plain string) as its name."""
    if isinstance(area, dict) and not area.get("name") and isinstance(area.get("address"), dict):
        return place_text(area)
    return text_value(area)


# --- salary -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalaryFields:
    """A salary as the posting states it: figures when it gives figures, else its text."""

    low: float | None = None
    high: float | None = None
    text: str | None = None
    currency: str | None = None
    period: str | None = None


def figure(value: Any) -> float | str | None:
    """A number as a number; "85,000" or "$85,000" as a number; any other text as text."""
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if PLAIN_NUMBER.fullmatch(text):
        return parse_number(re.sub(r"[^\d,.]", "", text))
    return text or None


def salary_fields(node: dict[str, Any]) -> SalaryFields | None:
    """baseSalary (or estimatedSalary) in any of the shapes sites write it."""
    amount = first(node.get("baseSalary")) or first(node.get("estimatedSalary"))
    if amount in (None, "", {}):
        return None
    currency = text_value(node.get("salaryCurrency"))
    if not isinstance(amount, dict):
        amount = {"value": amount}
    value = first(amount.get("value"))
    if value is None:
        value = amount  # MonetaryAmount can carry minValue / maxValue itself
    if not isinstance(value, dict):
        value = {"value": value}
    currency = text_value(amount.get("currency") or value.get("currency")) or currency
    unit = text_value(value.get("unitText") or amount.get("unitText"))
    duration = text_value(amount.get("duration") or value.get("duration"))
    if not unit and duration:
        unit = DURATION_UNITS.get(duration.upper(), duration)
    low = figure(value.get("minValue", value.get("percentile10", value.get("value"))))
    high = figure(value.get("maxValue", value.get("percentile90", value.get("value"))))
    if low is None and high is None:
        low = high = figure(value.get("median"))
    if isinstance(low, str) or isinstance(high, str):
        text = " – ".join(str(v) for v in dict.fromkeys((low, high)) if v is not None)
        return SalaryFields(text=text, currency=currency, period=unit)
    if low is None and high is None:
        return None
    return SalaryFields(low=low, high=high, currency=currency, period=unit)


# --- one posting --------------------------------------------------------------------------


def organization(node: dict[str, Any], fallback: dict[str, Any] | None) -> dict[str, Any]:
    """hiringOrganization as an object, whether given as an object, a name or a list."""
    org = first(node.get("hiringOrganization"))
    if isinstance(org, str):
        return {"name": org}
    if isinstance(org, dict):
        return org
    return fallback or {}


def posting_from_jsonld(
    node: dict[str, Any], source: Source, fallback_org: dict[str, Any] | None = None
) -> RawPosting | None:
    """A RawPosting from one JobPosting object; None when it has no title."""
    title = text_value(node.get("title") or node.get("name"))
    if not title:
        return None
    org = organization(node, fallback_org)
    salary = salary_fields(node) or SalaryFields()
    experience = node.get("experienceRequirements")
    return RawPosting(
        source=source,
        title=title,
        employer_name=text_value(org.get("name") or org.get("legalName")),
        employer_website=url_value(org.get("url")) or url_value(org.get("sameAs")),
        employer_logo_url=url_value(org.get("logo") or org.get("image")),
        employer_description=text_value(org.get("description")),
        industry=text_value(node.get("industry")),
        category=text_value(node.get("occupationalCategory")),
        external_id=identifier_value(node.get("identifier")),
        apply_url=url_value(node.get("url")),
        description_html=description_html(node.get("description")),
        skills=list_value(node.get("skills")),
        salary_text=salary.text,
        salary_min=salary.low,
        salary_max=salary.high,
        salary_currency=salary.currency,
        salary_period=salary.period.replace("_", " ") if salary.period else None,
        locations=tuple(location_texts(node)),
        work_arrangement_text="remote" if is_telecommute(node) else None,
        employment_type_text=employment_type_text(node.get("employmentType")),
        # A free-text level ("Senior") helps; an OccupationalExperienceRequirements object
        # gives months, not a level, so it is left to the title.
        seniority_text=text_value(experience) if isinstance(experience, str) else None,
        date_posted_text=text_value(node.get("datePosted")),
        valid_through_text=text_value(node.get("validThrough")),
    )


def check_salary(raw: RawPosting, result: ReadResult) -> None:
    """Reports a pay unit the normaliser will not understand (it then guesses from the size)."""
    if raw.salary_period and parse_period(raw.salary_period) is None:
        result.warn(
            raw.source.path,
            f"salary unit {raw.salary_period!r} not understood",
            line=raw.source.line,
            action="pay period guessed from the amount",
        )


# --- the reader ---------------------------------------------------------------------------


class JsonLdReader:
    """Reads JobPosting JSON-LD from .json files and HTML pages (microdata as a fallback)."""

    name = "jobposting-json-ld"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        if head.startswith(("{", "[")):
            return bool(JOBPOSTING_STRING.search(source.text[:200000]))
        text = source.text[:2_000_000]
        return (bool(SCRIPT.search(text)) and "JobPosting" in text) or bool(MICRODATA.search(text))

    def read(self, source: InputFile) -> ReadResult:
        result = ReadResult()
        document: etree._Element | None = None
        if source.head.startswith(("{", "[")):
            blocks = [Block(source.text.lstrip("\ufeff"), 1)]
        else:
            document = parse_html(source)
            blocks = html_blocks(document)
        parsed = [(block, parse_block(block, source.path, result)) for block in blocks]
        try:
            found = self._read_documents(parsed, source, result)
        except RecursionError as err:
            raise ReaderError("JSON-LD is nested too deeply to read") from err
        # Microdata only when the JSON-LD holds no posting: pages that carry both describe
        # the same job twice.
        if not found and document is not None:
            for item, line in microdata_items(document, "JobPosting"):
                self._add(item, line, source, result, [], None)
        if not result.postings and not result.diagnostics:
            raise ReaderError("no JobPosting with a title in the JSON-LD or microdata")
        return result

    def _read_documents(
        self, parsed: list[tuple[Block, Any]], source: InputFile, result: ReadResult
    ) -> int:
        """Reads the JobPostings of every parsed block, with references resolved page-wide.

        Returns how many JobPosting objects there were, read or not.
        """
        documents = [data for _, data in parsed if data is not None]
        index = id_index(documents)
        fallback_org = page_organization(documents)
        seen: list[dict[str, Any]] = []
        for block, data in parsed:
            lines = posting_lines(block)
            for number, node in enumerate(job_postings(data)):
                line = lines[number] if number < len(lines) else block.line
                self._add(embed_references(node, index), line, source, result, seen, fallback_org)
        return len(seen)

    def _add(
        self,
        node: dict[str, Any],
        line: int,
        source: InputFile,
        result: ReadResult,
        seen: list[dict[str, Any]],
        fallback_org: dict[str, Any] | None,
    ) -> None:
        """Reads one JobPosting node into the result, reporting what it lacks."""
        if node in seen:
            result.note(source.path, "the same JobPosting appears twice", action="read once")
            return
        seen.append(node)
        raw = posting_from_jsonld(
            node, Source(path=source.path, line=line, format=self.name), fallback_org
        )
        if raw is None:
            result.warn(source.path, "JobPosting has no title", line=line, action="posting skipped")
            return
        if not node.get("hiringOrganization") and fallback_org is not None and raw.employer_name:
            result.warn(
                source.path,
                f"JobPosting {raw.title!r} names no hiringOrganization",
                line=line,
                action=f"employer taken from the page's Organization, {raw.employer_name!r}",
            )
        check_salary(raw, result)
        result.postings.append(raw)


def parse_html(source: InputFile) -> etree._Element:
    """The page as an lxml tree, parsed from the already decoded text.

    Not from the bytes: lxml assumes Latin-1 for a saved page that declares no charset, and
    most such pages are UTF-8 ("Société" would become mojibake). A page that names its
    charset is parsed from its bytes, so that lxml honours the declaration.
    """
    declared = DECLARED_CHARSET.search(source.data[:4096])
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", source.text.lstrip("\ufeff"))
    try:
        return lxml_html.document_fromstring(source.data if declared else text)
    except (etree.ParserError, ValueError) as err:
        raise ReaderError(f"HTML page could not be parsed: {err}") from err
