"""The label matcher measured on the labelled set (tests/data/labels.csv): the targets hold.

The set was written before the matcher was changed; ``python bench/bench_match.py`` prints the
same figures with the confusion list.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from footprint_cli.batch.match import match_labels
from footprint_cli.catalog import Catalog
from footprint_cli.store import load_dataset

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_match.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_match", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(load_dataset())


def test_labelled_set_is_large_and_names_known_products(bench, catalog):
    pairs = bench.read_set()
    assert len(pairs) >= 400
    assert len({label for label, _ in pairs}) == len(pairs), "a label is listed twice"
    unknown = {e for _, e in pairs if e != bench.REFUSE and e not in catalog.data.products}
    assert not unknown, f"expected products missing from the catalogue: {sorted(unknown)}"
    assert sum(e == bench.REFUSE for _, e in pairs) >= 100


def test_precision_and_recall_meet_the_targets(bench, catalog):
    score = bench.score(bench.read_set(), catalog)
    assert score.precision >= bench.PRECISION_TARGET, score.wrong
    assert score.recall >= bench.RECALL_TARGET, score.missed


def test_every_refusal_has_a_reason_and_valid_suggestions(bench, catalog):
    labels = [label for label, _ in bench.read_set()]
    out = match_labels(labels, catalog)
    refused = out[out["product_id"] == ""]
    assert (refused["reason"] != "").all(), refused[refused["reason"] == ""]
    for sugg in out["suggestions"]:
        assert all(s in catalog.data.products for s in sugg)
    assert (out.loc[out["product_id"] != "", "reason"] == "").all()
