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

The parsing is vectorised: pandas' C parser reads the cells as categoricals (one Python
string per *distinct* cell of a column, a small integer code per row: purchase files repeat
units, dates, origins and suppliers a lot), then every conversion runs as vector string
operations over the distinct values and is spread back to the rows with integer takes, so
a million lines take about a second and little memory. The file's bytes are handed to the
parser as they are (no decoded copy of the whole text). Only ragged lines (wrong number of
fields) are collected row by row.
"""

from __future__ import annotations

import codecs
import csv
import functools
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
from ..i18n import Message, Named, money
from .codes import Reasons as _Reasons
from .codes import category as _category
from .codes import code_dtype as _small_int

__all__ = [
    "CANONICAL_COLUMNS",
    "EGALIM_LABELS",
    "Spend",
    "egalim_bits",
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
    "quantity_from_label",
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
# the platform's dashboard export (.xlsx): display labels, origin and locality inside "Caractéristiques"
_MACANTINE_DASHBOARD = frozenset(
    {"date", "description", "fournisseur", "famille de produit", "caracteristiques", "prix ht"}
)

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
            "h87",  # UN/ECE Recommendation 20 code for "piece"
        )
    },
    # UN/ECE Recommendation 20 codes as accounting software exports them
    "kgm": ("kg", 1.0),
    "grm": ("g", 0.001),
    "tne": ("t", 1000.0),
    "ltr": ("l", 1.0),
    "clt": ("cl", 0.01),
    "mlt": ("ml", 0.001),
    # a dozen is twelve pieces
    **{u: ("piece", 12.0) for u in ("douzaine", "douzaines", "dz", "douz", "dzn", "dozen", "dozens")},
    # packages: their mass comes from the label ("sac 25kg", "4x125g", "plateau x30"), else from
    # the amount paid and a price per kg (see :func:`label_pack`)
    **{
        u: ("pack", 1.0)
        for u in (
            "colis",
            "carton",
            "cartons",
            "caisse",
            "caisses",
            "sac",
            "sacs",
            "barquette",
            "barquettes",
            "botte",
            "bottes",
            "filet",
            "filets",
            "plateau",
            "plateaux",
            "seau",
            "seaux",
            "cagette",
            "cagettes",
            "boite",
            "boites",
            "bte",
            "btes",
            "bidon",
            "bidons",
            "sachet",
            "sachets",
            "paquet",
            "paquets",
            "pqt",
            "pack",
            "packs",
            "lot",
            "lots",
            "bac",
            "bacs",
            "bocal",
            "bocaux",
            "pot",
            "pots",
            "brique",
            "briques",
            "bouteille",
            "bouteilles",
            "poche",
            "poches",
            "case",
            "box",
            "bag",
            "bags",
            "tray",
            "crate",
            "col",
            "crt",
            "cs",
            "ct",
        )
    },  # fmt: skip
    # a consumer unit (unité de vente consommateur): its mass must be in the label
    **{u: ("uvc", 1.0) for u in ("uvc", "u v c", "cu")},
}
_VOLUME_UNITS = frozenset({"l", "cl", "ml"})

# pack sizes in a label: "4x125g", "6 x 1L" (count x size), "sac 25kg", "1/2 GN 2,5kg" (size), "x30" (count)
_PACK_MULTI = re.compile(r"(?<![\d.,/])(\d+)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(kgs?|g|grs?|l|cl|ml)(?![a-z])")
_PACK_SIZE = re.compile(r"(?<![\d.,/x×*])(\d+(?:[.,]\d+)?)\s*(kgs?|g|grs?|l|cl|ml)(?![a-z])")
_PACK_COUNT = re.compile(r"(?:^|[\s(])[x×]\s*(\d+)(?![\d.,a-z])")
_SIZE_KG = {"kg": 1.0, "kgs": 1.0, "g": 0.001, "gr": 0.001, "grs": 0.001, "l": 1.0, "cl": 0.01, "ml": 0.001}


def label_pack(label: str) -> tuple[float, bool, float]:
    """The pack size a label states: (kg of one unit, whether it is a volume read as kg, pieces
    per unit). NaN where the label does not say, or says two different sizes.

    ``"Yaourt nature 4x125g"`` -> (0.5, False, nan); ``"Carottes sac 25kg"`` -> (25.0, False, nan);
    ``"Oeufs plateau x30"`` -> (nan, False, 30.0); ``"Lait 1L"`` -> (1.0, True, nan).
    """
    low = label.lower()
    sizes: set[tuple[float, bool]] = set()
    for m in _PACK_MULTI.finditer(low):
        unit = m.group(3)
        sizes.add(
            (int(m.group(1)) * float(m.group(2).replace(",", ".")) * _SIZE_KG[unit], unit in _VOLUME_UNITS)
        )
    rest = _PACK_MULTI.sub(" ", low)
    for m in _PACK_SIZE.finditer(rest):
        unit = m.group(2)
        sizes.add((float(m.group(1).replace(",", ".")) * _SIZE_KG[unit], unit in _VOLUME_UNITS))
    counts = {int(m.group(1)) for m in _PACK_COUNT.finditer(_PACK_SIZE.sub(" ", rest))}
    count = float(counts.pop()) if len(counts) == 1 else float("nan")
    if len(sizes) == 1:
        kg, volume = sizes.pop()
        if kg > 0:
            if not np.isnan(count):  # "colis 12 x 1kg" said as "1kg x12": the size is per piece
                kg *= count
            return kg, volume, float("nan")
    return float("nan"), False, count if len(sizes) == 0 else float("nan")


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

# ---------------------------------------------------------------- EGalim quality labels

#: The quality and sustainability labels the EGalim law counts (Code rural, art. L230-5-1), in
#: ma-cantine's vocabulary (``categories_egalim`` / ``caracteristiques``), bit i of a line's
#: ``egalim`` code. AOP/AOC, IGP and STG are one group, as in ma-cantine's import files.
EGALIM_LABELS: tuple[str, ...] = (
    "BIO",
    "LABEL_ROUGE",
    "AOCAOP_IGP_STG",
    "HVE",
    "PECHE_DURABLE",
    "COMMERCE_EQUITABLE",
    "FERMIER",
    "RUP",
    "EXTERNALITES_PERFORMANCE",
)
_EGALIM_BIT = {k: 1 << i for i, k in enumerate(EGALIM_LABELS)}
#: ma-cantine tokens (upper case) -> label; LOCAL, FRANCE, CIRCUIT_COURT are not EGalim labels
_EGALIM_TOKENS: dict[str, str] = {
    "BIO": "BIO", "CONVERSION_BIO": "BIO", "LABEL_ROUGE": "LABEL_ROUGE", "AOCAOP": "AOCAOP_IGP_STG",
    "AOC": "AOCAOP_IGP_STG", "AOP": "AOCAOP_IGP_STG", "IGP": "AOCAOP_IGP_STG", "ICP": "AOCAOP_IGP_STG",
    "STG": "AOCAOP_IGP_STG", "AOCAOP_IGP_STG": "AOCAOP_IGP_STG", "HVE": "HVE",
    "PECHE_DURABLE": "PECHE_DURABLE", "MSC": "PECHE_DURABLE", "COMMERCE_EQUITABLE": "COMMERCE_EQUITABLE",
    "FERMIER": "FERMIER", "RUP": "RUP", "EXTERNALITES": "EXTERNALITES_PERFORMANCE",
    "PERFORMANCE": "EXTERNALITES_PERFORMANCE", "EXTERNALITES_PERFORMANCE": "EXTERNALITES_PERFORMANCE",
}  # fmt: skip
#: words of a label, a labels cell or a column header (folded) -> label
_EGALIM_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?:^| )(?:" + pattern + r")(?: |$)"), label)
    for pattern, label in (
        (r"bio|ab|biologique|agriculture biologique|organic|eu organic|en conversion", "BIO"),
        (r"label rouge|lr", "LABEL_ROUGE"),
        (
            r"aop|aoc|igp|stg|aocaop|aoc aop|aop igp|siqo|appellation d origine.*|indication geographique.*"
            r"|specialite traditionnelle garantie",
            "AOCAOP_IGP_STG",
        ),
        (r"hve|haute valeur environnementale", "HVE"),
        (r"msc|asc|peche durable|ecolabel peche.*|ecolabel de peche.*", "PECHE_DURABLE"),
        (r"commerce equitable|equitable|fairtrade|fair trade|max havelaar", "COMMERCE_EQUITABLE"),
        (r"fermier|fermiere|fermiers|fermieres|produit de la ferme", "FERMIER"),
        (r"rup|region ultraperipherique", "RUP"),
        (
            r"externalites|.*couts imputes aux externalites.*|.*performances en matiere environnementale.*",
            "EXTERNALITES_PERFORMANCE",
        ),
    )  # fmt: skip
)


def _tokens_of(cell: Any) -> set[str]:
    """The items of a ma-cantine characteristics cell, upper case with underscores:
    "BIO, LOCAL" -> {BIO, LOCAL}; "Bio, Origine France, Produit local" -> {BIO, ORIGINE_FRANCE, PRODUIT_LOCAL}."""
    if not isinstance(cell, str):
        return set()
    return {fold(t).upper().replace(" ", "_") for t in re.split(r"[,;|]", cell) if fold(t)}


def _origin_of(tokens: set[str]) -> str:
    france = bool(tokens & {"FRANCE", "ORIGINE_FRANCE", "PROVENANCE_FRANCE"})
    europe = bool(tokens & {"EUROPE", "ORIGINE_EUROPE", "ORIGINE_EUROPE_HORS_FRANCE"})
    return "FRANCE" if france and not europe else "EUROPE" if europe and not france else ""


# headers of a column holding label names ("Bio, Label Rouge") rather than yes/no
_LABELS_HEADERS = frozenset(
    {"labels", "label qualite", "labels qualite", "signe de qualite", "signes de qualite", "siqo",
     "signes officiels de qualite", "certification", "certifications", "qualite", "labels egalim",
     "mentions", "quality labels", "labels and certifications"}
)  # fmt: skip


def egalim_bits(text: str) -> int:
    """The EGalim labels named in a text ("Poulet Label Rouge", "BIO, LABEL_ROUGE"), as bits."""
    bits = 0
    for token in re.split(r"[,;|/+]", text.upper()):
        label = _EGALIM_TOKENS.get(token.strip().replace(" ", "_"))
        if label:
            bits |= _EGALIM_BIT[label]
    f = fold(text)
    if f:
        for pattern, label in _EGALIM_WORDS:
            if pattern.search(f):
                bits |= _EGALIM_BIT[label]
    return bits


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
YEARS = (2000, 2100)
"""Years a purchase date may have; a date outside them is refused (a typo or a "no date" value)."""


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
    spend: Spend | None = None
    """Euros of every row read (accepted or refused) and the share of each EGalim label."""
    decisions: dict[str, str | None] = field(default_factory=dict)
    """How the cells were read: each number column's decimal style (``"decimal:<column>"``) and
    the date order (``"date_order"``); a later part of the same file is read with them."""

    @property
    def rows_accepted(self) -> int:
        return len(self.lines)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)


@dataclass(frozen=True)
class Spend:
    """What a file spends (EUR HT) over ALL its rows read, accepted or refused, and on what.

    The EGalim shares are shares of this spend (a blank cell means "no"): a line whose product
    cannot be computed still counts. "Local" is kept apart: the law does not define it.
    """

    eur: float
    """Sum of the readable amounts of every row read."""
    rows_with_amount: int
    rows_without_amount: int
    label_eur: dict[str, float]
    """EGalim label (:data:`EGALIM_LABELS`) -> euros of the rows carrying it."""
    egalim_eur: float
    """Euros of the rows carrying at least one EGalim label (each row counted once)."""
    local_eur: float | None
    """Euros of the rows the file says are local (None: the file says nothing of locality)."""
    sources: tuple[str, ...] = ()
    """Where the labels were read: column headers, "label" (the product label text)."""

    def share(self, eur: float | None) -> float | None:
        return None if eur is None or self.eur <= 0 else eur / self.eur


@dataclass
class _Raw:
    """Cells of a file, before interpretation."""

    cells: list[_Coded]  # one per column; one row per record, header excluded, blank rows dropped
    header: list[str]
    line: np.ndarray  # 1-based line (or sheet row) of each record
    ragged: pd.Series  # reason for records with a wrong number of fields ("" otherwise)
    blank_rows: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_line: int = 1
    notes: list[str] = field(default_factory=list)  # what reading the bytes decided
    totals: list[str] = field(default_factory=list)  # the amount cells of the "Total" rows left out


@dataclass(frozen=True)
class _Coded:
    """A column of cells as its distinct values and one code per row: ``values[codes]``.

    Purchase files repeat their cells a lot (a million rows hold a few thousand distinct
    units, dates, origins...). Holding a column this way costs one small integer per row
    instead of one Python string per row, and every conversion runs over ``values`` only,
    spread back to the rows with a numpy take. ``values`` may hold a value twice (after a
    mapping, e.g. " kg" and "kg" both stripped to "kg"); after :meth:`compact` it holds
    only values some row uses, which matters for the conversions that look at a whole
    column (the day-first/month-first choice of dates).
    """

    codes: np.ndarray  # int, one per row, >= 0
    values: np.ndarray  # object

    @staticmethod
    def of(s: pd.Series) -> _Coded:
        """A categorical (what the CSV parser gives) or text column, coded."""
        if isinstance(s.dtype, pd.CategoricalDtype):
            codes = s.cat.codes.to_numpy()
            values = np.asarray(s.cat.categories, dtype=object)
            if len(codes) and codes.min() < 0:  # missing cells: a NaN value of their own
                codes = np.where(codes < 0, len(values), codes)
                values = np.append(values, np.array([np.nan], dtype=object))
            return _Coded(codes, values)
        codes, uniques = pd.factorize(s, use_na_sentinel=False)
        return _Coded(codes, np.asarray(uniques, dtype=object))

    def __len__(self) -> int:
        return len(self.codes)

    def compact(self) -> _Coded:
        """Drop the values no row uses; codes in the smallest integer type."""
        codes, values = self.codes, self.values
        used = np.bincount(codes, minlength=len(values)) > 0
        if not used.all():
            codes = (np.cumsum(used) - 1)[codes]
            values = values[used]
        return _Coded(codes.astype(_small_int(len(values)), copy=False), values)

    def take(self, rows: Any) -> _Coded:
        """The given rows (a slice, a boolean mask or row numbers)."""
        return _Coded(self.codes[rows], self.values)

    def extend(self, extra: np.ndarray) -> _Coded:
        """The column followed by the cells ``extra``."""
        codes = np.concatenate([self.codes.astype(np.int64), len(self.values) + np.arange(len(extra))])
        return _Coded(codes, np.concatenate([self.values, np.asarray(extra, dtype=object)]))

    def series(self) -> pd.Series:
        """The values (not the rows), as an object Series for the vectorised string functions."""
        return pd.Series(self.values, dtype=object)

    def recode(self, fn: Callable[[pd.Series], pd.Series]) -> _Coded:
        """The column with ``fn`` (a text -> text function) applied to every cell."""
        return _Coded(self.codes, fn(self.series()).to_numpy(dtype=object))

    def spread(self, per_value: Any) -> np.ndarray:
        """Row values from one result per value (``per_value[i]`` for ``values[i]``)."""
        return np.asarray(per_value)[self.codes]

    def empty(self) -> np.ndarray:
        """Rows whose cell is the empty string."""
        return self.spread(self.values == "") if len(self.values) else np.zeros(len(self), dtype=bool)

    def at(self, mask: np.ndarray) -> np.ndarray:
        """The cells of the rows in ``mask``, as text."""
        return self.values[self.codes[mask]]


# ---------------------------------------------------------------- public entry point


def read_purchases(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
    header_row: int | None = None,
) -> PurchaseFile:
    """Read a purchase file (CSV or xlsx) into a :class:`PurchaseFile`.

    ``encoding`` and ``delimiter`` override the detection; ``columns`` maps canonical
    column names (keys of :data:`CANONICAL_COLUMNS`) to headers of the file;
    ``sheet`` names (or numbers, from 0) the worksheet of an xlsx file (default: the sheet
    whose header names most purchase columns); ``header_row`` is the line (CSV) or sheet row
    (xlsx) of the header, 1-based (default: detected among the first rows, under any title
    rows; a header on two rows, merged cells above sub-headers, is read as one).

    Rows above the header (titles), a "Total" row and the notes under the table are not
    purchases: they are left out of ``rows_read`` and said in ``notes``.

    Raises :class:`~footprint_cli.errors.InputError` for a file that cannot be used at
    all (missing, empty, binary, unreadable, no label column); rows that cannot be used
    are returned in ``rejected`` instead.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(Message("rd.err.not_found", path=str(p))) from None
    except IsADirectoryError:
        raise InputError(Message("rd.err.directory", path=str(p))) from None
    except OSError as exc:
        raise InputError(Message("rd.err.cannot_read", path=str(p), detail=exc.strerror or exc)) from None
    return read_purchase_bytes(
        p, data, encoding=encoding, delimiter=delimiter, columns=columns, sheet=sheet, header_row=header_row
    )


