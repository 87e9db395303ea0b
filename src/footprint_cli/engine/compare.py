"""Options compared: each scenario resolved, computed on central values and on correlated draws.

:func:`compare` is what ``footprint compare``, ``explain``, the web page and the classroom
outputs call; :func:`compute` is one option.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..errors import InputError
from ..i18n import Message
from ..model.loader import Dataset
from ..uncertainty import MonteCarlo, Sampler
from .evaluate import NO_RECORD, Recorder, carbon_price_of, evaluate, price_flags, price_of, scenario_flags
from .results import Comparison, Leg, Result, proxy_decides
from .scenario import Scenario, resolve, storage_months


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
        raise InputError(Message("err.nothing"))
    catalog = catalog or Catalog(data)
    cp_key, cp_value = carbon_price_of(data, carbon_price)
    resolved = [resolve(data, catalog, s) for s in scenarios]
    mc = MonteCarlo(draws, seed)
    results: list[Result] = []
    totals = []
    for r in resolved:
        w = Recorder()
        stages, legs = evaluate(data, r, Sampler(), w)
        scenario_flags(r, w, data)
        price = price_of(data, r.product, r.country, r.scenario.month)
        price_flags(r, price, w, data)
        mc_stages, _ = evaluate(data, r, mc, NO_RECORD)
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
                trace=w.trace(q),
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
