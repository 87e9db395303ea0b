"""Product and place listings, and everything behind one product (`products`, `origins`, `show`)."""

from __future__ import annotations

import json
import re
from typing import Any

from ..i18n import Lang, t
from ..model.loader import Dataset
from ..model.schemas import OriginPrice, Place, Product, Range, SourceRef
from .compare import euros, number
from .safe import csv_table


def product_dict(p: Product) -> dict[str, Any]:
    return {
        "id": p.id,
        "name_en": p.name_en,
        "name_fr": p.name_fr,
        "aliases": list(p.aliases),
        "category": p.category,
        "family": p.family,
        "cold_chain": p.cold_chain,
        "agb_code": p.agb_code,
        "piece_kg": p.piece_kg,
        "storable_months": p.storable_months,
        "grown_in_france": p.grown_in_france,
        "production_kg_co2e_per_kg": p.production_kg_co2e_per_kg.central,
        "price_eur_per_kg": p.price_eur_per_kg.central,
        "price_estimated": p.price_estimated,
    }


def place_dict(pl: Place) -> dict[str, Any]:
    return {
        "iso2": pl.country if pl.kind in ("country", "territory") else None,
        "code": pl.code,
        "kind": pl.kind,
        "name_en": pl.name_en,
        "name_fr": pl.name_fr,
        "aliases": list(pl.aliases),
        "iso3": pl.iso3,
        "country": pl.country,
        "group": pl.group,
        "hemisphere": pl.hemisphere,
        "lat": pl.lat,
        "lon": pl.lon,
        "seaport": pl.seaport,
        "airport": pl.airport,
        "grid_g_co2e_per_kwh": pl.grid_g_co2e_per_kwh,
        "grid_year": pl.grid_year,
    }


def to_json(key: str, items: list[dict[str, Any]]) -> str:
    return json.dumps({key: items}, ensure_ascii=False, indent=2) + "\n"


