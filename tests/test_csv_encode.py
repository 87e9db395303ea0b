"""The vectorised CSV encoder writes numbers exactly as Python's own formatting does."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint_cli.render import csv_encode
from footprint_cli.render.csv_encode import PAD, csv_rows, format_floats, format_ints


def _cells(matrix: np.ndarray) -> list[str]:
    return [bytes(row[row != PAD]).decode("ascii") for row in matrix.reshape(-1, matrix.shape[-1])]


def _g6(x: float, decimal: str = ".") -> str:
    return "" if not np.isfinite(x) else f"{x:.6g}".replace(".", decimal)


# values near the places where '%.6g' changes form or rounds: powers of ten, exact ties
# (123456.5), values just below a tie in binary (99999.95), the fixed/exponent borders
EDGES = [
    0.0,
    -0.0,
    0.5,
    1e-4,
    9.999995e-5,
    1e-5,
    999999.5,
    999999.4999,
    1e6,
    123456.5,
    1.234565,
    99999.95,
    0.1 + 0.2,
    5e-324,
    1.7976931348623157e308,
    1e22,
    1e23,
    float("nan"),
    float("inf"),
    float("-inf"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.floats(), st.floats(min_value=-1e7, max_value=1e7), st.sampled_from(EDGES)),
        max_size=60,
    ),
    st.sampled_from([".", ","]),
)
def test_floats_as_python_formats_them(values, decimal):
    x = np.array(values, dtype=np.float64)
    assert _cells(format_floats(x, decimal)) == [_g6(v, decimal) for v in values]


def test_floats_across_magnitudes():
    rng = np.random.default_rng(7)
    x = rng.random(50_000) * 10.0 ** rng.integers(-12, 12, 50_000)
    x = np.concatenate([x, -x, np.round(x, 2), np.array(EDGES)])
    assert _cells(format_floats(x, ",")) == [_g6(v, ",") for v in x.tolist()]


def test_float_slots_keep_their_shape_and_end_byte():
    x = np.array([[1.5, -2.0], [0.0, 1e-7]])
    out = format_floats(x, ".", np.array([ord(";"), ord("\n")], dtype=np.uint8))
    assert out.shape == (2, 2, csv_encode.FLOAT_WIDTH)
    assert _cells(out) == ["1.5;", "-2\n", "0;", "1e-07\n"]


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=40))
def test_ints_as_str(values):
    out = format_ints(np.array(values, dtype=np.int64))
    assert out.shape[1] % 4 == 0
    assert _cells(out) == [str(v) for v in values]


class _Sliced:
    """A float column read by slices, as a report's derived columns are."""

    def __init__(self, values: np.ndarray):
        self.values = values
        self.reads: list[tuple[int, int]] = []

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, rows: slice) -> np.ndarray:
        self.reads.append((rows.start, rows.stop))
        return self.values[rows]


@pytest.mark.parametrize("chunk_bytes", [64, 1 << 20])
def test_rows_with_long_cells_and_lazy_columns(monkeypatch, chunk_bytes):
    monkeypatch.setattr(csv_encode, "CHUNK_BYTES", chunk_bytes)
    rng = np.random.default_rng(1)
    n = 257
    x = rng.random(n) * 100
    lazy = _Sliced(x)
    long = ["a" * 80, '"quoted; with ""quotes"" and\nnewline"', "é" * 40]
    codes = rng.integers(0, 3, n)
    columns = [
        ("i", np.arange(n)),
        ("t", codes, long),
        ("f", lazy),
        ("f", -x),
        ("t", codes, ["x", "", "z"]),
    ]
    got = b"".join(csv_rows(columns, sep=";", decimal=",")).decode("utf-8")
    expected = "".join(
        f"{i};{long[c]};{_g6(a, ',')};{_g6(-a, ',')};{['x', '', 'z'][c]}\n"
        for i, c, a in zip(range(n), codes.tolist(), x.tolist(), strict=True)
    )
    assert got == expected
    assert all(stop - start <= n for start, stop in lazy.reads)
    if chunk_bytes == 64:
        assert len(lazy.reads) > 1  # read a chunk of rows at a time
