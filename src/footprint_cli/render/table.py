"""Rich table renderer for comparisons (the only place, with the CLI, that imports Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from ..engine import Comparison
from ..i18n import Lang, t
from .compare import headers, legend, notes, rows, verdict

STAGE_STYLES = {"█": "green", "▓": "cyan", "▒": "blue", "░": "red", "·": "grey50"}


def _bar_text(bar: str) -> Text:
    out = Text()
    for ch in bar:
        out.append(ch, style=STAGE_STYLES.get(ch, ""))
    return out


def _cell(text: str, style: str = "") -> Text:
    """A cell that never breaks inside a number: a leg's value, then how it travels, on two lines."""
    value, _, how = text.partition(" (")
    shown = f"{value}\n{how.rstrip(')')}" if how and value[:1].isdigit() else text
    return Text(shown, style=style, no_wrap=True, justify="right")


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
            table.add_row(Text(label, style="bold"), *(_cell(x, "bold") for x in cells))
        else:
            table.add_row(label, *(_cell(x) for x in cells))
    return table


def option_blocks(c: Comparison, lang: Lang, width: int) -> list[tuple[Table, Text]]:
    """The same rows, one small table per option: for screens too narrow for side by side."""
    from .compare import bar

    all_rows = rows(c, lang, with_bar=False)
    scale = max(r.total_kg_co2e for r in c.options)
    bar_w = max(8, width - 2)
    head = headers(c, lang)
    tables = []
    total_label = t("row.total", lang)
    for i, r in enumerate(c.options):
        table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
        table.title = f"{i + 1}. {head[i + 1]}"
        table.title_justify = "left"
        table.title_style = "bold"
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        for label, cells in all_rows:
            style = "bold" if label.startswith(total_label) else ""
            value, _, how = cells[i].partition(" (")
            if how and value[:1].isdigit():
                table.add_row(Text(label, style=style), Text(value, style=style))
                table.add_row("", Text(how.rstrip(")"), style="dim"))
            elif cells[i]:
                table.add_row(Text(label, style=style), Text(cells[i], style=style))
        tables.append((table, _bar_text(bar(r, scale, bar_w))))
    return tables


def rendered_if_it_fits(console: Console, table: Table) -> Segments | None:
    """``table`` rendered at the width it needs (not clamped to the screen), ready to print, or
    ``None`` when that is wider than the screen.

    Rendering once and printing the result gives the lines ``console.print(table)`` would give
    (without ``expand`` a table takes the width it needs, whatever the width offered) for a third
    of the measuring: asking Rich for the table's width first, then printing it, measured every
    cell three times, the largest part of printing a comparison."""
    lines = console.render_lines(table, console.options.update_width(10_000), pad=False, new_lines=True)
    if max((Segment.get_line_length(line) for line in lines), default=0) > console.width:
        return None
    return Segments([segment for line in lines for segment in line])


def print_comparison(c: Comparison, lang: Lang, console: Console, *, sources: bool = False) -> None:
    table = comparison_table(c, lang)
    rendered = rendered_if_it_fits(console, table)
    if rendered is not None:
        console.print(rendered)
    else:  # side by side would break numbers or cut bars: one block per option
        for block, bar_line in option_blocks(c, lang, console.width):
            console.print(block)
            console.print(bar_line)
            console.print()
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


def print_pupil(c: Comparison, lang: Lang, console: Console) -> None:
    """The pupil view: three stages, two significant digits, a bar per option, plain sentences."""
    from . import pupil

    head = pupil.headers(c, lang)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 1))
    table.add_column(head[0], no_wrap=True)
    for h in head[1:]:
        table.add_column(h, justify="right")
    for label, cells in pupil.rows(c, lang):
        style = "bold" if label == t("pupil.total", lang) else ""
        table.add_row(Text(label, style=style), *(Text(x, style=style, no_wrap=True) for x in cells))
    rendered = rendered_if_it_fits(console, table)
    if rendered is not None:
        console.print(rendered)
    else:  # too narrow for side by side: one small table per option
        for i, name in enumerate(head[1:]):
            block = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
            block.title, block.title_justify, block.title_style = f"{i + 1}. {name}", "left", "bold"
            block.add_column(no_wrap=True)
            block.add_column(justify="right", no_wrap=True)
            for label, cells in pupil.rows(c, lang):
                block.add_row(label, cells[i])
            console.print(block)
    # one bar per option, on its own line so that it is never cut: scaled to the width
    scale = max(r.total_kg_co2e for r in c.options)
    width = max(8, min(40, console.width - 12))
    for i, (r, name) in enumerate(zip(c.options, head[1:], strict=True), start=1):
        console.print(Text(f"{i}. {name}", style="bold"), highlight=False)
        console.print(_bar_text(_pupil_bar(pupil.three_stages(r), scale, width)))
    console.print(Text(t("pupil.legend", lang), style="dim"))
    console.print()
    for sentence in pupil.sentences(c, lang):
        console.print(sentence, highlight=False)
    if c.equivalents:
        console.print(Text(pupil.equivalent_sources(c, lang), style="dim"), highlight=False)


def _pupil_bar(groups: dict[str, float], scale: float, width: int) -> str:
    chars = {"production": "█", "transport": "░", "rest": "▒"}
    out, acc, drawn = [], 0.0, 0
    for group, value in groups.items():
        acc += value
        upto = round(width * acc / scale) if scale > 0 else 0
        out.append(chars[group] * max(0, upto - drawn))
        drawn = max(drawn, upto)
    return "".join(out)
