"""ATS exports: Greenhouse job-board JSON and Lever postings JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import Severity
from generator.models import Posting, SalaryPeriod, WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import ROOT, write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def _read(path: Path, fmt_expected: str) -> tuple[list[Posting], list[str]]:
    fmt, result = read_file(path, path.name)
    assert fmt == fmt_expected, [d.format() for d in result.diagnostics]
    postings = [p for raw in result.postings if (p := normalize_posting(raw, REFERENCE)[0])]
    warnings = [d.format() for d in result.diagnostics if d.severity >= Severity.WARNING]
    return postings, warnings


def test_greenhouse_export() -> None:
    postings, warnings = _read(ROOT / "content/ats/greenhouse-lumen-loom.json", "greenhouse-json")
    assert warnings == []
    frontend, analyst = postings
    assert frontend.title == "Senior Frontend Engineer, Checkout"
    assert frontend.employer.name == "Lumen & Loom"
    assert frontend.salary is not None
    assert (frontend.salary.min, frontend.salary.max, frontend.salary.currency) == (
        58000,
        72000,
        "EUR",
    )
    assert frontend.date_posted == dt.date(2026, 11, 18)
    assert [loc.display for loc in frontend.locations] == ["Lisbon, PT"]
    # The escaped HTML is decoded once: "&amp;amp;" becomes the text "&", not markup.
    assert frontend.description_html.startswith("<p>Lumen &amp; Loom sells")
    assert "<li>Own the checkout" in frontend.description_html
    assert analyst.work_arrangements == (WorkArrangement.REMOTE,)
    assert [loc.display for loc in analyst.locations] == ["Remote (PT)"]


def test_lever_export_takes_employer_from_url() -> None:
    fmt, result = read_file(ROOT / "content/ats/lever-kestrel-health.json", "lever.json")
    assert fmt == "lever-json"
    (note,) = [d.format() for d in result.diagnostics]
    assert "info: Lever exports name no company; employer 'Kestrel Health'" in note
    analyst, mobile = [normalize_posting(r, REFERENCE)[0] for r in result.postings]
    assert analyst is not None and mobile is not None
    assert analyst.employer.name == "Kestrel Health"
    assert analyst.salary is not None and analyst.salary.period == SalaryPeriod.YEAR
    assert (analyst.salary.min, analyst.salary.max) == (92000, 108000)
    assert analyst.work_arrangements == (WorkArrangement.HYBRID,)
    assert analyst.date_posted == dt.date(2026, 11, 18)
    assert "<h3>You will</h3><ul><li>Build cohort analyses" in analyst.description_html
    assert mobile.work_arrangements == (WorkArrangement.REMOTE,)


def test_greenhouse_without_company_derives_it_and_skips_untitled(tmp_path: Path) -> None:
    folder = write_files(
        tmp_path,
        {
            "gh.json": """{"jobs": [
      {"id": 1, "title": "Welder", "absolute_url": "https://boards.greenhouse.io/iron-works/jobs/1",
       "location": {"name": "Leeds, UK"}, "content": "&lt;p&gt;Weld.&lt;/p&gt;"},
      {"id": 2, "title": "", "absolute_url": "https://boards.greenhouse.io/iron-works/jobs/2"}]}"""
        },
    )
    fmt, result = read_file(folder / "gh.json", "gh.json")
    assert fmt == "greenhouse-json"
    messages = [d.format() for d in result.diagnostics]
    assert "gh.json: warning: job 2 has no title (job skipped)" in messages
    assert any("employer 'Iron Works' taken from the board URL" in m for m in messages)
    assert result.postings[0].employer_name == "Iron Works"
