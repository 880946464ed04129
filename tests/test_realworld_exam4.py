"""The fourth examiner's unseen inputs, read end to end: each test states the facts its fix is for.

The fixture files (tests/fixtures/realworld/exam4/<kind>/) are the examiner's inputs, written for
this project with fictional employers, copied unchanged. They have a folder of their own because
other tests build whole folders such as realworld/scraped and expect exactly their own postings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import ReaderError
from generator.models import Posting
from generator.normalize.posting import ReferenceDate
from generator.readers.base import InputFile, decode, parse_xml
from tests.conftest import FIXTURES, read_and_normalise

EXAM4 = FIXTURES / "realworld" / "exam4"
REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _read_path(path: Path) -> tuple[str | None, list[Posting], list[str]]:
    """Reads and normalises one file: (format, postings kept, every message formatted)."""
    fmt, postings, problems = read_and_normalise(path, REFERENCE)
    return fmt, postings, [d.format() for d in problems]


def _read(kind: str, name: str) -> tuple[str | None, list[Posting], list[str]]:
    return _read_path(EXAM4 / kind / name)


def _places(posting: Posting) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(loc.city, loc.region, loc.country, loc.remote) for loc in posting.locations]


# --- 1. HTML named entities in a job-feed XML ---------------------------------------------------


def test_feed_with_an_html_entity_keeps_every_good_job() -> None:
    fmt, postings, messages = _read("feeds", "18-feed-tessaly.txt")
    assert fmt == "job-feed-xml"
    assert [p.title for p in postings] == [
        "Management Accountant – Group Reporting",
        "Lagermitarbeiter (m/w/d) Kommissionierung",
        "Registered Nurse - Aged Care",
        "Software Engineer II, Payments",
    ]
    assert not any("not defined" in m for m in messages)
    assert any("job 4 has no title" in m for m in messages)
    accountant = postings[0]
    assert accountant.employer.name == "Tessaly Group"
    assert _places(accountant) == [("Leeds", None, "GB", False)]
    assert accountant.date_posted == dt.date(2026, 11, 2)


def _xml(text: str) -> InputFile:
    data = text.encode("utf-8")
    return InputFile(path="feed.xml", data=data, text=decode(data))


def test_html_entities_decode_once_and_cdata_is_untouched() -> None:
    root = parse_xml(
        _xml(
            "<?xml version='1.0'?><jobs><t>A &ndash; B &amp;ndash; &eacute;</t>"
            "<d><![CDATA[x &ndash; y]]></d></jobs>"
        )
    )
    assert root.findtext("t") == "A – B &ndash; é"
    assert root.findtext("d") == "x &ndash; y"


def test_entities_declared_in_a_dtd_are_still_refused() -> None:
    text = (
        '<?xml version="1.0"?><!DOCTYPE jobs [<!ENTITY ndash "BOOM">]>'
        "<jobs><t>A &ndash; B</t></jobs>"
    )
    with pytest.raises(ReaderError, match="declares entities"):
        parse_xml(_xml(text))


def test_an_unknown_entity_is_still_malformed() -> None:
    with pytest.raises(ReaderError, match="malformed XML"):
        parse_xml(_xml("<jobs><t>A &notanentity; B</t></jobs>"))


# --- 2. role families beyond software -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "family"),
    [
        ("scraped", "01-builtin-seattle-cobaltine.txt", "nursing"),
        ("scraped", "02-builtin-boston-marrowfield.txt", "accounting-finance"),
        ("scraped", "04-builtin-chicago-grainhall.txt", "warehouse-logistics"),
        ("scraped", "05-linkedin-stbrigids-dublin.txt", "nursing"),
        ("scraped", "06-linkedin-kestrelridge-singapore.txt", "education"),
        ("scraped", "07-indeed-copperkettle-chef.txt", "hospitality"),
        ("scraped", "08-indeed-larkspur-warehouse.txt", "warehouse-logistics"),
        ("scraped", "09-glassdoor-harrowpell-attorney.txt", "legal"),
        ("scraped", "10-glassdoor-vellmar-de.txt", "accounting-finance"),
        ("scraped", "11-wellfound-ledgerwise.txt", "risk-compliance"),
        ("scraped", "12-workday-crestmoor-bank.txt", "banking"),
        ("ats", "13-greenhouse-solverra-pharmacist.txt", "healthcare"),
        ("scraped", "14-lever-wattleway-curriculum.txt", "education"),
        ("scraped", "15-careers-harbourlight-souschef.txt", "hospitality"),
        ("cards", "16-card-brambleway-fintech.txt", "risk-compliance"),
        ("cards", "17-card-mercyvale-healthcare.txt", "nursing"),
        ("scraped", "19-hostile-builtin.txt", "legal"),
        ("cards", "20-hostile-card.txt", "warehouse-logistics"),
        ("scraped", "22-indeed-pune-hybrid.txt", "accounting-finance"),
    ],
)
def test_non_tech_postings_have_a_role_family(kind: str, name: str, family: str) -> None:
    _, (posting,), _ = _read(kind, name)
    assert posting.role_family == family


# --- 3. skills are never made up from ordinary words --------------------------------------------


def test_recommending_therapy_is_no_recommendation_system() -> None:
    _, (posting,), _ = _read("ats", "13-greenhouse-solverra-pharmacist.txt")
    assert "Recommendation Systems" not in posting.skills


def test_monitoring_loans_is_no_observability() -> None:
    _, (posting,), _ = _read("cards", "16-card-brambleway-fintech.txt")
    assert "Observability" not in posting.skills


# --- 4. dates -------------------------------------------------------------------------------


def test_indeed_just_posted_is_the_reference_day_and_not_description() -> None:
    _, (posting,), _ = _read("scraped", "08-indeed-larkspur-warehouse.txt")
    assert posting.date_posted == dt.date(2026, 11, 25)
    assert posting.valid_through == dt.date(2026, 12, 20)
    assert "Just posted" not in posting.description_html


@pytest.mark.parametrize(
    ("name", "posted"),
    [
        ("09-glassdoor-harrowpell-attorney.txt", dt.date(2026, 11, 20)),  # "5d" in the header
        ("10-glassdoor-vellmar-de.txt", dt.date(2026, 10, 26)),  # "30d+" in the header
    ],
)
def test_glassdoor_age_in_the_header(name: str, posted: dt.date) -> None:
    _, (posting,), _ = _read("scraped", name)
    assert posting.date_posted == posted


def test_an_unreadable_indeed_posted_line_is_reported(tmp_path: Path) -> None:
    page = (EXAM4 / "scraped" / "08-indeed-larkspur-warehouse.txt").read_text(encoding="utf-8")
    path = tmp_path / "indeed.txt"
    path.write_text(page.replace("Just posted", "Posted sometime last spring"), encoding="utf-8")
    _, (posting,), messages = _read_path(path)
    assert posting.date_posted is None
    assert any("'Posted sometime last spring' not understood" in m for m in messages), messages


def test_an_unreadable_glassdoor_age_is_reported(tmp_path: Path) -> None:
    page = (EXAM4 / "scraped" / "09-glassdoor-harrowpell-attorney.txt").read_text("utf-8")
    path = tmp_path / "glassdoor.txt"
    path.write_text(page.replace("\n5d\n", "\nPosted a while back\n"), encoding="utf-8")
    _, (posting,), messages = _read_path(path)
    assert posting.date_posted is None
    assert any("'Posted a while back' not understood" in m for m in messages), messages


# --- 5. places: street addresses and postcodes -----------------------------------------------


def test_built_in_office_given_as_a_street_address_keeps_its_city() -> None:
    _, (posting,), _ = _read("scraped", "01-builtin-seattle-cobaltine.txt")
    assert _places(posting) == [("Seattle", "WA", "US", False), ("Portland", "OR", "US", False)]


@pytest.mark.parametrize(
    ("kind", "name", "place"),
    [
        ("scraped", "07-indeed-copperkettle-chef.txt", ("Keswick", None, "GB", False)),
        ("scraped", "08-indeed-larkspur-warehouse.txt", ("Reno", "NV", "US", False)),
        ("scraped", "14-lever-wattleway-curriculum.txt", ("Melbourne", "VIC", "AU", False)),
        ("scraped", "15-careers-harbourlight-souschef.txt", ("Halifax", "NS", "CA", False)),
    ],
)
def test_postcodes_leave_the_place(
    kind: str, name: str, place: tuple[str | None, str | None, str | None, bool]
) -> None:
    _, (posting,), _ = _read(kind, name)
    assert _places(posting) == [place]


# --- 6. hostile card ----------------------------------------------------------------------------


def test_hostile_card_title_and_doubled_employer() -> None:
    _, (posting,), messages = _read("cards", "20-hostile-card.txt")
    assert posting.title == "Warehouse Team Lead"
    assert posting.employer.name == "Fernwick Depot"
    assert _places(posting) == [("Columbus", "OH", "US", False)]
    assert any("contains HTML markup (tags removed from the title)" in m for m in messages)
