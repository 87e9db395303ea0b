"""Euros -> kg for purchase lines that give an amount but no mass (the ma-cantine export).

A canteen buys from wholesalers and catering suppliers, not at the supermarket shelf: dividing
its euros by a retail price per kg understates its kilos (a ma-cantine file lost 38 % of its
total that way). No wholesale or catering price series is in the project's reference data
(FranceAgriMer's RNM quotes are the reference publisher, but no committed price files exist),
so the catering price is a documented estimate, flagged on every line that uses it:

    catering price per kg = retail price per kg (products.csv, INSEE or estimate) x ratio

with the ratio by product category from the French price and margin observatory:

* fresh fruit and vegetables: the supermarkets' gross margin is 30 % to 60 % of the shipping
  price on average, and more for cheap staples (apple 143 %, carrot 110 %, banana 136 %)
  (Observatoire de la formation des prix et des marges des produits alimentaires,
  FranceAgriMer, rapport au Parlement; figures as reported by Réussir Fruits & Légumes, 2010):
  shipping price / retail price = 1 / (1 + margin) = 0.41 to 0.77. A catering wholesaler
  adds its own margin and delivery (10 % to 25 %), hence 0.35 to 0.95, central 0.6;
* other foods (meat, fish, dairy, grocery): retail margins are lower (the retailers'
  federation's tomato example: supplier price 0.51 EUR for 0.85 EUR TTC at retail, 0.63 of the
  price before VAT), and catering buys them close to retail discount prices: 0.5 to 1.05,
  central 0.75.

Both the retail price and the ratio are drawn in the Monte Carlo (the ratio once per category,
shared by all lines: a bias of the estimate moves every line together). The interval of a
line's kg is ``amount / (retail high x ratio high)`` to ``amount / (retail low x ratio low)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.schemas import Range

__all__ = ["RATIO_SOURCE", "WHOLESALE_RATIO", "catering_price", "kg_bounds", "ratio_key"]

#: Product category -> ratio of the catering (wholesale) price to the retail price per kg.
WHOLESALE_RATIO: dict[str, Range] = {
    "fresh_produce": Range(central=0.6, low=0.35, high=0.95),
    "other": Range(central=0.75, low=0.5, high=1.05),
}
FRESH_PRODUCE = frozenset({"fruit", "vegetable"})
RATIO_SOURCE = (
    "footprint estimate from the Observatoire de la formation des prix et des marges des produits "
    "alimentaires (FranceAgriMer): retail gross margins of fresh produce 30-60 % (up to 143 %)"
)


def ratio_key(product: Any) -> str:
    return "fresh_produce" if product.category in FRESH_PRODUCE else "other"


def catering_price(product: Any) -> Range:
    """The estimated catering price per kg of a product (central and bounds)."""
    retail: Range = product.price_eur_per_kg
    ratio = WHOLESALE_RATIO[ratio_key(product)]
    return Range(
        central=retail.central * ratio.central, low=retail.low * ratio.low, high=retail.high * ratio.high
    )


def inv_price_draws(mc: Any, product: Any) -> np.ndarray:
    """Monte Carlo draws of kg per euro: 1 / (retail price x ratio), both drawn."""
    retail = np.asarray(mc.value(f"price:{product.id}", product.price_eur_per_kg), dtype=float)
    key = ratio_key(product)
    ratio = np.asarray(mc.value(f"wholesale_ratio:{key}", WHOLESALE_RATIO[key]), dtype=float)
    return 1.0 / (retail * ratio)


def kg_bounds(
    amount: np.ndarray, low_price: np.ndarray, high_price: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The kg interval of lines whose mass is estimated from their amount."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return amount / high_price, amount / low_price
