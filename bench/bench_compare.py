"""Start-up benchmark: `footprint compare apple --origin argentina` against the import floor.

    python bench/bench_compare.py [--runs 15]

Measures, in the same run and interleaved, the median wall time of
  * the floor: python -c "import typer, rich.console, rich.table, numpy" (the libraries that a
    Monte Carlo command printing a Rich table cannot avoid)
  * the command: footprint compare apple --origin argentina --month 4
and prints both medians and their ratio (target: at most 1.3). The machine is noisy:
read the ratio of medians, not single timings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table, numpy"]


def footprint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("footprint")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "footprint_cli"]
    return [*base, "compare", "apple", "--origin", "argentina", "--month", "4"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    env = {**os.environ, "COLUMNS": "120"}
    cmd = footprint_cmd()
    timed(cmd, env)  # warm the OS file cache and the dataset cache
    timed(FLOOR, env)
    floor, run = [], []
    for _ in range(args.runs):
        floor.append(timed(FLOOR, env))
        run.append(timed(cmd, env))
    f, r = statistics.median(floor), statistics.median(run)
    print(f"floor   median {f * 1000:7.1f} ms  (import typer, rich.console, rich.table, numpy)")
    print(f"compare median {r * 1000:7.1f} ms  ({' '.join(cmd[-6:])})")
    print(f"ratio   {r / f:.2f}  (target <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
