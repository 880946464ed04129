"""The browsing pages of a full site: places, remote, skills, pagination, expiry, similar jobs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, broken_links, build, write_files


def _job(title: str, employer: str, location: str, posted: str, extra: str = "") -> str:
    return (
        f"<job><Title>{title}</Title><Employername>{employer}</Employername>"
        f"<Location>{location}</Location><Postedate>{posted}</Postedate>"
        f"<Skills>Python, SQL</Skills><Description><![CDATA[<p>{title}.</p>]]></Description>"
        f"{extra}</job>"
    )


def _feed(*jobs: str) -> str:
    return "<?xml version='1.0'?><source><jobs>" + "".join(jobs) + "</jobs></source>"


def test_demo_site_has_every_browse_page_and_no_broken_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(ROOT / "content", site, today="2026-11-24")
    for page in (
        "locations/index.html",
        "remote/index.html",
        "skills/index.html",
        "roles/index.html",
        "employers/index.html",
        "locations/berlin-de/index.html",
        "skills/python/index.html",
        "roles/data-engineer/index.html",
    ):
        assert (site / page).is_file(), page
    assert broken_links(site) == []
    remote = (site / "remote/index.html").read_text()
    assert "Staff Machine Learning Engineer, Perception" in remote
    # A role with several posted salaries draws their distribution.
    role = (site / "roles/data-engineer/index.html").read_text()
    assert '<svg role="img"' in role
    # Demo logos in content/logos/ are served by the site itself, never read as postings.
    assert (site / "logos/harbor-labs.svg").is_file()
    employer = (site / "employers/harbor-labs/index.html").read_text()
    assert '<img class="logo" src="../../logos/harbor-labs.svg"' in employer


def test_local_logo_replaces_the_initials_badge(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "feed.xml": _feed(_job("Data Analyst", "Ferrow Labs", "Oslo, Norway", "2026-11-20")),
            "logos/ferrow-labs.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
            "logos/notes.txt": "not a logo",
        },
    )
    site = tmp_path / "site"
    result = build(content, site, today="2026-11-24", base_url="https://x.example/b/")
    assert [d.format() for d in result.diagnostics.sorted() if "logos" in d.format()] == []
    assert (site / "logos/ferrow-labs.png").read_bytes().startswith(b"\x89PNG")
    page = (site / "jobs/ferrow-labs-data-analyst/index.html").read_text()
    assert '<img class="logo" src="../../logos/ferrow-labs.png" alt=""' in page
    assert '"logo":"https://x.example/b/logos/ferrow-labs.png"' in page
    assert 'class="initials"' not in page


def test_expired_posting_keeps_its_page_but_leaves_every_list(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "feed.xml": _feed(
                _job("Open Analyst", "Acme", "Berlin, Germany", "2026-11-01"),
                _job(
                    "Expired Analyst",
                    "Acme",
                    "Berlin, Germany",
                    "2026-09-01",
                    "<expirationdate>2026-10-01</expirationdate>",
                ),
            )
        },
    )
    site = tmp_path / "site"
    result = build(content, site, today="2026-11-24", base_url="https://x.example/")
    closed = next(p for p in result.catalog.postings if p.title == "Expired Analyst")
    page = (site / "jobs" / closed.slug / "index.html").read_text()
    assert "This position is closed." in page
    assert '"@type":"JobPosting"' not in page
    for listing in (
        "index.html",
        "employers/acme/index.html",
        "locations/berlin-de/index.html",
        "skills/python/index.html",
        "feed.xml",
        "sitemap.xml",
        "jobs.json",
    ):
        text = (site / listing).read_text()
        assert "Open Analyst" in text or "open-analyst" in text, listing
        assert "Expired Analyst" not in text and closed.slug not in text, listing
    assert json.loads((site / "jobs.json").read_text())["count"] == 1


def test_long_lists_are_paginated_with_prev_and_next(tmp_path: Path) -> None:
    jobs = [
        _job(f"Engineer {i:02d}", "Acme", "Berlin, Germany", f"2026-11-{i:02d}")
        for i in range(1, 13)
    ]
    content = write_files(tmp_path / "content", {"feed.xml": _feed(*jobs)})
    site = tmp_path / "site"
    build(content, site, today="2026-11-24", page_size=5)
    first = (site / "index.html").read_text()
    second = (site / "page/2/index.html").read_text()
    third = (site / "page/3/index.html").read_text()
    assert '<link rel="next" href="./page/2/">' in first and 'rel="prev"' not in first
    assert '<link rel="prev" href="../../">' in second
    assert '<link rel="next" href="../../page/3/">' in second
    assert "Engineer 12" in first and "Engineer 07" in second and "Engineer 01" in third
    assert (site / "employers/acme/page/3/index.html").is_file()
    assert broken_links(site) == []


def test_similar_jobs_are_the_closest_postings(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "feed.xml": _feed(
                _job("Senior Data Engineer", "Acme", "Berlin, Germany", "2026-11-01"),
                _job("Data Engineer", "Globex", "Paris, France", "2026-11-02"),
                _job("Product Designer", "Initech", "Paris, France", "2026-11-03"),
            )
        },
    )
    site = tmp_path / "site"
    result = build(content, site, today="2026-11-24")
    senior = next(p for p in result.catalog.postings if p.title == "Senior Data Engineer")
    page = (site / "jobs" / senior.slug / "index.html").read_text()
    similar = page.split('id="similar-h"', 1)[1]
    titles = re.findall(r'class="card-title"><a [^>]*>([^<]+)</a>', similar)
    assert titles[0] == "Data Engineer"
