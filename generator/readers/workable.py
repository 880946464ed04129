"""Workable account exports (`apply.workable.com/api/v1/widget/accounts/{account}?details=true`).

`{"name": "Company", "description", "jobs": [...]}`; a job has `title`, `shortcode`,
`employment_type`, `telecommuting`, `department`, `function`, `industry`, `experience`, `url`,
`shortlink`, `application_url`, `published_on`, `created_at`, `country`, `city`, `state`,
`locations: [{country, countryCode, city, region, hidden}]` and `description` (HTML, with
`requirements` and `benefits` in older exports). Without the account name, the employer comes
from the job URL (`apply.workable.com/<account>/` or `<account>.workable.com`).
"""

from __future__ import annotations

import re
from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    first_job_has,
    html_field,
    html_sections,
    join_place,
    load_json,
    name_from_slug,
    number,
    obj,
    objects,
    parsed_json,
    qualify_place,
    read_jobs,
    remote_place,
    require_title,
    settle_derived_employers,
    text,
    unique,
)
from generator.readers.base import InputFile, ReadResult

WORKABLE_URL = re.compile(
    r"https?://(?:apply\.workable\.com/(?!j/|api/)([^/?#\s]+)|([\w-]+)\.workable\.com/)", re.I
)
WORKABLE_JOB_KEYS = {"shortcode", "shortlink", "application_url", "telecommuting"}


def _places(job: dict[str, Any], remote: bool) -> tuple[str, ...]:
    """Each visible location as "City, Region, Country"; the job's own fields when none."""
    listed = [loc for loc in objects(job.get("locations")) if loc.get("hidden") is not True]
    places = [
        qualify_place(
            join_place(text(loc.get("city")), text(loc.get("region"))),
            text(loc.get("countryCode")) or text(loc.get("country")),
        )
        for loc in listed
    ]
    if not any(places):
        places = [
            qualify_place(
                join_place(text(job.get("city")), text(job.get("state"))), text(job.get("country"))
            )
        ]
    return unique(remote_place(place, remote) for place in places if place or remote)


def _employer_from_urls(job: dict[str, Any]) -> str | None:
    """The account named by the job's URLs ("apply.workable.com/acme/j/…" → "Acme")."""
    for key in ("url", "shortlink", "application_url"):
        if match := WORKABLE_URL.search(text(job.get(key)) or ""):
            return name_from_slug(match.group(1) or match.group(2))
    return None


class WorkableReader:
    """Reads a Workable account (widget API) export."""

    name = "workable-json"

    def sniff(self, source: InputFile) -> bool:
        return first_job_has(parsed_json(source), "jobs", WORKABLE_JOB_KEYS)

    def read(self, source: InputFile) -> ReadResult:
        data = load_json(source)
        account = text(data.get("name"))
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            employer = account or _employer_from_urls(job)
            if employer and not account:
                derived.append(employer)
            remote = job.get("telecommuting") is True
            salary = obj(job.get("salary"))
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(job, "title"),
                employer_name=employer,
                industry=text(job.get("industry")),
                category=text(job.get("department")) or text(job.get("function")),
                external_id=text(job.get("shortcode")) or text(job.get("code")),
                apply_url=text(job.get("application_url"))
                or text(job.get("url"))
                or text(job.get("shortlink")),
                description_html=html_sections(
                    [
                        (None, html_field(job.get("description"))),
                        ("Requirements", html_field(job.get("requirements"))),
                        ("Benefits", html_field(job.get("benefits"))),
                    ]
                ),
                salary_min=number(salary.get("salary_from") or salary.get("min")),
                salary_max=number(salary.get("salary_to") or salary.get("max")),
                salary_currency=text(salary.get("salary_currency") or salary.get("currency")),
                locations=_places(job, remote),
                work_arrangement_text="remote" if remote else None,
                employment_type_text=text(job.get("employment_type")),
                seniority_text=text(job.get("experience")),
                date_posted_text=text(job.get("published_on")) or text(job.get("created_at")),
            )

        result = read_jobs(source, data["jobs"], posting, title_key="title")
        settle_derived_employers(result, source, derived, "the job URL")
        return result
