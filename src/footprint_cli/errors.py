"""The core's exception types. The CLI translates them into one message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


class FootprintError(Exception):
    """Base class of every error the core raises on purpose."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One located problem in a data or input file; ``message`` is a catalogue message (a key and
    its parameters, see :class:`footprint_cli.i18n.Message`) whose string is the English text."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


class DataError(FootprintError):
    """One or more data files are invalid; carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownNameError(FootprintError):
    """A product, place or option name that matches nothing; carries close matches."""

    exit_code = 2

    def __init__(self, kind: str, name: str, suggestions: list[str]):
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        super().__init__(f"unknown {kind} {name!r}")


class InputError(FootprintError):
    """A user input (option value, file) that cannot be used as given.

    ``message`` and ``hint`` are catalogue messages (:class:`footprint_cli.i18n.Message`, whose
    string is the English text), worded in the user's language where shown; older call sites
    give English text and name the same texts with ``key``/``hint_key`` and ``params``.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        key: str | None = None,
        hint_key: str | None = None,
        params: dict[str, object] | None = None,
    ):
        self.hint = hint
        self.key = key
        self.hint_key = hint_key
        self.params = params or {}
        super().__init__(message)


class ModelError(InputError):
    """A scenario the model cannot compute (e.g. no seaport for a country): a usage error too."""
