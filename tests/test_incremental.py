"""Incremental builds: a second build does nothing, an edit redoes only what shows it, and
every incremental site is byte-identical to a clean build of the same input."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, build_site
from generator.config import load_config
from tests.conftest import ROOT, write_files

sys.path.insert(0, str(ROOT / "benchmarks"))
from postings import posting  # noqa: E402

TODAY = dt.date(2026, 12, 1)


def board(folder: Path, count: int) -> Path:
    """`count` generated real-length Markdown postings."""
    return write_files(folder, {p.name: p.text for p in (posting(i) for i in range(count))})


def build(
    content: Path,
    out: Path,
    *,
    cache: Path,
    clean: bool = False,
    jobs: int = 1,
    **settings: object,
) -> BuildResult:
    config = load_config(
        None,
        {"content_dir": content, "output_dir": out, "cache_dir": cache, **settings},
        root=ROOT,
    )
    result = build_site(config, BuildOptions(today=TODAY, clean=clean, jobs=jobs))
    assert not result.failed, [d.format() for d in result.diagnostics.errors]
    return result


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same_as_clean(content: Path, site: Path, tmp: Path, **settings: object) -> None:
    clean = tmp / "clean-site"
    build(content, clean, cache=tmp / "clean-cache", clean=True, **settings)
    incremental, expected = tree(site), tree(clean)
    assert sorted(incremental) == sorted(expected)
    differing = [path for path in expected if incremental[path] != expected[path]]
    assert differing == []


# Pagefind reads the whole written site, so a build that re-indexes with it stages a whole
# site; the sharded index and a board without search patch the site with what changed.
VARIANTS = {
    "pagefind": {"search_engine": "pagefind"},
    "shards": {"search_engine": "shards"},
    "no-search": {"search": False},
}


@pytest.fixture(params=sorted(VARIANTS))
def variant(request: pytest.FixtureRequest) -> dict[str, object]:
    return VARIANTS[request.param]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return board(tmp_path / "content", 12)


def test_a_second_build_renders_and_writes_nothing(content: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = build(content, site, cache=cache)
    before = {path: (site / path).stat().st_mtime_ns for path in tree(site)}
    second = build(content, site, cache=cache)
    assert len(first.rendered) == first.summary.pages > 12
    assert second.unchanged and second.rendered == () and second.written == ()
    assert second.summary == first.summary
    assert {path: (site / path).stat().st_mtime_ns for path in tree(site)} == before


def test_an_edit_renders_its_page_and_the_lists_that_show_it(
    content: Path, tmp_path: Path, variant: dict[str, object]
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = build(content, site, cache=cache, **variant)
    edited = sorted(content.iterdir())[3]
    text = edited.read_text()
    edited.write_text(text.replace("## ", "## Changed: ", 1))
    second = build(content, site, cache=cache, **variant)
    [changed] = [p for p in second.catalog.postings if p.sources[0].path.endswith(edited.name)]
    page = f"jobs/{changed.slug}/"
    assert page in second.rendered
    assert "Changed:" in (site / page / "index.html").read_text()
    # Other postings' pages are not rendered again unless they show this one (similar jobs).
    shows_it = {
        spec.url for spec in second.pages if changed.id in repr(spec.view) and spec.url != page
    }
    postings_rendered = {u for u in second.rendered if u.startswith("jobs/")} - {page}
    assert postings_rendered <= shows_it
    assert len(second.rendered) < len(first.rendered) / 2
    assert "jobs.json" in second.written
    assert_same_as_clean(content, site, tmp_path, **variant)


def test_incremental_equals_clean_after_additions_deletions_templates_and_config(
    content: Path, tmp_path: Path, variant: dict[str, object]
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache=cache, **variant)
    files = sorted(content.iterdir())
    # A new posting, a deleted one and a retitled one.
    (content / "new.md").write_text(posting(99).text)
    files[0].unlink()
    files[1].write_text(files[1].read_text().replace("title: ", "title: Lead ", 1))
    result = build(content, site, cache=cache, **variant)
    assert not any(p.sources[0].path.endswith(files[0].name) for p in result.catalog.postings)
    assert_same_as_clean(content, site, tmp_path, **variant)

    # A user template that overrides a partial: every page that includes it is redone.
    templates = tmp_path / "templates"
    templates.mkdir()
    builtin = (ROOT / "templates" / "base.html").read_text()
    (templates / "base.html").write_text(builtin.replace("</body>", "<!-- own -->\n</body>"))
    result = build(content, site, cache=cache, templates_dir=templates, **variant)
    assert len(result.rendered) == result.summary.pages
    assert "<!-- own -->" in (site / "index.html").read_text()
    assert_same_as_clean(content, site, tmp_path, templates_dir=templates, **variant)

    # A configuration change (the site's title is on every page).
    result = build(
        content, site, cache=cache, templates_dir=templates, title="Harbour Jobs", **variant
    )
    assert len(result.rendered) == result.summary.pages
    assert_same_as_clean(
        content, site, tmp_path, templates_dir=templates, title="Harbour Jobs", **variant
    )


def test_a_page_changed_by_hand_is_rebuilt(content: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache=cache)
    (site / "index.html").write_text("broken by hand")
    result = build(content, site, cache=cache)
    assert not result.unchanged and "" in result.rendered
    assert_same_as_clean(content, site, tmp_path)


def test_clean_ignores_the_cache(content: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache=cache)
    result = build(content, site, cache=cache, clean=True)
    assert not result.unchanged and len(result.rendered) == result.summary.pages


def test_worker_processes_give_the_same_site_as_one(tmp_path: Path) -> None:
    content = board(tmp_path / "content", 420)
    one = build(content, tmp_path / "one", cache=tmp_path / "c1", jobs=1, search=False)
    two = build(content, tmp_path / "two", cache=tmp_path / "c2", jobs=2, search=False)
    assert one.summary == two.summary
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_site_restored_with_new_times_is_still_carried_over(
    content: Path, tmp_path: Path
) -> None:
    """A CI cache restores `site/` and the cache folder with other modification times: pages
    whose bytes are unchanged are still taken over, so one new posting is a small deploy."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = build(content, site, cache=cache)
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    (content / "new.md").write_text(posting(77).text)
    result = build(content, site, cache=cache)
    assert len(result.rendered) < len(first.rendered) / 2
    assert_same_as_clean(content, site, tmp_path)


def test_a_patch_cut_short_makes_the_next_build_whole(content: Path, tmp_path: Path) -> None:
    """An incremental build forgets the site's records before it patches the site, so a kill
    in the middle leaves a site that no record vouches for: the next build makes it anew."""
    from generator.buildstate import BuildCache

    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache=cache, search=False)
    edited = sorted(content.iterdir())[2]
    edited.write_text(edited.read_text().replace("## ", "## Changed: ", 1))
    # What a kill between forgetting the records and finishing the patch leaves behind:
    stale = BuildCache(cache)
    stale.store_outputs(site, {})
    stale.close()
    (site / "index.html").write_text("half-patched")
    result = build(content, site, cache=cache, search=False)
    assert len(result.rendered) == result.summary.pages
    assert_same_as_clean(content, site, tmp_path, search=False)
