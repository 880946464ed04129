"""Search benchmark: Pagefind over synthetic boards of N postings, measured in Chromium.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--full]

For each size: index time, index size on disk, bytes the browser downloads for a first query
on a fresh page and for a facet change, and the time from the last keystroke to rendered
results. `--full` adds 100,000 postings (slow: minutes and many GB of memory in Pagefind).
Prints a table; measures, never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import synthetic_feed  # noqa: E402

from generator.build import BuildOptions, build_site  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.search import index_site  # noqa: E402

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


def measure_browser(site: Path) -> tuple[int, int, float]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page()
        sizes: list[int] = []

        def on_response(response: Any) -> None:
            # Every search request (the page's own script too), redirects aside.
            if (
                "/pagefind/" in response.url or response.url.endswith("search.js")
            ) and not 300 <= response.status < 400:
                sizes.append(len(response.body()))

        page.on("response", on_response)
        # A first query on a fresh page: everything the search needs, from navigation on.
        page.goto(f"{base}search/?q=engineer")
        page.wait_for_function(
            "() => document.querySelector('.search-page').dataset.shown === '?q=engineer'"
        )
        first_query = sum(sizes)
        page.goto(f"{base}search/")
        page.wait_for_function("() => document.querySelector('.search-page').dataset.shown")
        start = time.perf_counter()
        page.fill("#q", "engineer")
        page.wait_for_function(
            "() => document.querySelector('.search-page').dataset.shown === '?q=engineer'"
        )
        # Includes the 150 ms typing debounce of the page.
        keystroke_ms = (time.perf_counter() - start) * 1000
        sizes.clear()
        page.locator("fieldset[data-facet='arrangement'] input").first.check()
        page.wait_for_function(
            "() => document.querySelector('.search-page').dataset.shown.includes('arrangement')"
        )
        facet_change = sum(sizes)
        browser.close()
    server.shutdown()
    return first_query, facet_change, keystroke_ms


def run(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        for start in range(0, size, 1000):
            (content / f"feed-{start:06d}.xml").write_text(
                synthetic_feed(min(1000, size - start), start)
            )
        site = Path(tmp) / "site"
        config = load_config(
            None,
            {
                "content_dir": content,
                "output_dir": site,
                "max_file_bytes": 50_000_000,
                "page_size": 100,
            },
        )
        build_site(config, BuildOptions(today=dt.date(2026, 11, 24)))
        started = time.perf_counter()
        index_site(site)  # indexed again on its own to time Pagefind alone
        index_seconds = time.perf_counter() - started
        index_bytes = folder_size(site / "pagefind")
        first_query, facet_change, keystroke_ms = measure_browser(site)
        return {
            "index s": index_seconds,
            "index MB": index_bytes / 1e6,
            "first query KB": first_query / 1e3,
            "facet KB": facet_change / 1e3,
            "keystroke→results ms": keystroke_ms,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--full", action="store_true", help="also 100,000 postings")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.full else [])
    columns = ["index s", "index MB", "first query KB", "facet KB", "keystroke→results ms"]
    print(f"{'postings':>9} " + " ".join(f"{c:>21}" for c in columns))
    for size in sizes:
        row = run(size)
        print(f"{size:>9} " + " ".join(f"{row[c]:>21.1f}" for c in columns), flush=True)


if __name__ == "__main__":
    main()
