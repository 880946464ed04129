"""Feeds, sitemap, robots.txt and jobs.json, read the way crawlers and scripts read them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from tests.conftest import ROOT, build

BASE = "https://example.github.io/board/"


def _site(tmp_path: Path) -> tuple[Path, list[str]]:
    site = tmp_path / "site"
    result = build(ROOT / "content", site, today="2026-11-24", base_url=BASE)
    return site, [p.slug for p in result.catalog.postings]


def test_atom_feed_lists_postings_newest_first(tmp_path: Path) -> None:
    site, slugs = _site(tmp_path)
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(slugs)
    assert [e.link for e in feed.entries] == [f"{BASE}jobs/{slug}/" for slug in slugs]
    first = feed.entries[0]
    assert first.title == "Senior Product Manager, Real-Time Collaboration at Quillsoft"
    assert "CA$150,000 – CA$185,000 a year" in first.summary
    page = (site / "index.html").read_text()
    assert 'type="application/atom+xml"' in page and 'href="./feed.xml"' in page


def test_sitemap_and_robots(tmp_path: Path) -> None:
    site, slugs = _site(tmp_path)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    for slug in slugs:
        assert f"{BASE}jobs/{slug}/" in locs
    assert f"{BASE}404.html" not in locs
    posting = next(
        u
        for u in root.findall("s:url", ns)
        if "jobs/" in (u.findtext("s:loc", namespaces=ns) or "")
    )
    assert posting.findtext("s:lastmod", namespaces=ns) == "2026-11-23"
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {BASE}sitemap.xml\n")


def test_jobs_json_export(tmp_path: Path) -> None:
    site, slugs = _site(tmp_path)
    data = json.loads((site / "jobs.json").read_text())
    assert data["count"] == len(slugs) == len(data["jobs"])
    hourly = next(
        j for j in data["jobs"] if j["title"] == "Site Reliability Engineer II (Contract)"
    )
    assert hourly["salary"] == {"min": 68.0, "max": 85.0, "currency": "USD", "period": "HOUR"}
    assert hourly["employment_type"] == "CONTRACTOR"
    assert hourly["locations"][0]["city"] == "Pittsburgh"


def test_employer_and_role_feeds(tmp_path: Path) -> None:
    site, _ = _site(tmp_path)
    employer = feedparser.parse((site / "employers/northwind-robotics/feed.xml").read_bytes())
    assert not employer.bozo and len(employer.entries) == 5
    assert all(e.title.endswith("at Northwind Robotics") for e in employer.entries)
    role = feedparser.parse((site / "roles/data-engineer/feed.xml").read_bytes())
    assert {e.title for e in role.entries} >= {
        "Data Engineer II, Grid Analytics at Tidewater Energy"
    }
    page = (site / "employers/northwind-robotics/index.html").read_text()
    assert 'href="../../employers/northwind-robotics/feed.xml"' in page