def read_purchase_bytes(
    p: Path,
    data: bytes,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
    header_row: int | None = None,
    decisions: Mapping[str, str | None] | None = None,
) -> PurchaseFile:
    """:func:`read_purchases` of the bytes ``data`` of the file ``p`` (or of a part of it: see
    :mod:`footprint_cli.batch.stream`).

    ``decisions`` are those of the file's first part (:attr:`PurchaseFile.decisions`): this
    part is read with them, and refused (:class:`~footprint_cli.errors.InputError`) if its own
    cells would have changed them for the whole file (a column that writes decimals with a
    comma in one part and with a dot in another, dates month first here and day first there)."""
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise InputError(
            Message("rd.err.delimiter", value=repr(delimiter)), hint=Message("rd.hint.delimiter")
        )

    if header_row is not None and header_row < 1:
        raise InputError(Message("rd.err.header_row", row=header_row), hint=Message("rd.hint.header_row"))
    if data[:4] == b"PK\x03\x04" or p.suffix.lower() in (".xlsx", ".xlsm"):
        raw = _read_xlsx(p, data, sheet, header_row)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(Message("rd.err.xls", path=str(p)), hint=Message("rd.hint.xls"))
    else:
        raw = _read_csv(p, data, encoding, delimiter)
    del data  # the file's bytes are not needed while the cells are interpreted
    return _interpret(p, _find_header(p, raw, header_row), columns, _Decisions(p, decisions))


# ---------------------------------------------------------------- CSV


