"""The fast CSV writer of the report writes exactly what the per-cell writer it replaced wrote."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import compute_report
from footprint_cli.catalog import Catalog
from footprint_cli.render import csv_encode
from footprint_cli.render import report as rr

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def catalog(data):
    return Catalog(data)


def _reference_write_csv(frame: pd.DataFrame, sep: str, decimal: str) -> str:
    """The writer before the fast path: every cell formatted on its own (the specification)."""
    out = [sep.join(rr.csv_text(str(c), sep) for c in frame.columns)]
    cols = []
    for c in frame.columns:
        v = frame[c].to_numpy()
        if frame[c].dtype.kind == "f":
            cells = ["" if not np.isfinite(x) else f"{x:.6g}".replace(".", decimal) for x in v.tolist()]
        elif frame[c].dtype.kind in "iu":
            cells = np.asarray(v).astype(str).tolist()
        else:
            cells = [
                "" if x is None or (isinstance(x, float) and x != x) else rr.csv_text(str(x), sep)
                for x in v.tolist()
            ]
        cols.append(cells)
    out.extend(map(sep.join, zip(*cols, strict=True)))
    return "\n".join(out) + "\n"


def _fast(frame: pd.DataFrame, sep: str, decimal: str) -> str:
    buf = io.StringIO()
    rr.write_csv(frame, buf, sep=sep, decimal=decimal)
    return buf.getvalue()


TEXT = st.text(alphabet=st.sampled_from(list('ab.,;"\n x\x02é€=-')), max_size=8)
FLOAT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e7, max_value=1e7),
    st.sampled_from([0.0, -0.0, 0.5, 1e-5, 123456.5, 999999.5, 1e16, 0.1 + 0.2]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(FLOAT, TEXT, st.integers(-(10**12), 10**12), FLOAT), max_size=40),
    style=st.sampled_from([(";", ","), (",", ".")]),
)
def test_fast_writer_equals_per_cell_writer(rows, style):
    frame = pd.DataFrame(
        {
            "x": pd.Series([r[0] for r in rows], dtype="float64"),
            "t": pd.Series([r[1] for r in rows], dtype=object),
            "i": pd.Series([r[2] for r in rows], dtype="int64"),
            "y.z": pd.Series([r[3] for r in rows], dtype="float64"),
        }
    )
    sep, decimal = style
    assert _fast(frame, sep, decimal) == _reference_write_csv(frame, sep, decimal)


def test_fast_writer_across_chunks(monkeypatch):
    monkeypatch.setattr(csv_encode, "CHUNK_BYTES", 7 * 60)  # a few rows per chunk
    rng = np.random.default_rng(3)
    x = rng.random(50) * 10.0 ** rng.integers(-6, 9, 50)
    x[[5, 30]] = np.nan  # some chunks take the per-cell path, the others the fast one
    t = np.array(["a.b", "c;d", 'e"f', None, "plain"], dtype=object)[rng.integers(0, 5, 50)]
    frame = pd.DataFrame({"x": x, "t": t, "n": np.arange(50), "b": rng.random(50) > 0.5})
    for sep, decimal in ((";", ","), (",", ".")):
        assert _fast(frame, sep, decimal) == _reference_write_csv(frame, sep, decimal)


@pytest.mark.parametrize(
    "name", ["achats_tableur.csv", "achats_sales.csv", "macantine_export.csv", "achats.xlsx"]
)
def test_per_line_csv_equals_the_frame_written_cell_by_cell(data, catalog, name, tmp_path):
    pf = read_purchases(DATA / name)
    r = compute_report(pf, data, catalog, month_default=3, draws=200)
    sep, decimal = rr._csv_style(pf.delimiter)
    out = rr.write_lines_csv(r, tmp_path / "r.csv", "fr", data, delimiter=pf.delimiter)
    expected = _reference_write_csv(rr.lines_frame(r, "fr", data), sep, decimal)
    encoding = "utf-8-sig" if sep == ";" else "utf-8"
    assert out.read_text(encoding=encoding) == expected
