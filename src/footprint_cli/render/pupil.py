"""The pupil view of a comparison: three stages, two significant digits, one plain sentence and
the difference as an everyday equivalent (km by car, km by TGV).

No probabilities and no percentages here: an uncertain gap is said in words. Every number comes
from the engine's result; this module only groups stages and converts a difference with the
sourced factors of ``emission_factors.yaml`` (``equivalents``).
"""

from __future__ import annotations

import math
from typing import Any

from .. import i18n
from ..engine import Comparison, Result
from ..i18n import Lang, t
from ..vocabulary import fold
from .compare import number, place_name, product_name, season_text

STAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "production": ("production", "processing"),
    "transport": ("transport",),
    "rest": ("storage", "losses", "packaging", "retail"),
}
"""The three stages a pupil sees, each the sum of the engine's stages."""

# a ratio under this is "about the same"; two significant digits are kept above it
_SAME = 1.15


def sig2(x: float, lang: Lang) -> str:
    """Two significant digits, rounded (112 -> 110, 0.0949 -> 0.095), in the language's format."""
    if x == 0 or not math.isfinite(x):
        return number(x, lang, 2)
    rounded = round(x, 1 - math.floor(math.log10(abs(x))))
    return number(rounded, lang, 2) if abs(rounded) < 100 else number(rounded, lang, 1).rstrip()


def times(ratio: float, lang: Lang) -> str:
    """A ratio as a pupil says it: ``2,9``, ``77`` (whole from 3 on)."""
    return number(round(ratio), lang, 1) if ratio >= 3 else sig2(ratio, lang)


def quantity(kg: float, lang: Lang) -> str:
    text = f"{kg:g}"
    return (text.replace(".", ",") if lang == "fr" else text) + "\u00a0kg"


def three_stages(r: Result) -> dict[str, float]:
    return {group: sum(r.stages[s] for s in stages) for group, stages in STAGE_GROUPS.items()}


def mode_word(mode: str, lang: Lang) -> str:
    """``sea_reefer`` -> ``bateau``; ``air_long`` -> ``avion``."""
    base = mode.split("_")[0]
    return t(f"pupil.word.{base}", lang) if f"pupil.word.{base}" in i18n.MESSAGES else mode


def transport_modes(r: Result, lang: Lang) -> list[str]:
    """The transport modes of an option, the heaviest first, each once (``bateau``, ``camion``)."""
    by_word: dict[str, float] = {}
    for leg in r.legs:
        word = mode_word(leg.mode, lang)
        by_word[word] = by_word.get(word, 0.0) + leg.kg_co2e
    return [w for w, _ in sorted(by_word.items(), key=lambda kv: -kv[1])]


def option_words(r: Result, lang: Lang) -> str:
    qty = quantity(r.quantity_kg, lang)
    name = product_name(r, lang)
    name = name[:1].lower() + name[1:]
    # "1 kg d'ail", "1 kg d'asperge" but "1 kg de haricots" (h aspiré: no elision)
    of = "d'" if fold(name)[:1] in "aeiouy" else "de "
    return t("pupil.option", lang, qty=qty, of=of, product=name, origin=place_name(r.origin, lang))


def equivalents(kg_co2e: float, c: Comparison, lang: Lang) -> list[str]:
    """``1,5 km en voiture``, ``110 km en TGV``: the same amount in everyday units."""
    out = []
    for eq in c.equivalents.values():
        label = eq.label_fr if lang == "fr" else eq.label_en
        out.append(f"{sig2(kg_co2e / eq.kg_co2e_per_unit, lang)}\u00a0{label}")
    return out


def gap_cell(r: Result, first: Result, c: Comparison, lang: Lang) -> str:
    """``+1,5 km en voiture``: an option's difference with the first, in the first equivalent."""
    if not c.equivalents or r is first:
        return "—"
    eq = next(iter(c.equivalents.values()))
    diff = r.total_kg_co2e - first.total_kg_co2e
    label = eq.label_fr if lang == "fr" else eq.label_en
    sign = "+" if diff > 0 else "−" if diff < 0 else ""
    return f"{sign}{sig2(abs(diff) / eq.kg_co2e_per_unit, lang)}\u00a0{label}"


def equivalent_sources(c: Comparison, lang: Lang) -> str:
    ids = sorted({eq.source.id for eq in c.equivalents.values()})
    names = [c.sources[i].publisher_in(lang) if i in c.sources else i for i in ids]
    return t("pupil.source", lang, sources="; ".join(names))


def cause(loser: Result, winner: Result, lang: Lang) -> str:
    """What makes the gap: the group of stages whose difference is largest."""
    lose, win = three_stages(loser), three_stages(winner)
    group = max(STAGE_GROUPS, key=lambda g: lose[g] - win[g])
    if group == "production" and loser.system == "heated_greenhouse":
        return t("pupil.cause.heated", lang)
    if group == "transport":
        modes = transport_modes(loser, lang)[:2]
        return t("pupil.cause.transport", lang, modes=t("pupil.and", lang).join(modes))
    return t(f"pupil.cause.{group}", lang)


