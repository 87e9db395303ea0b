"""The output boundary: every text from data or input passes here before a file or a terminal.

Three functions, one per kind of destination, so that no renderer decides on its own:

* :func:`cell` -- a text cell of a CSV file (or a spreadsheet): a cell a spreadsheet would run
  as a formula (first character ``=``, ``+``, ``-``, ``@``, tab, CR or LF: the OWASP "CSV
  injection" rules) gets a leading ``'``; a plain number (``-3,5``, ``+33``) is left as it is.
  :func:`csv_text` then quotes it when it holds the separator, a quote, a CR or an LF (a bare
  CR ends a row in spreadsheets just as LF does). :func:`csv_line` and :func:`csv_table` write
  whole rows with both.
* :func:`visible` -- a text shown in a terminal: control characters (ESC, the other C0 and C1
  controls, DEL) and the bidirectional overrides are replaced by visible stand-ins (``␛``,
  ``\\x9b``, ``<U+202E>``), so a cell cannot clear the screen, set the window title, write the
  clipboard, plant a hyperlink or reorder what is shown. Lone surrogates (a file name that is
  not valid UTF-8) are shown as the bytes they stand for (``\\xff``). Rich is given text, never
  markup: :func:`console` builds a Rich console that reads every string as plain text.
* :func:`html_text` -- text in HTML: :func:`visible`, then escaped (``<``, ``&``, quotes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: First characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"), and LF.
FORMULA_START = "=+-@\t\r\n"
_NUMBER = re.compile(r"[-+]?[\d\s\u00a0\u202f.,]*\d[\d\s\u00a0\u202f.,]*(?:[eE][-+]?\d+)?")


def cell(text: str) -> str:
    """A CSV/spreadsheet text cell that no spreadsheet runs as a formula (see the module)."""
    if text[:1] in FORMULA_START and text and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(text: str, sep: str) -> str:
    """:func:`cell`, quoted when it holds ``sep``, a quote, a CR or an LF (RFC 4180)."""
    text = cell(text)
    if sep in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_value(v: Any, sep: str) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, str):
        return csv_text(v, sep)
    return str(v)  # numbers stay numbers (repr of a float, as the csv module writes it)


def csv_line(values: Iterable[Any], sep: str = ",") -> str:
    """One CSV row, ``\\n``-ended: text cells neutralised and quoted, numbers as they are."""
    return sep.join(_csv_value(v, sep) for v in values) + "\n"


class CsvWriter:
    """``csv.writer(buf, lineterminator="\\n")`` with every row through :func:`csv_line`."""

    def __init__(self, buf: Any, sep: str = ",") -> None:
        self.buf, self.sep = buf, sep

    def writerow(self, values: Iterable[Any]) -> None:
        self.buf.write(csv_line(values, self.sep))


def csv_table(head: Iterable[Any], rows: Iterable[Iterable[Any]], sep: str = ",") -> str:
    """A whole CSV text (header then rows) through :func:`csv_line`."""
    return csv_line(head, sep) + "".join(csv_line(r, sep) for r in rows)


# ---------------------------------------------------------------- terminal

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_VISIBLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_VISIBLE.update({ord(c): f"<U+{ord(c):04X}>" for c in _BIDI})
_VISIBLE.update({ord(c): " " for c in "\u2028\u2029"})  # line/paragraph separators: one line
_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates made visible."""
    out = text.translate(_VISIBLE)
    if _SURROGATE.search(out):
        out = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", out)
    return out


_JSON_ESCAPES: dict[int, str] = {c: f"\\u{c:04x}" for c in range(0x80, 0xA0)}
_JSON_ESCAPES.update({ord(c): f"\\u{ord(c):04x}" for c in _BIDI + "\u2028\u2029\x7f"})


def json_text(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``, which escapes the C0 controls)
    with the C1 controls, DEL and the bidi overrides escaped too: the same data, inert in a
    terminal."""
    return text.translate(_JSON_ESCAPES)


def html_text(text: Any, quote: bool = True) -> str:
    """Text for HTML: :func:`visible`, then escaped."""
    from html import escape  # here: the tables and CSV of most commands do not need it

    return escape(visible(str(text)), quote=quote)


def console(*, stderr: bool = False, **kwargs: Any) -> Any:
    """A Rich console that prints every string as text (no markup, no emoji codes, no
    highlighting) with :func:`visible` applied; styled :class:`rich.text.Text` still works."""
    from rich.console import Console

    class _TextConsole(Console):
        def render_str(self, text: str, **kw: Any) -> Any:
            kw["markup"] = False
            kw["emoji"] = False
            kw["highlight"] = False
            return super().render_str(visible(text), **kw)

    kwargs.setdefault("markup", False)
    kwargs.setdefault("emoji", False)
    kwargs.setdefault("highlight", False)
    return _TextConsole(stderr=stderr, **kwargs)


def plain_text(value: str, style: str | None = None) -> Any:
    """A Rich :class:`~rich.text.Text` of ``value`` made :func:`visible` (never markup)."""
    from rich.text import Text

    return Text(visible(value), style=style or "")
