"""Side-by-side build benchmark: jobboard against Hugo + Pagefind on the same postings.

    python benchmarks/compare_bench.py [--sizes 1000,10000] [--rounds R] [--keep DIR]
                                       [--skip-hugo] [--edit sentence|title] [--markdown]

For each size, `postings.py` writes the postings once; jobboard builds them as they are, and
the same files, converted to Hugo content (the Markdown bodies unchanged), go through the
minimal Hugo job board in `benchmarks/hugo_layout/`, which Pagefind then indexes. Each round
runs, every case in its own process:

- jobboard clean: `jobboard build` after the output and `.jobboard-cache/` are deleted
  (with `--clean` too when `jobboard build --help` lists it);
- jobboard no-change: the same command again (without `--clean`);
- jobboard one-edit: one posting's first body sentence (or, with `--edit title`, its title)
  changed, then the same command again;
- Hugo: a clean build into an empty `public/`; Pagefind: indexes that output.

Rounds alternate which tool goes first. Every jobboard build runs with the work folder as its
working directory (where its cache lives). Figures:

- wall s; CPU s, user + sys of the process and of every child it waited for, or, when larger,
  the sampled sum of every process of its tree (worker processes started by a fork server
  are not waited for by the measured process);
- peak MB, the largest resident set of any one process of the tree (`ru_maxrss` from
  `os.wait4`); tree MB, the largest sum of the resident sets of the whole tree (workers
  included), sampled every 50 ms;
- pages, the `*.html` files in the output; written, those the run wrote (modified since it
  started; for Pagefind, the pages it indexed); pages/s = written / wall.

With several rounds a cell is the median (min–max). The two sites are alike, not identical
(jobboard also writes location, skill, remote and search pages): compare the time of the whole
job more than page counts. Hugo is Debian's `hugo`, installed with apt-get when missing and
running as root. A note follows a table when jobboard's own source changed during its runs
(that makes its build cache miss). The machine is measured as it is: other load on it shows in
the figures. Measures and prints, never asserts.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from postings import LEVELS, generate  # noqa: E402

TODAY = "2026-12-01"
HUGO_LAYOUT = Path(__file__).resolve().parent / "hugo_layout"
JOBBOARD_SOURCE = Path(__file__).resolve().parent.parent / "generator"
JOBBOARD_CASES = ("jobboard clean", "jobboard no-change", "jobboard one-edit")
HUGO_CASES = ("Hugo", "Pagefind")
SUM_CASE = "Hugo+Pagefind"
COLUMNS = ("case", "wall s", "CPU s", "peak MB", "tree MB", "pages", "written", "pages/s")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Cost:
    """What one measured process, and the children it waited for, cost."""

    wall: float  # seconds
    cpu: float  # user + sys seconds
    peak_mb: float  # the largest resident set of any one process of the tree (ru_maxrss)
    tree_mb: float  # the largest sum of the tree's resident sets, sampled
    returncode: int


@dataclass(frozen=True)
class Run:
    """One measured case: its cost and the pages it left."""

    cost: Cost
    pages: int  # *.html files in the output
    written: int  # pages this run wrote (Pagefind: pages it indexed)

    @property
    def pages_per_second(self) -> float:
        return self.written / self.cost.wall if self.cost.wall else 0.0


@dataclass(frozen=True)
class Tools:
    jobboard: Path
    clean_flags: tuple[str, ...]  # (`--clean`,) when `jobboard build` has it, else ()
    hugo: Path | None
    pagefind: Path | None


@dataclass
class Board:
    """The work folders of one size, and the posting the one-edit case changes."""

    work: Path  # the benchmark's work folder: jobboard's cwd, holds .jobboard-cache/
    folder: Path  # this size's folder inside it
    edited: Path  # the posting file the one-edit case changes
    original: str  # its text as generated

    @property
    def content(self) -> Path:
        return self.folder / "content"

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def hugo_site(self) -> Path:
        return self.folder / "hugo"

    @property
    def public(self) -> Path:
        return self.hugo_site / "public"


# ---------------------------------------------------------------- measuring one process


def measure(command: Sequence[str | Path], cwd: Path, log: Path) -> Cost:
    """Runs `command` with its output going to `log`, and returns what it cost."""
    with log.open("ab") as out:
        out.write(f"$ {' '.join(map(str, command))}\n".encode())
        out.flush()
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(part) for part in command], cwd=cwd, stdout=out, stderr=subprocess.STDOUT
        )
        with sampling_tree_memory(child.pid) as tree:
            _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        print_failure(Path(command[0]).name, child.returncode, log)
    # Worker processes started through a fork server are not waited for by the measured
    # process, so its rusage misses them: the sampled sum of every process's own CPU counts
    # them (erring low by up to one sampling interval a process).
    cpu = max(usage.ru_utime + usage.ru_stime, tree.cpu_seconds())
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    return Cost(wall, cpu, peak, max(tree.peak_mb, peak), child.returncode)


@dataclass
class TreeMemory:
    peak_mb: float = 0.0
    cpu_ticks: dict[int, int] = dataclasses.field(
        default_factory=dict
    )  # pid → its own user+sys ticks

    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / CLOCK_TICKS


@contextmanager
def sampling_tree_memory(pid: int, every: float = 0.05) -> Iterator[TreeMemory]:
    """Samples, in a thread, the summed resident sets of `pid` and its descendants (pages
    shared between them count once for each, so it errs high) and keeps the largest sum."""
    memory, stop = TreeMemory(), threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            memory.peak_mb = max(memory.peak_mb, tree_rss_mb(pid))
            for member, ticks in tree_cpu_ticks(pid).items():
                memory.cpu_ticks[member] = max(memory.cpu_ticks.get(member, 0), ticks)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield memory
    finally:
        stop.set()
        sampler.join()


def tree_rss_mb(pid: int) -> float:
    """The summed resident set of `pid` and every process below it, in MB; 0 once it is gone."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        with suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
    return total * PAGE_SIZE / 2**20


