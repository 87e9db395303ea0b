"""Generate the realistic purchase files of the test suite (run: python tests/data/make_export.py).

The outputs are committed; this script says how they were made. Deterministic (fixed seed).

* ``achats_compta_300.csv``: a 300-line accounting export as a town hall's finance software
  writes it for the school canteen: ``;`` separators, decimal commas, cp1252, no-break-space
  thousands separators, packaging units (colis, carton, caisse, sac, barquette, botte, filet,
  plateau, douzaine, pièce, UVC, KGM, L, cl, g), pack sizes in the labels ("sac 25kg",
  "colis 13kg", "x30", "4x125g", "1/2 GN 2,5kg"), origins as buyers type them (FAO 27, NC,
  non communiqué, UE, hors UE, "UE et hors UE", "Local (<100 km)", Écosse, Andalousie,
  Bretagne, "Produit d'Espagne"), one column per quality label (blank = no), a "Total" row
  at the bottom and notes under the table.
* ``achats_compta_300.masses.csv``: the true mass in kg of every purchase line whose mass is
  known (``line`` is the physical line of the CSV), to check the euro -> kg estimate.
* ``achats_classeur.xlsx``: a workbook with a notes sheet first, then the purchases under a
  title row and a two-row merged header, a "Total" row and notes, then a summary sheet.

Amounts are the true mass times a catering price per kg (the ``eur_per_kg`` of each template,
a rough 2024 wholesale-to-catering level chosen for this fixture, not shipped data) times a
per-line log-normal noise (sigma 0.15): invoices vary with supplier, calibre and season.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2024
LINES = 300

# label, unit, kg per unit (None: the unit's mass is not in the label), eur/kg, origins,
# labels (probability per quality label), quantity range
# fmt: off
TEMPLATES: list[dict] = [
    dict(label="Pommes Golden cat I colis 13kg", unit="colis", kg=13, eur=1.7,
         origins=["France", "Local (<100 km)", "Local 50 km", "Italie"], labels={"HVE": 0.4, "Bio": 0.1}, qty=(1, 8)),
    dict(label="Carottes sac 25kg", unit="sac", kg=25, eur=0.95,
         origins=["France", "Bretagne", "Local (<100 km)", "Aquitaine"], labels={"Bio": 0.15}, qty=(1, 4)),
    dict(label="Pommes de terre sac 25kg", unit="sac", kg=25, eur=0.75,
         origins=["France", "Hauts-de-France", "Local (<100km)"], labels={"Label Rouge": 0.1}, qty=(1, 6)),
    dict(label="Tomates grappe carton 6kg", unit="carton", kg=6, eur=2.4,
         origins=["Espagne", "Andalousie", "Maroc", "France", "Produit d'Espagne"], labels={}, qty=(1, 5)),
    dict(label="Oeufs plein air plateau x30", unit="plateau", kg=30 * 0.06, eur=4.2,
         origins=["France", "Bretagne"], labels={"Bio": 0.3, "Label Rouge": 0.2}, qty=(2, 10)),
    dict(label="Oeufs frais calibre M", unit="douzaine", kg=12 * 0.06, eur=4.0,
         origins=["France"], labels={"Bio": 0.3}, qty=(5, 20)),
    dict(label="Yaourt nature 4x125g", unit="UVC", kg=0.5, eur=2.6,
         origins=["France", ""], labels={"Bio": 0.3}, qty=(20, 80)),
    dict(label="Lentilles vertes sac 5kg", unit="sac", kg=5, eur=2.3,
         origins=["France", "Canada", "UE et hors UE"], labels={"Label Rouge": 0.2, "IGP": 0.2}, qty=(1, 4)),
    dict(label="Bananes carton 18kg", unit="carton", kg=18, eur=1.45,
         origins=["Côte d'Ivoire", "Martinique", "hors UE", "Equateur"],
         labels={"Commerce équitable": 0.3, "Bio": 0.1}, qty=(1, 3)),
    dict(label="Salade batavia", unit="pièce", kg=None, eur=2.2,
         origins=["France", "Local (<100 km)", "NC"], labels={}, qty=(10, 40)),
    dict(label="Poireaux botte 1kg", unit="botte", kg=1, eur=1.9,
         origins=["France", "Bretagne", "Local 50 km"], labels={}, qty=(5, 20)),
    dict(label="Oignons jaunes filet 5kg", unit="filet", kg=5, eur=0.9,
         origins=["France", "Pays-Bas", "UE"], labels={}, qty=(1, 5)),
    dict(label="Clémentines caisse 10kg", unit="caisse", kg=10, eur=1.9,
         origins=["Espagne", "Andalousie", "Corse", "Maroc"], labels={"IGP": 0.2}, qty=(1, 4)),
    dict(label="Filet de colin d'Alaska MSC colis 5kg", unit="colis", kg=5, eur=7.5,
         origins=["FAO 67", "FAO 61", "non communiqué"], labels={"MSC": 0.8}, qty=(1, 4)),
    dict(label="Filet de merlu blanc colis 5kg", unit="colis", kg=5, eur=9.0,
         origins=["FAO 27", "Atlantique Nord-Est FAO 27", "FAO 41"], labels={"MSC": 0.5}, qty=(1, 3)),
    dict(label="Dos de cabillaud colis 3kg", unit="colis", kg=3, eur=14.0,
         origins=["FAO 27", "Islande", "Norvège"], labels={"MSC": 0.6}, qty=(1, 3)),
    dict(label="Pavé de saumon 1/2 GN 2,5kg", unit="barquette", kg=2.5, eur=13.0,
         origins=["Écosse", "Norvège", "Irlande"], labels={"Label Rouge": 0.3}, qty=(1, 4)),
    dict(label="Haricots verts extra fins 1/2 GN 2,5kg", unit="barquette", kg=2.5, eur=3.2,
         origins=["France", "Kenya", "Maroc"], labels={}, qty=(2, 6)),
    dict(label="Lait demi-écrémé UHT 1L", unit="L", kg=1.03, eur=0.95,
         origins=["France", "Normandie"], labels={"Bio": 0.25}, qty=(20, 120)),
    dict(label="Huile de colza", unit="L", kg=0.92, eur=2.4,
         origins=["France", "UE"], labels={}, qty=(5, 30)),
    dict(label="Jus d'orange 20cl", unit="cl", kg=0.0104, eur=1.6,
         origins=["Espagne", "Brésil", "UE et hors UE"], labels={"Commerce équitable": 0.2}, qty=(2000, 8000)),
    dict(label="Steak haché 15% MG", unit="KGM", kg=1, eur=9.5,
         origins=["France", "Irlande", "UE"], labels={"Label Rouge": 0.15}, qty=(5, 30)),
    dict(label="Poulet entier PAC", unit="KGM", kg=1, eur=5.2,
         origins=["France", "Pays de la Loire", "Pologne"], labels={"Label Rouge": 0.4, "Bio": 0.1}, qty=(10, 40)),
    dict(label="Comté AOP 18 mois", unit="KGM", kg=1, eur=15.0,
         origins=["France", "Jura"], labels={"AOP": 1.0}, qty=(2, 8)),
    dict(label="Emmental râpé sachet 1kg", unit="sac", kg=1, eur=8.0,
         origins=["France", "Allemagne"], labels={"IGP": 0.3}, qty=(3, 12)),
    dict(label="Riz long sac 5kg", unit="sac", kg=5, eur=1.8,
         origins=["Italie", "hors UE", "UE et hors UE", "Camargue"], labels={"IGP": 0.2, "Bio": 0.2}, qty=(1, 6)),
    dict(label="Pâtes penne carton 5kg", unit="carton", kg=5, eur=1.7,
         origins=["Italie", "UE", "France"], labels={"Bio": 0.2}, qty=(1, 6)),
    dict(label="Farine T55 sac 25kg", unit="sac", kg=25, eur=0.85,
         origins=["France"], labels={"Label Rouge": 0.1}, qty=(1, 2)),
    dict(label="Sucre semoule sac 1kg", unit="sac", kg=1, eur=1.2,
         origins=["France", "UE"], labels={}, qty=(5, 20)),
    dict(label="Beurre doux 250g", unit="pièce", kg=0.25, eur=8.5,
         origins=["France", "Normandie"], labels={"AOP": 0.2}, qty=(20, 80)),
    dict(label="Oranges à jus caisse 15kg", unit="caisse", kg=15, eur=1.4,
         origins=["Espagne", "Andalousie", "Maroc", "Espagne (Valence)"], labels={}, qty=(1, 4)),
    dict(label="Kiwi Hayward cal 33", unit="pièce", kg=None, eur=3.0,
         origins=["France", "Italie", "Nouvelle-Zélande"], labels={}, qty=(50, 200)),
    dict(label="Courgettes", unit="KGM", kg=1, eur=1.8,
         origins=["Bretagne", "Local 50 km", "NC", "Espagne"], labels={"Bio": 0.2}, qty=(5, 30)),
    dict(label="Endives colis 5kg", unit="colis", kg=5, eur=2.4,
         origins=["Hauts-de-France", "France"], labels={}, qty=(1, 4)),
    dict(label="Moules de bouchot filet 2kg", unit="filet", kg=2, eur=4.5,
         origins=["Bretagne", "Normandie"], labels={"STG": 0.5}, qty=(2, 10)),
    dict(label="Café moulu commerce équitable 1kg", unit="sac", kg=1, eur=11.0,
         origins=["Pérou", "Éthiopie", "hors UE"], labels={"Commerce équitable": 0.9, "Bio": 0.5}, qty=(1, 5)),
    dict(label="Ananas extra", unit="pièce", kg=None, eur=2.2,
         origins=["Costa Rica", "Côte d'Ivoire"], labels={}, qty=(5, 20)),
    dict(label="Ail violet", unit="g", kg=0.001, eur=6.0,
         origins=["France", "Espagne"], labels={"IGP": 0.3}, qty=(500, 3000)),
    dict(label="Fromage blanc 20% seau 5kg", unit="colis", kg=5, eur=3.0,
         origins=["France"], labels={"Bio": 0.2}, qty=(1, 4)),
    dict(label="Radis rose botte", unit="botte", kg=None, eur=4.0,
         origins=["France", "Local (<100 km)"], labels={}, qty=(5, 15)),
]
# fmt: on

LABEL_COLUMNS = ["Bio", "Label Rouge", "AOP", "IGP", "STG", "HVE", "MSC", "Commerce équitable"]
SUPPLIERS = ["Pomona TerreAzur", "Transgourmet", "Episaveurs", "Ferme du Val", "Coop Bio Ouest", "Davigel"]
# kg of one piece where the label does not give it (lettuce, kiwi, pineapple, radish bunch),
# as this file's "truth": each line's pieces weigh about this much
PIECE_KG = {
    "Salade batavia": 0.40,
    "Kiwi Hayward cal 33": 0.095,
    "Ananas extra": 1.3,
    "Radis rose botte": 0.25,
}


def fr_number(x: float, decimals: int = 2) -> str:
    """1234.5 -> '1\u00a0234,50' (no-break-space thousands, decimal comma)."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def _lines(rng: random.Random) -> list[dict]:
    out = []
    start = dt.date(2024, 1, 3)
    for i in range(LINES):
        tpl = rng.choice(TEMPLATES)
        lo, hi = tpl["qty"]
        qty = rng.randint(lo, hi)
        if tpl["unit"] == "cl":
            qty = round(qty / 100) * 100
        kg_unit = tpl["kg"] if tpl["kg"] is not None else PIECE_KG[tpl["label"]]
        true_kg = qty * kg_unit
        price = tpl["eur"] * math.exp(rng.gauss(0.0, 0.15))
        amount = round(true_kg * price, 2)
        date = start + dt.timedelta(days=(i * 90) // LINES)
        labels = {c: ("x" if rng.random() < tpl["labels"].get(c, 0.0) else "") for c in LABEL_COLUMNS}
        out.append(
            dict(
                facture=f"F{24000 + i // 6}",
                date=date.strftime("%d/%m/%Y"),
                fournisseur=rng.choice(SUPPLIERS),
                code=f"ART{1000 + TEMPLATES.index(tpl):04d}",
                designation=tpl["label"],
                origine=rng.choice(tpl["origins"]),
                qte=fr_number(qty, 0 if float(qty).is_integer() else 2),
                unite=tpl["unit"],
                pu=fr_number(amount / qty, 4 if amount / qty < 1 else 2),
                montant=fr_number(amount),
                labels=labels,
                true_kg=true_kg,
            )
        )
    return out


def build_csv(rng: random.Random) -> tuple[Path, Path]:
    path = HERE / "achats_compta_300.csv"
    masses = HERE / "achats_compta_300.masses.csv"
    lines = _lines(rng)
    header = ["N° facture", "Date facture", "Fournisseur", "Code article", "Désignation", "Origine",
              "Qté", "Unité", "PU HT", "Montant HT", *LABEL_COLUMNS]  # fmt: skip
    rows = [header]
    for r in lines:
        rows.append([r["facture"], r["date"], r["fournisseur"], r["code"], r["designation"], r["origine"],
                     r["qte"], r["unite"], r["pu"], r["montant"], *r["labels"].values()])  # fmt: skip
    total = sum(float(r["montant"].replace("\u00a0", "").replace(",", ".")) for r in lines)
    rows.append(["", "", "", "", "Total", "", "", "", "", fr_number(total), *[""] * len(LABEL_COLUMNS)])
    rows.append([""] * len(header))
    rows.append(["Montants en euros hors taxes.", *[""] * (len(header) - 1)])
    rows.append(["Export du logiciel de comptabilité, restaurant scolaire, 1er trimestre 2024.",
                 *[""] * (len(header) - 1)])  # fmt: skip
    with path.open("w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
    with masses.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["line", "label", "true_kg"])
        for i, r in enumerate(lines):
            w.writerow([i + 2, r["designation"], f"{r['true_kg']:.3f}"])
    return path, masses


def build_xlsx(rng: random.Random) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = HERE / "achats_classeur.xlsx"
    wb = Workbook()
    info = wb.active
    info.title = "Lisez-moi"
    info.append(["Suivi des achats de denrées — commune de Saint-Exemple"])
    info.append(["Onglet « Achats T1 » : les achats du trimestre ; onglet « Récap » : totaux par famille."])

    ws = wb.create_sheet("Achats T1")
    ws.append(["Achats de denrées — restaurant scolaire — 1er trimestre 2024"])
    ws.merge_cells("A1:I1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Produit", "Quantité", None, "Montant", None, "Provenance", "Labels", None, None])
    ws.append([None, "Qté", "Unité", "PU HT", "Total HT", None, "Bio", "Label Rouge", "AOP"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:E3")
    ws.merge_cells("F3:F4")
    ws.merge_cells("G3:I3")
    total = 0.0
    for r in _lines(rng)[:60]:
        qty = float(r["qte"].replace("\u00a0", "").replace(",", "."))
        amount = float(r["montant"].replace("\u00a0", "").replace(",", "."))
        total += amount
        ws.append([r["designation"], qty, r["unite"], round(amount / qty, 4), amount, r["origine"],
                   r["labels"]["Bio"], r["labels"]["Label Rouge"], r["labels"]["AOP"]])  # fmt: skip
    ws.append(["Total", None, None, None, round(total, 2)])
    ws.append([])
    ws.append(["NB : montants hors taxes, hors frais de livraison."])

    recap = wb.create_sheet("Récap")
    recap.append(["Famille", "Montant HT"])
    recap.append(["Fruits et légumes", 1234.5])
    recap.append(["Viandes", 987.0])
    wb.save(path)
    return path


if __name__ == "__main__":
    rng = random.Random(SEED)
    print(*build_csv(rng), sep="\n")
    print(build_xlsx(random.Random(SEED + 1)))
