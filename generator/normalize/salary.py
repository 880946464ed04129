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

# English first, then the German, French, Spanish and Italian words that pay statements in
# those languages use ("brutto/Monat", "par mois", "mensual"). Month comes before year so that
# "brutto/Monat" is monthly although "brutto" alone usually states a yearly figure.
PERIOD_WORDS: tuple[tuple[str, SalaryPeriod], ...] = (
    (
        r"hourly|per\s+hour|an\s+hour|/\s*h(?:ou)?r\b|/\s*h\b|\bp/?h\b|"
        r"\bpro\s+stunde\b|/\s*std\b|stündlich|\b(?:par|de\s+l')\s*heure\b|\bpor\s+hora\b|"
        r"\ball'ora\b|\b(?:per|i)\s+timm(?:e|en)\b|/\s*timme\b|\btimlön\b|\bper\s+uur\b|"
        r"/\s*uur\b|\bza\s+godzin[ęe]\b|/\s*godz\b|\bpor\s+hora\b|/\s*hora\b",
        SalaryPeriod.HOUR,
    ),
    (r"daily|per\s+day|a\s+day|/\s*day|day\s+rate|\bpro\s+tag\b|/\s*tag\b", SalaryPeriod.DAY),
    (r"weekly|per\s+week|a\s+week|/\s*w(?:ee)?k|\bpro\s+woche\b", SalaryPeriod.WEEK),
    (
        r"monthly|per\s+month|a\s+month|/\s*mo(?:nth)?\b|\bp\.?m\.?\b|\bmonat(?:lich)?\b|"
        r"\bmensu(?:al|el|elle)(?:es|s)?\b|\bpar\s+mois\b|\b(?:al|por)\s+m[eê]s\b|\bal\s+mese\b|"
        r"\bmensile\b|\bmensal\b|/\s*m[eê]s\b|/\s*mies\b|\bmiesi[ęe]cznie\b|\bmies\.|"
        r"\b(?:per|i)\s+månad(?:en)?\b|/\s*månad\b|\bmånadslön\b|\bper\s+maand\b|"
        r"/\s*maand\b|\bmaandelijks\b|\bpro\s+monat\b|\bpar\s+mois\b",
        SalaryPeriod.MONTH,
    ),
    (
        r"annual(?:ly)?|per\s+(?:year|annum)|a\s+year|yearly|/\s*y(?:ea)?r\b|\bp\.?a\.?\b|\blpa\b|"
        r"\bper\s+anno\b|\bbrutto\b|\bjahr\b|\bjährlich\b|\bpro\s+jahr\b|\bpar\s+an\b|"
        r"\bannuel(?:le)?\b|\banual(?:es)?\b|\b(?:al|por)\s+año\b|\bannuo\b|\ball'anno\b|"
        r"\b(?:por|ao)\s+ano\b|\brocznie\b|\bper\s+år\b|/\s*år\b|\bårslön\b|"
        r"\bper\s+jaar\b|/\s*jaar\b|\bjaarlijks\b",
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
    r")\s?((?i:lpa|lakhs?|lacs?|crores?|cr)\b|[kKmM]\b|[kK](?=[-–—$€£₹\s/+]|$)|L(?=[-–—\s/+]|$))?"
)
# Indian units: a lakh is 100,000 ("12 LPA" is lakh per annum, LinkedIn's "₹22L/yr" 22 lakh),
# a crore 10,000,000.
MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "lpa": 100_000, "lakh": 100_000, "lakhs": 100_000}
MULTIPLIERS |= {"l": 100_000}
MULTIPLIERS |= {"lac": 100_000, "lacs": 100_000, "cr": 10_000_000}
MULTIPLIERS |= {"crore": 10_000_000, "crores": 10_000_000}
INDIAN_UNITS = re.compile(r"\d\s?(?:lpa|lakhs?|lacs?|crores?|cr)\b", re.I)

UP_TO = re.compile(
    r"\b(up\s+to|max(?:imum)?|under|less\s+than|to|bis\s+zu|jusqu\s+à|hasta|fino\s+a)\s*$",
    re.IGNORECASE,
)
FROM = re.compile(
    r"\b(from|starting(?:\s+at|\s+from)?|min(?:imum)?|at\s+least|over|ab|desde|à\s+partir\s+de)\s*$",
    re.I,
)


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
            return str(code)
    for symbol, code in CURRENCY_SYMBOLS:
        if symbol.isalpha():
            if re.search(rf"(?<![A-Za-z]){re.escape(symbol)}(?![A-Za-z])", text):
                return code
        elif symbol in text:
            return code
    if SOUTH_AFRICAN_RAND.search(text):
        return "ZAR"
    return None


