"""Personio XML exports (`{company}.jobs.personio.de/xml`).

`<workzag-jobs>` holds one `<position>` per job: `id`, `subcompany`, `office`,
`additionalOffices/office`, `department`, `recruitingCategory`, `name` (the title),
`jobDescriptions/jobDescription` (`name` + HTML `value`), `employmentType` ("permanent",
"intern", "trainee", "freelance", "temporary", "working_student"), `seniority`, `schedule`
("full-time", "part-time", "full-or-part-time"), `keywords` and `createdAt`. The export names
the company only in `subcompany`; positions without one are reported by normalisation as
naming no employer, and a note here says why.
"""

from __future__ import annotations

from lxml import etree

from generator.models import RawPosting, Source
from generator.readers.ats_common import html_sections, unique
from generator.readers.base import InputFile, ReadResult, clean_text, local_name, parse_xml

# Contract kinds that say more than the schedule does; the schedule decides for the rest.
CONTRACT_KINDS = {
    "intern": "internship",
    "trainee": "internship",
    "freelance": "contract",
    "temporary": "temporary",
    "working_student": "part-time",
}


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in element if local_name(c) == name.lower()), None)


def _text(element: etree._Element, name: str) -> str | None:
    child = _child(element, name)
    return clean_text("".join(child.itertext())) if child is not None else None


def _descriptions(position: etree._Element) -> str:
    """The titled description sections as one HTML fragment (CDATA already read as text)."""
    container = _child(position, "jobDescriptions")
    if container is None:
        return ""
    sections = []
    for section in container:
        value = _child(section, "value")
        if local_name(section) == "jobdescription" and value is not None:
            # An lxml element with no children is falsy: compare with None, never use `or`.
            sections.append((_text(section, "name"), "".join(value.itertext())))
    return html_sections(sections)


def _offices(position: etree._Element) -> tuple[str, ...]:
    extra = _child(position, "additionalOffices")
    more = [clean_text("".join(o.itertext())) for o in extra] if extra is not None else []
    return unique([_text(position, "office"), *more])


def _employment_type(position: etree._Element) -> str | None:
    kind = (_text(position, "employmentType") or "").casefold()
    return CONTRACT_KINDS.get(kind) or _text(position, "schedule") or kind or None


class PersonioReader:
    """Reads a Personio XML job export."""

    name = "personio-xml"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        return head.startswith("<") and "<workzag-jobs" in head

    def read(self, source: InputFile) -> ReadResult:
        root = parse_xml(source)
        result = ReadResult()
        unnamed = 0
        for index, position in enumerate((p for p in root if local_name(p) == "position"), start=1):
            title = _text(position, "name")
            if not title:
                result.warn(
                    source.path,
                    f"position {index} has no <name>",
                    line=position.sourceline,
                    action="position skipped",
                )
                continue
            employer = _text(position, "subcompany")
            unnamed += employer is None
            result.postings.append(
                RawPosting(
                    source=Source(path=source.path, line=position.sourceline, format=self.name),
                    title=title,
                    employer_name=employer,
                    category=_text(position, "department") or _text(position, "recruitingCategory"),
                    external_id=_text(position, "id"),
                    description_html=_descriptions(position),
                    locations=_offices(position),
                    employment_type_text=_employment_type(position),
                    seniority_text=_text(position, "seniority"),
                    date_posted_text=_text(position, "createdAt"),
                )
            )
        if unnamed:
            result.note(
                source.path,
                f"{unnamed} position(s) have no <subcompany>, the only company name a Personio "
                "export carries; add employer names to the export or to each posting",
                action="those positions need an employer",
            )
        return result
