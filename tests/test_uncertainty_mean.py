"""The published value is the mean of every factor's draws, so a total computed with the published
figures sits at the centre of its draws, however many independent factors it adds up."""

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
def test_the_published_value_is_the_mean_of_its_draws(r, seed):
    draws = MonteCarlo(DRAWS, seed).value("factor", r)
    assert r.low <= draws.min() and draws.max() <= r.high
    if r.low in (r.central, r.high):
        # no spread on one side: the only distribution on [central, high] whose mean is central is
        # the point mass at central (and symmetrically)
        assert np.all(draws == r.central)
        return
    # the exact standard deviation of the split triangular (second moment of each triangle), so
    # the tolerance is four standard errors of the mean whatever the skew
    a, c, b = r.low, r.central, r.high
    p = (b - c) / (b - a)
    second = p * (a * a + 2 * a * c + 3 * c * c) / 6 + (1 - p) * (b * b + 2 * b * c + 3 * c * c) / 6
    sd = np.sqrt(max(second - c * c, 0.0))
    assert draws.mean() == pytest.approx(c, abs=4 * sd / np.sqrt(DRAWS) + 1e-12 * c)
    # the share below the published value is (high - central) / (high - low)
    assert np.mean(draws < c) == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / DRAWS) + 1e-9)


def test_a_skewed_factor_has_most_draws_below_its_published_value():
    # the refrigerated rigid truck: (0.775 - 0.287) / (0.775 - 0.249) = 93 % of draws below 0.287,
    # each side a triangle peaking at it (its quantiles follow the CDF p ((x - low) / (c - low))²)
    r = Range(central=0.28682, low=0.24873, high=0.77506)
    draws = MonteCarlo(200_000, 1).value("mode:road_rigid_reefer", r)
    p = (r.high - r.central) / (r.high - r.low)
    assert p == pytest.approx(0.9276, abs=1e-4)
    assert np.mean(draws < r.central) == pytest.approx(p, abs=3e-3)
    assert draws.mean() == pytest.approx(r.central, rel=2e-3)
    q = np.percentile(draws, 50)
    assert q == pytest.approx(r.central - (r.central - r.low) * (1 - np.sqrt(0.5 / p)), rel=2e-3)


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


def test_a_regional_roll_up_of_independent_imports_lies_inside_its_interval(data, tmp_path):
    """1,000 equal lines, each a random product from a random foreign country, so nearly every line
    has a production proxy of its own, drawn independently: the total of many independent skewed
    factors goes to the sum of their means, which is the printed central value only when the
    published value is each factor's mean (with it as the median: 0.2th percentile, outside)."""
    rng = np.random.default_rng(20261129)
    products = sorted(pid for pid, p in data.products.items() if not p.agribalyse_average)
    countries = sorted(c for c, pl in data.places.items() if pl.kind == "country" and c != "FR")
    rows = ["Produit;Quantité;Unité;Montant HT;Origine;Date"]
    for _ in range(1000):
        p, c = data.products[rng.choice(products)], data.places[rng.choice(countries)]
        rows.append(f"{p.name_fr};10;kg;30,00;{c.name_fr};15/03/2026")
    path = tmp_path / "achats_region.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    rep = compute_report(read_purchases(path), data, Catalog(data), month_default=3, draws=DRAWS)
    assert rep.rows_computed >= 500, rep.rows_computed
    low, high = rep.interval_kg_co2e
    assert low <= rep.total_kg_co2e <= high, (rep.total_kg_co2e, rep.interval_kg_co2e)
