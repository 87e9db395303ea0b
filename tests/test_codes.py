"""Coded columns shared by the reader and the report: categoricals and refusal reasons."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from footprint_cli.batch.codes import Reasons, category, code_dtype
from footprint_cli.i18n import Message, text


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
    r = Reasons.from_texts(["", Message("reason.fields", count=8, expected=6), "", "", ""])
    r.add(np.array([True, True, False, True, False]), "reason.quantity", cells)
    r.add(np.array([False, False, True, False, False]), "reason.no_label")
    r.add(np.array([False, False, False, False, False]), "reason.nothing")
    got = list(r.of(np.arange(5)))
    assert got == [
        "quantity not a number: 'x'",
        "wrong number of fields (8, header has 6); quantity not a number: 'y'",
        "missing product label",
        f"quantity not a number: '{'z' * 60}'",
        "",
    ]
    # each reason keeps its keys: it is worded in the user's language where it is shown
    assert [text(g, "fr") for g in got[1:3]] == [
        "nombre de champs incorrect (8, l'en-tête en a 6); quantité non numérique : 'y'",
        "libellé du produit manquant",
    ]
    assert list(r.flagged) == [True, True, True, True, False]
    assert list(r.accepted()) == [False, False, False, False, True]
