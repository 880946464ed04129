"""What templates see: frozen plain data, text already formatted, URLs already resolved.

URLs in views are site-root-relative; templates prefix them with the page's `root`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from dataclasses import dataclass, field

from babel.numbers import format_currency

from generator.models import Employer, Location, Posting, Salary, WorkArrangement
from generator.normalize.locations import country_name
from generator.search import SearchData
from generator.urls import employer_url, posting_url, role_url


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int = 0


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    # Whether full-text search reads it: what the job is ("Remote", "Part-time", "Senior"),
    # not its dates, pay figures or reference number, which would match "nov" or "2027".
    searchable: bool = False


@dataclass(frozen=True)
class PostingCard:
    """A posting as listed: enough to choose whether to open it."""

    id: str
    title: str
    url: str
    employer: Link
    locations: str
    arrangements: str
    salary: str
    date_iso: str
    date_label: str
    level: str


@dataclass(frozen=True)
class SiteView:
    title: str
    description: str
    language: str
    nav: tuple[Link, ...]
    generator: str


@dataclass(frozen=True)
class Page:
    """What every page has: where it is, what it is called, how it links back."""

    site: SiteView
    url: str
    root: str
    title: str
    meta_description: str
    canonical: str
    breadcrumbs: tuple[Link, ...]
    json_ld: tuple[str, ...] = ()
    feed_url: str | None = None  # an Atom feed of this page's postings, when it has one
    prev_url: str | None = None  # None: no such page ("" is the home page's URL)
    next_url: str | None = None


@dataclass(frozen=True)
class Pager:
    """Where a paginated list is: "page 2 of 5", with the neighbouring pages' URLs."""

    number: int
    count: int
    prev_url: str | None
    next_url: str | None
    pages: tuple[Link, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    """A labelled point on a chart's horizontal axis."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn as inline SVG by the template: geometry computed here."""

    title: str
    description: str
    width: int
    height: int
    baseline: float  # y of the horizontal axis
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]


@dataclass(frozen=True)
class HomeView:
    page: Page
    cards: tuple[PostingCard, ...]
    pager: Pager
    posting_count: int
    employer_count: int
    role_count: int
    top_employers: tuple[Link, ...]
    roles: tuple[Link, ...]


@dataclass(frozen=True)
class EmployerCard:
    name: str
    url: str
    initials: str
    logo: str  # a logo file served by the site itself ("static/logos/x.svg"), or ""
    website: str
    logo_url: str
    description: str
    industry: str
    segment: str


@dataclass(frozen=True)
class PostingView:
    page: Page
    title: str
    employer: EmployerCard
    role: Link | None
    facts: tuple[Fact, ...]
    salary: str
    locations: tuple[str, ...]
    arrangements: str
    date_label: str
    date_iso: str
    summary: str
    description_html: str
    skills: tuple[str, ...]
    signals: tuple[str, ...]
    apply_url: str
    sources: tuple[str, ...]
    closed: bool
    similar: tuple[PostingCard, ...]
    search: SearchData | None


@dataclass(frozen=True)
class EmployerView:
    page: Page
    employer: EmployerCard
    cards: tuple[PostingCard, ...]
    pager: Pager
    locations: tuple[str, ...]
    salary_range: str
    roles: tuple[Link, ...]
    search_within: SearchWithin | None = None


@dataclass(frozen=True)
class SearchWithin:
    """A "search within" form: the search page, pre-filtered by one facet value."""

    label: str
    filter_name: str
    filter_value: str


@dataclass(frozen=True)
class ListingView:
    """A list of postings that share something: a role, a place, a skill, remote work."""

    page: Page
    heading: str
    intro: str
    cards: tuple[PostingCard, ...]
    pager: Pager
    related_heading: str
    related: tuple[Link, ...]
    chart: Chart | None
    search_within: SearchWithin | None = None


@dataclass(frozen=True)
class LinkGroup:
    heading: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class IndexView:
    """A browse page: every employer, role, place or skill, with counts."""

    page: Page
    heading: str
    intro: str
    groups: tuple[LinkGroup, ...]


@dataclass(frozen=True)
class SearchView:
    """The search page: the facets it offers, in display order, with their labels, and how
    many postings it searches (the page's script sizes its search engine by it before any
    index file has loaded)."""

    page: Page
    facets: tuple[Link, ...]
    total: int
    engine: str  # the full-text index: "pagefind" or "shards"


@dataclass(frozen=True)
class NotFoundView:
    page: Page


# ---- formatting -----------------------------------------------------------------------------


def has_cents(amount: float) -> bool:
    """Whether a figure has a fractional part worth showing (to the cent)."""
    return round(amount * 100) % 100 != 0


