"""The French option, whole chain, against AGRIBALYSE 3.2 to the shop (no consumption stage).

    python bench/bench_agribalyse_ratio.py

Over the raw products whose origin the model computes (fruit, vegetables, meat, fish, eggs and
pulses that France grows and does not mostly import; AGRIBALYSE-average processed foods left out), for each product the French
option of its first available month (in season when there is one), and the ratio of its total to
AGRIBALYSE's own total without the consumption stage (data/agribalyse_totals.csv). Prints every
product with |log ratio|, the median |log ratio| and the products above 30 %, with the share of the
gap that AGRIBALYSE's transport stage explains (its transport is a national market mix of origins
and modes, the model's is one origin's route). docs/methodology.md gives the reasons.
"""

from __future__ import annotations

import math
import statistics
import sys

from footprint_cli.engine import Scenario, compute
from footprint_cli.errors import FootprintError
from footprint_cli.store import load_dataset

RAW_CATEGORIES = ("fruit", "vegetable", "meat", "fish", "egg", "pulse")


def french_option(data, pid: str):
    first = None
    for month in range(1, 13):
        try:
            r = compute(data, Scenario(pid, "FR", month), draws=200)
        except FootprintError:
            continue
        if r.season.status in ("in_season", "all_year"):
            return r
        first = first or r
    return first


def rows(data):
    out = []
    for p in sorted(data.products.values(), key=lambda p: p.id):
        ref = data.agribalyse_totals.get(p.id)
        if ref is None or not p.grown_in_france or p.category not in RAW_CATEGORIES:
            continue
        if p.id in data.mostly_imported:
            continue  # no meaningful French option (data/french_supply.csv)
        if (
            p.agribalyse_average
            or p.processing_kg_co2e_per_kg.central > 0.1 * p.production_kg_co2e_per_kg.central
        ):
            continue  # an AGRIBALYSE average (processed, or a raw product kept as its average): origin not modelled
        r = french_option(data, p.id)
        if r is None:
            continue
        agb = ref.to_shop_kg_co2e_per_kg
        ratio = r.per_kg_kg_co2e / agb
        gap = agb - r.per_kg_kg_co2e
        transport_gap = ref.transport_kg_co2e_per_kg - r.stages["transport"] / r.quantity_kg
        out.append((p.id, r.per_kg_kg_co2e, agb, ratio, transport_gap / gap if gap else 0.0))
    return out


def main() -> int:
    data = load_dataset()
    table = rows(data)
    print(f"{'product':18s} {'model':>8s} {'AGB':>8s} {'ratio':>6s} {'|ln|':>6s} transport share of gap")
    for pid, model, agb, ratio, share in table:
        print(f"{pid:18s} {model:8.3f} {agb:8.3f} {ratio:6.2f} {abs(math.log(ratio)):6.2f} {share:6.0%}")
    med = statistics.median(abs(math.log(x[3])) for x in table)
    above = [x for x in table if abs(x[3] - 1) > 0.30]
    print(f"\n{len(table)} products; median |log ratio| = {med:.3f} (target < 0.10)")
    print(f"{len(above)} products more than 30 % away: {', '.join(x[0] for x in above)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
