"""EGalim shares as the law defines them (of the spend EUR HT, over all lines, blank = no) and
the coverage said first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from footprint_cli.batch.reader import EGALIM_LABELS, egalim_bits, read_purchases
from footprint_cli.batch.report import compute_report
from footprint_cli.render.report import rejection_groups, to_html, to_markdown
from footprint_cli.store import load_dataset

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "achats_compta_300.csv"


def _labels(bits: int) -> set[str]:
    return {k for i, k in enumerate(EGALIM_LABELS) if bits >> i & 1}


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Poulet entier Label Rouge", {"LABEL_ROUGE"}),
        ("BIO,COMMERCE_EQUITABLE", {"BIO", "COMMERCE_EQUITABLE"}),
        ("LABEL_ROUGE, HVE", {"LABEL_ROUGE", "HVE"}),
        ("AOCAOP_IGP_STG", {"AOCAOP_IGP_STG"}),
        ("ICP", {"AOCAOP_IGP_STG"}),  # ma-cantine's historical spelling of IGP
        ("Comté AOP 18 mois", {"AOCAOP_IGP_STG"}),
        ("Filet de colin MSC", {"PECHE_DURABLE"}),
        ("Café commerce équitable", {"COMMERCE_EQUITABLE"}),
        ("LOCAL", set()),  # local is not an EGalim label
        ("Abricots", set()),  # "ab" only as a word
        ("Labrador", set()),
    ],
)
def test_egalim_words(text, labels):
    assert _labels(egalim_bits(text)) == labels


def _euros(cells: pd.Series) -> pd.Series:
    return pd.to_numeric(
        cells.fillna("").str.replace("\u00a0", "").str.replace(",", "."), errors="coerce"
    ).fillna(0.0)


def test_shares_of_the_export_are_shares_of_all_spend():
    raw = pd.read_csv(EXPORT, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    raw = raw[raw["Désignation"].ne("") & raw["Désignation"].ne("Total")]
    eur = _euros(raw["Montant HT"])
    pf = read_purchases(EXPORT)
    sp = pf.spend
    assert sp.eur == pytest.approx(eur.sum())
    # blank cells are "no": the organic share is the organic euros over ALL euros
    assert sp.label_eur["BIO"] == pytest.approx(eur[raw["Bio"] == "x"].sum())
    assert sp.label_eur["LABEL_ROUGE"] == pytest.approx(eur[raw["Label Rouge"] == "x"].sum())
    # the label of a line counts as much as its columns ("Comté AOP", "colin ... MSC")
    aop = (raw[["AOP", "IGP", "STG"]] == "x").any(axis=1) | raw["Désignation"].str.contains("AOP")
    assert sp.label_eur["AOCAOP_IGP_STG"] == pytest.approx(eur[aop].sum())
    msc = (raw["MSC"] == "x") | raw["Désignation"].str.contains("MSC")
    assert sp.label_eur["PECHE_DURABLE"] == pytest.approx(eur[msc].sum())
    local = raw["Origine"].str.lower().str.startswith("local")
    assert sp.local_eur == pytest.approx(eur[local].sum())


def test_organic_share_counts_refused_lines_and_blank_cells(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "Produit;Quantité;Montant;Bio\n"
        "Carottes;10;20,00;oui\n"
        "Pommes;10;20,00;\n"
        "Poireaux;10;20,00;\n"
        "Truc inconnu;10;20,00;\n",
        encoding="utf-8",
    )
    r = compute_report(read_purchases(f), load_dataset(), month_default=3, draws=200)
    assert r.rows_rejected == 1
    assert r.organic_share_eur == pytest.approx(0.25)  # one "oui" in four lines, not 100 %
    assert r.coverage_lines == pytest.approx(0.75) and r.coverage_eur == pytest.approx(0.75)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_coverage_comes_first(lang):
    r = compute_report(read_purchases(EXPORT), load_dataset(), month_default=2, draws=200)
    md = to_markdown(r, lang)
    html = to_html(r, lang)
    cover = "Calculé :" if lang == "fr" else "Computed:"
    assert md.index(cover) < md.index("## Tot")
    assert html.index(cover) < html.index('<div class="kpi"')
    groups = rejection_groups(r, lang)
    assert sum(n for _, n in groups) == r.rows_rejected
    if lang == "fr":
        assert all("not" not in text for text, _ in groups)
    assert r.rows_read == r.rows_computed + r.rows_rejected
    assert r.coverage_eur >= 0.95


def test_a_labels_column_holds_label_names(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "Produit;Quantité;Montant;Labels\nCarottes;10;20,00;Bio, Label Rouge\nPommes;10;20,00;\n"
        "Poireaux;10;20,00;HVE\nComté;1;40,00;AOP\n",
        encoding="utf-8",
    )
    sp = read_purchases(f).spend
    assert sp.eur == 100
    assert (sp.label_eur["BIO"], sp.label_eur["LABEL_ROUGE"], sp.label_eur["HVE"]) == (20, 20, 20)
    assert sp.label_eur["AOCAOP_IGP_STG"] == 40 and sp.egalim_eur == 80
