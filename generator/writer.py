"""Atomic output: everything is written to a temporary folder that replaces `site/` at the end.

A failed build leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from generator.buildstate import OutputRecord, digest_of

BUILTIN_STATIC = Path(__file__).resolve().parent.parent / "static"


class StagingDir:
    """A temporary folder beside the output; `commit()` swaps it in, otherwise it is removed."""

    def __init__(self, output: Path):
        self.output = output
        output.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))

    def write_text(self, relative: str, text: str) -> None:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def link(self, previous: Path, relative: str) -> None:
        """Takes an unchanged file from the previous site: a hard link costs no copy, and the
        previous site is never written through it (changed files are new files here)."""
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous / relative, target)
        except OSError:  # a file system without hard links
            shutil.copy2(previous / relative, target)

    def files(self) -> list[str]:
        """Every file staged so far, as a relative POSIX path."""
        return [p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()]

    def copy_static(self, folders: list[Path]) -> None:
        """Copies asset folders in order, later ones overriding files of the same name."""
        for folder in folders:
            if folder.is_dir():
                shutil.copytree(folder, self.path / "static", dirs_exist_ok=True)

    def commit(self) -> None:
        """Replaces the output folder with the staged one in two renames."""
        os.chmod(self.path, 0o755)
        old: Path | None = None
        if self.output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.old-", dir=self.output.parent))
            old.rmdir()
            self.output.rename(old)
        self.path.rename(self.output)
        if old is not None:
            shutil.rmtree(old)

    def patch_into(self, site: Path, removed: set[str]) -> None:
        """Moves every staged file into `site` and deletes `removed` from it: an incremental
        build touches only what changed, instead of linking and then deleting every file of
        a site that is mostly the same (that alone cost seconds at 10,000 postings)."""
        for relative in self.files():
            target = site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.path / relative, target)
        folders: set[Path] = set()
        for relative in sorted(removed):
            (site / relative).unlink(missing_ok=True)
            folders.update((site / relative).parents)
        # Deepest first, so that a folder emptied by its children's removal goes too.
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            if folder.is_relative_to(site) and folder != site and not any(folder.iterdir()):
                folder.rmdir()
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def intact_outputs(site: Path, records: Mapping[str, OutputRecord]) -> dict[str, OutputRecord]:
    """The recorded files of the last build that are still as it left them: the same size and
    modification time, or else the same bytes (a site restored from a CI cache has new
    times). Only those may be taken over without rendering them again."""
    intact = {}
    root = str(site)
    for relative, record in records.items():
        path = f"{root}/{relative}"  # a string, not a Path: this runs once per output file
        try:
            stat = os.stat(path)
            if stat.st_size != record.size:
                continue
            if stat.st_mtime_ns != record.mtime_ns:
                if not record.digest or digest_of(Path(path).read_bytes()) != record.digest:
                    continue
                record = replace(record, mtime_ns=stat.st_mtime_ns)
        except OSError:
            continue
        intact[relative] = record
    return intact


def record_outputs(
    site: Path,
    fingerprints: Mapping[str, str],
    previous: Mapping[str, OutputRecord],
    digests: Mapping[str, str],
) -> dict[str, OutputRecord]:
    """What the cache keeps of a committed site: each file's fingerprint, size, mtime and
    digest (files carried over keep the digest they had, written ones the digest made as they
    were written; others are read back once)."""
    records = {}
    for relative, fingerprint in fingerprints.items():
        path = site / relative
        stat = path.stat()
        old = previous.get(relative)
        if old is not None and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            digest = old.digest
        elif relative in digests:
            digest = digests[relative]
        else:
            digest = digest_of(path.read_bytes())
        records[relative] = OutputRecord(fingerprint, stat.st_size, stat.st_mtime_ns, digest)
    return records
