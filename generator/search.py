"""Search: the one module the build asks for a search index.

Planning gives every open posting page its search data (filters, sort keys, and for the
sharded index its text) as plain view data. `index_site` then builds the full-text index with
one of two engines, chosen by `search_engine` (`auto`: Pagefind below SHARDS_FROM open
postings):

* Pagefind, run over the written site (templates mark the indexed text and card fields with
  `data-pagefind-*` attributes; its own filters load every filter file and count slowly, so
  the page never uses them);
* the sharded index of generator/search_shards.py, built from the postings' text, for boards
  too large for Pagefind.

Both are followed by the facet data the search page filters, counts and sorts with itself:

* `search/facets.json`, small and loaded first: which engine and where its files are, every
  facet value with its count over all open postings, the newest postings' ids, and the name
  of the table below;
* `search/postings-<hash>.gz`, gzip-compressed JSON loaded once a query or filter needs it:
  one row per open posting (Pagefind id or document number, facet value ids, date and salary
  sort keys).

The search page reaches either engine through one adapter in static/search.js.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import math
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.models import Posting, Salary
from generator.normalize.locations import country_name
from generator.search_shards import SearchText, write_index


@dataclass(frozen=True)
class SearchData:
    """What the index records for one posting page: its facets and sort keys, and for the
    sharded index its text (Pagefind reads the page itself)."""

    filters: tuple[tuple[str, str], ...]
    sort: tuple[tuple[str, str], ...]
    text: SearchText | None = None


# From this many open postings the "auto" engine is the sharded index. Pagefind's first query
# misses the search budgets with real-length descriptions well before 20,000 postings (see the
# README's Search section), and building it is the slowest and largest part of a build: on
# 10,000 real-length postings it took 15–20 s and 1.8 GB where the sharded index takes ~8 s
# and a third of the memory, and it re-indexes the whole site after any edit.
SHARDS_FROM = 2_000


def search_engine(setting: str, open_postings: int) -> str:
    """ "pagefind" or "shards", from the `search_engine` setting and the board's size."""
    if setting == "auto":
        return "shards" if open_postings >= SHARDS_FROM else "pagefind"
    return setting


# US dollars per unit of each currency, rounded, as they stood in 2024–2025. They only order
# salaries in different currencies for the "highest salary" sort and are never shown; a
# currency missing here sorts after every salary that has a rate.
USD_PER_UNIT = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CHF": 1.13, "CAD": 0.73, "AUD": 0.66, "NZD": 0.6,
    "JPY": 0.0067, "CNY": 0.14, "HKD": 0.128, "SGD": 0.74, "TWD": 0.031, "KRW": 0.00074,
    "INR": 0.012, "PKR": 0.0036, "BDT": 0.0084, "LKR": 0.0033, "IDR": 0.000063, "MYR": 0.22,
    "THB": 0.028, "PHP": 0.018, "VND": 0.00004, "AED": 0.27, "SAR": 0.27, "QAR": 0.27,
    "ILS": 0.27, "TRY": 0.03, "EGP": 0.02, "NGN": 0.00065, "KES": 0.0077, "ZAR": 0.054,
    "SEK": 0.095, "NOK": 0.093, "DKK": 0.145, "ISK": 0.0072, "PLN": 0.25, "CZK": 0.043,
    "HUF": 0.0028, "RON": 0.22, "BGN": 0.55, "UAH": 0.024, "BRL": 0.19, "MXN": 0.055,
    "ARS": 0.001, "CLP": 0.00105, "COP": 0.00025, "PEN": 0.27, "UYU": 0.025,
}  # fmt: skip


def yearly_usd(salary: Salary) -> float:
    """The top of the yearly range in US dollars, for ordering only; 0 without a known rate."""
    return float(salary.yearly_high) * USD_PER_UNIT.get(salary.currency, 0.0)


NICE_STEPS = (1, 2, 2.5, 5)
MOST_BANDS = 6


