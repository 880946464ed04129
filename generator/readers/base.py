"""What every reader shares: decoded input, results, and the reader protocol."""

from __future__ import annotations

import codecs
import html.entities
import json
import re
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

from generator.errors import Diagnostic, ReaderError, Severity, SourceLocation
from generator.models import RawPosting


@dataclass(frozen=True)
class InputFile:
    """One content file: its path as reported, its bytes and its decoded text."""

    path: str
    data: bytes
    text: str

    @property
    def head(self) -> str:
        """The start of the text without BOM or leading whitespace, for sniffing."""
        return self.text[:4096].lstrip("\ufeff \t\r\n")


@dataclass
class ReadResult:
    """What a reader made of a file: postings and any located problems."""

    postings: list[RawPosting] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, path: str, message: str, *, line: int | None = None, action: str = "") -> None:
        self.diagnostics.append(
            Diagnostic(SourceLocation(path, line), message, action, Severity.WARNING)
        )

    def note(self, path: str, message: str, *, action: str = "") -> None:
        """Something the user should know that is not a problem (an inferred fact)."""
        self.diagnostics.append(Diagnostic(SourceLocation(path), message, action, Severity.INFO))


class Reader(Protocol):
    """A reader knows one format: whether a file is in it, and what postings it holds."""

    name: str

    def sniff(self, source: InputFile) -> bool: ...

    def read(self, source: InputFile) -> ReadResult: ...


def decode(data: bytes) -> str:
    """Bytes → text: BOMs first, then an XML declaration's encoding, then UTF-8, then cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = re.match(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", data)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown declared encoding: fall through to the usual guesses
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def safe_xml_parser(*, recover: bool = False) -> etree.XMLParser:
    """An XML parser that never expands entities, loads a DTD or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
        strip_cdata=True,
    )


ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# Markup whose text is not parsed for references: CDATA sections, comments, processing instructions.
UNPARSED_XML = re.compile(r"(<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>)", re.S)
NAMED_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")


def html_entities_as_numeric(text: str) -> str:
    """HTML named entities ("&ndash;") as numeric references ("&#8211;"), outside CDATA.

    XML knows only its five entities, so a feed that writes "&ndash;" would be refused whole;
    a numeric reference decodes once, in the parser, as the feed meant. Unknown names are left
    for the parser to report.
    """

    def numeric(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in XML_ENTITIES:
            return match.group(0)
        character = html.entities.html5.get(name + ";")
        if character is None:
            return match.group(0)
        return "".join(f"&#{ord(c)};" for c in character)

    parts = UNPARSED_XML.split(text)
    return "".join(
        part if index % 2 else NAMED_REFERENCE.sub(numeric, part)
        for index, part in enumerate(parts)
    )


def parse_xml(source: InputFile) -> etree._Element:
    """Parses XML safely; files that declare entities (XXE, "billion laughs") are refused."""
    if ENTITY_DECLARATION.search(source.data[:65536]):
        raise ReaderError(
            "XML declares entities in a DTD, which could expand or fetch external files",
            action="file refused for safety",
        )
    if not DOCTYPE.search(source.data[:65536]) and NAMED_REFERENCE.search(source.text):
        text = html_entities_as_numeric(source.text)
        if text != source.text:
            text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
            try:
                return etree.fromstring(text.encode("utf-8"), safe_xml_parser())
            except etree.XMLSyntaxError as err:
                raise ReaderError(f"malformed XML: {err.msg}", line=err.lineno) from err
    try:
        # Bytes, not text: lxml then honours the BOM and the declared encoding itself.
        root = etree.fromstring(source.data.lstrip(b" \t\r\n"), safe_xml_parser())
    except etree.XMLSyntaxError as err:
        raise ReaderError(f"malformed XML: {err.msg}", line=err.lineno) from err
    except ValueError:
        # lxml refuses str-with-declaration combinations; re-encode the decoded text
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", source.text.lstrip("\ufeff"))
        try:
            root = etree.fromstring(text.encode("utf-8"), safe_xml_parser())
        except etree.XMLSyntaxError as err:
            raise ReaderError(f"malformed XML: {err.msg}", line=err.lineno) from err
    return root


def local_name(element: etree._Element) -> str:
    """An element's tag without namespace, lower-cased ("{ns}Title" → "title")."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def clean_text(value: str | None) -> str | None:
    """Whitespace collapsed; None for empty strings."""
    if value is None:
        return None
    collapsed = re.sub(r"\s+", " ", value).strip()
    return collapsed or None


def is_structured_data(source: InputFile) -> bool:
    """Whether the file is front matter, JSON, XML or an HTML page rather than plain text.

    Plain-text readers ask this instead of looking at the first character: a copied page or
    card may open with "<Senior> Engineer" or "[Remote] Lead", which is text, not markup.
    """
    head = source.head
    if re.match(r"---[ \t]*\r?\n", head):
        return True
    if head.startswith(("{", "[")):
        try:
            json.loads(source.text)
        except (ValueError, RecursionError):
            return False
        return True
    if head.startswith("<"):
        if re.match(r"<(!doctype\s+html|html[\s>])", head, re.I):
            return True
        if ENTITY_DECLARATION.search(source.data[:65536]):
            return True  # XML, refused by the XML readers for safety: never plain text
        try:
            parse_xml(source)
        except ReaderError:
            return False  # not well-formed XML: "<Senior> Engineer" is a line of text
        return True
    return False
