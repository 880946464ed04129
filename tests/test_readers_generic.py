"""Files of no known shape: job-like records still become postings; the rest is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def test_nested_json_records_are_mapped_with_one_warning(tmp_path: Path) -> None:
    folder = write_files(
        tmp_path,
        {
            "export.json": """{"data": {"results": [
      {"job_title": "Welder", "company_name": "Iron Works", "city": "Leeds, UK",
       "apply_url": "https://iron.example/1", "posted_at": "2026-11-20", "pay": "£30,000"},
      {"job_title": "Crane Operator", "company_name": "Iron Works", "city": "Hull, UK"}
    ]}, "meta": {"page": 1}}"""
        },
    )
    fmt, result = read_file(folder / "export.json", "export.json")
    assert fmt == "generic-list"
    (message,) = [d.format() for d in result.diagnostics]
    assert "read 2 job-like record(s)" in message
    assert "job_title → title" in message and "company_name → employer" in message
    welder, crane = [normalize_posting(r, REFERENCE)[0] for r in result.postings]
    assert welder is not None and crane is not None
    assert (welder.title, welder.employer.name) == ("Welder", "Iron Works")
    assert welder.salary is not None and welder.salary.currency == "GBP"
    assert welder.date_posted == dt.date(2026, 11, 20)
    assert [loc.display for loc in crane.locations] == ["Hull, GB"]


def test_xml_records_are_mapped(tmp_path: Path) -> None:
    folder = write_files(
        tmp_path,
        {
            "list.xml": """<?xml version="1.0"?>
<openings><opening><position>Baker</position><organization>Crumb Co</organization>
<location>Paris, France</location></opening></openings>"""
        },
    )
    fmt, result = read_file(folder / "list.xml", "list.xml")
    assert fmt == "generic-list"
    assert [(r.title, r.employer_name) for r in result.postings] == [("Baker", "Crumb Co")]


def test_unrelated_json_and_xml_are_described(tmp_path: Path) -> None:
    folder = write_files(
        tmp_path,
        {
            "settings.json": '{"theme": "dark", "volume": 3}',
            "catalog.xml": "<?xml version='1.0'?><catalog><book><title>X</title></book></catalog>",
        },
    )
    fmt, result = read_file(folder / "settings.json", "settings.json")
    assert fmt is None
    assert "a JSON object with keys theme, volume" in result.diagnostics[0].format()
    fmt, result = read_file(folder / "catalog.xml", "catalog.xml")
    assert fmt is None
    assert "XML with root <catalog>" in result.diagnostics[0].format()
