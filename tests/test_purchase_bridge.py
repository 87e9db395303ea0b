"""Euros -> kg: a catering price (not the retail shelf price), and an interval that holds the
true mass of the lines of a realistic export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from footprint_cli.batch.bridge import WHOLESALE_RATIO, catering_price
from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import compute_report
from footprint_cli.store import load_dataset

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def test_catering_price_is_below_retail(data):
    apple = data.products["apple"]
    price = catering_price(apple)
    assert price.central == pytest.approx(
        apple.price_eur_per_kg.central * WHOLESALE_RATIO["fresh_produce"].central
    )
    assert price.low < price.central < price.high


def test_true_masses_fall_in_the_interval(data):
    """Every line of the export estimated from its amount alone: the true mass of at least 90 %
    of the lines is inside the interval, and the total is not biased by a retail price."""
    pf = read_purchases(DATA / "achats_compta_300.csv")
    lines = pf.lines
    lines["quantity_kg"] = np.nan
    lines["quantity_pieces"] = np.nan
    lines["quantity_is_volume"] = False
    lines["quantity_from_label"] = False
    r = compute_report(pf, data, month_default=2, draws=200)
    assert (r.table["kg_method"].astype(str) == "price").all()
    low, high = r.kg_interval(data.products)
    truth = pd.read_csv(DATA / "achats_compta_300.masses.csv").set_index("line")["true_kg"]
    true_kg = truth.reindex(r.table["line"]).to_numpy()
    assert not np.isnan(true_kg).any() and len(true_kg) >= 250
    inside = (low <= true_kg) & (true_kg <= high)
    assert inside.mean() >= 0.90
    assert r.total_kg / true_kg.sum() == pytest.approx(1.0, abs=0.2)
    # the retail price alone would have cut the kilos by about a third
    retail = np.array([data.products[p].price_eur_per_kg.central for p in r.table["product"].astype(str)])
    assert (r.table["amount_eur"].to_numpy() / retail).sum() / true_kg.sum() < 0.75


def test_measured_lines_have_no_interval(data):
    r = compute_report(read_purchases(DATA / "achats_compta_300.csv"), data, month_default=2, draws=200)
    low, high = r.kg_interval(data.products)
    measured = r.table["kg_method"].astype(str) != "price"
    assert (low[measured] == high[measured]).all()
