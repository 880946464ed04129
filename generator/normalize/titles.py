"""Titles: sane casing, the level they name, and the role family they belong to.

The role-family vocabulary is data (`RoleFamily` tuples) so that users can extend it from
configuration; the first family whose pattern matches wins, so more specific families come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.models import Seniority


@dataclass(frozen=True)
class RoleFamily:
    """A named group of job titles; `patterns` are case-insensitive regular expressions."""

    key: str
    label: str
    patterns: tuple[str, ...]


MANAGER = r"\b(manager|mgr|head\s+of|director)\b"
# A manager's title that names a discipline outside engineering ("Director of Revenue
# Management", "Store Manager") is never made an engineering manager by its description.
OTHER_DISCIPLINE = (
    r"\b(revenue|sales|marketing|finance|financial|accounting|operations|people|hr|human|"
    r"nursing|clinical|care|store|shop|restaurant|kitchen|hotel|front\s+office|retail|customer|"
    r"legal|compliance|communications|content|brand|events?|facilities|procurement|purchasing|"
    r"supply|logistics|warehouse|office|admin\w*|recruit\w*|talent|account|branch|property|"
    r"practice|pharmacy|school|programme|fundraising|partnerships|business\s+development)\b"
)
ENGINEERING = (
    r"\b(engineer(ing)?|software|development|developer|ml|machine\s+learning|platform|"
    r"infrastructure|technical|data)\b"
)

# Common occupations beyond software, after the technology families (which the seeds rely on)
# and before recruiting, sales and marketing. Patterns name the job, not the sector: "Software
# Engineer, Healthcare" stays software work. More specific families come first: a nurse
# educator is nursing, a pharmacy technician healthcare, a retail sales associate retail.
NON_TECH_FAMILIES: tuple[RoleFamily, ...] = (
    RoleFamily(
        "nursing",
        "Nursing",
        (
            r"\b(nurse|nurses|nursing|rn|lpn|lvn|midwife|midwifery|pflegefachkraft|"
            r"pflegefachfrau|pflegefachmann|krankenpfleger(in)?|altenpfleger(in)?|"
            r"infirmi[eè]re?|enfermer[oa])\b",
        ),
    ),
    RoleFamily(
        "healthcare",
        "Healthcare",
        (
            r"\b(pharmacist|pharmacy|physician|doctor|gp|surgeon|dentist|dental|hygienist|"
            r"therapist|physiotherapist|physio|occupational\s+therapy|radiographer|"
            r"sonographer|paramedic|phlebotomist|optometrist|psychologist|counsellor|counselor|"
            r"caregiver|carer|care\s+(assistant|worker|aide|giver)|support\s+worker|"
            r"healthcare\s+assistant|medical\s+assistant|nursing\s+assistant|veterinar\w*|"
            r"midwife|dietitian|audiologist|clinician|medical\s+officer|"
            r"(hospital|patient|theatre|ward)\s+porter)\b",
        ),
    ),
    RoleFamily(
        "education",
        "Teaching & Education",
        (
            r"\b(teacher|teachers|teaching|tutor|lecturer|professor|educator|instructor|"
            r"curriculum|early\s+years|nursery|childcare|child\s+care|preschool|kindergarten|"
            r"school|headteacher|sencos?|lehrer(in)?|erzieher(in)?|enseignant\w*)\b",
        ),
    ),
    RoleFamily(
        "legal",
        "Legal",
        (
            r"\b(lawyer|attorney|solicitor|barrister|paralegal|counsel|legal|notary|"
            r"conveyancer|rechtsanwalt|rechtsanwältin|avocat\w*|abogad[oa])\b",
        ),
    ),
    RoleFamily(
        "risk-compliance",
        "Risk & Compliance",
        (
            r"\b(compliance|aml|kyc|bsa|anti-money\s+laundering|fraud|credit\s+risk|"
            r"risk\s+(analyst|manager|officer|specialist|lead))\b",
        ),
    ),
    RoleFamily(
        "accounting-finance",
        "Accounting & Finance",
        (
            r"\b(accountant|accountants|accounting|accounts|bookkeeper|bookkeeping|"
            r"buchhalter(in)?|buchhaltung|finanzbuchhalt\w*|steuerfachangestellte\w*|"
            r"comptable|contador[a]?|controller|controlling|payroll|tax|auditor|audit|"
            r"finance|financial|treasury|fp&a|credit\s+analyst|underwriter|actuary|actuarial|"
            r"investment|cfo)\b",
        ),
    ),
    RoleFamily(
        "banking",
        "Banking",
        (r"\b(bank|banking|banker|teller|branch\s+manager|mortgage\s+(advisor|adviser))\b",),
    ),
    RoleFamily(
        "hospitality",
        "Hospitality & Food",
        (
            r"\b(chef|chefs|cook|cooks|sous|kitchen|baker|pastry|barista|bartender|"
            r"waiter|waitress|waiting\s+staff|food\s+(service|and\s+beverage)|"
            r"f&b|restaurant|catering|caterer|dishwasher|kitchen\s+porter|hotel|porter|"
            r"hospitality|front\s+of\s+house|concierge|koch|köchin|cuisinier\w*|cocinero)\b",
        ),
    ),
    RoleFamily(
        "warehouse-logistics",
        "Warehouse & Logistics",
        (
            r"\b(warehouse|forklift|picker|packer|pick\s+and\s+pack|order\s+picker|"
            r"fulfil{1,2}ment|logistics|supply\s+chain|inventory|stock\s+(controller|associate)|"
            r"material\s+handler|shipping|receiving|dispatcher|lager\w*|kommissionier\w*|"
            r"logistik\w*|distribution\s+cent(er|re))\b",
        ),
    ),
    RoleFamily(
        "driving-delivery",
        "Driving & Delivery",
        (
            r"\b(driver|drivers|driving|courier|chauffeur|trucker|truck|hgv|lgv|cdl|"
            r"delivery\s+(associate|rider|partner|person)|fahrer(in)?|berufskraftfahrer\w*|"
            r"chauffeur|conducteur|conductor)\b",
        ),
    ),
    RoleFamily(
        "trades",
        "Trades & Maintenance",
        (
            r"\b(electrician|electrical|plumber|plumbing|carpenter|joiner|welder|welding|"
            r"mechanic|mechanics|technician|technicians|hvac|maintenance|fitter|installer|"
            r"machinist|handyman|roofer|bricklayer|plasterer|painter\s+and\s+decorator|"
            r"glazier|locksmith|tradesperson|apprentice|construction|labou?rer|foreman|"
            r"site\s+manager|elektriker(in)?|mechatroniker(in)?|anlagenmechaniker\w*)\b",
        ),
    ),
    RoleFamily(
        "cleaning",
        "Cleaning & Housekeeping",
        (
            r"\b(cleaner|cleaners|cleaning|janitor|janitorial|custodian|housekeeper|housekeeping|"
            r"reinigungskraft)\b",
        ),
    ),
    RoleFamily(
        "manufacturing",
        "Manufacturing & Production",
        (
            r"\b(machine\s+operator|production\s+(operative|worker|associate|operator|line)|"
            r"assembler|assembly|fabricator|manufacturing|quality\s+inspector|"
            r"produktionsmitarbeiter\w*)\b",
        ),
    ),
    RoleFamily(
        "media-production",
        "Media & Production",
        (
            r"\b(production\s+(coordinator|assistant|manager)|producer|animator|animation|"
            r"video\s+editor|editor|journalist|reporter|photographer|videographer|"
            r"copywriter|writer|camera)\b",
        ),
    ),
    RoleFamily(
        "retail",
        "Retail",
        (
            r"\b(retail|store|shop|cashier|checkout|merchandiser|merchandising|"
            r"sales\s+(associate|assistant|advisor|adviser|clerk|floor)|shelf|"
            r"verkäufer(in)?|vendeur|vendeuse)\b",
        ),
    ),
    RoleFamily(
        "security-services",
        "Security Services",
        (r"\b(security\s+(officer|guard)|door\s+supervisor|loss\s+prevention)\b",),
    ),
)

DEFAULT_ROLE_FAMILIES: tuple[RoleFamily, ...] = (
    RoleFamily(
        "engineering-manager",
        "Engineering Manager",
        (
            r"\bengineering\s+(manager|lead\s+manager|director)\b",
            r"\b(manager|head|director|vp|svp|vice\s+president)\b.*\b(engineering|software|machine\s+learning|ml|platform|infrastructure)\b",
            r"\b(cto|chief\s+technology\s+officer)\b",
            r"\b(software|ml|machine\s+learning|data|platform)\s+engineering\s+manager\b",
        ),
    ),
    RoleFamily("product-manager", "Product Manager", (r"\bproduct\s+(manager|owner|lead)\b",)),
    RoleFamily(
        "machine-learning-engineer",
        "Machine Learning Engineer",
        (r"\b(machine\s+learning|ml|ai|deep\s+learning|mlops)\s+engineer\b", r"\bml\s*ops\b"),
    ),
    RoleFamily(
        "data-scientist",
        "Data Scientist",
        (r"\bdata\s+scien(tist|ce)\b", r"\b(applied|research)\s+scientist\b", r"\bstatistician\b"),
    ),
    RoleFamily(
        "data-engineer",
        "Data Engineer",
        (
            r"\b(data|analytics)\s+engineer\b",
            # Before site reliability's "platform engineer": a data platform is data work.
            r"\bdata\s+(platform|infrastructure|pipelines?|warehouse)\s+engineer\b",
            r"\betl\b",
        ),
    ),
    RoleFamily("data-analyst", "Data Analyst", (r"\b(data|business|bi|product)\s+analyst\b",)),
    RoleFamily(
        "site-reliability-engineer",
        "Site Reliability / DevOps Engineer",
        (
            r"\bsite\s+reliability\b",
            r"\bsre\b",
            r"\bdev\s*ops\b",
            r"\b(infrastructure|platform|cloud)\s+engineer\b",
        ),
    ),
    RoleFamily(
        "security-engineer",
        "Security Engineer",
        (
            r"\bsecurity\s+(engineer|analyst|architect)\b",
            r"\bappsec\b",
            r"\bpenetration\s+tester\b",
        ),
    ),
    RoleFamily(
        "qa-engineer",
        "QA / Test Engineer",
        (r"\b(qa|quality\s+assurance|test|sdet)\s*(engineer|analyst|automation)?\b",),
    ),
    RoleFamily(
        "education",
        "Teaching & Education",
        # Before design: a curriculum or instructional designer writes courses, not interfaces.
        (
            r"\b(curriculum|instructional|learning\s+experience|e-?learning|course)\s+(designer|developer|design|lead)\b",
            r"\bcurriculum\b",
        ),
    ),
    RoleFamily(
        "designer",
        "Designer",
        (
            r"\b(product|ux|ui|visual|interaction|graphic|web|brand|motion)\s*(/\s*\w+\s*)?"
            r"design(er)?\b",
            r"\bdesigner\b",
            r"\bux\s+researcher\b",
        ),
    ),
    RoleFamily(
        "solutions-engineer",
        "Solutions / Sales Engineer",
        # Before software engineering, whose bare "engineer" would otherwise take these.
        (
            r"\b(solutions?|sales|pre-?sales|forward[- ]deployed|field)\s+(engineer|architect)\b",
            r"\bsolutions?\s+consultant\b",
        ),
    ),
    RoleFamily(
        "customer-service",
        "Customer Service",
        # Before support engineering: a service desk is IT, customer service is not.
        (
            r"\bcustomer\s+(service|care)\b",
            # A customer support executive or agent serves customers; a support engineer is IT.
            r"\bcustomer\s+support\s+(executive|agent|advisor|adviser|representative|associate)\b",
            r"\b(call|contact)\s+cent(er|re)\b",
            r"\bclient\s+service(s)?\s+(representative|associate|advisor|agent)\b",
        ),
    ),
    RoleFamily(
        "support-engineer",
        "Support Engineer / Customer Support",
        # Before software engineering: "Technical Support Engineer, Tier 2" is support work.
        (
            r"\b(support|help\s*desk|service\s+desk|desktop\s+support)\s+(engineer|specialist|"
            r"technician|analyst|agent|representative|associate)\b",
            r"\btechnical\s+support\b",
            r"\bcustomer\s+(support|service|care)\b",
        ),
    ),
    RoleFamily(
        "engineering-disciplines",
        "Civil, Mechanical & Electrical Engineering",
        # The engineering of things, not software: before trades ("electrical") and before
        # software engineering's bare "engineer".
        (
            r"\b(civil|structural|geotechnical|mechanical|electrical|chemical|process|"
            r"manufacturing|industrial|environmental|aerospace|automotive|biomedical|"
            r"mining|petroleum|marine|nuclear|hardware|rf|water|highways?|transport(?:ation)?)"
            r"\s+(?:design\s+)?engineer(?:ing)?\b",
        ),
    ),
    RoleFamily(
        "trades",
        "Trades & Maintenance",
        # Before software engineering, whose bare "engineer" would otherwise take these.
        (r"\b(maintenance|hvac|building\s+services|facilities|field\s+service)\s+engineer\b",),
    ),
    RoleFamily(
        "software-engineer",
        "Software Engineer",
        (
            r"\b(software|backend|back-end|frontend|front-end|full[- ]?stack|mobile|ios|android|"
            r"web|embedded|systems|application|game)\s+(engineer|developer|programmer)\b",
            r"\bdeveloper\b",
            r"\bprogrammer\b",
            r"\bsoftware\s+engineering\b",
            r"\bengineer\b",
        ),
    ),
    *NON_TECH_FAMILIES,
    RoleFamily("recruiter", "Recruiter", (r"\b(recruiter|talent\s+acquisition|sourcer)\b",)),
    RoleFamily(
        "sales",
        "Sales",
        (r"\b(account\s+executive|sales|business\s+development|account\s+manager)\b",),
    ),
    RoleFamily(
        "customer-success",
        "Customer Success",
        (r"\bcustomer\s+success\b",),
    ),
    RoleFamily(
        "marketing",
        "Marketing",
        (
            r"\b(marketing|growth|seo|content\s+strategist|social\s+media|brand\s+manager|"
            r"communications|public\s+relations)\b",
        ),
    ),
    RoleFamily(
        "human-resources",
        "Human Resources",
        (
            r"\b(hr|human\s+resources?|people\s+(partner|operations|ops)|personnel|"
            r"personalreferent(in)?|talent\s+management)\b",
        ),
    ),
    RoleFamily(
        "administration",
        "Administration & Office",
        (
            r"\b(administrative|admin|administrator|office\s+manager|receptionist|secretary|"
            r"data\s+entry|clerk|personal\s+assistant|executive\s+assistant)\b",
        ),
    ),
)

ROMAN = r"(?:I{1,3}|IV|V|VI{0,3})"
# "Staff" is a level only before a role word ("Staff Engineer", "Staff Product Designer"):
# "Event Staff", "Kitchen Staff" and "Staff Nurse" name people, not a rung of a ladder.
STAFF_LEVEL = (
    r"\b(staff)\s+(?:[\w/&+-]+\s+){0,3}?(?:engineer|developer|designer|scientist|researcher|"
    r"architect|analyst|manager|product|software|data|writer|accountant|economist|sre|"
    r"security|ml|machine|platform|frontend|backend|full[- ]?stack|infrastructure)"
)
LEVEL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\b(distinguished)\b", "Distinguished"),
    (r"\b(principal)\b", "Principal"),
    (STAFF_LEVEL, "Staff"),
    (r"\b(senior|sr\.?)\s", "Senior"),
    (r"\b(lead)\b", "Lead"),
    (r"\b(junior|jr\.?)\s", "Junior"),
    (r"\b(intern(ship)?)\b", "Intern"),
    (r"\b(graduate|new\s+grad)\b", "Graduate"),
)

SENIORITY_WORDS: tuple[tuple[str, Seniority], ...] = (
    (r"\bintern(ship)?\b", Seniority.INTERN),
    (r"\b(executive|c-level|vp|vice\s+president|chief)\b", Seniority.EXECUTIVE),
    (r"\b(director|head\s+of)\b", Seniority.DIRECTOR),
    (
        r"\b(lead|principal|expert|leader|distinguished)\b|^\s*staff(?:\s+level)?\s*$",
        Seniority.LEAD,
    ),
    (r"\b(senior|sr)\b", Seniority.SENIOR),
    (r"\b(mid|intermediate|associate|experienced)\b", Seniority.MID),
    (r"\b(entry|junior|jr|graduate|new\s+grad|beginner)\b", Seniority.ENTRY),
)

KEEP_UPPER = {
    "ML",
    "AI",
    "UX",
    "UI",
    "QA",
    "SRE",
    "API",
    "SDK",
    "iOS",
    "VP",
    "CTO",
    "CEO",
    "CFO",
    "HR",
    "IT",
    "BI",
    "NLP",
    "LLM",
    "ETL",
    "AWS",
    "GCP",
    "SQL",
    "EMEA",
    "APAC",
    "US",
    "UK",
    "EU",
    "DevOps",
}


# The elements of HTML (https://html.spec.whatwg.org/#elements-3). Only these count as markup in
# a name: "<Senior> Engineer", "C++ <0" and "<Lead>" are text that a title may really contain.
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr
    html i iframe img input ins kbd label legend li link main map mark marquee math menu meta
    meter nav noscript object ol optgroup option output p param picture pre progress q rp rt
    ruby s samp script section select small source span strong style sub summary sup svg table
    tbody td template textarea tfoot th thead time title tr track u ul var video wbr""".split()  # noqa: SIM905
)
# As HTML parses a tag: no space between "<" (or "</") and the element's name.
# A "/" parts attributes as a space does: `<svg/onload=…>` is a tag with an attribute.
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:[\s/][^<>]*)?)(/?)\s*>")
# Script and style elements are removed with their content, which is code, not words.
CODE_ELEMENT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)


