"""Text copied from a job page on a Workday career site (myworkdayjobs.com).

Workday pages carry the employer's name as the site's header ("Skip to main content", the
name, "Careers", "Search for Jobs", "Sign In"), then the title and "Apply", then facts under
lower-case labels: "locations", "remote type", "time type", "posted on", "time left to apply",
"job requisition id". The job text follows and runs to "Similar Jobs" / "Follow Us" / the
"© … Workday, Inc." footer.
"""

from __future__ import annotations

import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.readers.base import InputFile, ReadResult
from generator.readers.page_furniture import is_furniture, page_posting
from generator.readers.scraped_sites import (
    Line,
    description_blocks,
    find_line,
    is_plain_text,
    page_lines,
    salary_in_text,
)

LABELS = {
    "locations": "locations",
    "location": "locations",
    "remote type": "remote",
    "time type": "time",
    "worker type": "worker",
    "posted on": "posted",
    "time left to apply": "deadline",
    "end date": "deadline",
    "job requisition id": "requisition",
    "job family": "family",
}
LABEL = re.compile(r"^(" + "|".join(re.escape(k) for k in LABELS) + r")$", re.I)
HEADER_CONTROL = re.compile(r"^(apply|apply\s+now|save|share|job\s+alerts?|.+\s+logo)$", re.I)
WORKDAY_END = re.compile(
    r"^(similar\s+jobs(\s*\(\d+\))?|follow\s+us|©.*workday.*|about\s+us\s*$|"
    r"view\s+all\s+jobs|share\s+this\s+job|back\s+to\s+job\s+posting)$",
    re.I,
)
END_DATE = re.compile(r"^(?:end\s+date:\s*)?(?P<date>.+?)(?:\s*\(.*\))?$", re.I)
LOCATION_COUNT = re.compile(r"^\d+\s+locations?$", re.I)


def first(facts: dict[str, list[str]], label: str) -> str | None:
    """The first value under a label; a label copied without its value gives None."""
    values = facts.get(label) or []
    return values[0] if values else None


class WorkdayPageReader:
    """Reads a Workday job page copy: site header, title, labelled facts, job text."""

    name = "scraped-workday"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        labels = {ln.text.lower() for ln in lines[:80] if LABEL.match(ln.text)}
        footer = any(re.match(r"^©.*workday", ln.text, re.I) for ln in lines)
        return len(labels & {"posted on", "time type", "job requisition id"}) >= 2 or (
            footer and len(labels) >= 1
        )

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        first_label = find_line(lines, LABEL)
        assert first_label is not None  # sniffed
        header = [
            ln
            for ln in lines[:first_label]
            if ln.text and not is_furniture(ln.text) and not HEADER_CONTROL.match(ln.text)
        ]
        if not header:
            raise ReaderError("no job title above the job's facts", line=lines[first_label].number)
        title = header[-1]
        employer = self._employer(header[:-1])
        if employer is None:
            raise ReaderError(
                f"Workday page for {title.text!r} names no employer above the title",
                line=title.number,
            )
        facts, body_start = self._facts(lines, first_label)
        end = find_line(lines, WORKDAY_END, body_start) or len(lines)
        body = [ln for ln in lines[body_start:end] if not is_furniture(ln.text)]
        deadline = END_DATE.match(first(facts, "deadline") or "")
        return page_posting(
            "Workday",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            external_id=first(facts, "requisition"),
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=salary_in_text(body),
            locations=tuple(p for p in facts.get("locations", []) if not LOCATION_COUNT.match(p)),
            work_arrangement_text=first(facts, "remote"),
            employment_type_text=first(facts, "time") or first(facts, "worker"),
            date_posted_text=first(facts, "posted"),
            valid_through_text=deadline.group("date") if deadline else None,
        )

    @staticmethod
    def _employer(lines: list[Line]) -> str | None:
        """The site's name above the title: "Hollis Regional Medical Center", "Acme Careers"."""
        for line in lines:
            text = re.sub(r"\s*[—–|-]?\s*careers?(\s+site)?$", "", line.text, flags=re.I)
            text = re.sub(r"^careers\s+at\s+", "", text, flags=re.I).strip()
            if text and len(text) <= 80:
                return text
        return None

    @staticmethod
    def _facts(lines: list[Line], start: int) -> tuple[dict[str, list[str]], int]:
        """Label → values (several only for "locations"), and where the job text starts."""
        facts: dict[str, list[str]] = {}
        index = start
        while index < len(lines):
            label = LABEL.match(lines[index].text)
            if not label:
                if lines[index].text:
                    break
                index += 1
                continue
            key = LABELS[label.group(1).lower()]
            index += 1
            values: list[str] = []
            while index < len(lines) and lines[index].text and not LABEL.match(lines[index].text):
                text = lines[index].text
                place = "," in text or re.match(r"^remote\b", text, re.I)
                if values and (key != "locations" or len(text) > 60 or not place):
                    break
                values.append(text)
                index += 1
            facts.setdefault(key, values)
        return facts, index
