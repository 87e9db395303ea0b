"""Month-by-month calendar: how a product reaches a French plate in each month.

For each month, :func:`footprint_cli.season.judge` decides for the chosen origin
(France by default): in season, from cold storage, from a heated greenhouse, out of
season, or all year. Out of season, the calendar says where imports can come from:
the other origins whose season row in ``seasons.csv`` covers that month (a country
code, or ``N`` / ``S`` for a hemisphere default). Pure: no Typer, no Rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .model.loader import Dataset
from .model.schemas import Place, Product
from .season import judge

CalendarStatus = Literal[
    "in_season",
    "unheated_shelter",
    "cold_storage",
    "heated_greenhouse",
    "imported",
    "out_of_season",
    "all_year",
]
CALENDAR_STATUSES: tuple[CalendarStatus, ...] = (
    "in_season",
    "unheated_shelter",
    "cold_storage",
    "heated_greenhouse",
    "imported",
    "out_of_season",
    "all_year",
)
CALENDAR_CATEGORIES = ("fruit", "vegetable")


@dataclass(frozen=True)
class MonthCell:
    month: int
    status: CalendarStatus
    storage_months: int
    imported_from: tuple[str, ...]
    """Other origins in season that month (ISO codes, or N / S hemispheres), sorted."""


@dataclass(frozen=True)
class ProductCalendar:
    product: Product
    origin: Place
    months: tuple[MonthCell, ...]
    """Twelve cells, January to December."""


def importers(data: Dataset, product: Product, origin: Place, month: int) -> tuple[str, ...]:
    """Origins other than ``origin`` whose season row covers ``month``."""
    out = []
    for (pid, code), row in data.seasons.items():
        if pid != product.id or code == origin.code:
            continue
        if month in row.months:
            out.append(code)
    # countries first, hemisphere defaults (N, S) last
    return tuple(sorted(out, key=lambda c: (len(c) == 1, c)))


def product_calendar(data: Dataset, product: Product, origin: Place) -> ProductCalendar:
    """The twelve months of ``product`` as seen from ``origin`` (a country row)."""
    cells = []
    for month in range(1, 13):
        verdict = judge(data, product, origin, month)
        others = importers(data, product, origin, month)
        status: CalendarStatus
        if verdict.status in ("out_of_season", "unavailable"):
            status = "imported" if others else "out_of_season"
        elif verdict.status == "in_season" and verdict.system == "unheated_greenhouse":
            status = "unheated_shelter"  # a season_systems.csv row: grown under an unheated shelter
        else:
            status = verdict.status
        cells.append(MonthCell(month, status, verdict.storage_months, others))
    return ProductCalendar(product, origin, tuple(cells))


def products_for(data: Dataset, categories: Iterable[str] = CALENDAR_CATEGORIES) -> list[Product]:
    """Products of the given categories that have at least one season row, sorted by id."""
    cats = set(categories)
    seasonal = {pid for pid, _ in data.seasons}
    return sorted(
        (p for p in data.products.values() if p.category in cats and p.id in seasonal), key=lambda p: p.id
    )


def calendars(data: Dataset, products: Iterable[Product], origin: Place) -> list[ProductCalendar]:
    return [product_calendar(data, p, origin) for p in products]
