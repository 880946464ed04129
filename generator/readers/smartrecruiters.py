"""SmartRecruiters posting API exports (`api.smartrecruiters.com/v1/companies/{id}/postings`).

A page of postings `{"offset", "limit", "totalFound", "content": [...]}`, or one posting (the
detail endpoint) at the top level. A posting has `name` (the title), `company: {identifier,
name}`, `releasedDate`, `location: {city, region, country (ISO code, lower case), remote,
hybrid, fullLocation}`, `department`, `function`, `industry`, `typeOfEmployment`,
`experienceLevel` (each `{label}`), `customField: [{fieldLabel, valueLabel}]` and, in detail
exports, `jobAd.sections` (`companyDescription`, `jobDescription`, `qualifications`,
`additionalInformation`, each `{title, text}` with HTML text).
"""

from __future__ import annotations

import re
from typing import Any

from generator.models import RawPosting, Source
from generator.readers.ats_common import (
    first_dict,
    html_field,
    html_sections,
    join_place,
    label,
    load_json,
    name_from_slug,
    obj,
    objects,
    parsed_json,
    qualify_place,
    read_jobs,
    remote_place,
    require_title,
    settle_derived_employers,
    text,
)
from generator.readers.base import InputFile, ReadResult

SR_JOB_KEYS = {"releasedDate", "typeOfEmployment", "jobAd", "refNumber", "experienceLevel"}
SR_URL = re.compile(
    r"https?://(?:jobs|careers)\.smartrecruiters\.com/([^/?#\s]+)"
    r"|https?://api\.smartrecruiters\.com/v1/companies/([^/?#\s]+)",
    re.I,
)
SECTIONS = ("jobDescription", "qualifications", "additionalInformation", "companyDescription")


def _is_posting(value: Any) -> bool:
    return isinstance(value, dict) and "name" in value and bool(SR_JOB_KEYS & value.keys())


def _postings(data: Any) -> list[Any] | None:
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        return list(data["content"])
    return [data] if _is_posting(data) else None


def _place(location: dict[str, Any]) -> str | None:
    """ "City, Region, Country name", or the export's own full location text."""
    country = text(location.get("country"))
    city, region = text(location.get("city")), text(location.get("region"))
    if city or region:
        place = qualify_place(join_place(city, region), country)
    else:
        place = qualify_place(text(location.get("fullLocation")), country)
    return remote_place(
        place, location.get("remote") is True and location.get("hybrid") is not True
    )


def _arrangement(location: dict[str, Any]) -> str | None:
    if location.get("hybrid") is True:
        return "hybrid"
    if location.get("remote") is True:
        return "remote"
    return "onsite" if location.get("remote") is False else None


def _description(job: dict[str, Any]) -> str:
    sections = obj(obj(job.get("jobAd")).get("sections"))
    return html_sections(
        (text(obj(sections.get(key)).get("title")), html_field(obj(sections.get(key)).get("text")))
        for key in SECTIONS
    )


# Custom-field labels that hold the pay, in English and the languages exports use
# ("Lön", "Gehalt", "Salaire", "Salario", "Sueldo", "Salário", "Wynagrodzenie", "Loon").
PAY_FIELD = (
    r"salary|compensation|\bpay\b|\blön\b|\bgehalt\b|\bsalaire\b|\bsalario\b|\bsueldo\b|"
    r"\bsalário\b|\bwynagrodzenie\b|\bloon\b|\blønn?\b|\bpalkka\b|\bstipendio\b"
)


def _custom(job: dict[str, Any], pattern: str) -> str | None:
    """The value of the first custom field whose label matches."""
    for item in objects(job.get("customField")):
        if re.search(pattern, text(item.get("fieldLabel")) or "", re.I):
            return text(item.get("valueLabel"))
    return None


def _employer(job: dict[str, Any]) -> tuple[str | None, bool]:
    """(employer, derived?): the company's name, else its identifier in a URL or the export."""
    company = obj(job.get("company"))
    if name := text(company.get("name")):
        return name, False
    for url in (text(job.get("postingUrl")), text(job.get("applyUrl")), text(job.get("ref"))):
        if match := SR_URL.search(url or ""):
            return name_from_slug(match.group(1) or match.group(2)), True
    identifier = text(company.get("identifier"))
    return (name_from_slug(identifier), True) if identifier else (None, False)


class SmartRecruitersReader:
    """Reads a SmartRecruiters postings page or single posting export."""

    name = "smartrecruiters-json"

    def sniff(self, source: InputFile) -> bool:
        data = parsed_json(source)
        if _is_posting(data):
            return True
        if not isinstance(data, dict) or not isinstance(data.get("content"), list):
            return False
        first = first_dict(data["content"])
        if first is None:
            return "totalFound" in data
        return _is_posting(first)

    def read(self, source: InputFile) -> ReadResult:
        postings = _postings(load_json(source)) or []
        derived: list[str] = []

        def posting(job: dict[str, Any], line: int | None) -> RawPosting:
            employer, was_derived = _employer(job)
            if was_derived and employer:
                derived.append(employer)
            location = obj(job.get("location"))
            identifier = text(obj(job.get("company")).get("identifier"))
            job_id = text(job.get("id"))
            public = (
                f"https://jobs.smartrecruiters.com/{identifier}/{job_id}"
                if identifier and job_id
                else None
            )
            place = _place(location)
            return RawPosting(
                source=Source(path=source.path, line=line, format=self.name),
                title=require_title(job, "name"),
                employer_name=employer,
                industry=label(job.get("industry"), "label"),
                category=label(job.get("department"), "label")
                or label(job.get("function"), "label"),
                external_id=job_id or text(job.get("refNumber")),
                apply_url=text(job.get("applyUrl")) or text(job.get("postingUrl")) or public,
                description_html=_description(job),
                salary_text=_custom(job, PAY_FIELD),
                locations=(place,) if place else (),
                work_arrangement_text=_arrangement(location),
                employment_type_text=label(job.get("typeOfEmployment"), "label"),
                seniority_text=label(job.get("experienceLevel"), "label"),
                date_posted_text=text(job.get("releasedDate")),
            )

        result = read_jobs(source, postings, posting, title_key="name", noun="posting")
        settle_derived_employers(result, source, derived, "the posting URL")
        return result
