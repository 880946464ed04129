"""Text copied from a Glassdoor job page.

The page opens with Glassdoor's navigation ("Community", "Jobs", "Companies", "Salaries"),
then the employer with its star rating, the title, the place and a pay figure tagged
"(Employer provided)" or "(Glassdoor est.)"; "Job description" starts the job text, which
runs to "Show more" / "Company overview"; the age is a compact "Posted 12d" / "30d+".
A "Glassdoor est." figure is Glassdoor's guess, not the employer's offer, so it is never used.
"""

from __future__ import annotations

import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.normalize.salary import looks_like_salary_line
from generator.readers.base import InputFile, ReadResult
from generator.readers.page_furniture import is_furniture, page_posting
from generator.readers.scraped_sites import (
    INLINE_NOISE,
    Line,
    description_blocks,
    find_line,
    is_plain_text,
    page_lines,
    salary_in_text,
)

JOB_DESCRIPTION = re.compile(r"^job\s+description$", re.I)
PAY_TAG = re.compile(r"\((?P<who>employer\s+provided|glassdoor\s+est\.?|employer\s+est\.?)\)", re.I)
SITE_NAME = re.compile(r"^glassdoor$", re.I)
RATING = re.compile(r"^(?:\d(?:\.\d)?\s*★?|★+|\d[\d,]*\s+reviews?)$")
TRAILING_RATING = re.compile(r"\s+\d(?:\.\d)?\s*★$")
HEADER_CONTROL = re.compile(
    r"^(easy\s+apply|apply(\s+now)?|apply\s+on\s+employer\s+site|save|saved|share|"
    r"report|follow|be\s+an\s+early\s+applicant|top\s+company|new)$",
    re.I,
)
# Everything from one of these lines on is Glassdoor's, not the job's.
GLASSDOOR_END = re.compile(
    r"^(show\s+more|show\s+less|company\s+overview|base\s+pay\s+range|benefits\s+rating|"
    r"rating\s+breakdown|company\s+reviews?|similar\s+jobs|jobs\s+you\s+may\s+like|"
    r"salary\s+trends|average\s+base\s+salary\s+estimate|report\s+job|"
    r"(?:re)?posted\s+.*|\d+\s?(?:h|d|w|mo|y)\+?)$",
    re.I,
)
# "12d", "24h", "30d+", "2w", "1mo" (optionally after "Posted"), "3 days ago"; any other
# "Posted …" line is kept too, so a form the dates cannot read is reported as not understood.
AGE = re.compile(
    r"^(?:(?:re)?posted:?\s+)?(?:\d+\s?(?:h|d|w|mo|y)\+?|\d+\+?\s+\w+\s+ago|today|yesterday)$|"
    r"^(?:re)?posted:?\s+\S.{0,40}$",
    re.I,
)
JOB_TYPE = re.compile(r"^(?:job|employment)\s+types?:\s*(?P<value>.+)$", re.I)
WORK_LOCATION = re.compile(r"^work\s+location:\s*(?P<value>.+)$", re.I)


class GlassdoorPageReader:
    """Reads a Glassdoor job page copy: employer, rating, title, place, pay, job description."""

    name = "scraped-glassdoor"

    def sniff(self, source: InputFile) -> bool:
        if not is_plain_text(source):
            return False
        lines = page_lines(source.text[:40000])
        start = find_line(lines, JOB_DESCRIPTION)
        if start is None:
            return False
        top = [line.text for line in lines[:start] if line.text]
        return any(SITE_NAME.match(t) for t in top[:10]) or any(PAY_TAG.search(t) for t in top)

    def read(self, source: InputFile) -> ReadResult:
        lines = page_lines(source.text)
        start = find_line(lines, JOB_DESCRIPTION)
        assert start is not None  # sniffed
        header = [
            line
            for line in lines[:start]
            if line.text
            and not is_furniture(line.text)
            and not RATING.match(line.text)
            and not HEADER_CONTROL.match(line.text)
        ]
        pay_index = next((i for i, ln in enumerate(header) if PAY_TAG.search(ln.text)), None)
        named = header[:pay_index] if pay_index is not None else header
        if len(named) < 2:
            raise ReaderError("no employer and title above 'Job description'")
        employer = TRAILING_RATING.sub("", named[0].text)
        title = named[1]
        place = named[2].text if len(named) > 2 else None
        end = find_line(lines, GLASSDOOR_END, start + 1) or len(lines)
        body = [ln for ln in lines[start + 1 : end] if not INLINE_NOISE.match(ln.text)]
        rest = lines[end:]
        return page_posting(
            "Glassdoor",
            self.name,
            source.path,
            title.number,
            title=title.text,
            employer_name=employer,
            description_html=paragraphs_to_html(description_blocks(body)),
            salary_text=self._salary(body, header[pay_index] if pay_index is not None else None),
            locations=(place,) if place else (),
            work_arrangement_text=self._labelled(body, WORK_LOCATION)
            or (place if place and re.search(r"remote", place, re.I) else None),
            employment_type_text=self._labelled(body, JOB_TYPE),
            # The age sits after the description or in the header ("5d", "Posted 5d").
            date_posted_text=next(
                (ln.text for ln in [*rest, *lines[:start]] if AGE.match(ln.text)), None
            ),
        )

    @staticmethod
    def _salary(body: list[Line], header_pay: Line | None) -> str | None:
        """The employer's own pay line in the text first, then a header figure it provided."""
        stated = [ln.text for ln in body if re.match(r"^(pay|salary):", ln.text, re.I)]
        if stated and looks_like_salary_line(stated[0].split(":", 1)[1].strip()):
            return stated[0].split(":", 1)[1].strip()
        if header_pay is not None:
            tag = PAY_TAG.search(header_pay.text)
            if tag and tag.group("who").lower().startswith("employer"):
                return PAY_TAG.sub("", header_pay.text).strip()
        return salary_in_text(body)

    @staticmethod
    def _labelled(body: list[Line], pattern: re.Pattern[str]) -> str | None:
        for line in body:
            found = pattern.match(line.text)
            if found:
                return found.group("value")
        return None