def tree_cpu_ticks(pid: int) -> dict[int, int]:
    """Each process of the tree below and including `pid`: its own user + sys clock ticks."""
    found, todo = {}, [pid]
    while todo:
        current = todo.pop()
        with suppress(OSError, ValueError, IndexError):
            # The command name (field 2) may hold spaces: split after its closing bracket.
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            found[current] = int(fields[11]) + int(fields[12])  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
    return found


def print_failure(tool: str, code: int, log: Path, lines: int = 15) -> None:
    """Says that `tool` failed, with the end of its output."""
    tail = log.read_text(errors="replace").splitlines()[-lines:]
    print(f"  {tool} exited with {code}; the end of {log}:", *tail, sep="\n    ", flush=True)


def html_files(folder: Path, since: float = 0.0) -> int:
    """`*.html` files under `folder`, only those modified at or after `since` if given."""
    if not folder.is_dir():
        return 0
    return sum(1 for page in folder.rglob("*.html") if page.stat().st_mtime >= since)


def measured_build(command: Sequence[str | Path], cwd: Path, out: Path, log: Path) -> Run:
    """A build that writes HTML into `out`: its cost, its pages and the pages it wrote."""
    since = time.time()
    cost = measure(command, cwd, log)
    return Run(cost, html_files(out), html_files(out, since))


def indexed_pages(log: Path) -> int:
    """The page count of Pagefind's last "Indexed N pages" line in `log`."""
    found = re.findall(r"Indexed ([\d,]+) pages?", log.read_text(errors="replace"))
    return int(found[-1].replace(",", "")) if found else 0


def changed_sources(since: float) -> list[Path]:
    """jobboard's own source files modified at or after `since`: an edit to them during a run
    makes the build cache miss (its keys include the generator's code), so rebuilds cost more."""
    if not JOBBOARD_SOURCE.is_dir():
        return []
    files = (path for path in JOBBOARD_SOURCE.rglob("*") if "__pycache__" not in path.parts)
    return [path for path in files if path.is_file() and path.stat().st_mtime >= since]


# ---------------------------------------------------------------- finding the tools


