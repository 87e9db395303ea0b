"""Names -> products and places: French or English, any case, accents optional, fuzzy.

The catalog folds every name and alias (lower case, accents removed, punctuation to
spaces) and looks a query up exactly first, then by fuzzy score (rapidfuzz).
Unknown names raise :class:`UnknownNameError` with the closest matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .errors import UnknownNameError
from .i18n import Named
from .model.loader import Dataset
from .model.schemas import Place, Product

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and ligatures, collapse punctuation to single spaces."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", ascii_text).strip()


def _singular(word: str) -> str:
    """A light French/English plural fold: pommes -> pomme, tomatoes -> tomato, choux -> chou."""
    if len(word) > 4 and word.endswith("oes"):
        return word[:-2]
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


def fold_plural(text: str) -> str:
    return " ".join(_singular(w) for w in fold(text).split())


@dataclass(frozen=True)
class Match:
    key: str
    score: float
    """0-100: 100 for an exact (folded) name or alias."""
    matched: str


class _Index:
    def __init__(self, names: dict[str, list[str]]):
        # folded name -> key; the first definition of a name wins
        self.exact: dict[str, str] = {}
        self.choices: list[str] = []
        self.choice_key: list[str] = []
        for key, variants in names.items():
            for v in variants:
                for folded in {fold(v), fold_plural(v)}:
                    if folded and folded not in self.exact:
                        self.exact[folded] = key
                        self.choices.append(folded)
                        self.choice_key.append(key)

    def lookup(self, query: str) -> str | None:
        q = fold(query)
        singular = fold_plural(query)
        # a singular of 3 letters or fewer would be taken for a code: "mars" is not "MAR" (Morocco)
        return self.exact.get(q) or (self.exact.get(singular) if len(singular) > 3 else None)

    def best(self, query: str, limit: int = 5) -> list[Match]:
        from rapidfuzz import fuzz, process

        q = fold_plural(query)
        if not q:
            return []
        found = process.extract(q, self.choices, scorer=fuzz.WRatio, limit=limit * 4)
        seen: dict[str, Match] = {}
        for choice, score, idx in found:
            key = self.choice_key[idx]
            if key not in seen or seen[key].score < score:
                seen[key] = Match(key, float(score), choice)
        return sorted(seen.values(), key=lambda m: -m.score)[:limit]


def build_indexes(data: Dataset) -> dict[str, _Index]:
    """The folded-name indexes of products and places (kept in the dataset cache)."""
    return {
        "products": _Index(
            {
                p.id: [p.id, p.id.replace("_", " "), p.name_fr, p.name_en, *p.aliases]
                for p in data.products.values()
            }
        ),
        "places": _Index(
            {
                pl.code: [pl.code, *([pl.iso3] if pl.iso3 else []), pl.name_fr, pl.name_en, *pl.aliases]
                for pl in data.places.values()
            }
        ),
    }


class Catalog:
    """Name lookup over a dataset's products and places."""

    SUGGEST_MIN = 60.0

    def __init__(self, data: Dataset):
        self.data = data
        indexes = data.indexes or build_indexes(data)  # a dataset not from load_dataset has none
        self._products: _Index = indexes["products"]
        self._places: _Index = indexes["places"]

    # ---------------------------------------------------------------- products

    def product(self, name: str) -> Product:
        key = self._products.lookup(name)
        if key is None:
            raise UnknownNameError("product", name, self.suggest_products(name))
        return self.data.products[key]

    def suggest_products(self, name: str, limit: int = 5) -> list[Named]:
        return [
            self._label_product(m.key)
            for m in self._products.best(name, limit)
            if m.score >= self.SUGGEST_MIN
        ]

    def match_products(self, text: str, limit: int = 5) -> list[Match]:
        """Score candidate products for a free-text label (exact names score 100)."""
        key = self._products.lookup(text)
        if key is not None:
            return [Match(key, 100.0, fold(text))]
        return self._products.best(text, limit)

    def _label_product(self, key: str) -> Named:
        """The product's name in each language (either can be typed back)."""
        p = self.data.products[key]
        return Named(p.name_en, p.name_fr)

    # ---------------------------------------------------------------- places

    def place(self, name: str) -> Place:
        key = self._places.lookup(name)
        if key is None:
            upper = name.strip().upper()
            if upper in self.data.places:
                key = upper
        if key is None:
            raise UnknownNameError("place", name, self.suggest_places(name))
        return self.data.places[key]

    def suggest_places(self, name: str, limit: int = 5) -> list[Named]:
        out = []
        for code in self.suggest_place_codes(name, limit):
            pl = self.data.places[code]
            out.append(Named(f"{pl.code} ({pl.name_en})", f"{pl.code} ({pl.name_fr})"))
        return out

    def suggest_place_codes(self, name: str, limit: int = 5) -> list[str]:
        """The codes of the places closest to ``name``, best first."""
        return [m.key for m in self._places.best(name, limit) if m.score >= self.SUGGEST_MIN]

    def country_of(self, place: Place) -> Place:
        """The country (or territory) row a place belongs to."""
        if place.kind in ("country", "territory"):
            return place
        return self.data.places[place.country]
