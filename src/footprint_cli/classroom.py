"""Computations behind the classroom outputs (season poster, quiz cards): pure, engine-backed.

Every number here comes from :func:`footprint_cli.engine.compare`; nothing is hard-coded.
"""

from __future__ import annotations

from dataclasses import dataclass

from .calendar import ProductCalendar
from .engine import Comparison, Scenario, compare
from .errors import FootprintError
from .model.loader import Dataset

_DRAWS = 200
"""The poster and the cards show central values; a few draws are enough for the engine's run."""


def month_value(data: Dataset, product: str, origin: str, month: int) -> float | None:
    """kg CO2e per kg of ``product`` from ``origin`` eaten in France in ``month`` (None: not computable)."""
    try:
        c = compare(data, [Scenario(product=product, origin=origin, month=month)], draws=_DRAWS, seed=1)
    except FootprintError:
        return None
    r = c.options[0]
    return r.total_kg_co2e / r.quantity_kg


def poster_rows(data: Dataset, cals: list[ProductCalendar]) -> list[tuple[ProductCalendar, list]]:
    """For each calendar, twelve poster cells: status, the origin computed, kg CO2e per kg."""
    from .render.poster import PosterCell, status_of

    rows = []
    for cal in cals:
        cells = []
        for cell in cal.months:
            status = status_of(cal, cell)
            origin: str | None = None
            if status in ("in_season", "cold_storage", "heated_greenhouse", "all_year"):
                origin = cal.origin.code
            elif status == "imported":
                origin = next((c for c in cell.imported_from if len(c) == 2), None)
            value = month_value(data, cal.product.id, origin, cell.month) if origin else None
            cells.append(PosterCell(cell, status, origin, value))
        rows.append((cal, cells))
    return rows


@dataclass(frozen=True)
class QuizPair:
    """Two options, the engine's comparison of them, and the lesson the pair teaches."""

    lesson: str
    """``local_loses``, ``transport_matters`` or ``production_dominates``"""
    comparison: Comparison

    @property
    def lower(self) -> int:
        """Index (0 or 1) of the option that emits less."""
        a, b = self.comparison.options
        return 0 if a.total_kg_co2e <= b.total_kg_co2e else 1
