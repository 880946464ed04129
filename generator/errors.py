"""Located diagnostics: every problem names its file, line where known, and what was done."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.IntEnum):
    """How bad a diagnostic is; ordered so that max() gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2


@functools.total_ordering
@dataclass(frozen=True)
class SourceLocation:
    """A place in an input file; line is 1-based and None when unknown."""

    path: str
    line: int | None = None

    def __lt__(self, other: object) -> bool:
        # Not dataclass ordering: one file's messages mix known and unknown lines, and
        # comparing None with an int raised. A message without a line sorts first.
        if not isinstance(other, SourceLocation):
            return NotImplemented
        return (self.path, self.line or 0) < (other.path, other.line or 0)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where, what is wrong, and what the build did about it."""

    location: SourceLocation
    message: str
    action: str = ""
    severity: Severity = Severity.WARNING

    def format(self) -> str:
        label = self.severity.name.lower()
        text = f"{self.location}: {label}: {self.message}"
        return f"{text} ({self.action})" if self.action else text


class ReaderError(Exception):
    """A file could not be read as the format its content looked like."""

    def __init__(self, message: str, line: int | None = None, action: str = "file skipped"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.action = action


class ConfigError(Exception):
    """The configuration is invalid; carries every problem found, already located."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass
class Diagnostics:
    """Collects diagnostics from every stage; sorted by location when reported."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        action: str = "",
        severity: Severity = Severity.WARNING,
    ) -> None:
        self.items.append(Diagnostic(SourceLocation(str(path), line), message, action, severity))

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity >= Severity.WARNING]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity >= Severity.ERROR]
