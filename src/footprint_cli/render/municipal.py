"""The parts of the batch report written for élus and canteen managers.

* :func:`plain_page_html`: a first page in plain French (or English): the total and its range
  in tonnes, per meal, production vs transport, the heaviest family, the carbon value named
  and explained, the strongest lever, rows kept and set aside, assumptions in a few lines;
* :func:`extra_sections_html` / :func:`extra_sections_md`: per site, per supplier, month by
  month (an inline SVG bar chart of the year), protein balance, per meal, year on year;
* :func:`flag_legend`: the per-line flags as short codes (``F1``, ``F2``...) and their legend;
* :func:`extras_json`: these sections in the JSON summary (``render/report_json.py``).

Everything is read from the :class:`~footprint_cli.batch.report.Report` and the objects of
:mod:`footprint_cli.batch.breakdowns` and :mod:`footprint_cli.batch.year_on_year`; nothing is
recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from ..i18n import Lang, t
from .compare import euros, flag_text, number, percent

if TYPE_CHECKING:  # pragma: no cover
    from ..batch.breakdowns import Group, MealCounts, PerMeal, ProteinBalance
    from ..batch.report import Report
    from ..batch.year_on_year import Change, YearOnYear
    from ..model.loader import Dataset

# ---------------------------------------------------------------- flags as codes

FLAG_KINDS: dict[str, tuple[str, ...]] = {
    "mass": ("mass_from_pieces", "volume_as_mass", "mass_estimated_from_price"),
    "date": ("month_default",),
    "origin": (
        "origin_default",
        "origin_local_unspecified",
        "origin_proxy_eu",
        "origin_unknown_import",
        "origin_generic_france",
    ),
    "proxy": (
        "factor_proxy",
        "production_proxy_origin",
        "system_no_data",
        "season_proxy",
        "grid_default",
        "sea_distance_estimated",
    ),
    "season": (
        "cold_storage",
        "heated_greenhouse_month",
        "out_of_season",
        "preserved_form",
        "not_grown_in_france",
    ),
    "transport": ("mode_assumed", "mode_not_applicable"),
    "price": (
        "price_estimated",
        "price_national_average",
        "price_month_average",
        "price_indexed",
        "price_origin",
        "price_origin_estimated",
    ),
}
"""Kinds of assumption for the plain summary; a flag code in none of them is "other"."""
_KIND_OF = {code: kind for kind, codes in FLAG_KINDS.items() for code in codes}


@dataclass(frozen=True)
class FlagLegend:
    """Short codes for the report's flags: ``group_codes[g]`` is the cell of flag group ``g``."""

    group_codes: list[str]
    entries: list[tuple[str, str, int]] = field(default_factory=list)
    """(code, text, lines), most frequent first."""


def flag_legend(r: Report, lang: Lang) -> FlagLegend:
    """Number each distinct flag text ``F1``, ``F2``... (most frequent first, as the summary lists
    them) and give each flag group its codes, space-separated."""
    # each distinct flag is worded once (a file has thousands of flag groups sharing few flags)
    worded: dict[Any, str] = {}

    def text_of(f: Any) -> str:
        try:
            key: Any = (f.code, tuple(sorted(f.params.items())))
            hash(key)
        except TypeError:  # a parameter that cannot be hashed: word it each time
            return flag_text(f, lang)
        text = worded.get(key)
        if text is None:
            text = worded[key] = flag_text(f, lang)
        return text

    counts: dict[str, int] = {}
    for f, n in r.flag_counts:
        text = text_of(f)
        counts[text] = counts.get(text, 0) + n
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    code_of = {text: f"F{i}" for i, (text, _) in enumerate(ordered, start=1)}
    group_codes = []
    for group in r.flag_groups:
        codes = {code_of[text] for text in map(text_of, group) if text in code_of}
        group_codes.append(" ".join(sorted(codes, key=lambda c: int(c[1:]))))
    return FlagLegend(group_codes, [(code_of[text], text, n) for text, n in ordered])


