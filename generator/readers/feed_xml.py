"""Job-feed XML: `<source><jobs><job>…` (the seed feed) and Indeed-style `<source><job>`.

Field names are matched case-insensitively and without `_` / `-` under several common
spellings (Indeed's `<company>`, ZipRecruiter/Appcast's `<job_title>`, `<salary_min>`…); any
field may be missing. Descriptions are HTML (usually in CDATA) and are sanitised later, once.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import InputFile, ReadResult, clean_text, local_name, parse_xml
from generator.readers.feed_text import description_html, feed_url, place_text, plain_text

# Our field → the element names feeds use for it, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "jobtitle", "position", "name"),
    "description": ("description", "content", "body", "jobdescription"),
    "employment_type": ("jobtype", "employmenttype", "type", "contracttype"),
    "seniority": ("experiencelevel", "experience", "seniority", "level"),
    "arrangement": (
        "workarrangement",
        "remotetype",
        "workplacetype",
        "workplacetypes",  # LinkedIn Limited Listings: "On-site", "Hybrid", "Remote"
        "remote",
    ),
    "salary": ("salaryrange", "salary", "compensation", "pay"),
    "skills": ("skills", "tags", "keywords"),
    "category": ("category", "department", "function"),
    "industry": ("industry",),
    "employer": (
        "employername",
        "company",
        "companyname",
        "employer",
        "hiringorganization",
        "advertisername",
        "sourcename",  # Indeed: the name of the hiring company when <company> is empty
    ),
    "logo": ("employerlogo", "logo", "companylogo"),
    "employer_description": ("employerdescription", "companydescription", "aboutcompany"),
    "website": ("employerwebsite", "companyurl", "companywebsite", "website"),
    "currency": ("compensationcurrency", "salarycurrency", "currency"),
    "salary_min": ("compensationmin", "salarymin", "minsalary", "salaryfrom"),
    "salary_max": ("compensationmax", "salarymax", "maxsalary", "salaryto"),
    "salary_period": ("compensationperiod", "salaryperiod", "salarytype", "period"),
    "apply": ("applyto", "applyurl", "url", "link", "joburl"),
    "location": ("location", "locations", "joblocation"),
    "city": ("city",),
    "region": ("state", "region"),
    "country": ("country",),
    "posted": (
        "postedate",
        "posteddate",
        "date",
        "dateposted",
        "pubdate",
        "publishdate",
        "listdate",  # LinkedIn Limited Listings
    ),
    "expires": (
        "expirationdate",
        "expiration",
        "expire",
        "expires",
        "expiry",
        "expirydate",
        "expiresat",
        "validthrough",
        "closingdate",
        "closedate",
        "applicationdeadline",
        "deadline",
    ),
    "external_id": ("externalid", "referencenumber", "id", "jobid", "reference", "requisitionid"),
    "team": ("team",),
}

# Indeed's <remotetype> values: "Hybrid remote" is hybrid, not hybrid *and* remote.
REMOTE_TYPES = {
    "fully remote": "remote",
    "hybrid remote": "hybrid",
    "temporarily remote": "onsite",
}


REMOTE_ONLY = re.compile(r"^\s*(?:fully\s+)?remote\s*$", re.I)


def _field_name(element: etree._Element) -> str:
    """ "Job_Title", "job-title" and "jobtitle" all name the same field."""
    return local_name(element).replace("_", "").replace("-", "")


def arrangement_text(value: str | None) -> str | None:
    """Indeed's remote types mapped onto our words; other texts pass through."""
    text = clean_text(value)
    if text is None:
        return None
    return REMOTE_TYPES.get(text.lower(), text)


def _child(element: etree._Element, *path: str) -> etree._Element | None:
    """The first descendant along `path` (local names, case-insensitive), if there is one."""
    current: etree._Element | None = element
    for name in path:
        if current is None:
            return None
        current = next((c for c in current if _field_name(c) == name), None)
    return current


def _text_at(element: etree._Element, *path: str) -> str | None:
    found = _child(element, *path)
    return clean_text("".join(found.itertext())) if found is not None else None


def salary_block(job: etree._Element) -> tuple[str | None, str | None, str | None, str | None]:
    """LinkedIn Limited Listings pay: `<salaries><salary><lowEnd><amount/><currencyCode/>…`.

    (low, high, currency, period) as text; all None when the job has no such block.
    """
    salary = _child(job, "salaries", "salary")
    if salary is None:
        return None, None, None, None
    low = _text_at(salary, "lowend", "amount")
    high = _text_at(salary, "highend", "amount")
    currency = _text_at(salary, "lowend", "currencycode") or _text_at(
        salary, "highend", "currencycode"
    )
    return low, high, currency, _text_at(salary, "period")


