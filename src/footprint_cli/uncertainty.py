"""Seeded, vectorised Monte Carlo over every factor's range.

Each factor is drawn from a *split triangular* distribution over its range (low, central, high):
half the draws fall below the published (central) value, on a triangle rising from ``low`` to it,
and half above it, on a triangle falling from it to ``high``. The published value is therefore
both the **median** and the mode of every factor, whatever the skew of its range — the convention
of ecoinvent, whose lognormal uncertainty takes the dataset's deterministic amount as the median
(geometric mean): Frischknecht et al. 2007, *Overview and methodology*, ecoinvent report No. 1;
Weidema et al. 2013, *Data quality guideline for the ecoinvent database version 3*. A plain
triangular distribution with the published value as its mode put most of a right-skewed factor's
draws above it (a refrigerated rigid truck at 0.287 in 0.249–0.775 kg/t.km: 93 % of draws above),
so a total summed over many lines sharing such factors had its whole interval above the central
value computed with the published figures. See docs/methodology.md, "Uncertainty".

Draws are cached by factor key, so a factor shared by two options (the same French
production factor, the same truck) takes the same draws in both: differences
between options are then computed on correlated samples.

:class:`Sampler` hands out central values (the deterministic computation); :class:`MonteCarlo`
hands out arrays of draws through the same methods, so the engine computes both with one code
path. numpy is imported when the first :class:`MonteCarlo` is made, not with this module:
``explain`` and the listings compute central values only and do not pay for it.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

from .model.schemas import Range

if TYPE_CHECKING:
    import numpy as np

INTERVAL = (5.0, 95.0)
"""Percentiles of the reported 90 % interval."""


class Sampler:
    """Hands out central values; the Monte Carlo subclass hands out arrays of draws."""

    def value(self, key: str, r: Range) -> Any:
        return r.central

    def fixed(self, x: float) -> Any:
        return x

    def at_most(self, x: Any, limit: float) -> Any:
        return min(x, limit)


class MonteCarlo(Sampler):
    def __init__(self, draws: int = 10_000, seed: int = 42):
        import numpy as np  # here, not at the top: see the module documentation

        if draws < 100:
            raise ValueError("at least 100 draws")
        self.np = np
        self.n = draws
        self.seed = seed
        self._cache: dict[str, np.ndarray] = {}

    CACHE_KEYS = 512
    """Factors whose draws are kept (80 kB each at 10,000 draws). A factor's draws depend only on
    the seed and its key, so one dropped from the cache is drawn again identically: the bound
    costs a little time on a purchase file with thousands of product-origin pairs, and keeps its
    memory flat (each origin's production proxy has a key of its own)."""

    def _rng(self, key: str) -> np.random.Generator:
        # one stream per factor key, so adding a factor elsewhere does not move these draws
        return self.np.random.default_rng((self.seed, zlib.crc32(key.encode())))

    def value(self, key: str, r: Range) -> Any:
        draws = self._cache.get(key)
        if draws is None:
            if r.high > r.low:
                draws = split_triangular(self.np, self._rng(key).random(self.n), r)
            else:
                draws = self.np.full(self.n, r.central)
            if len(self._cache) >= self.CACHE_KEYS:
                del self._cache[next(iter(self._cache))]  # the oldest: drawn again if asked again
            self._cache[key] = draws
        return draws

    def fixed(self, x: float) -> Any:
        return x

    def at_most(self, x: Any, limit: float) -> Any:
        return self.np.minimum(x, limit)

    def interval(self, total: Any) -> tuple[float, float]:
        arr = self.np.sort(self.np.broadcast_to(self.np.asarray(total, dtype=float), (self.n,)))
        return _quantile(arr, INTERVAL[0] / 100), _quantile(arr, INTERVAL[1] / 100)

    def prob_lower(self, a: Any, b: Any) -> float:
        """P(a < b) over the joint draws."""
        a_arr = self.np.broadcast_to(self.np.asarray(a, dtype=float), (self.n,))
        b_arr = self.np.broadcast_to(self.np.asarray(b, dtype=float), (self.n,))
        return float(self.np.mean(a_arr < b_arr))


def split_triangular(np: Any, u: np.ndarray, r: Range) -> np.ndarray:
    """The split triangular distribution of ``r`` at the uniform draws ``u`` (inverse CDF).

    Below the median ``c`` the CDF is ``F(x) = ½ ((x - low) / (c - low))²``, above it
    ``F(x) = 1 - ½ ((high - x) / (high - c))²``; so ``F(c) = ½`` and each side keeps a
    triangle's shape (density highest at ``c``, zero at the bound). A side of zero width (the
    published value at a bound of its range) gives its half of the draws the published value.
    """
    c = r.central
    lower = c - (c - r.low) * (1.0 - np.sqrt(np.minimum(2.0 * u, 1.0)))
    upper = c + (r.high - c) * (1.0 - np.sqrt(np.maximum(2.0 * (1.0 - u), 0.0)))
    return np.where(u < 0.5, lower, upper)


def _quantile(sorted_arr: np.ndarray, q: float) -> float:
    """Linear-interpolated quantile of sorted data (numpy's default method), without
    np.percentile's heavier machinery."""
    pos = q * (len(sorted_arr) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_arr) - 1)
    frac = pos - lo
    return float(sorted_arr[lo] * (1 - frac) + sorted_arr[hi] * frac)
