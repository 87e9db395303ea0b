"""Vectorised CSV encoding: a million rows of numbers and text to UTF-8 bytes without Python per cell.

The per-line CSV of a report has a million rows of some forty cells; formatting each cell with
Python (``"%.6g" % x``, ``str``) costs seconds. Here every column of a chunk of rows becomes a
matrix of bytes, one row per line and a fixed width per column, with :data:`PAD` where the cell
is shorter than its slot. The columns are laid side by side with the separators, and one
``bytes.translate`` drops every :data:`PAD` byte: what is left is the chunk's CSV text, ready for
the file. :data:`PAD` (``0xFF``) never occurs in UTF-8 text, so no cell can lose a byte to it.
Chunks are ~1 MB (:data:`CHUNK_BYTES`), so the temporaries stay in the processor's cache.

* Floats are written as ``"%.6g" % x`` writes them, digit for digit (six significant digits,
  trailing zeros dropped, exponent form below 1e-4 and from 1e6 up), with the decimal mark
  asked for, and an empty cell for NaN and infinities. The digits come from rounding
  ``|x| * 10**(5 - exponent)`` to an integer; the few values where that product lies within
  1e-6 of a rounding tie (where the float product could round otherwise than the exact
  decimal value) are formatted by Python itself, as are exponents beyond 10**±22.
* Integers are written in full, ``-`` for negatives.
* Text columns come as codes into their distinct cells (quoted already, see the caller): each
  distinct cell is encoded once, and a row takes its cell by its code. Columns with long cells
  (the flags) are not padded into the matrix but joined to the rows' other parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np

PAD = 0xFF
"""Filler byte of the slots; never part of UTF-8 text."""

FLOAT_WIDTH = 24
"""Slot of a float, six 4-byte words: sign, then the digits three by three (10**5..10**3,
10**2..10**0 and the decimal mark, then three groups of decimals down to 10**-9), each word's
unused bytes :data:`PAD`; exponent forms (at most 13 characters) are written in it as they are."""

_PADW = np.uint32(0xFFFFFFFF)
_POW10 = 10.0 ** np.arange(-22, 23)  # 10**k at k + 22


def _words(texts: list[bytes]) -> np.ndarray:
    """Up to four bytes each -> one native uint32 each, :data:`PAD`-filled."""
    return np.frombuffer(b"".join(t.ljust(4, b"\xff") for t in texts), dtype=np.uint32).copy()


def _triples(mark: str) -> dict[str, np.ndarray]:
    """Word tables indexed by a group of three digits (0-999), for each place a group can take."""
    full = [f"{i:03d}".encode() for i in range(1000)]
    lead = [str(i).encode() if i else b"" for i in range(1000)]  # leading zeros dropped
    units = [str(i).encode() for i in range(1000)]  # leading zeros dropped, the units kept
    trail = [f"{i:03d}".rstrip("0").encode() for i in range(1000)]  # trailing zeros dropped
    m = mark.encode("ascii")
    return {
        "lead": _words(lead),
        "full": _words(full),
        "units": _words(units),
        "full_mark": _words([t + m for t in full]),
        "units_mark": _words([t + m for t in units]),
        "trail": _words(trail),
    }


_TABLES: dict[str, dict[str, np.ndarray]] = {}
_MINUS = _words([b"-"])[0]


def _table(decimal: str) -> dict[str, np.ndarray]:
    return _TABLES.get(decimal) or _TABLES.setdefault(decimal, _triples(decimal))


def format_floats(values: Any, decimal: str = ".", end: Any = PAD) -> np.ndarray:
    """Floats (any shape) -> uint8 array of their ``%.6g`` text, one more axis of
    :data:`FLOAT_WIDTH` bytes, :data:`PAD`-filled.

    NaN and infinities give an empty cell. ``decimal`` is the decimal mark (one character);
    ``end`` (a byte, or bytes broadcast over ``values``) is written in each slot's last byte.

    A value in fixed notation (decimal exponent ``X`` from -4 to 5) rounded to six significant
    digits ``r`` (100000 to 999999) is ``r * 10**(X - 5)``, that is ``N = r * 10**(X + 4)``
    units of 10**-9: an integer below 10**15, exact in a float. Its integer part and its nine
    decimals are cut into groups of three digits, and each group is written by a table lookup
    that already drops what ``%g`` drops: the integer part's leading zeros (but the units), the
    decimals' trailing zeros, and the decimal mark when no decimal is left. Exponent forms and
    near-ties are rare: Python formats them.
    """
    tables = _table(decimal)
    shape = np.shape(values)
    x = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
    n = len(x)
    finite = np.isfinite(x)
    a = np.abs(x)
    nonzero = finite & (a != 0)
    safe = np.where(nonzero, a, 1.0)
    e = np.floor(np.log10(safe)).astype(np.int64)
    np.clip(e, -30, 30, out=e)
    s = _scaled(safe, e)
    r = np.rint(s)
    # log10 may miss by one near powers of ten: the rounded value says which exponent is right
    off = np.flatnonzero((r >= 1e6) | (r < 1e5))
    tie = np.abs(s - r) > 0.5 - 1e-6
    if len(off):
        e[off] += np.where(r[off] >= 1e6, 1, -1)
        s_off = _scaled(safe[off], e[off])
        r[off] = np.rint(s_off)
        tie[off] |= np.abs(s_off - r[off]) > 0.5 - 1e-6
    fixed = nonzero & (e >= -4) & (e <= 5) & ~tie & (r >= 1e5) & (r < 1e6)
    python = nonzero & ~fixed  # exponent notation and near-ties
    big = np.where(fixed, r * _POW10[np.where(fixed, e + 26, 22)], 0.0)  # N, in 10**-9: exact
    # groups of three digits; every step is exact as N < 10**15 < 2**53 (and faster in floats)
    ip = np.floor(big / 1e9)  # the integer part
    fp = big - ip * 1e9  # the nine decimals
    hi = np.floor(ip / 1e3)
    g2 = np.floor(fp / 1e6)
    rest = fp - g2 * 1e6
    g3 = np.floor(rest / 1e3)
    g0, g1 = hi.astype(np.intp), (ip - hi * 1e3).astype(np.intp)
    g2, g3, g4 = g2.astype(np.intp), g3.astype(np.intp), (rest - g3 * 1e3).astype(np.intp)
    out = np.empty((n, 6), dtype=np.uint32)
    sign = np.signbit(x) & finite
    out[:, 0] = np.where(sign, _MINUS, _PADW)
    high = g0 != 0
    out[:, 1] = np.where(high, tables["lead"][g0], _PADW)
    n3, n4, n5 = g2 != 0, g3 != 0, g4 != 0
    mark = n3 | n4 | n5
    out[:, 2] = np.where(
        mark,
        np.where(high, tables["full_mark"][g1], tables["units_mark"][g1]),
        np.where(high, tables["full"][g1], tables["units"][g1]),
    )
    trail = tables["trail"]
    out[:, 5] = np.where(n5, trail[g4], _PADW)
    out[:, 4] = np.where(n5, tables["full"][g3], np.where(n4, trail[g3], _PADW))
    out[:, 3] = np.where(n5 | n4, tables["full"][g2], np.where(n3, trail[g2], _PADW))
    out[~finite] = _PADW
    text = out.view(np.uint8)
    for i in np.flatnonzero(python).tolist():
        cell = f"{x[i]:.6g}"
        if decimal != ".":
            cell = cell.replace(".", decimal)
        text[i] = PAD
        text[i, : len(cell)] = np.frombuffer(cell.encode("ascii"), dtype=np.uint8)
    text = text.reshape(*shape, FLOAT_WIDTH)
    if np.any(end != PAD):
        text[..., -1] = end  # always free: a group of decimals has three digits, Python's forms 13
    return text


def _scaled(a: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``a * 10**(5 - e)``: off the exact decimal product by a few units in the last place, far
    below the 1e-6 from a rounding tie within which :func:`format_floats` lets Python round."""
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        return a * _POW10[np.clip(27 - e, 0, 44)]