# codecs whose bytes the C parser and the numpy scans below read as they are: ASCII (and so
# separators, quotes and newlines) is one byte of itself in them
_BYTE_CODECS = frozenset({"utf-8", "utf-8-sig", "cp1252", "iso8859-1"})
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_BLANKS = re.compile(rb"[\r\n \t]*")
_BLANK_BYTES = re.compile(rb"[ \t\n\r\x0b\x0c]*")  # what ``bytes.strip()`` removes


@functools.cache
def _undecodable_bytes(encoding: str) -> tuple[bytes, ...]:
    """The byte values a one-byte encoding does not map (0x81, 0x8d... for cp1252)."""
    out = []
    for i in range(256):
        try:
            bytes([i]).decode(encoding)
        except UnicodeDecodeError:
            out.append(bytes([i]))
    return tuple(out)


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether ``data`` is valid text in ``encoding`` (one of ``_BYTE_CODECS``).

    Decoding the whole file to find out would make one more copy of it (four times its size
    for some texts): a one-byte encoding only has to be free of its few unmapped bytes (a
    memchr each), and UTF-8 is decoded by chunks.
    """
    if not codecs.lookup(encoding).name.startswith("utf-8"):
        return not any(b in data for b in _undecodable_bytes(encoding))
    decoder = codecs.getincrementaldecoder(encoding)()
    step = 1 << 20
    try:
        for i in range(0, len(data), step):
            decoder.decode(data[i : i + step], final=i + step >= len(data))
    except UnicodeDecodeError:
        return False
    return True


def _decode(p: Path, data: bytes, encoding: str | None) -> tuple[str | None, str]:
    """The encoding of the file, and its text -- or ``None`` when the bytes can be parsed as
    they are (UTF-8 or a one-byte Western encoding: the common cases, read without a copy)."""
    if encoding is not None:
        try:
            if codecs.lookup(encoding).name in _BYTE_CODECS and _decodes(data, encoding):
                return None, encoding
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(
                Message("rd.err.encoding", value=repr(encoding)), hint=Message("rd.hint.encoding")
            ) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                Message("rd.err.decode_as", path=str(p), encoding=encoding, byte=exc.start),
                hint=Message("rd.hint.decode"),
            ) from None
    if data.startswith(_UTF8_BOM):
        candidates = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252", "latin-1")
    for enc in candidates:
        if codecs.lookup(enc).name in _BYTE_CODECS:
            if _decodes(data, enc):
                return None, enc
            continue
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(Message("rd.err.decode", path=str(p)), hint=Message("rd.hint.decode"))


def _head(buf: bytes, start: int, encoding: str, chars: int) -> str:
    """The first ``chars`` characters of the text from byte ``start`` (fewer if it is shorter)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    return decoder.decode(buf[start : start + 4 * chars], final=False)[:chars]


