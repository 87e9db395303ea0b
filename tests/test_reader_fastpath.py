"""The reader's vectorised number parsing agrees with parsing each cell alone.

``_parse_numbers`` takes fast paths over a whole column (one C ``to_numeric`` pass for plain
numbers, one regex pass for simple decimal commas) and keeps the careful path for the rest.
Whatever mix of cells a column holds, each cell must get the value (or the rejection) it
gets when it is parsed alone, and a file must reject exactly the cells that cannot be read,
with the same reason.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.reader import _decimal_style, _parse_numbers, read_purchases

SPACES = [" ", "\u00a0", "\u202f"]


@st.composite
def french_numbers(draw: st.DrawFn) -> str:
    """A number as a French spreadsheet export writes it: 1 234,56 €, -12,5, 1.234,5, 90.11..."""
    value = draw(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False))
    decimals = draw(st.integers(min_value=0, max_value=3))
    text = f"{abs(value):.{decimals}f}"
    head, _, frac = text.partition(".")
    style = draw(st.sampled_from(["plain", "comma", "space", "dot_thousands", "en"]))
    if style in ("space", "dot_thousands", "en") and len(head) > 3:
        sep = {"space": draw(st.sampled_from(SPACES)), "dot_thousands": ".", "en": ","}[style]
        groups = []
        while len(head) > 3:
            groups.insert(0, head[-3:])
            head = head[:-3]
        head = sep.join([head, *groups])
    mark = "." if style in ("plain", "en") else ","
    body = head + (mark + frac if frac else "")
    sign = "-" if value < 0 and draw(st.booleans()) else ""
    prefix = draw(st.sampled_from(["", " ", "\u00a0"]))
    suffix = draw(st.sampled_from(["", " €", "€", " EUR", " euros", " HT", "\u00a0€"]))
    return prefix + sign + body + suffix


JUNK_ALPHABET = st.sampled_from(list("0123456789,.-+ eE€abcxyzHTé'_") + ["\u00a0", "\u202f"])
junk = st.text(JUNK_ALPHABET, min_size=0, max_size=12)
cells = st.one_of(
    french_numbers(), junk, st.sampled_from(["", "-", ",", ".", "1e5", "1,2,3", "1.2.3", "n/a"])
)


def _alone(cell: str, style: str | None = None) -> float:
    """The cell parsed alone, by the decimal style of its column when given."""
    if style is None:
        return float(_parse_numbers(pd.Series([cell], dtype=object)).iloc[0])
    return float(_parse_numbers(pd.Series([cell], dtype=object), style).iloc[0])


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@settings(max_examples=300, deadline=None)
@given(st.lists(cells, min_size=1, max_size=40))
def test_column_parse_equals_cell_by_cell(column: list[str]) -> None:
    # "1.234" is decided by the whole column (see _decimal_style): each cell must get what it
    # gets alone under that same decision
    style = _decimal_style(pd.Series(column, dtype=object)) or "none"
    got = _parse_numbers(pd.Series(column, dtype=object)).to_numpy(dtype=float)
    for cell, value in zip(column, got, strict=True):
        assert _same(value, _alone(cell, style)), (cell, value, _alone(cell, style))


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False), st.sampled_from(SPACES))
def test_french_format_reads_back(value: float, space: str) -> None:
    text = f"{value:,.2f}".replace(",", space).replace(".", ",") + " €"
    assert _alone(text) == float(f"{value:.2f}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(cells, min_size=1, max_size=30))
def test_file_rejects_exactly_unreadable_amounts(tmp_path: Path, amounts: list[str]) -> None:
    """Through the whole reader: each amount is read as alone, or its row is refused with the
    reason quoting the cell; ``len(lines) + len(rejected) == rows``."""
    path = tmp_path / "achats.csv"
    body = "".join(f"Pommes;1;kg;{a}\r\n" for a in amounts)
    path.write_bytes(("Produit;Quantité;Unité;Montant HT\r\n" + body).encode("cp1252", errors="replace"))
    raw = path.read_bytes().decode("cp1252").split("\r\n")[1:-1]
    pf = read_purchases(path)
    assert len(pf.lines) + len(pf.rejected) == len(amounts)
    accepted = dict(zip(pf.lines["line"], pf.lines["amount_eur"], strict=True))
    reasons = dict(zip(pf.rejected["line"], pf.rejected["reason"], strict=True))
    blanks = " \t\r\n\u00a0\u202f\u2009"
    style = _decimal_style(pd.Series([r.split(";")[3].strip(blanks) for r in raw], dtype=object)) or "none"
    for i, row in enumerate(raw):
        cell = row.split(";")[3]
        stripped = cell.strip(blanks)
        line = i + 2
        value = _alone(stripped, style) if stripped else math.nan
        if stripped and math.isnan(value):
            assert reasons[line] == f"amount not a number: '{stripped.strip()[:60]}'"
        elif stripped and value < 0:
            assert reasons[line] == "negative amount"
        else:
            assert line in accepted, (cell, reasons.get(line))
            assert _same(float(accepted[line]), value)


def test_numbers_on_distinct_values_spread_back() -> None:
    """A million-line column is parsed over its distinct values: spreading back keeps order."""
    column = pd.Series(["1\u00a0234,5 €", "90.11", "x", "", "12"] * 1000, dtype=object)
    got = _parse_numbers(column).to_numpy(dtype=float)
    want = np.array([1234.5, 90.11, np.nan, np.nan, 12.0] * 1000)
    assert np.array_equal(got, want, equal_nan=True)
