"""`footprint explain --format json`: the step-by-step calculation as data.

Built from the same objects as the text and Markdown explanations (:func:`explain_option` reads
the engine's trace): the comparison's JSON (``render.compare.to_dict``), and
for each option its season sentence, each step with its formula and detail lines, each transport
leg with its calculation, and the sources cited once.
"""

from __future__ import annotations

import json
from typing import Any

from ..engine import Comparison, FactorUse
from ..i18n import Lang, t
from .compare import factor_label
from .compare import to_dict as compare_dict
from .explain import Step, explain_option


def _factor(f: FactorUse, lang: Lang) -> dict[str, Any]:
    return {
        "key": f.key,
        "label": factor_label(f.key, lang, f.label),
        "value": f.value,
        "unit": f.unit,
        "source": f.source.id,
        "identifier": f.source.identifier,
        "proxy": f.source.proxy,
    }


def _step(s: Step, lang: Lang) -> dict[str, Any]:
    return {
        "stage": s.stage,
        "label": t(f"stage.{s.stage}", lang),
        "kg_co2e": round(s.kg_co2e, 6),
        "formula": s.formula,
        "lines": list(s.lines),
        "factors": [_factor(f, lang) for f in s.factors],
    }


def to_dict(c: Comparison, lang: Lang) -> dict[str, Any]:
    out = compare_dict(c, lang)
    for d, r in zip(out["options"], c.options, strict=True):
        ex = explain_option(r, lang)
        d["season_text"] = ex.season_line
        d["steps"] = [_step(s, lang) for s in ex.steps]
        d["leg_steps"] = [
            {
                "mode": ls.leg.mode,
                "label": t(f"mode.{ls.leg.mode}", lang),
                "kg_co2e": round(ls.kg_co2e, 6),
                "lines": list(ls.lines),
                "factors": [_factor(f, lang) for f in ls.factors],
            }
            for ls in ex.legs
        ]
    used = {f.source.id for r in c.options for f in r.factors}
    out["sources"] = {
        key: {
            "publisher": src.publisher,
            "dataset": src.dataset,
            "version": src.version,
            "year": src.year,
            "url": src.url,
        }
        for key, src in sorted(c.sources.items())
        if key in used
    }
    return out


def to_json(c: Comparison, lang: Lang) -> str:
    return json.dumps(to_dict(c, lang), ensure_ascii=False, indent=2) + "\n"
