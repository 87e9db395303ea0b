"""The core's exception types. The CLI translates them into one message and an exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .i18n import Message


class FootprintError(Exception):
    """Base class of every error the core raises on purpose.

    ``message`` and ``hint``, when set, are catalogue messages (a key and its parameters, see
    :class:`footprint_cli.i18n.Message`), worded in the user's language where they are shown.
    """

    exit_code = 1
    message: Message | None = None
    hint: Message | None = None


@dataclass(frozen=True)
class Problem:
    """One located problem in a data or input file; ``message`` is a catalogue message (a key and
    its parameters, see :class:`footprint_cli.i18n.Message`) whose string is the English text."""

    file: str
    line: int | None
    field: str | Message
    """the column or key of the data file, or a :class:`Message` naming a part of it (a row,
    the header, the encoding)"""
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

    def __init__(self, kind: str, name: str, suggestions: Sequence[str]):
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)
        """close names, each a :class:`~footprint_cli.i18n.Named` in both languages where it names
        a product or place"""
        super().__init__(kind, name)


class InputError(FootprintError):
    """A user input (option value, file) that cannot be used as given."""

    exit_code = 2
    message: Message

    def __init__(self, message: Message, hint: Message | None = None):
        self.message = message
        self.hint = hint
        super().__init__(message)

    @property
    def key(self) -> str:
        """The catalogue key of the message."""
        return self.message.parts[0][0]

    @property
    def params(self) -> dict[str, object]:
        """The parameters of the message."""
        return dict(self.message.parts[0][1])


class ModelError(InputError):
    """A scenario the model cannot compute (e.g. no seaport for a country): a usage error too."""
