"""The model: arithmetic properties, season logic, correlated uncertainty, cross-checks."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.catalog import Catalog
from footprint_cli.engine import STAGES, Recorder, Sampler, Scenario, compare, compute, evaluate, resolve
from footprint_cli.errors import InputError, UnknownNameError
from footprint_cli.season import months_since_harvest

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def catalog(data):
    return Catalog(data)


def test_total_is_the_sum_of_the_stages_and_transport_of_the_legs(data):
    r = compute(data, Scenario("apple", "AR", 4), draws=500)
    assert r.total_kg_co2e == pytest.approx(sum(r.stages.values()))
    assert r.stages["transport"] == pytest.approx(sum(leg.kg_co2e for leg in r.legs))
    assert set(r.stages) == set(STAGES)


@FAST
@given(q=st.floats(min_value=0.01, max_value=10_000), month=st.integers(1, 12))
def test_results_scale_linearly_with_quantity(data, q, month):
    one = compute(data, Scenario("apple", "AR", month), draws=200)
    many = compute(data, Scenario("apple", "AR", month, quantity_kg=q), draws=200)
    assert many.total_kg_co2e == pytest.approx(q * one.total_kg_co2e, rel=1e-9)
    assert many.price_eur == pytest.approx(q * one.price_eur, rel=1e-9)
    for stage in STAGES:
        assert many.stages[stage] == pytest.approx(q * one.stages[stage], rel=1e-9, abs=1e-12)


@FAST
@given(d1=st.floats(0.0, 20.0), d2=st.floats(0.0, 20.0))
def test_transport_grows_with_distance(data, catalog, d1, d2):
    """Moving the origin further from the destination along a meridian never lowers transport."""
    base = data.places["FR-RUNGIS"]

    def transport(offset_deg: float) -> float:
        origin = dataclasses.replace(base, lat=base.lat - offset_deg, code="X")
        r = resolve(data, catalog, Scenario("apple", "FR", 9))
        r = type(r)(**{**r.__dict__, "origin": origin, "main_mode": "road"})
        stages, _ = evaluate(data, r, Sampler(), Recorder())
        return stages["transport"]

    lo, hi = sorted((d1, d2))
    assert transport(lo) <= transport(hi) + 1e-12


@FAST
@given(seed=st.integers(0, 2**31 - 1))
def test_a_fixed_seed_gives_the_same_interval(data, seed):
    a = compute(data, Scenario("apple", "AR", 4), draws=300, seed=seed)
    b = compute(data, Scenario("apple", "AR", 4), draws=300, seed=seed)
    assert a.interval_kg_co2e == b.interval_kg_co2e
    low, high = a.interval_kg_co2e
    assert 0 < low < high < 10 * a.total_kg_co2e
    # the seed is what fixes the draws: another seed gives another interval
    other = compute(data, Scenario("apple", "AR", 4), draws=300, seed=seed + 1)
    assert other.interval_kg_co2e != a.interval_kg_co2e


def test_interval_brackets_the_central_value(data):
    r = compute(data, Scenario("beef", "FR", 6))
    low, high = r.interval_kg_co2e
    assert low < r.total_kg_co2e < high


def test_shared_factors_make_comparisons_correlated(data):
    """The same product from the same place twice: identical draws, never strictly lower."""
    c = compare(data, [Scenario("apple", "FR", 9), Scenario("apple", "FR", 9)], draws=2000)
    assert c.prob_lower_than_first[1] == 0.0
    assert c.options[0].interval_kg_co2e == c.options[1].interval_kg_co2e


def test_argentine_apple_is_flagged_as_a_proxy_and_local_wins_in_autumn(data):
    c = compare(data, [Scenario("apple", "FR", 10), Scenario("apple", "AR", 10)])
    fr, ar = c.options
    assert "production_proxy_origin" in {f.code for f in ar.flags}
    assert [leg.mode for leg in ar.legs][1:-1] == ["road_reefer", "sea_reefer", "road_reefer"]
    sea = ar.legs[2]
    assert 10_500 < sea.distance_km < 12_500  # Buenos Aires -> Le Havre / Rotterdam by sea route
    assert c.prob_lower_than_first[1] < 0.05
    assert fr.total_kg_co2e < ar.total_kg_co2e


def test_heated_greenhouse_tomato_in_january_loses_to_spanish_truck(data):
    """Published orders of magnitude: French heated tomato ~1.3 kg CO2e/kg at the platform
    (CTIFL PERTOMCO) and 2.11 at the plate (AGRIBALYSE 20047_3); Spanish tomato at a Vienna
    supermarket 0.76 (Theurl et al. 2014): the heated one must be higher, with confidence."""
    c = compare(data, [Scenario("tomato", "FR", 1), Scenario("tomato", "ES", 1)])
    fr, es = c.options
    assert fr.system == "heated_greenhouse"
    assert 1.2 <= fr.total_kg_co2e <= 2.5
    assert 0.25 <= es.total_kg_co2e <= 1.0
    assert c.prob_lower_than_first[1] > 0.95


def test_forced_system_and_mode(data):
    r = compute(data, Scenario("tomato", "FR", 7, system="heated_greenhouse"))
    assert r.system == "heated_greenhouse"
    assert r.stages["production"] == pytest.approx(
        data.variants[("tomato", "heated_greenhouse", "FR")].kg_co2e_per_kg.central
    )
    air = compute(data, Scenario("apple", "AR", 4, mode="air"))
    assert any(leg.mode == "air_long" for leg in air.legs)
    assert air.total_kg_co2e > compute(data, Scenario("apple", "AR", 4)).total_kg_co2e * 5


def test_carbon_cost_uses_the_carbon_price(data):
    r = compute(data, Scenario("beef", "FR", 3), carbon_price=100)
    assert r.carbon_cost_eur == pytest.approx(r.total_kg_co2e * 0.1)
    default = compute(data, Scenario("beef", "FR", 3))
    assert default.carbon_price_key == data.factors.default_carbon_price
    with pytest.raises(InputError):
        compute(data, Scenario("beef", "FR", 3), carbon_price="lots")


def test_bad_scenarios_are_input_errors(data):
    with pytest.raises(InputError):
        Scenario("apple", "FR", 13)
    with pytest.raises(InputError):
        Scenario("apple", "FR", 1, quantity_kg=0)
    with pytest.raises(UnknownNameError) as err:
        compute(data, Scenario("appel", "FR", 1))
    assert err.value.suggestions and err.value.suggestions[0].startswith("apple")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pomme", "apple"),
        ("Apple", "apple"),
        ("POMMES", "apple"),
        ("bœuf", "beef"),
        ("boeuf", "beef"),
        ("Tomates", "tomato"),
    ],
)
def test_product_names_in_french_and_english(catalog, name, expected):
    assert catalog.product(name).id == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("argentine", "AR"),
        ("Argentina", "AR"),
        ("AR", "AR"),
        ("arg", "AR"),
        ("ARG", "AR"),
        ("espagne", "ES"),
        ("España", "ES"),
        ("france", "FR"),
    ],
)
def test_place_names(catalog, name, expected):
    assert catalog.place(name).code == expected


@pytest.mark.parametrize("name", ["mars", "args", "esps"])
def test_a_plural_is_not_folded_into_a_country_code(catalog, name):
    """ "mars" (a month) is not the plural of "MAR", Morocco's ISO code: no silent match."""
    with pytest.raises(UnknownNameError):
        catalog.place(name)