def _is_blank(buf: bytes, start: int, encoding: str) -> bool:
    """Whether the text from byte ``start`` is only whitespace (decoded by chunks)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    step = 1 << 16
    for i in range(start, len(buf), step):
        if decoder.decode(buf[i : i + step], final=i + step >= len(buf)).strip():
            return False
    return True


def _text_stream(buf: bytes, start: int, encoding: str) -> io.TextIOWrapper:
    """The text from byte ``start``, decoded as it is read (newlines kept as they are)."""
    raw = io.BytesIO(buf)  # shares the bytes: no copy
    raw.seek(start)
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


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


def _field_counts(buf: bytes, start: int, encoding: str, delim: str, quoted: bool) -> np.ndarray:
    """Number of fields of every record (0 for a blank line), header included.

    ``buf[start:]`` is the text in ``encoding`` (ASCII-compatible: see ``_BYTE_CODECS``).
    """
    if quoted:
        # quoted fields may hold separators or newlines: let the csv module (C) tokenise
        enabled = gc.isenabled()
        gc.disable()  # millions of short-lived lists: the cyclic GC only slows this down
        try:
            reader = csv.reader(_text_stream(buf, start, encoding), delimiter=delim)
            return np.fromiter(map(len, reader), dtype=np.int64)
        finally:
            if enabled:
                gc.enable()
    # no quoting: one record per physical line; count separators with numpy over the bytes
    # (separators and newlines are ASCII, so bytes and characters agree), a few MB at a time
    # so that the boolean and position arrays stay small
    b = np.frombuffer(buf, dtype=np.uint8, offset=start)
    sep = ord(delim)
    step = 1 << 22
    ends_parts, seps_parts = [], []  # per line: position of its end, separators before it
    total = 0
    for i in range(0, len(b), step):
        chunk = b[i : i + step]
        ends = np.flatnonzero(chunk == 10)
        seps = np.flatnonzero(chunk == sep)
        ends_parts.append(ends + i)
        seps_parts.append(np.searchsorted(seps, ends) + total)
        total += len(seps)
    ends = np.concatenate(ends_parts) if ends_parts else np.zeros(0, dtype=np.intp)
    seps_before = np.concatenate(seps_parts) if seps_parts else np.zeros(0, dtype=np.intp)
    del ends_parts, seps_parts
    if len(b) and b[-1] != 10:
        ends = np.append(ends, len(b))
        seps_before = np.append(seps_before, total)
    counts = np.diff(seps_before, prepend=0) + 1
    starts = np.concatenate(([0], ends[:-1] + 1))
    length = ends - starts
    cr = np.zeros(len(ends), dtype=bool)
    has = length > 0
    cr[has] = b[ends[has] - 1] == 13
    counts[(length - cr) == 0] = 0
    return counts.astype(np.int64)


def _ragged_fields(text: io.TextIOBase, delim: str, records: np.ndarray) -> dict[int, list[str]]:
    """The fields of the given records (0-based record numbers), parsed one by one."""
    wanted = set(records.tolist())
    out: dict[int, list[str]] = {}
    if not wanted:
        return out
    reader = csv.reader(text, delimiter=delim)
    for i, row in enumerate(reader):
        if i in wanted:
            out[i] = row
            if len(out) == len(wanted):
                break
    return out


def _parse_csv(buf: bytes, start: int, encoding: str, delim: str, n: int, dtype: Any) -> pd.DataFrame:
    """The records of ``buf[start:]`` (header included) in ``n`` columns, by pandas' C parser.

    Cells are read as they are written (no NA values, no trimming); records with more than
    ``n`` fields are skipped and shorter ones padded with "" (the caller finds them both).
    """
    source = io.BytesIO(buf)  # shares the bytes: no copy
    source.seek(start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.read_csv(
            source,
            encoding=encoding,
            sep=delim,
            header=None,
            names=list(range(n)),
            dtype=dtype,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            on_bad_lines="skip",
            index_col=False,
            engine="c",
            quotechar='"',
            doublequote=True,
        )


def _read_csv(p: Path, data: bytes, encoding: str | None, delimiter: str | None) -> _Raw:
    if _BLANK_BYTES.fullmatch(data):  # (not ``data.strip()``: a copy of the whole file)
        raise InputError(Message("rd.err.empty", path=str(p)), hint=Message("rd.hint.empty"))
    text, enc = _decode(p, data, encoding)
    # From here the file is bytes in an ASCII-compatible encoding, ``buf[start:]``: the file's
    # own bytes when they can be read as they are (pandas decodes them while parsing, so the
    # text never exists as a whole), else its text re-encoded as UTF-8 (UTF-16 files...).
    if text is None:
        buf, codec = data, enc
        start = 0
        if codecs.lookup(enc).name == "utf-8-sig":
            codec = "utf-8"
            start = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    else:
        buf, codec, start = text.encode("utf-8"), "utf-8", 0
        del text
    notes: list[str] = []
    n_seq = _utf8_sequences(buf, start) if codec != "utf-8" else 0
    if n_seq:
        # not valid UTF-8 as a whole, yet holding UTF-8 sequences: parts were saved in
        # another encoding; those cells will show as "Ã©"
        notes.append(Message("note.mixed_encodings", encoding=enc, n=n_seq))
    separators = (_LINE_SEPARATORS.search(buf, start) is not None) if codec == "utf-8" else False
    if buf.find(b"\n", start) < 0 and buf.find(b"\r", start) >= 0:
        # lines ended by CR alone (the "CSV (Macintosh)" export of old spreadsheets)
        buf = buf.replace(b"\r", b"\n")
    elif separators and buf.find(b"\n", start) < 0:
        # lines ended by Unicode line or paragraph separators (U+2028, U+2029)
        buf = _LINE_SEPARATORS.sub(b"\n", buf)
        notes.append(Message("note.line_separators"))
    elif separators:
        notes.append(Message("note.cell_separators"))
    if _looks_binary(_head(buf, start, codec, 8192)):
        raise InputError(Message("rd.err.binary", path=str(p)), hint=Message("rd.hint.binary"))
    # leading blank lines are skipped, but still counted for line numbers
    off = _LEADING_BLANKS.match(buf, start).end()  # type: ignore[union-attr]
    first_line = 1 + buf.count(b"\n", start, off)
    if _is_blank(buf, off, codec):
        raise InputError(Message("rd.err.empty", path=str(p)), hint=Message("rd.hint.empty"))
    delim = delimiter or _sniff_delimiter(_head(buf, off, codec, 1 << 16))
    quoted = buf.find(b'"', off) >= 0

    try:
        counts = _field_counts(buf, off, codec, delim, quoted)
        n = int(counts[0])
        if n < 1:
            raise InputError(Message("rd.err.no_header", path=str(p)))
        _check_columns(p, n)
        # dtype="category": the C parser keeps one Python string per *distinct* cell of a
        # column and small integer codes per row; with dtype=str a million-line file would
        # be seven million string objects (hundreds of MB, and slow to interpret)
        frame = _parse_csv(buf, off, codec, delim, n, "category")
        # pandas turns a column's categories into numbers or booleans when *all* of them
        # read as such ("1.50" -> 1.5: the text is lost). The header row is one of the
        # cells, so this only happens when the header itself is a number or a boolean: such
        # columns are read again as text.
        converted = [c for c in frame.columns if not pd.api.types.is_string_dtype(frame[c].cat.categories)]
        if converted:
            frame = _parse_csv(
                buf, off, codec, delim, n, {c: (str if c in converted else "category") for c in frame.columns}
            )
    except InputError:
        raise
    except (pd.errors.ParserError, csv.Error, ValueError, OverflowError, MemoryError) as exc:
        raise InputError(
            Message("rd.err.parse", path=str(p), detail=_short(exc)), hint=Message("rd.hint.parse")
        ) from None

    kept = counts <= n  # records pandas kept (it skips those with too many fields)
    if int(kept.sum()) != len(frame):
        raise InputError(Message("rd.err.structure", path=str(p)), hint=Message("rd.hint.structure"))
    header = [str(h).strip() for h in frame.iloc[0].tolist()] if len(frame) else []
    rows = max(len(frame) - 1, 0)
    cells = [_Coded.of(frame[c]).take(slice(1, None)) for c in frame.columns]
    del frame
    rec_kept = np.flatnonzero(kept)[1:]  # 0-based record numbers of frame rows

    # physical lines: records are lines, plus newlines held inside quoted fields
    extra_nl = np.zeros(len(counts), dtype=np.int64)
    if quoted and buf.find(b"\n", off) >= 0:
        per_row = np.zeros(rows, dtype=np.int64)
        for c in cells:
            nl = c.series().str.count("\n").to_numpy(dtype=np.int64)
            if nl.any():
                per_row += c.spread(nl)
        extra_nl[rec_kept] = per_row
    line_of_record = (
        first_line + np.arange(len(counts), dtype=np.int64) + np.concatenate(([0], np.cumsum(extra_nl)[:-1]))
    )

    # ragged records: too many fields (skipped by pandas) or too few (padded by pandas)
    too_many = np.flatnonzero(counts > n)
    kept_counts = counts[rec_kept]
    blank = kept_counts == 0
    too_few_mask = (kept_counts < n) & ~blank
    ragged_values = np.full(rows, "", dtype=object)
    if too_few_mask.any():
        # set in a numpy object array: pandas 3 stores a message set through a mask as a plain
        # (English) string
        ragged_values[too_few_mask] = np.array(
            [Message("reason.fields", count=c, expected=n) for c in kept_counts[too_few_mask]], dtype=object
        )
    ragged = pd.Series(ragged_values, dtype=object)
    if len(too_many):
        fields = _ragged_fields(_text_stream(buf, off, codec), delim, too_many)
        extra_rows = [(fields.get(int(r), []) + [""] * n)[:n] for r in too_many]
        extra_reasons = pd.Series(
            [Message("reason.fields", count=int(counts[r]), expected=n) for r in too_many], dtype=object
        )
        order = np.argsort(np.concatenate([rec_kept, too_many]), kind="stable")
        cells = [
            c.extend(np.array([row[j] for row in extra_rows], dtype=object)).take(order)
            for j, c in enumerate(cells)
        ]
        ragged = pd.concat([ragged, extra_reasons], ignore_index=True).iloc[order].reset_index(drop=True)
        records = np.concatenate([rec_kept, too_many])[order]
        blank = np.concatenate([blank, np.zeros(len(too_many), dtype=bool)])[order]
    else:
        records = rec_kept
    line = line_of_record[records]
    # all-empty rows (";;;;" lines from spreadsheets) are not purchases
    blank = blank | _all_empty(cells, len(line))
    return _Raw(
        cells=[c.take(~blank).compact() for c in cells],
        header=header,
        line=line[~blank],
        ragged=ragged[~blank].reset_index(drop=True),
        blank_rows=int(blank.sum()),
        encoding=enc,
        delimiter=delim,
        header_line=int(line_of_record[0]) if len(line_of_record) else 1,
        notes=notes,
    )


MAX_COLUMNS = 1000
"""Most columns a purchase file may have (a purchase line needs a dozen; thousands of columns
are a wrong separator or a hostile file, and would cost time and memory for nothing)."""


def _utf8_sequences(buf: bytes, start: int) -> int:
    """How many UTF-8 characters of French text (accented letters, no-break space, guillemets,
    degree: lead byte C2, C3 or C5; curly quotes, dashes, euro: E2 80-82) ``buf[start:]``
    holds, counted with numpy (a few ms for 10 MB). Other lead bytes are left out: in a cp1252
    file, "É" followed by a no-break space is the same two bytes as a UTF-8 character."""
    b = np.frombuffer(buf, dtype=np.uint8, offset=start)
    lead = np.flatnonzero((b == 0xC2) | (b == 0xC3) | (b == 0xC5) | (b == 0xE2))
    if not len(lead):
        return 0
    padded = np.concatenate([b, np.zeros(2, dtype=np.uint8)])
    nxt, third = padded[lead + 1], padded[lead + 2]
    cont = (nxt >= 0x80) & (nxt <= 0xBF)
    three = b[lead] == 0xE2
    ok = np.where(three, (nxt >= 0x80) & (nxt <= 0x82) & (third >= 0x80) & (third <= 0xBF), cont)
    return int(ok.sum())


_LINE_SEPARATORS = re.compile(b"\xe2\x80[\xa8\xa9]")


def _check_columns(p: Path, n: int) -> None:
    if n > MAX_COLUMNS:
        raise InputError(
            Message("err.too_many_columns", path=str(p), n=n, max=MAX_COLUMNS),
            hint=Message("hint.too_many_columns"),
        )


def _all_empty(cells: list[_Coded], rows: int) -> np.ndarray:
    empty = np.ones(rows, dtype=bool)
    for c in cells:
        empty &= c.spread((c.series().str.strip() == "").to_numpy(dtype=bool))
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


def _read_xlsx(p: Path, data: bytes, sheet: str | int | None, header_row: int | None = None) -> _Raw:
    import openpyxl  # a declared dependency

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken zip/xml; all mean "unreadable"
        raise InputError(
            Message("rd.err.xlsx", path=str(p), detail=_short(exc)), hint=Message("rd.hint.xlsx")
        ) from None
    chosen_note = ""
    try:
        names = wb.sheetnames
        if sheet is None and len(names) > 1 and header_row is None:
            ws, chosen_note = _choose_sheet(p, wb, names)
        elif sheet is None:
            ws = wb[names[0]]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            idx = int(sheet)
            if not 0 <= idx < len(names):
                raise InputError(
                    Message("rd.err.sheet_number", path=str(p), n=idx),
                    hint=Message("rd.hint.sheets", sheets=", ".join(names)),
                )
            ws = wb[names[idx]]
        elif sheet in names:
            ws = wb[sheet]
        else:
            raise InputError(
                Message("rd.err.sheet_name", path=str(p), name=sheet),
                hint=Message("rd.hint.sheets", sheets=", ".join(names)),
            )
        try:
            rows = _sheet_rows(ws)
        except Exception as exc:  # corrupt sheet XML
            raise InputError(
                Message("rd.err.sheet", path=str(p), sheet=repr(ws.title), detail=_short(exc))
            ) from None
        first_row = ws.min_row or 1
        title = ws.title
    finally:
        wb.close()

    # skip leading empty rows; the first non-empty row is the header
    start = 0
    while start < len(rows) and not any(c.strip() for c in rows[start]):
        start += 1
    if start == len(rows):
        raise InputError(
            Message("rd.err.sheet_empty", path=str(p), name=title), hint=Message("rd.hint.sheet_empty")
        )
    header_cells = list(rows[start])
    while header_cells and not header_cells[-1].strip():
        header_cells.pop()
    n = len(header_cells)
    # the table may start under title rows (a title merged across the sheet is one cell wide):
    # its width is that of its header row (and of a sub-header row under it)
    at = None
    if header_row is not None:
        at = header_row - first_row if 0 <= header_row - first_row < len(rows) else None
    elif _header_score(header_cells) < 2:
        scores = [_header_score(r) for r in rows[start : start + _HEADER_SCAN]]
        if scores and max(scores) > _header_score(header_cells):
            at = start + scores.index(max(scores))
    if at is not None:
        n = max([n, *(_width(r) for r in rows[at : at + 2])])
        header_cells = (header_cells + [""] * n)[:n]
    _check_columns(p, n)
    body = rows[start + 1 :]
    width = [max((i + 1 for i, c in enumerate(r) if c.strip()), default=0) for r in body]
    frame = pd.DataFrame([(list(r) + [""] * n)[:n] for r in body], columns=range(n), dtype=object)
    if not len(body):
        frame = pd.DataFrame({i: pd.Series([], dtype=object) for i in range(n)})
    line = first_row + start + 1 + np.arange(len(body), dtype=np.int64)
    ragged = pd.Series(
        [Message("reason.beyond_header", column=w) if w > n else "" for w in width], dtype=object
    )
    blank = np.array([w == 0 for w in width], dtype=bool)
    return _Raw(
        cells=[_Coded.of(frame[c]).take(~blank).compact() for c in frame.columns],
        header=[h.strip() for h in header_cells],
        line=line[~blank],
        ragged=ragged[~blank].reset_index(drop=True),
        blank_rows=int(blank.sum()),
        sheet=title,
        header_line=first_row + start,
        notes=[chosen_note] if chosen_note else [],
    )


def _width(row: Any) -> int:
    return max((i + 1 for i, c in enumerate(row) if str(c).strip()), default=0)


def _sheet_rows(ws: Any) -> list[tuple[str, ...]]:
    return [tuple(_cell_text(v) for v in row) for row in ws.iter_rows(values_only=True)]


_NUMBER_CELL = re.compile(r"^[-+]?[\d\s\u00a0\u202f.,'€%]+$")


def _header_score(row: Any) -> int:
    """How many purchase columns a row names (0 unless it names a product label column; 0 for a
    row holding a number or a date: a purchase, not a header)."""
    cells = [str(c).strip() for c in row]
    if any(_NUMBER_CELL.match(c) or re.match(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", c) for c in cells if c):
        return 0
    found = _recognise(cells)
    return len(found) if "label" in found else 0


def _choose_sheet(p: Path, wb: Any, names: list[str]) -> tuple[Any, str]:
    """The worksheet holding the purchases: the one whose header (among its first rows) names
    most purchase columns, then the one with most rows; the first sheet when none does."""
    best: tuple[int, int, int] = (-1, -1, 0)
    for i, name in enumerate(names):
        try:
            rows = _sheet_rows(wb[name])
        except Exception:  # a sheet that cannot be read is not the one to choose  # noqa: BLE001
            continue
        score = max((_header_score(r) for r in rows[:_HEADER_SCAN]), default=0)
        key = (score, len(rows), -i)
        if key > best:
            best = key
    i = -best[2]
    if best[0] <= 0:
        return wb[names[0]], ""
    others = ", ".join(repr(n) for n in names if n != names[i])
    return wb[names[i]], Message("note.sheet", sheet=str(names[i]), others=others)


_HEADER_SCAN = 30  # rows searched for the header under title rows
_TOTAL_WORDS = re.compile(
    r"^(?:sous )?(?:total|totaux|total general|montant total|grand total|sum|subtotal)(?: .*)?$"
)


def _row_text(cells: list[_Coded], i: int) -> list[str]:
    return [str(c.values[c.codes[i]]) if c.values[c.codes[i]] == c.values[c.codes[i]] else "" for c in cells]


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))


def _find_header(p: Path, raw: _Raw, header_row: int | None) -> _Raw:
    """The raw table with its header where it is: under title rows, and on two rows when merged
    cells stand above sub-headers ("Quantité" over "Qté | Unité")."""
    n = len(raw.line)
    if header_row is not None:
        if header_row == raw.header_line:
            at = -1
        else:
            hits = np.flatnonzero(raw.line == header_row)
            if not len(hits):
                raise InputError(
                    Message("rd.err.header_row_missing", path=str(p), row=header_row),
                    hint=Message("rd.hint.header_row"),
                )
            at = int(hits[0])
    else:
        at = -1
        best = _header_score(raw.header)
        if best < 2:  # the first row is not a usable header: look under it (title rows)
            for i in range(min(n, _HEADER_SCAN)):
                score = _header_score(_row_text(raw.cells, i))
                if score > best:
                    at, best = i, score
    if at < 0:
        header, first = list(raw.header), 0
        skipped = 0
    else:
        header, first = _row_text(raw.cells, at), at + 1
        skipped = at + 1
    width = len(header)
    notes = list(raw.notes)
    # a second header row: merged cells above ("Quantité" over "Qté | Unité"), sub-headers below
    if first < n:
        below = _row_text(raw.cells, first)[:width]
        filled = [c.strip() for c in below if c.strip()]
        if (
            len(filled) >= 2
            and not any(_has_number(c) for c in filled)
            and any(not h.strip() for h in header)
            and _header_score([b.strip() or h for h, b in zip(header, below, strict=False)])
            >= _header_score(header)
        ):
            header = [b.strip() or h for h, b in zip(header, below, strict=False)]
            first += 1
            skipped += 1
            notes.append(Message("note.two_row_header"))
    if skipped == 0:
        return raw
    if at >= 0:
        # the rows above the header (titles): the first row read, then the rows before ``at``
        notes.append(Message("note.title_rows", n=at + 1))
    if len(header) < len(raw.cells):
        header += [""] * (len(raw.cells) - len(header))
    return _Raw(
        cells=[c.take(slice(first, None)).compact() for c in raw.cells],
        header=[h.strip() for h in header[: len(raw.cells)]],
        line=raw.line[first:],
        ragged=raw.ragged[first:].reset_index(drop=True),
        blank_rows=raw.blank_rows,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_line=int(raw.line[at]) if at >= 0 else raw.header_line,
        notes=notes,
    )


# ---------------------------------------------------------------- column recognition


def _unique_headers(header: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    """Headers made unique: an empty one is ``column N`` (``colonne N`` in French), a repeated one gets ``.1``, ``.2``...
    (skipping suffixes another header already has: ``a,a.1,a`` -> ``a, a.1, a.2``); names in
    ``reserved`` count as taken. Linear in the number of headers."""
    seen = set(reserved)
    given = set(header)  # a suffix never takes the name of a header further on
    next_suffix: dict[str, int] = {}
    out = []
    for i, h in enumerate(header):
        base = h or Named(f"column {i + 1}", f"colonne {i + 1}")  # shown in the user's language
        h = base
        if h in seen:
            k = next_suffix.get(base, 1)
            while f"{base}.{k}" in seen or f"{base}.{k}" in given:
                k += 1
            next_suffix[base] = k + 1
            h = f"{base}.{k}"
        seen.add(h)
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
                Message("rd.err.column_name", value=repr(canon)),
                hint=Message("rd.hint.column_name", choices=", ".join(CANONICAL_COLUMNS)),
            )
        if name in header:
            idx = header.index(name)
        elif fold(name) in folded and fold(name):
            idx = folded.index(fold(name))
        else:
            raise InputError(
                Message("rd.err.no_column", path=str(p), name=repr(name), canon=canon),
                hint=Message("rd.hint.no_column", headers=", ".join(repr(h) for h in header)),
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


def _strip(u: pd.Series) -> pd.Series:
    """Strip spaces (incl. no-break spaces) from every cell."""
    return u.str.strip(" \t\r\n\u00a0\u202f\u2009")


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


_DOT_THOUSANDS = r"^\s*[-+]?\d{1,3}(?:\.\d{3})+(?!\d)"
# A cell says which mark is decimal when its last mark is followed by other than three digits
# ("12,5", "90.11"), or when it holds both marks ("1.234,56": the last one is decimal). The
# column's cells are joined one per line and searched once (a C pass, not a Python call per cell).
_SAYS_COMMA = re.compile(r"(?m),(?:\d{1,2}|\d{4,})[^\d.,\n]*$|\.[^\n]*?,\d+[^\d.,\n]*$")
_SAYS_DOT = re.compile(r"(?m)\.(?:\d{1,2}|\d{4,})[^\d.,\n]*$|,[^\n]*?\.\d+[^\d.,\n]*$")
_ANY_DOT_THOUSANDS = re.compile("(?m)" + _DOT_THOUSANDS)


def _combined(key: str, a: str | None, b: str | None) -> str | None:
    """The decision the whole file takes from two parts' own decisions."""
    if a is None or b is None or a == b:
        return a if b is None else b
    if key == "date_order":  # one day above 12 anywhere: the whole file is read day first
        return "day_first"
    return "mixed"  # decimals written with a comma in one part and with a dot in another


