"""Units and pack sizes of real purchase files: the mass of a line comes from its unit, the pack
size its label states, the product's piece mass, or its amount, each said in ``kg_method``."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from footprint_cli.batch.reader import label_pack, read_purchases

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "achats_compta_300.csv"


@pytest.mark.parametrize(
    ("label", "kg", "volume", "count"),
    [
        ("Carottes sac 25kg", 25.0, False, math.nan),
        ("Pommes Golden cat I colis 13kg", 13.0, False, math.nan),
        ("Yaourt nature 4x125g", 0.5, False, math.nan),
        ("Pavé de saumon 1/2 GN 2,5kg", 2.5, False, math.nan),  # "1/2" is a tray size, not a count
        ("Oeufs plein air plateau x30", math.nan, False, 30.0),
        ("Lait demi-écrémé UHT 1L", 1.0, True, math.nan),
        ("Jus d'orange 20cl", 0.2, True, math.nan),
        ("Lait 1L x6", 6.0, True, math.nan),
        ("Steak haché 15% MG", math.nan, False, math.nan),  # a fat content is not a size
        ("Kiwi Hayward cal 33", math.nan, False, math.nan),  # a calibre is not a count
        ("Riz 5kg 1kg", math.nan, False, math.nan),  # two sizes: not guessed
        ("Kiwi x 2 kg", 2.0, False, math.nan),  # the size's number is not also a count
        ("Yaourt 125g x24", 3.0, False, math.nan),  # 24 pieces of 125 g a package
    ],
)
def test_label_pack(label, kg, volume, count):
    got = label_pack(label)
    assert got[0] == pytest.approx(kg, nan_ok=True)
    assert got[1] is volume
    assert got[2] == pytest.approx(count, nan_ok=True)


def test_units_of_an_accounting_export():
    pf = read_purchases(EXPORT)
    lines = pf.lines.set_index("line")
    truth = pd.read_csv(DATA / "achats_compta_300.masses.csv").set_index("line")
    units = lines["in:Unité"].astype(str)
    known = lines["quantity_kg"].notna()
    # every unit of the file is understood: KGM is kg (UN/ECE Rec. 20), a dozen is 12 pieces
    assert not pf.rejected["reason"].str.contains("unit not understood").any()
    kg = lines.loc[known, "quantity_kg"]
    exact = units[known].isin(["KGM", "g", "colis", "sac", "carton", "caisse", "filet", "barquette", "botte"])
    # masses read from a unit or a label are the true masses (to the gram)
    np.testing.assert_allclose(kg[exact], truth.loc[kg[exact].index, "true_kg"], rtol=1e-9, atol=1e-3)
    # pack sizes come from the label, flagged so
    assert lines.loc[units == "sac", "quantity_from_label"].all()
    assert not lines.loc[units == "KGM", "quantity_from_label"].any()
    # litres and centilitres are volumes (read as kg at density 1, flagged by the report)
    assert lines.loc[units.isin(["L", "cl"]), "quantity_is_volume"].all()
    # a dozen eggs is 12 pieces; a tray "x30" is 30 pieces a tray
    qty = lines["in:Qté"].astype(str).str.replace("\u00a0", "").str.replace(",", ".")
    qty = pd.to_numeric(qty, errors="coerce")
    dz = lines[units == "douzaine"]
    assert (dz["quantity_pieces"] == 12 * qty[dz.index]).all()
    tray = lines[units == "plateau"]
    assert (tray["quantity_pieces"] == 30 * qty[tray.index]).all()
    # a bunch of radishes says no size: no mass from the reader (the report estimates it, flagged)
    radish = lines[lines["label"].astype(str) == "Radis rose botte"]
    assert len(radish) and radish["quantity_kg"].isna().all() and radish["quantity_pieces"].isna().all()


def test_consumer_unit_without_size_is_refused(tmp_path):
    f = tmp_path / "uvc.csv"
    f.write_text("Produit;Qté;Unité;Montant\nYaourt nature;24;UVC;9,60\nYaourt nature 4x125g;6;UVC;7,20\n")
    pf = read_purchases(f)
    assert list(pf.rejected["line"]) == [2]
    assert "consumer unit (UVC) with no mass in the label" in pf.rejected["reason"][0]
    assert pf.lines["quantity_kg"].tolist() == [pytest.approx(3.0)]
    assert bool(pf.lines["quantity_from_label"][0])
