"""The arithmetic of one resolved scenario, on central values or on Monte Carlo draws.

The same code runs twice: once on central values (floats) and once on Monte Carlo draws (numpy
arrays, see :mod:`footprint_cli.uncertainty`), through a ``Sampler`` that hands out either.
Factors that are truly the same in two options (the refrigerated truck factor, the product's
packaging stage...) are drawn once and reused, so comparisons are correlated. A production value
standing in for another origin's farms (a proxy) is not the same factor: it has its own key, so
its draws are independent of the option it comes from, and a widened range.

A :class:`Recorder` collects, on the central pass, the factors used, the flags raised and the
:class:`~footprint_cli.engine.results.Trace` of the steps; :data:`NO_RECORD` keeps nothing (the
Monte Carlo pass only needs the draws).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..geo.legs import SHORT_HAUL_MAX_KM, plan_legs
from ..i18n import Message, t
from ..model.loader import Dataset
from ..model.schemas import OriginPrice, Place, Product, Range, SourceRef
from ..uncertainty import Sampler
from .results import FactorUse, Flag, LegTrace, Trace, TraceStep
from .scenario import STAGES, Resolved, storage_months


class Recorder:
    """Collects the factors, flags and trace steps of a scenario while it is computed."""

    records = True
    """False for :data:`NO_RECORD`: the caller can skip work done only for the trace."""

    def __init__(self, flags: list[Flag] | None = None) -> None:
        self.factors: dict[str, FactorUse] = {}
        self.flags: list[Flag] = list(flags or ())
        self.steps: dict[str, TraceStep] = {}
        self.legs: list[LegTrace] = []

    def use(self, key: str, label: str, r: Range | float, unit: str, source: SourceRef) -> FactorUse:
        if isinstance(r, Range):
            use = FactorUse(key, label, r.central, unit, source, r.low, r.high)
        else:
            use = FactorUse(key, label, float(r), unit, source)
        use = self.factors.setdefault(key, use)
        if (
            source.proxy
            and not key.startswith("proxy:")
            and not any(f.code == "factor_proxy" and f.params.get("key") == key for f in self.flags)
        ):
            self.flags.append(Flag("factor_proxy", {"key": key, "label": label}))
        return use

    def flag(self, code: str, **params: Any) -> None:
        f = Flag(code, params)
        if f not in self.flags:
            self.flags.append(f)

    def step(self, stage: str, kg_co2e: Any, factors: tuple[FactorUse, ...], **quantities: Any) -> None:
        self.steps[stage] = TraceStep(
            stage, float(kg_co2e), factors, {k: float(v) for k, v in quantities.items()}
        )

    def leg(self, distance_km: Any, great_circle_km: float | None, kg_co2e: Any, *factors: FactorUse) -> None:
        self.legs.append(LegTrace(float(distance_km), great_circle_km, float(kg_co2e), factors))

    def trace(self, quantity_kg: float) -> Trace:
        """The steps recorded, every stage in :data:`STAGES` order (a stage not computed, such
        as storage for produce sold fresh, is a step of 0 kg with no factor)."""
        steps = tuple(self.steps.get(s) or TraceStep(s, 0.0, (), {}) for s in STAGES)
        return Trace(quantity_kg, steps, tuple(self.legs))


class _NoRecord(Recorder):
    """Keeps no factor, no flag and no step."""

    records = False

    def use(self, key: str, label: str, r: Range | float, unit: str, source: SourceRef) -> FactorUse:
        return _NO_USE

    def flag(self, code: str, **params: Any) -> None:
        pass

    def step(self, stage: str, kg_co2e: Any, factors: tuple[FactorUse, ...], **quantities: Any) -> None:
        pass

    def leg(self, distance_km: Any, great_circle_km: float | None, kg_co2e: Any, *factors: FactorUse) -> None:
        pass


_NO_USE = FactorUse("", "", 0.0, "", SourceRef(id="", identifier=""))
NO_RECORD: Recorder = _NoRecord()
"""A recorder that keeps nothing (the Monte Carlo pass)."""


def _production_factor(data: Dataset, r: Resolved, w: Recorder) -> tuple[str, Range, SourceRef]:
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
    data: Dataset, r: Resolved, w: Recorder, stands_for: str, base: Range, source: SourceRef
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
    factor = f"{op.widening_factor:.2f}"
    said = {
        lang: t(
            "src.proxy_for",
            lang,
            identifier=source.identifier_in(lang),
            origin=r.country.code,
            factor=factor.replace(".", ",") if lang == "fr" else factor,
            source=op.source.id,
            source_identifier=op.source.identifier_in(lang),
        )
        for lang in ("en", "fr")
    }
    ref = SourceRef(id=source.id, identifier=said["en"], identifier_fr=said["fr"], proxy=True)
    return f"proxy:{stands_for}@{r.country.code}", widened, ref


def _grid(data: Dataset, country: Place, w: Recorder) -> tuple[str, Range, SourceRef]:
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


def transport_mode_key(main: str, refrigerated: bool, great_circle_km: float) -> str:
    if main == "air":
        return "air_short" if great_circle_km < SHORT_HAUL_MAX_KM else "air_long"
    if main == "road":
        return "road_reefer" if refrigerated else "road"
    if main == "sea":
        return "sea_reefer" if refrigerated else "sea"
    return main


def _published_transport(p: Product, sampler: Sampler, w: Recorder) -> Any:
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
    data: Dataset, r: Resolved, sampler: Sampler, w: Recorder | None = None
) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Stage totals (floats or arrays) and leg tuples for one resolved scenario; ``w`` records
    the factors, flags and trace steps (see :class:`Recorder`)."""
    w = w or Recorder()
    f = data.factors
    p = r.product
    q_kg = r.scenario.quantity_kg

    key, prod_range, prod_source = _production_factor(data, r, w)
    used = w.use(key, "production", prod_range, "kg CO2e/kg", prod_source)
    production = sampler.value(key, prod_range) * q_kg
    w.step("production", production, (used,), quantity_kg=q_kg)

    stages: dict[str, Any] = {s: 0.0 for s in STAGES}
    stages["production"] = production
    for stage in ("processing", "packaging", "retail"):
        rng: Range = getattr(p, f"{stage}_kg_co2e_per_kg")
        k = f"product:{p.id}:{stage}"
        used = w.use(k, stage, rng, "kg CO2e/kg", p.factor_source)
        stages[stage] = sampler.value(k, rng) * q_kg
        w.step(stage, stages[stage], (used,), quantity_kg=q_kg)

    # cold storage: electricity x the storage country's grid, and produce lost in store
    months = storage_months(r)
    if months > 0:
        st = f.storage
        kwh_use = w.use(
            "storage:kwh", "storage electricity", st.kwh_per_kg_per_month, "kWh/kg/month", st.kwh_source
        )
        loss_use = w.use(
            "storage:loss", "storage losses", st.loss_fraction_per_month, "fraction/month", st.loss_source
        )
        gkey, grange, gsource = _grid(data, r.country, w)
        grid_use = w.use(gkey, f"electricity {r.country.code}", grange, "g CO2e/kWh", gsource)
        kwh = sampler.value("storage:kwh", st.kwh_per_kg_per_month)
        grid = sampler.value(gkey, grange)
        loss_m = sampler.value("storage:loss", st.loss_fraction_per_month)
        lost = sampler.at_most(loss_m * months, 0.9)
        # kg bought from the field per kg eaten: 1 / (1 - lost)
        extra = 1.0 / (1.0 - lost) - 1.0
        stages["storage"] = kwh * (months + st.pull_down_months) * grid / 1000.0 * q_kg
        stages["losses"] = production * extra
        if w.records:
            w.step(
                "storage",
                stages["storage"],
                (kwh_use, grid_use),
                quantity_kg=q_kg,
                months=months,
                pull_down_months=st.pull_down_months,
                kwh=kwh * (months + st.pull_down_months) * q_kg,
            )
            w.step(
                "losses",
                stages["losses"],
                (loss_use,),
                months=months,
                lost_fraction=lost,
                grown_kg_per_kg=1.0 / (1.0 - lost),
                extra_kg_per_kg=extra,
                production_kg_co2e=production,
            )
    if p.agribalyse_average:
        stages["transport"] = _published_transport(p, sampler, w) * q_kg
        if w.records:
            published = w.factors[f"product:{p.id}:transport"]
            w.step("transport", stages["transport"], (published,), quantity_kg=q_kg)
        return stages, []
    # transport legs: collection (farm -> packing), the planned legs, distribution (platform -> shop)
    refrigerated = p.cold_chain != "ambient"
    legs_out: list[tuple[Any, ...]] = []
    transport: Any = 0.0
    leg_factors: dict[str, FactorUse] = {}

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
        *,
        great_circle_km: float | None = None,
        distance_factor: FactorUse | None = None,
    ) -> None:
        nonlocal transport
        m = f.transport_modes[mode_key]
        mode_use = w.use(f"mode:{mode_key}", m.label_en, m.kg_co2e_per_tkm, "kg CO2e/t.km", m.source)
        factor = sampler.value(f"mode:{mode_key}", m.kg_co2e_per_tkm)
        kg = distance * q_kg / 1000.0 * factor
        transport = transport + kg
        legs_out.append(
            (mode_key, a, b, distance, kg, factor, m.refrigerated, method, a_fr, b_fr, a_lonlat, b_lonlat)
        )
        if w.records:
            uses = (mode_use,) if distance_factor is None else (mode_use, distance_factor)
            w.leg(distance, great_circle_km, kg, *uses)
            for u in uses:
                leg_factors.setdefault(u.key, u)

    chain = f.chain
    rigid = "road_rigid_reefer" if refrigerated else "road_rigid"
    collection = w.use(
        "chain:collection_km", "collection distance", chain.collection_km, "km", chain.collection_source
    )
    add_leg(
        rigid,
        "farm",
        "packing station",
        sampler.value("chain:collection_km", chain.collection_km),
        "chain",
        "ferme",
        "station de conditionnement",
        distance_factor=collection,
    )
    planned = plan_legs(data, r.origin, r.country, r.destination, r.main_mode, r.product)
    for leg in planned:
        mode_key = transport_mode_key(leg.mode, refrigerated, leg.great_circle_km)
        distance_use: FactorUse | None = None
        if leg.method == "detour":
            distance_use = w.use(
                "detour:road", "road detour factor", f.road_detour.factor, "x", f.road_detour.source
            )
            distance = leg.great_circle_km * sampler.value("detour:road", f.road_detour.factor)
        elif leg.method == "air":
            distance_use = w.use("air:extra_km", "air extra km", f.air_extra_km, "km", f.air_extra_km_source)
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
            great_circle_km=leg.great_circle_km if distance_use is not None else None,
            distance_factor=distance_use,
        )
    distribution = w.use(
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
        distance_factor=distribution,
    )
    stages["transport"] = transport
    w.step("transport", transport, tuple(leg_factors.values()), quantity_kg=q_kg)
    return stages, legs_out


