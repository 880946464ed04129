"""Text copied from job pages on LinkedIn, Indeed and ATS-hosted boards (Greenhouse, Lever).

Built In copies (seed 001) have their own reader, `scraped_page`. The pages here differ in
where they put the facts, so each has a small reader that recognises the page by its own
furniture ("About the job" under a "Company · City · 2 weeks ago" line; "Full job
description" under "Job details"; "Apply for this job" with "Powered by Greenhouse" or "Jobs
powered by Lever") and keeps only the job: page furniture such as "Easy Apply", "Show more",
applicant counts, sign-up prompts and "Similar jobs" lists never reaches the description.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.normalize.salary import looks_like_salary_line
from generator.readers.base import InputFile, ReadResult
from generator.readers.feed_text import PROSE_SALARY
from generator.readers.page_furniture import is_furniture, page_posting


@dataclass(frozen=True)
class Line:
    """One line of the copied text with its 1-based line number ("" for a blank line)."""

    number: int
    text: str


def page_lines(text: str) -> list[Line]:
    return [Line(i, raw.strip()) for i, raw in enumerate(text.splitlines(), start=1)]


def find_line(lines: list[Line], pattern: re.Pattern[str], start: int = 0) -> int | None:
    """Index of the first line at or after `start` that matches `pattern` entirely."""
    for index in range(start, len(lines)):
        if pattern.fullmatch(lines[index].text):
            return index
    return None


def is_plain_text(source: InputFile) -> bool:
    """Plain text, not markup, JSON or a Markdown file with front matter."""
    return not source.head.startswith(("<", "{", "[", "---"))


# --- description ---------------------------------------------------------------------------

BULLET = re.compile(r"^\s*(?:[•·▪●◦*–-]|\d+[.)])\s+")
HEADING = re.compile(
    r"^(about\b.{0,40}|(key\s+)?responsibilities|requirements|(preferred\s+|minimum\s+)?"
    r"qualifications|benefits|perks(\s+and\s+benefits)?|what\s+you('|’)ll\s+(do|bring|need)|"
    r"what\s+we('|’)re\s+looking\s+for|what\s+you\s+bring|who\s+you\s+are|"
    r"the\s+(role|team|opportunity|job|position)|nice\s+to\s+have|compensation(\s+and\s+benefits)?|"
    r"what\s+we\s+offer|why\s+join\s+us|your\s+role|you\s+will|how\s+to\s+apply|about\s+you|"
    r"what\s+we\s+need|what\s+you('|’)ll\s+be\s+doing|in\s+this\s+role,?\s+you\s+will|"
    r"(?:company\s+)?benefits|job\s+details|description|job\s+description)$",
    re.I,
)
# Lines a page repeats inside the job text that are controls, not content.
INLINE_NOISE = re.compile(
    r"^(show\s+more|show\s+less|…\s*more|\.\.\.\s*more|see\s+more|see\s+less|read\s+more|"
    r"…\s*(?:show\s+)?less|apply(\s+now)?|"
    r"easy\s+apply|save|saved|share|report\s+(this\s+)?job)$",
    re.I,
)


def _is_heading(text: str) -> bool:
    return bool(HEADING.match(text.rstrip(":"))) or (text.endswith(":") and len(text) <= 80)


def _groups(lines: list[Line]) -> list[list[str]]:
    """Runs of non-blank lines, noise removed: the paragraphs as the page laid them out."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if not line.text:
            groups.append([])
        elif not INLINE_NOISE.match(line.text):
            groups[-1].append(line.text)
    return [g for g in groups if g]


def _is_short_heading(group: list[str]) -> bool:
    """ "The job" above sentences: a short label line whose followers are prose, not a list."""
    head, rest = group[0], group[1:]
    return (
        bool(rest)
        and len(head) <= 40
        and not head.endswith((".", ",", ";", "!", "?"))
        and not BULLET.match(head)
        and all(t.endswith((".", "!", "?")) and len(t) > 60 for t in rest)
    )


