"""Text copied from job pages on Monster, Dice and Welcome to the Jungle (formerly Otta).

Each page opens with the site's own navigation ("monster / Search Jobs / Career Advice /
Sign In", "Dice / Find Jobs / Career Tools", "Welcome to the Jungle / Jobs / Companies /
Salaries / Log in"), which is never the title, the employer or a place. Then:

- *Monster*: the title, the company, the place, the job type, the pay ("$30 - $38 Per Hour"),
  "Apply", "Posted 3 days ago", then "Description" up to "About the Company" / "Report Job".
- *Dice*: the title, the company, the place, "Posted 7 days ago | Updated 2 days ago", an
  "Overview" of workplace / pay / job type, "Skills" (one a line), then "Job Details" up to
  "Dice Id:" / "Position Id:" (the employer's reference) / "Report this job".
- *Welcome to the Jungle / Otta*: the company and its one-line pitch, the title, a
  "London, UK · Hybrid" line, the pay, the level, "Posted 2 weeks ago", then the job text in
  sections up to "About <Company>".

The sites are recognised by their name at the top together with a section of their own
layout, so any other page that happens to mention them is left to the other readers.
"""

from __future__ import annotations

import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.readers.base import InputFile, ReadResult
from generator.readers.page_furniture import is_furniture, page_posting
from generator.readers.scraped_sites import (
    HEADING,
    INLINE_NOISE,
    Line,
    description_blocks,
    find_line,
    is_plain_text,
    page_lines,
    salary_in_text,
)

CONTROL = re.compile(
    r"^(apply(\s+now)?|easy\s+apply|apply\s+on\s+company\s+site|save|saved|share|"
    r"report(\s+this)?\s+job|be\s+an\s+early\s+applicant|new|.+\s+logo|follow)$",
    re.I,
)
POSTED = re.compile(r"^(?:(?:re)?posted|updated)\b.*|^.*\bago$|^(?:today|yesterday)$", re.I)
MONEY = re.compile(r"[$€£₹]\s?\d|\b(?:USD|EUR|GBP|CAD|AUD|INR)\s?\d")
EMPLOYMENT = re.compile(
    r"^(full[-\s]?time|part[-\s]?time|contract(or)?(\s*(to|-)\s*hire)?|temporary|seasonal|"
    r"contract\s*[-–]\s*(?:w-?2|1099|c2c|corp[-\s]to[-\s]corp|independent)|"
    r"internship|intern|permanent|freelance|per\s+diem|third\s+party)$",
    re.I,
)
ARRANGEMENT = re.compile(r"^(remote|hybrid|on[-\s]?site|in[-\s]office|fully\s+remote)$", re.I)
PLACE = re.compile(r"^[A-Z][\w .'’-]{1,40},\s*[A-Z][\w .'’()-]{1,40}(?:,\s*[\w .'’-]{2,40})?$")
REMOTE_PLACE = re.compile(r"^remote(?:\s*[-–,(]\s*|\s+in\s+)(?P<where>[^)]{2,40})\)?$", re.I)
LEVEL = re.compile(
    r"^((?:entry|junior|mid|senior|lead|principal|staff|executive)(?:[-\s]level)?|"
    r"expert/leader|manager|director)$",
    re.I,
)


def _site(lines: list[Line], pattern: re.Pattern[str]) -> bool:
    """Whether the site's name is one of the first lines (its logo's text)."""
    top = [ln.text for ln in lines if ln.text][:10]
    return any(pattern.fullmatch(t) for t in top)


def _header(lines: list[Line], site: re.Pattern[str]) -> list[Line]:
    """The header's own lines: navigation, the site's name and controls left out."""
    return [
        ln
        for ln in lines
        if ln.text
        and not is_furniture(ln.text)
        and not site.fullmatch(ln.text)
        and not CONTROL.match(ln.text)
    ]


def _place(text: str) -> str | None:
    """ "Kansas City, MO" or "Remote (US)" as a place; None for any other line."""
    found = REMOTE_PLACE.match(text)
    if found:
        return f"Remote, {found.group('where').strip()}"
    if PLACE.match(text) or ARRANGEMENT.match(text) and text.lower().startswith("remote"):
        return text
    return None


def _is_fact(text: str) -> bool:
    return bool(
        MONEY.search(text)
        or POSTED.match(text)
        or EMPLOYMENT.match(text)
        or ARRANGEMENT.match(text)
        or LEVEL.match(text)
        or _place(text)
        or " · " in text
        or " | " in text
    )


# --- Monster --------------------------------------------------------------------------------