def assumption_kinds(r: Report) -> list[tuple[str, int]]:
    """(kind, lines having at least one flag of that kind), in :data:`FLAG_KINDS` order."""
    import numpy as np

    if not r.rows_computed or not r.flag_groups:
        return []
    sizes = np.bincount(r.column("flag_group").astype(np.int64), minlength=len(r.flag_groups))
    out: dict[str, int] = {}
    for g, group in enumerate(r.flag_groups):
        for kind in {_KIND_OF.get(f.code, "other") for f in group}:
            out[kind] = out.get(kind, 0) + int(sizes[g])
    order = [*FLAG_KINDS, "other"]
    return [(k, out[k]) for k in order if out.get(k)]


# ---------------------------------------------------------------- the bundle


@dataclass
class Extras:
    """What the command adds to the report for élus and canteen managers."""

    sites: tuple[str | None, list[Group]]
    suppliers: tuple[str | None, list[Group]]
    months: list[Group]
    protein: ProteinBalance
    per_meal: PerMeal | None = None
    year_on_year: YearOnYear | None = None
    rejected_path: str | None = None
    meals_by_site: dict[str, float] = field(default_factory=dict)
    """kg CO2e per meal of each site the meals file counts."""
    meals_by_month: dict[str, float] = field(default_factory=dict)
    """kg CO2e per meal of each month (``"1"``..``"12"``) the meals file counts."""
    meals_uncovered_months: list[str] = field(default_factory=list)
    """Months with purchases that the meals file (when it has months) does not count: the
    per-meal figures then divide a longer period's purchases by a shorter period's meals."""


def extras_of(
    r: Report,
    data: Dataset,
    *,
    meals: int | MealCounts | None = None,
    against: Report | None = None,
    site_column: str | None = None,
    rejected_path: str | None = None,
) -> Extras:
    from ..batch import breakdowns as bd
    from ..batch.year_on_year import compare_reports

    sites, months = bd.by_site(r, site_column), bd.by_month(r)
    counts = meals if isinstance(meals, bd.MealCounts) else None
    total_meals = counts.total if counts is not None else meals
    return Extras(
        sites=sites,
        suppliers=bd.by_supplier(r),
        months=months,
        protein=bd.protein_balance(r, data),
        per_meal=bd.per_meal(r, total_meals) if total_meals else None,
        year_on_year=compare_reports(against, r) if against is not None else None,
        rejected_path=rejected_path,
        meals_by_site=bd.per_meal_of_groups(sites[1], counts.by_site()) if counts else {},
        meals_by_month=bd.per_meal_of_groups(months, counts.by_month()) if counts else {},
        meals_uncovered_months=[g.key for g in months if g.key and g.key not in counts.by_month()]
        if counts is not None and counts.month_column
        else [],
    )


def extras_or_default(
    r: Report, data: Dataset | None, rejected_path: str | None, extras: Extras | None
) -> Extras | None:
    """``extras``, else those the report gives without options (none without the data)."""
    if extras is not None or data is None:
        return extras
    return extras_of(r, data, rejected_path=rejected_path)


# ---------------------------------------------------------------- text pieces


def _tonnes(kg: float, lang: Lang) -> str:
    return number(kg / 1000.0, lang)


def _share_change(share: float | None, lang: Lang) -> str:
    if share is None:
        return "—"
    text = _signed(100 * share, lang)
    return f"{text} %" if lang == "fr" else f"{text}%"


