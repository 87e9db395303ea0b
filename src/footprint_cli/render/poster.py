"""A printable season poster: for each product and month, how it reaches a French plate (in
season, from cold storage, from a heated greenhouse, imported and from where) and what one kg
of it emits that month, as computed by the engine (self-contained HTML, A4 landscape).

A product mainland France does not grow (banana, mango...) is never shown "all year in France":
its months say where it is imported from.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..calendar import MonthCell, ProductCalendar
from ..i18n import Lang, t
from .calendar import month_headers, product_label

STATUS_CLASS = {
    "in_season": "s-in",
    "unheated_shelter": "s-in",
    "cold_storage": "s-cold",
    "heated_greenhouse": "s-heat",
    "imported": "s-imp",
    "out_of_season": "s-none",
    "all_year": "s-in",
}
SYMBOL = {
    "in_season": "●",
    "unheated_shelter": "◐",
    "cold_storage": "❄",
    "heated_greenhouse": "▲",
    "imported": "→",
    "out_of_season": "–",
    "all_year": "●",
}


@dataclass(frozen=True)
class PosterCell:
    cell: MonthCell
    status: str
    """The calendar status, or ``imported`` for a product France does not grow."""
    origin: str | None
    """The origin the number was computed for (``FR`` or a country code), if any."""
    kg_co2e_per_kg: float | None


def status_of(cal: ProductCalendar, cell: MonthCell) -> str:
    """The cell's status once :func:`render.calendar.honest` has put imports where France grows none."""
    from .calendar import honest

    return honest(cal).months[cell.month - 1].status


_CSS = """
@page { size: A4 landscape; margin: 7mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 7.5pt; margin: 0;
       color: #111; }
h1 { font-size: 14pt; margin: 0 0 1pt 0; }
p.sub { margin: 0 0 4pt 0; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #999; padding: 0.3pt 1pt; line-height: 1.1; text-align: center; vertical-align: middle; }
th.p, td.p { width: 17%; text-align: left; font-weight: bold; }
td.p small { display: block; font-weight: normal; font-size: 6pt; color: #444; }
td .sym { font-size: 8pt; } td .n { display: block; font-size: 6.5pt; white-space: nowrap; }
td .o { display: block; font-size: 6pt; }
.s-in { background: #c7eadf; } .s-cold { background: #cfe6f7; }
.s-heat { background: repeating-linear-gradient(45deg, #f6c9ad, #f6c9ad 3px, #fff 3px, #fff 5px); }
.s-imp { background: #fbe3b0; } .s-none { background: #eee; color: #777; }
tr { break-inside: avoid; }
.key { margin: 4pt 0 0 0; font-size: 7pt; } .key span { margin-right: 8pt; padding: 0 3pt; }
footer { font-size: 6.5pt; color: #444; margin-top: 3pt; }
"""


def _cell_html(pc: PosterCell, lang: Lang) -> str:
    cls = STATUS_CLASS[pc.status]
    origin = ""
    if pc.status == "imported":
        codes = pc.cell.imported_from
        origin = f'<span class="o">{escape(" ".join(codes[:2]) + ("+" if len(codes) > 2 else ""))}</span>'
    number = ""
    if pc.kg_co2e_per_kg is not None:
        from .pupil import sig2

        number = f'<span class="n">{escape(sig2(pc.kg_co2e_per_kg, lang))}</span>'
    label = t(f"poster.{pc.status}", lang)
    return f'<td class="{cls}" title="{escape(label)}"><span class="sym">{SYMBOL[pc.status]}</span>{origin}{number}</td>'


def poster_html(rows: list[tuple[ProductCalendar, list[PosterCell]]], lang: Lang) -> str:
    head = "".join(f"<th>{escape(m)}</th>" for m in month_headers(lang))
    body = []
    codes: set[str] = set()
    for cal, cells in rows:
        note = "" if cal.product.grown_in_france else f"<small>{escape(t('poster.not_grown', lang))}</small>"
        body.append(f'<tr><td class="p">{escape(product_label(cal, lang))}{note}</td>')
        body += [_cell_html(pc, lang) for pc in cells]
        body.append("</tr>")
        codes |= {c for pc in cells if pc.status == "imported" for c in pc.cell.imported_from if len(c) == 2}
    key = "".join(
        f'<span class="{STATUS_CLASS[s]}">{SYMBOL[s]} {escape(t(f"poster.{s}", lang))}</span>'
        for s in (
            "in_season",
            "unheated_shelter",
            "cold_storage",
            "heated_greenhouse",
            "imported",
            "out_of_season",
        )
    )
    code_text = t("poster.codes", lang, codes=", ".join(sorted(codes)) or "—")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(t("poster.title", lang))}</title>'
        f"<style>{_CSS}</style></head><body>"
        f'<h1>{escape(t("poster.title", lang))}</h1><p class="sub">{escape(t("poster.sub", lang))}</p>'
        f'<table><thead><tr><th class="p"></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
        f'<p class="key">{key}</p><p class="key">{escape(code_text)}</p>'
        f"<footer>{escape(t('poster.footer', lang))}</footer></body></html>\n"
    )
