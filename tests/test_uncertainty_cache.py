"""The Monte Carlo cache is bounded, and a factor drawn again after leaving it gets the same draws."""

from __future__ import annotations

import numpy as np

from footprint_cli.model.schemas import Range
from footprint_cli.uncertainty import MonteCarlo


def test_a_factor_dropped_from_the_cache_is_drawn_again_identically(monkeypatch):
    monkeypatch.setattr(MonteCarlo, "CACHE_KEYS", 4)
    r = Range(central=1.0, low=0.5, high=3.0)
    mc = MonteCarlo(draws=1000, seed=7)
    first = mc.value("proxy:apple:AR", r).copy()
    for i in range(10):  # push it out of the cache
        mc.value(f"other:{i}", r)
    assert len(mc._cache) <= 4
    assert "proxy:apple:AR" not in mc._cache
    again = mc.value("proxy:apple:AR", r)
    assert np.array_equal(first, again)
    # and a fresh sampler with an unbounded cache agrees
    monkeypatch.setattr(MonteCarlo, "CACHE_KEYS", 10**9)
    assert np.array_equal(MonteCarlo(draws=1000, seed=7).value("proxy:apple:AR", r), first)