def integer(n: int, lang: Lang) -> str:
    """A whole number with the language's thousands separator (12 000 / 12,000)."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _signed(x: float, lang: Lang) -> str:
    text = number(x, lang)
    return text if x < 0 else "+" + text


def group_label(key: str, lang: Lang) -> str:
    return key if key else t("mun.not_given", lang)


def month_label(key: str, lang: Lang) -> str:
    return t(f"month.{key}", lang) if key else t("mun.no_date", lang)


def carbon_value_text(r: Report, lang: Lang, data: Dataset | None) -> str:
    cost = euros(r.carbon_cost_eur, lang)
    price = number(r.carbon_price_eur_per_t, lang)
    prices = data.factors.carbon_prices if data is not None else {}
    cp = prices.get(r.carbon_price_key)
    if cp is None:
        return t("mun.carbon_value.custom", lang, price=price, cost=cost)
    src = data.factors.sources.get(cp.source.id) if data is not None else None
    publisher = src.publisher_in(lang).split(" (")[0] if src is not None else cp.source.id
    year = src.year if src is not None else cp.year
    label = cp.label_fr if lang == "fr" else cp.label_en
    label = label.split(" (")[0]
    return t("mun.carbon_value", lang, label=label, publisher=publisher, year=year, price=price, cost=cost)


def plain_paragraphs(r: Report, lang: Lang, data: Dataset | None, x: Extras) -> list[str]:
    """The first page's sentences, in order (plain words: no method names, no data keys)."""
    from .report import family_label, what_if_title

    out = []
    eur = t("mun.total.eur", lang, eur=euros(r.amount_eur, lang)) if r.amount_eur > 0 else ""
    low, high = r.interval_kg_co2e
    kg = f"{number(r.total_kg, lang)} kg"
    if r.total_kg_co2e >= 1000.0:  # in tonnes, the unit élus compare
        text = t(
            "mun.total",
            lang,
            kg=kg,
            eur=eur,
            tonnes=_tonnes(r.total_kg_co2e, lang),
            low=_tonnes(low, lang),
            high=_tonnes(high, lang),
        )
    else:
        text = t(
            "mun.total.small",
            lang,
            kg=kg,
            eur=eur,
            co2e=number(r.total_kg_co2e, lang),
            low=number(low, lang),
            high=number(high, lang),
        )
    out.append(text)
    if x.per_meal is not None:
        pm = x.per_meal
        out.append(
            t(
                "mun.per_meal",
                lang,
                meals=integer(pm.meals, lang),
                co2e=number(pm.kg_co2e, lang),
                low=number(pm.interval_kg_co2e[0], lang),
                high=number(pm.interval_kg_co2e[1], lang),
                eur=t("mun.per_meal.eur", lang, eur=euros(pm.amount_eur, lang)) if pm.amount_eur else "",
            )
        )
        if x.meals_uncovered_months:
            out.append(uncovered_text(x, lang))
    if x.year_on_year is not None:
        y = x.year_on_year
        from pathlib import Path

        out.append(
            t(
                "mun.yoy.plain",
                lang,
                before=Path(y.before_path).name,
                change=_signed(y.change_kg_co2e, lang),
                share=_share_change(y.change_share, lang),
            )
        )
    if r.total_kg_co2e > 0:
        groups = r.stage_groups_kg_co2e
        prod, transport = groups["production"] / r.total_kg_co2e, groups["transport"] / r.total_kg_co2e
        key = "mun.stages" if prod > transport else "mun.stages.transport_heavy"
        out.append(t(key, lang, prod=percent(prod, lang), transport=percent(transport, lang)))
        if r.by_family:
            f = r.by_family[0]
            out.append(
                t(
                    "mun.family",
                    lang,
                    family=family_label(f.key, lang),
                    share=percent(f.share, lang),
                    kg_share=percent(f.kg / r.total_kg if r.total_kg else 0.0, lang),
                )
            )
    out.append(carbon_value_text(r, lang, data))
    if r.what_ifs:
        best = max(r.what_ifs, key=lambda w: w.saving_kg_co2e)
        if best.saving_kg_co2e > 0:
            out.append(
                t(
                    "mun.lever",
                    lang,
                    what=what_if_title(best, lang, data),
                    saving=number(best.saving_kg_co2e, lang),
                    share=percent(best.saving_kg_co2e / (r.total_kg_co2e or 1.0), lang),
                )
            )
    out.append(t("mun.range", lang, draws=integer(r.draws, lang)))
    return out


def uncovered_text(x: Extras, lang: Lang) -> str:
    """The warning when the meals file leaves out months that have purchases, else ""."""
    if not x.meals_uncovered_months:
        return ""
    return t(
        "mun.per_meal.uncovered",
        lang,
        months=", ".join(month_label(m, lang) for m in x.meals_uncovered_months),
    )


