"""RSS 2.0 and Atom feeds of jobs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import WorkArrangement
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import ROOT, write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 24), exact=True)


def test_rss_items_with_titles_split_into_title_employer_and_place() -> None:
    fmt, result = read_file(ROOT / "content/feeds/quillsoft-jobs.rss", "jobs.rss")
    assert fmt == "rss-atom" and result.diagnostics == []
    writer, advocate = [normalize_posting(r, REFERENCE)[0] for r in result.postings]
    assert writer is not None and advocate is not None
    assert (writer.title, writer.employer.name) == ("Technical Writer", "Quillsoft")
    assert [loc.display for loc in writer.locations] == ["Toronto, ON, CA"]
    assert writer.salary is not None and writer.salary.currency == "CAD"
    assert writer.date_posted == dt.date(2026, 11, 20)
    assert "<li>Own the getting-started path</li>" in writer.description_html
    assert (advocate.title, advocate.employer.name) == ("Developer Advocate", "Quillsoft")
    assert advocate.work_arrangements == (WorkArrangement.REMOTE,)
    assert advocate.description_html.startswith("<p>Show developers")


def test_atom_entries_and_xxe(tmp_path: Path) -> None:
    folder = write_files(
        tmp_path,
        {
            "jobs.atom": """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Jobs</title>
<entry><title>Data Engineer at Harbor Labs</title><link href="https://h.example/1"/>
<id>urn:1</id><updated>2026-11-21T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Pipelines.</p></div></content>
</entry></feed>""",
            "evil.rss": """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title></item></channel></rss>""",
        },
    )
    fmt, result = read_file(folder / "jobs.atom", "jobs.atom")
    (posting,) = [normalize_posting(r, REFERENCE)[0] for r in result.postings]
    assert posting is not None and posting.employer.name == "Harbor Labs"
    assert posting.apply_url == "https://h.example/1" and "Pipelines." in posting.description_html
    fmt, result = read_file(folder / "evil.rss", "evil.rss")
    assert result.postings == []
    assert "file refused for safety" in result.diagnostics[0].format()
