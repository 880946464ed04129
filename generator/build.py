"""The pipeline, top to bottom: read → normalise → merge → plan → render → write → index."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pydantic import ValidationError

from generator.catalog import Catalog, assemble_catalog
from generator.config import SiteConfig
from generator.discovery import plan_data_files
from generator.errors import Diagnostic, Diagnostics, Severity, SourceLocation
from generator.models import Posting, RawPosting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.normalize.titles import DEFAULT_ROLE_FAMILIES, RoleFamily
from generator.plan import PageSpec, plan_site, structured_data_gaps
from generator.readers import ReadResult, read_data, read_file
from generator.render import make_environment, render_page
from generator.search import SearchIndexError, index_site, search_engine
from generator.views import PostingView
from generator.writer import BUILTIN_STATIC, StagingDir


@dataclass(frozen=True)
class BuildOptions:
    """Per-run choices that are not site configuration."""

    today: dt.date | None = None
    strict: bool = False


@dataclass
class FileReport:
    """What one input file gave: its format, its postings, and what went wrong."""

    path: str
    format: str | None
    postings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    files: list[FileReport]
    catalog: Catalog
    pages: list[PageSpec]
    diagnostics: Diagnostics
    report_path: Path | None = None
    search_engine: str = ""  # the full-text index built ("pagefind", "shards"), if any

    @property
    def failed(self) -> bool:
        return bool(self.diagnostics.errors)


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("../../..") else str(path)


def discover_content(content_dir: Path, logos_dir: Path | None = None) -> list[Path]:
    """Every content file, in a stable order; hidden files and folders, and the logos folder
    when it lies inside the content folder, are ignored."""
    if not content_dir.is_dir():
        return []
    found = [
        p
        for p in content_dir.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)
        and not (logos_dir is not None and p.is_relative_to(logos_dir))
    ]
    return sorted(found, key=lambda p: p.relative_to(content_dir).as_posix())


LOGO_SUFFIXES = (".svg", ".png", ".webp", ".jpg", ".jpeg", ".gif", ".avif")


def find_local_logos(folder: Path) -> dict[str, Path]:
    """Employer logos the site serves itself: `<logos_dir>/<employer-slug>.<ext>`, published as
    `logos/<file>`. Remote logo URLs are never shown, so this is how a board gets logos."""
    if not folder.is_dir():
        return {}
    return {
        path.stem: path
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix.lower() in LOGO_SUFFIXES
    }


def role_vocabulary(config: SiteConfig) -> tuple[RoleFamily, ...]:
    """Users' role families come first so they can refine or replace the built-in ones."""
    extra = tuple(RoleFamily(r.key, r.label, r.patterns) for r in config.role_families)
    # A user family with a built-in key replaces it: its label, and only its patterns and
    # those before it, decide (a built-in of the same key would otherwise add its own words).
    own = {family.key for family in extra}
    return extra + tuple(f for f in DEFAULT_ROLE_FAMILIES if f.key not in own)


