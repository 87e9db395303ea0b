"""Batch reports -> per-line CSV, rejected CSV, Markdown summary and a self-contained HTML report.

No Rich here (the terminal summary is :mod:`footprint_cli.render.report_table`). Every
renderer reads the same :class:`~footprint_cli.batch.report.Report` and the same section
helpers (:func:`totals_rows`, :func:`what_if_rows`...), so the terminal, Markdown and HTML
summaries say the same thing.

Files are written through :mod:`footprint_cli.render.io` (checked destinations, all new or
all old) and CSV text cells that a spreadsheet would run as a formula (starting with ``=`` ``+`` ``-``
``@``, a tab or a carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__, i18n
from ..batch.schema import DERIVED_COLUMNS, OUTPUT_COLUMNS
from ..engine import STAGES
from ..i18n import Lang, t
from .compare import euros, flag_text, number, percent
from .css import BASE_CSS
from .io import OutputSet, write_atomic
from .safe import cell, csv_text
from .safe import html_text as escape

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..batch.report import Report, Share, WhatIf
    from ..model.loader import Dataset
    from .municipal import Extras

# ---------------------------------------------------------------- formatting helpers


def family_label(key: str, lang: Lang) -> str:
    k = f"family.{key}"
    return t(k, lang) if k in i18n.MESSAGES else key


def scope_label(key: str, lang: Lang) -> str:
    k = f"scope.{key}"
    return t(k, lang) if k in i18n.MESSAGES else key


def product_label(data: Dataset | None, pid: str, lang: Lang) -> str:
    if data is None or pid not in data.products:
        return pid
    p = data.products[pid]
    return p.name_fr if lang == "fr" else p.name_en


def place_label(data: Dataset | None, code: str, lang: Lang) -> str:
    if data is None or code not in data.places:
        return code
    pl = data.places[code]
    return pl.name_fr if lang == "fr" else pl.name_en


def interval_text(low: float, high: float, lang: Lang) -> str:
    return f"{number(low, lang)} – {number(high, lang)}"


def what_if_title(w: WhatIf, lang: Lang, data: Dataset | None = None) -> str:
    params: dict[str, Any] = {}
    if "share" in w.params:
        params["share"] = percent(w.params["share"], lang)
    if "product" in w.params:
        params["product"] = product_label(data, w.params["product"], lang)
    if "place" in w.params:
        params["place"] = place_label(data, w.params["place"], lang)
    return t(f"whatif.{w.key}", lang, **params)


def flag_texts(report: Report, lang: Lang) -> list[str]:
    """Text of every flag group (``report.lines["flag_group"]`` indexes this list)."""
    return ["; ".join(flag_text(f, lang) for f in group) for group in report.flag_groups]


# ---------------------------------------------------------------- summary sections (shared)

Row = list[str]


def totals_rows(r: Report, lang: Lang) -> list[tuple[str, str]]:
    rows = [
        (t("rep.total_kg", lang), f"{number(r.total_kg, lang)} kg"),
        (t("rep.total_co2e", lang), number(r.total_kg_co2e, lang)),
        (t("rep.interval", lang), interval_text(*r.interval_kg_co2e, lang)),
        (t("rep.per_kg", lang), f"{number(r.kg_co2e_per_kg, lang)} kg CO2e/kg"),
    ]
    if r.amount_eur > 0:
        rows.append((t("rep.amount", lang), euros(r.amount_eur, lang)))
        per_eur = _sum_where_amount(r) / r.amount_eur
        rows.append((t("rep.per_eur", lang), f"{number(per_eur, lang)} kg CO2e/€"))
    rows.append((t("rep.price_model", lang), euros(r.price_model_eur, lang)))
    rows.append(
        (
            t("rep.carbon_cost", lang, price=number(r.carbon_price_eur_per_t, lang)),
            euros(r.carbon_cost_eur, lang),
        )
    )
    return rows


def totals_rows_of(r: Any, lang: Lang) -> list[tuple[str, str]]:
    """The totals a roll-up of a file read in chunks gives (no per-line sums)."""
    return [
        (t("rep.total_kg", lang), f"{number(r.total_kg, lang)} kg"),
        (t("rep.total_co2e", lang), number(r.total_kg_co2e, lang)),
        (t("rep.interval", lang), interval_text(*r.interval_kg_co2e, lang)),
        (t("rep.amount", lang), euros(r.amount_eur, lang)),
    ]


def _sum_where_amount(r: Report) -> float:
    import pandas as pd

    total = pd.Series(r.column("total_kg_co2e"))
    return float(total[r.table["amount_eur"].notna().to_numpy()].sum())


def stage_rows(r: Report, lang: Lang) -> tuple[list[str], list[Row]]:
    total = r.total_kg_co2e or 1.0
    head = [t("rep.col.group", lang), t("rep.col.co2e", lang), t("rep.col.share", lang)]
    rows: list[Row] = []
    for g, value in r.stage_groups_kg_co2e.items():
        rows.append([t(f"group.{g}", lang), number(value, lang), percent(value / total, lang)])
    for s in STAGES:
        v = r.stages_kg_co2e[s]
        rows.append([f"  {t(f'stage.{s}', lang)}", number(v, lang), percent(v / total, lang)])
    return head, rows


def share_rows(
    shares: list[Share], lang: Lang, label: Callable[[str, Lang], str]
) -> tuple[list[str], list[Row]]:
    head = [
        t("rep.col.group", lang),
        t("rep.col.lines", lang),
        t("rep.col.kg", lang),
        t("rep.col.co2e", lang),
        t("rep.col.share", lang),
        t("rep.col.eur", lang),
    ]
    rows = [
        [
            label(s.key, lang),
            str(s.lines),
            number(s.kg, lang),
            number(s.kg_co2e, lang),
            percent(s.share, lang),
            euros(s.amount_eur, lang) if s.amount_eur else "—",
        ]
        for s in shares
    ]
    return head, rows


def top_rows(r: Report, lang: Lang, data: Dataset | None, n: int = 10) -> tuple[list[str], list[Row]]:
    head = [
        t("rep.col.line", lang),
        t("rep.col.label", lang),
        t("rep.col.product", lang),
        t("rep.col.origin", lang),
        t("rep.col.kg", lang),
        t("rep.col.co2e", lang),
        t("rep.col.interval", lang),
    ]
    rows = []
    for _, x in r.top_lines(n).iterrows():
        label = str(x["label"])
        rows.append(
            [
                str(int(x["line"])),
                label if len(label) <= 40 else label[:39] + "…",
                product_label(data, x["product"], lang),
                place_label(data, x["origin_place"], lang),
                number(float(x["kg"]), lang),
                number(float(x["total_kg_co2e"]), lang),
                interval_text(float(x["total_low_kg_co2e"]), float(x["total_high_kg_co2e"]), lang),
            ]
        )
    return head, rows


def what_if_rows(r: Report, lang: Lang, data: Dataset | None) -> tuple[list[str], list[Row]]:
    head = [
        t("rep.col.whatif", lang),
        t("rep.col.n", lang),
        t("rep.col.kg", lang),
        t("rep.col.saving", lang),
        t("rep.col.interval", lang),
        t("rep.col.saving_share", lang),
        t("rep.col.prob", lang),
    ]
    rows = []
    total = r.total_kg_co2e or 1.0
    for w in r.what_ifs:
        title = what_if_title(w, lang, data)
        if w.skipped_lines:
            title += " (" + t("whatif.skipped", lang, n=w.skipped_lines) + ")"
        rows.append(
            [
                title,
                str(w.lines),
                number(w.kg, lang),
                number(w.saving_kg_co2e, lang),
                interval_text(*w.saving_interval_kg_co2e, lang),
                percent(w.saving_kg_co2e / total, lang),
                percent(w.prob_saving, lang),
            ]
        )
    return head, rows


def percent1(x: float, lang: Lang) -> str:
    """A share with one decimal: 7.2 % (a share of spend is read to the tenth of a point)."""
    text = f"{100 * x:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "fr" else f"{text}%"


def _colon(lang: Lang) -> str:
    return " : " if lang == "fr" else ": "


def coverage_lines(r: Report, lang: Lang) -> list[str]:
    """How much of the file the report computed, in lines and in euros HT: the first thing said."""
    lines_pct = percent1(r.coverage_lines or 0.0, lang)
    if r.spend_eur > 0:
        first = t(
            "rep.coverage",
            lang,
            computed=r.rows_computed,
            read=r.rows_read,
            lines_pct=lines_pct,
            eur=euros(r.amount_eur, lang),
            total=euros(r.spend_eur, lang),
            eur_pct=percent1(r.coverage_eur or 0.0, lang),
        )
    else:
        first = t("rep.coverage.lines", lang, computed=r.rows_computed, read=r.rows_read, lines_pct=lines_pct)
    return [first, t("rep.coverage.totals", lang)] if r.rows_rejected else [first]


def rejection_groups(r: Report, lang: Lang, limit: int = 8) -> list[tuple[str, int]]:
    """The refused lines grouped by the kind of their first reason, in ``lang``, most frequent first
    (at most ``limit`` groups; the rest in one last group)."""
    import re

    import pandas as pd

    if not r.rows_rejected:
        return []
    reasons = pd.Series(r.rejected["reason"], dtype=object).fillna("")
    counts = reasons.value_counts(sort=False)
    groups: dict[str, int] = {}
    for reason, n in counts.items():
        first = reason_text(reason.head() if isinstance(reason, i18n.Message) else reason, lang)
        kind = re.split(r" : |: | \(| '", first, maxsplit=1)[0].strip()
        groups[kind] = groups.get(kind, 0) + int(n)
    ranked = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > limit:
        rest = ranked[limit - 1 :]
        ranked = ranked[: limit - 1] + [
            (
                t("rep.coverage.more", lang, n=len(rest), lines=sum(c for _, c in rest)),
                sum(c for _, c in rest),
            )
        ]
    return ranked


def shares_lines(r: Report, lang: Lang) -> list[str]:
    if r.spend is not None:
        return _egalim_lines(r, lang)
    out = []
    for key, eur, kg in (
        ("organic", r.organic_share_eur, r.organic_share_kg),
        ("local", r.local_share_eur, r.local_share_kg),
    ):
        parts = []
        if eur is not None:
            parts.append(t("rep.share.by_eur", lang, share=percent(eur, lang)))
        if kg is not None:
            parts.append(t("rep.share.by_kg", lang, share=percent(kg, lang)))
        if parts:
            out.append(
                f"{t(f'rep.share.{key}', lang)} : " if lang == "fr" else f"{t(f'rep.share.{key}', lang)}: "
            )
            out[-1] += ", ".join(parts)
    return out


def _egalim_lines(r: Report, lang: Lang) -> list[str]:
    """The EGalim shares (of the spend over all lines, blank = no), then local, kept apart."""
    assert r.spend is not None
    sp = r.spend
    if sp.eur <= 0:
        return []
    shares = r.egalim_shares()
    out = [f"{t(f'egalim.{k}', lang)}{_colon(lang)}{percent1(v, lang)}" for k, v in shares]
    if shares:
        out.append(f"{t('egalim.any', lang)}{_colon(lang)}{percent1(sp.egalim_eur / sp.eur, lang)}")
    else:
        out.append(t("egalim.none", lang))
    if sp.local_eur is not None:
        out.append(f"{t('egalim.local', lang)}{_colon(lang)}{percent1(sp.local_eur / sp.eur, lang)}")
    return out


def flag_rows(r: Report, lang: Lang) -> list[tuple[str, int]]:
    """(flag text, lines) with identical texts merged, most frequent first."""
    merged: dict[str, int] = {}
    for f, n in r.flag_counts:
        text = flag_text(f, lang)
        merged[text] = merged.get(text, 0) + n
    return sorted(merged.items(), key=lambda kv: -kv[1])


def counts_line(r: Report, lang: Lang) -> str:
    return t("rep.counts", lang, read=r.rows_read, computed=r.rows_computed, rejected=r.rows_rejected)


def context_line(r: Report, lang: Lang, data: Dataset | None) -> str:
    return t(
        "rep.context",
        lang,
        dest=place_label(data, r.destination, lang),
        month=t(f"month.{r.month_default}", lang),
        cp=number(r.carbon_price_eur_per_t, lang),
        cpkey=r.carbon_price_key,
        draws=r.draws,
        seed=r.seed,
    )


# ---------------------------------------------------------------- Markdown


def _md_table(head: list[str], rows: list[Row], right_from: int = 1) -> list[str]:
    out = ["| " + " | ".join(h or " " for h in head) + " |"]
    out.append("|" + "|".join("---" if i < right_from else "---:" for i in range(len(head))) + "|")
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|").strip() for c in row) + " |")
    return out


def to_markdown(
    r: Report,
    lang: Lang,
    data: Dataset | None = None,
    *,
    rejected_path: str | None = None,
    extras: Extras | None = None,
) -> str:
    from . import municipal

    x = municipal.extras_or_default(r, data, rejected_path, extras)
    lines = [f"# {t('rep.title', lang)}", ""]
    lines.append(
        f"{t('rep.file', lang)} : `{Path(r.path).name}` — {counts_line(r, lang)}."
        if lang == "fr"
        else f"{t('rep.file', lang)}: `{Path(r.path).name}` — {counts_line(r, lang)}."
    )
    lines += ["", f"## {t('rep.coverage.title', lang)}", ""]
    lines += "\n\n".join(coverage_lines(r, lang)).split("\n")
    groups = rejection_groups(r, lang)
    if groups:
        lines += ["", t("rep.coverage.rejected", lang), ""]
        lines += [f"- {text}{_colon(lang)}{n}" for text, n in groups]
    lines += ["", context_line(r, lang, data), ""]
    lines += [f"## {t('rep.totals', lang)}", ""]
    lines += _md_table([t("rep.col.group", lang), ""], [[a, b] for a, b in totals_rows(r, lang)])
    lines += ["", f"## {t('rep.by_stage', lang)}", ""]
    lines += _md_table(*stage_rows(r, lang))
    lines += ["", f"## {t('rep.by_family', lang)}", ""]
    lines += _md_table(*share_rows(r.by_family, lang, family_label))
    lines += ["", f"## {t('rep.by_scope', lang)}", ""]
    lines += _md_table(*share_rows(r.by_scope, lang, scope_label))
    if x is not None:
        lines += municipal.extra_sections_md(r, lang, data, x)
    n_top = min(10, r.rows_computed)
    lines += ["", f"## {t('rep.top', lang, n=n_top)}", ""]
    lines += _md_table(*top_rows(r, lang, data), right_from=4)
    lines += ["", f"## {t('rep.what_ifs', lang)}", ""]
    if r.what_ifs:
        lines += _md_table(*what_if_rows(r, lang, data))
        lines += ["", t("rep.whatif.help", lang)]
    else:
        lines.append(t("rep.whatif.none", lang))
    shares = shares_lines(r, lang)
    if shares:
        lines += ["", f"## {t('rep.shares', lang)}", ""]
        lines += [f"- {s}" for s in shares]
    legend = municipal.flag_legend(r, lang).entries
    if legend:
        lines += ["", f"## {t('rep.flags', lang)}", ""]
        lines += _md_table(
            [t("mun.col.code", lang), t("rep.col.flag", lang), t("rep.col.n", lang)],
            [[c, a, str(b)] for c, a, b in legend],
        )
    if r.notes:
        lines += ["", f"## {t('rep.notes', lang)}", ""]
        lines += [f"- {note_text(n, lang)}" for n in r.notes]
    if r.rows_rejected and rejected_path:
        lines += ["", t("rep.rejected", lang, n=r.rows_rejected, path=f"`{Path(rejected_path).name}`")]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- HTML

_CSS = (
    BASE_CSS
    + """