def venv_or_path(name: str) -> Path | None:
    """`name` next to this Python (its venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    return Path(found) if found else None


def clean_flags(jobboard: Path) -> tuple[str, ...]:
    """(`--clean`,) when `jobboard build --help` lists it, else ()."""
    done = subprocess.run([jobboard, "build", "--help"], capture_output=True, text=True)
    return ("--clean",) if re.search(r"(?<![\w-])--clean\b", done.stdout) else ()


def apt_install_hugo() -> None:
    """`apt-get install -y hugo`, after `apt-get update` if the first try fails."""
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("hugo is not on PATH: apt-get install -y hugo …", flush=True)
    if subprocess.run(["apt-get", "install", "-y", "hugo"], env=env, **quiet).returncode:
        subprocess.run(["apt-get", "update"], env=env, **quiet)
        subprocess.run(["apt-get", "install", "-y", "hugo"], env=env, **quiet)


def find_hugo() -> Path | None:
    """Hugo on PATH, installed with apt-get first if missing and running as root."""
    if not shutil.which("hugo") and os.geteuid() == 0 and shutil.which("apt-get"):
        apt_install_hugo()
    found = shutil.which("hugo")
    return Path(found) if found else None


def find_pagefind() -> Path | None:
    """The binary of the `pagefind[bin]` package, else a `pagefind` on PATH."""
    try:
        import pagefind_bin  # type: ignore[import-not-found]

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        return venv_or_path("pagefind")


def find_tools(skip_hugo: bool) -> Tools:
    jobboard = venv_or_path("jobboard")
    if jobboard is None:
        sys.exit("jobboard is not installed (no `jobboard` next to this Python or on PATH)")
    hugo = pagefind = None
    if not skip_hugo:
        hugo = find_hugo()
        pagefind = find_pagefind()
        if hugo is None:
            print("Hugo skipped: `hugo` is not on PATH and could not be installed")
        if pagefind is None:
            print("Pagefind skipped: no pagefind binary found")
    return Tools(jobboard, clean_flags(jobboard), hugo, pagefind)


def version_of(command: Sequence[str | Path]) -> str:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def describe(tools: Tools) -> str:
    parts = [version_of([tools.jobboard, "--version"])]
    if tools.hugo:
        parts.append(version_of([tools.hugo, "version"]).split(" BuildDate")[0])
    if tools.pagefind:
        parts.append(version_of([tools.pagefind, "--version"]))
    return f"{', '.join(parts)}; {os.cpu_count()} cores; Python {sys.version.split()[0]}"


# ---------------------------------------------------------------- the Hugo site


def split_posting(text: str) -> tuple[dict[str, object], str]:
    """(front matter, Markdown body) of one of our posting files."""
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def role_of(title: str) -> str:
    """The title without its level word ("Senior Data Engineer" → "Data Engineer")."""
    for level in filter(None, LEVELS):
        if title.startswith(level):
            return title.removeprefix(level)
    return title


def hugo_content(text: str) -> str:
    """One posting as Hugo content: Hugo's own keys, ours as page params, the body as it is."""
    meta, body = split_posting(text)
    title = str(meta.pop("title"))
    front = {
        "title": title,
        "date": str(meta.pop("date_posted")),
        "employers": [meta["employer"]],
        "roles": [role_of(title)],
        **meta,  # Hugo 0.111 reads page params from top-level keys
    }
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n{body}"


def write_hugo_site(board: Board) -> None:
    """The Hugo site of `board`: our layout and config, one content file per posting."""
    if board.hugo_site.exists():
        shutil.rmtree(board.hugo_site)
    shutil.copytree(HUGO_LAYOUT, board.hugo_site)
    jobs = board.hugo_site / "content" / "jobs"
    jobs.mkdir(parents=True)
    for posting in sorted(board.content.glob("*.md")):
        text = posting.read_text(encoding="utf-8")
        (jobs / posting.name).write_text(hugo_content(text), encoding="utf-8")


# ---------------------------------------------------------------- the cases


def prepare_board(work: Path, count: int) -> Board:
    """Writes `count` postings into `work/size-COUNT/content/`."""
    folder = work / f"size-{count}"
    if folder.exists():
        shutil.rmtree(folder)
    made = generate(count, folder / "content")
    edited = folder / "content" / made[count // 2].name
    return Board(work, folder, edited, made[count // 2].text)


def edited_text(text: str, what: str) -> str:
    """`text` with its title (`what` = "title") or its first body sentence changed."""
    if what == "title":
        return re.sub(r'^title: "(.*)"$', r'title: "\1 (edited)"', text, count=1, flags=re.M)
    front_end = text.index("\n---\n", 4) + 5
    body = text[front_end:]
    paragraph = next(line for line in body.splitlines() if line and line[0] not in "#-|")
    sentence = paragraph[: paragraph.index(".") + 1]
    new = "This one sentence was changed to measure a rebuild after a single edit."
    return text[:front_end] + body.replace(sentence, new, 1)


def jobboard_command(tools: Tools, board: Board, clean: bool = False) -> list[str | Path]:
    """`jobboard build` of `board`; `clean` adds the CLI's own flag for a clean build, if any."""
    return [
        tools.jobboard,
        "build",
        "--content",
        board.content,
        "--out",
        board.site,
        "--config",
        board.work / "empty.toml",
        "--today",
        TODAY,
        *(tools.clean_flags if clean else ()),
    ]


def run_jobboard(tools: Tools, board: Board, edit: str) -> dict[str, Run]:
    """The three jobboard cases, from the posting files as generated."""
    board.edited.write_text(board.original, encoding="utf-8")
    for stale in (board.site, board.work / ".jobboard-cache"):
        if stale.exists():
            shutil.rmtree(stale)
    command, log = jobboard_command(tools, board), board.folder / "jobboard.log"
    clean = jobboard_command(tools, board, clean=True)
    runs = {"jobboard clean": measured_build(clean, board.work, board.site, log)}
    runs["jobboard no-change"] = measured_build(command, board.work, board.site, log)
    board.edited.write_text(edited_text(board.original, edit), encoding="utf-8")
    runs["jobboard one-edit"] = measured_build(command, board.work, board.site, log)
    return runs


def run_hugo(hugo: Path, pagefind: Path | None, board: Board) -> dict[str, Run]:
    """Hugo's clean build into an empty public/, then Pagefind (if found) over it."""
    for stale in (board.public, board.hugo_site / "resources"):
        if stale.exists():
            shutil.rmtree(stale)
    site, log = board.hugo_site, board.folder / "hugo.log"
    command = [hugo, "--quiet", "--source", site, "--destination", board.public]
    runs = {"Hugo": measured_build(command, site, board.public, log)}
    if pagefind is not None:
        log = board.folder / "pagefind.log"
        log.unlink(missing_ok=True)
        cost = measure([pagefind, "--site", board.public], site, log)
        runs["Pagefind"] = Run(cost, html_files(board.public), indexed_pages(log))
        runs[SUM_CASE] = summed(runs["Hugo"], runs["Pagefind"])
    return runs


def summed(hugo: Run, pagefind: Run) -> Run:
    """Hugo then Pagefind as one job: times add up, the peaks are the larger ones."""
    one, two = hugo.cost, pagefind.cost
    cost = Cost(
        one.wall + two.wall,
        one.cpu + two.cpu,
        max(one.peak_mb, two.peak_mb),
        max(one.tree_mb, two.tree_mb),
        one.returncode or two.returncode,
    )
    return Run(cost, hugo.pages, hugo.written)


def run_rounds(tools: Tools, board: Board, rounds: int, edit: str) -> dict[str, list[Run]]:
    """Every case `rounds` times; the tool that goes first alternates from round to round."""
    steps: list[Callable[[], dict[str, Run]]] = [lambda: run_jobboard(tools, board, edit)]
    if (hugo := tools.hugo) is not None:
        steps.append(lambda: run_hugo(hugo, tools.pagefind, board))
    results: dict[str, list[Run]] = {}
    for number in range(rounds):
        print(f"  round {number + 1}/{rounds}", flush=True)
        for step in steps if number % 2 == 0 else steps[::-1]:
            for case, run in step().items():
                results.setdefault(case, []).append(run)
    return results


# ---------------------------------------------------------------- the tables


def spread(values: Sequence[float], digits: int) -> str:
    """The median (min–max) of `values`; the value alone when they are all the same."""
    middle = f"{statistics.median(values):,.{digits}f}"
    if min(values) == max(values):
        return middle
    return f"{middle} ({min(values):,.{digits}f}–{max(values):,.{digits}f})"


def table_row(case: str, runs: Sequence[Run]) -> list[str]:
    failed = [run.cost.returncode for run in runs if run.cost.returncode]
    if failed:
        return [case, f"failed (exit {failed[0]})", *[""] * (len(COLUMNS) - 2)]
    return [
        case,
        spread([run.cost.wall for run in runs], 2),
        spread([run.cost.cpu for run in runs], 2),
        spread([run.cost.peak_mb for run in runs], 0),
        spread([run.cost.tree_mb for run in runs], 0),
        spread([run.pages for run in runs], 0),
        spread([run.written for run in runs], 0),
        spread([run.pages_per_second for run in runs], 1),
    ]


def table_rows(results: dict[str, list[Run]]) -> list[list[str]]:
    cases = (*JOBBOARD_CASES, *HUGO_CASES, SUM_CASE)
    return [table_row(case, results[case]) for case in cases if case in results]


def plain_table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    return "\n".join([line(COLUMNS), line(["-" * width for width in widths]), *map(line, rows)])


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    head = "| " + " | ".join(COLUMNS) + " |"
    rule = "|---" + "|---:" * (len(COLUMNS) - 1) + "|"
    return "\n".join([head, rule, *("| " + " | ".join(row) + " |" for row in rows)])


def median_of(runs: Sequence[Run], field: str) -> float:
    return statistics.median(getattr(run.cost, field) for run in runs)


def succeeded(results: dict[str, list[Run]], case: str) -> bool:
    return case in results and not any(run.cost.returncode for run in results[case])


def ratio_lines(results: dict[str, list[Run]]) -> list[str]:
    """jobboard clean against Hugo+Pagefind, wall and CPU."""
    if not (succeeded(results, "jobboard clean") and succeeded(results, SUM_CASE)):
        return []
    ours, theirs = results["jobboard clean"], results[SUM_CASE]
    wall = median_of(ours, "wall") / median_of(theirs, "wall")
    cpu = median_of(ours, "cpu") / median_of(theirs, "cpu")
    return [f"jobboard clean / (Hugo+Pagefind): wall {wall:.2f}×, CPU {cpu:.2f}×"]


def growth_lines(by_size: dict[int, dict[str, list[Run]]]) -> list[str]:
    """How the cost of a clean build grows per 10× postings between consecutive sizes."""
    lines = []
    sizes = sorted(by_size)
    for case in ("jobboard clean", SUM_CASE):
        for small, large in zip(sizes, sizes[1:], strict=False):
            if succeeded(by_size[small], case) and succeeded(by_size[large], case):
                lines.append(growth_line(case, small, large, by_size))
    return lines


def growth_line(case: str, small: int, large: int, by_size: dict[int, dict[str, list[Run]]]) -> str:
    decades = math.log10(large / small)
    parts = []
    for field, name in (("wall", "wall"), ("cpu", "CPU")):
        before = median_of(by_size[small][case], field)
        after = median_of(by_size[large][case], field)
        per_ten = (after / before) ** (1 / decades) if before and decades else float("nan")
        each = f"{1000 * before / small:.2f} → {1000 * after / large:.2f} ms a posting"
        parts.append(f"{name} ×{per_ten:.1f} ({each})")
    return f"{case}, {small:,} → {large:,} postings, per 10× postings: " + "; ".join(parts)


def report_size(
    count: int, results: dict[str, list[Run]], markdown: bool, changed: Sequence[Path]
) -> None:
    rows = table_rows(results)
    print(f"\n{count:,} postings")
    print(plain_table(rows))
    for line in ratio_lines(results):
        print(line)
    if changed:
        names = ", ".join(sorted({path.name for path in changed}))
        print(f"Note: jobboard's source changed during these runs ({names}); the rebuilds may")
        print("have missed the build cache because of it.")
    if markdown:
        print(f"\nMarkdown, {count:,} postings:\n")
        print(markdown_table(rows))


def report_growth(by_size: dict[int, dict[str, list[Run]]]) -> None:
    lines = growth_lines(by_size)
    if lines:
        print("\nGrowth of a clean build (×10.0 per 10× postings is linear):")
        for line in lines:
            print(f"  {line}")


# ---------------------------------------------------------------- the command


@contextmanager
def work_folder(keep: Path | None) -> Iterator[Path]:
    """`keep` (created), or a temporary folder removed afterwards."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="compare-bench-") as folder:
        yield Path(folder)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="posting counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of every case")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--skip-hugo", action="store_true", help="measure jobboard alone")
    parser.add_argument("--edit", choices=("sentence", "title"), default="sentence")
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    return parser.parse_args()


def main() -> None:
    args = parse_arguments()
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    tools = find_tools(args.skip_hugo)
    print(describe(tools))
    by_size: dict[int, dict[str, list[Run]]] = {}
    with work_folder(args.keep) as work:
        (work / "empty.toml").write_text("", encoding="utf-8")
        for count in sizes:
            print(f"\n{count:,} postings: generating in {work}", flush=True)
            board = prepare_board(work, count)
            if tools.hugo is not None:
                write_hugo_site(board)
            started = time.time()
            by_size[count] = run_rounds(tools, board, max(1, args.rounds), args.edit)
            changed = changed_sources(started)
            report_size(count, by_size[count], args.markdown, changed)
        report_growth(by_size)
        if args.keep is not None:
            print(f"\nWork folder kept: {work} (logs: size-*/jobboard.log, hugo.log, pagefind.log)")


if __name__ == "__main__":
    main()
