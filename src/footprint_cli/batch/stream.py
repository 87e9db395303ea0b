"""A purchase file larger than memory: read in chunks, each computed on its own, added up exactly.

A regional roll-up (every canteen of a region, tens of millions of lines) does not fit in memory
as one table. Here the file is cut into chunks of whole records (:func:`layout`); each chunk is
read like a file of its own (the header in front) and computed by the report's own pipeline
(:func:`~.report.compute_report`, with a :class:`~.report.Shared` context so labels, origins,
scenario keys and intervals already met are not computed again); its per-line figures, flags and
rejected rows are final, and its totals are turned into **partial aggregates**
(:func:`chunk_partials`): a DataFrame of exact integer partial sums (see :mod:`.exact`) per
(measure, group), which add up across chunks with a plain group-by sum -- in this process
(:func:`stream_rollup`) or on a distributed engine's partitions (:func:`dask_rollup`: Dask's
DataFrame API, ``from_map`` then ``groupby().agg()``, on whatever scheduler it is given).

The Monte Carlo draws of the totals and what-ifs are per canonical scenario and shared by the
lines: the chunks add up each scenario key's kg and euros (exactly), and :func:`finish` draws
once for the whole file, in the order the whole file would have met the keys. Totals,
breakdowns (family, origin, stage, site, supplier, month), line counts, flags and intervals are
the same floats, bit for bit, as :func:`~.report.compute_report` on the whole file.

Limits: CSV files in a one-byte-per-ASCII encoding (UTF-8, cp1252, latin-1); the first chunk's
reading decisions (each number column's decimal mark, the date order) bind every later chunk,
and a chunk whose own cells would change them for the whole file (a first chunk that cannot tell,
a later one that can) is refused with a message to run without ``--chunks``; the spend over every row read (the EGalim
shares' denominator) is added up from the chunks' sums.
"""

from __future__ import annotations

import ast
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..catalog import Catalog
from ..engine import DEFAULT_DESTINATION, STAGES, Flag, carbon_price_of, destination_place
from ..errors import InputError
from ..i18n import Message
from ..model.loader import Dataset
from ..uncertainty import INTERVAL, MonteCarlo
from .exact import Partials, floats_of
from .reader import PurchaseFile, _sniff_delimiter, read_purchase_bytes
from .report import (
    SCOPES,
    KeySums,
    Plan,
    Report,
    ResolvedKeys,
    Share,
    Shared,
    WhatIf,
    _Evaluator,
    _Key,
    _Sums,
    compute_report,
    draw,
    weigh_keys,
    weigh_what_ifs,
    what_if_results,
)

__all__ = [
    "PARTIAL_COLUMNS",
    "Chunk",
    "Layout",
    "Rollup",
    "chunk_partials",
    "chunk_reports",
    "dask_rollup",
    "finish",
    "layout",
    "merge_partials",
    "stream_rollup",
]

PARTIAL_COLUMNS = {
    "measure": object,
    "group": object,
    "exp": np.int64,
    "hi": np.int64,
    "lo": np.int64,
    "first": np.int64,
}
"""The partial aggregates of a chunk: exact integer sums (:mod:`.exact`) per (measure, group,
exponent), and the first line of the file where the group was met (its order)."""

DEFAULT_CHUNK_BYTES = 64 << 20
"""Bytes of CSV per chunk: ~600,000 lines of a typical export, a few hundred MB while computed."""

TAIL_LINES = 64
"""A last chunk shorter than this many lines is read with the chunk before it."""

_BYTE_ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "iso8859-1", "ascii")
_SEP = "\x1f"


# ---------------------------------------------------------------- cutting the file


@dataclass(frozen=True)
class Chunk:
    """A byte range of whole records, and the number of lines before it."""

    start: int
    stop: int
    lines_before: int


@dataclass(frozen=True)
class Layout:
    """How a file is read in chunks: its header bytes and its chunks of records."""

    path: str
    chunks: list[Chunk]
    header_stop: int
    """Bytes before the first chunk: title rows and header, put in front of every chunk."""
    header_lines: int
    encoding: str | None
    delimiter: str | None
    columns: dict[str, str] | None = None
    header_row: int | None = None
    """The header's line (``--header-row``), the same in every chunk: the lines above it come too."""
    decisions: dict[str, str | None] = field(default_factory=dict)
    """The first chunk's reading decisions (decimal marks, date order), binding on every chunk."""