@functools.lru_cache(maxsize=65536)
def money(amount: float, currency: str, cents: bool | None = None) -> str:
    """ "$189,308", "$21.50": Babel's formatting, cached because it is slow and values repeat.

    Cents are shown as two digits ("$21.50", never "$21.5") when the figure has them, or when
    `cents` asks for them so that both ends of a range match ("$19.50 – $23.00").
    """
    show_cents = has_cents(amount) if cents is None else cents
    pattern = "¤#,##0.00" if show_cents else "¤#,##0"
    return str(
        format_currency(amount, currency, format=pattern, locale="en_US", currency_digits=False)
    )


@functools.lru_cache(maxsize=65536)
def format_salary(salary: Salary | None) -> str:
    """ "$189,308 – $389,753 a year"; "Up to £80,000 a year"; "" when there is none."""
    if salary is None:
        return ""
    per = f" a {salary.period.label}" if salary.period.label != "hour" else " an hour"
    cents = any(has_cents(v) for v in (salary.min, salary.max) if v is not None)
    if salary.min is not None and salary.max is not None:
        if salary.min == salary.max:
            amount = money(salary.min, salary.currency, cents)
        else:
            low, high = (
                money(salary.min, salary.currency, cents),
                money(salary.max, salary.currency, cents),
            )
            amount = f"{low} – {high}"
    elif salary.max is not None:
        amount = f"Up to {money(salary.max, salary.currency, cents)}"
    else:
        assert salary.min is not None
        amount = f"From {money(salary.min, salary.currency, cents)}"
    return amount + per


def format_location(location: Location) -> str:
    """ "San Francisco, CA" for US places, "Berlin, Germany" elsewhere, "Remote (Canada)"."""
    if location.label:
        return location.label
    name = country_name(location.country)
    if location.remote:
        return f"Remote ({name})" if name else "Remote"
    region = location.region if location.region != location.city else None
    parts = [location.city, region]
    if name and not (location.country == "US" and location.region):
        parts.append(name)
    return ", ".join(p for p in parts if p) or "Location not stated"


def format_date(date: dt.date | None, approximate: bool = False) -> str:
    if date is None:
        return ""
    text = f"{date.day} {date.strftime('%b %Y')}"
    return f"about {text}" if approximate else text


def format_arrangements(arrangements: tuple[WorkArrangement, ...]) -> str:
    return " or ".join(a.label for a in arrangements)


