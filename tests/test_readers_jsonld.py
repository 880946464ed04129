"""schema.org JobPosting JSON-LD, in .json files and inside saved HTML pages."""

# ruff: noqa: E501  (inline fixtures are kept on one line, as real pages write them)

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import Posting, SalaryPeriod, WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import ROOT, write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def _read(path: Path) -> tuple[list[Posting], list[str]]:
    fmt, result = read_file(path, path.name)
    assert fmt == "jobposting-json-ld", [d.format() for d in result.diagnostics]
    postings = [p for raw in result.postings if (p := normalize_posting(raw, REFERENCE)[0])]
    return postings, [d.format() for d in result.diagnostics]


def test_graph_with_escaped_description() -> None:
    (posting,), messages = _read(ROOT / "content/jsonld/tidewater-platform-engineer.json")
    assert messages == []
    assert posting.title == "Platform Engineer, Grid Telemetry"
    assert posting.employer.name == "Tidewater Energy"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        60000,
        74000,
        "GBP",
    )
    assert [loc.display for loc in posting.locations] == ["Aberdeen, GB"]
    assert posting.date_posted == dt.date(2026, 11, 17)
    assert posting.valid_through == dt.date(2027, 1, 15)
    assert posting.external_id == "TW-PE-118"
    assert posting.description_html.startswith("<p>Keep the telemetry")
    assert "<li>Operate and automate" in posting.description_html


def test_script_in_html_page_with_remote_requirements() -> None:
    (posting,), _ = _read(ROOT / "content/jsonld/bluefin-analytics-engineer.html")
    assert posting.employer.name == "Bluefin Analytics"
    assert posting.work_arrangements == (WorkArrangement.REMOTE,)
    assert [loc.display for loc in posting.locations] == ["Remote (GB)", "Remote (IE)"]
    assert posting.salary is not None and posting.salary.period == SalaryPeriod.MONTH
    assert (posting.salary.min, posting.salary.max) == (4800, 4800)


def test_entities_decoded_once_and_hostile_markup_removed(tmp_path: Path) -> None:
    path = (
        write_files(
            tmp_path,
            {
                "job.json": """{"@context": "https://schema.org",
 "@type": "JobPosting", "title": "Tester", "datePosted": "2026-11-01",
 "hiringOrganization": {"name": "Acme"},
 "description": "<p>Use &amp;lt;b&amp;gt; tags</p><script>alert(1)</script><img src=x onerror=alert(2)>"}
"""
            },
        )
        / "job.json"
    )
    (posting,), _ = _read(path)
    assert "&amp;lt;b&amp;gt;" in posting.description_html  # shows as the text "&lt;b&gt;"
    assert "<script" not in posting.description_html and "onerror" not in posting.description_html


def test_invalid_json_block_is_reported_and_others_read(tmp_path: Path) -> None:
    page = """<html><head>
<script type="application/ld+json">{"@type": "JobPosting", "title": </script>
<script type="application/ld+json">{"@type": "JobPosting", "title": "Good", "hiringOrganization": "Acme"}</script>
</head><body></body></html>"""
    path = write_files(tmp_path, {"page.html": page}) / "page.html"
    postings, messages = _read(path)
    assert [p.title for p in postings] == ["Good"]
    assert len(messages) == 1 and "page.html:2: warning: JSON-LD is not valid JSON" in messages[0]
