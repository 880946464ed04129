"""Date text → `datetime.date`.

Absolute forms (ISO 8601, RFC 822, "18 Apr 2026", "April 18, 2026") and relative ones
("Posted 9 Days Ago", "Yesterday", "Just posted", "30+ days ago", Glassdoor's "12d") resolved
against a reference date that the caller supplies, so the same input always gives the same date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from dateutil import parser as dateutil_parser

UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

RELATIVE = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six)\+?\s+(minute|hour|day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
# Glassdoor's compact ages: "12d", "24h", "30d+", "2w", "3mo", optionally after "Posted".
COMPACT = re.compile(
    r"^(?:(?:re)?posted:?\s+)?(\d+)\s?(h|d|w|mo|y)(\+)?(?:\s+ago)?$", re.IGNORECASE
)
COMPACT_UNITS = {"h": "hour", "d": "day", "w": "week", "mo": "month", "y": "year"}
# A bound rather than an age: "30+ days ago", "30d+", "over a month ago", "more than 2 weeks ago".
LOWER_BOUND = re.compile(
    r"\d\+\s*\w*\s+ago\b|^(?:(?:re)?posted:?\s+)?\d+\s?(?:h|d|w|mo|y)\+$|"
    r"\b(?:over|more\s+than|at\s+least|\d+\s+or\s+more)\s+(?:\d+|a|an|one|two|three|four|five|six)\s"
    r"|\b(?:about|around|approximately|roughly)\s+(?:\d+|a|an|one|two|three|four|five|six)\s",
    re.IGNORECASE,
)


def parse_relative_date(text: str, today: dt.date) -> dt.date | None:
    """ "Posted 9 Days Ago" → today − 9 days; None when the text is not relative."""
    lowered = text.lower()
    if re.search(r"\b(just\s+posted|today|just\s+now|new)\b", lowered):
        return today
    if "yesterday" in lowered:
        return today - dt.timedelta(days=1)
    compact = COMPACT.match(lowered.strip())
    if compact:
        days = int(compact.group(1)) * UNIT_DAYS[COMPACT_UNITS[compact.group(2)]]
        return today - dt.timedelta(days=days)
    match = RELATIVE.search(lowered)
    if not match:
        return None
    count_text, unit = match.group(1), match.group(2)
    count = WORD_NUMBERS.get(count_text)
    if count is None:
        count = int(count_text)
    return today - dt.timedelta(days=count * UNIT_DAYS[unit])


# All-numeric day, month and year: "03.11.2026" (dotted: day first, the European habit),
# "11/03/2026" (slashed or dashed: month first, the US habit, unless the first number is > 12).
NUMERIC_DATE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?=$|[\sT,])")


# Japanese and Chinese "2026年11月16日", Korean "2026년 11월 16일": year, month, day.
CJK_DATE = re.compile(
    r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?"
)


def _numeric_readings(text: str) -> list[dt.date]:
    """The dates an all-numeric date can mean, the conventional reading first."""
    match = NUMERIC_DATE.match(text.strip())
    if not match:
        return []
    first, sep, second, year = match.groups()
    a, b, y = int(first), int(second), int(year)
    order = [(a, b), (b, a)] if sep == "." or a > 12 else [(b, a), (a, b)]
    readings: list[dt.date] = []
    for day, month in order:
        try:
            date = dt.date(y, month, day)
        except ValueError:
            continue
        if date not in readings:
            readings.append(date)
    return readings


def parse_absolute_date(text: str) -> dt.date | None:
    """An absolute date in ISO 8601, RFC 822 or a written-out form; None when not one."""
    stripped = text.strip()
    if not stripped or not re.search(r"\d", stripped):
        return None
    numeric = _numeric_readings(stripped)
    if numeric:
        return numeric[0]
    cjk = CJK_DATE.search(stripped)
    if cjk:
        try:
            return dt.date(int(cjk["year"]), int(cjk["month"]), int(cjk["day"]))
        except ValueError:
            return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", stripped)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(stripped)
        return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", stripped):
        seconds = float(stripped) / (1000 if len(stripped) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    # A year must be present: dateutil would otherwise fill one in from the clock.
    if not re.search(r"\b(19|20)\d{2}\b", stripped):
        return None
    cleaned = re.sub(r"^(posted|published|updated|date)\s*(on)?\s*:?\s*", "", stripped, flags=re.I)
    try:
        return dateutil_parser.parse(cleaned, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def normalize_date(text: str | None, today: dt.date, *, past: bool = False) -> dt.date | None:
    """Any supported date text → date, relative forms resolved against `today`.

    `past` says the date cannot be after `today` (a posted date): an all-numeric date whose
    conventional reading is in the future is read the other way round when that is possible
    ("12/11/2026" read on 25 Nov 2026 is 12 November, not 11 December).
    """
    if not text or not text.strip():
        return None
    readings = _numeric_readings(text)
    if readings:
        if past:
            return next((d for d in readings if d <= today), readings[0])
        return readings[0]
    return parse_absolute_date(text) or parse_relative_date(text, today)


def is_relative_date(text: str | None) -> bool:
    """True when a date text depends on when it was read ("3 days ago")."""
    return (
        bool(text)
        and parse_absolute_date(text or "") is None
        and bool(
            RELATIVE.search(text or "")
            or COMPACT.match((text or "").strip())
            or re.search(r"yesterday|today|just", text or "", re.I)
        )
    )


def is_lower_bound_date(text: str | None) -> bool:
    """True when a relative date only bounds the age ("Posted 30+ days ago", "30d+").

    The date it resolves to is the latest the job can have been posted, not the day it was:
    such a date must be shown as approximate even when the reference date is exact.
    """
    return is_relative_date(text) and bool(LOWER_BOUND.search((text or "").strip()))


def _day_first(text: str | None, chosen: dt.date | None) -> bool | None:
    """Whether an all-numeric date was read day first (True), month first (False), or
    neither / not known (None)."""
    match = NUMERIC_DATE.match((text or "").strip())
    if not match or chosen is None:
        return None
    first, _sep, second, _year = match.groups()
    if int(first) == int(second):
        return None
    return chosen.day == int(first) and chosen.month == int(second)


def normalize_valid_through(
    text: str | None, today: dt.date, posted_text: str | None, posted: dt.date | None
) -> dt.date | None:
    """A closing date, read the way the same posting's date posted was read.

    An all-numeric closing date follows its posted date's order ("21/11/2026" is day first,
    so "07/12/2026" is 7 December, not 12 July); and a reading that would close the posting
    before it was posted gives way to one that does not.
    """
    readings = _numeric_readings(text or "")
    if not readings:
        return normalize_date(text, today)
    day_first = _day_first(posted_text, posted)
    if day_first is not None and len(readings) > 1:
        wanted = [d for d in readings if _day_first(text, d) is day_first]
        readings = wanted + [d for d in readings if d not in wanted]
    if posted is not None:
        return next((d for d in readings if d >= posted), readings[0])
    return readings[0]
