"""Job feeds as real boards publish them read back the facts a job seeker sees.

Fixtures in tests/fixtures/realworld/feeds are written by hand in the shapes of Indeed and
ZipRecruiter-style XML, WeWorkRemotely- and Remotive-style RSS, and Atom career feeds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import Diagnostic
from generator.models import EmploymentType, Posting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import FIXTURES, read_and_normalise, salary_facts

FEEDS = FIXTURES / "realworld" / "feeds"
REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def _read(name: str) -> tuple[str | None, list[Posting], list[Diagnostic]]:
    """Reads and normalises one fixture: (format, postings kept, every diagnostic)."""
    return read_and_normalise(FEEDS / name, REFERENCE)


def _by_title(postings: list[Posting]) -> dict[str, Posting]:
    return {p.title: p for p in postings}


_salary = salary_facts


def test_indeed_source_feed() -> None:
    fmt, postings, problems = _read("indeed_source.xml")
    assert fmt == "job-feed-xml" and problems == []
    jobs = _by_title(postings)
    support = jobs["Customer Support Specialist"]
    assert support.employer.name == "Lanternfish Outfitters"
    assert _salary(support) == (55000, 65000, "USD", "YEAR")
    assert [loc.display for loc in support.locations] == ["Portland, OR, US"]
    # "Hybrid remote" is hybrid only; "fulltime, parttime" is the first type listed.
    assert [a.value for a in support.work_arrangements] == ["hybrid"]
    assert support.employment_type == EmploymentType.FULL_TIME
    assert support.date_posted == dt.date(2026, 11, 3)
    assert support.apply_url == "https://careers.lanternfish.example/jobs/1042?src=indeed&utm=feed"
    assert "kayak &amp; get it" in support.description_html
    warehouse = jobs["Warehouse Associate - Night Shift"]
    assert _salary(warehouse) == (21.5, 24.0, "USD", "HOUR")
    assert warehouse.employment_type == EmploymentType.PART_TIME
    assert warehouse.date_posted == dt.date(2026, 11, 2)
    platform = jobs["Senior Platform Engineer"]
    assert [loc.display for loc in platform.locations] == ["Remote (US)"]
    assert [a.value for a in platform.work_arrangements] == ["remote"]
    assert "<script" not in platform.description_html
    assert "onerror" not in platform.description_html
    assert "javascript:" not in platform.description_html


def test_jobs_wrapper_decodes_entities_once() -> None:
    fmt, postings, problems = _read("jobs_wrapper.xml")
    assert fmt == "job-feed-xml" and problems == []
    jobs = _by_title(postings)
    nurse = jobs["Registered Nurse – Cardiac Step-Down"]
    assert nurse.employer.name == "Mercy Ridge Medical Center"
    assert _salary(nurse) == (42, 51, "USD", "HOUR")
    assert nurse.description_html.startswith("<p>Join a 24-bed unit &amp; a team")
    assert "&lt;p&gt;" not in nurse.description_html
    payroll = jobs["Payroll Coordinator"]
    assert _salary(payroll) == (58000, None, "USD", "YEAR")
    assert payroll.employment_type == EmploymentType.CONTRACTOR
    assert [loc.display for loc in payroll.locations] == ["Dublin, OH, US"]
    assert "Café on site" in payroll.description_html


def test_ziprecruiter_style_field_names() -> None:
    fmt, postings, problems = _read("ziprecruiter_style.xml")
    assert fmt == "job-feed-xml" and problems == []
    jobs = _by_title(postings)
    dental = jobs["Bilingual Dental Receptionist"]
    assert dental.employer.name == "Sunport Family Dental"
    assert dental.employer.website == "https://sunportdental.example"
    assert dental.apply_url == "https://sunportdental.example/careers/55910"
    assert _salary(dental) == (19, 23.5, "USD", "HOUR")
    assert dental.employment_type == EmploymentType.PART_TIME
    assert dental.external_id == "ZR-55910"
    planner = jobs["Logistics Planner"]
    assert planner.employer.name == "Nordhafen Freight"
    assert _salary(planner) == (48000, 56000, "EUR", "YEAR")
    # "Bremen" with country "DE" is Germany, not Delaware.
    assert [loc.display for loc in planner.locations] == ["Bremen, DE"]
    assert planner.date_posted == dt.date(2026, 11, 10)
    assert "<iframe" not in planner.description_html


def test_large_feed_keeps_every_job_or_says_why() -> None:
    fmt, postings, problems = _read("large_feed.xml")
    assert fmt == "job-feed-xml"
    messages = [d.format() for d in problems]
    assert messages.count("large_feed.xml:263: warning: job 23 has no title (job skipped)") == 1
    no_employer = [m for m in messages if "names no employer" in m]
    assert len(no_employer) == 5  # jobs 11, 22, 33, 44 and 55 have an empty <company>
    assert len(messages) == 6
    assert len(postings) == 55 - 1 - 5
    titles = {p.title for p in postings}
    assert "Field Technician 01" in titles and "Software Engineer 09" in titles
    fourth = _by_title(postings)["QA Engineer 04"]
    assert _salary(fourth) == (44000, 54000, "USD", "YEAR")
    assert fourth.date_posted == dt.date(2026, 11, 5)
    seventh = _by_title(postings)["Account Executive 03"]
    assert [loc.display for loc in seventh.locations] == ["Leeds, GB"]
    undated = _by_title(postings)["Software Engineer 49"]  # every 7th job has no <date>
    assert undated.date_posted is None and undated.salary is None


def test_weworkremotely_style_rss() -> None:
    fmt, postings, problems = _read("weworkremotely_style.rss")
    assert fmt == "rss-atom" and problems == []
    jobs = _by_title(postings)
    backend = jobs["Senior Backend Engineer (Go)"]  # "(Go)" is no place: it stays in the title
    assert backend.employer.name == "Quayside Labs"
    assert [loc.display for loc in backend.locations] == ["Remote"]
    assert [a.value for a in backend.work_arrangements] == ["remote"]
    assert backend.employment_type == EmploymentType.FULL_TIME
    assert _salary(backend) == (150000, 180000, "USD", "YEAR")
    assert backend.category == "Back-End Programming"
    assert backend.date_posted == dt.date(2026, 11, 14)
    assert backend.valid_through == dt.date(2026, 12, 14)
    assert "You'll own our Go services &amp; their Postgres schema" in backend.description_html
    designer = jobs["Product Designer"]
    assert designer.employer.name == "Fernleaf Health"
    assert [loc.display for loc in designer.locations] == ["Remote (US)"]
    assert designer.employment_type == EmploymentType.CONTRACTOR
    assert "<script" not in designer.description_html
    assert "onclick" not in designer.description_html


@pytest.mark.parametrize(
    ("title", "employer", "places"),
    [
        ("Senior Rust Engineer", "Kestrel Systems", ["Remote (EU)"]),
        ("Data Analyst", "Mossgate Insurance", ["Berlin, DE"]),
        ("Data Analyst", "Tallgrass Robotics", []),
        ("Data Analyst", "Juniper & Finch", ["Berlin, DE"]),
        ("Support Engineer", "Larkspur Cloud", ["Remote (US)"]),
    ],
)
def test_remotive_style_titles_are_split(title: str, employer: str, places: list[str]) -> None:
    _, postings, _ = _read("remotive_style.rss")
    (posting,) = [p for p in postings if p.employer.name == employer]
    assert posting.title == title
    assert [loc.display for loc in posting.locations] == places


def test_remotive_style_extensions() -> None:
    fmt, postings, problems = _read("remotive_style.rss")
    assert fmt == "rss-atom"
    # The item whose link is javascript: is kept, without the link, and says so.
    assert [d.format() for d in problems] == [
        "remotive_style.rss:47: warning: apply URL \"javascript:alert('link')\" is not an "
        "http(s) or mailto URL (apply URL left out)"
    ]
    rust = next(p for p in postings if p.employer.name == "Kestrel Systems")
    assert _salary(rust) == (85000, 105000, "EUR", "YEAR")
    assert rust.employment_type == EmploymentType.FULL_TIME
    assert {"Rust", "Tokio"} <= set(rust.skills)  # several <category> are tags
    assert "<h2>What you’ll do</h2>" in rust.description_html  # content:encoded wins
    assert rust.date_posted == dt.date(2026, 11, 15)
    mossgate = next(p for p in postings if p.employer.name == "Mossgate Insurance")
    assert [a.value for a in mossgate.work_arrangements] == ["hybrid"]
    assert set(mossgate.skills) >= {"SQL"}
    support = next(p for p in postings if p.employer.name == "Larkspur Cloud")
    assert support.apply_url is None
    assert "javascript:" not in support.description_html
    assert "onerror" not in support.description_html


def test_atom_feed() -> None:
    fmt, postings, problems = _read("atom_jobs.atom")
    assert fmt == "rss-atom" and problems == []
    jobs = _by_title(postings)
    ml = jobs["Machine Learning Engineer"]
    assert ml.employer.name == "Saltmarsh Bioinformatics"  # from <author><name>
    assert _salary(ml) == (70000, 85000, "GBP", "YEAR")
    assert ml.date_posted == dt.date(2026, 11, 16)
    assert ml.apply_url == "https://saltmarsh.example/careers/ml-engineer"
    assert {"Python", "PyTorch"} <= set(ml.skills)
    lab = jobs["Lab Operations Lead"]
    assert [loc.display for loc in lab.locations] == ["Cambridge, GB"]
    assert lab.date_posted == dt.date(2026, 11, 10)  # <published>, not <updated>
    assert "onload" not in lab.description_html
    assert "javascript" not in lab.description_html.lower()


def test_feed_item_without_employer_is_reported(tmp_path: Path) -> None:
    feed = tmp_path / "bare.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Board</title>"
        "<item><title>Night Porter</title><link>https://board.example/1</link></item>"
        "<item><title></title></item></channel></rss>",
        encoding="utf-8",
    )
    fmt, result = read_file(feed, "bare.rss")
    assert [d.format() for d in result.diagnostics] == [
        "bare.rss:1: warning: item 2 has no title (item skipped)"
    ]
    (raw,) = result.postings
    posting, problems = normalize_posting(raw, REFERENCE)
    assert posting is None
    assert [d.message for d in problems] == ["posting 'Night Porter' names no employer"]