def _is_markup(tag: re.Match[str]) -> bool:
    """Whether a `<…>` is an HTML tag rather than text such as "<Senior>".

    A known element written in lower or upper case, with attributes, or as a closing or
    self-closing tag is markup; a capitalised bare word ("<Lead>", "<Head>") reads as text.
    """
    closing, name, attributes, self_closing = tag.groups()
    if name.lower() not in HTML_ELEMENTS:
        return False
    return bool(closing or attributes.strip() or self_closing) or name in (
        name.lower(),
        name.upper(),
    )


# What a broken tag leaves behind: an event-handler attribute (`Cleaning" onclick="alert(6)`)
# or the quote and bracket that closed the attribute a name was pasted into (`Gravelpit">`).
HANDLER_ATTRIBUTE = re.compile(r"""["']\s*\bon[a-z]+\s*=\s*(?:"[^"]*"?|'[^']*'?)""", re.I)
TAG_LEFTOVER = re.compile(r"""["']+\s*/?>""")


def strip_html_tags(text: str) -> str:
    """A name without the HTML tags a source left in it ("Driver <img onerror=…>" → "Driver").

    Names are shown and slugged as text, so a tag would otherwise appear as visible "<img …>".
    The leftovers of a broken tag go too: `Gravelpit Aggregates"><img …>` is "Gravelpit
    Aggregates", `Cleaning" onclick="alert(6)` is "Cleaning", and a name written twice around
    the markup is written once.
    """
    without_code = CODE_ELEMENT.sub(" ", text)
    stripped = TAG.sub(lambda m: " " if _is_markup(m) else m.group(0), without_code)
    without_handlers = HANDLER_ATTRIBUTE.sub(" ", stripped)
    if without_handlers != stripped or stripped != text:
        stripped = TAG_LEFTOVER.sub(" ", without_handlers)
    if stripped == text:
        return text
    cleaned = re.sub(r"\s+", " ", stripped).strip()
    # A name pasted twice around the markup ("Depot\"><img …> Depot") is one name.
    doubled = re.fullmatch(r"(.+?)\s+\1", cleaned)
    return doubled.group(1) if doubled else cleaned


