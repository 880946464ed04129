"""The one URL scheme. Page URLs are site-root-relative ("jobs/x/"); pages link with a
relative prefix (`root`), so the built site works at a domain root, under a GitHub Pages
project path, or anywhere else, without knowing where it will be served."""

from __future__ import annotations

from slugify import slugify

HOME = ""
EMPLOYERS = "employers/"
ROLES = "roles/"
LOCATIONS = "locations/"
REMOTE = "remote/"
SKILLS = "skills/"
SEARCH = "search/"
NOT_FOUND = "404.html"


def posting_url(slug: str) -> str:
    return f"jobs/{slug}/"


def employer_slug(name: str) -> str:
    return slugify(name, max_length=60, word_boundary=True) or "employer"


def employer_url(slug: str) -> str:
    return f"{EMPLOYERS}{slug}/"


def role_url(key: str) -> str:
    return f"{ROLES}{key}/"


def location_url(slug: str) -> str:
    return f"{LOCATIONS}{slug}/"


def skill_url(slug: str) -> str:
    return f"{SKILLS}{slug}/"


def output_path(url: str) -> str:
    """Where a URL's file lives in the output folder ("jobs/x/" → "jobs/x/index.html")."""
    if url == "" or url.endswith("/"):
        return f"{url}index.html"
    return url


def root_prefix(url: str) -> str:
    """The relative path from a page back to the site root ("jobs/x/" → "../../")."""
    depth = url.count("/")
    return "../" * depth if depth else "./"


def absolute(base_url: str, url: str) -> str:
    """A full URL for canonical links, feeds and the sitemap; root-relative when no base."""
    return f"{base_url}{url}" if base_url else f"/{url}"


def linked_data_url(base_url: str, page_url: str, url: str) -> str:
    """A URL inside a page's JSON-LD: absolute when the site's address is known, otherwise
    relative to the page, which JSON-LD readers resolve against the page's own address.
    (A root-relative "/jobs/x/" would point outside a GitHub Pages project path.)"""
    return f"{base_url}{url}" if base_url else f"{root_prefix(page_url)}{url}"
