"""The site plan: which URL renders which template with which view, as plain data.

Built before any rendering, so link checks, incremental builds and tests can read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from generator import __version__
from generator.catalog import Catalog
from generator.config import SiteConfig
from generator.markup import html_to_text
from generator.models import Posting
from generator.normalize.titles import RoleFamily
from generator.urls import (
    EMPLOYERS,
    HOME,
    NOT_FOUND,
    ROLES,
    absolute,
    employer_slug,
    employer_url,
    output_path,
    posting_url,
    role_url,
    root_prefix,
)
from generator.views import (
    EmployerView,
    HomeView,
    IndexView,
    Link,
    NotFoundView,
    Page,
    PostingCard,
    PostingView,
    RoleLabels,
    RoleView,
    SiteView,
    card_for,
    employer_card,
    format_arrangements,
    format_date,
    format_location,
    format_salary,
    json_ld_script,
    posting_description_text,
    posting_facts,
    salary_span,
)

View = HomeView | PostingView | EmployerView | RoleView | IndexView | NotFoundView


@dataclass(frozen=True)
class PageSpec:
    """One output file: its URL, where it is written, the template and the view it gets."""

    url: str
    output_path: str
    template: str
    view: View


@dataclass(frozen=True)
class PlanContext:
    config: SiteConfig
    site: SiteView
    roles: RoleLabels
    employer_slugs: dict[str, str]


def _page(
    ctx: PlanContext,
    url: str,
    title: str,
    description: str,
    crumbs: tuple[Link, ...],
    json_ld: tuple[str, ...] = (),
) -> Page:
    full_title = f"{title} · {ctx.site.title}" if title != ctx.site.title else title
    trail = (Link("Home", HOME), *crumbs)
    breadcrumb_ld = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": link.label,
                "item": absolute(ctx.config.base_url, link.url),
            }
            for i, link in enumerate(trail, start=1)
        ],
    }
    return Page(
        site=ctx.site,
        url=url,
        root=root_prefix(url),
        title=full_title,
        meta_description=description,
        canonical=absolute(ctx.config.base_url, url) if ctx.config.base_url else "",
        breadcrumbs=trail if crumbs else (),
        json_ld=(*json_ld, json_ld_script(breadcrumb_ld)),
    )


def posting_json_ld(posting: Posting, ctx: PlanContext) -> dict[str, object]:
    """schema.org JobPosting for Google for Jobs, with every property the data supports."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": posting.title,
        "description": posting.description_html or posting.summary or posting.title,
        "identifier": {
            "@type": "PropertyValue",
            "name": posting.employer.name,
            "value": posting.external_id or posting.id,
        },
        "url": absolute(ctx.config.base_url, posting_url(posting.slug)),
    }
    organization: dict[str, object] = {"@type": "Organization", "name": posting.employer.name}
    if posting.employer.website:
        organization["sameAs"] = posting.employer.website
    if posting.employer.logo_url:
        organization["logo"] = posting.employer.logo_url
    data["hiringOrganization"] = organization
    if posting.date_posted:
        data["datePosted"] = posting.date_posted.isoformat()
    if posting.valid_through:
        data["validThrough"] = f"{posting.valid_through.isoformat()}T23:59:59"
    if posting.employment_type:
        data["employmentType"] = posting.employment_type.value
    places = [loc for loc in posting.locations if not loc.remote]
    remote = [loc for loc in posting.locations if loc.remote]
    if places:
        data["jobLocation"] = [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    **({"addressLocality": loc.city} if loc.city else {}),
                    **({"addressRegion": loc.region} if loc.region else {}),
                    **({"addressCountry": loc.country} if loc.country else {}),
                },
            }
            for loc in places
        ]
    if posting.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        countries = sorted({loc.country for loc in remote if loc.country})
        if countries:
            data["applicantLocationRequirements"] = [
                {"@type": "Country", "name": code} for code in countries
            ]
    if posting.salary:
        value: dict[str, object] = {"@type": "QuantitativeValue", "unitText": posting.salary.period.value}
        if posting.salary.min is not None:
            value["minValue"] = posting.salary.min
        if posting.salary.max is not None:
            value["maxValue"] = posting.salary.max
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": posting.salary.currency,
            "value": value,
        }
    if posting.skills:
        data["skills"] = ", ".join(posting.skills)
    if posting.apply_url:
        data["directApply"] = False
    return data