def nice_step(span: float) -> float:
    """The smallest 1-2-2.5-5 × 10ⁿ step that cuts `span` into at most MOST_BANDS bands."""
    scale = 10.0 ** max(0, math.floor(math.log10(max(span, 1) / MOST_BANDS)))
    while True:
        for step in NICE_STEPS:
            if span / (step * scale) <= MOST_BANDS:
                return float(step * scale)
        scale *= 10


def short_amount(value: float) -> str:
    """ "50k", "2.5M", "0": exact, so that two bands never share a label."""
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1000, "k")):
        if value >= size:
            return f"{value / size:.3f}".rstrip("0").rstrip(".") + suffix
    return f"{value:.0f}"


@dataclass(frozen=True)
class SalaryBands:
    """Yearly-equivalent bands for one currency: `step` wide from `low` to `high`, with an
    open band below and above for the few outside the middle 90 % of the board's salaries."""

    currency: str
    low: float
    high: float
    step: float

    def band(self, salary: Salary) -> str:
        midpoint = (salary.yearly_low + salary.yearly_high) / 2
        c = self.currency
        if midpoint < self.low:
            return f"{c} under {short_amount(self.low)}"
        if midpoint >= self.high:
            return f"{c} {short_amount(self.high)}+"
        lower = self.low + (midpoint - self.low) // self.step * self.step
        return f"{c} {short_amount(lower)}–{short_amount(lower + self.step)}"


