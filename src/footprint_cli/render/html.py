"""A printable one-page comparison sheet: self-contained HTML with an inline SVG chart.

No network at all: no external fonts, scripts, images or stylesheets; CSS is
inline with print styles for one A4 page. :func:`svg_stacked_bars` is reusable
(the batch report draws its charts with it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .. import __version__
from ..engine import STAGES, Comparison
from ..i18n import Lang, t
from .compare import factor_label, headers, notes, number, option_title, place_name, rows, verdict
from .css import BASE_CSS
from .io import write_text
from .safe import html_text as escape
from .sources import factors_used

# Okabe-Ito palette (distinguishable with the common colour-vision deficiencies), and a
# hatching per stage so that a black-and-white photocopy still tells them apart.
STAGE_COLORS: dict[str, str] = {
    "production": "#009E73",
    "processing": "#56B4E9",
    "storage": "#0072B2",
    "losses": "#CC79A7",
    "transport": "#E69F00",
    "packaging": "#F0E442",
    "retail": "#BBBBBB",
}
STAGE_PATTERNS: dict[str, str] = {
    # key -> the lines drawn over the colour in a 6x6 tile (production stays plain)
    "transport": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#000" stroke-width="1.3" opacity=".55"/>',
    "storage": '<path d="M0,3 h6 M3,0 v6" stroke="#fff" stroke-width="1.1" opacity=".8"/>',
    "losses": '<circle cx="3" cy="3" r="1.2" fill="#000" opacity=".5"/>',
    "processing": '<path d="M0,1.5 h6 M0,4.5 h6" stroke="#000" stroke-width=".8" opacity=".45"/>',
    "packaging": '<path d="M1.5,0 v6 M4.5,0 v6" stroke="#000" stroke-width=".8" opacity=".4"/>',
}
_FALLBACK_COLORS = ("#6a1b9a", "#ef6c00", "#283593", "#558b2f", "#ad1457", "#00695c", "#4e342e")
_CHAR_PX = 7.0
"""Approximate width of one character of 11px sans-serif text, for layout."""


def svg_stacked_bars(
    items: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    *,
    colors: Mapping[str, str] | None = None,
    segment_labels: Mapping[str, str] | None = None,
    value_format: Callable[[float], str] = lambda x: f"{x:.3g}",
    unit: str = "kg CO2e",
    width_px: int = 720,
    label_width_px: int = 210,
    bar_height_px: int = 22,
    gap_px: int = 10,
    title: str | None = None,
    patterns: Mapping[str, str] | None = None,
    inline_labels: bool = False,
) -> str:
    """An inline SVG stacked horizontal bar chart (a string starting with ``<svg``).

    ``items``: one ``(bar label, [(segment key, value), ...])`` per bar, in display
    order; values share one scale (the largest bar total fills the plot width).
    Each segment with a value > 0 is drawn as exactly one ``<rect class="seg"
    data-segment="KEY">`` with a ``<title>`` tooltip; zero or negative segments are
    not drawn. ``colors`` maps segment keys to CSS colours (default: the stage
    palette, then a fallback cycle); ``segment_labels`` maps keys to legend text
    (default: the key); ``value_format`` formats the total written after each bar,
    followed by ``unit``. The legend (circles, so that only segments are rects)
    lists the keys that appear, in order of first appearance. The SVG has a
    ``viewBox`` and ``width="100%"`` so it scales to its container; text is escaped.
    ``patterns`` maps keys to SVG drawn over the colour in a 6x6 tile (hatching that survives
    black-and-white printing); ``inline_labels`` writes each segment's label inside it when
    it fits, else its value, else nothing.
    """
    patterns = dict(patterns or {})
    colors = dict(colors or {})
    labels = dict(segment_labels or {})
    keys: list[str] = []
    for _, segs in items:
        for key, value in segs:
            if value > 0 and key not in keys:
                keys.append(key)
    palette = iter(_FALLBACK_COLORS * (1 + len(keys)))
    for key in keys:
        if key not in colors:
            colors[key] = STAGE_COLORS.get(key) or next(palette)
    totals = [sum(max(0.0, v) for _, v in segs) for _, segs in items]
    scale = max(totals, default=0.0)
    value_room = 110
    plot_w = max(50.0, width_px - label_width_px - value_room)
    top = 24 if title else 6
    out: list[str] = []
    y = top
    for (label, segs), total in zip(items, totals, strict=True):
        cy = y + bar_height_px / 2
        max_chars = int((label_width_px - 8) / _CHAR_PX)
        shown = label if len(label) <= max_chars else label[: max_chars - 1] + "…"
        out.append(
            f'<text x="{label_width_px - 8}" y="{cy:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'class="lbl"><title>{escape(label)}</title>{escape(shown)}</text>'
        )
        x = float(label_width_px)
        for key, value in segs:
            if value <= 0:
                continue
            w = plot_w * value / scale if scale > 0 else 0.0
            tip = f"{labels.get(key, key)}: {value_format(value)} {unit}"
            fill = f"url(#pat-{key})" if key in patterns else colors[key]
            out.append(
                f'<rect class="seg" data-segment="{escape(key)}" x="{x:.2f}" y="{y}" '
                f'width="{max(w, 0.5):.2f}" '
                f'height="{bar_height_px}" fill="{escape(fill)}"><title>{escape(tip)}</title></rect>'
            )
            if inline_labels:
                for text in (labels.get(key, key), value_format(value)):
                    if len(text) * 6.2 + 6 <= w:
                        out.append(
                            f'<text x="{x + w / 2:.2f}" y="{cy:.1f}" text-anchor="middle" dominant-baseline="middle" '
                            f'class="in">{escape(text)}</text>'
                        )
                        break
            x += w
        out.append(
            f'<text x="{x + 6:.2f}" y="{cy:.1f}" dominant-baseline="middle" class="val">'
            f"{escape(value_format(total))} {escape(unit)}</text>"
        )
        y += bar_height_px + gap_px
    # legend, wrapped to the width
    lx, ly = float(label_width_px), y + 8
    for key in keys:
        text = labels.get(key, key)
        w = 18 + len(text) * _CHAR_PX + 14
        if lx + w > width_px and lx > label_width_px:
            lx, ly = float(label_width_px), ly + 18
        fill = f"url(#pat-{key})" if key in patterns else colors[key]
        out.append(
            f'<circle cx="{lx + 6:.1f}" cy="{ly:.1f}" r="5.5" fill="{escape(fill)}" stroke="#333" stroke-width=".5"/>'
        )
        out.append(
            f'<text x="{lx + 16:.1f}" y="{ly:.1f}" dominant-baseline="middle" class="key">'
            f"{escape(text)}</text>"
        )
        lx += w
    height = ly + 12
    head = f'<text x="0" y="14" class="ttl">{escape(title)}</text>' if title else ""
    defs = "".join(
        f'<pattern id="pat-{escape(key)}" patternUnits="userSpaceOnUse" width="6" height="6">'
        f'<path d="M0,0h6v6h-6z" fill="{escape(colors[key])}"/>{patterns[key]}</pattern>'
        for key in keys
        if key in patterns
    )
    if defs:
        head = f"<defs>{defs}</defs>" + head
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width_px} {height:.0f}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-family="sans-serif" font-size="11">'
        "<style>.lbl{font-size:12.5px;fill:#222}.val{font-size:12px;fill:#222;font-weight:bold}"
        ".key{font-size:11.5px;fill:#333}.ttl{font-size:12px;font-weight:bold}"
        ".in{font-size:10.5px;fill:#000;stroke:#fff;stroke-width:2.5px;paint-order:stroke}</style>"
        f"{head}{''.join(out)}</svg>"
    )


_CSS = (
    BASE_CSS
    + """
