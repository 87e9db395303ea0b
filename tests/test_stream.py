"""A file read in chunks, or on Dask partitions, gives the report of the file read whole: the same
totals, breakdowns, counts, flags and intervals (the same floats), the same per-line and rejected
files byte for byte."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from footprint_cli.batch import breakdowns, stream
from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import Shared, compute_report
from footprint_cli.catalog import Catalog
from footprint_cli.render import report as rr
from footprint_cli.store import load_dataset

DATA = Path(__file__).parent / "data"
SETTINGS = {"month_default": 3, "draws": 500, "seed": 42}
FILES = [
    "achats_compta_300.csv",
    "achats_sites.csv",
    "achats_sales.csv",
    "macantine_export.csv",
    "achats_tableur.csv",
]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _whole(ds, path: Path):
    r = compute_report(read_purchases(path), ds, Catalog(ds), **SETTINGS)
    return r, breakdowns.site_header(r), breakdowns.supplier_header(r)


def _same(r, ro) -> None:
    for name in (
        "rows_read", "rows_computed", "rows_rejected", "total_kg", "total_kg_co2e", "interval_kg_co2e",
        "stages_kg_co2e", "amount_eur", "price_model_eur", "carbon_cost_eur", "by_family", "by_scope", "what_ifs",
    ):  # fmt: skip
        assert getattr(r, name) == getattr(ro, name), name
    assert breakdowns.by_month(r) == ro.by_month
    assert breakdowns.by_site(r)[1] == ro.by_site
    assert breakdowns.by_supplier(r)[1] == ro.by_supplier
    assert [(f.code, f.params, n) for f, n in r.flag_counts] == [
        (f.code, f.params, n) for f, n in ro.flag_counts
    ]
    assert r.total_draws_kg_co2e.tolist() == ro.total_draws_kg_co2e.tolist()


@pytest.mark.parametrize("name", FILES)
def test_chunks_give_the_whole_files_report(ds, name):
    path = DATA / name
    r, site, supplier = _whole(ds, path)
    lay, first = stream.layout(path, chunk_bytes=path.stat().st_size // 4 + 1)
    assert len(lay.chunks) >= 2 or r.rows_read < 60
    catalog = Catalog(ds)
    shared = Shared()
    rejected = io.StringIO()
    seen: list[bool] = []

    def on_chunk(c) -> None:
        rr.write_rejected_chunk(c, rejected, delimiter=first.delimiter, lang="fr", header=not seen)
        seen.append(True)

    ro = stream.stream_rollup(
        lay,
        ds,
        catalog,
        first=first,
        site=site,
        supplier=supplier,
        on_chunk=on_chunk,
        shared=shared,
        **SETTINGS,
    )
    _same(r, ro)
    # the per-line file, written chunk by chunk, is the whole file's byte for byte
    lines = io.StringIO()
    for i, (_pf, c) in enumerate(stream.chunk_reports(lay, ds, catalog, SETTINGS, None, shared)):
        c.flag_counts = ro.flag_counts
        rr.write_lines_chunk(
            c, lines, "fr", ds, delimiter=first.delimiter, verbose_flags=False, header=i == 0
        )
    whole_lines, whole_rejected = io.StringIO(), io.StringIO()
    names, cols = rr._lines_columns(r, "fr", ds)
    sep, decimal = rr._csv_style(first.delimiter)
    rr._write_columns(names, cols, whole_lines, sep=sep, decimal=decimal)
    frame = r.rejected.copy()
    frame["reason"] = rr.reason_texts(frame["reason"].to_numpy(dtype=object), "fr")
    rr.write_csv(frame, whole_rejected, sep=sep)
    assert lines.getvalue() == whole_lines.getvalue()
    assert rejected.getvalue() == whole_rejected.getvalue()


def test_a_quoted_newline_is_not_a_cut(ds, tmp_path):
    rows = "".join(f'"Pommes golden\n{i}";{i % 7 + 1};2,50\n' for i in range(400))
    path = tmp_path / "achats.csv"
    path.write_text("Produit;Quantité;Montant\n" + rows, encoding="utf-8")
    lay, _first = stream.layout(path, chunk_bytes=2000)
    assert len(lay.chunks) > 3
    parts = [stream.read_chunk(lay, i) for i in range(len(lay.chunks))]
    assert sum(p.rows_read for p in parts) == read_purchases(path).rows_read == 400
    assert [int(x) for p in parts for x in p.lines["line"]] == read_purchases(path).lines["line"].tolist()


def test_dask_on_four_local_partitions_gives_the_same_totals(ds):
    if os.environ.get("CI"):
        import dask.dataframe  # noqa: F401  (in CI the Dask extra is installed: the test runs)
    else:
        pytest.importorskip("dask.dataframe")
    path = DATA / "achats_compta_300.csv"
    r, site, supplier = _whole(ds, path)
    lay, _ = stream.layout(path, chunk_bytes=path.stat().st_size // 4 + 1)
    assert len(lay.chunks) == 4
    ro = stream.dask_rollup(lay, ds, site=site, supplier=supplier, scheduler="synchronous", **SETTINGS)
    _same(r, ro)
