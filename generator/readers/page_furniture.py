"""The furniture every job site wraps around a job: navigation, sign-in prompts, cookie banners.

Text copied from a job page starts with whatever the site shows above the job: "Skip to main
content", a navigation bar ("Find jobs", "Company reviews", "Find salaries" on Indeed;
"Community", "Jobs", "Companies", "Salaries" on Glassdoor; "Discover" on Wellfound; "Search
for Jobs", "Sign In" on a Workday career site), a cookie banner. The scraped-page readers
skip these lines before they look for the title and the employer, so a navigation link is
never taken for either.
"""

from __future__ import annotations

import re

# One line of site chrome, matched against the whole (stripped) line. Only short, fixed
# phrases: a title or an employer name is never one of them.
FURNITURE = re.compile(
    r"^(?:"
    # accessibility links and menus
    r"skip\s+to\s+(?:main\s+)?content|start\s+of\s+main\s+content|main\s+menu|menu|"
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
    # the sites' own names, as the logo's text
    r"indeed|glassdoor|wellfound|angellist(?:\s+talent)?|linkedin|built\s*in|workday|"
    # cookie banners
    r"(?:we|this\s+(?:web)?site)\s+uses?\s+cookies.{0,200}|"
    r"by\s+(?:continuing|clicking|using).{0,120}cookies.{0,120}|"
    r"accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?(?:\s+cookies)?|allow\s+all(?:\s+cookies)?|"
    r"(?:cookie|privacy)\s+(?:settings|preferences|policy)|manage\s+(?:cookie\s+)?preferences|"
    r"got\s+it|ok(?:ay)?|i\s+agree|dismiss"
    r")[.!]?$",
    re.IGNORECASE,
)


def is_furniture(text: str) -> bool:
    """Whether a line is the hosting site's chrome rather than part of the job."""
    return bool(FURNITURE.match(text.strip()))
