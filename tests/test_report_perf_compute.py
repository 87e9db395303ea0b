"""The report's vectorised helpers give what the plainer code they replaced gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from footprint_cli.batch import report as rp
from footprint_cli.batch.codes import Reasons
from footprint_cli.i18n import Message
from footprint_cli.uncertainty import INTERVAL


def test_intervals_equal_per_row_percentiles():
    rng = np.random.default_rng(1)
    n = 1000
    rows = [rng.triangular(0.1, 1.0, 4.0, n) for _ in range(300)]
    rows.append(np.full(n, 2.5))  # a factor with no range: constant draws
    rows.append(np.round(rng.normal(size=n), 1))  # many ties
    low, high = np.zeros(len(rows)), np.zeros(len(rows))
    iv = rp._Intervals(n, rows=64)
    for j, r in enumerate(rows):
        iv.row(low, high, j)[:] = r
    iv.flush()
    for j, r in enumerate(rows):
        lo, hi = np.percentile(r, INTERVAL)
        assert (low[j], high[j]) == (lo, hi)


def _old_add_reason(reason: np.ndarray, new: np.ndarray) -> np.ndarray:
    new = np.asarray(new, dtype=object)
    has = new != ""
    if not has.any():
        return reason
    out = reason.copy()
    cur = out[has]
    out[has] = np.where(cur == "", new[has], cur + "; " + new[has])
    return out


def test_reasons_join_like_strings():
    rng = np.random.default_rng(2)
    n = 500
    old = np.full(n, "", dtype=object)
    reasons = Reasons(n)
    for step in range(4):
        # reasons are catalogue messages: joined, they read as their texts joined with "; "
        texts = ["", Message("reason.date", value=f"a{step}"), Message("reason.month", value=f"b{step}"), ""]
        codes = rng.integers(0, len(texts), n)
        where = rng.random(n) < 0.7 if step == 3 else None
        new = np.asarray(texts, dtype=object)[codes]
        old = _old_add_reason(old, new if where is None else np.where(where, new, ""))
        reasons.add_codes(codes, texts, where=where)
    assert list(reasons.of(np.arange(n))) == list(old)
    assert (reasons.accepted() == (old == "")).all()


def test_factorize_codes_order_of_appearance():
    rng = np.random.default_rng(3)
    a, b, c = rng.integers(0, 5, 2000), rng.integers(0, 3, 2000), rng.integers(0, 12, 2000)
    codes, cols = rp._factorize_codes((a, 5), (b, 3), (c, 12))
    rows = list(zip(a.tolist(), b.tolist(), c.tolist(), strict=True))
    expected_codes, expected_rows = pd.factorize(pd.Series(rows))
    assert codes.tolist() == expected_codes.tolist()
    assert list(zip(*(col.tolist() for col in cols), strict=True)) == list(expected_rows)


@pytest.mark.parametrize("with_missing", [False, True])
def test_take_categorical_as_remove_unused_categories(with_missing):
    values = pd.Categorical(list("dbacdbbe") * 50 + ([None] * 5 if with_missing else []))
    idx = np.flatnonzero(np.asarray(values.astype(object)) != "a")
    got = rp._take_categorical(values, idx)
    expected = values[idx].remove_unused_categories()
    assert list(got.categories) == list(expected.categories)
    assert got.codes.tolist() == expected.codes.tolist()
    assert got.codes.dtype == expected.codes.dtype
