"""The model's arithmetic: scenarios to results, one at a time or many at once.

- :mod:`.scenario`: :class:`Scenario` (what to compute) and :func:`resolve` (names to data rows,
  the season judged, the system and main mode chosen);
- :mod:`.evaluate`: the arithmetic of one resolved scenario, on central values or Monte Carlo
  draws, recording factors, flags and the trace (:class:`Recorder`);
- :mod:`.results`: :class:`Result`, :class:`Leg`, :class:`Flag`, :class:`FactorUse`,
  :class:`Comparison` and the :class:`Trace` of the steps;
- :mod:`.compare`: :func:`compare` (options with correlated uncertainty) and :func:`compute`;
- :mod:`.batch`: :func:`evaluate_many` / :class:`Evaluations`, many scenarios per kg, each
  distinct calculation once (the purchase-file report).
"""

from __future__ import annotations

from ..uncertainty import MonteCarlo, Sampler
from .batch import Canonical, Central, Evaluated, Evaluations, canonical, evaluate_many
from .compare import compare, compute
from .evaluate import (
    NO_RECORD,
    Price,
    Recorder,
    carbon_price_of,
    evaluate,
    price_flags,
    price_of,
    scenario_flags,
    transport_mode_key,
)
from .results import (
    Comparison,
    FactorUse,
    Flag,
    Leg,
    LegTrace,
    Result,
    Trace,
    TraceStep,
    proxy_decides,
    proxy_production_width,
)
from .scenario import (
    DEFAULT_DESTINATION,
    MAIN_MODES,
    STAGES,
    Resolved,
    Scenario,
    destination_place,
    resolve,
    storage_months,
)

__all__ = [
    "DEFAULT_DESTINATION",
    "MAIN_MODES",
    "NO_RECORD",
    "STAGES",
    "Canonical",
    "Central",
    "Comparison",
    "Evaluated",
    "Evaluations",
    "FactorUse",
    "Flag",
    "Leg",
    "LegTrace",
    "MonteCarlo",
    "Price",
    "Recorder",
    "Resolved",
    "Result",
    "Sampler",
    "Scenario",
    "Trace",
    "TraceStep",
    "canonical",
    "carbon_price_of",
    "compare",
    "compute",
    "destination_place",
    "evaluate",
    "evaluate_many",
    "price_flags",
    "price_of",
    "proxy_decides",
    "proxy_production_width",
    "resolve",
    "scenario_flags",
    "storage_months",
    "transport_mode_key",
]
