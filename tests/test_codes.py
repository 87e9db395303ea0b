"""Coded columns shared by the reader and the report: categoricals and refusal reasons."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from footprint_cli.batch.codes import Reasons, category, code_dtype


def test_code_dtype_is_the_smallest_that_holds_the_codes():
    assert code_dtype(3) is np.int8 and code_dtype(200) is np.int16
    assert code_dtype(40_000) is np.int32 and code_dtype(2**31) is np.int64


def test_category_is_what_factorize_gives_missing_values_stay_missing():
    rng = np.random.default_rng(1)
    values = np.array(["b", "a", None, "b", "c", np.nan, "a"], dtype=object)  # repeats and missing
    codes = rng.integers(0, len(values), 3000)
    got = category(codes, values)
    cells = pd.Series(values[codes], dtype=object)
    expected_codes, expected_cats = pd.factorize(cells)  # missing -> -1, order of appearance
    assert list(got.categories) == list(expected_cats)
    assert (np.asarray(got.codes) == expected_codes).all()
    assert len(category(np.array([], dtype=np.int64), np.array([], dtype=object))) == 0


def test_reasons_quote_the_refused_cell_and_join_in_order():
    cells = SimpleNamespace(
        codes=np.array([0, 1, 0, 2, 1]), values=np.array([" x ", "y", "z" * 80], dtype=object)
    )
    r = Reasons.from_texts(["", "ragged", "", "", ""])
    r.add(np.array([True, True, False, True, False]), "not a number: ", cells)
    r.add(np.array([False, False, True, False, False]), "missing label")
    r.add(np.array([False, False, False, False, False]), "never")
    assert list(r.of(np.arange(5))) == [
        "not a number: 'x'",
        "ragged; not a number: 'y'",
        "missing label",
        f"not a number: '{'z' * 60}'",
        "",
    ]
    assert list(r.flagged) == [True, True, True, True, False]
    assert list(r.accepted()) == [False, False, False, False, True]
