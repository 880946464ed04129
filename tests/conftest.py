"""Shared fixtures: the seed folder, a site builder, and a link checker."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from generator.build import BuildOptions, BuildResult, build_site
from generator.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        pytest.skip(f"seed postings not found at {SEEDS} (clone the project beside ../shared)")
    return SEEDS


def build(content: Path, out: Path, today: str = "2026-04-27", **overrides: object) -> BuildResult:
    """Builds `content` into `out` as `jobboard build` would."""
    config = load_config(None, {"content_dir": content, "output_dir": out, **overrides}, root=ROOT)
    return build_site(config, BuildOptions(today=dt.date.fromisoformat(today)))


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Creates a content folder from an inline {relative path: content} mapping."""
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


HREF = re.compile(r'\b(?:href|src)="([^"]*)"')


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in every page that does not resolve to a file in the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # links from the root path, checked separately
        for target in HREF.findall(page.read_text(encoding="utf-8")):
            parsed = urlparse(target)
            if parsed.scheme or target.startswith(("#", "mailto:", "//")) or not target:
                continue
            path = unquote(parsed.path)
            base = site if path.startswith("/") else page.parent
            resolved = (base / path.lstrip("/")).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken
