"""The search facets and sort keys the build writes for the search page (generator/search.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from generator.models import Salary, SalaryPeriod
from generator.search import date_bands, natural_order, salary_bands, yearly_usd
from generator.search_shards import (
    WORD,
    SearchText,
    fold,
    indexed_words,
    shard_key,
    words,
    write_index,
)
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
    for currency in bands:
        mine = sorted(
            (s for s in salaries if s.currency == currency),
            key=lambda s: s.yearly_low + s.yearly_high,
        )
        labels = [bands[currency].band(s) for s in mine]
        assert all(label.startswith(f"{currency} ") for label in labels)
        # Listed in the order of their pay, and two bands never share a label: higher pay is
        # the same band or a later one.
        keys = [natural_order("salary", label) for label in labels]
        assert keys == sorted(keys)
        for a, b, ka, kb in zip(labels, labels[1:], keys, keys[1:], strict=False):
            assert (a == b) == (ka == kb)


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
    # Pounds first (three salaries), then euros (one); each currency's bands low to high.
    assert salary == ["GBP 20k–40k", "GBP 120k–140k", "EUR 40k–50k"]
    assert sum(count for _, count in summary["facets"]["salary"]) == 4
    table = json.loads(gzip.decompress((site / "search" / summary["table"]).read_bytes()))
    assert len(table["salary"]) == 4


def text(title: str, body: str = "", skills: tuple[str, ...] = ()) -> SearchText:
    return SearchText(
        title=title,
        employer="Aire Health",
        facts="Leeds, UK",
        skills=skills,
        body=body,
        location="Leeds, UK",
        salary="",
        posted="1 Nov 2026",
        summary=body[:40],
    )


def read_gz(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def postings_of(raw: bytes) -> list[tuple[int, int]]:
    """A postings file as (document, impact) pairs: varint gaps, then one impact byte."""
    pairs, doc, at = [], 0, 0
    while at < len(raw):
        gap, shift = 0, 0
        while True:
            byte = raw[at]
            at += 1
            gap |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        doc += gap
        pairs.append((doc, raw[at]))
        at += 1
    return pairs


def test_words_are_folded_like_the_page_folds_them() -> None:
    assert words("Zürich Café-Owner, C++ & SQL_Server") == [
        "zurich",
        "cafe",
        "owner",
        "c",
        "sql",
        "server",
    ]
    assert shard_key("zurich") == "7a75" and shard_key("é") == "c3a9"


def test_sharded_index_files_hold_words_postings_and_cards(tmp_path: Path) -> None:
    documents = [(f"jobs/nurse-{n}/", text(f"Nurse {n}", "Care for patients.")) for n in range(20)]
    documents.append(("jobs/porter/", text("Hospital Porter", "Move patients safely.")))
    folder_name, keys = write_index(tmp_path, documents)
    folder = tmp_path / "search" / folder_name
    assert folder_name.startswith("i-") and "6e75" in keys  # "nu"
    shard = json.loads(read_gz(folder / "t/6e75.gz"))
    stem, count, ref = shard["s"][shard["w"]["nurse"]]
    assert (stem, count) == ("nurs", 20)
    # Twenty postings: more than fit inline, so they have their own file.
    assert [doc for doc, _ in postings_of(read_gz(folder / f"p/{ref}.gz"))] == list(range(20))
    porter = json.loads(read_gz(folder / "t/706f.gz"))  # "po"
    assert porter["s"][porter["w"]["porter"]][1:] == [1, [20, porter["s"][0][2][1]]]
    card = json.loads(read_gz(folder / "d/0/20.gz"))
    assert card["url"] == "jobs/porter/" and card["title"] == "Hospital Porter"
    assert card["text"] == "Move patients safely."
    # The same postings give the same folder, byte for byte.
    again, _ = write_index(tmp_path / "again", documents)
    assert again == folder_name


def test_a_word_in_the_title_weighs_more_than_in_the_description(tmp_path: Path) -> None:
    documents = [
        ("jobs/a/", text("Ward Clerk", "Some rota planning for the phlebotomy team.")),
        ("jobs/b/", text("Phlebotomist", "Take blood samples.", skills=("Phlebotomy",))),
    ]
    folder_name, _ = write_index(tmp_path, documents)
    shard = json.loads(read_gz(tmp_path / "search" / folder_name / "t/7068.gz"))  # "ph"
    stem, count, inline = shard["s"][shard["w"]["phlebotomy"]]
    assert count == 2
    (a, impact_a), (b, impact_b) = [(inline[0], inline[1]), (inline[0] + inline[2], inline[3])]
    assert (a, b) == (0, 1) and impact_b > impact_a


def test_words_joined_by_punctuation_are_also_indexed_whole() -> None:
    assert indexed_words("Node.js and full-stack, 401(k)") == [
        *("node", "js", "nodejs", "and", "full", "stack", "fullstack", "401", "k", "401k"),
    ]


@given(st.text())
@example("Build Python, Go and C++ tools.")
@example("Node.js / full-stack (remote) 401(k) — Zürich; “quotes” C# _under_ score")
@example("a.b.c ...dots... ((x)) [y] {z} 'q' \"w\" */* , ; : ! ?")
@example("naïve café ŒUVRE ß 東京 ١٢٣ x²")
def test_indexed_words_are_the_words_of_each_chunk_and_their_joined_form(text: str) -> None:
    expected: list[str] = []
    for chunk in fold(text).split():
        parts = WORD.findall(chunk)
        expected += parts + (["".join(parts)] if len(parts) > 1 else [])
    assert indexed_words(text) == expected