# The rand's symbol, a capital R before a figure: "R 450 000", "R45,000".
SOUTH_AFRICAN_RAND = re.compile(r"(?<![A-Za-z])R\s?\d")


# Symbols several currencies write the same way: a bare one means the local currency when the
# place uses one of them ("$26 an hour" in Montréal is CAD, "kr 45 000" in Oslo is NOK).
SHARED_SYMBOLS: dict[str, frozenset[str]] = {
    "USD": frozenset(
        {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "COP", "ARS", "CLP", "UYU", "DOP", "TWD"}
    ),
    "SEK": frozenset({"SEK", "NOK", "DKK", "ISK"}),
}


def local_currency(text: str, default_currency: str | None) -> str | None:
    """The currency a salary text means, reading an unqualified shared symbol as the local
    currency of the posting's place; explicit codes and qualified symbols ("US$") win."""
    detected = detect_currency(text)
    if detected is None:
        return default_currency
    family = SHARED_SYMBOLS.get(detected)
    explicit = re.search(rf"\b{detected}\b|US\$|U\.S\.", text, re.IGNORECASE)
    if family and default_currency in family and not explicit:
        return default_currency
    return detected


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


def _amounts(text: str) -> list[tuple[float, float, int, int]]:
    """Every figure in the text: (value, its K/M/lakh/crore multiplier or 1, start, end)."""
    found: list[tuple[float, float, int, int]] = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group(1))
        if value is None:
            continue
        multiplier = MULTIPLIERS.get((match.group(2) or "").lower(), 1)
        found.append((value * multiplier, multiplier, match.start(), match.end()))
    return found


# Pay that is not the base salary: on-target earnings, bonus, commission, equity. A figure so
# labelled is not the top of the base range ("$65K base / $95K OTE" is 65K).
NOT_BASE = re.compile(
    r"\b(?:ote|on[- ]target(?:\s+earnings)?|bonus(?:es)?|commissions?|equity|stock|rsus?|"
    r"options|sign[- ]on|signing|variable|incentives?|total\s+(?:comp(?:ensation)?|package))\b",
    re.I,
)
# What divides the parts of a pay text: "base / OTE", "base, OTE", "base + bonus", "(OTE …)".
PAY_PARTS = re.compile(
    r"(\s*(?:,(?=\s)|;|\s/\s|/(?=\s*[$€£₹¥\d])|[+()]|\bplus\b|\band\b|\bwith\b)\s*)", re.I
)


def base_pay_text(text: str) -> str:
    """The text without the parts that state OTE, bonus, commission or equity figures, when a
    part with a figure remains ("$65,000 base, $95,000 OTE" → "$65,000 base"); unchanged when
    every figure is so labelled (an "OTE: $120K" is still the pay the ad states)."""
    pieces = PAY_PARTS.split(text)
    parts = pieces[0::2]
    variable = [bool(NOT_BASE.search(p)) and bool(re.search(r"\d", p)) for p in parts]
    if not any(variable) or all(
        flag for flag, part in zip(variable, parts, strict=True) if re.search(r"\d", part)
    ):
        return text
    kept = [part for flag, part in zip(variable, parts, strict=True) if not flag]
    return " ".join(kept)


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
    text = base_pay_text(text.replace("\u2212", "-"))
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
        # "80-100k", "12-18 LPA": the suffix written once applies to both ends.
        multiplier = second[1]
        written_once = multiplier > 1 and first[1] == 1
        if written_once and low < 1000 <= high and low * multiplier <= high * 10:
            low *= multiplier
        values = sorted((low, high))
    else:
        values = [first[0]]
    iso = (currency or "").strip().upper() or local_currency(text, default_currency)
    if not iso and INDIAN_UNITS.search(text):
        iso = "INR"
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
    r"\s*(?:[A-Z]{3})?\s*(?:(?:per|an?|/)\s*\w+|annually|yearly|hourly|monthly)?"
    r"(?:\s*,?\s*(?i:base(?:\s+(?:salary|pay))?|gross|brutto))?\s*$"  # "$72,000–$86,000 USD base"
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


# --- pay stated in a description ---------------------------------------------------------------
# Descriptions state pay in prose ("Gehalt: €60.000 – €75.000 brutto/Jahr", "Rate: $45/hr").
# Only a figure that a pay label introduces, or a range with a currency that names its period
# or says it is gross, is read as pay: "$5M funding", "401(k)" and "10,000 customers" are not.

