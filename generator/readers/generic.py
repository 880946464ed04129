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

# Our field → keys seen in the wild (compared lower-case, without "_" and "-"), in order of
# preference: job APIs (RemoteOK, Himalayas, Remotive, Arbeitnow, Adzuna, JazzHR, The Muse …)
# and ATS exports name the same facts in a handful of ways.
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "jobtitle", "position", "positiontitle", "positionname", "role", "name"),
    "employer": (
        "company",
        "companyname",
        "employer",
        "employername",
        "organization",
        "organisation",
        "organizationname",
        "hiringorganization",
        "hiringcompany",
    ),
    "location": (
        "location",
        "locations",
        "joblocation",
        "joblocations",
        "place",
        "office",
        "offices",
        "locationname",
    ),
    # Where applicants of a remote job may live: each is a remote place.
    "remote_places": (
        "locationrestrictions",
        "candidaterequiredlocation",
        "applicantlocationrequirements",
        "remotelocations",
    ),
    "city": ("city", "town"),
    "region": ("state", "region", "province", "statecode"),
    "country": ("country", "countryname", "countrycode", "countryid"),
    "apply": (
        "applyurl",
        "applicationurl",
        "applicationlink",
        "applylink",
        "applyto",
        "url",
        "link",
        "joburl",
        "href",
        "redirecturl",
    ),
    "date": (
        "date",
        "posted",
        "postedat",
        "postedon",
        "postdate",
        "dateposted",
        "postingdate",
        "createdat",
        "created",
        "publishedat",
        "published",
        "publicationdate",
        "pubdate",
        "originalopendate",
        "opendate",
        "epoch",
    ),
    "expires": (
        "validthrough",
        "expirydate",
        "expirationdate",
        "expiresat",
        "expires",
        "expiry",
        "closingdate",
        "closedate",
        "deadline",
        "applicationdeadline",
    ),
    "description": ("description", "body", "content", "details", "text", "jobdescription"),
    "summary": ("excerpt", "summary", "shortdescription", "teaser"),
    "salary": ("salary", "compensation", "pay", "salaryrange", "payrange"),
    "salary_min": (
        "salarymin",
        "minsalary",
        "minimumsalary",
        "salaryfrom",
        "salarylow",
        "compensationmin",
        "paymin",
        "minpay",
    ),
    "salary_max": (
        "salarymax",
        "maxsalary",
        "maximumsalary",
        "salaryto",
        "salaryhigh",
        "compensationmax",
        "paymax",
        "maxpay",
    ),
    "currency": ("salarycurrency", "currency", "compensationcurrency", "paycurrency"),
    "period": ("salaryperiod", "salaryinterval", "salaryunit", "payperiod", "salarytype"),
    "type": ("type", "jobtype", "jobtypes", "employmenttype", "contracttype", "schedule"),
    "remote": ("remote", "workplacetype", "worktype", "remotetype", "isremote"),
    "skills": ("tags", "skills", "keywords"),
    "seniority": ("seniority", "experiencelevel", "level", "seniorities"),
    "category": ("category", "categories", "department", "jobcategory"),
    "logo": ("companylogo", "logo", "logourl"),
    "website": ("companyurl", "companywebsite", "website"),
    "external_id": ("id", "jobid", "reference", "requisitionid", "guid", "slug"),
}
# The fields that make a record job-like besides its title.
JOB_FACTS = frozenset(
    ["employer", "location", "remote_places", "city", "apply", "date", "description", "salary"]
) | {"salary_min", "salary_max"}
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


def _items(value: Any) -> list[str]:
    """A list field ("tags", "locationRestrictions") as its items' texts."""
    values = value if isinstance(value, list) else [value]
    return [text for item in values if (text := _value(item))]


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


def _number(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _locations(record: dict[str, Any], values: dict[str, str], used: dict[str, str]) -> list[str]:
    """The record's places: a location field, remote places, or city / state / country."""
    places: list[str] = []
    if "location" in values:
        places.append(values["location"])
    if "remote_places" in used:
        places += [f"Remote, {place}" for place in _items(record[used["remote_places"]])]
    if not places:
        joined = ", ".join(values[k] for k in ("city", "region", "country") if k in values)
        if joined:
            places.append(joined)
    return places


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
    return "title" in values and len(JOB_FACTS & values.keys()) >= MIN_FIELDS - 1


def _currency(values: dict[str, str]) -> tuple[str | None, str | None]:
    """The salary currency and period; RemoteOK's API states its figures in US dollars a year
    without saying so."""
    currency, period = values.get("currency"), values.get("period")
    if not currency and "remoteok." in values.get("apply", "").lower() + values.get("url", ""):
        return "USD", period or "YEAR"
    return currency, period


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
        seen_keys: dict[str, None] = {}
        for record, line in self._candidates(source):
            values, used = _map(record)
            if not _job_like(values):
                continue
            mapped.update(used)
            seen_keys.update(dict.fromkeys(record))
            by_norm = {_norm(k): k for k in record}
            source_url = next((_value(record[by_norm[k]]) for k in ("url",) if k in by_norm), None)
            currency, period = _currency({**values, "url": (source_url or "").lower()})
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=line, format=self.name),
                    title=values["title"],
                    employer_name=values.get("employer"),
                    employer_logo_url=values.get("logo"),
                    employer_website=values.get("website"),
                    external_id=values.get("external_id"),
                    apply_url=values.get("apply"),
                    description_html=values.get("description", ""),
                    summary=values.get("summary"),
                    salary_text=values.get("salary"),
                    salary_min=_number(values.get("salary_min")),
                    salary_max=_number(values.get("salary_max")),
                    salary_currency=currency,
                    salary_period=period,
                    skills=tuple(_items(record[used["skills"]])) if "skills" in used else (),
                    locations=tuple(_locations(record, values, used)),
                    work_arrangement_text=values.get("remote")
                    or ("remote" if "remote_places" in used else None),
                    employment_type_text=values.get("type"),
                    seniority_text=values.get("seniority"),
                    category=values.get("category"),
                    date_posted_text=values.get("date"),
                    valid_through_text=values.get("expires"),
                )
            )
        summary = ", ".join(f"{key} → {field}" for field, key in sorted(mapped.items()))
        unused = [key for key in seen_keys if key not in mapped.values()]
        result.warn(
            source.path,
            f"no known format; read {len(result.postings)} job-like "
            f"record(s) by mapping keys: {summary}"
            + (f"; keys left unused: {', '.join(unused)}" if unused else ""),
            action="check the mapping",
        )
        return result
