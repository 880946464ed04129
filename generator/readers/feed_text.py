"""Text helpers shared by the feed readers (job-feed XML, RSS and Atom).

Feeds are written by many different tools, and each gets escaping slightly wrong in its own
way: entities inside CDATA, HTML escaped twice, "&amp;" in URLs. These helpers undo exactly
one layer, so that text is decoded once and never twice.
"""

from __future__ import annotations

import html
import re

from generator.normalize.locations import country_code, country_name
from generator.readers.base import clean_text

ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});")
ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z][^&]{0,200}?&gt;")
# Credits that feed publishers append to descriptions; they belong to the feed, not the job.
FEED_CREDIT = re.compile(
    r"<p[^>]*>[^<]*(?:scraping|automation|feed|powered)\b[^<]*\bby\b.*?</p>", re.I | re.S
)
# A pay figure stated in a description after a label, a few words apart at most. The normaliser
# finds pay in every posting's description (`normalize.salary.salary_statement`); this narrower
# pattern remains for the scraped-text readers that match it line by line
# ("Salary: $150,000 - $180,000 USD per year", "The salary range for this role is $98,000 …").
PROSE_SALARY = re.compile(
    r"\b(?i:salary|compensation|pay)\b[^$€£₹\d\n.;]{0,40}?"
    r"((?:[A-Z]{3}\s?|\b(?:US|CA|AU|NZ|HK|[CASR]))?[$€£₹]\s?\d[\d,.]*\s?[kK]?(?:\s?\+)?"
    r"(?:\s*(?:-|–|—|to)\s*(?:[A-Z]{3}\s?)?[$€£₹]?\s?\d[\d,.]*\s?[kK]?)?"
    r"(?:\s?[A-Z]{3})?(?:\s+(?:per|an?|/)\s*\w+|\s+(?:annually|hourly|monthly|yearly))?)"
)


# Entities whose decoding would make markup out of text: "&lt;b&gt;" that survived XML parsing
# was escaped twice on purpose and means the literal characters, never a tag.
MARKUP_ENTITY = re.compile(r"&(?:lt|gt|#0*60|#0*62|#x0*3[cCeE]);")


def plain_text(value: str | None) -> str | None:
    """A text field with HTML entities decoded once (feeds write "&ndash;" or "R&amp;D"
    inside CDATA), except those that would turn text into markup."""
    text = clean_text(value)
    if text and ENTITY.search(text):
        text = clean_text(
            ENTITY.sub(
                lambda m: (
                    m.group(0) if MARKUP_ENTITY.fullmatch(m.group(0)) else html.unescape(m.group(0))
                ),
                text,
            )
        )
    return text


def description_html(value: str) -> str:
    """The description as HTML, unescaped once when the feed escaped its tags inside CDATA.

    `<![CDATA[&lt;p&gt;…]]>` is HTML written as text; decoding it once gives the markup the
    publisher meant, while real markup (`<p>…`) is left alone so its entities stay escaped.
    """
    if not re.search(r"<[A-Za-z/]", value) and ESCAPED_TAG.search(value):
        value = html.unescape(value)
    return FEED_CREDIT.sub("", value).strip()


def feed_url(value: str | None) -> str | None:
    """A link; "&amp;" written inside CDATA is the one entity a URL really means.

    Only "&amp;" is decoded: `html.unescape` would turn "&copy=1" in a query into "©=1".
    """
    text = clean_text(value)
    return text.replace("&amp;", "&") if text else None


def place_text(city: str | None, region: str | None, country: str | None) -> str | None:
    """City, region and country fields joined, the country written out in full.

    "Bremen" + "DE" joined as "Bremen, DE" would read as Delaware; "Bremen, Germany" cannot.
    """
    code = country_code(country) if country else None
    full_country = country_name(code) if code else country
    parts = [p for p in (city, region, full_country) if p]
    return ", ".join(parts) or None