def _job_elements(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str) and local_name(el) == "job"]


class FeedXmlReader:
    """Reads job feeds whose root holds any number of `<job>` elements."""

    name = "job-feed-xml"

    def sniff(self, source: InputFile) -> bool:
        head = source.head
        if not head.startswith("<"):
            return False
        return bool(re.search(r"<job[\s>]", head, re.I)) and not re.search(
            r"<(rss|feed)[\s>]", head, re.I
        )

    def read(self, source: InputFile) -> ReadResult:
        root = parse_xml(source)
        jobs = _job_elements(root)
        if not jobs:
            raise ReaderError("XML feed holds no <job> elements", line=root.sourceline)
        result = ReadResult()
        for index, job in enumerate(jobs, start=1):
            fields = self._fields(job)
            title = plain_text(fields.get("title"))
            if not title:
                result.warn(
                    source.path,
                    f"job {index} has no title",
                    line=job.sourceline,
                    action="job skipped",
                )
                continue
            result.postings.append(self._posting(source, job, title, fields))
        return result

    @staticmethod
    def _fields(job: etree._Element) -> dict[str, str]:
        by_name: dict[str, str] = {}
        for child in job:
            if not isinstance(child.tag, str):
                continue
            name = _field_name(child)
            if len(child):
                # A nested element (e.g. <company><name>…</name></company>): use its text.
                value = " ".join(t.strip() for t in child.itertext() if t.strip())
            else:
                value = child.text or ""
            if value.strip() and name not in by_name:
                by_name[name] = value
        fields: dict[str, str] = {}
        for field_name, names in FIELDS.items():
            for name in names:
                if name in by_name:
                    fields[field_name] = by_name[name]
                    break
        return fields

    @staticmethod
    def _locations(fields: dict[str, str], *, remote_only: bool) -> list[str]:
        """One `<location>` list, or city/state/country joined; "Remote, …" for remote jobs.

        A fully remote Indeed job still names a place (often just the country): it says
        where applicants may live, so it becomes a remote location rather than an office.
        """
        location = plain_text(fields.get("location"))
        country = plain_text(fields.get("country"))
        if location and country and REMOTE_ONLY.match(location):
            # LinkedIn: <location>Remote</location> with <country>US</country> is remote in the US.
            return [f"Remote, {country}"]
        if location:
            return [location]
        joined = place_text(*(plain_text(fields.get(k)) for k in ("city", "region", "country")))
        if remote_only:
            return [f"Remote, {joined}" if joined else "Remote"]
        return [joined] if joined else []

    def _posting(
        self, source: InputFile, job: etree._Element, title: str, fields: dict[str, str]
    ) -> RawPosting:
        low, high, block_currency, block_period = salary_block(job)
        fields = {
            **{
                key: value
                for key, value in (
                    ("salary_min", low),
                    ("salary_max", high),
                    ("currency", block_currency),
                    ("salary_period", block_period),
                )
                if value
            },
            **fields,
        }

        def number(key: str) -> float | None:
            text = clean_text(fields.get(key))
            if not text:
                return None
            try:
                return float(re.sub(r"[^\d.]", "", text))
            except ValueError:
                return None

        arrangement = arrangement_text(fields.get("arrangement"))
        locations = self._locations(fields, remote_only=arrangement == "remote")
        description = description_html(fields.get("description", ""))
        skills = tuple(s for s in re.split(r"\s*[,;]\s*", fields.get("skills", "")) if s.strip())
        return RawPosting(
            source=Source(path=source.path, line=job.sourceline, format=self.name),
            title=title,
            employer_name=plain_text(fields.get("employer")),
            employer_website=plain_text(fields.get("website")),
            employer_logo_url=plain_text(fields.get("logo")),
            employer_description=plain_text(fields.get("employer_description")),
            industry=plain_text(fields.get("industry")),
            category=plain_text(fields.get("category")),
            team=plain_text(fields.get("team")),
            external_id=plain_text(fields.get("external_id")),
            apply_url=feed_url(fields.get("apply")),
            description_html=description,
            skills=skills,
            salary_text=plain_text(fields.get("salary")),
            salary_min=number("salary_min"),
            salary_max=number("salary_max"),
            salary_currency=plain_text(fields.get("currency")),
            salary_period=plain_text(fields.get("salary_period")),
            locations=tuple(locations),
            applicant_countries=(),
            work_arrangement_text=arrangement,
            # Every type listed ("fulltime, parttime"): the normaliser keeps them in order.
            employment_type_text=clean_text(fields.get("employment_type")),
            seniority_text=plain_text(fields.get("seniority")),
            date_posted_text=plain_text(fields.get("posted")),
            valid_through_text=plain_text(fields.get("expires")),
        )
