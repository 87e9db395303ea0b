"""Exact sums: the same float whatever the order or the cutting of the terms (math.fsum's)."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint_cli.batch.exact import Partials, exact_bincount, exact_sum, floats_of

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e200, max_value=1e200)


@settings(max_examples=200, deadline=None)
@given(st.lists(finite, max_size=60), st.integers(min_value=1, max_value=7))
def test_chunked_sums_equal_the_correctly_rounded_sum(values: list[float], parts: int) -> None:
    v = np.array(values, dtype=float)
    codes = np.arange(len(v)) % 3
    whole = exact_bincount(codes, v, 3)
    assert [whole[g] for g in range(3)] == [math.fsum(v[codes == g]) for g in range(3)]
    # partial sums of any cutting of the lines add up to the same floats, bit for bit
    cuts = np.array_split(np.arange(len(v)), parts)
    ps = [Partials.of(v[c], codes[c], 3) for c in cuts]
    merged = floats_of(
        *(np.concatenate([getattr(p, f) for p in ps]) for f in ("group", "exp", "hi", "lo")), 3
    )
    assert merged.tolist() == whole.tolist()
    assert exact_sum(v) == math.fsum(v)


def test_subnormals_large_and_missing_values() -> None:
    assert exact_sum([5e-324, 5e-324]) == 1e-323
    assert exact_sum([1e300, -1e300, 1.0]) == 1.0
    assert exact_sum([1.0, float("nan"), 2.0]) == 3.0
    assert exact_sum([1e308, 1e308]) == math.inf
    assert exact_sum([]) == 0.0


def test_infinities_and_nan_are_not_turned_into_finite_sums() -> None:
    # an infinity has no integer mantissa: encoded as one it summed to 9.77e306 or 0.0
    assert exact_sum([math.inf, -1.7e308]) == math.inf
    assert math.isnan(exact_sum([math.inf, -math.inf]))
    assert exact_sum([1.0, math.nan, 2.0]) == 3.0  # NaN left out, as documented
    codes = np.array([0, 1, 1, 2, 2])
    values = [1.0, math.nan, 2.0, math.inf, 5.0]
    got = exact_bincount(codes, values, 3)
    want = np.bincount(codes, weights=values, minlength=3)
    assert got[0] == 1.0 and math.isnan(got[1]) and got[2] == math.inf
    assert math.isnan(want[1]) and want[2] == math.inf
