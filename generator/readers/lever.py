"""Lever postings API exports (`api.lever.co/v0/postings/{company}?mode=json`).

A JSON list of postings: `text` (the title), `categories: {team, department, location,
commitment, allLocations}`, `country` (ISO code of the main location), `description` (or
`opening` + `descriptionBody`), `lists: [{text, content}]`, `additional`, `hostedUrl`,
`applyUrl`, `createdAt` (ms since the epoch), `workplaceType`, `salaryRange: {min, max,
currency, interval}` and `salaryDescription`. Lever exports never name the company: it is
taken from the posting URL, with a note.
"""

from __future__ import annotations

import html
import re
from typing import Any

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    employer_from_url,
    first_dict,
    html_field,
    html_sections,
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

LEVER_URL = re.compile(r"https?://jobs\.(?:eu\.)?lever\.co/([^/?#\s]+)", re.I)
LEVER_INTERVAL = {
    "per-year-salary": "YEAR",
    "per-month-salary": "MONTH",
    "per-week-salary": "WEEK",
    "per-day-wage": "DAY",
    "per-hour-wage": "HOUR",
}


def _description(job: dict[str, Any]) -> str:
    """The description, the titled lists and the closing text, as one HTML fragment."""
    opening = html_field(job.get("description")) or html_sections(
        [(None, html_field(job.get("opening"))), (None, html_field(job.get("descriptionBody")))]
    )
    lists = "".join(
        f"<h3>{html.escape(text(item.get('text')) or '')}</h3>"
        f"<ul>{html_field(item.get('content'))}</ul>"
        for item in objects(job.get("lists"))
    )
    return f"{opening}{lists}{html_field(job.get('additional'))}"


def _locations(job: dict[str, Any], remote: bool) -> tuple[str, ...]:
    """The main location qualified by the posting's country, then any other locations."""
    categories = obj(job.get("categories"))
    main = text(categories.get("location"))
    others = [t for item in categories.get("allLocations") or [] if (t := text(item))]
    country = text(job.get("country"))
    places = unique([main, *others])
    if places and (main or len(places) == 1):
        # The country is the main location's; with one place it is that place's country.
        places = (qualify_place(places[0], country) or places[0], *places[1:])
    elif not places and country:
        places = unique([qualify_place(None, country)])
    return tuple(p for place in places if (p := remote_place(place, remote)))


class LeverReader:
    """Reads a Lever postings API export (a JSON list of postings)."""

    name = "lever-json"

    def sniff(self, source: InputFile) -> bool:
        first = first_dict(parsed_json(source))
        return first is not None and "hostedUrl" in first and ("text" in first)

    def read(self, source: InputFile) -> ReadResult:
        data = load_json(source)
        if not isinstance(data, list):
            raise ReaderError("Lever export is not a list of postings")
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            categories = obj(job.get("categories"))
            employer = employer_from_url(text(job.get("hostedUrl")), LEVER_URL)
            if employer:
                derived.append(employer)
            salary = obj(job.get("salaryRange"))
            workplace = text(job.get("workplaceType"))
            workplace = None if workplace in (None, "unspecified") else workplace
            interval = text(salary.get("interval"))
            created = number(job.get("createdAt"))
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(job, "text"),
                employer_name=employer,
                team=text(categories.get("team")),
                category=text(categories.get("department")),
                external_id=text(job.get("id")),
                apply_url=text(job.get("applyUrl")) or text(job.get("hostedUrl")),
                description_html=_description(job),
                salary_min=number(salary.get("min")),
                salary_max=number(salary.get("max")),
                salary_currency=text(salary.get("currency")),
                salary_period=LEVER_INTERVAL.get(interval or "", interval),
                salary_text=text(job.get("salaryDescription")) if not salary else None,
                locations=_locations(job, remote=workplace == "remote"),
                work_arrangement_text=workplace,
                employment_type_text=text(categories.get("commitment")),
                date_posted_text=str(int(created)) if created else None,
            )

        result = read_jobs(source, data, posting, title_key="text", noun="posting")
        settle_derived_employers(
            result, source, derived, "the posting URL", "Lever exports name no company"
        )
        return result
