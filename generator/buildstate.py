"""The persistent build cache: what earlier builds did, so that the next one does only the rest.

It lives outside the output folder (`.jobboard-cache/` beside `jobboard.toml` by default, never
deployed and ignored by git), in one SQLite file with two tables:

- `files`: every content file read and normalised, keyed by a digest of its bytes, its shown
  path, the date relative dates count from, the role vocabulary and the generator's own code.
  A file whose key is known is neither parsed nor normalised again.
- `outputs`: for each output folder, every file of its last good build, with the fingerprint of
  what made it (a page's view and templates, a data file's bytes) and the size and modification
  time it was left with. A page whose fingerprint is unchanged, and whose file is still as the
  last build left it, is linked from the previous site instead of being rendered again.

A cache that cannot be opened or read is treated as empty: it only ever saves work, so the
build is the same with or without it (tests compare incremental and clean builds byte for byte).
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.errors import Diagnostic
from generator.models import Posting

PACKAGE = Path(__file__).resolve().parent
SCHEMA = 2


@functools.cache
def code_version() -> str:
    """A digest of the generator's code and data files: entries made by other code never match.

    The version number alone would not do: a development checkout changes without it.
    """
    digest = hashlib.blake2b(f"{__version__}|{SCHEMA}".encode(), digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def digest_of(*parts: bytes | str) -> str:
    """A short, stable digest of several parts (each length-prefixed, so they cannot blur)."""
    return digest_of_all(parts)


def digest_of_all(parts: Iterable[bytes | str]) -> str:
    """`digest_of` over parts made one at a time (a board's worth of them at once is large)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class FileOutcome:
    """One content file read and normalised: its format, its postings and every message."""

    format: str | None
    postings: tuple[Posting, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class OutputRecord:
    """One file of a built site: what made it, and how the build left it on disk."""

    fingerprint: str
    size: int
    mtime_ns: int
    digest: str  # of the bytes: a site restored with other times (a CI cache) is still known


class BuildCache:
    """Read-and-normalise results and output fingerprints, kept between builds.

    `folder=None` keeps everything in memory only (one process, e.g. a test). `serve` keeps
    one open across rebuilds, so unchanged files are not even unpickled again.
    """

    def __init__(self, folder: Path | None, *, clean: bool = False) -> None:
        self.folder = folder
        self.clean = clean  # ignore what is stored (still store this build's results)
        self.memo: dict[str, FileOutcome] = {}
        self.memory_outputs: dict[str, dict[str, OutputRecord]] = {}
        self.memory_builds: dict[str, object] = {}
        self.hits = 0
        self.db: sqlite3.Connection | None = None
        if folder is not None:
            self.db = self._open(folder)

    @staticmethod
    def _open(folder: Path) -> sqlite3.Connection | None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
            # `serve` builds on its watcher thread, never two at once: one connection serves.
            db = sqlite3.connect(folder / "cache.sqlite", timeout=30, check_same_thread=False)
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                # Another layout: start afresh rather than misread it.
                for table in ("files", "builds", "outputs"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute(f"PRAGMA user_version = {SCHEMA}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, value BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS builds (site TEXT PRIMARY KEY, value BLOB)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS outputs (site TEXT, path TEXT, fingerprint TEXT, "
                "size INTEGER, mtime_ns INTEGER, digest TEXT, PRIMARY KEY (site, path))"
            )
            return db
        except (OSError, sqlite3.Error):
            # A read-only or corrupt cache costs speed, never correctness.
            return None

    def outcome(self, key: str) -> FileOutcome | None:
        """The stored result for a file key, if any."""
        if self.clean:
            return None
        found = self.memo.get(key)
        if found is None and self.db is not None:
            row = self.db.execute("SELECT value FROM files WHERE key = ?", (key,)).fetchone()
            if row is not None:
                try:
                    loaded = pickle.loads(row[0])
                except (pickle.UnpicklingError, AttributeError, EOFError, TypeError):
                    loaded = None
                if isinstance(loaded, FileOutcome):
                    found = self.memo[key] = loaded
        if found is not None:
            self.hits += 1
        return found

    def store_outcomes(self, outcomes: Mapping[str, FileOutcome]) -> None:
        self.memo.update(outcomes)
        if self.db is not None and outcomes:
            # Pickled one at a time as SQLite takes them, never all at once.
            rows = ((k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in outcomes.items())
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?)", rows)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forgets files no longer in the content (the memo only: the database keeps other
        boards' and other branches' entries, which cost nothing but disk)."""
        wanted = set(keys)
        self.memo = {k: v for k, v in self.memo.items() if k in wanted}

    def outputs(self, site: Path) -> dict[str, OutputRecord]:
        """The last good build of `site`: output path → record."""
        if self.clean:
            return {}
        if self.db is None:
            return dict(self.memory_outputs.get(str(site), {}))
        rows = self.db.execute(
            "SELECT path, fingerprint, size, mtime_ns, digest FROM outputs WHERE site = ?",
            (str(site),),
        )
        return {path: OutputRecord(*values) for path, *values in rows}

    def store_outputs(self, site: Path, records: Mapping[str, OutputRecord]) -> None:
        self.memory_outputs[str(site)] = dict(records)
        if self.db is not None:
            with self.db:
                self.db.execute("DELETE FROM outputs WHERE site = ?", (str(site),))
                self.db.executemany(
                    "INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (str(site), path, r.fingerprint, r.size, r.mtime_ns, r.digest)
                        for path, r in records.items()
                    ],
                )

    def last_build(self, site: Path) -> object | None:
        """What the last good build of `site` stored with `store_build` (unpickled)."""
        if self.clean:
            return None
        if self.db is None:
            return self.memory_builds.get(str(site))
        row = self.db.execute("SELECT value FROM builds WHERE site = ?", (str(site),)).fetchone()
        try:
            return pickle.loads(row[0]) if row is not None else None
        except (pickle.UnpicklingError, AttributeError, EOFError, TypeError):
            return None

    def store_build(self, site: Path, value: object) -> None:
        self.memory_builds[str(site)] = value
        if self.db is not None:
            with self.db:
                self.db.execute(
                    "INSERT OR REPLACE INTO builds VALUES (?, ?)",
                    (str(site), pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
                )

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
