"""Readers: one module per input format, chosen by sniffing the content, never the extension.

`READERS` is the explicit registry; order matters because the first reader whose sniffer
accepts a file reads it, so specific formats come before permissive ones.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.errors import Diagnostic, ReaderError, Severity, SourceLocation
from generator.readers.ashby import AshbyReader
from generator.readers.base import InputFile, Reader, ReadResult, decode
from generator.readers.feed_xml import FeedXmlReader
from generator.readers.generic import GenericListReader
from generator.readers.greenhouse import GreenhouseReader
from generator.readers.jsonld import JsonLdReader
from generator.readers.lever import LeverReader
from generator.readers.markdown_posting import MarkdownReader
from generator.readers.personio import PersonioReader
from generator.readers.recruitee import RecruiteeReader
from generator.readers.rss import RssReader
from generator.readers.scraped_boards import (
    DicePageReader,
    MonsterPageReader,
    WelcomeToTheJunglePageReader,
)
from generator.readers.scraped_careers import CareersPageReader
from generator.readers.scraped_glassdoor import GlassdoorPageReader
from generator.readers.scraped_page import ScrapedPageReader
from generator.readers.scraped_sites import AtsPageReader, IndeedPageReader, LinkedInPageReader
from generator.readers.scraped_wellfound import WellfoundPageReader
from generator.readers.scraped_workday import WorkdayPageReader
from generator.readers.smartrecruiters import SmartRecruitersReader
from generator.readers.summary_card import SummaryCardReader
from generator.readers.teamtailor import TeamtailorReader
from generator.readers.workable import WorkableReader

READERS: tuple[Reader, ...] = (
    MarkdownReader(),
    JsonLdReader(),
    GreenhouseReader(),
    LeverReader(),
    # ATS exports are told apart by their job objects' keys, so their order among
    # themselves does not matter; they must come before the feed and generic readers.
    AshbyReader(),
    SmartRecruitersReader(),
    WorkableReader(),
    RecruiteeReader(),
    PersonioReader(),
    TeamtailorReader(),
    FeedXmlReader(),
    RssReader(),
    SummaryCardReader(),
    # Monster, Dice and Welcome to the Jungle (Otta) pages are recognised by the site's name
    # at the top together with a section of their own layout.
    MonsterPageReader(),
    DicePageReader(),
    WelcomeToTheJunglePageReader(),
    # Before the Built In reader: these pages are recognised by furniture of their own,
    # while its sniffer accepts any text with a few job-page facts near the top.
    LinkedInPageReader(),
    IndeedPageReader(),
    AtsPageReader(),
    GlassdoorPageReader(),
    WellfoundPageReader(),
    WorkdayPageReader(),
    ScrapedPageReader(),
    # After every site-specific reader: it recognises a job page by its facts alone, and reads
    # it only when the page states both title and employer (else one message says what it saw).
    CareersPageReader(),
    GenericListReader(),  # last: it claims any list of job-like records
)

__all__ = ["READERS", "InputFile", "ReadResult", "Reader", "read_data", "read_file", "sniff"]

DEFAULT_MAX_BYTES = 5_000_000


def sniff(source: InputFile) -> Reader | None:
    """The first reader that recognises the file's content."""
    for reader in READERS:
        if reader.sniff(source):
            return reader
    return None


LD_JSON_SCRIPT = re.compile(
    r"<script[^>]*application/ld\+json[^>]*>(?P<json>.*?)</script\s*>", re.I | re.S
)
HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)


def structured_data_types(text: str) -> list[str]:
    """The schema.org types a page's JSON-LD blocks declare, in order, each once."""
    found: list[str] = []
    for match in LD_JSON_SCRIPT.finditer(text[:2_000_000]):
        try:
            data = json.loads(match.group("json"))
        except (ValueError, RecursionError):
            continue
        nodes = data if isinstance(data, list) else [data]
        nodes += [n for d in nodes if isinstance(d, dict) for n in d.get("@graph") or []]
        for node in nodes:
            if not isinstance(node, dict):
                continue
            kinds = node.get("@type", [])
            for kind in kinds if isinstance(kinds, list) else [kinds]:
                name = re.split(r"[/:#]", str(kind).rstrip("/"))[-1]
                if name and name not in found:
                    found.append(name)
    return found


def describe_unknown(source: InputFile) -> str:
    """A short account of what an unrecognised file holds, for the message."""
    head = source.head
    if not head.strip():
        return "the file is empty"
    first = head.splitlines()[0][:60]
    if HTML_START.match(head):
        kinds = structured_data_types(source.text)
        if kinds:
            return f"an HTML page with no JobPosting (its structured data: {', '.join(kinds)})"
        return "an HTML page with no JobPosting and no structured data"
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
        if isinstance(data, dict) and {"data", "included"} <= data.keys():
            return "a JSON:API export (data/included) of a kind that is not supported"
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
    try:
        return _read_source(InputFile(display_path, data, decode(data)))
    except RecursionError:
        # JSON nested thousands deep (a hostile or broken file) exhausts Python's parser stack
        # in whichever reader looks at it first; no posting format nests like that.
        result = ReadResult()
        result.warn(
            display_path,
            "data is nested too deeply to be a posting file",
            action="file skipped",
        )
        return None, result


def _read_source(source: InputFile) -> tuple[str | None, ReadResult]:
    display_path = source.path
    result = ReadResult()
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
