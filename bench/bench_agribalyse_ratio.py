"""The French option, whole chain, against AGRIBALYSE 3.2 to the shop (no consumption stage).

    python bench/bench_agribalyse_ratio.py            # the table and both medians
    python bench/bench_agribalyse_ratio.py --reasons fr   # the reasons table of docs/methodology.md

Over the raw products whose origin the model computes (fruit, vegetables, meat, fish, eggs and
pulses that France grows and does not mostly import; AGRIBALYSE-average processed foods left out), for each product the French
option of its first available month (in season when there is one), and two ratios:

- **against AGRIBALYSE** (data/agribalyse_totals.csv): its total without the consumption stage.
  Its transport stage is a national market average (every origin sold in France, its own lorry
  datasets), the model's is one origin's route, so this ratio mixes two questions.
- **like for like**: AGRIBALYSE's stages without its transport, plus the chain the public
  French method assigns to a French-origin product -- 160 km field -> first site (Ecobalyse,
  every ingredient, France included), 450 km to the storage site and 150 km to the shop
  (AGRIBALYSE 3.1 methodology, section 3.6, figure 11, as transcribed by Ecobalyse) -- priced with
  the model's own vehicle factors (DESNZ 2025: rigid trucks for the two ends, the HGV average for
  the trunk, refrigerated as the model refrigerates). It tells whether the model's French chain
  is the published French chain; what is left of the first ratio is AGRIBALYSE's market mix.

Prints every product, both medians and the products above 30 %, with the share of the gap that
AGRIBALYSE's transport stage explains. docs/methodology.md gives the reasons (``--reasons``).
"""

from __future__ import annotations

import csv
import math
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from footprint_cli.engine import Scenario, compute
from footprint_cli.errors import FootprintError
from footprint_cli.store import load_dataset

RAW_CATEGORIES = ("fruit", "vegetable", "meat", "fish", "egg", "pulse")
# AGRIBALYSE 3.1 methodology, section 3.6, figure 11 (as transcribed by Ecobalyse,
# MTES-MCT/ecobalyse alimentaire/impacts-consideres/transport.md): plant or packer -> storage site
TO_STORAGE_KM = 450.0
# AGRIBALYSE 3.2 by stage (reference data beside the repository; the "same value" column is empty without it)
AGRIBALYSE_DETAIL = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "reference"
    / "agribalyse-3.2"
    / "agribalyse-31-detail-par-etape.csv"
)


@dataclass(frozen=True)
class Row:
    product: str
    model: float
    model_transport: float
    agribalyse: float
    agribalyse_transport: float
    french_chain: float
    """transport of the published French-origin chain at the model's vehicle factors"""
    same_transport: tuple[str, ...] | None
    """the other raw products of AGRIBALYSE's food group with exactly this transport stage (None
    without the reference file)"""

    @property
    def ratio(self) -> float:
        return self.model / self.agribalyse

    @property
    def like_for_like(self) -> float:
        return self.model / (self.agribalyse - self.agribalyse_transport + self.french_chain)

    @property
    def transport_share(self) -> float:
        gap = self.agribalyse - self.model
        return (self.agribalyse_transport - self.model_transport) / gap if gap else 0.0


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


def french_chain_kg_co2e_per_kg(data, refrigerated: bool) -> float:
    modes, chain = data.factors.transport_modes, data.factors.chain
    rigid = modes["road_rigid_reefer" if refrigerated else "road_rigid"].kg_co2e_per_tkm.central
    trunk = modes["road_reefer" if refrigerated else "road"].kg_co2e_per_tkm.central
    ends_km = chain.collection_km.central + chain.distribution_km.central
    return (ends_km * rigid + TO_STORAGE_KM * trunk) / 1000.0


