"""Markdown descriptions keep the structure their authors wrote.

Every Markdown file of the demo (`content/`), of the real-world fixtures and of the seeds (when
they hold any) is read as the build reads it, and its page description must show the headings
(a `#` heading becomes an <h2>, since the page owns the <h1>), list items, links with their
URLs, table cells and emphasis that the source has. Short inline cases pin the Markdown a job
ad uses most: a GFM table, a nested list, fenced code, an unsafe link and raw <script>.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html

from generator.normalize.posting import ReferenceDate
from tests.conftest import FIXTURES, ROOT, read_and_normalise, write_files

REFERENCE = ReferenceDate(dt.date(2026, 11, 25), exact=True)


def _front_matter_files(folder: Path) -> list[Path]:
    """Files that open with a `---` front-matter block: our Markdown format, any extension."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.read_bytes().startswith(b"---"))


DEMO = _front_matter_files(ROOT / "content")
REAL_WORLD = _front_matter_files(FIXTURES)


def _body(text: str) -> str:
    """The Markdown after the front matter (the second `---` line)."""
    lines = text.splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    return "".join(lines[end + 1 :])


@dataclass(frozen=True)
class Structure:
    """What a reader sees of a description's structure."""

    headings: tuple[tuple[str, str], ...]  # (tag, text)
    list_items: int
    links: tuple[tuple[str, str], ...]  # (text, href)
    header_cells: tuple[str, ...]
    cells: tuple[str, ...]
    strong: tuple[str, ...]
    em: tuple[str, ...]


