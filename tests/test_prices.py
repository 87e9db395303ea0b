"""Prices by origin and month: published figures the shipped prices reproduce, and the outputs
that show them (the seed's euro question: a local apple against an Argentine one).

Sources of the figures below:
- INSEE, Prix moyens de vente de détail (IPC-PM-2015, monthly, 2021-04..2022-03) and the 2026-08
  observations (BDM series 000641367 Pommes, 000641429 Tomates);
- Familles Rurales, Observatoire des prix des fruits et légumes 2010 (shelf surveys July-August
  2010): 1 kg of apples grown in France 1.75 EUR, imported 2.04 EUR;
- CLCV, summer 2009 fruit and vegetable price survey (press release of 6 October 2009): French
  tomatoes 17 % dearer than imported ones.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.engine import Scenario, compare, compute
from footprint_cli.engine.evaluate import prices_in_month


def _codes(result) -> set[str]:
    return {f.code for f in result.flags}


# ---------------------------------------------------------------- published figures


def test_argentine_apple_carries_the_familles_rurales_import_premium(data):
    # 2.04 / 1.75 = 1.166: imported over French apples in the same shops and weeks
    c = compare(data, [Scenario("apple", "FR", 4), Scenario("apple", "AR", 4)], draws=200)
    fr, ar = c.options
    assert ar.price_eur / fr.price_eur == pytest.approx(2.04 / 1.75, rel=0.002)
    assert ar.price_range_eur[0] < fr.price_eur * 1.0 < ar.price_range_eur[1]  # the range allows no premium


def test_imported_tomatoes_are_17_percent_cheaper_than_the_french_price(data):
    # CLCV 2009: French tomatoes 17 % dearer than imported ones (Belgium, Netherlands, Spain)
    fr = compute(data, Scenario("tomato", "FR", 7), draws=200)
    for origin in ("ES", "MA", "NL", "BE"):
        other = compute(data, Scenario("tomato", origin, 7), draws=200)
        assert fr.price_eur / other.price_eur == pytest.approx(1.17, rel=0.002), origin
        assert "price_origin_estimated" in _codes(other)


def test_tomato_price_follows_the_insee_month(data):
    # INSEE Tomates (1 kg): 2022-01 3.71, 2021-08 3.34 EUR/kg; 2026-08 4.26 EUR/kg
    jan = compute(data, Scenario("tomato", "ES", 1), draws=200)
    aug = compute(data, Scenario("tomato", "FR", 8), draws=200)
    assert aug.price_eur == pytest.approx(4.26, abs=0.005)
    assert jan.price_eur == pytest.approx(3.71 * 4.26 / 3.34 / 1.17, rel=0.003)


def test_every_origin_price_names_a_registered_source_and_a_differential(data):
    rows = [row for row in data.prices.values() if row.origin != "*"]
    assert {row.product for row in rows} >= {"apple", "tomato"}
    for row in rows:
        assert row.estimated, row  # no origin quote is at hand: each one is an estimate
        assert row.differential is not None and 0.5 < row.differential < 1.5, row
        assert row.source.id in data.factors.sources and row.source.identifier, row
        assert row.eur_per_kg.low <= row.eur_per_kg.central <= row.eur_per_kg.high


# ---------------------------------------------------------------- the seed's example


def test_the_seed_example_prints_two_different_sourced_prices_in_french(runner):
    result = runner.invoke(app, ["compare", "apple", "--origin", "argentina", "--month", "4", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # the table wraps long notes
    prices = re.search(r"Prix (\d+,\d\d) € (\d+,\d\d) €", out)
    assert prices, out
    fr, ar = (float(x.replace(",", ".")) for x in prices.groups())
    assert fr != ar
    gap = re.search(r"Écart de prix avec n° 1 — \+(\d+,\d\d) €", out)
    assert gap and float(gap.group(1).replace(",", ".")) == pytest.approx(ar - fr, abs=0.011)
    # each price says what it is and where it comes from
    assert "[1] prix en avril : moyenne nationale toutes origines" in out
    assert "INSEE : 000641367 Pommes (1 kg)" in out
    assert "[2] prix de l'origine AR estimé pour avril : moyenne nationale du mois × 1,166" in out
    assert "Familles Rurales : pommes importées 2,04 €/kg, pommes françaises 1,75 €/kg" in out
    for english in ("price", "national average", "estimated", "origins", "survey", "level"):
        assert english not in out.lower().replace("prix", ""), english


def test_the_seed_example_in_json_and_csv_has_the_euro_gap(runner):
    args = ["compare", "apple", "--origin", "argentina", "--month", "4"]
    d = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    fr, ar = d["options"]
    assert ar["price_gap_eur"] == pytest.approx(ar["price_eur"] - fr["price_eur"], abs=1e-3) != 0
    assert "price_gap_eur" not in fr
    assert {f["code"] for f in fr["flags"]} >= {"price_month_average"}
    ar_flag = next(f for f in ar["flags"] if f["code"] == "price_origin_estimated")
    assert ar_flag["source"] == "Familles Rurales" and ar_flag["factor"] == pytest.approx(1.166)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "-f", "csv"]).stdout)))
    assert rows[0]["price_gap_eur"] == ""
    assert float(rows[1]["price_gap_eur"]) == pytest.approx(ar["price_eur"] - fr["price_eur"], abs=0.006)


# ---------------------------------------------------------------- the French option's price


def test_a_french_option_at_the_national_average_says_so(data):
    # pear: a March-2022 INSEE price indexed to 2026, the same for every origin
    c = compare(data, [Scenario("pear", "FR", 9), Scenario("pear", "ES", 9)], draws=200)
    for r in c.options:
        assert {"price_national_average", "price_indexed"} <= _codes(r), r.country.code
    # a product with neither an INSEE series nor a survey: an estimate, still an all-origin one
    r = compare(data, [Scenario("lettuce", "FR", 6)], draws=200).options[0]
    assert "price_national_average" in _codes(r)


def test_an_indexed_price_says_so_wherever_it_is_read(data, runner):
    """A March-2022 INSEE price brought to 2026-08 is flagged as indexed whether it is read from
    prices.csv or from the product's own price (the same indexed figure, the same source), an
    estimate built on it too; a price observed in 2026 is not."""
    import dataclasses

    without_prices = dataclasses.replace(data, prices={})
    for ds in (data, without_prices):
        for product, indexed in (("pear", True), ("kiwi", True), ("clementine", False)):
            r = compare(ds, [Scenario(product, "ES", 1)], draws=100).options[0]
            assert ("price_indexed" in _codes(r)) is indexed, (product, _codes(r))
    r = compare(without_prices, [Scenario("kiwi", "ES", 1)], draws=100).options[0]
    assert {"price_estimated", "price_indexed", "price_national_average"} <= _codes(r)
    out = runner.invoke(
        app, ["compare", "pear", "--origin", "espagne", "--month", "1", "--lang", "en"]
    ).output
    assert "price observed earlier, brought to 2026-08 with INSEE's average-price change" in out, out


def test_a_french_apple_in_a_month_says_its_price_is_all_origins(runner):
    result = runner.invoke(app, ["compare", "apple", "--month", "11", "--lang", "en", "-f", "json"])
    assert result.exit_code == 0, result.output
    flags = result.stdout
    assert "price for November: national average of all origins" in flags


# ---------------------------------------------------------------- show agrees with compare


@pytest.mark.parametrize("month", [3, 8, 11])
def test_show_gives_the_price_compare_uses_for_the_month(runner, month):
    shown = json.loads(runner.invoke(app, ["show", "apple", "--month", str(month), "-f", "json"]).stdout)
    compared = json.loads(
        runner.invoke(
            app, ["compare", "apple", "--origin", "argentina", "-m", str(month), "-f", "json"]
        ).stdout
    )
    by_origin = {r["origin"]: r["eur_per_kg"][0] for r in shown["prices_by_origin"]}
    fr, ar = compared["options"]
    assert by_origin["*"] == pytest.approx(fr["price_eur"])
    assert by_origin["AR"] == pytest.approx(ar["price_eur"])
    assert shown["month"] == month


def test_show_without_a_month_names_the_month_of_its_price(runner):
    en = runner.invoke(app, ["show", "apple", "--lang", "en"]).stdout
    assert "Reference price (August 2026, national average of all origins): €3.19/kg" in en
    assert "Prices by month: all origins, AR," in en and "--month" in en
    fr = runner.invoke(app, ["show", "pomme", "--lang", "fr", "-m", "avril"]).stdout
    assert "Prix de référence (août 2026, moyenne nationale toutes origines) : 3,19 €/kg" in fr
    assert "Prix en avril, par origine" in fr
    assert re.search(r"toutes origines : 2,79 €/kg .*niveau 2026-08 \[1\]", fr)
    assert re.search(r"AR, .*NZ.* : 3,26 €/kg .*\(estimation : moyenne nationale × 1,166\) \[2\]", fr)
    assert "[2] Familles Rurales" in fr


def test_show_refuses_a_month_that_is_not_one(runner):
    result = runner.invoke(app, ["show", "apple", "--month", "13"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_show_says_a_price_is_an_earlier_one_indexed(runner, data):
    # INSEE 2022-03: poires 3.59 EUR/kg, brought to 2026 by the median 2026/2022 ratio (1.208)
    fr = runner.invoke(app, ["show", "poire", "-m", "juin", "--lang", "fr"]).stdout
    assert re.search(r"toutes origines : 4,34 €/kg .*\(prix de mars 2022, indexé\)", fr)
    assert "Prix ramené au niveau 2026-08" in runner.invoke(app, ["show", "poire", "--lang", "fr"]).stdout
    r = compute(data, Scenario("pear", "FR", 9), draws=200)  # the same price every month
    assert r.price_eur == pytest.approx(4.34, abs=0.005)


# ---------------------------------------------------------------- central value inside its range


def _ranges():
    data_dir = Path(__file__).resolve().parents[1] / "data"
    with (data_dir / "products.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            yield (
                f"products.csv {r['id']}",
                *(float(r[k]) for k in ("price_eur_per_kg", "price_eur_per_kg_low", "price_eur_per_kg_high")),
                r["price_source_note"],
            )
    with (data_dir / "prices.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            yield (
                f"prices.csv {r['product']} {r['origin']} {r['months']}",
                *(float(r[k]) for k in ("eur_per_kg", "eur_per_kg_low", "eur_per_kg_high")),
                r["note"],
            )


def test_every_price_sits_strictly_inside_its_range():
    # The one documented exception: a range that is the min/max over several published prices
    # (INSEE 2026 and Familles Rurales) may have INSEE's price, the central one, as its low end
    # (banana: INSEE 2.14 EUR/kg, Familles Rurales conventional 2.20 and organic 2.38).
    outside = [
        (where, c, lo, hi)
        for where, c, lo, hi, note in _ranges()
        if not lo < c < hi and not note.startswith("range: Familles Rurales")
    ]
    assert outside == []


def test_a_march_2022_price_is_indexed_in_products_and_prices_alike(data):
    # INSEE 2022-03: artichauts 1.89 EUR per piece / 0.35 kg = 5.4 EUR/kg, x 1.208 (median 2026/2022
    # ratio) = 6.526; low the nominal 5.4 (no rise since 2022), high x 1.46 (p90)
    p = data.products["artichoke"]
    assert _range(p.price_eur_per_kg) == (6.526, 5.4, 7.883)
    assert p.price_period == "2026-08"
    row = prices_in_month(data, "artichoke", 6)["*"]
    assert _range(row.eur_per_kg) == (6.526, 5.4, 7.883)


def _range(r) -> tuple[float, float, float]:
    return (r.central, r.low, r.high)
