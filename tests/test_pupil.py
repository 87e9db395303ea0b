"""The pupil view: three stages, two digits, one plain sentence, an everyday equivalent."""

from __future__ import annotations

import re

import pytest

from footprint_cli.cli import app
from footprint_cli.engine import Scenario, compare
from footprint_cli.render import pupil

DRAWS = ["--draws", "300"]


def _cmp(data, *specs, month=4):
    scenarios = [Scenario(product=p, origin=o, month=month) for p, o in specs]
    return compare(data, scenarios, draws=300, seed=1)


def test_three_stages_add_up_to_the_total(data):
    c = _cmp(data, ("apple", "FR"), ("apple", "AR"))
    for r in c.options:
        assert sum(pupil.three_stages(r).values()) == pytest.approx(r.total_kg_co2e)


def test_equivalent_comes_from_the_sourced_factor(data):
    c = _cmp(data, ("apple", "FR"), ("apple", "AR"))
    car = data.factors.equivalents["car_km"]
    assert car.source.id in data.factors.sources
    diff = c.options[1].total_kg_co2e - c.options[0].total_kg_co2e
    text = pupil.equivalents(diff, c, "en")[0]
    assert float(text.split("\u00a0")[0]) == pytest.approx(diff / car.kg_co2e_per_unit, rel=0.05)


def test_scale_beef_lentils_dwarfs_the_apple(data):
    apple = _cmp(data, ("apple", "FR"), ("apple", "AR"))
    meal = _cmp(data, ("beef", "FR"), ("lentils", "FR"))
    gap = [abs(c.options[1].total_kg_co2e - c.options[0].total_kg_co2e) for c in (apple, meal)]
    assert gap[1] > 20 * gap[0]
    assert "production" in pupil.sentences(meal, "fr")[0]


def test_apple_sentence_in_plain_french(runner):
    args = ["compare", "pomme", "-o", "argentine", "-m", "avril", "--eleve", "--lang", "fr", *DRAWS]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert re.search(
        r"En avril, 1 kg de pomme \(Argentine\) émet environ [0-9,]+ fois plus que 1 kg de pomme", text
    )
    assert "bateau" in text and "km en voiture" in text and "km en TGV" in text
    for banned in ("%", "probabilité", "Intervalle", "0,0000"):
        assert banned not in result.output
    # two significant digits at most in the table
    for cell in re.findall(r"\b\d+,\d+\b", result.output):
        assert len(cell.replace(",", "").lstrip("0")) <= 2, cell


def test_heated_greenhouse_is_named_as_the_cause(runner):
    result = runner.invoke(
        app, ["compare", "tomate", "-o", "espagne", "-m", "1", "--simple", "--lang", "fr", *DRAWS]
    )
    assert result.exit_code == 0, result.output
    assert "serre chauffée" in " ".join(result.output.split())


def test_equivalent_row_in_the_normal_table(runner):
    result = runner.invoke(app, ["compare", "pomme", "-o", "argentine", "-m", "4", "--lang", "fr", *DRAWS])
    assert "km en voiture" in result.output


def test_pupil_markdown(runner):
    result = runner.invoke(
        app, ["compare", "boeuf", "lentilles", "-m", "4", "--simple", "-f", "markdown", *DRAWS]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("|") and "km by car" in result.output


def test_explain_pupil_view(runner):
    args = ["explain", "tomate", "-o", "espagne", "-m", "janvier", "--eleve", "--lang", "fr", *DRAWS]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "serre chauffée" in text and "camion" in text and "km en voiture" in text
    assert "%" not in result.output and "[Source]" not in result.output


def test_pupil_json(runner):
    import json

    result = runner.invoke(
        app, ["compare", "pomme", "-o", "argentine", "-m", "4", "--simple", "-f", "json", *DRAWS]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for option in data["options"]:
        assert sum(option["stages_kg_co2e"].values()) == pytest.approx(option["total_kg_co2e"], abs=1e-5)
    assert "km by car" in data["options"][1]["gap_with_first"]