def _capitalize(word: str) -> str:
    """ "(bilingual" → "(Bilingual", "portuguese/english" → "Portuguese/English": every run of
    letters starts with a capital, whatever punctuation comes before it."""
    lowered = word.lower() if word.isupper() else word
    return re.sub(r"(?<![\w'’-])[^\W\d_]", lambda m: m.group(0).upper(), lowered)


def normalize_title_case(title: str) -> str:
    """Fixes casing: roman numerals ("Ii" → "II"), all-caps or all-lowercase titles."""
    text = re.sub(r"\s+", " ", title).strip()
    if text and (text.isupper() or text.islower()):
        words = []
        for word in text.split(" "):
            upper = word.upper().strip(",()")
            known = next((k for k in KEEP_UPPER if k.upper() == upper), None)
            words.append(word.replace(word.strip(",()"), known) if known else _capitalize(word))
        text = " ".join(words)

    def roman(match: re.Match[str]) -> str:
        return match.group(0).upper()

    return re.sub(r"(?<![\w'’])(?:[Ii]{2,3}|[Ii][Vv]|[Vv][Ii]{1,3})(?![\w'’])", roman, text)


def title_level(title: str) -> str | None:
    """The level a title names: a roman numeral, "L5", or a word such as Senior or Staff."""
    numeral = re.search(rf"\b({ROMAN})\b(?=\s*(?:,|$|-|–|\())", title)
    if numeral and numeral.group(1) != "I" or numeral and re.search(r"\w\s+I\b", title):
        return numeral.group(1) if numeral else None
    ladder = re.search(r"\b(L|IC|E|M|P)(\d{1,2})\b", title)
    if ladder:
        return ladder.group(1) + ladder.group(2)
    level_word = re.search(r"\blevel\s+(\d{1,2})\b", title, re.I)
    if level_word:
        return f"Level {level_word.group(1)}"
    for pattern, label in LEVEL_PATTERNS:
        if re.search(pattern, title + " ", re.I):
            return label
    return None


