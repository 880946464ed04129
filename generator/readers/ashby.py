"""Ashby posting API exports (`api.ashbyhq.com/posting-api/job-board/{org}`).

`{"apiVersion": "1", "jobs": [...]}`; a job has `title`, `location` (a name the company chose,
such as "New York HQ" or "Remote - US"), `secondaryLocations: [{location, address}]`,
`address.postalAddress: {addressLocality, addressRegion, addressCountry}`, `department`,
`team`, `isListed`, `isRemote`, `workplaceType`, `employmentType` ("FullTime", "Intern"…),
`descriptionHtml`, `publishedAt`, `jobUrl`, `applyUrl` and, when compensation is included,
`compensation.summaryComponents: [{compensationType, interval: "1 YEAR", currencyCode,
minValue, maxValue}]`. The export names no company: it is taken from `jobs.ashbyhq.com/<org>`.
"""

from __future__ import annotations

import re
from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    SkipJob,
    employer_from_url,
    first_dict,
    first_job_has,
    html_field,
    join_place,
    listed,
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

ASHBY_URL = re.compile(r"https?://jobs\.ashbyhq\.com/([^/?#\s]+)", re.I)
ASHBY_JOB_KEYS = {"jobUrl", "isListed", "descriptionHtml", "secondaryLocations"}


def _place(name: str | None, address: Any, remote: bool) -> str | None:
    """One location: its postal address when that names a town, else the company's name for it.

    Names are the company's own ("New York HQ", "Bay Area"); the address is the fact. A name
    without a town ("Remote - Germany") is kept and qualified by the address's country.
    """
    postal = obj(obj(address).get("postalAddress"))
    town = text(postal.get("addressLocality"))
    region = text(postal.get("addressRegion"))
    country = text(postal.get("addressCountry"))
    place = join_place(town, region, country) if town else qualify_place(name, country)
    return remote_place(place, remote)


def _salary(job: dict[str, Any]) -> tuple[float | None, float | None, str | None, str | None]:
    """(min, max, currency, interval) of the salary component, if the export includes one."""
    compensation = obj(job.get("compensation"))
    components = objects(compensation.get("summaryComponents")) or [
        c
        for tier in objects(compensation.get("compensationTiers"))
        for c in objects(tier.get("components"))
    ]
    for component in components:
        if (text(component.get("compensationType")) or "").casefold() != "salary":
            continue
        low, high = number(component.get("minValue")), number(component.get("maxValue"))
        if low is not None or high is not None:
            return low, high, text(component.get("currencyCode")), text(component.get("interval"))
    return None, None, None, None


def _remote(job: dict[str, Any]) -> bool:
    workplace = text(job.get("workplaceType"))
    return workplace.casefold() == "remote" if workplace else job.get("isRemote") is True


class AshbyReader:
    """Reads an Ashby job-board posting API export."""

    name = "ashby-json"

    def sniff(self, source: InputFile) -> bool:
        data = parsed_json(source)
        jobs = listed(data, "jobs")
        if jobs is not None and first_dict(jobs) is None:
            return "apiVersion" in data  # an empty Ashby board
        return first_job_has(data, "jobs", ASHBY_JOB_KEYS)

    def read(self, source: InputFile) -> ReadResult:
        data = load_json(source)
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            title = require_title(job, "title")
            if job.get("isListed") is False:
                raise SkipJob(f"{title!r} is not listed on the board (isListed: false)", info=True)
            url = text(job.get("jobUrl"))
            employer = text(job.get("organizationName")) or employer_from_url(url, ASHBY_URL)
            if employer and not text(job.get("organizationName")):
                derived.append(employer)
            remote = _remote(job)
            places = [_place(text(job.get("location")), job.get("address"), remote)]
            places += [
                _place(text(s.get("location")), s.get("address"), remote)
                for s in objects(job.get("secondaryLocations"))
            ]
            low, high, currency, interval = _salary(job)
            compensation = obj(job.get("compensation"))
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=title,
                employer_name=employer,
                category=text(job.get("department")),
                team=text(job.get("team")),
                external_id=text(job.get("id")),
                apply_url=text(job.get("applyUrl")) or url,
                description_html=html_field(job.get("descriptionHtml")),
                salary_min=low,
                salary_max=high,
                salary_currency=currency,
                salary_period=interval,
                salary_text=None
                if low or high
                else text(compensation.get("scrapeableCompensationSalarySummary")),
                locations=unique(places),
                work_arrangement_text=text(job.get("workplaceType"))
                or ("remote" if remote else None),
                employment_type_text=text(job.get("employmentType")),
                date_posted_text=text(job.get("publishedAt")),
            )

        result = read_jobs(source, data["jobs"], posting, title_key="title")
        settle_derived_employers(result, source, derived, "the job URL")
        return result