def plan_posting(posting: Posting, ctx: PlanContext) -> PageSpec:
    slug = ctx.employer_slugs[posting.employer.key]
    role = ctx.roles.link(posting.role_family)
    url = posting_url(posting.slug)
    crumbs = (Link("Employers", EMPLOYERS), Link(posting.employer.name, employer_url(slug)),
              Link(posting.title, url))
    description = posting_description_text(posting)
    view = PostingView(
        page=_page(ctx, url, f"{posting.title} at {posting.employer.name}", description, crumbs,
                   (json_ld_script(posting_json_ld(posting, ctx)),)),
        title=posting.title,
        employer=employer_card(posting.employer, slug),
        role=role,
        facts=posting_facts(posting, role.label if role else None),
        salary=format_salary(posting.salary),
        locations=tuple(format_location(loc) for loc in posting.locations),
        arrangements=format_arrangements(posting.work_arrangements),
        date_label=format_date(posting.date_posted, posting.date_posted_approximate),
        date_iso=posting.date_posted.isoformat() if posting.date_posted else "",
        # Cards repeat their summary as the description's first paragraph: say it once.
        summary=""
        if not posting.summary or posting.summary[:80] in html_to_text(posting.description_html)
        else posting.summary,
        description_html=posting.description_html,
        skills=posting.skills,
        signals=posting.signals,
        apply_url=posting.apply_url or "",
        sources=tuple(f"{s.path}:{s.line}" if s.line else s.path for s in posting.sources),
    )
    return PageSpec(url, output_path(url), "posting.html", view)


