"""One scenario -> a result: stages, transport legs, euros, flags, uncertainty.

The same arithmetic runs twice: once on central values (floats) and once on Monte
Carlo draws (numpy arrays, see :mod:`footprint_cli.uncertainty`), through a
``Sampler`` that hands out either. Factors that are truly the same in two options
(the refrigerated truck factor, the product's packaging stage...) are drawn once and
reused, so comparisons are correlated. A production value standing in for another
origin's farms (a proxy) is not the same factor: it has its own key, so its draws
are independent of the option it comes from, and a widened range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog
from .errors import InputError
from .geo.legs import SHORT_HAUL_MAX_KM, default_main_mode, plan_legs, road_connected
from .model.loader import Dataset
from .model.schemas import SYSTEMS, Equivalent, Place, Product, Range, Source, SourceRef
from .season import SeasonVerdict, available_origins, judge
from .uncertainty import MonteCarlo, Sampler

DEFAULT_DESTINATION = "FR-RUNGIS"
STAGES = ("production", "processing", "storage", "losses", "transport", "packaging", "retail")
MAIN_MODES = ("road", "rail", "sea", "air")


@dataclass(frozen=True)
class Scenario:
    """What to compute: a quantity of a product from an origin, eaten at a destination in a month."""

    product: str
    origin: str = "FR"
    month: int = 1
    destination: str = DEFAULT_DESTINATION
    system: str | None = None
    mode: str | None = None
    quantity_kg: float = 1.0
    preserved: bool = False
    """Bought frozen or canned: no season, no cold storage, no heated greenhouse (the fresh
    product's factors stand in, flagged)."""

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InputError(
                f"month must be 1..12, got {self.month}", key="err.month", params={"value": self.month}
            )
        if self.quantity_kg <= 0:
            raise InputError(
                f"quantity must be positive, got {self.quantity_kg} kg",
                key="err.quantity_positive",
                params={"value": self.quantity_kg},
            )
        if self.mode is not None and self.mode not in MAIN_MODES:
            raise InputError(
                f"mode must be one of {', '.join(MAIN_MODES)}, got {self.mode!r}",
                key="err.choice",
                params={"option": "--mode", "value": self.mode, "choices": ", ".join(MAIN_MODES)},
            )
        if self.system is not None and self.system not in SYSTEMS:
            raise InputError(
                f"system must be one of {', '.join(SYSTEMS)}, got {self.system!r}",
                key="err.choice",
                params={"option": "--system", "value": self.system, "choices": ", ".join(SYSTEMS)},
            )


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

    @property
    def production_proxy(self) -> bool:
        """The production factor stands in for this origin's farms (a proxy, see ``_proxy``)."""
        return any(f.label == "production" and f.source.proxy for f in self.factors)

    @property
    def quantity_kg(self) -> float:
        return self.scenario.quantity_kg

    @property
    def transport_share(self) -> float:
        return self.stages["transport"] / self.total_kg_co2e if self.total_kg_co2e else 0.0

    @property
    def per_kg_kg_co2e(self) -> float:
        return self.total_kg_co2e / self.scenario.quantity_kg


@dataclass
class _Work:
    """Collects factors and flags while a scenario is computed."""

    factors: dict[str, FactorUse] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    def use(self, key: str, label: str, r: Range | float, unit: str, source: SourceRef) -> None:
        if isinstance(r, Range):
            use = FactorUse(key, label, r.central, unit, source, r.low, r.high)
        else:
            use = FactorUse(key, label, float(r), unit, source)
        self.factors.setdefault(key, use)
        if (
            source.proxy
            and not key.startswith("proxy:")
            and not any(f.code == "factor_proxy" and f.params.get("key") == key for f in self.flags)
        ):
            self.flags.append(Flag("factor_proxy", {"key": key, "label": label}))

    def flag(self, code: str, **params: Any) -> None:
        f = Flag(code, params)
        if f not in self.flags:
            self.flags.append(f)


# ---------------------------------------------------------------- resolution


@dataclass(frozen=True)
class Resolved:
    """A scenario with names resolved to data rows and the season judged."""

    scenario: Scenario
    product: Product
    origin: Place
    country: Place
    destination: Place
    season: SeasonVerdict
    system: str
    main_mode: str
    mode_assumed: bool
    mode_ignored: str | None = None
    """A forced mode that does not apply (sea or air inside mainland France)."""


def destination_place(data: Dataset, catalog: Catalog, name: str) -> Place:
    """Where the food is eaten: a place in mainland France (France itself: the default market)."""
    destination = catalog.place(name)
    if destination.country != "FR":
        raise InputError(
            f"destination {destination.name_en} is not in mainland France",
            hint="the model computes food eaten in mainland France; give a region, department or city",
            key="err.destination",
            hint_key="hint.destination",
            params={"place": destination.name_en},
        )
    if destination.kind == "country":
        destination = data.places.get(DEFAULT_DESTINATION, destination)
    return destination


def resolve(data: Dataset, catalog: Catalog, s: Scenario) -> Resolved:
    product = catalog.product(s.product)
    origin = catalog.place(s.origin)
    country = catalog.country_of(origin)
    if origin.kind == "country" and origin.code == "FR":
        origin = data.places.get("FR", origin)
    destination = destination_place(data, catalog, s.destination)
    verdict = (
        SeasonVerdict("preserved", 0, None, None) if s.preserved else judge(data, product, country, s.month)
    )
    if verdict.status == "unavailable":
        others = available_origins(data, product, s.month, exclude=country.code)
        raise InputError(
            f"{product.name_en} from {country.name_en} is not available in month {s.month}",
            hint=f"origins that supply it that month: {', '.join(others) or 'none in the data'}",
            key="err.unavailable",
            hint_key="hint.unavailable",
            params={
                "product": product.name_en,
                "product_fr": product.name_fr,
                "origin": country.name_en,
                "origin_fr": country.name_fr,
                "month": s.month,
                "alternatives": _origins_text(data, others, "en"),
                "alternatives_fr": _origins_text(data, others, "fr"),
            },
        )
    system = s.system or verdict.system or _origin_system(data, product, country) or "conventional"
    ignored = None
    if s.mode in ("road", "rail") and not road_connected(country):
        raise InputError(
            f"no road from {country.name_en} to mainland France",
            hint="use --mode sea or --mode air",
            key="err.no_road",
            hint_key="hint.no_road",
            params={"country": country.name_en},
        )
    if s.mode is not None and s.mode in ("sea", "air") and country.code == "FR":
        # a trip inside mainland France has no sea or air leg to take
        mode, assumed, ignored = "road", False, s.mode
    elif s.mode is not None:
        mode, assumed = s.mode, False
    else:
        mode, assumed = default_main_mode(data, product, country), True
    return Resolved(s, product, origin, country, destination, verdict, system, mode, assumed, ignored)


def _origins_text(data: Dataset, codes: tuple[str, ...], lang: str) -> str:
    """Country codes as names; N / S as a hemisphere."""
    hemispheres = {
        "N": ("hémisphère nord", "northern hemisphere"),
        "S": ("hémisphère sud", "southern hemisphere"),
    }
    names = []
    for c in codes:
        if c in hemispheres:
            names.append(hemispheres[c][0 if lang == "fr" else 1])
        elif c in data.places:
            names.append(data.places[c].name_fr if lang == "fr" else data.places[c].name_en)
    return ", ".join(names) or "-"


# Systems an origin-specific row may carry by default (organic and heated greenhouse are
# choices or months, not defaults).
_DEFAULT_SYSTEMS = ("conventional", "open_field", "unheated_greenhouse", "land_use_change")


def _origin_system(data: Dataset, product: Product, country: Place) -> str | None:
    """The system of an origin-specific production row, when the origin has one."""
    for system in _DEFAULT_SYSTEMS:
        if (product.id, system, country.code) in data.variants:
            return system
    return None


# ---------------------------------------------------------------- the arithmetic


def _production_factor(data: Dataset, r: Resolved, w: _Work) -> tuple[str, Range, SourceRef]:
    """The production factor, its Monte Carlo key and source.

    A value measured for another origin (the French AGRIBALYSE value, or a row for any origin)
    standing in for this origin's farms is a *proxy*: it gets its own key, so its draws are
    independent of the option it comes from, and its range is widened by the pedigree factor
    of ``emission_factors.yaml`` ``origin_proxy`` (see docs/methodology.md)."""
    p, c = r.product, r.country
    for key in ((p.id, r.system, c.code), (p.id, r.system, "*")):
        v = data.variants.get(key)
        if v is not None:
            if c.code != "FR" and key[2] == "*":
                return _proxy(data, r, w, f"variant:{p.id}:{r.system}:*", v.kg_co2e_per_kg, v.source)
            return f"variant:{p.id}:{r.system}:{key[2]}", v.kg_co2e_per_kg, v.source
    if r.system not in ("conventional",):
        w.flag("system_no_data", system=r.system)
    if c.code != "FR" and not p.agribalyse_average:
        return _proxy(data, r, w, f"product:{p.id}:production", p.production_kg_co2e_per_kg, p.factor_source)
    return f"product:{p.id}:production", p.production_kg_co2e_per_kg, p.factor_source


def _proxy(
    data: Dataset, r: Resolved, w: _Work, stands_for: str, base: Range, source: SourceRef
) -> tuple[str, Range, SourceRef]:
    """A production value from elsewhere standing in for the origin's farms: own key, wider range."""
    op = data.factors.origin_proxy
    widened = op.widen(base)
    w.flag(
        "production_proxy_origin",
        origin=r.country.code,
        factor=round(op.widening_factor, 2),
        low=round(widened.low, 4),
        high=round(widened.high, 4),
    )
    ref = SourceRef(
        id=source.id,
        identifier=f"{source.identifier}; stands in for {r.country.code}, range widened x{op.widening_factor:.2f}"
        f" ({op.source.id}: {op.source.identifier})",
        proxy=True,
    )
    return f"proxy:{stands_for}@{r.country.code}", widened, ref


def _grid(data: Dataset, country: Place, w: _Work) -> tuple[str, Range, SourceRef]:
    """The storage country's grid intensity (Ember/OWID via places.csv), or the flagged default."""
    default = data.factors.grid
    if country.grid_g_co2e_per_kwh is not None:
        g = country.grid_g_co2e_per_kwh
        source = SourceRef(
            id=default.source.id,
            identifier=f"{country.iso3 or country.code} {country.grid_year}: {g} g CO2e/kWh (places.csv)",
        )
        # Ember values are revised between releases by a few percent; keep a +-10 % band.
        return f"grid:{country.code}", Range(central=g, low=g * 0.9, high=g * 1.1), source
    w.flag("grid_default", country=country.code)
    return "grid:default", default.default_g_co2e_per_kwh, default.source


def storage_months(r: Resolved) -> int:
    """Months in cold storage: none for produce grown under heated glass for the month."""
    return 0 if r.system == "heated_greenhouse" else r.season.storage_months


def transport_mode_key(main: str, refrigerated: bool, great_circle_km: float) -> str:
    if main == "air":
        return "air_short" if great_circle_km < SHORT_HAUL_MAX_KM else "air_long"
    if main == "road":
        return "road_reefer" if refrigerated else "road"
    if main == "sea":
        return "sea_reefer" if refrigerated else "sea"
    return main


def _published_transport(p: Product, sampler: Sampler, w: _Work) -> Any:
    """AGRIBALYSE's own transport stage (kg CO2e per kg) for an AGRIBALYSE-average product.

    A processed food or dish is computed as its AGRIBALYSE average: its ingredients come from
    many origins that the purchase does not name, so no legs are planned from the origin given;
    the published transport stage stands for the whole chain (flagged ``origin_not_modelled``).
    """
    rng = p.transport_kg_co2e_per_kg or Range(central=0.0, low=0.0, high=0.0)
    key = f"product:{p.id}:transport"
    w.use(key, "transport", rng, "kg CO2e/kg", p.factor_source)
    w.flag("origin_not_modelled")
    return sampler.value(key, rng)


def evaluate(
    data: Dataset, r: Resolved, sampler: Sampler, w: _Work | None = None
) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Stage totals (floats or arrays) and leg tuples for one resolved scenario."""
    w = w or _Work()
    f = data.factors
    p = r.product
    q_kg = r.scenario.quantity_kg

    key, prod_range, prod_source = _production_factor(data, r, w)
    w.use(key, "production", prod_range, "kg CO2e/kg", prod_source)
    production = sampler.value(key, prod_range) * q_kg

    stages: dict[str, Any] = {s: 0.0 for s in STAGES}
    stages["production"] = production
    for stage in ("processing", "packaging", "retail"):
        rng: Range = getattr(p, f"{stage}_kg_co2e_per_kg")
        k = f"product:{p.id}:{stage}"
        w.use(k, stage, rng, "kg CO2e/kg", p.factor_source)
        stages[stage] = sampler.value(k, rng) * q_kg

    # cold storage: electricity x the storage country's grid, and produce lost in store
    months = storage_months(r)
    if months > 0:
        st = f.storage
        w.use("storage:kwh", "storage electricity", st.kwh_per_kg_per_month, "kWh/kg/month", st.kwh_source)
        w.use("storage:loss", "storage losses", st.loss_fraction_per_month, "fraction/month", st.loss_source)
        gkey, grange, gsource = _grid(data, r.country, w)
        w.use(gkey, f"electricity {r.country.code}", grange, "g CO2e/kWh", gsource)
        kwh = sampler.value("storage:kwh", st.kwh_per_kg_per_month)
        grid = sampler.value(gkey, grange)
        loss_m = sampler.value("storage:loss", st.loss_fraction_per_month)
        lost = sampler.at_most(loss_m * months, 0.9)
        # kg bought from the field per kg eaten: 1 / (1 - lost)
        extra = 1.0 / (1.0 - lost) - 1.0
        stages["storage"] = kwh * (months + st.pull_down_months) * grid / 1000.0 * q_kg
        stages["losses"] = production * extra
    if p.agribalyse_average:
        stages["transport"] = _published_transport(p, sampler, w) * q_kg
        return stages, []
    # transport legs: collection (farm -> packing), the planned legs, distribution (platform -> shop)
    refrigerated = p.cold_chain != "ambient"
    legs_out: list[tuple[Any, ...]] = []
    transport: Any = 0.0

    def add_leg(
        mode_key: str,
        a: str,
        b: str,
        distance: Any,
        method: str,
        a_fr: str,
        b_fr: str,
        a_lonlat: tuple[float, float] | None = None,
        b_lonlat: tuple[float, float] | None = None,
    ) -> None:
        nonlocal transport
        m = f.transport_modes[mode_key]
        w.use(f"mode:{mode_key}", m.label_en, m.kg_co2e_per_tkm, "kg CO2e/t.km", m.source)
        factor = sampler.value(f"mode:{mode_key}", m.kg_co2e_per_tkm)
        kg = distance * q_kg / 1000.0 * factor
        transport = transport + kg
        legs_out.append(
            (mode_key, a, b, distance, kg, factor, m.refrigerated, method, a_fr, b_fr, a_lonlat, b_lonlat)
        )

    chain = f.chain
    rigid = "road_rigid_reefer" if refrigerated else "road_rigid"
    w.use("chain:collection_km", "collection distance", chain.collection_km, "km", chain.collection_source)
    add_leg(
        rigid,
        "farm",
        "packing station",
        sampler.value("chain:collection_km", chain.collection_km),
        "chain",
        "ferme",
        "station de conditionnement",
    )
    planned = plan_legs(data, r.origin, r.country, r.destination, r.main_mode, r.product)
    for leg in planned:
        mode_key = transport_mode_key(leg.mode, refrigerated, leg.great_circle_km)
        if leg.method == "detour":
            w.use("detour:road", "road detour factor", f.road_detour.factor, "x", f.road_detour.source)
            distance = leg.great_circle_km * sampler.value("detour:road", f.road_detour.factor)
        elif leg.method == "air":
            w.use("air:extra_km", "air extra km", f.air_extra_km, "km", f.air_extra_km_source)
            distance = sampler.fixed(leg.great_circle_km + f.air_extra_km)
        else:
            if leg.method == "sea_estimate":
                w.flag("sea_distance_estimated", origin=leg.origin, destination=leg.destination)
            assert leg.distance_km is not None  # plan_legs gives sea and ferry legs their distance
            distance = sampler.fixed(leg.distance_km)
        add_leg(
            mode_key,
            leg.origin,
            leg.destination,
            distance,
            leg.method,
            leg.origin_fr,
            leg.destination_fr,
            leg.origin_lonlat,
            leg.destination_lonlat,
        )
    w.use(
        "chain:distribution_km",
        "distribution distance",
        chain.distribution_km,
        "km",
        chain.distribution_source,
    )
    add_leg(
        rigid,
        r.destination.name_en,
        "shop",
        sampler.value("chain:distribution_km", chain.distribution_km),
        "chain",
        r.destination.name_fr,
        "magasin",
    )
    stages["transport"] = transport
    return stages, legs_out


def _flags_for(r: Resolved, w: _Work, data: Dataset | None = None) -> None:
    s = r.season
    if r.product.agribalyse_average:
        # origin, season and mode are not modelled (the flag origin_not_modelled says so)
        if r.product.price_estimated:
            w.flag("price_estimated")
        return
    if r.mode_assumed and r.country.code != "FR":
        w.flag("mode_assumed", mode=r.main_mode)
    if r.mode_ignored:
        w.flag("mode_not_applicable", mode=r.mode_ignored)
    if r.country.code == "FR" and not r.product.grown_in_france:
        w.flag("not_grown_in_france")
    if data is not None and r.country.code == "FR" and r.product.id in data.mostly_imported:
        w.flag("mostly_imported")
    if r.scenario.preserved:
        w.flag("preserved_form")
    if storage_months(r) > 0:
        w.flag("cold_storage", months=s.storage_months, country=r.country.code)
    if s.status == "heated_greenhouse" and r.scenario.system is None:
        w.flag("heated_greenhouse_month", month=r.scenario.month)
    if s.proxy_from is not None:
        w.flag("season_proxy", country=r.country.code, shifted=s.proxy_from != "FR")
    if s.status == "out_of_season":
        w.flag("out_of_season", month=r.scenario.month, country=r.country.code)
    if r.origin.code == "FR":
        w.flag("origin_generic_france")
    if r.product.price_estimated:
        w.flag("price_estimated")
    if r.country.code != "FR":
        w.flag("price_national_average")


@dataclass(frozen=True)
class Price:
    """The retail price of an option, per kg, with where it comes from."""

    eur_per_kg: Range
    period: str
    estimated: bool
    source: SourceRef
    origin_specific: bool
    """From prices.csv for this origin (else the product's national all-origin price)."""


def price_of(data: Dataset, product: Product, country: Place, month: int) -> Price:
    """The price for ``product`` from ``country`` in ``month``: the origin's own row of prices.csv,
    else a row for any origin (an indexed national price), else the product's national price."""
    for origin in (country.code, "*"):
        rows = [p for (pid, o, _), p in data.prices.items() if pid == product.id and o == origin]
        for row in sorted(rows, key=lambda p: p.period, reverse=True):
            if month in row.months:
                return Price(row.eur_per_kg, row.period, row.estimated, row.source, origin != "*")
    return Price(
        product.price_eur_per_kg, product.price_period, product.price_estimated, product.price_source, False
    )


def _price_flags(r: Resolved, price: Price, w: _Work) -> None:
    """The price flags of an option (replacing the national-average ones when a row of prices.csv applies)."""
    if not price.origin_specific and price.source == r.product.price_source:
        return  # _flags_for said it already
    w.flags[:] = [f for f in w.flags if f.code not in ("price_estimated", "price_national_average")]
    if price.origin_specific:
        w.flag(
            "price_origin_estimated" if price.estimated else "price_origin",
            origin=r.country.code,
            period=price.period,
        )
    elif price.estimated:
        w.flag("price_estimated")
    else:
        w.flag("price_indexed", period=price.period)
        if r.country.code != "FR":
            w.flag("price_national_average")


def compute(
    data: Dataset,
    scenario: Scenario,
    *,
    catalog: Catalog | None = None,
    carbon_price: str | float | None = None,
    draws: int = 10_000,
    seed: int = 42,
) -> Result:
    """Compute one scenario (a comparison of one option)."""
    return compare(
        data, [scenario], catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed
    ).options[0]


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


def carbon_price_of(data: Dataset, carbon_price: str | float | None) -> tuple[str, float]:
    prices = data.factors.carbon_prices
    if carbon_price is None:
        key = data.factors.default_carbon_price
        return key, prices[key].eur_per_t_co2e
    if isinstance(carbon_price, int | float):
        if not (math.isfinite(carbon_price) and 0 <= carbon_price <= 100_000):
            raise InputError(
                f"carbon price must be a number of EUR per tonne between 0 and 100000, got {carbon_price}",
                key="err.carbon_price_range",
                params={"value": carbon_price},
            )
        return "custom", float(carbon_price)
    text = str(carbon_price).strip()
    if text in prices:
        return text, prices[text].eur_per_t_co2e
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise InputError(
            f"unknown carbon price {text!r}",
            hint=f"give EUR per tonne or one of: {', '.join(prices)}",
            key="err.carbon_price",
            hint_key="hint.carbon_price",
            params={"value": text, "choices": ", ".join(prices)},
        ) from None
    return carbon_price_of(data, value)


def compare(
    data: Dataset,
    scenarios: list[Scenario],
    *,
    catalog: Catalog | None = None,
    carbon_price: str | float | None = None,
    draws: int = 10_000,
    seed: int = 42,
) -> Comparison:
    """Compute several options with correlated uncertainty (shared factors drawn once)."""
    if not scenarios:
        raise InputError("nothing to compare", key="err.nothing")
    catalog = catalog or Catalog(data)
    cp_key, cp_value = carbon_price_of(data, carbon_price)
    resolved = [resolve(data, catalog, s) for s in scenarios]
    mc = MonteCarlo(draws, seed)
    results: list[Result] = []
    totals = []
    for r in resolved:
        w = _Work()
        stages, legs = evaluate(data, r, Sampler(), w)
        _flags_for(r, w, data)
        price = price_of(data, r.product, r.country, r.scenario.month)
        _price_flags(r, price, w)
        mc_stages, _ = evaluate(data, r, mc)
        total_draws = sum(mc_stages.values())
        totals.append(total_draws)
        total = float(sum(stages.values()))
        low, high = mc.interval(total_draws)
        p = r.product
        q = r.scenario.quantity_kg
        results.append(
            Result(
                scenario=r.scenario,
                product=p,
                origin=r.origin,
                country=r.country,
                destination=r.destination,
                month=r.scenario.month,
                system=r.system,
                season=r.season,
                main_mode=r.main_mode,
                stages={k: float(v) for k, v in stages.items()},
                legs=tuple(Leg(*leg) for leg in legs),
                total_kg_co2e=total,
                interval_kg_co2e=(low, high),
                price_eur=price.eur_per_kg.central * q,
                price_range_eur=(price.eur_per_kg.low * q, price.eur_per_kg.high * q),
                carbon_price_eur_per_t=cp_value,
                carbon_price_key=cp_key,
                carbon_cost_eur=total * cp_value / 1000.0,
                flags=tuple(w.flags),
                factors=tuple(w.factors.values()),
                storage_months=storage_months(r),
                agribalyse_to_shop_kg_co2e_per_kg=(
                    ref.to_shop_kg_co2e_per_kg if (ref := data.agribalyse_totals.get(p.id)) else None
                ),
            )
        )
    probs: list[float | None] = [None] + [mc.prob_lower(t, totals[0]) for t in totals[1:]]
    decided = (False,) + tuple(proxy_decides(results[0], r) for r in results[1:])
    return Comparison(
        tuple(results),
        tuple(probs),
        draws,
        seed,
        dict(data.factors.sources),
        equivalents=dict(data.factors.equivalents),
        proxy_decided=decided,
    )
