"""Generate tests/data/achats.xlsx (run: python tests/data/make_xlsx.py); the output is committed.

A workbook as a town hall would keep it: a first sheet of purchases with real Excel dates,
numbers stored as numbers, a blank row in the middle, an English-headed second sheet, and
one bad row (a text quantity) to check that xlsx rows are accounted for like CSV rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def build(path: Path = HERE / "achats.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Achats 2023"
    ws.append(["Désignation", "Poids (kg)", "Prix HT", "Provenance", "Date de livraison", "Bio"])
    rows = [
        ("Pommes Golden", 120, 334.8, "France", dt.date(2023, 1, 5), "non"),
        ("Carottes", 85.5, 102.6, "Bretagne", dt.date(2023, 1, 5), "oui"),
        ("Steak haché 15% MG", 40, 524, "France", dt.date(2023, 1, 6), ""),
        ("Bananes", 45, 81, "Côte d'Ivoire", dt.date(2023, 1, 12), "x"),
        None,  # a blank row: not a purchase, not counted
        ("Lentilles vertes", 25, 62.5, "France", dt.date(2023, 2, 1), "non"),
        ("Tomates grappe", "beaucoup", 96.9, "Espagne", dt.date(2023, 2, 2), "non"),
    ]
    for r in rows:
        ws.append(list(r) if r else [])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    en = wb.create_sheet("English")
    en.append(["Product", "Quantity", "Unit", "Amount", "Origin", "Month"])
    en.append(["Apples", 500, "g", 1.6, "Spain", "March"])
    en.append(["Rice", 2, "kg", 4.2, "Italy", 3])
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build())