def initials(name: str) -> str:
    words = [w for w in name.replace("&", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def card_for(posting: Posting, employer_slug: str) -> PostingCard:
    return PostingCard(
        id=posting.id,
        title=posting.title,
        url=posting_url(posting.slug),
        employer=Link(posting.employer.name, employer_url(employer_slug)),
        locations=" · ".join(format_location(loc) for loc in posting.locations),
        arrangements=format_arrangements(posting.work_arrangements),
        salary=format_salary(posting.salary),
        date_iso=posting.date_posted.isoformat() if posting.date_posted else "",
        date_label=format_date(posting.date_posted, posting.date_posted_approximate),
        level=posting.seniority.label if posting.seniority else "",
    )


def employer_card(employer: Employer, slug: str, logo: str = "") -> EmployerCard:
    return EmployerCard(
        name=employer.name,
        url=employer_url(slug),
        initials=initials(employer.name),
        logo=logo,
        website=employer.website or "",
        logo_url=employer.logo_url or "",
        description=employer.description or "",
        industry=employer.industry or "",
        segment=employer.segment or "",
    )


def posting_facts(posting: Posting, role_label: str | None) -> tuple[Fact, ...]:
    candidates = [
        ("Salary", format_salary(posting.salary)),
        ("Location", "; ".join(format_location(loc) for loc in posting.locations)),
        ("Work arrangement", format_arrangements(posting.work_arrangements)),
        ("Employment type", " or ".join(kind.label for kind in posting.employment_types)),
        ("Seniority", posting.seniority.label if posting.seniority else ""),
        ("Level", posting.level or ""),
        ("Role", role_label or ""),
        ("Team", posting.team or ""),
        ("Category", posting.category or ""),
        ("Posted", format_date(posting.date_posted, posting.date_posted_approximate)),
        ("Apply by", format_date(posting.valid_through)),
        ("Reference", posting.external_id or ""),
    ]
    return tuple(
        Fact(label, value, label in SEARCHABLE_FACTS) for label, value in candidates if value
    )


SEARCHABLE_FACTS = frozenset(
    {"Location", "Work arrangement", "Employment type", "Seniority", "Level", "Role", "Team"}
)


def salary_span(postings: tuple[Posting, ...]) -> str:
    """The range of yearly salaries a set of postings states, per the most common currency."""
    salaries = [p.salary for p in postings if p.salary]
    if not salaries:
        return ""
    currencies = sorted(
        {s.currency for s in salaries}, key=lambda c: (-sum(s.currency == c for s in salaries), c)
    )
    currency = currencies[0]
    chosen = [s for s in salaries if s.currency == currency]
    if len(chosen) * 2 <= len(salaries):
        return ""  # no currency dominates: one range would misrepresent the others
    low = min(s.yearly_low for s in chosen)
    high = max(s.yearly_high for s in chosen)
    if low == high:
        return f"{money(low, currency, False)} a year"
    # Yearly equivalents are estimates: whole units, never cents.
    return f"{money(low, currency, False)} – {money(high, currency, False)} a year"


# Bin widths a reader can take in at a glance: 5k, 10k, 25k… (and their tenths and tens).
NICE_STEPS = tuple(m * 10**e for e in range(0, 8) for m in (1, 2, 2.5, 5))


def nice_bins(low: float, high: float, most: int = 8) -> tuple[float, float, int]:
    """(start, step, count): round-numbered bins covering low..high, at most `most` of them."""
    # Bins narrower than 2% of the pay would split hairs (and one salary needs a visible bin).
    for step in (s for s in NICE_STEPS if s >= low * 0.02):
        start = math.floor(low / step) * step
        count = max(1, math.ceil((high - start) / step + 1e-9))
        if high >= start + count * step:
            count += 1  # the top value sits on an edge: give it a bin of its own
        if count <= most:
            return start, step, count
    return low, max(high - low, 1.0), 1


def short_money(amount: float, currency: str) -> str:
    """ "£55k", "$1.2M": axis labels that fit under a narrow chart."""
    symbol = money(0, currency, False).replace("0", "").strip() or f"{currency} "
    if amount >= 1_000_000:
        return f"{symbol}{amount / 1_000_000:.3g}M"
    if amount >= 1_000:
        return f"{symbol}{amount / 1_000:.3g}k"
    return f"{symbol}{amount:.0f}"


def salary_chart(postings: tuple[Posting, ...], label: str) -> Chart | None:
    """A histogram of yearly salaries (range midpoints) in the most common currency, in
    round-numbered bins, sized for a sidebar."""
    salaries = [p.salary for p in postings if p.salary]
    if len(salaries) < 2:
        return None
    currency = sorted(
        {s.currency for s in salaries}, key=lambda c: (-sum(s.currency == c for s in salaries), c)
    )[0]
    mids = sorted((s.yearly_low + s.yearly_high) / 2 for s in salaries if s.currency == currency)
    if len(mids) < 2:
        return None
    low, high = mids[0], mids[-1]
    start, step, bins = nice_bins(low, high)
    counts = [0] * bins
    for value in mids:
        counts[min(bins - 1, int((value - start) / step))] += 1
    width, height = 320, 180
    baseline, headroom, left = height - 28, 22, 8
    bar_width = (width - 2 * left) / bins
    top = max(counts)
    bars = []
    for i, count in enumerate(counts):
        bar_height = (baseline - headroom) * count / top
        edge = start + i * step
        bars.append(
            Bar(
                label=f"{money(edge, currency, False)}–{money(edge + step, currency, False)}",
                count=count,
                x=round(left + i * bar_width + 2, 1),
                y=round(baseline - bar_height, 1),
                width=round(bar_width - 4, 1),
                height=round(bar_height, 1),
            )
        )
    # Label the outer edges and, when there is room, the middle one.
    edges = sorted({0, bins} | ({bins // 2} if bins >= 4 else set()))
    ticks = tuple(
        Tick(x=round(left + i * bar_width, 1), label=short_money(start + i * step, currency))
        for i in edges
    )
    return Chart(
        title=f"Yearly salaries of {label} postings ({currency})",
        description=f"{len(mids)} postings state a salary in {currency}, from "
        f"{money(low, currency, False)} to {money(high, currency, False)} a year "
        "(midpoint of each range).",
        width=width,
        height=height,
        baseline=baseline,
        bars=tuple(bars),
        ticks=ticks,
    )


def json_ld_script(data: dict[str, object]) -> str:
    """JSON for a <script> element: sorted keys for stable output, "<", ">" and "&" escaped.

    Escaping only "</" is not enough: a title holding "<!--<script>" makes the browser skip the
    element's real end tag and swallow the rest of the page. JSON's \\u escapes mean the same
    characters, so the data is unchanged for anything that reads it.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class RoleLabels:
    """Role family key → label, from the vocabulary in use."""

    labels: dict[str, str] = field(default_factory=dict)

    def link(self, key: str | None, count: int = 0) -> Link | None:
        if not key:
            return None
        return Link(self.labels.get(key, key.replace("-", " ").title()), role_url(key), count)