def normalize_seniority(text: str | None) -> Seniority | None:
    """ "Senior level", "senior", "Mid-Senior", "Entry level" → the fixed ladder."""
    if not text:
        return None
    text = text.replace("_", " ")  # LinkedIn's "MID_SENIOR_LEVEL", "ENTRY_LEVEL"
    for pattern, seniority in SENIORITY_WORDS:
        if re.search(pattern, text, re.I):
            return seniority
    return None


def seniority_from_level(level: str | None) -> Seniority | None:
    """A level word implies a seniority when the source states none."""
    if not level:
        return None
    return normalize_seniority(level)


def role_family(
    title: str,
    context: str = "",
    families: tuple[RoleFamily, ...] = DEFAULT_ROLE_FAMILIES,
) -> RoleFamily | None:
    """The role family of a title; `context` (category, description) settles bare titles.

    "Manager II, User Understanding" names no discipline: when the context calls the job an
    engineering manager, that is what it is.
    """
    for family in families:
        if any(re.search(p, title, re.I) for p in family.patterns):
            return family
    if context and re.search(MANAGER, title, re.I) and not re.search(OTHER_DISCIPLINE, title, re.I):
        lowered = context.lower()
        best: tuple[int, RoleFamily] | None = None
        for family in families:
            if "manager" not in family.label.lower():
                continue
            position = lowered.find(family.label.lower())
            if position >= 0 and (best is None or position < best[0]):
                best = (position, family)
        if best:
            return best[1]
        if re.search(ENGINEERING, lowered[:2000]):
            return next((f for f in families if f.key == "engineering-manager"), None)
    return None
