"""Comparison results -> plain data, JSON, CSV and Markdown (no Rich here).

``to_dict`` is the stable JSON interface; the other text renderers and the Rich
table (``render.table``) read the same labels from :func:`option_labels`.
"""

from __future__ import annotations

from typing import Any

from ..engine import STAGES, Comparison, Flag, Result, proxy_production_width
from ..i18n import MESSAGES, Lang, grouped, t

BAR_WIDTH = 16
BAR_CHARS = {
    "production": "█",
    "processing": "▓",
    "storage": "▒",
    "losses": "▒",
    "transport": "░",
    "packaging": "·",
    "retail": "·",
}


def factor_label(key: str, lang: Lang, fallback: str = "") -> str:
    """A factor's name in the output language, from its key (``mode:road_reefer``, ``grid:AR``...)."""
    kind, _, rest = key.partition(":")
    if kind == "proxy":
        return t("stage.production", lang)
    if kind in ("product", "variant"):
        stage = rest.rsplit(":", 1)[-1] if kind == "product" else "production"
        return t(f"stage.{stage}", lang)
    if kind == "mode":
        return t(f"mode.{rest}", lang)
    if kind == "grid":
        return t("factor.grid", lang, country=rest)
    known = {
        "storage:kwh": "factor.storage_kwh",
        "storage:loss": "factor.storage_loss",
        "detour:road": "factor.detour",
        "air:extra_km": "factor.air_extra",
        "chain:collection_km": "factor.collection_km",
        "chain:distribution_km": "factor.distribution_km",
    }
    return t(known[key], lang) if key in known else (fallback or key)


def flag_text(flag: Flag, lang: Lang) -> str:
    params = dict(flag.params)
    if flag.code == "factor_proxy" and "key" in params:
        params["label"] = factor_label(params["key"], lang, params.get("label", ""))
    if "mode" in params:
        params["mode"] = t(f"main.{params['mode']}", lang)
    if "month" in params:
        params["month"] = t(f"month.{params['month']}", lang)
    if f"system.{params.get('system')}" in MESSAGES:  # « biologique », not "organic"
        params["system"] = t(f"system.{params['system']}", lang)
    if lang == "fr":  # decimal commas in French text (the figures themselves stay as computed)
        params = {k: str(v).replace(".", ",") if isinstance(v, float) else v for k, v in params.items()}
    return t(f"flag.{flag.code}", lang, **params)


def product_name(r: Result, lang: Lang) -> str:
    name = r.product.name_fr if lang == "fr" else r.product.name_en
    return name[:1].upper() + name[1:]


def place_name(place: Any, lang: Lang) -> str:
    return place.name_fr if lang == "fr" else place.name_en


def season_text(r: Result, lang: Lang) -> str:
    if r.system == "heated_greenhouse":
        return t("system.heated_greenhouse", lang)
    text = t(f"season.{r.season.status}", lang, months=r.storage_months)
    if r.system != "conventional":
        text += f", {t(f'system.{r.system}', lang)}"
    return text


def option_title(r: Result, lang: Lang) -> str:
    return f"{product_name(r, lang)} — {place_name(r.origin, lang)}"


def number(x: float, lang: Lang, digits: int = 3) -> str:
    """Format with ``digits`` significant digits, French decimal comma when lang is fr."""
    if x == 0:
        text = "0"
    else:
        from math import floor, log10

        decimals = max(0, digits - 1 - floor(log10(abs(x))))
        text = f"{x:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def km(x: float, lang: Lang) -> str:
    text = f"{x:,.0f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def euros(x: float, lang: Lang) -> str:
    text = grouped(x, 2, lang)
    return text + " €" if lang == "fr" else "€" + text


def percent(x: float, lang: Lang) -> str:
    text = f"{100 * x:.0f}"
    return f"{text} %" if lang == "fr" else f"{text}%"


def bar(r: Result, scale_kg: float, width: int = BAR_WIDTH) -> str:
    """A stacked bar of stages, ``width`` characters for ``scale_kg``."""
    if scale_kg <= 0:
        return ""
    out = []
    acc = 0.0
    drawn = 0
    for stage in STAGES:
        acc += r.stages[stage]
        upto = round(width * acc / scale_kg)
        out.append(BAR_CHARS[stage] * max(0, upto - drawn))
        drawn = max(drawn, upto)
    return "".join(out)


def top_stage(r: Result) -> tuple[str, float]:
    stage = max(STAGES, key=lambda s: r.stages[s])
    return stage, (r.stages[stage] / r.total_kg_co2e if r.total_kg_co2e else 0.0)


