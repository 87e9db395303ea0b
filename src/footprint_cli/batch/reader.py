"""Purchase files in: messy CSV or Excel exports -> one clean, vectorised table.

:func:`read_purchases` reads a spreadsheet export (``;`` ``,`` tab or ``|`` separated CSV
in UTF-8, UTF-8 with BOM, UTF-16 or cp1252/ISO-8859-1, or an ``.xlsx`` workbook) or a
ma-cantine purchase export, recognises its columns by their French or English names,
and returns a :class:`PurchaseFile`:

* ``lines``: one row per accepted input row, with normalised columns (see
  :data:`LINE_COLUMNS`) and the original cells as text under ``in:<header>``;
* ``rejected``: one row per refused input row: ``line``, ``reason``, then the original
  cells as text under their original headers.

No row is ever lost: ``len(lines) + len(rejected) == rows_read``. Rows whose cells are all
empty are not purchases; they are counted in ``blank_rows`` and are not part of
``rows_read``. A row is refused only when it cannot be computed or when one of its
fields cannot be read (an unreadable date is refused rather than guessed).

The parsing is vectorised: cells are read as strings by pandas' C parser, then every
conversion runs as vector string operations over the *distinct* values of a column
(purchase files repeat units, dates, origins and suppliers a lot), so a million lines
take a few seconds. Only ragged lines (wrong number of fields) are collected row by row.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..catalog import fold
from ..errors import InputError

__all__ = [
    "CANONICAL_COLUMNS",
    "LINE_COLUMNS",
    "PurchaseFile",
    "read_purchases",
]

# ---------------------------------------------------------------- column names

#: Canonical column -> recognised header names (folded: lower case, no accents, punctuation
#: as single spaces), best first. A header matches a name exactly, or starts with it
#: followed by more words ("Montant HT", "Date de livraison", "Quantité (kg)").
CANONICAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "label": (
        "produit",
        "product",
        "designation",
        "libelle",
        "article",
        "description",
        "denomination",
        "intitule",
        "item",
        "produits",
        "products",
        "nom produit",
        "product name",
    ),
    "quantity": (
        "quantite",
        "qte",
        "qty",
        "quantity",
        "poids",
        "masse",
        "weight",
        "poids net",
        "net weight",
        "volume",
    ),
    "unit": ("unite", "unit", "uom", "unite de mesure", "unit of measure", "conditionnement unite"),
    "amount": (
        "montant",
        "montant ht",
        "prix ht",
        "prix total",
        "total ht",
        "total",
        "amount",
        "price",
        "cost",
        "prix",
        "cout",
        "depense",
        "spend",
        "valeur",
    ),
    "origin": ("origine", "origin", "provenance", "pays", "country", "pays d origine", "country of origin"),
    "mode": ("mode", "transport", "mode de transport", "transport mode"),
    "date": (
        "date livraison",
        "date de livraison",
        "delivery date",
        "date",
        "date commande",
        "date de commande",
        "order date",
        "date facture",
        "invoice date",
    ),
    "month": ("mois", "month"),
    "organic": ("bio", "organic", "agriculture biologique", "label", "labels qualite", "ab"),
    "local": ("est local", "local", "is local", "produit local"),
    "supplier": ("fournisseur", "supplier", "vendor", "fournisseurs", "grossiste"),
    "family": ("famille produits", "famille", "family", "categorie", "category", "rayon"),
    "egalim": ("categories egalim", "caracteristiques", "labels egalim", "egalim"),
}

# header words that disqualify a header for a canonical column (a unit price is not a total,
# a product code is not a label, a month column is not a date...)
_DENY_WORDS: dict[str, frozenset[str]] = {
    "amount": frozenset({"unitaire", "unit", "unite", "pu", "kg", "kilo", "litre", "l", "moyen"}),
    "label": frozenset({"code", "ref", "reference", "ean", "id", "gtin", "sku", "num", "numero"}),
    "quantity": frozenset({"unite", "unit", "commandee"}),
    "origin": frozenset({"code"}),
    "family": frozenset({"code", "egalim"}),
    "date": frozenset({"format"}),
    "supplier": frozenset({"code", "siret", "id"}),
}

#: Output columns of ``PurchaseFile.lines`` before the ``in:`` copies of the original cells.
LINE_COLUMNS: tuple[str, ...] = (
    "line",
    "label",
    "quantity_kg",
    "quantity_pieces",
    "quantity_is_volume",
    "quantity_unit",
    "amount_eur",
    "origin_text",
    "mode_text",
    "date",
    "month",
    "organic",
    "local",
    "supplier",
    "family",
)

_MACANTINE_REQUIRED = frozenset({"description", "fournisseur", "date", "prix ht", "famille produits"})

# ---------------------------------------------------------------- units

#: folded unit -> (normalised unit, factor to kg or to pieces)
UNITS: dict[str, tuple[str, float]] = {
    **{
        u: ("kg", 1.0)
        for u in (
            "kg",
            "kgs",
            "kilo",
            "kilos",
            "kilogramme",
            "kilogrammes",
            "kilogram",
            "kilograms",
            "kgr",
            "kgn",
        )
    },
    **{u: ("g", 0.001) for u in ("g", "gr", "grs", "gramme", "grammes", "gram", "grams")},
    **{u: ("t", 1000.0) for u in ("t", "tonne", "tonnes", "tonnes metriques")},
    **{u: ("l", 1.0) for u in ("l", "lt", "ltr", "litre", "litres", "liter", "liters", "litre s")},
    **{u: ("cl", 0.01) for u in ("cl", "centilitre", "centilitres")},
    **{u: ("ml", 0.001) for u in ("ml", "millilitre", "millilitres")},
    **{
        u: ("piece", 1.0)
        for u in (
            "piece",
            "pieces",
            "pce",
            "pces",
            "pc",
            "pcs",
            "p",
            "u",
            "un",
            "unite",
            "unites",
            "unit",
            "units",
            "each",
            "ea",
            "nb",
            "nombre",
            "portion",
            "portions",
            "piece s",
            "unite s",
        )
    },
}
_VOLUME_UNITS = frozenset({"l", "cl", "ml"})

# ---------------------------------------------------------------- booleans and months

_TRUE = frozenset({"x", "oui", "o", "yes", "y", "true", "vrai", "1", "ok", "v"})
_FALSE = frozenset({"non", "n", "no", "false", "faux", "0", "-"})
_ORGANIC_WORDS = frozenset({"bio", "ab", "organic", "biologique", "agriculture biologique", "eu organic"})
# other quality labels: a cell naming one of these says "labelled, but not organic"
_OTHER_LABELS = frozenset(
    {
        "label rouge",
        "lr",
        "hve",
        "aop",
        "aoc",
        "igp",
        "stg",
        "msc",
        "asc",
        "fermier",
        "commerce equitable",
        "bleu blanc coeur",
        "peche durable",
        "rup",
        "conventionnel",
        "conventional",
        "aucun",
        "none",
        "sans",
    }
)
_LOCAL_WORDS = frozenset({"local", "locale", "circuit court"})

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        ("janvier", "janv", "jan", "january"),
        ("fevrier", "fevr", "fev", "feb", "february"),
        ("mars", "mar", "march"),
        ("avril", "avr", "apr", "april"),
        ("mai", "may"),
        ("juin", "jun", "june"),
        ("juillet", "juil", "jul", "july"),
        ("aout", "aug", "august"),
        ("septembre", "sept", "sep", "september"),
        ("octobre", "oct", "october"),
        ("novembre", "nov", "november"),
        ("decembre", "dec", "december"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _num

_DELIMITERS = (";", ",", "\t", "|")
_SAMPLE_LINES = 50
_FORMULA = re.compile(r"^\s*(?:[=@]|[+-]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\()")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


# ---------------------------------------------------------------- result


@dataclass
class PurchaseFile:
    """A purchase file read into a clean table; see the module documentation."""

    lines: pd.DataFrame
    """Accepted rows: :data:`LINE_COLUMNS`, then ``in:<header>`` for every original column."""
    rejected: pd.DataFrame
    """Refused rows: ``line``, ``reason``, then the original columns (as text, original headers)."""
    rows_read: int
    """Non-blank data rows in the file; always ``len(lines) + len(rejected)``."""
    schema: str
    """``"ma-cantine"`` for the canteen platform's export, else ``"generic"``."""
    encoding: str | None
    """Text encoding used (``None`` for xlsx)."""
    delimiter: str | None
    """Field separator used (``None`` for xlsx)."""
    original_columns: list[str]
    """Headers as found in the file, in order (made unique with ``.1``, ``.2`` suffixes)."""
    columns: dict[str, str] = field(default_factory=dict)
    """Canonical column -> original header it was read from."""
    blank_rows: int = 0
    """Rows whose cells were all empty (not counted in ``rows_read``)."""
    notes: list[str] = field(default_factory=list)
    """File-level decisions the reader took (e.g. quantities without unit read as kg)."""
    path: str = ""
    sheet: str | None = None

    @property
    def rows_accepted(self) -> int:
        return len(self.lines)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)


