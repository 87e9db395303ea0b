"""The list of factors behind a comparison, each with its source."""

from __future__ import annotations

from ..engine import Comparison, FactorUse
from ..i18n import Lang
from .compare import factor_label


def factors_used(c: Comparison) -> list[FactorUse]:
    seen: dict[str, FactorUse] = {}
    for r in c.options:
        for f in r.factors:
            seen.setdefault(f.key, f)
    return list(seen.values())


def source_lines(c: Comparison, lang: Lang = "en") -> list[str]:
    out = []
    for f in factors_used(c):
        proxy = " [proxy]" if f.source.proxy else ""
        src = c.sources.get(f.source.id)
        cite = f"{src.publisher_in(lang)}, {src.dataset_in(lang)} ({src.version})" if src else f.source.id
        out.append(
            f"{factor_label(f.key, lang, f.label)}: {f.value:.6g} {f.unit} — {cite}: {f.source.identifier_in(lang)}{proxy}"
        )
    return out
