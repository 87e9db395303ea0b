"""`footprint season`: the month-by-month calendar (in season, cold storage, heated greenhouse, imported)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from footprint_cli.calendar import importers, product_calendar, products_for
from footprint_cli.cli import app
from footprint_cli.store import load_dataset

SEASONS_HEADER = "product,origin,months,harvest_months,heated_greenhouse_off_season,source,source_id\n"


@pytest.fixture()
def overlay(tmp_path):
    """French apples harvested September-October, sold until May; Chilean apples March-July."""
    (tmp_path / "seasons.csv").write_text(
        SEASONS_HEADER
        + "apple,FR,1-5|9-12,9-10,false,impactco2-2026,test overlay\n"
        + "apple,CL,3-7,,false,footprint-seasons-2026,test overlay\n",
        encoding="utf-8",
    )
    return tmp_path


def test_apple_cold_storage_in_spring(overlay):
    data = load_dataset([overlay])
    apple, fr = data.products["apple"], data.places["FR"]
    cal = product_calendar(data, apple, fr)
    assert [c.month for c in cal.months] == list(range(1, 13))
    status = {c.month: c for c in cal.months}
    assert status[9].status == status[10].status == "in_season"
    for month in (3, 4, 5):
        assert status[month].status == "cold_storage", month
    assert status[4].storage_months == 6  # stored since October
    assert "CL" in status[4].imported_from
    assert importers(data, apple, fr, 6)[:1] == ("CL",)
    assert "FR" not in importers(data, apple, fr, 10)


def test_imported_cells_name_real_origins(data):
    fr = data.places["FR"]
    seen_imported = False
    for p in products_for(data):
        for cell in product_calendar(data, p, fr).months:
            if cell.status == "imported":
                seen_imported = True
                assert cell.imported_from
            for code in cell.imported_from:
                assert cell.month in data.seasons[(p.id, code)].months
    assert seen_imported


def test_categories(data):
    fruits = products_for(data, ["fruit"])
    assert fruits and all(p.category == "fruit" for p in fruits)
    assert all(p.category == "vegetable" for p in products_for(data, ["vegetable"]))


def test_cli_season_apple_table(runner, overlay):
    result = runner.invoke(app, ["season", "apple", "--data", str(overlay)])
    assert result.exit_code == 0, result.output
    assert "Apple" in result.output and "Apr" in result.output
    assert "❄" in result.output and "●" in result.output
    row = next(line for line in result.output.splitlines() if line.startswith("Apple"))
    assert row.split()[1:6] == ["❄"] * 5  # January to May from cold storage


def test_cli_season_json_csv_markdown(runner, overlay):
    result = runner.invoke(app, ["season", "apple", "--format", "json", "--data", str(overlay)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    months = doc["products"][0]["months"]
    assert len(months) == 12 and months[3]["status"] == "cold_storage" and months[3]["storage_months"] == 6
    result = runner.invoke(app, ["season", "apple", "-f", "csv", "--data", str(overlay)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 12 and rows[0]["status"] == "cold_storage"
    result = runner.invoke(app, ["season", "apple", "-f", "markdown", "--data", str(overlay)])
    assert result.exit_code == 0, result.output
    assert "| Apple | ❄ |" in result.output


def test_cli_season_french_category(runner):
    result = runner.invoke(app, ["season", "--category", "vegetable", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Calendrier" in result.output and "avr" in result.output and "août" in result.output
    assert "Tomate" in result.output
    assert "Abricot" not in result.output
    assert "serre chauffée" in result.output


def test_cli_season_all_fruits_and_vegetables(runner):
    result = runner.invoke(app, ["season", "-f", "json"])
    assert result.exit_code == 0, result.output
    cats = {p["category"] for p in json.loads(result.output)["products"]}
    assert cats == {"fruit", "vegetable"}


def test_cli_season_other_origin(runner):
    result = runner.invoke(app, ["season", "tomato", "--origin", "spain", "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["origin"] == "ES"
    assert doc["products"][0]["months"][0]["status"] == "in_season"


def test_cli_season_unknown_product(runner):
    result = runner.invoke(app, ["season", "tomatoe_x"])
    assert result.exit_code == 2
