"""Search benchmark: Pagefind over synthetic boards of N postings, measured in Chromium.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--full] [--keep DIR]

For each size: index time, index size on disk (Pagefind's and the page's facet data), bytes
the browser downloads for a first query on a fresh page (every request from navigation on,
the HTML page and style sheet included) until the first results show and until the facet
counts are in too, the bytes of a facet change, and times measured inside the page: from
navigation to the first results of that query, and from the last keystroke to results on an
opened search page (typing debounce included). `--breakdown` also lists the first query's
requests by kind. `--full` adds 100,000 postings (slow: about 4 minutes to build, 2 to index
with 4.7 GB of memory in Pagefind, and tens of seconds a broad query). `--keep DIR` keeps each
built site in DIR/<size> and later runs reuse it, with the current static files and facet data
written afresh (to measure a change to the page without rebuilding). Prints a table; measures,
never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import pickle
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import synthetic_feed  # noqa: E402

from generator.build import BuildOptions, build_site  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.search import index_site, write_facet_data  # noqa: E402
from generator.views import PostingView  # noqa: E402

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# In-page clocks: when the first result card appears and when the page marks its state shown.
WATCH = """
window.__marks = {};
new MutationObserver(() => {
  const page = document.querySelector('.search-page');
  if (!page) return;
  if (!window.__marks.cards && document.querySelector('#results .card')) {
    window.__marks.cards = performance.now();
    if (window.cardsShown) window.cardsShown();
  }
  if (page.dataset.shown && !window.__marks.shown) window.__marks.shown = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true });
"""


def kind(url: str) -> str:
    for key in ("fragment/", "index/", "filter/", ".pf_meta", "wasm", "entry", "worker"):
        if key in url:
            return key.strip("/.")
    return url.rsplit("/", 1)[-1].split("?")[0] or "page"


def measure_browser(site: Path, breakdown: bool = False) -> dict[str, float]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    shown = "() => document.querySelector('.search-page').dataset.shown === '?q=engineer'"
    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        context = browser.new_context()
        context.add_init_script(WATCH)
        cards = [False]
        context.expose_function("cardsShown", lambda: cards.__setitem__(0, True))
        page = context.new_page()
        page.set_default_timeout(600_000)  # at 100,000 postings one broad query takes seconds
        log: list[tuple[str, int, bool]] = []  # (url, bytes, seen before the first card)

        def on_response(response: Any) -> None:
            # Every request of the site (the worker's too), redirects aside.
            if response.url.startswith(base) and not 300 <= response.status < 400:
                # A response still arriving when the browser closes has no body to count.
                with contextlib.suppress(PlaywrightError):
                    log.append((response.url, len(response.body()), not cards[0]))

        page.on("response", on_response)
        # A first query on a fresh page: everything the search needs, from navigation on.
        page.goto(f"{base}search/?q=engineer")
        page.wait_for_function(shown)
        marks = page.evaluate("window.__marks")
        out["first results KB"] = sum(n for _, n, early in log if early) / 1e3
        out["with counts KB"] = sum(n for _, n, _ in log) / 1e3
        out["first results ms"] = marks["cards"]
        if breakdown:
            kinds: dict[str, list[int]] = {}
            for url, n, _ in log:
                kinds.setdefault(kind(url), []).append(n)
            for name, sizes in sorted(kinds.items(), key=lambda kv: -sum(kv[1])):
                print(f"    {name:>24}: {len(sizes):3} requests {sum(sizes) / 1e3:8.1f} KB")
        # An opened search page, left idle a moment as a visitor would, then one query typed.
        page.goto(f"{base}search/")
        page.wait_for_function("() => document.querySelector('.search-page').dataset.shown")
        page.wait_for_load_state("networkidle")
        page.evaluate(
            "() => { window.__marks = {}; document.querySelector('#q').addEventListener("
            "'input', () => { window.__marks.typed = performance.now(); }); }"
        )
        page.fill("#q", "engineer")
        page.wait_for_function(shown)
        marks = page.evaluate("window.__marks")
        out["keystroke→results ms"] = marks["shown"] - marks["typed"]
        log.clear()
        page.locator("fieldset[data-facet='arrangement'] input").first.check()
        page.wait_for_function(
            "() => document.querySelector('.search-page').dataset.shown.includes('arrangement')"
        )
        out["facet KB"] = sum(n for _, n, _ in log) / 1e3
        browser.close()
    server.shutdown()
    return out


def build(size: int, folder: Path) -> dict[str, float]:
    """Builds and indexes a synthetic board of `size` postings in `folder`/site."""
    content = folder / "content"
    content.mkdir(parents=True)
    for start in range(0, size, 1000):
        (content / f"feed-{start:06d}.xml").write_text(
            synthetic_feed(min(1000, size - start), start)
        )
    site = folder / "site"
    config = load_config(
        None,
        {
            "content_dir": content,
            "output_dir": site,
            "max_file_bytes": 50_000_000,
            "page_size": 100,
        },
    )
    # Indexed once, below and timed on its own, not also inside the build.
    with mock.patch("generator.build.index_site"):
        built = build_site(config, BuildOptions(today=dt.date(2026, 11, 24)))
    searchable = [
        (spec.url, spec.view.search)
        for spec in built.pages
        if isinstance(spec.view, PostingView) and spec.view.search
    ]
    started = time.perf_counter()
    index_site(site, searchable)
    index_seconds = time.perf_counter() - started
    (folder / "searchable.pickle").write_bytes(pickle.dumps(searchable))
    (folder / "index-seconds").write_text(f"{index_seconds}")
    return {"index s": index_seconds}


def run(size: int, breakdown: bool, keep: Path | None = None) -> dict[str, float]:
    """Measures a board of `size` postings; with `keep`, its site is kept in `keep`/<size>
    and reused by later runs (the current static files and facet data written afresh)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep / str(size) if keep else Path(tmp)
        site = folder / "site"
        if (folder / "searchable.pickle").exists():
            shutil.copytree(
                Path(__file__).resolve().parent.parent / "static",
                site / "static",
                dirs_exist_ok=True,
            )
            for old in (site / "search").glob("postings-*"):
                old.unlink()
            write_facet_data(site, pickle.loads((folder / "searchable.pickle").read_bytes()))
            row = {"index s": float((folder / "index-seconds").read_text())}
        else:
            row = build(size, folder)
        index_bytes = folder_size(site / "pagefind") + folder_size(site / "search")
        return row | {"index MB": index_bytes / 1e6} | measure_browser(site, breakdown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--full", action="store_true", help="also 100,000 postings")
    parser.add_argument("--breakdown", action="store_true", help="list the first query's files")
    parser.add_argument("--keep", type=Path, help="keep the built sites here and reuse them")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.full else [])
    columns = [
        "index s",
        "index MB",
        "first results KB",
        "with counts KB",
        "facet KB",
        "first results ms",
        "keystroke→results ms",
    ]
    print(f"{'postings':>9} " + " ".join(f"{c:>20}" for c in columns))
    for size in sizes:
        row = run(size, args.breakdown, args.keep)
        print(f"{size:>9} " + " ".join(f"{row[c]:>20.1f}" for c in columns), flush=True)


if __name__ == "__main__":
    main()
