"""Markdown → HTML, allow-list sanitising (nh3), HTML → plain text.

Every description reaches a page only through `sanitize_html`; it is the one gate for
untrusted markup. Results are cached by content hash so the costly work happens once per text.
"""

from __future__ import annotations

import functools
import html
import re

import markdown as markdown_lib
import nh3
from lxml import html as lxml_html

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "blockquote",
        "code",
        "pre",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "dl",
        "dt",
        "dd",
        "sup",
        "sub",
        "abbr",
        "span",
    }
)
ANCHOR_WITHOUT_HREF = re.compile(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", re.S)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": {"colspan"}}


@functools.lru_cache(maxsize=8192)
def sanitize_html(raw: str) -> str:
    """Keeps only harmless markup: no script, style, iframe, event handler or javascript: URL.

    Headings are shifted so that no description can add a second <h1> to a page.
    """
    cleaned = nh3.clean(
        raw.replace("<h1", "<h2").replace("</h1>", "</h2>"),
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    cleaned = re.sub(r"<p>\s*(?:&nbsp;|\s)*</p>", "", cleaned)
    # A link whose URL was unsafe (javascript:) loses its href; keep its text, drop the <a>,
    # since an <a> without href is invalid HTML5. nh3's output is normalised, so this is exact.
    cleaned = ANCHOR_WITHOUT_HREF.sub(r"\1", cleaned)
    return cleaned.strip()


UNSAFE_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*(?:javascript|vbscript|data):", re.I)


def _link_end(text: str, start: int) -> int:
    """Index just past the ")" that closes a link opened before `start` (parentheses balanced)."""
    depth = 1
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return len(text)


def drop_unsafe_markdown_links(text: str) -> str:
    """`[label](javascript:alert('x'))` → `label`, before Markdown ever parses the link.

    Python-Markdown reads the quotes in such a URL as a link title and ends the URL at the first
    ")", so sanitising afterwards would leave a stray ")" in the text.
    """
    out: list[str] = []
    position = 0
    for match in UNSAFE_MARKDOWN_LINK.finditer(text):
        if match.start() < position:
            continue
        out += [text[position : match.start()], match.group(1)]
        position = _link_end(text, match.end())
    return "".join(out) + text[position:]


@functools.lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """Markdown (with tables and fenced code) → sanitised HTML."""
    text = drop_unsafe_markdown_links(text)
    rendered = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return sanitize_html(rendered)


def html_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment, whitespace collapsed."""
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on odd fragments; strip tags instead
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()
    blocks = ("p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "td", "th")
    for block in root.iter(*blocks, "ul", "ol", "dd", "dt", "blockquote", "section"):
        # A block starts and ends a line: "deck</a><ul><li>Kubernetes" is two words.
        try:
            block.text = " " + (block.text or "")
            block.tail = " " + (block.tail or "")
        except ValueError:  # text with control characters, which lxml will not set again
            continue
    return re.sub(r"\s+", " ", root.text_content()).strip()


def excerpt(text: str, limit: int = 200) -> str:
    """At most `limit` characters, cut at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return cut + "…"


def paragraphs_to_html(blocks: list[tuple[str, object]]) -> str:
    """Builds escaped HTML from reader blocks: ("h", text), ("p", text), ("ul"/"ol", [items])."""
    out: list[str] = []
    for kind, content in blocks:
        if kind in ("ul", "ol") and isinstance(content, list):
            items = "".join(f"<li>{html.escape(str(item))}</li>" for item in content)
            out.append(f"<{kind}>{items}</{kind}>")
        elif kind == "h":
            out.append(f"<h3>{html.escape(str(content))}</h3>")
        else:
            out.append(f"<p>{html.escape(str(content))}</p>")
    return "\n".join(out)