def verdict(c: Comparison, lang: Lang) -> str:
    """One honest sentence: what weighs most, which option is lower, how sure we are."""
    first = c.options[0]
    parts = []
    stage, share = top_stage(first)
    if len(c.options) == 1:
        lo, hi = first.interval_kg_co2e
        return t(
            "verdict.single",
            lang,
            option=option_title(first, lang),
            stage=t(f"stage.{stage}", lang).lower(),
            share=percent(share, lang),
            low=number(lo, lang),
            high=number(hi, lang),
        )
    for i, (r, p) in enumerate(zip(c.options[1:], c.prob_lower_than_first[1:], strict=True), start=1):
        assert p is not None
        winner, loser, prob = (r, first, p) if p >= 0.5 else (first, r, 1 - p)
        ratio = loser.total_kg_co2e / winner.total_kg_co2e if winner.total_kg_co2e else float("inf")
        if ratio < 1.5:
            # "1.1 times less" reads badly: give the difference in percent
            less = t("verdict.percent_less", lang, pct=percent(1 - 1 / ratio, lang))
        else:
            less = t("verdict.times_less", lang, ratio=number(ratio, lang, 2))
        if ratio < 1.05:
            how = t("verdict.same", lang)
        elif c.is_proxy_decided(i) and prob >= 0.8:
            # a stand-in for a foreign farm cannot make a difference certain
            proxied = max((first, r), key=proxy_production_width)  # the widest stand-in decides
            how = t("verdict.proxy", lang, origin=place_name(proxied.country, lang))
        elif prob >= 0.95:
            how = t("verdict.sure", lang)
        elif prob >= 0.8:
            how = t("verdict.likely", lang)
        else:
            how = t("verdict.unsure", lang)
        ws, wshare = top_stage(winner)
        ls, lshare = top_stage(loser)
        parts.append(
            t(
                "verdict.pair",
                lang,
                winner=option_title(winner, lang),
                loser=option_title(loser, lang),
                less=less,
                prob=percent(prob, lang),
                how=how,
                wstage=t(f"stage.{ws}", lang).lower(),
                wshare=percent(wshare, lang),
                lstage=t(f"stage.{ls}", lang).lower(),
                lshare=percent(lshare, lang),
            )
        )
    return " ".join(parts)


# ---------------------------------------------------------------- JSON (stable interface)


def option_dict(r: Result, lang: Lang, p_lower: float | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "product": r.product.id,
        "product_name": product_name(r, lang),
        "origin": r.country.code,
        "origin_place": r.origin.code,
        "origin_name": place_name(r.origin, lang),
        "destination": r.destination.code,
        "month": r.month,
        "system": r.system,
        "season": r.season.status,
        "storage_months": r.storage_months,
        "main_mode": r.main_mode,
        "quantity_kg": round(r.quantity_kg, 9),
        "stages": {k: round(v, 6) for k, v in r.stages.items()},
        "legs": [
            {
                "mode": leg.mode,
                "from": leg.endpoints(lang)[0],
                "to": leg.endpoints(lang)[1],
                "distance_km": round(leg.distance_km, 1),
                "kg_co2e": round(leg.kg_co2e, 6),
                "kg_co2e_per_tkm": leg.kg_co2e_per_tkm,
                "refrigerated": leg.refrigerated,
                "distance_method": leg.distance_method,
                **(
                    {"from_lonlat": list(leg.origin_lonlat), "to_lonlat": list(leg.destination_lonlat)}
                    if leg.origin_lonlat is not None and leg.destination_lonlat is not None
                    else {}
                ),
            }
            for leg in r.legs
        ],
        "total_kg_co2e": round(r.total_kg_co2e, 6),
        "interval_kg_co2e": [round(r.interval_kg_co2e[0], 6), round(r.interval_kg_co2e[1], 6)],
        "transport_share": round(r.transport_share, 4),
        "price_eur": round(r.price_eur, 4),
        "price_range_eur": [round(r.price_range_eur[0], 4), round(r.price_range_eur[1], 4)],
        "carbon_price_eur_per_t": r.carbon_price_eur_per_t,
        "carbon_price": r.carbon_price_key,
        "carbon_cost_eur": round(r.carbon_cost_eur, 6),
        "flags": [{"code": f.code, "text": flag_text(f, lang), **f.params} for f in r.flags],
        "factors": [
            {
                "key": f.key,
                "label": factor_label(f.key, lang, f.label),
                "value": f.value,
                "unit": f.unit,
                "source": f.source.id,
                "identifier": f.source.identifier,
                "proxy": f.source.proxy,
                "low": f.low,
                "high": f.high,
            }
            for f in r.factors
        ],
        "agribalyse_to_shop_kg_co2e": (
            None if r.agribalyse_to_shop_kg_co2e is None else round(r.agribalyse_to_shop_kg_co2e, 6)
        ),
    }
    if p_lower is not None:
        d["prob_lower_than_first"] = round(p_lower, 4)
    return d


