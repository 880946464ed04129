"""Postings of the three seed shapes that the readers have never seen read back their facts.

Each fixture `X.txt` in tests/fixtures/shapes has an `X.expected.json` written by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from generator.models import Posting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import FIXTURES

SHAPES = FIXTURES / "shapes"
REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def _cases() -> list[Path]:
    return sorted(p for p in SHAPES.glob("*.txt"))


def _read(path: Path) -> list[Posting]:
    fmt, result = read_file(path, path.name)
    assert fmt is not None, [d.format() for d in result.diagnostics]
    assert result.diagnostics == []
    postings = []
    for raw in result.postings:
        posting, problems = normalize_posting(raw, REFERENCE)
        assert problems == [], [d.format() for d in problems]
        assert posting is not None
        postings.append(posting)
    return postings


def _check(posting: Posting, expected: dict[str, Any]) -> None:
    assert posting.title == expected["title"]
    assert posting.employer.name == expected["employer"]
    salary = expected.get("salary")
    if salary is None:
        assert posting.salary is None
    else:
        assert posting.salary is not None
        assert posting.salary.min == salary["min"]
        assert posting.salary.max == salary["max"]
        assert posting.salary.currency == salary["currency"]
        assert posting.salary.period.value == salary["period"]
    if "locations" in expected:
        assert [loc.display for loc in posting.locations] == expected["locations"]
    posted = expected.get("date_posted")
    assert (posting.date_posted.isoformat() if posting.date_posted else None) == posted
    if "seniority" in expected:
        assert (posting.seniority.value if posting.seniority else None) == expected["seniority"]
    if "work_arrangements" in expected:
        assert sorted(a.value for a in posting.work_arrangements) == expected["work_arrangements"]
    if expected.get("skills_count") is not None:
        assert len(posting.skills) == expected["skills_count"]
    if expected.get("requirements_count") is not None:
        assert len(posting.requirements) == expected["requirements_count"]
    if expected.get("nice_to_have_count") is not None:
        assert len(posting.nice_to_have) == expected["nice_to_have_count"]


@pytest.mark.parametrize("fixture", _cases(), ids=lambda p: p.stem)
def test_unseen_posting_of_a_known_shape(fixture: Path) -> None:
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    cases = expected if isinstance(expected, list) else [expected]
    postings = _read(fixture)
    assert len(postings) == len(cases)
    for posting, case in zip(postings, cases, strict=True):
        _check(posting, case)
