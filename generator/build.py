"""The pipeline, top to bottom: read → normalise → merge → plan → render → write → index."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import jinja2
from pydantic import ValidationError

from generator.buildstate import (
    BuildCache,
    FileOutcome,
    code_version,
    digest_of,
    digest_of_all,
)
from generator.catalog import Catalog, assemble_catalog
from generator.config import SiteConfig
from generator.discovery import plan_data_files
from generator.errors import Diagnostic, Diagnostics, Severity, SourceLocation
from generator.models import Posting
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.normalize.titles import DEFAULT_ROLE_FAMILIES, RoleFamily
from generator.plan import PageSpec, plan_site, structured_data_gaps
from generator.readers import read_data
from generator.render import (
    BUILTIN_TEMPLATES,
    RenderProblem,
    RenderTarget,
    make_environment,
    render_to_files,
    template_digests,
)
from generator.search import SearchIndexError, index_site, search_engine
from generator.views import PostingView
from generator.writer import BUILTIN_STATIC, StagingDir, intact_outputs, record_outputs

T = TypeVar("T")
A = TypeVar("A")
R = TypeVar("R")
# Fewer files or pages than two chunks are done in this process: starting workers costs more.
PARALLEL_CHUNK = 200
# Told (stage, items done, items in all or None): once as a stage starts, then as it advances.
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BuildOptions:
    """Per-run choices that are not site configuration."""

    today: dt.date | None = None
    strict: bool = False
    clean: bool = False  # ignore the build cache (still refill it)
    jobs: int = max(1, min(os.cpu_count() or 1, 8))  # worker processes
    progress: Progress | None = None


class StageTimer:
    """Seconds per stage, for the summary; tells `progress` how each stage goes."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}  # this process's peak memory when each stage ended

    @contextlib.contextmanager
    def stage(self, name: str, items: int | None = None) -> Iterator[Callable[[int], None]]:
        """Times the block; what it yields is told how many more items are done."""
        done = 0
        progress = self.progress

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(name, done, items)

        advance(0)
        start = time.perf_counter()
        try:
            yield advance
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.peak_mb[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class FileReport:
    """What one input file gave: its format, its postings, and what went wrong."""

    path: str
    format: str | None
    postings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildSummary:
    """The counts a build reports."""

    files: int
    postings: int
    merged: int
    closed: int
    pages: int
    searched: int  # open postings in the search index


@dataclass(frozen=True)
class StoredBuild:
    """What the cache keeps of a good build, so that a build with the very same inputs can
    say what it would have said without doing any of the work."""

    inputs: str
    summary: BuildSummary
    files: list[FileReport]
    diagnostics: list[Diagnostic]
    search_engine: str


@dataclass
class BuildResult:
    files: list[FileReport]
    catalog: Catalog  # empty when `unchanged`
    pages: list[PageSpec]  # empty when `unchanged`
    diagnostics: Diagnostics
    report_path: Path | None = None
    search_engine: str = ""  # the full-text index built ("pagefind", "shards"), if any
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    peak_mb: dict[str, float] = field(default_factory=dict)  # peak memory after each stage
    rendered: tuple[str, ...] = ()  # URLs of the pages rendered (not carried over)
    written: tuple[str, ...] = ()  # output files that are new or changed
    # True when the inputs were exactly those of the last good build of this site, which is
    # still as that build left it: nothing was read, rendered or written.
    unchanged: bool = False
    stored_summary: BuildSummary | None = None

    @property
    def summary(self) -> BuildSummary:
        if self.stored_summary is not None:
            return self.stored_summary
        catalog = self.catalog
        return BuildSummary(
            files=len(self.files),
            postings=len(catalog.postings),
            merged=len(catalog.merges),
            closed=len(catalog.postings) - len(catalog.open_postings),
            pages=len(self.pages),
            searched=len(catalog.open_postings) if self.search_engine else 0,
        )

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
    when it lies inside the content folder, are ignored.

    os.walk on strings, not Path.rglob: pathlib's per-path work was half of a no-change
    rebuild of 10,000 files."""
    if not content_dir.is_dir():
        return []
    skipped = str(logos_dir) if logos_dir is not None else None
    found: list[tuple[str, str]] = []  # (relative POSIX path, full path)
    root = str(content_dir)
    for folder, subfolders, files in os.walk(root):  # symlinked folders are not entered
        if folder == skipped:
            subfolders[:] = []
            continue
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        base = os.path.relpath(folder, root)
        for name in files:
            full = os.path.join(folder, name)
            if name.startswith(".") or not os.path.isfile(full):
                continue
            relative = name if base == "." else f"{base}/{name}"
            found.append((relative.replace(os.sep, "/"), full))
    return [Path(full) for _, full in sorted(found)]


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


@dataclass(frozen=True)
class FileJob:
    """One content file to read: its bytes (None when over the size limit) and how to read
    them. Plain data, so a worker process can take it."""

    shown: str
    data: bytes | None
    size: int
    max_bytes: int
    reference: ReferenceDate


def read_and_normalise_file(job: FileJob, families: tuple[RoleFamily, ...]) -> FileOutcome:
    """Stages 1 and 2 for one file: its postings, typed and canonical, and every message."""
    diagnostics: list[Diagnostic] = []
    if job.data is None:
        diagnostics.append(
            Diagnostic(
                SourceLocation(job.shown),
                f"file is {job.size:,} bytes, over the {job.max_bytes:,}-byte limit",
                "file skipped",
                Severity.WARNING,
            )
        )
        return FileOutcome(None, (), tuple(diagnostics))
    try:
        fmt, result = read_data(job.data, job.shown)
    except (OSError, ValueError, LookupError, TypeError, AttributeError) as err:
        # A reader bug must not take the whole site down: the file is reported and skipped,
        # and the rest of the site still builds.
        message = f"could not be read: {type(err).__name__}: {err}"
        diagnostic = Diagnostic(SourceLocation(job.shown), message, "file skipped")
        return FileOutcome(None, (), (diagnostic,))
    diagnostics.extend(result.diagnostics)
    postings: list[Posting] = []
    for raw in result.postings:
        try:
            posting, problems = normalize_posting(raw, job.reference, families)
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
        if posting is not None:
            postings.append(posting)
    return FileOutcome(fmt, tuple(postings), tuple(diagnostics))


def read_and_normalise_chunk(
    jobs: list[FileJob], families: tuple[RoleFamily, ...]
) -> list[FileOutcome]:
    """A worker process's share of the files."""
    return [read_and_normalise_file(job, families) for job in jobs]


def file_key(job: FileJob, families_key: str) -> str:
    """What a file's outcome depends on: its bytes, its shown path (messages name it), the
    date relative dates count from, the role vocabulary and the generator's code."""
    reference = f"{job.reference.date.isoformat()}|{job.reference.exact}"
    content = job.data if job.data is not None else f"too big:{job.size}:{job.max_bytes}"
    return digest_of(code_version(), families_key, job.shown, reference, content)


def file_jobs(config: SiteConfig, options: BuildOptions) -> list[FileJob]:
    """Every content file, read into memory once, in a stable order."""
    jobs = []
    # Each file shown as `display_path` would show it, from the folder's shown path: the same
    # text, without resolving a relative path once per file.
    root, shown_root = str(config.content_dir), display_path(config.content_dir)
    for path in discover_content(config.content_dir, config.logos_dir):
        shown = os.path.normpath(os.path.join(shown_root, str(path)[len(root) + 1 :]))
        stat = os.stat(path)
        if options.today is not None:
            reference = ReferenceDate(options.today, exact=True)
        else:
            modified = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC).date()
            reference = ReferenceDate(modified, exact=False)
        data = path.read_bytes() if stat.st_size <= config.max_file_bytes else None
        jobs.append(FileJob(shown, data, stat.st_size, config.max_file_bytes, reference))
    return jobs