def gap_equivalents(r: Result, first: Result, c: Comparison, lang: Lang) -> list[dict[str, Any]]:
    """An option's difference with the first in everyday units (km by car...), signed."""
    diff = r.total_kg_co2e - first.total_kg_co2e
    return [
        {
            "key": key,
            "value": round(diff / eq.kg_co2e_per_unit, 3),
            "unit": eq.label_fr if lang == "fr" else eq.label_en,
            "source": eq.source.id,
        }
        for key, eq in c.equivalents.items()
    ]


def to_dict(c: Comparison, lang: Lang) -> dict[str, Any]:
    first = c.options[0]
    options = [option_dict(r, lang, p) for r, p in zip(c.options, c.prob_lower_than_first, strict=True)]
    for r, d in zip(c.options[1:], options[1:], strict=True):
        d["equivalents_of_gap"] = gap_equivalents(r, first, c, lang)
        d["price_gap_eur"] = round(r.price_eur - first.price_eur, 4)
    return {
        "options": options,
        "comparisons": [
            {
                "option": i,
                "reference": 0,
                "prob_lower": round(p, 4),
                "proxy_decided": c.is_proxy_decided(i),
                "text": f"P({option_title(r, lang)} < {option_title(first, lang)})",
            }
            for i, (r, p) in enumerate(zip(c.options, c.prob_lower_than_first, strict=True))
            if p is not None
        ],
        "summary": verdict(c, lang),
        "monte_carlo": {"draws": c.draws, "seed": c.seed, "interval": "5th-95th percentile"},
    }


