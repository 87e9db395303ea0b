"""Why a line is refused, in the language of the files (French by default) and of the terminal."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.render.report import reason_text

DATA = Path(__file__).parent / "data"
SRC = Path(__file__).parent.parent / "src" / "footprint_cli"

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


def _english_reasons() -> list[str]:
    """The fixed English words of every refusal reason the reader and the report can give."""
    found = []
    for path in (SRC / "batch" / "reader.py", SRC / "batch" / "report.py", SRC / "batch" / "match.py"):
        text = path.read_text(encoding="utf-8")
        found += re.findall(r'reasons\.add\([^"\n]*"([^"]+)"', text)
        found += re.findall(r'f"((?:product|origin|transport mode) [^"]*)"', text)
        found += re.findall(
            r'"((?:wrong number of fields|no mass and|no origin given|quantity in pieces|fishing area)[^"]*)"',
            text,
        )
    return found


def test_every_reason_has_a_french_wording():
    templates = _english_reasons()
    assert len(templates) >= 15  # the scan still finds the reasons where the code gives them
    for english in (t for t in templates if " " in t.strip()):
        words = re.sub(r"\{[^}]*\}", "1", english.replace("{canon}", "organic"))
        french = reason_text(words, "fr")
        assert french != words, english


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("negative amount; date not understood: '1'", "montant négatif; date non comprise : '1'"),
        # a cell that happens to hold English words is quoted: it is not translated
        ("quantity not a number: 'negative amount'", "quantité non numérique : 'negative amount'"),
        (
            "transport mode not understood: 'boat' (road, rail, sea or air)",
            "mode de transport non compris : 'boat' (route, rail, mer ou air)",
        ),
    ],
)
def test_reason_text(english, french):
    assert reason_text(english, "fr") == french
    assert reason_text(english, "en") == english