def sentences(c: Comparison, lang: Lang) -> list[str]:
    """One plain sentence per option after the first, then what the gap is worth."""
    return [s for group in _sentence_groups(c, lang) for s in group]


def paragraphs(c: Comparison, lang: Lang) -> list[str]:
    """The sentences, one paragraph per option compared with the first."""
    return [" ".join(group) for group in _sentence_groups(c, lang)]


def _sentence_groups(c: Comparison, lang: Lang) -> list[list[str]]:
    first = c.options[0]
    month = t(f"month.{first.month}", lang)
    groups: list[list[str]] = []
    for r, p in zip(c.options[1:], c.prob_lower_than_first[1:], strict=True):
        out: list[str] = []
        groups.append(out)
        hi, lo = (r, first) if r.total_kg_co2e >= first.total_kg_co2e else (first, r)
        ratio = hi.total_kg_co2e / lo.total_kg_co2e if lo.total_kg_co2e > 0 else float("inf")
        if ratio < _SAME:
            out.append(
                t("pupil.same", lang, month=month, a=option_words(first, lang), b=option_words(r, lang))
            )
        else:
            shown = times(ratio, lang)
            out.append(
                t(
                    "pupil.more",
                    lang,
                    month=month,
                    a=option_words(hi, lang),
                    b=option_words(lo, lang),
                    ratio=shown,
                    cause=cause(hi, lo, lang),
                )
            )
        diff = hi.total_kg_co2e - lo.total_kg_co2e
        if c.equivalents and diff > 0:
            out.append(
                t(
                    "pupil.gap",
                    lang,
                    diff=sig2(diff, lang),
                    equivalents=t("pupil.or", lang).join(equivalents(diff, c, lang)),
                )
            )
        if p is not None and 0.2 < p < 0.8 and ratio >= _SAME:
            out.append(t("pupil.unsure", lang))
    return groups


def rows(c: Comparison, lang: Lang) -> list[tuple[str, list[str]]]:
    """(label, one cell per option): three stages and the total, two significant digits."""
    groups = [three_stages(r) for r in c.options]
    out = [(t(f"pupil.{g}", lang), [sig2(s[g], lang) for s in groups]) for g in STAGE_GROUPS]
    out.append((t("pupil.total", lang), [sig2(r.total_kg_co2e, lang) for r in c.options]))
    return out


def headers(c: Comparison, lang: Lang) -> list[str]:
    return [""] + [option_words(r, lang) for r in c.options]


def to_markdown(c: Comparison, lang: Lang) -> str:
    head = headers(c, lang)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    lines += ["| " + " | ".join([label, *cells]) + " |" for label, cells in rows(c, lang)]
    lines += ["", *sentences(c, lang)]
    if c.equivalents:
        lines += ["", equivalent_sources(c, lang)]
    return "\n".join(lines) + "\n"


def to_dict(c: Comparison, lang: Lang) -> dict[str, Any]:
    return {
        "options": [
            {
                "option": option_words(r, lang),
                "stages_kg_co2e": {k: round(v, 6) for k, v in three_stages(r).items()},
                "total_kg_co2e": round(r.total_kg_co2e, 6),
                "gap_with_first": gap_cell(r, c.options[0], c, lang),
            }
            for r in c.options
        ],
        "sentences": sentences(c, lang),
    }


def explain_text(c: Comparison, lang: Lang) -> str:
    """The pupil's explain: per option, the three stages with what is in them, then the sentences."""
    from .compare import km

    lines = [t("pupil.explain.title", lang), ""]
    for i, r in enumerate(c.options, start=1):
        groups = three_stages(r)
        lines.append(f"{i}. {option_words(r, lang)}, {t(f'month.{r.month}', lang)} — {season_text(r, lang)}")
        lines.append(f"   {t('pupil.production', lang)} : {sig2(groups['production'], lang)} kg CO2e")
        lines.append(f"      {t('pupil.explain.production', lang)}")
        lines.append(f"   {t('pupil.transport', lang)} : {sig2(groups['transport'], lang)} kg CO2e")
        for leg in r.legs:
            leg_text = t(
                "pupil.explain.leg",
                lang,
                mode=mode_word(leg.mode, lang),
                km=km(leg.distance_km, lang),
                kg=sig2(leg.kg_co2e, lang),
            )
            lines.append(f"      - {leg_text}")
        lines.append(f"   {t('pupil.rest', lang)} : {sig2(groups['rest'], lang)} kg CO2e")
        lines.append(f"      {t('pupil.explain.rest', lang)}")
        lines.append(f"   {t('pupil.total', lang)} : {sig2(r.total_kg_co2e, lang)}")
        lines.append("")
    lines += sentences(c, lang)
    if c.equivalents:
        lines.append(equivalent_sources(c, lang))
    text = "\n".join(lines) + "\n"
    return text if lang == "fr" else text.replace(" : ", ": ")
