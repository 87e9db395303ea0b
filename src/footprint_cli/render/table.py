"""Rich table renderer for comparisons (the only place, with the CLI, that imports Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine import Comparison
from ..i18n import Lang, t
from .compare import headers, legend, notes, rows, verdict
from .safe import plain_text

STAGE_STYLES = {"█": "green", "▓": "cyan", "▒": "blue", "░": "red", "·": "grey50"}


def _bar_text(bar: str) -> Text:
    out = Text()
    for ch in bar:
        out.append(ch, style=STAGE_STYLES.get(ch, ""))
    return out


def comparison_table(c: Comparison, lang: Lang) -> Table:
    head = headers(c, lang)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 1))
    table.add_column(head[0], no_wrap=True)
    for h in head[1:]:
        table.add_column(h, justify="right")
    bar_label = t("row.bar", lang)
    total_label = t("row.total", lang)
    for label, cells in rows(c, lang):
        if label == bar_label:
            table.add_row(label, *(_bar_text(b) for b in cells), style=None)
        elif label.startswith(total_label):
            table.add_row(plain_text(label, "bold"), *(plain_text(x, "bold") for x in cells))
        else:
            table.add_row(label, *cells)
    return table


def print_comparison(c: Comparison, lang: Lang, console: Console, *, sources: bool = False) -> None:
    console.print(comparison_table(c, lang))
    console.print(Text(legend(lang), style="dim"))
    console.print()
    console.print(verdict(c, lang))
    ns = notes(c, lang)
    if ns:
        console.print()
        console.print(Text(t("row.notes", lang), style="bold"))
        for n in ns:
            console.print(f"  • {n}", highlight=False)
    if sources:
        from .sources import source_lines

        console.print()
        console.print(Text(t("row.sources", lang), style="bold"))
        for line in source_lines(c, lang):
            console.print(f"  {line}", highlight=False, soft_wrap=True)
