"""ATS exports in their real API shapes: every posting read with the facts a reader sees.

The fixtures in `tests/fixtures/realworld/ats/` follow the public APIs of Greenhouse, Lever,
Ashby, SmartRecruiters, Workable, Recruitee and Personio (fictional employers, our own prose);
each holds one hostile job whose description carries a script, an event handler and a
javascript: link.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.errors import Severity
from generator.models import Posting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_data, read_file
from tests.conftest import FIXTURES, build

ATS = FIXTURES / "realworld" / "ats"
REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)
UNSAFE = ("<script", "onerror", "onclick", "javascript:")


def _read(name: str, fmt_expected: str) -> tuple[dict[str, Posting], list[str]]:
    """The file's postings by title, and every message (reader and normaliser) as text."""
    fmt, result = read_file(ATS / name, name)
    messages = [d.format() for d in result.diagnostics]
    assert fmt == fmt_expected, messages
    postings: dict[str, Posting] = {}
    for raw in result.postings:
        posting, problems = normalize_posting(raw, REFERENCE)
        messages += [d.format() for d in problems]
        if posting is not None:
            postings[posting.title] = posting
    return postings, messages


def _facts(posting: Posting) -> dict[str, Any]:
    """What a reader of the posting page sees, in comparable form."""
    salary = posting.salary
    return {
        "employer": posting.employer.name,
        "salary": (salary.min, salary.max, salary.currency, salary.period.value)
        if salary
        else None,
        "locations": [loc.display for loc in posting.locations],
        "arrangements": [a.value for a in posting.work_arrangements],
        "type": posting.employment_type.value if posting.employment_type else None,
        "posted": posting.date_posted.isoformat() if posting.date_posted else None,
    }


