"""Write data/prices.csv: retail prices by origin and month, overriding the national price.

    python scripts/build_prices.py ../shared/reference

Three kinds of rows (docs/methodology.md, "Prices by origin and month"):

* **month by month** (origin ``*``): INSEE's monthly average retail price of 2021-04..2022-03
  (famille IPC-PM-2015) brought to the level of the latest INSEE observation (2026-08) by the
  ratio of the two for the same month (August): the seasonal profile is INSEE's, the level today's;
* **indexed** (origin ``*``): products whose only INSEE price is of March 2022, multiplied by the
  median 2026/2022 ratio of the INSEE series present in both files (a food-price index computed
  from INSEE's own average prices; the official CPI series is not among the reference files);
* **by origin, estimated**: an import differential over the month's French price, where no
  published quote by origin was found (FranceAgriMer RNM publishes them weekly, but no copy is at
  hand); each differential is stated below with its reasoning and flagged as an estimate.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
HEADER = [
    "product",
    "origin",
    "months",
    "eur_per_kg",
    "eur_per_kg_low",
    "eur_per_kg_high",
    "period",
    "estimated",
    "source",
    "source_id",
    "note",
]
# INSEE monthly columns (2021-04..2022-03) -> product id, and the INSEE 2026 item of the same product
MONTHLY = {"apple": ("Pommes (1 kg)", "pomme")}
# Import differentials over the French price of the same month, and why (estimates, flagged).
ORIGIN_DIFFERENTIAL = {
    "apple": {
        "IT": (
            1.05,
            0.95,
            1.20,
            "Alpine brands (Trentino, South Tyrol) sold at or slightly above the French price",
        ),
        "AR": (
            1.08,
            0.95,
            1.30,
            "southern-hemisphere apple: reefer crossing and importer margin over a stored French apple",
        ),
        "CL": (
            1.08,
            0.95,
            1.30,
            "southern-hemisphere apple: reefer crossing and importer margin over a stored French apple",
        ),
        "NZ": (
            1.20,
            1.00,
            1.50,
            "longest crossing, and New Zealand apples in France are mostly club varieties (Jazz, Envy)",
        ),
    }
}


def _build_products_module():
    spec = importlib.util.spec_from_file_location(
        "build_products", Path(__file__).parent / "build_products.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_products"] = mod
    try:
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
    finally:
        sys.modules.pop("build_products", None)
    return mod


def fmt(x: float) -> str:
    return f"{x:.4g}"


def months_text(months: frozenset[int]) -> str:
    return "|".join(str(m) for m in sorted(months))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    ref = Path(argv[1])
    bp = _build_products_module()
    i26 = bp.read_insee_2026(ref)
    i22 = bp.read_insee_2022(ref)
    med, p90 = bp.drift_2022_2026(i26, i22)
    with (ref / "prices" / "insee-prix-moyens-detail_extrait_2021-04_2022-03.csv").open(
        encoding="utf-8"
    ) as f:
        monthly_rows = list(csv.DictReader(f))
    rows: list[dict[str, str]] = []

    for pid, (col, item) in MONTHLY.items():
        latest = i26[item]
        period = latest["period"]
        same_month = next(r for r in monthly_rows if r["Month"][5:7] == period[5:7])
        level = latest["price"] / float(same_month[col])
        for r in monthly_rows:
            month = int(r["Month"][5:7])
            value = float(r[col]) * level
            rows.append(
                {
                    "product": pid,
                    "origin": "*",
                    "months": str(month),
                    "eur_per_kg": fmt(value),
                    "eur_per_kg_low": fmt(value * 0.85),
                    "eur_per_kg_high": fmt(value * 1.15),
                    "period": period,
                    "estimated": "false",
                    "source": "insee-ipc-pm-2022",
                    "source_id": f"{col} {r['Month'][:7]}: {r[col]} EUR/kg x {fmt(level)} "
                    f"(INSEE {period} {latest['price']} / {same_month['Month'][:7]} {same_month[col]})",
                    "note": "INSEE monthly profile at today's level; all origins sold in France that month",
                }
            )
        for origin, (k, lo, hi, why) in ORIGIN_DIFFERENTIAL.get(pid, {}).items():
            for r in monthly_rows:
                month = int(r["Month"][5:7])
                base = float(r[col]) * level
                rows.append(
                    {
                        "product": pid,
                        "origin": origin,
                        "months": str(month),
                        "eur_per_kg": fmt(base * k),
                        "eur_per_kg_low": fmt(base * lo),
                        "eur_per_kg_high": fmt(base * hi),
                        "period": period,
                        "estimated": "true",
                        "source": "footprint-prices-2026",
                        "source_id": f"estimate: INSEE price of month {month} ({fmt(base)} EUR/kg) x {k} import differential",
                        "note": why,
                    }
                )

    with (DATA / "products.csv").open(encoding="utf-8", newline="") as f:
        products = list(csv.DictReader(f))
    for p in products:
        if not (p["price_period"].startswith("2022") and p["price_source"] == "insee-ipc-pm-2022"):
            continue
        nominal = float(p["price_eur_per_kg"])
        rows.append(
            {
                "product": p["id"],
                "origin": "*",
                "months": months_text(frozenset(range(1, 13))),
                "eur_per_kg": fmt(nominal * med),
                "eur_per_kg_low": fmt(nominal),
                "eur_per_kg_high": fmt(nominal * p90),
                "period": "2026-08",
                "estimated": p["price_estimated"],  # a per-piece price turned into EUR/kg stays an estimate
                "source": p["price_source"],
                "source_id": f"{p['price_source_id']} x {fmt(med)} (median INSEE 2026-08 / 2022-03 ratio of "
                f"average prices; p90 {fmt(p90)})",
                "note": f"March 2022 INSEE price ({fmt(nominal)} EUR/kg) indexed to 2026",
            }
        )
    rows.sort(key=lambda r: (r["product"], r["origin"] != "*", r["origin"], int(r["months"].split("|")[0])))
    out = DATA / "prices.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {out.relative_to(REPO)} ({len(rows)} rows); 2026/2022 median {med:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
