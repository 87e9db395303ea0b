"""`footprint data ...`: validate and describe the data files."""

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .common import DataOpt, LangOpt, echo_err, h, lang_of

app = typer.Typer(help=h("cmd.data"), no_args_is_help=True)


@app.command("validate", help=h("cmd.data.validate"))
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=h("arg.validate.paths"), exists=True, show_default=False, metavar="[PATH]"),
    ] = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    from ..model.loader import overlay_dirs
    from ..store import load_dataset

    language = lang_of(lang)
    ds = load_dataset([*overlay_dirs(data or ()), *(paths or ())])
    typer.echo(
        t(
            "data.valid",
            language,
            products=len(ds.products),
            places=len(ds.places),
            ports=len(ds.ports),
            sea=len(ds.sea_distances),
            seasons=len(ds.seasons),
            sources=len(ds.factors.sources),
        )
    )
    _ = echo_err
