"""Shapes no other reader names: a JSON or XML file holding a list of job-like records.

A record is job-like when it has a title and at least one of employer, location, URL, date,
description or salary under the key names job feeds and ATS exports commonly use. The file
yields postings with one note saying which keys were mapped; anything else stays unclaimed, so
the build reports the file as unrecognised.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml import etree

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult, clean_text, local_name, parse_xml

# Our field → keys seen in the wild (compared lower-case, without "_" and "-").
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "jobtitle", "position", "positiontitle", "role", "name"),
    "employer": (
        "company",
        "companyname",
        "employer",
        "employername",
        "organization",
        "organisation",
        "hiringorganization",
        "hiringcompany",
    ),
    "location": ("location", "locations", "city", "joblocation", "place", "office"),
    "url": ("url", "link", "applyurl", "applicationurl", "joburl", "href"),
    "date": (
        "date",
        "posted",
        "postedat",
        "dateposted",
        "createdat",
        "publishedat",
        "publicationdate",
        "pubdate",
    ),
    "description": ("description", "body", "content", "summary", "details", "text"),
    "salary": ("salary", "compensation", "pay", "salaryrange"),
    "type": ("type", "jobtype", "employmenttype", "contracttype"),
    "remote": ("remote", "workplacetype", "worktype"),
}
MIN_FIELDS = 2  # a title plus at least one other job fact


def _norm(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def _value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or value.get("value")
    if isinstance(value, list):
        value = "; ".join(v for item in value if (v := _value(item)))
    if isinstance(value, bool):
        return "remote" if value else None
    return clean_text(str(value)) if value not in (None, "") else None


def _map(record: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """(our field → value, our field → source key) for one record."""
    by_norm = {_norm(k): k for k in record}
    values: dict[str, str] = {}
    used: dict[str, str] = {}
    for field, names in KEYS.items():
        for name in names:
            key = by_norm.get(name)
            if key is not None and (value := _value(record[key])):
                values[field], used[field] = value, key
                break
    return values, used


def _records_json(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        if data and all(isinstance(item, dict) for item in data):
            yield from data
        else:
            for item in data:
                yield from _records_json(item)
    elif isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list | dict):
                yield from _records_json(value)


def _records_xml(root: etree._Element) -> Iterator[tuple[dict[str, Any], int | None]]:
    for element in root.iter():
        children = [c for c in element if isinstance(c.tag, str)]
        if len(children) >= 2 and all(len(c) == 0 for c in children):
            yield {local_name(c): c.text or "" for c in children}, element.sourceline


def _job_like(values: dict[str, str]) -> bool:
    return "title" in values and len(values) >= MIN_FIELDS


class GenericListReader:
    """Reads a list of job-like records from JSON or XML of no known shape."""

    name = "generic-list"

    def _candidates(self, source: InputFile) -> list[tuple[dict[str, Any], int | None]]:
        head = source.head
        if head.startswith(("{", "[")):
            try:
                data = json.loads(source.text)
            except json.JSONDecodeError:
                return []
            return [(r, None) for r in _records_json(data)]
        if head.startswith("<"):
            try:
                return list(_records_xml(parse_xml(source)))
            except ReaderError:
                return []
        return []

    def sniff(self, source: InputFile) -> bool:
        return any(_job_like(_map(record)[0]) for record, _ in self._candidates(source)[:50])

    def read(self, source: InputFile) -> ReadResult:
        result = ReadResult()
        mapped: dict[str, str] = {}
        for record, line in self._candidates(source):
            values, used = _map(record)
            if not _job_like(values):
                continue
            mapped.update(used)
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=line, format=self.name),
                    title=values["title"],
                    employer_name=values.get("employer"),
                    apply_url=values.get("url"),
                    description_html=values.get("description", ""),
                    salary_text=values.get("salary"),
                    locations=(values["location"],) if "location" in values else (),
                    work_arrangement_text=values.get("remote"),
                    employment_type_text=values.get("type"),
                    date_posted_text=values.get("date"),
                )
            )
        summary = ", ".join(f"{key} → {field}" for field, key in sorted(mapped.items()))
        result.warn(
            source.path,
            f"no known format; read {len(result.postings)} job-like "
            f"record(s) by mapping keys: {summary}",
            action="check the mapping",
        )
        return result
