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
            if status in ("in_season", "unheated_shelter", "cold_storage", "heated_greenhouse", "all_year"):
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


LESSONS = ("local_loses", "transport_matters", "production_dominates")


def _pair(data: Dataset, lesson: str, a: Scenario, b: Scenario) -> QuizPair | None:
    try:
        return QuizPair(lesson, compare(data, [a, b], draws=_DRAWS, seed=1))
    except FootprintError:
        return None


def _ratio(pair: QuizPair) -> float:
    a, b = (r.total_kg_co2e for r in pair.comparison.options)
    return max(a, b) / min(a, b) if min(a, b) > 0 else 0.0


def _local_loses(data: Dataset) -> list[QuizPair]:
    """A French product out of season (heated greenhouse, months of cold storage) against an
    import in season that month, when the import emits less. Best month per product."""
    from .calendar import CALENDAR_CATEGORIES, product_calendar, products_for

    france = data.places["FR"]
    out = []
    for product in products_for(data, CALENDAR_CATEGORIES):
        if not product.grown_in_france:
            continue
        best: QuizPair | None = None
        for cell in product_calendar(data, product, france).months:
            if cell.status not in ("heated_greenhouse", "cold_storage"):
                continue
            for code in cell.imported_from:
                if len(code) != 2:
                    continue
                local = Scenario(product=product.id, origin="FR", month=cell.month)
                pair = _pair(
                    data, "local_loses", local, Scenario(product=product.id, origin=code, month=cell.month)
                )
                if pair and pair.lower == 1 and (best is None or _ratio(pair) > _ratio(best)):
                    best = pair
        if best:
            out.append(best)
    return sorted(out, key=_ratio, reverse=True)


def _transport_matters(data: Dataset) -> list[QuizPair]:
    """The same product from the same country, by ship and by plane, where the data says it flies."""
    out = []
    for (product, origin), route in sorted(data.routes.items()):
        if route.mode != "air" or "*" in (product, origin) or product not in data.products:
            continue
        season = data.seasons.get((product, origin))
        month = min(season.months) if season and season.months else 1
        by_sea = Scenario(product=product, origin=origin, month=month, mode="sea")
        pair = _pair(
            data,
            "transport_matters",
            Scenario(product=product, origin=origin, month=month, mode="air"),
            by_sea,
        )
        if pair and pair.lower == 1:
            out.append(pair)
    return sorted(out, key=_ratio, reverse=True)


def _production_dominates(data: Dataset) -> list[QuizPair]:
    """French meat against a fruit or vegetable that crossed an ocean: production weighs most."""
    meats = sorted(
        (p for p in data.products.values() if p.category == "meat" and p.grown_in_france),
        key=lambda p: p.production_kg_co2e_per_kg.central,
        reverse=True,
    )
    far = []
    for (product, origin), season in sorted(data.seasons.items()):
        place = data.places.get(origin)
        if place is None or place.group != "world" or product not in data.products or not season.months:
            continue
        if data.products[product].category not in ("fruit", "vegetable"):
            continue
        far.append((product, origin, min(season.months)))
    out = []
    used: set[str] = set()
    for meat in meats:
        for product, origin, month in far:
            if product in used:
                continue
            pair = _pair(
                data,
                "production_dominates",
                Scenario(product=meat.id, origin="FR", month=month),
                Scenario(product=product, origin=origin, month=month),
            )
            # by ship or truck: a plane would teach the transport lesson instead
            if pair and pair.lower == 1 and pair.comparison.options[1].main_mode != "air":
                out.append(pair)
                used.add(product)
                break
    return sorted(out, key=lambda p: p.comparison.options[1].stages["transport"], reverse=True)


def quiz_pairs(data: Dataset, n: int = 10) -> list[QuizPair]:
    """``n`` pairs whose answer surprises, the three lessons in turn, one product per lesson."""
    pools = [_local_loses(data), _transport_matters(data), _production_dominates(data)]
    chosen: list[QuizPair] = []
    seen: set[tuple[str, ...]] = set()
    while len(chosen) < n and any(pools):
        for pool in pools:
            while pool:
                pair = pool.pop(0)
                key = (pair.lesson, *sorted({r.product.id for r in pair.comparison.options}))
                if key not in seen:
                    seen.add(key)
                    chosen.append(pair)
                    break
            if len(chosen) == n:
                break
    return chosen
