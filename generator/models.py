"""The domain models. Frozen pydantic values, no I/O.

`RawPosting` is what a reader hands over: the facts as the source states them, still strings
where the source gave strings. `Posting` is what normalisation makes of it: typed, validated,
canonical. Everything after normalisation works on `Posting` only.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class WorkArrangement(enum.StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"

    @property
    def label(self) -> str:
        return {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}[self.value]


class EmploymentType(enum.StrEnum):
    """Values map one to one onto schema.org employmentType."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    TEMPORARY = "TEMPORARY"
    INTERN = "INTERN"
    VOLUNTEER = "VOLUNTEER"
    PER_DIEM = "PER_DIEM"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return {
            "FULL_TIME": "Full-time",
            "PART_TIME": "Part-time",
            "CONTRACTOR": "Contract",
            "TEMPORARY": "Temporary",
            "INTERN": "Internship",
            "VOLUNTEER": "Volunteer",
            "PER_DIEM": "Per diem",
            "OTHER": "Other",
        }[self.value]


class Seniority(enum.StrEnum):
    """The experience level a posting asks for, on one fixed ladder."""

    INTERN = "intern"
    ENTRY = "entry"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"
    DIRECTOR = "director"
    EXECUTIVE = "executive"

    @property
    def label(self) -> str:
        return {
            "intern": "Internship",
            "entry": "Entry level",
            "mid": "Mid level",
            "senior": "Senior level",
            "lead": "Lead / Staff",
            "director": "Director",
            "executive": "Executive",
        }[self.value]


class SalaryPeriod(enum.StrEnum):
    """Values map onto schema.org QuantitativeValue unitText."""

    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"

    @property
    def label(self) -> str:
        return {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}[
            self.value
        ]

    @property
    def per_year(self) -> int:
        """How many of this period make a working year (used for yearly equivalents)."""
        return {"HOUR": 2080, "DAY": 260, "WEEK": 52, "MONTH": 12, "YEAR": 1}[self.value]


Money = Annotated[float, Field(gt=0)]


class Salary(Frozen):
    """A pay range. min == max for a single figure; one end is None for "up to" / "from".

    Currency is ISO 4217.
    """

    min: Money | None = None
    max: Money | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    period: SalaryPeriod = SalaryPeriod.YEAR

    @model_validator(mode="after")
    def _ordered(self) -> Salary:
        if self.min is None and self.max is None:
            raise ValueError("a salary needs a minimum or a maximum")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"salary minimum {self.min} is above maximum {self.max}")
        return self

    @property
    def yearly_low(self) -> float:
        """The lower end as a yearly figure (the only end for "up to" salaries)."""
        value = self.min if self.min is not None else self.max
        assert value is not None  # guaranteed by _ordered
        return value * self.period.per_year

    @property
    def yearly_high(self) -> float:
        value = self.max if self.max is not None else self.min
        assert value is not None  # guaranteed by _ordered
        return value * self.period.per_year


class Location(Frozen):
    """A place a job is done from; a remote location names where applicants may live."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    remote: bool = False
    area: str | None = None  # a region wider than one country: "EMEA", "Europe", "Worldwide"
    label: str = ""

    @property
    def display(self) -> str:
        if self.label:
            return self.label
        parts = [p for p in (self.city, self.region, self.country) if p]
        where = ", ".join(parts)
        if self.remote:
            return f"Remote ({where})" if where else "Remote"
        return where or "Unspecified"


class Employer(Frozen):
    """An organisation that posts jobs; `key` is its normalised identity."""

    key: str
    name: str
    website: str | None = None
    logo_url: str | None = None
    description: str | None = None
    industry: str | None = None
    segment: str | None = None


class Source(Frozen):
    """Where a posting came from: file, line (when known) and the reader that understood it."""

    path: str
    line: int | None = None
    format: str


class RawPosting(Frozen):
    """A posting as a reader found it: source strings, not yet normalised.

    Readers fill what their format carries and leave the rest empty. Free text that a
    normaliser interprets (salary, locations, dates, levels) stays text; structured sources
    may give numbers directly.
    """

    source: Source
    title: str
    employer_name: str | None = None
    employer_website: str | None = None
    employer_logo_url: str | None = None
    employer_description: str | None = None
    industry: str | None = None
    segment: str | None = None
    category: str | None = None
    team: str | None = None
    external_id: str | None = None
    apply_url: str | None = None
    description_html: str = ""
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    salary_text: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    locations: tuple[str, ...] = ()
    applicant_countries: tuple[str, ...] = ()
    work_arrangement_text: str | None = None
    employment_type_text: str | None = None
    seniority_text: str | None = None
    date_posted_text: str | None = None
    valid_through_text: str | None = None


class Posting(Frozen):
    """A normalised job posting; the unit every later stage works on."""

    id: str
    slug: str
    title: str
    employer: Employer
    role_family: str | None = None
    level: str | None = None
    seniority: Seniority | None = None
    category: str | None = None
    team: str | None = None
    locations: tuple[Location, ...] = ()
    work_arrangements: tuple[WorkArrangement, ...] = ()
    employment_type: EmploymentType | None = None  # the first of `employment_types`
    employment_types: tuple[EmploymentType, ...] = ()  # every type the source lists, in order
    salary: Salary | None = None
    skills: tuple[str, ...] = ()
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    date_posted: dt.date | None = None
    date_posted_approximate: bool = False
    valid_through: dt.date | None = None
    apply_url: str | None = None
    external_id: str | None = None
    description_html: str = ""
    # The description's plain text, made once while normalising: cards, feeds, search, merging
    # and similar jobs all read it, and a tree per reader cost more than the whole render.
    description_text: str = ""
    sources: tuple[Source, ...]

    @model_validator(mode="before")
    @classmethod
    def _types_agree(cls, data: Any) -> Any:
        """`employment_type` is the first of `employment_types`: either may be given."""
        if isinstance(data, dict):
            one, many = data.get("employment_type"), tuple(data.get("employment_types") or ())
            if one is not None and not many:
                data = {**data, "employment_types": (one,)}
            elif one is None and many:
                data = {**data, "employment_type": many[0]}
        return data

    @property
    def is_remote(self) -> bool:
        return WorkArrangement.REMOTE in self.work_arrangements or any(
            loc.remote for loc in self.locations
        )
