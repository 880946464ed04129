"""Markdown engines timed on the project's own descriptions, and the sanitiser beside them.

    python benchmarks/markdown_bench.py [--generated 500] [--repeat 5]

The descriptions are the bodies (front matter removed) of the demo's Markdown files
(`content/`), of every Markdown fixture under `tests/fixtures/` (files that open with a `---`
front-matter block) and of `--generated` postings from `benchmarks/postings.py`. Each engine
renders every description `--repeat` times; a description's time is its fastest run. Prints
milliseconds per description (mean and median) and the total; an engine that is not installed
is listed as such. Measures, never asserts.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cmarkgfm  # noqa: E402
from postings import posting  # noqa: E402

from generator.markup import CMARK_OPTIONS, GFM_EXTENSIONS, sanitize_html  # noqa: E402
from generator.readers.markdown_posting import FRONT_MATTER  # noqa: E402

Engine = Callable[[str], str]


def render_gfm(text: str) -> str:
    """cmark-gfm exactly as `generator.markup.markdown_to_html` calls it, before sanitising."""
    result: str = cmarkgfm.markdown_to_html_with_extensions(
        text, options=CMARK_OPTIONS, extensions=list(GFM_EXTENSIONS)
    )
    return result


def _body(text: str) -> str | None:
    """The Markdown after a front-matter block; None for a file without one."""
    match = FRONT_MATTER.match(text)
    return text[match.end() :] if match else None


def descriptions(generated: int) -> dict[str, list[str]]:
    """The project's own Markdown descriptions, by where they come from."""
    demo = [_body(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "content").rglob("*.md"))]
    fixtures: list[str | None] = []
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if path.is_file() and path.read_bytes().startswith(b"---"):
            fixtures.append(_body(path.read_text(encoding="utf-8", errors="replace")))
    made = [_body(posting(i).text) for i in range(generated)]
    return {
        "demo (content/)": [b for b in demo if b is not None],
        "fixtures": [b for b in fixtures if b is not None],
        "generated": [b for b in made if b is not None],
    }


def engines() -> dict[str, Engine | str]:
    """Each candidate configured as this project would use it; a text when it is missing."""
    found: dict[str, Engine | str] = {}
    try:
        import markdown

        def python_markdown(text: str) -> str:
            return markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")

        found["Python-Markdown (extra, sane_lists)"] = python_markdown
    except ImportError:
        found["Python-Markdown (extra, sane_lists)"] = "not installed (pip install markdown)"
    try:
        from markdown_it import MarkdownIt

        found["markdown-it-py (commonmark + table)"] = (
            MarkdownIt("commonmark").enable("table").render
        )
    except ImportError:
        found["markdown-it-py (commonmark + table)"] = "not installed (pip install markdown-it-py)"
    try:
        import mistune

        found["mistune (table, strikethrough, url)"] = mistune.create_markdown(
            escape=False, plugins=["table", "strikethrough", "url"]
        )
    except ImportError:
        found["mistune (table, strikethrough, url)"] = "not installed (pip install mistune)"
    found["cmarkgfm (GFM: table, strikethrough, autolink)"] = render_gfm
    try:
        import pyromark

        options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH

        def pyromark_html(text: str) -> str:
            result: str = pyromark.html(text, options=options)
            return result

        found["pyromark (tables, strikethrough)"] = pyromark_html
    except ImportError:
        found["pyromark (tables, strikethrough)"] = "not installed (pip install pyromark)"
    return found


def time_each(render: Engine, texts: list[str], repeat: int) -> list[float]:
    """Seconds per text: the fastest of `repeat` runs, garbage collection paused."""
    for text in texts:  # warm up: imports, compiled patterns, first-call caches
        render(text)
    best = [float("inf")] * len(texts)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            for index, text in enumerate(texts):
                start = time.perf_counter()
                render(text)
                best[index] = min(best[index], time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generated", type=int, default=500, help="postings from postings.py")
    parser.add_argument("--repeat", type=int, default=5, help="runs per description")
    args = parser.parse_args()
    corpus = descriptions(args.generated)
    texts = [text for group in corpus.values() for text in group]
    words = sum(len(t.split()) for t in texts) / max(1, len(texts))
    sources = ", ".join(f"{len(group)} {name}" for name, group in corpus.items())
    print(f"{len(texts)} descriptions ({sources}), {words:.0f} words each on average")
    print(f"fastest of {args.repeat} runs per description\n")

    header = f"{'':<50} {'ms/desc':>9} {'median':>9} {'total ms':>10} {'× cmark':>8}"
    print(header)
    print("-" * len(header))
    rows: list[tuple[str, list[float] | str]] = [
        (name, engine if isinstance(engine, str) else time_each(engine, texts, args.repeat))
        for name, engine in engines().items()
    ]
    # The sanitiser on the HTML it really receives: cmark-gfm's, uncached.
    rendered = [render_gfm(text) for text in texts]
    sanitiser: Engine = sanitize_html.__wrapped__
    rows.append(("sanitiser (nh3, sanitize_html)", time_each(sanitiser, rendered, args.repeat)))
    cmark_total = next(
        (sum(t) for name, t in rows if name.startswith("cmarkgfm") and not isinstance(t, str)),
        None,
    )
    for name, times in rows:
        if isinstance(times, str):
            print(f"{name:<50} {times}")
            continue
        total = sum(times)
        relative = f"{total / cmark_total:>7.1f}×" if cmark_total else ""
        print(
            f"{name:<50} {1000 * total / len(times):>9.3f} "
            f"{1000 * statistics.median(times):>9.3f} {1000 * total:>10.1f} {relative:>8}"
        )


if __name__ == "__main__":
    main()
