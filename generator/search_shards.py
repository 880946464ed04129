"""The sharded full-text index: search for boards too large for Pagefind.

Pagefind keeps every word's positions and ranks all matching pages in WebAssembly; past some
tens of thousands of postings a first query downloads hundreds of kilobytes and a broad one
takes seconds. This index keeps only what a job search needs, split so that a query fetches
just the few small files it touches:

* `t/<key>.gz` — one shard per first two letters of a word (key: their UTF-8 bytes in hex):
  `{"w": {word: stem number}, "s": [[stem, postings count, postings], …]}`. A rare stem's
  postings are inline (`[gap, impact, gap, impact, …]`, document numbers as gaps); a
  common one's are a file number.
* `p/<n>.gz` — the postings of one common stem: for each document, its number as a varint
  gap from the last, then its impact as one byte.
* `d/<n // 1000>/<n>.gz` — one posting's card: URL, title, employer, place, pay, date, summary
  and the start of its description, from which the page cuts the excerpt.

Documents are numbered in the search page's default order (newest first), which is also the
row order of the facet table, so a search result is directly a table row. Words are folded
(accents and case dropped) and stemmed with Snowball's English stemmer, as Pagefind does; an
impact is a BM25 term weight over the weighted fields (title counts most), quantised to a
byte, so that the page adds idf × impact over the query's words without the word positions.

Only search.py uses this module; the page reads these files through its index adapter.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer  # type: ignore[import-untyped]

# How much a word counts in each field, as in the posting page's Pagefind weights.
FIELD_WEIGHTS = (("title", 10), ("skills", 5), ("employer", 3), ("facts", 2), ("body", 1))
K1 = 1.2  # BM25 term-frequency saturation
B = 0.75  # BM25 length normalisation
INLINE = 16  # stems in at most this many postings keep their postings in the shard
EXCERPT_CHARS = 20_000  # of the description kept for the excerpt: some 3,000 words
WORD = re.compile(r"[^\W_]+")
EDGE_PUNCTUATION = ".,;:!?()[]{}\"'*/"


@dataclass(frozen=True)
class SearchText:
    """What full-text search reads of one posting, and what its result card shows."""

    title: str
    employer: str
    facts: str  # places, work arrangement, role, level, employment types
    skills: tuple[str, ...]
    body: str
    location: str
    salary: str
    posted: str
    summary: str


def fold(text: str) -> str:
    """Lower case without accents: "Zürich" and "zurich" are one word."""
    # Most postings are ASCII, which has nothing to decompose or drop: a look at each of the
    # board's ~100 million characters cost more than the rest of the index.
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed.lower()
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def indexed_words(text: str) -> list[str]:
    """The words of `text`, and each run of words joined by punctuation alone as one word
    too: "Node.js" is "node", "js" and "nodejs", so that "nodejs" and "node.js" both find it
    (and "full-stack" is not just "full" and "stack", which "Full-time" also has)."""
    found = []
    for chunk in fold(text).split():
        # Most chunks are one word, perhaps with punctuation at its ends ("Python,"): that is
        # the word itself, found without a regex (a regex per chunk was half the index's time).
        bare = chunk.strip(EDGE_PUNCTUATION)
        if bare.isalnum():  # exactly what WORD matches: alphanumerics, no underscore
            found.append(bare)
            continue
        parts = WORD.findall(chunk)
        found += parts
        if len(parts) > 1:
            found.append("".join(parts))
    return found


def shard_key(word: str) -> str:
    """The shard a word lives in: its first two characters, as UTF-8 bytes in hex."""
    return word[:2].encode().hex()


def field_texts(text: SearchText) -> tuple[tuple[str, str], ...]:
    return (
        ("title", text.title),
        ("skills", " ".join(text.skills)),
        ("employer", text.employer),
        ("facts", text.facts),
        ("body", text.body),
    )


def varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def packed(data: bytes) -> bytes:
    return gzip.compress(data, 9, mtime=0)


def write_index(site: Path, documents: Sequence[tuple[str, SearchText]]) -> tuple[str, list[str]]:
    """Writes the index of `documents` ((page URL, text), numbered in this order) into a new
    folder of `site`/search/; returns its name ("i-<content hash>") and the shard keys, which
    the page is told so that it never asks for a shard that does not exist."""
    stemmer = snowballstemmer.stemmer("english")
    weights = dict(FIELD_WEIGHTS)
    # Pass 1: each document's length, for BM25's length normalisation.
    lengths = [len(words(text.body)) + len(words(text.title)) for _, text in documents]
    average = sum(lengths) / len(lengths) if lengths else 1.0
    # Pass 2: impacts. Postings are compact arrays: a board of 100,000 postings has tens of
    # millions of them.
    postings: dict[str, tuple[array[int], array[int]]] = {}
    stem_of: dict[str, str] = {}
    for number, (_, text) in enumerate(documents):
        counts: dict[str, float] = {}
        for field, value in field_texts(text):
            for word in indexed_words(value):
                stem = stem_of.get(word)  # a board's words repeat endlessly: stem each once
                if stem is None:
                    stem = stem_of[word] = str(stemmer.stemWord(word))
                counts[stem] = counts.get(stem, 0.0) + weights[field]
        norm = K1 * (1 - B + B * lengths[number] / max(average, 1.0))
        for stem, tf in counts.items():
            impact = max(1, round(255 * tf / (tf + norm)))
            docs, impacts = postings.setdefault(stem, (array("I"), array("B")))
            docs.append(number)
            impacts.append(impact)

    files: dict[str, bytes] = {}
    stem_ref: dict[str, object] = {}
    for n, stem in enumerate(sorted(s for s in postings if len(postings[s][0]) > INLINE)):
        docs, impacts = postings[stem]
        out = bytearray()
        last = 0
        for doc, impact in zip(docs, impacts, strict=True):
            varint(doc - last, out)
            out.append(impact)
            last = doc
        files[f"p/{n}.gz"] = packed(bytes(out))
        stem_ref[stem] = n
    for stem, (docs, impacts) in postings.items():
        if stem not in stem_ref:
            inline: list[int] = []
            last = 0
            for doc, impact in zip(docs, impacts, strict=True):
                inline += [doc - last, impact]
                last = doc
            stem_ref[stem] = inline

    shards: dict[str, dict[str, str]] = {}
    for word, stem in stem_of.items():
        shards.setdefault(shard_key(word), {})[word] = stem
    for key, vocabulary in shards.items():
        stems = sorted(set(vocabulary.values()))
        index = {stem: i for i, stem in enumerate(stems)}
        shard = {
            "w": {word: index[vocabulary[word]] for word in sorted(vocabulary)},
            "s": [[stem, len(postings[stem][0]), stem_ref[stem]] for stem in stems],
        }
        files[f"t/{key}.gz"] = packed(json.dumps(shard, separators=(",", ":")).encode())

    for number, (url, text) in enumerate(documents):
        card = {
            "url": url,
            "title": text.title,
            "employer": text.employer,
            "location": text.location,
            "salary": text.salary,
            "posted": text.posted,
            "summary": text.summary,
            "text": text.body[:EXCERPT_CHARS],
        }
        content = json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode()
        files[f"d/{number // 1000}/{number}.gz"] = packed(content)

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode())
        digest.update(hashlib.sha256(files[name]).digest())
    folder_name = f"i-{digest.hexdigest()[:10]}"
    folder = site / "search" / folder_name
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder_name, sorted(shards)
