"""Sums that do not depend on the order of their terms.

The totals of a report are the same floats, bit for bit, whether the file is computed whole, in
chunks, or on the partitions of a distributed engine: a float sum in another order would differ in
its last bits, and a regional roll-up must give the commune's figures exactly.

A float64 is ``m * 2**e`` with ``m`` an integer of 53 bits. Per group and exponent, the integer
mantissas are added as integers, split in two halves (26 and 27 bits) so that each half's sum
stays exact in int64 for up to 2**36 terms; the exact sum is rounded to a float once, at the end
(Python's ``int / int`` rounds correctly). Partial sums are tables of integers
(:class:`Partials`) that add up exactly, in any order: concatenated and summed by (group,
exponent) -- by pandas here, by a distributed engine's own group-by reduction on its partitions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Partials", "exact_bincount", "exact_sum"]

_SPLIT = 27
_BLOCK = 1 << 18
"""Values per block: a few MB of integer work arrays; and ``bincount``'s float64 accumulator
stays exact (|high half| < 2**26, low half < 2**27: sums of a block stay below 2**53)."""


@dataclass(frozen=True, eq=False)
class Partials:
    """Exact partial sums of values per group: integer rows (group, exponent, high, low)."""

    group: np.ndarray
    exp: np.ndarray
    hi: np.ndarray
    lo: np.ndarray

    @staticmethod
    def of(values: Any, codes: np.ndarray | None = None, n: int = 1) -> Partials:
        """The partial sums of ``values`` per group ``codes`` (0..n-1; all in group 0 without
        codes). Only finite values: NaN and infinities must be left out by the caller (they have
        no integer mantissa; :func:`exact_sum` and :func:`exact_bincount` handle them)."""
        v = np.asarray(values, dtype=float)
        c = None if codes is None else np.asarray(codes)
        # a block of values at a time: the integer work arrays stay small whatever the length
        # the exponents of the non-zero values (a subnormal's exponent field 0 counts as 1)
        e_lo, e_hi = 2047, 0
        for start in range(0, len(v), _BLOCK):
            bits = v[start : start + _BLOCK].view(np.int64)
            e = np.maximum((bits >> 52) & 0x7FF, 1)[(bits & ((1 << 63) - 1)) != 0]
            if len(e):
                e_lo, e_hi = min(e_lo, int(e.min())), max(e_hi, int(e.max()))
        if e_hi < e_lo:  # no value, or only zeros
            empty = np.zeros(0, dtype=np.int64)
            return Partials(empty, empty, empty, empty)
        n_exp = e_hi - e_lo + 1
        size = max(n, 1) * n_exp
        hi = np.zeros(size, dtype=np.int64)
        lo = np.zeros(size, dtype=np.int64)
        for start in range(0, len(v), _BLOCK):
            # the bits of each float: exponent field and 52 bits of mantissa (an implicit leading
            # 1 for normal numbers); value = m * 2**(e - 1075)
            bits = v[start : start + _BLOCK].view(np.int64)
            e = (bits >> 52) & 0x7FF
            m = bits & ((1 << 52) - 1)
            normal = e != 0
            m |= normal.astype(np.int64) << 52
            np.clip(e, max(e_lo, 1), e_hi, out=e)  # zeros (m = 0) anywhere in range; subnormals: 1
            if bits.min() < 0:  # negative values: the mantissa negated
                np.negative(m, out=m, where=bits < 0)
            e -= e_lo
            if c is not None and n > 1:
                e += c[start : start + _BLOCK].astype(np.int64) * n_exp
            high = m >> _SPLIT
            hi += np.bincount(e, weights=high, minlength=size).astype(np.int64)
            m -= high << _SPLIT
            lo += np.bincount(e, weights=m, minlength=size).astype(np.int64)
        used = np.flatnonzero((hi != 0) | (lo != 0))
        g, ex = np.divmod(used, n_exp)
        return Partials(g, ex + e_lo, hi[used], lo[used])

    def frame(self, names: Any = None) -> pd.DataFrame:
        """The rows as a frame (``group`` as the names of the groups when given)."""
        group = self.group if names is None else np.asarray(names, dtype=object)[self.group]
        return pd.DataFrame({"group": group, "exp": self.exp, "hi": self.hi, "lo": self.lo})

    def floats(self, n: int = 1) -> np.ndarray:
        """The sum of each group 0..n-1, correctly rounded."""
        return floats_of(self.group, self.exp, self.hi, self.lo, n)


def floats_of(group: Any, exp: Any, hi: Any, lo: Any, n: int) -> np.ndarray:
    """Correctly rounded sums per group from integer partial rows (which may repeat a (group,
    exponent): they are added as Python integers)."""
    out = np.zeros(n)
    if not len(group):
        return out
    g = np.asarray(group, dtype=np.int64)
    e = np.asarray(exp, dtype=np.int64)
    h = np.asarray(hi, dtype=np.int64)
    lw = np.asarray(lo, dtype=np.int64)
    limit = 1 << 53
    if np.abs(h).max() < limit and np.abs(lw).max() < limit and e.min() > 100 and e.max() < 1900:
        # each half is an exact float, and so is each half scaled by its power of two (no
        # underflow, no overflow): math.fsum of a group's terms is its correctly rounded sum
        t_hi = np.ldexp(h.astype(float), (e - 1075 + _SPLIT).astype(np.int32))
        t_lo = np.ldexp(lw.astype(float), (e - 1075).astype(np.int32))
        order = np.argsort(g, kind="stable")
        gs = g[order]
        cuts = np.flatnonzero(np.diff(gs)) + 1
        terms = np.concatenate([t_hi[order][:, None], t_lo[order][:, None]], axis=1)
        for idx, part in zip(gs[np.r_[0, cuts]].tolist(), np.split(terms, cuts), strict=True):
            out[idx] = math.fsum(part.ravel().tolist())
        return out
    exps = [int(x) for x in exp]
    e_lo = min(exps)
    acc: dict[int, int] = {}
    for g, e, h, lw in zip(
        np.asarray(group).tolist(), exps, np.asarray(hi).tolist(), np.asarray(lo).tolist(), strict=True
    ):
        acc[g] = acc.get(g, 0) + (((int(h) << _SPLIT) + int(lw)) << (e - e_lo))
    scale = 1075 - e_lo  # value = N * 2**(e_lo - 1075)
    for g, total in acc.items():
        try:
            out[g] = total / (1 << scale) if scale >= 0 else float(total << -scale)
        except OverflowError:
            out[g] = np.inf if total > 0 else -np.inf
    return out


def exact_sum(values: Any) -> float:
    """The correctly rounded sum of ``values`` (NaN left out; an infinity gives an infinity, two
    opposite ones NaN, as a float sum would)."""
    v = np.asarray(values, dtype=float)
    if np.isnan(v).any():
        v = v[~np.isnan(v)]
    inf = np.isinf(v)
    if inf.any():
        return float(np.sum(v[inf]))
    return float(Partials.of(v).floats(1)[0])


def exact_bincount(codes: np.ndarray, values: Any, n: int) -> np.ndarray:
    """``np.bincount(codes, weights=values, minlength=n)``, each sum correctly rounded (a group
    with a NaN or an infinity gets what ``np.bincount`` gives it: NaN or the infinity)."""
    v = np.asarray(values, dtype=float)
    bad = ~np.isfinite(v)
    if not bad.any():
        return Partials.of(v, codes, n).floats(n)
    c = np.asarray(codes)
    out = Partials.of(np.where(bad, 0.0, v), c, n).floats(n)
    hit = np.bincount(c[bad], minlength=n) > 0
    out[hit] = np.bincount(c[bad], weights=v[bad], minlength=n)[hit]
    return out