SAFE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(\s*((?:https?|mailto):[^)\s]+)\s*\)")
STRONG = re.compile(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__")
EM = re.compile(r"(?<![*\w])\*([^*\s][^*\n]*?)\*(?![*\w])|(?<![_\w])_([^_\s][^_\n]*?)_(?![_\w])")
LIST_ITEM = re.compile(r"^\s{0,8}(?:[-*+]|\d{1,9}[.)])\s+\S")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def source_structure(markdown: str) -> Structure:
    """The structure written in a Markdown source, read line by line (code fences skipped)."""
    headings: list[tuple[str, str]] = []
    items = 0
    header_cells: list[str] = []
    cells: list[str] = []
    prose: list[str] = []
    in_code = False
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        if heading := HEADING.match(line):
            level = max(2, len(heading.group(1)))  # the page's own title is the only <h1>
            headings.append((f"h{level}", heading.group(2)))
        elif LIST_ITEM.match(line):
            items += 1
        elif line.lstrip().startswith("|"):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if re.fullmatch(r"\s*\|?[\s:|-]*-[\s:|-]*", following):
                header_cells += _cells(line)
            elif not re.fullmatch(r"\s*\|?[\s:|-]*-[\s:|-]*", line):
                cells += _cells(line)
            continue  # cell text is checked as cells
        prose.append(line)
    text = "\n".join(prose)
    return Structure(
        headings=tuple(headings),
        list_items=items,
        links=tuple((m.group(1), m.group(2)) for m in SAFE_LINK.finditer(markdown)),
        header_cells=tuple(header_cells),
        cells=tuple(cells),
        strong=tuple(a or b for a, b in STRONG.findall(text)),
        em=tuple(a or b for a, b in EM.findall(STRONG.sub("", text))),
    )


def _tree(fragment: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(fragment, create_parent="div")


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def page_structure(fragment: str) -> Structure:
    """The structure a description's HTML shows."""
    root = _tree(fragment)
    return Structure(
        headings=tuple((h.tag, _text(h)) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")),
        list_items=len(root.findall(".//li")),
        links=tuple((_text(a), a.get("href", "")) for a in root.iter("a")),
        header_cells=tuple(_text(th) for th in root.iter("th")),
        cells=tuple(_text(td) for td in root.iter("td")),
        strong=tuple(_text(s) for s in root.iter("strong")),
        em=tuple(_text(e) for e in root.iter("em")),
    )


def description_of(path: Path) -> str:
    """The description HTML of the one posting in a Markdown file, read as the build reads it."""
    fmt, postings, _ = read_and_normalise(path, REFERENCE)
    assert fmt == "markdown", path
    (posting,) = postings
    return posting.description_html


def assert_keeps_structure(path: Path) -> None:
    source = source_structure(_body(path.read_text(encoding="utf-8")))
    shown = page_structure(description_of(path))
    assert shown == source
    # Every file here has some structure or prose, and all of it reaches the page.
    assert _text(_tree(description_of(path)))


def test_the_demo_and_the_fixtures_have_markdown_to_check() -> None:
    assert len(DEMO) >= 4
    assert len(REAL_WORLD) >= 6


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name)
def test_demo_descriptions_keep_their_structure(path: Path) -> None:
    assert_keeps_structure(path)


@pytest.mark.parametrize("path", REAL_WORLD, ids=lambda p: p.name)
def test_real_world_descriptions_keep_their_structure(path: Path) -> None:
    assert_keeps_structure(path)


def test_seed_descriptions_keep_their_structure(seeds_dir: Path) -> None:
    seeds = _front_matter_files(seeds_dir)
    if not seeds:
        pytest.skip("the seeds hold no Markdown file (their descriptions are HTML or text)")
    for path in seeds:
        assert_keeps_structure(path)


def test_demo_structure_is_what_the_files_say() -> None:
    """The line-by-line reading above is itself right: one demo file, spelled out."""
    (path,) = [p for p in DEMO if p.name == "kestrel-health-product-designer.md"]
    shown = page_structure(description_of(path))
    assert shown.headings == (("h3", "You will"), ("h3", "You bring"))
    assert shown.list_items == 7
    assert _tree(description_of(path)).xpath("count(.//ol/li)") == 4


# --- Inline cases, each read from a Markdown file as the build reads it ----------------------


def describe(tmp_path: Path, body: str) -> str:
    text = f"---\ntitle: Platform Engineer\nemployer: Harbor Labs\n---\n{body}"
    return description_of(write_files(tmp_path, {"job.md": text}) / "job.md")


def test_a_gfm_table_becomes_a_table(tmp_path: Path) -> None:
    fragment = describe(
        tmp_path,
        "Our interviews:\n\n| Stage | Length |\n| --- | ---: |\n"
        "| Call | 30 min |\n| Panel | 3 h |\n",
    )
    shown = page_structure(fragment)
    assert shown.header_cells == ("Stage", "Length")
    assert shown.cells == ("Call", "30 min", "Panel", "3 h")
    assert len(_tree(fragment).findall(".//table/tbody/tr")) == 2
    assert "|" not in _text(_tree(fragment))


def test_a_nested_list_stays_nested(tmp_path: Path) -> None:
    fragment = describe(
        tmp_path, "You know:\n\n- Backend\n  - Python\n  - Go\n- Frontend\n  1. React\n"
    )
    root = _tree(fragment)
    (outer,) = root.findall("ul")
    items = outer.findall("li")
    assert [item.text.strip() for item in items] == ["Backend", "Frontend"]
    assert [_text(li) for li in items[0].findall("ul/li")] == ["Python", "Go"]
    assert [_text(li) for li in items[1].findall("ol/li")] == ["React"]


def test_a_list_right_after_a_paragraph_is_a_list(tmp_path: Path) -> None:
    shown = page_structure(describe(tmp_path, "You will:\n- Build\n- Ship\n"))
    assert shown.list_items == 2


def test_fenced_code_is_shown_as_written(tmp_path: Path) -> None:
    code = "if a < b:\n    print('**not bold** <b>nor this</b>')\n"
    root = _tree(describe(tmp_path, f"Run this:\n\n```python\n{code}```\n"))
    (block,) = root.findall(".//pre/code")
    assert block.text_content() == code
    assert root.findall(".//strong") == root.findall(".//b") == []


def test_an_unsafe_link_keeps_its_text_only(tmp_path: Path) -> None:
    fragment = describe(
        tmp_path,
        "Read [the guide](javascript:alert('x')) today, or [this](https://x.example/a_(b)).\n",
    )
    shown = page_structure(fragment)
    assert _text(_tree(fragment)) == "Read the guide today, or this."
    assert shown.links == (("this", "https://x.example/a_(b)"),)
    assert "javascript" not in fragment


def test_raw_script_is_removed_and_the_text_around_it_stays(tmp_path: Path) -> None:
    fragment = describe(tmp_path, "Hello.\n\n<script>alert(1)</script>\n\nBye.\n")
    root = _tree(fragment)
    assert root.findall(".//script") == []
    assert _text(root) == "Hello. Bye."


def test_emphasis_is_kept(tmp_path: Path) -> None:
    shown = page_structure(describe(tmp_path, "You **must** know *Python*, _not_ snake_case.\n"))
    assert (shown.strong, shown.em) == (("must",), ("Python", "not"))


def test_a_top_level_heading_becomes_h2(tmp_path: Path) -> None:
    shown = page_structure(describe(tmp_path, "# About us\n\nWe build ships.\n\n## Perks\n"))
    assert shown.headings == (("h2", "About us"), ("h2", "Perks"))


def test_strikethrough_and_bare_urls(tmp_path: Path) -> None:
    root = _tree(describe(tmp_path, "Salary ~~TBD~~ posted. See www.harbor.example/jobs.\n"))
    assert [_text(d) for d in root.iter("del")] == ["TBD"]
    assert [a.get("href") for a in root.iter("a")] == ["http://www.harbor.example/jobs"]