def coverage_text(r: Report, lang: Lang, rejected_path: str | None) -> list[str]:
    from pathlib import Path

    share = percent(r.rows_rejected / r.rows_read, lang) if r.rows_read else percent(0.0, lang)
    out = [
        t(
            "mun.coverage",
            lang,
            read=r.rows_read,
            computed=r.rows_computed,
            rejected=r.rows_rejected,
            share=share,
        )
    ]
    if r.rows_rejected:
        out.append(
            t("mun.coverage.where", lang, path=Path(rejected_path).name)
            if rejected_path
            else t("mun.coverage.nowhere", lang)
        )
    return out


def kinds_rows(r: Report, lang: Lang) -> list[str]:
    return [
        f"{t(f'mun.kind.{kind}', lang)} : {t('mun.kind.lines', lang, n=n, total=r.rows_computed)}"
        if lang == "fr"
        else f"{t(f'mun.kind.{kind}', lang)}: {t('mun.kind.lines', lang, n=n, total=r.rows_computed)}"
        for kind, n in assumption_kinds(r)
    ]


# ---------------------------------------------------------------- tables (shared by HTML and Markdown)

Row = list[str]


def group_rows(
    groups: list[Group], lang: Lang, label: Any = group_label, per_meal: dict[str, float] | None = None
) -> tuple[list[str], list[Row]]:
    """The rows of :func:`~footprint_cli.render.report.share_rows`, then the carbon cost, then the
    kg CO2e per meal when the meals are known."""
    from .report import share_rows

    head, rows = share_rows(groups, lang, label)  # type: ignore[arg-type]
    head.append(t("mun.col.carbon_cost", lang))
    for g, row in zip(groups, rows, strict=True):
        row.append(euros(g.carbon_cost_eur, lang))
    if per_meal:
        head.append(t("mun.col.per_meal", lang))
        for g, row in zip(groups, rows, strict=True):
            row.append(number(per_meal[g.key], lang) if g.key in per_meal else "—")
    return head, rows


def protein_rows(p: ProteinBalance, lang: Lang) -> tuple[list[str], list[Row]]:
    head = [
        t("rep.col.group", lang),
        t("rep.col.kg", lang),
        t("mun.protein.col.kg_share", lang),
        t("rep.col.eur", lang),
        t("mun.protein.col.eur_share", lang),
        t("rep.col.co2e", lang),
    ]

    def share(x: float | None) -> str:
        return "—" if x is None else percent(x, lang)

    rows = [
        [
            t("mun.protein.animal", lang),
            number(p.animal_kg, lang),
            share(p.animal_share_kg),
            euros(p.animal_eur, lang),
            share(p.animal_share_eur),
            number(p.animal_kg_co2e, lang),
        ],
        [
            t("mun.protein.plant", lang),
            number(p.plant_kg, lang),
            share(p.plant_share_kg),
            euros(p.plant_eur, lang),
            share(p.plant_share_eur),
            number(p.plant_kg_co2e, lang),
        ],
    ]
    return head, rows


def per_meal_rows(pm: PerMeal, lang: Lang) -> list[tuple[str, str]]:
    from .report import interval_text

    rows = [
        (t("mun.per_meal.meals", lang), integer(pm.meals, lang)),
        (
            t("mun.per_meal.co2e", lang),
            f"{number(pm.kg_co2e, lang)} ({interval_text(*pm.interval_kg_co2e, lang)})",
        ),
        (t("mun.per_meal.kg", lang), number(pm.kg, lang)),
    ]
    if pm.amount_eur is not None:
        rows.append((t("mun.per_meal.spend", lang), euros(pm.amount_eur, lang)))
    rows.append((t("mun.per_meal.cost", lang), euros(pm.carbon_cost_eur, lang)))
    return rows


