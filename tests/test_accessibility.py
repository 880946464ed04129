"""WCAG 2.1 AA: axe-core, run in headless Chromium over every page type of the demo site,
in the light and the dark colour scheme."""

from __future__ import annotations

import functools
import http.server
import threading
from typing import Any

import pytest

from generator.catalog import Catalog
from tests.conftest import ROOT, SubPathHandler, build, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def page_of_each_type(catalog: Catalog) -> list[str]:
    """One URL (relative to the site root) per template and view the demo site renders."""
    posting = catalog.open_postings[0]
    closed = [p for p in catalog.postings if p not in catalog.open_postings]
    paths = [
        "",
        "page/2/",
        f"jobs/{posting.slug}/",
        "employers/",
        f"employers/{posting.employer.key}/",
        "roles/",
        "roles/data-engineer/",
        "locations/",
        "remote/",
        "skills/",
        "skills/python/",
        "search/",
        "search/?q=engineer&arrangement=Remote",
        "search/?q=zzzzqqqq",
        "404.html",
    ]
    if closed:
        paths.append(f"jobs/{closed[0].slug}/")
    return paths


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_passes_axe(served: tuple[str, Catalog], browser: Any, scheme: str) -> None:
    pytest.importorskip("axe_playwright_python")
    base, catalog = served
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for path in page_of_each_type(catalog):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        if path.startswith("search/"):
            page.wait_for_function(
                "() => { const p = document.querySelector('.search-page');"
                " return p.dataset.shown === (location.search || location.pathname); }"
            )
        assert page.title(), f"{path or 'home'} has no title"
        if problems := violations(page):
            found[path or "home"] = problems
    context.close()
    assert found == {}


def test_postings_from_real_world_shapes_pass_axe(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Descriptions written by many other tools (tables, nested lists, stray headings, hostile
    markup) still give accessible pages: every fourth posting page of the real-world fixtures."""
    pytest.importorskip("axe_playwright_python")
    site = tmp_path_factory.mktemp("realworld") / "site"
    build(ROOT / "tests/fixtures/realworld", site, today="2026-11-24")
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/repo/"
    pages = sorted(p.parent.name for p in (site / "jobs").glob("*/index.html"))[::4]
    assert len(pages) > 20
    found: dict[str, list[str]] = {}
    try:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            for slug in pages:
                page.goto(f"{base}jobs/{slug}/")
                if problems := violations(page):
                    found[f"{scheme} {slug}"] = problems
            context.close()
    finally:
        server.shutdown()
    assert found == {}