@dataclass
class _Decisions:
    """The reading decisions taken on this part of a file, bound by those of its first part."""

    path: Path
    given: Mapping[str, str | None] | None
    taken: dict[str, str | None] = field(default_factory=dict)

    def __call__(self, key: str, own: str | None) -> str | None:
        if self.given is None or key not in self.given:
            self.taken[key] = own
            return own
        bound = self.given[key]
        # undecided reads as the default (day first, a dot): no harm if the whole file says so
        default = "day_first" if key == "date_order" else "dot"
        if (_combined(key, bound, own) or default) != (bound or default):
            what = "rd.err.part_dates" if key == "date_order" else "rd.err.part_decimals"
            raise InputError(
                Message(what, path=str(self.path), column=repr(key.partition(":")[2])),
                hint=Message("rd.hint.part_differs"),
            )
        self.taken[key] = bound
        return bound


def _joined(u: pd.Series) -> str:
    return "\n".join(map(str, u.tolist()))


def _decimal_style(u: pd.Series) -> str | None:
    """How a column writes decimals, from all its cells: ``"comma"`` (``12,5``, ``1.234,56``),
    ``"dot"`` (``12.5``, ``1,234.56``), ``"mixed"`` (both), or ``None`` (no cell says: only
    integers, or every mark followed by three digits, which may be a thousands separator)."""
    text = _joined(u)
    comma = _SAYS_COMMA.search(text) is not None
    dot = _SAYS_DOT.search(text) is not None
    return "mixed" if comma and dot else "comma" if comma else "dot" if dot else None


def _dot_thousands(u: pd.Series) -> np.ndarray:
    """Cells whose number is written ``1.234`` or ``1.234.567`` (a dot before groups of three)."""
    if _ANY_DOT_THOUSANDS.search(_joined(u)) is None:  # the usual case: one pass, no per-cell work
        return np.zeros(len(u), dtype=bool)
    return u.astype(object).astype(str).str.contains(_DOT_THOUSANDS).to_numpy(dtype=bool)


