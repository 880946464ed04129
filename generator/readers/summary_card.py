"""Summary cards: sectioned plain text (the shape of seed 002).

    Title
    Employer Employer · Segment · City, ST · Team
    Summary paragraph…
    What you'd actually do / Skills / Required / Nice to have / What the JD emphasized / …

Sections are recognised by their headings; items are bullet or numbered lines.
"""

from __future__ import annotations

import re

from generator.errors import ReaderError
from generator.markup import paragraphs_to_html
from generator.models import RawPosting, Source
from generator.normalize.locations import normalize_location
from generator.normalize.salary import looks_like_salary_line
from generator.readers.base import InputFile, ReadResult, is_structured_data

SEPARATOR = " · "
# The separator as written between the employer line's parts. A "·" inside a name ("Café·Bar")
# has no space beside it and stays part of the name.
SEPARATOR_SPLIT = re.compile(r"\s+·\s+")
ITEM = re.compile(r"^\s*(?:[•·▪●◦*-]|\d+[.)])\s+(.*)$")

# heading (lower-cased, apostrophes straightened) → section key
SECTIONS: dict[str, str] = {
    "what you'd actually do": "responsibilities",
    "what you'll do": "responsibilities",
    "what you would do": "responsibilities",
    "responsibilities": "responsibilities",
    "skills": "skills",
    "required": "requirements",
    "requirements": "requirements",
    "must have": "requirements",
    "nice to have": "nice_to_have",
    "nice-to-have": "nice_to_have",
    "bonus": "nice_to_have",
    "what the jd emphasized": "emphasised",
    "what the jd emphasised": "emphasised",
    "other signals": "signals",
    "compensation": "compensation",
    "salary": "compensation",
    "posted": "posted",
    "benefits": "benefits",
}


# Lines that state a fact of the posting rather than a signal, wherever a card puts them
# ("Other signals: - Salary: $150,000 - $180,000 - Posted 9 days ago").
SALARY_LABEL = re.compile(
    r"^(?:salary|compensation|pay(?:\s+range)?|base(?:\s+salary)?)\s*:\s*", re.I
)
POSTED_LINE = re.compile(r"^(?:date\s+)?(?:posted|listed|published)\b\s*:?\s*(?:on\s+)?", re.I)


def _fact(text: str) -> tuple[str, str] | None:
    """("compensation", text) or ("posted", text) for a line stating pay or the posting date."""
    if POSTED_LINE.match(text) and re.search(r"\d|today|yesterday|just", text, re.I):
        return "posted", text
    labelled = SALARY_LABEL.match(text)
    value = text[labelled.end() :] if labelled else text
    if (labelled and re.search(r"\d", value)) or looks_like_salary_line(value):
        return "compensation", value.strip()
    return None


def _heading_key(text: str) -> str | None:
    key = text.strip().rstrip(":").replace("’", "'").lower()
    return SECTIONS.get(key)


def _dedouble(text: str) -> str:
    """ "Pinterest Pinterest" (logo alt text + name) → "Pinterest"."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text.strip()


class SummaryCardReader:
    """Reads sectioned summary cards."""

    name = "summary-card"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
        if len(lines) < 3 or SEPARATOR.strip() not in lines[1]:
            return False
        if not any(_heading_key(ln) for ln in lines[2:]):
            return False
        # A card's title may open with any character ("<Senior> Engineer", "[Remote] Lead"),
        # so the first character alone does not rule a card out: a file that is JSON, XML or
        # front matter is structured data and belongs to another reader.
        return not is_structured_data(source)

    def read(self, source: InputFile) -> ReadResult:
        numbered = [(i, ln.strip()) for i, ln in enumerate(source.text.splitlines(), 1)]
        lines = [(i, t) for i, t in numbered if t]
        if len(lines) < 2:
            raise ReaderError("a summary card needs a title line and an employer line")
        title_line, title = lines[0]
        meta = [part.strip() for part in SEPARATOR_SPLIT.split(lines[1][1])]
        employer = _dedouble(meta[0]) if meta else None
        segment, location, team = self._meta(meta[1:])
        summary: list[str] = []
        sections: dict[str, list[str]] = {}
        texts: dict[str, list[str]] = {}
        current: str | None = None
        facts: dict[str, list[str]] = {}
        for _, text in lines[2:]:
            key = _heading_key(text)
            if key:
                current = key
                sections.setdefault(key, [])
                continue
            item = ITEM.match(text)
            fact = _fact(item.group(1).strip() if item else text)
            if fact and current not in ("compensation", "posted"):
                facts.setdefault(fact[0], []).append(fact[1])
            elif current is None:
                summary.append(text)
            elif item:
                sections[current].append(item.group(1).strip())
            else:
                texts.setdefault(current, []).append(text)
        blocks: list[tuple[str, object]] = [("p", p) for p in summary]
        for heading, key, kind in (
            ("What you'd actually do", "responsibilities", "ol"),
            ("Required", "requirements", "ul"),
            ("Nice to have", "nice_to_have", "ul"),
            ("Benefits", "benefits", "ul"),
        ):
            if sections.get(key):
                blocks.append(("h", heading))
                blocks.append((kind, list(sections[key])))
        signals = tuple(sections.get("emphasised", []) + sections.get("signals", []))
        # A section headed "Compensation" / "Posted" wins; else the first such line anywhere.
        compensation = " ".join(texts.get("compensation", []) + sections.get("compensation", []))
        compensation = compensation or next(iter(facts.get("compensation", [])), "")
        posted = " ".join(texts.get("posted", []) + sections.get("posted", []))
        posted = posted or next(iter(facts.get("posted", [])), "")
        result = ReadResult()
        result.postings.append(
            RawPosting(
                source=Source(path=source.path, line=title_line, format=self.name),
                title=title,
                employer_name=employer or None,
                segment=segment,
                team=team,
                summary=" ".join(summary) or None,
                description_html=paragraphs_to_html(blocks),
                responsibilities=tuple(sections.get("responsibilities", [])),
                requirements=tuple(sections.get("requirements", [])),
                nice_to_have=tuple(sections.get("nice_to_have", [])),
                signals=signals,
                skills=tuple(sections.get("skills", [])),
                salary_text=compensation or None,
                locations=(location,) if location else (),
                work_arrangement_text=location
                if location and re.search(r"remote|hybrid", location, re.I)
                else None,
                date_posted_text=posted or None,
            )
        )
        return result

    @staticmethod
    def _meta(parts: list[str]) -> tuple[str | None, str | None, str | None]:
        """Segment · Location · Team, where the location is the part that reads as a place."""
        place_index = None
        for index, part in enumerate(parts):
            loc = normalize_location(part)
            if loc is not None and (loc.country or loc.remote or loc.region):
                place_index = index
                break
        if place_index is None:
            segment = parts[0] if parts else None
            team = parts[1] if len(parts) > 1 else None
            return segment, None, team
        before = parts[:place_index]
        after = parts[place_index + 1 :]
        return (
            before[0] if before else None,
            parts[place_index],
            after[0] if after else None,
        )
