"""The command line: `jobboard build`, `jobboard serve`, `jobboard check`.

The only module that prints or exits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from generator import __version__
from generator.build import BuildOptions, BuildResult, build_site
from generator.config import CONFIG_FILE, SiteConfig, load_config
from generator.errors import ConfigError


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
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
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


def print_summary(result: BuildResult, wrote: bool, out: Path) -> None:
    files = len(result.files)
    postings = len(result.catalog.postings)
    merged = len(result.catalog.merges)
    line = f"Read {files} file{'s' * (files != 1)}: {postings} posting{'s' * (postings != 1)}"
    closed = postings - len(result.catalog.open_postings)
    asides = [f"{merged} duplicate{'s' * (merged != 1)} merged"] if merged else []
    # Closed postings keep their pages but leave every list, feed and the search index.
    asides += [f"{closed} closed, kept out of lists and search"] if closed else []
    if asides:
        line += f" ({'; '.join(asides)})"
    print(line)
    if wrote:
        engines = {"pagefind": "Pagefind", "shards": "the sharded index"}
        searched = len(result.catalog.open_postings)
        search = (
            f"; search: {engines[result.search_engine]} over {searched} posting"
            f"{'s' * (searched != 1)}"
            if result.search_engine
            else ""
        )
        print(f"Wrote {len(result.pages)} pages to {out}{search}")
    if result.report_path:
        print(f"Build report: {result.report_path}")
    messages = result.diagnostics.sorted()
    if messages:
        problems = len(result.diagnostics.warnings)
        notes = len(messages) - problems
        counts = [f"{problems} problem{'s' * (problems != 1)}"] if problems else []
        counts += [f"{notes} note{'s' * (notes != 1)}"] if notes else []
        print(", ".join(counts) + ":", file=sys.stderr)
        for diagnostic in messages:
            print(f"  {diagnostic.format()}", file=sys.stderr)


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
    options = BuildOptions(today=args.today, strict=args.strict)
    if not config.content_dir.is_dir():
        print(f"jobboard: content folder not found: {config.content_dir}", file=sys.stderr)
        return 2
    if args.command == "serve":
        from generator.serve import serve

        serve(config, options, host=args.host, port=args.port, report=print_summary)
        return 0
    write = args.command == "build"
    result = build_site(config, options, write=write)
    print_summary(result, write, config.output_dir)
    if result.failed:
        return 1
    if args.strict and result.diagnostics.warnings:
        print("jobboard: --strict: failing because of the problems above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
