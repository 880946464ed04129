"""Hostile and oddly encoded input: refused or read right, never crashing the build."""

from __future__ import annotations

from pathlib import Path

from generator.readers import read_file
from tests.conftest import build, write_files

JOB = (
    "<job><Title>{title}</Title><Employername>{employer}</Employername>"
    "<Postedate>2026-11-01</Postedate></job>"
)

XXE = """<?xml version="1.0"?>
<!DOCTYPE source [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<source><jobs><job><Title>&secret;</Title><Employername>Evil</Employername></job></jobs></source>
"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<source><jobs><job><Title>&lol3;</Title><Employername>Evil</Employername></job></jobs></source>
"""


def test_entity_attacks_are_refused_with_a_message(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {"xxe.xml": XXE, "laughs.xml": LAUGHS})
    result = build(content, tmp_path / "site")
    messages = sorted(d.format() for d in result.diagnostics.warnings)
    assert len(messages) == 2
    for message, name in zip(messages, ("laughs.xml", "xxe.xml"), strict=True):
        assert name in message and "declares entities" in message
        assert "file refused for safety" in message
    assert result.catalog.postings == ()
    assert "root:" not in (tmp_path / "site/index.html").read_text()


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = "<?xml version='1.0'?><source><jobs>" + " " * 5000 + "</jobs></source>"
    path = write_files(tmp_path, {"big.xml": big}) / "big.xml"
    fmt, result = read_file(path, "big.xml", max_bytes=2048)
    assert fmt is None and result.postings == []
    (message,) = [d.format() for d in result.diagnostics]
    assert "over the 2,048-byte limit" in message and "file skipped" in message


def _feed(title: str, employer: str, declaration: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{declaration}"?><source><jobs>'
        + JOB.format(title=title, employer=employer)
        + "</jobs></source>"
    )


def test_encodings_read_right(tmp_path: Path) -> None:
    title, employer = "Ingénieur·e Données", "Société Générale d’Exemple"
    files: dict[str, str | bytes] = {
        "utf8.xml": _feed(title, employer).encode("utf-8"),
        "utf8bom.xml": b"\xef\xbb\xbf" + _feed(title, employer).encode("utf-8"),
        "utf16.xml": _feed(title, employer, "UTF-16").encode("utf-16"),
        "latin1.xml": _feed("Ingénieur Données", "Café Société", "ISO-8859-1").encode("latin-1"),
    }
    content = write_files(tmp_path / "content", files)
    for name in files:
        fmt, result = read_file(content / name, name)
        assert fmt == "job-feed-xml", (name, [d.format() for d in result.diagnostics])
        (raw,) = result.postings
        if name == "latin1.xml":
            assert (raw.title, raw.employer_name) == ("Ingénieur Données", "Café Société")
        else:
            assert (raw.title, raw.employer_name) == (title, employer), name


def test_windows_1252_text_file(tmp_path: Path) -> None:
    card = (
        "Data Engineer\n\nCafé Analytics Café Analytics · Retail · Paris, France · Data\n\n"
        "Build pipelines for café owners’ dashboards.\n\nWhat you'd actually do\n\n"
        "  1. Build pipelines\n"
    )
    path = write_files(tmp_path, {"card.txt": card.encode("cp1252")}) / "card.txt"
    fmt, result = read_file(path, "card.txt")
    assert fmt == "summary-card"
    assert result.postings[0].employer_name == "Café Analytics"
    assert "café owners’" in (result.postings[0].summary or "")


def test_entities_are_decoded_once(tmp_path: Path) -> None:
    feed = _feed("Writes &amp;lt;b&amp;gt; tags", "Acme &amp; Sons")
    content = write_files(tmp_path / "content", {"feed.xml": feed})
    result = build(content, tmp_path / "site")
    (posting,) = result.catalog.postings
    assert posting.title == "Writes &lt;b&gt; tags"
    assert posting.employer.name == "Acme & Sons"
    page = (tmp_path / "site/jobs" / posting.slug / "index.html").read_text()
    assert "Writes &amp;lt;b&amp;gt; tags</h1>" in page