def plan_site(
    catalog: Catalog,
    config: SiteConfig,
    families: tuple[RoleFamily, ...],
    today: dt.date,
) -> list[PageSpec]:
    """Every page of the site, in a stable order."""
    del today  # closing of expired postings arrives with the expiry policy
    employer_slugs = _unique_employer_slugs(catalog)
    roles = RoleLabels({f.key: f.label for f in families})
    nav = (Link("Jobs", HOME), Link("Employers", EMPLOYERS), Link("Roles", ROLES))
    site = SiteView(config.title, config.description, config.language, nav, f"jobboard {__version__}")
    ctx = PlanContext(config, site, roles, employer_slugs)

    # A posting appears on several lists: its card is made once.
    card_of = {p.id: card_for(p, employer_slugs[p.employer.key]) for p in catalog.postings}

    def cards(postings: tuple[Posting, ...]) -> tuple[PostingCard, ...]:
        return tuple(card_of[p.id] for p in postings)

    specs: list[PageSpec] = []
    employer_links = tuple(
        Link(emp.name, employer_url(employer_slugs[key]), len(catalog.by_employer[key]))
        for key, emp in sorted(catalog.employers.items(), key=lambda kv: kv[1].name.casefold())
    )
    role_links = tuple(
        link
        for key, postings in sorted(catalog.by_role.items())
        if (link := roles.link(key, len(postings))) is not None
    )
    home = HomeView(
        page=_page(ctx, HOME, config.title, config.description, ()),
        cards=cards(catalog.postings),
        posting_count=len(catalog.postings),
        employer_count=len(catalog.employers),
        role_count=len(catalog.by_role),
        top_employers=tuple(sorted(employer_links, key=lambda l: (-l.count, l.label.casefold()))[:8]),
        roles=role_links,
    )
    specs.append(PageSpec(HOME, output_path(HOME), "home.html", home))
    specs.extend(plan_posting(p, ctx) for p in catalog.postings)

    specs.append(
        PageSpec(
            EMPLOYERS,
            output_path(EMPLOYERS),
            "browse.html",
            IndexView(
                page=_page(ctx, EMPLOYERS, "Employers", f"All {len(employer_links)} employers with open positions.",
                           (Link("Employers", EMPLOYERS),)),
                heading="Employers",
                intro=f"{len(employer_links)} employers are hiring.",
                links=employer_links,
            ),
        )
    )
    for key, employer in catalog.employers.items():
        postings = catalog.by_employer[key]
        url = employer_url(employer_slugs[key])
        locations = tuple(dict.fromkeys(format_location(l) for p in postings for l in p.locations))
        role_counts: dict[str, int] = {}
        for p in postings:
            if p.role_family:
                role_counts[p.role_family] = role_counts.get(p.role_family, 0) + 1
        org: dict[str, object] = {"@context": "https://schema.org", "@type": "Organization",
                                  "name": employer.name, "url": absolute(config.base_url, url)}
        if employer.website:
            org["sameAs"] = employer.website
        if employer.logo_url:
            org["logo"] = employer.logo_url
        if employer.description:
            org["description"] = employer.description
        view = EmployerView(
            page=_page(ctx, url, f"Jobs at {employer.name}",
                       employer.description or f"{len(postings)} open positions at {employer.name}.",
                       (Link("Employers", EMPLOYERS), Link(employer.name, url)),
                       (json_ld_script(org),)),
            employer=employer_card(employer, employer_slugs[key]),
            cards=cards(postings),
            locations=locations,
            salary_range=salary_span(postings),
            roles=tuple(l for k, n in sorted(role_counts.items()) if (l := roles.link(k, n))),
        )
        specs.append(PageSpec(url, output_path(url), "employer.html", view))

    specs.append(
        PageSpec(
            ROLES,
            output_path(ROLES),
            "browse.html",
            IndexView(
                page=_page(ctx, ROLES, "Roles", "Open positions grouped by role.", (Link("Roles", ROLES),)),
                heading="Roles",
                intro=f"Open positions in {len(role_links)} role families.",
                links=role_links,
            ),
        )
    )
    for key, postings in catalog.by_role.items():
        link = roles.link(key, len(postings))
        assert link is not None
        url = role_url(key)
        employer_counts: dict[str, int] = {}
        for p in postings:
            employer_counts[p.employer.key] = employer_counts.get(p.employer.key, 0) + 1
        view_role = RoleView(
            page=_page(ctx, url, f"{link.label} jobs",
                       f"{len(postings)} open {link.label} positions across {len(employer_counts)} employers.",
                       (Link("Roles", ROLES), Link(link.label, url))),
            label=link.label,
            cards=cards(postings),
            employers=tuple(
                Link(catalog.employers[k].name, employer_url(employer_slugs[k]), n)
                for k, n in sorted(employer_counts.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            salary_range=salary_span(postings),
        )
        specs.append(PageSpec(url, output_path(url), "role.html", view_role))

    not_found_page = _page(ctx, NOT_FOUND, "Page not found", "This page does not exist.", ())
    # GitHub Pages serves 404.html at any missing path, so relative links cannot work there:
    # its links start from the site's own path instead.
    base_path = urlparse(config.base_url).path or "/"
    specs.append(
        PageSpec(NOT_FOUND, NOT_FOUND, "404.html",
                 NotFoundView(page=_replace_root(not_found_page, base_path)))
    )
    return specs


def _replace_root(page: Page, root: str) -> Page:
    from dataclasses import replace

    return replace(page, root=root)


def _unique_employer_slugs(catalog: Catalog) -> dict[str, str]:
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for key, employer in catalog.employers.items():
        base = employer_slug(employer.name)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        slugs[key] = slug
    return slugs
