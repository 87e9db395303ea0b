"""What the engine returns: results, their transport legs, flags, the factors used and the trace.

A :class:`Trace` is the calculation of one option as the engine did it: each stage with its
kg CO2e, the factors it used (value, unit, source, range) and its intermediate quantities
(kWh of cold storage, share of produce lost, great-circle distance of a leg...). Renderers that
show the calculation (``explain``) read it; they do not redo the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..model.schemas import Equivalent, Place, Product, Source, SourceRef
from ..season import SeasonVerdict
from .scenario import Scenario


@dataclass(frozen=True)
class FactorUse:
    """A factor that entered the result: its name, central value, unit and source."""

    key: str
    label: str
    value: float
    unit: str
    source: SourceRef
    low: float | None = None
    high: float | None = None
    """The range drawn by the Monte Carlo (None for a fixed number)."""


@dataclass(frozen=True)
class Flag:
    """A proxy, default or caveat that the output must show. ``code`` keys the i18n text."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Leg:
    mode: str
    """Transport mode key (road_reefer, sea_reefer, air_long...)."""
    origin: str
    destination: str
    distance_km: float
    kg_co2e: float
    kg_co2e_per_tkm: float
    refrigerated: bool
    distance_method: str
    origin_fr: str = ""
    destination_fr: str = ""
    origin_lonlat: tuple[float, float] | None = None
    destination_lonlat: tuple[float, float] | None = None
    """Longitude and latitude of the ends, in degrees (for the route map)."""

    def endpoints(self, lang: str) -> tuple[str, str]:
        """Names of the leg's ends in the output language."""
        if lang == "fr":
            return self.origin_fr or self.origin, self.destination_fr or self.destination
        return self.origin, self.destination


# The trace's records are named tuples: immutable and typed like the dataclasses above, and about
# five times cheaper to build at import (start-up of every command that computes).


class TraceStep(NamedTuple):
    """One stage as the engine computed it (central values, for the option's quantity)."""

    stage: str
    """One of :data:`~footprint_cli.engine.STAGES`."""
    kg_co2e: float
    factors: tuple[FactorUse, ...]
    """The factors the stage used, in the order they enter its formula."""
    quantities: dict[str, float]
    """Intermediate quantities, named with their unit (``kwh``, ``lost_fraction``...)."""


class LegTrace(NamedTuple):
    """One transport leg as the engine computed it: distance x quantity / 1000 x mode factor."""

    distance_km: float
    great_circle_km: float | None
    """The great-circle distance the leg's distance was derived from (None for the chain's
    assumed distances and the sea-route table)."""
    kg_co2e: float
    factors: tuple[FactorUse, ...]
    """The mode's factor, then the factor of the distance (road detour, air extra km, assumed
    chain distance), if any."""


class Trace(NamedTuple):
    """The calculation of one option: every stage (in :data:`~footprint_cli.engine.STAGES`
    order) and every transport leg (in :attr:`Result.legs` order)."""

    quantity_kg: float
    steps: tuple[TraceStep, ...]
    legs: tuple[LegTrace, ...]

    def step(self, stage: str) -> TraceStep:
        for s in self.steps:
            if s.stage == stage:
                return s
        raise KeyError(stage)


@dataclass(frozen=True)
class Result:
    scenario: Scenario
    product: Product
    origin: Place
    country: Place
    destination: Place
    month: int
    system: str
    season: SeasonVerdict
    main_mode: str
    stages: dict[str, float]
    """kg CO2e per stage for the scenario's quantity."""
    legs: tuple[Leg, ...]
    total_kg_co2e: float
    interval_kg_co2e: tuple[float, float]
    price_eur: float
    price_range_eur: tuple[float, float]
    carbon_price_eur_per_t: float
    carbon_price_key: str
    carbon_cost_eur: float
    flags: tuple[Flag, ...]
    factors: tuple[FactorUse, ...]
    storage_months: int
    agribalyse_to_shop_kg_co2e_per_kg: float | None = None
    """AGRIBALYSE's own total to the shop for the product (all origins, no consumption stage),
    for reference only; None when the product has no AGRIBALYSE row."""
    trace: Trace | None = field(default=None, repr=False, compare=False)
    """How the central figures were computed, step by step (see :class:`Trace`)."""

    @property
    def production_proxy(self) -> bool:
        """The production factor stands in for this origin's farms (a proxy, see ``_proxy``)."""
        return any(f.label == "production" and f.source.proxy for f in self.factors)

    @property
    def quantity_kg(self) -> float:
        return self.scenario.quantity_kg

    @property
    def agribalyse_to_shop_kg_co2e(self) -> float | None:
        """AGRIBALYSE's total to the shop for the scenario's quantity (reference only)."""
        per_kg = self.agribalyse_to_shop_kg_co2e_per_kg
        return None if per_kg is None else per_kg * self.scenario.quantity_kg

    @property
    def transport_share(self) -> float:
        return self.stages["transport"] / self.total_kg_co2e if self.total_kg_co2e else 0.0

    @property
    def per_kg_kg_co2e(self) -> float:
        return self.total_kg_co2e / self.scenario.quantity_kg


@dataclass(frozen=True)
class Comparison:
    options: tuple[Result, ...]
    prob_lower_than_first: tuple[float | None, ...]
    """P(option i < option 0) from the correlated draws; None for the first option."""
    draws: int
    seed: int
    sources: dict[str, Source] = field(default_factory=dict)
    """The source registry, to cite publishers beside factor identifiers."""
    equivalents: dict[str, Equivalent] = field(default_factory=dict)
    """Everyday equivalents (km by car...) to put a difference in words."""

    proxy_decided: tuple[bool, ...] = ()
    """Per option: the gap to the first option lies within the range of a production proxy
    (see :func:`proxy_decides`); False for the first option. The verdict never calls such a
    difference certain."""

    def is_proxy_decided(self, i: int) -> bool:
        return bool(self.proxy_decided) and self.proxy_decided[i]


def proxy_production_width(r: Result) -> float:
    """Width (high - low) of the widened production range of a proxied option, for its quantity."""
    for f in r.factors:
        if f.label == "production" and f.source.proxy and f.low is not None and f.high is not None:
            return (f.high - f.low) * r.quantity_kg
    return 0.0


def proxy_decides(a: Result, b: Result) -> bool:
    """The difference between ``a`` and ``b`` could be undone by what a production proxy does not
    know: the gap between their totals is smaller than the widths of their proxies' ranges. The
    probability from the draws then measures the stand-in's assumed spread, not knowledge of the
    foreign farm."""
    width = proxy_production_width(a) + proxy_production_width(b)
    return width > 0 and abs(a.total_kg_co2e - b.total_kg_co2e) < width
