"""Seeded, vectorised Monte Carlo over every factor's range.

Each factor is drawn from a *split triangular* distribution over its range (low, central, high)
whose **mean** is the published (central) value: a share ``(high - central) / (high - low)`` of the
draws falls below it, on a triangle rising from ``low`` to it, the rest above it, on a triangle
falling from it to ``high`` (see :func:`split_triangular`). The published figures are averages
(DESNZ fleet-average truck factors are means over vehicle classes weighted by tonne-km; chain
distances are average distances), and the mean of a sum is the sum of the means: a total over
many lines, computed with the published values, sits at the centre of its draws however many
independent factors it adds up. The price of that choice: a strongly skewed factor has most of its
draws below its published value (a refrigerated rigid truck at 0.287 in 0.249–0.775 kg/t.km: 93 %
below), as a tonne-km-weighted mix of vehicle classes does. See docs/methodology.md,
"Uncertainty".

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
    """The mean-preserving split triangular distribution of ``r`` at the uniform draws ``u``
    (inverse CDF).

    With ``a`` = low, ``c`` = central, ``b`` = high, a share ``p = (b - c) / (b - a)`` of the draws
    falls below ``c`` on a triangle rising from ``a`` to ``c`` (mean ``c - (c - a) / 3``), the rest
    above it on a triangle falling from ``c`` to ``b`` (mean ``c + (b - c) / 3``). Then
    ``E[X] = c - p (c - a) / 3 + (1 - p) (b - c) / 3 = c``, since ``p (c - a) = (1 - p) (b - c)``:
    the published value is the mean, and the mode of each side. The CDF is
    ``F(x) = p ((x - a) / (c - a))²`` below ``c`` and ``1 - (1 - p) ((b - x) / (b - c))²`` above.

    The published value at a bound of its range (``c = a`` gives ``p = 1``, ``c = b`` gives
    ``p = 0``) puts every draw on the side of zero width, at ``c``: the only distribution on
    ``[c, b]`` whose mean is ``c`` is the point mass at ``c``, so such a range keeps its mean and
    loses its spread.
    """
    a, c, b = r.low, r.central, r.high
    p = (b - c) / (b - a)
    if p >= 1.0 or p <= 0.0:
        return np.full(len(u), float(c))
    lower = c - (c - a) * (1.0 - np.sqrt(np.minimum(u / p, 1.0)))
    upper = c + (b - c) * (1.0 - np.sqrt(np.minimum((1.0 - u) / (1.0 - p), 1.0)))
    return np.where(u < p, lower, upper)


def _quantile(sorted_arr: np.ndarray, q: float) -> float:
    """Linear-interpolated quantile of sorted data (numpy's default method), without
    np.percentile's heavier machinery."""
    pos = q * (len(sorted_arr) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_arr) - 1)
    frac = pos - lo
    return float(sorted_arr[lo] * (1 - frac) + sorted_arr[hi] * frac)
