"""The wheel carries the data: a non-editable install works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from footprint_cli.model.loader import DATA_FILES

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 and "hatchling" in proc.stderr:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr
    return next(out.glob("footprint_cli-*.whl"))


def test_wheel_contains_every_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in DATA_FILES:
        assert f"footprint_cli/data/{name}" in names, name
    assert "footprint_cli/cli/__init__.py" in names
    assert "footprint_cli/locale/fr/LC_MESSAGES/messages.mo" in names
    assert "footprint_cli/render/world_110m.svgpath" in names  # the route map works offline


def test_wheel_data_matches_the_repository(wheel):
    z = zipfile.ZipFile(wheel)
    for name in DATA_FILES:
        assert z.read(f"footprint_cli/data/{name}") == (REPO / "data" / name).read_bytes(), name


def test_installed_package_finds_its_data_from_any_folder(tmp_path):
    code = "from footprint_cli.store import load_dataset; print(len(load_dataset().products))"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 0


def test_wheel_carries_the_web_pages_assets(wheel):
    z = zipfile.ZipFile(wheel)
    static = REPO / "src" / "footprint_cli" / "web" / "static"
    names = sorted(p.name for p in static.iterdir())
    assert {"index.html", "app.js", "app.css"} <= set(names)
    for name in names:
        assert z.read(f"footprint_cli/web/static/{name}") == (static / name).read_bytes(), name
    meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
    assert "Provides-Extra: web" in z.read(meta).decode()
