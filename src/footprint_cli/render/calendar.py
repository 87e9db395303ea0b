"""Season calendars -> Rich table, JSON, CSV and Markdown (12 month columns)."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from ..calendar import CALENDAR_STATUSES, MonthCell, ProductCalendar
from ..i18n import Lang, t
from .safe import CsvWriter

if TYPE_CHECKING:
    from rich.console import Console

SYMBOLS = {
    "in_season": "●",
    "unheated_shelter": "◐",
    "cold_storage": "❄",
    "heated_greenhouse": "▲",
    "out_of_season": "·",
    "all_year": "○",
}
STYLES = {
    "in_season": "green",
    "unheated_shelter": "green",
    "cold_storage": "cyan",
    "heated_greenhouse": "red",
    "imported": "yellow",
    "out_of_season": "grey50",
    "all_year": "grey50",
}


def honest(cal: ProductCalendar) -> ProductCalendar:
    """A product mainland France does not grow (banana, mango) is never "all year" or "in season"
    in a France calendar: each month says it is imported (and from where, when the data knows)."""
    from dataclasses import replace

    if cal.product.grown_in_france or cal.origin.code != "FR":
        return cal
    months = tuple(
        replace(c, status="imported" if c.imported_from else "out_of_season")
        if c.status in ("all_year", "in_season")
        else c
        for c in cal.months
    )
    return replace(cal, months=months)


def product_label(cal: ProductCalendar, lang: Lang) -> str:
    name = cal.product.name_fr if lang == "fr" else cal.product.name_en
    return name[:1].upper() + name[1:]


def cell_symbol(cell: MonthCell, *, full: bool = False) -> str:
    """Short cell text: a symbol, or the import origins (first one and ``+`` unless ``full``)."""
    if cell.status == "imported":
        if full or len(cell.imported_from) == 1:
            return " ".join(cell.imported_from)
        return cell.imported_from[0] + "+"
    return SYMBOLS[cell.status]


def cell_text(cell: MonthCell, lang: Lang) -> str:
    """Long cell text, in words (CSV, JSON)."""
    text = t(f"cal.status.{cell.status}", lang)
    if cell.status == "cold_storage":
        return f"{text} ({cell.storage_months})"
    if cell.status == "imported":
        return f"{text} ({', '.join(cell.imported_from)})"
    return text


def legend(lang: Lang) -> str:
    parts = [f"{SYMBOLS[s]} {t(f'cal.status.{s}', lang)}" for s in CALENDAR_STATUSES if s in SYMBOLS]
    return "  ".join(parts) + "\n" + t("cal.legend.codes", lang)


def title(cals: list[ProductCalendar], lang: Lang) -> str:
    origin = cals[0].origin if cals else None
    name = "" if origin is None else (origin.name_fr if lang == "fr" else origin.name_en)
    return t("cal.title", lang, origin=name)


def month_headers(lang: Lang) -> list[str]:
    return [t(f"cal.m.{m}", lang) for m in range(1, 13)]


# ---------------------------------------------------------------- Rich


def print_calendar(cals: list[ProductCalendar], lang: Lang, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    # twelve months of 3 characters (4 when there is room) and one space each always fit: the
    # product name gets the rest
    cell = 4 if console.width >= 12 * 5 + 16 else 3
    months_w = 12 * (cell + 1)
    product_w = max(6, min(22, console.width - months_w))
    table = Table(
        title=title(cals, lang), box=None, pad_edge=False, padding=(0, 0, 0, 1), header_style="bold"
    )
    table.add_column(t("cal.product", lang), no_wrap=True, overflow="ellipsis", max_width=product_w)
    three = {"juin": "jun", "juil": "jul"}  # June and July stay apart in three letters
    for head in month_headers(lang):
        head = head if cell == 4 else three.get(head, head[:3])
        table.add_column(head, justify="center", no_wrap=True, min_width=cell, max_width=cell)
    for cal in cals:
        table.add_row(
            product_label(cal, lang),
            *(Text(cell_symbol(c), style=STYLES[c.status]) for c in cal.months),
        )
    console.print(table)
    console.print(Text(legend(lang), style="dim"))


# ---------------------------------------------------------------- JSON, CSV, Markdown


def to_dict(cals: list[ProductCalendar], lang: Lang) -> dict[str, Any]:
    return {
        "origin": cals[0].origin.code if cals else None,
        "products": [
            {
                "product": cal.product.id,
                "name": product_label(cal, lang),
                "category": cal.product.category,
                "months": [
                    {
                        "month": c.month,
                        "status": c.status,
                        "text": cell_text(c, lang),
                        "storage_months": c.storage_months,
                        "imported_from": list(c.imported_from),
                    }
                    for c in cal.months
                ],
            }
            for cal in cals
        ],
    }


def to_json(cals: list[ProductCalendar], lang: Lang) -> str:
    return json.dumps(to_dict(cals, lang), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("product", "origin", "month", "status", "storage_months", "imported_from", "text")


def to_csv(cals: list[ProductCalendar], lang: Lang) -> str:
    buf = io.StringIO()
    w = CsvWriter(buf)  # text cells neutralised, CR/LF quoted
    w.writerow(CSV_COLUMNS)
    for cal in cals:
        for c in cal.months:
            w.writerow(
                [
                    cal.product.id,
                    cal.origin.code,
                    c.month,
                    c.status,
                    c.storage_months,
                    "|".join(c.imported_from),
                    cell_text(c, lang),
                ]
            )
    return buf.getvalue()


def to_markdown(cals: list[ProductCalendar], lang: Lang) -> str:
    head = [t("cal.product", lang), *month_headers(lang)]
    lines = [
        f"**{title(cals, lang)}**",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] + [":---:"] * 12) + "|",
    ]
    for cal in cals:
        lines.append(
            "| "
            + " | ".join([product_label(cal, lang), *(cell_symbol(c, full=True) for c in cal.months)])
            + " |"
        )
    lines.append("")
    for part in legend(lang).split("\n"):
        lines.append(part + "  ")
    return "\n".join(lines).rstrip() + "\n"
