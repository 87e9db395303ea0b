"""Why a line is refused, in the language of the files (French by default) and of the terminal."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.i18n import Message
from footprint_cli.render.report import reason_text

DATA = Path(__file__).parent / "data"

# what an English reason is made of: none of it may be left in a French one
ENGLISH = re.compile(
    r"\b(not|number|understood|recognised|missing|negative|amount|quantity|closest|header|"
    r"fields|label|looks|give|cannot|compute|unit|mass|origin|several|countries|mode)\b"
)


def _rejected(runner, tmp_path: Path, *args: str) -> dict[int, str]:
    out = tmp_path / "r.csv"
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sales.csv"), "-o", str(out), "--quiet", "--draws", "200", *args]
    )
    assert res.exit_code == 0, res.output
    with (tmp_path / "r.rejected.csv").open(encoding="utf-8-sig") as fh:
        return {int(row["line"]): row["reason"] for row in csv.DictReader(fh)}


def test_rejected_file_in_french_by_default(runner, tmp_path):
    reasons = _rejected(runner, tmp_path)
    assert len(reasons) == 10
    assert reasons[4] == "quantité non numérique : 'abc'"
    assert reasons[8] == "nombre de champs incorrect (8, l'en-tête en a 6)"
    assert reasons[10].startswith("produit non reconnu : 'Truc bizarre non identifié' (score ")
    assert " ; les plus proches : " in reasons[10] and "closest" not in reasons[10]
    assert reasons[13].startswith("origine non reconnue : 'Atlantide' (les plus proches : ")
    for line, text in reasons.items():
        # the cells quoted in a reason stay as they are; the words around them are French
        words = re.sub(r"'[^']*'|\([^)]*\)", "", text)
        assert not ENGLISH.search(words), (line, text)


def test_rejected_file_in_english_with_lang_en(runner, tmp_path):
    reasons = _rejected(runner, tmp_path, "--lang", "en")
    assert reasons[4] == "quantity not a number: 'abc'"
    assert reasons[13].startswith("origin not recognised: 'Atlantide' (closest: ")


@pytest.mark.parametrize(
    ("reason", "english", "french"),
    [
        (
            Message.joined([Message("reason.negative_amount"), Message("reason.date", value="1")]),
            "negative amount; date not understood: '1'",
            "montant négatif; date non comprise : '1'",
        ),
        # a cell that happens to hold English words is a parameter: it is not translated
        (
            Message("reason.quantity", value="negative amount"),
            "quantity not a number: 'negative amount'",
            "quantité non numérique : 'negative amount'",
        ),
        (
            Message("reason.mode", value="'boat'"),
            "transport mode not understood: 'boat' (road, rail, sea or air)",
            "mode de transport non compris : 'boat' (route, rail, mer ou air)",
        ),
    ],
)
def test_reason_text(reason, english, french):
    assert reason == english  # a reason is its English wording wherever a string is expected
    assert reason_text(reason, "fr") == french
    assert reason_text(reason, "en") == english
