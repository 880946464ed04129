"""Search in a real browser: headless Chromium against the demo site served under /repo/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from generator.catalog import Catalog
from generator.models import WorkArrangement
from generator.search import yearly_usd
from tests.conftest import needs_chromium, serve_demo

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module", params=["pagefind", "shards"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Catalog]]:
    """The demo site searched with each full-text index: every test here runs on both."""
    yield from serve_demo(tmp_path_factory, search_engine=request.param)


def settled(page: Any) -> str:
    """Waits until the results shown are those of the URL's state; returns the status line."""
    page.wait_for_function(
        "() => { const p = document.querySelector('.search-page');"
        " return p.dataset.shown === (location.search || location.pathname); }"
    )
    return str(page.locator("#search-status").text_content())


def titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#results .card-title").all_text_contents()]


def test_query_finds_the_expected_posting(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}search/?q=kafka")
    settled(page)
    assert "Senior Data Engineer, Streaming Platform" in titles(page)
    link = page.locator("#results .card-title a").first.get_attribute("href")
    assert link.startswith("/repo/jobs/")


def test_header_search_box_leads_to_results(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}employers/")
    page.fill("#site-search", "designer")
    page.press("#site-search", "Enter")
    page.wait_for_url(f"{base}search/?q=designer")
    settled(page)
    assert all(title for title in titles(page))
    assert any("Designer" in title for title in titles(page))


def test_facets_narrow_and_or_within_a_facet(served: tuple[str, Catalog], page: Any) -> None:
    base, catalog = served
    remote = [p for p in catalog.open_postings if WorkArrangement.REMOTE in p.work_arrangements]
    either = [
        p
        for p in catalog.open_postings
        if {WorkArrangement.REMOTE, WorkArrangement.HYBRID} & set(p.work_arrangements)
    ]
    page.goto(f"{base}search/")
    settled(page)
    page.get_by_label(re.compile(r"^Remote \(")).check()
    text = settled(page)
    assert text.startswith(f"{len(remote)} job")
    assert len(titles(page)) == min(10, len(remote))
    assert "arrangement=Remote" in page.url
    page.get_by_label(re.compile(r"^Hybrid \(")).check()
    text = settled(page)
    assert text.startswith(f"{len(either)} jobs found")
    assert len(either) > len(remote)
    # Counts in another facet follow the selection: they add up to no more than the results.
    role_counts = page.locator("fieldset[data-facet='role'] .count").all_text_contents()
    assert 0 < sum(int(c.strip("()")) for c in role_counts) <= len(either)


