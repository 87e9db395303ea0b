"""A purchase file -> a carbon report: per-line figures, totals, breakdowns, what-ifs.

:func:`compute_report` takes a :class:`~footprint_cli.batch.reader.PurchaseFile` and:

1. matches the *distinct* labels to products and the *distinct* origin texts to places
   (:mod:`footprint_cli.batch.match`); a label scoring below the threshold is refused with
   its closest products, an unknown origin is refused with the closest places;
2. turns quantities into kg: pack sizes read from the label (``mass_from_label``), pieces x
   the product's piece mass (``mass_from_pieces``), litres read as kg (``volume_as_mass``), and
   lines with euros but no mass (the ma-cantine export) divided by the product's estimated
   catering price per kg (:mod:`~footprint_cli.batch.bridge`, ``mass_estimated_from_price``);
3. evaluates each distinct (product, origin place, month, mode) *once, per kg*, with the
   engine's :func:`~footprint_cli.engine.resolve` and batch API
   (:class:`~footprint_cli.engine.Evaluations`, see :func:`~footprint_cli.engine.evaluate_many`):
   central values, flags, and Monte Carlo draws of each distinct calculation, then joins the
   per-kg figures back to the lines (results are linear in quantity: line = per kg x kg);
4. sums draws weighted by kg for the totals and the what-ifs, with ONE Monte Carlo sampler
   for the whole report, so a factor shared by many lines (the refrigerated truck, the French
   beef value) is drawn once and stays correlated across lines and scenarios.

No row is lost: ``rows_read == rows_computed + rows_rejected``; refused rows keep their line
number, a reason, and their original cells.

Kg of a line estimated from its price carry the price range in the Monte Carlo: the kg is
``amount / price`` with the price drawn like every other factor (key ``price:<product>``).
"""

from __future__ import annotations

import functools
import gc
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import numpy as np
import pandas as pd

from ..catalog import Catalog, fold
from ..engine import (
    DEFAULT_DESTINATION,
    STAGES,
    Canonical,
    Evaluations,
    Flag,
    Scenario,
    carbon_price_of,
    destination_place,
    resolve,
)
from ..errors import FootprintError, InputError
from ..i18n import Message, Named
from ..model.loader import Dataset
from ..uncertainty import INTERVAL, MonteCarlo
from .bridge import catering_price, inv_price_draws, kg_bounds
from .codes import Reasons as _Reasons
from .codes import category as _category
from .codes import code_dtype as _code_dtype
from .exact import exact_bincount, exact_sum
from .match import EU_PROXY, IMPORT_PROXY, match_labels, match_origins
from .reader import PurchaseFile, Spend
from .schema import DERIVED_COLUMNS

__all__ = [
    "BEEF_PRODUCTS",
    "BEEF_REPLACED_SHARE",
    "LINE_FLAGS",
    "LOCAL_EXCLUDED_CATEGORIES",
    "SCOPES",
    "STAGE_GROUPS",
    "SUBSTITUTES",
    "Report",
    "WhatIf",
    "compute_report",
    "parse_mode",
]

SCOPES = ("local", "france", "europe", "world")
"""Origin groups of the breakdown, nearest first."""

STAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "production": ("production", "processing"),
    "transport": ("transport",),
    "rest": ("storage", "losses", "packaging", "retail"),
}
"""Production (farm and processing) vs transport vs the rest (storage, losses, packaging, retail)."""

LINE_FLAGS = (
    "mass_from_pieces",
    "volume_as_mass",
    "mass_estimated_from_price",
    "month_default",
    "mass_from_label",
)
"""Per-line flags set by the report (bit i of ``line_flag_bits``)."""

BEEF_PRODUCTS = ("beef", "minced_beef", "veal")
"""Products the beef what-ifs replace in part (bovine meat)."""

BEEF_REPLACED_SHARE = 0.5
"""Share of the beef kg replaced in the beef what-ifs (half of the beef dishes)."""

SUBSTITUTES: dict[str, tuple[str, float]] = {
    "beef_to_pulses": ("lentils", 1.0),
    "beef_to_poultry": ("chicken", 1.0),
}
"""What-if -> (replacement product, kg of it per kg of beef replaced). Kg for kg: a
conservative choice for pulses (dry lentils hold about as much protein per kg as raw beef,
and a portion of dry pulses weighs less than a portion of meat)."""

LOCAL_EXCLUDED_CATEGORIES = frozenset({"fish"})
"""Categories left out of the "local instead of imported" what-if: a fish's origin is a fishing
zone, not a farm that could be moved closer."""

NOT_FRENCH = frozenset({"rice"})
"""Products France grows too little of to count as substitutable by local supply."""

WHAT_IFS = ("in_season", "sea_not_air", "beef_to_pulses", "beef_to_poultry", "local_not_imported")

_MODE_WORDS: dict[str, str] = {
    **{
        w: "road"
        for w in ("road", "route", "routier", "camion", "truck", "lorry", "camionnette", "terrestre")
    },
    **{w: "rail" for w in ("rail", "train", "ferroviaire", "fer")},
    **{
        w: "sea"
        for w in ("sea", "mer", "maritime", "bateau", "navire", "ship", "boat", "container", "conteneur")
    },
    **{w: "air" for w in ("air", "avion", "aerien", "aerienne", "plane", "airfreight", "fret aerien")},
}

ProgressFn = Callable[[str, int, int], None]
"""progress(phase, done, total): called while the report is computed."""


def parse_mode(text: str) -> str | None:
    """A free-text transport mode ("camion", "Bateau", "avion") -> road/rail/sea/air, else None."""
    f = fold(text)
    if f in _MODE_WORDS:
        return _MODE_WORDS[f]
    for word in f.split():
        if word in _MODE_WORDS:
            return _MODE_WORDS[word]
    return None


# ---------------------------------------------------------------- result objects


@dataclass(frozen=True)
class WhatIf:
    """A recomputation of some lines with a changed scenario, and what it saves."""

    key: str
    """One of :data:`WHAT_IFS`."""
    lines: int
    """Number of lines concerned."""
    kg: float
    """Kg concerned (before substitution)."""
    baseline_kg_co2e: float
    alternative_kg_co2e: float
    saving_kg_co2e: float
    saving_interval_kg_co2e: tuple[float, float]
    """5th-95th percentile of the saving."""
    prob_saving: float
    """Share of the Monte Carlo draws where the alternative emits less."""
    params: dict[str, Any] = field(default_factory=dict)
    skipped_lines: int = 0
    """Lines concerned that could not be recomputed (e.g. no sea route): left unchanged."""


@dataclass(frozen=True)
class Share:
    """One row of a breakdown: a group, its kg, emissions and share of the total."""

    key: str
    lines: int
    kg: float
    kg_co2e: float
    share: float
    amount_eur: float


@dataclass(frozen=True, eq=False)
class LineFigures:
    """The per-line figures of :data:`DERIVED_COLUMNS`, as per-scenario tables and per-line codes.

    Work is done per distinct scenario, then joined back to the lines; at a million lines each
    joined float column is 8 MB, so they are joined only when read (the per-line CSV is written a
    chunk of rows at a time), each exactly as a stored column would have been computed.
    """

    canon: np.ndarray
    """Per accepted line, its canonical scenario (index into the tables below)."""
    kg: np.ndarray
    amount: np.ndarray
    by_price: np.ndarray
    """Per line: the mass was estimated from the amount paid (interval per euro, not per kg)."""
    stages: np.ndarray
    """Per-kg kg CO2e of each stage (rows in :data:`STAGES` order) of each scenario."""
    total: np.ndarray
    low_per_kg: np.ndarray
    high_per_kg: np.ndarray
    low_per_eur: np.ndarray
    high_per_eur: np.ndarray
    carbon_price: float
    """Euros per tonne CO2e."""

    def __len__(self) -> int:
        return len(self.canon)

    def column(self, name: str, rows: Any = slice(None)) -> np.ndarray:
        """Column ``name`` of :data:`DERIVED_COLUMNS` for ``rows`` (a slice or an index array)."""
        cc = self.canon[rows]
        if name == "kg_co2e_per_kg":
            return self.total[cc]
        kg = self.kg[rows]
        if name.endswith("_kg_co2e") and name[: -len("_kg_co2e")] in STAGES:
            return self.stages[STAGES.index(name[: -len("_kg_co2e")])][cc] * kg
        if name == "total_kg_co2e":
            return self.total[cc] * kg
        if name == "carbon_cost_eur":
            return self.total[cc] * kg * self.carbon_price / 1000.0
        if name in ("total_low_kg_co2e", "total_high_kg_co2e"):
            per_kg, per_eur = (
                (self.low_per_kg, self.low_per_eur)
                if name == "total_low_kg_co2e"
                else (self.high_per_kg, self.high_per_eur)
            )
            return np.where(self.by_price[rows], per_eur[cc] * self.amount[rows], per_kg[cc] * kg)
        raise KeyError(name)

    def lazy(self, name: str) -> LazyColumn:
        return LazyColumn(self, name)


@dataclass(frozen=True)
class LazyColumn:
    """A derived column read by slices (``len`` and ``[start:stop]``), as the CSV writer reads."""

    figures: LineFigures
    name: str

    def __len__(self) -> int:
        return len(self.figures)

    def __getitem__(self, rows: Any) -> np.ndarray:
        return self.figures.column(self.name, rows)


