"""The Typer application: one module per command, errors translated in FootprintGroup.

No ``from __future__ import annotations`` in the command modules: Typer reads the commands'
parameters from their annotations and would compile every annotation string again at each run."""

from typing import Annotated

import typer

from .. import __version__
from .common import FootprintGroup, LangOpt, h, lang_of

# command name -> (module, function, help key); "data" is a group of its own.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "compare": ("compare", "compare", "cmd.compare"),
    "products": ("browse", "products", "cmd.products"),
    "origins": ("browse", "origins", "cmd.origins"),
    "show": ("browse", "show", "cmd.show"),
    "explain": ("explain", "explain", "cmd.explain"),
    "season": ("season", "season", "cmd.season"),
    "quiz": ("quiz", "quiz", "cmd.quiz"),
    "report": ("report", "report", "cmd.report"),
    "serve": ("serve", "serve", "cmd.serve"),
    "data": ("data", "app", "cmd.data"),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footprint {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help=h("opt.version"), callback=_version, is_eager=True),
    ] = False,
    lang: LangOpt = None,
) -> None:
    # `footprint --lang en compare ...`: the commands read the value through lang_of
    if lang is not None:
        lang_of(lang)


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with ``only`` one of them (faster start-up:
    Typer builds the Click command tree of every registered command at each run)."""
    import importlib

    app = typer.Typer(
        name="footprint",
        help=h("app.help"),
        cls=FootprintGroup,
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        suggest_commands=False,  # Click already suggests (translated) close command names
    )
    app.callback()(_root)
    for name, (module_name, attr, help_key) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"{__name__}.{module_name}")
        if name == "data":
            app.add_typer(module.app, name="data")
        else:
            app.command(name, help=h(help_key))(getattr(module, attr))
    return app


def __getattr__(name: str) -> typer.Typer:
    # `from footprint_cli.cli import app`: the full application, built on first use
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(name)


def main() -> None:
    import gc
    import sys
    import warnings

    # The objects created so far (Typer, Click, Rich, the catalogue) live as long as the process:
    # moved out of the collector's reach, they are not traversed again by each full collection
    # that the imports and the dataset trigger (~25 ms of CPU for `compare`, see
    # docs/architecture.md). Cyclic garbage made from now on is collected as usual.
    gc.freeze()
    _robust_streams(sys.stdout, sys.stderr)
    # numeric warnings (an overflow in a sum) are the core's to turn into a refusal, not
    # lines of Python internals on the user's screen
    warnings.simplefilter("ignore", RuntimeWarning)
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    first = args[0] if args else None
    # one command asked for (and not the top-level help): build only that one
    wanted = first if first in COMMANDS and sys.argv[1:2] == [first] else None
    build_app(wanted)()


def _robust_streams(*streams: object) -> None:
    """Text the terminal's encoding cannot show (PYTHONIOENCODING=ascii, a C locale) is written
    escaped (``\\xe9``) instead of ending the command with a UnicodeEncodeError."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream already written to in another mode
                pass
