"""`footprint compare`: golden tables, the JSON interface, options."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import check_golden

from footprint_cli.cli import app
from footprint_cli.errors import InputError
from footprint_cli.vocabulary import parse_quantity

APPLE = ["compare", "apple", "--origin", "argentina", "--month", "4"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_golden_table(runner, lang):
    result = runner.invoke(app, [*APPLE, "--lang", lang])
    assert result.exit_code == 0, result.output
    check_golden(f"compare_apple_ar_april_{lang}.txt", result.output)


def test_golden_markdown(runner):
    result = runner.invoke(app, ["compare", "tomato", "-o", "ES", "-m", "1", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    check_golden("compare_tomato_es_january.md", result.output)


def test_json_interface(runner):
    result = runner.invoke(app, [*APPLE, "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    fr, ar = d["options"]
    for opt in (fr, ar):
        for key in (
            "product",
            "origin",
            "month",
            "quantity_kg",
            "stages",
            "legs",
            "total_kg_co2e",
            "interval_kg_co2e",
            "price_eur",
            "carbon_cost_eur",
            "flags",
        ):
            assert key in opt, key
        assert set(opt["stages"]) >= {"production", "storage", "transport", "packaging", "retail"}
        assert opt["total_kg_co2e"] == pytest.approx(sum(opt["stages"].values()), rel=1e-5)
        low, high = opt["interval_kg_co2e"]
        assert low <= opt["total_kg_co2e"] <= high
        for leg in opt["legs"]:
            assert set(leg) >= {"mode", "from", "to", "distance_km", "kg_co2e"}
    assert (fr["origin"], ar["origin"]) == ("FR", "AR")
    assert fr["month"] == 4 and fr["quantity_kg"] == 1.0
    assert [leg["mode"] for leg in ar["legs"]][1:-1] == ["road_reefer", "sea_reefer", "road_reefer"]
    assert fr["storage_months"] > 0 and fr["stages"]["storage"] > 0  # a French apple in April is stored
    comp = d["comparisons"][0]
    assert comp["option"] == 1 and comp["reference"] == 0 and 0.0 <= comp["prob_lower"] <= 1.0
    assert any(f["code"] == "production_proxy_origin" for f in ar["flags"])


def test_csv_output_has_one_row_per_option(runner):
    result = runner.invoke(app, [*APPLE, "--format", "csv", "--origin", "NZ"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["origin"] for r in rows] == ["FR", "AR", "NZ"]


def test_several_products_side_by_side(runner):
    result = runner.invoke(app, ["compare", "beef", "lentils", "chicken", "-m", "3", "-f", "json"])
    assert result.exit_code == 0, result.output
    opts = json.loads(result.output)["options"]
    assert [o["product"] for o in opts] == ["beef", "lentils", "chicken"]
    beef, lentils, chicken = (o["total_kg_co2e"] for o in opts)
    assert beef > 5 * chicken > lentils  # production dominates: AGRIBALYSE beef ~35, chicken ~5, lentils <1


def test_product_at_origin_syntax(runner):
    result = runner.invoke(app, ["compare", "pomme@france", "pomme@argentine", "-m", "10", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [o["origin"] for o in json.loads(result.output)["options"]] == ["FR", "AR"]


def test_mode_applies_to_imports_only(runner):
    result = runner.invoke(
        app, ["compare", "green_beans", "-o", "kenya", "--mode", "sea", "-m", "8", "-f", "json"]
    )
    fr, ke = json.loads(result.output)["options"]
    assert {leg["mode"] for leg in fr["legs"][1:-1]} == {"road_reefer"}  # between the chain's two ends
    assert "sea_reefer" in {leg["mode"] for leg in ke["legs"]}
    air = runner.invoke(app, ["compare", "green_beans", "-o", "kenya", "-m", "8", "-f", "json"])
    ke_air = json.loads(air.output)["options"][1]
    assert "air_long" in {leg["mode"] for leg in ke_air["legs"]}  # the usual route for Kenyan beans
    assert ke_air["total_kg_co2e"] > 10 * fr["total_kg_co2e"]


def test_carbon_price_option(runner):
    by_key = json.loads(runner.invoke(app, [*APPLE, "-f", "json", "--carbon-price", "ets-2025"]).output)
    assert by_key["options"][0]["carbon_price_eur_per_t"] == 75
    by_num = json.loads(runner.invoke(app, [*APPLE, "-f", "json", "--carbon-price", "100"]).output)
    opt = by_num["options"][1]
    assert opt["carbon_cost_eur"] == pytest.approx(opt["total_kg_co2e"] * 0.1, rel=1e-4)
    bad = runner.invoke(app, [*APPLE, "--carbon-price", "cheap"])
    assert bad.exit_code == 2 and "ets-2025" in bad.output


def test_not_grown_in_france_has_no_local_option(runner):
    result = runner.invoke(app, ["compare", "banana", "-o", "martinique", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [o["origin"] for o in json.loads(result.stdout)["options"]] == ["MQ"]
    alone = runner.invoke(app, ["compare", "banane"])
    assert alone.exit_code == 2 and "--origin" in alone.output


def test_html_sheet_is_written(runner, tmp_path):
    out = tmp_path / "sheet.html"
    result = runner.invoke(app, [*APPLE, "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("<svg") >= 1


@pytest.mark.parametrize(("text", "kg"), [("1kg", 1.0), ("500 g", 0.5), ("0,5t", 500.0), ("3pc", 0.45)])
def test_parse_quantity(text, kg):
    assert parse_quantity(text, piece_kg=0.15) == pytest.approx(kg)


@pytest.mark.parametrize("text", ["", "kg", "-1kg", "3 boxes", "0kg", "2", "200"])
def test_parse_quantity_rejects(text):
    with pytest.raises(InputError):
        parse_quantity(text, piece_kg=0.15)


def test_pieces_need_a_piece_mass(runner):
    result = runner.invoke(app, ["compare", "lentils", "-q", "3pc"])
    assert result.exit_code == 2
    assert "piece" in result.output


def test_flags_in_french_use_decimal_commas(runner):
    """A proxy's widening factor and range read ×1,22 (de 0,0578 à …) in French, not 1.22."""
    args = ["compare", "pomme", "-o", "argentine", "-m", "11", "--draws", "300", "-f", "json"]
    fr = json.loads(runner.invoke(app, [*args, "--lang", "fr"]).output)
    en = json.loads(runner.invoke(app, [*args, "--lang", "en"]).output)
    proxy_fr = [f for o in fr["options"] for f in o["flags"] if f["code"] == "production_proxy_origin"]
    proxy_en = [f for o in en["options"] for f in o["flags"] if f["code"] == "production_proxy_origin"]
    assert proxy_fr and proxy_en
    for flag_fr, flag_en in zip(proxy_fr, proxy_en, strict=True):
        for key in ("factor", "low", "high"):
            assert str(flag_fr[key]).replace(".", ",") in flag_fr["text"], (key, flag_fr["text"])
            assert str(flag_en[key]) in flag_en["text"]
        assert not re.search(r"\d\.\d", flag_fr["text"]), flag_fr["text"]


def test_a_product_not_grown_in_france_without_origin_says_why(runner):
    result = runner.invoke(app, ["compare", "banane", "--lang", "fr"])
    assert result.exit_code == 2, result.output
    assert "pas de production en France métropolitaine" in result.output
    assert "--origin" in result.output
    # a product France grows, with the local option turned off, is simply "nothing to compare"
    result = runner.invoke(app, ["compare", "pomme", "--no-local", "--lang", "fr"])
    assert result.exit_code == 2 and "métropolitaine" not in result.output


def test_a_production_system_flag_names_the_system_in_french(runner):
    args = [
        "compare",
        "pomme",
        "-o",
        "nouvelle-zelande",
        "-m",
        "6",
        "--system",
        "bio",
        "--draws",
        "300",
        "-f",
        "json",
    ]
    data = json.loads(runner.invoke(app, [*args, "--lang", "fr"]).output)
    texts = [f["text"] for o in data["options"] for f in o["flags"] if f["code"] == "system_no_data"]
    assert texts, "an organic apple has no data of its own: the flag must be there"
    assert all("« biologique »" in x and "organic" not in x for x in texts), texts
