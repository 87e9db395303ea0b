"""Many scenarios at once, the way a purchase file needs them: per kg, each distinct calculation once.

A canteen's file holds thousands of (product, origin, month, mode) keys, but far fewer distinct
calculations: months with the same season verdict compute the same stages (see
:func:`canonical`). :class:`Evaluations` evaluates each canonical scenario once on central values
(stages, total, the flags its arithmetic raises), gives every scenario its own flags (those that
depend on the month or on the mode asked for), and draws a canonical scenario's Monte Carlo total
only when asked (one array of draws at a time: a few thousand scenarios x 10,000 draws would not
fit in memory at once). One :class:`~footprint_cli.uncertainty.MonteCarlo` serves every scenario,
so a factor shared by many of them is drawn once and stays correlated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model.loader import Dataset
from ..uncertainty import MonteCarlo, Sampler
from .evaluate import NO_RECORD, Recorder, evaluate, scenario_flags
from .results import Flag
from .scenario import Resolved, storage_months

if TYPE_CHECKING:
    import numpy as np

Canonical = tuple[Any, ...]
"""(product id, origin code, destination code, system, storage months, main mode, preserved)."""


def canonical(r: Resolved) -> Canonical:
    """What the arithmetic depends on: months with the same season verdict share one evaluation."""
    return (
        r.product.id, r.origin.code, r.destination.code, r.system, storage_months(r), r.main_mode,
        r.scenario.preserved,
    )  # fmt: skip


@dataclass(frozen=True)
class Central:
    """The central figures of one canonical scenario, for the scenario's quantity."""

    resolved: Resolved
    """The first scenario evaluated for it."""
    stages: dict[str, float]
    """kg CO2e per stage (:data:`~footprint_cli.engine.STAGES`)."""
    total: float
    flags: tuple[Flag, ...]
    """Flags raised by the arithmetic (factor and production proxies, default grid...)."""


@dataclass(frozen=True)
class Evaluated:
    """One scenario of a batch: its canonical calculation and its own flags."""

    canon: Canonical
    flags: tuple[Flag, ...]
    """The arithmetic's flags, then the scenario's (season, mode assumed, price...)."""


class Evaluations:
    """Scenarios evaluated as a batch; see the module documentation.

    :meth:`add` evaluates a scenario (its canonical calculation once); :attr:`central` holds the
    canonical calculations in the order they were first met; :meth:`draws` gives one's Monte Carlo
    total.
    """

    def __init__(self, data: Dataset, mc: MonteCarlo):
        self.data = data
        self.mc = mc
        self.central: dict[Canonical, Central] = {}

    def add(self, r: Resolved) -> Evaluated:
        canon = canonical(r)
        c = self.central.get(canon)
        if c is None:
            w = Recorder()
            stages, _ = evaluate(self.data, r, Sampler(), w)
            c = Central(
                r, {k: float(v) for k, v in stages.items()}, float(sum(stages.values())), tuple(w.flags)
            )
            self.central[canon] = c
        w = Recorder(list(c.flags))
        scenario_flags(r, w, self.data)
        return Evaluated(canon, tuple(w.flags))

    def draws(self, canon: Canonical) -> np.ndarray:
        """Monte Carlo draws of the canonical scenario's total (``mc.n`` values)."""
        import numpy as np

        mc_stages, _ = evaluate(self.data, self.central[canon].resolved, self.mc, NO_RECORD)
        return np.broadcast_to(np.asarray(sum(mc_stages.values()), dtype=float), (self.mc.n,))


def evaluate_many(
    data: Dataset, scenarios: Iterable[Resolved], mc: MonteCarlo
) -> tuple[Evaluations, list[Evaluated]]:
    """Evaluate resolved scenarios as a batch: the batch (central figures by canonical scenario,
    Monte Carlo draws on demand; more scenarios can be added to it) and each scenario's entry."""
    batch = Evaluations(data, mc)
    return batch, [batch.add(r) for r in scenarios]
