"""Readers: one module per input format, chosen by sniffing the content, never the extension.

`READERS` is the explicit registry; order matters because the first reader whose sniffer
accepts a file reads it, so specific formats come before permissive ones.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.errors import Diagnostic, ReaderError, Severity, SourceLocation
from generator.readers.ats_json import GreenhouseReader, LeverReader
from generator.readers.base import InputFile, Reader, ReadResult, decode
from generator.readers.feed_xml import FeedXmlReader
from generator.readers.generic import GenericListReader
from generator.readers.jsonld import JsonLdReader
from generator.readers.markdown_posting import MarkdownReader
from generator.readers.rss import RssReader
from generator.readers.scraped_page import ScrapedPageReader
from generator.readers.summary_card import SummaryCardReader

READERS: tuple[Reader, ...] = (
    MarkdownReader(),
    JsonLdReader(),
    GreenhouseReader(),
    LeverReader(),
    FeedXmlReader(),
    RssReader(),
    SummaryCardReader(),
    ScrapedPageReader(),
    GenericListReader(),  # last: it claims any list of job-like records
)

DEFAULT_MAX_BYTES = 5_000_000


def sniff(source: InputFile) -> Reader | None:
    """The first reader that recognises the file's content."""
    for reader in READERS:
        if reader.sniff(source):
            return reader
    return None


def describe_unknown(source: InputFile) -> str:
    """A short account of what an unrecognised file holds, for the message."""
    head = source.head
    if not head.strip():
        return "the file is empty"
    first = head.splitlines()[0][:60]
    if head.startswith("<"):
        root = re.search(
            r"<([A-Za-z_][\w:.-]*)[\s>/]", re.sub(r"<\?.*?\?>|<!--.*?-->", "", head, flags=re.S)
        )
        name = f"<{root.group(1)}>" if root else "an unknown root"
        return f"XML with root {name} and no job-like records"
    if head.startswith(("{", "[")):
        try:
            data = json.loads(source.text)
        except json.JSONDecodeError as err:
            return f"invalid JSON ({err.msg}, line {err.lineno})"
        if isinstance(data, dict):
            keys = ", ".join(sorted(map(str, data))[:8])
            return f"a JSON object with keys {keys} and no job-like records"
        return f"a JSON list of {len(data)} items with no job-like records"
    return f"text in no known posting shape (first line {first!r})"


def read_file(
    path: Path, display_path: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str | None, ReadResult]:
    """Reads one content file: (format name or None, postings and diagnostics).

    Never raises for bad content: every problem becomes a located diagnostic.
    """
    size = path.stat().st_size
    if size > max_bytes:
        result = ReadResult()
        result.diagnostics.append(
            Diagnostic(
                SourceLocation(display_path),
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                "file skipped",
                Severity.WARNING,
            )
        )
        return None, result
    return read_data(path.read_bytes(), display_path)


def read_data(data: bytes, display_path: str) -> tuple[str | None, ReadResult]:
    """Reads one file's bytes with the reader its content calls for (see `read_file`)."""
    result = ReadResult()
    source = InputFile(display_path, data, decode(data))
    reader = sniff(source)
    if reader is None:
        result.diagnostics.append(
            Diagnostic(
                SourceLocation(display_path),
                f"not a recognised posting format: {describe_unknown(source)}",
                "file skipped",
                Severity.WARNING,
            )
        )
        return None, result
    try:
        return reader.name, reader.read(source)
    except ReaderError as err:
        result.diagnostics.append(
            Diagnostic(
                SourceLocation(display_path, err.line),
                f"{reader.name}: {err.message}",
                err.action,
                Severity.WARNING,
            )
        )
        return reader.name, result
