"""Teamtailor API exports (`api.teamtailor.com/v1/jobs?include=…`), a JSON:API document.

`{"data": [...], "included": [...]}`; each job in `data` has `type: "jobs"`, `attributes`
(`title`, `body` HTML, `pitch`, `remote-status` "none" / "hybrid" / "fully" / "temporary",
`created-at`, `employment-type`, `employment-level`, `min-salary`, `max-salary`, `currency`,
`salary-time-unit`, `tags`, `end-date`), `links` (`careersite-job-url`,
`careersite-job-apply-url`) and `relationships` whose `data` point by `type` and `id` at
`included` records: `locations` (`city`, `country`, `name`), `department` (`name`) and
`company` (`name`, `website`). Without an included company the employer comes from the
careers-site host.
"""

from __future__ import annotations

from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    employer_from_host,
    first_dict,
    html_field,
    join_place,
    load_json,
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

# Teamtailor's remote statuses, in our words.
REMOTE_STATUS = {"fully": "remote", "hybrid": "hybrid", "none": "onsite", "temporary": "onsite"}
TEAMTAILOR_KEYS = {"remote-status", "careersite-job-url", "created-at", "pitch", "body"}


def _related(
    job: dict[str, Any], name: str, included: dict[tuple[str, str], dict[str, Any]]
) -> list[dict[str, Any]]:
    """The included records a job's relationship points at, in the order it lists them."""
    data = obj(obj(job.get("relationships")).get(name)).get("data")
    refs = objects(data) if isinstance(data, list) else [obj(data)]
    found = [included.get((str(ref.get("type")), str(ref.get("id")))) for ref in refs]
    return [obj(record.get("attributes")) for record in found if record]


def _place(location: dict[str, Any]) -> str | None:
    place = join_place(text(location.get("city")), text(location.get("region")))
    if not place and not text(location.get("country")):
        place = text(location.get("name"))
    return qualify_place(place, text(location.get("country")))


class TeamtailorReader:
    """Reads a Teamtailor JSON:API jobs export with its `included` records."""

    name = "teamtailor-json"

    def sniff(self, source: InputFile) -> bool:
        data = parsed_json(source)
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            return False
        first = first_dict(data["data"])
        if first is None or first.get("type") != "jobs":
            return False
        keys = obj(first.get("attributes")).keys() | obj(first.get("links")).keys()
        return bool(TEAMTAILOR_KEYS & keys)

    def read(self, source: InputFile) -> ReadResult:
        data = load_json(source)
        included = {
            (str(record.get("type")), str(record.get("id"))): record
            for record in objects(data.get("included"))
        }
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            attributes = obj(job.get("attributes"))
            links = obj(job.get("links"))
            job_url = text(links.get("careersite-job-url"))
            companies = _related(job, "company", included)
            employer = text(companies[0].get("name")) if companies else None
            if not employer:
                employer = employer_from_host(job_url)
                derived.extend([employer] if employer else [])
            arrangement = REMOTE_STATUS.get(str(attributes.get("remote-status") or "").lower())
            places = [_place(loc) for loc in _related(job, "locations", included)]
            departments = _related(job, "department", included)
            pitch = text(attributes.get("pitch"))
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(attributes, "title"),
                employer_name=employer,
                employer_website=text(companies[0].get("website")) if companies else None,
                category=text(departments[0].get("name")) if departments else None,
                external_id=text(job.get("id")),
                apply_url=text(attributes.get("external-application-url"))
                or text(links.get("careersite-job-apply-url"))
                or job_url,
                summary=pitch,
                description_html=html_field(attributes.get("body")),
                skills=unique(text(tag) for tag in attributes.get("tags") or []),
                salary_min=number(attributes.get("min-salary")),
                salary_max=number(attributes.get("max-salary")),
                salary_currency=text(attributes.get("currency")),
                salary_period=text(attributes.get("salary-time-unit")),
                locations=unique(
                    remote_place(place, arrangement == "remote")
                    for place in (places or ([None] if arrangement == "remote" else []))
                ),
                work_arrangement_text=arrangement,
                employment_type_text=text(attributes.get("employment-type")),
                seniority_text=text(attributes.get("employment-level")),
                date_posted_text=text(attributes.get("created-at")),
                valid_through_text=text(attributes.get("end-date")),
            )

        jobs = [
            {**job, "title": obj(job.get("attributes")).get("title")}
            for job in objects(data.get("data"))
        ]
        result = read_jobs(source, jobs, posting, title_key="title")
        settle_derived_employers(result, source, derived, "the careers-site address")
        return result
