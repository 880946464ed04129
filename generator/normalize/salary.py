"""Salary text → `Salary`.

Handles ranges, single figures, "up to" / "from", K and M suffixes, the thousands separators of
several locales, currency symbols and ISO codes, pay periods, and ranges glued together without
a separator ("$170,371$350,763 USD"). Words like "competitive" mean no salary, never zero.
"""

from __future__ import annotations

import re

from generator.models import Salary, SalaryPeriod

# Longest symbols first so that "US$" wins over "$".
CURRENCY_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("HK$", "HKD"),
    ("R$", "BRL"),
    ("CHF", "CHF"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("zł", "PLN"),
    ("kr", "SEK"),
    ("Rs", "INR"),
    ("$", "USD"),
)

ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "AUD",
        "NZD",
        "INR",
        "JPY",
        "CNY",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "SGD",
        "HKD",
        "BRL",
        "MXN",
        "ZAR",
        "KRW",
        "ILS",
        "AED",
        "TRY",
        "RON",
        "BGN",
        "ARS",
        "CLP",
        "COP",
        "PHP",
        "IDR",
        "MYR",
        "THB",
        "VND",
        "NGN",
        "KES",
        "EGP",
        "PKR",
        "BDT",
        "UAH",
        "TWD",
    ]
)

PERIOD_WORDS: tuple[tuple[str, SalaryPeriod], ...] = (
    (r"hourly|per\s+hour|an\s+hour|/\s*h(?:ou)?r\b|/\s*h\b|\bp/?h\b", SalaryPeriod.HOUR),
    (r"daily|per\s+day|a\s+day|/\s*day|day\s+rate", SalaryPeriod.DAY),
    (r"weekly|per\s+week|a\s+week|/\s*w(?:ee)?k", SalaryPeriod.WEEK),
    (r"monthly|per\s+month|a\s+month|/\s*mo(?:nth)?\b|\bp\.?m\.?\b", SalaryPeriod.MONTH),
    (
        r"annual(?:ly)?|per\s+(?:year|annum)|a\s+year|yearly|/\s*y(?:ea)?r\b|\bp\.?a\.?\b|"
        r"\bper\s+anno\b|\bbrutto\b",
        SalaryPeriod.YEAR,
    ),
)

NO_SALARY = re.compile(
    r"\b(competitive|negotiable|doe|d\.o\.e|depending\s+on\s+experience|market\s+rate|"
    r"not\s+(?:specified|disclosed|stated)|tbd|unpaid)\b",
    re.IGNORECASE,
)

# A number as written in any of the common locales, optionally followed by a K/M suffix.
# Group 1 is the digits with their separators; group 2 the suffix.
NUMBER = re.compile(
    r"(?<![\w.])("
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:[,.\u00a0\u202f\u2009' ]\d{3})+(?:[.,]\d{1,2})?"  # 1,234 / 1.234 / 1 234
    r"|\d+(?:[.,]\d{1,2})?"
    r")\s?([kKmM]\b|[kK](?=[-–—$€£\s/+]|$))?"
)

UP_TO = re.compile(r"\b(up\s+to|max(?:imum)?|under|less\s+than|to)\s*$", re.IGNORECASE)
FROM = re.compile(r"\b(from|starting(?:\s+at|\s+from)?|min(?:imum)?|at\s+least|over)\s*$", re.I)


def parse_number(token: str) -> float | None:
    """Reads one number token in any common locale ("1,234.50", "1.234,50", "12,34,567")."""
    token = re.sub(r"[\u00a0\u202f\u2009' ]", "", token)
    if not token:
        return None
    has_comma, has_dot = "," in token, "." in token
    if has_comma and has_dot:
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        token = token.replace(thousands, "").replace(decimal, ".")
    elif has_comma or has_dot:
        sep = "," if has_comma else "."
        groups = token.split(sep)
        if len(groups) == 2 and len(groups[1]) in (1, 2):
            token = groups[0] + "." + groups[1]
        else:
            token = "".join(groups)
    try:
        return float(token)
    except ValueError:
        return None


def detect_currency(text: str) -> str | None:
    """The ISO 4217 code a salary text names by code or symbol, if any."""
    for code in re.findall(r"\b[A-Z]{3}\b", text.upper()):
        if code in ISO_CODES and re.search(rf"\b{code}\b", text, re.IGNORECASE):
            return code
    for symbol, code in CURRENCY_SYMBOLS:
        if symbol.isalpha():
            if re.search(rf"(?<![A-Za-z]){re.escape(symbol)}(?![A-Za-z])", text):
                return code
        elif symbol in text:
            return code
    return None


def detect_period(text: str) -> SalaryPeriod | None:
    """The pay period a salary text names, if any."""
    for pattern, period in PERIOD_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return period
    return None


def parse_period(text: str | None) -> SalaryPeriod | None:
    """A period from a structured field ("YEAR", "hourly", "per month", "annual")."""
    if not text:
        return None
    upper = text.strip().upper()
    if upper in SalaryPeriod.__members__:
        return SalaryPeriod[upper]
    return detect_period(text)


def guess_period(amount: float) -> SalaryPeriod:
    """When a text names no period, the size of the figure is the best evidence."""
    if amount < 500:
        return SalaryPeriod.HOUR
    if amount < 15_000:
        return SalaryPeriod.MONTH
    return SalaryPeriod.YEAR


def _amounts(text: str) -> list[tuple[float, bool, int, int]]:
    """Every figure in the text: (value, had K/M suffix, start, end)."""
    found: list[tuple[float, bool, int, int]] = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group(1))
        if value is None:
            continue
        suffix = (match.group(2) or "").lower()
        if suffix == "k":
            value *= 1_000
        elif suffix == "m":
            value *= 1_000_000
        found.append((value, bool(suffix), match.start(), match.end()))
    return found


