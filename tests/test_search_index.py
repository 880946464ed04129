"""The search facets and sort keys the build writes for the search page (generator/search.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.models import Salary, SalaryPeriod
from generator.search import date_bands, salary_bands, yearly_usd
from tests.conftest import build, write_files


def pay(low: float, high: float, currency: str = "USD", period: str = "YEAR") -> Salary:
    return Salary(min=low, max=high, currency=currency, period=SalaryPeriod(period))


def test_each_currency_gets_round_bands_of_its_own_scale() -> None:
    salaries = [
        pay(40_000, 60_000),
        pay(120_000, 150_000),
        pay(200_000, 260_000),
        pay(384_000, 500_000, "INR"),
        pay(2_600_000, 2_600_000, "INR"),
        pay(25_000, 32_000, "INR", "MONTH"),
        pay(6_000_000, 6_000_000, "INR"),
    ]
    bands = salary_bands(salaries)
    assert [bands["USD"].band(s) for s in salaries[:3]] == [
        "USD 50k–100k",
        "USD 100k–150k",
        "USD 200k–250k",
    ]
    # Rupees: bands of millions, not one "300k+" band for every Indian salary.
    assert [bands["INR"].band(s) for s in salaries[3:]] == [
        "INR 0–1M",
        "INR 2M–3M",
        "INR 0–1M",
        "INR 6M–7M",
    ]


@given(
    st.lists(
        st.tuples(
            st.floats(1, 5_000_000, allow_nan=False),
            st.floats(0, 2, allow_nan=False),
            st.sampled_from(["USD", "INR", "GBP"]),
            st.sampled_from(["HOUR", "MONTH", "YEAR"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_every_salary_is_in_exactly_one_band_of_its_currency(
    rows: list[tuple[float, float, str, str]],
) -> None:
    salaries = [pay(low, low * (1 + spread), c, period) for low, spread, c, period in rows]
    bands = salary_bands(salaries)
    for salary in salaries:
        label = bands[salary.currency].band(salary)
        # One of the labels listed for its currency, in their order.
        assert bands[salary.currency].order().count(label) == 1
        assert label.startswith(f"{salary.currency} ")


def test_salary_sort_key_compares_currencies_in_dollars() -> None:
    vp = pay(260_000, 320_000)  # USD a year
    risk = pay(6_000_000, 6_000_000, "INR")  # about $72,000
    support = pay(25_000, 32_000, "INR", "MONTH")  # about $4,600 a year
    nurse = pay(38, 45, "GBP", "HOUR")  # about $119,000 a year
    ranked = sorted([support, risk, nurse, vp], key=yearly_usd, reverse=True)
    assert ranked == [vp, nurse, risk, support]
    assert yearly_usd(pay(1, 2, "XTS")) == 0  # no rate: after every salary with one


def test_date_bands_nest_the_last_week_in_the_last_month() -> None:
    today = dt.date(2026, 11, 25)
    assert date_bands(today - dt.timedelta(days=3), today) == ("Last 7 days", "Last 30 days")
    assert date_bands(today - dt.timedelta(days=20), today) == ("Last 30 days",)
    assert date_bands(today - dt.timedelta(days=45), today) == ("Older than 30 days",)
    assert date_bands(None, today) == ("Date not stated",)


POSTING = """---
title: {title}
employer: {employer}
location: Leeds, UK
date_posted: {posted}
salary: {salary}
---
Work.
"""


def test_facet_summary_lists_bands_in_order_and_counts_them(tmp_path: Path) -> None:
    rows = [
        ("Nurse", "Aire Health", "2026-11-20", "£30,000 - £35,000 a year"),
        ("Porter", "Aire Health", "2026-11-01", "£11.50 an hour"),
        ("Surgeon", "Aire Health", "2026-09-01", "£120,000 a year"),
        ("Clerk", "Ledger Co", "2026-11-24", "€40,000 a year"),
    ]
    files = {
        f"{title.lower()}.md": POSTING.format(
            title=title, employer=employer, posted=posted, salary=salary
        )
        for title, employer, posted, salary in rows
    }
    site = tmp_path / "site"
    build(write_files(tmp_path / "content", files), site, today="2026-11-25")
    summary = json.loads((site / "search/facets.json").read_text())
    assert summary["total"] == 4
    assert summary["ordered"] == ["salary", "posted"]
    posted = dict(summary["facets"]["posted"])
    assert list(posted) == ["Last 7 days", "Last 30 days", "Older than 30 days"]
    assert posted == {"Last 7 days": 2, "Last 30 days": 3, "Older than 30 days": 1}
    salary = [label for label, _ in summary["facets"]["salary"]]
    assert salary[0].startswith("EUR") and salary[-1] == "GBP 120k–140k"
    assert sum(count for _, count in summary["facets"]["salary"]) == 4
    table = json.loads(gzip.decompress((site / "search" / summary["table"]).read_bytes()))
    assert len(table["salary"]) == 4