def _parse_numbers(u: pd.Series, style: str | None = None) -> pd.Series:
    """Text -> float with decimal commas, thousands separators and currency signs (NaN if not).

    ``90.11``, ``90,11``, ``1 234,56 €`` (plain, no-break or narrow no-break spaces),
    ``1.234,56``, ``1,234.56`` and ``1'234.5`` are read; ``1,234`` (one comma) is a decimal
    comma, as in French. Fast paths first: most cells are plain or decimal-comma numbers.

    ``1.234`` is decided by the whole column (``style``, from :func:`_decimal_style` of the
    column's cells when not given): 1234 in a column that writes decimals with commas, 1.234
    in one that uses dots, and not a number (NaN: the row is refused) in a column that uses
    both. A trailing sign (``5-``) is not a number.
    """
    u = u.astype(object)
    if style is None:
        style = _decimal_style(u)
    if style in ("comma", "mixed"):
        dots = _dot_thousands(u)
        if dots.any():
            u = u.copy()
            cells = u.to_numpy(dtype=object)
            u[dots] = (
                pd.Series(cells[dots], dtype=object).str.replace(".", "", regex=False).to_numpy(dtype=object)
                if style == "comma"
                else ""  # mixed marks: which one is decimal cannot be told
            )
            if style == "mixed":
                out = _parse_numbers(u, "dot").to_numpy(dtype=float).copy()
                out[dots] = np.nan
                return pd.Series(out, dtype="float64")
    # plain numbers ("90.11", "12") in one C pass; anything else is NaN here and handled below
    out = np.array(pd.to_numeric(u, errors="coerce"), dtype=float)
    out[~np.isfinite(out)] = np.nan
    rest = np.isnan(out) & (u != "").to_numpy(dtype=bool)
    if not rest.any():
        return pd.Series(out, dtype="float64")
    # decimal commas ("271,67"), the other common case, hold nothing to clean up: read them
    # before the (slower) clean-up of the rest; they get what the "simple" path below gives
    cells = u.to_numpy(dtype=object)
    comma = np.zeros(len(u), dtype=bool)
    comma[rest] = pd.Series(cells[rest], dtype=object).str.fullmatch(r"[-+]?\d*,\d+").to_numpy(dtype=bool)
    if comma.any():
        out[comma] = _to_float(pd.Series(cells[comma], dtype=object).str.replace(",", ".", regex=False))
        rest &= ~comma
        if not rest.any():
            return pd.Series(out, dtype="float64")
    t = pd.Series(cells[rest], dtype=object).str.replace(_NUM_JUNK, "", regex=True)
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


def _note_ambiguous(
    cells: _Coded, header: str, ragged: np.ndarray, notes: list[str], style: str | None
) -> None:
    """A note when numbers written ``1.234`` were read by the column's decimal ``style``."""
    dots = cells.spread(_dot_thousands(cells.series())) & ~ragged
    if not dots.any():
        return
    n = int(dots.sum())
    example = str(cells.at(dots)[0]).strip()[:30]
    if style == "comma":
        notes.append(Message("note.dot_thousands", n=n, example=repr(example), column=repr(header)))
    elif style == "mixed":
        notes.append(Message("note.mixed_decimals", n=n, example=repr(example), column=repr(header)))
    else:
        notes.append(Message("note.dot_decimal", n=n, example=repr(example), column=repr(header)))


_QTY_RE = r"^(?P<num>[-+]?[\d\s\u00a0\u202f\u2009.,']*\d|[-+]?[.,]\d+)?\s*(?P<unit>\D*?)\s*$"


def _split_quantity(u: pd.Series, style: str | None) -> pd.DataFrame:
    """ "1 234,5 kg" -> num 1234.5, unit "kg" (folded); ``ok`` False if no number is found;
    ``style``: the column's decimal style (:func:`_decimal_style`, one decision for the column)."""
    u = u.astype(object)
    n = len(u)
    num = np.array(_parse_numbers(u, style), dtype=float)  # cells without a unit: the common case
    unit = np.full(n, "", dtype=object)
    ok = ~np.isnan(num)
    rest = ~ok & (u != "").to_numpy(dtype=bool)
    if rest.any():
        ext = pd.Series(u.to_numpy(dtype=object)[rest], dtype=object).str.extract(_QTY_RE).fillna("")
        rest_num = _parse_numbers(ext["num"].astype(object), style).to_numpy(dtype=float)
        num[rest] = rest_num
        unit[rest] = ext["unit"].astype(object).map(lambda x: fold(x) if x else "").to_numpy(dtype=object)
        trailing_sign = ext["unit"].astype(str).str.match(r"[-+]").to_numpy(dtype=bool)  # "5-"
        ok[rest] = (ext["num"] != "").to_numpy(dtype=bool) & ~np.isnan(rest_num) & ~trailing_sign
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


