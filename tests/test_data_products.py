"""Checks of the shipped product data (products, production variants, seasons, routes).

The reference files in /work/shared/reference (``Path(__file__).parents[2] / "shared" /
"reference"``) are optional: the tests that compare against them skip cleanly when absent.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from footprint_cli.store import load_dataset

REPO = Path(__file__).resolve().parents[1]
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
AGB_DETAIL = REFERENCE / "agribalyse-3.2" / "agribalyse-31-detail-par-etape.csv"
STAGE_COLUMNS = {
    "production_kg_co2e_per_kg": "Changement climatique - Agriculture",
    "processing_kg_co2e_per_kg": "Changement climatique - Transformation",
    "packaging_kg_co2e_per_kg": "Changement climatique - Emballage",
    "retail_kg_co2e_per_kg": "Changement climatique - Supermarché et distribution",
}
STAGES = tuple(STAGE_COLUMNS)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def agribalyse() -> dict[str, dict[str, str]]:
    if not AGB_DETAIL.is_file():
        pytest.skip(f"AGRIBALYSE reference file not present at {AGB_DETAIL}")
    with AGB_DETAIL.open(encoding="utf-8-sig", newline="") as fh:
        return {row["Code AGB"].strip().lstrip("0"): row for row in csv.DictReader(fh)}


def close(a: float, b: float) -> bool:
    """Equal within the 4-significant-digit rounding of the build script."""
    return a == pytest.approx(b, rel=1e-3, abs=1e-9)


# ---------------------------------------------------------------- products


def test_enough_products_with_both_names(ds):
    assert len(ds.products) >= 80
    for p in ds.products.values():
        assert p.name_fr.strip() and p.name_en.strip(), p.id
        assert p.aliases, f"{p.id} has no alias"


def test_expected_staples_are_present(ds):
    for pid in (
        "apple",
        "tomato",
        "green_beans",
        "banana",
        "beef",
        "milk",
        "lentils",
        "baguette",
        "egg",
        "salmon",
    ):
        assert pid in ds.products, pid


def test_every_factor_is_sourced_and_ordered(ds):
    sources = ds.factors.sources
    for p in ds.products.values():
        assert p.factor_source.id in sources, p.id
        assert p.factor_source.identifier.startswith(p.agb_code or "?"), p.id
        for stage in STAGES:
            r = getattr(p, stage)
            assert 0 <= r.low <= r.central <= r.high, (p.id, stage)
            if r.central > 0:
                assert r.low < r.central < r.high, f"{p.id} {stage}: a non-zero factor needs a real range"
            else:
                assert r.low == r.high == 0, (p.id, stage)


def test_french_production_matches_agribalyse(ds, agribalyse):
    for p in ds.products.values():
        row = agribalyse.get(p.agb_code)
        assert row is not None, f"{p.id}: code {p.agb_code} not in AGRIBALYSE"
        for stage, col in STAGE_COLUMNS.items():
            assert close(getattr(p, stage).central, float(row[col])), (p.id, stage, row[col])


def test_ranges_follow_the_dqr_mapping(ds, agribalyse):
    for p in ds.products.values():
        k = 1 + 0.15 * float(agribalyse[p.agb_code]["DQR - Global"])
        r = p.production_kg_co2e_per_kg
        if r.central:
            assert close(r.low, r.central / k) and close(r.high, r.central * k), p.id


def test_transport_and_consumption_stages_are_not_counted(ds, agribalyse):
    # apple: AGRIBALYSE total 0.408 with transport 0.262; the shipped stages must not hold it
    apple = ds.products["apple"]
    shipped = sum(getattr(apple, s).central for s in STAGES)
    row = agribalyse["13039"]
    transport = float(row["Changement climatique - Transport"])
    assert transport > 0.2
    assert shipped < 0.2


def test_agribalyse_averages_carry_every_published_stage(ds, agribalyse):
    """Processed foods and dishes keep AGRIBALYSE's own transport stage (origin not modelled);
    raw products leave it out (footprint models their legs)."""
    averages = [p for p in ds.products.values() if p.agribalyse_average]
    assert len(averages) >= 100
    for p in averages:
        row = agribalyse[p.agb_code]
        assert p.transport_kg_co2e_per_kg is not None, p.id
        assert close(p.transport_kg_co2e_per_kg.central, float(row["Changement climatique - Transport"])), (
            p.id
        )
        assert close(
            p.processing_kg_co2e_per_kg.central, float(row["Changement climatique - Transformation"])
        )
        assert p.price_estimated and p.price_source.proxy, p.id
        if p.form_of:
            assert p.form_of in ds.products and not ds.products[p.form_of].agribalyse_average, p.id
    for pid in (
        "apple_compote",
        "beef_bourguignon",
        "hachis_parmentier",
        "rice_pudding",
        "salt",
        "green_beans_frozen",
    ):
        assert ds.products[pid].agribalyse_average, pid
    assert ds.products["apple"].transport_kg_co2e_per_kg is None


# ---------------------------------------------------------------- prices


def test_prices_present_ranged_and_sourced(ds):
    sources = ds.factors.sources
    for p in ds.products.values():
        pr = p.price_eur_per_kg
        assert pr.central > 0, p.id
        assert pr.low <= pr.central <= pr.high and pr.low < pr.high, p.id
        assert p.price_source.id in sources, p.id
        assert p.price_source.identifier, p.id
        if p.price_source.id == "footprint-prices-2026":
            assert p.price_estimated and p.price_source.proxy, f"{p.id}: estimates must be flagged"
            assert p.price_source.identifier.startswith("estimate:"), p.id


def test_insee_prices_match_reference(ds):
    path = REFERENCE / "insee-prix" / "prix-insee.json"
    if not path.is_file():
        pytest.skip("INSEE reference file absent")
    items = {i["idbank"]: i for i in json.loads(path.read_text(encoding="utf-8"))["items"]}
    checked = 0
    for p in ds.products.values():
        if p.price_source.id != "insee-bdm-2026":
            continue
        item = items[p.price_source.identifier.split()[0]]
        expected = item["price"] / (p.piece_kg if item["perUnit"] == "pc" else 1)
        assert close(p.price_eur_per_kg.central, expected), p.id
        assert p.price_period == item["period"]
        assert p.price_estimated == (item["perUnit"] == "pc"), p.id
        checked += 1
    assert checked >= 15


# ---------------------------------------------------------------- variants


def test_variants_sourced_ranged_and_known(ds):
    sources = ds.factors.sources
    assert ds.variants
    for key, v in ds.variants.items():
        assert v.product in ds.products, key
        assert v.source.id in sources, key
        r = v.kg_co2e_per_kg
        assert 0 < r.low < r.central < r.high, key


def test_heated_greenhouse_costs_more(ds):
    v = ds.variants
    heated = v[("tomato", "heated_greenhouse", "FR")].kg_co2e_per_kg.central
    unheated = v[("tomato", "unheated_greenhouse", "FR")].kg_co2e_per_kg.central
    assert heated > 5 * unheated
    assert (
        v[("strawberry", "heated_greenhouse", "FR")].kg_co2e_per_kg.central
        > 5 * ds.products["strawberry"].production_kg_co2e_per_kg.central
    )


def test_agribalyse_variants_match_reference(ds, agribalyse):
    n = 0
    for v in ds.variants.values():
        if v.source.id == "agribalyse-3.2":
            code = v.source.identifier.split()[0]
            assert close(
                v.kg_co2e_per_kg.central, float(agribalyse[code]["Changement climatique - Agriculture"])
            )
            n += 1
    assert n >= 2


def test_no_ecoinvent_derived_variant(ds):
    for v in ds.variants.values():
        text = f"{v.source.identifier} {v.note or ''}".lower()
        assert "ecoinvent" not in text and "wfldb" not in text, v


# ---------------------------------------------------------------- seasons and routes


def test_every_fruit_and_vegetable_has_a_french_season(ds):
    """Produce grown in mainland France has a French calendar; tropical produce has none
    (Impact CO2 lists it "all year" because it is on the market, not because it grows here)."""
    for p in ds.products.values():
        if p.category in ("fruit", "vegetable") and not p.agribalyse_average:
            s = ds.seasons.get((p.id, "FR"))
            if p.grown_in_france:
                assert s is not None, f"{p.id} has no French season row"
                assert s.months, p.id
            else:
                assert s is None, f"{p.id} is not grown in France but has a French season row"


def test_french_seasons_match_impactco2(ds):
    path = REFERENCE / "impactco2" / "fruitsetlegumes.json"
    if not path.is_file():
        pytest.skip("Impact CO2 reference file absent")
    months = {e["slug"]: {m + 1 for m in e["months"]} for e in json.loads(path.read_text(encoding="utf-8"))}
    assert ds.seasons[("apple", "FR")].months == months["pomme"] == {1, 2, 3, 4, 8, 9, 10, 11, 12}
    for (pid, origin), s in ds.seasons.items():
        if origin == "FR" and s.source.id == "impactco2-2026":
            slug = s.source.identifier.split()[1]
            assert s.months == months[slug], pid
    assert ds.seasons[("tomato", "FR")].heated_greenhouse_off_season


def test_routes(ds):
    assert ds.routes[("*", "*")].mode == "sea"
    assert ds.routes[("mango", "*")].mode == "sea"
    assert ds.routes[("strawberry", "ES")].mode == "road"
    assert ("strawberry", "*") not in ds.routes  # road only where a truck can drive: ES, MA
    for r in ds.routes.values():
        assert r.source.id in ds.factors.sources


# ---------------------------------------------------------------- the build script


def test_build_script_reproduces_shipped_files(tmp_path):
    if not AGB_DETAIL.is_file():
        pytest.skip("reference files absent")
    spec = importlib.util.spec_from_file_location("build_products", REPO / "scripts" / "build_products.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_products"] = mod  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
    finally:
        sys.modules.pop("build_products", None)
    shutil.copy(REPO / "data" / "places.csv", tmp_path / "places.csv")
    mod.DATA = tmp_path
    mod.REPO = tmp_path.parent
    assert mod.main(["build_products.py", str(REFERENCE)]) == 0
    for name in ("products.csv", "production_variants.csv", "seasons.csv", "routes.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (REPO / "data" / name).read_text(
            encoding="utf-8"
        ), f"data/{name} is not what scripts/build_products.py produces; rerun it"
