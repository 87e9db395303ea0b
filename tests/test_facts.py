"""Published facts the model must reproduce, each with its source.

A fact here is a number or a statement read in a publication (or derived from one, with the
arithmetic shown); the test checks the shipped data and the engine against it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from footprint_cli.engine import Scenario, compare, compute
from footprint_cli.model.schemas import Range
from footprint_cli.render.compare import verdict
from footprint_cli.uncertainty import MonteCarlo

# ---------------------------------------------------------------- foreign farms


def test_nz_lamb_farm_gate_is_80_percent_of_the_ledgard_life_cycle(data):
    # Ledgard, Lieffering, Coup, O'Brien (2011) Animal Frontiers 1(1):40-45, key points:
    # NZ lamb exported to the UK, 19 kg CO2e/kg over the life cycle (1.9 kg per 100 g portion,
    # AgResearch report of March 2010), cradle-to-farm-gate 80 %.
    v = data.variants[("lamb", "conventional", "NZ")]
    assert v.kg_co2e_per_kg.central == pytest.approx(0.80 * 19, rel=0.01)
    assert v.kg_co2e_per_kg.high <= 19  # never more than the whole life cycle
    r = compute(data, Scenario("lamb", "NZ", 6), draws=500)
    assert not r.production_proxy
    assert r.stages["production"] == pytest.approx(15.2)


def test_ecuador_banana_farm_gate_matches_fao_and_veliz(data):
    # FAO (2016) Ecuador's banana sector under climate change, Table 53: conventional on-farm
    # 310 kg CO2e/t including 81 of packaging; Veliz et al. (2022) Foods 11:3288: 194-220 at the
    # farm gate. Packaging is a stage of its own in the model, so the farm value excludes it.
    v = data.variants[("banana", "conventional", "EC")].kg_co2e_per_kg
    assert v.low <= 0.194 and 0.220 <= v.high
    assert v.central == pytest.approx((310 - 81) / 1000, rel=0.05)


def test_nz_kiwi_orchard_share_of_the_mowat_life_cycle(data):
    # Mowat (2016) Acta Hortic. 1112:59: 1.61 kg CO2e/kg of kiwifruit consumed in Europe;
    # orchard operations 17 % of the life cycle (Landcare Research study, NZ Herald 2009).
    v = data.variants[("kiwi", "conventional", "NZ")].kg_co2e_per_kg
    assert v.central == pytest.approx(1.61 * 0.17, rel=0.01)


# ---------------------------------------------------------------- honest proxies


def test_pedigree_widening_factor_is_the_ecoinvent_variance_sum(data):
    # Weidema et al. (2013), ecoinvent data quality guideline v3: additional variance of ln(x),
    # geographical correlation score 5 = 0.002, further technological correlation score 3 = 0.008.
    op = data.factors.origin_proxy
    assert op.widening_factor == pytest.approx(math.exp(2 * math.sqrt(0.002 + 0.008)))


def test_a_proxy_is_drawn_independently_of_the_option_it_comes_from(data):
    c = compare(data, [Scenario("lamb", "FR", 6), Scenario("lamb", "IE", 6)], draws=4000)
    fr, ie = c.options
    assert ie.production_proxy and not fr.production_proxy
    fr_key = next(f.key for f in fr.factors if f.label == "production")
    ie_key = next(f.key for f in ie.factors if f.label == "production")
    assert fr_key != ie_key
    # the draws no longer move together: the probability is not 0 or 1 for a 1 % gap
    assert 0.2 < c.prob_lower_than_first[1] < 0.8
    widened = next(f for f in ie.factors if f.key == ie_key)
    assert widened.low < data.products["lamb"].production_kg_co2e_per_kg.low
    assert widened.high > data.products["lamb"].production_kg_co2e_per_kg.high


def test_correlation_between_independent_draws_is_small(data):
    c = compare(data, [Scenario("beef", "FR", 6), Scenario("beef", "DE", 6)], draws=2000)
    fr, de = c.options
    mc = MonteCarlo(2000, 42)
    fr_f = next(f for f in fr.factors if f.label == "production")
    de_f = next(f for f in de.factors if f.label == "production")
    x = mc.value(fr_f.key, Range(fr_f.value, fr_f.low, fr_f.high))
    y = mc.value(de_f.key, Range(de_f.value, de_f.low, de_f.high))
    assert abs(np.corrcoef(x, y)[0, 1]) < 0.1


@pytest.mark.parametrize("lang, words", [("en", "almost certain"), ("fr", "quasi certain")])
def test_no_almost_certain_where_a_proxy_decides(data, lang, words):
    # pairs where the foreign option's production is a proxy and the gap is within its range
    for product, origin in (("lamb", "IE"), ("beef", "DE"), ("pork", "ES"), ("chicken", "PL")):
        c = compare(data, [Scenario(product, "FR", 6), Scenario(product, origin, 6)], draws=2000)
        assert c.is_proxy_decided(1), (product, origin)
        assert words not in verdict(c, lang)


def test_a_difference_larger_than_the_proxy_range_can_still_be_certain(data):
    # the Argentine apple's farm is a proxy, but the sea crossing alone exceeds the proxy's range
    c = compare(data, [Scenario("apple", "FR", 4), Scenario("apple", "AR", 4)], draws=2000)
    assert c.options[1].production_proxy
    assert not c.is_proxy_decided(1)