def salary_bands(salaries: Iterable[Salary]) -> dict[str, SalaryBands]:
    """Bands per currency, chosen from the board's own salaries so that each currency gets a
    handful of round bands ("INR 2M–4M", "USD 100k–150k") whatever its scale. Every salary
    falls in exactly one band of its currency."""
    midpoints: dict[str, list[float]] = {}
    for salary in salaries:
        midpoints.setdefault(salary.currency, []).append(
            (salary.yearly_low + salary.yearly_high) / 2
        )
    bands = {}
    for currency, values in sorted(midpoints.items()):
        values.sort()
        # The middle 90 %: one CEO's pay should not stretch every band.
        cut = len(values) // 20
        low, high = values[cut], values[len(values) - 1 - cut]
        # Never narrower than a tenth of the pay itself ("100k–110k", not "100k–100.5k").
        step = nice_step(max(high - low, high / 10) if high > low else high)
        start = low // step * step
        end = (high // step + 1) * step
        bands[currency] = SalaryBands(currency, start, end, step)
    return bands


DATE_BANDS = ("Last 7 days", "Last 30 days", "Older than 30 days", "Date not stated")


def date_bands(posted: dt.date | None, today: dt.date) -> tuple[str, ...]:
    """The "posted" values of a posting: the last 7 days are also within the last 30, so
    ticking "Last 30 days" lists everything from the last month."""
    if posted is None:
        return (DATE_BANDS[3],)
    age = (today - posted).days
    if age <= 7:
        return DATE_BANDS[:2]
    if age <= 30:
        return (DATE_BANDS[1],)
    return (DATE_BANDS[2],)


def search_data(
    posting: Posting,
    role_label: str | None,
    today: dt.date,
    bands: Mapping[str, SalaryBands],
    text: SearchText | None = None,
) -> SearchData:
    """The facets and sort keys of one posting; `bands` are the board's salary bands and
    `text` what the sharded index reads (none for Pagefind)."""
    filters: list[tuple[str, str]] = [("employer", posting.employer.name)]
    if role_label:
        filters.append(("role", role_label))
    if posting.seniority:
        filters.append(("level", posting.seniority.label))
    for location in posting.locations:
        if location.city:
            filters.append(("city", location.city))
        name = country_name(location.country)
        if name:
            filters.append(("country", name))
    filters.extend(("arrangement", a.label) for a in posting.work_arrangements)
    filters.extend(("type", kind.label) for kind in posting.employment_types)
    filters.extend(("skill", skill) for skill in posting.skills)
    if posting.salary and posting.salary.currency in bands:
        filters.append(("salary", bands[posting.salary.currency].band(posting.salary)))
    filters.extend(("posted", band) for band in date_bands(posting.date_posted, today))
    sort = [("date", posting.date_posted.isoformat() if posting.date_posted else "0000-00-00")]
    yearly = int(yearly_usd(posting.salary)) if posting.salary else 0
    sort.append(("salary", f"{yearly:012d}"))
    return SearchData(tuple(dict.fromkeys(filters)), tuple(sort), text)


SIZES = {"": 1, "k": 1000, "M": 1_000_000, "B": 1_000_000_000}
BAND_LABEL = re.compile(
    r"(?P<currency>[A-Z]{3}) (?P<under>under )?(?P<amount>[\d.]+)(?P<size>[kMB]?)"
)
ORDERED_FACETS = ("salary", "posted")


def value_order(facet: str, counts: Counter[str]) -> Callable[[str], tuple[object, ...]]:
    """How the values of one facet are listed: most common first, or in their own order."""
    if facet == "salary":
        # The board's main currencies first, each one's bands low to high.
        per_currency: Counter[str] = Counter()
        for value, count in counts.items():
            per_currency[value[:3]] += count
        return lambda value: (-per_currency[value[:3]], *natural_order(facet, value))
    if facet in ORDERED_FACETS:
        return lambda value: natural_order(facet, value)
    return lambda value: (-counts[value], value.casefold(), value)


def natural_order(facet: str, value: str) -> tuple[object, ...]:
    """Where a value of an ordered facet goes: bands low to high, dates newest first."""
    if facet == "posted":
        return (DATE_BANDS.index(value),) if value in DATE_BANDS else (len(DATE_BANDS), value)
    match = BAND_LABEL.match(value)
    if not match:
        return ("~", 0, 0.0, value)
    amount = float(match["amount"]) * SIZES[match["size"]]
    return (match["currency"], 0 if match["under"] else 1, amount, value)


class SearchIndexError(Exception):
    """Pagefind failed; carries its own output for the message."""


def index_site(
    site: Path, postings: Sequence[tuple[str, SearchData]] = (), engine: str = "pagefind"
) -> None:
    """Indexes `postings` ((page URL, search data) of every indexed posting page) of `site`
    for full-text search with `engine`, then writes their facet data into `site/search/`."""
    if engine == "shards":
        # Numbered newest first, the page's default order, which keeps the newest cards
        # together on disk.
        ordered = sorted(
            postings, key=lambda row: (dict(row[1].sort)["date"], row[0]), reverse=True
        )
        documents = [(url, data.text) for url, data in ordered if data.text]
        folder, keys = write_index(site, documents)
        numbers = {url: n for n, (url, _) in enumerate(documents)}
        where = {"engine": "shards", "index": folder, "shards": keys}
        write_facet_data(site, postings, numbers, where)
        return
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            "pagefind",
            "--silent",
        ],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode != 0:
        raise SearchIndexError((done.stderr or done.stdout).strip()[-2000:])
    if postings:
        write_facet_data(site, postings, pagefind_ids(site), {"engine": "pagefind"})


FACET_SUMMARY = "search/facets.json"
NEWEST = 10  # the first page of the search page before any query or filter


def pagefind_ids(site: Path) -> dict[str, str]:
    """Page URL ("jobs/x/") → Pagefind's id for it, read from the fragments it wrote."""
    ids = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = data.removeprefix(b"pagefind_dcd")
        ids[json.loads(data)["url"].lstrip("/")] = fragment.stem
    return ids


def newest_first(row: tuple[dict[str, str], str | int]) -> tuple[str, str, str | int]:
    """The page's default order without a query: newest, then best paid, then by id."""
    keys, pagefind_id = row
    return (keys["date"], keys["salary"], pagefind_id)


BITS = 30  # facets with at most this many values are stored as one bit mask a posting