def scenario_flags(r: Resolved, w: Recorder, data: Dataset | None = None) -> None:
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


def price_cite(data: Dataset | None, ref: SourceRef) -> dict[str, str]:
    """A price's source as flag parameters: the publisher and what was read there."""
    src = data.factors.sources.get(ref.id) if data is not None else None
    return {"source": src.publisher if src else ref.id, "ref": ref.identifier}


@dataclass(frozen=True)
class Price:
    """The retail price of an option, per kg, with where it comes from."""

    eur_per_kg: Range
    period: str
    estimated: bool
    source: SourceRef
    origin_specific: bool
    """From prices.csv for this origin (else a national all-origin price)."""
    monthly: bool = False
    """From a row of prices.csv for this month only (a seasonal price)."""
    differential: float | None = None
    """For an origin's estimate: the factor applied to the month's all-origin price."""


def prices_in_month(data: Dataset, product_id: str, month: int) -> dict[str, OriginPrice]:
    """The rows of prices.csv that give ``product_id`` a price in ``month``, by origin (``*``: the
    national all-origin price of that month), the latest period first."""
    out: dict[str, OriginPrice] = {}
    # the keys first: a table of the cached dataset decodes only the rows it is asked for
    rows = [data.prices[k] for k in data.prices if k[0] == product_id]
    rows = [p for p in rows if month in p.months]
    for row in sorted(rows, key=lambda p: p.period, reverse=True):
        out.setdefault(row.origin, row)
    return out


