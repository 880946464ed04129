"""Atomic output: everything is written to a temporary folder that replaces `site/` at the end.

A failed build leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

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

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