def in_parallel(
    work: Callable[[list[T], A], list[R]],
    items: list[T],
    shared: A,
    workers: int,
    advance: Callable[[int], None] | None = None,
) -> list[R]:
    """`work` over `items` in chunks on `workers` processes, results in the items' order.

    The forkserver start method, not fork: `serve` runs threads (the HTTP server), and forking
    a threaded process can deadlock on a lock another thread held. The server process imports
    the generator once, so each worker starts without importing it again.
    """
    size = max(PARALLEL_CHUNK, len(items) // (max(1, workers) * 8) + 1)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    results: list[R] = []
    if workers <= 1 or len(chunks) < 2:
        parts: Iterable[list[R]] = (work(chunk, shared) for chunk in chunks)
        for chunk, part in zip(chunks, parts, strict=True):
            results += part
            if advance is not None:
                advance(len(chunk))
        return results
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.build"])
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for chunk, part in zip(chunks, pool.map(work, chunks, [shared] * len(chunks)), strict=True):
            results += part
            if advance is not None:
                advance(len(chunk))
    return results


def read_content(
    jobs: list[FileJob],
    keys: list[str],
    options: BuildOptions,
    diagnostics: Diagnostics,
    families: tuple[RoleFamily, ...],
    cache: BuildCache,
    timer: StageTimer,
) -> tuple[list[Posting], list[FileReport]]:
    """Stages 1 and 2: every file read by the reader its content calls for, and normalised;
    files the cache knows are taken from it, the others are shared among worker processes."""
    outcomes = {key: found for key in keys if (found := cache.outcome(key)) is not None}
    missing = {key: job for key, job in zip(keys, jobs, strict=True) if key not in outcomes}
    with timer.stage("read", len(missing)) as advance:
        fresh = in_parallel(
            read_and_normalise_chunk, list(missing.values()), families, options.jobs, advance
        )
    cache.store_outcomes(dict(zip(missing, fresh, strict=True)))
    outcomes.update(zip(missing, fresh, strict=True))
    cache.keep_only(keys)
    postings: list[Posting] = []
    reports: list[FileReport] = []
    for key, job in zip(keys, jobs, strict=True):
        outcome = outcomes[key]
        diagnostics.extend(list(outcome.diagnostics))
        problems = [d.format() for d in outcome.diagnostics]
        reports.append(FileReport(job.shown, outcome.format, problems=problems))
        postings.extend(outcome.postings)
    return postings, reports


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
    cache: BuildCache | None = None,
) -> BuildResult:
    """Runs the whole pipeline; writes the site atomically unless `write` is False.

    `cache` carries earlier builds' work; without one, the configured cache folder is used
    (`--clean` ignores what it holds). Large builds start worker processes, so a script that
    calls this must do so under `if __name__ == "__main__":`, as multiprocessing requires.
    """
    own_cache = cache is None
    if cache is None:
        cache = BuildCache(config.cache_dir, clean=options.clean)
    try:
        return _build(config, options, write, cache)
    finally:
        if own_cache:
            cache.close()


