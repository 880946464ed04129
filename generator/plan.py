"""The site plan: which URL renders which template with which view, as plain data.

Built before any rendering, so link checks, incremental builds and tests can read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlparse

from slugify import slugify

from generator import __version__
from generator.catalog import Catalog
from generator.config import SiteConfig
from generator.markup import excerpt
from generator.models import Employer, Location, Posting
from generator.normalize.locations import area_countries, country_name
from generator.normalize.titles import RoleFamily
from generator.search import SalaryBands, salary_bands, search_data, search_engine
from generator.search_shards import SearchText
from generator.urls import (
    EMPLOYERS,
    HOME,
    LOCATIONS,
    NOT_FOUND,
    REMOTE,
    ROLES,
    SEARCH,
    SKILLS,
    absolute,
    employer_slug,
    employer_url,
    linked_data_url,
    location_url,
    output_path,
    posting_url,
    root_prefix,
    skill_url,
)
from generator.views import (
    Chart,
    EmployerCard,
    EmployerView,
    HomeView,
    IndexView,
    Link,
    LinkGroup,
    ListingView,
    NotFoundView,
    Page,
    Pager,
    PostingCard,
    PostingView,
    RoleLabels,
    SearchView,
    SearchWithin,
    SiteView,
    card_for,
    employer_card,
    format_arrangements,
    format_date,
    format_location,
    format_salary,
    json_ld_script,
    posting_facts,
    salary_chart,
    salary_span,
)

# The facets the search page offers: Pagefind filter name → label, in display order.
SEARCH_FACETS = (
    Link("Work arrangement", "arrangement"),
    Link("Role", "role"),
    Link("Level", "level"),
    Link("Salary (yearly)", "salary"),
    Link("Posted", "posted"),
    Link("Country", "country"),
    Link("City", "city"),
    Link("Employment type", "type"),
    Link("Employer", "employer"),
    Link("Skill", "skill"),
)

View = HomeView | PostingView | EmployerView | ListingView | IndexView | SearchView | NotFoundView


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
    logos: Mapping[str, str]  # employer slug → site path of a local logo file
    salary_bands: Mapping[str, SalaryBands]  # currency → the search page's pay bands
    search_engine: str  # "pagefind" or "shards"


def _page(
    ctx: PlanContext,
    url: str,
    title: str,
    description: str,
    crumbs: tuple[Link, ...],
    json_ld: tuple[str, ...] = (),
    feed_url: str | None = None,
) -> Page:
    full_title = f"{title} · {ctx.site.title}" if title != ctx.site.title else title
    trail = (Link("Home", HOME), *crumbs)
    breadcrumb_ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": link.label,
                "item": linked_data_url(ctx.config.base_url, url, link.url),
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
        feed_url=feed_url,
        json_ld=(*json_ld, json_ld_script(breadcrumb_ld)),
    )


def organization_logo(ctx: PlanContext, slug: str, employer: Employer) -> str | None:
    """The logo crawlers should show: our own copy when the site's address is known (Google
    wants a crawlable absolute URL), otherwise the one the source names, if it is absolute."""
    if slug in ctx.logos and ctx.config.base_url:
        return f"{ctx.config.base_url}{ctx.logos[slug]}"
    if employer.logo_url and employer.logo_url.startswith(("https://", "http://")):
        return employer.logo_url
    return None


def posting_json_ld(posting: Posting, ctx: PlanContext) -> dict[str, object]:
    """schema.org JobPosting for Google for Jobs, with every property the data supports."""
    page_url = posting_url(posting.slug)
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
        "url": linked_data_url(ctx.config.base_url, page_url, page_url),
    }
    organization: dict[str, object] = {"@type": "Organization", "name": posting.employer.name}
    if posting.employer.website:
        organization["sameAs"] = posting.employer.website
    if logo := organization_logo(ctx, ctx.employer_slugs[posting.employer.key], posting.employer):
        organization["logo"] = logo
    data["hiringOrganization"] = organization
    if posting.date_posted:
        data["datePosted"] = posting.date_posted.isoformat()
    if posting.valid_through:
        data["validThrough"] = f"{posting.valid_through.isoformat()}T23:59:59"
    if len(posting.employment_types) > 1:
        data["employmentType"] = [kind.value for kind in posting.employment_types]
    elif posting.employment_type:
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
        # "Remote (EMEA)" names no country, but Google wants the countries applicants may
        # live in: an area is spelled out as its member countries.
        countries = sorted(
            {loc.country for loc in remote if loc.country}
            | {code for loc in remote for code in area_countries(loc.area)}
        )
        if countries:
            data["applicantLocationRequirements"] = [
                {"@type": "Country", "name": code} for code in countries
            ]
    if posting.salary:
        value: dict[str, object] = {
            "@type": "QuantitativeValue",
            "unitText": posting.salary.period.value,
        }
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


def plan_posting(
    posting: Posting,
    ctx: PlanContext,
    similar: tuple[PostingCard, ...],
    closed: bool,
    today: dt.date,
) -> PageSpec:
    slug = ctx.employer_slugs[posting.employer.key]
    role = ctx.roles.link(posting.role_family)
    url = posting_url(posting.slug)
    crumbs = (
        Link("Employers", EMPLOYERS),
        Link(posting.employer.name, employer_url(slug)),
        Link(posting.title, url),
    )
    body = posting.description_text
    description = excerpt(posting.summary or body, 160)
    # A closed posting keeps its page for people who follow old links, but tells crawlers
    # nothing: Google asks for JobPosting data to be removed once a job has expired.
    json_ld = () if closed else (json_ld_script(posting_json_ld(posting, ctx)),)
    locations = tuple(format_location(loc) for loc in posting.locations)
    salary = format_salary(posting.salary)
    date_label = format_date(posting.date_posted, posting.date_posted_approximate)
    # The sharded index reads the posting's text from here; Pagefind reads the page.
    text = (
        SearchText(
            title=posting.title,
            employer=posting.employer.name,
            facts=" ".join(
                [
                    *locations,
                    format_arrangements(posting.work_arrangements),
                    role.label if role else "",
                    posting.seniority.label if posting.seniority else "",
                    *(kind.label for kind in posting.employment_types),
                ]
            ),
            skills=posting.skills,
            body=" ".join(filter(None, [posting.summary, body])),
            location=" · ".join(locations),
            salary=salary,
            posted=date_label,
            summary=description,
        )
        if ctx.search_engine == "shards"
        else None
    )
    view = PostingView(
        page=_page(
            ctx, url, f"{posting.title} at {posting.employer.name}", description, crumbs, json_ld
        ),
        title=posting.title,
        employer=employer_card(posting.employer, slug, ctx.logos.get(slug, "")),
        role=role,
        facts=posting_facts(posting, role.label if role else None),
        salary=salary,
        locations=locations,
        arrangements=format_arrangements(posting.work_arrangements),
        date_label=date_label,
        date_iso=posting.date_posted.isoformat() if posting.date_posted else "",
        # Cards repeat their summary as the description's first paragraph: say it once.
        summary="" if not posting.summary or posting.summary[:80] in body else posting.summary,
        description_html=posting.description_html,
        skills=posting.skills,
        signals=posting.signals,
        apply_url="" if closed else posting.apply_url or "",
        sources=tuple(f"{s.path}:{s.line}" if s.line else s.path for s in posting.sources),
        closed=closed,
        similar=similar,
        # Closed postings stay out of search, like every other list.
        search=None
        if closed or not ctx.config.search
        else search_data(posting, role.label if role else None, today, ctx.salary_bands, text),
    )
    return PageSpec(url, output_path(url), "posting.html", view)


def structured_data_gaps(posting: Posting) -> list[str]:
    """The properties Google for Jobs requires that this posting cannot provide."""
    missing = []
    if not posting.date_posted:
        missing.append("datePosted")
    if not posting.description_html and not posting.summary:
        missing.append("description")
    if not any(not loc.remote for loc in posting.locations) and not posting.is_remote:
        missing.append("jobLocation")
    return missing


def paginate(
    ctx: PlanContext, url: str, cards: tuple[PostingCard, ...]
) -> list[tuple[str, tuple[PostingCard, ...], Pager]]:
    """Splits a long list into pages: `url`, then `url/page/2/`, … each with its pager."""
    size = ctx.config.page_size
    chunks = [cards[i : i + size] for i in range(0, len(cards), size)] or [()]
    urls = [url if n == 0 else f"{url}page/{n + 1}/" for n in range(len(chunks))]
    links = tuple(Link(str(n + 1), u) for n, u in enumerate(urls))
    result = []
    for n, chunk in enumerate(chunks):
        pager = Pager(
            number=n + 1,
            count=len(chunks),
            prev_url=urls[n - 1] if n > 0 else None,
            next_url=urls[n + 1] if n + 1 < len(chunks) else None,
            pages=links if len(chunks) > 1 else (),
        )
        result.append((urls[n], chunk, pager))
    return result


def _paged_page(page: Page, pager: Pager) -> Page:
    if pager.count <= 1:
        return page
    title = page.title if pager.number == 1 else f"Page {pager.number} · {page.title}"
    return replace(page, title=title, prev_url=pager.prev_url, next_url=pager.next_url)


def place_slug(location: Location) -> str:
    return slugify(" ".join(p for p in (location.city, location.region, location.country) if p))


def plan_site(
    catalog: Catalog,
    config: SiteConfig,
    families: tuple[RoleFamily, ...],
    today: dt.date,
    logos: Mapping[str, str] | None = None,
) -> list[PageSpec]:
    """Every page of the site, in a stable order. `logos` maps employer slugs to logo files
    the site serves itself (see `find_local_logos` in build.py)."""
    employer_slugs = _unique_employer_slugs(catalog)
    roles = RoleLabels({f.key: f.label for f in families})
    nav = (
        Link("Jobs", HOME),
        Link("Employers", EMPLOYERS),
        Link("Roles", ROLES),
        Link("Locations", LOCATIONS),
        Link("Remote", REMOTE),
        Link("Skills", SKILLS),
    )
    site = SiteView(
        config.title, config.description, config.language, nav, f"jobboard {__version__}"
    )
    bands = salary_bands(p.salary for p in catalog.open_postings if p.salary)
    engine = search_engine(config.search_engine, len(catalog.open_postings))
    ctx = PlanContext(config, site, roles, employer_slugs, logos or {}, bands, engine)

    # A posting appears on several lists: its card is made once.
    card_of = {p.id: card_for(p, employer_slugs[p.employer.key]) for p in catalog.postings}

    def cards(postings: tuple[Posting, ...]) -> tuple[PostingCard, ...]:
        return tuple(card_of[p.id] for p in postings)

    specs: list[PageSpec] = []

    def listing(
        url: str,
        template: str,
        make: Callable[[Page, tuple[PostingCard, ...], Pager], View],
        page: Page,
        postings: tuple[Posting, ...],
    ) -> None:
        for page_url, chunk, pager in paginate(ctx, url, cards(postings)):
            paged = _paged_page(
                replace(
                    page,
                    url=page_url,
                    root=root_prefix(page_url),
                    canonical=absolute(config.base_url, page_url) if config.base_url else "",
                ),
                pager,
            )
            specs.append(
                PageSpec(page_url, output_path(page_url), template, make(paged, chunk, pager))
            )

    employer_links = tuple(
        Link(emp.name, employer_url(employer_slugs[key]), len(catalog.by_employer[key]))
        for key, emp in sorted(catalog.employers.items(), key=lambda kv: kv[1].name.casefold())
    )
    role_links = tuple(
        link
        for key, postings in sorted(catalog.by_role.items())
        if (link := roles.link(key, len(postings))) is not None
    )
    place_links = tuple(
        Link(
            format_location(catalog.places[key]),
            location_url(place_slug(catalog.places[key])),
            len(postings),
        )
        for key, postings in catalog.by_place.items()
    )
    skill_slugs: dict[str, str] = {}
    taken: set[str] = set()
    for skill in catalog.by_skill:
        base = slugify(skill) or "skill"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        skill_slugs[skill] = slug
        taken.add(slug)
    skill_links = tuple(
        Link(skill, skill_url(skill_slugs[skill]), len(postings))
        for skill, postings in catalog.by_skill.items()
    )
    open_count = len(catalog.open_postings)

    def home_view(page: Page, chunk: tuple[PostingCard, ...], pager: Pager) -> HomeView:
        return HomeView(
            page=page,
            cards=chunk,
            pager=pager,
            posting_count=open_count,
            employer_count=sum(1 for link in employer_links if link.count),
            role_count=len(catalog.by_role),
            top_employers=tuple(
                sorted(
                    (x for x in employer_links if x.count),
                    key=lambda x: (-x.count, x.label.casefold()),
                )[:8]
            ),
            roles=role_links,
        )

    listing(
        HOME,
        "home.html",
        home_view,
        _page(ctx, HOME, config.title, config.description, ()),
        catalog.open_postings,
    )

    closed = catalog.closed_ids
    for posting in catalog.postings:
        similar = tuple(card_of[pid] for pid in catalog.similar.get(posting.id, ()))
        specs.append(plan_posting(posting, ctx, similar, posting.id in closed, today))

    def index(url: str, name: str, heading: str, intro: str, groups: tuple[LinkGroup, ...]) -> None:
        specs.append(
            PageSpec(
                url,
                output_path(url),
                "browse.html",
                IndexView(
                    page=_page(ctx, url, heading, intro, (Link(name, url),)),
                    heading=heading,
                    intro=intro,
                    groups=groups,
                ),
            )
        )

    index(
        EMPLOYERS,
        "Employers",
        "Employers",
        f"{len(employer_links)} employers, {open_count} open positions.",
        (LinkGroup("", employer_links),),
    )
    for key, employer in catalog.employers.items():
        postings = catalog.by_employer[key]
        url = employer_url(employer_slugs[key])
        locations = tuple(dict.fromkeys(format_location(x) for p in postings for x in p.locations))
        role_counts: dict[str, int] = {}
        for p in postings:
            if p.role_family:
                role_counts[p.role_family] = role_counts.get(p.role_family, 0) + 1
        org: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": employer.name,
            "url": linked_data_url(config.base_url, url, url),
        }
        if employer.website:
            org["sameAs"] = employer.website
        if logo := organization_logo(ctx, employer_slugs[key], employer):
            org["logo"] = logo
        if employer.description:
            org["description"] = employer.description
        card = employer_card(employer, employer_slugs[key], ctx.logos.get(employer_slugs[key], ""))
        employer_roles = tuple(
            x for k, n in sorted(role_counts.items()) if (x := roles.link(k, n)) is not None
        )
        span = salary_span(postings)

        def employer_view(
            page: Page,
            chunk: tuple[PostingCard, ...],
            pager: Pager,
            card: EmployerCard = card,
            locations: tuple[str, ...] = locations,
            span: str = span,
            employer_roles: tuple[Link, ...] = employer_roles,
        ) -> EmployerView:
            return EmployerView(
                page=page,
                employer=card,
                cards=chunk,
                pager=pager,
                locations=locations,
                salary_range=span,
                roles=employer_roles,
                search_within=SearchWithin(f"jobs at {card.name}", "employer", card.name)
                if config.search
                else None,
            )

        listing(
            url,
            "employer.html",
            employer_view,
            _page(
                ctx,
                url,
                f"Jobs at {employer.name}",
                employer.description or f"{len(postings)} open positions at {employer.name}.",
                (Link("Employers", EMPLOYERS), Link(employer.name, url)),
                (json_ld_script(org),),
                feed_url=f"{url}feed.xml",
            ),
            postings,
        )

    def group_listing(
        url: str,
        crumb: Link,
        heading: str,
        intro: str,
        postings: tuple[Posting, ...],
        related_heading: str,
        related: tuple[Link, ...],
        chart: Chart | None,
        feed: bool = False,
        search_within: SearchWithin | None = None,
    ) -> None:
        def make(page: Page, chunk: tuple[PostingCard, ...], pager: Pager) -> ListingView:
            return ListingView(
                page=page,
                heading=heading,
                intro=intro,
                cards=chunk,
                pager=pager,
                related_heading=related_heading,
                related=related,
                chart=chart,
                search_within=search_within if config.search else None,
            )

        listing(
            url,
            "listing.html",
            make,
            _page(
                ctx,
                url,
                heading,
                intro,
                (crumb, Link(heading, url)),
                feed_url=f"{url}feed.xml" if feed else None,
            ),
            postings,
        )

    def employers_of(postings: tuple[Posting, ...]) -> tuple[Link, ...]:
        counts: dict[str, int] = {}
        for p in postings:
            counts[p.employer.key] = counts.get(p.employer.key, 0) + 1
        return tuple(
            Link(catalog.employers[k].name, employer_url(employer_slugs[k]), n)
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )

    index(
        ROLES,
        "Roles",
        "Roles",
        f"Open positions in {len(role_links)} role families.",
        (LinkGroup("", role_links),),
    )
    for key, postings in catalog.by_role.items():
        link = roles.link(key, len(postings))
        assert link is not None
        hiring = employers_of(postings)
        span = salary_span(postings)
        intro = (
            f"{len(postings)} open {link.label} position{'s' * (len(postings) != 1)} at "
            f"{len(hiring)} employer{'s' * (len(hiring) != 1)}"
            + (f", paying {span}." if span else ".")
        )
        group_listing(
            link.url,
            Link("Roles", ROLES),
            f"{link.label} jobs",
            intro,
            postings,
            "Employers hiring",
            hiring,
            salary_chart(postings, link.label),
            feed=True,
            search_within=SearchWithin(f"{link.label} jobs", "role", link.label),
        )

    countries: dict[str, list[Link]] = {}
    for place_key, place_link in zip(catalog.by_place, place_links, strict=True):
        country = country_name(catalog.places[place_key].country) or "Elsewhere"
        countries.setdefault(country, []).append(place_link)
    index(
        LOCATIONS,
        "Locations",
        "Locations",
        f"Open positions in {len(place_links)} places, and {len(catalog.remote)} remote.",
        (
            LinkGroup("Remote", (Link("Remote jobs", REMOTE, len(catalog.remote)),)),
            *(
                LinkGroup(c, tuple(sorted(ls, key=lambda x: x.label)))
                for c, ls in sorted(countries.items())
            ),
        ),
    )
    for place_key, place_link in zip(catalog.by_place, place_links, strict=True):
        postings = catalog.by_place[place_key]
        group_listing(
            place_link.url,
            Link("Locations", LOCATIONS),
            f"Jobs in {place_link.label}",
            f"{len(postings)} open position{'s' * (len(postings) != 1)} in {place_link.label}.",
            postings,
            "Employers hiring here",
            employers_of(postings),
            None,
        )
    group_listing(
        REMOTE,
        Link("Locations", LOCATIONS),
        "Remote jobs",
        f"{len(catalog.remote)} open positions you can do remotely.",
        catalog.remote,
        "Employers hiring remotely",
        employers_of(catalog.remote),
        None,
    )

    index(
        SKILLS,
        "Skills",
        "Skills",
        f"Open positions by {len(skill_links)} skills.",
        (LinkGroup("", tuple(sorted(skill_links, key=lambda x: (-x.count, x.label.casefold())))),),
    )
    for (skill, postings), skill_link in zip(catalog.by_skill.items(), skill_links, strict=True):
        group_listing(
            skill_link.url,
            Link("Skills", SKILLS),
            f"{skill} jobs",
            f"{len(postings)} open position{'s' * (len(postings) != 1)} asking for {skill}.",
            postings,
            "Employers hiring",
            employers_of(postings),
            None,
        )

    if config.search:
        specs.append(
            PageSpec(
                SEARCH,
                output_path(SEARCH),
                "search.html",
                SearchView(
                    page=_page(
                        ctx,
                        SEARCH,
                        "Search jobs",
                        f"Search {open_count} open positions.",
                        (Link("Search", SEARCH),),
                    ),
                    facets=SEARCH_FACETS,
                    total=open_count,
                    engine=ctx.search_engine,
                ),
            )
        )

    not_found_page = _page(ctx, NOT_FOUND, "Page not found", "This page does not exist.", ())
    # GitHub Pages serves 404.html at any missing path, so relative links cannot work there:
    # its links start from the site's own path instead.
    base_path = urlparse(config.base_url).path or "/"
    specs.append(
        PageSpec(
            NOT_FOUND,
            NOT_FOUND,
            "404.html",
            NotFoundView(page=replace(not_found_page, root=base_path)),
        )
    )
    return _unique_urls(specs)


def _unique_urls(specs: list[PageSpec]) -> list[PageSpec]:
    """Two groups whose slugs collide (two skills "C#" and "C") keep the first; order is
    stable, so the result is deterministic."""
    seen: set[str] = set()
    unique = []
    for spec in specs:
        if spec.output_path not in seen:
            seen.add(spec.output_path)
            unique.append(spec)
    return unique


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