def _runs(groups: list[list[str]]) -> list[list[str]]:
    """Groups split where the page dropped its blank lines: before each heading, and between
    bulleted and plain lines, so "Responsibilities / • … / Qualifications / • …" is two lists.
    """
    runs: list[list[str]] = []
    for group in groups:
        run: list[str] = []
        for text in group:
            starts_section = _is_heading(text) and len(text) <= 60
            kind_changes = bool(run) and bool(BULLET.match(text)) != bool(BULLET.match(run[-1]))
            if run and (starts_section or (kind_changes and not _is_heading(run[-1]))):
                runs.append(run)
                run = []
            run.append(text)
        if run:
            runs.append(run)
    return runs


def description_blocks(lines: list[Line]) -> list[tuple[str, object]]:
    """Headings, paragraphs and lists from copied text whose bullets may have been lost.

    Copying a page keeps line breaks but often drops the bullet characters, so several
    short lines under a heading are read as the list they were on the page.
    """
    blocks: list[tuple[str, object]] = []
    for group in _runs(_groups(lines)):
        if _is_heading(group[0]) and (len(group) > 1 or len(group[0]) <= 60):
            blocks.append(("h", group[0].rstrip(":").strip()))
            group = group[1:]
        elif _is_short_heading(group):
            blocks.append(("h", group[0]))
            group = group[1:]
        if not group:
            continue
        bulleted = all(BULLET.match(t) for t in group)
        # Sentences one to a line ("… in the Wenatchee Valley." / "We're hiring …") are prose.
        prose = all(t.endswith((".", "!", "?")) and len(t) > 60 for t in group)
        listish = len(group) >= 2 and all(len(t) <= 160 for t in group) and not prose
        if bulleted or listish:
            blocks.append(("ul", [BULLET.sub("", t) for t in group]))
        else:
            blocks.extend(("p", t) for t in group)
    return blocks


# Pay inside a sentence: "$26/hour, overtime after 40 hours" → "$26/hour" (the figures that
# follow are not pay), "$48.75 - $72.10 per hour, plus night differential" → the range.
_MONEY = r"(?:[A-Z]{1,3})?[$€£₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?[kKmM]\b)?"
PAY_IN_SENTENCE = re.compile(
    rf"{_MONEY}(?:\s*(?:-|–|—|to)\s*(?:{_MONEY}|\d[\d,]*(?:\.\d+)?\s?[kKmM]?))?"
    r"(?:\s?(?:USD|CAD|EUR|GBP|AUD|INR))?"
    r"(?:\s*(?:/|per|an?|a)\s*(?:hour|hr|year|yr|annum|month|mo|week|wk|day)\b"
    r"|\s+(?:annually|hourly|monthly|weekly|yearly))?"
)


def salary_in_text(lines: list[Line]) -> str | None:
    """A pay range stated in the job text ("The base salary range … is $98,000 - $118,000")."""
    for line in lines:
        if looks_like_salary_line(line.text):
            return line.text
        found = PROSE_SALARY.search(line.text)
        if found:
            return found.group(1)
        # A lone figure ("review $4B of payments") is not pay: a range or a period must follow.
        for pay in PAY_IN_SENTENCE.finditer(line.text):
            if re.search(r"\d\s*(?:-|–|—|to)\s*\S|/|\b(?:per|an?|hourly|annually)\b", pay[0]):
                return pay.group(0).strip()
    return None


# --- LinkedIn ------------------------------------------------------------------------------