def _build(
    config: SiteConfig, options: BuildOptions, write: bool, cache: BuildCache
) -> BuildResult:
    timer = StageTimer(options.progress)
    diagnostics = Diagnostics()
    families = role_vocabulary(config)
    with timer.stage("scan"):
        jobs = file_jobs(config, options)
        families_key = digest_of(repr(families))
        keys = [file_key(job, families_key) for job in jobs]
        today = options.today or dt.date.today()
        inputs = inputs_digest(config, today, keys)
    if write and (same := unchanged_build(config.output_dir, inputs, cache)) is not None:
        return same
    postings, reports = read_content(jobs, keys, options, diagnostics, families, cache, timer)
    del jobs  # every file's bytes: not kept through planning and rendering
    ids_by_path: dict[str, list[str]] = {}
    for posting in postings:
        for path in dict.fromkeys(s.path for s in posting.sources):
            ids_by_path.setdefault(path, []).append(posting.id)
    for report in reports:
        report.postings = ids_by_path.get(report.path, [])
    with timer.stage("merge"):
        catalog = assemble_catalog(
            postings,
            today=today,
            merge=config.merge_duplicates,
            max_age_days=config.expire_after_days,
        )
    logo_files = find_local_logos(config.logos_dir) if config.logos_dir else {}
    logos = {slug: f"logos/{path.name}" for slug, path in logo_files.items()}
    with timer.stage("plan"):
        pages = plan_site(catalog, config, families, today, logos)
    report_structured_data_gaps(catalog, reports, diagnostics)
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
    result = BuildResult(
        reports, catalog, pages, diagnostics, timings=timer.seconds, peak_mb=timer.peak_mb
    )
    if write:
        write_site(config, options, result, logo_files, cache, timer)
        if not result.failed:
            result.report_path = write_report(result, config.output_dir)
            stored = StoredBuild(
                inputs, result.summary, reports, diagnostics.items, result.search_engine
            )
            cache.store_build(config.output_dir, stored)
    return result


