"""Markdown with front matter, our native format: facts, body, and honest messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import SalaryPeriod, WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def _read(tmp_path: Path, text: str) -> tuple[list[object], list[str]]:
    path = write_files(tmp_path, {"job.md": text}) / "job.md"
    fmt, result = read_file(path, "job.md")
    assert fmt == "markdown"
    postings = [normalize_posting(raw, REFERENCE)[0] for raw in result.postings]
    return postings, [d.format() for d in result.diagnostics]


def test_front_matter_and_body(tmp_path: Path) -> None:
    (posting,), messages = _read(
        tmp_path,
        """---
title: Staff Platform Engineer
employer: Harbor Labs, Inc.
location: ["Lisbon, Portugal", "Remote, PT"]
work_arrangement: remote
salary: {min: 90000, max: 110000, currency: EUR, period: year}
skills: [k8s, Go]
date_posted: 2026-11-02
valid_through: 2027-01-31
---
## The job
- Build *things*
<script>alert(1)</script>
""",
    )
    assert messages == []
    assert posting.title == "Staff Platform Engineer"
    assert posting.employer.name == "Harbor Labs"
    assert posting.salary is not None and posting.salary.period == SalaryPeriod.YEAR
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        90000,
        110000,
        "EUR",
    )
    assert [loc.display for loc in posting.locations] == ["Lisbon, PT", "Remote (PT)"]
    assert posting.work_arrangements == (WorkArrangement.REMOTE,)
    assert posting.skills == ("Kubernetes", "Go")
    assert posting.date_posted == dt.date(2026, 11, 2)
    assert posting.valid_through == dt.date(2027, 1, 31)
    assert "<h2>The job</h2>" in posting.description_html
    assert "<em>things</em>" in posting.description_html
    assert "<script" not in posting.description_html


def test_unknown_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    (posting,), messages = _read(tmp_path, "---\ntitle: X\nemployer: Y\nsalry: $5\n---\nBody\n")
    assert posting is not None
    assert messages == [
        "job.md:4: warning: unknown front matter key 'salry'; did you mean 'salary'? (key ignored)"
    ]


def test_missing_employer_skips_with_a_message(tmp_path: Path) -> None:
    postings, messages = _read(tmp_path, "---\ntitle: Lonely job\n---\nBody\n")
    assert postings == []
    assert messages == ["job.md:1: warning: front matter has no employer (posting skipped)"]


def test_invalid_yaml_is_located(tmp_path: Path) -> None:
    path = write_files(tmp_path, {"bad.md": "---\ntitle: X\nemployer: [unclosed\n---\n"}) / "bad.md"
    fmt, result = read_file(path, "bad.md")
    assert fmt == "markdown" and result.postings == []
    (message,) = [d.format() for d in result.diagnostics]
    assert (
        message.startswith("bad.md:") and "not valid YAML" in message and "file skipped" in message
    )
