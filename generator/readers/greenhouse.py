"""Greenhouse job-board API exports (`boards-api.greenhouse.io/v1/boards/{board}/jobs`).

The list endpoint gives `{"jobs": [...], "meta": {"total": N}}`; a single job
(`.../jobs/{id}`) is one job object at the top level. A job has `title`, `absolute_url`,
`location: {name}` (free text, possibly several places: "Austin, TX; Remote - US"),
`offices` (the same places in other words), `departments`, `metadata` (values that are text,
lists or `{min_value, max_value, unit}` currency ranges), `content` (HTML escaped once),
`first_published` / `updated_at`, `company_name` (newer API) and, with `?pay_transparency=true`,
`pay_input_ranges` in cents.
"""

from __future__ import annotations

import html
import re
from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    employer_from_host,
    employer_from_url,
    first_dict,
    label,
    load_json,
    number,
    obj,
    objects,
    parsed_json,
    read_jobs,
    require_title,
    settle_derived_employers,
    text,
    unique,
)
from generator.readers.base import InputFile, ReadResult

BOARD_URL = re.compile(
    r"https?://(?:boards|job-boards)(?:\.eu)?\.greenhouse\.io/(?:embed/job_app\?for=)?([\w-]+)",
    re.I,
)
GREENHOUSE_JOB_KEYS = {"absolute_url", "internal_job_id", "requisition_id", "pay_input_ranges"}
# Location texts that name no place: the offices then say where the job is.
NO_PLACE = re.compile(
    r"^\s*(multiple|various|several|\d+)\s+(locations?|offices?|cities)\s*$", re.I
)
SALARY_NAMES = re.compile(r"salary|compensation|\bpay\b|wage", re.I)
ARRANGEMENT_NAMES = re.compile(r"workplace|remote|location\s*type|work\s*(type|model|arrangement)")


def _is_job(value: Any) -> bool:
    return isinstance(value, dict) and "title" in value and "absolute_url" in value


def _jobs(data: Any) -> list[Any] | None:
    """The job list of a board export, or a one-job list for a single-job export."""
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        return list(data["jobs"])
    if _is_job(data):
        return [data]
    return None


