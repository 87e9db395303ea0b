"""Words a person types on the command line, in French or English, read into the model's values.

``janvier``, ``févr.``, ``jan`` -> 1; ``avion`` -> ``air``; ``bio`` -> ``organic``; ``viande`` ->
``meat``; ``250 grammes``, ``1 kilo``, ``2 pommes`` -> kg. A word that is not understood is an
``InputError`` naming the accepted choices. A number with no unit is refused on the command line
(``-q 200`` could be grams or kilograms); purchase files keep their own rules (``batch``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .errors import InputError
from .i18n import Message


def fold(text: str) -> str:
    """Lower case, accents and final dots removed, inner spaces and dashes made single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")
    return re.sub(r"[\s_\-,;'’]+", " ", plain).strip(" .")


def _table(groups: dict[str, Iterable[str]]) -> dict[str, str]:
    return {fold(word): value for value, words in groups.items() for word in (value, *words)}


_MONTH_WORDS = (
    ("janvier", "janv", "jan", "january"),
    ("fevrier", "fevr", "fev", "feb", "february"),
    ("mars", "mar", "march"),
    ("avril", "avr", "apr", "april"),
    ("mai", "may"),
    ("juin", "jun", "june"),
    ("juillet", "juil", "jul", "july"),
    ("aout", "aou", "aug", "august"),
    ("septembre", "sept", "sep", "september"),
    ("octobre", "oct", "october"),
    ("novembre", "nov", "november"),
    ("decembre", "dec", "december"),
)
MONTHS: dict[str, int] = {word: n for n, words in enumerate(_MONTH_WORDS, start=1) for word in words}

MODES = _table(
    {
        "road": ("route", "routier", "camion", "truck", "lorry"),
        "rail": ("train", "fer", "ferroviaire"),
        "sea": ("mer", "bateau", "navire", "maritime", "ship", "boat", "cargo"),
        "air": ("avion", "aerien", "plane", "airplane", "aircraft"),
    }
)

SYSTEMS = _table(
    {
        "conventional": ("conventionnel", "classique"),
        "open_field": ("plein champ", "pleinchamp", "plein air"),
        "unheated_greenhouse": ("serre non chauffee", "serre froide", "unheated greenhouse"),
        "heated_greenhouse": ("serre chauffee", "heated greenhouse"),
        "organic": ("bio", "biologique", "ab", "agriculture biologique"),
        "land_use_change": ("deforestation", "avec deforestation", "land use change"),
        "intermittent_flooding": (
            "awd",
            "alternance humide-sec",
            "alternance humide seche",
            "irrigation intermittente",
            "intermittent flooding",
            "alternate wetting and drying",
        ),
    }
)

# the names the listings show (``footprint products``), singular and plural, and a few synonyms
_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "fruit": ("fruit", "fruits"),
    "vegetable": ("legume", "legumes", "vegetables"),
    "pulse": ("legumineuse", "legumineuses", "legumes secs", "pulses"),
    "cereal": ("cereale", "cereales", "feculent", "feculents", "cereals"),
    "dairy": ("produit laitier", "produits laitiers", "laitage", "laitages"),
    "egg": ("oeuf", "oeufs", "eggs"),
    "meat": ("viande", "viandes", "meats"),
    "fish": ("poisson", "poissons", "poisson fruits de mer", "fruits de mer", "fish seafood", "seafood"),
    "oil": ("huile", "huiles", "matiere grasse", "matieres grasses", "oils"),
    "sugar": ("sucre", "sucres", "produit sucre", "produits sucres", "sweet", "sweets"),
    "beverage": ("boisson", "boissons", "beverages", "drinks"),
    "nut": ("fruit a coque", "fruits a coque", "noix", "nuts"),
    "prepared": ("plat prepare", "plats prepares", "prepared dishes"),
    "other": ("autre", "autres"),
}
CATEGORIES = _table(_CATEGORY_WORDS)


def _choice(option: str, value: str, table: dict[str, str], shown: Iterable[str]) -> str:
    found = table.get(fold(value))
    if found is None:
        choices = ", ".join(shown)
        raise InputError(Message("err.choice", option=option, value=value, choices=choices))
    return found


def parse_mode(value: str | None) -> str | None:
    """``avion``, ``bateau``, ``camion``, ``train`` (or ``air``, ``sea``...) -> the main mode."""
    if value is None:
        return None
    return _choice("--mode", value, MODES, ("camion/road", "train/rail", "bateau/sea", "avion/air"))


def parse_system(value: str | None) -> str | None:
    """``bio``, ``serre chauffée``, ``plein champ``... -> the production system."""
    if value is None:
        return None
    shown = (
        "conventionnel/conventional",
        "plein-champ/open_field",
        "serre-froide/unheated_greenhouse",
        "serre-chauffee/heated_greenhouse",
        "bio/organic",
        "deforestation/land_use_change",
        "awd/intermittent_flooding",
    )
    return _choice("--system", value, SYSTEMS, shown)


def parse_category(value: str | None) -> str | None:
    """``viande``, ``légumes``, ``fruits``... -> the product category."""
    if value is None:
        return None
    shown = [f"{words[0].replace(' ', '-')}/{value}" for value, words in _CATEGORY_WORDS.items()]
    return _choice("--category", value, CATEGORIES, shown)


def parse_month(value: str | int | None) -> int | None:
    """``4``, ``avril``, ``avr.``, ``April`` -> 4."""
    if value is None or isinstance(value, int):
        month = value
    else:
        word = fold(value)
        month = int(word) if word.isdigit() else MONTHS.get(word)
        if month is None:
            raise InputError(Message("err.month_word", value=value), hint=Message("hint.month_word"))
    if month is not None and not 1 <= month <= 12:
        raise InputError(Message("err.month", value=value))
    return month


_QTY = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*(.*?)\s*$")
_UNITS_KG = {
    **dict.fromkeys(
        ("kg", "kgs", "kilo", "kilos", "kilogramme", "kilogrammes", "kilogram", "kilograms"), 1.0
    ),
    **dict.fromkeys(("g", "gr", "grs", "gramme", "grammes", "gram", "grams"), 0.001),
    **dict.fromkeys(("t", "tonne", "tonnes", "ton", "tons"), 1000.0),
}
_PIECES = {"pc", "pcs", "piece", "pieces", "u", "unit", "units", "unite", "unites"}


def _plural_forms(names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        word = fold(name)
        out |= {word, word + "s", word + "x"}
    return out


def parse_quantity(text: str, piece_kg: float | None = None, product_names: Iterable[str] = ()) -> float:
    """``1kg``, ``250 grammes``, ``1 kilo``, ``0,5t``, ``3 pc`` or ``2 pommes`` (the product's own
    name, which needs its piece mass) -> kg. A bare number is refused: grams or kilograms?"""
    m = _QTY.match(text)
    if not m:
        raise InputError(Message("err.quantity", value=text), hint=Message("hint.quantity"))
    value = float(m.group(1).replace(",", "."))
    unit = fold(m.group(2))
    if not unit:
        raise InputError(
            Message("err.quantity_no_unit", value=text),
            hint=Message("hint.quantity_no_unit", number=m.group(1)),
        )
    if unit in _UNITS_KG:
        kg = value * _UNITS_KG[unit]
    elif unit in _PIECES or unit in _plural_forms(product_names):
        if piece_kg is None:
            raise InputError(Message("err.no_piece", value=text))
        kg = value * piece_kg
    else:
        raise InputError(Message("err.quantity", value=text), hint=Message("hint.quantity"))
    if kg <= 0:
        raise InputError(Message("err.quantity_positive", value=text))
    return kg
