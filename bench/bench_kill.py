"""Kill `footprint report` at several points of a large run and check the outputs stay one set.

    python bench/bench_kill.py [--lines 1000000] [--kills 8] [--signal KILL|TERM]

It generates a realistic purchase file (``bench_report.generate``), runs the report twice to
get the old set (month 1) and the new set (month 7) of outputs (per-line CSV, rejected CSV,
HTML, Markdown, manifest), then, ``--kills`` times, starts the month-7 run again over the
month-1 set and kills it: at evenly spread delays over the run's duration, and right when each
temporary file appears. After each kill it checks that

* every output is whole, either its old or its new version (SHA-256),
* if the manifest exists, every file matches it (a set without its manifest is incomplete),
* after the next complete run, the set matches its manifest, rows read = computed + rejected,
  and no temporary file is left.

The same checks run on 10,000 lines in ``tests/test_outputs.py``; this is the 1M-line version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_report  # noqa: E402

FILES = ("r.csv", "r.rejected.csv", "r.html", "r.md")


def start(directory: Path, month: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "footprint_cli", "report", "achats.csv", "-o", "r.csv", "--html", "r.html"]
    cmd += ["--summary", "r.md", "--quiet", "--month", str(month), "--draws", "1000"]
    return subprocess.Popen(cmd, cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def digests(directory: Path) -> dict[str, str]:
    return {n: hashlib.sha256((directory / n).read_bytes()).hexdigest() for n in FILES}


def manifest_ok(directory: Path) -> bool:
    doc = json.loads((directory / "r.manifest.json").read_text(encoding="utf-8"))
    for f in doc["files"]:
        path = directory / f["file"]
        if path.stat().st_size != f["bytes"] or hashlib.sha256(path.read_bytes()).hexdigest() != f["sha256"]:
            return False
    rows = doc["rows"]
    return rows["read"] == rows["computed"] + rows["rejected"]


def temporaries(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--signal", choices=("KILL", "TERM"), default="KILL")
    args = ap.parse_args()
    sig = signal.SIGKILL if args.signal == "KILL" else signal.SIGTERM
    d = Path(tempfile.mkdtemp(prefix="bench_kill_"))
    bench_report.generate(d / "achats.csv", args.lines)
    t0 = time.perf_counter()
    assert start(d, 7).wait() == 0
    duration = time.perf_counter() - t0
    new = digests(d)
    assert start(d, 1).wait() == 0
    old = digests(d)
    print(f"{args.lines:,} lines, one run {duration:.1f} s; killing with SIG{args.signal}")
    points: list[tuple[str, float | str]] = [
        (f"after {f:.0%} of a run", f * duration)
        for f in [(i + 1) / (args.kills + 1) for i in range(args.kills)]
    ]
    points += [(f"when {n} starts to be written", f".{n}.*.tmp") for n in FILES]
    failures = 0
    for what, when in points:
        proc = start(d, 7)
        if isinstance(when, float):
            time.sleep(when)
        else:
            while proc.poll() is None and not any(d.glob(when)):
                time.sleep(0.001)
        proc.send_signal(sig)
        code = proc.wait()
        now = digests(d)
        whole = all(now[n] in (old[n], new[n]) for n in FILES)
        has_manifest = (d / "r.manifest.json").exists()
        consistent = manifest_ok(d) if has_manifest else True
        left = temporaries(d)
        assert start(d, 1).wait() == 0
        after = digests(d) == old and manifest_ok(d) and not temporaries(d)
        state = "new" if now == new else "old" if now == old else "mixed"
        ok = whole and consistent and after
        failures += not ok
        print(
            f"{what:<38} exit {code:>4}  files {state:<5} manifest {'yes' if has_manifest else 'no ':<3} "
            f"temporaries left {len(left)}  next run clean {after}  {'ok' if ok else 'FAILED'}"
        )
    print(f"{len(points) - failures}/{len(points)} consistent; files in {d}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
