"""What élus and canteen managers ask of a report: per site, per supplier, per month, per meal,
and the balance of animal and plant protein.

Each function reads a computed :class:`~footprint_cli.batch.report.Report` (its per-line table
and :meth:`~footprint_cli.batch.report.Report.column`) and redoes no arithmetic of the engine:
a group's emissions are the sum of its lines' ``total_kg_co2e``, so the groups of a breakdown
add up to the report's total (every computed line is in exactly one group; a line whose site,
supplier or date is not given is in the "not given" group).

Site and supplier columns are found by their header (``site``, ``cuisine``, ``restaurant``,
``établissement``, ``école``...; ``fournisseur``, ``supplier``...), or named with
``--columns site=HEADER``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..catalog import fold
from ..errors import InputError
from ..i18n import Message, Named
from .exact import exact_bincount
from .report import Share

if TYPE_CHECKING:  # pragma: no cover
    from ..model.loader import Dataset
    from .report import Report

__all__ = [
    "ANIMAL_CATEGORIES",
    "MealCounts",
    "PLANT_CATEGORIES",
    "SITE_HEADERS",
    "Group",
    "PerMeal",
    "ProteinBalance",
    "by_column",
    "by_month",
    "by_site",
    "by_supplier",
    "per_meal",
    "per_meal_of_groups",
    "protein_balance",
    "read_meals",
    "site_header",
    "supplier_header",
]

SITE_HEADERS: tuple[str, ...] = (
    "site",
    "cuisine",
    "restaurant",
    "etablissement",
    "ecole",
    "cantine",
    "restaurant scolaire",
    "cuisine centrale",
    "satellite",
    "college",
    "lycee",
    "creche",
    "lieu de livraison",
    "point de livraison",
    "canteen",
    "kitchen",
    "school",
)
"""Folded headers recognised as the site column (exactly, or followed by more words:
"Site de livraison", "École primaire")."""

SITE_DENY = frozenset({"code", "id", "siret", "ref", "numero", "num", "type"})
"""Words after the name that make a header something else ("site code", "type d'établissement")."""

ANIMAL_CATEGORIES = frozenset({"meat", "fish", "egg", "dairy"})
"""Product categories (``data/products.csv``) counted as animal protein sources."""
PLANT_CATEGORIES = frozenset({"pulse", "cereal", "nut", "soy"})
"""Product categories counted as plant protein sources (pulses, tofu, cereals; nuts and soy
when the data holds them). Fruit, vegetables, sugar, oils and drinks are not counted."""

NOT_GIVEN = ""
"""Key of the group of lines that do not give the site, supplier or month."""


@dataclass(frozen=True)
class Group(Share):
    """One group of a breakdown (a :class:`~footprint_cli.batch.report.Share`: its lines, kg,
    emissions, share of the total and euros the file gives), and its carbon cost."""

    carbon_cost_eur: float


# ---------------------------------------------------------------- columns


def _header_matches(header: str, names: tuple[str, ...], deny: frozenset[str]) -> int | None:
    f = fold(header)
    if not f:
        return None
    for rank, name in enumerate(names):
        if f == name:
            return rank
        if f.startswith(name + " ") and not deny.intersection(f.split()[len(name.split()) :]):
            return len(names) + rank
    return None


def site_header(report: Report, override: str | None = None) -> str | None:
    """The original header of the site column: ``override`` (a header of the file), else the
    best header matching :data:`SITE_HEADERS` that the reader did not read as something else."""
    headers = list(report.original_columns)
    if override:
        if override in headers:
            return override
        folded = {fold(h): h for h in headers}
        if fold(override) in folded:
            return folded[fold(override)]
        listing = Named(  # a column without a header is named in each language
            ", ".join(repr(str(h)) for h in headers),
            ", ".join(repr(h.fr if isinstance(h, Named) else h) for h in headers),
        )
        raise InputError(
            Message("rep.err.site_column", path=report.path, name=override),
            hint=Message("rep.err.headers", headers=listing),
        )
    used = set(report.columns.values())
    best: tuple[int, int, str] | None = None
    for i, h in enumerate(headers):
        if h in used:
            continue
        rank = _header_matches(h, SITE_HEADERS, SITE_DENY)
        if rank is not None and (best is None or (rank, i) < best[:2]):
            best = (rank, i, h)
    if best is None and report.schema == "ma-cantine" and "siret" in headers:
        return "siret"  # the platform's export names the canteen by its SIRET
    return best[2] if best else None


def supplier_header(report: Report) -> str | None:
    """The original header the reader read as the supplier, if any."""
    return report.columns.get("supplier")


# ---------------------------------------------------------------- breakdowns


def _sums(report: Report, codes: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Per group code (0..n-1): lines, kg, kg CO2e and euros (missing amounts count 0)."""
    amount = report.column("amount_eur").astype(float)
    # exact sums: a group's figures do not depend on how the file was cut (see .exact)
    return {
        "lines": np.bincount(codes, minlength=n),
        "kg": exact_bincount(codes, report.column("kg").astype(float), n),
        "kg_co2e": exact_bincount(codes, report.column("total_kg_co2e"), n),
        "eur": exact_bincount(codes, np.where(np.isnan(amount), 0.0, amount), n),
    }


