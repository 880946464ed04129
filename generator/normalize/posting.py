"""`RawPosting` → `Posting`: applies every normaliser and says what it could not understand."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from slugify import slugify

from generator.errors import Diagnostic, Severity, SourceLocation
from generator.markup import sanitize_html, sanitized_html_to_text
from generator.models import (
    Employer,
    EmploymentType,
    Location,
    Posting,
    RawPosting,
    Salary,
)
from generator.normalize.dates import (
    is_lower_bound_date,
    is_relative_date,
    normalize_date,
    normalize_valid_through,
)
from generator.normalize.employers import employer_display_name, employer_key
from generator.normalize.locations import (
    KNOWN_CITIES,
    country_code,
    likely_place,
    normalize_locations,
    normalize_work_arrangements,
)
from generator.normalize.salary import normalize_salary, salary_from_numbers, salary_in_text
from generator.normalize.skills import normalize_skills, skills_in_text
from generator.normalize.titles import (
    DEFAULT_ROLE_FAMILIES,
    RoleFamily,
    normalize_seniority,
    normalize_title_case,
    role_family,
    seniority_from_level,
    strip_html_tags,
    title_level,
)

# English first, then the words job boards in other languages use. "Casual" (Australia and
# New Zealand: hourly work without guaranteed hours) is read as part-time, not per diem: the
# shifts recur, and job seekers filter for it with part-time work. "CDI"/"unbefristet" (open-
# ended contracts) are full-time; "CDD"/"befristet" (fixed-term) temporary; "Stage"/"Praktikum"
# internships.
EMPLOYMENT_TYPES: tuple[tuple[str, EmploymentType], ...] = (
    (
        r"\bintern(ship)?\b|\bpraktikum\b|\bpraktikant(in)?\b|\bstage\b|\bstagiaire\b|"
        r"\bprácticas\b|\bpasantía\b|\bestágio\b|\bpraktyk[ai]\b|\btirocinio\b",
        EmploymentType.INTERN,
    ),
    (
        r"\bpart[-_ ]?time\b|\bcasual\b|\bteilzeit\b|\btemps\s+partiel\b|\bmedio\s+tiempo\b|"
        r"\bmedia\s+jornada\b|\b(?:jornada|tiempo)\s+parcial\b|\bmeio\s+per[ií]odo\b|"
        r"\bdeltid\b|\bdeeltijd\b|\bniepełny\s+etat\b|\btempo\s+parziale\b|\bminijob\b",
        EmploymentType.PART_TIME,
    ),
    (
        r"\bfull[-_ ]?time\b|\bpermanent\b|\bregular\b|\bvollzeit\b|\bunbefristet\b|"
        r"\bfestanstellung\b|\btemps\s+plein\b|\bcdi\b|\bjornada\s+completa\b|"
        r"\btiempo\s+completo\b|\bindefinido\b|\b(?:per[ií]odo|tempo)\s+integral\b|\bheltid\b|"
        r"\btillsvidare\w*|\bvoltijd\b|\bpełny\s+etat\b|\btempo\s+pieno\b",
        EmploymentType.FULL_TIME,
    ),
    (
        r"\bcontract(or)?\b|\bfreelance(r)?\b|\bconsultant\b|\bb2b\b|\bfreiberuflich\b|"
        r"\baut[óo]nomo\b",
        EmploymentType.CONTRACTOR,
    ),
    (
        r"\btemp(orary)?\b|\bseasonal\b|\bfixed[- ]term\b|\btemporal\b|\bbefristet\b|\bcdd\b|"
        r"\bint[ée]rim\b|\bvisstid\w*|\btempor[áa]rio\b|\bzeitarbeit\b|\btempo\s+determinato\b",
        EmploymentType.TEMPORARY,
    ),
    (r"\bvolunteer\b|\behrenamt(lich)?\b|\bvoluntariado\b|\bbénévol", EmploymentType.VOLUNTEER),
    (r"\bper[-_ ]?diem\b", EmploymentType.PER_DIEM),
)

# The currency a salary without one is most likely in, by the country of its first location.
COUNTRY_CURRENCY = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "IN": "INR",
    "AU": "AUD",
    "NZ": "NZD",
    "JP": "JPY",
    "CH": "CHF",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "SG": "SGD",
    "BR": "BRL",
    "MX": "MXN",
    "CO": "COP",
    "AR": "ARS",
    "CL": "CLP",
    "ZA": "ZAR",
    "CZ": "CZK",
    "HU": "HUF",
    "RO": "RON",
    "HK": "HKD",
    "KR": "KRW",
    "CN": "CNY",
    "TR": "TRY",
    "IL": "ILS",
    "AE": "AED",
    "DE": "EUR",
    "FR": "EUR",
    "NL": "EUR",
    "ES": "EUR",
    "IT": "EUR",
    "IE": "EUR",
    "PT": "EUR",
    "AT": "EUR",
    "BE": "EUR",
    "FI": "EUR",
    "GR": "EUR",
    "LU": "EUR",
    "EE": "EUR",
    "LT": "EUR",
    "LV": "EUR",
    "SK": "EUR",
    "SI": "EUR",
    "HR": "EUR",
    "CY": "EUR",
    "MT": "EUR",
}


@dataclass(frozen=True)
class ReferenceDate:
    """The date relative dates count back from; approximate when guessed from a file's age."""

    date: dt.date
    exact: bool


