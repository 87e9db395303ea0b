"""The French/English message catalogue.

Every user-facing text is a key with its French and English wording, held in
``i18n/messages/``, one module per domain (``core``, ``cli``, ``reader``, ``match``,
``report``, ``data``, ``explain``, ``classroom``, ``browse``, ``web``), each a plain
``MESSAGES = {key: (fr, en)}`` dict. The catalogue is put together the first time a text
is asked for; no module adds to it at import time. Texts take their parameters by name,
``t("err.nothing", "fr")``, ``t("data.invalid", "en", n=3)``.

What the core records for a user (a refused line's reason, a note about a file, a data
problem) is a :class:`Message`: a key and its parameters, turned into words by
:func:`text` where it is shown. The language is French unless the user asks for English
(see :func:`detect_lang`). Click's own strings (usage errors, ``--help`` headings) come from
the gettext catalogue in ``locale/`` (see ``scripts/build_locale.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import import_module
from typing import Literal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

#: the modules of ``i18n/messages``, each a domain's ``MESSAGES``
DOMAINS = ("core", "cli", "reader", "match", "report", "data", "explain", "classroom", "browse", "web")


def detect_lang(explicit: str | None = None) -> Lang:
    """French unless English is asked for.

    ``explicit`` (``--lang``) wins, then ``FOOTPRINT_LANG``, then the locale: the first of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides, and only an English locale
    (``en_*``) gives English. A French locale, no locale at all (Windows sets none), ``C`` or
    ``POSIX`` give French: the tool's users are in France.
    """
    for value in (explicit, os.environ.get("FOOTPRINT_LANG")):
        low = (value or "").strip().lower()[:2]
        if low in LANGS:
            return low  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """Every key of every domain with its ``(fr, en)`` texts; a key defined twice is an error."""
    out: dict[str, tuple[str, str]] = {}
    for domain in DOMAINS:
        messages = import_module(f"{__name__}.messages.{domain}").MESSAGES
        clash = out.keys() & messages.keys()
        if clash:
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        out.update(messages)
    return out


def __getattr__(name: str) -> object:
    # ``MESSAGES``: the catalogue, put together on first use
    if name == "MESSAGES":
        return catalogue()
    raise AttributeError(name)


def t(key: str, lang: Lang = "en", /, **kwargs: object) -> str:
    """The text of ``key`` in ``lang`` with its parameters filled in; a parameter that is itself a
    :class:`Message` is given in ``lang`` too."""
    fr, en = catalogue()[key]
    body = fr if lang == "fr" else en
    if not kwargs:
        return body
    return body.format(
        **{k: text(v, lang) if isinstance(v, Message | Named) else v for k, v in kwargs.items()}
    )


class Named(str):
    """A name from the data given as a message parameter, in both languages: the string value is
    the English (or the identifier English output has always shown), ``fr`` the French name."""

    fr: str

    def __new__(cls, en: str, fr: str) -> Named:
        self = str.__new__(cls, en)
        self.fr = fr
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Named, (str(self), self.fr))


def grouped(x: float, decimals: int, lang: Lang) -> str:
    """``x`` with ``decimals`` decimals and grouped thousands, the French way in French
    (``1\u202f239,00``), the English way otherwise (``1,239.00``)."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text


def money(x: float) -> Named:
    """A sum of money read from a file as a message parameter, two decimals, in both languages."""
    return Named(grouped(x, 2, "en"), grouped(x, 2, "fr"))


class Message(str):
    """A text for the user recorded as keys and parameters, worded in a language only where shown.

    ``parts`` holds one or more ``(key, params)`` pairs, joined with ``"; "`` when shown (a line
    refused for several reasons). The string value is the English wording, so that a message can
    sit in a pandas column, be compared, hashed and factorized like the text it stands for; every
    place that shows one to a user calls :func:`text` with the user's language.
    """

    parts: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]

    def __new__(cls, key: str, /, **params: object) -> Message:
        return cls._of(((key, tuple(params.items())),))

    @classmethod
    def _of(cls, parts: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]) -> Message:
        self = str.__new__(cls, "; ".join(t(k, "en", **dict(p)) for k, p in parts))
        self.parts = parts
        return self

    @classmethod
    def joined(cls, messages: Iterable[Message]) -> Message:
        """Several messages as one, shown joined with ``"; "``, the first one first."""
        return cls._of(tuple(part for m in messages for part in m.parts))

    def head(self) -> Message:
        """The first of the joined messages."""
        return Message._of(self.parts[:1])

    def __reduce__(self) -> tuple[object, ...]:
        return (Message._of, (self.parts,))


def text(message: object, lang: Lang) -> str:
    """``message`` worded in ``lang``: a :class:`Message` from its keys, any other value as it is
    (a name from the data, a number, an empty reason)."""
    if isinstance(message, Message):
        return "; ".join(t(k, lang, **dict(p)) for k, p in message.parts)
    if isinstance(message, Named):
        return message.fr if lang == "fr" else str(message)
    return "" if message is None else str(message)
