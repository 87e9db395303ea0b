"""`footprint report`: a purchase file (CSV, xlsx, ma-cantine export) -> a carbon report."""

import datetime as _dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..i18n import Message, t
from .common import (
    CarbonPriceOpt,
    DataOpt,
    DrawsOpt,
    LangOpt,
    SeedOpt,
    echo_err,
    echo_json,
    h,
    lang_of,
    load,
)
from .output import console

MAX_CHUNK_MB = 1_000_000
"""The largest --chunks (a terabyte): beyond it the byte count overflows the reader's blocks."""


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


# output paths are taken as text: Click turns an empty --output '' into Path("."), and an empty
# name must be refused as such
OutOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help=h("opt.report.output"), metavar="FILE.csv", show_default=False),
]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: not the input file (reading it says why)
        return False


def _parse_columns(items: list[str] | None, lang: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, header = item.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise InputError(Message("rep.err.columns", value=item))
        out[name.strip()] = header.strip()
    return out


class _Progress:
    """A Rich progress bar on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, lang: Any, enabled: bool):
        self.lang = lang
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}
        if enabled:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            from ..render.safe import console

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=console(stderr=True),
                transient=True,
            )

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        task = self.tasks.get(phase)
        if task is None:
            task = self.tasks[phase] = self.bar.add_task(
                t(f"rep.phase.{phase}", self.lang), total=total or None
            )
        self.bar.update(task, completed=done, total=total or None)


def report(
    file: Annotated[
        Path,
        typer.Argument(help=h("arg.report.file"), metavar="FILE", show_default=False),
    ],
    output: OutOpt = None,
    html: Annotated[
        str | None,
        typer.Option("--html", help=h("opt.report.html"), metavar="FILE.html", show_default=False),
    ] = None,
    summary: Annotated[
        str | None,
        typer.Option("--summary", help=h("opt.report.summary"), metavar="FILE.md", show_default=False),
    ] = None,
    month: Annotated[
        int | None,
        typer.Option(
            "--month", "-m", min=1, max=12, help=h("opt.report.month"), show_default=False, metavar="1-12"
        ),
    ] = None,
    to: Annotated[str, typer.Option("--to", help=h("opt.report.to"), metavar="PLACE")] = "FR-RUNGIS",
    local: Annotated[str, typer.Option("--local", "-l", help=h("opt.report.local"), metavar="PLACE")] = "FR",
    carbon_price: CarbonPriceOpt = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help=h("opt.report.encoding"), show_default=False, metavar="ENC"),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option("--delimiter", help=h("opt.report.delimiter"), show_default=False, metavar="CHAR"),
    ] = None,
    columns: Annotated[
        list[str] | None,
        typer.Option("--columns", help=h("opt.report.columns"), show_default=False, metavar="NAME=HEADER"),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help=h("opt.report.sheet"), show_default=False, metavar="SHEET")
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option("--header-row", help=h("opt.report.header_row"), show_default=False, metavar="N", min=1),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("opt.report.strict"))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=h("opt.report.quiet"))] = False,
    top: Annotated[int, typer.Option("--top", min=1, help=h("opt.report.top"), metavar="N")] = 10,
    xlsx: Annotated[
        str | None,
        typer.Option("--xlsx", help=h("opt.report.xlsx"), metavar="FILE.xlsx", show_default=False),
    ] = None,
    meals: Annotated[
        str | None,
        typer.Option("--meals", help=h("opt.report.meals"), metavar="N|FILE.csv", show_default=False),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", help=h("opt.report.against"), metavar="FILE", show_default=False),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help=h("opt.report.format"), metavar="table|json")
    ] = ReportFormat.table,
    verbose_flags: Annotated[
        bool, typer.Option("--verbose-flags", help=h("opt.report.verbose_flags"))
    ] = False,
    chunks: Annotated[
        int | None,
        typer.Option(
            "--chunks", min=1, max=MAX_CHUNK_MB, help=h("opt.report.chunks"), metavar="MB", show_default=False
        ),
    ] = None,
    lang: LangOpt = None,
    seed: SeedOpt = 42,
    draws: DrawsOpt = 10_000,
    data: DataOpt = None,
) -> None:
    from ..batch.reader import read_purchases
    from ..batch.report import compute_report
    from ..catalog import Catalog
    from ..render import report as rr
    from ..render.io import OutputSet

    language = lang_of(lang)
    file_lang = language if lang else "fr"  # files (HTML, Markdown, CSV flags): French unless --lang
    if output is not None and output.lower().endswith(".xlsx"):
        if xlsx is not None and not _same_file(Path(output), Path(xlsx)):
            raise InputError(Message("rep.err.two_workbooks", a=str(output), b=str(xlsx)))
        output, xlsx = None, output
    given = [p for p in (output, html, summary, xlsx) if p is not None]
    outputs = OutputSet()
    for target in given:
        outputs.add(target)  # every destination checked before the work starts
    rejected_path = rr.rejected_path_for(output) if output is not None else None
    if rejected_path is not None:
        outputs.add(rejected_path)
    if given:
        outputs.set_manifest(rr.manifest_path_for(given[0]))
    for what, target in (
        ("-o", output),
        ("--html", html),
        ("--summary", summary),
        ("--xlsx", xlsx),
        (Message("rep.what.rejected"), rejected_path),
    ):
        if target is not None and _same_file(Path(target), file):
            raise InputError(
                Message("rep.err.same_file", what=what, path=target), hint=Message("rep.err.same_file.hint")
            )
    meal_counts = _parse_meals(meals, language)
    column_map = _parse_columns(columns, language)
    site_column = column_map.pop("site", None)  # read by the report's breakdowns, not the reader
    ds = load(data)
    catalog = Catalog(ds)
    settings: dict[str, Any] = dict(
        month_default=month or _dt.date.today().month,
        destination=to,
        local_place=local,
        carbon_price=carbon_price,
        draws=draws,
        seed=seed,
    )
    if chunks is not None:
        for name, value in (
            ("--html", html),
            ("--summary", summary),
            ("--xlsx", xlsx),
            ("--against", against),
            ("--meals", meals),
        ):
            if value is not None:
                raise InputError(Message("rep.err.stream_option", option=name))
        _report_in_chunks(
            file, output, rejected_path, outputs, chunks, settings, ds, catalog, language, file_lang,
            encoding=encoding, delimiter=delimiter, column_map=column_map, site_column=site_column,
            header_row=header_row,
            fmt=fmt, quiet=quiet, verbose_flags=verbose_flags, strict=strict,
        )  # fmt: skip
        return
    show_progress = not quiet and sys.stderr.isatty()
    with _Progress(language, show_progress) as progress:
        progress("read", 0, 0)
        pf = read_purchases(
            file,
            encoding=encoding,
            delimiter=delimiter,
            columns=column_map or None,
            sheet=sheet,
            header_row=header_row,
        )
        progress("read", 1, 1)
        # pf.lines is not used after this: the report frees it as it goes
        result = compute_report(pf, ds, catalog, progress=progress, consume=True, **settings)
        earlier = None
        if against is not None:
            pf_before = read_purchases(
                against, encoding=encoding, delimiter=delimiter, columns=column_map or None, sheet=sheet
            )
            earlier = compute_report(pf_before, ds, catalog, consume=True, **settings)
        from ..render import municipal

        extras = municipal.extras_of(
            result,
            ds,
            meals=meal_counts,
            against=earlier,
            site_column=site_column,
            rejected_path=_s(rejected_path) if rejected_path else (_s(xlsx) if xlsx else None),
        )
        written: list[Path] = []
        if given:
            with outputs:  # all files of the run are renamed into place together, or none
                progress("write", 0, 1)
                if output is not None:
                    rr.write_lines_csv(
                        result,
                        output,
                        file_lang,
                        ds,
                        delimiter=pf.delimiter,
                        verbose_flags=verbose_flags,
                        out=outputs,
                    )
                    # always written (header only when nothing is rejected): a stale list would mislead
                    assert rejected_path is not None
                    rr.write_rejected_csv(
                        result, rejected_path, delimiter=pf.delimiter, lang=file_lang, out=outputs
                    )
                if xlsx is not None:
                    from ..render.workbook import write_workbook

                    write_workbook(
                        result, xlsx, file_lang, ds, extras=extras, verbose_flags=verbose_flags, out=outputs
                    )
                shown = _s(rejected_path)
                if summary is not None:
                    text = rr.to_markdown(result, file_lang, ds, rejected_path=shown, extras=extras)
                    outputs.write(summary, lambda fh: fh.write(text), role="summary")
                if html is not None:
                    page = rr.to_html(result, file_lang, ds, rejected_path=shown, extras=extras)
                    outputs.write(html, lambda fh: fh.write(page), role="html")
                written = outputs.commit(rr.manifest_facts(result, file))[:-1]  # the manifest is not listed
                progress("write", 1, 1)

    if fmt is ReportFormat.json:
        from ..render.report_json import to_json

        echo_json(to_json(result, language, ds, extras), nl=False)
        for path in written:
            echo_err(t("msg.written", language, path=path))
    elif quiet:
        echo_err(rr.counts_line(result, language))
    else:
        from ..render.report_table import print_report

        print_report(result, language, console(), ds, top=top, extras=extras)
        for path in written:
            echo_err(t("msg.written", language, path=path))
    if result.rows_rejected and output is None and xlsx is None and fmt is ReportFormat.table:
        echo_err(t("rep.rejected_list", language))
        reasons = rr.reason_texts(result.rejected["reason"].to_numpy(dtype=object), language)
        for line, reason in zip(result.rejected["line"], reasons, strict=True):
            echo_err(f"  {line}: {reason}")
        echo_err(t("rep.rejected_hint", language))
    if strict and result.rows_rejected:
        echo_err(t("rep.strict", language, n=result.rows_rejected))
        raise typer.Exit(1)


def _report_in_chunks(
    file: Path,
    output: str | None,
    rejected_path: Path | None,
    outputs: Any,
    chunk_mb: int,
    settings: dict[str, Any],
    ds: Any,
    catalog: Any,
    language: Any,
    file_lang: Any,
    *,
    encoding: str | None,
    delimiter: str | None,
    column_map: dict[str, str],
    site_column: str | None,
    header_row: int | None,
    fmt: ReportFormat,
    quiet: bool,
    verbose_flags: bool,
    strict: bool,
) -> None:
    """``report --chunks MB``: the file read and computed a chunk at a time (memory bounded by the
    chunk, whatever the file's size); the totals are the same as read whole (see batch.stream).
    The rejected rows are written as the chunks are computed, the per-line CSV in a second pass
    (its flag codes number the whole file's flags)."""
    from ..batch import breakdowns, stream
    from ..batch.report import Shared
    from ..render import report as rr

    lay, first = stream.layout(
        file,
        chunk_bytes=chunk_mb << 20,
        encoding=encoding,
        delimiter=delimiter,
        columns=column_map or None,
        header_row=header_row,
    )
    site = breakdowns.site_header(first, site_column)  # type: ignore[arg-type]
    supplier = breakdowns.supplier_header(first)  # type: ignore[arg-type]
    shared = Shared()
    enc = rr.csv_encoding(first.delimiter)
    result: list[Any] = []

    def rollup(on_chunk: Any = None) -> Any:
        return stream.stream_rollup(
            lay, ds, catalog, first=first, site=site, supplier=supplier, on_chunk=on_chunk, shared=shared,
            **settings,
        )  # fmt: skip

    written: list[Path] = []
    listed: list[tuple[Any, Any]] = []  # without -o: the rejected rows, listed as the whole file's are
    if output is None:

        def keep(r: Any) -> None:
            if fmt is ReportFormat.table and len(r.rejected):
                listed.append((r.rejected["line"].to_numpy(), r.rejected["reason"].to_numpy(dtype=object)))

        result.append(rollup(keep))
    else:
        assert rejected_path is not None
        with outputs:

            def rejected(fh: Any) -> None:
                def on_chunk(r: Any) -> None:
                    rr.write_rejected_chunk(r, fh, delimiter=first.delimiter, lang=file_lang, header=not seen)
                    seen.append(True)

                seen: list[bool] = []
                result.append(rollup(on_chunk))

            outputs.write(rejected_path, rejected, encoding=enc, role="rejected")

            def lines(fh: Any) -> None:
                for i, (_pf, r) in enumerate(stream.chunk_reports(lay, ds, catalog, settings, None, shared)):
                    r.flag_counts = result[0].flag_counts  # the whole file's flag codes
                    rr.write_lines_chunk(
                        r,
                        fh,
                        file_lang,
                        ds,
                        delimiter=first.delimiter,
                        verbose_flags=verbose_flags,
                        header=i == 0,
                    )

            outputs.write(output, lines, encoding=enc, role="lines")
            written = outputs.commit(rr.manifest_facts(result[0], file))[:-1]
    ro = result[0]
    if fmt is ReportFormat.json:
        from ..render.report_json import rollup_to_json

        echo_json(rollup_to_json(ro, language, ds), nl=False)
    else:
        echo_err(rr.counts_line(ro, language))
        if not quiet:
            for label, value in rr.totals_rows_of(ro, language):
                echo_err(f"  {label} {value}")
    for path in written:
        echo_err(t("msg.written", language, path=path))
    if listed:
        echo_err(t("rep.rejected_list", language))
        for lines, reasons in listed:
            for line, reason in zip(lines, rr.reason_texts(reasons, language), strict=True):
                echo_err(f"  {line}: {reason}")
        echo_err(t("rep.rejected_hint", language))
    if strict and ro.rows_rejected:
        echo_err(t("rep.strict", language, n=ro.rows_rejected))
        raise typer.Exit(1)


def _parse_meals(text: str | None, lang: Any) -> Any:
    """``--meals``: a whole number of meals, or a meals file (see :func:`read_meals`)."""
    if text is None:
        return None
    digits = text.strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
    if digits.isdigit():
        if int(digits) <= 0:
            raise InputError(Message("rep.err.meals", value=text))
        return int(digits)
    if not Path(text).is_file():
        raise InputError(Message("rep.err.meals", value=text))
    from ..batch.breakdowns import read_meals

    return read_meals(text)


def _s(p: Path | None) -> str | None:
    return None if p is None else str(p)