# "Acme · Austin, TX · 2 weeks ago · 87 applicants" (or without the company).
TOP_CARD = re.compile(r"^.+\s·\s.*\b(ago|applicants?|clicked\s+apply)\b.*$", re.I)
WHEN = re.compile(r"^(?:re)?posted\b.*|.*\bago$", re.I)
APPLICANTS = re.compile(r".*\b(applicants?|clicked\s+apply|people)\b.*", re.I)
LINKEDIN_ARRANGEMENT = re.compile(r"^(remote|hybrid|on-?site)$", re.I)
LINKEDIN_TYPE = re.compile(
    r"^(full-time|part-time|contract|temporary|internship|volunteer|other)$", re.I
)
LINKEDIN_LEVEL = re.compile(
    r"^(internship|entry\s+level|associate|mid-senior\s+level|director|executive)$", re.I
)
# "$65K/yr - $78K/yr", "₹22L/yr - ₹30L/yr" (L: lakh).
LINKEDIN_PAY = re.compile(r"^[^\s\d]{0,3}\d[\d.,]*[KkMmL]?/(?:yr|hr|mo)\b.*$")
# Premium's note after a pill: "On-site  Matches your job preferences, workplace type is …".
JOB_MATCH = re.compile(r"\s+(?:matches|doesn['’]t\s+match)\s+your\s+job\s+preferences\b.*$", re.I)
ABOUT_JOB = re.compile(r"^about\s+the\s+job$", re.I)
# Everything from one of these lines on belongs to LinkedIn, not the job.
LINKEDIN_END = re.compile(
    r"^(set\s+alert\s+for\s+similar\s+jobs|about\s+the\s+company|see\s+how\s+you\s+compare.*|"
    r"seniority\s+level|salary\s+insights|"
    r"people\s+also\s+viewed|more\s+jobs|similar\s+jobs|looking\s+for\s+talent\?|"
    r"interested\s+in\s+working\s+with\s+us.*|job\s+search\s+faster\s+with\s+premium.*)$",
    re.I,
)
CHROME = re.compile(r"^(share|show\s+more\s+options|.+\s+logo|linkedin)$", re.I)


class LinkedInPageReader:
    """Reads a LinkedIn job page copy: top card, insight pills, then "About the job"."""

    name = "scraped-linkedin"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:20000])
        top = find_line(lines[:40], TOP_CARD)
        return top is not None and find_line(lines, ABOUT_JOB, top) is not None

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        top = find_line(lines, TOP_CARD)
        about = find_line(lines, ABOUT_JOB)
        if top is None or about is None:
            raise ReaderError("no LinkedIn top card or 'About the job' section")
        title_at = self._line_above(lines, top)
        if title_at is None:
            raise ReaderError("no job title above the company line", line=lines[top].number)
        employer, where, posted = self._top_card(lines[top].text)
        if employer is None:
            above = self._line_above(lines, title_at)
            employer = lines[above].text if above is not None else None
        pills = self._pills(lines[top + 1 : about])
        end = find_line(lines, LINKEDIN_END, about + 1) or len(lines)
        # The job criteria under the text ("Seniority level" / "Mid-Senior level", "Employment
        # type" / "Full-time") fill what the pills did not say. "Salary insights" below them is
        # LinkedIn's estimate from members' pay, never the job's salary, so it is not read.
        criteria = self._criteria(lines[end:])
        body = lines[about + 1 : end]
        return page_posting(
            "LinkedIn",
            self.name,
            source.path,
            lines[title_at].number,
            title=lines[title_at].text,
            employer_name=employer,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=pills.get("pay") or salary_in_text(body),
            locations=(place,) if (place := place_of(where)) else (),
            work_arrangement_text=pills.get("arrangement") or self._arrangement(where),
            employment_type_text=pills.get("type") or criteria.get("employment type"),
            seniority_text=pills.get("level") or criteria.get("seniority level"),
            date_posted_text=posted,
        )

    @staticmethod
    def _criteria(lines: list[Line]) -> dict[str, str]:
        """LinkedIn's job-criteria list: each label line followed by its value line."""
        labels = {"seniority level", "employment type", "job function", "industries"}
        found: dict[str, str] = {}
        for label, value in itertools.pairwise(lines):
            key = label.text.strip().lower()
            if key in labels and value.text.strip().lower() not in labels:
                found.setdefault(key, value.text.strip())
        return found

    @staticmethod
    def _line_above(lines: list[Line], index: int) -> int | None:
        """The nearest content line above `index`, skipping page chrome ("Share", logos)."""
        for above in range(index - 1, -1, -1):
            text = lines[above].text
            if text and not CHROME.match(text) and not is_furniture(text):
                return above
        return None

    @staticmethod
    def _top_card(text: str) -> tuple[str | None, str | None, str | None]:
        """(employer, place, posted) from "Acme · Austin, TX · 2 weeks ago · 87 applicants"."""
        parts = [p.strip() for p in text.split("·") if p.strip()]
        posted = next((p for p in parts if WHEN.match(p)), None)
        rest = [p for p in parts if p != posted and not APPLICANTS.match(p)]
        if len(rest) >= 2:
            return rest[0], rest[1], posted
        return None, (rest[0] if rest else None), posted

    @staticmethod
    def _arrangement(where: str | None) -> str | None:
        """ "Hybrid work in Bangalore Urban, …": the arrangement the top card's place states."""
        return (
            where
            if where and WORK_IN.match(where) and not where.lower().startswith("work")
            else None
        )

    @staticmethod
    def _pills(lines: list[Line]) -> dict[str, str]:
        """The facts LinkedIn shows as short lines between the top card and the job text.

        LinkedIn Premium adds "Matches your job preferences, …" after a pill; that is not it.
        """
        pills: dict[str, str] = {}
        for line in lines:
            text = JOB_MATCH.sub("", line.text)
            for key, pattern in (
                ("arrangement", LINKEDIN_ARRANGEMENT),
                ("type", LINKEDIN_TYPE),
                ("level", LINKEDIN_LEVEL),
                ("pay", LINKEDIN_PAY),
            ):
                if pattern.match(text):
                    pills.setdefault(key, text)
        return pills


