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


def test_macantine_dashboard_export(tmp_path):
    """The platform's dashboard .xlsx: display labels, origin and locality in "Caractéristiques"."""
    from openpyxl import Workbook

    from footprint_cli.batch.report import compute_report
    from footprint_cli.store import load_dataset

    wb = Workbook()
    ws = wb.active
    ws.append(
        ["Date", "Cantine", "Description", "Fournisseur", "Famille de produit", "Caractéristiques", "Prix HT"]
    )
    fl = "Fruits et légumes frais et surgelés"
    ws.append(["2024-03-04", "École", "Carottes", "Ferme", fl, "Bio, Origine France, Produit local", 100.0])
    ws.append(["2024-03-04", "École", "Tomates", "Grossiste", fl, "Origine Europe (hors France)", 50.0])
    ws.append(["2024-03-05", "École", "Poulet", "Volailles", "Viandes et volailles fraîches et surgelées",
               "Label rouge, Origine France", 200.0])  # fmt: skip
    ws.append(["2024-03-05", "École", "Comté", "Fromager", "BOF (Produits laitiers, beurre et œufs)",
               "AOC / AOP, Indication géographique protégée", 50.0])  # fmt: skip
    path = tmp_path / "export.xlsx"
    wb.save(path)
    pf = read_purchases(path)
    assert pf.schema == "ma-cantine"
    assert list(pf.lines["origin_text"].astype(str)) == ["FRANCE", "EUROPE", "FRANCE", ""]
    assert list(pf.lines["local"]) == [True, False, False, False]  # an empty box is "no"
    sp = pf.spend
    assert sp.label_eur["BIO"] == 100 and sp.label_eur["LABEL_ROUGE"] == 200
    assert sp.label_eur["AOCAOP_IGP_STG"] == 50 and sp.local_eur == 100 and sp.eur == 400
    r = compute_report(pf, load_dataset(), month_default=3, draws=200)
    assert list(r.table["origin_place"].astype(str)) == ["FR", "ES", "FR", "FR"]
    assert r.organic_share_eur == 0.25 and r.local_share_eur == 0.25


def test_header_row_option(runner, tmp_path):
    from footprint_cli.cli import app

    f = tmp_path / "a.csv"
    f.write_text(
        "Achats 2024;;\nDésignation;Quantité;Montant HT\nCarottes;10;12,00\nPommes;5;8,50\n", encoding="utf-8"
    )
    res = runner.invoke(
        app, ["report", str(f), "--header-row", "2", "--month", "3", "--quiet", "--draws", "200"]
    )
    assert res.exit_code == 0, res.output
    assert res.output.strip() == "2 read, 2 computed, 0 rejected"
    res = runner.invoke(app, ["report", str(f), "--header-row", "0", "--quiet"])
    assert res.exit_code == 2


@pytest.mark.parametrize("name", ["achats_compta_300.csv", "achats_classeur.xlsx"])
def test_notes_say_the_total_matches_and_speak_french(name):
    from footprint_cli.render.report import note_text

    pf = read_purchases(DATA / name)
    assert any("equals the sum of the amounts read" in n for n in pf.notes)
    for n in pf.notes:
        assert note_text(n, "fr") != n, n


def test_a_total_that_differs_is_said(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "Produit;Quantité;Montant\nCarottes;10;12,00\nPommes;5;8,50\nTotal;;30,00\n", encoding="utf-8"
    )
    pf = read_purchases(f)
    assert pf.rows_read == 2
    assert "the file's total (30,00) differs from the sum of the amounts read (20.50)" in pf.notes


def test_a_data_row_is_not_taken_for_the_header(tmp_path):
    # the header names only the label column; a purchase below reads like a header ("Produit frais
    # du jour", "Origine France") but holds a number: still data
    f = tmp_path / "a.csv"
    f.write_text("Produit;Kilos;Note\nProduit frais du jour;5;Origine France\nPommes;5;\n", encoding="utf-8")
    pf = read_purchases(f)
    assert pf.columns["label"] == "Produit" and pf.rows_read == 2
    assert sorted([*pf.lines["line"], *pf.rejected["line"]]) == [2, 3]


def test_file_errors_in_french(runner, tmp_path):
    from footprint_cli.cli import app

    f = tmp_path / "a.csv"
    f.write_text("a;b\n1;2\n", encoding="utf-8")
    res = runner.invoke(app, ["report", str(f), "--lang", "fr"])
    assert res.exit_code == 2
    assert "aucune colonne de libellé de produit" in res.output and "--header-row" in res.output
    res = runner.invoke(
        app, ["report", str(DATA / "achats_classeur.xlsx"), "--sheet", "Nope", "--lang", "fr"]
    )
    assert res.exit_code == 2 and "pas de feuille nommée 'Nope'" in res.output and "Récap" in res.output


def test_sub_totals_are_left_out_and_purchases_after_them_kept(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "Produit;Quantité;Montant\n"
        "Carottes;10;12,00\n"
        "Sous-total légumes;;12,00\n"
        "Poulet;;30,00\n"  # two cells only, after a sub-total: still a purchase
        "Steak haché;5;60,00\n",
        encoding="utf-8",
    )
    pf = read_purchases(f)
    assert pf.rows_read == 3
    assert sorted([*pf.lines["line"], *pf.rejected["line"]]) == [2, 4, 5]
