"""The core type-checks (mypy, configured in pyproject.toml) and the geodesy matches geopy's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from footprint_cli.geo.legs import EARTH_RADIUS_KM, great_circle_km

REPO = Path(__file__).resolve().parents[1]


def test_the_core_is_mypy_clean():
    pytest.importorskip("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((-34.6, -58.4), (48.76, 2.35)),  # Buenos Aires - Rungis
        ((40.4, -3.7), (48.76, 2.35)),
        ((-41.3, 174.8), (49.0, 2.55)),  # near the antipode of Paris
        ((43.3, 5.4), (43.3, 5.4)),
        ((0.0, 179.9), (0.0, -179.9)),  # across the date line
    ],
)
def test_great_circle_matches_geopy(a, b):
    distance = pytest.importorskip("geopy.distance")
    expected = distance.great_circle(a, b, radius=EARTH_RADIUS_KM).km
    assert great_circle_km(*a, *b) == pytest.approx(expected, rel=1e-9, abs=1e-6)
