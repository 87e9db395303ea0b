"""The one place a command's result is printed in the format asked for (``--format``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from .common import Format

Renderer = Callable[[], "str | None"]
"""Returns the text to print as is, or prints itself and returns ``None`` (a Rich table)."""


def emit(fmt: Format, *, json: Renderer, csv: Renderer, markdown: Renderer, table: Renderer) -> None:
    """Print with the renderer of ``fmt``; only that one runs (Rich is imported only for tables)."""
    renderer = {Format.json: json, Format.csv: csv, Format.markdown: markdown}.get(fmt, table)
    text = renderer()
    if text is not None:
        typer.echo(text, nl=False)


def console() -> Any:
    """A Rich console on stdout, for the table renderers."""
    from rich.console import Console

    return Console()
