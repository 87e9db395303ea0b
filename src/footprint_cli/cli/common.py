"""Options shared by the commands, and the one place where core errors become messages."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from ..errors import DataError, FootprintError, InputError, Problem, UnknownNameError
from ..i18n import Lang, detect_lang, t

HELP_LANG: Lang = detect_lang()
"""Language of --help texts: taken from the environment when the app is built."""


def h(key: str) -> str:
    return t(key, HELP_LANG)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help=h("opt.lang"), metavar="fr|en", show_default=False),
]
DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help=h("opt.data"),
        metavar="DIR",
        exists=True,
        file_okay=False,
        dir_okay=True,
        show_default=False,
    ),
]
# Options shared by compare, explain and report (same name, same help, same checks).
MonthOpt = Annotated[
    int | None,
    typer.Option(
        "--month", "-m", min=1, max=12, help=h("opt.compare.month"), show_default=False, metavar="1-12"
    ),
]
ToOpt = Annotated[str, typer.Option("--to", help=h("opt.compare.to"), metavar="PLACE")]
SystemOpt = Annotated[str | None, typer.Option("--system", help=h("opt.compare.system"), metavar="SYSTEM")]
QuantityOpt = Annotated[str, typer.Option("--quantity", "-q", help=h("opt.compare.quantity"), metavar="QTY")]
CarbonPriceOpt = Annotated[
    str | None,
    typer.Option("--carbon-price", help=h("opt.compare.carbon_price"), show_default=False, metavar="EUR|KEY"),
]
SeedOpt = Annotated[int, typer.Option("--seed", min=0, help=h("opt.compare.seed"), metavar="N")]
MAX_DRAWS = 1_000_000
"""Most Monte Carlo draws a command takes (memory grows with draws x factors)."""
DrawsOpt = Annotated[
    int, typer.Option("--draws", min=100, max=MAX_DRAWS, help=h("opt.compare.draws"), metavar="N")
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help=h("opt.format"), metavar="table|json|csv|markdown")
]


_chosen: list[Lang] = []
"""The language a running command chose, so that its errors speak it too."""


def lang_of(explicit: str | None) -> Lang:
    if explicit and explicit.strip().lower()[:2] not in ("fr", "en"):
        raise InputError(f"--lang: {explicit!r} (fr|en)")
    lang = detect_lang(explicit)
    _chosen[:] = [lang]
    return lang


def load(data: list[Path] | None) -> Any:
    """Load the dataset with the user's overlays."""
    from ..model.loader import load_dataset, overlay_dirs

    # --data wins; otherwise FOOTPRINT_DATA, several directories separated by os.pathsep (":")
    return load_dataset(overlay_dirs(data or ()))


def echo_err(text: str) -> None:
    """A message to stderr, its data as visible text (no control sequence reaches the terminal)."""
    from ..render.safe import visible

    typer.echo(visible(text), err=True)


def echo_json(text: str, *, nl: bool = True) -> None:
    """JSON to stdout, every control character escaped (see ``render.safe.json_text``)."""
    from ..render.safe import json_text

    typer.echo(json_text(text), nl=nl)


def echo_csv(text: str) -> None:
    """CSV to stdout: as it is into a file or a pipe, control characters made visible on a
    terminal (formulas are neutralised either way)."""
    import sys

    from ..render.safe import visible

    typer.echo(visible(text) if sys.stdout.isatty() else text, nl=False)


def echo_text(text: str, *, nl: bool = True) -> None:
    """Text or Markdown to stdout, control characters from the data made visible."""
    from ..render.safe import visible

    typer.echo(visible(text), nl=nl)


def report_error(exc: FootprintError, lang: Lang) -> int:
    """Print one clear message to stderr and return the exit code."""
    prefix = t("err.prefix", lang)
    if isinstance(exc, DataError):
        echo_err(t("data.invalid", lang, n=len(exc.problems)))
        for p in exc.problems:
            echo_err(f"  {problem_text(p, lang)}")
    elif isinstance(exc, UnknownNameError):
        kind = t(f"kind.{exc.kind}", lang) if f"kind.{exc.kind}" in _kinds() else exc.kind
        echo_err(f"{prefix}{_colon(lang)}" + t("err.unknown", lang, kind=kind, name=exc.name))
        if exc.suggestions:
            echo_err(t("err.did_you_mean", lang, choices=", ".join(exc.suggestions)))
        else:
            listing = "origins" if exc.kind == "place" else "products"
            echo_err(t("err.no_suggestion", lang, listing=listing))
    else:
        echo_err(f"{prefix}{_colon(lang)}{_translated(exc, 'key', str(exc), lang)}")
        hint = _translated(exc, "hint_key", getattr(exc, "hint", None), lang)
        if hint:
            echo_err(f"{t('err.hint', lang)}{_colon(lang)}{hint}")
    return exc.exit_code


