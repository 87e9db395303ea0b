"""The per-line table of a report: its columns, once.

``Report.lines`` (and the per-line CSV after ``line`` and the input columns) has the columns of
:data:`OUTPUT_COLUMNS`, each with its meaning and unit in :data:`LINE_SCHEMA`. The columns of
:data:`DERIVED_COLUMNS` are not stored per line: they are a line's kg (or amount) times its
scenario's figures, computed when read (``batch.report.LineFigures``).
"""

from __future__ import annotations

from ..engine import STAGES

LINE_SCHEMA: tuple[tuple[str, str], ...] = (
    ("product", "matched product id"),
    ("product_name", "its name in the file's language"),
    ("match_score", "label match score, 0-100"),
    ("origin_place", "matched origin place code"),
    ("origin_name", "its name in the file's language"),
    ("origin_scope", "local, France, Europe, import or proxy"),
    ("month", "month of the line, 1-12"),
    ("main_mode", "main transport mode"),
    ("system", "production system"),
    ("season", "in season, storage, heated greenhouse or other hemisphere"),
    ("kg", "mass of the line, kg"),
    ("kg_method", "how the mass was obtained (read, pieces, price bridge)"),
    *((f"{s}_kg_co2e", f"{s} stage, kg CO2e") for s in STAGES),
    ("total_kg_co2e", "total, kg CO2e"),
    ("total_low_kg_co2e", "low end of the 90 % interval, kg CO2e"),
    ("total_high_kg_co2e", "high end of the 90 % interval, kg CO2e"),
    ("kg_co2e_per_kg", "total per kg of product, kg CO2e/kg"),
    ("price_model_eur", "reference price of the line, EUR"),
    ("carbon_cost_eur", "total times the carbon price, EUR"),
    ("flags", "assumptions and proxies, as text"),
)
"""Columns of the per-line CSV after ``line`` and the input columns (the amount paid is in the
input columns already), with their meaning and unit."""

OUTPUT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in LINE_SCHEMA)

DERIVED_COLUMNS: tuple[str, ...] = (
    *(f"{s}_kg_co2e" for s in STAGES),
    "total_kg_co2e",
    "total_low_kg_co2e",
    "total_high_kg_co2e",
    "kg_co2e_per_kg",
    "carbon_cost_eur",
)
"""Columns of ``Report.lines`` that are a line's kg (or amount) times its scenario's figures:
kept as per-scenario tables (``LineFigures``) and computed when asked for."""