def _quote_toggles(
    quotes: list[int], starts: list[bool], inside: bool, closed_at: int
) -> tuple[list[int], bool, int]:
    """The quotes that open or close a quoted field, by the CSV parser's rule: outside a quoted
    field, a quote opens one only at the start of a field (``Pommes 5" calibre`` is text), or
    right after the quote that closed one (``""``: an escaped quote); inside, every quote closes."""
    out = []
    for q, start in zip(quotes, starts, strict=True):
        if inside:
            inside, closed_at = False, q
            out.append(q)
        elif start or q == closed_at + 1:
            inside = True
            out.append(q)
    return out, inside, closed_at


def _cuts(path: Path, chunk_bytes: int, delimiter: str) -> list[Chunk]:
    """Record boundaries (a newline outside quotes) about every ``chunk_bytes``, the file read a
    block at a time (one byte of memory per byte of the block); ``delimiter`` tells where a
    field starts (where a quote opens a quoted field)."""
    size = path.stat().st_size
    chunk_bytes = min(chunk_bytes, max(size, 1))  # a block never larger than the file
    chunks: list[Chunk] = []
    start = lines_at_start = pos = lines = 0
    inside, closed_at, last = False, -2, 10  # the file starts as after a newline
    sep = ord(delimiter)
    with path.open("rb") as fh:
        while block := fh.read(chunk_bytes):
            arr = np.frombuffer(block, dtype=np.uint8)
            newline = arr == 10
            q = np.flatnonzero(arr == 34)
            prev = np.where(q > 0, arr[np.maximum(q - 1, 0)], last)
            if pos == 0 and block.startswith(b"\xef\xbb\xbf"):
                prev[q == 3] = 10  # after the byte order mark: the start of the file
            was_inside = inside
            toggles, inside, closed_at = _quote_toggles(
                (q + pos).tolist(), ((prev == 10) | (prev == sep)).tolist(), inside, closed_at
            )
            nl = np.flatnonzero(newline)
            quoted = (np.searchsorted(np.asarray(toggles, dtype=np.int64), nl + pos) % 2).astype(
                bool
            ) ^ was_inside
            ends = nl[~quoted]
            last = int(arr[-1])
            if len(ends) and pos + int(ends[-1]) + 1 < size:
                e = int(ends[-1])
                chunks.append(Chunk(start, pos + e + 1, lines_at_start))
                start, lines_at_start = pos + e + 1, lines + int(np.count_nonzero(newline[: e + 1]))
            lines += int(np.count_nonzero(newline))
            pos += len(block)
    if chunks and lines - lines_at_start < TAIL_LINES:
        # the rows under the table (a total, notes) are told apart from purchases by the rows
        # above them: a short last piece stays with the chunk before it
        last = chunks.pop()
        start, lines_at_start = last.start, last.lines_before
    chunks.append(Chunk(start, size, lines_at_start))
    return [c for c in chunks if c.stop > c.start]