def _groups(report: Report, keys: Any, order: list[str] | None = None) -> list[Group]:
    """Group the computed lines by ``keys`` (one per line; missing -> :data:`NOT_GIVEN`).

    The keys are factorised once (a categorical column gives its codes without a string per
    line), the distinct keys cleaned (trimmed; equal once trimmed -> one group), and the sums
    taken with ``bincount``: a million lines cost a few integer passes."""
    if not report.rows_computed:
        return []
    codes, uniques = pd.factorize(keys, use_na_sentinel=False)
    names = [NOT_GIVEN if u is None or (isinstance(u, float) and u != u) else str(u).strip() for u in uniques]
    group_of, group_names = pd.factorize(pd.Series(names, dtype=object), use_na_sentinel=False)
    n = len(group_names)
    sums = _sums(report, np.asarray(group_of, dtype=np.int64)[codes], n)
    total = report.total_kg_co2e
    price = report.carbon_price_eur_per_t
    groups = [
        Group(
            key=str(group_names[i]),
            lines=int(sums["lines"][i]),
            kg=float(sums["kg"][i]),
            kg_co2e=float(sums["kg_co2e"][i]),
            share=float(sums["kg_co2e"][i] / total) if total else 0.0,
            amount_eur=float(sums["eur"][i]),
            carbon_cost_eur=float(sums["kg_co2e"][i]) * price / 1000.0,
        )
        for i in range(n)
    ]
    if order is not None:
        rank = {k: i for i, k in enumerate(order)}
        return sorted(groups, key=lambda g: rank.get(g.key, len(rank)))
    # largest first; the "not given" group last
    return sorted(groups, key=lambda g: (g.key == NOT_GIVEN, -g.kg_co2e))


def by_column(report: Report, header: str) -> list[Group]:
    """Breakdown by the original column ``header`` (its cells as text)."""
    col = f"in:{header}"
    if col not in report.table.columns:
        raise KeyError(header)
    return _groups(report, report.table[col])


def by_site(report: Report, override: str | None = None) -> tuple[str | None, list[Group]]:
    """(site header, breakdown by site); no header -> (None, [])."""
    h = site_header(report, override)
    return (h, by_column(report, h)) if h else (None, [])


def by_supplier(report: Report) -> tuple[str | None, list[Group]]:
    h = supplier_header(report)
    return (h, by_column(report, h)) if h else (None, [])


def line_months(report: Report) -> np.ndarray:
    """Each computed line's month (1-12), 0 where the file gives no date (the default month was
    assumed for the arithmetic)."""
    from .report import LINE_FLAGS

    month = report.column("month").astype(np.int64)
    defaulted = (report.column("line_flag_bits").astype(np.int64) >> LINE_FLAGS.index("month_default")) & 1
    return np.where(defaulted == 1, 0, month)


