"""Time of `footprint report` against the number of columns of a purchase file (it must grow
linearly: 4,000 columns once took 45 s, the report deleting its input columns one by one).

    python bench/bench_columns.py [--columns 250,500,1000] [--rows 20]

For each width it writes a file of ``--rows`` purchase lines (a label, a quantity, then
filler columns), and measures in the same run, each in a fresh process:

* the floor: ``pd.read_csv`` of the file and ``DataFrame.to_csv`` of it (reading and writing
  every cell once, which any report must do);
* the command: ``footprint report FILE -o OUT.csv --quiet --draws 500``.

It prints the times, the ratio to the floor, and the time each column adds over a file of 10
columns (start-up and the model cost the same at any width), which should stay flat (linear
growth) from the narrowest to the widest file. 1,000 columns is the reader's limit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys
import pandas as pd
pd.read_csv(sys.argv[1], dtype=str).to_csv(sys.argv[2], index=False)
"""


def write(path: Path, columns: int, rows: int) -> None:
    head = ["Produit", "Quantité", *(f"colonne {i}" for i in range(columns - 2))]
    line = ["Pommes", "3", *(str(i) for i in range(columns - 2))]
    path.write_text("\n".join([",".join(head), *([",".join(line)] * rows)]) + "\n", encoding="utf-8")


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, env={**os.environ, "FOOTPRINT_NO_CACHE": "1"})
    if run.returncode != 0:
        raise SystemExit(run.stderr.decode(errors="replace"))
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--columns", default="250,500,1000")
    ap.add_argument("--rows", type=int, default=20)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_columns_"))

    def report_time(n: int) -> tuple[float, float]:
        src = tmp / f"wide_{n}.csv"
        write(src, n, args.rows)
        floor = timed([sys.executable, "-c", FLOOR, str(src), str(tmp / "floor.csv")])
        report = timed(
            [sys.executable, "-m", "footprint_cli", "report", str(src), "-o", str(tmp / "out.csv")]
            + ["--quiet", "--draws", "500"]
        )
        return floor, report

    _, base = report_time(10)
    per_column = []
    for n in (int(c) for c in args.columns.split(",")):
        floor, report = report_time(n)
        per_column.append(max(report - base, 1e-9) / (n - 10))
        print(
            f"{n:6,} columns  floor {floor:6.2f} s | report {report:6.2f} s | x{report / floor:5.2f}"
            f" | {1000 * per_column[-1]:6.2f} ms per column over 10 columns ({base:.2f} s)"
        )
    print(f"ms per column, widest / narrowest: {per_column[-1] / per_column[0]:.2f} (linear: about 1)")


if __name__ == "__main__":
    main()
