"""jobboard.toml: validated once, with messages that name the file, the key and a fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, write_files


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_unknown_and_invalid_keys_are_all_reported(tmp_path: Path) -> None:
    write_files(tmp_path, {"jobboard.toml": 'titel = "X"\npage_size = 2\n', "content/.keep": ""})
    done = run(tmp_path, "build")
    assert done.returncode == 2
    assert "jobboard.toml: error: unknown key 'titel'; did you mean 'title'?" in done.stderr
    assert "jobboard.toml: error: page_size: Input should be greater than or equal to 5" in done.stderr


def test_config_sets_the_site_and_options_override_it(tmp_path: Path) -> None:
    feed = (ROOT / "tests/fixtures/shapes/feed_up_to_gbp.txt").read_text()
    write_files(tmp_path, {
        "jobboard.toml": 'title = "Tiny Board"\nbase_url = "https://a.example/jobs"\n'
                         'output_dir = "public"\n',
        "content/feed.xml": feed,
    })
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
