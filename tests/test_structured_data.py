"""Structured data as a crawler reads it: extracted by an independent extractor (extruct) from
every page of a built site and held against Google's rules for job postings and breadcrumbs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, build, write_files

extruct = pytest.importorskip("extruct")

BASE = "https://example.github.io/repo/"
EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")


def items(page: Path, kind: str) -> list[dict[str, Any]]:
    data = extruct.extract(
        page.read_text(encoding="utf-8"), base_url=BASE, syntaxes=["json-ld"], uniform=True
    )
    return [item for item in data["json-ld"] if item.get("@type") == kind]


def job_posting_problems(item: dict[str, Any]) -> list[str]:
    """What Google's job-posting documentation would reject or flag in one JobPosting."""
    problems = []
    for key in ("title", "description", "datePosted", "hiringOrganization"):
        if not item.get(key):
            problems.append(f"missing required {key}")
    if not ISO_DATE.match(str(item.get("datePosted", ""))):
        problems.append(f"datePosted not ISO 8601: {item.get('datePosted')!r}")
    if "validThrough" in item and not ISO_DATE.match(str(item["validThrough"])):
        problems.append(f"validThrough not ISO 8601: {item['validThrough']!r}")
    if not (item.get("hiringOrganization") or {}).get("name"):
        problems.append("hiringOrganization has no name")
    telecommute = item.get("jobLocationType") == "TELECOMMUTE"
    places = item.get("jobLocation") or []
    if not places and not telecommute:
        problems.append("neither jobLocation nor jobLocationType TELECOMMUTE")
    for place in places:
        address = place.get("address") or {}
        if place.get("@type") != "Place" or address.get("@type") != "PostalAddress":
            problems.append(f"jobLocation is not a Place with a PostalAddress: {place}")
        if not address.get("addressCountry"):
            problems.append(f"jobLocation without addressCountry: {address}")
    if telecommute and not places and not item.get("applicantLocationRequirements"):
        # Google: required whenever applicants must live somewhere in particular (the demo
        # has no job open worldwide, where the property is rightly absent).
        problems.append("remote-only posting without applicantLocationRequirements")
    for area in item.get("applicantLocationRequirements") or []:
        if area.get("@type") not in {"Country", "State", "AdministrativeArea"} or not area["name"]:
            problems.append(f"applicantLocationRequirements entry {area}")
    if salary := item.get("baseSalary"):
        value = salary.get("value") or {}
        if not re.fullmatch(r"[A-Z]{3}", str(salary.get("currency", ""))):
            problems.append(f"baseSalary currency not ISO 4217: {salary.get('currency')!r}")
        if value.get("unitText") not in UNITS:
            problems.append(f"baseSalary unitText {value.get('unitText')!r}")
        low, high = value.get("minValue"), value.get("maxValue")
        if low is None and high is None and value.get("value") is None:
            problems.append("baseSalary without a figure")
        if low is not None and high is not None and low > high:
            problems.append(f"baseSalary minValue {low} above maxValue {high}")
    if "employmentType" in item:
        kinds = item["employmentType"]
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if kind not in EMPLOYMENT_TYPES:
                problems.append(f"employmentType {kind!r}")
    if not str(item.get("url", "")).startswith(BASE):
        problems.append(f"url not absolute under the site: {item.get('url')!r}")
    if "<script" in item.get("description", "").lower():
        problems.append("description carries a script")
    return problems


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("ld") / "site"
    build(ROOT / "content", site, today="2026-11-24", base_url=BASE)
    return site


def test_every_open_posting_page_carries_a_valid_job_posting(demo_site: Path) -> None:
    pages = sorted((demo_site / "jobs").glob("*/index.html"))
    assert pages
    found = {}
    for page in pages:
        postings = items(page, "JobPosting")
        closed = "This job is closed" in page.read_text(encoding="utf-8")
        if closed:
            assert postings == [], f"{page}: a closed posting must not offer JobPosting data"
            continue
        (posting,) = postings
        found[page.parent.name] = posting
        assert job_posting_problems(posting) == [], page
    assert len(found) >= 20
    # The data is the posting's own: a salaried remote job, as the page shows it.
    remote = found["bluefin-analytics-analytics-engineer"]
    assert remote["title"] == "Analytics Engineer"
    assert remote["hiringOrganization"]["name"] == "Bluefin Analytics"
    assert remote["jobLocationType"] == "TELECOMMUTE"
    assert {c["name"] for c in remote["applicantLocationRequirements"]} == {"GB", "IE"}
    assert remote["baseSalary"]["value"]["unitText"] == "MONTH"
    assert remote["url"] == f"{BASE}jobs/bluefin-analytics-analytics-engineer/"
    # "Remote (EMEA)" is spelled out as the countries applicants may live in.
    emea = found["quillsoft-senior-machine-learning-engineer-search-relevance"]
    countries = {c["name"] for c in emea["applicantLocationRequirements"]}
    assert {"DE", "GB", "ZA", "AE"} <= countries and "US" not in countries


def test_breadcrumbs_and_organizations(demo_site: Path) -> None:
    for page in sorted(demo_site.rglob("index.html")):
        (trail,) = items(page, "BreadcrumbList")
        elements = trail["itemListElement"]
        assert [e["position"] for e in elements] == list(range(1, len(elements) + 1))
        assert all(e["item"].startswith(BASE) and e["name"] for e in elements), page
    (org,) = items(demo_site / "employers/bluefin-analytics/index.html", "Organization")
    assert org["name"] == "Bluefin Analytics"
    assert org["sameAs"] == "https://bluefin.example/"


def test_without_a_base_url_links_in_data_stay_inside_the_project_path(tmp_path: Path) -> None:
    """Root-relative URLs ("/jobs/x/") would leave a GitHub Pages project path; page-relative
    ones resolve to the page's own address wherever the site is served."""
    content = write_files(
        tmp_path / "content",
        {
            "job.md": "---\ntitle: Data Analyst\nemployer: Ferrow\nlocation: Oslo, Norway\n"
            "date_posted: 2026-11-20\n---\nCount things.\n",
        },
    )
    site = tmp_path / "site"
    build(content, site, today="2026-11-24")
    page = site / "jobs/ferrow-data-analyst/index.html"
    data = extruct.extract(
        page.read_text(encoding="utf-8"),
        base_url="https://example.github.io/repo/jobs/ferrow-data-analyst/",
        syntaxes=["json-ld"],
    )["json-ld"]
    urls = [d["url"] for d in data if d.get("@type") == "JobPosting"]
    assert urls == ["../../jobs/ferrow-data-analyst/"]
    (trail,) = [d for d in data if d.get("@type") == "BreadcrumbList"]
    assert trail["itemListElement"][0]["item"] == "../../"
    assert dt.date.fromisoformat(
        next(d for d in data if d.get("@type") == "JobPosting")["datePosted"]
    ) == dt.date(2026, 11, 20)
