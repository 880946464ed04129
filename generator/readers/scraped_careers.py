"""Text copied from a job page on an employer's own careers site, in no job board's layout.

Such pages follow no template, so this reader is deliberately conservative and runs after
every site-specific one. It reads a posting only when it finds both parts of its identity
in a form that states them:

- the employer from the page's own header ("Saltpine Ferries — Careers", "Careers at
  Saltpine", "Jobs at Saltpine"), an "at Employer" / "Company: Employer" line under the title,
  or an "About <Name>" section whose name the job text repeats;
- the title as the line after that header, or the line above a facts line
  ("Bremerton, WA · Seasonal · Posted Nov 3, 2026"), or a "Job title:" label.

When it cannot find both, it guesses nothing: the file gets one message saying what it found
("text looks like a job page (found title 'X', a salary and a location) but names no employer").
"""

from __future__ import annotations

import datetime as dt
import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.normalize.dates import normalize_date
from generator.readers.base import InputFile, ReadResult, is_structured_data
from generator.readers.page_furniture import is_furniture, page_posting
from generator.readers.scraped_sites import (
    HEADING,
    Line,
    description_blocks,
    page_lines,
    salary_in_text,
)

CAREERS_HEADER = re.compile(
    r"^(?:(?P<a>.+?)\s*[—–|:-]\s*(?:careers|jobs|open\s+positions|join\s+us|we('|’)re\s+hiring)"
    r"|(?:careers|jobs|open\s+positions|work)\s+(?:at|with)\s+(?P<b>.+?)"
    r"|(?P<c>.+?)\s+(?:careers|jobs)(?:\s+page)?)$",
    re.I,
)
AT_EMPLOYER = re.compile(
    r"^(?:at|company:|employer:|organi[sz]ation:|hiring\s+company:)\s*(.+)$", re.I
)
ABOUT_NAME = re.compile(r"^about\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})$")
NOT_A_NAME = re.compile(
    r"^(the\s+.*|us|you|this\s+.*|our\s+.*|yourself|the|role|job|team|company|position)$", re.I
)
LABELLED = re.compile(
    r"^(?P<label>job\s+title|title|position|location|locations|salary|pay|compensation|"
    r"pay\s+range|salary\s+range|job\s+type|employment\s+type|type|posted|date\s+posted|"
    r"posted\s+on|apply\s+by|closing\s+date|deadline|applications\s+close)\s*:\s*(?P<value>.+)$",
    re.I,
)
POSTED = re.compile(r"^(?:(?:re)?posted|published|updated)\b:?\s*(?P<when>.+)$", re.I)
EMPLOYMENT = re.compile(
    r"^(full[-\s]?time|part[-\s]?time|contract(or)?|temporary|seasonal|internship|intern|"
    r"permanent|fixed[-\s]term|freelance|per\s+diem)$",
    re.I,
)
ARRANGEMENT = re.compile(r"^(remote|hybrid|on-?site|in[-\s]office|fully\s+remote)$", re.I)
PLACE = re.compile(r"^[A-Z][\w .'’-]{1,40},\s*[A-Z][\w .'’-]{1,40}(?:,\s*[\w .'’-]{2,40})?$")
FACT_SEPARATOR = re.compile(r"\s+[·•|]\s+")
END = re.compile(
    r"^(similar\s+jobs|other\s+(?:open\s+)?(?:jobs|positions|openings)|more\s+jobs|"
    r"share\s+this\s+(?:job|role|posting)|back\s+to\s+(?:all\s+)?(?:jobs|openings|careers)|"
    r"privacy\s+policy|terms(\s+of\s+(use|service))?|©.*|copyright\b.*|all\s+rights\s+reserved.*)$",
    re.I,
)


# Only to tell whether a text is a date at all; relative dates resolve later, against the
# build's reference date.
_ANY_DAY = dt.date(2000, 1, 1)


def _facts(text: str) -> dict[str, str] | None:
    """A "Place · Type · Posted date" line's parts by kind; None when it is not such a line."""
    parts = FACT_SEPARATOR.split(text)
    if len(parts) < 2:
        return None
    facts: dict[str, str] = {}
    for part in parts:
        posted = POSTED.match(part)
        if posted and normalize_date(posted.group("when"), _ANY_DAY):
            facts.setdefault("posted", posted.group("when"))
        elif EMPLOYMENT.match(part):
            facts.setdefault("type", part)
        elif ARRANGEMENT.match(part):
            facts.setdefault("arrangement", part)
        elif PLACE.match(part):
            facts.setdefault("location", part)
        else:
            return None  # a part that is no fact: a sentence with a middle dot, not a facts line
    return facts


def _title_like(text: str) -> bool:
    return (
        2 <= len(text) <= 90
        and not text.endswith((".", ":", "!", "?"))
        and bool(re.search(r"[A-Za-z]", text))
        and not HEADING.match(text)
        and not is_furniture(text)
        and _facts(text) is None
        and salary_in_text([Line(0, text)]) is None
    )


