"""Markdown with YAML front matter: jobboard's native authoring format.

    ---
    title: Senior Data Engineer
    employer: Harbor Labs
    location: [Lisbon, Portugal, "Remote, EU"]
    salary: "€60,000–€75,000 a year"
    ---
    The description, in Markdown.

The schema (`FRONT_MATTER_KEYS`) is documented in the README. Unknown keys are reported with a
"did you mean"; the posting is still read.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from typing import Any

import yaml

from generator.errors import ReaderError
from generator.markup import markdown_to_html
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)

FRONT_MATTER_KEYS: dict[str, str] = {
    "title": "job title (required)",
    "employer": "employer name (required)",
    "employer_website": "employer's website URL",
    "employer_logo": "employer's logo URL",
    "employer_description": "one or two sentences about the employer",
    "industry": "employer's industry",
    "category": "job category or department",
    "team": "team name",
    "location": "a location or a list of them ('Berlin, Germany', 'Remote, US')",
    "work_arrangement": "onsite, hybrid, remote, or several ('hybrid or remote')",
    "remote": "true for a remote job (same as work_arrangement: remote)",
    "employment_type": "full-time, part-time, contract, temporary, internship…",
    "seniority": "entry, mid, senior, lead, director, executive",
    "salary": "a text ('$120k–$150k a year') or a mapping {min, max, currency, period}",
    "skills": "a list of skills",
    "date_posted": "YYYY-MM-DD",
    "valid_through": "YYYY-MM-DD: the posting closes after this day",
    "apply_url": "where to apply",
    "external_id": "the employer's reference for the job",
    "summary": "one-paragraph summary shown on cards and in meta descriptions",
}


def _text(value: Any) -> str | None:
    """A scalar as text; None for a missing value and for a list or mapping.

    Lists and mappings are never turned into text with str(): YAML aliases can nest a small
    file into a structure whose text is gigabytes long ("billion laughs").
    """
    if value is None or isinstance(value, list | tuple | dict):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _number(value: Any) -> float | None:
    """A salary figure: a number or numeric text ("62,000"); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(t for v in value if (t := _text(v)))
    text = _text(value)
    return (text,) if text else ()


class MarkdownReader:
    """Reads Markdown files that open with YAML front matter."""

    name = "markdown"

    def sniff(self, source: InputFile) -> bool:
        match = FRONT_MATTER.match(source.text)
        return bool(match) and bool(re.search(r"^title\s*:", match.group(1) if match else "", re.M))

    def read(self, source: InputFile) -> ReadResult:
        match = FRONT_MATTER.match(source.text)
        if match is None:
            raise ReaderError("no front matter block between --- lines", line=1)
        try:
            # libyaml's C parser: the pure-Python one cost ~2 ms per posting.
            meta = yaml.load(match.group(1), Loader=SAFE_LOADER)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise ReaderError(f"front matter is not valid YAML: {err}", line=line) from err
        if not isinstance(meta, dict):
            raise ReaderError("front matter must be a mapping of keys to values", line=2)
        result = ReadResult()
        key_lines = {
            m.group(1): i
            for i, line in enumerate(match.group(1).splitlines(), start=2)
            if (m := re.match(r"^([A-Za-z_][\w-]*)\s*:", line))
        }
        for key in meta:
            if key not in FRONT_MATTER_KEYS:
                close = difflib.get_close_matches(str(key), list(FRONT_MATTER_KEYS), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                result.warn(
                    source.path,
                    f"unknown front matter key {key!r}{hint}",
                    line=key_lines.get(str(key)),
                    action="key ignored",
                )
        title = _text(meta.get("title"))
        employer = _text(meta.get("employer"))
        if not title or not employer:
            missing = "title" if not title else "employer"
            result.warn(
                source.path, f"front matter has no {missing}", line=1, action="posting skipped"
            )
            return result
        salary = meta.get("salary")
        salary_fields: dict[str, Any] = {}
        if isinstance(salary, dict):
            salary_fields = {
                "salary_min": _number(salary.get("min")),
                "salary_max": _number(salary.get("max")),
                "salary_currency": _text(salary.get("currency")),
                "salary_period": _text(salary.get("period")),
            }
        else:
            salary_fields = {"salary_text": _text(salary)}
        arrangement = _text(meta.get("work_arrangement"))
        if meta.get("remote") is True and not arrangement:
            arrangement = "remote"
        body = source.text[match.end() :]
        result.postings.append(
            RawPosting(
                source=Source(path=source.path, line=1, format=self.name),
                title=title,
                employer_name=employer,
                employer_website=_text(meta.get("employer_website")),
                employer_logo_url=_text(meta.get("employer_logo")),
                employer_description=_text(meta.get("employer_description")),
                industry=_text(meta.get("industry")),
                category=_text(meta.get("category")),
                team=_text(meta.get("team")),
                external_id=_text(meta.get("external_id")),
                apply_url=_text(meta.get("apply_url")),
                description_html=markdown_to_html(body) if body.strip() else "",
                summary=_text(meta.get("summary")),
                skills=_list(meta.get("skills")),
                locations=_list(meta.get("location")),
                work_arrangement_text=arrangement,
                employment_type_text=_text(meta.get("employment_type")),
                seniority_text=_text(meta.get("seniority")),
                date_posted_text=_text(meta.get("date_posted")),
                valid_through_text=_text(meta.get("valid_through")),
                **salary_fields,
            )
        )
        return result
