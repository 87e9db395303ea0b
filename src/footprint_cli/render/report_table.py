"""The batch report's terminal summary (Rich), from the same sections as Markdown and HTML."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from ..i18n import Lang, t
from .report import (
    context_line,
    counts_line,
    coverage_lines,
    family_label,
    flag_rows,
    note_text,
    rejection_groups,
    scope_label,
    share_rows,
    shares_lines,
    stage_rows,
    top_rows,
    totals_rows,
    what_if_rows,
)
from .safe import plain_text

if TYPE_CHECKING:  # pragma: no cover
    from ..batch.report import Report
    from ..model.loader import Dataset
    from .municipal import Extras


class _Fitted:
    """A report table that keeps every number on one line: on a screen too narrow for it, the
    numeric columns' headers are folded to the width of their numbers and the text columns wrap,
    rather than a number being cut across lines; narrower still, one block per row (its label,
    then one "header value" line per number)."""

    def __init__(self, title: str, head: list[str], rows: list[list[str]], right_from: int) -> None:
        self.title, self.head, self.rows, self.right_from = title, head, rows, right_from

    def table(self, *, fold: bool) -> Table:
        table = Table(
            title=self.title,
            title_justify="left",
            title_style="bold",
            box=None,
            pad_edge=False,
            padding=(0, 1),
            header_style="bold",
        )
        for i, h in enumerate(self.head):
            if i < self.right_from:
                table.add_column(h, justify="left", overflow="fold")
                continue
            widest = max((len(row[i]) for row in self.rows if i < len(row)), default=1)
            folded = textwrap.fill(h, max(widest, 1), break_long_words=False) if fold else h
            table.add_column(folded, justify="right", no_wrap=True)
        for row in self.rows:
            style = "dim" if row and row[0].startswith("  ") else None
            table.add_row(*row, style=style)
        return table

    def min_width(self, *, fold: bool = False) -> int:
        """Columns needed: each text column as narrow as its longest word, each numeric column as
        wide as its widest number and its header (on one line, or its longest word if folded)."""
        widths = []
        for i, h in enumerate(self.head):
            cells = [row[i] for row in self.rows if i < len(row)]
            if i < self.right_from:
                widths.append(max((cell_len(w) for c in [h, *cells] for w in c.split()), default=0))
            else:
                header = max((cell_len(w) for w in h.split()), default=0) if fold else cell_len(h)
                widths.append(max([header, *(cell_len(c) for c in cells)]))
        return sum(widths) + 2 * (len(widths) - 1)

    def blocks(self) -> Table:
        table = Table(title=self.title, title_justify="left", title_style="bold", box=None, show_header=False)
        table.add_column(overflow="fold")
        table.add_column(justify="right", no_wrap=True)
        for row in self.rows:
            label = " ".join(c for c in row[: self.right_from] if c.strip()) or "—"
            table.add_row(Text(label, style="bold"), "")
            for h, value in zip(self.head[self.right_from :], row[self.right_from :], strict=False):
                table.add_row(f"  {h}", value)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.min_width() <= options.max_width:
            yield self.table(fold=False)
        elif self.min_width(fold=True) <= options.max_width:
            yield self.table(fold=True)
        else:
            yield self.blocks()


def _table(title: str, head: list[str], rows: list[list[str]], right_from: int = 1) -> _Fitted:
    return _Fitted(title, head, rows, right_from)


def print_report(
    r: Report,
    lang: Lang,
    console: Console,
    data: Dataset | None = None,
    *,
    top: int = 10,
    extras: Extras | None = None,
) -> None:
    """Print the summary: totals, breakdowns, top lines, what-ifs, shares and flags."""
    console.print(Text(t("rep.title", lang), style="bold"))
    console.print(counts_line(r, lang), highlight=False)
    for i, line in enumerate(coverage_lines(r, lang)):
        console.print(Text(line, style="bold" if i == 0 else ""))
    groups = rejection_groups(r, lang)
    if groups:
        console.print(t("rep.coverage.rejected", lang), highlight=False)
        for text, n in groups:
            console.print(f"  • [{n}] {text}", highlight=False, markup=False)
    console.print(plain_text(context_line(r, lang, data), "dim"))
    console.print()
    console.print(_table(t("rep.totals", lang), ["", ""], [[a, b] for a, b in totals_rows(r, lang)]))
    console.print()
    console.print(_table(t("rep.by_stage", lang), *stage_rows(r, lang)))
    console.print()
    console.print(_table(t("rep.by_family", lang), *share_rows(r.by_family, lang, family_label)))
    console.print()
    console.print(_table(t("rep.by_scope", lang), *share_rows(r.by_scope, lang, scope_label)))
    if extras is not None:
        _print_extras(r, lang, console, data, extras)
    if r.rows_computed:
        console.print()
        head, rows = top_rows(r, lang, data, top)
        console.print(_table(t("rep.top", lang, n=len(rows)), head, rows, right_from=4))
    console.print()
    if r.what_ifs:
        console.print(_table(t("rep.what_ifs", lang), *what_if_rows(r, lang, data)))
        console.print(Text(t("rep.whatif.help", lang), style="dim"))
    else:
        console.print(Text(t("rep.what_ifs", lang), style="bold"))
        console.print(t("rep.whatif.none", lang), highlight=False)
    shares = shares_lines(r, lang)
    if shares:
        console.print()
        console.print(Text(t("rep.shares", lang), style="bold"))
        for s in shares:
            console.print(f"  • {s}", highlight=False)
    flags = flag_rows(r, lang)
    if flags:
        console.print()
        console.print(Text(t("rep.flags", lang), style="bold"))
        for text, n in flags:
            console.print(f"  • [{n}] {text}", highlight=False, markup=False)
    if r.notes:
        console.print()
        console.print(Text(t("rep.notes", lang), style="bold"))
        for n in r.notes:
            console.print(f"  • {note_text(n, lang)}", highlight=False, markup=False)


def _print_extras(r: Report, lang: Lang, console: Console, data: Dataset | None, x: Extras) -> None:
    """Per meal, per site, per supplier, month by month, protein balance and year on year."""
    from . import municipal as m

    if x.per_meal is not None:
        console.print()
        rows = [[a, b] for a, b in m.per_meal_rows(x.per_meal, lang)]
        console.print(_table(t("mun.per_meal.title", lang), ["", ""], rows))
        warn = m.uncovered_text(x, lang)
        if warn:
            console.print(Text(warn, style="bold"))
    for (column, groups), key, pm in (
        (x.sites, "mun.by_site", x.meals_by_site),
        (x.suppliers, "mun.by_supplier", None),
    ):
        if column and groups:
            console.print()
            console.print(_table(t(key, lang, column=column), *m.group_rows(groups, lang, per_meal=pm)))
    if len(x.months) > 1:
        console.print()
        rows = m.group_rows(x.months, lang, m.month_label, x.meals_by_month)
        console.print(_table(t("mun.by_month", lang), *rows))
    if x.protein.animal_kg + x.protein.plant_kg > 0:
        console.print()
        console.print(_table(t("mun.protein", lang), *m.protein_rows(x.protein, lang)))
    if x.year_on_year is not None:
        console.print()
        console.print(Text(t("mun.yoy", lang), style="bold"))
        console.print(m.yoy_summary(x.year_on_year, lang), highlight=False)
        for title, head, rows in m.yoy_tables(x.year_on_year, lang, data, top=5):
            console.print(_table(title, head, rows))