class CareersPageReader:
    """Reads a job page copied from an employer's own careers site, when it can be sure."""

    name = "scraped-job-page"

    def sniff(self, source: InputFile) -> bool:
        """Plain text with at least two job-page facts near the top; see `read` for the rest."""
        if is_structured_data(source):
            return False
        lines = [ln for ln in page_lines(source.text[:20000]) if ln.text][:60]
        signals = (
            any(CAREERS_HEADER.match(ln.text) for ln in lines[:5]),
            any(_facts(ln.text) for ln in lines[:15]),
            salary_in_text(lines) is not None,
            any(LABELLED.match(ln.text) for ln in lines),
            len({ln.text.lower() for ln in lines if HEADING.match(ln.text.rstrip(":"))}) >= 2,
        )
        return sum(signals) >= 2

    def read(self, source: InputFile) -> ReadResult:
        all_lines = page_lines(source.text)
        lines = [ln for ln in all_lines if ln.text and not is_furniture(ln.text)]
        labelled = {
            re.sub(r"\s+", " ", m.group("label").lower()): m.group("value")
            for m in (LABELLED.match(ln.text) for ln in lines)
            if m
        }
        employer, title, cursor = self._identity(lines, labelled)
        facts: dict[str, str] = {}
        if cursor < len(lines):
            found = _facts(lines[cursor].text)
            if found:
                facts, cursor = found, cursor + 1
        end = next((i for i in range(cursor, len(all_lines)) if END.match(all_lines[i].text)), None)
        start_number = lines[cursor].number if cursor < len(lines) else all_lines[-1].number + 1
        body = [
            ln
            for ln in all_lines
            if start_number <= ln.number
            and (end is None or ln.number < all_lines[end].number)
            and not is_furniture(ln.text)
        ]
        location = labelled.get("location") or labelled.get("locations") or facts.get("location")
        salary = (
            labelled.get("salary")
            or labelled.get("pay")
            or labelled.get("pay range")
            or labelled.get("salary range")
            or labelled.get("compensation")
            or salary_in_text(body)
        )
        if title is None or employer is None:
            raise ReaderError(self._what_was_found(title, employer, salary, location))
        return page_posting(
            "careers",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=salary,
            locations=tuple(p.strip() for p in location.split(";")) if location else (),
            work_arrangement_text=facts.get("arrangement"),
            employment_type_text=labelled.get("job type")
            or labelled.get("employment type")
            or labelled.get("type")
            or facts.get("type"),
            date_posted_text=labelled.get("date posted")
            or labelled.get("posted")
            or labelled.get("posted on")
            or facts.get("posted"),
            valid_through_text=labelled.get("apply by")
            or labelled.get("closing date")
            or labelled.get("deadline")
            or labelled.get("applications close"),
        )

    @staticmethod
    def _identity(
        lines: list[Line], labelled: dict[str, str]
    ) -> tuple[str | None, Line | None, int]:
        """(employer, title line, index after the title) — None for what the page does not state."""
        employer: str | None = None
        title: Line | None = None
        cursor = 0
        header = CAREERS_HEADER.match(lines[0].text) if lines else None
        if header:
            employer = next(g for g in header.group("a", "b", "c") if g).strip()
            if len(lines) > 1 and _title_like(lines[1].text):
                title, cursor = lines[1], 2
        if title is None:
            # The line above a "Place · Type · Posted …" line names the job.
            for index in range(1, min(len(lines), 15)):
                if _facts(lines[index].text) and _title_like(lines[index - 1].text):
                    title, cursor = lines[index - 1], index
                    break
        if title is None and "job title" in labelled:
            at = next(
                ln
                for ln in lines
                if LABELLED.match(ln.text) and ln.text.lower().startswith("job title")
            )
            title, cursor = Line(at.number, labelled["job title"]), lines.index(at) + 1
        if employer is None and title is not None:
            employer = AtEmployerSearch.near(lines, cursor) or AtEmployerSearch.about(lines)
        return employer, title, cursor

    @staticmethod
    def _what_was_found(
        title: Line | None, employer: str | None, salary: str | None, location: str | None
    ) -> str:
        found = [
            f"title {title.text!r}" if title else None,
            f"employer {employer!r}" if employer else None,
        ]
        found += ["a salary" if salary else None, "a location" if location else None]
        named = [f for f in found if f]
        listed = (
            ", ".join(named[:-1]) + " and " + named[-1]
            if len(named) > 1
            else (named[0] if named else "")
        )
        missing = " and ".join(
            w for w, v in (("title", title), ("employer", employer)) if v is None
        )
        what = f" (found {listed})" if listed else ""
        return f"text looks like a job page{what} but names no {missing}"


class AtEmployerSearch:
    """Where a careers page without a "… Careers" header states its employer."""

    @staticmethod
    def near(lines: list[Line], cursor: int) -> str | None:
        """An "at Employer" / "Company: Employer" line just under the title."""
        for line in lines[cursor : cursor + 3]:
            found = AT_EMPLOYER.match(line.text)
            if found:
                return found.group(1).strip()
        return None

    @staticmethod
    def about(lines: list[Line]) -> str | None:
        """ "About Saltpine" when the job text names Saltpine again (not "About the role")."""
        for index, line in enumerate(lines):
            found = ABOUT_NAME.match(line.text.rstrip(":"))
            if not found or NOT_A_NAME.match(found.group("name")):
                continue
            name = found.group("name")
            rest = " ".join(ln.text for ln in lines[index + 1 :])
            if re.search(rf"\b{re.escape(name)}\b", rest):
                return name
        return None
