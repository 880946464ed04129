"""Search: the one module that knows Pagefind.

Planning gives every open posting page its search data (filters, sort keys, card fields) as
plain view data; templates emit it as `data-pagefind-*` attributes; `index_site` runs Pagefind
over the written site. Replacing Pagefind means replacing this module and the small adapter in
static/search.js, nothing else.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
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
    if posting.employment_type:
        filters.append(("type", posting.employment_type.label))
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


def index_site(site: Path) -> None:
    """Writes the Pagefind index of `site` into `site/pagefind/`."""
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