def by_month(report: Report) -> list[Group]:
    """Breakdown by month of delivery (keys ``"1"``..``"12"``, then ``""`` for lines without a
    date), in calendar order. Months of different years are added together."""
    m = line_months(report)
    keys = pd.Categorical.from_codes(m, categories=[NOT_GIVEN, *(str(i) for i in range(1, 13))])
    return _groups(report, keys, order=[str(i) for i in range(1, 13)] + [NOT_GIVEN])


# ---------------------------------------------------------------- per meal


@dataclass(frozen=True)
class PerMeal:
    """The report's figures divided by the number of meals served."""

    meals: int
    kg_co2e: float
    interval_kg_co2e: tuple[float, float]
    kg: float
    """Kg of food bought per meal."""
    amount_eur: float | None
    """Euros paid per meal (amounts of the file), None when the file gives no amount."""
    carbon_cost_eur: float


def per_meal(report: Report, meals: int) -> PerMeal:
    """Total / ``meals`` for each figure (an exact division, nothing else)."""
    if meals <= 0:
        raise InputError(Message("rep.err.meals", value=meals))
    low, high = report.interval_kg_co2e
    return PerMeal(
        meals=meals,
        kg_co2e=report.total_kg_co2e / meals,
        interval_kg_co2e=(low / meals, high / meals),
        kg=report.total_kg / meals,
        amount_eur=report.amount_eur / meals if report.amount_eur > 0 else None,
        carbon_cost_eur=report.carbon_cost_eur / meals,
    )


MEALS_HEADERS: tuple[str, ...] = (
    "repas",
    "nombre de repas",
    "nb repas",
    "repas servis",
    "couverts",
    "nombre de couverts",
    "meals",
    "meals served",
    "number of meals",
    "covers",
)
MONTH_HEADERS: tuple[str, ...] = ("mois", "month", "periode", "period")


@dataclass(frozen=True)
class MealCounts:
    """Meals served, from a small file: one row per site and/or month (or a single row)."""

    path: str
    rows: list[tuple[str | None, int | None, int]]
    """(site or None, month 1-12 or None, meals)."""
    site_column: str | None = None
    month_column: str | None = None

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.rows)

    def by_site(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for site, _, n in self.rows:
            if site is not None:
                out[site] = out.get(site, 0) + n
        return out

    def by_month(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, month, n in self.rows:
            if month is not None:
                out[str(month)] = out.get(str(month), 0) + n
        return out


_MONTH_TEXT = re.compile(r"^(?:(?P<m1>\d{1,2})|(?P<y>\d{4})-(?P<m2>\d{1,2})|(?P<m3>\d{1,2})/(?P<y2>\d{4}))$")


def read_meals(path: str | Path) -> MealCounts:
    """Read a meals file: a ``repas`` / ``meals`` / ``couverts`` column, and optionally a site
    column (the same names as the purchases' site column) and a month column (``3``, ``2025-03``
    or ``03/2025``). Separator and encoding are detected (``;`` or ``,``; UTF-8 or cp1252)."""
    import csv
    import io

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(Message("rep.err.meals_read", path=str(p), why=exc.strerror)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ";" if text.count(";") >= text.count(",") else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delim) if any(c.strip() for c in r)]
    if not rows:
        raise InputError(Message("rep.err.meals_none", path=str(p)))
    header = rows[0]

    def find(names: tuple[str, ...], deny: frozenset[str] = frozenset()) -> int | None:
        best: tuple[int, int] | None = None
        for i, h in enumerate(header):
            rank = _header_matches(h, names, deny)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, i)
        return best[1] if best else None

    meals_i = find(MEALS_HEADERS)
    if meals_i is None:
        listing = ", ".join(repr(h) for h in header)
        raise InputError(
            Message("rep.err.meals_column", path=str(p)), hint=Message("rep.err.headers", headers=listing)
        )
    site_i = find(SITE_HEADERS, SITE_DENY)
    month_i = find(MONTH_HEADERS)
    out: list[tuple[str | None, int | None, int]] = []
    problems: list[tuple[int, str, str]] = []
    """(line, field, cell) of each row that cannot be read."""
    for n, row in enumerate(rows[1:], start=2):
        cell = (row[meals_i] if meals_i < len(row) else "").strip()
        digits = re.sub(r"[\s\u00a0\u202f]", "", cell)
        if not digits.isdigit():
            problems.append((n, "meals", cell))
            continue
        month: int | None = None
        if month_i is not None:
            mtext = (row[month_i] if month_i < len(row) else "").strip()
            m = _MONTH_TEXT.match(mtext)
            value = int(next(g for g in (m["m1"], m["m2"], m["m3"]) if g)) if m else 0
            if not 1 <= value <= 12:
                problems.append((n, "month", mtext))
                continue
            month = value
        site = (row[site_i] if site_i < len(row) else "").strip() if site_i is not None else None
        out.append((site, month, int(digits)))
    if problems:
        line, what, cell = problems[0]
        raise InputError(
            Message(
                f"rep.err.meals_{what}" + (".more" if len(problems) > 1 else ""),
                path=str(p),
                line=line,
                value=cell,
                more=len(problems) - 1,
            )
        )
    counts = MealCounts(
        str(p),
        out,
        header[site_i] if site_i is not None else None,
        header[month_i] if month_i is not None else None,
    )
    if counts.total <= 0:
        raise InputError(Message("rep.err.meals_none", path=str(p)))
    return counts


