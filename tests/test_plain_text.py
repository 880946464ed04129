"""The plain text of a description, made once per posting, reads as the page does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.markup import html_to_text, sanitize_html, sanitized_html_to_text
from generator.normalize.posting import ReferenceDate
from tests.conftest import FIXTURES, ROOT, read_and_normalise

SOURCES = sorted(
    p
    for folder in (ROOT / "content", FIXTURES)
    for p in folder.rglob("*")
    if p.is_file() and "logos" not in p.parts
)


@pytest.mark.parametrize(
    "fragment, text",
    [
        (
            "<p>Build <b>Py</b>thon tools</p><ul><li>Kafka</li><li>SQL</li></ul>",
            "Build Python tools Kafka SQL",
        ),
        ("deck</a><ul><li>Kubernetes", "deck Kubernetes"),
        ("<p>R&amp;D &lt;team&gt;&nbsp;pay</p>", "R&D <team>\xa0pay"),
        ("<h2>Pay</h2><table><tr><th>Base</th><td>$100k</td></tr></table>", "Pay Base $100k"),
    ],
)
def test_text_of_sanitised_markup(fragment: str, text: str) -> None:
    cleaned = sanitize_html(fragment)
    assert sanitized_html_to_text(cleaned) == html_to_text(cleaned)
    assert " ".join(sanitized_html_to_text(cleaned).split()) == " ".join(text.split())


def test_every_description_gives_the_same_text_as_a_parsed_tree() -> None:
    reference = ReferenceDate(dt.date(2026, 4, 27), exact=True)
    checked = 0
    for path in SOURCES:
        _, postings, _ = read_and_normalise(path, reference)
        for posting in postings:
            assert posting.description_text == html_to_text(posting.description_html), path
            checked += bool(posting.description_text)
    assert checked > 150


def test_merged_posting_keeps_the_text_of_the_description_it_kept(tmp_path: Path) -> None:
    from tests.conftest import build, write_files

    body = "Join us to build the streaming platform. " * 30
    write_files(
        tmp_path / "content",
        {
            "a.md": "---\ntitle: Data Engineer\nemployer: Harbor Labs\nlocation: Lisbon, Portugal\n"
            "date_posted: 2026-04-20\napply_url: https://harbor.example/jobs/7\n---\nShort.\n",
            "b.md": "---\ntitle: Data Engineer\nemployer: Harbor Labs\nlocation: Lisbon, Portugal\n"
            f"date_posted: 2026-04-21\napply_url: https://harbor.example/jobs/7\n---\n{body}\n",
        },
    )
    result = build(tmp_path / "content", tmp_path / "site")
    [posting] = result.catalog.postings
    assert posting.description_text == html_to_text(posting.description_html)
    assert "streaming platform" in posting.description_text