body { font-size: 10.5pt; }
h2 { font-size: 11.5pt; margin: 10pt 0 4pt 0; }
p.sub { margin: 0 0 6pt 0; }
table { font-size: 9pt; }
tr.total td { font-weight: bold; border-top: 1pt solid #888; }
tr.leg td { color: #555; font-size: 8.5pt; }
.verdict { background: #f1f8e9; border-left: 3pt solid #2e7d32; padding: 5pt 8pt; margin: 4pt 0; }
ul.notes li { font-size: 9pt; }
ol.sources { font-size: 7.5pt; color: #333; margin: 2pt 0 0 0; padding-left: 16pt; }
footer { margin-top: 8pt; }
@media print {
  .verdict { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""
)


def _stage_items(c: Comparison, lang: Lang) -> list[tuple[str, list[tuple[str, float]]]]:
    return [(option_title(r, lang), [(s, r.stages[s]) for s in STAGES]) for r in c.options]


def _table(c: Comparison, lang: Lang) -> str:
    head = headers(c, lang)
    total_label = t("row.total", lang)
    leg_label = t("row.leg", lang)
    out = ["<table><thead><tr>"]
    out += [f"<th>{escape(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for label, cells in rows(c, lang, with_bar=False, chain_in_one_row=True):
        cls = ""
        if label.startswith(total_label):
            cls = ' class="total"'
        elif label.strip().startswith(leg_label):
            cls = ' class="leg"'
        out.append(f"<tr{cls}><td>{escape(label.strip())}</td>")
        if cls == ' class="leg"':
            # "0,173 (camion frigorifique, 1 178 km)": the value, then how, on a line of its own
            for x in cells:
                value, _, how = x.partition(" (")
                how_html = f'<span class="how">{escape(how.rstrip(")"))}</span>' if how else ""
                out.append(f'<td class="num">{escape(value)}{how_html}</td>')
            out.append("</tr>")
            continue
        out += [f'<td class="num">{escape(x)}</td>' for x in cells]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


# Rules of the one-page sheet only (the shared rules above serve the report too): everything
# sized so that five options still print on one A4 page.
_SHEET_CSS = """
body.sheet { font-size: 7.5pt; line-height: 1.12; padding: 5mm; }
body.sheet h1 { font-size: 12pt; }
body.sheet p.sub { margin-bottom: 2pt; }
body.sheet h2 { font-size: 8.5pt; margin: 3pt 0 1pt 0; border-bottom-color: #009E73; }
body.sheet .top { display: grid; grid-template-columns: 11fr 9fr; gap: 6pt; align-items: start; }
body.sheet figure { margin: 0; }
body.sheet table { font-size: 6.8pt; }
body.sheet th, body.sheet td { padding: 0.6pt 3pt; }
body.sheet td.num { white-space: nowrap; }
body.sheet table tr > *:first-child { white-space: nowrap; }
body.sheet tr.leg td { font-size: 6.5pt; white-space: normal; }
body.sheet td .how { display: block; font-size: 6pt; color: #555; }
body.sheet .verdict { background: #eef7f3; border-left-color: #009E73; padding: 2pt 6pt; margin: 2pt 0; }
body.sheet .verdict p { margin: 0 0 1pt 0; font-size: 7pt; }
body.sheet .verdict .tech { font-size: 6.5pt; color: #333; }
body.sheet ul.notes { columns: 2; column-gap: 12pt; margin: 0; }
body.sheet ul.notes li { font-size: 6.5pt; }
body.sheet .map-key { font-size: 6.5pt; margin: 1pt 0 0 0; }
body.sheet .map-key .mk { white-space: nowrap; margin-right: 6pt; }
body.sheet ol.sources { font-size: 6pt; columns: 2; column-gap: 12pt; margin: 0; }
body.sheet footer { font-size: 6pt; margin-top: 2pt; }
@media print {
  body.sheet { padding: 0; }
  body.sheet table, body.sheet section { break-inside: auto; }
  @page { size: A4 portrait; margin: 8mm; }
}
"""


def _sources(c: Comparison, lang: Lang) -> str:
    """One numbered line per source, with the factors it gives (compact footer)."""
    by_source: dict[str, list[str]] = {}
    for f in factors_used(c):
        label = factor_label(f.key, lang, f.label)
        if f.source.proxy:
            label += t("html.proxy", lang)
        names = by_source.setdefault(f.source.id, [])
        if label not in names:
            names.append(label)
    for eq in c.equivalents.values():
        names = by_source.setdefault(eq.source.id, [])
        names.append(eq.label_fr if lang == "fr" else eq.label_en)
    items = []
    for sid, names in by_source.items():
        src = c.sources.get(sid)
        if src is None:
            cite = sid
        else:
            # the dataset's title up to its first bracket or colon: the footer stays compact
            dataset = src.dataset_in(lang).split(" (")[0].split(": ")[0]
            cite = f"{src.publisher_in(lang)}, {dataset} ({src.year})"
        items.append(f'<li><span class="cite">{escape(cite)}</span> — {escape(", ".join(names))}</li>')
    return '<ol class="sources">' + "".join(items) + "</ol>"


def sheet_html(comparison: Comparison, lang: Lang) -> str:
    """The whole sheet as one self-contained HTML document, laid out for one A4 page."""
    from . import pupil
    from .route_map import map_legend, route_map_svg

    c = comparison
    first = c.options[0]
    title = " / ".join(option_title(r, lang) for r in c.options)
    sub = t(
        "html.subtitle",
        lang,
        qty=number(first.quantity_kg, lang),
        dest=place_name(first.destination, lang),
        month=t(f"month.{first.month}", lang),
    )
    numbered = [(f"{i}. {option_title(r, lang)}", r) for i, r in enumerate(c.options, start=1)]
    chart = svg_stacked_bars(
        [(label, [(s, r.stages[s]) for s in STAGES]) for label, r in numbered],
        segment_labels={s: t(f"stage.{s}", lang) for s in STAGES},
        value_format=lambda x: number(x, lang),
        width_px=560,
        label_width_px=min(230, max(120, int(max(len(label) for label, _ in numbered) * _CHAR_PX) + 14)),
        bar_height_px=20,
        gap_px=6,
        patterns=STAGE_PATTERNS,
        inline_labels=True,
    )
    the_map = route_map_svg(c, lang)
    map_html = (
        f"<figure><h2>{escape(t('map.title', lang))}</h2>{the_map}{map_legend(c, lang)}</figure>"
        if the_map
        else ""
    )
    plain = "".join(f"<p>{escape(x)}</p>" for x in pupil.paragraphs(c, lang))
    # the detailed verdict for a pair; with more options the table's probability row says it
    tech = f'<p class="tech">{escape(verdict(c, lang))}</p>' if len(c.options) <= 2 else ""
    ns = notes(c, lang)
    notes_html = (
        f'<h2>{escape(t("html.notes", lang))}</h2><ul class="notes">'
        + "".join(f"<li>{escape(n)}</li>" for n in ns)
        + "</ul>"
        if ns
        else ""
    )
    footer = t("html.footer", lang, version=__version__, draws=c.draws, seed=c.seed)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('html.title', lang))} — {escape(title)}</title>"
        f'<style>{_CSS}{_SHEET_CSS}</style></head><body class="sheet">'
        f'<header><h1>{escape(title)}</h1><p class="sub">{escape(sub)}</p></header>'
        f'<section class="top"><figure><h2>{escape(t("html.chart", lang))}</h2>{chart}</figure>{map_html}</section>'
        f"<section><h2>{escape(t('html.verdict', lang))}</h2>"
        f'<div class="verdict">{plain}{tech}</div></section>'
        f"<section><h2>{escape(t('html.table', lang))}</h2>{_table(c, lang)}</section>"
        f"<section>{notes_html}</section>"
        f"<section><h2>{escape(t('html.sources', lang))}</h2>{_sources(c, lang)}</section>"
        f"<footer>{escape(footer)}</footer>"
        "</body></html>\n"
    )


def write_sheet(comparison: Comparison, lang: Lang, path: str | os.PathLike[str]) -> Path:
    """Write the sheet through the one atomic writer (:func:`footprint_cli.render.io.write_text`)."""
    return write_text(path, sheet_html(comparison, lang))


def write_html(text: str, path: str | os.PathLike[str]) -> Path:
    """Write a page (poster, quiz cards) through the one atomic writer."""
    return write_text(path, text)
