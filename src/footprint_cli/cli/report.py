"""`footprint report`: a purchase file (CSV, xlsx, ma-cantine export) -> a carbon report."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import i18n

i18n.register(
    {
        "cmd.report": (
            "Bilan carbone d'un fichier d'achats (CSV, Excel .xlsx, export ma-cantine) : chiffres par ligne, "
            "totaux, répartition par famille, origine et étape, et économies possibles, avec l'incertitude.",
            "Carbon report of a purchases file (CSV, Excel .xlsx, ma-cantine export): per-line figures, "
            "totals, breakdowns by family, origin and stage, and possible savings, with uncertainty.",
        ),
        "arg.report.file": (
            "Fichier d'achats : CSV (séparateur , ; ou tabulation, détecté) ou .xlsx.",
            "Purchases file: CSV (separator , ; or tab, detected) or .xlsx.",
        ),
        "opt.report.output": (
            "CSV par ligne à écrire (colonnes d'entrée, puis produit et origine reconnus, kg, kg CO2e par "
            "étape, total et intervalle, prix, coût carbone, hypothèses). Les lignes rejetées vont dans "
            "NOM.rejected.csv à côté.",
            "Per-line CSV to write (input columns, then matched product and origin, kg, kg CO2e per stage, "
            "total and interval, price, carbon cost, flags). Rejected rows go to NAME.rejected.csv "
            "beside it.",
        ),
        "opt.report.html": (
            "Écrit aussi le rapport HTML autonome et imprimable (graphiques SVG intégrés, "
            "français par défaut).",
            "Also write the self-contained, printable HTML report (inline SVG charts, French by default).",
        ),
        "opt.report.summary": ("Écrit aussi le résumé en Markdown.", "Also write the summary as Markdown."),
        "opt.report.month": (
            "Mois des lignes sans date, 1 à 12 (défaut : ce mois-ci).",
            "Month of lines without a date, 1-12 (default: this month).",
        ),
        "opt.report.to": (
            "Lieu de consommation en France : votre ville, département ou région "
            "(défaut : marché de Rungis).",
            "Where the food is eaten in France: your city, department or region (default: Rungis market).",
        ),
        "opt.report.local": (
            "L'origine « locale » du scénario « local au lieu d'importé » (défaut : France).",
            "The 'local' origin of the 'local instead of imported' what-if (default: France).",
        ),
        "opt.report.encoding": (
            "Encodage du fichier (défaut : détecté ; ex. utf-8, cp1252).",
            "File encoding (default: detected; e.g. utf-8, cp1252).",
        ),
        "opt.report.delimiter": (
            "Séparateur du CSV (défaut : détecté).",
            "CSV separator (default: detected).",
        ),
        "opt.report.columns": (
            "Colonne du fichier pour une colonne attendue, ex. --columns label=Article --columns "
            "quantity='Poids net' (répétable ; label, quantity, unit, amount, origin, mode, date, month, "
            "organic, local, supplier, family).",
            "File column for an expected column, e.g. --columns label=Article "
            "--columns quantity='Net weight' (repeatable; label, quantity, unit, amount, origin, mode, "
            "date, month, organic, local, supplier, family).",
        ),
        "opt.report.sheet": (
            "Feuille d'un classeur .xlsx (nom ou numéro à partir de 0).",
            "Sheet of an .xlsx workbook (name, or number from 0).",
        ),
        "opt.report.strict": (
            "Code de sortie non nul si une ligne est rejetée.",
            "Exit non-zero when any row is rejected.",
        ),
        "opt.report.quiet": (
            "Pas de barre de progression ni de résumé à l'écran (seulement le décompte des lignes).",
            "No progress bar and no on-screen summary (only the row counts).",
        ),
        "opt.report.top": (
            "Nombre de lignes les plus émettrices à lister.",
            "Number of top-emitting lines to list.",
        ),
        "rep.err.same_file": (
            "{what} ({path}) est le fichier d'entrée : il ne sera pas écrasé",
            "{what} ({path}) is the input file: it will not be overwritten",
        ),
        "rep.err.two_outputs": (
            "{a} et {b} désignent le même fichier ({path})",
            "{a} and {b} name the same file ({path})",
        ),
        "rep.err.bad_output": (
            "{what} : impossible d'écrire {path} (répertoire absent, ou c'est un répertoire)",
            "{what}: cannot write {path} (no such directory, or it is a directory)",
        ),
        "rep.err.same_file.hint": (
            "choisissez un autre nom, ex. -o rapport.csv",
            "choose another name, e.g. -o report.csv",
        ),
        "rep.err.columns": (
            "--columns attend NOM=EN-TÊTE, reçu {value!r}",
            "--columns expects NAME=HEADER, got {value!r}",
        ),
        "rep.strict": (
            "--strict : {n} ligne(s) rejetée(s)",
            "--strict: {n} row(s) rejected",
        ),
        "rep.rejected_list": ("Lignes rejetées (ligne : raison) :", "Rejected rows (line: reason):"),
        "rep.rejected_hint": (
            "(donnez -o FICHIER.csv pour les avoir dans FICHIER.rejected.csv)",
            "(give -o FILE.csv to get them in FILE.rejected.csv)",
        ),
        "rep.phase.read": ("Lecture", "Reading"),
        "rep.phase.match": ("Reconnaissance des libellés", "Matching labels"),
        "rep.phase.compute": ("Calcul", "Computing"),
        "rep.phase.what-ifs": ("Scénarios", "What-ifs"),
        "rep.phase.write": ("Écriture", "Writing"),
    }
)

from ..errors import InputError  # noqa: E402
from ..i18n import t  # noqa: E402
from .common import (  # noqa: E402
    CarbonPriceOpt,
    DataOpt,
    DrawsOpt,
    LangOpt,
    SeedOpt,
    echo_err,
    h,
    lang_of,
    load,
)

OutOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=h("opt.report.output"), metavar="FILE.csv", show_default=False),
]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _parse_columns(items: list[str] | None, lang: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, header = item.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise InputError(t("rep.err.columns", lang, value=item))
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

    def __enter__(self) -> _Progress:
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
        Path | None,
        typer.Option("--html", help=h("opt.report.html"), metavar="FILE.html", show_default=False),
    ] = None,
    summary: Annotated[
        Path | None,
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
    strict: Annotated[bool, typer.Option("--strict", help=h("opt.report.strict"))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=h("opt.report.quiet"))] = False,
    top: Annotated[int, typer.Option("--top", min=1, help=h("opt.report.top"), metavar="N")] = 10,
    lang: LangOpt = None,
    seed: SeedOpt = 42,
    draws: DrawsOpt = 10_000,
    data: DataOpt = None,
) -> None:
    from ..batch.reader import read_purchases
    from ..batch.report import compute_report
    from ..catalog import Catalog
    from ..render import report as rr

    language = lang_of(lang)
    file_lang = language if lang else "fr"  # files (HTML, Markdown, CSV flags): French unless --lang
    rejected_path = rr.rejected_path_for(output) if output else None
    for what, target in (
        ("-o", output),
        ("--html", html),
        ("--summary", summary),
        ("rejected", rejected_path),
    ):
        if target is not None and _same_file(Path(target), file):
            raise InputError(
                t("rep.err.same_file", language, what=what, path=target),
                hint=t("rep.err.same_file.hint", language),
            )
    outputs = [(w, Path(x)) for w, x in (("-o", output), ("--html", html), ("--summary", summary)) if x]
    for i, (what, target) in enumerate(outputs):
        for other, other_target in outputs[i + 1 :]:
            if target.resolve() == other_target.resolve():
                raise InputError(
                    t("rep.err.two_outputs", language, a=what, b=other, path=str(target)),
                    hint=t("rep.err.same_file.hint", language),
                )
        parent = target.resolve().parent
        if target.is_dir() or not parent.is_dir():
            raise InputError(t("rep.err.bad_output", language, what=what, path=str(target)))
    column_map = _parse_columns(columns, language)
    ds = load(data)
    catalog = Catalog(ds)
    show_progress = not quiet and sys.stderr.isatty()
    with _Progress(language, show_progress) as progress:
        progress("read", 0, 0)
        pf = read_purchases(
            file, encoding=encoding, delimiter=delimiter, columns=column_map or None, sheet=sheet
        )
        progress("read", 1, 1)
        result = compute_report(
            pf,
            ds,
            catalog,
            month_default=month or _dt.date.today().month,
            destination=to,
            local_place=local,
            carbon_price=carbon_price,
            draws=draws,
            seed=seed,
            progress=progress,
            consume=True,  # pf.lines is not used after this: the report frees it as it goes
        )
        written = []
        if output is not None:
            progress("write", 0, 1)
            written.append(rr.write_lines_csv(result, output, file_lang, ds, delimiter=pf.delimiter))
            # always written (header only when nothing is rejected): a stale list would mislead
            assert rejected_path is not None
            written.append(
                rr.write_rejected_csv(result, rejected_path, delimiter=pf.delimiter, lang=file_lang)
            )
            progress("write", 1, 1)
        if summary is not None:
            written.append(
                rr.write_text(summary, rr.to_markdown(result, file_lang, ds, rejected_path=_s(rejected_path)))
            )
        if html is not None:
            written.append(
                rr.write_text(html, rr.to_html(result, file_lang, ds, rejected_path=_s(rejected_path)))
            )

    if quiet:
        echo_err(rr.counts_line(result, language))
    else:
        from ..render.report_table import print_report
        from ..render.safe import console

        print_report(result, language, console(), ds, top=top)
        for path in written:
            echo_err(t("msg.written", language, path=path))
    if result.rows_rejected and output is None:
        echo_err(t("rep.rejected_list", language))
        reasons = rr.reason_texts(result.rejected["reason"].to_numpy(dtype=object), language)
        for line, reason in zip(result.rejected["line"], reasons, strict=True):
            echo_err(f"  {line}: {reason}")
        echo_err(t("rep.rejected_hint", language))
    if strict and result.rows_rejected:
        echo_err(t("rep.strict", language, n=result.rows_rejected))
        raise typer.Exit(1)


def _s(p: Path | None) -> str | None:
    return None if p is None else str(p)