body { font-size: 10pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }
p.sub { margin: 0 0 4pt 0; }
table { font-size: 8.8pt; margin: 2pt 0; }
th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, th.num { white-space: nowrap; }
tr.sub td { color: #555; font-size: 8.3pt; }
table.wi td:first-child { width: 40%; }
.kpi { display: flex; flex-wrap: wrap; gap: 6pt; margin: 4pt 0; }
.kpi div { border: 0.8pt solid #c8e6c9; background: #f1f8e9; padding: 4pt 8pt; border-radius: 3pt; }
.kpi b { display: block; font-size: 13pt; }
.help { color: #444; font-size: 8.8pt; }
footer { margin-top: 10pt; }
@media print {
  .kpi { break-inside: avoid; }
}
"""
)


def _html_table(head: list[str], rows: list[Row], right_from: int = 1, sub_prefix: str = "  ") -> str:
    out = ["<table><thead><tr>"]
    out += [f"<th{' class=num' if i >= right_from else ''}>{escape(h)}</th>" for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cls = ' class="sub"' if row and row[0].startswith(sub_prefix) else ""
        out.append(f"<tr{cls}>")
        out += [
            f"<td{' class=num' if i >= right_from else ''}>{escape(c.strip())}</td>"
            for i, c in enumerate(row)
        ]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _stage_items_by(
    r: Report, column: str, keys: list[str], label: Callable[[str, Lang], str], lang: Lang
) -> list:
    import pandas as pd

    if not r.rows_computed:
        return []
    by = r.table[column]
    # one stage at a time: the per-line stage columns are computed when read (8 MB each at 1M lines)
    sums = {
        s: pd.Series(r.column(f"{s}_kg_co2e"), index=by.index).groupby(by, sort=False, observed=True).sum()
        for s in STAGES
    }
    items = []
    for k in keys:
        if k in sums[STAGES[0]].index:
            items.append((label(k, lang), [(s, float(sums[s].loc[k])) for s in STAGES]))
    return items


def _coverage_html(r: Report, lang: Lang) -> str:
    body = "".join(f"<p>{escape(x)}</p>" for x in coverage_lines(r, lang))
    groups = rejection_groups(r, lang)
    if groups:
        body += (
            f"<p>{escape(t('rep.coverage.rejected', lang))}</p><ul>"
            + "".join(f"<li>{escape(text)}{escape(_colon(lang))}{n}</li>" for text, n in groups)
            + "</ul>"
        )
    return f'<section class="coverage"><h2>{escape(t("rep.coverage.title", lang))}</h2>{body}</section>'


def to_html(
    r: Report,
    lang: Lang,
    data: Dataset | None = None,
    *,
    rejected_path: str | None = None,
    extras: Extras | None = None,
) -> str:
    """The whole report as one self-contained, printable HTML document (inline SVG charts): a
    first page in plain words, then the figures, then the annexes (assumptions, method)."""
    from . import municipal
    from .html import svg_stacked_bars

    x = municipal.extras_or_default(r, data, rejected_path, extras)

    fmt = lambda x: number(x, lang)  # noqa: E731
    seg_labels = {s: t(f"stage.{s}", lang) for s in STAGES}
    kpis = totals_rows(r, lang)
    kpi_html = "".join(f"<div>{escape(a)}<b>{escape(b)}</b></div>" for a, b in kpis)
    stage_chart = svg_stacked_bars(
        [(t("rep.all", lang), [(s, r.stages_kg_co2e[s]) for s in STAGES])],
        segment_labels=seg_labels,
        value_format=fmt,
        label_width_px=170,
    )
    fam_chart = svg_stacked_bars(
        _stage_items_by(r, "family", [s.key for s in r.by_family], family_label, lang),
        segment_labels=seg_labels,
        value_format=fmt,
        label_width_px=200,
    )
    scope_chart = svg_stacked_bars(
        _stage_items_by(r, "origin_scope", [s.key for s in r.by_scope], scope_label, lang),
        segment_labels=seg_labels,
        value_format=fmt,
        label_width_px=270,
    )
    sections = [
        f"<header><h1>{escape(t('rep.title', lang))}</h1>"
        f'<p class="sub">{escape(t("rep.file", lang))} : {escape(Path(r.path).name)}</p></header>',
        _coverage_html(r, lang),
        municipal.plain_page_html(r, lang, data, x) if x is not None else "",
        f'<section class="pagebreak"><h2>{escape(t("rep.totals", lang))}</h2><div class="kpi">{kpi_html}</div>'
        f'<p class="sub">{escape(counts_line(r, lang))}</p></section>',
        f"<section><h2>{escape(t('rep.by_stage', lang))}</h2><figure>{stage_chart}</figure>"
        f"{_html_table(*stage_rows(r, lang))}</section>",
        f"<section><h2>{escape(t('rep.by_family', lang))}</h2><figure>{fam_chart}</figure>"
        f"{_html_table(*share_rows(r.by_family, lang, family_label))}</section>",
        f"<section><h2>{escape(t('rep.by_scope', lang))}</h2><figure>{scope_chart}</figure>"
        f"{_html_table(*share_rows(r.by_scope, lang, scope_label))}</section>",
        *(municipal.extra_sections_html(r, lang, data, x) if x is not None else []),
        f"<section><h2>{escape(t('rep.top', lang, n=min(10, r.rows_computed)))}</h2>"
        f"{_html_table(*top_rows(r, lang, data), right_from=4)}</section>",
    ]
    if r.what_ifs:
        before, after = t("rep.before", lang), t("rep.after", lang)
        items = []
        for i, w in enumerate(r.what_ifs, start=1):
            items.append((f"{i}. {before}", [("before", w.baseline_kg_co2e)]))
            items.append((f"{i}. {after}", [("after", w.alternative_kg_co2e)]))
        wchart = svg_stacked_bars(
            items,
            colors={"before": "#9e9e9e", "after": "#2e7d32"},
            segment_labels={"before": before, "after": after},
            value_format=fmt,
            label_width_px=120,
        )
        head, rows = what_if_rows(r, lang, data)
        rows = [[f"{i}. {row[0]}", *row[1:]] for i, row in enumerate(rows, start=1)]
        sections.append(
            f"<section><h2>{escape(t('rep.what_ifs', lang))}</h2>"
            + _html_table(head, rows).replace("<table>", '<table class="wi">', 1)
            + f'<p class="help">{escape(t("rep.whatif.help", lang))}</p>'
            f"<h2>{escape(t('rep.chart.whatif', lang))}</h2><figure>{wchart}</figure></section>"
        )
    else:
        sections.append(
            f"<section><h2>{escape(t('rep.what_ifs', lang))}</h2>"
            f"<p>{escape(t('rep.whatif.none', lang))}</p></section>"
        )
    shares = shares_lines(r, lang)
    if shares:
        sections.append(
            f"<section><h2>{escape(t('rep.shares', lang))}</h2><ul>"
            + "".join(f"<li>{escape(s)}</li>" for s in shares)
            + "</ul></section>"
        )
    if r.notes:
        sections.append(
            f"<section><h2>{escape(t('rep.notes', lang))}</h2><ul>"
            + "".join(f"<li>{escape(note_text(n, lang))}</li>" for n in r.notes)
            + "</ul></section>"
        )
    sections.append(municipal.annex_html(r, lang))
    sections.append(
        f"<section><h2>{escape(t('mun.method', lang))}</h2>"
        f'<p class="sub">{escape(context_line(r, lang, data))}</p></section>'
    )
    footer = t("rep.footer", lang, version=__version__)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('rep.title', lang))} — {escape(Path(r.path).name)}</title>"
        f"<style>{_CSS}{municipal.PLAIN_CSS}</style></head><body>"
        + "".join(sections)
        + f"<footer>{escape(footer)}</footer></body></html>\n"
    )


# ---------------------------------------------------------------- CSV files


def neutralise(s: pd.Series) -> pd.Series:
    """:func:`~footprint_cli.render.safe.cell` of every text cell (once per distinct value):
    a formula gets a leading ``'``, plain numbers (``-3,5``) are kept."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=False)
    u = [("" if x is None or (isinstance(x, float) and x != x) else str(x)) for x in uniques]
    fixed = [cell(x) for x in u]
    if fixed == u:
        return s
    return pd.Series(np.array(fixed, dtype=object)[codes], index=s.index, dtype=object)


def line_flag_cells(r: Report, lang: Lang, verbose: bool = False) -> list[str]:
    """The ``flags`` cell of each flag group: short codes (``F1 F3``, their legend in the
    summary), or with ``verbose`` the flags' sentences."""
    if verbose:
        return flag_texts(r, lang)
    from .municipal import flag_legend

    return flag_legend(r, lang).group_codes


def lines_frame(
    r: Report,
    lang: Lang,
    data: Dataset | None = None,
    *,
    verbose_flags: bool = False,
    csv_safe: bool = True,
) -> pd.DataFrame:
    """The per-line table as written: ``line``, the input columns, then :data:`OUTPUT_COLUMNS`.

    ``csv_safe``: input cells a spreadsheet would run as a formula get a leading ``'`` (a
    workbook types them as text instead, and keeps them as they are)."""
    import numpy as np
    import pandas as pd

    src = r.lines
    out = pd.DataFrame({"line": src["line"].to_numpy()})
    for c, name in input_columns(r, lang):
        cells = src[c].astype(object)
        out[name] = (neutralise(cells) if csv_safe else cells).to_numpy(dtype=object)
    texts = np.array(line_flag_cells(r, lang, verbose_flags) or [""], dtype=object)
    pcodes, puniq = pd.factorize(src["product"], use_na_sentinel=False)
    ocodes, ouniq = pd.factorize(src["origin_place"], use_na_sentinel=False)
    for c in OUTPUT_COLUMNS:
        if c == "product_name":
            out[c] = np.array([product_label(data, p, lang) for p in puniq], dtype=object)[pcodes]
        elif c == "origin_name":
            out[c] = np.array([place_label(data, p, lang) for p in ouniq], dtype=object)[ocodes]
        elif c == "flags":
            out[c] = texts[src["flag_group"].to_numpy()] if len(src) else []
        else:
            out[c] = src[c].to_numpy()
    return out


def input_columns(r: Report, lang: Lang) -> list[tuple[str, str]]:
    """The input columns of the per-line table, each as (column of ``r.lines``, header written):
    a column without a header named in ``lang``, one whose name is an output column's marked
    as the input's (``line (input)``, ``line (entrée)``)."""
    taken = set(OUTPUT_COLUMNS) | {"line"}
    shown = invented_headers(r, lang)
    out = []
    for c in r.lines.columns:
        if c.startswith("in:"):
            name = shown.get(c[3:], c[3:])
            if name in taken:
                name = t("rep.col.input", lang, name=name)
            taken.add(name)
            out.append((c, name))
    return out


def invented_headers(r: Report, lang: Lang) -> dict[str, str]:
    """The names the reader gave to columns without a header (``column 5``), as shown in
    ``lang`` (``colonne 5``)."""
    return {str(h): i18n.text(h, lang) for h in r.original_columns if isinstance(h, i18n.Named)}


def _csv_style(delimiter: str | None) -> tuple[str, str]:
    """(separator, decimal mark): French spreadsheet style when the input used ``;``."""
    return (";", ",") if delimiter == ";" else (",", ".")


def write_lines_csv(
    r: Report,
    path: str | os.PathLike[str],
    lang: Lang,
    data: Dataset | None = None,
    *,
    delimiter: str | None = ",",
    verbose_flags: bool = False,
    out: OutputSet | None = None,
) -> Path:
    """Write the per-line CSV atomically (as part of ``out`` when given).

    French spreadsheet style (``;``, decimal commas, UTF-8 with BOM) when ``delimiter`` is ``;``.
    Flags are short codes (legend in the summary) unless ``verbose_flags``.
    """
    sep, decimal = _csv_style(delimiter)
    names, cols = _lines_columns(r, lang, data, verbose_flags)
    encoding = "utf-8-sig" if sep == ";" else "utf-8"

    def write(fh: Any) -> None:
        _write_columns(names, cols, fh, sep=sep, decimal=decimal)

    if out is not None:
        return out.write(path, write, encoding=encoding, role="lines")
    return write_atomic(path, write, encoding=encoding)


def _lines_columns(
    r: Report, lang: Lang, data: Dataset | None = None, verbose_flags: bool = False
) -> tuple[list[str], list[Any]]:
    """The columns of :func:`lines_frame`, each as :func:`_write_columns` takes it.

    Text columns come as (codes, distinct values): the product, place and flag columns reuse the
    codes of the product, place and flag group, so no column of a million lines is built as text.
    """
    import numpy as np

    src = r.table
    names: list[str] = ["line"]
    cols: list[Any] = [_column(src["line"])]
    for c, name in input_columns(r, lang):
        codes, uniques = _codes_uniques(src[c])
        names.append(name)
        cols.append(("t", codes, uniques))  # neutralised with every text cell when written
    texts = np.array(line_flag_cells(r, lang, verbose_flags) or [""], dtype=object)
    pcodes, puniq = _codes_uniques(src["product"])
    ocodes, ouniq = _codes_uniques(src["origin_place"])
    for c in OUTPUT_COLUMNS:
        names.append(c)
        if c == "product":
            cols.append(("t", pcodes, np.asarray(puniq, dtype=object)))
        elif c == "product_name":
            cols.append(("t", pcodes, np.array([product_label(data, p, lang) for p in puniq], dtype=object)))
        elif c == "origin_place":
            cols.append(("t", ocodes, np.asarray(ouniq, dtype=object)))
        elif c == "origin_name":
            cols.append(("t", ocodes, np.array([place_label(data, p, lang) for p in ouniq], dtype=object)))
        elif c == "flags":
            cols.append(("t", src["flag_group"].to_numpy(), texts))
        elif c in DERIVED_COLUMNS:
            cols.append(("f", r.figures.lazy(c)))  # computed a chunk of rows at a time
        else:
            cols.append(_column(src[c]))
    return names, cols


def _column(s: pd.Series) -> Any:
    """A column as :func:`_write_columns` takes it: ("f", floats), ("i", integers) or
    ("t", codes, distinct values) for text (and anything else, written with ``str``)."""
    import numpy as np

    kind = s.dtype.kind
    if kind == "f" and isinstance(s.dtype, np.dtype):
        return ("f", s.to_numpy(dtype=float))
    if kind in "iu" and isinstance(s.dtype, np.dtype):
        return ("i", s.to_numpy())
    if kind in "iu":  # nullable integers: as text, unquoted ("<NA>" for missing)
        cells = np.asarray(s.to_numpy()).astype(str).astype(object)
        return ("t", np.arange(len(cells)), cells)
    codes, uniques = _codes_uniques(s)
    return ("t", codes, uniques)


def _codes_uniques(s: pd.Series) -> tuple[Any, Any]:
    """A column as (codes, distinct values as an object array), missing values being one of the
    values; a categorical gives its own codes and categories (unused ones are never written)."""
    import numpy as np
    import pandas as pd

    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        uniques = np.asarray(s.cat.categories, dtype=object)
        if (codes < 0).any():
            uniques = np.append(uniques, np.nan).astype(object)
            codes = np.where(codes < 0, len(uniques) - 1, codes)
        return codes, uniques
    codes, uniques = pd.factorize(pd.Series(s.to_numpy(), dtype=object), use_na_sentinel=False)
    return codes, np.asarray(uniques, dtype=object)


def write_csv(
    frame: pd.DataFrame, fh: Any, *, sep: str = ",", decimal: str = ".", header: bool = True
) -> None:
    """Write ``frame`` as CSV to ``fh``, far faster than ``DataFrame.to_csv`` for a million rows.

    Floats get 6 significant digits (``%.6g``, which spreadsheets read as numbers) with the
    decimal mark ``decimal``, NaN and infinities an empty cell; integers are written as they
    are; text is quoted only when it must be (RFC 4180), each distinct text once. The rows are
    encoded by :func:`footprint_cli.render.csv_encode.csv_rows`, column by column with numpy, a
    chunk of rows at a time (memory stays bounded).
    """
    _write_columns(
        [str(c) for c in frame.columns],
        [_column(frame[c]) for c in frame.columns],
        fh,
        sep=sep,
        decimal=decimal,
        header=header,
    )


def _write_columns(
    names: list[str], columns: list[Any], fh: Any, *, sep: str, decimal: str, header: bool = True
) -> None:
    """:func:`write_csv` of columns given as :func:`_column` returns them (``header``: with the
    header line; without it, the rows follow those of an earlier call)."""
    from .csv_encode import csv_rows

    # every text cell, headers included, passes the one neutraliser (formulas, CR/LF quoting),
    # once per distinct value: a million-line column of a few thousand values costs nothing
    if header:
        fh.write(sep.join(csv_text(str(c), sep) for c in names) + "\n")
    specs = []
    for col in columns:
        if col[0] == "t":
            _, codes, uniques = col
            cells = [
                "" if u is None or (isinstance(u, float) and u != u) else csv_text(str(u), sep)
                for u in uniques.tolist()
            ]
            specs.append(("t", codes, cells))
        else:
            specs.append(col)
    # a UTF-8 text file takes the chunks as bytes, past the text layer's own buffering
    raw = None
    if getattr(fh, "encoding", None) in ("utf-8", "utf-8-sig") and hasattr(fh, "buffer"):
        fh.flush()
        raw = fh.buffer
    with _Sink(raw if raw is not None else fh) as out:
        for chunk in csv_rows(specs, sep=sep, decimal=decimal):
            out.write(chunk if raw is not None else chunk.decode("utf-8"))


class _Sink:
    """Writes chunks from a background thread, so the disk write of one chunk (which releases the
    GIL) overlaps the formatting of the next; at most two chunks wait in memory."""

    def __init__(self, fh: Any):
        import queue
        import threading

        self.fh = fh
        self.q: Any = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="csv-writer", daemon=True)

    def _run(self) -> None:
        while True:
            item = self.q.get()
            if item is None:
                return
            if self.error is None:
                try:
                    self.fh.write(item)
                except BaseException as exc:  # reported in the main thread
                    self.error = exc

    def write(self, item: Any) -> None:
        if self.error is not None:
            raise self.error
        self.q.put(item)

    def __enter__(self) -> _Sink:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.q.put(None)
        self.thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error


def note_text(note: object, lang: Lang) -> str:
    """A reader's note about the file (a :class:`~footprint_cli.i18n.Message`) in ``lang``."""
    return i18n.text(note, lang)


def reason_text(reason: object, lang: Lang) -> str:
    """A refusal reason (a :class:`~footprint_cli.i18n.Message`, or "" for none) in ``lang``."""
    return i18n.text(reason, lang)


def reason_texts(reasons: Any, lang: Lang) -> Any:
    """:func:`reason_text` of a column of reasons, once per distinct reason."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(reasons, dtype=object).fillna(""), use_na_sentinel=False)
    texts = np.array([reason_text(u, lang) for u in uniques], dtype=object)
    return texts[codes] if len(codes) else np.array([], dtype=object)


def write_rejected_csv(
    r: Report,
    path: str | os.PathLike[str],
    *,
    delimiter: str | None = ",",
    lang: Lang = "en",
    out: OutputSet | None = None,
) -> Path:
    """Rejected rows: ``line``, ``reason`` (in ``lang``), then the original cells (formulas
    neutralised)."""
    sep, _ = _csv_style(delimiter)
    frame = r.rejected.copy()
    frame["reason"] = reason_texts(frame["reason"].to_numpy(dtype=object), lang)
    frame.columns = [invented_headers(r, lang).get(str(c), str(c)) for c in frame.columns]
    encoding = "utf-8-sig" if sep == ";" else "utf-8"

    def write(fh: Any) -> None:
        write_csv(frame, fh, sep=sep)

    if out is not None:
        return out.write(path, write, encoding=encoding, role="rejected")
    return write_atomic(path, write, encoding=encoding)


def write_lines_chunk(
    r: Report,
    fh: Any,
    lang: Lang,
    data: Dataset | None,
    *,
    delimiter: str | None,
    verbose_flags: bool,
    header: bool,
) -> None:
    """The per-line rows of one chunk of a file read in chunks, to the open file ``fh`` of
    :func:`write_lines_csv` (``r.flag_counts`` are the whole file's, so the flag codes are)."""
    sep, decimal = _csv_style(delimiter)
    names, cols = _lines_columns(r, lang, data, verbose_flags)
    _write_columns(names, cols, fh, sep=sep, decimal=decimal, header=header)


def write_rejected_chunk(r: Report, fh: Any, *, delimiter: str | None, lang: Lang, header: bool) -> None:
    """The rejected rows of one chunk, to the open file of :func:`write_rejected_csv`."""
    sep, _ = _csv_style(delimiter)
    frame = r.rejected.copy()
    frame["reason"] = reason_texts(frame["reason"].to_numpy(dtype=object), lang)
    write_csv(frame, fh, sep=sep, header=header)


def csv_encoding(delimiter: str | None) -> str:
    """UTF-8 with a BOM for the French spreadsheet style (``;``), else UTF-8."""
    return "utf-8-sig" if _csv_style(delimiter)[0] == ";" else "utf-8"


def rejected_path_for(output: str | os.PathLike[str]) -> Path:
    """``rapport.csv`` -> ``rapport.rejected.csv``."""
    p = Path(output)
    return p.with_name(f"{p.stem}.rejected{p.suffix or '.csv'}")


def manifest_path_for(output: str | os.PathLike[str]) -> Path:
    """``rapport.csv`` -> ``rapport.manifest.json``: the file that names a run's set of outputs."""
    p = Path(output)
    return p.with_name(f"{p.stem}.manifest.json")


def manifest_facts(r: Report, source: str | os.PathLike[str]) -> dict[str, Any]:
    """What the manifest says of the run besides its files: the input and the row counts."""
    return {
        "input": Path(source).name,
        "rows": {"read": r.rows_read, "computed": r.rows_computed, "rejected": r.rows_rejected},
    }
