"""Write data/prices.csv: retail prices by origin and month, overriding the national price.

    python scripts/build_prices.py ../shared/reference

Three kinds of rows (docs/methodology.md, "Prices by origin and month"):

* **month by month** (origin ``*``): INSEE's monthly average retail price of 2021-04..2022-03
  (famille IPC-PM-2015) brought to the level of the latest INSEE observation (2026-08) by the
  ratio of the two for the same month (August): the seasonal profile is INSEE's, the level today's;
* **indexed** (origin ``*``): products whose only INSEE price is of March 2022, multiplied by the
  median 2026/2022 ratio of the INSEE series present in both files (a food-price index computed
  from INSEE's own average prices; the official CPI series is not among the reference files);
* **by origin, estimated**: the month's national price x a differential between French and
  imported produce read in a published shelf-price survey (Familles Rurales 2010 for apples, CLCV
  2009 for tomatoes). No quote by origin (FranceAgriMer RNM, EU market prices) is at hand as a
  file, and the surveys say "imported", not which country: every such row is a flagged estimate.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from dataclasses import dataclass
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
    "differential",
    "note",
]
# INSEE monthly columns (2021-04..2022-03) -> product id, and the INSEE 2026 item of the same
# product. Only products whose 2021-08 value is observed (the month the 2026 level is read at).
MONTHLY = {
    "apple": ("Pommes (1 kg)", "pomme"),
    "tomato": ("Tomates (1 kg)", "tomate"),
    "banana": ("Bananes (1 kg)", "banane"),
    "carrot": ("Carottes (1 kg)", "carotte"),
    "potato": ("Pommes de terre de conservation (1 kg)", "pomme_de_terre"),
    "onion": ("Oignons (1 kg)", "oignon"),
    "courgette": ("Courgettes (1 kg)", "courgette"),
    "pepper": ("Poivrons (1 kg)", "poivron"),
    "lemon": ("Citrons (1 kg)", "citron"),
    "green_beans": ("Haricots verts (1 kg)", "haricots_verts_frais"),
}


# An origin's price = the month's national all-origin price x a differential read in a published
# retail survey that distinguishes French from imported produce. Applied to one named origin it
# is an estimate (the survey gives "imported", not each country), so every such row is flagged.
@dataclass(frozen=True)
class Differential:
    factor: float
    low: float
    high: float
    source: str
    """key of the source registry (data/emission_factors.yaml ``sources``)"""
    identifier: str
    """what was read, where (shown to the user with the price)"""
    note: str


APPLE_IMPORTED = Differential(
    factor=round(2.04 / 1.75, 3),  # 1.166
    # low: Familles Rurales 2014 found 9 of its 16 imported products cheaper than the French ones;
    # high: twice the 2010 premium (club varieties from New Zealand, a longer crossing)
    low=0.95,
    high=1.33,
    source="familles-rurales-2010",
    identifier="pommes importées 2,04 €/kg, pommes françaises 1,75 €/kg (relevés juillet-août 2010)",
    note="imported apples over French apples in the same shops and weeks (2.04 / 1.75 = 1.166); the "
    "national all-origin average stands for the French price, French apples being most of those sold",
)
TOMATO_IMPORTED = Differential(
    factor=round(1 / 1.17, 3),  # 0.855
    # low: imported tomatoes "about 40 % cheaper" than French ones in June 2023 (TF1 survey of
    # shelves, second-hand); high: no gap
    low=0.60,
    high=1.00,
    source="clcv-2009",
    identifier="tomates françaises 17 % plus chères que les importées (relevés juillet-septembre 2009)",
    note="French tomatoes 17 % dearer than imported ones (Belgium, Netherlands, Spain) over 1,000 shelf "
    "prices; Morocco, not in that survey, is given the same differential",
)
ORIGIN_DIFFERENTIAL: dict[str, dict[str, Differential]] = {
    # the origins that supply France with apples (Interfel, FranceAgriMer import statistics)
    "apple": {o: APPLE_IMPORTED for o in ("IT", "ES", "BE", "DE", "PL", "AR", "CL", "NZ", "ZA", "BR")},
    "tomato": {o: TOMATO_IMPORTED for o in ("ES", "MA", "NL", "BE", "IT")},
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
        base: dict[int, float] = {}
        for r in monthly_rows:
            if not r[col]:
                continue  # no INSEE observation that month: the product's national price applies
            month = int(r["Month"][5:7])
            base[month] = value = float(r[col]) * level
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
                    "source_id": f"{latest['idbank']} {col} {r['Month'][:7]}",
                    "differential": "",
                    "note": f"{r[col]} EUR/kg x {fmt(level)} (INSEE {period} {latest['price']} / "
                    f"{same_month['Month'][:7]} {same_month[col]}): INSEE's monthly profile at today's "
                    "level, all origins sold in France that month",
                }
            )
        for origin, d in ORIGIN_DIFFERENTIAL.get(pid, {}).items():
            for month, value in sorted(base.items()):
                rows.append(
                    {
                        "product": pid,
                        "origin": origin,
                        "months": str(month),
                        "eur_per_kg": fmt(value * d.factor),
                        "eur_per_kg_low": fmt(value * d.low),
                        "eur_per_kg_high": fmt(value * d.high),
                        "period": period,
                        "estimated": "true",
                        "source": d.source,
                        "source_id": d.identifier,
                        "differential": fmt(d.factor),
                        "note": f"INSEE all-origin price of month {month} ({fmt(value)} EUR/kg) x {d.factor}: {d.note}",
                    }
                )

    with (DATA / "products.csv").open(encoding="utf-8", newline="") as f:
        products = list(csv.DictReader(f))
    for p in products:
        if p["price_source"] != "insee-ipc-pm-2022":
            continue
        # products.csv already carries the indexed price (scripts/build_products.py, price_for):
        # central = March-2022 price x median ratio, low = the March-2022 price, high = x p90
        nominal = float(p["price_eur_per_kg_low"])
        rows.append(
            {
                "product": p["id"],
                "origin": "*",
                "months": months_text(frozenset(range(1, 13))),
                "eur_per_kg": p["price_eur_per_kg"],
                "eur_per_kg_low": p["price_eur_per_kg_low"],
                "eur_per_kg_high": p["price_eur_per_kg_high"],
                "period": p["price_period"],
                "estimated": p["price_estimated"],  # a per-piece price turned into EUR/kg stays an estimate
                "source": p["price_source"],
                "source_id": p["price_source_id"],
                "differential": "",
                "note": f"March 2022 INSEE price ({fmt(nominal)} EUR/kg) x {fmt(med)} (median INSEE 2026-08 / "
                f"2022-03 ratio of average prices; p90 {fmt(p90)})",
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