def _date_order(u: pd.Series) -> str | None:
    """``"day_first"`` if a slashed date has a first number above 12, else ``"month_first"`` if
    one has a second number above 12, else ``None`` (every slashed date reads both ways)."""
    fr = u.str.strip().str.extract(
        r"^(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    )
    a = fr[0].dropna().astype(float).to_numpy()
    b = fr[1].dropna().astype(float).to_numpy()
    return "day_first" if (a > 12).any() else "month_first" if (b > 12).any() else None


def _parse_dates(u: pd.Series, order: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """ISO, dd/mm/yyyy, yyyy/mm/dd, Excel serial numbers, "mm/yyyy", "mai 2023" -> date or month.

    Slashed dates are read day first (French use). If no value has a day above 12 but some
    have a month above 12, the whole column is read month first, and a note says so. ``order``
    (:func:`_date_order`) is that decision when already taken.
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
        if (order or _date_order(u)) == "month_first":
            a, b = b, a
            note = Message("note.month_first")
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

    # a year outside YEARS is a typo ("05/01/0203") or a "no date" value ("31/12/9999"): refused
    # with its own reason, and never handed to pandas (nanosecond dates end in 2262)
    out_of_range = ~np.isnan(year) & ((year < YEARS[0]) | (year > YEARS[1]))
    full = ~np.isnan(year) & ~out_of_range
    if full.any():
        built = pd.to_datetime(
            pd.DataFrame({"year": year[full], "month": month[full], "day": day[full]}), errors="coerce"
        )
        dates[np.flatnonzero(full)] = built.to_numpy()
    out_month = np.where(dates.notna(), dates.dt.month, only_month)
    out_month[out_of_range] = np.nan
    empty = (s == "").to_numpy(dtype=bool)
    ok = empty | ~np.isnan(out_month)
    return pd.DataFrame({"date": dates, "month": out_month, "ok": ok, "out_of_range": out_of_range}), note


def _quantities(
    qcol: _Coded,
    ucol: _Coded | None,
    header: str,
    ragged: np.ndarray,
    reasons: _Reasons,
    notes: list[str],
    decide: _Decisions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, _Coded, np.ndarray]:
    """Quantity cells (and unit cells) -> kg, pieces, packages (or consumer units), is-volume,
    normalised unit of every row, and which rows have a usable quantity.

    Refused cells get a reason in ``reasons``; a file-level assumption gets a line in ``notes``.
    """
    raw_q = qcol.recode(_strip)
    nonempty = ~raw_q.empty()
    style = decide("decimal:" + header, _decimal_style(raw_q.series()))
    q = _split_quantity(raw_q.series(), style)  # one row per distinct value
    unit_col = ucol.recode(lambda u: u.map(lambda x: fold(x) if x else "")) if ucol is not None else None
    header_unit = _header_unit(header)
    # The unit of a row comes from two columns (the quantity cell's own unit, else the unit
    # column), so it is handled as a small code into one vocabulary of unit words: code 0 is
    # "" (no unit), the last code the unit assumed for quantities without any.
    q_units = q["unit"].to_numpy(dtype=object)
    c_units = unit_col.values if unit_col is not None else np.array([], dtype=object)
    vcodes, vocab_index = pd.factorize(
        np.concatenate([[""], q_units, c_units, [header_unit or "kg"]]).astype(object), use_na_sentinel=False
    )
    vocab = np.asarray(vocab_index, dtype=object)
    vcodes = vcodes.astype(_small_int(len(vocab)))
    value_unit = raw_q.spread(vcodes[1 : 1 + len(q_units)])
    col_unit = (
        unit_col.spread(vcodes[1 + len(q_units) : 1 + len(q_units) + len(c_units)])
        if unit_col is not None
        else np.zeros(len(raw_q), dtype=vcodes.dtype)
    )
    fill = vcodes[-1]
    bad_num = nonempty & ~raw_q.spread(q["ok"].to_numpy(dtype=bool)) & ~ragged
    reasons.add(bad_num, "reason.quantity", raw_q)
    _note_ambiguous(raw_q, header, ragged, notes, style)
    kind, _ = pd.factorize(_unit_kind(pd.Series(vocab, dtype=object)).to_numpy(dtype=object))
    kind = kind.astype(vcodes.dtype)
    conflict = (
        (value_unit != 0) & (col_unit != 0) & (kind[value_unit] != kind[col_unit]) & nonempty & ~bad_num
    )
    reasons.add(conflict, "reason.unit_conflict", raw_q)
    unit = np.where(value_unit != 0, value_unit, col_unit)
    del value_unit, col_unit
    assumed = (unit == 0) & nonempty & ~ragged
    if header_unit:
        unit = np.where(unit == 0, fill, unit)
    elif (assumed & ~bad_num).any():
        unit = np.where(unit == 0, fill, unit)
        notes.append(Message("note.no_unit", n=int((assumed & ~bad_num).sum()), column=repr(header)))
    units = _Coded(unit, vocab)
    known = units.spread(pd.Series(vocab, dtype=object).isin(list(UNITS)).to_numpy(dtype=bool))
    bad_unit = nonempty & ~known & ~bad_num & ~conflict & ~ragged
    reasons.add(bad_unit, "reason.unit", units)
    norm = np.array([UNITS.get(x, ("", np.nan))[0] for x in vocab], dtype=object)
    factor = np.array([UNITS.get(x, ("", np.nan))[1] for x in vocab], dtype=float)
    num = raw_q.spread(q["num"].to_numpy(dtype=float))
    good = nonempty & ~bad_num & ~bad_unit & ~conflict
    negative = good & (num < 0)
    reasons.add(negative & ~ragged, "reason.negative_quantity")
    good &= ~negative
    pieces = good & units.spread(norm == "piece")
    packs = good & units.spread(np.isin(norm, ["pack", "uvc"]))
    mass = good & ~pieces & ~packs
    quantity_kg = np.where(mass, num * units.spread(factor), np.nan)
    quantity_pieces = np.where(pieces, num * units.spread(factor), np.nan)
    quantity_packs = np.where(packs, num, np.nan)
    is_volume = mass & units.spread(np.isin(norm, list(_VOLUME_UNITS)))
    qunit = _Coded(np.where(good, unit, len(norm)), np.append(norm, np.array([""], dtype=object)))
    return quantity_kg, quantity_pieces, quantity_packs, is_volume, qunit, good


def _spend(
    found: dict[str, int],
    header: list[str],
    cells: list[_Coded],
    lab: _Coded,
    organic: pd.Series,
    local: pd.Series,
    origin: _Coded | None,
    amount: np.ndarray,
) -> Spend:
    """The spend of every row and the EGalim labels it carries, from: the product label ("Comté
    AOP"), the ma-cantine label column, a labels column ("Bio, Label Rouge"), one column per label
    ("Label Rouge": x), and the organic column. A blank cell is "no"."""
    n = len(amount)
    bits = lab.spread(np.array([egalim_bits(str(v)) for v in lab.values], dtype=np.int32)).copy()
    sources = ["label"]
    used = set(found.values())
    for canon in ("egalim", "organic"):
        if canon in found:
            c = cells[found[canon]]
            bits |= c.spread(np.array([egalim_bits(str(v)) for v in c.values], dtype=np.int32))
            sources.append(header[found[canon]])
    for j, h in enumerate(header):
        if j in used:
            continue
        if fold(h) in _LABELS_HEADERS:  # a column of label names: "Bio, Label Rouge"
            c = cells[j]
            bits |= c.spread(
                np.array([egalim_bits(str(v)) if v == v else 0 for v in c.values], dtype=np.int32)
            )
            sources.append(h)
            continue
        head = egalim_bits(h)
        if not head or len(fold(h).split()) > 4:
            continue
        c = cells[j]
        f = pd.Series([fold(str(v)) if v == v else "" for v in c.values], dtype=object)
        yes = (f != "") & ~f.isin(_FALSE) & ~f.isin({"aucun", "none", "sans", "conventionnel"})
        bits |= c.spread(np.where(yes.to_numpy(dtype=bool), head, 0).astype(np.int32))
        sources.append(h)
    bits |= np.where(organic.fillna(False).to_numpy(dtype=bool), _EGALIM_BIT["BIO"], 0).astype(np.int32)
    has = ~np.isnan(amount)
    eur = np.where(has, amount, 0.0)
    label_eur = {k: float(eur[(bits & _EGALIM_BIT[k]) != 0].sum()) for k in EGALIM_LABELS}
    is_local = local.fillna(False).to_numpy(dtype=bool, copy=True)
    said = local.notna().to_numpy(dtype=bool, copy=True)
    if origin is not None:
        claims = np.array(
            [fold(str(v)).startswith(("local", "circuit court")) for v in origin.values], dtype=bool
        )
        is_local |= origin.spread(claims)
        said |= origin.spread(claims)
    return Spend(
        eur=float(eur.sum()),
        rows_with_amount=int(has.sum()),
        rows_without_amount=int(n - has.sum()),
        label_eur=label_eur,
        egalim_eur=float(eur[bits != 0].sum()),
        local_eur=float(eur[is_local].sum()) if said.any() else None,
        sources=tuple(sources),
    )


def _drop_totals_and_notes(raw: _Raw, found: dict[str, int]) -> _Raw:
    """The table without its "Total" rows and the notes under it: not purchases, said in notes.

    A total row says "Total" (or "Sous-total", "Total général"...) in its label cell or its
    first cell. Notes are the rows after the last total row, and the rows at the end of the
    table with a single filled cell (text under the table: "Montants en euros HT").
    """
    n = len(raw.line)
    if not n:
        return raw
    cells = raw.cells

    def folded_is_total(c: _Coded) -> np.ndarray:
        return c.spread(np.array([bool(_TOTAL_WORDS.match(fold(str(v)))) for v in c.values], dtype=bool))

    total = folded_is_total(cells[found["label"]])
    if found["label"] != 0:
        total |= folded_is_total(cells[0])
    filled = np.zeros(n, dtype=np.int64)
    for c in cells:
        filled += c.spread((c.series().astype(str).str.strip() != "") & c.series().notna())
    notes_mask = np.zeros(n, dtype=bool)
    full = np.flatnonzero((filled >= 3) & ~total)
    if total.any():
        last = int(np.flatnonzero(total)[-1])
        if not len(full) or last > full[-1]:  # the table ends with its total: what follows is notes
            notes_mask[last + 1 :] = filled[last + 1 :] <= 2
    if len(full):
        tail = np.arange(n) > full[-1]
        notes_mask |= tail & (filled == 1)
    notes_mask &= ~total
    drop = total | notes_mask
    if not drop.any():
        return raw
    notes = list(raw.notes)
    acol = found.get("amount")
    totals = []
    for i in np.flatnonzero(total).tolist():
        amount = ""
        if acol is not None:
            amount = str(cells[acol].values[cells[acol].codes[i]]).strip()
            totals.append(amount)
        notes.append(
            Message("note.total_row.amount", line=int(raw.line[i]), amount=amount)
            if amount
            else Message("note.total_row", line=int(raw.line[i]))
        )
    if notes_mask.any():
        notes.append(Message("note.notes_rows", n=int(notes_mask.sum())))
    keep = ~drop
    return _Raw(
        cells=[c.take(keep).compact() for c in cells],
        header=raw.header,
        line=raw.line[keep],
        ragged=raw.ragged[keep].reset_index(drop=True),
        blank_rows=raw.blank_rows,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_line=raw.header_line,
        notes=notes,
        totals=totals,
    )


def _total_check(totals: list[str], amount: np.ndarray) -> str:
    """A note comparing the file's own "Total" row with the sum of the amounts read."""
    if len(totals) != 1:
        return ""  # none, or sub-totals: nothing to compare to
    file_total = float(_parse_numbers(pd.Series(totals, dtype=object)).iloc[0])
    if np.isnan(file_total):
        return ""
    read = float(np.nansum(amount))
    if abs(file_total - read) <= max(0.01, 1e-6 * abs(file_total)):
        return Message("note.total_equal", total=totals[0])
    return Message("note.total_differs", total=totals[0], read=money(read))


def _pack_masses(
    lab: _Coded,
    quantity_kg: np.ndarray,
    quantity_pieces: np.ndarray,
    packs: np.ndarray,
    is_volume: np.ndarray,
    qunit: _Coded,
    reasons: _Reasons,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Packages, consumer units and pieces -> kg from the pack size the label states.

    A package ("colis", "sac"...) or a piece whose label gives its mass ("sac 25kg", "4x125g",
    "Beurre 250g") is that many kg (``from_label``); a package whose label counts its pieces
    ("plateau x30") is that many pieces (their mass comes later from the product's piece mass);
    a package with neither is left without mass (estimated later from its amount, flagged). A
    consumer unit (UVC) without a mass in its label is refused: its size cannot be guessed.
    """
    per = [label_pack(str(v)) for v in lab.values]
    label_kg = lab.spread(np.array([p[0] for p in per], dtype=float))
    label_volume = lab.spread(np.array([p[1] for p in per], dtype=bool))
    label_count = lab.spread(np.array([p[2] for p in per], dtype=float))
    unit = qunit.spread(qunit.values.astype(object))
    has_packs = ~np.isnan(packs)
    pieces = ~np.isnan(quantity_pieces)
    sized = ~np.isnan(label_kg)
    by_label = (has_packs | pieces) & sized
    kg = np.where(by_label, np.where(has_packs, packs, quantity_pieces) * label_kg, quantity_kg)
    counted = has_packs & ~sized & ~np.isnan(label_count)
    pcs = np.where(by_label, np.nan, np.where(counted, packs * label_count, quantity_pieces))
    uvc = has_packs & ~sized & (unit == "uvc")
    reasons.add(uvc, "reason.uvc", lab)
    volume = is_volume | (by_label & label_volume)
    return kg, pcs, volume, by_label


# ---------------------------------------------------------------- interpretation


def _interpret(p: Path, raw: _Raw, columns: Mapping[str, str] | None, decide: _Decisions) -> PurchaseFile:
    """The cells -> :class:`PurchaseFile`.

    Every column is handled as :class:`_Coded` (distinct values + one code per row): the
    conversions run over the distinct values, and the rows only see integer takes and
    boolean masks. Per-row text is made only for refused rows.
    """
    header = _unique_headers(raw.header)
    found = _recognise(header)
    if columns:
        found = _apply_overrides(p, header, found, columns)
    if "label" not in found:
        raise InputError(
            Message("rd.err.no_label", path=str(p), headers=", ".join(repr(h) for h in header) or "-"),
            hint=Message(
                "rd.hint.no_label_garbled" if len(header) < 2 else "rd.hint.no_label",
                path=str(p),
                headers=", ".join(repr(h) for h in header) or "-",
            ),
        )
    folded = {fold(h) for h in header}
    schema = "ma-cantine" if _MACANTINE_REQUIRED <= folded or _MACANTINE_DASHBOARD <= folded else "generic"

    raw = _drop_totals_and_notes(raw, found)
    cells = raw.cells
    n = len(raw.line)
    notes: list[str] = list(raw.notes)

    def col(canon: str) -> _Coded | None:
        idx = found.get(canon)
        return None if idx is None else cells[idx]

    def text(canon: str) -> pd.Series:
        c = col(canon)
        if c is None:
            return pd.Series(pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), [""]))
        return pd.Series(_category(c.codes, _clean_text(c.series()).to_numpy(dtype=object)))

    reasons = _Reasons.from_texts(raw.ragged)
    ragged = reasons.flagged.copy()

    # label
    label = text("label")
    lab = _Coded.of(label)
    reasons.add(lab.empty() & ~ragged, "reason.no_label")
    formula = lab.spread(lab.series().str.contains(_FORMULA).astype(bool)) & ~ragged
    reasons.add(formula, "reason.formula", lab)

    # quantity
    qcol = col("quantity")
    from_label = np.zeros(n, dtype=bool)
    if qcol is not None:
        quantity_kg, quantity_pieces, packs, is_volume, qunit, has_qty = _quantities(
            qcol, col("unit"), header[found["quantity"]], ragged, reasons, notes, decide
        )
        quantity_kg, quantity_pieces, is_volume, from_label = _pack_masses(
            lab, quantity_kg, quantity_pieces, packs, is_volume, qunit, reasons
        )
    else:
        quantity_kg = np.full(n, np.nan)
        quantity_pieces = np.full(n, np.nan)
        is_volume = np.zeros(n, dtype=bool)
        qunit = _Coded(np.zeros(n, dtype=np.int8), np.array([""], dtype=object))
        has_qty = np.zeros(n, dtype=bool)

    # amount
    amount = np.full(n, np.nan)
    acol = col("amount")
    has_amount = np.zeros(n, dtype=bool)
    if acol is not None:
        raw_a = acol.recode(_strip)
        nonempty = ~raw_a.empty()
        style = decide("decimal:" + header[found["amount"]], _decimal_style(raw_a.series()))
        amount = raw_a.spread(_parse_numbers(raw_a.series(), style).to_numpy(dtype=float))
        _note_ambiguous(raw_a, header[found["amount"]], ragged, notes, style)
        bad = nonempty & np.isnan(amount) & ~ragged
        reasons.add(bad, "reason.amount", raw_a)
        negative = nonempty & (amount < 0) & ~ragged
        reasons.add(negative, "reason.negative_amount")
        amount = np.where(nonempty & ~bad & ~negative, amount, np.nan)
        has_amount = ~np.isnan(amount)
    reasons.add(~has_qty & ~has_amount & ~ragged & ~reasons.flagged, "reason.nothing")
    check = _total_check(raw.totals, amount)
    if check:
        notes.append(check)

    # date / month
    date = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    month = np.full(n, np.nan)
    dcol = col("date")
    if dcol is not None:
        # distinct stripped values: the day-first/month-first choice looks at them all
        scodes, suniques = pd.factorize(dcol.series().str.strip().astype(object), use_na_sentinel=False)
        distinct = pd.Series(np.asarray(suniques, dtype=object), dtype=object)
        parsed, note = _parse_dates(distinct, decide("date_order", _date_order(distinct)))
        if note:
            notes.append(note)
        rows = dcol.spread(scodes.astype(_small_int(len(suniques))))
        bad = ~parsed["ok"].to_numpy(dtype=bool)[rows] & ~ragged
        far = parsed["out_of_range"].to_numpy(dtype=bool)[rows] & bad
        reasons.add(far, "reason.date_years", dcol, first=YEARS[0], last=YEARS[1])
        reasons.add(bad & ~far, "reason.date", dcol)
        date = parsed["date"].to_numpy()[rows]
        date[bad] = np.datetime64("NaT")
        month = np.where(bad, np.nan, parsed["month"].to_numpy(dtype=float)[rows])
    mcol = col("month")
    if mcol is not None:
        stripped = mcol.recode(lambda u: u.str.strip())
        parsed = _parse_months(stripped.series())
        bad = ~stripped.spread(parsed["ok"].to_numpy(dtype=bool)) & ~ragged
        reasons.add(bad, "reason.month", mcol)
        month = np.where(
            np.isnan(month) & ~bad, stripped.spread(parsed["month"].to_numpy(dtype=float)), month
        )

    # organic / local
    macantine = schema == "ma-cantine"
    organic = pd.Series(pd.NA, index=range(n), dtype="boolean")
    local = pd.Series(pd.NA, index=range(n), dtype="boolean")
    ecol = col("egalim")
    if ecol is not None:
        tokens = [_tokens_of(x) for x in ecol.values]
        organic = pd.Series(
            ecol.spread(np.array([("BIO" in ts) for ts in tokens], dtype=bool)), dtype="boolean"
        )
        has_local = ecol.spread(
            np.array([bool(ts & {"LOCAL", "PRODUIT_LOCAL"}) for ts in tokens], dtype=bool)
        )
        local = local.mask(has_local, True)
    for canon, kind_ in (("organic", "organic"), ("local", "local")):
        c = col(canon)
        if c is None:
            continue
        parsed = _parse_booleans(c.series(), organic=kind_ == "organic", local=kind_ == "local")
        bad = ~c.spread(parsed["ok"].to_numpy(dtype=bool)) & ~ragged
        reasons.add(bad, f"reason.{canon}", c)
        value = pd.Series(parsed["value"].astype("boolean").array.take(c.codes))
        if macantine:
            value = value.fillna(False)  # the platform's checkboxes: empty means "no"
        if canon == "organic":
            organic = value.where(value.notna(), organic)
        else:
            local = value.where(value.notna(), local) if canon == "local" else local
    if macantine and ecol is not None:
        local = local.fillna(False)

    spend = _spend(found, header, cells, lab, organic, local, col("origin"), amount)

    origin_text = text("origin")
    if "origin" not in found and ecol is not None:
        # the dashboard export says the origin inside "Caractéristiques" ("Origine France",
        # "Origine Europe (hors France)"): read as the import file's FRANCE / EUROPE
        origins = np.array([_origin_of(ts) for ts in (_tokens_of(x) for x in ecol.values)], dtype=object)
        if (origins != "").any():
            origin_text = pd.Series(_category(ecol.codes, origins))
            notes.append(Message("note.origin_column", column=repr(header[found["egalim"]])))

    missing_month = np.isnan(month)
    lines_all = pd.DataFrame(
        {
            "line": raw.line.astype(np.int64),
            "label": label,
            "quantity_kg": quantity_kg.astype(float),
            "quantity_pieces": quantity_pieces.astype(float),
            "quantity_is_volume": is_volume.astype(bool),
            "quantity_from_label": from_label.astype(bool),
            "quantity_unit": _category(qunit.codes, qunit.values),
            "amount_eur": np.asarray(amount, dtype=float),
            "origin_text": origin_text,
            "mode_text": text("mode"),
            "date": date,
            "month": pd.arrays.IntegerArray(
                np.where(missing_month, 0, month).astype(np.int64), missing_month.astype(bool)
            ),
            "organic": organic.array,
            "local": local.array,
            "supplier": text("supplier"),
            "family": text("family"),
        },
        copy=False,  # the arrays are this function's own: no copy, no stacking into 2-D blocks
    )
    ok = ~reasons.flagged
    every = bool(ok.all())
    # the original cells of accepted lines as categoricals: one small code per cell instead of
    # a pointer to a string (purchase files repeat their cells a lot)
    kept = {
        f"in:{h}": _category(c.codes if every else c.codes[ok], c.values)
        for h, c in zip(header, cells, strict=True)
    }
    lines = pd.concat(
        [
            lines_all if every else lines_all[ok].reset_index(drop=True),
            pd.DataFrame(kept, copy=False),
        ],
        axis=1,
    )
    del kept
    # refused rows: their original cells as text (few rows)
    refused = np.flatnonzero(~ok)
    rejected_orig = pd.DataFrame({j: c.values[c.codes[refused]] for j, c in enumerate(cells)})
    # the rejected file starts with "line" and "reason": an input column of that name is renamed
    rejected_orig.columns = _unique_headers(
        [h if h not in ("line", "reason") else f"in:{h}" for h in header], reserved=("line", "reason")
    )
    rejected = pd.concat(
        [
            pd.DataFrame(
                {
                    "line": raw.line[refused].astype(np.int64),
                    # messages kept as objects (a string dtype would make them plain English text)
                    "reason": pd.Series(reasons.of(refused), dtype=object),
                }
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
        spend=spend,
        decisions=decide.taken,
    )