def to_json(c: Comparison, lang: Lang) -> str:
    import json

    return json.dumps(to_dict(c, lang), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- CSV and Markdown


CSV_COLUMNS = (
    "product",
    "origin",
    "month",
    "quantity_kg",
    "system",
    "season",
    *(f"{s}_kg_co2e" for s in STAGES),
    "total_kg_co2e",
    "interval_low_kg_co2e",
    "interval_high_kg_co2e",
    "price_eur",
    "price_gap_eur",
    "carbon_cost_eur",
    "prob_lower_than_first",
    "legs",
    "flags",
)


def to_csv(c: Comparison, lang: Lang) -> str:
    import io

    from .safe import CsvWriter

    buf = io.StringIO()
    w = CsvWriter(buf)  # text cells neutralised, CR/LF quoted
    w.writerow(CSV_COLUMNS)
    for r, p in zip(c.options, c.prob_lower_than_first, strict=True):
        legs = "; ".join(
            f"{leg.mode} {'->'.join(leg.endpoints(lang))} {leg.distance_km:.0f} km" for leg in r.legs
        )
        w.writerow(
            [
                r.product.id,
                r.country.code,
                r.month,
                f"{r.quantity_kg:.6g}",
                r.system,
                r.season.status,
                *(f"{r.stages[s]:.6g}" for s in STAGES),
                f"{r.total_kg_co2e:.6g}",
                f"{r.interval_kg_co2e[0]:.6g}",
                f"{r.interval_kg_co2e[1]:.6g}",
                f"{r.price_eur:.2f}",
                "" if r is c.options[0] else f"{r.price_eur - c.options[0].price_eur:.2f}",
                f"{r.carbon_cost_eur:.4f}",
                "" if p is None else f"{p:.4f}",
                legs,
                "; ".join(flag_text(f, lang) for f in r.flags),
            ]
        )
    return buf.getvalue()


def rows(
    c: Comparison, lang: Lang, *, with_bar: bool = True, chain_in_one_row: bool = False
) -> list[tuple[str, list[str]]]:
    """The table as (row label, one cell per option): shared by Markdown, Rich and the sheet.
    ``chain_in_one_row`` (the one-page sheet) adds the collection and delivery legs of each
    option into one row, with their distances, after the main legs."""
    opts = c.options
    out: list[tuple[str, list[str]]] = []
    unit = "kg CO2e"
    out.append((t("row.season", lang), [season_text(r, lang) for r in opts]))
    for stage in STAGES:
        if stage == "transport":
            continue
        if stage != "production" and all(r.stages[stage] == 0 for r in opts):
            continue  # a stage no option has (no packaging for loose produce) is no row
        out.append((t(f"stage.{stage}", lang), [number(r.stages[stage], lang) for r in opts]))
    out.append((t("stage.transport", lang), [number(r.stages["transport"], lang) for r in opts]))
    shown = [
        [leg for leg in r.legs if not (chain_in_one_row and leg.distance_method == "chain")] for r in opts
    ]
    n_legs = max(len(legs) for legs in shown)
    for i in range(n_legs):
        cells = []
        for legs in shown:
            if i < len(legs):
                leg = legs[i]
                mode = t(f"mode.{leg.mode}", lang)
                cells.append(f"{number(leg.kg_co2e, lang)} ({mode}, {km(leg.distance_km, lang)}\u00a0km)")
            else:
                cells.append("")
        out.append((f"  {t('row.leg', lang)} {i + 1}", cells))
    if chain_in_one_row:
        cells = []
        for r in opts:
            chain = [leg for leg in r.legs if leg.distance_method == "chain"]
            kms = " + ".join(f"{km(leg.distance_km, lang)}\u00a0km" for leg in chain)
            cells.append(f"{number(sum(leg.kg_co2e for leg in chain), lang)} ({kms})" if chain else "")
        if any(cells):
            out.append((f"  {t('row.chain_legs', lang)}", cells))
    out.append(
        (
            f"{t('row.total', lang)} ({unit})",
            [number(r.total_kg_co2e, lang) for r in opts],
        )
    )
    out.append(
        (
            t("row.interval", lang),
            [f"{number(r.interval_kg_co2e[0], lang)} – {number(r.interval_kg_co2e[1], lang)}" for r in opts],
        )
    )
    out.append((t("row.transport_share", lang), [percent(r.transport_share, lang) for r in opts]))
    out.append((t("row.price", lang), [euros(r.price_eur, lang) for r in opts]))
    if len(opts) > 1:
        base = opts[0].price_eur
        out.append(
            (
                t("row.price_diff", lang),
                ["—"]
                + [
                    ("+" if r.price_eur - base >= 0 else "−") + euros(abs(r.price_eur - base), lang)
                    for r in opts[1:]
                ],
            )
        )
    cp = opts[0].carbon_price_eur_per_t
    out.append(
        (
            t("row.carbon_cost", lang, price=number(cp, lang, 3)),
            [euros(r.carbon_cost_eur, lang) for r in opts],
        )
    )
    if len(opts) > 1 and c.equivalents:
        from .pupil import gap_cell

        out.append((t("row.equivalent", lang), [gap_cell(r, opts[0], c, lang) for r in opts]))
    if len(opts) > 1:
        out.append(
            (
                t("row.prob_lower", lang),
                ["—" if p is None else percent(p, lang) for p in c.prob_lower_than_first],
            )
        )
    if with_bar:
        scale = max(r.total_kg_co2e for r in opts)
        out.append((t("row.bar", lang), [bar(r, scale) for r in opts]))
    return out


def headers(c: Comparison, lang: Lang) -> list[str]:
    first = c.options[0]
    month = t(f"month.{first.month}", lang)
    qty = number(first.quantity_kg, lang)
    return [t("row.header", lang, month=month, qty=qty)] + [option_title(r, lang) for r in c.options]


def notes(c: Comparison, lang: Lang) -> list[str]:
    """Flags of all options, each once, prefixed with the options they concern."""
    seen: dict[str, list[int]] = {}
    for i, r in enumerate(c.options, start=1):
        for f in r.flags:
            seen.setdefault(flag_text(f, lang), []).append(i)
    n = len(c.options)
    out = []
    for text, who in seen.items():
        prefix = "" if n == 1 or len(who) == n else f"[{', '.join(map(str, who))}] "
        out.append(prefix + text)
    return out


def legend(lang: Lang) -> str:
    return t("row.legend", lang)


def to_markdown(c: Comparison, lang: Lang) -> str:
    head = headers(c, lang)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for label, cells in rows(c, lang, with_bar=False):
        lines.append("| " + " | ".join([label.strip(), *cells]) + " |")
    lines.append("")
    lines.append(verdict(c, lang))
    ns = notes(c, lang)
    if ns:
        lines.append("")
        lines.extend(f"- {n}" for n in ns)
    return "\n".join(lines) + "\n"