def normalize_employment_types(text: str | None) -> tuple[EmploymentType, ...]:
    """ "fulltime, parttime" → (FULL_TIME, PART_TIME): every type named, in the source's order
    (schema.org's employmentType takes a list)."""
    if not text:
        return ()
    found = sorted(
        (match.start(), value)
        for pattern, value in EMPLOYMENT_TYPES
        if (match := re.search(pattern, text, re.I))
    )
    if found:
        return tuple(dict.fromkeys(value for _, value in found))
    return (EmploymentType.OTHER,) if text.strip().upper() == "OTHER" else ()


def normalize_employment_type(text: str | None) -> EmploymentType | None:
    """ "full-time", "Full Time", "FULL_TIME", "Permanent" → `EmploymentType`; of several
    ("TEMPORARY, FULL_TIME"), the first the source lists is the one it means."""
    types = normalize_employment_types(text)
    return types[0] if types else None


# A title that carries its places: "DevOps Engineer (Warszawa / Wrocław)".
TITLE_PLACES = re.compile(r"^(?P<title>.*\S)\s*[(\[](?P<places>[^()\[\]]+)[)\]]\s*$")


def _known_place(text: str) -> bool:
    """A city the gazetteer places (in one country, or a well-known one) or a country name."""
    if text.lower() in KNOWN_CITIES or likely_place(text) is not None:
        return True
    return len(text) > 3 and country_code(text) is not None


def _places_in_title(title: str) -> tuple[str, tuple[Location, ...]]:
    """For a posting without locations: the places a title names in parentheses, moved out
    of the title, when every part is a place the gazetteer knows; else the title unchanged."""
    match = TITLE_PLACES.match(title)
    if not match:
        return title, ()
    parts = [p.strip(" ,") for p in re.split(r"\s*(?:/|;|\||\bor\b|&)\s*", match["places"])]
    parts = [p for p in parts if p]
    pieces = [piece.strip() for part in parts for piece in part.split(",")]
    if not parts or not all(piece and _known_place(piece) for piece in pieces):
        return title, ()
    locations = normalize_locations(parts)
    if not locations or any(loc.country is None for loc in locations):
        return title, ()
    return match["title"].strip(" -–—,"), locations


SAFE_URL = re.compile(r"^(?:https?://|mailto:)\S+$", re.I)


def safe_url(value: str | None, what: str, warn: Callable[[str, str], None]) -> str | None:
    """The URL when a browser may follow it from a link; else None and a warning.

    Readers pass URLs through as the source wrote them, and a feed can carry
    `javascript:` or `data:` links that would run in the site's pages.
    """
    if not value:
        return None
    if SAFE_URL.match(value.strip()):
        return value.strip()
    warn(f"{what} {value[:80]!r} is not an http(s) or mailto URL", f"{what} left out")
    return None


def posting_id(raw: RawPosting, employer: str, title: str) -> str:
    """A stable id from what identifies a job, not from where the file happens to live."""
    basis = "|".join(
        [
            employer,
            title.casefold(),
            raw.external_id or "",
            raw.apply_url or "",
            ";".join(raw.locations),
            raw.salary_text or "",
            hashlib.sha256(raw.description_html.encode()).hexdigest()[:16],
        ]
    )
    return hashlib.sha256(basis.encode()).hexdigest()[:12]


def _salary(raw: RawPosting, locations: tuple[Location, ...], prose: str) -> Salary | None:
    """Structured figures first, then the source's salary text, then pay the prose states.

    Every reader gets the prose fallback here, so no reader needs its own: ATS exports and
    feeds often state pay only in the description ("Gehalt: €60.000 – €75.000 brutto/Jahr").
    """
    return _stated_salary(raw, locations) or salary_in_text(
        prose, default_currency=_currency_hint(raw, locations)
    )