def normalize_salary(
    text: str | None,
    *,
    currency: str | None = None,
    period: str | None = None,
    default_currency: str | None = None,
) -> Salary | None:
    """Reads a salary text; returns None when it states no figure ("Competitive", "DOE", "")."""
    if not text or not text.strip():
        return None
    text = text.replace("\u2212", "-")
    amounts = [a for a in _amounts(text) if a[0] > 0]
    if not amounts:
        return None
    if NO_SALARY.search(text) and not re.search(r"[$€£₹¥]|\b[A-Z]{3}\b", text):
        return None
    # A range is the first two figures; a third figure is usually a bonus or an aside.
    first = amounts[0]
    second = amounts[1] if len(amounts) > 1 else None
    values: list[float]
    if second is not None:
        low, high = first[0], second[0]
        # "80-100k": the suffix written once applies to both ends.
        if second[1] and not first[1] and low < 1000 <= high and low * 1000 <= high * 10:
            low *= 1000
        values = sorted((low, high))
    else:
        values = [first[0]]
    iso = (currency or "").strip().upper() or detect_currency(text) or default_currency
    if not iso or iso not in ISO_CODES:
        return None
    unit = parse_period(period) or detect_period(text) or guess_period(max(values))
    if len(values) == 1:
        before = text[: first[2]]
        after = text[first[3] :]
        if UP_TO.search(re.sub(r"[^\w\s]", " ", before).rstrip()):
            return Salary(min=None, max=values[0], currency=iso, period=unit)
        if FROM.search(re.sub(r"[^\w\s]", " ", before).rstrip()) or after.lstrip().startswith("+"):
            return Salary(min=values[0], max=None, currency=iso, period=unit)
        return Salary(min=values[0], max=values[0], currency=iso, period=unit)
    return Salary(min=values[0], max=values[1], currency=iso, period=unit)


def salary_from_numbers(
    low: float | None,
    high: float | None,
    currency: str | None,
    period: str | None,
) -> Salary | None:
    """A salary from structured fields (JSON-LD, ATS exports); None when nothing usable."""
    figures = [v for v in (low, high) if v is not None and v > 0]
    if not figures:
        return None
    iso = (currency or "").strip().upper()
    if iso not in ISO_CODES:
        iso = detect_currency(currency or "") or ""
    if not iso:
        return None
    unit = parse_period(period) or guess_period(max(figures))
    low_ok = low if low is not None and low > 0 else None
    high_ok = high if high is not None and high > 0 else None
    if low_ok is not None and high_ok is not None and low_ok > high_ok:
        low_ok, high_ok = high_ok, low_ok
    return Salary(min=low_ok, max=high_ok, currency=iso, period=unit)


SALARY_LINE = re.compile(
    r"^\s*(?:[A-Z]{3}\s*)?[$€£₹¥]?\s*\d[\d,.\s]*[kK]?\s*(?:[-–—to]+\s*)?[$€£₹¥]?\s*\d[\d,.]*[kK]?"
    r"\s*(?:[A-Z]{3})?\s*(?:(?:per|an?|/)\s*\w+|annually|yearly|hourly|monthly)?\s*$"
)


def looks_like_salary_line(line: str) -> bool:
    """True for a line that is nothing but a pay figure or range with a currency."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return False
    if not re.search(r"[$€£₹¥]|\b[A-Z]{3}\b", stripped):
        return False
    return bool(SALARY_LINE.match(stripped)) or bool(
        re.fullmatch(r"[$€£₹¥][\d,.]+[$€£₹¥][\d,.]+\s*[A-Z]{3}", stripped)
    )
