"""Spreadsheets as municipalities have them: title rows, merged headers, several sheets, a
Total row and notes under the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint_cli.batch.reader import read_purchases
from footprint_cli.errors import InputError

DATA = Path(__file__).parent / "data"


def test_workbook_with_title_merged_header_total_and_notes():
    pf = read_purchases(DATA / "achats_classeur.xlsx")
    assert pf.sheet == "Achats T1"  # not the notes sheet in front, not the summary sheet
    assert pf.columns["label"] == "Produit"
    assert pf.columns["quantity"] == "Qté" and pf.columns["unit"] == "Unité"
    assert pf.columns["amount"] == "Total HT"  # not the unit price beside it
    assert pf.columns["origin"] == "Provenance"
    assert pf.rows_read == 60 == len(pf.lines) + len(pf.rejected)
    assert not (pf.lines["label"].astype(str).str.lower() == "total").any()
    assert any("a total row" in n for n in pf.notes)
    assert any("notes under the table" in n for n in pf.notes)
    assert pf.lines["line"].min() == 5  # title (1), blank (2), two header rows (3-4)


def test_a_named_sheet_is_read_and_header_row_forced():
    pf = read_purchases(DATA / "achats_classeur.xlsx", sheet="Achats T1", header_row=3)
    assert pf.columns["label"] == "Produit" and pf.columns["amount"] == "Total HT"
    assert pf.rows_read == 60
    # row 4 alone holds only sub-headers (Qté, Unité, PU HT...): no product column, said so
    with pytest.raises(InputError, match="no product label column"):
        read_purchases(DATA / "achats_classeur.xlsx", sheet="Achats T1", header_row=4)


def test_csv_with_title_rows_total_and_notes(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "Commune de Saint-Exemple;;;\n"
        "Achats 2024;;;\n"
        ";;;\n"
        "Désignation;Quantité;Unité;Montant HT\n"
        "Carottes;10;kg;12,00\n"
        "Pommes;5;kg;8,50\n"
        "Total;;;20,50\n"
        ";;;\n"
        "Montants HT;;;\n",
        encoding="utf-8",
    )
    pf = read_purchases(f)
    assert pf.columns["label"] == "Désignation"
    assert list(pf.lines["line"]) == [5, 6]
    assert pf.rows_read == 2 and len(pf.rejected) == 0
    # --header-row names the header line as the file numbers it
    forced = read_purchases(f, header_row=4)
    assert list(forced.lines["line"]) == [5, 6]
    with pytest.raises(InputError):
        read_purchases(f, header_row=3)  # a blank line is no header


def test_total_rows_are_not_purchases_in_the_export():
    pf = read_purchases(DATA / "achats_compta_300.csv")
    assert pf.rows_read == 300 == len(pf.lines) + len(pf.rejected)
    assert any(n.startswith("line 302: a total row") for n in pf.notes)
