"""The built site: every page exists, every link resolves, and nothing unsafe gets through."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import broken_links, build, write_files


def test_seed_site_pages_and_links(seeds_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(seeds_dir, site)
    for page in (
        "index.html",
        "404.html",
        "employers/index.html",
        "employers/pinterest/index.html",
        "roles/index.html",
        "roles/engineering-manager/index.html",
        "static/style.css",
    ):
        assert (site / page).is_file(), page
    for posting in result.catalog.postings:
        assert (site / "jobs" / posting.slug / "index.html").is_file()
    assert broken_links(site) == []


def test_posting_page_shows_its_facts(seeds_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(seeds_dir, site)
    page = (
        site
        / "jobs/pinterest-engineering-manager-ii-machine-learning-user-understanding/index.html"
    ).read_text()
    assert ">Engineering Manager II, Machine Learning – User Understanding</h1>" in page
    assert "$189,308 – $389,753 a year" in page
    assert "San Francisco, CA" in page and "Remote (United States)" in page
    assert '<time datetime="2026-04-18">18 Apr 2026</time>' in page
    assert 'href="https://job-boards.greenhouse.io/pinterest/jobs/7494658"' in page
    home = (site / "index.html").read_text()
    assert "<strong>3</strong> open positions" in home
    employer = (site / "employers/pinterest/index.html").read_text()
    assert employer.count('class="card"') == 3
    role = (site / "roles/engineering-manager/index.html").read_text()
    assert role.count('class="card"') == 3


def test_hostile_markup_is_escaped_and_sanitised(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "evil.xml": """<?xml version="1.0"?>
<source><jobs><job>
<Title>&lt;script&gt;alert('title')&lt;/script&gt; Engineer</Title>
<Employername>Evil &amp; Co &lt;b&gt;</Employername>
<Description><![CDATA[<p onclick="steal()">Hi</p><script>alert(1)</script>
<img src=x onerror=alert(2)><a href="javascript:alert(3)">click</a><iframe src="https://x"></iframe>
<style>body{display:none}</style>]]></Description>
<Postedate>2026-04-01</Postedate>
</job></jobs></source>""",
        },
    )
    site = tmp_path / "site"
    result = build(content, site)
    (posting,) = result.catalog.postings
    page = (site / "jobs" / posting.slug / "index.html").read_text()
    body = page.split('<main id="main"', 1)[1]
    assert "<script>alert" not in body and "<script>" not in body
    assert "onclick" not in body and "onerror" not in body
    assert "javascript:" not in body and "<iframe" not in body and "<style" not in body
    # Tags in the title and employer name are removed, not shown as text.
    assert posting.title == "Engineer" and "<b>" not in posting.employer.name
    assert "&lt;script&gt;" not in body and "&lt;b&gt;" not in body
    assert "Evil &amp;" in body


def test_bad_file_is_reported_and_the_rest_still_builds(seeds_dir: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for seed in seeds_dir.iterdir():
        (content / seed.name).write_bytes(seed.read_bytes())
    write_files(
        content,
        {
            "broken.xml": "<?xml version='1.0'?>\n<source><jobs><job><Title>x</job>",
            "notes.txt": "just some notes\n",
        },
    )
    site = tmp_path / "site"
    result = build(content, site)
    messages = [d.format() for d in result.diagnostics.warnings]
    assert any(
        m.startswith(str(content / "broken.xml").replace(str(Path.cwd()) + "/", ""))
        or "broken.xml" in m
        for m in messages
    )
    broken = next(m for m in messages if "broken.xml" in m)
    assert "malformed XML" in broken and "file skipped" in broken
    assert any("notes.txt" in m and "not a recognised posting format" in m for m in messages)
    assert len(result.catalog.postings) == 3
    assert (site / "index.html").is_file()


def test_css_and_js_stay_small() -> None:
    from tests.conftest import ROOT

    assets = [p for p in (ROOT / "static").rglob("*") if p.suffix in {".css", ".js"}]
    assert assets
    assert sum(p.stat().st_size for p in assets) < 50_000
