"""`footprint report`: a purchase file (CSV, xlsx, ma-cantine export) -> a carbon report."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import i18n

i18n.register(
    {
        "cmd.report": (
            "Bilan carbone d'un fichier d'achats (CSV, Excel .xlsx, export ma-cantine) : chiffres par ligne, "
            "totaux, répartition par famille, origine, étape, site, fournisseur et mois, par repas, "
            "protéines, économies possibles et écart d'une année sur l'autre, avec l'incertitude.",
            "Carbon report of a purchases file (CSV, Excel .xlsx, ma-cantine export): per-line figures, "
            "totals, breakdowns by family, origin, stage, site, supplier and month, per meal, protein, "
            "possible savings and year-on-year change, with uncertainty.",
        ),
        "arg.report.file": (
            "Fichier d'achats : CSV (séparateur , ; ou tabulation, détecté) ou .xlsx.",
            "Purchases file: CSV (separator , ; or tab, detected) or .xlsx.",
        ),
        "opt.report.output": (
            "CSV par ligne à écrire (colonnes d'entrée, puis produit et origine reconnus, kg, kg CO2e par "
            "étape, total et intervalle, prix, coût carbone, codes d'hypothèse). Les lignes rejetées vont "
            "dans NOM.rejected.csv à côté, et NOM.manifest.json nomme l'ensemble des fichiers écrits. Un nom "
            "en .xlsx écrit le classeur Excel à la place (comme --xlsx).",
            "Per-line CSV to write (input columns, then matched product and origin, kg, kg CO2e per stage, "
            "total and interval, price, carbon cost, assumption codes). Rejected rows go to "
            "NAME.rejected.csv beside it, and NAME.manifest.json names the set of files written. A name "
            "ending in .xlsx writes the Excel workbook instead (as --xlsx).",
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
            "(défaut : marché de Rungis) ; le calcul va jusqu'à la porte de la cantine (livraison "
            "depuis la plateforme comprise).",
            "Where the food is eaten in France: your city, department or region (default: Rungis "
            "market); the figures run to the canteen door (delivery from the platform included).",
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
            "organic, local, supplier, family, site).",
            "File column for an expected column, e.g. --columns label=Article "
            "--columns quantity='Net weight' (repeatable; label, quantity, unit, amount, origin, mode, "
            "date, month, organic, local, supplier, family, site).",
        ),
        "opt.report.header_row": (
            "Ligne de l'en-tête (numéro de ligne du CSV ou de la feuille, à partir de 1 ; défaut : détectée "
            "sous les lignes de titre).",
            "Row of the header (line number of the CSV or row of the sheet, from 1; default: detected under "
            "any title rows).",
        ),
        "opt.report.sheet": (
            "Feuille d'un classeur .xlsx (nom ou numéro à partir de 0 ; défaut : celle qui contient les achats).",
            "Sheet of an .xlsx workbook (name, or number from 0; default: the one holding the purchases).",
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
        "opt.report.format": (
            "Format du résumé à l'écran : table, ou json (sur la sortie standard, lignes rejetées comprises).",
            "Format of the on-screen summary: table, or json (on standard output, rejected lines included).",
        ),
        "rep.err.same_file": (
            "{what} ({path}) est le fichier d'entrée : il ne sera pas écrasé",
            "{what} ({path}) is the input file: it will not be overwritten",
        ),
        "rep.err.same_file.hint": (
            "choisissez un autre nom, ex. -o rapport.csv",
            "choose another name, e.g. -o report.csv",
        ),
        "rep.err.columns": (
            "--columns attend NOM=EN-TÊTE, reçu {value!r}",
            "--columns expects NAME=HEADER, got {value!r}",
        ),
        "rep.err.meals": (
            "--meals attend un nombre de repas (ex. 12000) ou un fichier CSV existant, reçu {value!r}",
            "--meals expects a number of meals (e.g. 12000) or an existing CSV file, got {value!r}",
        ),
        "rep.err.meals_read": (
            "{path} : impossible de lire le fichier des repas ({why})",
            "{path}: cannot read the meals file ({why})",
        ),
        "rep.err.meals_none": (
            "{path} : le fichier des repas ne compte aucun repas",
            "{path}: the meals file counts no meal",
        ),
        "rep.err.meals_column": (
            "{path} : pas de colonne des repas (repas, couverts, meals)",
            "{path}: no meals column (repas, couverts, meals)",
        ),
        "rep.err.meals_meals": (
            "{path}:{line} : repas : pas un nombre entier : {value!r}",
            "{path}:{line}: meals: not a whole number: {value!r}",
        ),
        "rep.err.meals_meals.more": (
            "{path}:{line} : repas : pas un nombre entier : {value!r} (et {more} autre(s) ligne(s) de ce genre)",
            "{path}:{line}: meals: not a whole number: {value!r} (and {more} more row(s) like it)",
        ),
        "rep.err.meals_month": (
            "{path}:{line} : mois : non compris : {value!r} (1 à 12, 2025-03 ou 03/2025)",
            "{path}:{line}: month: not understood: {value!r} (1-12, 2025-03 or 03/2025)",
        ),
        "rep.err.meals_month.more": (
            "{path}:{line} : mois : non compris : {value!r} (1 à 12, 2025-03 ou 03/2025 ; et {more} autre(s) "
            "ligne(s) de ce genre)",
            "{path}:{line}: month: not understood: {value!r} (1-12, 2025-03 or 03/2025; and {more} more "
            "row(s) like it)",
        ),
        "rep.err.site_column": (
            "{path} : pas de colonne {name!r} (pour le site) dans le fichier",
            "{path}: no column {name!r} (for site) in the file",
        ),
        "rep.err.headers": ("en-têtes du fichier : {headers}", "headers of the file: {headers}"),
        # purchase-file errors (the reader raises them with these keys)
        "rd.err.not_found": ("{path} : fichier introuvable", "{path}: file not found"),
        "rd.err.directory": (
            "{path} est un répertoire, pas un fichier d'achats",
            "{path}: is a directory, not a purchase file",
        ),
        "rd.err.empty": ("{path} : le fichier est vide", "{path}: the file is empty"),
        "rd.hint.empty": (
            "exportez les achats avec une ligne d'en-tête",
            "export the purchases with a header row",
        ),
        "rd.err.xls": (
            "{path} : les anciens fichiers Excel binaires (.xls) ne sont pas lus",
            "{path}: old binary Excel (.xls) files are not supported",
        ),
        "rd.hint.xls": (
            "enregistrez la feuille en .xlsx ou en CSV depuis votre tableur",
            "save the sheet as .xlsx or as CSV from your spreadsheet",
        ),
        "rd.err.sheet_number": ("{path} : pas de feuille numéro {n}", "{path}: no sheet number {n}"),
        "rd.err.sheet_name": ("{path} : pas de feuille nommée {name!r}", "{path}: no sheet named {name!r}"),
        "rd.hint.sheets": ("feuilles : {sheets}", "sheets: {sheets}"),
        "rd.err.sheet_empty": ("{path} : la feuille {name!r} est vide", "{path}: sheet {name!r} is empty"),
        "rd.hint.sheet_empty": (
            "choisissez une autre feuille avec --sheet",
            "use --sheet to choose another sheet",
        ),
        "rd.err.header_row": ("ligne d'en-tête invalide : {row}", "invalid header row {row}"),
        "rd.err.header_row_missing": (
            "{path} : la ligne {row} n'est pas une ligne du tableau (vide, ou hors du fichier)",
            "{path}: row {row} is not a row of the table (blank, or outside the file)",
        ),
        "rd.hint.header_row": (
            "donnez le numéro de la ligne d'en-tête tel que le tableur l'affiche, à partir de 1",
            "give the row number of the header as the spreadsheet shows it, from 1",
        ),
        "rd.err.no_label": (
            "{path} : aucune colonne de libellé de produit trouvée (en-têtes : {headers})",
            "{path}: no product label column found (headers: {headers})",
        ),
        "rd.hint.no_label": (
            "nommez-la Produit, Désignation, Libellé ou Product, ou utilisez --columns label=VotreEnTête ; "
            "si l'en-tête est sous des lignes de titre, --header-row N",
            "name it Produit/Désignation/Libellé/Product, or use --columns label=YourHeader; if the header "
            "is under title rows, --header-row N",
        ),
        "rd.hint.no_label_garbled": (
            "nommez-la Produit, Désignation, Libellé ou Product, ou utilisez --columns label=VotreEnTête ; "
            "si les en-têtes semblent illisibles, essayez --encoding cp1252 ou --delimiter ';'",
            "name it Produit/Désignation/Libellé/Product, or use --columns label=YourHeader; if the headers "
            "look garbled, try --encoding cp1252 or --delimiter ';'",
        ),
        "rep.err.two_workbooks": (
            "-o {a} et --xlsx {b} demandent deux classeurs : n'en donner qu'un",
            "-o {a} and --xlsx {b} ask for two workbooks: give only one",
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
        "opt.report.xlsx": (
            "Écrit aussi le classeur Excel (synthèse, répartitions, lignes, lignes rejetées, "
            "hypothèses) ; -o FICHIER.xlsx fait de même.",
            "Also write the Excel workbook (summary, breakdowns, lines, rejected rows, assumptions); "
            "-o FILE.xlsx does the same.",
        ),
        "opt.report.meals": (
            "Repas servis sur la période du fichier : un nombre, ou un petit CSV (colonne repas, et si "
            "besoin site et mois) ; donne les kg CO2e et les euros par repas, par site et par mois.",
            "Meals served over the file's period: a number, or a small CSV (a meals column, and if need "
            "be site and month); gives kg CO2e and euros per meal, per site and per month.",
        ),
        "opt.report.against": (
            "Fichier d'achats d'une autre année, à comparer (même graine et mêmes tirages : "
            "l'écart a sa propre incertitude).",
            "Purchases file of another year to compare with (same seed and draws: the change has its "
            "own uncertainty).",
        ),
        "opt.report.verbose_flags": (
            "Hypothèses en toutes lettres dans le CSV par ligne (défaut : codes courts F1, F2…, "
            "légende dans le résumé).",
            "Assumptions spelled out in the per-line CSV (default: short codes F1, F2…, legend in the "
            "summary).",
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
    echo_json,
    h,
    lang_of,
    load,
)
from .output import console  # noqa: E402


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
            raise InputError(
                t("rep.err.two_workbooks", language, a=str(output), b=str(xlsx)),
                key="rep.err.two_workbooks",
                params={"a": str(output), "b": str(xlsx)},
            )
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
        ("rejected", rejected_path),
    ):
        if target is not None and _same_file(Path(target), file):
            raise InputError(
                t("rep.err.same_file", language, what=what, path=target),
                hint=t("rep.err.same_file.hint", language),
            )
    meal_counts = _parse_meals(meals, language)
    column_map = _parse_columns(columns, language)
    site_column = column_map.pop("site", None)  # read by the report's breakdowns, not the reader
    ds = load(data)
    catalog = Catalog(ds)
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
        settings: dict[str, Any] = dict(
            month_default=month or _dt.date.today().month,
            destination=to,
            local_place=local,
            carbon_price=carbon_price,
            draws=draws,
            seed=seed,
        )
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


def _parse_meals(text: str | None, lang: Any) -> Any:
    """``--meals``: a whole number of meals, or a meals file (see :func:`read_meals`)."""
    if text is None:
        return None
    digits = text.strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
    if digits.isdigit():
        if int(digits) <= 0:
            raise InputError(t("rep.err.meals", lang, value=text))
        return int(digits)
    if not Path(text).is_file():
        raise InputError(t("rep.err.meals", lang, value=text))
    from ..batch.breakdowns import read_meals

    return read_meals(text)


def _s(p: Path | None) -> str | None:
    return None if p is None else str(p)