@pytest.mark.parametrize(
    ("month", "harvest", "expected"),
    [
        (4, {8, 9, 10}, 6),
        (9, {8, 9, 10}, 0),
        (1, {11}, 2),
        (11, {11}, 0),
        (3, {2, 3, 4, 5}, 0),
        (10, {2, 3, 4, 5}, 5),
    ],
)
def test_months_since_harvest(month, harvest, expected):
    assert months_since_harvest(month, frozenset(harvest)) == expected


def test_mango_by_air_and_by_sea_against_agribalyse(data):
    """AGRIBALYSE 3.2 gives the transport stage of imported mango: 11.4 kg CO2e/kg by plane
    (13025_2) and 0.472 by boat (13025_1), French-market averages including distribution in
    France. Our leg-by-leg figures from Peru must land in the same range."""
    air = compute(data, Scenario("mango", "PE", 12, mode="air"), draws=500)
    sea = compute(data, Scenario("mango", "PE", 12), draws=500)
    assert 0.75 * 11.4 <= air.stages["transport"] <= 1.25 * 11.4
    assert 0.3 * 0.472 <= sea.stages["transport"] <= 1.5 * 0.472
    assert air.stages["transport"] > 15 * sea.stages["transport"]  # AGRIBALYSE: 11.4 / 0.472 = 24


def test_corsica_crosses_by_ferry(data):
    r = compute(data, Scenario("tomato", "2A", 7), draws=300)
    assert [leg.mode for leg in r.legs][1:2] == ["ferry"]  # after the farm -> packing leg
    assert 300 < r.legs[1].distance_km < 450  # Ajaccio -> Marseille-Fos by sea route
    assert r.legs[-2].mode == "road_reefer"


def test_no_truck_across_an_ocean(data):
    r = compute(data, Scenario("strawberry", "NZ", 1), draws=300)
    assert any(leg.mode == "sea_reefer" for leg in r.legs)
    with pytest.raises(InputError):
        compute(data, Scenario("apple", "AR", 4, mode="road"), draws=300)


def test_destination_must_be_in_mainland_france(data):
    with pytest.raises(InputError):
        compute(data, Scenario("banana", "MQ", 2, destination="972"), draws=300)


