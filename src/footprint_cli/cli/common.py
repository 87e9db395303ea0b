"""Options shared by the commands, and the one place where core errors become messages."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from ..errors import DataError, FootprintError, InputError, Problem, UnknownNameError
from ..i18n import Lang, Message, detect_lang, t, text

HELP_LANG: Lang = detect_lang()
"""Language the help texts are first built in (from the environment); each run re-translates
them into the language it chose (``--lang`` anywhere on the command line wins)."""

_HELP_KEYS: dict[str, str] = {}
"""Help text (in either language) -> its catalogue key, to re-translate a built command tree."""


def h(key: str) -> str:
    for lang in ("fr", "en"):
        _HELP_KEYS[t(key, lang)] = key
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
    str | None,
    typer.Option("--month", "-m", help=h("opt.compare.month"), show_default=False, metavar="1-12|MONTH"),
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


_asked: list[str] = []
"""The ``--lang`` value found on the command line (before or after the command name)."""


def lang_of(explicit: str | None) -> Lang:
    explicit = explicit or (_asked[0] if _asked else None)
    if explicit and explicit.strip().lower()[:2] not in ("fr", "en"):
        raise InputError(Message("err.lang", value=explicit))
    lang = detect_lang(explicit)
    _chosen[:] = [lang]
    return lang


def _lang_in_args(args: list[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` in ``args``, before any ``--``."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


_FRAMEWORK_MODULES = (
    "click.core",
    "click.parser",
    "click.exceptions",
    "click.types",
    "click.formatting",
    "click.decorators",
    "click.termui",
    "click.utils",
    "typer.core",
)


def use_framework_language(lang: Lang) -> None:
    """Make Click and Typer print their own strings (Usage, Options, errors) in ``lang``.

    They translate through ``gettext.gettext``, which takes its language from the environment
    only; each of their modules gets the catalogue of the chosen language instead, so that
    ``--lang`` and a missing ``LANG`` (Windows) give the same French as ``LANG=fr_FR``.
    """
    import gettext
    import importlib
    from pathlib import Path

    if lang == "fr":
        mo = Path(__file__).resolve().parents[1] / "locale" / "fr" / "LC_MESSAGES" / "messages.mo"
        with mo.open("rb") as fh:
            catalogue: gettext.NullTranslations = gettext.GNUTranslations(fh)
    else:
        catalogue = gettext.NullTranslations()
    for name in _FRAMEWORK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = catalogue.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalogue.ngettext  # type: ignore[attr-defined]


# metavars of the help, English -> French (the English is what the code declares)
_METAVARS = {
    "CATEGORY": "CATÉGORIE",
    "1-12|MONTH": "1-12|MOIS",
    "CHAR": "CAR",
    "DIR": "RÉP",
    "EUR|KEY": "EUR|CLÉ",
    "FILE": "FICHIER",
    "FILE.csv": "FICHIER.csv",
    "FILE.html": "FICHIER.html",
    "FILE.md": "FICHIER.md",
    "FILE.xlsx": "FICHIER.xlsx",
    "N|FILE.csv": "N|FICHIER.csv",
    "ADDRESS": "ADRESSE",
    "MB": "Mo",
    "KIND": "GENRE",
    "NAME=HEADER": "NOM=EN-TÊTE",
    "PLACE": "LIEU",
    "PRODUCT": "PRODUIT",
    "PRODUCT[@ORIGIN]": "PRODUIT[@ORIGINE]",
    "QTY": "QTÉ",
    "SHEET": "FEUILLE",
    "SYSTEM": "SYSTÈME",
    "TEXT": "TEXTE",
    "[PATH]": "[CHEMIN]",
    "[PRODUCT]": "[PRODUIT]",
    "fruit|vegetable": "fruit|légume",
    "road|rail|sea|air": "camion|train|bateau|avion",
    "[OPTIONS]": "[OPTIONS]",
    "COMMAND [ARGS]...": "COMMANDE [ARGS]...",
}
_METAVARS_BACK = {fr: en for en, fr in _METAVARS.items()}


def _metavar(value: str | None, lang: Lang) -> str | None:
    if value is None:
        return None
    english = _METAVARS_BACK.get(value, value)
    return _METAVARS.get(english, english) if lang == "fr" else english


def translate_tree(command: Any, lang: Lang) -> None:
    """Put the help texts and metavars of ``command`` and of its sub-commands in ``lang``."""
    command.options_metavar = _metavar(command.options_metavar, lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = _metavar(command.subcommand_metavar, lang)
    if command.help in _HELP_KEYS:
        command.help = t(_HELP_KEYS[command.help], lang)
    if getattr(command, "short_help", None) in _HELP_KEYS:
        command.short_help = t(_HELP_KEYS[command.short_help], lang)
    for param in command.params:
        if getattr(param, "help", None) in _HELP_KEYS:
            param.help = t(_HELP_KEYS[param.help], lang)
        param.metavar = _metavar(param.metavar, lang)
        if isinstance(param.type, click.Path):
            param.type.name = _path_kind(param.type)
    for sub in (getattr(command, "commands", None) or {}).values():
        translate_tree(sub, lang)


def _path_kind(path_type: click.Path) -> str:
    """The word Click's path checks start their errors with ("file", "directory", "path"),
    in the language just installed: Click names the type when the command is built, before
    ``--lang`` is read."""
    from click import types

    if path_type.file_okay and not path_type.dir_okay:
        return types._("file")  # type: ignore[attr-defined]
    if path_type.dir_okay and not path_type.file_okay:
        return types._("directory")  # type: ignore[attr-defined]
    return types._("path")  # type: ignore[attr-defined]


def load(data: list[Path] | None) -> Any:
    """Load the dataset with the user's overlays."""
    from ..model.loader import overlay_dirs
    from ..store import load_dataset

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