MONSTER = re.compile(r"monster(?:\.com)?", re.I)
MONSTER_DESCRIPTION = re.compile(r"^(?:job\s+)?description$", re.I)
MONSTER_END = re.compile(
    r"^(about\s+the\s+company|report\s+job|similar\s+jobs|more\s+jobs\s+like\s+this|"
    r"people\s+also\s+viewed|recommended\s+jobs)$",
    re.I,
)


class MonsterPageReader:
    """Reads a Monster job page copy: title, company, place, type, pay, age, description."""

    name = "scraped-monster"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        return _site(lines, MONSTER) and find_line(lines, MONSTER_DESCRIPTION) is not None

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        start = find_line(lines, MONSTER_DESCRIPTION)
        assert start is not None  # sniffed
        header = _header(lines[:start], MONSTER)
        fact_at = next((i for i, ln in enumerate(header) if _is_fact(ln.text)), len(header))
        named = header[:fact_at]
        if len(named) < 2:
            raise ReaderError("no job title and company above the Monster page's facts")
        # The two lines above the first fact: links the site added above them are not the job.
        title, employer = named[-2], named[-1].text
        facts = [ln.text for ln in header[fact_at:]]
        end = find_line(lines, MONSTER_END, start + 1) or len(lines)
        body = [ln for ln in lines[start + 1 : end] if not is_furniture(ln.text)]
        pay = next((f for f in facts if MONEY.search(f)), None)
        places = [p for p in (_place(f) for f in facts) if p]
        return page_posting(
            "Monster",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=pay or salary_in_text(body),
            locations=tuple(places),
            work_arrangement_text=next((f for f in facts if ARRANGEMENT.match(f)), None),
            employment_type_text=next((f for f in facts if EMPLOYMENT.match(f)), None),
            date_posted_text=next((f for f in facts if POSTED.match(f)), None),
        )


# --- Dice -----------------------------------------------------------------------------------

DICE = re.compile(r"dice(?:\.com)?", re.I)
DICE_DETAILS = re.compile(r"^job\s+(?:details|description)$", re.I)
DICE_SECTION = re.compile(r"^(overview|skills|job\s+details|job\s+description|summary)$", re.I)
DICE_REFERENCE = re.compile(r"^(?P<label>dice\s+id|position\s+id)\s*:\s*(?P<value>\S.*)$", re.I)
DICE_END = re.compile(
    r"^(dice\s+id\s*:.*|position\s+id\s*:.*|report\s+this\s+job|similar\s+jobs|"
    r"more\s+jobs\s+like\s+this|about\s+the\s+company)$",
    re.I,
)


class DicePageReader:
    """Reads a Dice job page copy: title, company, place, overview, skills, job details."""

    name = "scraped-dice"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        return _site(lines, DICE) and (
            find_line(lines, DICE_DETAILS) is not None
            or any(DICE_REFERENCE.match(ln.text) for ln in lines)
        )

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        first_section = find_line(lines, DICE_SECTION) or len(lines)
        header = _header(lines[:first_section], DICE)
        fact_at = next((i for i, ln in enumerate(header) if _is_fact(ln.text)), len(header))
        named = header[:fact_at]
        if len(named) < 2:
            raise ReaderError("no job title and company above the Dice page's facts")
        title, employer = named[-2], named[-1].text
        details = find_line(lines, DICE_DETAILS) or len(lines)
        facts = [ln.text for ln in header[fact_at:]]
        overview = [
            ln.text
            for ln in lines[first_section:details]
            if ln.text and not DICE_SECTION.match(ln.text) and not CONTROL.match(ln.text)
        ]
        skills_at = find_line(lines, re.compile(r"^skills$", re.I), first_section)
        skills: list[str] = []
        if skills_at is not None and skills_at < details:
            for ln in lines[skills_at + 1 : details]:
                if DICE_SECTION.match(ln.text):
                    break
                if ln.text:
                    skills.append(ln.text)
        everything = facts + [t for t in overview if t not in skills]
        end = find_line(lines, DICE_END, details + 1) or len(lines)
        body = [ln for ln in lines[details + 1 : end] if not is_furniture(ln.text)]
        references = {
            m.group("label").lower().split()[0]: m.group("value")
            for m in (DICE_REFERENCE.match(ln.text) for ln in lines[end:])
            if m
        }
        posted = next((f for f in everything if POSTED.match(f)), None)
        pay = next((f for f in everything if MONEY.search(f)), None)
        return page_posting(
            "Dice",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            external_id=references.get("position"),
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=pay or salary_in_text(body),
            locations=tuple(p for p in (_place(f) for f in facts) if p),
            work_arrangement_text=next((f for f in everything if ARRANGEMENT.match(f)), None),
            employment_type_text=next((f for f in everything if EMPLOYMENT.match(f)), None),
            skills=tuple(skills),
            # "Posted 7 days ago | Updated 2 days ago": the first part is the age.
            date_posted_text=re.split(r"\s+\|\s+", posted)[0] if posted else None,
        )


