"""Location text → `Location` values and the work arrangement.

"San Francisco, CA, US", "Remote, US", "London, UK", "Remote (EMEA)", "Berlin, Germany" and
lists of them separated by ";" or "|" become cities, regions and ISO 3166 country codes.
Counts such as "2 Locations" carry no place and are dropped.
"""

from __future__ import annotations

import functools
import re

import pycountry

from generator.models import Location, WorkArrangement

# Names people write that pycountry does not know by that spelling.
COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "south korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "czechia": "CZ",
    "the netherlands": "NL",
    "holland": "NL",
    "uae": "AE",
    "vietnam": "VN",
    "taiwan": "TW",
    "turkey": "TR",
}

# Regions that are not countries; a remote job open across one is labelled with it.
MACRO_REGIONS = {
    "emea": "EMEA",
    "apac": "APAC",
    "latam": "LATAM",
    "americas": "Americas",
    "north america": "North America",
    "europe": "Europe",
    "eu": "EU",
    "worldwide": "Worldwide",
    "global": "Worldwide",
    "anywhere": "Worldwide",
}

# Well-known job-market cities, so that "Seattle" alone still gets its region and country.
KNOWN_CITIES: dict[str, tuple[str | None, str]] = {
    "seattle": ("WA", "US"),
    "san francisco": ("CA", "US"),
    "new york": ("NY", "US"),
    "new york city": ("NY", "US"),
    "nyc": ("NY", "US"),
    "los angeles": ("CA", "US"),
    "austin": ("TX", "US"),
    "boston": ("MA", "US"),
    "chicago": ("IL", "US"),
    "denver": ("CO", "US"),
    "palo alto": ("CA", "US"),
    "mountain view": ("CA", "US"),
    "menlo park": ("CA", "US"),
    "sunnyvale": ("CA", "US"),
    "san jose": ("CA", "US"),
    "oakland": ("CA", "US"),
    "san diego": ("CA", "US"),
    "portland": ("OR", "US"),
    "atlanta": ("GA", "US"),
    "miami": ("FL", "US"),
    "washington": ("DC", "US"),
    "pittsburgh": ("PA", "US"),
    "philadelphia": ("PA", "US"),
    "boulder": ("CO", "US"),
    "toronto": ("ON", "CA"),
    "vancouver": ("BC", "CA"),
    "montreal": ("QC", "CA"),
    "london": (None, "GB"),
    "manchester": (None, "GB"),
    "edinburgh": (None, "GB"),
    "dublin": (None, "IE"),
    "berlin": (None, "DE"),
    "munich": (None, "DE"),
    "hamburg": (None, "DE"),
    "paris": (None, "FR"),
    "amsterdam": (None, "NL"),
    "madrid": (None, "ES"),
    "barcelona": (None, "ES"),
    "lisbon": (None, "PT"),
    "stockholm": (None, "SE"),
    "copenhagen": (None, "DK"),
    "oslo": (None, "NO"),
    "helsinki": (None, "FI"),
    "zurich": (None, "CH"),
    "warsaw": (None, "PL"),
    "prague": (None, "CZ"),
    "vienna": (None, "AT"),
    "milan": (None, "IT"),
    "bengaluru": ("Karnataka", "IN"),
    "bangalore": ("Karnataka", "IN"),
    "hyderabad": ("Telangana", "IN"),
    "pune": ("Maharashtra", "IN"),
    "mumbai": ("Maharashtra", "IN"),
    "singapore": (None, "SG"),
    "tokyo": (None, "JP"),
    "sydney": ("NSW", "AU"),
    "melbourne": ("VIC", "AU"),
    "tel aviv": (None, "IL"),
    "sao paulo": (None, "BR"),
}

REMOTE_WORDS = re.compile(
    r"\b(remote|work\s+from\s+home|wfh|anywhere|telecommute|distributed)\b", re.I
)
COUNT_ONLY = re.compile(r"^\s*\d+\s+(locations?|offices?|cities)\s*$", re.I)


@functools.lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a country name or code, if it is one."""
    key = text.strip().strip(".").lower()
    if not key:
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if len(key) == 2 and key.isalpha():
        found = pycountry.countries.get(alpha_2=key.upper())
        return found.alpha_2 if found else None
    if len(key) == 3 and key.isalpha():
        found = pycountry.countries.get(alpha_3=key.upper())
        return found.alpha_2 if found else None
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None


@functools.lru_cache(maxsize=4096)
def region_country(region: str, country: str | None = None) -> str | None:
    """The country whose subdivision this is ("CA" → "US", "ON" → "CA"), when unambiguous."""
    code = region.strip().upper()
    candidates = [country] if country else ["US", "CA", "AU", "IN", "GB", "DE"]
    for candidate in candidates:
        if candidate and pycountry.subdivisions.get(code=f"{candidate}-{code}") is not None:
            return candidate
    if not country:
        for candidate in candidates:
            for sub in pycountry.subdivisions.get(country_code=candidate) or []:
                if sub.name.lower() == region.strip().lower():
                    return candidate
    return None


def country_name(code: str | None) -> str | None:
    """A readable country name for an ISO code ("US" → "United States")."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def _is_us_state_code(text: str) -> bool:
    return len(text) == 2 and text.isupper() and region_country(text, "US") == "US"