PAY_LABEL = (
    r"(?:salary|salary\s+range|pay|pay\s+range|pay\s+rate|compensation|rate|hourly\s+rate|"
    r"day\s+rate|wage|wages|base|base\s+salary|base\s+pay|ote|total\s+compensation|gehalt|"
    r"jahresgehalt|bruttogehalt|vergütung|verguetung|salaire|rémunération|remuneration|"
    r"retribución|salario|sueldo|stipendio|retribuzione|ral|salário|remuneração|lön|månadslön|"
    r"wynagrodzenie|salaris|loon|lønn)"
)
_CURRENCY_BEFORE = r"(?:(?:US|CA|AU|NZ|HK|[CASR])?[$€£₹¥]|\b[A-Z]{3}\b|\bR(?=\s?\d))"
_CURRENCY_AFTER = r"(?:[A-Z]{3}(?![A-Za-z])|[€£₹$]|zł)"
_FIGURE = (
    rf"(?:{_CURRENCY_BEFORE}\s?)?"
    r"\d{1,3}(?:[,.\u00a0\u202f' ]\d{2,3})*(?:[.,]\d{1,2})?"
    r"(?:\s?(?:[kKmM]|(?i:lpa|lakhs?|lacs?|crores?|cr))(?![A-Za-z]))?"
    rf"(?:\s?{_CURRENCY_AFTER})?"
)
_QUALIFIER = (
    r"(?i:(?:up\s+to|from|starting\s+(?:at|from)|at\s+least|bis\s+zu|ab|jusqu'à|hasta|desde|"
    r"fino\s+a|da)\s+)?"
)
_GROSS = r"(?i:\s+(?:brutto|gross|brut|bruto|lordo))"
_PERIOD_PHRASE = (
    r"(?i:\s*(?:/|per|an?|pro|par|al|por|each)\s*(?:hour|hr|h|day|week|wk|month|mo|year|yr|annum|"
    r"jahr|monat|stunde|std|tag|an|mois|heure|mes|mês|año|ano|hora|mese|anno|mies\.?|godz\.?|"
    r"timme|månad|år|maand|uur|jaar)(?![A-Za-z])|"
    r"\s+(?:annually|hourly|monthly|yearly|daily|weekly|mensual(?:es)?|mensuel(?:le)?s?|mensal|"
    r"anual(?:es)?|annuel|jährlich|monatlich|stündlich|mensile|annuo|miesięcznie|rocznie|"
    r"maandelijks|jaarlijks)(?![A-Za-z]))"
)
_AMOUNT = (
    rf"{_QUALIFIER}{_FIGURE}(?:\s?\+)?(?:\s*(?:-|–|—|to|bis|à|a)\s*{_FIGURE})?"
    rf"{_GROSS}?{_PERIOD_PHRASE}?"
)
LABELLED_PAY = re.compile(
    rf"(?<![\w-])(?i:{PAY_LABEL})(?![\w-])"  # the label, a whole word
    r"(?:\s*\([^()\n]{0,30}\))?"  # "(USD)", "(base)"
    r"[^\d$€£₹¥\n.;!?]{0,40}?"  # ": ", " for this role is ", never across a sentence
    rf"(?P<amount>{_AMOUNT})"
)
GROSS_RANGE = re.compile(
    rf"(?P<amount>{_FIGURE}\s*(?:-|–|—|to|bis)\s*{_FIGURE}"
    rf"(?:{_GROSS}{_PERIOD_PHRASE}?|{_GROSS}?{_PERIOD_PHRASE}))"
)
# Words that follow a figure that is not pay: money raised, revenue, headcounts.
NOT_PAY_AFTER = re.compile(
    r"^\s*(?:in\s+)?(?:funding|raised|series|seed|revenue|arr|valuation|customers|users|"
    r"employees|investment)\b",
    re.IGNORECASE,
)
HAS_CURRENCY = re.compile(rf"{_CURRENCY_BEFORE}|{_CURRENCY_AFTER}")


def salary_statement(text: str) -> str | None:
    """The pay figure a description states, as text for `normalize_salary`; None when none.

    A labelled statement ("Salary: Up to $200K") wins over an unlabelled gross range; the
    figure must name a currency, so "Base: 3 days in the office" is never pay.
    """
    variable: str | None = None  # an OTE, bonus or equity figure: used only when alone
    for pattern in (LABELLED_PAY, GROSS_RANGE):
        for match in pattern.finditer(text):
            amount = match.group("amount").strip()
            gap = text[match.start() : match.start("amount")]
            if NO_SALARY.search(gap) or NOT_PAY_AFTER.match(text[match.end() :]):
                continue
            if HAS_CURRENCY.search(amount) and re.search(r"\d", amount):
                after = text[match.end() : match.end() + 30]
                if NOT_BASE.search(gap) or re.match(rf"\s*(?:{NOT_BASE.pattern})", after, re.I):
                    variable = variable or amount
                    continue
                return amount
    return variable


def salary_in_text(text: str, default_currency: str | None = None) -> Salary | None:
    """A salary stated in free text (a description), or None."""
    statement = salary_statement(text) if text else None
    return normalize_salary(statement, default_currency=default_currency) if statement else None
