"""What the ATS export readers share: JSON loading, defensive field access, places, employers.

Real exports are loosely typed: a field documented as a string may be a number, a list, an
object or null. The helpers here accept what is usable and return None for anything else, so a
reader never crashes on an odd value; a job whose data is unusable as a whole is reported by
`read_jobs` with its number and line and skipped.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlparse

from generator.errors import ReaderError
from generator.markup import html_to_text
from generator.models import RawPosting
from generator.normalize.locations import country_code, country_name
from generator.readers.base import InputFile, ReadResult
from generator.readers.feed_text import plain_text


class SkipJob(Exception):
    """Raised by a reader's per-job function: the job is left out, for the stated reason."""

    def __init__(self, reason: str, *, info: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.info = info  # True when leaving the job out is expected (e.g. an unlisted job)


@functools.lru_cache(maxsize=4)
def _parse(text: str) -> Any:
    return json.loads(text)


def parsed_json(source: InputFile) -> Any:
    """The file's JSON for sniffing, or None when it is not JSON (parsed once per text)."""
    if not source.head.startswith(("{", "[")):
        return None
    try:
        return _parse(source.text.lstrip("\ufeff"))
    except (json.JSONDecodeError, RecursionError):
        return None


def load_json(source: InputFile) -> Any:
    """The file's JSON; a located `ReaderError` when it is not valid JSON."""
    try:
        return _parse(source.text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        raise ReaderError(f"invalid JSON: {err.msg}", line=err.lineno) from err


def first_dict(items: Any) -> dict[str, Any] | None:
    """The first object of a list, for sniffing by its keys."""
    if isinstance(items, list):
        return next((item for item in items if isinstance(item, dict)), None)
    return None


def listed(data: Any, key: str) -> list[Any] | None:
    """The list an export keeps its jobs under (`{"jobs": [...]}`), or None for any other
    shape: the first question every ATS sniffer asks."""
    if isinstance(data, dict) and isinstance(data.get(key), list):
        return list(data[key])
    return None


def first_job_has(data: Any, key: str, keys: set[str] | frozenset[str]) -> bool:
    """Whether the export's first job object carries one of the keys its format is known by."""
    first = first_dict(listed(data, key))
    return first is not None and bool(keys & first.keys())


def text(value: Any) -> str | None:
    """A string or number as collapsed text; None for null, booleans, lists and objects.

    Exports HTML-escape names now and then ("R&amp;D"): entities are decoded once, except
    those that would turn text into markup (see `plain_text`)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return plain_text(str(value))


def label(value: Any, *keys: str) -> str | None:
    """Text from a plain value or from the first named key of an object ({"label": "…"})."""
    if isinstance(value, dict):
        return next((found for key in keys if (found := text(value.get(key)))), None)
    return text(value)


def number(value: Any) -> float | None:
    """A number from a number or a numeric string ("120000.0", "120,000"); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def obj(value: Any) -> dict[str, Any]:
    """The value when it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def objects(value: Any) -> list[dict[str, Any]]:
    """The objects of a list (anything else in it, or a non-list, gives nothing)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def html_field(value: Any) -> str:
    """An HTML field as a string ("" for null or non-text)."""
    return value if isinstance(value, str) else ""


def html_sections(sections: Iterable[tuple[str | None, str]]) -> str:
    """Joins (heading, HTML) pairs into one description; headings are escaped text."""
    out = []
    for heading, body in sections:
        if not body.strip():
            continue
        if heading:
            out.append(f"<h3>{html.escape(heading)}</h3>")
        out.append(body)
    return "\n".join(out)


def name_from_slug(slug: str) -> str:
    """A board slug as a readable name: "iron-works" → "Iron Works".

    A slug that has capitals is kept as written ("Acme%20Labs" → "Acme Labs").
    """
    words = re.sub(r"[-_+\s]+", " ", unquote(slug)).strip()
    return words if any(c.isupper() for c in words) else words.title()


def employer_from_url(url: str | None, pattern: re.Pattern[str]) -> str | None:
    """The employer named by an ATS URL's first group, as a readable name."""
    match = pattern.search(url or "")
    return name_from_slug(match.group(1)) if match else None


# A run of capitalised words, joined by "&", "and", "+" or "-": where a name is written in prose.
NAME_RUN = re.compile(r"[A-Z][\w'’.]*(?:\s*(?:&|\+|-|\band\b|\s)\s*[A-Z0-9][\w'’.]*)*")
CONNECTORS = re.compile(r"\s*(?:&|\+|\band\b)\s*", re.I)


def _letters(text: str) -> str:
    """Letters and digits only, lower-cased and without accents: "Café & Bar" → "cafebar"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


def _spellings(words: list[str]) -> Iterable[str]:
    """Every run of whole words that starts and ends with a capitalised word."""
    for start, first in enumerate(words):
        if not first[:1].isupper():
            continue
        for end in range(start + 1, min(len(words), start + 6) + 1):
            if words[end - 1][:1].isupper() or words[end - 1][:1].isdigit():
                yield " ".join(words[start:end])


def spelled_in_text(slug_name: str, texts: Iterable[str | None]) -> str | None:
    """How the posting's own text writes the employer a URL slug names, if it does.

    A slug loses spaces, case and "&": "marlowefinch" is "Marlowe & Finch" in the text. A name
    matches when its letters (ignoring case, spaces, punctuation, "&" or "and") equal the slug's.
    """
    wanted = _letters(slug_name)
    if len(wanted) < 3:
        return None
    for body in texts:
        for run in NAME_RUN.findall(body or ""):
            words = re.findall(r"&|\+|[^\s&+]+", run)
            for candidate in _spellings(words):
                plain = CONNECTORS.sub(" ", candidate)
                spelled_and = CONNECTORS.sub(" and ", candidate)
                if candidate != slug_name and wanted in (_letters(plain), _letters(spelled_and)):
                    return candidate.strip(" .-")
    return None


HOST_PREFIXES = re.compile(r"^(?:www|careers?|jobs|apply|boards?|job-boards|work)\.", re.I)


def employer_from_host(url: str | None) -> str | None:
    """The employer named by a company's own careers host ("careers.acme.example" → "Acme")."""
    host = urlparse(url or "").hostname or ""
    previous = None
    while previous != host:
        previous, host = host, HOST_PREFIXES.sub("", host)
    labels = host.split(".")
    return name_from_slug(labels[0]) if len(labels) >= 2 and labels[0] else None


def qualify_place(place: str | None, country: str | None) -> str | None:
    """Adds the country to a place that does not name it ("Toronto" + "CA" → "Toronto, Canada").

    The country is written as a name, not a code: "Kitchener, CA" would read as California.
    """
    if not place:
        return country_name(country_code(country)) if country and country_code(country) else None
    code = country_code(country) if country else None
    if not code:
        return place
    tokens = [t.strip() for t in re.split(r"[,;()|/]|\s[-–]\s", place) if t.strip()]
    if any(country_code(token) == code for token in tokens):
        return place  # already names the country ("Remote - US", "London, UK")
    if code == "US" and re.fullmatch(r"[A-Z]{2}", tokens[-1] if tokens else ""):
        return place  # "City, ST": the US convention already places it
    named = country_name(code) or code
    if re.search(rf"\b{re.escape(named)}\b", place, re.I):
        return place
    return f"{place}, {named}"


def join_place(*parts: str | None) -> str | None:
    """ "City", "Region", "Country" → "City, Region, Country", skipping empty and repeated parts."""
    seen: list[str] = []
    for part in parts:
        if part and part.casefold() not in (s.casefold() for s in seen):
            seen.append(part)
    return ", ".join(seen) or None


REMOTE_WORD = re.compile(r"\b(remote|anywhere|work from home|distributed)\b", re.I)


def remote_place(place: str | None, remote: bool) -> str | None:
    """Marks a fully remote job's place as remote ("United States" → "Remote, United States")."""
    if not remote:
        return place
    if not place:
        return "Remote"
    return place if REMOTE_WORD.search(place) else f"Remote, {place}"


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """Non-empty values in order, each once (compared without case)."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.strip().casefold(), value.strip())
    return tuple(seen.values())


@dataclass
class JobLines:
    """Finds each job's line in the file by searching for its title from the last match on.

    Jobs appear in the file in list order, so a forward search locates each one; a title the
    search cannot find (written with different escapes) simply has no line.
    """

    text: str
    cursor: int = 0
    _cache: dict[int, int | None] = field(default_factory=dict)

    def line_of(self, title: Any) -> int | None:
        if not isinstance(title, str) or not title:
            return None
        for encoded in (json.dumps(title, ensure_ascii=False), json.dumps(title)):
            position = self.text.find(encoded, self.cursor)
            if position >= 0:
                self.cursor = position + len(encoded)
                return self.text.count("\n", 0, position) + 1
        return None


# Errors a per-job function may raise on data of an unexpected type (ValidationError is a
# ValueError): they become one warning for that job, never a crash of the whole file.
JOB_DATA_ERRORS = (TypeError, ValueError, AttributeError, KeyError)


def read_jobs(
    source: InputFile,
    jobs: list[Any],
    posting: Callable[[dict[str, Any], int | None], RawPosting],
    *,
    title_key: str,
    noun: str = "job",
) -> ReadResult:
    """Applies a reader's per-job function to every job, turning problems into located messages."""
    result = ReadResult()
    lines = JobLines(source.text)
    for index, job in enumerate(jobs, start=1):
        if not isinstance(job, dict):
            result.warn(source.path, f"{noun} {index} is not an object", action=f"{noun} skipped")
            continue
        line = lines.line_of(job.get(title_key))
        try:
            result.postings.append(posting(job, line))
        except SkipJob as skip:
            message = f"{noun} {index} {skip.reason}"
            if skip.info:
                result.note(source.path, message, action=f"{noun} skipped")
            else:
                result.warn(source.path, message, line=line, action=f"{noun} skipped")
        except JOB_DATA_ERRORS as err:
            result.warn(
                source.path,
                f"{noun} {index} has data of an unexpected shape ({err})",
                line=line,
                action=f"{noun} skipped",
            )
    return result


def require_title(job: dict[str, Any], key: str) -> str:
    """The job's title, or `SkipJob` when it has none."""
    title = text(job.get(key))
    if not title:
        raise SkipJob("has no title")
    return title


def note_derived(
    result: ReadResult,
    source: InputFile,
    names: Iterable[str],
    where: str,
    lead: str = "no company name in the export",
    slugs: dict[str, str] | None = None,
) -> None:
    """One info note per employer name that was inferred from URLs rather than stated.

    `slugs` maps a name spelled as the posting's text writes it to the URL's own name, so the
    note names both and a wrong match can be spotted.
    """
    for name in sorted(set(names)):
        slug = (slugs or {}).get(name)
        spelled = f" (the URL gives {slug!r}; spelled as the postings write it)" if slug else ""
        result.note(
            source.path,
            f"{lead}; employer {name!r} taken from {where}{spelled}",
            action="employer derived",
        )


def settle_derived_employers(
    result: ReadResult,
    source: InputFile,
    derived: Iterable[str],
    where: str,
    lead: str = "no company name in the export",
) -> None:
    """Spells each employer named only by a URL as the postings' own text writes it, then notes it.

    A slug loses spaces, case and "&" ("marlowefinch"); if any posting of that employer in the
    file writes "Marlowe & Finch", every one of them takes that spelling, so one employer never
    appears under two names. The note names both, so a wrong match is easy to spot.
    """
    names = set(derived)
    spellings: dict[str, str] = {}
    for name in names:
        texts = (
            html_to_text(p.description_html) for p in result.postings if p.employer_name == name
        )
        if spelled := spelled_in_text(name, texts):
            spellings[name] = spelled
    result.postings[:] = [
        p.model_copy(update={"employer_name": spellings[p.employer_name]})
        if p.employer_name in spellings
        else p
        for p in result.postings
    ]
    note_derived(
        result,
        source,
        [spellings.get(n, n) for n in names],
        where,
        lead,
        {spelled: name for name, spelled in spellings.items()},
    )