def _known_abroad(city: str) -> bool:
    known = KNOWN_CITIES.get(city.lower())
    return known is not None and known[1] != "US"


def split_locations(text: str) -> list[str]:
    """Several locations in one field: separated by ";", "|", "/", " or " or newlines."""
    parts = re.split(r"\s*(?:;|\||\n|\s/\s|\bor\b)\s*", text)
    return [p.strip(" ,.-") for p in parts if p and p.strip(" ,.-")]


def normalize_location(text: str) -> Location | None:
    """One location string → `Location`; None for counts and empty text."""
    raw = re.sub(r"\s+", " ", text).strip(" ,.-")
    if not raw or COUNT_ONLY.match(raw):
        return None
    remote = bool(REMOTE_WORDS.search(raw))
    rest = REMOTE_WORDS.sub(" ", raw) if remote else raw
    rest = re.sub(r"\b(hybrid|on-?site|in-?office|office)\b", " ", rest, flags=re.I)
    rest = re.sub(r"[()\[\]]", ",", rest)
    parts = [p.strip(" -–,.") for p in rest.split(",")]
    parts = [p for p in parts if p]
    city: str | None = None
    region: str | None = None
    country: str | None = None
    label = ""
    if parts and parts[-1].lower() in MACRO_REGIONS:
        label = MACRO_REGIONS[parts.pop().lower()]
    if len(parts) == 2 and _is_us_state_code(parts[1]) and not _known_abroad(parts[0]):
        # "San Francisco, CA" is California, not Canada: "City, ST" is the US convention.
        return Location(city=parts[0], region=parts[1], country="US", remote=remote)
    if parts:
        country = country_code(parts[-1])
        if country and (len(parts) > 1 or len(parts[-1]) != 2 or remote or parts[-1].isupper()):
            parts.pop()
        else:
            country = None
    if parts and len(parts) >= 2:
        region = parts[-1]
        inferred = region_country(region, country)
        if inferred:
            country = country or inferred
            parts.pop()
        else:
            region = None
    if parts:
        # Whatever is left: the first piece is the city, further pieces a region we do not know.
        city = parts[0]
        if len(parts) > 1 and region is None:
            region = parts[1]
    if city and not country and not region and (code := country_code(city)):
        city, country = None, code
    if city and len(city) <= 3 and city.isupper() and region is None and country:
        region, city = city, None
    if city and city.lower() in KNOWN_CITIES:
        known_region, known_country = KNOWN_CITIES[city.lower()]
        if country is None or country == known_country:
            region = region or known_region
            country = country or known_country
    if label and not remote:
        remote = True
    if remote and label:
        return Location(remote=True, country=country, label=f"Remote ({label})")
    return Location(city=city, region=region, country=country, remote=remote)


def normalize_locations(texts: list[str] | tuple[str, ...]) -> tuple[Location, ...]:
    """Many location strings (each possibly a list) → unique `Location`s in source order."""
    seen: dict[tuple[object, ...], Location] = {}
    for text in texts:
        for piece in split_locations(text):
            loc = normalize_location(piece)
            if loc is None:
                continue
            key = (loc.city, loc.region, loc.country, loc.remote, loc.label)
            seen.setdefault(key, loc)
    return tuple(seen.values())


ARRANGEMENT_PATTERNS: tuple[tuple[str, WorkArrangement], ...] = (
    (r"\bhybrid\b|flexible\s+working|\bpart(ly|ially)\s+remote", WorkArrangement.HYBRID),
    (r"\bremote\b|work\s+from\s+home|\bwfh\b|telecommute|anywhere", WorkArrangement.REMOTE),
    (
        r"\bin[- ]office\b|\bon[- ]?site\b|\bin[- ]person\b|\boffice[- ]based\b",
        WorkArrangement.ONSITE,
    ),
)


def normalize_work_arrangements(text: str | None) -> tuple[WorkArrangement, ...]:
    """ "In-Office or Remote" → (onsite, remote); several may apply; sorted for stability."""
    if not text:
        return ()
    found = {arr for pattern, arr in ARRANGEMENT_PATTERNS if re.search(pattern, text, re.I)}
    if text.strip().upper() == "TELECOMMUTE":
        found.add(WorkArrangement.REMOTE)
    order = list(WorkArrangement)
    return tuple(sorted(found, key=order.index))
