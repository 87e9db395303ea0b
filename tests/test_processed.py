"""Processed foods and dishes: AGRIBALYSE averages, every stage as published, origin not modelled."""

from __future__ import annotations

import json

import pytest

from footprint_cli.cli import app
from footprint_cli.engine import Scenario, compute
from footprint_cli.store import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_average_uses_published_transport_and_no_legs(ds):
    p = ds.products["beef_bourguignon"]
    r = compute(ds, Scenario("beef_bourguignon", origin="AR"), draws=200)
    assert r.legs == ()
    assert r.stages["transport"] == pytest.approx(p.transport_kg_co2e_per_kg.central)
    assert r.stages["storage"] == 0 and r.stages["losses"] == 0
    expected = sum(
        getattr(p, f"{s}_kg_co2e_per_kg").central for s in ("production", "processing", "packaging", "retail")
    )
    assert r.total_kg_co2e == pytest.approx(expected + p.transport_kg_co2e_per_kg.central)
    codes = [f.code for f in r.flags]
    assert "origin_not_modelled" in codes
    assert "production_proxy_origin" not in codes and "mode_assumed" not in codes
    # the origin is not modelled: France and Argentina give the same figure
    assert compute(ds, Scenario("beef_bourguignon"), draws=200).total_kg_co2e == pytest.approx(
        r.total_kg_co2e
    )


def test_compare_compote_with_apple(runner):
    result = runner.invoke(app, ["compare", "compote de pommes", "apple", "--format", "json"])
    assert result.exit_code == 0, result.output
    options = json.loads(result.output)["options"]
    assert [o["product"]["id"] if isinstance(o["product"], dict) else o["product"] for o in options] == [
        "apple_compote",
        "apple",
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_and_explain_say_origin_not_modelled(runner, lang):
    show = runner.invoke(app, ["show", "hachis parmentier", "--lang", lang])
    assert show.exit_code == 0, show.output
    assert "25009" in show.output
    explain = runner.invoke(app, ["explain", "riz au lait", "--origin", "france", "--lang", lang])
    assert explain.exit_code == 0, explain.output
    word = "AGRIBALYSE"
    assert word in explain.output
    assert ("non modélisé" if lang == "fr" else "not modelled") in explain.output


def test_products_lists_processed_foods(runner):
    result = runner.invoke(app, ["products", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "apple_compote" in result.output and "green_beans_frozen" in result.output
