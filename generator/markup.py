"""Markdown → HTML (cmark-gfm), allow-list sanitising (nh3), HTML → plain text.

Every description reaches a page only through `sanitize_html`; it is the one gate for
untrusted markup. Results are cached by content hash so the costly work happens once per text.
"""

from __future__ import annotations

import functools
import html
import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options as CmarkOptions
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
        "del",
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


# GitHub Flavored Markdown as github.com renders a README: tables, ~~strikethrough~~ and bare
# URLs as links. CMARK_OPT_UNSAFE keeps raw HTML and every link URL in cmark's output so that
# the sanitiser alone decides what survives: without it cmark writes "<!-- raw HTML omitted -->"
# and empty hrefs. GFM's "tagfilter" is left out on purpose: it escapes <script> and friends into
# visible text, where nh3 removes them whole. Task lists are not wanted in job ads.
GFM_EXTENSIONS = ("table", "strikethrough", "autolink")
CMARK_OPTIONS: int = CmarkOptions.CMARK_OPT_UNSAFE


@functools.lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """GitHub Flavored Markdown (tables, fenced code, strikethrough, autolinks) → sanitised HTML.

    A link to an unsafe URL (`[label](javascript:alert('x'))`) needs no pre-pass: cmark reads
    the whole URL, parentheses balanced and quotes included, and the sanitiser then keeps only
    the label.
    """
    rendered: str = cmarkgfm.markdown_to_html_with_extensions(
        text, options=CMARK_OPTIONS, extensions=list(GFM_EXTENSIONS)
    )
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


BLOCK_TAG = re.compile(
    r"</?(?:p|li|br|h[1-6]|div|tr|td|th|ul|ol|dd|dt|dl|blockquote|section|table|thead|tbody"
    r"|hr|pre)\b[^>]*>",
    re.I,
)
ANY_TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")


def sanitized_html_to_text(fragment: str) -> str:
    """`html_to_text` for markup that came out of `sanitize_html`, without building a tree.

    nh3's output is well-formed, with no comments, scripts, CDATA or stray "<", so removing
    its tags is exact: a block tag is a word break ("deck</a><ul><li>Kubernetes" is two
    words), an inline tag is not ("<b>Py</b>thon" is one). A tree per call cost ~0.1 ms, and
    normalising asked ~44 times per posting; a test holds the two functions equal.
    """
    spaced = BLOCK_TAG.sub(" ", fragment)
    return SPACES.sub(" ", html.unescape(ANY_TAG.sub("", spaced))).strip()