# --- Indeed --------------------------------------------------------------------------------

FULL_DESCRIPTION = re.compile(r"^full\s+job\s+description$", re.I)
JOB_DETAILS = re.compile(r"^job\s+details$", re.I)
RATING = re.compile(
    r"^(\d(\.\d)?(\s+out\s+of\s+5\s+stars)?|\d(\.\d)?\s*★|[★☆]+.*|\d[\d,]*\s+reviews?|"
    r"-\s*job\s+post)$",
    re.I,
)
INDEED_END = re.compile(
    r"^(report\s+job|hiring\s+insights|job\s+activity|similar\s+jobs|people\s+also\s+searched.*|"
    r"if\s+you\s+require\s+alternative\s+methods\s+of\s+application.*|explore\s+other\s+jobs.*)$",
    re.I,
)
# "Job details" section names; the lines under each, up to the next name, are its values.
DETAIL_KEYS = re.compile(
    r"^(pay|job\s+type|shift\s+and\s+schedule|schedule|location|benefits|work\s+setting|"
    r"encouraged\s+to\s+apply|profile\s+insights|licenses|skills|education|languages)$",
    re.I,
)
DETAIL_NOISE = re.compile(
    r"^(here('|’)s\s+how\s+the\s+job\s+.*|pulled\s+from\s+the\s+full\s+job\s+description|"
    r"find\s+out\s+how\s+your\s+skills.*|&nbsp;)$",
    re.I,
)
# The page's age line, after the job text or as its last lines: "Posted 30+ days ago",
# "Active 3 days ago", "Employer active 2 days ago", "Just posted", "Today". Any "Posted …"
# line is passed on, so one the dates cannot read is reported as not understood rather than
# dropped unseen.
INDEED_POSTED = re.compile(
    r"^(?:(?:re)?posted:?\s+\S.{0,40}|just\s+posted|today|yesterday|new|"
    r"(?:employer\s+)?active\s+.*(?:ago|today|just\s+posted).*)$",
    re.I,
)
START_OF_CONTENT = re.compile(r"^start\s+of\s+main\s+content$", re.I)
DEADLINE = re.compile(
    r"^(?:application\s+deadline|apply\s+by|closing\s+date)"
    r"\s*:\s*(?P<date>.+)$",
    re.I,
)


def without_zip(place: str | None) -> str | None:
    """ "Cedar Rapids, IA 52401" → "Cedar Rapids, IA": a ZIP code is not part of the place."""
    return re.sub(r"\s+\d{5}(?:-\d{4})?$", "", place) if place else None


