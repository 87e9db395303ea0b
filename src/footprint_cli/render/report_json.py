"""`footprint report --format json`: the report's summary as data (the per-line figures stay in
the per-line CSV). Numbers are the report's own, with units in the names; labels are in the
output language beside the keys, read from the same functions as the Markdown and HTML reports."""

from __future__ import annotations

import json
from typing import Any

from ..batch.report import Report, Share
from ..engine import STAGES
from ..i18n import Lang, t
from ..model.loader import Dataset
from .municipal import Extras, extras_json, extras_or_default
from .report import family_label, flag_rows, place_label, reason_texts, scope_label, what_if_title


def _shares(items: list[Share], label: Any) -> list[dict[str, Any]]:
    return [
        {
            "key": s.key,
            "label": label(s.key),
            "lines": s.lines,
            "kg": round(s.kg, 6),
            "kg_co2e": round(s.kg_co2e, 6),
            "share": round(s.share, 6),
            "amount_eur": round(s.amount_eur, 4),
        }
        for s in items
    ]


def _totals(r: Any) -> dict[str, Any]:
    """The totals of a report or of a roll-up of a file read in chunks."""
    return {
        "kg": round(r.total_kg, 6),
        "kg_co2e": round(r.total_kg_co2e, 6),
        "interval_kg_co2e": [round(r.interval_kg_co2e[0], 6), round(r.interval_kg_co2e[1], 6)],
        "kg_co2e_per_kg": round(r.total_kg_co2e / r.total_kg if r.total_kg else 0.0, 6),
        "amount_eur": round(r.amount_eur, 4),
        "price_model_eur": round(r.price_model_eur, 4),
        "carbon_cost_eur": round(r.carbon_cost_eur, 4),
    }


def _opt(x: float | None, digits: int = 6) -> float | None:
    return None if x is None else round(x, digits)


def to_dict(
    r: Report, lang: Lang, data: Dataset | None = None, extras: Extras | None = None
) -> dict[str, Any]:
    """The summary; the municipal sections (sites, suppliers, months, protein, per meal, year on
    year, flag codes) come from ``extras``, else from those the report gives without options."""
    reasons = reason_texts(r.rejected["reason"].to_numpy(dtype=object), lang) if r.rows_rejected else []
    out: dict[str, Any] = {
        "file": {"schema": r.schema},
        "coverage": {
            "rows_read": r.rows_read,
            "rows_computed": r.rows_computed,
            "rows_rejected": r.rows_rejected,
        },
        "context": {
            "destination": r.destination,
            "destination_name": place_label(data, r.destination, lang),
            "month_default": r.month_default,
            "carbon_price": r.carbon_price_key,
            "carbon_price_eur_per_t": r.carbon_price_eur_per_t,
        },
        "totals": _totals(r),
        "stages_kg_co2e": {s: round(r.stages_kg_co2e[s], 6) for s in STAGES},
        "stage_labels": {s: t(f"stage.{s}", lang) for s in STAGES},
        "by_family": _shares(r.by_family, lambda k: family_label(k, lang)),
        "by_scope": _shares(r.by_scope, lambda k: scope_label(k, lang)),
        "shares": {
            "organic_eur": _opt(r.organic_share_eur),
            "organic_kg": _opt(r.organic_share_kg),
            "local_eur": _opt(r.local_share_eur),
            "local_kg": _opt(r.local_share_kg),
        },
        "what_ifs": [
            {
                "key": w.key,
                "title": what_if_title(w, lang, data),
                "lines": w.lines,
                "kg": round(w.kg, 6),
                "baseline_kg_co2e": round(w.baseline_kg_co2e, 6),
                "alternative_kg_co2e": round(w.alternative_kg_co2e, 6),
                "saving_kg_co2e": round(w.saving_kg_co2e, 6),
                "saving_interval_kg_co2e": [
                    round(w.saving_interval_kg_co2e[0], 6),
                    round(w.saving_interval_kg_co2e[1], 6),
                ],
                "prob_saving": round(w.prob_saving, 4),
                "skipped_lines": w.skipped_lines,
            }
            for w in r.what_ifs
        ],
        "flags": [{"text": text, "lines": n} for text, n in flag_rows(r, lang)],
        "rejected": [
            {"line": int(line), "reason": str(reason)}
            for line, reason in zip(r.rejected["line"], reasons, strict=True)
        ],
        "monte_carlo": {"draws": r.draws, "seed": r.seed, "interval": "5th-95th percentile"},
    }
    x = extras_or_default(r, data, None, extras)
    if x is not None:
        out.update(extras_json(r, lang, x))
    return out


def to_json(r: Report, lang: Lang, data: Dataset | None = None, extras: Extras | None = None) -> str:
    return json.dumps(to_dict(r, lang, data, extras), ensure_ascii=False, indent=2) + "\n"


def rollup_to_json(r: Any, lang: Lang, data: Dataset | None = None) -> str:
    """The summary of a file read in chunks (a :class:`~footprint_cli.batch.stream.Rollup`): the
    same sections as :func:`to_dict` that a roll-up gives (no per-line sections)."""
    out: dict[str, Any] = {
        "coverage": {
            "rows_read": r.rows_read,
            "rows_computed": r.rows_computed,
            "rows_rejected": r.rows_rejected,
        },
        "context": {
            "carbon_price": r.carbon_price_key,
            "carbon_price_eur_per_t": r.carbon_price_eur_per_t,
        },
        "totals": _totals(r),
        "stages_kg_co2e": {s: round(r.stages_kg_co2e[s], 6) for s in STAGES},
        "by_family": _shares(r.by_family, lambda k: family_label(k, lang)),
        "by_scope": _shares(r.by_scope, lambda k: scope_label(k, lang)),
        "by_site": _shares(r.by_site, str),
        "by_supplier": _shares(r.by_supplier, str),
        "by_month": _shares(r.by_month, str),
        "what_ifs": [
            {
                "key": w.key,
                "title": what_if_title(w, lang, data),
                "lines": w.lines,
                "saving_kg_co2e": round(w.saving_kg_co2e, 6),
                "saving_interval_kg_co2e": [
                    round(w.saving_interval_kg_co2e[0], 6),
                    round(w.saving_interval_kg_co2e[1], 6),
                ],
            }
            for w in r.what_ifs
        ],
        "flags": [{"text": text, "lines": n} for text, n in flag_rows(r, lang)],
        "monte_carlo": {"draws": r.draws, "seed": r.seed, "interval": "5th-95th percentile"},
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