def _stated_salary(raw: RawPosting, locations: tuple[Location, ...]) -> Salary | None:
    """The salary the source gives in its own fields (figures or a salary text)."""
    if raw.salary_min is not None or raw.salary_max is not None:
        structured = salary_from_numbers(
            raw.salary_min,
            raw.salary_max,
            raw.salary_currency or _currency_hint(raw, locations),
            raw.salary_period,
        )
        if structured:
            return structured
    return normalize_salary(
        raw.salary_text,
        currency=raw.salary_currency,
        period=raw.salary_period,
        default_currency=_currency_hint(raw, locations),
    )


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|tr|dd|dt|blockquote)\s*>|<br\s*/?>", re.I)


def _text_blocks(fragment: str) -> list[str]:
    """The text of each paragraph, item or line of an HTML fragment.

    Pay found in prose must come from one block: "Compensation</p><p>$5M raised" is two. A
    block that ends with a colon introduces the next one, so the two are read as one:
    Greenhouse's "The annual base salary range for this role is:</p><div class="pay-range">
    <span>$172,000</span><span>&mdash;</span><span>$214,000 USD</span></div>".
    """
    blocks: list[str] = []
    for block in BLOCK_END.split(fragment):
        text = sanitized_html_to_text(block)
        if not text:
            continue
        if blocks and blocks[-1].endswith(":"):
            blocks[-1] = f"{blocks[-1]} {text}"
        else:
            blocks.append(text)
    return blocks


def _currency_hint(raw: RawPosting, locations: tuple[Location, ...]) -> str | None:
    countries = [loc.country for loc in locations if loc.country] + list(raw.applicant_countries)
    return COUNTRY_CURRENCY.get(countries[0]) if countries else None


def _without_markup(text: str, field: str, warn: Callable[[str, str], None]) -> str:
    """A name with any HTML tags removed, saying so: a name is text, shown and slugged as such."""
    cleaned = strip_html_tags(text)
    if cleaned != text:
        warn(f"{field} {text!r} contains HTML markup", f"tags removed from the {field}")
    return cleaned


def _texts_without_markup(
    texts: tuple[str, ...], field: str, warn: Callable[[str, str], None]
) -> tuple[str, ...]:
    """Text items (locations, skills, list entries) with tags removed, empty ones dropped,
    one warning for the field: "<b>Dog handling</b>" is the skill "Dog handling"."""
    cleaned = tuple(strip_html_tags(t) for t in texts)
    changed = [t for t, c in zip(texts, cleaned, strict=True) if t != c]
    if changed:
        warn(f"{field} {changed[0]!r} contains HTML markup", f"tags removed from the {field}")
    return tuple(c for c in cleaned if c)