def same_transport_index() -> dict[tuple[str, float], list[tuple[str, str]]] | None:
    """(food group, transport stage) -> [(AGRIBALYSE code, French name)] over AGRIBALYSE's raw foods."""
    if not AGRIBALYSE_DETAIL.is_file():
        return None
    index: dict[tuple[str, float], list[tuple[str, str]]] = {}
    with AGRIBALYSE_DETAIL.open(encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            name = r["Nom du Produit en Français"]
            if not any(w in name.lower() for w in (" cru", " crue", ", cru", ", crue")):
                continue
            key = (r["Groupe d'aliment"], float(r["Changement climatique - Transport"]))
            index.setdefault(key, []).append((r["Code AGB"].lstrip("0"), name))
    return index


def _same(index, ref) -> tuple[str, ...] | None:
    if index is None:
        return None
    code = ref.source.identifier.split()[0]
    for (_, transport), products in index.items():
        if transport == ref.transport_kg_co2e_per_kg and any(c == code for c, _ in products):
            return tuple(n for c, n in products if c != code)
    return ()


def rows(data) -> list[Row]:
    out = []
    totals = data.agribalyse_totals
    index = same_transport_index()
    for p in sorted(data.products.values(), key=lambda p: p.id):
        ref = totals.get(p.id)
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
        out.append(
            Row(
                p.id,
                r.per_kg_kg_co2e,
                r.stages["transport"] / r.quantity_kg,
                ref.to_shop_kg_co2e_per_kg,
                ref.transport_kg_co2e_per_kg,
                french_chain_kg_co2e_per_kg(data, p.cold_chain != "ambient"),
                _same(index, ref),
            )
        )
    return out


def above(table: list[Row], threshold: float = 0.30) -> list[Row]:
    return [x for x in table if abs(x.ratio - 1) > threshold]


REASON_HEAD = {
    "fr": (
        "| produit | option française | AGRIBALYSE | dont transport AGRIBALYSE | transport du modèle "
        "| chaîne française publiée | transport AGRIBALYSE au-delà | à périmètre égal "
        "| autres produits crus au même transport AGRIBALYSE (noms AGRIBALYSE) |"
    ),
    "en": (
        "| product | French option | AGRIBALYSE | of which AGRIBALYSE transport | model transport "
        "| published French chain | AGRIBALYSE transport beyond it | like for like "
        "| other raw products with the same AGRIBALYSE transport (AGRIBALYSE names) |"
    ),
}


def reasons(data, table: list[Row], lang: str) -> str:
    """The table of docs/methodology.md: for each product above 30 %, its figures (kg CO2e/kg)."""
    lines = [REASON_HEAD[lang], "|---|" + "---:|" * 8]
    for x in above(table):
        beyond = x.agribalyse_transport - x.french_chain
        cells = [x.model, x.agribalyse, x.agribalyse_transport, x.model_transport, x.french_chain, beyond]
        nums = " | ".join(f"{v:.3f}" for v in cells)
        like = f"{x.like_for_like:.2f}"
        if lang == "fr":
            nums, like = nums.replace(".", ","), like.replace(".", ",")
        p = data.products[x.product]
        name = p.name_fr if lang == "fr" else p.name_en
        own = data.agribalyse_totals[x.product].source.identifier.split(" ", 1)[1]
        same = "" if x.same_transport is None else _examples(x.same_transport, own)
        lines.append(f"| {name} (`{x.product}`) | {nums} | {like} | {same} |")
    return "\n".join(lines)


def _first_word(name: str) -> str:
    return name.replace(",", " ").split()[0]


def _examples(names: tuple[str, ...], own: str, shown: int = 3) -> str:
    """ "13: Carotte, Concombre, Aubergine, … (+5)": how many, and a few of another kind first."""
    if not names:
        return "0"
    kinds = list(dict.fromkeys(_first_word(n) for n in names))  # "Pomme Golden" and "Pomme" are one kind
    others = [k for k in kinds if k != _first_word(own)] + [k for k in kinds if k == _first_word(own)]
    more = len(kinds) - shown
    return f"{len(names)}: " + ", ".join(others[:shown]) + (f", … (+{more})" if more > 0 else "")


def main(argv: list[str]) -> int:
    data = load_dataset()
    table = rows(data)
    if argv[:1] == ["--reasons"]:
        print(reasons(data, table, argv[1] if len(argv) > 1 else "en"))
        return 0
    print(
        f"{'product':18s} {'model':>7s} {'AGB':>7s} {'ratio':>6s} {'|ln|':>5s} {'share':>6s}"
        f"  {'AGB tr':>6s} {'FR ch':>6s} {'like':>5s} {'|ln|':>5s}"
    )
    for x in table:
        print(
            f"{x.product:18s} {x.model:7.3f} {x.agribalyse:7.3f} {x.ratio:6.2f} {abs(math.log(x.ratio)):5.2f}"
            f" {x.transport_share:6.0%}  {x.agribalyse_transport:6.3f} {x.french_chain:6.3f}"
            f" {x.like_for_like:5.2f} {abs(math.log(x.like_for_like)):5.2f}"
        )
    med = statistics.median(abs(math.log(x.ratio)) for x in table)
    med_like = statistics.median(abs(math.log(x.like_for_like)) for x in table)
    out = above(table)
    print(f"\n{len(table)} products; median |log ratio| against AGRIBALYSE = {med:.3f} (target < 0.10)")
    print(f"like for like (AGRIBALYSE without its transport + the published French chain): {med_like:.3f}")
    print(f"{len(out)} products more than 30 % away from AGRIBALYSE: {', '.join(x.product for x in out)}")
    like_out = [x.product for x in table if abs(x.like_for_like - 1) > 0.30]
    print(f"{len(like_out)} products more than 30 % away like for like: {', '.join(like_out) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
