"""JobPosting JSON-LD and microdata as real job sites write them (tests/fixtures/realworld/jsonld).

Each fixture imitates one kind of site: a social network that HTML-escapes its descriptions,
a company site whose `@graph` links nodes by `@id`, an ATS export, a hosted job board with two
postings and hostile markup, a UK job board with a salary in words, a career site marked up
with microdata, and a page whose blocks are broken in the ways pages break.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import EmploymentType, Posting, SalaryPeriod, WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import FIXTURES, build

FOLDER = FIXTURES / "realworld" / "jsonld"
REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)
UNSAFE = ("<script", "onerror", "javascript:")


def _read(name: str) -> tuple[list[Posting], list[str]]:
    """Reads and normalises one fixture; returns its postings and every message about it."""
    fmt, result = read_file(FOLDER / name, name)
    assert fmt == "jobposting-json-ld", [d.format() for d in result.diagnostics]
    postings, messages = [], [d.format() for d in result.diagnostics]
    for raw in result.postings:
        posting, problems = normalize_posting(raw, REFERENCE)
        messages += [d.format() for d in problems]
        if posting is not None:
            postings.append(posting)
    return postings, messages


def _salary(posting: Posting) -> tuple[float | None, float | None, str, SalaryPeriod]:
    assert posting.salary is not None, posting.title
    salary = posting.salary
    return salary.min, salary.max, salary.currency, salary.period


def _assert_safe(posting: Posting) -> None:
    for needle in UNSAFE:
        assert needle not in posting.description_html.lower(), needle


def test_escaped_description_and_entities_in_names() -> None:
    (posting,), messages = _read("linkedin-escaped-description.html")
    assert messages == []  # the BreadcrumbList and WebSite blocks are not problems
    assert posting.title == "R&D Engineer, Acoustic Sensors"
    assert posting.employer.name == "Fennick & Rowe Instruments"
    assert posting.employer.website == "https://fennick-rowe.example"
    assert _salary(posting) == (95000, 120000, "USD", SalaryPeriod.YEAR)
    assert [loc.display for loc in posting.locations] == ["Cambridge, MA, US"]
    assert posting.employment_type == EmploymentType.FULL_TIME
    # The date as written in the posting's own time zone, not shifted to UTC.
    assert posting.date_posted == dt.date(2026, 11, 3)
    assert posting.valid_through == dt.date(2026, 12, 3)
    assert posting.external_id == "4088123917"
    assert posting.apply_url == "https://social.example/jobs/view/4088123917"
    assert posting.description_html.startswith("<p><strong>About the team</strong></p>")
    assert "<li>Write test rigs in Python &amp; C</li>" in posting.description_html
    assert "&lt;" not in posting.description_html


def test_graph_nodes_linked_by_id() -> None:
    (posting,), messages = _read("company-graph-with-ids.html")
    assert messages == []
    assert posting.title == "Robotics Field Technician (m/w/d)"
    assert posting.employer.name == "Orchard Lane Robotics"
    assert posting.employer.logo_url == "https://orchardlane.example/logo.svg"
    assert _salary(posting) == (4200, 4200, "EUR", SalaryPeriod.MONTH)
    assert [loc.display for loc in posting.locations] == ["Hamburg, HH, DE", "Leipzig, DE"]
    assert posting.employment_type == EmploymentType.FULL_TIME
    assert posting.date_posted == dt.date(2026, 10, 28)
    assert posting.valid_through == dt.date(2027, 1, 31)
    assert "PLC troubleshooting" in posting.skills
    assert posting.description_html.startswith("<h2>Your role</h2>")  # no second <h1>


def test_remote_contract_with_hourly_pay_in_a_json_file() -> None:
    (posting,), messages = _read("ats-remote-hourly.json")
    assert messages == []
    assert posting.title == "Freight Dispatcher (Contract, Remote)"
    assert posting.employer.name == "Kestrel Freight"
    assert posting.employer.website == "https://kestrelfreight.example"
    assert _salary(posting) == (24.5, 31, "USD", SalaryPeriod.HOUR)
    assert posting.work_arrangements == (WorkArrangement.REMOTE,)
    assert [loc.display for loc in posting.locations] == ["Remote (US)", "Remote (CA)"]
    assert posting.employment_type == EmploymentType.CONTRACTOR
    assert (posting.date_posted, posting.valid_through) == (
        dt.date(2026, 11, 12),
        dt.date(2026, 12, 31),
    )
    assert posting.external_id == "5512"
    assert posting.skills[:2] == ("Load planning", "TMS software")
    # Plain text keeps its paragraphs; "&" is escaped once for HTML.
    assert posting.description_html.count("<p>") == 3
    assert "calls &amp; emails" in posting.description_html


def test_two_postings_on_a_hosted_board_page_with_hostile_markup() -> None:
    postings, messages = _read("greenhouse-hosted-two-postings.html")
    analyst, coordinator = postings
    assert analyst.title == "Clinical Data Analyst"
    assert analyst.employer.name == coordinator.employer.name == "Larkspur Health"
    # estimatedSalary as a distribution: the 10th to 90th percentile, yearly by its duration.
    assert _salary(analyst) == (78000, 97000, "USD", SalaryPeriod.YEAR)
    assert [loc.display for loc in analyst.locations] == ["Austin, TX, US", "Denver, CO, US"]
    assert analyst.employment_type == EmploymentType.FULL_TIME
    assert "Turn messy clinic records" in " ".join(analyst.description_html.split())
    _assert_safe(analyst)
    assert analyst.apply_url is None
    assert any("javascript:alert(3)" in m and ":9:" in m for m in messages), messages
    assert _salary(coordinator) == (21, 21, "USD", SalaryPeriod.HOUR)
    assert coordinator.employment_type == EmploymentType.PART_TIME
    assert [loc.display for loc in coordinator.locations] == ["Austin, TX, US"]
    assert coordinator.sources[0].line == 22  # each posting is located at its own object


def test_salary_written_in_words_and_full_country_name() -> None:
    (posting,), messages = _read("indeed-uk-text-salary.html")
    assert messages == []  # the job board's own Organization block is ignored
    assert posting.employer.name == "Thistle & Moss Books"
    assert _salary(posting) == (26500, 29000, "GBP", SalaryPeriod.YEAR)
    assert [loc.display for loc in posting.locations] == ["Edinburgh, Scotland, GB"]
    assert posting.employment_type == EmploymentType.FULL_TIME
    assert posting.date_posted == dt.date(2026, 11, 18)
    assert "<b>Thistle &amp; Moss</b>" in posting.description_html


def test_microdata_posting_on_a_career_site() -> None:
    (posting,), messages = _read("career-site-microdata.html")
    assert messages == []
    assert posting.title == "Senior Site Reliability Engineer"
    assert posting.employer.name == "Quarry Bay Software"
    assert posting.employer.website == "https://quarrybay.example/"
    assert _salary(posting) == (62000, 78000, "HKD", SalaryPeriod.MONTH)
    assert [loc.display for loc in posting.locations] == ["Hong Kong, HK"]
    assert posting.employment_type == EmploymentType.FULL_TIME
    assert (posting.date_posted, posting.valid_through) == (
        dt.date(2026, 11, 14),
        dt.date(2027, 1, 15),
    )
    assert posting.apply_url == "https://quarrybay.example/apply/sre"
    assert "<li>Own the on-call rota</li>" in posting.description_html
    _assert_safe(posting)


def test_broken_blocks_are_each_reported_once_and_the_rest_read() -> None:
    (posting,), messages = _read("ashby-org-block-and-problems.html")
    assert posting.title == "Lab Automation Engineer"
    assert posting.employer.name == "Brightwater Labs"
    assert _salary(posting) == (55000, 68000, "GBP", SalaryPeriod.YEAR)
    name = "ashby-org-block-and-problems.html"
    assert sorted(messages) == sorted(
        [
            f"{name}:6: warning: JSON-LD is not valid JSON: it has trailing commas"
            " (block read after repairing it)",
            f"{name}:9: warning: JobPosting 'Lab Automation Engineer' names no"
            " hiringOrganization (employer taken from the page's Organization,"
            " 'Brightwater Labs')",
            f"{name}:20: warning: JSON-LD is not valid JSON: Expecting property name enclosed"
            " in double quotes (block skipped)",
            f"{name}:21: warning: JobPosting has no title (posting skipped)",
        ]
    )


def test_site_built_from_the_folder_shows_every_posting_safely(tmp_path: Path) -> None:
    result = build(FOLDER, tmp_path / "site", today="2026-11-24")
    site = tmp_path / "site"
    pages = [p for p in site.rglob("*.html")]
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    titles = [
        "R&amp;D Engineer, Acoustic Sensors",
        "Robotics Field Technician (m/w/d)",
        "Freight Dispatcher (Contract, Remote)",
        "Clinical Data Analyst",
        "Part-Time Patient Coordinator",
        "Bookshop Supervisor",
        "Senior Site Reliability Engineer",
        "Lab Automation Engineer",
    ]
    for title in titles:
        assert any(f">{title}</h1>" in text for text in texts.values()), title
    for page, text in texts.items():
        lowered = text.lower()
        for needle in ("<script>alert", "onerror=", "javascript:", "&amp;amp;"):
            assert needle not in lowered, (page, needle)
    assert result is not None
