"""`products`, `origins`, `show`: the stable JSON interfaces and the listings."""

from __future__ import annotations

import json
import re

from footprint_cli.cli import app


def test_products_json_lists_at_least_80_with_both_names(runner):
    result = runner.invoke(app, ["products", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["products"]
    assert len(items) >= 80
    for it in items:
        assert it["id"] and it["name_en"] and it["name_fr"] and it["category"], it


def test_products_filters(runner):
    result = runner.invoke(app, ["products", "--category", "fruit", "--format", "json"])
    fruits = json.loads(result.output)["products"]
    assert fruits and {p["category"] for p in fruits} == {"fruit"}
    result = runner.invoke(app, ["products", "--search", "boeuf", "--format", "json"])
    assert "beef" in {p["id"] for p in json.loads(result.output)["products"]}
    bad = runner.invoke(app, ["products", "--category", "fruitz"])
    assert bad.exit_code == 2 and "unknown value" in bad.output and "viande/meat" in bad.output


def test_origins_json_lists_at_least_120_countries_with_both_names(runner):
    result = runner.invoke(app, ["origins", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["origins"]
    assert len(items) >= 120
    assert all(it["iso2"] and len(it["iso2"]) == 2 and it["name_en"] and it["name_fr"] for it in items)
    assert {"AR", "ES", "MA", "KE", "MQ", "RE"} <= {it["iso2"] for it in items}


def test_origins_search_and_kinds(runner):
    result = runner.invoke(
        app, ["origins", "--search", "finistere", "--kind", "department", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "FR-29" in result.output


def test_show_cites_every_source(runner):
    result = runner.invoke(app, ["show", "tomate", "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["product"]["id"] == "tomato"
    assert all("AGRIBALYSE" in v["source"] for v in d["stages"].values())
    assert any(v["system"] == "heated_greenhouse" for v in d["variants"])
    assert d["price"]["source"].startswith("INSEE")
    text = runner.invoke(app, ["show", "tomato", "--lang", "fr"]).output
    assert "serre chauffée" in text and "Prix" in text


def test_show_in_french_puts_a_space_before_each_colon(runner):
    result = runner.invoke(app, ["show", "pomme", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    starts = (
        "Production (ferme)",
        "Distribution et magasin",
        "  Source",
        "Prix de référence (août 2026",
        "  FR",
    )
    for start in starts:
        line = next(x for x in result.output.splitlines() if x.startswith(start))
        assert re.match(r"[^:]*[^ :] : ", line), line
    english = runner.invoke(app, ["show", "apple", "--lang", "en"]).output
    assert "\nProduction (farm gate): " in english
