"""Hostile markup in every input format never reaches a page as anything but text.

One posting per format carries the usual attacks in its title, employer, description, apply
URL, skills and location. After a build, no page, feed or jobs.json holds a script the project
did not write, an event-handler attribute or a javascript:/data: link, and text that was
entity-encoded markup ("&lt;script&gt;") shows as that text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import pytest
from lxml import etree
from lxml import html as lxml_html

from generator.build import BuildResult
from tests.conftest import build, write_files

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = '<a href="javascript:alert(1)">click me</a>'
IFRAME = '<iframe src="https://evil.example/"></iframe>'
STYLE = "<style>body { display: none }</style>"
SVG = "<svg onload=alert(1)>"
DATA_LINK = '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>'
ENCODED = "&lt;script&gt;alert(2)&lt;/script&gt;"  # must stay the visible text <script>…

DESCRIPTION = f"<p>Build things.</p>{SCRIPT}{IMG}<p>{JS_LINK}</p>{IFRAME}{STYLE}{SVG}{DATA_LINK}"
JS_URL = "javascript:alert(1)"
SAFE_APPLY = 'https://good.example/apply?q="><script>alert(1)</script>&x=1'
DATA_URL = "data:text/html,<script>alert(1)</script>"


def title(fmt: str) -> str:
    return f"{fmt} Engineer {SCRIPT} {IMG}"


# An HTML comment opener followed by "<script" inside a <script> element makes the browser skip
# that element's real end tag: everything after it would become script text.
SCRIPT_BREAKER = f"<!--{SCRIPT}"


def employer(fmt: str) -> str:
    return f"Evil {fmt} {SVG} {JS_LINK}"


SKILLS = [SCRIPT, IMG, "Python"]
LOCATION = f"Berlin {IFRAME}, Germany"


def markdown() -> str:
    meta = {
        "title": f"{title('Markdown')} {SCRIPT_BREAKER}",
        "employer": employer("Markdown"),
        "employer_website": JS_URL,
        "apply_url": JS_URL,
        "skills": SKILLS,
        "location": LOCATION,
        "summary": f"Summary {SCRIPT}",
        "date_posted": "2026-04-20",
    }
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    return f"---\n{front}\n---\n{DESCRIPTION}\n\nEncoded: {ENCODED}\n"


def jsonld_node(fmt: str, url: str) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title(fmt),
        "description": DESCRIPTION,
        "url": url,
        "skills": ", ".join(SKILLS),
        "datePosted": "2026-04-20",
        "hiringOrganization": {"@type": "Organization", "name": employer(fmt), "sameAs": JS_URL},
        "jobLocation": {"@type": "Place", "address": LOCATION},
    }


def jsonld_page() -> str:
    script = json.dumps(jsonld_node("Page", DATA_URL)).replace("<", "\\u003c")
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>x</title>'
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body>{SCRIPT}</body></html>"
    )


def greenhouse() -> str:
    job = {
        "id": 7,
        "title": title("Greenhouse"),
        "company_name": employer("Greenhouse"),
        "absolute_url": JS_URL,
        "content": xml_escape(DESCRIPTION),  # Greenhouse escapes its HTML once
        "location": {"name": LOCATION},
        "updated_at": "2026-04-20T10:00:00Z",
    }
    return json.dumps({"jobs": [job], "meta": {"source": "greenhouse"}})


def lever() -> str:
    job = {
        "id": "abc",
        "text": title("Lever"),
        "hostedUrl": "https://jobs.lever.co/evil-lever/abc",
        "applyUrl": DATA_URL,
        "categories": {"location": LOCATION, "team": SCRIPT},
        "description": DESCRIPTION,
        "lists": [{"text": SCRIPT, "content": f"<li>{IMG}</li>"}],
        "createdAt": 1776000000000,
    }
    return json.dumps([job])


def rss() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:job="https://example.com/job"><channel><title>Jobs</title><item>'
        f"<title>{xml_escape(title('Rss'))}</title>"
        f"<job:company>{xml_escape(employer('Rss'))}</job:company>"
        f"<link>{xml_escape(JS_URL)}</link><location>{xml_escape(LOCATION)}</location>"
        f"<description><![CDATA[{DESCRIPTION}]]></description>"
        "<pubDate>Mon, 20 Apr 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )


def atom() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Jobs</title><entry><title>{xml_escape(title('Atom'))}</title>"
        f"<company>{xml_escape(employer('Atom'))}</company>"
        f'<link href="{xml_escape(DATA_URL, {chr(34): "&quot;"})}"/>'
        f'<content type="html">{xml_escape(DESCRIPTION)}</content>'
        "<updated>2026-04-20T10:00:00Z</updated></entry></feed>"
    )


def job_feed() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><source><jobs><job>'
        f"<Title>{xml_escape(title('Feed'))}</Title>"
        f"<Employername>{xml_escape(employer('Feed'))}</Employername>"
        f"<Employerwebsite>{xml_escape(JS_URL)}</Employerwebsite>"
        f"<Applyto>{xml_escape(JS_URL)}</Applyto>"
        f"<Skills>{xml_escape(', '.join(SKILLS))}</Skills>"
        f"<Location>{xml_escape(LOCATION)}</Location>"
        f"<Description><![CDATA[{DESCRIPTION}<p>Encoded: {ENCODED}</p>]]></Description>"
        "<Postedate>2026-04-20</Postedate></job></jobs></source>"
    )


def indeed() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><source><publisher>Board</publisher><job>'
        f"<title><![CDATA[{title('Indeed')}]]></title>"
        f"<company><![CDATA[{employer('Indeed')}]]></company>"
        f"<url><![CDATA[{DATA_URL}]]></url><city><![CDATA[{LOCATION}]]></city>"
        f"<description><![CDATA[{DESCRIPTION}]]></description>"
        "<date>2026-04-20</date></job></source>"
    )


def scraped() -> str:
    name = employer("Scraped")
    return (
        f"{name} Logo\n\n{name}\n\n{title('Scraped')}\n\nPosted 2 Days Ago\nRemote\n"
        f"Senior level\n{LOCATION}\nA summary that is long enough to be a summary: {SCRIPT}.\n"
        f"The summary above was generated by AI\n\nAbout the job:\n\n{DESCRIPTION}\n\n"
        f"Encoded: {ENCODED}\n\nTop Skills\n\n{SCRIPT}\n{IMG}\n"
    )


def card() -> str:
    name = employer("Card")
    return (
        f"{title('Card')}\n\n{name} {name} · Tech · Berlin, Germany · {SCRIPT}\n\n"
        f"A summary {SCRIPT} {ENCODED}.\n\nWhat you'd actually do\n\n  1. {IMG}\n\n"
        f"Skills\n\n  - {SCRIPT}\n  - Python\n"
    )


def generic() -> str:
    record = {
        "job_title": title("Generic"),
        "company_name": employer("Generic"),
        "apply_url": JS_URL,
        "city": LOCATION,
        "description": DESCRIPTION,
        "posted_at": "2026-04-20",
    }
    return json.dumps({"results": [record]})


FILES: dict[str, str] = {
    "job.md": markdown(),
    "jsonld.json": json.dumps(jsonld_node("Json", JS_URL)),
    "page.html": jsonld_page(),
    "greenhouse.json": greenhouse(),
    "lever.json": lever(),
    "jobs.rss": rss(),
    "jobs.atom": atom(),
    "feed.xml": job_feed(),
    "indeed.xml": indeed(),
    "scraped.txt": scraped(),
    "card.txt": card(),
    "generic.json": generic(),
    # A real web link whose query tries to break out of the href attribute.
    "safe.md": "---\ntitle: Safe Engineer\nemployer: Good Co\n"
    f"apply_url: {json.dumps(SAFE_APPLY)}\n---\nA normal job.\n",
}
FORMATS = ("Markdown", "Json", "Page", "Greenhouse", "Lever", "Rss", "Atom", "Feed", "Indeed")
FORMATS += ("Scraped", "Card", "Generic")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("hostile")
    result = build(write_files(root / "content", dict(FILES)), root / "site")
    return root / "site", result


def test_every_hostile_posting_is_published(site: tuple[Path, BuildResult]) -> None:
    """The attacks are defused, not avoided: every format's posting reaches the site."""
    _, result = site
    titles = {p.title for p in result.catalog.postings}
    for fmt in FORMATS:
        assert any(t.startswith(f"{fmt} Engineer") for t in titles), (fmt, sorted(titles))


UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data):", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset")


def own_script(element: lxml_html.HtmlElement) -> bool:
    """The project's scripts: JSON-LD data blocks and the search page's module."""
    kind = element.get("type", "")
    if kind == "application/ld+json":
        text = element.text or ""
        json.loads(text)  # a block the page's text broke out of is not JSON
        # Inside a script, "<!--" then "<script" makes the browser skip the real end tag (the
        # HTML standard's "double escaped" state); "</script" would end it early.
        assert not re.search(r"<!--|</script", text, re.I), text[:200]
        return True
    return kind == "module" and element.get("src", "").endswith("static/search.js")


def test_no_page_runs_foreign_script(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 12
    for page in pages:
        where = page.relative_to(out)
        document = lxml_html.document_fromstring(page.read_bytes())
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.rsplit("}", 1)[-1].lower()
            assert tag not in {"iframe", "object", "embed", "frame", "style", "base"}, where
            if tag == "script":
                assert own_script(element), (where, lxml_html.tostring(element)[:200])
            if tag == "img":
                assert element.get("class") == "logo", (where, element.attrib)
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (where, tag, name, value)
                if name.lower() in URL_ATTRIBUTES and UNSAFE_SCHEME.match(value):
                    # The one data: URL the project writes: an empty favicon.
                    assert (tag, value) == ("link", "data:,"), (where, tag, name, value)


def test_apply_buttons_link_only_to_the_web(site: tuple[Path, BuildResult]) -> None:
    out, result = site
    (safe,) = [p for p in result.catalog.postings if p.title == "Safe Engineer"]
    document = lxml_html.document_fromstring((out / "jobs" / safe.slug / "index.html").read_bytes())
    # The attribute holds the URL exactly, quotes and all: nothing broke out of it.
    assert set(document.xpath("//a[contains(@class, 'button')]/@href")) == {SAFE_APPLY}
    for posting in result.catalog.postings:
        page = out / "jobs" / posting.slug / "index.html"
        document = lxml_html.document_fromstring(page.read_bytes())
        for href in document.xpath("//a[contains(@class, 'button')]/@href"):
            assert href.startswith(("https://", "http://", "mailto:", "../", "./")), (page, href)


def test_hostile_titles_lose_their_tags(site: tuple[Path, BuildResult]) -> None:
    """HTML tags in a title are removed (with a warning naming the field), never shown or run:
    a visitor sees "Feed Engineer", not "Feed Engineer <img src=x onerror=…>"."""
    out, result = site
    (posting,) = [p for p in result.catalog.postings if p.title.startswith("Feed Engineer")]
    assert posting.title == "Feed Engineer"
    assert posting.slug.endswith("feed-engineer")
    document = lxml_html.document_fromstring(
        (out / "jobs" / posting.slug / "index.html").read_bytes()
    )
    (heading,) = document.xpath("//h1")
    assert heading.text_content().strip() == "Feed Engineer"
    messages = [d.message for d in result.diagnostics.items]
    assert any(m.startswith("title 'Feed Engineer <script>") for m in messages), messages


@pytest.mark.parametrize(
    ("fmt", "visible"),
    [
        # In HTML and Markdown "&lt;script&gt;" is the text "<script>": shown, never run.
        ("Markdown", "<script>alert(2)</script>"),
        ("Feed", "<script>alert(2)</script>"),
        # Plain-text shapes have no entities: the characters are shown exactly as written.
        ("Scraped", "&lt;script&gt;alert(2)&lt;/script&gt;"),
        ("Card", "&lt;script&gt;alert(2)&lt;/script&gt;"),
    ],
)
def test_entity_encoded_script_stays_text(
    site: tuple[Path, BuildResult], fmt: str, visible: str
) -> None:
    out, result = site
    (posting,) = [p for p in result.catalog.postings if p.title.startswith(f"{fmt} Engineer")]
    document = lxml_html.document_fromstring(
        (out / "jobs" / posting.slug / "index.html").read_bytes()
    )
    main = document.xpath("//main")[0]
    assert visible in main.text_content()
    assert not main.xpath(".//script")


def test_feeds_carry_no_markup(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    feeds = sorted(out.rglob("feed.xml"))
    assert feeds
    for feed in feeds:
        root = etree.fromstring(feed.read_bytes())
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = element.tag.rsplit("}", 1)[-1]
            assert local not in {"script", "iframe", "img", "svg"}, feed
            if element.get("type") in ("html", "xhtml"):
                # HTML content is shown as markup by feed readers: it must be clean.
                assert not re.search(r"<script|onerror|onload|javascript:", element.text or "")
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (feed, name)
                assert not UNSAFE_SCHEME.match(value), (feed, name, value)


def test_jobs_json_links_only_to_the_web(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    jobs = json.loads((out / "jobs.json").read_text(encoding="utf-8"))["jobs"]
    assert len(jobs) == len(FORMATS) + 1  # and the safe posting
    for job in jobs:
        assert job["apply_url"] is None or job["apply_url"].startswith(
            ("https://", "http://", "mailto:")
        ), job
        assert job["url"].startswith("/jobs/") or job["url"].startswith("http"), job


def test_unsafe_urls_are_reported(site: tuple[Path, BuildResult]) -> None:
    """Dropping a link is never silent: the build says which URL went and why."""
    _, result = site
    messages = " ".join(d.format() for d in result.diagnostics.warnings)
    assert "javascript:alert(1)" in messages
    assert "data:text/html" in messages
