"""The published value is the median of every factor's draws, so a central value computed with the
published figures lies inside its own 90 % interval: per option and for a whole purchase file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import compute_report
from footprint_cli.catalog import Catalog
from footprint_cli.engine import Scenario, compare
from footprint_cli.errors import FootprintError
from footprint_cli.model.schemas import Range
from footprint_cli.uncertainty import MonteCarlo

DATA = Path(__file__).parent / "data"
DRAWS = 4000


@st.composite
def ranges(draw: st.DrawFn) -> Range:
    central = draw(st.floats(1e-3, 1e3))
    below = draw(st.sampled_from([0.0, 1.0]) | st.floats(0.01, 0.99))  # 0: the value is the low bound
    above = draw(st.sampled_from([0.0, 1.0]) | st.floats(0.01, 20.0))  # 20: skewed as the chain legs are
    return Range(central=central, low=central * (1 - below), high=central * (1 + above))


@settings(max_examples=60, deadline=None)
@given(r=ranges(), seed=st.integers(0, 2**32 - 1))
def test_the_published_value_is_the_median_of_its_draws(r, seed):
    draws = MonteCarlo(DRAWS, seed).value("factor", r)
    assert r.low <= draws.min() and draws.max() <= r.high
    # P(draw < central) = 1/2 exactly when the range extends below it, 0 when central is the low
    # bound; symmetrically above. Four binomial standard errors of sampling tolerance.
    tol = 4 * np.sqrt(0.25 / DRAWS)
    below, above = np.mean(draws < r.central), np.mean(draws > r.central)
    if r.high == r.low:
        assert below == above == 0
        return
    assert below == pytest.approx(0.5 if r.low < r.central else 0.0, abs=tol)
    assert above == pytest.approx(0.5 if r.central < r.high else 0.0, abs=tol)


def test_each_half_is_a_triangle_peaking_at_the_published_value():
    # the quartiles of a triangle on [low, c] rising to c: c - (c - low)(1 - sqrt(1/2)); above alike
    r = Range(central=0.287, low=0.249, high=0.775)  # the refrigerated rigid truck's skew
    draws = MonteCarlo(200_000, 1).value("mode:road_rigid_reefer", r)
    q1, q3 = np.percentile(draws, [25, 75])
    assert q1 == pytest.approx(r.central - (r.central - r.low) * (1 - np.sqrt(0.5)), rel=2e-3)
    assert q3 == pytest.approx(r.central + (r.high - r.central) * (1 - np.sqrt(0.5)), rel=5e-3)


def test_draws_are_reproducible_per_seed_and_key():
    r = Range(central=50.0, low=10.0, high=100.0)
    a = MonteCarlo(1000, 3).value("chain:collection_km", r)
    assert np.array_equal(a, MonteCarlo(1000, 3).value("chain:collection_km", r))
    assert not np.array_equal(a, MonteCarlo(1000, 4).value("chain:collection_km", r))


REPORT_FILES = sorted(
    p.name
    for p in DATA.iterdir()
    if p.suffix in (".csv", ".xlsx") and p.stem.startswith(("achats", "macantine"))
)
REPORT_FILES = [f for f in REPORT_FILES if not f.endswith(".masses.csv")]


def test_every_purchase_sample_is_checked():
    assert len(REPORT_FILES) >= 7, REPORT_FILES


@pytest.mark.parametrize("name", REPORT_FILES)
@pytest.mark.parametrize("month", [1, 3])
def test_a_report_total_lies_inside_its_own_interval(data, name, month):
    rep = compute_report(read_purchases(DATA / name), data, Catalog(data), month_default=month, draws=DRAWS)
    low, high = rep.interval_kg_co2e
    assert rep.total_kg_co2e > 0
    assert low <= rep.total_kg_co2e <= high, (name, rep.total_kg_co2e, rep.interval_kg_co2e)


@pytest.fixture(scope="module")
def options(data):
    """Every product with every origin that has data of its own for it (a calendar, a farm value or
    a price), plus France and a few origins the data knows nothing special about."""
    plain = ("DE", "MA", "AR", "US", "CN", "NZ")
    own = {k[1] for k in data.seasons} | {k[2] for k in data.variants} | {k[1] for k in data.prices}
    countries = sorted(c for c in own | set(plain) | {"FR"} if c in data.places)
    return [
        (pid, c) for pid, p in data.products.items() for c in (["FR"] if p.agribalyse_average else countries)
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pick=st.integers(0, 10**9), month=st.integers(1, 12))
def test_a_compared_option_lies_inside_its_own_interval(data, options, pick, month):
    product, origin = options[pick % len(options)]
    try:
        cmp = compare(data, [Scenario(product=product, origin=origin, month=month)], draws=2000)
    except FootprintError:
        return  # refused (not available that month, no road or port): nothing to check
    option = cmp.options[0]
    low, high = option.interval_kg_co2e
    assert low <= option.total_kg_co2e <= high, (product, origin, month, option.total_kg_co2e, (low, high))