def format_ints(values: Any, end: int = PAD) -> np.ndarray:
    """Integers -> ``(n, width)`` uint8 matrix of their decimal text then ``end``, :data:`PAD`-filled.

    Digits go three at a time through the tables of :func:`format_floats`; values beyond 2**53
    (not exact in a float) are formatted by Python. ``width`` is a multiple of 4.
    """
    tables = _table(".")
    v = np.asarray(values, dtype=np.int64)
    n = len(v)
    mag = np.abs(v.astype(np.float64))
    exact = mag < 2.0**53
    mag = np.where(exact, mag, 0.0)
    top = max(abs(int(v.min())), abs(int(v.max()))) if n else 0  # Python ints: no overflow
    k = max(1, (len(str(top)) + 2) // 3)  # groups of three digits (inexact values fit too)
    out = np.empty((n, k + 2), dtype=np.uint32)
    out[:, 0] = np.where(v < 0, _MINUS, _PADW)
    groups = []
    for _ in range(k):
        q = np.floor(mag / 1e3)
        groups.append((mag - q * 1e3).astype(np.intp))
        mag = q
    started = np.zeros(n, dtype=bool)
    for j, g in enumerate(groups[::-1]):
        if j == k - 1:  # the units: "0" for a zero
            out[:, j + 1] = np.where(started, tables["full"][g], tables["units"][g])
        else:
            out[:, j + 1] = np.where(started, tables["full"][g], np.where(g != 0, tables["lead"][g], _PADW))
            started |= g != 0
    out[:, k + 1] = _words([bytes([end])])[0] if end != PAD else _PADW
    text = out.view(np.uint8)
    for i in np.flatnonzero(~exact).tolist():
        cell = str(int(v[i])).encode("ascii")
        text[i, :-4] = PAD
        text[i, : len(cell)] = np.frombuffer(cell, dtype=np.uint8)
    return text


WIDE_CELL = 64
"""Text columns with a cell longer than this (in UTF-8 bytes, separator included) are not
padded into the byte matrix (one long cell would widen every row): their cells are joined to
the rows' other parts by ``bytes.join``."""

CHUNK_BYTES = 1 << 20
"""Size of the byte matrix of one chunk of rows (bounds the writer's memory)."""

_PAD_BYTE = bytes([PAD])
_CUT = 0xFE  # ends a row's part in the matrix when wide cells come between parts; not UTF-8 either


def encode_cells(cells: list[bytes]) -> np.ndarray:
    """Encoded cells -> ``(k, width)`` uint8 matrix of their bytes, :data:`PAD`-filled; ``width``
    is a multiple of 4 (the matrices are copied four bytes at a time)."""
    width = -(-max((len(b) for b in cells), default=0) // 4) * 4
    out = np.full((len(cells), width), PAD, dtype=np.uint8)
    if width:
        flat = np.frombuffer(b"".join(cells), dtype=np.uint8)
        lengths = np.fromiter((len(b) for b in cells), dtype=np.int64, count=len(cells))
        rows = np.repeat(np.arange(len(cells)), lengths)
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        out[rows, np.arange(len(flat)) - starts] = flat
    return out


def csv_rows(columns: list[tuple[Any, ...]], *, sep: str, decimal: str) -> Iterator[bytes]:
    """The rows of a CSV file as UTF-8 bytes, a chunk of rows at a time (header not included).

    ``columns`` are ``("f", floats)``, ``("i", integers)`` or ``("t", codes, cells)`` where
    ``cells`` are the distinct cells' final text (quoted already) and ``codes`` pick one per row;
    floats may be any sequence read by slices (``len`` and ``[start:stop]`` giving an array), so a
    column can be computed a chunk at a time.
    ``sep`` is one ASCII character; rows end with ``\\n``.

    Runs of columns are laid side by side in one byte matrix per chunk (each column's slot
    ending with its separator), and the :data:`PAD` bytes are dropped. A text column with long
    cells is kept out of the matrix: the matrices then end each row with a byte that cannot
    occur in UTF-8, are split on it, and the parts and long cells are joined row by row.
    """
    if not columns:
        return
    n = len(columns[0][1])
    ends = [sep.encode("ascii")] * (len(columns) - 1) + [b"\n"]
    parts: list[Any] = []  # ("m", [column specs]) for a run of matrix columns, or ("w", codes, cells)
    for col, end in zip(columns, ends, strict=True):
        if col[0] == "t":
            encoded = [c.encode("utf-8") + end for c in col[2]]
            if max((len(b) for b in encoded), default=0) > WIDE_CELL:
                parts.append(("w", np.asarray(col[1]), np.array(encoded, dtype=object)))
                continue
            spec: tuple[Any, ...] = ("t", np.asarray(col[1]), encode_cells(encoded).view(np.uint32))
        elif col[0] == "f":
            if parts and parts[-1][0] == "m" and parts[-1][1] and parts[-1][1][-1][0] == "f":
                parts[-1][1][-1][1].append(col[1])
                parts[-1][1][-1][2].append(end[0])
                continue
            spec = ("f", [col[1]], [end[0]])
        else:
            spec = (col[0], np.asarray(col[1]), end[0])
        if not parts or parts[-1][0] != "m":
            parts.append(("m", []))
        parts[-1][1].append(spec)
    split = any(p[0] == "w" for p in parts)
    width = sum(_width(spec) for p in parts if p[0] == "m" for spec in p[1]) + 4
    step = max(1, CHUNK_BYTES // max(1, width))

    def chunk(start: int) -> bytes:
        stop = min(n, start + step)
        pieces = []
        for p in parts:
            if p[0] == "w":
                pieces.append(p[2][p[1][start:stop]].tolist())
                continue
            block = _block(p[1], start, stop, decimal, _CUT if split else None)
            if not split:
                return block
            pieces.append(block.split(b"\xfe")[:-1])
        return b"".join(chain.from_iterable(zip(*pieces, strict=True)))

    yield from map(chunk, range(0, n, step))


def _width(spec: tuple[Any, ...]) -> int:
    """Bytes of a matrix column's slot (a multiple of 4)."""
    if spec[0] == "f":
        return FLOAT_WIDTH * len(spec[1])
    if spec[0] == "i":
        return 4 * 9  # sign, up to 7 groups of three digits, the separator
    return spec[2].shape[1] * 4


def _block(specs: list[tuple[Any, ...]], start: int, stop: int, decimal: str, cut: int | None) -> bytes:
    """Rows ``start:stop`` of a run of matrix columns as bytes (each row ended by ``cut``)."""
    m = stop - start
    words = []
    for spec in specs:
        kind = spec[0]
        if kind == "t":
            words.append(np.take(spec[2], spec[1][start:stop], axis=0))
        elif kind == "f":
            # adjacent float columns are formatted as one (rows, columns) array: its text comes
            # out row by row, as the file wants it
            block = np.empty((m, len(spec[1])), dtype=np.float64)
            for j, values in enumerate(spec[1]):
                block[:, j] = values[start:stop]
            text = format_floats(block, decimal, np.array(spec[2], dtype=np.uint8))
            words.append(text.reshape(m, -1).view(np.uint32))
        else:
            words.append(format_ints(spec[1][start:stop], spec[2]).view(np.uint32))
    if cut is not None:
        words.append(np.full((m, 1), _words([bytes([cut])])[0], dtype=np.uint32))
    rows = np.concatenate(words, axis=1).view(np.uint8) if len(words) > 1 else words[0].view(np.uint8)
    return rows.tobytes().translate(None, _PAD_BYTE)  # twice as fast as rows[rows != PAD]