def normalize_posting(
    raw: RawPosting,
    reference: ReferenceDate,
    families: tuple[RoleFamily, ...] = DEFAULT_ROLE_FAMILIES,
) -> tuple[Posting | None, list[Diagnostic]]:
    """Normalises one posting; a posting without an employer is skipped with a message."""
    where = SourceLocation(raw.source.path, raw.source.line)
    problems: list[Diagnostic] = []

    def warn(message: str, action: str) -> None:
        problems.append(Diagnostic(where, message, action, Severity.WARNING))

    raw_title = _without_markup(raw.title, "title", warn)
    raw_employer = _without_markup(raw.employer_name or "", "employer name", warn)
    if not raw_title:
        warn(f"title {raw.title!r} is nothing but HTML markup", "posting skipped")
        return None, problems
    if not raw_employer:
        warn(f"posting {raw_title!r} names no employer", "posting skipped")
        return None, problems
    # Text fields are shown, slugged and exported as text: markup in them is a source's error
    # (or an attack), never something to show.
    raw = raw.model_copy(
        update={
            "locations": _texts_without_markup(raw.locations, "location", warn),
            "skills": _texts_without_markup(raw.skills, "skill", warn),
            "responsibilities": _texts_without_markup(raw.responsibilities, "responsibility", warn),
            "requirements": _texts_without_markup(raw.requirements, "requirement", warn),
            "nice_to_have": _texts_without_markup(raw.nice_to_have, "nice-to-have", warn),
            "signals": _texts_without_markup(raw.signals, "signal", warn),
            "summary": _without_markup(raw.summary, "summary", warn) if raw.summary else None,
            "category": _without_markup(raw.category, "category", warn) if raw.category else None,
            "team": _without_markup(raw.team, "team", warn) if raw.team else None,
        }
    )
    title = normalize_title_case(raw_title)
    title_places: tuple[Location, ...] = ()
    if not raw.locations:
        title, title_places = _places_in_title(title)
    employer_name = employer_display_name(raw_employer)
    key = employer_key(raw_employer)
    description_html = sanitize_html(raw.description_html) if raw.description_html else ""
    description_text = sanitized_html_to_text(description_html)
    context = " ".join(filter(None, [raw.category, raw.summary, description_text[:3000]]))
    family = role_family(title, context, families)
    level = title_level(title)
    locations = normalize_locations(list(raw.locations)) or title_places
    for country in raw.applicant_countries:
        if (
            not any(loc.remote for loc in locations)
            and raw.work_arrangement_text
            and re.search("remote", raw.work_arrangement_text, re.I)
        ):
            locations += normalize_locations([f"Remote, {country}"])
    arrangements = normalize_work_arrangements(raw.work_arrangement_text)
    if not arrangements and any(loc.remote for loc in locations):
        arrangements = normalize_work_arrangements("remote")
    salary = _salary(
        raw, locations, "\n".join([raw.summary or "", *_text_blocks(description_html)])
    )
    if salary is None and raw.salary_text and re.search(r"\d", raw.salary_text):
        warn(f"salary {raw.salary_text!r} not understood", "salary left out")
    elif salary is None and any(v and v > 0 for v in (raw.salary_min, raw.salary_max)):
        # Structured figures without a currency we know (or can infer from the place).
        figures = "–".join(f"{v:g}" for v in (raw.salary_min, raw.salary_max) if v)
        warn(f"salary {figures} has no recognisable currency", "salary left out")
    seniority = normalize_seniority(raw.seniority_text) or seniority_from_level(level)
    employment_types = normalize_employment_types(raw.employment_type_text)
    employment_type = employment_types[0] if employment_types else None
    date_posted = normalize_date(raw.date_posted_text, reference.date, past=True)
    if raw.date_posted_text and date_posted is None:
        warn(f"date {raw.date_posted_text!r} not understood", "date left out")
    # "Posted 30+ days ago" gives only the latest possible day: approximate even against an
    # exact reference date.
    approximate = bool(date_posted) and (
        is_lower_bound_date(raw.date_posted_text)
        or (is_relative_date(raw.date_posted_text) and not reference.exact)
    )
    valid_through = normalize_valid_through(
        raw.valid_through_text, reference.date, raw.date_posted_text, date_posted
    )
    if raw.valid_through_text and valid_through is None:
        warn(f"closing date {raw.valid_through_text!r} not understood", "closing date left out")
    elif valid_through and date_posted and valid_through < date_posted:
        warn(
            f"closing date {valid_through.isoformat()} is before the date posted "
            f"{date_posted.isoformat()}",
            "posting treated as closed; check validThrough",
        )
    skills = normalize_skills(list(raw.skills))
    if not skills:
        prose = " ".join(
            [
                *raw.requirements,
                *raw.nice_to_have,
                *raw.signals,
                raw.summary or "",
                description_text,
            ]
        )
        skills = skills_in_text(prose)
    employer = Employer(
        key=key,
        name=employer_name,
        website=safe_url(raw.employer_website, "employer website", warn),
        logo_url=safe_url(raw.employer_logo_url, "employer logo", warn),
        description=raw.employer_description,
        industry=raw.industry,
        segment=raw.segment,
    )
    ident = posting_id(raw, key, title)
    posting = Posting(
        id=ident,
        slug=slugify(f"{employer_name} {title}", max_length=80, word_boundary=True) or ident,
        title=title,
        employer=employer,
        role_family=family.key if family else None,
        level=level,
        seniority=seniority,
        category=raw.category,
        team=raw.team,
        locations=locations,
        work_arrangements=arrangements,
        employment_type=employment_type,
        employment_types=employment_types,
        salary=salary,
        skills=skills,
        summary=raw.summary,
        responsibilities=raw.responsibilities,
        requirements=raw.requirements,
        nice_to_have=raw.nice_to_have,
        signals=raw.signals,
        date_posted=date_posted,
        date_posted_approximate=approximate,
        valid_through=valid_through,
        apply_url=safe_url(raw.apply_url, "apply URL", warn),
        external_id=raw.external_id,
        description_html=description_html,
        description_text=description_text,
        sources=(raw.source,),
    )
    return posting, problems