def test_origin_without_a_calendar_borrows_the_french_one(data):
    """Spanish apples have no calendar of their own: the French one is used and flagged,
    rather than calling them fresh all year."""
    r = compute(data, Scenario("apple", "ES", 5), draws=300)
    assert r.season.status == "cold_storage" and r.storage_months > 0
    assert "season_proxy" in {f.code for f in r.flags}


def test_forcing_a_system_keeps_cold_storage(data):
    plain = compute(data, Scenario("apple", "FR", 4), draws=300)
    forced = compute(data, Scenario("apple", "FR", 4, system="conventional"), draws=300)
    assert plain.stages["storage"] > 0
    assert forced.stages["storage"] == pytest.approx(plain.stages["storage"])


def test_a_harvest_month_is_fresh_even_outside_the_market_calendar(data):
    """Beetroot is harvested July-October; Impact CO2 lists it in season in winter only.
    In August it is fresh from the field, not 0 months out of cold storage."""
    r = compute(data, Scenario("beetroot", "FR", 8), draws=300)
    assert r.season.status == "in_season" and r.storage_months == 0


def test_frozen_or_canned_has_no_season(data):
    r = compute(data, Scenario("green_beans", "FR", 1, preserved=True), draws=300)
    assert r.season.status == "preserved" and r.storage_months == 0
    assert "preserved_form" in {f.code for f in r.flags}
    # fresh French green beans in January do not exist: refused, with the origins that have some
    with pytest.raises(InputError) as exc:
        compute(data, Scenario("green_beans", "FR", 1), draws=300)
    assert exc.value.key == "err.unavailable"


def test_the_engine_package_exports_each_name_from_its_module():
    """Every name ``footprint_cli.engine`` lists resolves (the batch ones on first use), the
    functions ``compare`` and ``evaluate`` are not shadowed by their modules, and a comparison
    does not load the batch module."""
    import subprocess
    import sys

    import footprint_cli.engine as engine

    for name in engine.__all__:
        assert getattr(engine, name) is not None
    assert callable(engine.compare) and callable(engine.evaluate)
    code = "import sys; from footprint_cli.engine import compare; print('footprint_cli.engine.batch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_evaluate_many_gives_each_scenario_the_figures_compare_gives_it(data, catalog):
    """The batch API (the report's) and ``compute`` agree: central stages and total, the flags
    (before the price flags, which only ``compare`` sets), and the Monte Carlo interval from the
    same seed. Scenarios with the same arithmetic share one canonical calculation."""
    from footprint_cli.engine import MonteCarlo, evaluate_many

    scenarios = [
        Scenario("apple", "AR", 4),
        Scenario("apple", "AR", 5),
        Scenario("apple", "FR", 4),
        Scenario("tomato", "ES", 1),
        Scenario("green_beans", "KE", 8, mode="air"),
    ]
    mc = MonteCarlo(300, 7)
    batch, entries = evaluate_many(data, [resolve(data, catalog, s) for s in scenarios], mc)
    assert len(entries) == len(scenarios) and len(batch.central) <= len(scenarios)

    def not_price(flags):
        return [f for f in flags if not f.code.startswith("price_")]

    for s, e in zip(scenarios, entries, strict=True):
        r = compute(data, s, draws=300, seed=7)
        c = batch.central[e.canon]
        assert c.total == pytest.approx(r.total_kg_co2e, rel=1e-12)
        assert c.stages == pytest.approx(r.stages, rel=1e-12)
        assert not_price(e.flags) == not_price(r.flags)
        assert mc.interval(batch.draws(e.canon)) == pytest.approx(r.interval_kg_co2e, rel=1e-12)


def test_the_trace_holds_every_stage_leg_and_factor_of_the_result(data):
    r = compute(data, Scenario("apple", "FR", 4, quantity_kg=2.5), draws=200)
    tr = r.trace
    assert tr is not None and tr.quantity_kg == 2.5
    assert [s.stage for s in tr.steps] == list(STAGES)
    for s in tr.steps:
        assert s.kg_co2e == r.stages[s.stage]
    assert len(tr.legs) == len(r.legs)
    for lt, leg in zip(tr.legs, r.legs, strict=True):
        assert (lt.distance_km, lt.kg_co2e) == (leg.distance_km, leg.kg_co2e)
        assert lt.factors[0].key == f"mode:{leg.mode}"
    traced = {f.key for s in tr.steps for f in s.factors}
    assert traced == {f.key for f in r.factors}
    assert r.storage_months > 0  # French apples in April come out of cold storage
    st = tr.step("storage").quantities
    assert st["months"] == r.storage_months
    assert st["kwh"] * tr.step("storage").factors[1].value / 1000 == pytest.approx(r.stages["storage"])
