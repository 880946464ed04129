"""Recruitee careers-site API exports (`{company}.recruitee.com/api/offers/`).

`{"offers": [...]}`; an offer has `title`, `company_name`, `location`, `city`, `state_name`,
`country`, `country_code`, `locations: [{city, state, country, country_code}]`, `remote`,
`hybrid`, `on_site`, `description` and `requirements` (HTML), `careers_url`,
`careers_apply_url`, `published_at` / `created_at`, `employment_type_code`
("fulltime_permanent"), `experience_code`, `department` and `salary: {min, max, currency,
period}`. Without `company_name`, the employer comes from `<company>.recruitee.com`.
"""

from __future__ import annotations

import re
from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    employer_from_url,
    first_job_has,
    html_field,
    html_sections,
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

RECRUITEE_URL = re.compile(r"https?://([\w-]+)\.recruitee\.com/", re.I)
RECRUITEE_OFFER_KEYS = {"careers_url", "careers_apply_url", "employment_type_code", "slug"}


def _code_words(value: Any) -> str | None:
    """A code as words ("fulltime_permanent" → "fulltime permanent", "mid_level" → "mid level").

    Underscores join words into one for regex word boundaries, so they become spaces.
    """
    code = text(value)
    return (
        code.replace("_", " ").replace("fulltime", "full-time").replace("parttime", "part-time")
        if code
        else None
    )


def _places(offer: dict[str, Any], remote: bool) -> tuple[str, ...]:
    """Each listed location; the offer's own city/state/country when it lists none."""
    listed = objects(offer.get("locations")) or [
        {
            "city": offer.get("city"),
            "state": offer.get("state_name"),
            "country": offer.get("country"),
            "country_code": offer.get("country_code"),
        }
    ]
    places = [
        qualify_place(
            join_place(text(loc.get("city")), text(loc.get("state"))),
            text(loc.get("country_code")) or text(loc.get("country")),
        )
        for loc in listed
    ]
    if not any(places):
        places = [text(offer.get("location"))]
    return unique(remote_place(place, remote) for place in places if place or remote)


def _arrangement(offer: dict[str, Any]) -> str | None:
    flags = [("hybrid", "hybrid"), ("remote", "remote"), ("on_site", "onsite")]
    return " or ".join(word for key, word in flags if offer.get(key) is True) or None


class RecruiteeReader:
    """Reads a Recruitee offers API export."""

    name = "recruitee-json"

    def sniff(self, source: InputFile) -> bool:
        return first_job_has(parsed_json(source), "offers", RECRUITEE_OFFER_KEYS)

    def read(self, source: InputFile) -> ReadResult:
        data = load_json(source)
        derived: list[str] = []

        def posting(offer: dict[str, Any], line: int | None) -> RawPosting:
            employer = text(offer.get("company_name"))
            if not employer:
                employer = employer_from_url(text(offer.get("careers_url")), RECRUITEE_URL)
                derived.extend([employer] if employer else [])
            fully_remote = offer.get("remote") is True and offer.get("hybrid") is not True
            salary = obj(offer.get("salary"))
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(offer, "title"),
                employer_name=employer,
                category=text(offer.get("department")) or _code_words(offer.get("category_code")),
                external_id=text(offer.get("id")),
                apply_url=text(offer.get("careers_apply_url")) or text(offer.get("careers_url")),
                description_html=html_sections(
                    [
                        (None, html_field(offer.get("description"))),
                        ("Requirements", html_field(offer.get("requirements"))),
                    ]
                ),
                salary_min=number(salary.get("min")),
                salary_max=number(salary.get("max")),
                salary_currency=text(salary.get("currency")),
                salary_period=text(salary.get("period")),
                locations=_places(offer, fully_remote),
                work_arrangement_text=_arrangement(offer),
                employment_type_text=_code_words(offer.get("employment_type_code")),
                seniority_text=_code_words(offer.get("experience_code")),
                date_posted_text=text(offer.get("published_at")) or text(offer.get("created_at")),
            )

        result = read_jobs(source, data["offers"], posting, title_key="title", noun="offer")
        settle_derived_employers(result, source, derived, "the careers URL")
        return result