@dataclass
class _Raw:
    """Cells of a file as strings, before interpretation."""

    cells: pd.DataFrame  # columns 0..n-1, one row per record, header excluded, blank rows dropped
    header: list[str]
    line: np.ndarray  # 1-based line (or sheet row) of each record
    ragged: pd.Series  # reason for records with a wrong number of fields ("" otherwise)
    blank_rows: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


# ---------------------------------------------------------------- public entry point


def read_purchases(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
) -> PurchaseFile:
    """Read a purchase file (CSV or xlsx) into a :class:`PurchaseFile`.

    ``encoding`` and ``delimiter`` override the detection; ``columns`` maps canonical
    column names (keys of :data:`CANONICAL_COLUMNS`) to headers of the file;
    ``sheet`` names (or numbers, from 0) the worksheet of an xlsx file.

    Raises :class:`~footprint_cli.errors.InputError` for a file that cannot be used at
    all (missing, empty, binary, unreadable, no label column); rows that cannot be used
    are returned in ``rejected`` instead.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a purchase file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise InputError(f"invalid delimiter {delimiter!r}", hint="give one character, e.g. --delimiter ';'")

    if data[:4] == b"PK\x03\x04" or p.suffix.lower() in (".xlsx", ".xlsm"):
        raw = _read_xlsx(p, data, sheet)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(
            f"{p}: old binary Excel (.xls) files are not supported",
            hint="save the sheet as .xlsx or as CSV from your spreadsheet",
        )
    else:
        raw = _read_csv(p, data, encoding, delimiter)
    del data  # the file's bytes are not needed while the cells are interpreted
    return _interpret(p, raw, columns)


# ---------------------------------------------------------------- CSV


def _decode(p: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(
                f"unknown encoding {encoding!r}", hint="try --encoding utf-8 or cp1252"
            ) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{p}: cannot decode the file as {encoding} (byte {exc.start})",
                hint="try --encoding cp1252 or --encoding utf-8",
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252", "latin-1")
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{p}: cannot decode the file", hint="try --encoding cp1252 or --encoding utf-8")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if (c < " " and c not in "\t\r\n") or c == "\x7f")
    return controls > max(2, len(sample) // 100)


def _sniff_delimiter(text: str) -> str:
    """Pick the separator giving the header most fields, consistently over the first lines."""
    sample = text[: 1 << 16].splitlines()[:_SAMPLE_LINES]
    sample = [s for s in sample if s.strip()]
    best, best_key = ",", (-1.0, 0)
    for d in _DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(sample, delimiter=d)]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        data_counts = counts[1:] or counts
        consistency = sum(c == counts[0] for c in data_counts) / len(data_counts)
        key = (consistency, counts[0])
        if key > best_key:
            best, best_key = d, key
    return best


def _field_counts(text: str, delim: str, utf8: bytes | None = None) -> np.ndarray:
    """Number of fields of every record (0 for a blank line), header included.

    ``utf8`` is ``text`` encoded as UTF-8, when the caller has it already.
    """
    if '"' not in text:
        # no quoting: one record per physical line; count separators with numpy over the
        # UTF-8 bytes (separators and newlines are ASCII, so bytes and characters agree)
        b = np.frombuffer(text.encode("utf-8") if utf8 is None else utf8, dtype=np.uint8)
        ends = np.flatnonzero(b == 10)
        if len(b) and b[-1] != 10:
            ends = np.append(ends, len(b))
        seps = np.flatnonzero(b == ord(delim))
        starts = np.concatenate(([0], ends[:-1] + 1))
        counts = np.searchsorted(seps, ends) - np.searchsorted(seps, starts) + 1
        length = ends - starts
        cr = np.zeros(len(ends), dtype=bool)
        has = length > 0
        cr[has] = b[ends[has] - 1] == 13
        counts[(length - cr) == 0] = 0
        return counts.astype(np.int64)
    # quoted fields may hold separators or newlines: let the csv module (C) tokenise
    enabled = gc.isenabled()
    gc.disable()  # millions of short-lived lists: the cyclic GC only slows this down
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        return np.fromiter(map(len, reader), dtype=np.int64)
    finally:
        if enabled:
            gc.enable()


def _ragged_fields(text: str, delim: str, records: np.ndarray, n: int) -> dict[int, list[str]]:
    """The fields of the given records (0-based record numbers), parsed one by one."""
    wanted = set(records.tolist())
    out: dict[int, list[str]] = {}
    if not wanted:
        return out
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    for i, row in enumerate(reader):
        if i in wanted:
            out[i] = row
            if len(out) == len(wanted):
                break
    return out


def _read_csv(p: Path, data: bytes, encoding: str | None, delimiter: str | None) -> _Raw:
    if not data.strip():
        raise InputError(f"{p}: the file is empty", hint="export the purchases with a header row")
    text, enc = _decode(p, data, encoding)
    if _looks_binary(text):
        raise InputError(
            f"{p}: this does not look like a CSV text file",
            hint="give a CSV export or an .xlsx workbook; if it is text, try --encoding cp1252",
        )
    # leading blank lines are skipped, but still counted for line numbers
    stripped = text.lstrip("\r\n \t")
    first_line = 1 + text[: len(text) - len(stripped)].count("\n")
    text = stripped
    if not text.strip():
        raise InputError(f"{p}: the file is empty", hint="export the purchases with a header row")
    delim = delimiter or _sniff_delimiter(text)

    try:
        # the C parser reads UTF-8 bytes natively: giving it the text (a StringIO) would cost a
        # 4-bytes-per-character copy of the whole file, then re-encoding it chunk by chunk
        utf8 = text.encode("utf-8")
        counts = _field_counts(text, delim, utf8)
        n = int(counts[0])
        if n < 1:
            raise InputError(f"{p}: no header row")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pd.read_csv(
                io.BytesIO(utf8),
                encoding="utf-8",
                sep=delim,
                header=None,
                names=list(range(n)),
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                on_bad_lines="skip",
                index_col=False,
                engine="c",
                quotechar='"',
                doublequote=True,
            )
    except InputError:
        raise
    except (pd.errors.ParserError, csv.Error, ValueError, OverflowError, MemoryError) as exc:
        raise InputError(
            f"{p}: cannot parse the file as CSV ({_short(exc)})",
            hint="check the separator (--delimiter ';') and quotes, or try --encoding cp1252",
        ) from None

    kept = counts <= n  # records pandas kept (it skips those with too many fields)
    if int(kept.sum()) != len(frame):
        raise InputError(
            f"{p}: inconsistent CSV structure (quotes or line breaks inside fields)",
            hint="check the separator (--delimiter) and that quotes are balanced",
        )
    header = [str(h).strip() for h in frame.iloc[0].tolist()] if len(frame) else []
    frame = frame.iloc[1:].reset_index(drop=True)
    rec_kept = np.flatnonzero(kept)[1:]  # 0-based record numbers of frame rows

    # physical lines: records are lines, plus newlines held inside quoted fields
    extra_nl = np.zeros(len(counts), dtype=np.int64)
    if '"' in text and "\n" in text:
        per_row = np.zeros(len(frame), dtype=np.int64)
        for c in frame.columns:
            col = frame[c]
            has = col.str.contains("\n", regex=False).to_numpy(dtype=bool)
            if has.any():
                per_row += col.str.count("\n").to_numpy(dtype=np.int64)
        extra_nl[rec_kept] = per_row
    line_of_record = (
        first_line + np.arange(len(counts), dtype=np.int64) + np.concatenate(([0], np.cumsum(extra_nl)[:-1]))
    )

    # ragged records: too many fields (skipped by pandas) or too few (padded by pandas)
    too_many = np.flatnonzero(counts > n)
    kept_counts = counts[rec_kept]
    blank = kept_counts == 0
    too_few_mask = (kept_counts < n) & ~blank
    ragged = pd.Series("", index=frame.index, dtype=object)
    if too_few_mask.any():
        ragged[too_few_mask] = [
            f"wrong number of fields ({c}, header has {n})" for c in kept_counts[too_few_mask]
        ]
    if len(too_many):
        fields = _ragged_fields(text, delim, too_many, n)
        extra_rows = pd.DataFrame(
            [(fields.get(int(r), []) + [""] * n)[:n] for r in too_many], columns=frame.columns, dtype=object
        )
        extra_reasons = pd.Series(
            [f"wrong number of fields ({int(counts[r])}, header has {n})" for r in too_many], dtype=object
        )
        order = np.argsort(np.concatenate([rec_kept, too_many]), kind="stable")
        frame = pd.concat([frame, extra_rows], ignore_index=True).iloc[order].reset_index(drop=True)
        ragged = pd.concat([ragged, extra_reasons], ignore_index=True).iloc[order].reset_index(drop=True)
        records = np.concatenate([rec_kept, too_many])[order]
        blank = np.concatenate([blank, np.zeros(len(too_many), dtype=bool)])[order]
    else:
        records = rec_kept
    line = line_of_record[records]
    # all-empty rows (";;;;" lines from spreadsheets) are not purchases
    blank = blank | _all_empty(frame)
    return _Raw(
        cells=frame[~blank].reset_index(drop=True),
        header=header,
        line=line[~blank],
        ragged=ragged[~blank].reset_index(drop=True),
        blank_rows=int(blank.sum()),
        encoding=enc,
        delimiter=delim,
    )


def _all_empty(frame: pd.DataFrame) -> np.ndarray:
    empty = np.ones(len(frame), dtype=bool)
    for c in frame.columns:
        empty &= _unique_map(frame[c], lambda u: u.str.strip() == "").to_numpy(dtype=bool)
        if not empty.any():
            break
    return empty


def _short(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0][:200] if msg else type(exc).__name__


# ---------------------------------------------------------------- xlsx


def _cell_text(v: Any) -> str:
    import datetime as dt

    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return str(v)


def _read_xlsx(p: Path, data: bytes, sheet: str | int | None) -> _Raw:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("reading .xlsx files needs openpyxl", hint="pip install openpyxl") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken zip/xml; all mean "unreadable"
        raise InputError(
            f"{p}: cannot open the file as an .xlsx workbook ({_short(exc)})",
            hint="save it again as .xlsx, or export it as CSV",
        ) from None
    try:
        names = wb.sheetnames
        if sheet is None:
            ws = wb[names[0]]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            idx = int(sheet)
            if not 0 <= idx < len(names):
                raise InputError(f"{p}: no sheet number {idx}", hint=f"sheets: {', '.join(names)}")
            ws = wb[names[idx]]
        elif sheet in names:
            ws = wb[sheet]
        else:
            raise InputError(f"{p}: no sheet named {sheet!r}", hint=f"sheets: {', '.join(names)}")
        try:
            rows = [tuple(_cell_text(v) for v in row) for row in ws.iter_rows(values_only=True)]
        except Exception as exc:  # corrupt sheet XML
            raise InputError(f"{p}: cannot read sheet {ws.title!r} ({_short(exc)})") from None
        first_row = ws.min_row or 1
        title = ws.title
    finally:
        wb.close()

    # skip leading empty rows; the first non-empty row is the header
    start = 0
    while start < len(rows) and not any(c.strip() for c in rows[start]):
        start += 1
    if start == len(rows):
        raise InputError(f"{p}: sheet {title!r} is empty", hint="use --sheet to choose another sheet")
    header_cells = list(rows[start])
    while header_cells and not header_cells[-1].strip():
        header_cells.pop()
    n = len(header_cells)
    body = rows[start + 1 :]
    width = [max((i + 1 for i, c in enumerate(r) if c.strip()), default=0) for r in body]
    frame = pd.DataFrame([(list(r) + [""] * n)[:n] for r in body], columns=range(n), dtype=object)
    if not len(body):
        frame = pd.DataFrame({i: pd.Series([], dtype=object) for i in range(n)})
    line = first_row + start + 1 + np.arange(len(body), dtype=np.int64)
    ragged = pd.Series(
        [f"values beyond the last header column (column {w})" if w > n else "" for w in width], dtype=object
    )
    blank = np.array([w == 0 for w in width], dtype=bool)
    return _Raw(
        cells=frame[~blank].reset_index(drop=True),
        header=[h.strip() for h in header_cells],
        line=line[~blank],
        ragged=ragged[~blank].reset_index(drop=True),
        blank_rows=int(blank.sum()),
        sheet=title,
    )


# ---------------------------------------------------------------- column recognition


def _unique_headers(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(header):
        h = h or f"column {i + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h}.{seen[h]}"
        else:
            seen[h] = 0
        out.append(h)
    return out


def _recognise(header: list[str]) -> dict[str, int]:
    """Canonical column -> header index, by name; each header serves at most one column."""
    folded = [fold(h) for h in header]
    candidates: list[tuple[int, int, int, str, int]] = []
    for canon, names in CANONICAL_COLUMNS.items():
        deny = _DENY_WORDS.get(canon, frozenset())
        for idx, fh in enumerate(folded):
            if not fh:
                continue
            words = fh.split()
            best: tuple[int, int] | None = None
            for rank, name in enumerate(names):
                if fh == name:
                    key = (3, -rank)
                elif fh.startswith(name + " ") and not deny.intersection(words[len(name.split()) :]):
                    key = (2, -rank)
                else:
                    continue
                if best is None or key > best:
                    best = key
            if best is not None:
                candidates.append((best[0], best[1], -idx, canon, idx))
    candidates.sort(reverse=True)
    taken: dict[str, int] = {}
    used: set[int] = set()
    for _kind, _rank, _neg, canon, idx in candidates:
        if canon in taken or idx in used:
            continue
        taken[canon] = idx
        used.add(idx)
    if "label" not in taken and "organic" in taken and folded[taken["organic"]] == "label":
        # an English "Label" column with no other product column is the product label
        taken["label"] = taken.pop("organic")
    return taken


def _apply_overrides(
    p: Path, header: list[str], found: dict[str, int], columns: Mapping[str, str]
) -> dict[str, int]:
    out = dict(found)
    folded = [fold(h) for h in header]
    for canon, name in columns.items():
        if canon not in CANONICAL_COLUMNS:
            raise InputError(
                f"unknown column name {canon!r} in --columns",
                hint=f"use one of: {', '.join(CANONICAL_COLUMNS)}",
            )
        if name in header:
            idx = header.index(name)
        elif fold(name) in folded and fold(name):
            idx = folded.index(fold(name))
        else:
            raise InputError(
                f"{p}: no column {name!r} (for {canon}) in the file",
                hint=f"available headers: {', '.join(repr(h) for h in header)}",
            )
        for other, j in list(out.items()):
            if j == idx and other != canon:
                del out[other]
        out[canon] = idx
    return out


def _unit_kind(units: pd.Series) -> pd.Series:
    """Folded unit -> normalised unit ("kilo" -> "kg"); unknown units stay as they are."""
    return units.map(lambda x: UNITS.get(x, (x,))[0]).astype(object)


def _header_unit(header: str, canonical_name_words: int = 1) -> str | None:
    """A unit named in a quantity header: "Quantité (kg)", "Poids en g", "weight_kg"."""
    words = fold(header).replace("_", " ").split()
    for w in words[1:]:
        if w in UNITS and w not in ("u", "p", "un", "nb", "unit", "unite"):
            return w
    return None


# ---------------------------------------------------------------- vectorised helpers


def _unique_map(s: pd.Series, fn: Callable[[pd.Series], Any]) -> Any:
    """Apply a vectorised function to the distinct values of ``s`` and spread the result back."""
    codes, uniques = pd.factorize(s, use_na_sentinel=False)
    res = fn(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
    if isinstance(res, pd.DataFrame):
        return res.iloc[codes].reset_index(drop=True)
    if isinstance(res, pd.Series):
        return res.iloc[codes].reset_index(drop=True)
    return np.asarray(res)[codes]


def _category(codes: np.ndarray, values: np.ndarray) -> pd.Categorical:
    """The categorical of ``values[codes]`` (``values`` may repeat; no NaN among them), its
    categories in order of first appearance: the same codes ``pd.factorize`` would give."""
    vcodes, vuniques = pd.factorize(values, use_na_sentinel=False)
    line_codes = vcodes[codes] if len(vcodes) else np.zeros(len(codes), dtype=np.intp)
    final, first = pd.factorize(line_codes, use_na_sentinel=False)
    cats = pd.Index(np.asarray(vuniques, dtype=object)[first], dtype=object)
    missing = np.asarray(pd.isna(cats), dtype=bool)
    if missing.any():  # missing cells stay missing: code -1
        final = np.where(missing, -1, np.cumsum(~missing) - 1)[final]
        cats = cats[~missing]
    small = np.int8 if len(cats) < 127 else np.int16 if len(cats) < 32767 else np.int32
    return pd.Categorical.from_codes(final.astype(small), dtype=pd.CategoricalDtype(cats))


def _strip(s: pd.Series) -> pd.Series:
    """Strip spaces (incl. no-break spaces) from every cell, over distinct values."""
    return _unique_map(s, lambda u: u.str.strip(" \t\r\n\u00a0\u202f\u2009")).astype(object)


def _clean_text(u: pd.Series) -> pd.Series:
    """Strip, drop control characters, collapse inner whitespace (incl. no-break spaces)."""
    return (
        u.str.replace(r"[\x00-\x1f\x7f]", " ", regex=True)
        .str.replace(r"[\s\u00a0\u202f\u2009]+", " ", regex=True)
        .str.strip()
    )


_NUM_JUNK = re.compile(r"[\s\u00a0\u202f\u2009'’_]|€|(?i:eur(?:os?)?)\b|(?i:ht|ttc)\b")


_PLAIN_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def _to_float(t: pd.Series) -> np.ndarray:
    """Strings already in plain form -> float (NaN where not a finite plain number)."""
    ok = t.str.fullmatch(_PLAIN_NUMBER).fillna(False).to_numpy(dtype=bool)
    out = np.full(len(t), np.nan)
    if ok.any():
        out[ok] = pd.to_numeric(pd.Series(t.to_numpy(dtype=object)[ok], dtype=object), errors="coerce")
    out[~np.isfinite(out)] = np.nan
    return out


def _parse_numbers(u: pd.Series) -> pd.Series:
    """Text -> float with decimal commas, thousands separators and currency signs (NaN if not).

    ``90.11``, ``90,11``, ``1 234,56 €`` (plain, no-break or narrow no-break spaces),
    ``1.234,56``, ``1,234.56`` and ``1'234.5`` are read; ``1,234`` (one comma) is a decimal
    comma, as in French. Fast paths first: most cells are plain or decimal-comma numbers.
    """
    u = u.astype(object)
    # plain numbers ("90.11", "12") in one C pass; anything else is NaN here and handled below
    out = np.array(pd.to_numeric(u, errors="coerce"), dtype=float)
    out[~np.isfinite(out)] = np.nan
    rest = np.isnan(out) & (u != "").to_numpy(dtype=bool)
    if not rest.any():
        return pd.Series(out, dtype="float64")
    t = pd.Series(u.to_numpy(dtype=object)[rest], dtype=object).str.replace(_NUM_JUNK, "", regex=True)
    simple = t.str.fullmatch(r"[-+]?\d*,\d+").fillna(False).to_numpy(dtype=bool)
    vals = np.full(len(t), np.nan)
    if simple.any():
        vals[simple] = _to_float(
            pd.Series(t.to_numpy(dtype=object)[simple], dtype=object).str.replace(",", ".", regex=False)
        )
    hard = ~simple
    if hard.any():
        h = pd.Series(t.to_numpy(dtype=object)[hard], dtype=object)
        n_comma = h.str.count(",")
        n_dot = h.str.count(r"\.")
        last_comma = h.str.rfind(",")
        last_dot = h.str.rfind(".")
        both = (n_comma > 0) & (n_dot > 0)
        eu = both & (last_comma > last_dot)  # 1.234,56
        en = both & (last_dot > last_comma)  # 1,234.56
        only_comma = (n_comma > 0) & (n_dot == 0)
        only_dot_many = (n_dot > 1) & (n_comma == 0)
        h = h.where(~eu, h.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
        h = h.where(~en, h.str.replace(",", "", regex=False))
        h = h.where(~(only_comma & (n_comma == 1)), h.str.replace(",", ".", regex=False))
        h = h.where(~(only_comma & (n_comma > 1)), h.str.replace(",", "", regex=False))
        h = h.where(~only_dot_many, h.str.replace(".", "", regex=False))
        vals[hard] = _to_float(h)
    out[rest] = vals
    return pd.Series(out, dtype="float64")


_QTY_RE = r"^(?P<num>[-+]?[\d\s\u00a0\u202f\u2009.,']*\d|[-+]?[.,]\d+)?\s*(?P<unit>\D*?)\s*$"


def _split_quantity(u: pd.Series) -> pd.DataFrame:
    """ "1 234,5 kg" -> num 1234.5, unit "kg" (folded); ``ok`` False if no number is found."""
    u = u.astype(object)
    n = len(u)
    num = np.array(_parse_numbers(u), dtype=float)  # cells without a unit: the common case
    unit = np.full(n, "", dtype=object)
    ok = ~np.isnan(num)
    rest = ~ok & (u != "").to_numpy(dtype=bool)
    if rest.any():
        ext = pd.Series(u.to_numpy(dtype=object)[rest], dtype=object).str.extract(_QTY_RE).fillna("")
        rest_num = _parse_numbers(ext["num"].astype(object)).to_numpy(dtype=float)
        num[rest] = rest_num
        unit[rest] = ext["unit"].astype(object).map(lambda x: fold(x) if x else "").to_numpy(dtype=object)
        ok[rest] = (ext["num"] != "").to_numpy(dtype=bool) & ~np.isnan(rest_num)
    return pd.DataFrame({"num": num, "unit": unit, "ok": ok})


def _parse_booleans(u: pd.Series, *, organic: bool = False, local: bool = False) -> pd.DataFrame:
    """Text -> (value: True/False/NA, ok). Empty -> NA and ok."""
    f = u.map(fold).astype(object)
    val = pd.Series(pd.NA, index=u.index, dtype="boolean")
    val[f.isin(_TRUE)] = True
    val[f.isin(_FALSE)] = False
    if organic:
        words = f.str.split()
        has_org = words.map(lambda ws: bool(ws) and any(w in _ORGANIC_WORDS for w in ws))
        has_org = has_org | f.isin(_ORGANIC_WORDS)
        val[has_org.to_numpy(dtype=bool)] = True
        val[(f.isin(_OTHER_LABELS) & val.isna()).to_numpy(dtype=bool)] = False
    if local:
        val[f.isin(_LOCAL_WORDS).to_numpy(dtype=bool)] = True
    ok = val.notna().to_numpy(dtype=bool) | (f == "").to_numpy(dtype=bool)
    return pd.DataFrame({"value": val, "ok": ok})


def _parse_months(u: pd.Series) -> pd.DataFrame:
    """1-12 or a French/English month name (full or abbreviated) -> month; ok False if not."""
    f = u.map(fold).astype(object)
    num = pd.to_numeric(f.where(f.str.fullmatch(r"\d{1,2}"), None), errors="coerce")
    first = f.str.split().str[0].fillna("")
    named = first.map(MONTHS)
    month = pd.Series(np.where(num.notna(), num, named), dtype="float64")
    month[(month < 1) | (month > 12)] = np.nan
    ok = month.notna().to_numpy(dtype=bool) | (f == "").to_numpy(dtype=bool)
    return pd.DataFrame({"month": month, "ok": ok})


def _parse_dates(u: pd.Series) -> tuple[pd.DataFrame, str | None]:
    """ISO, dd/mm/yyyy, yyyy/mm/dd, Excel serial numbers, "mm/yyyy", "mai 2023" -> date or month.

    Slashed dates are read day first (French use). If no value has a day above 12 but some
    have a month above 12, the whole column is read month first, and a note says so.
    """
    s = u.str.strip()
    n = len(s)
    year = np.full(n, np.nan)
    month = np.full(n, np.nan)
    day = np.full(n, np.nan)
    note = None

    iso = s.str.extract(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$")
    m = iso[0].notna().to_numpy(dtype=bool)
    year[m], month[m], day[m] = (iso.loc[m, k].astype(float).to_numpy() for k in (0, 1, 2))

    fr = s.str.extract(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
    mf = fr[0].notna().to_numpy(dtype=bool) & ~m
    if mf.any():
        a = fr.loc[mf, 0].astype(float).to_numpy()
        b = fr.loc[mf, 1].astype(float).to_numpy()
        y = fr.loc[mf, 2].astype(float).to_numpy()
        y = np.where(y < 100, 2000 + y, y)
        month_first = not (a > 12).any() and (b > 12).any()
        if month_first:
            a, b = b, a
            note = "dates read as month/day/year (no day above 12 in the column, some months above 12)"
        day[mf], month[mf], year[mf] = a, b, y

    serial = pd.to_numeric(s.where(s.str.fullmatch(r"\d{5}(?:\.\d+)?"), None), errors="coerce")
    ms = serial.notna().to_numpy(dtype=bool) & (serial.to_numpy() >= 20000) & (serial.to_numpy() <= 80000)
    ms &= ~m & ~mf
    dates = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    if ms.any():
        dates[ms] = _EXCEL_EPOCH + pd.to_timedelta(np.floor(serial[ms].to_numpy()), unit="D")

    # month-only forms: "05/2023", "2023-05", "mai 2023", "May"
    ym = s.str.extract(r"^(?:(\d{1,2})[-/.](\d{4})|(\d{4})[-/.](\d{1,2}))$")
    mm = ~m & ~mf & ~ms
    only_month = np.full(n, np.nan)
    a = pd.to_numeric(ym[0], errors="coerce").to_numpy()
    b = pd.to_numeric(ym[3], errors="coerce").to_numpy()
    only_month = np.where(mm & ~np.isnan(a), a, only_month)
    only_month = np.where(mm & ~np.isnan(b), b, only_month)
    f = s.map(fold).astype(object)
    named = f.str.extract(r"^([a-z]+)(?:\s+(\d{4}))?$")[0].map(MONTHS).to_numpy(dtype=float)
    only_month = np.where(mm & np.isnan(only_month) & ~np.isnan(named), named, only_month)
    only_month[(only_month < 1) | (only_month > 12)] = np.nan

    full = ~np.isnan(year)
    if full.any():
        built = pd.to_datetime(
            pd.DataFrame({"year": year[full], "month": month[full], "day": day[full]}), errors="coerce"
        )
        dates[full] = built.to_numpy()
    out_month = np.where(dates.notna(), dates.dt.month, only_month)
    empty = (s == "").to_numpy(dtype=bool)
    ok = empty | ~np.isnan(out_month)
    return pd.DataFrame({"date": dates, "month": out_month, "ok": ok}), note


def _append_reason(
    reason: pd.Series, mask: np.ndarray, message: str, values: pd.Series | None = None, limit: int = 60
) -> pd.Series:
    """Add a reason to the rows in ``mask`` (several reasons are joined with "; ").

    With ``values``, the offending cell is quoted after the message: ``date not understood: 'x'``.
    Only the masked rows are formatted, so a clean file costs nothing here.
    """
    if not mask.any():
        return reason
    if values is not None:
        shown = pd.Series(values.to_numpy(dtype=object)[mask], dtype=object).str.strip().str.slice(0, limit)
        msg: Any = (message + "'" + shown + "'").to_numpy(dtype=object)
    else:
        msg = message
    cur = reason.to_numpy(dtype=object)[mask]
    reason = reason.copy()
    reason[mask] = np.where(cur == "", msg, cur + "; " + msg)
    return reason


# ---------------------------------------------------------------- interpretation


def _interpret(p: Path, raw: _Raw, columns: Mapping[str, str] | None) -> PurchaseFile:
    header = _unique_headers(raw.header)
    found = _recognise(header)
    if columns:
        found = _apply_overrides(p, header, found, columns)
    if "label" not in found:
        raise InputError(
            f"{p}: no product label column found (headers: {', '.join(repr(h) for h in header) or 'none'})",
            hint="name it Produit/Désignation/Libellé/Product, or use --columns label=YourHeader"
            + (
                "; if the headers look garbled, try --encoding cp1252 or --delimiter ';'"
                if len(header) < 2
                else ""
            ),
        )
    folded = {fold(h) for h in header}
    schema = "ma-cantine" if _MACANTINE_REQUIRED <= folded else "generic"

    cells = raw.cells
    n = len(cells)
    notes: list[str] = []

    def col(canon: str) -> pd.Series | None:
        idx = found.get(canon)
        if idx is None:
            return None
        return cells[idx].astype(object).reset_index(drop=True)

    def text(canon: str) -> pd.Series:
        idx = found.get(canon)
        if idx is None:
            return pd.Series(pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), [""]))
        codes, uniques = pd.factorize(cells[idx], use_na_sentinel=False)
        cleaned = _clean_text(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
        return pd.Series(_category(codes, cleaned.to_numpy(dtype=object)))

    reason = raw.ragged.astype(object).reset_index(drop=True).copy()
    ragged = (reason != "").to_numpy(dtype=bool)

    # label
    label = text("label")
    reason = _append_reason(reason, (label == "").to_numpy(dtype=bool) & ~ragged, "missing product label")
    formula = _unique_map(label, lambda u: u.str.contains(_FORMULA)).astype(bool) & ~ragged
    reason = _append_reason(reason, formula, "label looks like a spreadsheet formula: ", label.astype(object))

    # quantity
    quantity_kg = np.full(n, np.nan)
    quantity_pieces = np.full(n, np.nan)
    is_volume = np.zeros(n, dtype=bool)
    qunit = np.full(n, "", dtype=object)
    qcol = col("quantity")
    has_qty = np.zeros(n, dtype=bool)
    if qcol is not None:
        raw_q = _strip(qcol)
        nonempty = (raw_q != "").to_numpy(dtype=bool)
        q = _unique_map(raw_q, _split_quantity)
        ucol = col("unit")
        unit_col = (
            _unique_map(ucol, lambda u: u.map(lambda x: fold(x) if x else "").astype(object))
            if ucol is not None
            else pd.Series([""] * n, dtype=object)
        )
        header_unit = _header_unit(header[found["quantity"]])
        value_unit = q["unit"].astype(object)
        bad_num = nonempty & ~q["ok"].to_numpy(dtype=bool) & ~ragged
        reason = _append_reason(reason, bad_num, "quantity not a number: ", raw_q)
        conflict = (
            (
                (value_unit != "").to_numpy(dtype=bool)
                & (unit_col != "").to_numpy(dtype=bool)
                & (_unique_map(value_unit, _unit_kind) != _unique_map(unit_col, _unit_kind)).to_numpy(
                    dtype=bool
                )
            )
            & nonempty
            & ~bad_num
        )
        reason = _append_reason(
            reason, conflict, "unit in the quantity and in the unit column differ: ", raw_q
        )
        unit = value_unit.where(value_unit != "", unit_col)
        assumed = (unit == "").to_numpy(dtype=bool) & nonempty & ~ragged
        if header_unit:
            unit = unit.where(unit != "", header_unit)
        elif (assumed & ~bad_num).any():
            unit = unit.where(unit != "", "kg")
            notes.append(
                f"{int((assumed & ~bad_num).sum())} quantities without a unit were read as kg "
                f"(column {header[found['quantity']]!r})"
            )
        known = unit.isin(list(UNITS)).to_numpy(dtype=bool)
        bad_unit = nonempty & ~known & ~bad_num & ~conflict & ~ragged
        reason = _append_reason(reason, bad_unit, "unit not understood: ", unit.astype(object))
        norm = _unique_map(unit, lambda u: u.map(lambda x: UNITS.get(x, ("", np.nan))[0])).astype(object)
        factor = _unique_map(unit, lambda u: u.map(lambda x: UNITS.get(x, ("", np.nan))[1])).astype(float)
        num = q["num"].to_numpy(dtype=float)
        good = nonempty & ~bad_num & ~bad_unit & ~conflict
        negative = good & (num < 0)
        reason = _append_reason(reason, negative & ~ragged, "negative quantity")
        good &= ~negative
        pieces = good & (norm == "piece")
        mass = good & ~pieces
        quantity_kg = np.where(mass, num * factor, np.nan)
        quantity_pieces = np.where(pieces, num, np.nan)
        is_volume = mass & np.isin(norm, list(_VOLUME_UNITS))
        qunit = np.where(good, norm, "")
        has_qty = good

    # amount
    amount = np.full(n, np.nan)
    acol = col("amount")
    has_amount = np.zeros(n, dtype=bool)
    if acol is not None:
        raw_a = _strip(acol)
        nonempty = (raw_a != "").to_numpy(dtype=bool)
        amount = _unique_map(raw_a, _parse_numbers).to_numpy(dtype=float)
        bad = nonempty & np.isnan(amount) & ~ragged
        reason = _append_reason(reason, bad, "amount not a number: ", raw_a)
        negative = nonempty & (amount < 0) & ~ragged
        reason = _append_reason(reason, negative, "negative amount")
        amount = np.where(nonempty & ~bad & ~negative, amount, np.nan)
        has_amount = ~np.isnan(amount)
    reason = _append_reason(
        reason,
        ~has_qty & ~has_amount & ~ragged & (reason == "").to_numpy(dtype=bool),
        "no quantity and no amount",
    )

    # date / month
    date = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    month = np.full(n, np.nan)
    dcol = col("date")
    if dcol is not None:
        codes, uniques = pd.factorize(
            _unique_map(dcol, lambda u: u.str.strip()).astype(object), use_na_sentinel=False
        )
        parsed, note = _parse_dates(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
        if note:
            notes.append(note)
        parsed = parsed.iloc[codes].reset_index(drop=True)
        bad = ~parsed["ok"].to_numpy(dtype=bool) & ~ragged
        reason = _append_reason(reason, bad, "date not understood: ", dcol)
        date = parsed["date"].where(~bad)
        month = np.where(bad, np.nan, parsed["month"].to_numpy(dtype=float))
    mcol = col("month")
    if mcol is not None:
        parsed = _unique_map(_unique_map(mcol, lambda u: u.str.strip()).astype(object), _parse_months)
        bad = ~parsed["ok"].to_numpy(dtype=bool) & ~ragged
        reason = _append_reason(reason, bad, "month not understood: ", mcol)
        month = np.where(np.isnan(month) & ~bad, parsed["month"].to_numpy(dtype=float), month)

    # organic / local
    macantine = schema == "ma-cantine"
    organic = pd.Series(pd.NA, index=range(n), dtype="boolean")
    local = pd.Series(pd.NA, index=range(n), dtype="boolean")
    ecol = col("egalim")
    if ecol is not None:
        tokens = _unique_map(ecol, lambda u: u.map(lambda x: {t.strip().upper() for t in x.split(",")}))
        organic = pd.Series(tokens.map(lambda ts: "BIO" in ts).to_numpy(dtype=bool), dtype="boolean")
        has_local = tokens.map(lambda ts: "LOCAL" in ts).to_numpy(dtype=bool)
        local = local.mask(has_local, True)
    for canon, kind in (("organic", "organic"), ("local", "local")):
        c = col(canon)
        if c is None:
            continue
        parsed = _unique_map(
            c, lambda u, k=kind: _parse_booleans(u, organic=k == "organic", local=k == "local")
        )
        bad = ~parsed["ok"].to_numpy(dtype=bool) & ~ragged
        reason = _append_reason(reason, bad, f"{canon} not understood: ", c)
        value = parsed["value"].astype("boolean").reset_index(drop=True)
        if macantine:
            value = value.fillna(False)  # the platform's checkboxes: empty means "no"
        if canon == "organic":
            organic = value.where(value.notna(), organic)
        else:
            local = value.where(value.notna(), local) if canon == "local" else local
    if macantine and ecol is not None:
        local = local.fillna(False)

    lines_all = pd.DataFrame(
        {
            "line": raw.line.astype(np.int64),
            "label": label,
            "quantity_kg": quantity_kg.astype(float),
            "quantity_pieces": quantity_pieces.astype(float),
            "quantity_is_volume": is_volume.astype(bool),
            "quantity_unit": _category(*pd.factorize(qunit.astype(object), use_na_sentinel=False)),
            "amount_eur": np.asarray(amount, dtype=float),
            "origin_text": text("origin"),
            "mode_text": text("mode"),
            "date": date.to_numpy(),
            "month": pd.array(np.where(np.isnan(month), None, month), dtype="Int64")
            if n
            else pd.array([], dtype="Int64"),
            "organic": organic.to_numpy(),
            "local": local.to_numpy(),
            "supplier": text("supplier"),
            "family": text("family"),
        }
    )
    lines_all["organic"] = lines_all["organic"].astype("boolean")
    lines_all["local"] = lines_all["local"].astype("boolean")
    original = cells.copy()
    original.columns = header
    ok = (reason == "").to_numpy(dtype=bool)
    every = bool(ok.all())
    # the original cells of accepted lines as categoricals: one small code per cell instead of
    # a pointer to a string (purchase files repeat their cells a lot)
    kept = {}
    for j, h in enumerate(header):
        codes, uniques = pd.factorize(cells[j], use_na_sentinel=False)
        kept[f"in:{h}"] = _category(codes if every else codes[ok], np.asarray(uniques, dtype=object))
    lines = pd.concat(
        [
            lines_all if every else lines_all[ok].reset_index(drop=True),
            pd.DataFrame(kept, copy=False),
        ],
        axis=1,
    )
    del kept
    rej_cols = [h if h not in ("line", "reason") else f"in:{h}" for h in header]
    rejected_orig = original[~ok].reset_index(drop=True)
    rejected_orig.columns = rej_cols
    rejected = pd.concat(
        [
            pd.DataFrame(
                {"line": raw.line[~ok].astype(np.int64), "reason": reason[~ok].to_numpy(dtype=object)}
            ),
            rejected_orig,
        ],
        axis=1,
    )
    return PurchaseFile(
        lines=lines,
        rejected=rejected,
        rows_read=n,
        schema=schema,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        original_columns=header,
        columns={canon: header[idx] for canon, idx in sorted(found.items(), key=lambda kv: kv[1])},
        blank_rows=raw.blank_rows,
        notes=notes,
        path=str(p),
        sheet=raw.sheet,
    )