def change_rows(
    changes: list[Change], lang: Lang, label: Any, with_kg: bool = False
) -> tuple[list[str], list[Row]]:
    """Before, after and change of each group; the change's 90 % interval where it is known."""
    from .report import interval_text

    with_interval = any(c.change_interval_kg_co2e is not None for c in changes)
    head = [t("rep.col.group", lang)]
    if with_kg:
        head += [t("mun.yoy.col.kg_before", lang), t("mun.yoy.col.kg_after", lang)]
    head += [t("mun.yoy.col.before", lang), t("mun.yoy.col.after", lang), t("mun.yoy.col.change", lang)]
    if with_interval:
        head.append(t("rep.col.interval", lang))
    rows = []
    for c in changes:
        row = [label(c.key, lang)]
        if with_kg:
            row += [number(c.before_kg, lang), number(c.after_kg, lang)]
        row += [
            number(c.before_kg_co2e, lang),
            number(c.after_kg_co2e, lang),
            _signed(c.change_kg_co2e, lang),
        ]
        if with_interval:
            iv = c.change_interval_kg_co2e
            row.append(interval_text(*iv, lang) if iv is not None else "—")
        rows.append(row)
    return head, rows


def yoy_summary(y: YearOnYear, lang: Lang) -> str:
    from pathlib import Path

    return t(
        "mun.yoy.summary",
        lang,
        after=Path(y.after_path).name,
        before=Path(y.before_path).name,
        change=_signed(y.change_kg_co2e, lang),
        share=_share_change(y.change_share, lang),
        low=_signed(y.change_interval_kg_co2e[0], lang),
        high=_signed(y.change_interval_kg_co2e[1], lang),
        prob=percent(y.prob_increase, lang),
    )


def yoy_tables(
    y: YearOnYear, lang: Lang, data: Dataset | None, top: int = 10
) -> list[tuple[str, list[str], list[Row]]]:
    from .report import family_label, product_label, scope_label

    return [
        (t("mun.yoy.by_family", lang), *change_rows(y.by_family, lang, family_label)),
        (t("mun.yoy.by_scope", lang), *change_rows(y.by_scope, lang, scope_label)),
        (t("mun.yoy.by_stage", lang), *change_rows(y.by_stage, lang, lambda k, lg: t(f"stage.{k}", lg))),
        (
            t("mun.yoy.by_product", lang),
            *change_rows(y.by_product[:top], lang, lambda k, lg: product_label(data, k, lg), with_kg=True),
        ),
    ]


# ---------------------------------------------------------------- SVG: the year, month by month


def svg_months(groups: list[Group], lang: Lang, width_px: int = 720, height_px: int = 200) -> str:
    """An inline SVG column chart of emissions month by month (January to December, then the
    lines without a date when there are any)."""
    by_key = {g.key: g for g in groups}
    keys = [str(m) for m in range(1, 13)] + ([""] if "" in by_key else [])
    values = [by_key[k].kg_co2e if k in by_key else 0.0 for k in keys]
    top = max(values) if values and max(values) > 0 else 1.0
    pad_l, pad_b, pad_t = 8, 34, 18
    slot = (width_px - pad_l) / len(keys)
    bar_w = slot * 0.7
    plot_h = height_px - pad_b - pad_t
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" height="{height_px}" '
        f'viewBox="0 0 {width_px} {height_px}" role="img" aria-label="{escape(t("mun.by_month", lang))}" '
        'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="10">'
    ]
    for i, (k, v) in enumerate(zip(keys, values, strict=True)):
        x = pad_l + i * slot + (slot - bar_w) / 2
        h = plot_h * v / top if v > 0 else 0.0
        y = pad_t + plot_h - h
        label = month_label(k, lang)
        short = t("mun.months_short", lang).split("|")[int(k) - 1] if k else label
        value = number(v, lang)
        if h > 0:
            parts.append(
                f'<rect class="month" data-month="{k or 0}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{"#2e7d32" if k else "#9e9e9e"}">'
                f"<title>{escape(label)} : {escape(value)} kg CO2e</title></rect>"
            )
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" fill="#333">'
                f"{escape(number(v, lang, digits=2))}</text>"
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{height_px - pad_b + 14:.1f}" text-anchor="middle" '
            f'fill="#333">{escape(short)}</text>'
        )
    base_y = pad_t + plot_h
    parts.append(
        f'<line x1="{pad_l}" y1="{base_y}" x2="{width_px}" y2="{base_y}" stroke="#999" stroke-width="0.8"/>'
    )
    parts.append(f'<text x="{pad_l}" y="{height_px - 4}" fill="#555">kg CO2e</text></svg>')
    return "".join(parts)


