"""The fourth examiner's inputs (part a), read end to end: local-language countries, day-first
dates, local-currency salaries, employment types in other languages, legal suffixes and places
carried in a title.

The fixture files (tests/fixtures/realworld/exam4/<kind>/) are the examiner's inputs, written for
this project with fictional employers, copied unchanged.
"""

from __future__ import annotations

import datetime as dt

from generator.models import EmploymentType, Posting
from generator.normalize.posting import ReferenceDate
from tests.conftest import FIXTURES, read_and_normalise, salary_facts

EXAM4 = FIXTURES / "realworld" / "exam4"
REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _read(kind: str, name: str) -> tuple[list[Posting], list[str]]:
    """Reads and normalises one fixture: (postings kept, every message formatted)."""
    _fmt, postings, problems = read_and_normalise(EXAM4 / kind / name, REFERENCE)
    return postings, [d.format() for d in problems]


_salary = salary_facts


def _places(posting: Posting) -> list[tuple[str | None, str | None, str | None]]:
    return [(loc.city, loc.region, loc.country) for loc in posting.locations]


# --- 1. countries in their own languages -------------------------------------------------------


def test_endonym_countries_are_countries_not_regions() -> None:
    (bonn,), _ = _read("jsonld", "bund-bonn-referent.html")
    assert _places(bonn) == [("Bonn", "Nordrhein-Westfalen", "DE")]
    (cdmx,), _ = _read("jsonld", "hospital-cdmx.html")
    assert _places(cdmx) == [("Benito Juárez", "Ciudad de México", "MX")]
    (sao_paulo,), _ = _read("jsonld", "varejo-saopaulo.html")
    assert _places(sao_paulo) == [("São Paulo", "SP", "BR")]


def test_generic_board_countries_and_local_city_names() -> None:
    postings, _ = _read("feeds", "generic-board.json")
    by_title = {p.title: p for p in postings}
    assert _places(by_title["Mechatroniker (m/w/d)"]) == [("Innsbruck", None, "AT")]
    assert _places(by_title["Software Engineer"]) == [("Oslo", None, "NO")]


def test_munich_in_german_alone_is_germany() -> None:
    postings, _ = _read("ats", "personio-rheinland.xml")
    (sales,) = postings
    assert _places(sales) == [("Düsseldorf", None, "DE"), ("München", None, "DE")]


def test_latam_feed_places_resolve_to_their_countries() -> None:
    postings, _ = _read("feeds", "indeed-latam.xml")
    countries = [p.locations[0].country for p in postings]
    assert countries == ["AR", "CO", "BR", "MX"]


# --- 2. dates ----------------------------------------------------------------------------------


def test_day_first_closing_date_follows_the_posted_date() -> None:
    (posting,), messages = _read("jsonld", "nsw-gov-sydney.html")
    assert posting.date_posted == dt.date(2026, 11, 21)
    assert posting.valid_through == dt.date(2026, 12, 7)  # not 12 July: the posting is open
    assert not any("closing date" in m for m in messages)


def test_japanese_date() -> None:
    (posting,), messages = _read("jsonld", "tokyo-japanese.html")
    assert posting.date_posted == dt.date(2026, 11, 16)
    assert not any("not understood" in m for m in messages)


# --- 3. salaries -------------------------------------------------------------------------------


def test_dollar_sign_in_mexico_is_pesos_and_mensuales_is_monthly() -> None:
    (posting,), _ = _read("jsonld", "hospital-cdmx.html")
    assert _salary(posting) == (25000, 32000, "MXN", "MONTH")


def test_rand_remuneration_in_a_south_african_posting() -> None:
    postings, _ = _read("jsonld", "apac-africa-graph.json")
    actuarial = next(p for p in postings if p.title == "Actuarial Analyst")
    assert _salary(actuarial) == (450000, 600000, "ZAR", "YEAR")
    assert actuarial.employer.name == "Fynbos Mutual"


def test_latam_and_polish_feed_periods() -> None:
    latam, _ = _read("feeds", "indeed-latam.xml")
    assert [_salary(p) for p in latam] == [
        (1800000, 2200000, "ARS", "MONTH"),
        (8000000, 11000000, "COP", "MONTH"),
        (1650, 1650, "BRL", "MONTH"),
        None,
    ]
    poland, _ = _read("feeds", "nofluff-poland.rss")
    assert [_salary(p) for p in poland] == [
        (15000, 20000, "PLN", "MONTH"),
        (140, 170, "PLN", "HOUR"),
    ]


def test_smartrecruiters_lon_field_is_the_salary() -> None:
    (posting,), _ = _read("ats", "smartrecruiters-nordic.json")
    assert _salary(posting) == (165, 185, "SEK", "HOUR")


# --- 4. employment types -----------------------------------------------------------------------


def test_spanish_employment_type() -> None:
    latam, _ = _read("feeds", "indeed-latam.xml")
    assert latam[1].employment_type == EmploymentType.FULL_TIME


# --- 5. legal suffixes -------------------------------------------------------------------------


def test_complete_legal_forms_are_dropped() -> None:
    latam, _ = _read("feeds", "indeed-latam.xml")
    assert [p.employer.name for p in latam] == [
        "Estancia del Plata",
        "Cafetal Digital",
        "Magazine Cerrado",
        "Autopartes del Bajío",
    ]
    apac, _ = _read("jsonld", "apac-africa-graph.json")
    assert apac[0].employer.name == "Merlion Logistics"
    (krakow,), _ = _read("jsonld", "krakow-startup-graph.html")
    assert krakow.employer.name == "Wierzba Labs"


# --- 6. places in a title ----------------------------------------------------------------------


def test_places_in_the_title_of_a_posting_without_a_location() -> None:
    postings, messages = _read("feeds", "nofluff-poland.rss")
    devops = postings[1]
    assert devops.title == "DevOps Engineer"
    assert _places(devops) == [("Warszawa", None, "PL"), ("Wrocław", None, "PL")]
    assert not any("jobLocation" in m for m in messages)