# The data loader's messages (English, the library's language) and their French wording: the
# checks of the data files, and pydantic's messages for the constraints they use.
_PROBLEMS_FR: tuple[tuple[str, str], ...] = (
    (r"a number is expected, not true/false", "un nombre est attendu, pas true/false"),
    (
        r"(\S+) is above the plausible maximum of (\S+)( [^:]+)?: check the value and its unit",
        r"\1 dépasse le maximum plausible de \2\3 : vérifiez la valeur et son unité",
    ),
    (r"Input should be a finite number", "la valeur doit être un nombre fini"),
    (r"Input should be less than or equal to (\S+)", r"la valeur doit être inférieure ou égale à \1"),
    (r"Input should be greater than or equal to (\S+)", r"la valeur doit être supérieure ou égale à \1"),
    (r"Input should be greater than (\S+)", r"la valeur doit être supérieure à \1"),
    (r"Input should be a valid number.*", "la valeur doit être un nombre"),
    (r"Input should be a valid boolean.*", "la valeur doit être true ou false"),
    (r"nested deeper than (\d+) levels", r"imbrication de plus de \1 niveaux"),
    (r"(\d+) cells, the header has (\d+)", r"\1 cellules, l'en-tête en a \2"),
    (r"(\d+) more cells than the header", r"\1 cellules de plus que l'en-tête"),
    (r"field larger than field limit \((\d+)\)", r"champ plus grand que la limite (\1 caractères)"),
    (r"unexpected end of data", "fin de fichier dans un champ entre guillemets"),
    (r"',' expected after '\"'", "« , » attendu après un guillemet fermant"),
    (r" \(the rest of the file is not read\)$", " (la suite du fichier n'est pas lue)"),
    (r"month out of 1\.\.12:? ", "mois hors de 1..12 : "),
    (r"\(write months as 1-4, 8-12\)", "(écrire les mois ainsi : 1-4, 8-12)"),
    (r" month$", " mois"),
)


def problem_text(p: Problem, lang: Lang) -> str:
    """A located data problem, ``file:line: field: message``, its message in ``lang``."""
    if lang != "fr":
        return str(p)
    import re

    message = p.message
    for pattern, french in _PROBLEMS_FR:
        message = re.sub(pattern, french, message)
    where = f"{p.file}:{p.line}" if p.line is not None else p.file
    return f"{where}: {p.field}: {message}"


def _colon(lang: Lang) -> str:
    return "\u00a0: " if lang == "fr" else ": "


def _translated(exc: FootprintError, attr: str, fallback: str | None, lang: Lang) -> str | None:
    """The catalogue text named by ``exc.<attr>`` in ``lang``, else the English fallback."""
    from ..i18n import MESSAGES

    key = getattr(exc, attr, None)
    if key and key in MESSAGES:
        try:
            return t(key, lang, **getattr(exc, "params", {}))
        except (KeyError, IndexError):
            return fallback
    return fallback


def _kinds() -> set[str]:
    from ..i18n import MESSAGES

    return {k for k in MESSAGES if k.startswith("kind.")}


class FootprintGroup(TyperGroup):
    """Translate the core's exceptions into a message and an exit code, once, at the edge."""

    def invoke(self, ctx: Any) -> Any:
        _chosen.clear()
        try:
            return super().invoke(ctx)
        except FootprintError as exc:
            lang = _chosen[0] if _chosen else detect_lang()
            raise typer.Exit(report_error(exc, lang)) from None
        except click.ClickException as exc:  # a usage error quotes the user's argument: as text
            from ..render.safe import visible

            exc.message = visible(exc.message)
            raise
        except OSError as exc:  # unreadable or unwritable user file
            lang = _chosen[0] if _chosen else detect_lang()
            echo_err(f"{t('err.prefix', lang)}: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
            raise typer.Exit(1) from None