def test_salary_sort_orders_by_yearly_pay_across_currencies(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, catalog = served
    page.goto(f"{base}search/?q=engineer&sort=salary")
    settled(page)
    shown = titles(page)
    by_title = {p.title: p for p in catalog.open_postings}
    salaries = [by_title[t].salary for t in shown]
    # The demo pays in dollars, pounds, euros and Canadian dollars, by the hour, month and year.
    assert len({s.currency for s in salaries if s}) > 1
    pay = [yearly_usd(s) if s else 0 for s in salaries]
    assert pay == sorted(pay, reverse=True)
    assert pay[0] > 0


def test_a_skill_finds_the_jobs_that_ask_for_it(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    # "Roadmapping" is only in that posting's skills, not in its title or description.
    page.goto(f"{base}search/?q=roadmapping")
    settled(page)
    assert titles(page)[0] == "Senior Product Manager, Real-Time Collaboration"


def test_a_word_no_job_has_finds_nothing(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    # Pagefind answers these with the pages holding a shorter start of the word ("we", "a").
    for word in ("welder", "aquaponics"):
        page.goto(f"{base}search/?q={word}")
        assert settled(page).startswith(f"No jobs match “{word}”")
        assert titles(page) == []
    # A form of a word the demo has ("nurses") is still found.
    page.goto(f"{base}search/?q=nursing")
    settled(page)
    assert "Product Designer, Patient Experience" in titles(page)


def test_pay_and_date_bands_are_listed_in_order(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}search/")
    settled(page)
    labels = page.locator("fieldset[data-facet='salary'] label").all_text_contents()
    bands = [re.match(r"([A-Z]{3}) (under )?([\d.]+)([kM]?)", label) for label in labels]
    keys = [
        (m[1], 0 if m[2] else 1, float(m[3]) * {"": 1, "k": 1e3, "M": 1e6}[m[4]])
        for m in bands
        if m
    ]
    assert len(keys) == len(labels) > 3
    # Grouped by currency, each currency's bands low to high.
    currencies = list(dict.fromkeys(key[0] for key in keys))
    assert keys == sorted(keys, key=lambda key: (currencies.index(key[0]), key))
    posted = page.locator("fieldset[data-facet='posted'] label").all_text_contents()
    counts = {label.split(" (")[0]: int(label.split("(")[1].rstrip(")")) for label in posted}
    assert list(counts)[:2] == ["Last 7 days", "Last 30 days"]
    # The last 30 days include the last 7.
    assert counts["Last 30 days"] >= counts["Last 7 days"] > 0


def test_keyboard_ticking_a_facet_keeps_the_focus_there(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, _ = served
    page.goto(f"{base}search/?q=engineer")
    settled(page)
    box = page.get_by_label(re.compile(r"^Remote \("))
    box.focus()
    page.keyboard.press("Space")
    settled(page)
    assert "arrangement=Remote" in page.url
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["arrangement", "Remote"]
    page.keyboard.press("Tab")  # and goes on from there, not from the top of the page
    assert page.evaluate("document.activeElement.name") == "arrangement"


def test_typing_a_search_makes_one_history_entry(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}employers/")
    page.goto(f"{base}search/")
    settled(page)
    page.locator("#q").press_sequentially("nurse", delay=150)
    page.wait_for_url(f"{base}search/?q=nurse")
    settled(page)
    page.press("#q", "Enter")
    settled(page)
    page.go_back()
    page.wait_for_url(f"{base}search/")
    assert settled(page).endswith("Type a keyword or pick filters.")
    page.go_back()
    page.wait_for_url(f"{base}employers/")


def test_shared_url_restores_state_and_back_button(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}search/?q=engineer&sort=date&arrangement=Hybrid")
    first = settled(page)
    assert page.input_value("#q") == "engineer"
    assert page.input_value("#sort") == "date"
    assert page.get_by_label(re.compile(r"^Hybrid \(")).is_checked()
    page.get_by_label(re.compile(r"^Hybrid \(")).uncheck()
    settled(page)
    assert "arrangement=" not in page.url
    page.go_back()
    assert settled(page) == first
    assert page.get_by_label(re.compile(r"^Hybrid \(")).is_checked()


def test_no_results_for_the_words_says_so_and_offers_to_clear_them(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, catalog = served
    page.goto(f"{base}search/?q=zzzzqqqq&arrangement=Remote")
    assert settled(page) == "No jobs match “zzzzqqqq”. Check the spelling or try a broader word."
    page.get_by_role("button", name="Remove filter Remote").click()
    assert settled(page).startswith("No jobs match “zzzzqqqq”.")
    assert "arrangement" not in page.url
    page.get_by_role("button", name="Remove keywords zzzzqqqq").click()
    assert settled(page).startswith(f"{len(catalog.open_postings)} open positions")
    assert page.input_value("#q") == ""


def test_no_results_for_the_filters_says_what_removing_each_would_show(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, catalog = served
    # An employer with no remote job: each filter alone has results, the two together none.
    remote = [p for p in catalog.open_postings if WorkArrangement.REMOTE in p.work_arrangements]
    employer = next(
        e
        for e in sorted({p.employer.name for p in catalog.open_postings})
        if not any(p.employer.name == e for p in remote)
    )
    theirs = [p for p in catalog.open_postings if p.employer.name == employer]
    page.goto(f"{base}search/?arrangement=Remote&employer={employer.replace(' ', '+')}")
    text = settled(page)
    assert titles(page) == []
    assert text == (
        "No jobs match these filters. "
        f"Without Work arrangement: {len(theirs)} job{'s' if len(theirs) > 1 else ''}; "
        f"without Employer: {len(remote)} jobs."
    )


def test_without_javascript_every_posting_is_reachable(
    served: tuple[str, Catalog], browser: Any
) -> None:
    base, catalog = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}search/")
    assert "Search needs JavaScript" in page.locator("noscript").first.inner_html()
    # Crawl the browse pages (home, employers, roles, places, skills) as a visitor without JS.
    queue, seen, postings = [base], set(), set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            href = href.split("#")[0]
            if not href.startswith(base) or "/search/" in href:
                continue
            if "/jobs/" in href:
                postings.add(href)
            elif href not in seen:
                queue.append(href)
    context.close()
    assert {f"{base}jobs/{p.slug}/" for p in catalog.open_postings} <= postings


def test_search_within_an_employer(served: tuple[str, Catalog], page: Any) -> None:
    base, catalog = served
    page.goto(f"{base}employers/northwind-robotics/")
    page.fill("#within-q", "engineer")
    page.press("#within-q", "Enter")
    page.wait_for_url(re.compile(r".*/search/\?q=engineer&employer=Northwind\+Robotics$"))
    settled(page)
    shown = titles(page)
    northwind = {p.title for p in catalog.open_postings if p.employer.name == "Northwind Robotics"}
    assert shown and set(shown) <= northwind
    assert page.get_by_label(re.compile(r"^Northwind Robotics \(")).is_checked()


def test_pages_fit_a_320px_screen_and_make_no_third_party_request(
    served: tuple[str, Catalog], browser: Any
) -> None:
    base, catalog = served
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    posting = catalog.open_postings[0]
    for path in (
        "",
        f"jobs/{posting.slug}/",
        "employers/",
        "roles/data-engineer/",
        "locations/",
        "skills/",
        "search/?q=engineer",
    ):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path or 'home'} is {width}px wide at 320px"
    context.close()
    assert all(url.startswith(base) or url.startswith("data:") for url in requests), [
        u for u in requests if not u.startswith(base)
    ]


def test_a_first_query_fetches_a_few_small_files(served: tuple[str, Catalog], page: Any) -> None:
    base, _ = served
    sizes: dict[str, int] = {}
    page.on(
        "requestfinished",
        lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]),
    )
    page.goto(f"{base}search/?q=kafka")
    settled(page)
    page.wait_for_load_state("networkidle")
    engine = page.locator(".search-page").get_attribute("data-engine")
    pagefind = [url for url in sizes if "/pagefind/" in url]
    shards = [url for url in sizes if re.search(r"/search/i-\w+/", url)]
    if engine == "shards":
        # The shard of "ka", one posting's card: nothing of Pagefind.
        assert not pagefind and any("/t/6b61.gz" in url for url in shards)
    else:
        assert engine == "pagefind" and pagefind and not shards
        assert not any("/filter/" in url for url in pagefind)  # our table does the facets
    assert sum(sizes.values()) < 300_000, sizes


PASTRY = "Pâtissier·ère de nuit (Night Pastry Cook)"


def test_accents_and_hyphens_are_optional_in_a_query(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, _ = served
    queries = ("Montréal", "montreal", "crème brûlée", "creme brulee", "saint-henri", "kouignamann")
    for query in queries:
        page.goto(f"{base}search/?{urlencode({'q': query})}")
        settled(page)
        assert PASTRY in titles(page), query


def test_a_stray_ending_is_not_another_form_of_the_word(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, catalog = served
    for query in ("kafkaz", "engineerz"):
        page.goto(f"{base}search/?q={query}")
        assert settled(page).startswith(f"No jobs match “{query}”"), query
    # Every posting's facts have a "Level" label: the labels are not what a page is about.
    page.goto(f"{base}search/?q=level")
    settled(page)
    assert len(titles(page)) < len(catalog.open_postings) / 2
    page.goto(f"{base}search/?q=kafka")
    settled(page)
    marked = page.locator("#results .card .excerpt mark").all_text_contents()
    assert any(word.lower().startswith("kafka") for word in marked)


def test_an_excerpt_does_not_repeat_the_cards_employer(
    served: tuple[str, Catalog], page: Any
) -> None:
    base, _ = served
    page.goto(f"{base}search/?q=streaming")  # in the title of Harbor Labs' data engineer job
    settled(page)
    card = page.locator("#results .card").first
    assert card.locator(".card-employer").text_content() == "Harbor Labs"
    excerpt = str(card.locator(".excerpt").text_content())
    assert "Harbor Labs." not in excerpt[:40] and "stream" in excerpt.lower()
