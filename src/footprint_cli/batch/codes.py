"""Coded columns: a column of a million lines held as small integer codes into its distinct
values, the way both the reader and the report keep their columns.

- :func:`code_dtype`: the smallest integer type for ``n`` codes (1 byte a line for a few values);
- :func:`category`: a pandas categorical from codes into (possibly repeated) values, categories
  in order of first appearance, the same codes ``pd.factorize`` would give;
- :class:`Reasons`: why each line is refused, as a code per line into a table of distinct
  messages (catalogue keys and parameters, worded where the report is shown).
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import pandas as pd

from ..i18n import Message


def code_dtype(n: int) -> type[np.signedinteger[Any]]:
    """The smallest integer type for codes 0..n (1 byte a line rather than 8 for a few distinct values)."""
    return np.int8 if n < 127 else np.int16 if n < 32767 else np.int32 if n < 2**31 - 1 else np.int64


def category(codes: np.ndarray, values: Any, seen: np.ndarray | None = None) -> pd.Categorical:
    """The categorical of ``values[codes]`` (``values`` may repeat), its categories in order of
    first appearance (no unused category); missing values stay missing (code -1).

    ``seen``, the distinct ``codes`` in order of first appearance (``pd.unique(codes)``), may be
    given when several columns share the codes: the order of the values then follows from it,
    with no pass over the lines but the final gather.
    """
    if seen is None:
        seen = pd.unique(codes)
    values = np.asarray(values, dtype=object)
    vcodes, uniques = pd.factorize(values[seen], use_na_sentinel=False)
    cats = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    missing = np.asarray(pd.isna(cats), dtype=bool)
    if missing.any():
        vcodes = np.where(missing, -1, np.cumsum(~missing) - 1)[vcodes]
        cats = cats[~missing]
    table = np.zeros(max(len(values), 1), dtype=code_dtype(len(cats)))
    table[seen] = vcodes
    return pd.Categorical.from_codes(table[codes], dtype=pd.CategoricalDtype(cats))


class _Cells(Protocol):
    codes: np.ndarray
    values: np.ndarray


class Reasons:
    """Why each line is refused, as a code per line into a table of distinct reasons (code 0: "",
    the line is accepted so far). A reason is a :class:`~footprint_cli.i18n.Message` (a key and
    its parameters); several reasons of one line are joined into one message, the first one first.

    Reasons come from a handful of distinct labels, origins, modes and keys: codes avoid an object
    array of 1M strings and the string joins per line; only the lines a step refuses are touched.
    """

    def __init__(self, n: int):
        self.codes = np.zeros(n, dtype=np.int32)
        self.texts: list[str] = [""]

    @classmethod
    def from_texts(cls, initial: Any) -> Reasons:
        """Reasons starting from one message per line ("" for a line accepted so far)."""
        codes, uniques = pd.factorize(pd.Series(initial, dtype=object).fillna(""), use_na_sentinel=False)
        out = cls(len(codes))
        out.add_codes(codes, [u if isinstance(u, str) else str(u) for u in uniques])
        return out

    def add(
        self, mask: np.ndarray, key: str, cells: _Cells | None = None, limit: int = 60, **params: object
    ) -> None:
        """Add the message ``key`` (with ``params``) to the lines in ``mask``; with ``cells`` (a coded
        column), the line's cell is its ``value`` parameter: ``date not understood: 'x'``. Only the
        refused lines are formatted."""
        idx = np.flatnonzero(mask)
        if not len(idx):
            return
        if cells is None:
            self._join(idx, np.zeros(len(idx), dtype=np.int64), [Message(key, **params)])
            return
        sub, used = pd.factorize(np.asarray(cells.codes)[idx])
        shown = pd.Series(np.asarray(cells.values, dtype=object)[used], dtype=object)
        shown = shown.str.strip().str.slice(0, limit)
        self._join(idx, sub, [Message(key, value=s if isinstance(s, str) else "", **params) for s in shown])

    def add_codes(self, new_codes: np.ndarray, new_texts: Any, where: np.ndarray | None = None) -> None:
        """Join ``new_texts[new_codes]`` to the lines' reasons where it is not empty (and ``where``)."""
        non_empty = np.array([bool(t) for t in new_texts], dtype=bool)
        if not non_empty.any():
            return
        has = non_empty[new_codes]
        if where is not None:
            has &= where
        idx = np.flatnonzero(has)
        if len(idx):
            self._join(idx, np.asarray(new_codes)[idx], list(new_texts))

    def _join(self, idx: np.ndarray, new_codes: np.ndarray, new_texts: list[Any]) -> None:
        # each distinct (current reason, new reason) pair becomes one new text
        width = len(new_texts)
        pairs, distinct = pd.factorize(self.codes[idx].astype(np.int64) * width + new_codes)
        for pair in distinct:
            cur, new = self.texts[pair // width], new_texts[pair % width]
            self.texts.append(new if cur == "" else Message.joined((cur, new)))
        self.codes[idx] = len(self.texts) - len(distinct) + pairs

    def accepted(self) -> np.ndarray:
        return self.codes == 0

    @property
    def flagged(self) -> np.ndarray:
        """Whether each line is refused so far."""
        return self.codes != 0

    def of(self, idx: np.ndarray) -> np.ndarray:
        """The reasons of lines ``idx`` (positions or a mask), as messages."""
        return np.asarray(self.texts, dtype=object)[self.codes[idx]]