# ---------------------------------------------------------------- HTML and Markdown


def _html_table(head: list[str], rows: list[Row], right_from: int = 1) -> str:
    from .report import _html_table as table

    return table(head, rows, right_from)


def plain_page_html(r: Report, lang: Lang, data: Dataset | None, x: Extras) -> str:
    """The first page: plain sentences, coverage in a box, assumptions in a few lines."""
    paras = "".join(f"<p>{escape(p)}</p>" for p in plain_paragraphs(r, lang, data, x))
    cls = "coverage warn" if r.rows_rejected else "coverage"
    cover = "".join(f"<p>{escape(p)}</p>" for p in coverage_text(r, lang, x.rejected_path))
    kinds = kinds_rows(r, lang)
    assumptions = ""
    if kinds:
        assumptions = (
            f"<h2>{escape(t('mun.assumptions', lang))}</h2><ul>"
            + "".join(f"<li>{escape(k)}</li>" for k in kinds)
            + f'</ul><p class="help">{escape(t("mun.assumptions.annex", lang))}</p>'
        )
    return (
        f'<section class="plain"><h2>{escape(t("mun.essentials", lang))}</h2>'
        f'<div class="{cls}">{cover}</div>{paras}{assumptions}</section>'
    )


PLAIN_CSS = """
section.plain p { font-size: 11pt; margin: 4pt 0; }
div.coverage { border: 1.2pt solid #2e7d32; background: #f1f8e9; padding: 4pt 8pt; margin: 6pt 0;
               font-size: 11pt; font-weight: bold; }
div.coverage.warn { border-color: #c62828; background: #fdecea; }
.pagebreak { break-before: page; }
"""


def extra_sections_html(r: Report, lang: Lang, data: Dataset | None, x: Extras) -> list[str]:
    """Sections after the origin breakdown: per meal, sites, suppliers, months, protein, year on year."""
    out = []
    if x.per_meal is not None:
        rows = per_meal_rows(x.per_meal, lang)
        warn = uncovered_text(x, lang)
        out.append(
            f"<section><h2>{escape(t('mun.per_meal.title', lang))}</h2>"
            + _html_table([t("rep.col.group", lang), ""], [[a, b] for a, b in rows])
            + (f'<p class="help"><b>{escape(warn)}</b></p>' if warn else "")
            + "</section>"
        )
    for (column, groups), key, pm in (
        (x.sites, "mun.by_site", x.meals_by_site),
        (x.suppliers, "mun.by_supplier", None),
    ):
        if column and groups:
            out.append(
                f"<section><h2>{escape(t(key, lang, column=column))}</h2>"
                + _html_table(*group_rows(groups, lang, per_meal=pm))
                + "</section>"
            )
    if x.months:
        out.append(
            f"<section><h2>{escape(t('mun.by_month', lang))}</h2><figure>{svg_months(x.months, lang)}</figure>"
            + _html_table(*group_rows(x.months, lang, month_label, x.meals_by_month))
            + f'<p class="help">{escape(t("mun.by_month.help", lang))}</p></section>'
        )
    if x.protein.animal_kg + x.protein.plant_kg > 0:
        out.append(
            f"<section><h2>{escape(t('mun.protein', lang))}</h2>"
            + _html_table(*protein_rows(x.protein, lang))
            + f'<p class="help">{escape(t("mun.protein.help", lang))}'
            + (
                " " + escape(t("mun.protein.no_amount", lang, n=x.protein.lines_without_amount))
                if x.protein.lines_without_amount
                else ""
            )
            + "</p></section>"
        )
    if x.year_on_year is not None:
        y = x.year_on_year
        body = f"<p>{escape(yoy_summary(y, lang))}</p>"
        for title, head, rows in yoy_tables(y, lang, data):
            body += f"<h3>{escape(title)}</h3>" + _html_table(head, rows)
        out.append(
            f"<section><h2>{escape(t('mun.yoy', lang))}</h2>{body}"
            f'<p class="help">{escape(t("mun.yoy.help", lang))}</p></section>'
        )
    return out