EXPECTED: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "greenhouse-tidewater.json": (
        "greenhouse-json",
        {
            "Staff Robotics Software Engineer, Motion Planning": {
                "employer": "Tidewater Robotics",
                # Two pay zones in USD: the posting shows their whole span.
                "salary": (189000, 260000, "USD", "YEAR"),
                # Offices repeat the location text in other words: each city once.
                "locations": ["San Francisco, CA, US", "New York, NY, US"],
                "arrangements": ["hybrid"],
                "type": "FULL_TIME",
                "posted": "2026-11-03",
            },
            "Field Service Technician": {
                "employer": "Tidewater Robotics",
                "salary": (120000, 150000, "USD", "YEAR"),  # a currency_range custom field
                "locations": ["Remote (US)"],
                "arrangements": ["remote"],
                "type": "FULL_TIME",
                "posted": "2026-11-10",
            },
            "Port Partnerships Manager": {
                "employer": "Tidewater Robotics",
                "salary": (65000, 78000, "GBP", "YEAR"),
                "locations": ["London, GB"],
                "arrangements": ["hybrid"],
                "type": None,
                "posted": "2026-11-19",
            },
        },
    ),
    "greenhouse-single-job.json": (
        "greenhouse-json",
        {
            "Offshore Wind Data Analyst": {
                "employer": "Marram Energy",
                "salary": None,
                "locations": ["Aberdeen, GB", "Remote (GB)"],
                "arrangements": ["remote"],
                "type": None,
                "posted": "2026-11-15",  # no first_published: updated_at
            },
        },
    ),
    "lever-harrow.json": (
        "lever-json",
        {
            "Senior Backend Engineer (Payments)": {
                # The URL's "harrowfinch", spelled as the description writes it.
                "employer": "Harrow & Finch",
                "salary": (145000, 170000, "CAD", "YEAR"),
                "locations": ["Toronto, ON, CA"],  # "Toronto" qualified by "country": "CA"
                "arrangements": ["hybrid"],
                "type": "FULL_TIME",
                "posted": "2026-11-07",
            },
            "Customer Support Specialist": {
                "employer": "Harrow & Finch",
                "salary": (24, 29, "USD", "HOUR"),
                "locations": ["Remote (US)"],
                "arrangements": ["remote"],
                "type": "PART_TIME",
                "posted": "2026-11-11",
            },
            "Office Coordinator": {
                "employer": "Harrow & Finch",
                "salary": None,
                # An unknown city with "CA" is Canada, never California.
                "locations": ["Kitchener, CA"],
                "arrangements": ["onsite"],
                "type": "CONTRACTOR",
                "posted": "2026-11-13",
            },
        },
    ),
    "ashby-quillfeather.json": (
        "ashby-json",
        {
            "Product Designer": {
                "employer": "Quillfeather",
                "salary": (140000, 175000, "USD", "YEAR"),  # the Salary component, not equity
                "locations": ["New York, NY, US", "Boston, MA, US"],
                "arrangements": ["hybrid"],
                "type": "FULL_TIME",
                "posted": "2026-11-12",
            },
            "Summer Engineering Intern": {
                "employer": "Quillfeather",
                "salary": (2600, 2600, "EUR", "MONTH"),
                "locations": ["Remote (DE)"],
                "arrangements": ["remote"],
                "type": "INTERN",
                "posted": "2026-11-20",
            },
        },
    ),
    "smartrecruiters-brightwell.json": (
        "smartrecruiters-json",
        {
            "Registered Nurse - Night Shift": {
                "employer": "Brightwell Care",
                "salary": (38, 46, "USD", "HOUR"),  # from the "Pay Range" custom field
                "locations": ["Austin, TX, US"],
                "arrangements": ["onsite"],
                "type": "FULL_TIME",
                "posted": "2026-11-14",
            },
            "Clinic Data Coordinator": {
                "employer": "Brightwell Care",
                "salary": None,
                "locations": ["Dublin, County Dublin, IE"],
                "arrangements": ["hybrid"],
                "type": "PART_TIME",
                "posted": "2026-11-21",
            },
        },
    ),
    "workable-saltmarsh.json": (
        "workable-json",
        {
            "Hydrologist": {
                "employer": "Saltmarsh Analytics",
                "salary": None,
                "locations": ["Rotterdam, South Holland, NL", "Antwerp, BE"],
                "arrangements": [],
                "type": "FULL_TIME",
                "posted": "2026-11-09",
            },
            "GIS Developer": {
                "employer": "Saltmarsh Analytics",
                "salary": None,
                "locations": ["Remote (GB)"],
                "arrangements": ["remote"],
                "type": "CONTRACTOR",
                "posted": "2026-11-16",
            },
        },
    ),
    "recruitee-northlight.json": (
        "recruitee-json",
        {
            "Warehouse Team Lead": {
                "employer": "Northlight Outdoor",
                "salary": (3400, 3900, "EUR", "MONTH"),
                "locations": ["Utrecht, NL"],
                "arrangements": ["onsite"],
                "type": "FULL_TIME",
                "posted": "2026-11-05",
            },
            "Content Marketer": {
                "employer": "Northlight Outdoor",
                "salary": None,  # an all-null salary object
                "locations": ["Remote (DE)"],
                "arrangements": ["remote"],
                "type": "PART_TIME",
                "posted": "2026-11-22",
            },
        },
    ),
    "personio-lindqvist.xml": (
        "personio-xml",
        {
            "Production Planner (m/f/d)": {
                "employer": "Lindqvist Bakeries",
                "salary": None,
                "locations": ["Hamburg, DE", "Berlin, DE"],
                "arrangements": [],
                "type": "FULL_TIME",
                "posted": "2026-11-03",
            },
            "Working Student Social Media": {
                "employer": "Lindqvist Bakeries",
                "salary": None,
                "locations": ["Hamburg, DE"],
                "arrangements": [],
                "type": "PART_TIME",
                "posted": "2026-11-17",
            },
        },
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_posting_is_read_with_the_facts_a_reader_sees(name: str) -> None:
    fmt, expected = EXPECTED[name]
    postings, _ = _read(name, fmt)
    assert {title: _facts(p) for title, p in postings.items()} == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_descriptions_are_kept_and_made_safe(name: str) -> None:
    postings, _ = _read(name, EXPECTED[name][0])
    for posting in postings.values():
        assert posting.description_html, posting.title
        assert not any(bad in posting.description_html for bad in UNSAFE), posting.title
    hostile = [p for p in postings.values() if "We move fast." in p.description_html]
    if name == "greenhouse-single-job.json":
        return  # one benign job; the board export holds Greenhouse's hostile one
    assert len(hostile) == 1, "each board export has one hostile job"
    assert 'href="https://example.org/values"' in hostile[0].description_html


def test_greenhouse_content_is_unescaped_once() -> None:
    postings, _ = _read("greenhouse-tidewater.json", "greenhouse-json")
    html = postings["Staff Robotics Software Engineer, Motion Planning"].description_html
    assert "<li>Design trajectory optimisation in C++</li>" in html
    assert "Pay &amp; benefits" in html  # the text "&", not a stray entity


def test_lever_lists_and_unsafe_apply_url() -> None:
    postings, messages = _read("lever-harrow.json", "lever-json")
    backend = postings["Senior Backend Engineer (Payments)"]
    assert "<h3>What you'll do</h3><ul><li>Build reconciliation services in Go" in (
        backend.description_html.replace("&#39;", "'").replace("&#x27;", "'")
    )
    assert postings["Office Coordinator"].apply_url is None
    assert any("lever-harrow.json:" in m and "javascript:" in m for m in messages)
    assert any(
        "info: Lever exports name no company; employer 'Harrow & Finch' taken from the posting "
        "URL (the URL gives 'Harrowfinch'; spelled as the postings write it)" in m
        for m in messages
    )


def test_what_is_left_out_is_reported() -> None:
    _, ashby = _read("ashby-quillfeather.json", "ashby-json")
    assert any(
        "job 3 'Head of Finance (confidential)' is not listed" in m and "job skipped" in m
        for m in ashby
    )
    assert any("employer 'Quillfeather' taken from the job URL" in m for m in ashby)
    _, personio = _read("personio-lindqvist.xml", "personio-xml")
    assert any("1 position(s) have no <subcompany>" in m for m in personio)
    assert any(
        "personio-lindqvist.xml:49: warning: posting 'Delivery Driver' names no employer" in m
        for m in personio
    )


def test_postings_carry_their_line() -> None:
    fmt, result = read_file(ATS / "recruitee-northlight.json", "r.json")
    assert fmt == "recruitee-json"
    lines = [raw.source.line for raw in result.postings]
    assert lines == [6, 49]


ODD_SHAPES = {
    "greenhouse": b'{"jobs": [{"title": ["not", "text"], "absolute_url": 5}, 7,'
    b' {"title": "Cook", "absolute_url": "https://boards.greenhouse.io/x/jobs/1",'
    b' "location": "Leeds", "offices": "none", "metadata": {"a": 1}, "content": null}]}',
    "ashby": b'{"apiVersion": "1", "jobs": [{"title": "Cook", "jobUrl": null,'
    b' "compensation": [], "secondaryLocations": {}, "address": "x"}]}',
    "smartrecruiters": b'{"totalFound": 1, "content": [{"name": "Cook", "releasedDate": 3,'
    b' "location": [], "company": "Acme", "jobAd": {"sections": []}}]}',
    "workable": b'{"name": null, "jobs": [{"title": "Cook", "shortcode": "A1",'
    b' "locations": [null, 3], "telecommuting": "yes"}]}',
    "recruitee": b'{"offers": [{"title": "Cook", "slug": "cook", "salary": "lots",'
    b' "locations": "x", "company_name": {"n": 1}}]}',
    "lever": b'[{"text": "Cook", "hostedUrl": "https://jobs.lever.co/acme/1", "categories": [],'
    b' "lists": {"a": 1}, "salaryRange": {"min": "abc", "currency": 5}, "createdAt": "soon"}]',
    "personio": b"<workzag-jobs><position><id/><name/></position>"
    b"<position><name>Cook</name><jobDescriptions><jobDescription/></jobDescriptions>"
    b"</position></workzag-jobs>",
}


@pytest.mark.parametrize("kind", sorted(ODD_SHAPES))
def test_odd_values_never_crash(kind: str) -> None:
    fmt, result = read_data(ODD_SHAPES[kind], f"{kind}.json")
    assert fmt is not None and fmt.startswith(kind), [d.format() for d in result.diagnostics]
    for raw in result.postings:
        normalize_posting(raw, REFERENCE)  # must not raise
    assert [p.title for p in result.postings] == ["Cook"] or any(
        d.severity >= Severity.WARNING for d in result.diagnostics
    )


def test_site_from_the_exports_has_every_posting_and_nothing_unsafe(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ATS, content)
    result = build(content, tmp_path / "site", today="2026-11-24")
    titles = {p.title for p in result.catalog.postings}
    assert titles == {title for _, jobs in EXPECTED.values() for title in jobs}
    site = tmp_path / "site"
    pages = {page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    for title in titles:
        escaped = title.replace("&", "&amp;")
        assert any(f"<h1>{escaped}" in page or f">{escaped}</h1>" in page for page in pages), title
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for bad in ("<script>alert", "onerror=", "javascript:"):
            assert bad not in text, f"{page.relative_to(site)} contains {bad}"
