"""`footprint explain`: the steps shown are the engine's own numbers and add up to its totals."""

from __future__ import annotations

import pytest

from footprint_cli.cli import app
from footprint_cli.engine import STAGES, Scenario, compare
from footprint_cli.render.explain import explain_option, to_markdown, to_text

CASES = [
    ("apple", "AR", 4, None, None),  # sea legs; French option from cold storage in spring
    ("apple", "FR", 10, None, None),
    ("tomato", "ES", 1, None, None),  # French option from a heated greenhouse
    ("tomato", "FR", 1, None, None),
    ("green_beans", "KE", 8, "air", None),  # air leg
    ("beef", "AR", 5, None, "land_use_change"),  # production variant
    ("kiwi", "NZ", 3, None, None),
]


def _available(data, product: str, origin: str) -> bool:
    return product in data.products and origin in data.places


@pytest.mark.parametrize(("product", "origin", "month", "mode", "system"), CASES)
def test_steps_add_up_to_engine(data, product, origin, month, mode, system):
    if not _available(data, product, origin):
        pytest.skip(f"{product} or {origin} not in the data yet")
    c = compare(
        data,
        [
            Scenario(product, origin=origin, month=month, mode=mode, system=system, quantity_kg=2.5),
            Scenario(product, origin="FR", month=month, system=system, quantity_kg=2.5),
        ],
        draws=200,
    )
    for r in c.options:
        ex = explain_option(r, "en")
        by_stage = {s.stage: s.kg_co2e for s in ex.steps}
        for stage in STAGES:
            assert by_stage.get(stage, 0.0) == pytest.approx(r.stages[stage], rel=1e-9, abs=1e-12), stage
        assert ex.total_kg_co2e == pytest.approx(r.total_kg_co2e, rel=1e-9)
        assert len(ex.legs) == len(r.legs)
        for ls, leg in zip(ex.legs, r.legs, strict=True):
            assert ls.kg_co2e == pytest.approx(leg.kg_co2e, rel=1e-9)
        # every factor the engine used is cited in some step
        cited = {f.key for s in ex.steps for f in s.factors}
        assert {f.key for f in r.factors} <= cited


def test_storage_step_shows_the_real_numbers(data):
    c = compare(data, [Scenario("apple", origin="FR", month=4)], draws=200)
    r = c.options[0]
    if r.storage_months == 0:
        pytest.skip("French apples are not stored in April in the current data")
    text = to_text(c, "en")
    assert "Cold storage" in text and "Storage losses" in text
    assert "kWh" in text and "g CO2e/kWh" in text
    assert f"({r.storage_months} + 1.00) months" in text


def test_cli_explain_text_en(runner):
    result = runner.invoke(
        app, ["explain", "apple", "--origin", "argentina", "--month", "4", "--draws", "500"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Apple — Argentina" in out and "Apple — France" in out
    assert "Formula" in out and "kg CO2e/t.km" in out
    assert "great circle" in out or "as the crow flies" in out
    assert "sea route" in out
    assert "AGRIBALYSE" in out and "DESNZ" in out and "13039" in out
    assert "90 % probability" in out
    assert "The lesson" in out


def test_cli_explain_french(runner):
    result = runner.invoke(
        app, ["explain", "tomate", "--origin", "espagne", "--month", "1", "--lang", "fr", "--draws", "500"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    for word in (
        "Formule",
        "Trajet",
        "camion frigorifique",
        "à vol d'oiseau",
        "Ce qu'il faut retenir",
        "serre",
    ):
        assert word in out, word
    assert "Espagne" in out and "Incertitude" in out


def test_cli_explain_markdown_no_local(runner):
    result = runner.invoke(
        app,
        ["explain", "apple", "-o", "AR", "-m", "4", "--no-local", "--format", "markdown", "--draws", "300"],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ")
    assert "France" not in result.output.split("\n")[0]
    assert "## " in result.output


def test_cli_explain_unknown_product(runner):
    result = runner.invoke(app, ["explain", "pomm", "--origin", "AR"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_markdown_and_text_same_numbers(data):
    c = compare(data, [Scenario("apple", origin="AR", month=4)], draws=200)
    total = f"{c.options[0].total_kg_co2e:.3g}"
    assert total in to_text(c, "en") and total in to_markdown(c, "en")
