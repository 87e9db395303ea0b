"""The report's hand-written CSV encoder against the libraries, on a realistic report's per-line table.

    python bench/bench_csv_encode.py [--lines 1000000] [--runs 3] [--draws 1000]

It generates a realistic purchase file (``bench_report.generate``: quantities to the gram,
amounts to the cent), computes the report in this process, builds the per-line table as the
per-line CSV holds it (``render.report.lines_frame``: ``line``, the input columns, then the
report's columns), and writes it, French style (``;`` and a decimal comma), with:

* ``encoder``: ``render.report.write_csv`` (``render/csv_encode.py``, ``%.6g`` digit for digit);
* ``pandas``: ``DataFrame.to_csv(sep=";", decimal=",", float_format="%.6g")``, the same text;
* ``polars``: ``pl.from_pandas(frame).write_csv(separator=";", decimal_comma=True)``, if polars is
  installed. polars has no ``%.6g``: it writes the shortest round-trip digits (up to 17), so its
  file is larger and not the same text; ``float_precision=6`` (six decimals, not six significant
  digits) is timed too. The conversion to polars is timed apart.

Each writer runs ``--runs`` times into a file on disk, interleaved; the medians of wall time and
of CPU time (all threads: polars writes with several) and their ratios to the encoder are printed, for the whole table and for its float columns alone. The encoder's
and pandas' files are checked to be the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_report  # noqa: E402


def timed(fn, path: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of all threads, SHA-256 of the file written)."""
    t0, c0 = time.perf_counter(), time.process_time()
    with path.open("w", encoding="utf-8", newline="") as fh:
        fn(fh)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return wall, cpu, hashlib.sha256(path.read_bytes()).hexdigest()


def to_polars(pl, df):
    """The frame as polars (without pyarrow): numeric columns as numpy, text as Python strings."""
    cols = {}
    for c in df.columns:
        s = df[c]
        if s.dtype.kind in "fiub":
            cols[c] = pl.Series(c, s.to_numpy())
        else:
            cols[c] = pl.Series(
                c, [None if v is None or v != v else str(v) for v in s.tolist()], dtype=pl.String
            )
    return pl.DataFrame(cols)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--draws", type=int, default=1000)
    args = ap.parse_args()

    from footprint_cli.batch.reader import read_purchases
    from footprint_cli.batch.report import compute_report
    from footprint_cli.catalog import Catalog
    from footprint_cli.render.report import lines_frame, write_csv
    from footprint_cli.store import load_dataset

    tmp = Path(tempfile.mkdtemp(prefix="bench_csv_"))
    src = tmp / "achats.csv"
    bench_report.generate(src, args.lines, realistic=True)
    data = load_dataset()
    t0 = time.perf_counter()
    pf = read_purchases(src)
    report = compute_report(pf, data, Catalog(data), month_default=3, draws=args.draws, consume=True)
    frame = lines_frame(report, "fr", data)
    print(f"{args.lines:,} lines: report and per-line table built in {time.perf_counter() - t0:.1f} s")
    floats = frame.select_dtypes("float")
    print(f"table: {frame.shape[1]} columns ({floats.shape[1]} float); {len(frame):,} rows")

    writers = {
        "encoder": lambda df: lambda fh: write_csv(df, fh, sep=";", decimal=","),
        "pandas": lambda df: (
            lambda fh: df.to_csv(
                fh, sep=";", decimal=",", float_format="%.6g", index=False, lineterminator="\n"
            )
        ),
    }
    try:
        import polars as pl
    except ImportError:
        pl = None
        print("polars not installed: not measured")
    for name, df in (("whole table", frame), ("float columns", floats)):
        cases = {k: make(df) for k, make in writers.items()}
        if pl is not None:
            t0 = time.perf_counter()
            pdf = to_polars(pl, df)
            print(
                f"[{name}] pandas -> polars conversion {time.perf_counter() - t0:.2f} s (not counted below)"
            )

            def pl_write(fh: io.TextIOBase, precision: int | None = None, pdf=pdf) -> None:
                fh.write(pdf.write_csv(separator=";", decimal_comma=True, float_precision=precision))

            cases["polars"] = pl_write
            cases["polars float_precision=6"] = lambda fh, w=pl_write: w(fh, 6)
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
        digests: dict[str, str] = {}
        sizes: dict[str, int] = {}
        for _ in range(args.runs):
            for k, fn in cases.items():
                wall, cpu, digest = timed(fn, tmp / "out.csv")
                times[k].append((wall, cpu))
                digests[k] = digest
                sizes[k] = (tmp / "out.csv").stat().st_size
        base_w = statistics.median(w for w, _ in times["encoder"])
        base_c = statistics.median(c for _, c in times["encoder"])
        for k, ts in times.items():
            w = statistics.median(x for x, _ in ts)
            c = statistics.median(x for _, x in ts)
            print(
                f"[{name}] {k:<26} wall {w:7.2f} s x{w / base_w:5.2f} | cpu {c:7.2f} s x{c / base_c:5.2f}"
                f" | {sizes[k] / 1e6:6.1f} MB"
            )
        same = digests["encoder"] == digests["pandas"]
        print(f"[{name}] encoder and pandas files identical: {same}")
    print(f"files in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
