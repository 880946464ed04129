"""The third examiner's unseen inputs, read end to end: each file states the facts its fix is for.

The fixture files (tests/fixtures/realworld/exam3/<kind>/) are the examiner's inputs, written for
this project with fictional employers, copied unchanged. They have a folder of their own because
other tests build whole folders such as realworld/ats and expect exactly their own postings there.
"""

from __future__ import annotations

import datetime as dt

from generator.build import role_vocabulary
from generator.config import SiteConfig
from generator.models import EmploymentType, Posting, Seniority, WorkArrangement
from generator.normalize.posting import ReferenceDate
from generator.normalize.titles import DEFAULT_ROLE_FAMILIES, RoleFamily
from generator.readers import read_file
from tests.conftest import FIXTURES, read_and_normalise, salary_facts

EXAM3 = FIXTURES / "realworld" / "exam3"
REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _read(
    kind: str, name: str, families: tuple[RoleFamily, ...] = DEFAULT_ROLE_FAMILIES
) -> tuple[str | None, list[Posting], list[str]]:
    """Reads and normalises one fixture: (format, postings kept, every message formatted)."""
    fmt, postings, problems = read_and_normalise(EXAM3 / kind / name, REFERENCE, families)
    return fmt, postings, [d.format() for d in problems]


_salary = salary_facts


def _places(posting: Posting) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(loc.city, loc.region, loc.country, loc.remote) for loc in posting.locations]


# --- LinkedIn Limited Listings XML -------------------------------------------------------------


def test_linkedin_limited_listings_salaries_arrangements_places_and_dates() -> None:
    fmt, postings, messages = _read("feeds", "linkedin-limited-listings.xml")
    assert fmt == "job-feed-xml"
    assert messages == []
    controls, field, applications, sales = postings
    assert controls.employer.name == "Rookmere Robotics"
    assert _salary(controls) == (96000, 118000, "USD", "YEAR")
    assert controls.work_arrangements == (WorkArrangement.ONSITE,)
    assert controls.date_posted == dt.date(2026, 11, 19)
    assert controls.seniority == Seniority.SENIOR  # MID_SENIOR_LEVEL
    assert _salary(field) == (29, 36, "USD", "HOUR")
    assert _places(field) == [(None, None, "US", True)]
    assert field.work_arrangements == (WorkArrangement.REMOTE,)
    assert field.date_posted == dt.date(2026, 11, 21)
    assert _salary(applications) == (4600, 5800, "EUR", "MONTH")
    assert applications.work_arrangements == (WorkArrangement.HYBRID,)
    assert _places(applications) == [("Eindhoven", "North Brabant", "NL", False)]
    assert applications.date_posted == dt.date(2026, 11, 23)
    assert _salary(sales) is None
    assert _places(sales) == [("Toronto", "ON", "CA", False)]
    assert sales.date_posted == dt.date(2026, 11, 24)


# --- pay in prose and in salary texts ----------------------------------------------------------


def test_greenhouse_pay_range_block_in_the_description() -> None:
    _, (posting,), _ = _read("jsonld", "greenhouse-brambleway.html")
    assert _salary(posting) == (172000, 214000, "USD", "YEAR")
    assert _places(posting) == [("San Francisco", "CA", "US", False)]


def test_summary_card_base_salary_and_support_family() -> None:
    _, (posting,), _ = _read("cards", "summary-remote-support.txt")
    assert posting.title == "Technical Support Engineer, Tier 2"
    assert _salary(posting) == (72000, 86000, "USD", "YEAR")
    assert posting.role_family == "support-engineer"
    assert _places(posting) == [(None, None, "US", True), (None, None, "CA", True)]


def test_user_support_family_with_the_built_in_key_wins() -> None:
    config = SiteConfig.model_validate(
        {
            "role_families": [
                {
                    "key": "support-engineer",
                    "label": "Support Engineer",
                    "patterns": [r"\bsupport\s+engineer\b"],
                }
            ]
        }
    )
    families = role_vocabulary(config)
    assert [f.label for f in families if f.key == "support-engineer"] == ["Support Engineer"]
    _, (posting,), _ = _read("cards", "summary-remote-support.txt", families)
    assert posting.role_family == "support-engineer"


