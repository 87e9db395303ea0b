"""The one place a command's result is printed in the format asked for (``--format``), through
the output boundary: JSON with every control character escaped, CSV and text with control
characters made visible on a terminal, Rich tables that never read markup from the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .common import Format, echo_csv, echo_json, echo_text

Renderer = Callable[[], "str | None"]
"""Returns the text to print as is, or prints itself and returns ``None`` (a Rich table)."""


def emit(fmt: Format, *, json: Renderer, csv: Renderer, markdown: Renderer, table: Renderer) -> None:
    """Print with the renderer of ``fmt``; only that one runs (Rich is imported only for tables)."""
    if fmt is Format.json:
        text = json()
        if text is not None:
            echo_json(text, nl=False)
        return
    if fmt is Format.csv:
        text = csv()
        if text is not None:
            echo_csv(text)
        return
    text = (markdown if fmt is Format.markdown else table)()
    if text is not None:
        echo_text(text, nl=False)


def console() -> Any:
    """A Rich console on stdout for the table renderers: data is printed as text, never markup."""
    from ..render.safe import console as safe_console

    return safe_console()
