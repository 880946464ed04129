"""The furniture every job site wraps around a job: navigation, sign-in prompts, cookie banners.

Text copied from a job page starts with whatever the site shows above the job: "Skip to main
content", a navigation bar ("Find jobs", "Company reviews", "Find salaries" on Indeed;
"Community", "Jobs", "Companies", "Salaries" on Glassdoor; "Discover" on Wellfound; "Search
for Jobs", "Sign In" on a Workday career site; "Search Jobs", "Career Advice" on Monster; the
site's own name, "Built In NYC", "Dice", "Welcome to the Jungle"), a careers site's navigation
bar copied as one line ("Home   Our Apples   Visit   Careers   Contact"), a cookie banner. The
scraped-page readers skip these lines before they look for the title and the employer, and pass
every posting through `checked`, so a navigation link is never published as a title, an
employer or a place: the file is reported instead.
"""

from __future__ import annotations

import re
from typing import Any

from generator.errors import ReaderError
from generator.models import RawPosting, Source
from generator.readers.base import ReadResult

# One line of site chrome, matched against the whole (stripped) line. Only short, fixed
# phrases: a title or an employer name is never one of them.
FURNITURE = re.compile(
    r"^(?:"
    # accessibility links and menus
    r"skip\s+to\s+(?:main\s+)?content|start\s+of\s+main\s+content|main\s+menu|menu|"
    # a job site's search box labels, copied with the page ("What", "Where" on Indeed)
    r"what|where|job\s+title,\s+keywords,?\s+or\s+company|"
    r"city,\s+state,\s+zip\s+code,?\s+or\s+.{0,12}remote.{0,2}|"
    r"open\s+menu|close\s+menu|toggle\s+navigation|navigation|home|back|close|"
    # account prompts
    r"sign\s+in|sign\s+up|log\s+in|login|log\s+out|sign\s+out|register|join(?:\s+now)?|"
    r"sign\s+in\s+to\s+.{0,40}|create\s+(?:an?\s+)?(?:free\s+)?account|my\s+account|profile|"
    r"notifications|messages|messaging|my\s+network|my\s+jobs|saved\s+jobs|job\s+alerts|"
    # job-site navigation bars
    r"find\s+jobs|company\s+reviews|find\s+salaries|upload\s+your\s+(?:resume|cv)|"
    r"employers(?:\s*/\s*post\s+job)?|post\s+(?:a\s+)?job|for\s+employers|community|jobs|"
    r"companies|salaries|interviews|discover|for\s+recruiters|for\s+job\s+seekers|"
    r"search\s+(?:for\s+)?jobs|search|careers(?:\s+home)?|view\s+all\s+jobs|all\s+jobs|"
    r"back\s+to\s+(?:search\s+)?results|back\s+to\s+jobs|tech\s+hubs|articles|"
    r"career\s+(?:advice|tools|resources|guide|development|explorer)|"
    r"salary\s+(?:tools|guide|calculator|search)|resume\s+(?:builder|services|help)|"
    r"create\s+(?:your\s+)?(?:resume|cv)|build\s+(?:your\s+)?(?:resume|cv)|help\s+cent(?:er|re)|"
    r"recruiters|contact(?:\s+us)?|about\s+us|"
    r"blog|"
    # the sites' own names, as the logo's text, and their home links ("Indeed Home")
    r"(?:indeed|glassdoor|linkedin|monster|dice|wellfound|ziprecruiter|simplyhired|"
    r"careerbuilder)(?:\.com)?\s+(?:home|logo)|"
    r"indeed(?:\.com)?|glassdoor|wellfound|angellist(?:\s+talent)?|linkedin|workday|"
    r"built\s*in(?:\s+(?:nyc|new\s+york|austin|chicago|boston|la|los\s+angeles|seattle|sf|"
    r"san\s+francisco|colorado|denver|atlanta|dallas|miami|dc|uk|london))?|"
    r"monster(?:\.com)?|dice(?:\.com)?|"
    r"welcome\s+to\s+the\s+jungle|otta|ziprecruiter|simplyhired|careerbuilder|"
    # cookie banners
    r"(?:we|this\s+(?:web)?site)\s+uses?\s+cookies.{0,200}|"
    r"by\s+(?:continuing|clicking|using).{0,120}cookies.{0,120}|"
    r"accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?(?:\s+cookies)?|allow\s+all(?:\s+cookies)?|"
    r"(?:cookie|privacy)\s+(?:settings|preferences|policy)|manage\s+(?:cookie\s+)?preferences|"
    r"got\s+it|ok(?:ay)?|i\s+agree|dismiss"
    r")[.!]?$",
    re.IGNORECASE,
)


# Words of a navigation bar copied as one line ("Home   Our Apples   Visit   Careers   Contact").
NAV_WORD = re.compile(
    r"^(?:home|about(?:\s+us)?|careers?|contact(?:\s+us)?|jobs|blog|news|team|our\s+team|"
    r"visit|shop|store|menu|services|products|locations|faq|press|events|sign\s+in|log\s+in|"
    r"companies|salaries|search\s+jobs|find\s+jobs|our\s+\w+)$",
    re.IGNORECASE,
)


def is_nav_bar(text: str) -> bool:
    """A navigation bar copied as one line: short links apart by wide gaps or bars.

    At least three links, most of them usual navigation words, and one of them a word no job
    title is ("Home", "Contact", "Careers").
    """
    parts = [p for p in re.split(r"\s{2,}|\t|\s+[|·•]\s+", text.strip()) if p]
    if len(parts) < 3 or any(len(p) > 25 for p in parts):
        return False
    nav = [p for p in parts if NAV_WORD.match(p)]
    anchors = any(re.match(r"^(?:home|contact(?:\s+us)?|careers?)$", p, re.I) for p in parts)
    return anchors and len(nav) * 2 >= len(parts)


def is_furniture(text: str) -> bool:
    """Whether a line is the hosting site's chrome rather than part of the job."""
    stripped = text.strip()
    return bool(FURNITURE.match(stripped)) or is_nav_bar(stripped)


def furniture_in_identity(
    site: str, title: str | None, employer: str | None, locations: tuple[str, ...] = ()
) -> str | None:
    """The message for a title, employer or location that is site chrome, else None.

    A scraped-page reader that ends up with "Jobs" as the title or "Built In NYC" as the
    employer has misread the page: it reports that instead of publishing a posting.
    """
    for what, value in (("title", title), ("employer", employer)):
        if value and is_furniture(value):
            return (
                f"the {site} page's {what} would be {value!r}, which is the site's navigation, "
                "not the job's; no job title and employer found"
            )
    for value in locations:
        if value and is_furniture(value):
            return f"the {site} page's location would be {value!r}, which is the site's navigation"
    return None


def page_posting(
    site: str, reader: str, path: str, title_line: int | None, **fields: Any
) -> ReadResult:
    """The one posting a copied page holds, located at its title's line and `checked`."""
    source = Source(path=path, line=title_line, format=reader)
    result = ReadResult()
    result.postings.append(checked(site, RawPosting(source=source, **fields)))
    return result


def checked(site: str, posting: RawPosting) -> RawPosting:
    """The posting, unless its title, employer or a place is the site's navigation.

    Every scraped-page reader passes its posting through here, so "Jobs" at "Built In NYC"
    is reported as a misread page (with the title's line) and never published.
    """
    problem = furniture_in_identity(
        site, posting.title, posting.employer_name, tuple(posting.locations)
    )
    if problem:
        raise ReaderError(problem, line=posting.source.line)
    return posting
