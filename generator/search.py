"""Search: the one module that knows Pagefind.

Planning gives every open posting page its search data (filters, sort keys) as plain view
data; templates mark the indexed text and card fields with `data-pagefind-*` attributes;
`index_site` runs Pagefind over the written site for full-text search, then writes the facet
data the search page filters, counts and sorts with itself (Pagefind's own filters load every
filter file and count slowly, so the page never uses them):

* `search/facets.json`, small and loaded first: every facet value with its count over all
  open postings, the newest postings' ids, and the name of the table below;
* `search/postings-<hash>.gz`, gzip-compressed JSON loaded once a query or filter needs it:
  one row per open posting (Pagefind id, facet value ids, date and salary sort keys).

Replacing Pagefind means replacing this module and the small adapter in static/search.js.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.models import Posting, Salary
from generator.normalize.locations import country_name

# Yearly-equivalent salary bands, in thousands; every salary falls in exactly one.
BAND_EDGES = (0, 50, 100, 150, 200, 300)


@dataclass(frozen=True)
class SearchData:
    """What the index records for one posting page."""

    filters: tuple[tuple[str, str], ...]
    sort: tuple[tuple[str, str], ...]


def salary_band(salary: Salary) -> str:
    """ "USD 100k–150k": the band holding the midpoint of the yearly range."""
    midpoint = (salary.yearly_low + salary.yearly_high) / 2 / 1000
    lower = max(edge for edge in BAND_EDGES if edge <= midpoint)
    index = BAND_EDGES.index(lower)
    if index + 1 < len(BAND_EDGES):
        return f"{salary.currency} {lower}k–{BAND_EDGES[index + 1]}k"
    return f"{salary.currency} {lower}k+"


def date_band(posted: dt.date | None, today: dt.date) -> str:
    if posted is None:
        return "Date not stated"
    age = (today - posted).days
    if age <= 7:
        return "Last 7 days"
    if age <= 30:
        return "Last 30 days"
    return "Older"


def search_data(posting: Posting, role_label: str | None, today: dt.date) -> SearchData:
    """The facets and sort keys of one posting."""
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
    if posting.salary:
        filters.append(("salary", salary_band(posting.salary)))
    filters.append(("posted", date_band(posting.date_posted, today)))
    sort = [("date", posting.date_posted.isoformat() if posting.date_posted else "0000-00-00")]
    yearly = int(posting.salary.yearly_high) if posting.salary else 0
    sort.append(("salary", f"{yearly:012d}"))
    return SearchData(tuple(dict.fromkeys(filters)), tuple(sort))


class SearchIndexError(Exception):
    """Pagefind failed; carries its own output for the message."""


def index_site(site: Path, postings: Sequence[tuple[str, SearchData]] = ()) -> None:
    """Writes the Pagefind index of `site` into `site/pagefind/`, then the facet data of
    `postings` ((page URL, search data) of every indexed posting page) into `site/search/`."""
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
        write_facet_data(site, postings)


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


def newest_first(row: tuple[dict[str, str], str]) -> tuple[str, str, str]:
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
    postings: Sequence[tuple[str, SearchData]], ids: dict[str, str]
) -> tuple[dict[str, object], dict[str, object]]:
    """(summary, table) as written by `write_facet_data`; the table's rows are sorted by id."""
    rows = sorted(
        ((ids[url], dict(data.sort), data) for url, data in postings if url in ids),
        key=lambda row: row[0],
    )
    counts: dict[str, Counter[str]] = {}
    for _, _, data in rows:
        for facet, value in data.filters:
            counts.setdefault(facet, Counter())[value] += 1
    # Value ids: by count, then name, which is also the order the page lists them in.
    values = {
        facet: sorted(counter, key=lambda v: (-counter[v], v.casefold(), v))
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
    table = {
        "ids": compact_ids([i for i, _, _ in rows]),
        # Sort keys as dense ranks (0 = lowest): exact for ordering, and small numbers.
        "date": dense_ranks([k["date"] for _, k, _ in rows]),
        "salary": dense_ranks([k["salary"] for _, k, _ in rows]),
        "bits": bits,
        "facets": columns,
    }
    newest = sorted(((k, i) for i, k, _ in rows), key=newest_first, reverse=True)
    summary = {
        "total": len(rows),
        "newest": [i for _, i in newest[:NEWEST]],
        "facets": {facet: [[v, counts[facet][v]] for v in vs] for facet, vs in values.items()},
    }
    return summary, table


def write_facet_data(site: Path, postings: Sequence[tuple[str, SearchData]]) -> None:
    summary, table = facet_data(postings, pagefind_ids(site))
    packed = gzip.compress(json.dumps(table, separators=(",", ":")).encode(), 9, mtime=0)
    name = f"postings-{hashlib.sha256(packed).hexdigest()[:10]}.gz"
    summary["table"] = name
    folder = site / "search"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(packed)
    text = json.dumps(summary, ensure_ascii=False, separators=(",", ":"))
    (site / FACET_SUMMARY).write_text(text, encoding="utf-8")
