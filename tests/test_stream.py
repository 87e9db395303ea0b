"""A file read in chunks, or on Dask partitions, gives the report of the file read whole: the same
totals, breakdowns, counts, flags and intervals (the same floats), the same per-line and rejected
files byte for byte."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from footprint_cli.batch import breakdowns, stream
from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import Shared, compute_report
from footprint_cli.catalog import Catalog
from footprint_cli.cli import app
from footprint_cli.errors import InputError
from footprint_cli.i18n import t
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


def _rollup(ds, path: Path, chunk_bytes: int):
    r, site, supplier = _whole(ds, path)
    lay, first = stream.layout(path, chunk_bytes=chunk_bytes)
    assert len(lay.chunks) >= 3
    ro = stream.stream_rollup(
        lay, ds, Catalog(ds), first=first, site=site, supplier=supplier, shared=Shared(), **SETTINGS
    )
    return r, ro


def test_the_first_chunks_decimal_mark_binds_the_later_chunks(ds, tmp_path):
    # decimal commas early on, then only "1.100": thousands in this file, as the whole file says
    rows = [f"Carottes;{i % 5},5;kg;12,50;France;0{i % 9 + 1}/03/2024" for i in range(150)]
    rows += [f"Pommes;1.{i % 9 + 1}00;kg;2.{i % 9 + 1}00;France;15/03/2024" for i in range(150)]
    path = tmp_path / "achats.csv"
    path.write_text("Produit;Quantité;Unité;Montant HT;Origine;Date\n" + "\n".join(rows) + "\n")
    r, ro = _rollup(ds, path, 3000)
    assert r.total_kg > 150 * 1100
    _same(r, ro)


def test_the_first_chunks_date_order_binds_the_later_chunks(ds, tmp_path):
    # month first, told by the first rows (13th, 14th...), then dates that read both ways
    rows = [f"Tomatoes;1;kg;10.50;France;0{i % 9 + 1}/{13 + i % 15}/2024" for i in range(150)]
    rows += [f"Tomatoes;1;kg;10.50;France;0{i % 9 + 1}/0{i % 3 + 1}/2024" for i in range(150)]
    path = tmp_path / "purchases.csv"
    path.write_text("Product;Quantity;Unit;Amount;Origin;Date\n" + "\n".join(rows) + "\n")
    r, ro = _rollup(ds, path, 3000)
    assert {g.key for g in ro.by_month} == {str(m) for m in range(1, 10)}
    _same(r, ro)


@pytest.mark.parametrize(
    ("first", "later", "key"),
    [
        ("Tomates;1;kg;10;France;05/03/2024", "Tomates;1;kg;10;France;03/15/2024", "rd.err.part_dates"),
        ("Tomates;1;kg;10;France;15/03/2024", "Tomates;1;kg;10;France;03/15/2024", None),
        (
            "Tomates;1;kg;1.100;France;15/03/2024",
            "Tomates;1;kg;10,5;France;15/03/2024",
            "rd.err.part_decimals",
        ),
        (
            "Tomates;1;kg;10,5;France;15/03/2024",
            "Tomates;1;kg;10.5;France;15/03/2024",
            "rd.err.part_decimals",
        ),
    ],
)
def test_a_chunk_that_would_change_a_decision_is_refused(ds, tmp_path, first, later, key):
    path = tmp_path / "achats.csv"
    path.write_text(
        "Produit;Quantité;Unité;Montant HT;Origine;Date\n" + f"{first}\n" * 150 + f"{later}\n" * 150
    )
    if key is None:  # day first from the start: a later "03/15" is a bad date, in both readings
        r, ro = _rollup(ds, path, 3000)
        assert ro.rows_rejected == r.rows_rejected == 150
        return
    with pytest.raises(InputError) as e:
        _rollup(ds, path, 3000)
    assert e.value.key == key


def test_header_row_is_read_in_every_chunk(ds, tmp_path):
    # line 1 looks like a header too: only --header-row 2 says which one is
    rows = "".join(f"Pommes;{i % 5 + 1};{i % 7 + 2},50\n" for i in range(400))
    path = tmp_path / "achats.csv"
    path.write_text("Produit;Quantité;Montant HT\nlibelle;quantite;montant\n" + rows, encoding="utf-8")
    r = compute_report(read_purchases(path, header_row=2), ds, Catalog(ds), **SETTINGS)
    lay, first = stream.layout(path, chunk_bytes=2000, header_row=2)
    assert len(lay.chunks) >= 3 and lay.header_lines == 2
    ro = stream.stream_rollup(lay, ds, Catalog(ds), first=first, shared=Shared(), **SETTINGS)
    assert r.rows_read == ro.rows_read == 400 and r.rows_rejected == ro.rows_rejected == 0
    _same(r, ro)
    assert read_purchases(path).rows_read == 401  # without it, line 2 is a purchase line


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_output_the_rejected_rows_are_listed_as_when_read_whole(runner, tmp_path, lang, monkeypatch):
    cut = stream.layout
    monkeypatch.setattr(stream, "layout", lambda path, **kw: cut(path, **{**kw, "chunk_bytes": 2000}))
    rows = "".join(f"Pommes;{'abc' if i % 50 == 7 else i % 5 + 1};2,50\n" for i in range(400))
    path = tmp_path / "achats.csv"
    path.write_text("Produit;Quantité;Montant HT\n" + rows, encoding="utf-8")
    whole = runner.invoke(app, ["report", str(path), "--month", "3", "--lang", lang])
    chunked = runner.invoke(app, ["report", str(path), "--chunks", "1", "--month", "3", "--lang", lang])
    assert whole.exit_code == chunked.exit_code == 0, chunked.output
    listed = t("rep.rejected_list", lang)

    def tail(out: str) -> str:
        return out[out.index(listed) :]

    assert tail(chunked.output) == tail(whole.output)
    assert t("rep.rejected_hint", lang) in tail(chunked.output)
    assert len(re.findall(r"(?m)^  \d+: ", tail(chunked.output))) == 8
    assert "lignes lues : 400" in chunked.output or "400 read" in chunked.output


def test_a_quote_inside_a_field_does_not_move_the_cuts(ds, tmp_path):
    # a stray quote is text to the CSV parser; "" inside a quoted field is an escaped quote
    rows = "".join(
        f'Pommes 5" calibre;{i % 7 + 1};2,50\n"Bananes ""bio""\nfilière {i}";{i % 3 + 1};3,50\n'
        for i in range(300)
    )
    path = tmp_path / "achats.csv"
    path.write_text("Produit;Quantité;Montant\n" + rows, encoding="utf-8")
    whole = read_purchases(path)
    assert whole.rows_read == 600 and whole.rows_rejected == 0
    lay, _first = stream.layout(path, chunk_bytes=2000)
    assert len(lay.chunks) > 3
    parts = [stream.read_chunk(lay, i) for i in range(len(lay.chunks))]
    assert sum(p.rows_read for p in parts) == 600 and sum(p.rows_rejected for p in parts) == 0
    assert [int(x) for p in parts for x in p.lines["line"]] == whole.lines["line"].tolist()
    r, ro = _rollup(ds, path, 2000)
    _same(r, ro)


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