def layout(
    path: str | Path,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: dict[str, str] | None = None,
    header_row: int | None = None,
) -> tuple[Layout, PurchaseFile]:
    """Cut a CSV file into chunks of whole records; the first chunk is read (its encoding,
    separator and header are the file's) and returned with the layout."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(Message("rd.err.not_found", path=str(p))) from None
    except OSError as exc:
        raise InputError(Message("rd.err.cannot_read", path=str(p), detail=exc.strerror or exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(Message("rd.err.directory", path=str(p)))
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device: it cannot be read twice
        raise InputError(Message("rep.err.stream_regular", path=str(p)))
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        head = b""
    if head[:4] == b"PK\x03\x04" or p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise InputError(Message("rep.err.stream_csv", path=str(p)))
    sep = delimiter if delimiter is not None and len(delimiter) == 1 else None
    if sep is None:  # the separator tells where fields start, so where quotes open
        with p.open("rb") as fh:
            sep = _sniff_delimiter(fh.read(1 << 16).decode("latin-1"))
    chunks = _cuts(p, max(chunk_bytes, 1), sep)
    if not chunks:  # an empty file: the reader's own refusal
        read_purchase_bytes(p, b"", encoding=encoding, delimiter=delimiter, columns=columns)
        raise InputError(Message("rd.err.empty", path=str(p)), hint=Message("rd.hint.empty"))
    first = chunks[0]
    with p.open("rb") as fh:
        data = fh.read(first.stop)
    pf = read_purchase_bytes(
        p, data, encoding=encoding, delimiter=delimiter, columns=columns, header_row=header_row
    )
    if pf.encoding not in _BYTE_ENCODINGS:
        raise InputError(Message("rep.err.stream_csv", path=str(p)))
    # the header: every line before the first row read (title rows, the header itself)
    seen = [int(x) for x in (pf.lines["line"].min() if len(pf.lines) else None,) if x is not None]
    seen += [int(pf.rejected["line"].min())] if len(pf.rejected) else []
    first_row = min(seen) if seen else 2
    offsets = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    header_stop = int(offsets[first_row - 2]) + 1 if first_row >= 2 and len(offsets) >= first_row - 1 else 0
    # the first chunk holds the header: it starts where the records start
    out = Layout(
        str(p),
        chunks,
        header_stop,
        first_row - 1,
        pf.encoding,
        pf.delimiter,
        columns,
        header_row,
        pf.decisions,
    )
    return out, pf


def read_chunk(lay: Layout, i: int) -> PurchaseFile:
    """Chunk ``i`` of the layout, read as a file of its own (header in front), with the line
    numbers of the whole file."""
    c = lay.chunks[i]
    p = Path(lay.path)
    with p.open("rb") as fh:
        prefix = fh.read(lay.header_stop) if c.start else b""  # the first chunk has the header
        fh.seek(c.start)
        data = prefix + fh.read(c.stop - c.start)
    pf = read_purchase_bytes(
        p,
        data,
        encoding=lay.encoding,
        delimiter=lay.delimiter,
        columns=lay.columns,
        header_row=lay.header_row,
        decisions=lay.decisions,
    )
    del data
    shift = c.lines_before - lay.header_lines if c.start else 0
    if shift:
        pf.lines["line"] = pf.lines["line"] + shift
        if len(pf.rejected):
            pf.rejected["line"] = pf.rejected["line"] + shift
        pf.notes = [_shifted(n, shift) for n in pf.notes]
    return pf


def _shifted(note: Any, shift: int) -> Any:
    """A reader's note with its line number in the whole file."""
    parts = getattr(note, "parts", None)
    if not parts or not any(dict(p).get("line") is not None for _, p in parts):
        return note
    return Message.joined(
        Message(k, **{n: v + shift if n == "line" and isinstance(v, int) else v for n, v in p})
        for k, p in parts
    )


PER_CHUNK_NOTES = frozenset({"note.total_equal", "note.total_differs"})
"""Notes that compare a chunk with itself: left out of a file read in several chunks."""


def merge_notes(notes: list[list[Any]], chunks: int) -> list[Any]:
    """The chunks' notes as one list: the same note once, counts (``n``) of the same note added up."""
    out: dict[Any, Any] = {}
    for chunk_notes in notes:
        for note in chunk_notes:
            parts = getattr(note, "parts", None)
            if parts is None or len(parts) != 1:
                out.setdefault(note, note)
                continue
            key, params = parts[0]
            if chunks > 1 and key in PER_CHUNK_NOTES:
                continue
            p = dict(params)
            if isinstance(p.get("n"), int):
                ident = (key, tuple((k, v) for k, v in params if k != "n"))
                got = out.get(ident)
                p["n"] = p["n"] + (dict(got.parts[0][1])["n"] if got is not None else 0)
                out[ident] = Message(key, **p)
            else:
                out.setdefault(note, note)
    return list(out.values())


# ---------------------------------------------------------------- partial aggregates of a chunk


def _key_text(key: tuple[Any, ...]) -> str:
    return repr(key)


def _frame(measure: str, values: Any, codes: np.ndarray, names: list[str], first: Any) -> pd.DataFrame:
    part = Partials.of(values, codes, len(names)).frame(names)
    part.insert(0, "measure", measure)
    first_of = dict(zip(names, np.asarray(first).tolist(), strict=True))
    part["first"] = np.array([first_of[g] for g in part["group"]], dtype=np.int64)
    return part


def _by(values: Any, line: np.ndarray) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Codes of a per-line grouping, the group names (trimmed text, "" for missing) and the
    first line of each group."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    names = ["" if u is None or (isinstance(u, float) and u != u) else str(u).strip() for u in uniques]
    group_of, group_names = pd.factorize(pd.Series(names, dtype=object), use_na_sentinel=False)
    codes = np.asarray(group_of, dtype=np.int64)[codes]
    first = np.full(len(group_names), np.iinfo(np.int64).max, dtype=np.int64)
    if len(codes):
        np.minimum.at(first, codes, line)
    return codes, [str(g) for g in group_names], first