def annex_html(r: Report, lang: Lang) -> str:
    legend = flag_legend(r, lang)
    if not legend.entries:
        return ""
    return (
        f"<section><h2>{escape(t('mun.annex', lang))}</h2>"
        + _html_table(
            [t("mun.col.code", lang), t("rep.col.flag", lang), t("rep.col.n", lang)],
            [[c, text, str(n)] for c, text, n in legend.entries],
            right_from=2,
        )
        + "</section>"
    )


def _md_table(head: list[str], rows: list[Row]) -> list[str]:
    from .report import _md_table as table

    return table(head, rows)


def extra_sections_md(r: Report, lang: Lang, data: Dataset | None, x: Extras) -> list[str]:
    out: list[str] = []
    if x.per_meal is not None:
        out += ["", f"## {t('mun.per_meal.title', lang)}", ""]
        out += _md_table([t("rep.col.group", lang), ""], [[a, b] for a, b in per_meal_rows(x.per_meal, lang)])
        warn = uncovered_text(x, lang)
        if warn:
            out += ["", f"**{warn}**"]
    for (column, groups), key, pm in (
        (x.sites, "mun.by_site", x.meals_by_site),
        (x.suppliers, "mun.by_supplier", None),
    ):
        if column and groups:
            out += ["", f"## {t(key, lang, column=column)}", ""]
            out += _md_table(*group_rows(groups, lang, per_meal=pm))
    if x.months:
        out += ["", f"## {t('mun.by_month', lang)}", ""]
        out += _md_table(*group_rows(x.months, lang, month_label, x.meals_by_month))
    if x.protein.animal_kg + x.protein.plant_kg > 0:
        out += ["", f"## {t('mun.protein', lang)}", ""]
        out += _md_table(*protein_rows(x.protein, lang))
        out += ["", t("mun.protein.help", lang)]
    if x.year_on_year is not None:
        out += ["", f"## {t('mun.yoy', lang)}", "", yoy_summary(x.year_on_year, lang)]
        for title, head, rows in yoy_tables(x.year_on_year, lang, data):
            out += ["", f"### {title}", ""]
            out += _md_table(head, rows)
        out += ["", t("mun.yoy.help", lang)]
    return out


# ---------------------------------------------------------------- JSON


def _with_meal(g: Group, per_meal: dict[str, float]) -> dict[str, Any]:
    from dataclasses import asdict

    out = asdict(g)
    if g.key in per_meal:
        out["kg_co2e_per_meal"] = per_meal[g.key]
    return out


def extras_json(r: Report, lang: Lang, x: Extras) -> dict[str, Any]:
    """The municipal sections of the JSON summary (numbers as numbers, units in the names)."""
    from dataclasses import asdict

    legend = flag_legend(r, lang)
    out: dict[str, Any] = {
        "by_site": {"column": x.sites[0], "groups": [_with_meal(g, x.meals_by_site) for g in x.sites[1]]},
        "by_supplier": {"column": x.suppliers[0], "groups": [asdict(g) for g in x.suppliers[1]]},
        "by_month": [_with_meal(g, x.meals_by_month) for g in x.months],
        "protein": {
            **asdict(x.protein),
            "animal_share_kg": x.protein.animal_share_kg,
            "animal_share_eur": x.protein.animal_share_eur,
        },
        "flags": [{"code": c, "text": text, "lines": n} for c, text, n in legend.entries],
    }
    if x.per_meal is not None:
        out["per_meal"] = {**asdict(x.per_meal), "months_not_counted": x.meals_uncovered_months}
    if x.year_on_year is not None:
        y = x.year_on_year
        out["year_on_year"] = {
            **dict(asdict(y).items()),
            "change_kg_co2e": y.change_kg_co2e,
            "change_share": y.change_share,
        }
    return out
