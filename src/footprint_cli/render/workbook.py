"""The batch report as an Excel workbook (``-o rapport.xlsx`` or ``--xlsx``), with openpyxl.

Sheets: summary, breakdowns, per-line, rejected, assumptions (names in the report's language).
Numbers are written as numbers with number formats (``#,##0.00``...): Excel and LibreOffice
display them in the reader's locale, so a French spreadsheet shows ``1 234,56``. Text cells are
written with an explicit string type: openpyxl would store a text starting with ``=`` as a
formula, and a purchase file's cell must never run as one (``=HYPERLINK(...)``, ``@cmd``...).

The workbook is built in openpyxl's write-only mode (rows are streamed to the file, memory stays
flat) and written atomically (a temporary file beside the target, then renamed).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..engine import STAGES
from ..errors import InputError
from ..i18n import Lang, Message, t
from .compare import number
from .io import OutputSet, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..batch.report import Report
    from ..model.loader import Dataset
    from .municipal import Extras

__all__ = ["MAX_ROWS", "write_workbook"]

MAX_ROWS = 1_048_576
"""Rows of an Excel sheet (the header takes one)."""

FMT_KG = "#,##0.0"
FMT_EUR = "#,##0.00"
FMT_SHARE = "0%"
FMT_INT = "#,##0"
FMT_RATIO = "0.000"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Sheet:
    """A write-only sheet: rows of values, text typed as text, numbers with a format."""

    def __init__(self, wb: Any, title: str):
        self.ws = wb.create_sheet(title=title[:31])

    def cell(self, value: Any, fmt: str | None = None, bold: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        if value is None:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, str):
            if not value.startswith(_FORMULA_START) and not bold:
                return value
            c = WriteOnlyCell(self.ws, value=value)
            c.data_type = "s"  # never a formula
        else:
            c = WriteOnlyCell(self.ws, value=value)
            if fmt:
                c.number_format = fmt
        if bold:
            c.font = Font(bold=True)
        return c

    def row(self, values: list[Any], fmts: list[str | None] | None = None, bold: bool = False) -> None:
        fmts = fmts or [None] * len(values)
        self.ws.append([self.cell(v, f, bold) for v, f in zip(values, fmts, strict=True)])

    def blank(self) -> None:
        self.ws.append([])

    def widths(self, *widths: float) -> None:
        from openpyxl.utils import get_column_letter

        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w


def _summary(wb: Any, r: Report, lang: Lang, data: Dataset | None, x: Extras | None) -> None:
    from .municipal import plain_paragraphs

    s = _Sheet(wb, t("xl.sheet.summary", lang))
    s.widths(48, 18, 16)
    s.row([t("rep.title", lang)], bold=True)
    s.row([f"{t('rep.file', lang)} : {Path(r.path).name}" if lang == "fr" else f"File: {Path(r.path).name}"])
    if x is not None and data is not None:
        for p in plain_paragraphs(r, lang, data, x):
            s.row([p])
    s.blank()
    s.row([t("xl.col.item", lang), t("xl.col.value", lang), t("xl.col.unit", lang)], bold=True)
    lines = t("xl.lines_unit", lang)
    rows: list[tuple[str, Any, str, str]] = [
        (t("xl.rows_read", lang), r.rows_read, lines, FMT_INT),
        (t("xl.rows_computed", lang), r.rows_computed, lines, FMT_INT),
        (t("xl.rows_rejected", lang), r.rows_rejected, lines, FMT_INT),
        (t("rep.total_kg", lang), r.total_kg, "kg", FMT_KG),
        (t("rep.total_co2e", lang), r.total_kg_co2e, "kg CO2e", FMT_KG),
        (t("xl.interval_low", lang), r.interval_kg_co2e[0], "kg CO2e", FMT_KG),
        (t("xl.interval_high", lang), r.interval_kg_co2e[1], "kg CO2e", FMT_KG),
        (t("rep.per_kg", lang), r.kg_co2e_per_kg, "kg CO2e/kg", FMT_RATIO),
    ]
    if r.amount_eur > 0:
        rows.append((t("rep.amount", lang), r.amount_eur, "€", FMT_EUR))
    rows += [
        (t("rep.price_model", lang), r.price_model_eur, "€", FMT_EUR),
        (t("xl.carbon_price", lang), r.carbon_price_eur_per_t, "€/t CO2e", FMT_EUR),
        (
            t("rep.carbon_cost", lang, price=number(r.carbon_price_eur_per_t, lang)),
            r.carbon_cost_eur,
            "€",
            FMT_EUR,
        ),
    ]
    if x is not None and x.per_meal is not None:
        pm = x.per_meal
        rows += [
            (t("mun.per_meal.meals", lang), pm.meals, t("xl.meals_unit", lang), FMT_INT),
            (t("mun.per_meal.co2e", lang), pm.kg_co2e, "kg CO2e", FMT_RATIO),
            (t("xl.interval_low", lang), pm.interval_kg_co2e[0], "kg CO2e", FMT_RATIO),
            (t("xl.interval_high", lang), pm.interval_kg_co2e[1], "kg CO2e", FMT_RATIO),
            (t("mun.per_meal.kg", lang), pm.kg, "kg", FMT_RATIO),
        ]
        if pm.amount_eur is not None:
            rows.append((t("mun.per_meal.spend", lang), pm.amount_eur, "€", FMT_EUR))
        rows.append((t("mun.per_meal.cost", lang), pm.carbon_cost_eur, "€", FMT_EUR))
    for label, value, unit, fmt in rows:
        s.row([label, value, unit], [None, fmt, None])
    s.blank()
    s.row([t("rep.by_stage", lang), "kg CO2e", t("rep.col.share", lang)], bold=True)
    total = r.total_kg_co2e or 1.0
    for st in STAGES:
        v = r.stages_kg_co2e[st]
        s.row([t(f"stage.{st}", lang), v, v / total], [None, FMT_KG, FMT_SHARE])


def _group_block(
    s: _Sheet,
    title: str,
    lang: Lang,
    items: list[tuple[str, int, float, float, float, float]],
    per_meal: list[float | None] | None = None,
) -> None:
    """(label, lines, kg, kg CO2e, share, euros) rows under a title and a header, and the kg CO2e
    per meal of each row when the meals are known."""
    s.row([title], bold=True)
    head = [
        t("rep.col.group", lang) or "—",
        t("rep.col.lines", lang),
        "kg",
        "kg CO2e",
        t("rep.col.share", lang),
        t("rep.col.eur", lang),
    ]
    s.row(head + ([t("mun.col.per_meal", lang)] if per_meal else []), bold=True)
    fmts = [None, FMT_INT, FMT_KG, FMT_KG, FMT_SHARE, FMT_EUR]
    for i, (label, lines, kg, co2e, share, eur) in enumerate(items):
        if per_meal:
            s.row([label, lines, kg, co2e, share, eur, per_meal[i]], [*fmts, FMT_RATIO])
        else:
            s.row([label, lines, kg, co2e, share, eur], fmts)
    s.blank()


def _breakdowns(wb: Any, r: Report, lang: Lang, data: Dataset | None, x: Extras | None) -> None:
    from .municipal import group_label, month_label
    from .report import family_label, product_label, scope_label, what_if_title

    s = _Sheet(wb, t("xl.sheet.breakdowns", lang))
    s.widths(48, 12, 14, 14, 12, 14, 14)

    def shares(items: Any, label: Any) -> list[tuple[str, int, float, float, float, float]]:
        return [(label(g.key, lang), g.lines, g.kg, g.kg_co2e, g.share, g.amount_eur) for g in items]

    _group_block(s, t("rep.by_family", lang), lang, shares(r.by_family, family_label))
    _group_block(s, t("rep.by_scope", lang), lang, shares(r.by_scope, scope_label))
    if x is not None:
        for (column, groups), key, pm in (
            (x.sites, "mun.by_site", x.meals_by_site),
            (x.suppliers, "mun.by_supplier", {}),
        ):
            if column and groups:
                meal_values = [pm.get(g.key) for g in groups] if pm else None
                _group_block(s, t(key, lang, column=column), lang, shares(groups, group_label), meal_values)
        if x.months:
            meal_values = [x.meals_by_month.get(g.key) for g in x.months] if x.meals_by_month else None
            _group_block(s, t("mun.by_month", lang), lang, shares(x.months, month_label), meal_values)
        p = x.protein
        if p.animal_kg + p.plant_kg > 0:
            s.row([t("mun.protein", lang)], bold=True)
            s.row(
                [
                    t("rep.col.group", lang) or "—",
                    "kg",
                    t("mun.protein.col.kg_share", lang),
                    t("rep.col.eur", lang),
                    t("mun.protein.col.eur_share", lang),
                    "kg CO2e",
                ],
                bold=True,
            )
            fm = [None, FMT_KG, FMT_SHARE, FMT_EUR, FMT_SHARE, FMT_KG]
            s.row(
                [t("mun.protein.animal", lang), p.animal_kg, p.animal_share_kg, p.animal_eur, p.animal_share_eur,
                 p.animal_kg_co2e],
                fm,
            )  # fmt: skip
            s.row(
                [t("mun.protein.plant", lang), p.plant_kg, p.plant_share_kg, p.plant_eur, p.plant_share_eur,
                 p.plant_kg_co2e],
                fm,
            )  # fmt: skip
            s.row([t("mun.protein.help", lang)])
            s.blank()
    if r.what_ifs:
        s.row([t("rep.what_ifs", lang)], bold=True)
        s.row(
            [
                t("rep.col.whatif", lang),
                t("rep.col.n", lang),
                "kg",
                t("xl.whatif.before", lang),
                t("xl.whatif.after", lang),
                t("rep.col.saving", lang),
                t("xl.interval_low.short", lang),
                t("xl.interval_high.short", lang),
                t("rep.col.prob", lang),
            ],
            bold=True,
        )
        for w in r.what_ifs:
            s.row(
                [what_if_title(w, lang, data), w.lines, w.kg, w.baseline_kg_co2e, w.alternative_kg_co2e,
                 w.saving_kg_co2e, *w.saving_interval_kg_co2e, w.prob_saving],
                [None, FMT_INT, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_SHARE],
            )  # fmt: skip
        s.blank()
    if x is not None and x.year_on_year is not None:
        y = x.year_on_year
        s.row([t("mun.yoy", lang)], bold=True)
        s.row(
            [
                t("rep.col.group", lang) or "—",
                t("mun.yoy.col.before", lang),
                t("mun.yoy.col.after", lang),
                t("mun.yoy.col.change", lang),
                t("xl.interval_low.short", lang),
                t("xl.interval_high.short", lang),
                t("xl.prob_increase", lang),
            ],
            bold=True,
        )
        s.row(
            [t("rep.all", lang), y.before_kg_co2e, y.after_kg_co2e, y.change_kg_co2e,
             *y.change_interval_kg_co2e, y.prob_increase],
            [None, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_SHARE],
        )  # fmt: skip
        for title, changes, label in (
            (t("mun.yoy.by_family", lang), y.by_family, family_label),
            (t("mun.yoy.by_scope", lang), y.by_scope, scope_label),
            (t("mun.yoy.by_stage", lang), y.by_stage, lambda k, lg: t(f"stage.{k}", lg)),
            (t("mun.yoy.by_product", lang), y.by_product, lambda k, lg: product_label(data, k, lg)),
        ):
            s.row([title], bold=True)
            for c in changes:
                iv = c.change_interval_kg_co2e or (None, None)
                s.row(
                    [label(c.key, lang), c.before_kg_co2e, c.after_kg_co2e, c.change_kg_co2e, *iv],
                    [None, FMT_KG, FMT_KG, FMT_KG, FMT_KG, FMT_KG],
                )
        s.row([t("mun.yoy.help", lang)])


def _frame_rows(s: _Sheet, frame: Any) -> None:
    """A DataFrame as a header and rows: numbers as numbers, missing values as empty cells."""
    import numpy as np

    s.row([str(c) for c in frame.columns], bold=True)
    columns = []
    for c in frame.columns:
        col = frame[c]
        if col.dtype.kind in "fiub" and isinstance(col.dtype, np.dtype):
            columns.append(col.to_numpy().tolist())
        else:
            values = col.astype(object).to_numpy()
            columns.append([None if v is None or (isinstance(v, float) and v != v) else v for v in values])
    for values in zip(*columns, strict=True):
        s.ws.append([s.cell(v) if isinstance(v, str | float) else v for v in values])


def _lines(wb: Any, r: Report, lang: Lang, data: Dataset | None, verbose_flags: bool) -> None:
    from .report import lines_frame

    s = _Sheet(wb, t("xl.sheet.lines", lang))
    _frame_rows(s, lines_frame(r, lang, data, verbose_flags=verbose_flags, csv_safe=False))


def _rejected(wb: Any, r: Report, lang: Lang) -> None:
    from .report import reason_texts

    s = _Sheet(wb, t("xl.sheet.rejected", lang))
    frame = r.rejected.copy()
    frame["reason"] = reason_texts(frame["reason"].to_numpy(dtype=object), lang)
    _frame_rows(s, frame)


def _assumptions(wb: Any, r: Report, lang: Lang, data: Dataset | None) -> None:
    from .municipal import flag_legend
    from .report import context_line

    s = _Sheet(wb, t("xl.sheet.assumptions", lang))
    s.widths(8, 100, 10)
    s.row([t("mun.flags.legend", lang)], bold=True)
    s.row([t("mun.col.code", lang), t("rep.col.flag", lang), t("rep.col.n", lang)], bold=True)
    for code, text, n in flag_legend(r, lang).entries:
        s.row([code, text, n], [None, None, FMT_INT])
    if r.notes:
        s.blank()
        s.row([t("rep.notes", lang)], bold=True)
        for n in r.notes:
            s.row(["", i18n.text(n, lang)])
    s.blank()
    s.row([t("mun.method", lang)], bold=True)
    s.row(["", context_line(r, lang, data)])
    s.row(["", t("rep.footer", lang, version=_version())])


def _version() -> str:
    from .. import __version__

    return __version__


def workbook_bytes(
    r: Report,
    lang: Lang,
    data: Dataset | None = None,
    *,
    extras: Extras | None = None,
    verbose_flags: bool = False,
) -> bytes:
    """The report as an .xlsx workbook (summary, breakdowns, per-line, rejected, assumptions)."""
    import io

    from openpyxl import Workbook

    if r.rows_computed + 1 > MAX_ROWS or r.rows_rejected + 1 > MAX_ROWS:
        n = max(r.rows_computed, r.rows_rejected)
        raise InputError(Message("xl.err.too_many_rows", n=n, max=MAX_ROWS - 1))
    wb = Workbook(write_only=True)
    _summary(wb, r, lang, data, extras)
    _breakdowns(wb, r, lang, data, extras)
    _lines(wb, r, lang, data, verbose_flags)
    _rejected(wb, r, lang)
    _assumptions(wb, r, lang, data)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_workbook(
    r: Report,
    path: str | os.PathLike[str],
    lang: Lang,
    data: Dataset | None = None,
    *,
    extras: Extras | None = None,
    verbose_flags: bool = False,
    out: OutputSet | None = None,
) -> Path:
    """Write the report as an .xlsx workbook through the one atomic writer (as part of ``out``,
    the run's set of files, when given)."""
    data_bytes = workbook_bytes(r, lang, data, extras=extras, verbose_flags=verbose_flags)

    def write(fh: Any) -> None:
        fh.flush()
        fh.buffer.write(data_bytes)

    if out is not None:
        return out.write(path, write, role="xlsx")
    return write_atomic(path, write)