def to_csv(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    head = list(items[0])
    rows = [["|".join(v) if isinstance(v := it.get(k), list) else v for k in head] for it in items]
    return csv_table(head, rows)  # text cells neutralised, CR/LF quoted


def product_rows(products: list[Product], lang: Lang) -> tuple[list[str], list[list[str]]]:
    head = [
        t(k, lang)
        for k in ("col.id", "col.name_fr", "col.name_en", "col.category", "col.production", "col.price")
    ]
    rows = [
        [
            p.id,
            p.name_fr,
            p.name_en,
            t(f"cat.{p.category}", lang),
            number(p.production_kg_co2e_per_kg.central, lang),
            euros(p.price_eur_per_kg.central, lang) + (" *" if p.price_estimated else ""),
        ]
        for p in products
    ]
    return head, rows


def place_rows(places: list[Place], lang: Lang) -> tuple[list[str], list[list[str]]]:
    head = [
        t(k, lang)
        for k in (
            "col.iso2",
            "col.name_fr",
            "col.name_en",
            "col.kind",
            "col.group",
            "col.seaport",
            "col.airport",
            "col.grid",
        )
    ]
    rows = [
        [
            pl.code,
            pl.name_fr,
            pl.name_en,
            t(f"kind.{pl.kind}", lang),
            t(f"group.{pl.group}", lang),
            pl.seaport or "",
            pl.airport or "",
            "" if pl.grid_g_co2e_per_kwh is None else f"{pl.grid_g_co2e_per_kwh:.0f}",
        ]
        for pl in places
    ]
    return head, rows


# ---------------------------------------------------------------- show


def _cite(data: Dataset, ref: SourceRef, lang: Lang = "en") -> str:
    src = data.factors.sources.get(ref.id)
    head = f"{src.publisher_in(lang)}, {src.dataset_in(lang)} ({src.version})" if src else ref.id
    return f"{head}: {ref.identifier_in(lang)}" + (" [proxy]" if ref.proxy else "")


def _range(r: Range) -> list[float]:
    return [r.central, r.low, r.high]


_BASE = re.compile(r"(\d{4}-\d{2})$")


def _price_row(data: Dataset, row: OriginPrice) -> dict[str, Any]:
    return {
        "origin": row.origin,
        "months": sorted(row.months),
        "eur_per_kg": _range(row.eur_per_kg),
        "period": row.period,
        "estimated": row.estimated,
        "differential": row.differential,
        "source": _cite(data, row.source),
        # an indexed price (the same every month) names its base month at the end of its identifier
        "indexed_from": m[1]
        if len(row.months) == 12 and (m := _BASE.search(row.source.identifier))
        else None,
    }


def origin_prices(data: Dataset, p: Product, month: int | None) -> list[dict[str, Any]]:
    """The product's prices by origin (``*``: national, all origins) for ``month``, or every row of
    prices.csv for the product when no month is given."""
    if month is not None:
        from ..engine import prices_in_month

        rows = prices_in_month(data, p.id, month)
        return [_price_row(data, rows[o]) for o in sorted(rows, key=lambda o: (o != "*", o))]
    rows_all = [row for (pid, _, _), row in data.prices.items() if pid == p.id]
    rows_all.sort(key=lambda r: (r.origin != "*", r.origin, min(r.months)))
    return [_price_row(data, row) for row in rows_all]


def show_dict(data: Dataset, p: Product, month: int | None = None) -> dict[str, Any]:
    """Every factor, season, route and price behind a product, each with its source; prices by
    origin for ``month`` (every month when None)."""
    stages = {
        stage: {
            "kg_co2e_per_kg": _range(getattr(p, f"{stage}_kg_co2e_per_kg")),
            "source": _cite(data, p.factor_source),
        }
        for stage in ("production", "processing", "packaging", "retail")
    }
    if p.transport_kg_co2e_per_kg is not None:
        # an AGRIBALYSE average: its published transport stage replaces the modelled legs
        stages["transport"] = {
            "kg_co2e_per_kg": _range(p.transport_kg_co2e_per_kg),
            "source": _cite(data, p.factor_source),
        }
    variants = [
        {
            "system": v.system,
            "origin": v.origin,
            "kg_co2e_per_kg": _range(v.kg_co2e_per_kg),
            "source": _cite(data, v.source),
            "note": v.note,
        }
        for (prod, _, _), v in sorted(data.variants.items())
        if prod == p.id
    ]
    seasons = [
        {
            "origin": s.origin,
            "months": sorted(s.months),
            "harvest_months": sorted(s.harvest_months),
            "heated_greenhouse_off_season": s.heated_greenhouse_off_season,
            "source": _cite(data, s.source),
        }
        for (prod, _), s in sorted(data.seasons.items())
        if prod == p.id
    ]
    routes = [
        {"origin": r.origin, "mode": r.mode, "source": _cite(data, r.source)}
        for (prod, _), r in sorted(data.routes.items())
        if prod in (p.id, f"category:{p.category}")
    ]
    ref = data.agribalyse_totals.get(p.id)
    agribalyse = (
        None
        if ref is None
        else {
            "to_shop_kg_co2e_per_kg": round(ref.to_shop_kg_co2e_per_kg, 6),
            "transport_kg_co2e_per_kg": ref.transport_kg_co2e_per_kg,
            "consumption_kg_co2e_per_kg": ref.consumption_kg_co2e_per_kg,
            "source": _cite(data, ref.source),
        }
    )
    return {
        "product": product_dict(p),
        "stages": stages,
        "agribalyse_total": agribalyse,
        "variants": variants,
        "seasons": seasons,
        "routes": routes,
        "price": {
            "eur_per_kg": _range(p.price_eur_per_kg),
            "period": p.price_period,
            "estimated": p.price_estimated,
            "all_origins": True,
            "source": _cite(data, p.price_source),
        },
        "month": month,
        "prices_by_origin": origin_prices(data, p, month),
        "defined_in": data.origin_of.get(f"products.csv:{p.id}"),
    }


def _months(ms: list[int], lang: Lang) -> str:
    return ", ".join(t(f"month.{m}", lang) for m in ms) if len(ms) < 12 else t("season.all_year", lang)


def _factor(x: float, lang: Lang) -> str:
    """A differential as written in the data (1.166, 0.855), with a decimal comma in French."""
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "fr" else text


def _period_text(period: str, lang: Lang) -> str:
    """``2026-08`` -> "août 2026"; ``2026`` stays."""
    if len(period) == 7:
        return f"{t(f'month.{int(period[5:7])}', lang)} {period[:4]}"
    return period


def _price_lines(data: Dataset, d: dict[str, Any], lang: Lang, colon: str) -> list[str]:
    pr = d["price"]
    c, lo, hi = pr["eur_per_kg"]
    est = f" {t('show.estimated', lang)}" if pr["estimated"] else ""
    lines = [
        "",
        t("show.price_reference", lang, period=_period_text(pr["period"], lang))
        + f"{colon}{euros(c, lang)}/kg [{euros(lo, lang)} – {euros(hi, lang)}]{est} — {pr['source']}",
    ]
    rows = d["prices_by_origin"]
    if not rows:
        return lines
    if d["month"] is None:
        for r in rows:  # a price for every month: an earlier INSEE price brought to today's level
            if len(r["months"]) == 12:
                c, lo, hi = r["eur_per_kg"]
                who = t("show.all_origins", lang) if r["origin"] == "*" else r["origin"]
                lines.append(
                    t("show.price_indexed", lang, period=r["period"], who=who)
                    + f"{colon}{euros(c, lang)}/kg [{euros(lo, lang)} – {euros(hi, lang)}] — {r['source']}"
                )
        monthly = [r for r in rows if len(r["months"]) < 12]
        if monthly:
            origins = sorted({r["origin"] for r in monthly if r["origin"] != "*"})
            lines.append(
                t(
                    "show.prices_by_month",
                    lang,
                    origins=", ".join([t("show.all_origins", lang), *origins]),
                )
            )
        return lines
    lines.append(t("show.prices_in_month", lang, month=t(f"month.{d['month']}", lang)))
    # origins with the same price and source on one line; each source cited once, numbered
    groups: dict[tuple[Any, ...], list[str]] = {}
    for r in rows:
        key = (
            tuple(r["eur_per_kg"]),
            r["period"],
            r["estimated"],
            r["differential"],
            r["indexed_from"],
            r["source"],
        )
        groups.setdefault(key, []).append(t("show.all_origins", lang) if r["origin"] == "*" else r["origin"])
    sources = list(dict.fromkeys(key[-1] for key in groups))
    for (eur, period, estimated, differential, base, source), who in groups.items():
        c, lo, hi = eur
        if estimated and differential is not None:
            how = " " + t("show.estimated_differential", lang, factor=_factor(differential, lang))
        elif estimated:
            how = f" {t('show.estimated', lang)}"
        elif base:  # the same price every month: an earlier price brought to today's level
            how = " " + t("show.indexed_from", lang, base=_period_text(base, lang))
        else:
            how = ""
        lines.append(
            f"  {', '.join(who)}{colon}{euros(c, lang)}/kg [{euros(lo, lang)} – {euros(hi, lang)}], "
            f"{t('show.level', lang, period=period)}{how} [{sources.index(source) + 1}]"
        )
    lines += [f"  [{i}] {source}" for i, source in enumerate(sources, 1)]
    return lines


def show_text(data: Dataset, p: Product, lang: Lang, month: int | None = None) -> str:
    d = show_dict(data, p, month)
    colon = " : " if lang == "fr" else ": "  # French typography: a space before the colon
    name = p.name_fr if lang == "fr" else p.name_en
    lines = [
        f"{name} ({p.id}) — {t(f'cat.{p.category}', lang)}, {p.family}, {t(f'chain.{p.cold_chain}', lang)}"
    ]
    if p.aliases:
        lines.append("  " + ", ".join(p.aliases))
    if p.piece_kg:
        lines.append(t("show.piece", lang, kg=number(p.piece_kg, lang)))
    if p.storable_months:
        lines.append(t("show.storable", lang, months=p.storable_months))
    if not p.grown_in_france:
        lines.append(t("show.not_grown", lang))
    if p.agribalyse_average:
        lines.append(t("flag.origin_not_modelled", lang))
    lines.append("")
    for stage, v in d["stages"].items():
        c, lo, hi = v["kg_co2e_per_kg"]
        lines.append(
            f"{t(f'stage.{stage}', lang)}{colon}{number(c, lang)} kg CO2e/kg "
            f"[{number(lo, lang)} – {number(hi, lang)}]"
        )
    lines.append(f"  {t('show.source', lang)}{colon}{_cite(data, p.factor_source, lang)}")
    if d["agribalyse_total"]:
        a = d["agribalyse_total"]
        lines.append(
            t(
                "show.agribalyse_total",
                lang,
                total=number(a["to_shop_kg_co2e_per_kg"], lang),
                transport=number(a["transport_kg_co2e_per_kg"], lang),
            )
        )
    if d["variants"]:
        lines += ["", t("show.variants", lang)]
        for v in d["variants"]:
            c, lo, hi = v["kg_co2e_per_kg"]
            system = t("system." + v["system"], lang)
            lines.append(
                f"  {system}, {v['origin']}{colon}{number(c, lang)} kg CO2e/kg "
                f"[{number(lo, lang)} – {number(hi, lang)}] — {v['source']}"
            )
    if d["seasons"]:
        lines += ["", t("show.seasons", lang)]
        for s in d["seasons"]:
            harvest = (
                f"; {t('show.harvest', lang)}{colon}{_months(s['harvest_months'], lang)}"
                if s["harvest_months"]
                else ""
            )
            lines.append(f"  {s['origin']}{colon}{_months(s['months'], lang)}{harvest} — {s['source']}")
    if d["routes"]:
        lines += ["", t("show.routes", lang)]
        for r in d["routes"]:
            mode = t("main." + r["mode"], lang)
            lines.append(f"  {r['origin']}{colon}{mode} — {r['source']}")
    lines += _price_lines(data, d, lang, colon)
    return "\n".join(lines) + "\n"


def show_markdown(data: Dataset, p: Product, lang: Lang, month: int | None = None) -> str:
    return "```text\n" + show_text(data, p, lang, month) + "```\n"