def inputs_digest(config: SiteConfig, today: dt.date, file_keys: list[str]) -> str:
    """Everything a build reads: the generator, the configuration, the date, every content
    file, template, asset and logo. The same digest means the same site."""
    parts: list[str | bytes] = [code_version(), config.model_dump_json(), today.isoformat()]
    parts += file_keys
    folders = [BUILTIN_TEMPLATES, config.templates_dir, BUILTIN_STATIC, config.static_dir]
    for folder in [*folders, *([config.logos_dir] if config.logos_dir else [])]:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    parts += [str(path), path.read_bytes()]
    return digest_of(*parts)


def unchanged_build(site: Path, inputs: str, cache: BuildCache) -> BuildResult | None:
    """The last build's result, when its inputs were these and its site is still intact."""
    last = cache.last_build(site)
    if not isinstance(last, StoredBuild) or last.inputs != inputs or not site.is_dir():
        return None
    records = cache.outputs(site)
    if not records or len(intact_outputs(site, records)) != len(records):
        return None
    report = site.parent / f"{site.name}.build-report.json"
    return BuildResult(
        last.files,
        assemble_catalog([], today=dt.date.today()),
        [],
        Diagnostics(list(last.diagnostics)),
        report_path=report if report.is_file() else None,
        search_engine=last.search_engine,
        unchanged=True,
        stored_summary=last.summary,
    )


def report_structured_data_gaps(
    catalog: Catalog, reports: list[FileReport], diagnostics: Diagnostics
) -> None:
    """Warns of the properties Google for Jobs requires that a posting cannot provide."""
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


def write_site(
    config: SiteConfig,
    options: BuildOptions,
    result: BuildResult,
    logo_files: dict[str, Path],
    cache: BuildCache,
    timer: StageTimer,
) -> None:
    """Stages render → write → index into a staging folder that replaces the site at the end.

    Each output has a fingerprint of what made it. One that the last build of this site made
    with the same fingerprint, and that is still as that build left it, is hard-linked from
    the previous site instead of being made again; the rest are rendered or written. Outputs
    that left the plan are simply not carried over. When nothing changed at all, the site is
    left as it is.
    """
    site = config.output_dir
    with timer.stage("fingerprint"):
        previous = intact_outputs(site, cache.outputs(site)) if site.is_dir() else {}
        salt = digest_of(code_version(), config.model_dump_json())
        env = make_environment(config.templates_dir)
        try:
            template_digest = template_digests(env)
            page_prints = {
                spec.output_path: "page:"
                + digest_of(salt, template_digest(spec.template), spec.url, repr(spec.view))
                for spec in result.pages
            }
        except (jinja2.TemplateError, OSError) as err:
            report_template_error(result.diagnostics, err)
            return
    with timer.stage("data"):
        other_files = planned_files(config, result, logo_files)
    searchable = [
        (spec.url, spec.view.search)
        for spec in result.pages
        if isinstance(spec.view, PostingView) and spec.view.search
    ]
    engine = search_engine(config.search_engine, len(result.catalog.open_postings))
    # Pagefind reads the written pages themselves, the sharded index only the search data.
    # Digested item by item: one repr of a big board's search data is hundreds of MB.
    read_by_index = sorted(page_prints.items()) if engine == "pagefind" else []
    search_print = (
        "search:"
        + digest_of_all(
            itertools.chain((salt, engine), map(repr, searchable), map(repr, read_by_index))
        )
        if config.search
        else ""
    )
    wanted = page_prints | {path: fp for path, (fp, _) in other_files.items()}
    search_files = {p for p, r in previous.items() if r.fingerprint == search_print}
    unchanged = all(
        previous.get(p, None) and previous[p].fingerprint == fp for p, fp in wanted.items()
    )
    if config.search:
        unchanged = unchanged and bool(search_files)
    if unchanged and set(previous) == set(wanted) | search_files:
        result.search_engine = engine if config.search else ""
        return
    # Pagefind indexes the written pages, so it needs the whole site in one folder; otherwise
    # an incremental build stages only what changed and patches the site with it.
    patch = bool(previous) and not (config.search and engine == "pagefind" and not search_files)
    staging = StagingDir(site)

    def carry_over(path: str, fingerprint: str) -> bool:
        """Keeps `path` from the previous site when it was made from the same thing."""
        record = previous.get(path)
        if record is None or record.fingerprint != fingerprint:
            return False
        if not patch:
            staging.link(site, path)
        return True

    try:
        with timer.stage("link"):
            to_render = [
                spec
                for spec in result.pages
                if not carry_over(spec.output_path, page_prints[spec.output_path])
            ]
        with timer.stage("render", len(to_render)) as advance:
            build = digest_of_all(itertools.chain([salt], sorted(page_prints.values())))
            target = RenderTarget(staging.path, config.templates_dir, build)
            outcomes = in_parallel(render_to_files, to_render, target, options.jobs, advance)
        problem = next((o for o in outcomes if isinstance(o, RenderProblem)), None)
        if problem is not None:
            report_render_problem(result.diagnostics, problem)
            staging.discard()
            return
        result.rendered = tuple(spec.url for spec in to_render)
        digests = {
            spec.output_path: digest
            for spec, digest in zip(to_render, outcomes, strict=True)
            if isinstance(digest, str)
        }
        with timer.stage("write"):
            for path, (fingerprint, content) in other_files.items():
                if not carry_over(path, fingerprint):
                    staging.write_bytes(path, content)
                    digests[path] = fingerprint.removeprefix("file:")
        fingerprints = dict(wanted)
        if config.search:
            with timer.stage("index"):
                if search_files:
                    for path in sorted(search_files):
                        carry_over(path, search_print)
                else:
                    try:
                        index_site(staging.path, searchable, engine)
                    except SearchIndexError as err:
                        result.diagnostics.add(
                            config.output_dir,
                            f"search indexing failed: {err}",
                            action="build stopped; the previous site is left in place",
                            severity=Severity.ERROR,
                        )
                        staging.discard()
                        return
                    search_files = set(staging.files()) - set(wanted)
                fingerprints |= dict.fromkeys(search_files, search_print)
                # Not read back for a digest: the index is made anew whenever anything it
                # reads changed, so its files are only ever kept by their size and time.
                digests |= dict.fromkeys(search_files - set(previous), "")
            result.search_engine = engine
        result.written = tuple(
            sorted(
                p
                for p in fingerprints
                if p not in previous or previous[p].fingerprint != fingerprints[p]
            )
        )
        with timer.stage("commit"):
            if patch:
                # Forgotten first: a patch cut short leaves a site no record vouches for,
                # and the next build makes the whole site anew.
                cache.store_outputs(site, {})
                staging.patch_into(site, set(previous) - set(fingerprints))
            else:
                staging.commit()
    except BaseException:
        staging.discard()
        raise
    with timer.stage("commit"):
        cache.store_outputs(site, record_outputs(site, fingerprints, previous, digests))