def test_ote_is_not_the_top_of_the_base_range() -> None:
    _, (posting,), _ = _read("markdown", "saltreed-sdr.md")
    assert _salary(posting) == (65000, 65000, "USD", "YEAR")
    assert _places(posting) == [("San Francisco", "CA", "US", False), (None, None, "US", True)]
    assert posting.date_posted == dt.date(2026, 11, 2)


# --- places ------------------------------------------------------------------------------------


def test_greater_london_is_london() -> None:
    _, (posting,), _ = _read("jsonld", "lever-quillmoss.html")
    assert _places(posting) == [("London", None, "GB", False)]


def test_multiple_locations_is_no_place() -> None:
    _, (posting,), _ = _read("markdown", "tealbrook-pharmacist.md")
    assert posting.locations == ()
    _, postings, _ = _read("ats", "lever-hollowbrook.json")
    (technician,) = [p for p in postings if p.title.startswith("Field Service")]
    assert _places(technician) == [(None, None, "US", False)]
    _, postings, _ = _read("ats", "greenhouse-saltwick.json")
    (general,) = [p for p in postings if p.title == "General Application"]
    assert general.locations == ()


def test_anywhere_in_canada_is_remote_canada() -> None:
    _, postings, _ = _read("feeds", "wpjobmanager-remote.rss")
    lead = postings[-1]
    assert lead.title == "Customer Success Lead"
    assert _places(lead) == [(None, None, "CA", True)]
    assert _salary(lead) == (85000, 100000, "CAD", "YEAR")


def test_remote_country_written_twice_is_one_place() -> None:
    _, (posting,), _ = _read("jsonld", "ashby-fernlight.html")
    assert _places(posting) == [(None, None, "US", True)]
    assert posting.level == "Staff"


# --- levels and metadata -----------------------------------------------------------------------


def test_event_staff_is_no_level() -> None:
    _, (officer, staff), _ = _read("feeds", "hostile-jobs-nodtd.rss")
    assert officer.title == "Night Security Officer"
    assert _salary(officer) == (20, 23, "USD", "HOUR")
    assert staff.title == "Event Staff"
    assert (staff.level, staff.seniority) == (None, None)
    assert _places(staff) == [("Tempe", "AZ", "US", False)]


def test_greenhouse_metadata_employment_type() -> None:
    _, postings, _ = _read("ats", "greenhouse-saltwick.json")
    by_title = {p.title: p for p in postings}
    assert by_title["Account Executive, Mid-Market"].employment_type == EmploymentType.FULL_TIME
    assert (
        by_title["Recruiting Coordinator (Contract)"].employment_type == EmploymentType.CONTRACTOR
    )
    assert by_title["Technical Writer (Part-time)"].employment_type == EmploymentType.PART_TIME


# --- markup in text fields ---------------------------------------------------------------------


def test_markup_in_location_and_employer_is_removed() -> None:
    _, (posting,), messages = _read("jsonld", "hostile-gravelpit-escaped.html")
    assert posting.employer.name == "Gravelpit Aggregates"
    assert _places(posting) == [("Boise", "ID", "US", False)]
    assert "script" not in posting.slug
    assert any("location" in m and "contains HTML markup" in m for m in messages)


def test_markup_in_skills_and_summary_is_removed() -> None:
    _, (posting,), messages = _read("markdown", "hostile-kelpie.md")
    assert posting.skills == ("Dog handling", "Cleaning")
    assert posting.summary == "Walk dogs."
    assert posting.employer.name == "Kelpie Kennels"
    assert any("skill" in m and "contains HTML markup" in m for m in messages)


# --- what an unrecognised file is --------------------------------------------------------------


def test_html_page_without_a_posting_says_what_it_holds() -> None:
    fmt, result = read_file(EXAM3 / "misc" / "careers-home-rookmere.html", "careers.html")
    assert fmt is None
    (message,) = [d.format() for d in result.diagnostics]
    assert (
        "an HTML page with no JobPosting (its structured data: Organization, BreadcrumbList)"
        in message
    )
