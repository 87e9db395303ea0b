"""Month -> how a product from an origin reaches the plate: in season, stored, heated, imported.

For a product P from country C in month M:

* a season row (P, C) — or (P, hemisphere of C) — gives the months P is in season
  there (``months``) and, for storable produce, the harvest months
  (``harvest_months``; defaults to ``months``);
* M in a harvest month: fresh, no storage;
* M in season but outside the harvest (e.g. a French apple in April): the produce
  comes out of cold storage, stored since the end of the last harvest;
* M out of season: a storable product still inside its storability comes from
  cold storage; a product grown under heated glass off season (flag on the row)
  comes from a heated greenhouse; otherwise it is flagged as out of season;
* no season row: available all year (tropical produce, dry goods, animal products).

A row of ``season_systems.csv`` for (P, C) covering M overrides all this: the product is
field-grown, under an unheated shelter, from a heated greenhouse, or **not available** from
that origin that month. And a product from France outside its months, neither storable
any more nor grown under heated glass, is not available from France: it is not computed as
fresh produce.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model.loader import Dataset
from .model.schemas import SEASON_SYSTEM_STATUSES, Place, Product, Season, SeasonSystem

Status = Literal[
    "in_season", "cold_storage", "heated_greenhouse", "out_of_season", "unavailable", "all_year", "preserved"
]
_SYSTEM_OF_STATUS = {"field": None, "unheated_shelter": "unheated_greenhouse", "heated": "heated_greenhouse"}


@dataclass(frozen=True)
class SeasonVerdict:
    status: Status
    storage_months: int
    system: str | None
    """Production system the month implies (heated_greenhouse), or None."""
    season: Season | None
    proxy_from: str | None = None
    """Origin whose calendar stands in (``FR``, or ``FR+6`` shifted half a year) when the
    origin has none of its own; None when the origin's own (or hemisphere) row is used."""


def months_since_harvest(month: int, harvest: frozenset[int]) -> int:
    """Whole months elapsed since the last harvest month before ``month`` (0 if harvested now)."""
    if month in harvest:
        return 0
    for back in range(1, 12):
        if ((month - back - 1) % 12) + 1 in harvest:
            return back
    return 12


def season_row(data: Dataset, product: Product, country: Place) -> Season | None:
    return data.seasons.get((product.id, country.code)) or data.seasons.get((product.id, country.hemisphere))


def _has_heated_data(data: Dataset, product: Product) -> bool:
    """A heated-greenhouse production factor exists for the product (else "heated" would
    only be a label on the ordinary value)."""
    return any(p == product.id and sys == "heated_greenhouse" for p, sys, _ in data.variants)


def _shift(months: frozenset[int], by: int) -> frozenset[int]:
    return frozenset(((m - 1 + by) % 12) + 1 for m in months)


def season_system(data: Dataset, product: Product, country: Place, month: int) -> SeasonSystem | None:
    """The ``season_systems.csv`` row saying how ``country`` grows ``product`` in ``month``, if any."""
    for status in SEASON_SYSTEM_STATUSES:
        row = data.season_systems.get((product.id, country.code, status))
        if row is not None and month in row.months:
            return row
    return None


def judge(data: Dataset, product: Product, country: Place, month: int) -> SeasonVerdict:
    row = season_row(data, product, country)
    cell = season_system(data, product, country, month)
    if cell is not None:
        if cell.status == "unavailable":
            return SeasonVerdict("unavailable", 0, None, row)
        if cell.status == "heated":
            return SeasonVerdict("heated_greenhouse", 0, "heated_greenhouse", row)
        return SeasonVerdict("in_season", 0, _SYSTEM_OF_STATUS[cell.status], row)
    proxy = None
    months: frozenset[int] = row.months if row else frozenset()
    harvest: frozenset[int] = (row.harvest_months or row.months) if row else frozenset()
    if row is None:
        # seasonal produce with no calendar for this origin: borrow the French one (shifted
        # half a year in the southern hemisphere) rather than call it available all year
        fr = data.seasons.get((product.id, "FR"))
        if fr is None or not fr.months or len(fr.months) == 12:
            return SeasonVerdict("all_year", 0, None, None)
        shift = 6 if country.hemisphere == "S" else 0
        row, proxy = fr, "FR" if shift == 0 else "FR+6"
        months = _shift(fr.months, shift)
        harvest = _shift(fr.harvest_months or fr.months, shift)
    if not months or len(months) == 12:
        return SeasonVerdict("all_year", 0, None, row, proxy)
    stored = months_since_harvest(month, harvest)
    if stored == 0:  # harvested this month: fresh, whatever the market calendar says
        return SeasonVerdict("in_season", 0, None, row, proxy)
    if month in months:
        if product.storable_months == 0:
            return SeasonVerdict("in_season", 0, None, row, proxy)
        return SeasonVerdict("cold_storage", min(stored, product.storable_months), None, row, proxy)
    if product.storable_months and stored <= product.storable_months:
        return SeasonVerdict("cold_storage", stored, None, row, proxy)
    if row.heated_greenhouse_off_season and proxy is None and _has_heated_data(data, product):
        return SeasonVerdict("heated_greenhouse", 0, "heated_greenhouse", row, proxy)
    if proxy is None and country.code == "FR":
        # France's own calendar: outside it, past storage and not heated, France has none to sell
        return SeasonVerdict("unavailable", 0, None, row, proxy)
    return SeasonVerdict("out_of_season", 0, None, row, proxy)


def available_origins(data: Dataset, product: Product, month: int, *, exclude: str = "") -> tuple[str, ...]:
    """Countries with a calendar of their own for ``product`` that supply it in ``month`` (fresh,
    stored, heated or all year), sorted; ``exclude`` left out."""
    codes = {c for (pid, c) in data.seasons if pid == product.id}
    codes |= {c for (pid, c, _) in data.season_systems if pid == product.id}
    out = []
    for code in sorted(codes - {exclude}, key=lambda c: (len(c) == 1, c)):
        if len(code) == 1:  # a hemisphere default row (N or S)
            row = data.seasons[(product.id, code)]
            if month in row.months:
                out.append(code)
            continue
        place = data.places.get(code)
        if place is None:
            continue
        if judge(data, product, place, month).status not in ("unavailable", "out_of_season"):
            out.append(code)
    return tuple(out)
