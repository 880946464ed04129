"""jobboard.toml: validated once, with messages that name the file, the key and a fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, write_files


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_unknown_and_invalid_keys_are_all_reported(tmp_path: Path) -> None:
    write_files(tmp_path, {"jobboard.toml": 'titel = "X"\npage_size = 2\n', "content/.keep": ""})
    done = run(tmp_path, "build")
    assert done.returncode == 2
    assert "jobboard.toml: error: unknown key 'titel'; did you mean 'title'?" in done.stderr
    assert (
        "jobboard.toml: error: page_size: Input should be greater than or equal to 5" in done.stderr
    )


def test_config_sets_the_site_and_options_override_it(tmp_path: Path) -> None:
    feed = (ROOT / "tests/fixtures/shapes/feed_up_to_gbp.txt").read_text()
    write_files(
        tmp_path,
        {
            "jobboard.toml": 'title = "Tiny Board"\nbase_url = "https://a.example/jobs"\n'
            'output_dir = "public"\n',
            "content/feed.xml": feed,
        },
    )
    done = run(tmp_path, "build", "--base-url", "https://b.example/")
    assert done.returncode == 0, done.stderr
    home = (tmp_path / "public/index.html").read_text()
    assert "<title>Tiny Board</title>" in home
    assert '<link rel="canonical" href="https://b.example/">' in home


def test_demo_config_is_valid() -> None:
    from generator.config import load_config

    config = load_config(ROOT / "jobboard.toml")
    assert config.title == "Harbourside Jobs"
    assert config.content_dir == ROOT / "content"


def test_user_templates_and_assets_override_the_built_in_ones(tmp_path: Path) -> None:
    from tests.conftest import build

    content = write_files(
        tmp_path / "content",
        {"feed.xml": (ROOT / "tests/fixtures/shapes/feed_up_to_gbp.txt").read_text()},
    )
    theme = write_files(
        tmp_path / "theme",
        {
            "templates/partials/card.html": '<li class="card my-card">{{ card.title }}</li>\n',
            "static/style.css": "body { color: rebeccapurple; }\n",
        },
    )
    site = tmp_path / "site"
    build(content, site, templates_dir=theme / "templates", static_dir=theme / "static")
    home = (site / "index.html").read_text()
    assert '<li class="card my-card">' in home
    assert (site / "static/style.css").read_text() == "body { color: rebeccapurple; }\n"
    assert (site / "static/search.js").is_file()  # built-in assets not overridden stay


def test_cname_is_written_for_a_custom_domain_and_checked(tmp_path: Path) -> None:
    feed = (ROOT / "tests/fixtures/shapes/feed_up_to_gbp.txt").read_text()
    write_files(tmp_path, {"jobboard.toml": 'cname = "Jobs.Example.org"\n', "content/f.xml": feed})
    assert run(tmp_path, "build").returncode == 0
    assert (tmp_path / "site/CNAME").read_text() == "jobs.example.org\n"
    assert (tmp_path / "site/.nojekyll").exists()
    write_files(tmp_path, {"jobboard.toml": 'cname = "https://jobs.example.org/"\n'})
    done = run(tmp_path, "build")
    assert done.returncode == 2
    assert (
        "jobboard.toml: error: cname: Value error, 'https://jobs.example.org/' is not a bare"
        in (done.stderr)
    )