@dataclass
class Report:
    """The result of :func:`compute_report`."""

    table: pd.DataFrame
    """The stored columns of :attr:`lines` (all but :data:`DERIVED_COLUMNS`)."""
    figures: LineFigures
    """The columns of :data:`DERIVED_COLUMNS`, computed when read."""
    rejected: pd.DataFrame
    """``line``, ``reason``, then the original cells under their original headers."""
    rows_read: int
    original_columns: list[str]
    flag_groups: list[tuple[Flag, ...]]
    """Distinct flag sets; ``lines["flag_group"]`` indexes this list."""
    total_kg: float
    total_kg_co2e: float
    interval_kg_co2e: tuple[float, float]
    stages_kg_co2e: dict[str, float]
    amount_eur: float
    """Sum of the amounts of the file (euros paid), over lines that give one."""
    price_model_eur: float
    """Kg x reference price per kg, over all lines."""
    carbon_price_key: str
    carbon_price_eur_per_t: float
    carbon_cost_eur: float
    by_family: list[Share]
    by_scope: list[Share]
    what_ifs: list[WhatIf]
    organic_share_eur: float | None
    """Share of the file's spend (EUR HT, ALL rows read, a blank cell meaning "no") that is organic."""
    organic_share_kg: float | None
    """Share of the computed kg that is organic (only without a spend summary: see ``spend``)."""
    local_share_eur: float | None
    """Share of the file's spend the file says is local (None: the file says nothing of it)."""
    local_share_kg: float | None
    flag_counts: list[tuple[Flag, int]]
    """Each flag and the number of lines it applies to, most frequent first."""
    draws: int
    seed: int
    destination: str
    month_default: int
    schema: str
    path: str
    notes: list[str] = field(default_factory=list)
    timings_s: dict[str, float] = field(default_factory=dict)
    total_draws_kg_co2e: np.ndarray | None = field(default=None, repr=False, compare=False)
    """The Monte Carlo draws of the total (one per draw; factor draws are keyed by factor and
    seed, so two reports with the same seed and draws are paired: see :mod:`.year_on_year`)."""
    family_draws_kg_co2e: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    """The Monte Carlo draws of each product family's total (paired like the total's)."""
    columns: dict[str, str] = field(default_factory=dict)
    """Canonical column -> original header, as the reader recognised them."""
    spend: Spend | None = None
    """The file's spend over all rows read and its EGalim labels (see :class:`~.reader.Spend`)."""
    keys: KeyTable | None = field(default=None, repr=False, compare=False)
    """The distinct scenario keys of the lines, for a part of a file read in chunks (see
    :mod:`.stream`)."""
    _lines: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    @property
    def spend_eur(self) -> float:
        """Euros HT of every row read (computed or refused) that gives a readable amount."""
        return self.spend.eur if self.spend is not None else self.amount_eur

    @property
    def coverage_lines(self) -> float | None:
        """Share of the rows read that were computed."""
        return self.rows_computed / self.rows_read if self.rows_read else None

    @property
    def coverage_eur(self) -> float | None:
        """Share of the file's spend (EUR HT) that was computed."""
        return self.amount_eur / self.spend_eur if self.spend_eur > 0 else None

    def kg_interval(self, products: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """Per computed line, the bounds of its kg: the kg itself when measured, and for a mass
        estimated from euros ``amount / catering price`` at the price's high and low bounds."""
        kg = self.table["kg"].to_numpy(dtype=float)
        low, high = kg.copy(), kg.copy()
        est = self.figures.by_price
        if est.any():
            prod = self.table["product"]
            codes = prod.cat.codes.to_numpy()
            ranges = [catering_price(products[p]) for p in prod.cat.categories]
            lo_p = np.array([r.low for r in ranges], dtype=float)[codes]
            hi_p = np.array([r.high for r in ranges], dtype=float)[codes]
            amount = self.table["amount_eur"].to_numpy(dtype=float)
            kl, kh = kg_bounds(amount, lo_p, hi_p)
            low[est], high[est] = kl[est], kh[est]
        return low, high

    def egalim_shares(self) -> list[tuple[str, float]]:
        """(EGalim label, share of the spend) for every label the file carries, in the law's order."""
        if self.spend is None or self.spend.eur <= 0:
            return []
        return [(k, v / self.spend.eur) for k, v in self.spend.label_eur.items() if v > 0]

    @property
    def lines(self) -> pd.DataFrame:
        """One row per computed line: ``line``, the ``in:<header>`` original cells, then the
        computed columns (see :mod:`footprint_cli.batch.schema`). Built when first read (a million lines
        take ~160 MB); :meth:`column` and :meth:`top_lines` read single columns or rows."""
        if self._lines is None:
            self._lines = self._frame()
        return self._lines

    def column(self, name: str) -> np.ndarray:
        """One column of :attr:`lines`, without building the whole table."""
        if name in DERIVED_COLUMNS:
            return self.figures.column(name)
        return self.table[name].to_numpy()

    def _frame(self, rows: np.ndarray | None = None) -> pd.DataFrame:
        """:attr:`lines`, or its ``rows`` (positions, kept as the index)."""
        base = self.table if rows is None else self.table.iloc[rows]
        sel = slice(None) if rows is None else rows
        derived = {c: self.figures.column(c, sel) for c in DERIVED_COLUMNS}
        cols: dict[str, Any] = {}
        for c in base.columns:
            if c == "amount_eur":  # stored and derived columns in their documented order
                for d in DERIVED_COLUMNS[:-1]:
                    cols[d] = derived[d]
            cols[c] = base[c]
            if c == "price_model_eur":
                cols["carbon_cost_eur"] = derived["carbon_cost_eur"]
        for d in DERIVED_COLUMNS:
            cols.setdefault(d, derived[d])
        return pd.DataFrame(cols, index=base.index, copy=False)

    @property
    def rows_computed(self) -> int:
        return len(self.table)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def kg_co2e_per_kg(self) -> float:
        return self.total_kg_co2e / self.total_kg if self.total_kg else 0.0

    @property
    def stage_groups_kg_co2e(self) -> dict[str, float]:
        return {g: sum(self.stages_kg_co2e[s] for s in stages) for g, stages in STAGE_GROUPS.items()}

    def top_lines(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` lines emitting most (highest total first, ties in file order)."""
        total = pd.Series(self.figures.column("total_kg_co2e"))
        return self._frame(total.nlargest(n, keep="first").index.to_numpy())


# ---------------------------------------------------------------- evaluation and sums of draws


@dataclass(frozen=True)
class _Key:
    """One distinct (product, place, month, mode, system) of the file, resolved."""

    canon: tuple[Any, ...]
    flags: tuple[Flag, ...]
    system: str
    season: str
    main_mode: str
    country: str
    family: str


#: Folded label words meaning the product is bought frozen or canned.
PRESERVED_WORDS = frozenset(
    {"surgele", "surgeles", "surgelee", "surgelees", "congele", "congeles", "congelee", "congelees",
     "conserve", "conserves", "appertise", "appertises", "boite", "boites", "iqf"}
)  # fmt: skip


def _preserved_labels(uniques: Any) -> np.ndarray:
    """True for each distinct label that says frozen or canned."""
    return np.array([bool(PRESERVED_WORDS & set(fold(str(u)).split())) for u in uniques], dtype=bool)


def _factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(s.astype(object), use_na_sentinel=False)``, without building the object
    column when ``s`` is categorical: the same codes and distinct values, in order of appearance;
    the codes in the smallest integer type."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        cats = np.append(np.asarray(s.cat.categories, dtype=object), np.nan).astype(object)
        if (codes < 0).any():
            codes = np.where(codes < 0, len(cats) - 1, codes.astype(_code_dtype(len(cats))))
        final, first = pd.factorize(codes, use_na_sentinel=False)
        return final.astype(_code_dtype(len(first))), cats[first]
    codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=False)
    return codes.astype(_code_dtype(len(uniques))), np.asarray(uniques, dtype=object)


def _group_flags(
    bits: int, origin_flag: str, key_flags: tuple[Flag, ...], month_default: int
) -> tuple[Flag, ...]:
    """The flags of a group of lines: its line flags (``bits``), origin flag, then key flags."""
    fl: list[Flag] = []
    for j, code in enumerate(LINE_FLAGS):
        if bits >> j & 1:
            params: dict[str, Any] = {"month": month_default} if code == "month_default" else {}
            fl.append(Flag(code, params))
    if origin_flag:
        # "code|key=value|...": an origin flag with its parameters (see match_origins)
        code, *extra = origin_flag.split("|")
        proxy = {
            "origin_proxy_eu": EU_PROXY,
            "origin_unknown_import": IMPORT_PROXY,
            "origin_mixed": IMPORT_PROXY,
        }
        oparams: dict[str, Any] = {"origin": proxy[code]} if code in proxy else {}
        oparams.update(item.split("=", 1) for item in extra)  # type: ignore[arg-type]
        fl.append(Flag(code, oparams))
    fl.extend(key_flags)
    unique: list[Flag] = []
    for f in fl:
        if f not in unique:
            unique.append(f)
    return tuple(unique)


def _scenario_key_text(data: Dataset, key: tuple[Any, ...]) -> Message:
    pid, place, month, mode, system, _preserved = key
    name = "reason.scenario" + (".mode" if mode else "") + (".system" if system else "")
    return Message(
        name,
        product=_product_named(data, pid),
        place=place,
        month=month,
        mode=mode,
        mode_fr=Message(f"mainmode.{mode}") if mode else "",
        system=system,
        system_fr=Message(f"system.{system}") if system else "",
    )


def _error_message(exc: FootprintError) -> Message:
    """Why the engine could not compute a scenario, as a reason (short for an unavailable product)."""
    message = exc.message
    if message is None:
        return Message("reason.model")
    key, params = message.parts[0]
    return Message("reason.unavailable", **dict(params)) if key == "err.unavailable" else message


def _product_named(data: Dataset, pid: str) -> Named | str:
    """A product id for a reason: the id in English output, the French name in French."""
    return Named(pid, data.products[pid].name_fr) if pid in data.products else pid


def _unrecognised(label: str, score: float, closest: list[str], why: str, data: Dataset) -> Message:
    """Why a label is refused: the score, the closest products (their ids in English, their
    names in French), and what the matcher saw."""
    names_fr = ", ".join(f"« {data.products[p].name_fr} »" if p in data.products else p for p in closest)
    params = {"label": repr(label), "score": f"{score:.0f}", "closest": Named(", ".join(closest), names_fr)}
    reason = Message("reason.product.closest" if closest else "reason.product", **params)
    return Message("reason.because", reason=reason, why=why) if why else reason


class _Evaluator:
    """Resolves scenario keys and evaluates each canonical scenario once (central, then draws)."""

    def __init__(self, data: Dataset, catalog: Catalog, destination: str, mc: MonteCarlo):
        self.data = data
        self.catalog = catalog
        self.destination = destination
        self.mc = mc
        self.keys: dict[tuple[Any, ...], _Key | str] = {}
        self.batch = Evaluations(data, mc)
        self.central = self.batch.central
        """Canonical scenario -> its central figures, per kg, in the order first met."""
        self.flag_sets: dict[tuple[Any, ...], tuple[Flag, ...]] = {}

    def key(self, key: tuple[Any, ...]) -> _Key | str:
        """The resolved key, or the reason it cannot be computed."""
        got = self.keys.get(key)
        if got is not None:
            return got
        p_id, pl, m, md, system, preserved = key
        res: _Key | str
        try:
            s = Scenario(
                product=p_id,
                origin=pl,
                month=m,
                destination=self.destination,
                system=system,
                mode=md,
                preserved=preserved,
            )
            r = resolve(self.data, self.catalog, s)
            e = self.batch.add(r)
            res = _Key(
                e.canon,
                self._interned(e.flags),
                r.system,
                r.season.status,
                r.main_mode,
                r.country.code,
                r.product.family,
            )
        except FootprintError as exc:
            if getattr(exc, "key", None) == "err.unavailable":
                res = _error_message(exc)  # it names the product, the origin and the month itself
            else:
                res = Message(
                    "reason.cannot_compute",
                    scenario=_scenario_key_text(self.data, key),
                    error=_error_message(exc),
                )
        self.keys[key] = res
        return res

    def _interned(self, flags: tuple[Flag, ...]) -> tuple[Flag, ...]:
        """One tuple object for equal flag sets (thousands of keys share a few hundred), so the
        report builds and counts the flags of its line groups once per distinct set."""
        try:
            return self.flag_sets.setdefault(tuple((f.code, *f.params.items()) for f in flags), flags)
        except TypeError:  # a parameter that cannot be hashed: not shared
            return flags

    def draws(self, canon: Canonical) -> np.ndarray:
        """Monte Carlo draws of the canonical scenario's total, per kg."""
        return self.batch.draws(canon)


class _Sums:
    """Weighted sums of per-kg draws: for each (what-if or None, "base"/"alt"), the sum over canonical
    scenarios of D(canon) x (kg + eur / price(pid)), with the price drawn too."""

    def __init__(self, mc: MonteCarlo):
        self.mc = mc
        self.weights: dict[tuple[str | None, str], dict[tuple[tuple[Any, ...], str], list[float]]] = {
            (None, "base"): {}
        }
        self.by_canon: dict[tuple[Any, ...], list[tuple[tuple[str | None, str], str, list[float]]]] = {}
        self.totals: dict[tuple[str | None, str], np.ndarray] = {}
        self._inv: dict[str, np.ndarray] = {}

    def add(
        self, name: str | None, side: str, canon: tuple[Any, ...], price_pid: str, kg: float, eur: float
    ) -> None:
        if kg == 0.0 and eur == 0.0:
            return
        table = self.weights.setdefault((name, side), {})
        w = table.get((canon, price_pid))
        if w is None:
            w = table[(canon, price_pid)] = [0.0, 0.0]
            self.by_canon.setdefault(canon, []).append(((name, side), price_pid, w))
        w[0] += kg
        w[1] += eur

    def canons(self) -> set[tuple[Any, ...]]:
        return set(self.by_canon)

    def inv_price(self, product: Any) -> np.ndarray:
        got = self._inv.get(product.id)
        if got is None:
            got = self._inv[product.id] = _inv_price(self.mc, product)
        return got

    def feed(self, canon: tuple[Any, ...], d: np.ndarray, products: dict[str, Any]) -> None:
        for target, price_pid, (w_kg, w_eur) in self.by_canon.get(canon, ()):
            weight: Any = w_kg + w_eur * self.inv_price(products[price_pid]) if w_eur else w_kg
            acc = self.totals.get(target)
            if acc is None:
                acc = self.totals[target] = np.zeros(self.mc.n)
            acc += d * weight

    def central(self, name: str | None, side: str, ev: _Evaluator) -> float:
        total = 0.0
        for (canon, price_pid), (w_kg, w_eur) in self.weights.get((name, side), {}).items():
            price = catering_price(ev.data.products[price_pid]).central
            total += ev.central[canon].total * (w_kg + w_eur / price)
        return total


class _Intervals:
    """5th-95th percentiles of many rows of draws, a chunk of rows at a time.

    One ``np.percentile(..., axis=1)`` per chunk instead of one call per row: numpy's per-call
    set-up (argument checks, index arrays, a copy) was a fifth of the time; what remains is the
    partition of the draws itself. Row by row the values are those of
    ``np.percentile(row, INTERVAL)``. The chunk is a fixed buffer (``rows`` x draws, 10 MB at
    10,000 draws), partitioned in place.
    """

    def __init__(self, n: int, rows: int = 128):
        self.buf = np.empty((rows, n))
        self.into: list[tuple[np.ndarray, np.ndarray, int]] = []

    def row(self, low: np.ndarray, high: np.ndarray, j: int) -> np.ndarray:
        """A buffer row to fill with draws; their percentiles go to ``low[j]`` and ``high[j]``."""
        if len(self.into) == len(self.buf):
            self.flush()
        self.into.append((low, high, j))
        return self.buf[len(self.into) - 1]

    def flush(self) -> None:
        if self.into:
            lows, highs = np.percentile(self.buf[: len(self.into)], INTERVAL, axis=1, overwrite_input=True)
            for (low, high, j), lo, hi in zip(self.into, lows.tolist(), highs.tolist(), strict=True):
                low[j], high[j] = lo, hi
            self.into.clear()


# ---------------------------------------------------------------- the computation

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _gc_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``fn`` with Python's cyclic garbage collector paused.

    The report allocates tens of thousands of small objects (scenario keys, flags, sets) that
    hold no reference cycles; each allocation burst set off full collections over every live
    object, ~10 % of the compute time at 1M lines. Whatever cycles there are get collected once
    the collector is back on.
    """

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return paused


# ---------------------------------------------------------------- the phases
#
# compute_report = match -> masses -> plan -> evaluate -> aggregate -> weigh (base and what-ifs)
# -> draw (Monte Carlo) -> per-line figures, flags, rejected rows, table -> what-if results ->
# summary. Each phase is a function with typed inputs and outputs; the per-scenario arithmetic is
# the engine's (engine.resolve, engine.Evaluations: see _Evaluator).


@dataclass(eq=False)
class Shared:
    """What the parts of one file read in chunks share (see :mod:`.stream`): labels and origins
    already matched, keys already resolved by the engine, intervals already drawn."""

    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_kg: dict[Canonical, tuple[float, float]] = field(default_factory=dict)
    per_eur: dict[Canonical, tuple[float, float]] = field(default_factory=dict)
    evaluator: _Evaluator | None = None


@dataclass(frozen=True, eq=False)
class KeyTable:
    """The distinct scenario keys of a part of a file, to be added up with the other parts'."""

    keys: list[tuple[Any, ...]]
    first_line: np.ndarray
    """Per key, the line (number in the file) of its first line, accepted or not."""
    ok: np.ndarray
    """Per key: some line of it was accepted before the engine saw the key."""
    of_line: np.ndarray
    """Per accepted line (in the order of the report's table), its key."""


@dataclass(frozen=True, eq=False)
class Matched:
    """Phase "match": per line, codes into the distinct labels, origins and modes, and what each
    distinct value was matched to (refusals are added to the lines' reasons)."""

    lab_codes: np.ndarray
    """Per line, its label's code into ``lab_uniques``."""
    lab_uniques: np.ndarray
    lab_pid: np.ndarray
    """Per distinct label: the product id ("" when refused)."""
    lab_score: np.ndarray
    lab_pid_codes: np.ndarray
    """Per distinct label: the code of its product into ``pid_uniques``."""
    pid_uniques: np.ndarray
    pid_codes: np.ndarray
    """Per line, the code of its product into ``pid_uniques``."""
    org_codes: np.ndarray
    org_place: np.ndarray
    org_country: np.ndarray
    org_flag: np.ndarray
    scope_codes: np.ndarray
    """Per line, the code of its origin scope into ``scope_values`` ("local" when the file says so)."""
    scope_values: np.ndarray
    month: np.ndarray
    month_known: np.ndarray
    mode_codes: np.ndarray
    mode_map: np.ndarray
    """Per distinct mode text: road/rail/sea/air, or ""."""


@dataclass(frozen=True, eq=False)
class Masses:
    """Phase "masses": per line, its kg and how it was found."""

    kg: np.ndarray
    amount: np.ndarray
    from_price: np.ndarray
    """The kg was estimated from the amount paid."""
    price_kg: np.ndarray
    """The product's reference price per kg."""
    bits: np.ndarray
    """:data:`LINE_FLAGS` bits."""
    kg_method_codes: np.ndarray
    """Codes into :data:`KG_METHODS`."""


KG_METHODS = np.array(["price", "pieces", "volume", "mass", "label"], dtype=object)


@dataclass(frozen=True, eq=False)
class Plan:
    """Phase "plan": the distinct scenario keys (product, place, month, mode, system, preserved)."""

    key_codes: np.ndarray
    """Per line, its key's index into ``keys``."""
    keys: list[tuple[Any, ...]]
    ok_keys: np.ndarray
    """Keys with at least one line accepted so far."""


@dataclass(frozen=True, eq=False)
class ResolvedKeys:
    """Phase "evaluate": each key resolved and evaluated by the engine, or why it cannot be."""

    info: list[_Key | str | None]
    good: list[int]
    """Indexes of the keys that were computed."""


@dataclass(frozen=True, eq=False)
class Accepted:
    """The accepted lines (positions in the file) and their per-line arrays."""

    idx: np.ndarray
    kc: np.ndarray
    """Per accepted line, its key."""
    kg: np.ndarray
    amount: np.ndarray
    by_price: np.ndarray


@dataclass(frozen=True, eq=False)
class KeySums:
    """Phase "aggregate": per key, sums over its accepted lines."""

    kg_measured: np.ndarray
    """Kg measured (or from pieces, litres, labels): weighs the per-kg draws."""
    eur_estimated: np.ndarray
    """Euros of the lines whose kg is estimated from them: weighs the per-euro draws."""
    lines: np.ndarray
    kg: np.ndarray
    scopes: list[set[str]]


@dataclass(frozen=True, eq=False)
class Intervals:
    """Phase "draw": per canonical scenario, the 5th-95th percentiles per kg and per euro."""

    canon_list: list[Canonical]
    canon_index: dict[Canonical, int]
    low_per_kg: np.ndarray
    high_per_kg: np.ndarray
    low_per_eur: np.ndarray
    high_per_eur: np.ndarray


@dataclass(frozen=True, eq=False)
class FlagGroups:
    """Per accepted line, its group of flags (line bits, origin flag, key flags)."""

    codes: np.ndarray
    groups: list[tuple[Flag, ...]]
    group_combo: np.ndarray
    combo_flags: list[tuple[Flag, ...]]


def _matched(
    fn: Callable[[pd.Series, Catalog], pd.DataFrame],
    column: str,
    uniques: np.ndarray,
    catalog: Catalog,
    cache: dict[str, dict[str, Any]] | None,
) -> pd.DataFrame:
    """``fn`` (match_labels, match_origins) of the distinct values, indexed by their text; with
    ``cache``, only the values not met in an earlier part of the file are matched."""
    texts = [str(x) for x in uniques]
    if cache is None:
        got = fn(pd.Series(np.asarray(uniques, dtype=object), dtype=object), catalog)
        return got.set_index(column).reindex(texts)
    new = [u for u, t in zip(uniques, texts, strict=True) if t not in cache]
    if new:
        got = fn(pd.Series(np.asarray(new, dtype=object), dtype=object), catalog)
        for row in got.to_dict("records"):
            cache[str(row[column])] = row
    if not texts:
        return fn(pd.Series([], dtype=object), catalog).set_index(column)
    frame = pd.DataFrame([cache[t] for t in texts], dtype=object)
    frame.index = pd.Index(texts, name=column)
    return frame.drop(columns=[column])


def match_lines(
    lines: pd.DataFrame,
    catalog: Catalog,
    month_default: int,
    reasons: _Reasons,
    progress: ProgressFn,
    shared: Shared | None = None,
) -> Matched:
    """Match the distinct labels to products, the distinct origin texts to places, the mode texts
    to modes; read the months (``month_default`` where none is given). With ``shared``, labels and
    origins met in an earlier part of the file are not matched again."""
    # -- labels
    progress("match", 0, 2)
    lab_codes, lab_uniques = _factorize(lines["label"])
    matched = _matched(match_labels, "label", lab_uniques, catalog, shared.labels if shared else None)
    lab_pid = matched["product_id"].fillna("").to_numpy(dtype=object)
    lab_score = matched["score"].fillna(0.0).to_numpy(dtype=float)
    lab_reason = [
        "" if pid else _unrecognised(str(lab), score, sugg, why, catalog.data)
        for lab, pid, score, sugg, why in zip(
            lab_uniques,
            lab_pid,
            lab_score,
            matched["suggestions"].tolist(),
            matched["reason"].fillna("").tolist(),
            strict=True,
        )
    ]
    reasons.add_codes(lab_codes, lab_reason)
    # products: label code -> product code
    lab_pid_codes, pid_uniques = pd.factorize(lab_pid, use_na_sentinel=False)
    pid_codes = lab_pid_codes.astype(_code_dtype(len(pid_uniques)))[lab_codes]

    # -- origins
    progress("match", 1, 2)
    org_codes, org_uniques = _factorize(lines["origin_text"])
    origins = _matched(match_origins, "origin_text", org_uniques, catalog, shared.origins if shared else None)
    org_place = origins["place_code"].fillna("").to_numpy(dtype=object)
    org_country = origins["country"].fillna("").to_numpy(dtype=object)
    org_scope = origins["scope"].fillna("").to_numpy(dtype=object)
    org_flag = origins["flag"].fillna("").to_numpy(dtype=object)
    reasons.add_codes(org_codes, origins["reason"].fillna("").tolist())
    is_local = lines["local"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    # scope as codes into org_scope + ["local"]: a line the file says is local is "local"
    scope_codes = np.where(
        is_local & (org_scope != "")[org_codes], len(org_scope), org_codes.astype(_code_dtype(len(org_scope)))
    )
    scope_values = np.append(org_scope, "local").astype(object)
    del is_local
    progress("match", 2, 2)

    # -- month and mode
    month_col = lines["month"]
    month_known = month_col.notna().to_numpy(dtype=bool)
    month = np.where(month_known, month_col.fillna(month_default).to_numpy(dtype=np.int64), month_default)
    mode_codes, mode_uniques = _factorize(lines["mode_text"])
    mode_map = np.array([parse_mode(str(m)) or "" for m in mode_uniques], dtype=object)
    mode_bad = np.array(
        [bool(str(m).strip()) and not mm for m, mm in zip(mode_uniques, mode_map, strict=True)], dtype=bool
    )
    mode_reason = [
        Message("reason.mode", value=repr(str(m)[:40])) if bad else ""
        for m, bad in zip(mode_uniques, mode_bad, strict=True)
    ]
    reasons.add_codes(mode_codes, mode_reason)
    return Matched(
        lab_codes, lab_uniques, lab_pid, lab_score, lab_pid_codes, pid_uniques, pid_codes,
        org_codes, org_place, org_country, org_flag, scope_codes, scope_values,
        month, month_known, mode_codes, mode_map,
    )  # fmt: skip


def line_masses(lines: pd.DataFrame, m: Matched, data: Dataset, reasons: _Reasons) -> Masses:
    """Quantities -> kg: pack sizes read from the label, pieces x the product's piece mass, litres
    read as kg, and euros divided by the product's estimated catering price per kg."""
    products = data.products
    n = len(lines)
    pid_uniques, pid_codes = m.pid_uniques, m.pid_codes
    known_pid = (pid_uniques != "")[pid_codes]
    piece_kg_of = [products[p].piece_kg or math.nan if p else math.nan for p in pid_uniques]
    price_kg_of = [products[p].price_eur_per_kg.central if p else math.nan for p in pid_uniques]
    # euros -> kg at the estimated catering price, not the retail one (see batch.bridge)
    catering_of = [catering_price(products[p]).central if p else math.nan for p in pid_uniques]
    catering_kg = np.array(catering_of, dtype=float)[pid_codes]
    piece_kg = np.array(piece_kg_of, dtype=float)[pid_codes]
    price_kg = np.array(price_kg_of, dtype=float)[pid_codes]
    qty_kg = lines["quantity_kg"].to_numpy(dtype=float)
    pieces = lines["quantity_pieces"].to_numpy(dtype=float)
    amount = lines["amount_eur"].to_numpy(dtype=float)
    is_volume = lines["quantity_is_volume"].to_numpy(dtype=bool)
    by_label = (
        lines["quantity_from_label"].to_numpy(dtype=bool)
        if "quantity_from_label" in lines
        else np.zeros(n, dtype=bool)
    )
    has_kg = ~np.isnan(qty_kg)
    from_pieces = ~has_kg & ~np.isnan(pieces) & ~np.isnan(piece_kg)
    has_amount = ~np.isnan(amount)
    from_price = ~has_kg & ~from_pieces & has_amount & (catering_kg > 0)
    kg = np.where(has_kg, qty_kg, np.where(from_pieces, pieces * piece_kg, np.nan))
    with np.errstate(divide="ignore", invalid="ignore"):
        kg = np.where(from_price, amount / catering_kg, kg)
    del catering_kg
    no_mass = known_pid & np.isnan(kg)
    if no_mass.any():
        # codes into [one reason per product..., no amount either, none]
        n_pid = len(pid_uniques)
        reasons.add_codes(
            np.where(no_mass & ~np.isnan(pieces), pid_codes, np.where(no_mass, n_pid, n_pid + 1)),
            [Message("reason.piece_mass", product=_product_named(data, p)) for p in pid_uniques]
            + [Message("reason.no_mass"), ""],
        )
    bits = (
        from_pieces.astype(np.int8) * 1
        | (has_kg & is_volume).astype(np.int8) * 2
        | from_price.astype(np.int8) * 4
        | (~m.month_known).astype(np.int8) * 8
        | (has_kg & by_label).astype(np.int8) * 16
    )
    kg_method_codes = np.where(
        from_price,
        0,
        np.where(from_pieces, 1, np.where(has_kg & by_label, 4, np.where(has_kg & is_volume, 2, 3))),
    ).astype(np.int8)
    return Masses(kg, amount, from_price, price_kg, bits, kg_method_codes)


def plan_keys(m: Matched, data: Dataset, reasons: _Reasons) -> Plan:
    """Refuse produce France does not grow when no origin is given, then the distinct scenario
    keys (product, place, month, mode, preserved) of the lines: codes of the product and of its
    preserved form (per label), the place (per origin), the month and the mode (per mode text)."""
    products = data.products
    pid_uniques = m.pid_uniques
    # a blank origin means France: impossible for produce mainland France does not grow
    not_grown = np.array([bool(p) and not products[p].grown_in_france for p in pid_uniques], dtype=bool)
    if not_grown.any():
        blank_fr = np.isin(m.org_flag, ["origin_default", "origin_not_given"]) & (m.org_country == "FR")
        needs_origin = blank_fr[m.org_codes] & not_grown[m.pid_codes]
        reasons.add_codes(
            needs_origin.astype(np.int8),
            ["", Message("reason.not_grown")],
        )
        del needs_origin

    ok = reasons.accepted()
    n = len(m.month)
    lab_form = m.lab_pid_codes * 2 + _preserved_labels(m.lab_uniques)
    place_codes, place_uniques = pd.factorize(m.org_place, use_na_sentinel=False)
    mode_value_codes, mode_values = pd.factorize(m.mode_map, use_na_sentinel=False)
    month_lo = int(m.month.min()) if n else 0
    month_span = int(m.month.max()) - month_lo + 1 if n else 1
    key_codes, key_cols = _factorize_codes(
        (lab_form[m.lab_codes], 2 * len(pid_uniques)),
        (place_codes[m.org_codes], len(place_uniques)),
        (m.month - month_lo, month_span),
        (mode_value_codes[m.mode_codes], len(mode_values)),
    )
    keys = [
        (pid_uniques[f // 2], place_uniques[pl], mo + month_lo, mode_values[md] or None, None, bool(f % 2))
        for f, pl, mo, md in zip(*(c.tolist() for c in key_cols), strict=True)
    ]
    ok_keys = np.zeros(len(keys), dtype=bool)
    ok_keys[key_codes[ok]] = True
    return Plan(key_codes, keys, ok_keys)


def evaluate_keys(plan: Plan, ev: _Evaluator, reasons: _Reasons, progress: ProgressFn | None) -> ResolvedKeys:
    """Resolve each distinct key of an accepted line and evaluate its canonical scenario once on
    central values (the engine's batch API); a key the engine refuses refuses its lines."""
    n_keys = len(plan.keys)
    info: list[_Key | str | None] = [None] * n_keys
    for i, key in enumerate(plan.keys):
        if plan.ok_keys[i]:
            info[i] = ev.key(key)
        if progress and i % 200 == 0:
            progress("compute", i, n_keys)
    reasons.add_codes(
        plan.key_codes, [x if isinstance(x, str) else "" for x in info], where=reasons.accepted()
    )
    return ResolvedKeys(info, [i for i in range(n_keys) if isinstance(info[i], _Key)])


def aggregate_keys(plan: Plan, masses: Masses, m: Matched, ok: np.ndarray) -> tuple[Accepted, KeySums]:
    """The accepted lines, and per key: kg measured (or from pieces / litres) and euros of the
    lines whose kg is estimated, lines, kg and origin scopes."""
    n_keys = len(plan.keys)
    acc_idx = np.flatnonzero(ok)
    kc = plan.key_codes[acc_idx]
    kg_ok = masses.kg[acc_idx]
    amt_ok = masses.amount[acc_idx]
    est_ok = masses.from_price[acc_idx]
    sums = KeySums(
        kg_measured=exact_bincount(kc, np.where(est_ok, 0.0, kg_ok), n_keys),
        eur_estimated=exact_bincount(kc, np.where(est_ok, amt_ok, 0.0), n_keys),
        lines=np.bincount(kc, minlength=n_keys),
        kg=exact_bincount(kc, kg_ok, n_keys),
        scopes=_scopes_of_keys(kc, m.scope_codes[acc_idx], m.scope_values, n_keys),
    )
    return Accepted(acc_idx, kc, kg_ok, amt_ok, est_ok), sums


def weigh_keys(res: ResolvedKeys, ks: KeySums, sums: _Sums) -> None:
    """The weights of each canonical scenario's draws in the total and in each family's total (a
    year-on-year change by family gets its interval)."""
    for i in res.good:
        k = res.info[i]
        assert isinstance(k, _Key)
        sums.add(None, "base", k.canon, k.canon[0], ks.kg_measured[i], ks.eur_estimated[i])
        sums.add(f"family:{k.family}", "base", k.canon, k.canon[0], ks.kg_measured[i], ks.eur_estimated[i])


def weigh_what_ifs(
    data: Dataset, plan: Plan, res: ResolvedKeys, ks: KeySums, ev: _Evaluator, sums: _Sums, local: str
) -> dict[str, list[float]]:
    """Plan the what-ifs (alternative scenarios resolved by the engine), weigh their draws; per
    what-if: [lines, kg, lines skipped]."""
    plans = _what_if_plans(data, plan.keys, res.good, res.info, ks.scopes, local)
    what_if_counts: dict[str, list[float]] = {}
    for name, what_if in plans.items():
        for i, alternatives in what_if:
            alt_keys = [(ev.key(akey), mult) for akey, mult in alternatives]
            if any(isinstance(a, str) for a, _ in alt_keys):
                what_if_counts.setdefault(name, [0, 0.0, 0])[2] += int(ks.lines[i])
                continue
            counts = what_if_counts.setdefault(name, [0, 0.0, 0])
            counts[0] += int(ks.lines[i])
            counts[1] += float(ks.kg[i])
            k = res.info[i]
            assert isinstance(k, _Key)
            sums.add(name, "base", k.canon, k.canon[0], ks.kg_measured[i], ks.eur_estimated[i])
            for a, mult in alt_keys:
                assert isinstance(a, _Key)
                sums.add(
                    name, "alt", a.canon, k.canon[0], ks.kg_measured[i] * mult, ks.eur_estimated[i] * mult
                )
    return what_if_counts


def draw(
    ev: _Evaluator,
    sums: _Sums,
    res: ResolvedKeys,
    ks: KeySums,
    products: dict[str, Any],
    progress: ProgressFn | None,
    shared: Shared | None = None,
) -> Intervals:
    """One Monte Carlo pass over the canonical scenarios: each one's draws are weighted into every
    sum, and give the per-kg / per-euro intervals of the canonical scenarios of accepted lines.

    With ``shared`` (a part of a file read in chunks), the sums are not fed (the parts' weights
    are added up and drawn once for the whole file: see :mod:`.stream`) and each canonical
    scenario's intervals are drawn once for all the parts (a scenario's draws depend only on the
    seed and its factors, so they are the same in every part)."""
    n_keys = len(res.info)
    canon_list = list(ev.central)
    canon_index = {c: j for j, c in enumerate(canon_list)}
    n_canon = len(canon_list)
    low_per_kg = np.zeros(n_canon)
    high_per_kg = np.zeros(n_canon)
    low_per_eur = np.zeros(n_canon)
    high_per_eur = np.zeros(n_canon)
    base_kg_c = np.zeros(n_canon)
    base_eur_c = np.zeros(n_canon)
    for (canon, _pid), (w_kg, w_eur) in sums.weights[(None, "base")].items():
        base_kg_c[canon_index[canon]] += w_kg
        base_eur_c[canon_index[canon]] += w_eur
    needed = sums.canons()
    # the per-kg / per-euro intervals are read only for the canonical scenarios of accepted lines
    # (not for what-if alternatives)
    of_lines = np.zeros(n_canon, dtype=bool)
    for i in np.flatnonzero(ks.lines).tolist():
        k = res.info[i]
        assert isinstance(k, _Key)
        of_lines[canon_index[k.canon]] = True
    intervals = _Intervals(ev.mc.n)
    per_kg, per_eur = (shared.per_kg, shared.per_eur) if shared is not None else ({}, {})
    fresh: list[tuple[int, bool, bool]] = []
    for j, canon in enumerate(canon_list):
        if canon not in needed:
            continue
        want_kg = bool(of_lines[j] and (base_kg_c[j] > 0 or base_eur_c[j] == 0))
        want_eur = bool(of_lines[j] and base_eur_c[j] > 0)
        if want_kg and canon in per_kg:
            low_per_kg[j], high_per_kg[j] = per_kg[canon]
            want_kg = False
        if want_eur and canon in per_eur:
            low_per_eur[j], high_per_eur[j] = per_eur[canon]
            want_eur = False
        if shared is not None and not (want_kg or want_eur):
            continue
        d = ev.draws(canon)
        if want_kg:
            intervals.row(low_per_kg, high_per_kg, j)[:] = d
        if want_eur:
            np.multiply(
                d, sums.inv_price(products[canon[0]]), out=intervals.row(low_per_eur, high_per_eur, j)
            )
        if shared is None:
            sums.feed(canon, d, products)
        else:
            fresh.append((j, want_kg, want_eur))
        if progress and j % 50 == 0:
            progress("compute", n_keys + j, n_keys + n_canon)
    intervals.flush()
    for j, want_kg, want_eur in fresh:
        if want_kg:
            per_kg[canon_list[j]] = (low_per_kg[j], high_per_kg[j])
        if want_eur:
            per_eur[canon_list[j]] = (low_per_eur[j], high_per_eur[j])
    if progress:
        progress("compute", n_keys + n_canon, n_keys + n_canon)
    return Intervals(canon_list, canon_index, low_per_kg, high_per_kg, low_per_eur, high_per_eur)


@dataclass(frozen=True, eq=False)
class KeyColumns:
    """Per key: its canonical scenario (index) and the columns the lines take from it."""

    canon: np.ndarray
    system: np.ndarray
    season: np.ndarray
    mode: np.ndarray
    family: np.ndarray
    flags: list[tuple[Flag, ...]]


def key_columns(res: ResolvedKeys, iv: Intervals) -> KeyColumns:
    n_keys = len(res.info)
    out = KeyColumns(
        np.zeros(n_keys, dtype=_code_dtype(len(iv.canon_list))),
        *(np.full(n_keys, "", dtype=object) for _ in range(4)),
        [()] * n_keys,
    )
    for i in res.good:
        k = res.info[i]
        assert isinstance(k, _Key)
        out.canon[i] = iv.canon_index[k.canon]
        out.system[i], out.season[i], out.mode[i], out.family[i] = k.system, k.season, k.main_mode, k.family
        out.flags[i] = k.flags
    return out


def line_figures(
    ev: _Evaluator, iv: Intervals, kcols: KeyColumns, acc: Accepted, carbon_price_eur_per_t: float
) -> LineFigures:
    """The per-line figures: the canonical scenarios' per-kg stages, totals and intervals, joined
    to the accepted lines (results are linear in quantity: line = per kg x kg)."""
    n_canon = len(iv.canon_list)
    # per canonical scenario: stages (one row per stage, so a stage's column is contiguous) and total
    canon_stages = np.array([[ev.central[c].stages[s] for c in iv.canon_list] for s in STAGES]).reshape(
        len(STAGES), n_canon
    )
    canon_total = np.array([ev.central[c].total for c in iv.canon_list], dtype=float)
    return LineFigures(
        canon=kcols.canon[acc.kc],
        kg=acc.kg,
        amount=acc.amount,
        by_price=acc.by_price,
        stages=canon_stages,
        total=canon_total,
        low_per_kg=iv.low_per_kg,
        high_per_kg=iv.high_per_kg,
        low_per_eur=iv.low_per_eur,
        high_per_eur=iv.high_per_eur,
        carbon_price=carbon_price_eur_per_t,
    )


def flag_groups(
    acc: Accepted, m: Matched, bits_acc: np.ndarray, kcols: KeyColumns, n_keys: int, month_default: int
) -> FlagGroups:
    """Flags per line: line flags + origin flag + key flags, as distinct groups (key, origin flag,
    line bits). Equal key flag sets are one tuple (see _Evaluator.key), so the flags of a group are
    built once per distinct (line bits, origin flag, key flag set): a "combination"."""
    oflag_codes, oflag_values = pd.factorize(m.org_flag, use_na_sentinel=False)
    g_codes, g_cols = _factorize_codes(
        (acc.kc, n_keys),
        (oflag_codes[m.org_codes[acc.idx]], len(oflag_values)),
        (bits_acc, 1 << len(LINE_FLAGS)),
    )
    groups: list[tuple[Flag, ...]] = []
    combos: dict[tuple[int, int, int], int] = {}
    combo_flags: list[tuple[Flag, ...]] = []
    group_combo = np.zeros(len(g_cols[0]) if g_cols else 0, dtype=np.int64)
    for gi, (k_i, o_i, b) in enumerate(zip(*(c.tolist() for c in g_cols), strict=True)):
        kf = kcols.flags[k_i]
        combo = combos.get((b, o_i, id(kf)))
        if combo is None:
            combo = combos[(b, o_i, id(kf))] = len(combo_flags)
            combo_flags.append(_group_flags(b, oflag_values[o_i], kf, month_default))
        group_combo[gi] = combo
        groups.append(combo_flags[combo])
    return FlagGroups(g_codes, groups, group_combo, combo_flags)


def rejected_rows(pf: PurchaseFile, lines: pd.DataFrame, reasons: _Reasons, ok: np.ndarray) -> pd.DataFrame:
    """The reader's rejected rows plus the ones refused here: ``line``, ``reason``, then the
    original cells under their original headers, in file order."""
    rej_idx = np.flatnonzero(~ok)
    mine = lines.iloc[rej_idx]
    mine_orig = mine[[c for c in lines.columns if c.startswith("in:")]].astype(object)
    mine_orig.columns = [c[3:] for c in mine_orig.columns]
    mine_orig.columns = [h if h not in ("line", "reason") else f"in:{h}" for h in mine_orig.columns]
    mine_rej = pd.concat(
        [
            pd.DataFrame(
                {
                    "line": mine["line"].to_numpy(),
                    # messages kept as objects (a string dtype would make them plain English text)
                    "reason": pd.Series(reasons.of(rej_idx), dtype=object),
                }
            ),
            mine_orig.reset_index(drop=True),
        ],
        axis=1,
    )
    rejected = pd.concat([pf.rejected, mine_rej], ignore_index=True) if len(mine_rej) else pf.rejected
    return rejected.sort_values("line", kind="stable").reset_index(drop=True)


def line_table(
    source: dict[str, pd.Series],
    n: int,
    consume: bool,
    m: Matched,
    masses: Masses,
    plan: Plan,
    acc: Accepted,
    kcols: KeyColumns,
    price_model: np.ndarray,
    fg: FlagGroups,
    bits_acc: np.ndarray,
) -> pd.DataFrame:
    """The stored per-line columns of the accepted lines (:data:`DERIVED_COLUMNS` are not stored:
    see :class:`LineFigures`), from the ``n`` lines' columns ``source``: a dict, so taking one out
    is one step (deleting a column from a frame of thousands of columns walks all its blocks:
    quadratic in the number of columns); with ``consume`` each is freed once taken."""
    acc_idx = acc.idx
    # the accepted lines' own columns: taken (no copy at all when every line is accepted), never
    # a copy of the whole input table
    every = len(acc_idx) == n

    def take(values: Any) -> Any:
        return values if every else values[acc_idx]

    def pop(c: str) -> Any:
        col = source[c]
        if isinstance(col.dtype, pd.CategoricalDtype):
            values = col.array if every else _take_categorical(col.array, acc_idx)
        elif isinstance(col.dtype, pd.api.extensions.ExtensionDtype):
            # e.g. organic / local, nullable booleans: kept so (not 1M objects True/False/NA)
            values = col.array if every else col.array.take(acc_idx)
        else:
            values = take(col.to_numpy())
        if consume:
            del source[c]  # the input column is freed once taken
        return values

    kc = acc.kc
    lab_acc, org_acc = m.lab_codes[acc_idx], m.org_codes[acc_idx]
    columns: dict[str, Any] = {"line": take(source["line"].to_numpy())}
    seen_key, seen_org = pd.unique(kc), pd.unique(org_acc)
    for c in list(source):
        if c.startswith("in:"):
            columns[c] = pop(c)
    columns.update(
        {
            "product": _category(lab_acc, m.lab_pid),
            "match_score": m.lab_score[lab_acc],
            "origin_place": _category(org_acc, m.org_place, seen_org),
            "origin_country": _category(org_acc, m.org_country, seen_org),
            "origin_scope": _category(m.scope_codes[acc_idx], m.scope_values),
            "month": m.month[acc_idx].astype(np.int8),  # 1..12: an accepted line's month is checked
            "main_mode": _category(kc, kcols.mode, seen_key),
            "system": _category(kc, kcols.system, seen_key),
            "season": _category(kc, kcols.season, seen_key),
            "kg": acc.kg,
            "kg_method": _category(masses.kg_method_codes[acc_idx], KG_METHODS),
        }
    )
    columns.update(
        {
            # DERIVED_COLUMNS are not stored: see LineFigures
            "amount_eur": acc.amount,
            "price_model_eur": price_model,
            "flag_group": fg.codes,
            "line_flag_bits": bits_acc,
            "family": _category(kc, kcols.family, seen_key),
            "label": pop("label"),
            "organic": pop("organic"),
            "local": pop("local"),
        }
    )
    out = pd.DataFrame(columns, copy=False)  # one block per column: no consolidating copy
    del columns
    source.clear()
    return out


def what_if_results(sums: _Sums, counts: dict[str, list[float]], ev: _Evaluator, local: str) -> list[WhatIf]:
    """Each what-if's baseline, alternative and saving (central, and the saving's interval and
    probability from the paired draws)."""
    what_ifs: list[WhatIf] = []
    for name in WHAT_IFS:
        n_lines, kg_concerned, skipped = counts.get(name, [0, 0.0, 0])
        if not n_lines:
            continue
        # lines of zero kg and zero euros weigh nothing: a what-if of only those has no draws
        nothing = np.zeros(ev.mc.n)
        b_draws, a_draws = sums.totals.get((name, "base"), nothing), sums.totals.get((name, "alt"), nothing)
        b_central = sums.central(name, "base", ev)
        a_central = sums.central(name, "alt", ev)
        saving = b_draws - a_draws
        lo, hi = np.percentile(saving, INTERVAL)
        what_ifs.append(
            WhatIf(
                key=name,
                lines=int(n_lines),
                kg=float(kg_concerned),
                baseline_kg_co2e=b_central,
                alternative_kg_co2e=a_central,
                saving_kg_co2e=b_central - a_central,
                saving_interval_kg_co2e=(float(lo), float(hi)),
                prob_saving=float(np.mean(saving > 0)),
                params=_what_if_params(name, local),
                skipped_lines=int(skipped),
            )
        )
    return what_ifs


def flag_counts(fg: FlagGroups) -> list[tuple[Flag, int]]:
    """Lines per flag, counted per combination (in order of first appearance, as the groups: the
    same first-seen order of the flags, so the same order among equal counts), most frequent first."""
    counts: dict[tuple[str, tuple[tuple[str, Any], ...]], list[Any]] = {}
    combo_sizes = (
        np.bincount(fg.group_combo[fg.codes], minlength=len(fg.combo_flags)) if len(fg.codes) else []
    )
    for ci, fl in enumerate(fg.combo_flags):
        for f in fl:
            fkey = (f.code, tuple(sorted((k, str(v)) for k, v in f.params.items())))
            counts.setdefault(fkey, [f, 0])[1] += int(combo_sizes[ci])
    return [(f, c) for f, c in sorted(counts.values(), key=lambda fc: -fc[1])]


@_gc_paused
def compute_report(
    pf: PurchaseFile,
    data: Dataset,
    catalog: Catalog | None = None,
    *,
    month_default: int,
    destination: str = DEFAULT_DESTINATION,
    local_place: str = "FR",
    carbon_price: str | float | None = None,
    draws: int = 10_000,
    seed: int = 42,
    progress: ProgressFn | None = None,
    consume: bool = False,
    shared: Shared | None = None,
) -> Report:
    """Compute the report of a purchase file; see the module documentation.

    With ``consume``, the report takes ``pf.lines`` over (``pf.lines`` is left empty) and frees
    its columns as they are used, so the input table and the per-line result never coexist whole.

    With ``shared``, ``pf`` is one part of a file read in chunks (see :mod:`.stream`): its
    per-line figures, flags and rejected rows are final, its keys are kept (:attr:`Report.keys`)
    to be added up with the other parts', and its own totals' intervals and what-ifs are left
    out (they are computed once for the whole file).
    """
    if not 1 <= month_default <= 12:
        raise InputError(Message("err.month", value=month_default))
    catalog = catalog or Catalog(data)
    cp_key, cp_value = carbon_price_of(data, carbon_price)
    # a destination the model cannot compute is the user's to fix, not a reason to refuse each line
    destination_place(data, catalog, destination)
    dest_place = catalog.place(destination)
    local = catalog.place(local_place)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    report_progress = progress or (lambda phase, done, total: None)

    lines = pf.lines
    if consume:
        pf.lines = lines.iloc[:0].copy()
    # Per line, only integer codes into small per-distinct-value tables (labels, origins, modes,
    # products, keys): no object array of 1M strings is built.
    reasons = _Reasons(len(lines))
    m = match_lines(lines, catalog, month_default, reasons, report_progress, shared)
    masses = line_masses(lines, m, data, reasons)
    if consume:
        # the input columns read above are freed now (at 1M lines, 8 MB each); the lines' own
        # cells, label, organic and local stay until they are taken into the result
        for c in list(lines.columns):
            if c not in ("line", "label", "organic", "local") and not c.startswith("in:"):
                del lines[c]
    plan = plan_keys(m, data, reasons)
    first_line = None
    if shared is not None:
        _, first_pos = np.unique(plan.key_codes, return_index=True)
        first_line = lines["line"].to_numpy()[first_pos]
    timings["match"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    mc = MonteCarlo(draws, seed)
    if shared is not None and shared.evaluator is not None:
        ev = shared.evaluator
    else:
        ev = _Evaluator(data, catalog, dest_place.code, mc)
        if shared is not None:
            shared.evaluator = ev
    res = evaluate_keys(plan, ev, reasons, progress)
    ok = reasons.accepted()
    acc, ks = aggregate_keys(plan, masses, m, ok)
    sums = _Sums(mc)
    weigh_keys(res, ks, sums)
    what_if_counts = weigh_what_ifs(data, plan, res, ks, ev, sums, local.code) if shared is None else {}
    timings["resolve"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    iv = draw(ev, sums, res, ks, data.products, progress, shared)
    timings["monte_carlo"] = time.perf_counter() - t2

    t3 = time.perf_counter()
    kcols = key_columns(res, iv)
    figures = line_figures(ev, iv, kcols, acc, cp_value)
    total_line = figures.column("total_kg_co2e")
    price_model = masses.price_kg[acc.idx] * acc.kg
    bits_acc = masses.bits[acc.idx]
    fg = flag_groups(acc, m, bits_acc, kcols, len(plan.keys), month_default)
    rejected = rejected_rows(pf, lines, reasons, ok)
    del reasons
    n = len(lines)
    source = {c: lines[c] for c in lines.columns}
    del lines  # with consume, the input frame is now only its columns in ``source``
    out = line_table(source, n, consume, m, masses, plan, acc, kcols, price_model, fg, bits_acc)
    del source, masses

    # -- totals and what-ifs from the weighted draws
    total_kg_co2e = exact_sum(total_line)
    total_draws = sums.totals.get((None, "base"), np.zeros(mc.n))
    interval = (
        float(np.percentile(total_draws, INTERVAL[0])),
        float(np.percentile(total_draws, INTERVAL[1])),
    )
    what_ifs = what_if_results(sums, what_if_counts, ev, local.code)
    report_progress("what-ifs", 1, 1)
    timings["join"] = time.perf_counter() - t3

    # -- breakdowns and shares
    # (exact sums: the same whether the file is computed whole or in chunks, see .exact)
    stages_total = {s: exact_sum(figures.column(f"{s}_kg_co2e")) for s in STAGES}
    with_total = out[["family", "origin_scope", "kg", "amount_eur"]].assign(total_kg_co2e=total_line)
    by_family = _breakdown(with_total, "family", total_kg_co2e)
    by_scope = _breakdown(with_total, "origin_scope", total_kg_co2e, order=SCOPES)
    del with_total, total_line
    # shares as the EGalim law defines them: of the spend (EUR HT) over ALL rows read, a blank
    # cell meaning "no" (not over the computed lines, not over the lines that say yes or no)
    spend = pf.spend
    if spend is not None:
        organic_eur, organic_kg = spend.share(spend.label_eur["BIO"]), None
        local_eur, local_kg = spend.share(spend.local_eur), None
    else:
        organic_eur, organic_kg = _share(out, "organic")
        local_eur, local_kg = _share_local(out)
    total_kg, amount_total, price_model_total = (
        exact_sum(acc.kg),
        exact_sum(acc.amount),
        exact_sum(price_model),
    )

    _check_finite(
        [
            total_kg,
            total_kg_co2e,
            *interval,
            *stages_total.values(),
            amount_total,
            price_model_total,
        ]
    )
    timings["total"] = time.perf_counter() - t0
    return Report(
        table=out,
        figures=figures,
        rejected=rejected,
        rows_read=pf.rows_read,
        original_columns=list(pf.original_columns),
        flag_groups=fg.groups,
        total_kg=total_kg,
        total_kg_co2e=total_kg_co2e,
        interval_kg_co2e=interval,
        stages_kg_co2e=stages_total,
        amount_eur=amount_total,
        price_model_eur=price_model_total,
        carbon_price_key=cp_key,
        carbon_price_eur_per_t=cp_value,
        carbon_cost_eur=total_kg_co2e * cp_value / 1000.0,
        by_family=by_family,
        by_scope=by_scope,
        what_ifs=what_ifs,
        organic_share_eur=organic_eur,
        organic_share_kg=organic_kg,
        local_share_eur=local_eur,
        local_share_kg=local_kg,
        flag_counts=flag_counts(fg),
        draws=draws,
        seed=seed,
        destination=dest_place.code,
        month_default=month_default,
        schema=pf.schema,
        path=pf.path,
        notes=list(pf.notes),
        timings_s=timings,
        total_draws_kg_co2e=total_draws,
        family_draws_kg_co2e={
            name[len("family:") :]: d
            for (name, side), d in sums.totals.items()
            if name and name.startswith("family:") and side == "base"
        },
        columns=dict(pf.columns),
        spend=spend,
        keys=None if first_line is None else KeyTable(plan.keys, first_line, plan.ok_keys, acc.kc),
    )


def _check_finite(totals: list[float]) -> None:
    """Totals too large for a float (quantities such as 1e308 kg) are refused, not printed as
    infinity or as a 300-digit number."""
    if not all(math.isfinite(x) and abs(x) < TOTAL_MAX for x in totals):
        raise InputError(Message("err.totals_overflow"))


TOTAL_MAX = 1e15
"""Largest total a report shows (kg, kg CO2e or euros): a million tonnes a thousand times
over; anything above comes from a wrong quantity, not from purchases."""


def _inv_price(mc: MonteCarlo, product: Any) -> np.ndarray:
    """Draws of 1 / price per kg: kg per euro for lines whose mass is estimated from euros."""
    return inv_price_draws(mc, product)


def _factorize_codes(*columns: tuple[np.ndarray, int]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Codes of the distinct rows of integer columns ``(codes in [0, size), size)``, in order of
    appearance, and for each column the codes of the distinct rows.

    The columns are packed into one int64 per row and hashed once (``pd.factorize``): no frame,
    no per-column factorize, no object array.
    """
    packed = np.zeros(len(columns[0][0]) if columns else 0, dtype=np.int64)
    for codes, size in columns:
        packed *= max(1, size)
        packed += codes
    final, distinct = pd.factorize(packed)
    rest = np.asarray(distinct, dtype=np.int64)
    out: list[np.ndarray] = []
    for _, size in reversed(columns):
        rest, code = np.divmod(rest, max(1, size))
        out.append(code)
    return final.astype(_code_dtype(len(distinct))), out[::-1]


def _scopes_of_keys(
    kc: np.ndarray, scope_codes: np.ndarray, scope_values: np.ndarray, n_keys: int
) -> list[set[str]]:
    """The origin scopes of the lines of each key."""
    out: list[set[str]] = [set() for _ in range(n_keys)]
    width = len(scope_values)
    for pair in pd.unique(kc.astype(np.int64) * width + scope_codes).tolist():
        k, s = divmod(pair, width)
        out[k].add(str(scope_values[s]))
    return out


def _take_categorical(values: pd.Categorical, idx: np.ndarray) -> pd.Categorical:
    """``values[idx].remove_unused_categories()``, counting used codes with ``bincount`` rather
    than pandas' ``np.unique`` (a sort of 1M codes): same categories, in the same order."""
    codes = values.codes[idx]
    n_cats = len(values.categories)
    used = np.bincount(codes[codes >= 0], minlength=n_cats) > 0 if len(codes) else np.zeros(n_cats, bool)
    keep = np.flatnonzero(used)
    # new code of each old code; the extra last slot maps the missing-value code -1 to -1
    remap = np.full(n_cats + 1, -1, dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    dtype = pd.CategoricalDtype(values.categories.take(keep), ordered=values.ordered)
    return pd.Categorical.from_codes(remap[codes], dtype=dtype)


def _breakdown(out: pd.DataFrame, column: str, total: float, order: Iterable[str] = ()) -> list[Share]:
    if not len(out):
        return []
    codes, keys = _group_codes(out[column])
    n = len(keys)
    amount = out["amount_eur"].to_numpy(dtype=float)
    lines = np.bincount(codes, minlength=n)
    kg = exact_bincount(codes, out["kg"].to_numpy(dtype=float), n)
    kg_co2e = exact_bincount(codes, out["total_kg_co2e"].to_numpy(dtype=float), n)
    eur = exact_bincount(codes, np.where(np.isnan(amount), 0.0, amount), n)
    rows = [
        Share(
            str(k),
            int(lines[i]),
            float(kg[i]),
            float(kg_co2e[i]),
            float(kg_co2e[i] / total) if total else 0.0,
            float(eur[i]),
        )
        for i, k in enumerate(keys)
    ]
    rank = {k: i for i, k in enumerate(order)}
    if rank:
        return sorted(rows, key=lambda s: rank.get(s.key, len(rank)))
    return sorted(rows, key=lambda s: -s.kg_co2e)


def _group_codes(col: pd.Series) -> tuple[np.ndarray, list[Any]]:
    """Codes of a column's groups in order of first appearance, as ``groupby(sort=False)`` makes
    them; missing values are a group of their own at the end (an accepted line has none)."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    keys = list(uniques)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(keys), codes)
        keys.append("")
    return codes, keys


def _share(out: pd.DataFrame, column: str) -> tuple[float | None, float | None]:
    """Share (by euros, by kg) of lines where ``column`` is true, over lines where it is known."""
    values = out[column].astype("boolean")
    known = values.notna().to_numpy(dtype=bool)
    if not known.any():
        return None, None
    yes = values.fillna(False).to_numpy(dtype=bool)
    kg = out["kg"].to_numpy(dtype=float)
    amt = out["amount_eur"].to_numpy(dtype=float)
    kg_share = float(kg[yes & known].sum() / kg[known].sum()) if kg[known].sum() > 0 else None
    with_amt = known & ~np.isnan(amt)
    eur_share = float(amt[yes & with_amt].sum() / amt[with_amt].sum()) if amt[with_amt].sum() > 0 else None
    return eur_share, kg_share


def _share_local(out: pd.DataFrame) -> tuple[float | None, float | None]:
    """Local share, only when the file says which lines are local (its own definition of local,
    e.g. ma-cantine's est_local); naming a region or a department is not a claim of locality."""
    if out["local"].notna().any():
        return _share(out, "local")
    return None, None


# ---------------------------------------------------------------- what-ifs


def _local_producible(data: Dataset, pid: str) -> bool:
    """Whether an import of this product could be bought from France instead (products.csv
    ``grown_in_france``, minus :data:`NOT_FRENCH` and :data:`LOCAL_EXCLUDED_CATEGORIES`)."""
    p = data.products[pid]
    return p.grown_in_france and pid not in NOT_FRENCH and p.category not in LOCAL_EXCLUDED_CATEGORIES


def _unheated_system(data: Dataset, pid: str, country: str) -> str:
    """The in-season production system to compare with a heated greenhouse."""
    for system in ("unheated_greenhouse", "open_field"):
        if (pid, system, country) in data.variants or (pid, system, "*") in data.variants:
            return system
    return "conventional"


def _what_if_params(name: str, local: str) -> dict[str, Any]:
    if name in SUBSTITUTES:
        sub, ratio = SUBSTITUTES[name]
        return {"share": BEEF_REPLACED_SHARE, "product": sub, "kg_per_kg": ratio}
    if name == "local_not_imported":
        return {"place": local}
    return {}


def _what_if_plans(
    data: Dataset,
    base_keys: list[tuple[Any, ...]],
    good: list[int],
    info: list[Any],
    scope_of_key: list[set[str]],
    local: str,
) -> dict[str, list[tuple[int, list[tuple[tuple[Any, ...], float]]]]]:
    """What-if -> [(key index, [(alternative scenario key, kg of it per kg of the line)])]."""
    plans: dict[str, list[tuple[int, list[tuple[tuple[Any, ...], float]]]]] = {k: [] for k in WHAT_IFS}
    for i in good:
        k = info[i]
        key = base_keys[i]
        p_id, pl, m, md, _, pres = key
        if k.season == "heated_greenhouse":
            plans["in_season"].append(
                (i, [((p_id, pl, m, md, _unheated_system(data, p_id, k.country), pres), 1.0)])
            )
        if k.main_mode == "air":
            plans["sea_not_air"].append((i, [((p_id, pl, m, "sea", None, pres), 1.0)]))
        if p_id in BEEF_PRODUCTS:
            for name, (sub, ratio) in SUBSTITUTES.items():
                keep = 1.0 - BEEF_REPLACED_SHARE
                plans[name].append(
                    (i, [(key, keep), ((sub, local, m, None, None, False), BEEF_REPLACED_SHARE * ratio)])
                )
        if scope_of_key[i] & {"europe", "world"} and k.country != "FR" and _local_producible(data, p_id):
            plans["local_not_imported"].append((i, [((p_id, local, m, None, None, pres), 1.0)]))
    return plans
