"""The code stays lint-clean: ruff's checks and formatting over the whole project."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (ROOT / ".venv/bin/ruff").exists(),
    reason="ruff is in the test extra",
)
def test_ruff_check_and_format() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv/bin/ruff")
    paths = ["generator", "tests", "benchmarks"]
    check = subprocess.run([ruff, "check", *paths], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [ruff, "format", "--check", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout
