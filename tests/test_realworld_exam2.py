"""The second examiner's unseen inputs, read end to end: each file states the facts its fix is for.

The fixture files (tests/fixtures/realworld/exam2/<kind>/) are the examiner's inputs, written for
this project with fictional employers, copied unchanged. They have a folder of their own because
other tests build whole folders such as realworld/ats and expect exactly their own postings there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import Posting, WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import FIXTURES, read_and_normalise, salary_facts

EXAM2 = FIXTURES / "realworld" / "exam2"
REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _read(kind: str, name: str) -> tuple[str | None, list[Posting], list[str]]:
    """Reads and normalises one fixture: (format, postings kept, every message formatted)."""
    fmt, postings, problems = read_and_normalise(EXAM2 / kind / name, REFERENCE)
    return fmt, postings, [d.format() for d in problems]


_salary = salary_facts


def _places(posting: Posting) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(loc.city, loc.region, loc.country, loc.remote) for loc in posting.locations]


# --- dates: dotted numbers are day first -------------------------------------------------------


def test_jooble_feed_dates_pay_and_expiry() -> None:
    fmt, postings, _ = _read("feeds", "jooble-partner.xml")
    assert fmt == "job-feed-xml"
    android, qa, disponent = postings
    assert android.title == "Senior Android Developer"
    assert android.date_posted == dt.date(2026, 11, 3)
    assert android.valid_through == dt.date(2027, 1, 3)
    assert _salary(android) == (1200000, 1800000, "INR", "YEAR")
    assert _places(android) == [("Bengaluru", "Karnataka", "IN", False)]
    assert qa.date_posted == dt.date(2026, 11, 17)
    assert _salary(qa) == (800000, 1100000, "INR", "YEAR")
    assert disponent.date_posted == dt.date(2026, 11, 12)
    assert disponent.valid_through == dt.date(2026, 12, 12)
    assert _salary(disponent) == (3400, 3900, "EUR", "MONTH")


def test_markdown_dotted_date_is_day_first() -> None:
    _, (posting,), _ = _read("markdown", "tallwind-sao-paulo.md")
    assert posting.date_posted == dt.date(2026, 11, 3)
    assert _salary(posting) == (9000, 12000, "BRL", "MONTH")


# --- generic JSON job feeds --------------------------------------------------------------------


def test_remoteok_style_feed() -> None:
    fmt, postings, messages = _read("feeds", "remoteok-style.json")
    assert fmt == "generic-list"
    elixir, growth = postings
    assert (elixir.title, elixir.employer.name) == ("Senior Elixir Engineer", "Gullwing Health")
    assert _salary(elixir) == (90000, 120000, "USD", "YEAR")
    assert [loc.label for loc in elixir.locations] == ["Remote (Europe)"]
    assert elixir.apply_url == "https://gullwing.example/careers/elixir"
    assert elixir.date_posted == dt.date(2026, 11, 19)
    assert {"Elixir", "PostgreSQL"} <= set(elixir.skills)
    assert (growth.title, growth.employer.name) == ("Growth Marketer", "Pixelbarn")
    assert growth.salary is None  # 0 / 0 is no salary
    assert growth.apply_url is None
    assert growth.date_posted == dt.date(2026, 11, 22)
    assert any("apply URL \"javascript:alert('apply')\"" in m for m in messages)
    (mapping,) = [m for m in messages if "no known format" in m]
    assert "salary_min → salary_min" in mapping and "apply_url → apply" in mapping
    assert "tags → skills" in mapping
    assert "keys left unused: slug, epoch, logo, url" in mapping
    assert "<script" not in growth.description_html and "javascript:" not in growth.description_html


def test_himalayas_feed() -> None:
    fmt, postings, messages = _read("feeds", "himalayas-feed.json")
    assert fmt == "generic-list"
    tam, bookkeeper = postings
    assert _salary(tam) == (140000, 165000, "USD", "YEAR")
    assert _places(tam) == [(None, None, "US", True), (None, None, "CA", True)]
    assert tam.work_arrangements == (WorkArrangement.REMOTE,)
    assert tam.date_posted == dt.date(2026, 11, 22)  # epoch seconds
    assert tam.apply_url is not None and tam.apply_url.endswith("/apply")
    assert bookkeeper.employer.name == "Fernwick Studio"
    assert bookkeeper.salary is None
    assert _places(bookkeeper) == [(None, None, "GB", True)]
    assert bookkeeper.date_posted == dt.date(2026, 11, 20)
    assert not any("jobLocation" in m for m in messages)
    (mapping,) = [m for m in messages if "no known format" in m]
    assert "locationRestrictions → remote_places" in mapping
    assert "keys left unused:" in mapping and "timezoneRestrictions" in mapping


# --- Teamtailor JSON:API ------------------------------------------------------------------------


def test_teamtailor_export_with_included_records() -> None:
    fmt, (posting,), messages = _read("ats", "teamtailor-nordhavn.json")
    assert fmt == "teamtailor-json"
    assert messages == []
    assert posting.title == "Backend-utvecklare (Kotlin)"
    assert posting.employer.name == "Nordhavn Fintech"
    assert posting.employer.website == "https://www.nordhavnfintech.se"
    assert _salary(posting) == (52000, 62000, "SEK", "MONTH")
    assert _places(posting) == [("Malmö", None, "SE", False)]
    assert posting.work_arrangements == (WorkArrangement.HYBRID,)
    assert posting.date_posted == dt.date(2026, 11, 11)
    assert posting.category == "Engineering"
    assert posting.summary == "Join a 40-person fintech in Malmö"


def test_unknown_json_api_export_says_so(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"data": [{"type": "widgets", "id": "1"}], "included": []}')
    fmt, result = read_file(path, "export.json")
    assert fmt is None
    assert "a JSON:API export (data/included)" in result.diagnostics[0].format()


# --- Atom titles ------------------------------------------------------------------------------


def test_atom_title_with_role_employer_and_place() -> None:
    _, (postdoc, rse), _ = _read("feeds", "university-jobs.atom")
    assert postdoc.title == "Postdoctoral Research Associate in Battery Materials"
    assert postdoc.employer.name == "University of Eastmoor"
    assert _places(postdoc) == [("Leeds", None, "GB", False)]
    assert postdoc.date_posted == dt.date(2026, 11, 9)
    assert _salary(postdoc) == (37174, 44263, "GBP", "YEAR")
    assert (rse.title, rse.employer.name) == (
        "Research Software Engineer",
        "Ardent Institute for Genomics",
    )


# --- places, casing, employment types ---------------------------------------------------------


def test_greenhouse_places_and_casing() -> None:
    _, postings, _ = _read("ats", "greenhouse-orbitalferns.json")
    by_title = {p.title: p for p in postings}
    staff = by_title["Staff Backend Engineer, Payments"]
    assert _places(staff) == [("New York", "NY", "US", False), (None, None, "US", True)]
    assert "Office Coordinator (Bilingual Portuguese/English)" in by_title


def test_markdown_nyc_or_remote_east_coast() -> None:
    _, (posting,), _ = _read("markdown", "kiteward-founding-engineer.md")
    assert _places(posting) == [("New York", "NY", "US", False), (None, None, "US", True)]
    assert posting.apply_url == "mailto:founders@kiteward.example"


def test_wien_is_a_city() -> None:
    _, postings, _ = _read("ats", "recruitee-pollenfield.json")
    assert _places(postings[0]) == [("Wien", None, "AT", False)]


def test_campus_after_a_dash_is_dropped() -> None:
    _, (posting,), _ = _read("jsonld", "pembrook-workday.html")
    assert _places(posting) == [("Spokane", "WA", "US", False)]
    assert _salary(posting) == (41.2, 61.8, "USD", "HOUR")


def test_first_listed_employment_type() -> None:
    _, (posting,), _ = _read("jsonld", "brightlane-staffing.html")
    assert posting.employment_type is not None and posting.employment_type.value == "TEMPORARY"


# --- JSON-LD skills and a block cut short -------------------------------------------------------


def test_skills_listed_in_the_description_are_all_found() -> None:
    _, (posting,), _ = _read("jsonld", "thornquill-escaped-hostile.html")
    assert posting.skills == ("Kubernetes", "Terraform", "Prometheus")
    assert posting.title == "Site Reliability Engineer"


def test_jsonld_skills_as_objects_or_one_string(tmp_path: Path) -> None:
    page = """<html><head><script type="application/ld+json">
{"@type": "JobPosting", "title": "SRE", "hiringOrganization": "Acme",
 "skills": [{"@type": "DefinedTerm", "name": "Kubernetes"}, "Terraform; Prometheus"]}
</script><script type="application/ld+json">
{"@type": "JobPosting", "title": "Ops", "hiringOrganization": "Acme",
 "skills": "Kubernetes; Terraform; Prometheus"}
</script></head><body></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page)
    _, result = read_file(path, "page.html")
    for raw in result.postings:
        posting, _ = normalize_posting(raw, REFERENCE)
        assert posting is not None
        assert posting.skills == ("Kubernetes", "Terraform", "Prometheus")


def test_jsonld_block_cut_by_a_raw_script_end_tag() -> None:
    _, postings, messages = _read("jsonld", "thornquill-jobvite-hostile.html")
    assert postings == []
    (message,) = messages
    assert "ends early" in message and '"</script>" inside its text' in message
    assert "block skipped, and the posting in it" in message


# --- scraped Lever page: "A$130k + super" is a minimum ------------------------------------------


def test_lever_hosted_page_open_ended_pay() -> None:
    _, (posting,), _ = _read("scraped", "lever-hosted-fathomline.txt")
    assert _salary(posting) == (130000, None, "AUD", "YEAR")
