"""Narrow terminals and projectors (60 columns): numbers whole, bars whole, every month, explain wrapped."""

from __future__ import annotations

import json
import re

import pytest

from footprint_cli.cli import app
from footprint_cli.render.compare import km

NARROW = {"COLUMNS": "60"}
DRAWS = ["--draws", "300"]
FIVE = [
    "pomme",
    "-o",
    "argentine",
    "-o",
    "nouvelle-zelande",
    "-o",
    "chili",
    "-o",
    "afrique du sud",
    "-m",
    "4",
]


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def test_compare_at_60_columns_keeps_numbers_and_bars_whole(runner):
    args = ["compare", *FIVE, "--lang", "fr", *DRAWS]
    result = runner.invoke(app, args, env=NARROW)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in _lines(result.output)) <= 60
    assert "…" not in result.output
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).output)
    for option in data["options"]:
        for leg in option["legs"]:
            assert f"{km(leg['distance_km'], 'fr')}\u00a0km" in result.output, leg
    # one whole bar per option: production then transport characters, never cut
    bars = [line for line in _lines(result.output) if line.startswith("█") and "production" not in line]
    assert len(bars) == 5


def test_pupil_view_at_60_columns(runner):
    result = runner.invoke(app, ["compare", *FIVE, "--simple", "--lang", "fr", *DRAWS], env=NARROW)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in _lines(result.output)) <= 60
    assert "…" not in result.output


def test_calendar_keeps_every_month_at_60_columns(runner):
    result = runner.invoke(app, ["season", "-c", "fruit", "--lang", "fr"], env=NARROW)
    assert result.exit_code == 0, result.output
    header = next(line for line in _lines(result.output) if line.startswith("Produit"))
    for month in ("jan", "fév", "mar", "avr", "mai", "jun", "jul", "aoû", "sep", "oct", "nov", "déc"):
        assert f" {month}" in header, month
    assert max(len(line) for line in _lines(result.output)) <= 60


def test_explain_wraps_to_the_terminal(runner):
    args = ["explain", "tomate", "-o", "espagne", "-m", "1", "--lang", "fr", *DRAWS]
    result = runner.invoke(app, args, env=NARROW)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in _lines(result.output)) <= 60
    wide = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert " ".join(wide.output.split()) == " ".join(result.output.split())


@pytest.mark.parametrize("columns", [80, 50])
def test_report_summary_on_a_narrow_screen_keeps_every_number_whole(runner, columns):
    """The what-if table is wider than 80 columns: its text and headers wrap, never a number;
    at 50 columns each row becomes a block of its own, nothing cut or left out."""
    args = ["report", "tests/data/macantine_export.csv", "--lang", "fr", *DRAWS]
    narrow = runner.invoke(app, args, env={"COLUMNS": str(columns)})
    wide = runner.invoke(app, args, env={"COLUMNS": "250"})
    assert narrow.exit_code == 0, narrow.output
    assert max(len(line) for line in _lines(narrow.stdout)) <= columns
    assert "…" not in narrow.stdout.replace("Et si…", "")  # nothing cut short
    assert " ".join(narrow.stdout.split()).count("légumineuses") == " ".join(wide.stdout.split()).count(
        "légumineuses"
    )
    # every interval of the wide screen (what-ifs, top lines, totals) is whole on the narrow one
    intervals = re.findall(r"-?\d[\d\u202f,]* – -?\d[\d\u202f,]*", wide.output)
    assert len(intervals) > 10
    for interval in intervals:
        assert interval in narrow.output, interval
