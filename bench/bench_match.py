"""Label-matching benchmark: precision and recall of the matcher on the labelled set.

    python bench/bench_match.py [--set tests/data/labels.csv] [--all]

The set (``tests/data/labels.csv``, ``label;expected``) holds invoice, mercuriale and
ma-cantine style purchase labels, each with the product id an expert expects or ``refuse``
(non-food lines, foods the catalogue does not hold). It prints

* **precision**: right product among computed lines (labels the matcher did not refuse);
* **recall**: should-match labels (expected is a product) matched to the right product;
* the confusion list: every wrong match (label, expected, got, score, how it matched), and
  with ``--all`` the should-match labels that were refused, with their suggestions.

Targets: precision >= 0.98, recall >= 0.93 (tests/test_match_labelled_set.py enforces them).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABEL_SET = REPO / "tests" / "data" / "labels.csv"
REFUSE = "refuse"
PRECISION_TARGET = 0.98
RECALL_TARGET = 0.93


@dataclass
class Score:
    labels: int = 0
    should_match: int = 0
    computed: int = 0
    right: int = 0
    wrong: list[tuple[str, str, str, float, str]] = field(default_factory=list)
    missed: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.computed if self.computed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.should_match if self.should_match else 1.0


def read_set(path: Path = LABEL_SET) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["label"], r["expected"]) for r in csv.DictReader(fh, delimiter=";")]


def score(pairs: list[tuple[str, str]], catalog) -> Score:
    """Match every label once and count right, wrong and refused lines."""
    import pandas as pd

    from footprint_cli.batch.match import match_labels

    out = match_labels(pd.Series([p[0] for p in pairs], dtype=object), catalog).set_index("label")
    s = Score()
    for label, expected in pairs:
        row = out.loc[label]
        got = row["product_id"]
        s.labels += 1
        if expected != REFUSE:
            s.should_match += 1
        if got:
            s.computed += 1
            if got == expected:
                s.right += 1
            else:
                s.wrong.append((label, expected, got, float(row["score"]), row["matched_by"]))
        elif expected != REFUSE:
            s.missed.append((label, expected, tuple(row["suggestions"]), row.get("reason", "")))
    return s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=LABEL_SET)
    ap.add_argument("--all", action="store_true", help="also list the should-match labels that were refused")
    args = ap.parse_args()

    from footprint_cli.catalog import Catalog
    from footprint_cli.store import load_dataset

    catalog = Catalog(load_dataset())
    pairs = read_set(args.set)
    t0 = time.perf_counter()
    s = score(pairs, catalog)
    elapsed = time.perf_counter() - t0
    print(
        f"labels: {s.labels} ({s.should_match} should match, {s.labels - s.should_match} should be refused)"
    )
    print(f"computed lines: {s.computed}, right: {s.right}, wrong: {len(s.wrong)}")
    print(f"precision: {s.precision:.3f} (target {PRECISION_TARGET})")
    print(f"recall:    {s.recall:.3f} (target {RECALL_TARGET})")
    print(f"time: {elapsed * 1000 / max(1, s.labels):.2f} ms per label")
    if s.wrong:
        print("\nwrong matches (label | expected | got | score | matched by):")
        for label, expected, got, sc, how in s.wrong:
            print(f"  {label} | {expected} | {got} | {sc:.0f} | {how}")
    if args.all and s.missed:
        print("\nrefused although a product was expected (label | expected | suggestions | reason):")
        for label, expected, sugg, reason in s.missed:
            print(f"  {label} | {expected} | {', '.join(sugg)} | {reason}")
    ok = s.precision >= PRECISION_TARGET and s.recall >= RECALL_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
