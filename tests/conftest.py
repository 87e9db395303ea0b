from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint_cli.model.loader import Dataset
from footprint_cli.store import load_dataset

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"
GOLDEN = Path(__file__).parent / "golden"


def pytest_configure(config: pytest.Config) -> None:
    # keep the dataset cache of the test run out of the user's ~/.cache
    import tempfile

    os.environ.setdefault("FOOTPRINT_CACHE_DIR", tempfile.mkdtemp(prefix="footprint-cache-"))


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("reference data (../shared/reference) not available")
    return REFERENCE


@pytest.fixture()
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("FOOTPRINT_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return CliRunner()


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("UPDATE_GOLDEN") != "1" and os.environ.get("CI"):
            raise AssertionError(f"golden file {name} is missing")
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"output differs from tests/golden/{name}"
