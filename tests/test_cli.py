"""The command line as a user runs it: summaries, exit codes, atomic and deterministic output."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, write_files

GOOD_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<source><jobs>
<job><Title>Data Engineer</Title><Employername>Harbor Labs</Employername>
<Location>Lisbon, Portugal</Location><Salaryrange>€60,000-€75,000 EUR</Salaryrange>
<Postedate>2026-11-02</Postedate><Description><![CDATA[<p>Pipelines.</p>]]></Description></job>
</jobs></source>
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_prints_summary_and_succeeds(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED})
    out = tmp_path / "site"
    done = run("build", "--content", str(content), "--out", str(out), "--today", "2026-11-24")
    assert done.returncode == 0, done.stderr
    assert "Read 1 file: 1 posting" in done.stdout
    assert "Wrote" in done.stdout and str(out) in done.stdout
    assert "; search: Pagefind over 1 posting" in done.stdout
    assert (out / "jobs/harbor-labs-data-engineer/index.html").is_file()
    report = tmp_path / "site.build-report.json"
    assert report.is_file() and not (out / "site.build-report.json").exists()


def test_summary_counts_the_closed_postings(tmp_path: Path) -> None:
    closed = (
        "---\ntitle: Harbour Pilot\nemployer: Harbor Labs\nlocation: Lisbon, Portugal\n"
        "date_posted: 2026-09-01\nvalid_through: 2026-10-01\n---\nGuide ships in.\n"
    )
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED, "pilot.md": closed})
    done = run("build", "--content", str(content), "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert "Read 2 files: 2 postings (1 closed, kept out of lists and search)" in done.stdout


def test_warning_is_located_and_strict_fails(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "feed.xml": GOOD_FEED,
            "junk.xml": "<?xml version='1.0'?>\n<source>\n<jobs><job>\n</source>",
        },
    )
    out = tmp_path / "site"
    relaxed = run("build", "--content", str(content), "--out", str(out), "--today", "2026-11-24")
    assert relaxed.returncode == 0
    assert "junk.xml:4: warning: job-feed-xml: malformed XML" in relaxed.stderr
    assert "(file skipped)" in relaxed.stderr
    strict = run("build", "--content", str(content), "--out", str(out), "--strict")
    assert strict.returncode == 1
    assert "--strict" in strict.stderr


def test_bad_option_and_missing_content_are_usage_errors(tmp_path: Path) -> None:
    assert run("build", "--today", "yesterday").returncode == 2
    missing = run("build", "--content", str(tmp_path / "nope"), "--out", str(tmp_path / "s"))
    assert missing.returncode == 2 and "content folder not found" in missing.stderr


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED})
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--out", str(out)).returncode == 0
    before = tree_digest(out)
    broken = write_files(tmp_path / "theme", {"posting.html": "{{ view.no_such_field }}"})
    failed = run("build", "--content", str(content), "--out", str(out), "--templates", str(broken))
    assert failed.returncode == 1
    assert "template error" in failed.stderr and "previous site is left in place" in failed.stderr
    assert tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_builds_are_byte_identical(seeds_dir: Path, tmp_path: Path) -> None:
    """Two builds of the same input are the same bytes, search index included (the index
    holds no filters of Pagefind's, whose file names followed hash-map order)."""
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED})
    for name in sorted(p.name for p in seeds_dir.iterdir()):
        (content / name).write_bytes((seeds_dir / name).read_bytes())
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        done = run("build", "--content", str(content), "--out", str(out), "--today", "2026-04-27")
        assert done.returncode == 0, done.stderr
    assert tree_digest(first) == tree_digest(second)
    assert (first / "pagefind/pagefind.js").is_file()
    assert any((first / "search").glob("postings-*.gz"))


def test_builds_with_the_sharded_index_are_byte_identical(seeds_dir: Path, tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED})
    for name in sorted(p.name for p in seeds_dir.iterdir()):
        (content / name).write_bytes((seeds_dir / name).read_bytes())
    config = tmp_path / "jobboard.toml"
    config.write_text('search_engine = "shards"\n')
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        # Each run its own process, so its own string-hash seed: no set or dict order leaks.
        done = run("build", "--config", str(config), "--content", str(content), "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert re.search(r"; search: the sharded index over \d+ postings", done.stdout)
    assert tree_digest(first) == tree_digest(second)
    assert not (first / "pagefind").exists()
    summary = json.loads((first / "search/facets.json").read_text())
    assert summary["engine"] == "shards" and (first / "search" / summary["index"]).is_dir()
    assert 'data-engine="shards"' in (first / "search/index.html").read_text()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_serve_builds_serves_and_rebuilds_on_change(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"feed.xml": GOOD_FEED})
    out = tmp_path / "site"
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--content",
            str(content),
            "--out",
            str(out),
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = ""
        for _ in range(100):
            try:
                page = _fetch(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.1)
        assert "Data Engineer" in page
        assert "livereload" in page  # the reload script is injected into served pages
        (content / "feed.xml").write_text(GOOD_FEED.replace("Data Engineer", "Analytics Engineer"))
        for _ in range(100):
            page = _fetch(f"http://127.0.0.1:{port}/")
            if "Analytics Engineer" in page:
                break
            time.sleep(0.2)
        assert "Analytics Engineer" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_unchanged_files_are_not_parsed_again(tmp_path: Path) -> None:
    from generator.build import BuildOptions, build_site
    from generator.buildstate import BuildCache
    from generator.config import load_config

    content = write_files(
        tmp_path / "content",
        {"a.xml": GOOD_FEED, "b.xml": GOOD_FEED.replace("Data Engineer", "Platform Engineer")},
    )
    config = load_config(None, {"content_dir": content, "output_dir": tmp_path / "site"})
    cache = BuildCache(None)
    first = build_site(config, BuildOptions(), write=False, cache=cache)
    (content / "b.xml").write_text(GOOD_FEED.replace("Data Engineer", "Storage Engineer"))
    second = build_site(config, BuildOptions(), write=False, cache=cache)
    assert cache.hits == 1  # a.xml came from the cache; the edited b.xml was read again
    assert {p.title for p in first.catalog.postings} == {"Data Engineer", "Platform Engineer"}
    assert {p.title for p in second.catalog.postings} == {"Data Engineer", "Storage Engineer"}
