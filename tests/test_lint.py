"""The code stays lint-clean: ruff's checks and formatting over the whole project, and mypy
--strict over the package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

PATHS = ["generator", "tests", "benchmarks"]


def test_ruff_check_and_format() -> None:
    pytest.importorskip("ruff", reason="ruff is in the test extra")
    check = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *PATHS], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict_on_the_package() -> None:
    """`generator/` type-checks under mypy --strict (configured in pyproject.toml)."""
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
