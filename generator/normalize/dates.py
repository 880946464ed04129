"""Date text → `datetime.date`.

Absolute forms (ISO 8601, RFC 822, "18 Apr 2026", "April 18, 2026") and relative ones
("Posted 9 Days Ago", "Yesterday", "Just posted", "30+ days ago") resolved against a reference
date that the caller supplies, so the same input always gives the same date.
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


def parse_relative_date(text: str, today: dt.date) -> dt.date | None:
    """ "Posted 9 Days Ago" → today − 9 days; None when the text is not relative."""
    lowered = text.lower()
    if re.search(r"\b(just\s+posted|today|just\s+now|new)\b", lowered):
        return today
    if "yesterday" in lowered:
        return today - dt.timedelta(days=1)
    match = RELATIVE.search(lowered)
    if not match:
        return None
    count_text, unit = match.group(1), match.group(2)
    count = WORD_NUMBERS.get(count_text)
    if count is None:
        count = int(count_text)
    return today - dt.timedelta(days=count * UNIT_DAYS[unit])


def parse_absolute_date(text: str) -> dt.date | None:
    """An absolute date in ISO 8601, RFC 822 or a written-out form; None when not one."""
    stripped = text.strip()
    if not stripped or not re.search(r"\d", stripped):
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


def normalize_date(text: str | None, today: dt.date) -> dt.date | None:
    """Any supported date text → date, relative forms resolved against `today`."""
    if not text or not text.strip():
        return None
    return parse_absolute_date(text) or parse_relative_date(text, today)


def is_relative_date(text: str | None) -> bool:
    """True when a date text depends on when it was read ("3 days ago")."""
    return (
        bool(text)
        and parse_absolute_date(text or "") is None
        and bool(
            RELATIVE.search(text or "") or re.search(r"yesterday|today|just", text or "", re.I)
        )
    )
