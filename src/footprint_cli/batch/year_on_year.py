"""Year on year: what changed between two reports, and how sure the change is.

Both reports are computed with the same seed and number of draws. The Monte Carlo sampler
draws each factor from a stream keyed by the seed and the factor's key (see
:mod:`footprint_cli.uncertainty`), so a factor both years use (the French beef value, the
refrigerated truck) takes the *same* draws in both: the draws of the two totals are paired,
and the difference is taken draw by draw. Its interval is the uncertainty of the change, far
narrower than the two intervals side by side, since most of the factor uncertainty is common
to both years. A file against itself gives exactly zero in every draw.

The change by family has its interval too (the report keeps the draws of each family's total).
The changes by origin, stage and product are central values: the report keeps no draws for
them, so their intervals are not given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..engine import STAGES
from ..errors import InputError
from ..i18n import Message
from ..uncertainty import INTERVAL

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

__all__ = ["Change", "YearOnYear", "compare_reports"]


@dataclass(frozen=True)
class Change:
    """One group's figures in the earlier and later report."""

    key: str
    before_kg: float
    after_kg: float
    before_kg_co2e: float
    after_kg_co2e: float
    change_interval_kg_co2e: tuple[float, float] | None = None
    """5th-95th percentile of the paired draws of the change, where the reports keep the draws
    of this group (the families); None elsewhere."""

    @property
    def change_kg_co2e(self) -> float:
        return self.after_kg_co2e - self.before_kg_co2e

    @property
    def change_kg(self) -> float:
        return self.after_kg - self.before_kg


@dataclass(frozen=True)
class YearOnYear:
    """The later report against the earlier one (``after - before``)."""

    before_path: str
    after_path: str
    before_kg_co2e: float
    after_kg_co2e: float
    change_interval_kg_co2e: tuple[float, float]
    """5th-95th percentile of the paired draws of the change."""
    prob_increase: float
    """Share of the draws where the later total is higher."""
    before_kg: float
    after_kg: float
    by_family: list[Change]
    by_scope: list[Change]
    by_stage: list[Change]
    by_product: list[Change]
    """Each product (both years), largest absolute change first: the lines that explain it."""

    @property
    def change_kg_co2e(self) -> float:
        return self.after_kg_co2e - self.before_kg_co2e

    @property
    def change_share(self) -> float | None:
        return self.change_kg_co2e / self.before_kg_co2e if self.before_kg_co2e else None


def _by(r: Report, column: str) -> pd.DataFrame:
    if not r.rows_computed:
        return pd.DataFrame({"kg": [], "kg_co2e": []})
    frame = pd.DataFrame(
        {
            "key": pd.Series(r.column(column), dtype=object).astype(str).to_numpy(),
            "kg": r.column("kg").astype(float),
            "kg_co2e": r.column("total_kg_co2e"),
        }
    )
    return frame.groupby("key", sort=False)[["kg", "kg_co2e"]].sum()


def _changes(before: Report, after: Report, column: str, order: tuple[str, ...] = ()) -> list[Change]:
    a, b = _by(before, column), _by(after, column)
    keys = list(dict.fromkeys([*a.index, *b.index]))
    out = []
    for k in keys:
        bk = a.loc[k] if k in a.index else None
        ak = b.loc[k] if k in b.index else None
        out.append(
            Change(
                str(k),
                float(bk["kg"]) if bk is not None else 0.0,
                float(ak["kg"]) if ak is not None else 0.0,
                float(bk["kg_co2e"]) if bk is not None else 0.0,
                float(ak["kg_co2e"]) if ak is not None else 0.0,
            )
        )
    if order:
        rank = {k: i for i, k in enumerate(order)}
        return sorted(out, key=lambda c: rank.get(c.key, len(rank)))
    return sorted(out, key=lambda c: -abs(c.change_kg_co2e))


def _with_interval(c: Change, before: Report, after: Report) -> Change:
    """``c`` with the interval of its paired draws (a family absent one year draws zero)."""
    b = before.family_draws_kg_co2e.get(c.key)
    a = after.family_draws_kg_co2e.get(c.key)
    if a is None and b is None:
        return c
    diff = (a if a is not None else 0.0) - (b if b is not None else 0.0)
    lo, hi = np.percentile(np.broadcast_to(diff, (before.draws,)), INTERVAL)
    return Change(c.key, c.before_kg, c.after_kg, c.before_kg_co2e, c.after_kg_co2e, (float(lo), float(hi)))


def compare_reports(before: Report, after: Report) -> YearOnYear:
    """``after`` against ``before``; both must come from the same seed and number of draws (and
    the same carbon price, destination and default month, which the command sets alike)."""
    from .report import SCOPES

    if (before.seed, before.draws) != (after.seed, after.draws):
        raise InputError(Message("err.yoy_seed"))
    if before.total_draws_kg_co2e is None or after.total_draws_kg_co2e is None:
        raise InputError(Message("err.yoy_draws"))
    diff = np.asarray(after.total_draws_kg_co2e) - np.asarray(before.total_draws_kg_co2e)
    lo, hi = np.percentile(diff, INTERVAL)
    stages = [
        Change(s, 0.0, 0.0, before.stages_kg_co2e[s], after.stages_kg_co2e[s])
        for s in STAGES
        if before.stages_kg_co2e[s] or after.stages_kg_co2e[s]
    ]
    return YearOnYear(
        before_path=before.path,
        after_path=after.path,
        before_kg_co2e=before.total_kg_co2e,
        after_kg_co2e=after.total_kg_co2e,
        change_interval_kg_co2e=(float(lo), float(hi)),
        prob_increase=float(np.mean(diff > 0)),
        before_kg=before.total_kg,
        after_kg=after.total_kg,
        by_family=[_with_interval(c, before, after) for c in _changes(before, after, "family")],
        by_scope=_changes(before, after, "origin_scope", SCOPES),
        by_stage=stages,
        by_product=_changes(before, after, "product"),
    )
