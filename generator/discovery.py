"""Files for crawlers and machines: Atom feeds, sitemap.xml, robots.txt and jobs.json.

All output is deterministic: timestamps come from posting dates, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape

from feedgen.feed import FeedGenerator

from generator.catalog import Catalog
from generator.config import SiteConfig
from generator.models import Posting
from generator.plan import PageSpec
from generator.urls import absolute, posting_url
from generator.views import EmployerView, ListingView, format_location, format_salary

EPOCH = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class DataFile:
    """One non-HTML output file."""

    output_path: str
    content: bytes


def _stamp(date: dt.date | None) -> dt.datetime:
    return dt.datetime.combine(date or EPOCH, dt.time(0, 0), tzinfo=dt.UTC)


def atom_feed(
    config: SiteConfig, postings: tuple[Posting, ...], path: str, title: str, page_url: str
) -> DataFile:
    """An Atom feed of postings, newest first, at most 50 entries."""
    feed = FeedGenerator()
    feed.id(absolute(config.base_url, path))
    feed.title(title)
    feed.link(href=absolute(config.base_url, page_url), rel="alternate")
    feed.link(href=absolute(config.base_url, path), rel="self")
    feed.language(config.language)
    feed.generator("jobboard")
    newest = max((p.date_posted for p in postings if p.date_posted), default=None)
    feed.updated(_stamp(newest))
    # feedgen prepends entries, so add oldest first to list newest first.
    for posting in reversed(postings[:50]):
        entry = feed.add_entry()
        url = absolute(config.base_url, posting_url(posting.slug))
        entry.id(url)
        entry.title(f"{posting.title} at {posting.employer.name}")
        entry.link(href=url)
        entry.author({"name": posting.employer.name})
        entry.updated(_stamp(posting.date_posted))
        if posting.date_posted:
            entry.published(_stamp(posting.date_posted))
        facts = [
            format_salary(posting.salary),
            "; ".join(format_location(x) for x in posting.locations),
        ]
        summary = " · ".join(f for f in facts if f)
        text = posting.summary or posting.description_text[:400]
        entry.summary(f"{summary}. {text}" if summary else text)
    return DataFile(path, feed.atom_str(pretty=True))


def sitemap(config: SiteConfig, pages: list[PageSpec], lastmod: dict[str, dt.date]) -> DataFile:
    """sitemap.xml: every page but the 404, with lastmod where a date is known."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for spec in pages:
        if spec.output_path == "404.html":
            continue
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(absolute(config.base_url, spec.url))}</loc>")
        if spec.url in lastmod:
            lines.append(f"    <lastmod>{lastmod[spec.url].isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return DataFile("sitemap.xml", ("\n".join(lines) + "\n").encode("utf-8"))


def robots(config: SiteConfig) -> DataFile:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute(config.base_url, 'sitemap.xml')}\n"
    return DataFile("robots.txt", text.encode("utf-8"))


def posting_record(posting: Posting, config: SiteConfig) -> dict[str, object]:
    """One posting in jobs.json; the schema is documented in the README."""
    salary = posting.salary
    return {
        "id": posting.id,
        "url": absolute(config.base_url, posting_url(posting.slug)),
        "title": posting.title,
        "employer": posting.employer.name,
        "role_family": posting.role_family,
        "level": posting.level,
        "seniority": posting.seniority.value if posting.seniority else None,
        "employment_type": posting.employment_type.value if posting.employment_type else None,
        "employment_types": [kind.value for kind in posting.employment_types],
        "work_arrangements": [a.value for a in posting.work_arrangements],
        "locations": [
            {
                "city": x.city,
                "region": x.region,
                "country": x.country,
                "remote": x.remote,
                "label": format_location(x),
            }
            for x in posting.locations
        ],
        "salary": None
        if salary is None
        else {
            "min": salary.min,
            "max": salary.max,
            "currency": salary.currency,
            "period": salary.period.value,
        },
        "skills": list(posting.skills),
        "date_posted": posting.date_posted.isoformat() if posting.date_posted else None,
        "valid_through": posting.valid_through.isoformat() if posting.valid_through else None,
        "apply_url": posting.apply_url,
    }


def jobs_json(config: SiteConfig, postings: tuple[Posting, ...]) -> DataFile:
    data = {
        "version": 1,
        "count": len(postings),
        "jobs": [posting_record(p, config) for p in postings],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return DataFile("jobs.json", (text + "\n").encode("utf-8"))


def plan_data_files(config: SiteConfig, catalog: Catalog, pages: list[PageSpec]) -> list[DataFile]:
    """Every machine-readable file of the site."""
    open_postings = catalog.open_postings
    files = [atom_feed(config, open_postings, "feed.xml", f"{config.title}: all jobs", "")]
    lastmod = {posting_url(p.slug): p.date_posted for p in open_postings if p.date_posted}
    # Closed postings keep their page for old links but leave the sitemap, like every list.
    closed_urls = {posting_url(p.slug) for p in catalog.postings if p.id in catalog.closed_ids}
    listed = [s for s in pages if s.url not in closed_urls]
    files += [sitemap(config, listed, lastmod), robots(config), jobs_json(config, open_postings)]
    # Pages that offer a feed (employers, roles) get one of their newest postings.
    by_id = {p.id: p for p in open_postings}
    for spec in pages:
        view = spec.view
        if not isinstance(view, EmployerView | ListingView):
            continue
        page = view.page
        if page.feed_url and spec.url + "feed.xml" == page.feed_url:
            postings = tuple(by_id[card.id] for card in view.cards if card.id in by_id)
            title = f"{config.title}: {page.title.split(' · ')[0]}"
            files.append(atom_feed(config, postings, page.feed_url, title, spec.url))
    return files
