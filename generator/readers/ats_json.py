"""ATS exports: Greenhouse job-board API JSON and Lever postings API JSON.

Greenhouse: `{"jobs": [{title, location: {name}, absolute_url, content (HTML-escaped), offices,
departments, metadata, updated_at / first_published, company_name}]}`.
Lever: `[{text, categories: {team, department, location, commitment, allLocations},
description, lists: [{text, content}], additional, hostedUrl, applyUrl, createdAt (ms),
workplaceType, salaryRange: {min, max, currency, interval}}]`.
Neither names the employer reliably; it is taken from the board URL when missing, with a note.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult, clean_text

BOARD_URL = re.compile(r"https?://(?:boards|job-boards)\.(?:eu\.)?greenhouse\.io/([\w-]+)/", re.I)
LEVER_URL = re.compile(r"https?://jobs\.(?:eu\.)?lever\.co/([\w-]+)/", re.I)
LEVER_INTERVAL = {
    "per-year-salary": "YEAR",
    "per-month-salary": "MONTH",
    "per-hour-wage": "HOUR",
    "per-week-salary": "WEEK",
    "per-day-wage": "DAY",
}


def _employer_from_url(url: str | None, pattern: re.Pattern[str]) -> str | None:
    match = pattern.search(url or "")
    return match.group(1).replace("-", " ").title() if match else None


def _load(source: InputFile) -> Any:
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as err:
        raise ReaderError(f"invalid JSON: {err.msg}", line=err.lineno) from err


class GreenhouseReader:
    """Reads a Greenhouse job-board API export."""

    name = "greenhouse-json"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        return (
            head.startswith("{")
            and '"jobs"' in head[:2000]
            and ('"absolute_url"' in source.text[:20000] or "greenhouse" in source.text[:20000])
        )

    def read(self, source: InputFile) -> ReadResult:
        data = _load(source)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            raise ReaderError('Greenhouse export has no "jobs" list')
        result = ReadResult()
        derived: set[str] = set()
        for index, job in enumerate(jobs, start=1):
            if not isinstance(job, dict) or not clean_text(str(job.get("title") or "")):
                result.warn(source.path, f"job {index} has no title", action="job skipped")
                continue
            metadata = {
                str(m.get("name", "")).casefold(): m.get("value")
                for m in job.get("metadata") or []
                if isinstance(m, dict)
            }
            employer = clean_text(job.get("company_name") or metadata.get("company") or "")
            if not employer:
                employer = _employer_from_url(job.get("absolute_url"), BOARD_URL)
                if employer:
                    derived.add(employer)
            offices = [
                o.get("location") or o.get("name")
                for o in job.get("offices") or []
                if isinstance(o, dict)
            ]
            location = (
                (job.get("location") or {}).get("name")
                if isinstance(job.get("location"), dict)
                else job.get("location")
            )
            locations = [loc for loc in [location, *offices] if loc]
            departments = [
                d.get("name")
                for d in job.get("departments") or []
                if isinstance(d, dict) and d.get("name")
            ]
            salary = metadata.get("salary") or metadata.get("compensation")
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=None, format=self.name),
                    title=clean_text(str(job["title"])) or "",
                    employer_name=employer,
                    category=departments[0] if departments else None,
                    external_id=str(job.get("id") or job.get("internal_job_id") or "") or None,
                    apply_url=clean_text(job.get("absolute_url")),
                    # Greenhouse escapes the HTML of `content` once: unescape once.
                    description_html=html.unescape(str(job.get("content") or "")),
                    salary_text=clean_text(str(salary)) if salary else None,
                    locations=tuple(dict.fromkeys(str(loc) for loc in locations)),
                    work_arrangement_text=str(location)
                    if location and re.search(r"remote|hybrid", str(location), re.I)
                    else None,
                    employment_type_text=clean_text(str(metadata.get("employment type") or "")),
                    date_posted_text=clean_text(
                        str(job.get("first_published") or job.get("updated_at") or "")
                    ),
                )
            )
        for name in sorted(derived):
            result.note(
                source.path,
                f"no company name in the export; employer {name!r} taken from the board URL",
                action="employer derived",
            )
        return result


class LeverReader:
    """Reads a Lever postings API export (a JSON list of postings)."""

    name = "lever-json"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        return (
            head.startswith("[")
            and '"hostedUrl"' in source.text[:20000]
            and ('"categories"' in source.text[:20000])
        )

    def read(self, source: InputFile) -> ReadResult:
        data = _load(source)
        if not isinstance(data, list):
            raise ReaderError("Lever export is not a list of postings")
        result = ReadResult()
        derived: set[str] = set()
        for index, job in enumerate(data, start=1):
            if not isinstance(job, dict) or not clean_text(str(job.get("text") or "")):
                result.warn(source.path, f"posting {index} has no title", action="posting skipped")
                continue
            categories = job.get("categories") or {}
            employer = _employer_from_url(job.get("hostedUrl"), LEVER_URL)
            if employer:
                derived.add(employer)
            lists = "".join(
                f"<h3>{html.escape(str(item.get('text', '')))}</h3>"
                f"<ul>{item.get('content', '')}</ul>"
                for item in job.get("lists") or []
                if isinstance(item, dict)
            )
            description = f"{job.get('description') or ''}{lists}{job.get('additional') or ''}"
            salary = job.get("salaryRange") or {}
            locations = categories.get("allLocations") or [categories.get("location")]
            created = job.get("createdAt")
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=None, format=self.name),
                    title=clean_text(str(job["text"])) or "",
                    employer_name=employer,
                    team=clean_text(categories.get("team")),
                    category=clean_text(categories.get("department")),
                    external_id=clean_text(job.get("id")),
                    apply_url=clean_text(job.get("applyUrl") or job.get("hostedUrl")),
                    description_html=description,
                    salary_min=salary.get("min"),
                    salary_max=salary.get("max"),
                    salary_currency=clean_text(salary.get("currency")),
                    salary_period=LEVER_INTERVAL.get(str(salary.get("interval"))),
                    locations=tuple(str(loc) for loc in locations if loc),
                    work_arrangement_text=clean_text(job.get("workplaceType")),
                    employment_type_text=clean_text(categories.get("commitment")),
                    date_posted_text=str(created) if created else None,
                )
            )
        for name in sorted(derived):
            result.note(
                source.path,
                f"Lever exports name no company; employer {name!r} taken from the posting URL",
                action="employer derived",
            )
        return result
