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
    # English unless a test asks for French (French is the default without an English locale)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("FOOTPRINT_LANG", raising=False)
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


class Served(str):
    """The address of a running server, with the temporary directory it writes uploads to."""

    def __new__(cls, url: str, tmpdir: Path) -> Served:
        obj = super().__new__(cls, url)
        obj.tmpdir = tmpdir
        return obj


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory):
    """`footprint serve` on a free loopback port, in a subprocess stopped at the end of the run.

    Yields the page's address; skipped when the web extra is not installed (and never in CI,
    where .ci/run installs it)."""
    import importlib.util
    import subprocess
    import sys

    missing = [m for m in ("fastapi", "uvicorn") if importlib.util.find_spec(m) is None]
    if missing:
        if os.environ.get("CI"):
            raise AssertionError(f"the web extra is not installed in CI: {missing}")
        pytest.skip(f"web extra not installed ({', '.join(missing)})")
    env = {k: v for k, v in os.environ.items() if k not in ("FOOTPRINT_DATA", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    tmpdir = tmp_path_factory.mktemp("serve-tmp")
    env["TMPDIR"] = str(tmpdir)  # where the server writes uploads: the tests check it is left empty
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "footprint_cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-browser",
            ],
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
        )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode("utf-8")
        if "http://" not in line:
            raise AssertionError(f"footprint serve did not start: {line!r} {log.read_text()}")
        yield Served(line[line.index("http://") :].split()[0], tmpdir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
