"""Shared fixtures: the seed folder, a site builder, and a link checker."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from generator.build import BuildOptions, BuildResult, build_site
from generator.catalog import Catalog
from generator.config import load_config
from generator.errors import Diagnostic
from generator.models import Posting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.normalize.titles import DEFAULT_ROLE_FAMILIES, RoleFamily
from generator.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        pytest.skip(f"seed postings not found at {SEEDS} (clone the project beside ../shared)")
    return SEEDS


def build(content: Path, out: Path, today: str = "2026-04-27", **overrides: object) -> BuildResult:
    """Builds `content` into `out` as `jobboard build` would."""
    settings = {"content_dir": content, "output_dir": out, "cache_dir": out.parent / ".cache"}
    config = load_config(None, settings | overrides, root=ROOT)
    return build_site(config, BuildOptions(today=dt.date.fromisoformat(today)))


def read_and_normalise(
    path: Path,
    reference: ReferenceDate,
    families: tuple[RoleFamily, ...] = DEFAULT_ROLE_FAMILIES,
) -> tuple[str | None, list[Posting], list[Diagnostic]]:
    """One input file as the build sees it: (format, postings kept, every message from the
    reader and the normaliser)."""
    fmt, result = read_file(path, path.name)
    problems: list[Diagnostic] = list(result.diagnostics)
    postings: list[Posting] = []
    for raw in result.postings:
        posting, found = normalize_posting(raw, reference, families)
        problems += found
        if posting is not None:
            postings.append(posting)
    return fmt, postings, problems


def salary_facts(posting: Posting) -> tuple[float | None, float | None, str, str] | None:
    """A posting's salary as (min, max, currency, period), for comparing with expectations."""
    s = posting.salary
    return (s.min, s.max, s.currency, s.period.value) if s else None


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Creates a content folder from an inline {relative path: content} mapping."""
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


HREF = re.compile(r'\b(?:href|src)="([^"]*)"')


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in every page that does not resolve to a file in the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # links from the root path, checked separately
        for target in HREF.findall(page.read_text(encoding="utf-8")):
            parsed = urlparse(target)
            if parsed.scheme or target.startswith(("#", "mailto:", "//")) or not target:
                continue
            path = unquote(parsed.path)
            base = site if path.startswith("/") else page.parent
            resolved = (base / path.lstrip("/")).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken


# --- Browser tests: Debian's chromium driven by Playwright, the demo site under /repo/ ---

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling Google on this offline machine.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None and not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (apt-get install -y chromium)",
)


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /repo/, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        inner = path[len("/repo") :] if path.startswith("/repo/") else "/__outside__"
        return super().translate_path(inner)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Catalog]]:
    """The demo site, built once per test run as for a GitHub Pages project site and served
    under /repo/ on localhost (the 404 page's links start from the base URL's path)."""
    yield from serve_demo(tmp_path_factory)


def serve_demo(
    tmp_path_factory: pytest.TempPathFactory, **overrides: object
) -> Iterator[tuple[str, Catalog]]:
    """Builds the demo site with these settings and serves it under /repo/ while in use."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = build(
        ROOT / "content",
        site,
        today="2026-11-24",
        base_url="https://example.github.io/repo/",
        **overrides,
    )
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/repo/", result.catalog
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