def per_meal_of_groups(groups: list[Group], meals: dict[str, int]) -> dict[str, float]:
    """kg CO2e per meal of each group that has a meal count (exact division)."""
    return {g.key: g.kg_co2e / meals[g.key] for g in groups if meals.get(g.key)}


# ---------------------------------------------------------------- protein balance


@dataclass(frozen=True)
class ProteinBalance:
    """Animal vs plant protein sources, by mass and by spend (shares of the two together)."""

    animal_kg: float
    plant_kg: float
    animal_eur: float
    plant_eur: float
    animal_kg_co2e: float
    plant_kg_co2e: float
    lines_without_amount: int
    """Protein-source lines with no amount in the file (counted by mass, not by spend)."""

    @property
    def animal_share_kg(self) -> float | None:
        both = self.animal_kg + self.plant_kg
        return self.animal_kg / both if both > 0 else None

    @property
    def plant_share_kg(self) -> float | None:
        share = self.animal_share_kg
        return None if share is None else 1.0 - share

    @property
    def animal_share_eur(self) -> float | None:
        both = self.animal_eur + self.plant_eur
        return self.animal_eur / both if both > 0 else None

    @property
    def plant_share_eur(self) -> float | None:
        share = self.animal_share_eur
        return None if share is None else 1.0 - share


def protein_side(data: Dataset, product_id: str) -> str:
    """``"animal"``, ``"plant"`` or ``""`` (not counted) for a product, from its category."""
    p = data.products.get(product_id)
    if p is None:
        return ""
    if p.category in ANIMAL_CATEGORIES:
        return "animal"
    if p.category in PLANT_CATEGORIES:
        return "plant"
    return ""


def protein_balance(report: Report, data: Dataset) -> ProteinBalance:
    """Sum kg, euros and emissions of the lines whose product is an animal or a plant protein
    source (:data:`ANIMAL_CATEGORIES`, :data:`PLANT_CATEGORIES`)."""
    codes, uniques = pd.factorize(report.table["product"], use_na_sentinel=False)
    side_of = np.array([protein_side(data, str(p)) for p in uniques] or [""], dtype=object)
    sums = {
        side: _sums(report, np.asarray((side_of == side)[codes], dtype=np.int64), 2)
        for side in ("animal", "plant")
    }
    amount = report.column("amount_eur").astype(float)
    counted = (side_of != "")[codes]
    out: dict[str, float] = {}
    for side, got in sums.items():
        out[f"{side}_kg"] = float(got["kg"][1])
        out[f"{side}_eur"] = float(got["eur"][1])
        out[f"{side}_kg_co2e"] = float(got["kg_co2e"][1])
    return ProteinBalance(**out, lines_without_amount=int((counted & np.isnan(amount)).sum()))
