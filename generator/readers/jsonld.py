"""schema.org JobPosting JSON-LD: a .json file, or `<script type="application/ld+json">` blocks
inside a saved HTML job page.

Handles `@graph`, arrays, nested Organization / Place / PostalAddress / MonetaryAmount /
QuantitativeValue, `jobLocationType: TELECOMMUTE` with `applicantLocationRequirements`, and
descriptions that arrive HTML-escaped (decoded exactly once).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult, clean_text

SCRIPT = re.compile(r"<script[^>]*application/ld\+json[^>]*>", re.I)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    return {str(k) for k in (kind if isinstance(kind, list) else [kind])}


def job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every JobPosting object anywhere in a JSON-LD document (arrays, @graph, nesting)."""
    if isinstance(data, list):
        for item in data:
            yield from job_postings(item)
    elif isinstance(data, dict):
        if "JobPosting" in _types(data):
            yield data
            return
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in data:
                yield from job_postings(data[key])


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value")
    if isinstance(value, list):
        value = ", ".join(t for v in value if (t := _text(v)))
    return clean_text(str(value)) if value not in (None, "") else None


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", "")) if value not in (None, "") else None
    except ValueError:
        return None


def _locations(posting: dict[str, Any]) -> list[str]:
    places = posting.get("jobLocation") or []
    places = places if isinstance(places, list) else [places]
    found = []
    for place in places:
        if isinstance(place, str):
            found.append(place)
            continue
        if not isinstance(place, dict):
            continue
        address = place.get("address", place)
        if isinstance(address, str):
            found.append(address)
            continue
        parts = [
            _text(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")
        ]
        joined = ", ".join(p for p in parts if p)
        if joined:
            found.append(joined)
    if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        requirements = posting.get("applicantLocationRequirements") or []
        requirements = requirements if isinstance(requirements, list) else [requirements]
        names = [n for r in requirements if (n := _text(r))]
        if names:
            found.extend(f"Remote, {name}" for name in names)
        else:
            found.append("Remote")
    return found


def _description(value: Any) -> str:
    text = _text(value) if not isinstance(value, str) else value
    if not text:
        return ""
    # Some sites escape the HTML ("&lt;p&gt;"): decode once, and only when no real tag exists,
    # so that "&amp;lt;" in a genuine HTML description stays the literal text "&lt;".
    if "<" not in text and re.search(r"&lt;\w", text):
        text = html.unescape(text)
    return text


def posting_from_jsonld(node: dict[str, Any], source: Source) -> RawPosting | None:
    title = _text(node.get("title") or node.get("name"))
    if not title:
        return None
    org = node.get("hiringOrganization") or {}
    org = org if isinstance(org, dict) else {"name": org}
    salary = node.get("baseSalary") or node.get("estimatedSalary") or {}
    salary = salary[0] if isinstance(salary, list) and salary else salary
    value = salary.get("value", {}) if isinstance(salary, dict) else {}
    if not isinstance(value, dict):
        value = {"value": value}
    low = _number(value.get("minValue", value.get("value")))
    high = _number(value.get("maxValue", value.get("value")))
    identifier = node.get("identifier")
    employment = node.get("employmentType")
    logo = org.get("logo")
    return RawPosting(
        source=source,
        title=title,
        employer_name=_text(org.get("name")),
        employer_website=_text(org.get("sameAs") or org.get("url")),
        employer_logo_url=_text(logo.get("url") if isinstance(logo, dict) else logo),
        employer_description=_text(org.get("description")),
        industry=_text(node.get("industry")),
        category=_text(node.get("occupationalCategory")),
        external_id=_text(identifier.get("value") if isinstance(identifier, dict) else identifier),
        apply_url=_text(node.get("url")),
        description_html=_description(node.get("description")),
        skills=tuple(s for s in re.split(r"\s*,\s*", _text(node.get("skills")) or "") if s),
        salary_min=low,
        salary_max=high,
        salary_currency=_text(salary.get("currency")) if isinstance(salary, dict) else None,
        salary_period=_text(value.get("unitText")),
        locations=tuple(_locations(node)),
        work_arrangement_text="remote"
        if str(node.get("jobLocationType", "")).upper() == "TELECOMMUTE"
        else None,
        employment_type_text=_text(employment),
        seniority_text=_text(node.get("experienceRequirements"))
        if isinstance(node.get("experienceRequirements"), str)
        else None,
        date_posted_text=_text(node.get("datePosted")),
        valid_through_text=_text(node.get("validThrough")),
    )


class JsonLdReader:
    """Reads JobPosting JSON-LD from .json files and from HTML pages' script blocks."""

    name = "jobposting-json-ld"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        if head.startswith(("{", "[")):
            return '"JobPosting"' in source.text[:200000]
        return bool(SCRIPT.search(source.text[:500000])) and "JobPosting" in source.text

    def read(self, source: InputFile) -> ReadResult:
        result = ReadResult()
        blocks: list[tuple[str, int | None]] = []
        if source.head.startswith(("{", "[")):
            blocks.append((source.text, 1))
        else:
            try:
                document = lxml_html.document_fromstring(source.data)
            except (etree.ParserError, ValueError) as err:
                raise ReaderError(f"HTML page could not be parsed: {err}") from err
            for script in document.xpath("//script[contains(@type, 'ld+json')]"):
                blocks.append((script.text or "", script.sourceline))
        for text, line in blocks:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                where = (line or 1) + err.lineno - 1
                result.warn(
                    source.path,
                    f"JSON-LD is not valid JSON: {err.msg}",
                    line=where,
                    action="block skipped",
                )
                continue
            for node in job_postings(data):
                raw = posting_from_jsonld(
                    node, Source(path=source.path, line=line, format=self.name)
                )
                if raw is None:
                    result.warn(
                        source.path, "JobPosting has no title", line=line, action="posting skipped"
                    )
                else:
                    result.postings.append(raw)
        if not result.postings and not result.diagnostics:
            raise ReaderError("no JobPosting with a title in the JSON-LD")
        return result
