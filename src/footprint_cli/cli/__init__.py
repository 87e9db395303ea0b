"""The Typer application: one module per command, errors translated in FootprintGroup."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .common import HELP_LANG, FootprintGroup, h

if HELP_LANG == "fr":
    # Click and Typer translate their own strings (Usage, Options, errors) through gettext's
    # default domain: point it at the French catalogue shipped in the package.
    import gettext
    from pathlib import Path

    gettext.bindtextdomain("messages", str(Path(__file__).resolve().parents[1] / "locale"))

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footprint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help=h("opt.version"), callback=_version, is_eager=True),
    ] = False,
) -> None:
    pass


def _register() -> None:
    from . import compare, data

    app.command("compare", help=h("cmd.compare"))(compare.compare)
    app.add_typer(data.app, name="data")
    from . import browse

    app.command("products", help=h("cmd.products"))(browse.products)
    app.command("origins", help=h("cmd.origins"))(browse.origins)
    app.command("show", help=h("cmd.show"))(browse.show)
    from . import explain, season

    app.command("explain", help=h("cmd.explain"))(explain.explain)
    app.command("season", help=h("cmd.season"))(season.season)
    from . import report

    app.command("report", help=h("cmd.report"))(report.report)


_register()


def main() -> None:
    app()