def planned_files(
    config: SiteConfig, result: BuildResult, logo_files: dict[str, Path]
) -> dict[str, tuple[str, bytes]]:
    """Every output that is not a page: feeds, sitemap, assets, logos; path → (fingerprint,
    bytes). Their bytes are their fingerprint."""
    files: dict[str, bytes] = {
        data.output_path: data.content
        for data in plan_data_files(config, result.catalog, result.pages)
    }
    files[".nojekyll"] = b""
    if config.cname:
        files["CNAME"] = f"{config.cname}\n".encode()
    for folder in (BUILTIN_STATIC, config.static_dir):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files[f"static/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    for path in logo_files.values():
        files[f"logos/{path.name}"] = path.read_bytes()
    return {path: ("file:" + digest_of(content), content) for path, content in files.items()}


def report_template_error(diagnostics: Diagnostics, err: Exception) -> None:
    """A template that cannot even be loaded or parsed, located at its file and line."""
    diagnostics.add(
        getattr(err, "filename", None) or getattr(err, "name", None) or "templates",
        f"template error: {getattr(err, 'message', None) or err}",
        line=getattr(err, "lineno", None),
        action="build stopped; the previous site is left in place",
        severity=Severity.ERROR,
    )


def report_render_problem(diagnostics: Diagnostics, problem: RenderProblem) -> None:
    diagnostics.add(
        problem.filename or problem.template,
        f"template error while rendering {problem.url or 'the home page'}: {problem.message}",
        line=problem.line,
        action="build stopped; the previous site is left in place",
        severity=Severity.ERROR,
    )


__all__ = ["BuildOptions", "BuildResult", "Diagnostic", "build_site"]
