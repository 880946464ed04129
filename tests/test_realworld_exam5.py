"""Fifth examiner round: what a last batch of unseen inputs still got wrong."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.normalize.titles import role_family
from generator.readers import read_file
from tests.conftest import FIXTURES, build, write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def test_indeed_salary_guide_link_is_not_the_title() -> None:
    """Indeed's navigation ("Find jobs / Company reviews / Salary guide / Sign in") sits above
    the title; "Salary guide" must not become the job and push the title into the employer."""
    path = FIXTURES / "realworld/exam5/indeed-salary-guide-nav.txt"
    fmt, result = read_file(path, path.name)
    assert fmt == "scraped-indeed"
    (raw,) = result.postings
    posting, _ = normalize_posting(raw, REFERENCE)
    assert posting is not None
    assert posting.title == "Veterinary Technician - Emergency Overnight"
    assert posting.employer.name == "Hollis Creek Animal Hospital"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (27.5, 34, "USD")
    assert [loc.display for loc in posting.locations] == ["Sacramento, CA, US"]


def test_a_manager_of_another_discipline_is_not_an_engineering_manager() -> None:
    tech_words = "Our revenue systems run on data platforms built by technical teams."
    assert role_family("Director of Revenue Management", tech_words) is None
    store = role_family("Store Manager", tech_words)
    assert store is not None and store.key == "retail"
    # A title that names no discipline still takes the description's word for it (seed 001).
    family = role_family("Manager II, User Understanding", "lead our ML engineering team")
    assert family is not None and family.key == "engineering-manager"


def test_an_escaped_name_in_an_export_is_decoded_once() -> None:
    """A department written "R&amp;D" is the text "R&D" on the page, not "R&amp;amp;D"."""
    path = FIXTURES / "realworld/exam5/greenhouse-escaped-department.json"
    fmt, result = read_file(path, path.name)
    assert fmt == "greenhouse-json"
    categories = {
        posting.category
        for raw in result.postings
        if (posting := normalize_posting(raw, REFERENCE)[0]) is not None
    }
    assert "R&D" in categories and not any("&amp;" in (c or "") for c in categories)


def test_indeed_search_box_labels_are_not_title_and_employer() -> None:
    """Indeed's search box copies as "What" / "Where" lines above the job."""
    path = FIXTURES / "realworld/exam5/indeed-search-box-labels.txt"
    fmt, result = read_file(path, path.name)
    assert fmt == "scraped-indeed"
    (raw,) = result.postings
    assert (raw.title, raw.employer_name) == (
        "HVAC Service Technician - Commercial",
        "Cobblestone Mechanical LLC",
    )


def test_engineers_of_things_are_not_software_engineers() -> None:
    for title in (
        "Graduate Civil Engineer",
        "Senior Mechanical Design Engineer",
        "Process Engineer",
    ):
        family = role_family(title)
        assert family is not None and family.key == "engineering-disciplines", title
    for title, key in (("Software Engineer", "software-engineer"), ("Electrician", "trades")):
        family = role_family(title)
        assert family is not None and family.key == key, title


def test_a_uk_outward_code_after_a_town_is_dropped() -> None:
    from generator.normalize.locations import normalize_locations

    assert [loc.display for loc in normalize_locations(["Leeds LS1"])] == ["Leeds, GB"]
    assert [loc.display for loc in normalize_locations(["Manchester M1"])] == ["Manchester, GB"]


def test_built_in_exact_salary_inside_a_sentence_wins_over_the_header() -> None:
    """ "…range for this position is $118,400$152,600 USD" beats the rounded "118K-152K"."""
    path = FIXTURES / "realworld/exam5/builtin-exact-salary-in-sentence.txt"
    fmt, result = read_file(path, path.name)
    assert fmt == "scraped-page"
    posting, _ = normalize_posting(result.postings[0], REFERENCE)
    assert posting is not None and posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        118400,
        152600,
        "USD",
    )


def test_linkedin_salary_insights_are_not_the_salary_nor_the_description() -> None:
    """LinkedIn's "Salary insights" (members' pay, €78,000–€112,000) is an estimate; the job's
    own "Salary: 85.000 - 105.000 EUR per year" is the salary, and the criteria list fills the
    employment type and seniority instead of the description."""
    path = FIXTURES / "realworld/exam5/linkedin-salary-insights.txt"
    fmt, result = read_file(path, path.name)
    assert fmt == "scraped-linkedin"
    posting, _ = normalize_posting(result.postings[0], REFERENCE)
    assert posting is not None and posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        85000,
        105000,
        "EUR",
    )
    assert posting.employment_type is not None and posting.employment_type.value == "FULL_TIME"
    for noise in ("Salary insights", "Based on 24 salaries", "Seniority level", "Industries"):
        assert noise not in posting.description_html


def test_every_listed_employment_type_is_kept(tmp_path: Path) -> None:
    """ "fulltime, parttime": both, in the source's order — on the page, in the JSON-LD (a list,
    as schema.org allows) and in jobs.json; the first stays the posting's main type."""
    feed = (
        "<?xml version='1.0'?><source><job><title>Barista</title><company>Kiln Coffee</company>"
        "<city>Leeds</city><country>GB</country><date>2026-11-20</date>"
        "<jobtype>fulltime, parttime</jobtype><description><![CDATA[<p>Pull shots.</p>]]>"
        "</description></job></source>"
    )
    content = write_files(tmp_path / "content", {"feed.xml": feed})
    site = tmp_path / "site"
    result = build(content, site, today="2026-11-25")
    (posting,) = result.catalog.postings
    assert [k.value for k in posting.employment_types] == ["FULL_TIME", "PART_TIME"]
    page = (site / f"jobs/{posting.slug}/index.html").read_text()
    assert "<dd>Full-time or Part-time</dd>" in page
    assert '"employmentType":["FULL_TIME","PART_TIME"]' in page
    (record,) = json.loads((site / "jobs.json").read_text())["jobs"]
    assert record["employment_type"] == "FULL_TIME"
    assert record["employment_types"] == ["FULL_TIME", "PART_TIME"]
