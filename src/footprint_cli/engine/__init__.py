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

The batch names are imported on first use: a ``compare`` does not load :mod:`.batch`. (The
other modules are imported here: the functions ``compare`` and ``evaluate`` must be bound after
their modules of the same name.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_getattr
from ..uncertainty import MonteCarlo, Sampler
from .compare import compare, compute
from .evaluate import (
    NO_RECORD,
    Price,
    Recorder,
    carbon_price_of,
    evaluate,
    price_flags,
    price_of,
    prices_in_month,
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

_LAZY = {
    name: ("footprint_cli.engine.batch", name)
    for name in ("Canonical", "Central", "Evaluated", "Evaluations", "canonical", "evaluate_many")
}

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Canonical, Central, Evaluated, Evaluations, canonical, evaluate_many

__getattr__ = lazy_getattr(__name__, _LAZY)

__all__ = [
    "Canonical",
    "Central",
    "Comparison",
    "DEFAULT_DESTINATION",
    "Evaluated",
    "Evaluations",
    "FactorUse",
    "Flag",
    "Leg",
    "LegTrace",
    "MAIN_MODES",
    "MonteCarlo",
    "NO_RECORD",
    "Price",
    "Recorder",
    "Resolved",
    "Result",
    "STAGES",
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
    "prices_in_month",
    "proxy_decides",
    "proxy_production_width",
    "resolve",
    "scenario_flags",
    "storage_months",
    "transport_mode_key",
]
