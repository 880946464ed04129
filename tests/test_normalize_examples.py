"""Normalisation rules found missing by an examiner's unseen inputs: one example table per rule,
a property where one fits, and the examiner's own files read end to end.

The fixture files (tests/fixtures/realworld/exam/{feeds,ats,cards,markdown}) are the examiner's
inputs with fictional employers, copied unchanged. They have a folder of their own because other
tests build whole folders such as realworld/ats and expect exactly their own postings there.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.markup import markdown_to_html
from generator.models import Posting, RawPosting, Salary, SalaryPeriod, Source, WorkArrangement
from generator.normalize.dates import normalize_date
from generator.normalize.employers import employer_display_name
from generator.normalize.locations import normalize_location, normalize_locations
from generator.normalize.posting import (
    ReferenceDate,
    _text_blocks,
    normalize_employment_type,
    normalize_posting,
)
from generator.normalize.salary import normalize_salary, salary_in_text, salary_statement
from generator.normalize.skills import skills_in_text
from generator.normalize.titles import (
    HANDLER_ATTRIBUTE,
    normalize_seniority,
    normalize_title_case,
    role_family,
    strip_html_tags,
    title_level,
)
from generator.readers import read_file
from generator.readers.ats_common import spelled_in_text
from generator.readers.feed_text import PROSE_SALARY
from generator.readers.rss import applicant_region, split_title
from generator.views import format_salary
from tests.conftest import FIXTURES, read_and_normalise, salary_facts

REALWORLD = FIXTURES / "realworld" / "exam"
REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _read(kind: str, name: str) -> tuple[list[Posting], list[str]]:
    """Reads and normalises one fixture: (postings kept, every message formatted)."""
    _, postings, problems = read_and_normalise(REALWORLD / kind / name, REFERENCE)
    return postings, [d.format() for d in problems]


_salary = salary_facts


# --- D5: "up to" is a maximum, "from" / "X+" a minimum -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Up to $200K", (None, 200000, "USD", "YEAR")),
        ("up to £80,000", (None, 80000, "GBP", "YEAR")),
        ("From $90,000 a year", (90000, None, "USD", "YEAR")),
        ("$150k+", (150000, None, "USD", "YEAR")),
        ("bis zu 80.000 € brutto", (None, 80000, "EUR", "YEAR")),
        ("ab €4.000 brutto/Monat", (4000, None, "EUR", "MONTH")),
        ("$200K", (200000, 200000, "USD", "YEAR")),
    ],
)
def test_open_ended_salaries(text: str, expected: tuple[object, ...]) -> None:
    salary = normalize_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period.value) == expected


def test_up_to_salary_in_a_feed_is_a_maximum_only() -> None:
    postings, _ = _read("feeds", "remote-board.rss")
    heronbyte = next(p for p in postings if p.employer.name == "Heronbyte")
    assert _salary(heronbyte) == (None, 200000, "USD", "YEAR")
    assert format_salary(heronbyte.salary) == "Up to $200,000 a year"


# --- D11: cents are shown as two digits -----------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "period", "shown"),
    [
        (21.5, 21.5, "HOUR", "$21.50 an hour"),
        (19.5, 23, "HOUR", "$19.50 – $23.00 an hour"),
        (48.75, 72.1, "HOUR", "$48.75 – $72.10 an hour"),
        (45, 45, "HOUR", "$45 an hour"),
        (24, 29, "HOUR", "$24 – $29 an hour"),
        (189308, 389753, "YEAR", "$189,308 – $389,753 a year"),
        (None, 200000, "YEAR", "Up to $200,000 a year"),
        (18.25, None, "HOUR", "From $18.25 an hour"),
    ],
)
def test_salary_display(low: float | None, high: float | None, period: str, shown: str) -> None:
    salary = Salary(min=low, max=high, currency="USD", period=SalaryPeriod(period))
    assert format_salary(salary) == shown


@given(cents=st.integers(1, 100_000_00), period=st.sampled_from(["HOUR", "YEAR"]))
def test_figures_show_no_cents_or_two_digits(cents: int, period: str) -> None:
    shown = format_salary(Salary(min=cents / 100, currency="USD", period=SalaryPeriod(period)))
    assert not re.search(r"\.\d(?!\d)", shown), shown  # never "$21.5"
    assert ("." in shown) == (cents % 100 != 0), shown


def test_hourly_pay_with_cents_from_a_feed() -> None:
    postings, _ = _read("feeds", "indeed-publisher.xml")
    driver = next(p for p in postings if p.title.startswith("Delivery Driver"))
    assert format_salary(driver.salary) == "$21.50 an hour"


# --- D10: names lose HTML tags, and only real ones -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delivery Driver <img src=x onerror=alert(1)>", "Delivery Driver"),
        ("<b>Senior</b> Engineer", "Senior Engineer"),
        ("Engineer <script>alert(1)</script>", "Engineer"),
        ("Evil & Co <br/>", "Evil & Co"),
        ("C++ <Senior>", "C++ <Senior>"),  # not an HTML element
        ("<0", "<0"),
        ("Latency < 5ms > Throughput", "Latency < 5ms > Throughput"),
        ("<Lead> Engineer", "<Lead> Engineer"),  # a capitalised bare word reads as text
        ("A < b > c", "A < b > c"),  # HTML allows no space after "<"
    ],
)
def test_html_tags_in_names(text: str, expected: str) -> None:
    assert strip_html_tags(text) == expected


@given(st.text(alphabet=st.characters(blacklist_characters="<"), max_size=40))
def test_names_without_tags_are_untouched(text: str) -> None:
    # The one exception: a quoted event-handler attribute, the leftover of a broken tag.
    assume(not HANDLER_ATTRIBUTE.search(text))
    assert strip_html_tags(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Gravelpit Aggregates"><img src=x onerror=alert(5)>', "Gravelpit Aggregates"),
        ('Cleaning" onclick="alert(6)', "Cleaning"),
        ("<b>Dog handling</b>", "Dog handling"),
        ("Boise<script>alert(8)</script>", "Boise"),
        ("Warehouse Team Lead \"><svg/onload=alert('t')>", "Warehouse Team Lead"),
        ("Fernwick Depot\"><img src=x onerror=alert('e')> Fernwick Depot", "Fernwick Depot"),
        ('The "Best" Co', 'The "Best" Co'),
        ("Bob's Diner", "Bob's Diner"),
    ],
)
def test_broken_tag_leftovers_in_names(text: str, expected: str) -> None:
    assert strip_html_tags(text) == expected


def test_title_with_markup_loses_it_everywhere_with_a_warning() -> None:
    postings, messages = _read("feeds", "indeed-publisher.xml")
    driver = next(p for p in postings if p.title.startswith("Delivery Driver"))
    assert driver.title == "Delivery Driver"
    assert driver.slug == "quickbasket-grocers-delivery-driver"
    assert any(
        "warning: title 'Delivery Driver <img src=x onerror=alert(1)>' contains HTML markup" in m
        for m in messages
    )


# --- D14–D17: pay stated only in the description ------------------------------------------


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Gehalt: €60.000 – €75.000 brutto/Jahr", (60000, 75000, "EUR", "YEAR")),
        ("38-Stunden-Woche, €3.400 – €3.900 brutto/Monat.", (3400, 3900, "EUR", "MONTH")),
        ("Salary: CLP 2.400.000 - 3.000.000 mensual", (2400000, 3000000, "CLP", "MONTH")),
        ("Salary: CLP 2.400.000 - 3.000.000 per month", (2400000, 3000000, "CLP", "MONTH")),
        ("Rate: $45/hr", (45, 45, "USD", "HOUR")),
        ("Salary: Up to $200K", (None, 200000, "USD", "YEAR")),
        ("Pay range: ₹18,00,000 - ₹25,00,000 per annum", (1800000, 2500000, "INR", "YEAR")),
        ("The salary range for this role is $98,000 - $120,000.", (98000, 120000, "USD", "YEAR")),
        ("Compensation: $150k+ plus equity", (150000, None, "USD", "YEAR")),
        ("Salaire : 45 000 € - 55 000 € par an", (45000, 55000, "EUR", "YEAR")),
        ("Vergütung: 4.200 € brutto pro Monat", (4200, 4200, "EUR", "MONTH")),
        ("Salario: 30.000 - 36.000 EUR al año", (30000, 36000, "EUR", "YEAR")),
        ("OTE: $120,000 - $140,000", (120000, 140000, "USD", "YEAR")),
    ],
)
def test_pay_in_prose(prose: str, expected: tuple[object, ...]) -> None:
    salary = salary_in_text(f"We build things.\n{prose}\nApply today.")
    assert salary is not None, salary_statement(prose)
    assert (salary.min, salary.max, salary.currency, salary.period.value) == expected


@pytest.mark.parametrize(
    "prose",
    [
        "We raised $5M funding last year.",
        "Benefits: 401(k) matching and dental.",
        "Trusted by 10,000 customers in 40 countries.",
        "Base: 3 days a week in our Austin office.",
        "Salary: competitive, and we just raised $5M in funding.",
        "Compensation\nWe raised $12M from investors.",
        "Pay: $5M in funding secured.",
        "Rate: 99.9% uptime",
        "A $500 home-office budget.",
    ],
)
def test_figures_that_are_not_pay(prose: str) -> None:
    assert salary_in_text(prose) is None, salary_statement(prose)


@given(
    low=st.integers(10, 400_000),
    spread=st.integers(0, 100_000),
    label=st.sampled_from(["Salary:", "Pay range:", "Compensation", "Gehalt:", "Rate:", "Base:"]),
    style=st.sampled_from(["us", "de", "in"]),
    symbol=st.sampled_from(["$", "€", "£", "₹"]),
)
def test_labelled_pay_round_trips(
    low: int, spread: int, label: str, style: str, symbol: str
) -> None:
    def fmt(n: int) -> str:
        if style == "in" and n >= 100_000:
            head, tail = divmod(n, 1000)
            return re.sub(r"(\d)(?=(\d{2})+$)", r"\1,", str(head)) + f",{tail:03d}"
        us = f"{n:,}"
        return us.replace(",", ".") if style == "de" else us

    high = low + spread
    salary = salary_in_text(f"About us.\n{label} {symbol}{fmt(low)} - {symbol}{fmt(high)}\nApply.")
    assert salary is not None
    assert (salary.min, salary.max) == (low, high)


@given(st.text(alphabet=st.characters(blacklist_characters="$€£₹¥"), max_size=80))
def test_prose_without_a_currency_is_never_pay(text: str) -> None:
    # No symbol and no ISO code (the alphabet may still spell one, so those are skipped).
    if not re.search(r"\b[A-Z]{3}\b", text):
        assert salary_in_text(text) is None


@pytest.mark.parametrize(
    ("kind", "name", "title", "expected"),
    [
        (
            "ats",
            "recruitee-brightwater.json",
            "Senior Backend-Entwickler (Java)",
            (60000, 75000, "EUR", "YEAR"),
        ),
        (
            "ats",
            "personio-holzwerk.xml",
            "Tischler / Schreiner (m/w/d)",
            (3400, 3900, "EUR", "MONTH"),
        ),
        (
            "ats",
            "workable-orchardine.json",
            "Firmware Engineer",
            (2400000, 3000000, "CLP", "MONTH"),
        ),
        ("feeds", "remote-board.rss", "Technical Writer", (45, 45, "USD", "HOUR")),
        ("feeds", "remote-board.rss", "DevOps Engineer", (60000, 75000, "GBP", "YEAR")),
        ("ats", "workable-orchardine.json", "Customer Success Manager - EMEA", None),
    ],
)
def test_readers_find_pay_in_descriptions(
    kind: str, name: str, title: str, expected: tuple[object, ...] | None
) -> None:
    postings, _ = _read(kind, name)
    (posting,) = [p for p in postings if p.title == title]
    assert _salary(posting) == expected


# --- D8/D9: summary cards state salary and date in any section -----------------------------


@pytest.mark.parametrize(
    ("name", "salary", "posted", "signals"),
    [
        (
            "duskwater-analytics-lead.txt",
            (150000, 180000, "USD", "YEAR"),
            dt.date(2026, 11, 16),
            ("data contracts", "team leadership"),
        ),
        (
            "mapleforge-support.txt",
            (48000, 54000, "CAD", "YEAR"),
            dt.date(2026, 11, 21),
            (),
        ),
    ],
)
def test_summary_card_salary_and_date_lines(
    name: str, salary: tuple[object, ...], posted: dt.date, signals: tuple[str, ...]
) -> None:
    (posting,), messages = _read("cards", name)
    assert _salary(posting) == salary
    assert posting.date_posted == posted
    assert posting.signals == signals  # the salary and date are not chips
    assert messages == []


def test_summary_card_hybrid_location() -> None:
    (posting,), _ = _read("cards", "duskwater-analytics-lead.txt")
    assert [loc.display for loc in posting.locations] == ["Austin, TX, US"]
    assert posting.work_arrangements == (WorkArrangement.HYBRID,)


# --- D6: "Company | Role | Location | Salary" feed titles ----------------------------------


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        (
            "Glimmerpath | Senior Rust Engineer | Remote (US or Canada) | $170k-$210k + equity",
            (
                "Senior Rust Engineer",
                "Glimmerpath",
                "Remote (US or Canada)",
                "$170k-$210k + equity",
            ),
        ),
        (
            "Thornbury Health | Full-Stack Engineer | Hybrid - Austin, TX | $130K-$160K",
            ("Full-Stack Engineer", "Thornbury Health", "Hybrid - Austin, TX", "$130K-$160K"),
        ),
        (
            "Acme | Data Analyst | €60k | Berlin, Germany",
            ("Data Analyst", "Acme", "Berlin, Germany", "€60k"),
        ),
        (
            "Senior Designer | Acme | Remote | Full-time",
            ("Senior Designer", "Acme", None, None),
        ),
        ("Data Analyst - Acme - Berlin", ("Data Analyst", "Acme", "Berlin", None)),
    ],
)
def test_pipe_titles(title: str, parts: tuple[str | None, ...]) -> None:
    split = split_title(title)
    assert split is not None
    assert (split.title, split.employer, split.where, split.salary) == parts


def test_who_is_hiring_feed() -> None:
    postings, messages = _read("feeds", "hn-style.rss")
    assert messages == []
    rust, stack = postings
    assert (rust.title, rust.employer.name) == ("Senior Rust Engineer", "Glimmerpath")
    assert _salary(rust) == (170000, 210000, "USD", "YEAR")
    assert [loc.display for loc in rust.locations] == ["Remote (US)", "Remote (CA)"]
    assert (stack.title, stack.employer.name) == ("Full-Stack Engineer", "Thornbury Health")
    assert _salary(stack) == (130000, 160000, "USD", "YEAR")
    assert [loc.display for loc in stack.locations] == ["Austin, TX, US"]
    assert stack.work_arrangements == (WorkArrangement.HYBRID,)


def test_title_form_not_understood_is_said(tmp_path: Path) -> None:
    feed = tmp_path / "odd.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Board</title>"
        "<item><title>Widgets | Gadgets | Berlin | Blue</title></item></channel></rss>",
        encoding="utf-8",
    )
    _, result = read_file(feed, "odd.rss")
    assert not result.postings
    (message,) = [d.format() for d in result.diagnostics]
    assert message.startswith(
        "odd.rss:1: warning: item 1 has no employer field and its title 'Widgets | Gadgets | "
        "Berlin | Blue' is divided by '|' in a form not understood"
    )
    assert "names no employer" not in message


# --- D12/D13: an employer named only by a URL slug takes the text's spelling -----------------


@pytest.mark.parametrize(
    ("slug_name", "text", "expected"),
    [
        ("Marlowefinch", "Marlowe & Finch is an equal opportunity employer.", "Marlowe & Finch"),
        ("Fenwickpay", "Fenwick Pay runs UPI collections.", "Fenwick Pay"),
        ("Marloweandfinch", "Join Marlowe and Finch today.", "Marlowe and Finch"),
        ("Cafebar", "Das Café Bar sucht Verstärkung.", "Café Bar"),
        ("Fenwickpay", "We pay fenwick rates.", None),  # not capitalised: not a name
        ("Acme", "Acme Robotics builds arms.", None),  # the same spelling: nothing to change
        ("Ab", "A B testing", None),  # too short to match safely
    ],
)
def test_employer_spelled_as_the_text_writes_it(
    slug_name: str, text: str, expected: str | None
) -> None:
    assert spelled_in_text(slug_name, [text]) == expected


@pytest.mark.parametrize(
    ("kind", "name", "employer", "slug"),
    [
        ("ats", "lever-marlowe.json", "Marlowe & Finch", "Marlowefinch"),
        ("ats", "ashby-fenwick.json", "Fenwick Pay", "Fenwickpay"),
    ],
)
def test_ats_employer_from_slug_is_spelled_from_the_text(
    kind: str, name: str, employer: str, slug: str
) -> None:
    postings, messages = _read(kind, name)
    assert postings and {p.employer.name for p in postings} == {employer}
    assert any(
        f"employer {employer!r} taken from" in m and f"the URL gives {slug!r}" in m
        for m in messages
    ), messages


# --- D22: role families --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Data Platform Engineer II", "data-engineer"),
        ("Senior Data Engineer", "data-engineer"),
        ("Solutions Engineer, Public Sector", "solutions-engineer"),
        ("Sales Engineer", "solutions-engineer"),
        ("Solutions Architect", "solutions-engineer"),
        ("Platform Engineer", "site-reliability-engineer"),
        ("Senior Backend Engineer", "software-engineer"),
        ("Technical Support Engineer, Tier 2", "support-engineer"),
        ("Customer Support Specialist (Spanish)", "support-engineer"),
        ("IT Support Technician", "support-engineer"),
        ("Customer Success Manager", "customer-success"),
        # Beyond software (exam 4): the job's own noun decides, the more specific first.
        ("Registered Nurse - Aged Care", "nursing"),
        ("Clinical Nurse Educator, Virtual Care", "nursing"),
        ("Primary Mathematics Teacher", "education"),
        ("Early Years Educator", "education"),
        ("Curriculum Designer, Early Years", "education"),
        ("Curriculum Lead", "education"),
        ("Senior Accountant, Revenue", "accounting-finance"),
        ("Financial Analyst", "accounting-finance"),
        ("Buchhalter (m/w/d) Finanzbuchhaltung", "accounting-finance"),
        ("Head Chef", "hospitality"),
        ("Line Cook", "hospitality"),
        ("Associate Attorney - Commercial Litigation", "legal"),
        ("Paralegal", "legal"),
        ("Warehouse Associate - Night Shift", "warehouse-logistics"),
        ("Forklift Operator", "warehouse-logistics"),
        ("Picker Packer", "warehouse-logistics"),
        ("Delivery Driver", "driving-delivery"),
        ("Clinical Pharmacist", "healthcare"),
        ("Retail Sales Associate", "retail"),
        ("Customer Service Representative", "customer-service"),
        ("HR Business Partner", "human-resources"),
        ("Marketing Coordinator", "marketing"),
        ("Electrician", "trades"),
        ("Maintenance Technician", "trades"),
        ("Auto Mechanic", "trades"),
        ("Office Cleaner", "cleaning"),
        ("Branch Manager II - Retail Banking", "banking"),
        ("Senior Product Designer", "designer"),
        ("UX Researcher", "designer"),
        ("Software Engineer II, Payments", "software-engineer"),
        # Search examiner: executives of engineering, porters, customer support executives.
        ("VP of Engineering", "engineering-manager"),
        ("Chief Technology Officer", "engineering-manager"),
        ("Hospital Porter", "healthcare"),
        ("Night Porter", "hospitality"),
        ("Customer Support Executive", "customer-service"),
    ],
)
def test_role_families(title: str, family: str) -> None:
    found = role_family(title)
    assert found is not None and found.key == family


# --- D23: Markdown links with unsafe URLs leave no stray characters -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[A bad link](javascript:alert('mdlink2')) after", "<p>A bad link after</p>"),
        ("[x](JavaScript:a(b(c))) y", "<p>x y</p>"),
        ("[d](data:text/html,hi) e", "<p>d e</p>"),
        (
            "[ok](https://x.example/a_(b))",
            '<p><a href="https://x.example/a_(b)" rel="nofollow noopener noreferrer">ok</a></p>',
        ),
    ],
)
def test_unsafe_markdown_links(text: str, expected: str) -> None:
    """An unsafe link keeps its label and nothing else; a safe one keeps its whole URL."""
    assert markdown_to_html(text) == expected


def test_markdown_fixture_has_no_stray_parenthesis() -> None:
    (posting,), _ = _read("markdown", "brackenridge-ux-researcher.md")
    assert "A bad link)" not in posting.description_html
    assert "A bad link" in posting.description_html
    assert "javascript:" not in markdown_to_html("[A bad link](javascript:alert('x'))")


@pytest.mark.parametrize(
    ("text", "local", "currency"),
    [
        ("$26 an hour", "CAD", "CAD"),  # a bare "$" is the place's own dollar
        ("$120,000 - $145,000", "AUD", "AUD"),
        ("US$120,000 - 145,000", "CAD", "USD"),  # qualified: stays US dollars
        ("$90,000 USD", "CAD", "USD"),
        ("$90,000", "EUR", "USD"),  # no local dollar: "$" is US dollars
        ("kr 45 000 per month", "NOK", "NOK"),
        ("€60,000", "CAD", "EUR"),
    ],
)
def test_shared_currency_symbols_mean_the_local_currency(
    text: str, local: str, currency: str
) -> None:
    salary = normalize_salary(text, default_currency=local)
    assert salary is not None and salary.currency == currency


# --- second examiner: dates, Indian pay units, places, casing, employment types ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.11.2026", dt.date(2026, 11, 3)),  # dotted: day first (European)
        ("12.11.2026", dt.date(2026, 11, 12)),
        ("3.1.2027", dt.date(2027, 1, 3)),
        ("11/03/2026", dt.date(2026, 11, 3)),  # slashed: month first (US)
        ("25/11/2026", dt.date(2026, 11, 25)),  # first number > 12: day first
        ("12/11/2026", dt.date(2026, 11, 12)),  # month first would be after the reference date
        ("11/24/2026", dt.date(2026, 11, 24)),
        ("2026-11-03", dt.date(2026, 11, 3)),
    ],
)
def test_numeric_posted_dates(text: str, expected: dt.date) -> None:
    assert normalize_date(text, REFERENCE.date, past=True) == expected


def test_numeric_dates_not_posted_may_be_in_the_future() -> None:
    assert normalize_date("03.01.2027", REFERENCE.date) == dt.date(2027, 1, 3)
    assert normalize_date("12/11/2026", REFERENCE.date) == dt.date(2026, 12, 11)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 25)))
def test_a_dotted_or_slashed_past_date_is_never_read_after_the_reference(day: dt.date) -> None:
    for text in (f"{day:%d.%m.%Y}", f"{day:%m/%d/%Y}", f"{day:%d/%m/%Y}"):
        found = normalize_date(text, REFERENCE.date, past=True)
        assert found is not None and found <= REFERENCE.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("₹12 LPA - ₹18 LPA", (1200000, 1800000, "INR", "YEAR")),
        ("12-18 LPA", (1200000, 1800000, "INR", "YEAR")),
        ("12 lakhs", (1200000, 1200000, "INR", "YEAR")),
        ("₹8 - 11 lakh per annum", (800000, 1100000, "INR", "YEAR")),
        ("1.2 Cr", (12000000, 12000000, "INR", "YEAR")),
        ("₹22L/yr - ₹30L/yr", (2200000, 3000000, "INR", "YEAR")),  # LinkedIn India: L is lakh
        ("INR 8,00,000 - 11,00,000 per annum", (800000, 1100000, "INR", "YEAR")),
        ("A$130k + super", (130000, None, "AUD", "YEAR")),
        ("$80-100k", (80000, 100000, "USD", "YEAR")),
    ],
)
def test_indian_pay_units_and_open_ended_pay(text: str, expected: tuple[object, ...]) -> None:
    salary = normalize_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period.value) == expected


def test_pay_in_prose_keeps_the_plus_of_a_minimum() -> None:
    found = PROSE_SALARY.search("Compensation: A$130k + super, plus commission.")
    assert found is not None
    salary = normalize_salary(found.group(1))
    assert salary is not None and (salary.min, salary.max, salary.currency) == (
        130000,
        None,
        "AUD",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NYC, NY", ("New York", "NY", "US", False, "")),
        ("New York, NY", ("New York", "NY", "US", False, "")),
        ("Remote — US only", (None, None, "US", True, "")),
        ("Remote - USA only", (None, None, "US", True, "")),
        ("Remote (US East)", (None, None, "US", True, "")),
        ("Remote (East Coast)", (None, None, "US", True, "")),
        ("Remote (EU timezones)", (None, None, None, True, "Remote (Europe)")),
        ("Hybrid remote in Austin, TX", ("Austin", "TX", "US", False, "")),
        ("Spokane - Pembrook Sacred Heart Campus, WA", ("Spokane", "WA", "US", False, "")),
        (
            "Spokane - Pembrook Sacred Heart Campus, United States",
            ("Spokane", "WA", "US", False, ""),
        ),
        ("Berlin - Germany", ("Berlin", None, "DE", False, "")),
        ("Wien, AT", ("Wien", None, "AT", False, "")),
        ("Wien", ("Wien", None, "AT", False, "")),
        ("West Palm Beach, FL", ("West Palm Beach", "FL", "US", False, "")),
        # Postcodes are no part of a place (exam 4).
        ("Keswick CA12 5ER", ("Keswick", None, "GB", False, "")),
        ("London EC1A 1BB", ("London", None, "GB", False, "")),
        ("Brisbane QLD 4000", ("Brisbane", "QLD", "AU", False, "")),
        ("Melbourne, VIC 3065", ("Melbourne", "VIC", "AU", False, "")),
        ("VIC 3065", (None, "VIC", "AU", False, "")),
        ("Reno, NV 89502", ("Reno", "NV", "US", False, "")),
        ("Seattle, WA 98109-1234", ("Seattle", "WA", "US", False, "")),
        ("Halifax, NS B3H 4R2", ("Halifax", "NS", "CA", False, "")),
        ("Bengaluru 560001", ("Bengaluru", "Karnataka", "IN", False, "")),
    ],
)
def test_place_forms(text: str, expected: tuple[object, ...]) -> None:
    loc = normalize_location(text)
    assert loc is not None
    assert (loc.city, loc.region, loc.country, loc.remote, loc.label) == expected


def test_nyc_and_new_york_are_one_place() -> None:
    assert len(normalize_locations(["NYC, NY", "New York, NY", "New York City, NY"])) == 1


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "office coordinator (bilingual portuguese/english)",
            "Office Coordinator (Bilingual Portuguese/English)",
        ),
        ("SENIOR DATA ENGINEER (REMOTE)", "Senior Data Engineer (Remote)"),
        ("front-end developer ii", "Front-end Developer II"),
        ("Office Coordinator (Bilingual Portuguese/English)", None),  # already cased: untouched
    ],
)
def test_title_casing_capitalises_every_word(title: str, expected: str | None) -> None:
    assert normalize_title_case(title) == (expected or title)


@given(
    st.lists(st.sampled_from(["office", "(bilingual", "portuguese/english)", "Lead"]), min_size=1)
)
def test_title_casing_never_lower_cases_a_capital(words: list[str]) -> None:
    cased = normalize_title_case(" ".join(words))
    capitals = [c for c in " ".join(words) if c.isupper()]
    assert len([c for c in cased if c.isupper()]) >= len(capitals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TEMPORARY, FULL_TIME", "TEMPORARY"),
        ("TEMPORARY FULL TIME", "TEMPORARY"),
        ("FULL_TIME, CONTRACTOR", "FULL_TIME"),
        ("part-time; temporary", "PART_TIME"),
        ("Full Time", "FULL_TIME"),
    ],
)
def test_the_first_listed_employment_type_wins(text: str, expected: str) -> None:
    found = normalize_employment_type(text)
    assert found is not None and found.value == expected


# --- exam 3: metros, counts, OTE, "Staff", base-pay lines ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("San Francisco Bay Area", ("San Francisco", "CA", "US")),
        ("Greater London", ("London", None, "GB")),
        ("Greater Chicago Area", ("Chicago", "IL", "US")),
        ("Greater Seattle Area", ("Seattle", "WA", "US")),
        ("Greater Toronto Area", ("Toronto", "ON", "CA")),
        ("New York City Metropolitan Area", ("New York", "NY", "US")),
        ("Greater Sudbury", ("Greater Sudbury", None, "CA")),  # a city of that name
        ("Multiple Locations, US", (None, None, "US")),
    ],
)
def test_metro_areas_are_their_city(text: str, expected: tuple[str | None, ...]) -> None:
    loc = normalize_location(text)
    assert loc is not None and (loc.city, loc.region, loc.country) == expected


@pytest.mark.parametrize("text", ["Multiple Locations", "Various locations", "2 Locations"])
def test_location_counts_are_no_place(text: str) -> None:
    assert normalize_location(text) is None


def test_remote_country_written_twice_is_one_place() -> None:
    places = normalize_locations(["Remote - US, United States", "Remote, United States"])
    assert [(p.region, p.country, p.remote) for p in places] == [(None, "US", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anywhere in Canada", "Remote, Canada"),
        ("Anywhere in the World", "Remote"),
        ("USA Only", "Remote, USA"),
    ],
)
def test_anywhere_in_a_country(text: str, expected: str) -> None:
    assert applicant_region(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$65,000 base, $95,000 OTE", (65000, 65000)),
        ("$65K base / $95K OTE", (65000, 65000)),
        ("$90,000 base + $20,000 bonus", (90000, 90000)),
        ("OTE $95,000, base $65,000", (65000, 65000)),
        ("OTE: $120,000 - $140,000", (120000, 140000)),  # only OTE stated: still the pay
        ("$120k-$150k + equity", (120000, 150000)),
        ("$72,000–$86,000 USD base", (72000, 86000)),
    ],
)
def test_variable_pay_is_not_base_pay(text: str, expected: tuple[float, float]) -> None:
    salary = normalize_salary(text)
    assert salary is not None and (salary.min, salary.max) == expected


def test_prose_prefers_base_over_ote() -> None:
    salary = salary_in_text("Compensation: OTE $95,000, base $65,000")
    assert salary is not None and (salary.min, salary.max) == (65000, 65000)


def test_pay_range_after_a_colon_block() -> None:
    html = (
        '<p>The annual base salary range for this role is:</p><div class="pay-range">'
        '<span>$172,000</span><span class="divider">&mdash;</span>'
        "<span>$214,000 USD</span></div>"
    )
    blocks = _text_blocks(html)
    salary = salary_in_text("\n".join(blocks))
    assert salary is not None
    assert (salary.min, salary.max, salary.currency) == (172000, 214000, "USD")


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Event Staff", None),
        ("Kitchen Staff", None),
        ("Staff Nurse", None),
        ("Staff Engineer", "Staff"),
        ("Staff Product Designer", "Staff"),
        ("Staff Security Engineer, Detection & Response", "Staff"),
    ],
)
def test_staff_is_a_level_only_before_a_role(title: str, level: str | None) -> None:
    assert title_level(title) == level


def test_linkedin_seniority_codes() -> None:
    assert normalize_seniority("MID_SENIOR_LEVEL") is not None
    assert normalize_seniority("ENTRY_LEVEL") is not None


# --- exam 4a: countries in their own languages, dates, local salaries, types, legal forms -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oslo, Norge", ("Oslo", None, "NO")),
        ("Innsbruck, Österreich", ("Innsbruck", None, "AT")),
        ("Bonn, Nordrhein-Westfalen, Deutschland", ("Bonn", "Nordrhein-Westfalen", "DE")),
        ("Zürich, Schweiz", ("Zürich", None, "CH")),
        ("Genève, Suisse", ("Genève", None, "CH")),
        ("Lugano, Svizzera", ("Lugano", None, "CH")),
        ("Zaragoza, España", ("Zaragoza", None, "ES")),
        ("Kraków, Polska", ("Kraków", None, "PL")),
        ("Rotterdam, Nederland", ("Rotterdam", None, "NL")),
        ("Göteborg, Sverige", ("Göteborg", None, "SE")),
        ("Aarhus, Danmark", ("Aarhus", None, "DK")),
        ("Espoo, Suomi", ("Espoo", None, "FI")),
        ("Torino, Italia", ("Torino", None, "IT")),
        ("Liège, Belgique", ("Liège", None, "BE")),
        ("Gent, België", ("Gent", None, "BE")),
        ("Brno, Česko", ("Brno", None, "CZ")),
        ("Debrecen, Magyarország", ("Debrecen", None, "HU")),
        ("İzmir, Türkiye", ("İzmir", None, "TR")),
        ("Osaka, 日本", ("Osaka", None, "JP")),
        ("Cork, Éire", ("Cork", None, "IE")),
        ("Belo Horizonte, MG, Brasil", ("Belo Horizonte", "MG", "BR")),
        ("Querétaro, Querétaro, México", ("Querétaro", "Querétaro", "MX")),
        ("München", ("München", None, "DE")),
        ("Lisboa", ("Lisboa", None, "PT")),
        ("Lisboa, Portugal", ("Lisboa", None, "PT")),
        ("Warszawa", ("Warszawa", None, "PL")),
        ("Deutschland", (None, None, "DE")),
    ],
)
def test_countries_in_their_own_languages(
    text: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    loc = normalize_location(text)
    assert loc is not None
    assert (loc.city, loc.region, loc.country) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年11月16日", dt.date(2026, 11, 16)),
        ("2026年1月5日", dt.date(2026, 1, 5)),
        ("2026년 11월 16일", dt.date(2026, 11, 16)),
    ],
)
def test_east_asian_dates(text: str, expected: dt.date) -> None:
    assert normalize_date(text, dt.date(2026, 11, 25)) == expected


@pytest.mark.parametrize(
    ("posted", "valid", "expected"),
    [
        ("21/11/2026", "07/12/2026", dt.date(2026, 12, 7)),  # day first, as the posted date
        ("11/21/2026", "12/07/2026", dt.date(2026, 12, 7)),  # month first, as the posted date
        ("05/11/2026", "03/12/2026", dt.date(2026, 12, 3)),  # March would precede the posting
        ("2026-11-10", "2027-01-10", dt.date(2027, 1, 10)),
    ],
)
def test_closing_date_is_read_like_the_posted_date(
    posted: str, valid: str, expected: dt.date
) -> None:
    raw = RawPosting(
        title="Policy Officer",
        employer_name="Harbour Agency",
        date_posted_text=posted,
        valid_through_text=valid,
        source=Source(path="x.json", format="json-ld"),
    )
    posting, problems = normalize_posting(raw, ReferenceDate(dt.date(2026, 11, 25), exact=True))
    assert posting is not None and posting.valid_through == expected
    assert problems == []


def test_closing_date_before_the_posted_date_is_warned() -> None:
    raw = RawPosting(
        title="Policy Officer",
        employer_name="Harbour Agency",
        date_posted_text="2026-11-20",
        valid_through_text="2026-11-01",
        source=Source(path="x.json", format="json-ld"),
    )
    posting, problems = normalize_posting(raw, ReferenceDate(dt.date(2026, 11, 25), exact=True))
    assert posting is not None and posting.valid_through == dt.date(2026, 11, 1)
    assert any("before the date posted" in p.format() for p in problems)


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("$25,000 - $32,000 mensuales", "MXN", (25000, 32000, "MXN", "MONTH")),
        ("$8.000.000 - $11.000.000 COP mensuales", None, (8e6, 11e6, "COP", "MONTH")),
        ("$1.800.000 por mes", "ARS", (1.8e6, 1.8e6, "ARS", "MONTH")),
        ("$900.000 al mes", "CLP", (900000, 900000, "CLP", "MONTH")),
        ("$28.62 - $35.78 per hour", "AUD", (28.62, 35.78, "AUD", "HOUR")),
        ("R$ 1.650,00 por mês", None, (1650, 1650, "BRL", "MONTH")),
        ("15 000 - 20 000 PLN brutto / mies.", None, (15000, 20000, "PLN", "MONTH")),
        ("9 000 PLN miesięcznie", None, (9000, 9000, "PLN", "MONTH")),
        ("165 - 185 SEK / timme", None, (165, 185, "SEK", "HOUR")),
        ("42 000 SEK per månad", None, (42000, 42000, "SEK", "MONTH")),
        ("4.500 € pro Monat", None, (4500, 4500, "EUR", "MONTH")),
        ("2 800 € par mois", None, (2800, 2800, "EUR", "MONTH")),
        ("2.000 € al mese", None, (2000, 2000, "EUR", "MONTH")),
        ("€ 4.000 per maand", None, (4000, 4000, "EUR", "MONTH")),
        ("€ 25 per uur", None, (25, 25, "EUR", "HOUR")),
        ("R 450 000 – R 600 000 per annum", "ZAR", (450000, 600000, "ZAR", "YEAR")),
    ],
)
def test_local_currencies_and_period_words(
    text: str, default: str | None, expected: tuple[object, ...]
) -> None:
    salary = normalize_salary(text, default_currency=default)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period.value) == expected


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Sueldo: $25,000 - $32,000 mensuales más prestaciones.", (25000, 32000, "MXN", "MONTH")),
        ("Remuneration: R 450 000 – R 600 000 per annum CTC.", (450000, 600000, "ZAR", "YEAR")),
        ("Wynagrodzenie: 12 000 - 16 000 PLN miesięcznie", (12000, 16000, "PLN", "MONTH")),
    ],
)
def test_local_pay_in_prose(prose: str, expected: tuple[object, ...]) -> None:
    currency = "MXN" if "$" in prose else None
    salary = salary_in_text(prose, default_currency=currency)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jornada completa", "FULL_TIME"),
        ("Tiempo completo", "FULL_TIME"),
        ("Medio tiempo", "PART_TIME"),
        ("Media jornada", "PART_TIME"),
        ("Temporal", "TEMPORARY"),
        ("Casual", "PART_TIME"),  # hourly work without set hours: part-time, not per diem
        ("Vollzeit", "FULL_TIME"),
        ("Teilzeit", "PART_TIME"),
        ("befristet", "TEMPORARY"),
        ("unbefristet", "FULL_TIME"),
        ("Temps plein", "FULL_TIME"),
        ("Temps partiel", "PART_TIME"),
        ("CDI", "FULL_TIME"),
        ("CDD", "TEMPORARY"),
        ("Stage", "INTERN"),
        ("Praktikum", "INTERN"),
    ],
)
def test_employment_types_in_other_languages(text: str, expected: str) -> None:
    found = normalize_employment_type(text)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Merlion Logistics Pte. Ltd.", "Merlion Logistics"),
        ("Merlion Logistics Pte Ltd", "Merlion Logistics"),
        ("Estancia del Plata S.R.L.", "Estancia del Plata"),
        ("Cafetal Digital S.A.S.", "Cafetal Digital"),
        ("Autopartes del Bajío S.A. de C.V.", "Autopartes del Bajío"),
        ("Wierzba Labs sp. z o.o.", "Wierzba Labs"),
        ("Rheinwerk Maschinenbau GmbH", "Rheinwerk Maschinenbau"),
        ("Rheinwerk Maschinenbau GmbH & Co. KG", "Rheinwerk Maschinenbau"),
        ("Alpenfirn AG", "Alpenfirn"),
        ("Magazine Cerrado Ltda.", "Magazine Cerrado"),
        ("Pinterest, Inc.", "Pinterest"),
        ("Fynbos Mutual Ltd", "Fynbos Mutual"),
        ("Fynbos Mutual plc", "Fynbos Mutual"),
        ("Fietsfabriek Utrecht B.V.", "Fietsfabriek Utrecht"),
        ("Havenbedrijf Noordzee N.V.", "Havenbedrijf Noordzee"),
        ("Grankott Bank AB", "Grankott Bank"),
        ("Fjord Analytics AS", "Fjord Analytics"),
        ("Kōwhai Oy", "Kōwhai"),
        ("Lombardia Tessile S.p.A.", "Lombardia Tessile"),
        ("Sakura Tech K.K.", "Sakura Tech"),
        ("Harbor Labs LLC", "Harbor Labs"),
        ("Evil Corp", "Evil Corp"),  # "Corp" without its dot is part of the name
        ("Box Inc.", "Box Inc."),  # what would remain is too short to be a name
        ("ETH Zürich", "ETH Zürich"),
    ],
)
def test_complete_legal_forms_are_dropped(name: str, shown: str) -> None:
    assert employer_display_name(name) == shown


# --- exam 4: skills in prose need the skill's own name ------------------------------------------


@pytest.mark.parametrize(
    ("prose", "absent"),
    [
        (
            "Recommend therapy changes; communicate recommendations to prescribers.",
            "Recommendation Systems",
        ),
        ("Build and monitor credit scorecards, monitoring loss forecasts.", "Observability"),
        ("Run experimentation with menus.", "A/B Testing"),
        ("A swift start in our search for talent.", "Search"),
    ],
)
def test_ordinary_words_infer_no_skill(prose: str, absent: str) -> None:
    assert absent not in skills_in_text(prose)


def test_skills_named_in_prose_are_found() -> None:
    found = skills_in_text("You will build recommendation systems with Python and Observability.")
    assert found == ("Recommendation Systems", "Python", "Observability")
