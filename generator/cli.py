"""The command line: `jobboard build`, `jobboard serve`, `jobboard check`.

The only module that prints or exits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from generator import __version__
from generator.build import BuildOptions, BuildResult, build_site
from generator.config import CONFIG_FILE, SiteConfig, load_config
from generator.errors import ConfigError, Severity


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from err


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help=f"configuration file (default: ./{CONFIG_FILE})"
    )
    parser.add_argument("--content", type=Path, help="folder of postings (default: content/)")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--templates", type=Path, help="your templates, used before the built-in")
    parser.add_argument("--static", type=Path, help="your assets, copied over the built-in")
    parser.add_argument(
        "--base-url", help="public URL of the site, e.g. https://user.github.io/repo/"
    )
    parser.add_argument(
        "--today", type=_date, help="reference date for relative dates (YYYY-MM-DD)"
    )
    parser.add_argument("--strict", action="store_true", help="exit non-zero on any warning")
    parser.add_argument(
        "--clean", action="store_true", help="ignore the build cache and build everything anew"
    )
    parser.add_argument(
        "--jobs", type=int, help="worker processes (default: one per core, at most 8)"
    )
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "--quiet", "-q", action="store_true", help="print only problems, no summary or notes"
    )
    loudness.add_argument(
        "--verbose", "-v", action="store_true", help="also print the time of each stage"
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobboard", description="Static job-board generator.")
    parser.add_argument("--version", action="version", version=f"jobboard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site")
    _add_site_options(build)
    check = commands.add_parser(
        "check", help="read and plan everything, report problems, write nothing"
    )
    _add_site_options(check)
    serve = commands.add_parser("serve", help="build, serve and rebuild on changes (live reload)")
    _add_site_options(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to serve on (default: %(default)s)"
    )
    serve.add_argument(
        "--port", type=int, help="port to serve on (default: 8000, or the next free one)"
    )
    serve.add_argument("--open", action="store_true", help="open the site in the web browser")
    return parser


def config_from_args(args: argparse.Namespace) -> SiteConfig:
    overrides: dict[str, Any] = {
        "content_dir": args.content.resolve() if args.content else None,
        "output_dir": args.out.resolve() if args.out else None,
        "templates_dir": args.templates.resolve() if args.templates else None,
        "static_dir": args.static.resolve() if args.static else None,
        "base_url": args.base_url,
    }
    path = args.config if args.config else Path(CONFIG_FILE)
    if args.config and not args.config.exists():
        raise ConfigError([])  # reported by the caller with the path
    return load_config(path, overrides, root=path.resolve().parent)


def print_summary(result: BuildResult, wrote: bool, out: Path, verbosity: int = 1) -> None:
    """The build's summary and its messages; `verbosity` 0 prints only problems, 2 adds the
    time of each stage."""
    if verbosity == 0:
        print_messages(result, notes=False)
        return
    summary = result.summary
    files, postings, merged, closed = (
        summary.files,
        summary.postings,
        summary.merged,
        summary.closed,
    )
    line = f"Read {files} file{'s' * (files != 1)}: {postings} posting{'s' * (postings != 1)}"
    asides = [f"{merged} duplicate{'s' * (merged != 1)} merged"] if merged else []
    # Closed postings keep their pages but leave every list, feed and the search index.
    asides += [f"{closed} closed, kept out of lists and search"] if closed else []
    if asides:
        line += f" ({'; '.join(asides)})"
    print(line)
    if wrote:
        engines = {"pagefind": "Pagefind", "shards": "the sharded index"}
        searched = summary.searched
        search = (
            f"; search: {engines[result.search_engine]} over {searched} posting"
            f"{'s' * (searched != 1)}"
            if result.search_engine
            else ""
        )
        if result.unchanged:
            print(f"Nothing changed: {summary.pages} pages in {out} are up to date{search}")
        else:
            changed = len(result.written)
            print(
                f"Wrote {summary.pages} pages to {out} ({len(result.rendered)} rendered, "
                f"{changed} file{'s' * (changed != 1)} changed){search}"
            )
    if result.report_path:
        print(f"Build report: {result.report_path}")
    if verbosity >= 2 and result.timings:
        stages = " · ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items())
        print(f"Stages: {stages}")
        if result.peak_mb:
            peaks = " · ".join(f"{name} {mb:,.0f} MB" for name, mb in result.peak_mb.items())
            print(f"Peak memory after each stage (this process): {peaks}")
    print_messages(result, notes=True)


def print_messages(result: BuildResult, *, notes: bool) -> None:
    """Every problem, and the notes unless `notes` is False, on stderr."""
    shown = [d for d in result.diagnostics.sorted() if notes or d.severity >= Severity.WARNING]
    if shown:
        problems = len(result.diagnostics.warnings)
        infos = len(shown) - problems
        counts = [f"{problems} problem{'s' * (problems != 1)}"] if problems else []
        counts += [f"{infos} note{'s' * (infos != 1)}"] if infos else []
        print(", ".join(counts) + ":", file=sys.stderr)
        for diagnostic in shown:
            print(f"  {diagnostic.format()}", file=sys.stderr)


class ProgressDisplay:
    """A progress bar on stderr for builds that take longer than a second (rich draws it only
    on a terminal); quick builds print nothing but their summary."""

    DELAY = 1.0

    def __init__(self, *, enabled: bool) -> None:
        self.progress = Progress(
            TextColumn("{task.description:>8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.tasks: dict[str, TaskID] = {}
        self.timer = threading.Timer(self.DELAY, self.progress.start) if enabled else None

    def __enter__(self) -> ProgressDisplay:
        if self.timer is not None:
            self.timer.daemon = True
            self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.progress.stop()

    def update(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done if total else None)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.config and not args.config.exists():
            print(f"jobboard: configuration file not found: {args.config}", file=sys.stderr)
            return 2
        config = config_from_args(args)
    except ConfigError as err:
        for diagnostic in err.diagnostics:
            print(f"jobboard: {diagnostic.format()}", file=sys.stderr)
        return 2
    verbosity = 0 if args.quiet else 2 if args.verbose else 1
    options = BuildOptions(
        today=args.today,
        strict=args.strict,
        clean=args.clean,
        **({"jobs": max(1, args.jobs)} if args.jobs else {}),
    )
    if not config.content_dir.is_dir():
        print(f"jobboard: content folder not found: {config.content_dir}", file=sys.stderr)
        return 2
    if args.command == "serve":
        from generator.serve import serve

        return serve(
            config,
            options,
            host=args.host,
            port=args.port,
            open_browser=args.open,
            report=functools.partial(print_summary, verbosity=verbosity),
        )
    write = args.command == "build"
    with ProgressDisplay(enabled=verbosity > 0) as display:
        result = build_site(config, replace(options, progress=display.update), write=write)
    print_summary(result, write and not result.failed, config.output_dir, verbosity)
    if result.failed:
        return 1
    if args.strict and result.diagnostics.warnings:
        print("jobboard: --strict: failing because of the problems above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
