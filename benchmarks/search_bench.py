"""Search benchmark: Pagefind over synthetic boards of N postings, measured in Chromium.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--full] [--words N] [--keep DIR]

For each size: index time and size on disk (Pagefind's and the page's facet data); the bytes
a browser receives for a first query on a fresh page (every request from navigation on, the
HTML page and style sheet included), until the first results show and until the facet counts
are in too, and for a facet change; and two times measured inside the page: from the last
keystroke to results on an opened search page (typing pause included), and from navigating
to a shared `?q=` link to its first results. Bytes are as on the wire: the site is served as
GitHub Pages serves it, text files gzip-encoded.

`--words N` adds N words of prose to every description (real postings have 300–1,000; the
default pages are tiny, like those of the issue's own Pagefind figures). `--breakdown` lists
the first query's requests by kind. `--full` adds 100,000 postings (slow: about 4 minutes to
build, 2 to index with 4.7 GB of memory in Pagefind, and tens of seconds a broad query).
`--keep DIR` keeps each built site in DIR and later runs reuse it, with the current static
files and facet data written afresh (to measure a change to the page without rebuilding).
Prints a table; measures, never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import io
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
from generator.search import index_site, pagefind_ids, write_facet_data  # noqa: E402
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


# The types GitHub Pages compresses on the wire; Pagefind's index files and our table are gzip
# files already and go out as they are.
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")


class LikeGitHubPages(Quiet):
    """Serves text files gzip-encoded, as GitHub Pages does, so that the bytes counted are the
    bytes a visitor's browser would receive from the deployed site."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html":
            return super().send_head()  # the redirect to the folder's URL
        if path.suffix not in COMPRESSED_TYPES or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


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
    for key, name in (("/t/", "shard"), ("/p/", "postings"), ("/d/", "card")):  # sharded index
        if key in url:
            return name
    return url.rsplit("/", 1)[-1].split("?")[0] or "page"


def measure_browser(site: Path, breakdown: bool = False) -> dict[str, float]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(LikeGitHubPages, directory=str(site))
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

        def on_finished(request: Any) -> None:
            # Every request of the site (the worker's too), redirects aside; the bytes are the
            # body as it came over the wire (compressed where the server compressed it).
            response = request.response() if request.url.startswith(base) else None
            if response and not 300 <= response.status < 400:
                # A response still arriving when the browser closes has no size to count.
                with contextlib.suppress(PlaywrightError):
                    size = request.sizes()["responseBodySize"]
                    log.append((request.url, size, not cards[0]))

        page.on("requestfinished", on_finished)
        # A first query on a fresh page: everything the search needs, from navigation on.
        page.goto(f"{base}search/?q=engineer")
        page.wait_for_function(shown)
        marks = page.evaluate("window.__marks")
        out["first results KB"] = sum(n for _, n, early in log if early) / 1e3
        out["with counts KB"] = sum(n for _, n, _ in log) / 1e3
        out["shared link ms"] = marks["cards"]
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


def build(size: int, folder: Path, words: int, engine: str) -> dict[str, float]:
    """Builds and indexes a synthetic board of `size` postings in `folder`/site."""
    content = folder / "content"
    content.mkdir(parents=True)
    for start in range(0, size, 1000):
        (content / f"feed-{start:06d}.xml").write_text(
            synthetic_feed(min(1000, size - start), start, words)
        )
    site = folder / "site"
    config = load_config(
        None,
        {
            "content_dir": content,
            "output_dir": site,
            "max_file_bytes": 50_000_000,
            "page_size": 100,
            "search_engine": engine,
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
    index_site(site, searchable, engine)
    index_seconds = time.perf_counter() - started
    (folder / "searchable.pickle").write_bytes(pickle.dumps(searchable))
    (folder / "index-seconds").write_text(f"{index_seconds}")
    return {"index s": index_seconds}


def run(
    size: int, breakdown: bool, keep: Path | None = None, words: int = 0, engine: str = "pagefind"
) -> dict[str, float]:
    """Measures a board of `size` postings; with `keep`, its site is kept in `keep`/<size>
    and reused by later runs (the current static files and facet data written afresh)."""
    with tempfile.TemporaryDirectory() as tmp:
        name = f"{size}-{words}w" if words else str(size)
        folder = (
            keep / (f"{name}-{engine}" if engine != "pagefind" else name) if keep else Path(tmp)
        )
        site = folder / "site"
        if (folder / "searchable.pickle").exists():
            shutil.copytree(
                Path(__file__).resolve().parent.parent / "static",
                site / "static",
                dirs_exist_ok=True,
            )
            for old in (site / "search").glob("postings-*"):
                old.unlink()
            for old in (site / "search").glob("i-*"):
                shutil.rmtree(old)
            searchable = pickle.loads((folder / "searchable.pickle").read_bytes())
            if engine == "shards":
                index_site(site, searchable, engine)
            else:
                write_facet_data(site, searchable, pagefind_ids(site), {"engine": engine})
            row = {"index s": float((folder / "index-seconds").read_text())}
        else:
            row = build(size, folder, words, engine)
        pagefind = site / "pagefind"
        index_bytes = (folder_size(pagefind) if pagefind.exists() else 0) + folder_size(
            site / "search"
        )
        return row | {"index MB": index_bytes / 1e6} | measure_browser(site, breakdown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--full", action="store_true", help="also 100,000 postings")
    parser.add_argument("--breakdown", action="store_true", help="list the first query's files")
    parser.add_argument("--keep", type=Path, help="keep the built sites here and reuse them")
    parser.add_argument(
        "--words", type=int, default=0, help="words of prose in each description (default none)"
    )
    parser.add_argument(
        "--engine", choices=["pagefind", "shards"], default="pagefind", help="full-text index"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.full else [])
    columns = [
        "index s",
        "index MB",
        "first results KB",
        "with counts KB",
        "facet KB",
        "keystroke→results ms",
        "shared link ms",
    ]
    print(f"{'postings':>9} " + " ".join(f"{c:>20}" for c in columns))
    for size in sizes:
        row = run(size, args.breakdown, args.keep, args.words, args.engine)
        print(f"{size:>9} " + " ".join(f"{row[c]:>20.1f}" for c in columns), flush=True)


if __name__ == "__main__":
    main()