class ReadCache:
    """Parsed files by content hash: `serve` keeps one across rebuilds, so an unchanged file
    is never parsed twice. Results are never mutated after reading, so sharing them is safe."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], tuple[str | None, ReadResult]] = {}
        self.hits = 0


def read_cached(
    path: Path, shown: str, max_bytes: int, cache: ReadCache | None
) -> tuple[str | None, ReadResult]:
    """`read_file`, answered from the cache when the same path holds the same bytes."""
    if cache is None or path.stat().st_size > max_bytes:
        return read_file(path, shown, max_bytes=max_bytes)
    data = path.read_bytes()
    key = (shown, hashlib.sha256(data).hexdigest())
    if key in cache.entries:
        cache.hits += 1
        return cache.entries[key]
    cache.entries[key] = read_data(data, shown)
    return cache.entries[key]


def read_content(
    config: SiteConfig,
    options: BuildOptions,
    diagnostics: Diagnostics,
    cache: ReadCache | None = None,
) -> tuple[list[tuple[RawPosting, ReferenceDate]], list[FileReport]]:
    """Stage 1: every file read by the reader its content calls for."""
    raws: list[tuple[RawPosting, ReferenceDate]] = []
    reports: list[FileReport] = []
    for path in discover_content(config.content_dir, config.logos_dir):
        shown = display_path(path)
        try:
            fmt, result = read_cached(path, shown, config.max_file_bytes, cache)
        except (OSError, ValueError, LookupError, TypeError, AttributeError) as err:
            # A reader bug or an unreadable file must not take the whole site down: the file
            # is reported and skipped, and the rest of the site still builds.
            diagnostics.add(
                shown, f"could not be read: {type(err).__name__}: {err}", action="file skipped"
            )
            reports.append(FileReport(shown, None, problems=[f"{type(err).__name__}: {err}"]))
            continue
        diagnostics.extend(result.diagnostics)
        report = FileReport(shown, fmt, problems=[d.format() for d in result.diagnostics])
        reports.append(report)
        if options.today is not None:
            reference = ReferenceDate(options.today, exact=True)
        else:
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).date()
            reference = ReferenceDate(modified, exact=False)
        raws.extend((raw, reference) for raw in result.postings)
    return raws, reports


def normalize_all(
    raws: list[tuple[RawPosting, ReferenceDate]],
    families: tuple[RoleFamily, ...],
    reports: list[FileReport],
    diagnostics: Diagnostics,
) -> list[Posting]:
    """Stage 2: typed, canonical postings; problems reported against their source."""
    by_path = {r.path: r for r in reports}
    postings: list[Posting] = []
    for raw, reference in raws:
        try:
            posting, problems = normalize_posting(raw, reference, families)
        except ValidationError as err:
            problems = [
                Diagnostic(
                    SourceLocation(raw.source.path, raw.source.line),
                    f"posting {raw.title!r} is invalid: {err.errors()[0]['msg']}",
                    "posting skipped",
                )
            ]
            posting = None
        diagnostics.extend(problems)
        report = by_path.get(raw.source.path)
        if report is not None:
            report.problems.extend(d.format() for d in problems)
        if posting is not None:
            postings.append(posting)
    return postings


def write_report(result: BuildResult, output: Path) -> Path:
    """The whole build report as JSON beside (never inside) the output folder."""
    kept = {p.id: p for p in result.catalog.postings}
    merged_into = {m.merged: m for m in result.catalog.merges}
    files = []
    for report in result.files:
        entries = []
        for pid in report.postings:
            if pid in kept:
                entries.append({"id": pid, "url": f"jobs/{kept[pid].slug}/", "status": "published"})
            elif pid in merged_into:
                m = merged_into[pid]
                entries.append({"id": pid, "status": "merged", "into": m.kept, "reason": m.reason})
            else:
                entries.append({"id": pid, "status": "merged"})
        files.append(
            {
                "path": report.path,
                "format": report.format,
                "postings": entries,
                "problems": report.problems,
            }
        )
    data = {
        "postings": len(result.catalog.postings),
        "pages": len(result.pages),
        "files": files,
        "diagnostics": [d.format() for d in result.diagnostics.sorted()],
    }
    path = output.parent / f"{output.name}.build-report.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def build_site(
    config: SiteConfig,
    options: BuildOptions,
    *,
    write: bool = True,
    cache: ReadCache | None = None,
) -> BuildResult:
    """Runs the whole pipeline; writes the site atomically unless `write` is False."""
    diagnostics = Diagnostics()
    families = role_vocabulary(config)
    raws, reports = read_content(config, options, diagnostics, cache)
    postings = normalize_all(raws, families, reports, diagnostics)
    for report in reports:
        report.postings = [p.id for p in postings if any(s.path == report.path for s in p.sources)]
    today = options.today or dt.date.today()
    catalog = assemble_catalog(
        postings, today=today, merge=config.merge_duplicates, max_age_days=config.expire_after_days
    )
    logo_files = find_local_logos(config.logos_dir) if config.logos_dir else {}
    logos = {slug: f"logos/{path.name}" for slug, path in logo_files.items()}
    pages = plan_site(catalog, config, families, today, logos)
    report_of = {report.path: report for report in reports}
    for posting in catalog.open_postings:
        for prop in structured_data_gaps(posting):
            source = posting.sources[0]
            gap = Diagnostic(
                SourceLocation(source.path, source.line),
                f"posting {posting.title!r} has no {prop}, which Google for Jobs requires",
                "page built; search engines may not list it",
                Severity.WARNING,
            )
            diagnostics.extend([gap])
            if source.path in report_of:
                report_of[source.path].problems.append(gap.format())
    if not config.base_url:
        # Pages link relatively and work anywhere; these files are read by crawlers and feed
        # readers away from the site, where only absolute URLs mean anything.
        diagnostics.add(
            "jobboard.toml",
            "base_url is not set, so feed.xml, sitemap.xml, robots.txt and jobs.json "
            "carry site-root-relative URLs that crawlers and feed readers cannot follow",
            action="set base_url (or pass --base-url) for the published site",
            severity=Severity.INFO,
        )
    result = BuildResult(reports, catalog, pages, diagnostics)
    if not write:
        return result
    env = make_environment(config.templates_dir)
    staging = StagingDir(config.output_dir)
    try:
        for spec in pages:
            try:
                staging.write_text(spec.output_path, render_page(env, spec))
            except jinja2.TemplateError as err:
                diagnostics.add(
                    getattr(err, "filename", None) or spec.template,
                    f"template error while rendering {spec.url or 'the home page'}: {err}",
                    line=getattr(err, "lineno", None),
                    action="build stopped; the previous site is left in place",
                    severity=Severity.ERROR,
                )
                staging.discard()
                return result
        for data_file in plan_data_files(config, catalog, pages):
            staging.write_bytes(data_file.output_path, data_file.content)
        staging.write_text(".nojekyll", "")
        if config.cname:
            staging.write_text("CNAME", f"{config.cname}\n")
        staging.copy_static([BUILTIN_STATIC, config.static_dir])
        for path in logo_files.values():
            staging.write_bytes(f"logos/{path.name}", path.read_bytes())
        if config.search:
            try:
                searchable = [
                    (spec.url, spec.view.search)
                    for spec in pages
                    if isinstance(spec.view, PostingView) and spec.view.search
                ]
                engine = search_engine(config.search_engine, len(catalog.open_postings))
                index_site(staging.path, searchable, engine)
                result.search_engine = engine
            except SearchIndexError as err:
                diagnostics.add(
                    config.output_dir,
                    f"search indexing failed: {err}",
                    action="build stopped; the previous site is left in place",
                    severity=Severity.ERROR,
                )
                staging.discard()
                return result
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    result.report_path = write_report(result, config.output_dir)
    return result


__all__ = ["BuildOptions", "BuildResult", "Diagnostic", "build_site"]
