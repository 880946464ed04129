"""Every link of the demo site works when it is served from a GitHub Pages project path."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urlparse

from lxml import html

from generator.catalog import Catalog

LINKING = "//a/@href | //link/@href | //script/@src | //img/@src | //form/@action"


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        return err.code, b"", ""


def test_every_link_resolves_under_the_project_path(served: tuple[str, Catalog]) -> None:
    base, catalog = served
    origin = f"{urlparse(base).scheme}://{urlparse(base).netloc}"
    queue, seen, broken, pages = [base], {base}, [], 0
    while queue:
        url = queue.pop()
        status, body, kind = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        for target in html.fromstring(body).xpath(LINKING):
            absolute = urljoin(url, str(target)).split("#")[0]
            if not absolute.startswith(origin):
                continue  # an employer's own site or apply link: not ours to serve
            if not absolute.startswith(base):
                broken.append(f"{url} links outside the project path: {target}")
            elif absolute not in seen:
                seen.add(absolute)
                queue.append(absolute)
    assert broken == []
    # The crawl reached every open posting and far more than the posting pages alone.
    assert {f"{base}jobs/{p.slug}/" for p in catalog.open_postings} <= seen
    assert pages > len(catalog.open_postings) * 2
