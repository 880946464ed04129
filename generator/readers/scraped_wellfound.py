"""Text copied from a Wellfound (formerly AngelList Talent) job page.

The page shows the company (its logo's text may repeat the name) and its one-line pitch, the
title, a pay line with the equity range ("$130k – $160k • 0.5% – 1.0%"), a places line
("Remote • Hybrid - San Francisco, CA"), the age, then "About the job" with labelled facts
("Job type", "Visa sponsorship", "Remote work policy", "Hires remotely", "Skills"…), the job
text, and "About the company". The facts are recognised by their labels; the job text runs
from the first section after the facts to "About the company".
"""

from __future__ import annotations

import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.readers.base import InputFile, ReadResult
from generator.readers.page_furniture import is_furniture, page_posting
from generator.readers.scraped_sites import (
    HEADING,
    Line,
    description_blocks,
    find_line,
    is_plain_text,
    page_lines,
    salary_in_text,
)

SITE_NAME = re.compile(r"^(wellfound|angellist(\s+talent)?|angel\.co)$", re.I)
EQUITY = re.compile(r"(?:•|·)\s*(?:\d+(?:\.\d+)?%(?:\s*[-–]\s*\d+(?:\.\d+)?%)?|no\s+equity)", re.I)
MONEY = re.compile(r"[$€£₹]\s?\d|\b(?:USD|EUR|GBP|CAD|INR)\s?\d")
POSTED = re.compile(r"^\|?\s*(?:(?:re)?posted:?\s+.*|.*\bago)$", re.I)
# The labelled facts under "About the job"; each label's value is the line under it.
LABELS = {
    "job type": "type",
    "visa sponsorship": "visa",
    "remote work policy": "policy",
    "hires remotely": "hires",
    "preferred timezones": "timezones",
    "relocation": "relocation",
    "collaboration hours": "hours",
    "company size": "size",
    "skills": "skills",
}
LABEL = re.compile(r"^(" + "|".join(re.escape(k) for k in LABELS) + r")$", re.I)
ABOUT_JOB = re.compile(r"^about\s+the\s+job$", re.I)
HEADER_CONTROL = re.compile(r"^(apply(\s+now)?|save|saved|share|hide|report|learn\s+more)$", re.I)
WELLFOUND_END = re.compile(
    r"^(about\s+the\s+company|similar\s+jobs|more\s+jobs\s+(?:at|from)\s+.+|"
    r"other\s+jobs\s+at\s+.+|founders?|funding|people\s+also\s+viewed)$",
    re.I,
)
ARRANGED_PLACE = re.compile(
    r"^(?P<how>remote|hybrid|on-?site|in[-\s]office)(?:\s*[-–:(]\s*(?P<where>.+?)\)?)?$", re.I
)


class WellfoundPageReader:
    """Reads a Wellfound job page copy: company, pitch, title, pay • equity, places, facts."""

    name = "scraped-wellfound"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        texts = [line.text for line in lines if line.text]
        labels = {t.lower() for t in texts if LABEL.match(t)} - {"skills", "job type"}
        branded = any(SITE_NAME.match(t) for t in texts[:10]) or any(
            MONEY.search(t) and EQUITY.search(t) for t in texts[:40]
        )
        return branded and len(labels) >= 2

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        about = find_line(lines, ABOUT_JOB)
        first_label = find_line(lines, LABEL)
        header_end = min(i for i in (about, first_label, len(lines)) if i is not None)
        header = [
            line
            for line in lines[:header_end]
            if line.text
            and not is_furniture(line.text)
            and not SITE_NAME.match(line.text)
            and not HEADER_CONTROL.match(line.text)
        ]
        fact_at = next((i for i, ln in enumerate(header) if self._is_fact(ln.text)), len(header))
        named = header[:fact_at]
        if len(named) < 2:
            raise ReaderError("no company and title above the pay and places lines")
        employer, title = named[0].text, named[-1]
        pitch = [ln.text for ln in named[1:-1] if ln.text.casefold() != employer.casefold()]
        facts = header[fact_at:]
        labelled = self._labelled(lines[header_end:])
        body_start = self._body_start(lines, header_end)
        end = find_line(lines, WELLFOUND_END, body_start) or len(lines)
        body = [ln for ln in lines[body_start:end] if not is_furniture(ln.text)]
        places, arrangements = self._places(facts)
        policy = labelled.get("policy")
        if not arrangements and policy:
            arrangements.append(policy)
        pay = next((ln.text for ln in facts if MONEY.search(ln.text)), None)
        return page_posting(
            "Wellfound",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            employer_description=pitch[0] if pitch else None,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=EQUITY.split(pay)[0].strip() if pay else salary_in_text(body),
            locations=tuple(places),
            work_arrangement_text=" or ".join(arrangements) or None,
            employment_type_text=labelled.get("type"),
            skills=tuple(labelled.get("skills", "").split("\n")) if "skills" in labelled else (),
            date_posted_text=next(
                (ln.text.lstrip("| ") for ln in facts if POSTED.match(ln.text)), None
            ),
        )

    @staticmethod
    def _is_fact(text: str) -> bool:
        """A header line that states pay, places or age rather than naming the job."""
        return bool(
            MONEY.search(text) or POSTED.match(text) or " • " in text or ARRANGED_PLACE.match(text)
        )

    @staticmethod
    def _places(facts: list[Line]) -> tuple[list[str], list[str]]:
        """ "Remote • Hybrid - San Francisco, CA" → (["Remote", "San Francisco, CA"], kinds)."""
        places: list[str] = []
        arrangements: list[str] = []
        for line in facts:
            if MONEY.search(line.text) or POSTED.match(line.text):
                continue
            for part in (p.strip() for p in re.split(r"\s+[•·|]\s+", line.text)):
                found = ARRANGED_PLACE.match(part)
                if found:
                    arrangements.append(found.group("how"))
                    where = found.group("where")
                    if found.group("how").lower() == "remote":
                        places.append(f"Remote, {where}" if where else "Remote")
                    elif where:
                        places.append(where)
                elif part:
                    places.append(part)
        return places, arrangements

    @staticmethod
    def _labelled(lines: list[Line]) -> dict[str, str]:
        """Label → value for the facts under "About the job" (skills: one per line)."""
        facts: dict[str, str] = {}
        index = 0
        while index < len(lines):
            label = LABEL.match(lines[index].text)
            index += 1
            if not label:
                continue
            key = LABELS[label.group(1).lower()]
            values: list[str] = []
            while index < len(lines) and lines[index].text and not LABEL.match(lines[index].text):
                text = lines[index].text
                if HEADING.match(text) or ABOUT_JOB.match(text) or key != "skills" and values:
                    break
                values.append(text)
                index += 1
            facts.setdefault(key, "\n".join(values))
        return facts

    @staticmethod
    def _body_start(lines: list[Line], header_end: int) -> int:
        """The first line of the job text: the first section heading after the facts."""
        last_label = header_end
        for index in range(header_end, len(lines)):
            if LABEL.match(lines[index].text):
                last_label = index
        for index in range(last_label + 1, len(lines)):
            if HEADING.match(lines[index].text.rstrip(":")) and not ABOUT_JOB.match(
                lines[index].text
            ):
                return index
        return last_label + 2