# "Hybrid work in Bengaluru, Karnataka", "Hybrid remote in Pune", "work in Leeds": how one
# works there, said before the place (the arrangement is read from the whole line).
WORK_IN = re.compile(
    r"^(?:(?:hybrid|on-?site|in-?person)\s+)?(?:work|remote)\s+in\s+(?=\S)|"
    r"^(?:hybrid|on-?site|in-?person)\s+in\s+(?=\S)",
    re.I,
)
REMOTE_IN = re.compile(r"^remote\s+in\s+(?P<where>\S.*)$", re.I)


def place_of(text: str | None) -> str | None:
    """The place in a location line, without "Hybrid work in" and the like before it.

    "Remote in United States" becomes "Remote, United States": remote work open to a country.
    """
    if not text:
        return None
    remote = REMOTE_IN.match(text)
    if remote:
        return f"Remote, {remote.group('where')}"
    return WORK_IN.sub("", text).strip() or None


class IndeedPageReader:
    """Reads an Indeed job page copy: header, "Job details" facts, "Full job description"."""

    name = "scraped-indeed"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        return find_line(lines, FULL_DESCRIPTION) is not None and (
            find_line(lines, JOB_DETAILS) is not None or find_line(lines, INDEED_END) is not None
        )

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        start = find_line(lines, FULL_DESCRIPTION)
        assert start is not None  # sniffed
        # Indeed's navigation bar ("Indeed Home", "Find jobs", "Sign in") comes first; the
        # job starts after "Start of main content" when the copy has that line.
        main = find_line(lines[:start], START_OF_CONTENT)
        header = [
            line
            for line in lines[(main + 1 if main is not None else 0) : start]
            if line.text and not RATING.match(line.text) and not is_furniture(line.text)
        ]
        if len(header) < 2:
            raise ReaderError("no title and company above the job description")
        title, employer = header[0], header[1]
        details = self._details(lines[:start])
        end = find_line(lines, INDEED_END, start + 1) or len(lines)
        # The age line may come before "Report job", at the end of the job text: it is the
        # page's, not the job's.
        ages = [ln for ln in lines[start + 1 :] if INDEED_POSTED.match(ln.text)]
        body = [ln for ln in lines[start + 1 : end] if ln not in ages]
        where = (details.get("location") or [self._header_place(header[2:]) or ""])[0]
        location = without_zip(place_of(where))
        deadline = next((m.group("date") for ln in body if (m := DEADLINE.match(ln.text))), None)
        return page_posting(
            "Indeed",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer.text,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=next(iter(details.get("pay") or []), None) or salary_in_text(body),
            locations=(location,) if location else (),
            work_arrangement_text=self._arrangement(where, body),
            employment_type_text=next(iter(details.get("job type") or []), None),
            date_posted_text=ages[0].text if ages else None,
            valid_through_text=deadline,
        )

    @staticmethod
    def _details(lines: list[Line]) -> dict[str, list[str]]:
        """The "Job details" / "Location" sections: lower-case name → the lines under it."""
        details: dict[str, list[str]] = {}
        current: str | None = None
        for line in lines:
            if DETAIL_KEYS.match(line.text):
                current = re.sub(r"\s+", " ", line.text.lower())
                details.setdefault(current, [])
            elif current and line.text and not DETAIL_NOISE.match(line.text):
                details[current].append(line.text)
        return details

    @staticmethod
    def _header_place(lines: list[Line]) -> str | None:
        """The place line under the company ("Cedar Rapids, IA 52401", "Remote")."""
        for line in lines:
            if "," in line.text or re.match(r"^(remote|hybrid\s+work\s+in\s+.+)$", line.text, re.I):
                return line.text
        return None

    @staticmethod
    def _arrangement(location: str | None, body: list[Line]) -> str | None:
        """Remote / hybrid from the location ("Hybrid work in …") or "Work Location: …"."""
        if location and re.search(r"remote|hybrid", location, re.I):
            return location
        for line in body:
            found = re.match(r"^work\s+location:\s*(.+)$", line.text, re.I)
            if found:
                return found.group(1)
        return None


