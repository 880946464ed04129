"""One job from several sources becomes one posting; different jobs never merge."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import build, write_files

DESCRIPTION = (
    "We run the pipelines that move every parcel scan from depots to customers. You will design "
    "streaming jobs, keep them reliable, and mentor two engineers. We care about calm on-call, "
    "written design notes and measurable service levels for every dataset we publish."
)

FEED = f"""<?xml version="1.0"?><source><jobs><job>
<Title>Senior Data Engineer</Title><Employername>Parcelwise</Employername>
<Location>Leeds, UK</Location><Salaryrange>£70,000-£85,000 GBP</Salaryrange>
<Postedate>2026-11-10</Postedate><Applyto>https://parcelwise.example/jobs/42</Applyto>
<Description><![CDATA[<p>{DESCRIPTION}</p>]]></Description></job></jobs></source>
"""

MARKDOWN = f"""---
title: Senior Data Engineer
employer: Parcelwise Ltd
location: Leeds, United Kingdom
employment_type: full-time
skills: [Apache Kafka, Python]
date_posted: 2026-11-12
---
{DESCRIPTION}
"""

OTHER_JOB = f"""---
title: Staff Data Engineer
employer: Parcelwise
location: Leeds, UK
date_posted: 2026-11-12
---
{DESCRIPTION}
"""


def test_same_job_from_two_sources_is_one_posting(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": FEED, "job.md": MARKDOWN})
    site = tmp_path / "site"
    result = build(content, site)
    (posting,) = result.catalog.postings
    assert sorted(s.path.rsplit("/", 1)[-1] for s in posting.sources) == ["feed.xml", "job.md"]
    # Each field takes the fuller value: salary from the feed, type and skills from Markdown.
    assert posting.salary is not None and posting.salary.currency == "GBP"
    assert posting.employment_type is not None
    assert posting.skills == ("Apache Kafka", "Python")
    assert posting.date_posted is not None and posting.date_posted.isoformat() == "2026-11-10"
    report = json.loads((tmp_path / "site.build-report.json").read_text())
    statuses = {
        f["path"].rsplit("/", 1)[-1]: [p["status"] for p in f["postings"]] for f in report["files"]
    }
    assert sorted(statuses.values()) == [["merged"], ["published"]]
    merged = next(p for f in report["files"] for p in f["postings"] if p["status"] == "merged")
    assert "identical" in merged["reason"]


def test_different_titles_sharing_boilerplate_stay_apart(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": FEED, "other.md": OTHER_JOB})
    assert len(build(content, tmp_path / "site").catalog.postings) == 2


def test_merging_can_be_switched_off(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": FEED, "job.md": MARKDOWN})
    result = build(content, tmp_path / "site", merge_duplicates=False)
    assert len(result.catalog.postings) == 2
    assert len({p.slug for p in result.catalog.postings}) == 2


def test_seeds_stay_three(seeds_dir: Path, tmp_path: Path) -> None:
    result = build(seeds_dir, tmp_path / "site")
    assert len(result.catalog.postings) == 3 and result.catalog.merges == ()


def test_build_report_accounts_for_every_file(tmp_path: Path) -> None:
    """Each input file is listed with its format, what became of its postings, and every
    message about it — including the Google-required properties a posting lacks."""
    undated = (
        "---\ntitle: Data Analyst\nemployer: Ferrow\nlocation: Oslo, Norway\n---\nCount things.\n"
    )
    content = write_files(
        tmp_path / "content",
        {"feed.xml": FEED, "job.md": MARKDOWN, "undated.md": undated, "notes.txt": "Lunch at 1.\n"},
    )
    build(content, tmp_path / "site")
    report = json.loads((tmp_path / "site.build-report.json").read_text())
    files = {f["path"].rsplit("/", 1)[-1]: f for f in report["files"]}
    assert sorted(files) == ["feed.xml", "job.md", "notes.txt", "undated.md"]
    assert files["notes.txt"]["format"] is None and files["notes.txt"]["postings"] == []
    assert "not a recognised posting format" in files["notes.txt"]["problems"][0]
    assert files["undated.md"]["format"] == "markdown"
    assert [p["status"] for p in files["undated.md"]["postings"]] == ["published"]
    assert any("has no datePosted" in p for p in files["undated.md"]["problems"])


def _hygienist(ref: str, state: str, pay: str) -> str:
    return (
        f"<job><title>Dental Hygienist</title><referencenumber>{ref}</referencenumber>"
        f"<company>Smilegate Dental</company><city>Springfield</city><state>{state}</state>"
        f"<country>US</country><date>Mon, 16 Nov 2026 14:00:00 GMT</date>"
        f"<description><![CDATA[<p>Smilegate Dental is hiring a Dental Hygienist.</p>"
        f"<ul><li>Benefits from day one</li><li>401(k) match</li></ul>]]></description>"
        f"<salary>{pay}</salary></job>"
    )


def test_one_ad_for_two_branches_stays_two_jobs(tmp_path: Path) -> None:
    """Same employer, title and text, but Springfield IL and Springfield MO, two reference
    numbers and two pay bands: two jobs, each keeping its own pay."""
    feed = (
        "<?xml version='1.0'?><source>"
        + _hygienist("HW-12", "IL", "$42 - $50 an hour")
        + _hygienist("HW-13", "MO", "$40 - $47 an hour")
        + "</source>"
    )
    content = write_files(tmp_path / "content", {"feed.xml": feed})
    result = build(content, tmp_path / "site", today="2026-11-25")
    assert result.catalog.merges == ()
    pay = {
        (p.locations[0].region, p.salary.min, p.salary.max)
        for p in result.catalog.postings
        if p.salary
    }
    assert pay == {("IL", 42, 50), ("MO", 40, 47)}