def compact_ids(ids: list[str]) -> object:
    """Sorted ids "en_0a1f3c2" as {"prefix", "width", "gaps"} (about half the size), or the
    list itself if they do not share a prefix and width."""
    prefix, _, first = ids[0].rpartition("_") if ids else ("", "", "")
    width = len(first)
    if not all(i.startswith(f"{prefix}_") and len(i) == len(prefix) + 1 + width for i in ids):
        return ids
    try:
        numbers = [int(i[len(prefix) + 1 :], 16) for i in ids]
    except ValueError:
        return ids
    gaps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
    return {"prefix": f"{prefix}_", "width": width, "gaps": gaps}


def dense_ranks(keys: list[str]) -> list[int]:
    rank = {key: i for i, key in enumerate(sorted(set(keys)))}
    return [rank[key] for key in keys]


def facet_data(
    postings: Sequence[tuple[str, SearchData]], ids: Mapping[str, str | int]
) -> tuple[dict[str, object], dict[str, object]]:
    """(summary, table) as written by `write_facet_data`; the table's rows are sorted by id.
    Ids are Pagefind's, or the sharded index's document numbers 0…n-1, which are the rows
    themselves and so not written."""
    rows = sorted(
        ((ids[url], dict(data.sort), data) for url, data in postings if url in ids),
        key=lambda row: row[0],
    )
    counts: dict[str, Counter[str]] = {}
    for _, _, data in rows:
        for facet, value in data.filters:
            counts.setdefault(facet, Counter())[value] += 1
    # Value ids: by count, then name, which is also the order the page lists them in; bands
    # of pay and date in their own order.
    values = {
        facet: sorted(counter, key=value_order(facet, counter))
        for facet, counter in sorted(counts.items())
    }
    number = {facet: {v: i for i, v in enumerate(vs)} for facet, vs in values.items()}
    bits = [facet for facet, vs in values.items() if len(vs) <= BITS]
    columns: dict[str, list[object]] = {facet: [] for facet in values}
    for _, _, data in rows:
        mine: dict[str, list[int]] = {}
        for facet, value in data.filters:
            mine.setdefault(facet, []).append(number[facet][value])
        for facet, column in columns.items():
            got = mine.get(facet, [])
            if facet in bits:
                column.append(sum(1 << i for i in got))
            else:
                column.append(got[0] if len(got) == 1 else got)  # an id, or a list of 0 or 2+
    numbered = all(isinstance(i, int) for i, _, _ in rows)
    table = {
        "ids": None if numbered else compact_ids([str(i) for i, _, _ in rows]),
        # Sort keys as dense ranks (0 = lowest): exact for ordering, and small numbers.
        "date": dense_ranks([k["date"] for _, k, _ in rows]),
        "salary": dense_ranks([k["salary"] for _, k, _ in rows]),
        "bits": bits,
        "facets": columns,
    }
    newest = sorted(((k, i) for i, k, _ in rows), key=newest_first, reverse=True)
    summary = {
        "total": len(rows),
        "ordered": [facet for facet in ORDERED_FACETS if facet in values],
        "newest": [i for _, i in newest[:NEWEST]],
        "facets": {facet: [[v, counts[facet][v]] for v in vs] for facet, vs in values.items()},
    }
    return summary, table


def write_facet_data(
    site: Path,
    postings: Sequence[tuple[str, SearchData]],
    ids: Mapping[str, str | int],
    engine: Mapping[str, object],
) -> None:
    """Writes the facet summary (with `engine`: which index and where) and table."""
    summary, table = facet_data(postings, ids)
    summary |= engine
    packed = gzip.compress(json.dumps(table, separators=(",", ":")).encode(), 9, mtime=0)
    name = f"postings-{hashlib.sha256(packed).hexdigest()[:10]}.gz"
    summary["table"] = name
    folder = site / "search"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(packed)
    text = json.dumps(summary, ensure_ascii=False, separators=(",", ":"))
    (site / FACET_SUMMARY).write_text(text, encoding="utf-8")