def chunk_partials(r: Report, site: str | None = None, supplier: str | None = None) -> pd.DataFrame:
    """The partial aggregates (:data:`PARTIAL_COLUMNS`) of a chunk's report (computed with a
    :class:`~.report.Shared` context, so it keeps its keys)."""
    from .breakdowns import line_months

    assert r.keys is not None, "a chunk is computed with a Shared context"
    kt = r.keys
    frames: list[pd.DataFrame] = []
    line = r.table["line"].to_numpy(dtype=np.int64)
    kg = r.figures.kg
    amount = r.figures.amount
    amount0 = np.where(np.isnan(amount), 0.0, amount)
    est = r.figures.by_price
    total = r.figures.column("total_kg_co2e")

    # per scenario key: kg measured, euros of estimated kg, kg, lines; then whether it was seen ok
    names = [_key_text(k) for k in kt.keys]
    n_keys = len(names)
    kc = np.asarray(kt.of_line, dtype=np.int64)
    first = np.asarray(kt.first_line, dtype=np.int64)
    frames.append(_frame("key.kg_measured", np.where(est, 0.0, kg), kc, names, first))
    frames.append(_frame("key.eur_estimated", np.where(est, amount, 0.0), kc, names, first))
    frames.append(_frame("key.kg", kg, kc, names, first))
    frames.append(_frame("key.lines", np.ones(len(kc)), kc, names, first))
    # every key met, accepted or not, with its first line: the whole file's order of the keys
    every = np.arange(n_keys)
    frames.append(_frame("key.seen", np.ones(n_keys), every, names, first))
    frames.append(_frame("key.ok", np.asarray(kt.ok, dtype=float), every, names, first))
    scope_col = pd.Categorical(r.table["origin_scope"])
    width = len(scope_col.categories) + 1
    pair_codes, pairs = pd.factorize(kc * width + scope_col.codes.astype(np.int64), use_na_sentinel=False)
    pair_names = [f"{names[int(q) // width]}{_SEP}{scope_col.categories[int(q) % width]}" for q in pairs]
    pair_first = np.full(len(pair_names), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(pair_first, pair_codes, line)
    frames.append(_frame("key.scope", np.ones(len(kc)), pair_codes, pair_names, pair_first))

    # totals
    zero = np.zeros(len(line), dtype=np.int64)
    all_first = np.array([int(line.min()) if len(line) else 0])
    for name, values in (
        ("kg", kg),
        ("kg_co2e", total),
        ("amount_eur", amount[~np.isnan(amount)]),
        ("price_model_eur", r.table["price_model_eur"].to_numpy(dtype=float)),
        *((f"stage:{s}", r.figures.column(f"{s}_kg_co2e")) for s in STAGES),
    ):
        frames.append(_frame("total", values, zero[: len(values)], [name], all_first))
    counts = {"rows_read": r.rows_read, "rows_computed": r.rows_computed, "rows_rejected": r.rows_rejected}
    for name, c in counts.items():
        frames.append(_frame("count", [float(c)], np.zeros(1, dtype=np.int64), [name], all_first))
    if r.spend is not None:
        s = r.spend
        spend_items = {
            "eur": s.eur,
            "rows_with_amount": s.rows_with_amount,
            "rows_without_amount": s.rows_without_amount,
            "egalim_eur": s.egalim_eur,
        }
        spend_items.update({f"label:{k}": v for k, v in s.label_eur.items()})
        if s.local_eur is not None:
            spend_items["local_eur"] = s.local_eur
        for name, v in spend_items.items():
            frames.append(_frame("spend", [float(v)], np.zeros(1, dtype=np.int64), [name], all_first))

    # breakdowns: lines, kg, kg CO2e, euros per group
    groupings: list[tuple[str, Any]] = [
        ("family", r.table["family"]),
        ("origin_scope", r.table["origin_scope"]),
        ("month", line_months(r)),
    ]
    for what, header in (("site", site), ("supplier", supplier)):
        if header and f"in:{header}" in r.table.columns:
            groupings.append((what, r.table[f"in:{header}"]))
    for what, values in groupings:
        codes, groups, gfirst = _by(values, line)
        for measure, v in (("lines", np.ones(len(codes))), ("kg", kg), ("kg_co2e", total), ("eur", amount0)):
            frames.append(_frame(f"{what}.{measure}", v, codes, groups, gfirst))

    # flags: lines per flag; order: the first line of the first group holding it, then its place
    if len(line):
        g_codes = r.table["flag_group"].to_numpy(dtype=np.int64)
        sizes = np.bincount(g_codes, minlength=len(r.flag_groups))
        g_first = np.full(len(r.flag_groups), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(g_first, g_codes, line)
        flag_n: dict[str, float] = {}
        flag_first: dict[str, int] = {}
        for g, flags in enumerate(r.flag_groups):
            if not sizes[g]:
                continue
            for pos, f in enumerate(flags):
                k = repr(
                    (f.code, tuple(sorted((p, str(v)) for p, v in f.params.items())), tuple(f.params.items()))
                )
                flag_n[k] = flag_n.get(k, 0.0) + float(sizes[g])
                order = int(g_first[g]) * 256 + pos
                flag_first[k] = min(flag_first.get(k, order), order)
        fnames = list(flag_n)
        frames.append(
            _frame(
                "flag",
                [flag_n[k] for k in fnames],
                np.arange(len(fnames)),
                fnames,
                [flag_first[k] for k in fnames],
            )
        )
    out = pd.concat(frames, ignore_index=True)
    return out.astype(PARTIAL_COLUMNS)


def merge_partials(frames: list[pd.DataFrame] | pd.DataFrame) -> pd.DataFrame:
    """Partial aggregates added up: integer sums (exact, in any order) and the first line."""
    df = pd.concat(frames, ignore_index=True) if isinstance(frames, list) else frames
    return _reduce(df)


def _reduce(df: Any) -> Any:
    """The reduction, on a pandas or a Dask DataFrame alike."""
    return df.groupby(["measure", "group", "exp"]).agg({"hi": "sum", "lo": "sum", "first": "min"})


# ---------------------------------------------------------------- the whole file


@dataclass
class Rollup:
    """The report of a file read in chunks: what :class:`~.report.Report` gives, without the
    per-line table (written chunk by chunk)."""

    rows_read: int
    rows_computed: int
    rows_rejected: int
    total_kg: float
    total_kg_co2e: float
    interval_kg_co2e: tuple[float, float]
    stages_kg_co2e: dict[str, float]
    amount_eur: float
    price_model_eur: float
    carbon_price_key: str
    carbon_price_eur_per_t: float
    carbon_cost_eur: float
    by_family: list[Share]
    by_scope: list[Share]
    by_month: list[Any]
    by_site: list[Any]
    by_supplier: list[Any]
    what_ifs: list[WhatIf]
    flag_counts: list[tuple[Flag, int]]
    draws: int
    seed: int
    spend: dict[str, float] = field(default_factory=dict)
    notes: list[Any] = field(default_factory=list)
    total_draws_kg_co2e: np.ndarray | None = field(default=None, repr=False)


def _values(merged: pd.DataFrame) -> dict[str, dict[str, tuple[float, int]]]:
    """measure -> group -> (correctly rounded sum, first line), groups in order of first line."""
    flat = merged.reset_index()
    out: dict[str, dict[str, tuple[float, int]]] = {}
    for measure, part in flat.groupby("measure", sort=False):
        codes, groups = pd.factorize(part["group"])
        sums = floats_of(
            codes, part["exp"].to_numpy(), part["hi"].to_numpy(), part["lo"].to_numpy(), len(groups)
        )
        first = part.groupby(codes)["first"].min().to_numpy()
        order = np.argsort(first, kind="stable")
        out[str(measure)] = {str(groups[i]): (float(sums[i]), int(first[i])) for i in order}
    return out


def _shares(
    v: dict[str, dict[str, tuple[float, int]]], what: str, total: float, price: float | None
) -> list[Any]:
    from .breakdowns import Group

    rows = []
    for g in v.get(f"{what}.lines", {}):
        lines = int(v[f"{what}.lines"][g][0])
        kg = v.get(f"{what}.kg", {}).get(g, (0.0, 0))[0]
        co2 = v.get(f"{what}.kg_co2e", {}).get(g, (0.0, 0))[0]
        eur = v.get(f"{what}.eur", {}).get(g, (0.0, 0))[0]
        share = co2 / total if total else 0.0
        if price is None:
            rows.append(Share(g, lines, kg, co2, share, eur))
        else:
            rows.append(
                Group(
                    key=g,
                    lines=lines,
                    kg=kg,
                    kg_co2e=co2,
                    share=share,
                    amount_eur=eur,
                    carbon_cost_eur=co2 * price / 1000.0,
                )
            )
    return rows


def finish(
    merged: pd.DataFrame,
    data: Dataset,
    catalog: Catalog | None = None,
    *,
    destination: str = DEFAULT_DESTINATION,
    local_place: str = "FR",
    carbon_price: str | float | None = None,
    draws: int = 10_000,
    seed: int = 42,
) -> Rollup:
    """The whole file's report from its merged partial aggregates: the keys resolved in the
    order the file met them, their draws weighted once, the what-ifs, the breakdowns."""
    from .breakdowns import NOT_GIVEN

    catalog = catalog or Catalog(data)
    cp_key, cp_value = carbon_price_of(data, carbon_price)
    destination_place(data, catalog, destination)
    dest = catalog.place(destination).code
    local = catalog.place(local_place).code
    v = _values(merged)

    # the keys, in the order the whole file meets them
    seen = v.get("key.seen", {})
    names = list(seen)
    keys = [ast.literal_eval(k) for k in names]
    n_keys = len(keys)
    index = {k: i for i, k in enumerate(names)}

    def per_key(measure: str) -> np.ndarray:
        arr = np.zeros(n_keys)
        for k, (x, _) in v.get(measure, {}).items():
            arr[index[k]] = x
        return arr

    ok_keys = per_key("key.ok") > 0
    scopes: list[set[str]] = [set() for _ in range(n_keys)]
    for pair in v.get("key.scope", {}):
        k, s = pair.split(_SEP)
        scopes[index[k]].add(s)
    ks = KeySums(
        kg_measured=per_key("key.kg_measured"),
        eur_estimated=per_key("key.eur_estimated"),
        lines=per_key("key.lines").astype(np.int64),
        kg=per_key("key.kg"),
        scopes=scopes,
    )
    mc = MonteCarlo(draws, seed)
    ev = _Evaluator(data, catalog, dest, mc)
    info: list[_Key | str | None] = [ev.key(k) if ok_keys[i] else None for i, k in enumerate(keys)]
    res = ResolvedKeys(info, [i for i in range(n_keys) if isinstance(info[i], _Key)])
    plan = Plan(np.zeros(0, dtype=np.int64), keys, ok_keys)
    sums = _Sums(mc)
    weigh_keys(res, ks, sums)
    counts = weigh_what_ifs(data, plan, res, ks, ev, sums, local)
    draw(ev, sums, res, ks, data.products, None)
    total_draws = sums.totals.get((None, "base"), np.zeros(mc.n))
    interval = (
        float(np.percentile(total_draws, INTERVAL[0])),
        float(np.percentile(total_draws, INTERVAL[1])),
    )
    what_ifs = what_if_results(sums, counts, ev, local)

    totals = {g: x for g, (x, _) in v.get("total", {}).items()}
    total = totals.get("kg_co2e", 0.0)
    by_family = sorted(_shares(v, "family", total, None), key=lambda s: -s.kg_co2e)
    rank = {k: i for i, k in enumerate(SCOPES)}
    by_scope = sorted(_shares(v, "origin_scope", total, None), key=lambda s: rank.get(s.key, len(rank)))
    month_order = {str(i): i for i in range(1, 13)}
    by_month = sorted(
        _shares(v, "month", total, cp_value), key=lambda g: month_order.get("" if g.key == "0" else g.key, 13)
    )
    for g in by_month:
        if g.key == "0":
            object.__setattr__(g, "key", NOT_GIVEN)

    def largest(what: str) -> list[Any]:
        return sorted(_shares(v, what, total, cp_value), key=lambda g: (g.key == NOT_GIVEN, -g.kg_co2e))

    flags = []
    for k, (n, _) in sorted(v.get("flag", {}).items(), key=lambda kv: (-kv[1][0], kv[1][1])):
        code, _key, params = ast.literal_eval(k)
        flags.append((Flag(code, dict(params)), int(n)))
    c = {g: int(x) for g, (x, _) in v.get("count", {}).items()}
    return Rollup(
        rows_read=c.get("rows_read", 0),
        rows_computed=c.get("rows_computed", 0),
        rows_rejected=c.get("rows_rejected", 0),
        total_kg=totals.get("kg", 0.0),
        total_kg_co2e=total,
        interval_kg_co2e=interval,
        stages_kg_co2e={s: totals.get(f"stage:{s}", 0.0) for s in STAGES},
        amount_eur=totals.get("amount_eur", 0.0),
        price_model_eur=totals.get("price_model_eur", 0.0),
        carbon_price_key=cp_key,
        carbon_price_eur_per_t=cp_value,
        carbon_cost_eur=total * cp_value / 1000.0,
        by_family=by_family,
        by_scope=by_scope,
        by_month=by_month,
        by_site=largest("site"),
        by_supplier=largest("supplier"),
        what_ifs=what_ifs,
        flag_counts=flags,
        draws=draws,
        seed=seed,
        spend={g: x for g, (x, _) in v.get("spend", {}).items()},
        total_draws_kg_co2e=total_draws,
    )


# ---------------------------------------------------------------- running it


def chunk_reports(
    lay: Layout,
    data: Dataset,
    catalog: Catalog,
    settings: dict[str, Any],
    first: PurchaseFile | None = None,
    shared: Shared | None = None,
) -> Iterator[tuple[PurchaseFile, Report]]:
    """Each chunk read and computed (per-line figures final), in file order."""
    shared = shared if shared is not None else Shared()
    for i in range(len(lay.chunks)):
        pf = first if i == 0 and first is not None else read_chunk(lay, i)
        first = None
        yield pf, compute_report(pf, data, catalog, consume=True, shared=shared, **settings)


def stream_rollup(
    lay: Layout,
    data: Dataset,
    catalog: Catalog | None = None,
    *,
    first: PurchaseFile | None = None,
    site: str | None = None,
    supplier: str | None = None,
    on_chunk: Callable[[Report], None] | None = None,
    shared: Shared | None = None,
    **settings: Any,
) -> Rollup:
    """The report of a file read chunk by chunk in this process; ``on_chunk`` gets each chunk's
    report (its rejected rows, its per-line figures) before it is dropped."""
    catalog = catalog or Catalog(data)
    parts: list[pd.DataFrame] = []
    notes: list[list[Any]] = []
    for _pf, r in chunk_reports(lay, data, catalog, settings, first, shared):
        parts.append(merge_partials([chunk_partials(r, site, supplier)]))
        notes.append(r.notes)
        if on_chunk is not None:
            on_chunk(r)
        del r
        if len(parts) > 2:  # the merged sums stay small: keys x exponents, whatever the file
            parts = [merge_partials([p.reset_index() for p in parts])]
    merged = merge_partials([p.reset_index() for p in parts])
    out = finish(merged, data, catalog, **_finish_settings(settings))
    out.notes = merge_notes(notes, len(lay.chunks))
    return out


def _finish_settings(settings: dict[str, Any]) -> dict[str, Any]:
    keep = ("destination", "local_place", "carbon_price", "draws", "seed")
    return {k: settings[k] for k in keep if k in settings}


def _partition(
    lay: Layout, i: int, data: Dataset, settings: dict[str, Any], site: str | None, supplier: str | None
) -> pd.DataFrame:
    """One Dask partition: chunk ``i`` read, computed and turned into partial aggregates."""
    catalog = Catalog(data)
    pf = read_chunk(lay, i)
    r = compute_report(pf, data, catalog, consume=True, shared=Shared(), **settings)
    return chunk_partials(r, site, supplier)


def dask_rollup(
    lay: Layout,
    data: Dataset,
    catalog: Catalog | None = None,
    *,
    site: str | None = None,
    supplier: str | None = None,
    scheduler: str | None = None,
    **settings: Any,
) -> Rollup:
    """The report of a file whose chunks are Dask partitions (``dask.dataframe.from_map``), their
    partial aggregates added up by Dask's own group-by reduction, then finished here. Runs on the
    scheduler given (``"synchronous"``, ``"threads"``, ``"processes"``, or a distributed client's
    default when None)."""
    import dask.dataframe as dd

    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in PARTIAL_COLUMNS.items()})
    ddf = dd.from_map(
        _partition,
        [lay] * len(lay.chunks),
        list(range(len(lay.chunks))),
        data=data,
        settings=settings,
        site=site,
        supplier=supplier,
        meta=meta,
        enforce_metadata=False,
    )
    reduced = _reduce(ddf)
    merged = reduced.compute(scheduler=scheduler) if scheduler else reduced.compute()
    return finish(merged, data, catalog, **_finish_settings(settings))