def _metadata(job: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """(name in lower case, value, value type) for each custom field."""
    return [
        (str(m.get("name") or "").casefold(), m.get("value"), str(m.get("value_type") or ""))
        for m in objects(job.get("metadata"))
    ]


def _meta_text(value: Any) -> str | None:
    if isinstance(value, list):
        return "; ".join(t for item in value if (t := text(item))) or None
    return text(value)


def _meta_value(metadata: list[tuple[str, Any, str]], pattern: str) -> str | None:
    """The text of the first custom field whose name matches."""
    return next(
        (t for name, value, _ in metadata if re.search(pattern, name) and (t := _meta_text(value))),
        None,
    )


def _pay_ranges(job: dict[str, Any]) -> tuple[float | None, float | None, str | None, str]:
    """min, max, currency and period words from `pay_input_ranges` (cents).

    Zones in the first range's currency are spanned (the lowest minimum to the highest
    maximum): the job pays anywhere in that span depending on where the hire lives.
    """
    ranges = objects(job.get("pay_input_ranges"))
    currency = next((c for r in ranges if (c := text(r.get("currency_type")))), None)
    same = [r for r in ranges if text(r.get("currency_type")) in (currency, None)]
    lows = [v / 100 for r in same if (v := number(r.get("min_cents"))) is not None and v > 0]
    highs = [v / 100 for r in same if (v := number(r.get("max_cents"))) is not None and v > 0]
    words = " ".join(t for r in same for k in ("title", "blurb") if (t := text(r.get(k))))
    return (min(lows) if lows else None, max(highs) if highs else None, currency, words)


def _salary(
    job: dict[str, Any], metadata: list[tuple[str, Any, str]]
) -> tuple[float | None, float | None, str | None, str | None, str | None]:
    """(min, max, currency, period, text): pay ranges first, then a currency-range field."""
    low, high, currency, words = _pay_ranges(job)
    if low is not None or high is not None:
        period = next((w for w in ("hour", "day", "week", "month") if w in words.lower()), None)
        return low, high, currency, period, None
    for name, value, value_type in metadata:
        found = obj(value)
        if value_type == "currency_range" or {"min_value", "max_value"} & found.keys():
            low, high = number(found.get("min_value")), number(found.get("max_value"))
            if low is not None or high is not None:
                period = next((w for w in ("hour", "day", "week", "month") if w in name), None)
                return low, high, text(found.get("unit")), period, None
        if value_type == "currency" and number(found.get("amount")) is not None:
            amount = number(found.get("amount"))
            return amount, amount, text(found.get("unit")), None, None
    return None, None, None, None, _meta_value(metadata, SALARY_NAMES.pattern)


def _locations(job: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    """(the location text, the places to read) — offices only add places the text lacks."""
    location = label(job.get("location"), "name")
    places: list[str | None] = []
    if location and not NO_PLACE.match(location):
        places.append(location)
    said = (location or "").casefold()
    for office in objects(job.get("offices")):
        name, where = text(office.get("name")), text(office.get("location"))
        key = (name or where or "").split(",")[0].strip().casefold()
        if not key or key in said or (re.search("remote", key) and "remote" in said):
            continue  # the location text already names this office
        places.append(where or name)
        said += " " + key
    return location, unique(places)


def _employer(job: dict[str, Any], metadata: list[tuple[str, Any, str]]) -> tuple[str | None, bool]:
    """(employer, derived?): the stated company, else the board in the job's URL."""
    stated = text(job.get("company_name")) or _meta_value(metadata, r"^(company|employer)")
    if stated:
        return stated, False
    url = text(job.get("absolute_url"))
    derived = employer_from_url(url, BOARD_URL) or employer_from_host(url)
    return derived, derived is not None


class GreenhouseReader:
    """Reads a Greenhouse job-board API export: a board's job list or one job."""

    name = "greenhouse-json"

    def sniff(self, source: InputFile) -> bool:
        data = parsed_json(source)
        if _is_job(data):
            return True
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            return False
        first = first_dict(data["jobs"])
        if first is None:  # an empty board still has Greenhouse's "meta": {"total": 0}
            return isinstance(data.get("meta"), dict) and "total" in data["meta"]
        return bool(GREENHOUSE_JOB_KEYS & first.keys())

    def read(self, source: InputFile) -> ReadResult:
        jobs = _jobs(load_json(source))
        if jobs is None:
            return ReadResult()  # sniff accepted it, so this cannot happen with the same text
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            metadata = _metadata(job)
            employer, was_derived = _employer(job, metadata)
            if was_derived and employer:
                derived.append(employer)
            location, places = _locations(job)
            low, high, currency, period, salary_text = _salary(job, metadata)
            departments = [n for d in objects(job.get("departments")) if (n := text(d.get("name")))]
            arrangement = _meta_value(metadata, ARRANGEMENT_NAMES.pattern)
            if not arrangement and location and re.search(r"remote|hybrid", location, re.I):
                arrangement = location
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(job, "title"),
                employer_name=employer,
                category=departments[0] if departments else None,
                external_id=text(job.get("id")) or text(job.get("internal_job_id")),
                apply_url=text(job.get("absolute_url")),
                # Greenhouse escapes the HTML of `content` once: unescape once.
                description_html=html.unescape(job["content"])
                if isinstance(job.get("content"), str)
                else "",
                salary_min=low,
                salary_max=high,
                salary_currency=currency,
                salary_period=period,
                salary_text=salary_text,
                locations=places,
                work_arrangement_text=arrangement,
                employment_type_text=_meta_value(
                    metadata, r"employment|job\s*type|time\s*type|commitment"
                ),
                seniority_text=_meta_value(metadata, r"seniority|experience|career\s*level"),
                date_posted_text=text(job.get("first_published")) or text(job.get("updated_at")),
            )

        result = read_jobs(source, jobs, posting, title_key="title")
        settle_derived_employers(result, source, derived, "the board URL")
        return result
