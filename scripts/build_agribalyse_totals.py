"""Write data/agribalyse_totals.csv: AGRIBALYSE 3.2's own climate-change stages for each product.

    python scripts/build_agribalyse_totals.py ../shared/reference

For each product of data/products.csv whose factor source is AGRIBALYSE, the six stages of its
AGRIBALYSE row (agriculture, processing, packaging, transport, supermarket and distribution,
consumption), in kg CO2e per kg. The model does not compute with them: `show` and `explain` print
AGRIBALYSE's own total beside the model's figure, and bench/bench_agribalyse_ratio.py compares
the two (AGRIBALYSE's transport stage is a national market mix, the model's is one origin's route).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
STAGES = {
    "agriculture": "Agriculture",
    "processing": "Transformation",
    "packaging": "Emballage",
    "transport": "Transport",
    "retail": "Supermarché et distribution",
    "consumption": "Consommation",
}
HEADER = ["product", *(f"{s}_kg_co2e_per_kg" for s in STAGES), "source", "source_id"]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    detail = Path(argv[1]) / "agribalyse-3.2" / "agribalyse-31-detail-par-etape.csv"
    with detail.open(encoding="utf-8-sig", newline="") as f:
        agb = {row["Code AGB"]: row for row in csv.DictReader(f)}
    with (DATA / "products.csv").open(encoding="utf-8", newline="") as f:
        products = list(csv.DictReader(f))
    rows = []
    for p in products:
        if p["factor_source"] != "agribalyse-3.2":
            continue
        code = p["factor_source_id"].split()[0]
        a = agb.get(code)
        if a is None:
            continue
        row = {"product": p["id"]}
        for key, stage in STAGES.items():
            row[f"{key}_kg_co2e_per_kg"] = f"{float(a[f'Changement climatique - {stage}']):.6g}"
        row["source"] = "agribalyse-3.2"
        row["source_id"] = f"{code} {a['Nom du Produit en Français']}: Changement climatique by stage"
        rows.append(row)
    rows.sort(key=lambda r: r["product"])
    out = DATA / "agribalyse_totals.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {out.relative_to(REPO)} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