def price_of(data: Dataset, product: Product, country: Place, month: int) -> Price:
    """The price for ``product`` from ``country`` in ``month``: the origin's own row of prices.csv,
    else a row for any origin (a national price of that month, or an indexed one), else the
    product's national price."""
    rows = prices_in_month(data, product.id, month)
    for origin in (country.code, "*"):
        if (row := rows.get(origin)) is not None:
            return Price(
                row.eur_per_kg,
                row.period,
                row.estimated,
                row.source,
                origin != "*",
                monthly=len(row.months) < 12,
                differential=row.differential,
            )
    return Price(
        product.price_eur_per_kg, product.price_period, product.price_estimated, product.price_source, False
    )


def price_flags(r: Resolved, price: Price, w: Recorder, data: Dataset | None = None) -> None:
    """The price flags of an option, replacing the scenario's: which price it is (the origin's own,
    an estimate for the origin, or the national all-origin price, said on the French option too),
    for which month, and from which source."""
    w.flags[:] = [f for f in w.flags if not f.code.startswith("price_")]
    cite = price_cite(data, price.source)
    month = r.scenario.month
    if price.origin_specific:
        if price.estimated:
            w.flag(
                "price_origin_estimated",
                origin=r.country.code,
                month=month,
                factor=price.differential if price.differential is not None else 1.0,
                **cite,
            )
        else:
            w.flag("price_origin", origin=r.country.code, month=month, period=price.period, **cite)
        return
    if price.monthly:
        w.flag("price_month_average", month=month, period=price.period, **cite)
        return
    if price.estimated:
        w.flag("price_estimated")
    if is_indexed(data, price):
        w.flag("price_indexed", period=price.period)
    w.flag("price_national_average")


def is_indexed(data: Dataset | None, price: Price) -> bool:
    """Whether ``price`` was observed before its period and brought to it by a price index (a
    March-2022 survey price given for 2026-08): its source's year is before the period's. The
    same indexed price sits in products.csv and prices.csv, so comparing the two sources cannot
    tell."""
    src = data.factors.sources.get(price.source.id) if data is not None else None
    return src is not None and src.year < int(price.period[:4])


def carbon_price_of(data: Dataset, carbon_price: str | float | None) -> tuple[str, float]:
    prices = data.factors.carbon_prices
    if carbon_price is None:
        key = data.factors.default_carbon_price
        return key, prices[key].eur_per_t_co2e
    if isinstance(carbon_price, int | float):
        if not (math.isfinite(carbon_price) and 0 <= carbon_price <= 100_000):
            raise InputError(Message("err.carbon_price_range", value=carbon_price))
        return "custom", float(carbon_price)
    text = str(carbon_price).strip()
    if text in prices:
        return text, prices[text].eur_per_t_co2e
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise InputError(
            Message("err.carbon_price", value=text),
            hint=Message("hint.carbon_price", choices=", ".join(prices)),
        ) from None
    return carbon_price_of(data, value)