# --- Welcome to the Jungle / Otta -----------------------------------------------------------

JUNGLE = re.compile(r"welcome\s+to\s+the\s+jungle|otta|wttj|otta\.com", re.I)
JUNGLE_END = re.compile(
    r"^(similar\s+jobs|more\s+jobs\s+(?:at|from)\s+.+|other\s+jobs\s+at\s+.+|meet\s+the\s+team|"
    r"report\s+this\s+job|you\s+might\s+also\s+like)$",
    re.I,
)
ABOUT_NAME = re.compile(r"^about\s+(?P<name>.+)$", re.I)


class WelcomeToTheJunglePageReader:
    """Reads a Welcome to the Jungle (Otta) job page copy: company, pitch, title, facts, text."""

    name = "scraped-welcometothejungle"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        if not _site(lines, JUNGLE):
            return False
        texts = [ln.text for ln in lines if ln.text][:40]
        sections = sum(bool(HEADING.match(t.rstrip(":"))) for t in texts)
        facts = any(" · " in t or MONEY.search(t) for t in texts)
        return facts and sections >= 1

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        body_start = next(
            (i for i, ln in enumerate(lines) if HEADING.match(ln.text.rstrip(":"))), len(lines)
        )
        header = _header(lines[:body_start], JUNGLE)
        fact_at = next((i for i, ln in enumerate(header) if _is_fact(ln.text)), len(header))
        named = header[:fact_at]
        if len(named) < 2:
            raise ReaderError("no company and job title above the page's facts")
        employer, title = named[0].text, named[-1]
        abouts = {
            m.group("name").strip().casefold()
            for m in (ABOUT_NAME.match(ln.text) for ln in lines[body_start:])
            if m
        }
        if title.text.casefold() in abouts and employer.casefold() not in abouts:
            # Title first, then company: "About <Company>" says which line is which.
            employer, title = title.text, named[0]
        pitch = [ln.text for ln in named if ln.text not in (employer, title.text)]
        facts = [ln.text for ln in header[fact_at:]]
        places, arrangements = self._places(facts)
        # "Remote (UK) · Full-time": each part of a facts line is a fact of its own.
        parts = [p.strip() for f in facts for p in re.split(r"\s+[·•|]\s+", f)]
        end = self._end(lines, body_start, employer)
        body = [
            ln
            for ln in lines[body_start:end]
            if not is_furniture(ln.text) and not INLINE_NOISE.match(ln.text)
        ]
        pay = next((f for f in facts if MONEY.search(f)), None)
        return page_posting(
            "Welcome to the Jungle",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            employer_description=pitch[0] if pitch else None,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=pay or salary_in_text(body),
            locations=tuple(places),
            work_arrangement_text=" or ".join(arrangements) or None,
            employment_type_text=next((f for f in parts if EMPLOYMENT.match(f)), None),
            seniority_text=next((f for f in parts if LEVEL.match(f)), None),
            date_posted_text=next((f for f in facts if POSTED.match(f)), None),
        )

    @staticmethod
    def _places(facts: list[str]) -> tuple[list[str], list[str]]:
        """ "London, UK · Hybrid" → (["London, UK"], ["Hybrid"])."""
        places: list[str] = []
        arrangements: list[str] = []
        for fact in facts:
            if MONEY.search(fact) or POSTED.match(fact):
                continue
            for part in (p.strip() for p in re.split(r"\s+[·•|]\s+", fact)):
                remote = REMOTE_PLACE.match(part)
                if ARRANGEMENT.match(part) or remote:
                    arrangements.append("Remote" if remote else part)
                    if part.lower().startswith("remote"):
                        places.append(f"Remote, {remote.group('where')}" if remote else "Remote")
                elif PLACE.match(part):
                    places.append(part)
        return places, arrangements

    @staticmethod
    def _end(lines: list[Line], start: int, employer: str) -> int:
        """The job text ends at "About <Company>" or the site's lists of other jobs."""
        for index in range(start, len(lines)):
            text = lines[index].text
            about = ABOUT_NAME.match(text)
            if JUNGLE_END.match(text) or (
                about and about.group("name").strip().casefold() == employer.casefold()
            ):
                return index
        return len(lines)