# --- Greenhouse / Lever hosted boards ------------------------------------------------------

APPLY_FOR_THIS_JOB = re.compile(r"^apply\s+for\s+this\s+job$", re.I)
ATS_CREDIT = re.compile(r"^(powered\s+by\s+greenhouse|jobs\s+powered\s+by\s+lever)$", re.I)
AT_EMPLOYER = re.compile(r"^at\s+(?P<employer>.+)$")
APPLICATION_TITLE = re.compile(
    r"^job\s+application\s+for\s+(?P<title>.+?)\s+at\s+(?P<employer>.+)$"
)
HOME_PAGE = re.compile(r"^(?P<employer>.+?)\s+home\s+page$", re.I)
ATS_CHROME = re.compile(r"^(back\s+to\s+jobs|apply|.+\s+logo|view\s+all\s+jobs)$", re.I)
ARRANGEMENT_WORD = re.compile(r"^(remote|hybrid|on-?site|in-?office)$", re.I)
COMMITMENT = re.compile(r"^(full-?time|part-?time|contract(or)?|temporary|intern(ship)?)$", re.I)


@dataclass(frozen=True)
class AtsHeader:
    """What the header of a hosted job page states above the job text."""

    title: Line
    employer: str | None
    location: str | None
    arrangement: str | None
    employment_type: str | None
    body_start: int


class AtsPageReader:
    """Reads a Greenhouse- or Lever-hosted job page copy: header, job text, application form."""

    name = "scraped-ats-page"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        return (
            find_line(lines, APPLY_FOR_THIS_JOB) is not None
            and find_line(lines, ATS_CREDIT) is not None
        )

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        header = self._header(lines)
        end = find_line(lines, APPLY_FOR_THIS_JOB, header.body_start) or len(lines)
        body = lines[header.body_start : end]
        employer = header.employer or self._employer_in_footer(lines[end:])
        return page_posting(
            "hosted job board",
            self.name,
            source.path,
            header.title.number,
            title=header.title.text,
            employer_name=employer,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=salary_in_text(body),
            locations=(header.location,) if header.location else (),
            work_arrangement_text=header.arrangement,
            employment_type_text=header.employment_type,
        )

    @staticmethod
    def _header(lines: list[Line]) -> AtsHeader:
        """Title, then "at Employer" (Greenhouse) or location / team / commitment lines (Lever).

        The header is the first paragraph (up to the first blank line after the title).
        """
        content = [
            i
            for i, line in enumerate(lines)
            if line.text and not ATS_CHROME.match(line.text) and not is_furniture(line.text)
        ]
        if not content:
            raise ReaderError("no job title on the page")
        first = lines[content[0]]
        employer: str | None = None
        title = first
        application = APPLICATION_TITLE.match(first.text)
        if application:
            employer = application.group("employer")
            title = Line(first.number, application.group("title"))
        index = content[0] + 1
        facts: list[str] = []
        while index < len(lines) and (lines[index].text or not facts) and index - content[0] < 8:
            text = lines[index].text
            index += 1
            if not text or ATS_CHROME.match(text):
                continue
            at = AT_EMPLOYER.match(text)
            if at and employer is None:
                employer = at.group("employer")
            else:
                facts.append(text)
        arrangement = next((f for f in facts if ARRANGEMENT_WORD.match(f)), None)
        commitment = next((f for f in facts if COMMITMENT.match(f)), None)
        places = [f for f in facts if f not in (arrangement, commitment) and "–" not in f]
        return AtsHeader(
            title=title,
            employer=employer,
            location=places[0] if places else None,
            arrangement=arrangement,
            employment_type=commitment,
            body_start=index,
        )

    @staticmethod
    def _employer_in_footer(lines: list[Line]) -> str | None:
        """Lever's footer links to "<Employer> Home Page"."""
        for line in lines:
            found = HOME_PAGE.match(line.text)
            if found:
                return found.group("employer")
        return None