def error_lines(exc: FootprintError, lang: Lang) -> list[str]:
    """The message for a core error, one line per item, in ``lang`` (the web page shows the same)."""

    prefix = t("err.prefix", lang)
    out: list[str] = []
    if isinstance(exc, DataError):
        out.append(t("data.invalid", lang, n=len(exc.problems)))
        out.extend(f"  {problem_text(p, lang)}" for p in exc.problems)
    elif isinstance(exc, UnknownNameError):
        kind = t(f"kind.{exc.kind}", lang) if f"kind.{exc.kind}" in _kinds() else exc.kind
        out.append(f"{prefix}{_colon(lang)}" + t("err.unknown", lang, kind=kind, name=exc.name))
        if exc.suggestions:
            choices = ", ".join(t("err.did_you_mean.item", lang, name=s) for s in exc.suggestions)
            out.append(t("err.did_you_mean", lang, choices=choices))
        else:
            listing = "origins" if exc.kind == "place" else "products"
            out.append(t("err.no_suggestion", lang, listing=listing))
    elif exc.message is not None:
        out.append(f"{prefix}{_colon(lang)}{text(exc.message, lang)}")
        if exc.hint is not None:
            out.append(f"{t('err.hint', lang)}{_colon(lang)}{text(exc.hint, lang)}")
    else:  # an error raised without a message is a defect of the program, not of the input
        raise TypeError(f"{type(exc).__name__} raised without a catalogue message") from exc
    return out


def report_error(exc: FootprintError, lang: Lang) -> int:
    """Print one clear message to stderr and return the exit code."""
    for line in error_lines(exc, lang):
        echo_err(line)
    return exc.exit_code


def problem_text(p: Problem, lang: Lang) -> str:
    """A located data problem, ``file:line: field: message``, its message in ``lang``."""

    where = f"{p.file}:{p.line}" if p.line is not None else p.file
    return f"{where}: {text(p.field, lang)}: {text(p.message, lang)}"


def _colon(lang: Lang) -> str:
    return "\u00a0: " if lang == "fr" else ": "


def _kinds() -> set[str]:
    from ..i18n import MESSAGES

    return {k for k in MESSAGES if k.startswith("kind.")}


class FootprintGroup(TyperGroup):
    """Translate the core's exceptions into a message and an exit code, once, at the edge."""

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        import sys

        args = list(sys.argv[1:] if args is None else args)
        _asked[:] = [a] if (a := _lang_in_args(args)) else []
        lang = detect_lang(_asked[0] if _asked else None)
        use_framework_language(lang)
        translate_tree(self, lang)
        return super().main(args, *rest, **kwargs)

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
            echo_err(f"{t('err.prefix', lang)}{_colon(lang)}{text(os_error_message(exc), lang)}")
            raise typer.Exit(1) from None


#: the common operating-system errors, worded in the catalogue; the others quote the system's text
_OS_ERRORS = {
    "ENOENT": "err.os.not_found",
    "EACCES": "err.os.denied",
    "EPERM": "err.os.denied",
    "ENOSPC": "err.os.full",
    "EDQUOT": "err.os.full",
    "EROFS": "err.os.readonly",
    "EISDIR": "err.os.is_dir",
    "ENOTDIR": "err.os.not_dir",
    "ENAMETOOLONG": "err.os.too_long",
    "ELOOP": "err.os.loop",
}


def os_error_message(exc: OSError) -> Message:
    """The catalogue's message for an ``OSError``: its own words for the common errors, the
    system's text quoted for the rest."""
    import errno

    path = str(exc.filename) if exc.filename is not None else "?"
    key = _OS_ERRORS.get(errno.errorcode.get(exc.errno or 0, ""))
    if key is not None:
        return Message(key, path=path)
    return Message("err.os.other", path=path, reason=exc.strerror or str(exc))
