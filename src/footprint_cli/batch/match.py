"""Free-text purchase labels and origins -> the project's products and places.

:func:`match_labels` turns labels such as ``"POMMES GOLDEN CAT 1 KG VRAC"`` or
``"Steak haché 15% MG surgelé"`` into product ids, with a 0-100 score; below
:data:`MATCH_THRESHOLD` the product is left empty and the closest products are given as
suggestions, so the report refuses the row instead of guessing.

How a label is matched:

1. it is folded (lower case, no accents, punctuation to spaces) and numbers, quantities
   with units (``1kg``, ``x4``, ``15%``) are dropped;
2. every run of consecutive words is looked up exactly among product names and aliases
   (singular or plural); the longest run wins, then the earliest (French puts the head noun
   first: "yaourt à la fraise" is a yoghurt). A hit covering all the words that are not
   noise scores 98, a hit with other words around it 90, minus 5 per other product also named;
3. the label without the noise words of :data:`STOP_WORDS` is matched as a whole with
   :meth:`Catalog.match_products` (exact = 100, else rapidfuzz WRatio);
4. the best score wins.

:func:`match_origins` resolves origin texts (country, region, department, city names or
codes, ``FRANCE``/``EUROPE`` of ma-cantine, "local", "import") to place codes, with a
``scope`` (local / france / europe / world) and a ``flag`` when a proxy or default is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..catalog import Catalog, fold, fold_plural
from ..errors import UnknownNameError
from ..model.schemas import Place

__all__ = [
    "EU_PROXY",
    "IMPORT_PROXY",
    "FUZZY_PENALTY",
    "MATCH_THRESHOLD",
    "STOP_WORDS",
    "clean_label",
    "match_labels",
    "match_origins",
]

#: Minimum score (0-100) for a label to be matched to a product; below it the row is refused
#: with suggestions.
MATCH_THRESHOLD = 75.0

#: Points taken off a fuzzy (not exact) whole-label score, so that a fuzzy match needs a
#: rapidfuzz WRatio of at least MATCH_THRESHOLD + FUZZY_PENALTY ("carrotes" -> carrot passes,
#: "divers" -> endive does not).
FUZZY_PENALTY = 15.0

#: A fuzzy match must beat the next product by this many points, else it is not trusted.
FUZZY_MARGIN = 8.0

#: Words that turn a product into another one (a substitute, a processed form, a dish):
#: "steak de soja" is not beef, "jus de pomme" is not an apple, "sauce tomate" is not a fresh
#: tomato. A label holding one of them outside the product name it matched is refused with
#: suggestions (a wrong match is worse than a rejection). Folded forms.
PROCESSED_MARKERS: frozenset[str] = frozenset(
    {
        "soja", "soya", "coco", "amande", "amandes", "cacahuete", "cacahuetes", "avoine",
        "bouillon", "fond", "fonds", "sauce", "sauces", "compote", "compotes", "jus", "nectar",
        "puree", "purees", "sirop", "gateau", "gateaux", "tarte", "tartes", "tartelette",
        "tartiner", "feuilletee", "brisee", "sablee", "concentre", "pelee", "pelees", "conserve",
        "chips", "lump", "soupe", "veloute", "gratin", "nuggets", "cordon", "pane", "panee",
        "panes", "croquette", "croquettes", "surimi", "dauphine", "dauphines", "marron", "marrons",
        "croissant", "brioche", "viennoiserie", "beignet", "beignets", "mousse", "flan", "creme",
        "cremes", "glace", "sorbet", "biscuit", "biscuits", "quiche", "pizza", "lasagne", "lasagnes",
        "raviolis", "hachis", "parmentier", "cake", "muffin", "crepe", "crepes", "gaufre", "gaufres",
        "vinaigrette", "mayonnaise", "ketchup", "moutarde", "arome", "aromatise", "poudre",
        "champignon", "champignons", "fruit", "fruits", "chocolat",
    }
)  # fmt: skip

#: Noise words dropped from a label before matching it as a whole (folded forms). Words that
#: are part of product names ("de", "au", "filet", "rouge", "nature") are *not* here; product
#: names are looked up before these words are dropped.
STOP_WORDS: frozenset[str] = frozenset(
    {
        # units and counts
        "kg",
        "kgs",
        "g",
        "gr",
        "grs",
        "l",
        "cl",
        "ml",
        "lt",
        "litre",
        "litres",
        "kilo",
        "kilos",
        "t",
        "pc",
        "pcs",
        "pce",
        "pces",
        "piece",
        "pieces",
        "u",
        "unite",
        "unites",
        "x",
        "env",
        "environ",
        "approx",
        "each",
        "ea",
        "pack",
        "lot",
        "mg",
        "pct",
        "divers",
        "assortiment",
        "assorti",
        "assortis",
        # packaging
        "vrac",
        "sachet",
        "sachets",
        "sac",
        "barquette",
        "barquettes",
        "boite",
        "boites",
        "bte",
        "carton",
        "colis",
        "caisse",
        "cagette",
        "plateau",
        "bocal",
        "pot",
        "bouteille",
        "brique",
        "seau",
        "poche",
        "bag",
        "box",
        "tray",
        "case",
        "tin",
        "can",
        "jar",
        "bottle",
        "kit",
        "conditionnement",
        # grades and calibres
        "cat",
        "categorie",
        "cal",
        "calibre",
        "extra",
        "i",
        "ii",
        "iii",
        "grade",
        "class",
        "classe",
        # production / quality claims (organic is read from its own column)
        "bio",
        "ab",
        "biologique",
        "organic",
        "label",
        "lr",
        "hve",
        "aop",
        "aoc",
        "igp",
        "stg",
        "msc",
        "fermier",
        "equitable",
        "premium",
        "qualite",
        "selection",
        "eco",
        "responsable",
        # state
        "frais",
        "fraiche",
        "fraiches",
        "fresh",
        "surgele",
        "surgeles",
        "surgelee",
        "surgelees",
        "congele",
        "congelee",
        "frozen",
        "iqf",
        "cru",
        "crue",
        "raw",
        "entier",
        "entiere",
        # origin words (the origin has its own column)
        "france",
        "francais",
        "francaise",
        "origine",
        "fr",
        "ue",
        "import",
        "local",
        "locale",
        "region",
        # wholesalers and house brands commonly printed on canteen invoices
        "marque",
        "repere",
        "metro",
        "promocash",
        "transgourmet",
        "pomona",
        "sysco",
        "davigel",
        "brake",
        "episaveurs",
        "passionfroid",
        "terreazur",
        "relais",
        "dor",
        # function words
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "a",
        "au",
        "aux",
        "en",
        "et",
        "avec",
        "pour",
        "sans",
        "the",
        "of",
        "with",
        "and",
        "in",
        "for",
    }
)

# a word that is a quantity, a count or a percentage: 1, 1kg, 500g, 0,5l, x4, 4x125g, 15%, 1er
_QUANTITY_WORD = re.compile(
    r"^(?:x?\d+(?:[.,]\d+)?(?:x\d+(?:[.,]\d+)?)*"
    r"(?:kg|g|gr|l|cl|ml|t|mg|pc|pcs|p|u|er|eme|e)?x?|\d+[a-z]{0,3})$"
)

#: Proxy country for an unspecified EU origin (ma-cantine ``EUROPE``, "UE"): Spain, France's
#: first supplier of imported fresh fruit and vegetables. Flagged ``origin_proxy_eu``.
EU_PROXY = "ES"
#: Proxy country for an unspecified non-EU import ("hors UE", "import", "monde"): Morocco,
#: France's first non-EU supplier of fresh fruit and vegetables (tomatoes, citrus). Flagged
#: ``origin_unknown_import``.
IMPORT_PROXY = "MA"

_EU_WORDS = frozenset(
    {
        "europe",
        "ue",
        "eu",
        "union europeenne",
        "european union",
        "cee",
        "origine ue",
        "origine europe",
        "europeen",
        "europeenne",
        "communautaire",
        "uk eu",
    }
)
_IMPORT_WORDS = frozenset(
    {
        "hors ue",
        "hors europe",
        "non ue",
        "import",
        "importe",
        "importation",
        "monde",
        "world",
        "etranger",
        "pays tiers",
        "non eu",
        "outside eu",
        "non european",
        "imported",
        "international",
        "hors union europeenne",
    }
)
_LOCAL_WORDS = frozenset(
    {
        "local",
        "locale",
        "locaux",
        "produit local",
        "circuit court",
        "circuits courts",
        "regional",
        "regionale",
        "proximite",
        "local sourcing",
        "locally sourced",
    }
)
_ORIGIN_NOISE = frozenset(
    {"origine", "provenance", "pays", "de", "d", "du", "des", "made", "in", "product", "of", "produit",
     "produits", "peche", "peches", "pechee", "pechees", "eleve", "elevee", "eleves", "cultive",
     "cultivee", "cultives", "recolte", "en", "a", "au", "aux", "la", "le", "les", "from", "caught",
     "farmed", "grown", "zone", "et", "ou"}
)  # fmt: skip

#: Texts meaning the origin was not given: read as an empty origin (the default, flagged
#: ``origin_not_given``), never as New Caledonia (NC) or any other place.
_UNKNOWN_WORDS = frozenset(
    {"nc", "n c", "non communique", "non communiquee", "non connu", "non connue", "inconnu", "inconnue",
     "nd", "n d", "non disponible", "non renseigne", "non renseignee", "na", "n a", "ns", "non precise",
     "non precisee", "sans", "aucune", "unknown", "not known", "not given", "not available", "divers",
     "variable", "multiple", "multiples", "plusieurs", "plusieurs origines", "origines diverses"}
)  # fmt: skip

#: Texts naming both EU and non-EU origins ("UE et hors UE"): the non-EU proxy :data:`IMPORT_PROXY`
#: is used (the farther of the two proxies: transport is not understated), flagged ``origin_mixed``.
_MIXED_WORDS = frozenset(
    {"ue et hors ue", "ue hors ue", "ue ou hors ue", "ue et non ue", "ue non ue", "ue ou non ue",
     "eu and non eu", "eu non eu", "eu or non eu", "europe et hors europe", "europe hors europe",
     "ue et import", "ue import", "melange ue et hors ue", "origine ue et hors ue"}
)  # fmt: skip

#: FAO major fishing areas (FAO, Coordinating Working Party on Fishery Statistics, "FAO Major
#: Fishing Areas") -> a proxy country for the transport of a catch from that area to France: the
#: country whose ports land most of the catch sold in France from that area (a judgement,
#: flagged ``origin_fishing_area`` with the area and the proxy). Antarctic areas (48, 58, 88)
#: are refused: no port stands for them.
FAO_AREAS: dict[int, tuple[str, str]] = {
    18: ("NO", "Arctic Sea"),
    21: ("CA", "Atlantic, Northwest"),
    27: ("NO", "Atlantic, Northeast"),
    31: ("US", "Atlantic, Western Central"),
    34: ("SN", "Atlantic, Eastern Central"),
    37: ("ES", "Mediterranean and Black Sea"),
    41: ("AR", "Atlantic, Southwest"),
    47: ("NA", "Atlantic, Southeast"),
    51: ("IN", "Indian Ocean, Western"),
    57: ("ID", "Indian Ocean, Eastern"),
    61: ("CN", "Pacific, Northwest"),
    67: ("US", "Pacific, Northeast"),
    71: ("PH", "Pacific, Western Central"),
    77: ("MX", "Pacific, Eastern Central"),
    81: ("NZ", "Pacific, Southwest"),
    87: ("CL", "Pacific, Southeast"),
}
_FAO = re.compile(r"\bfao\s*(\d{2})\b")
_FAO_NAMES = {
    "atlantique nord est": 27, "atlantique nord ouest": 21, "atlantique centre est": 34,
    "atlantique centre ouest": 31, "atlantique sud ouest": 41, "atlantique sud est": 47,
    "mediterranee": 37, "mer mediterranee": 37, "pacifique nord est": 67, "pacifique nord ouest": 61,
    "pacifique sud ouest": 81, "pacifique sud est": 87, "ocean indien": 51, "ocean indien ouest": 51,
    "ocean indien est": 57, "mer du nord": 27, "manche": 27, "golfe de gascogne": 27, "mer baltique": 27,
    "mer de barents": 27, "mer de norvege": 27, "northeast atlantic": 27, "north east atlantic": 27,
    "north sea": 27, "northwest atlantic": 21, "northeast pacific": 67, "northwest pacific": 61,
}  # fmt: skip

#: Regions of other countries that purchase files name instead of the country (folded names).
FOREIGN_REGIONS: dict[str, str] = {
    "ecosse": "GB", "scotland": "GB", "angleterre": "GB", "england": "GB", "pays de galles": "GB",
    "wales": "GB", "irlande du nord": "GB", "northern ireland": "GB", "shetland": "GB",
    "andalousie": "ES", "andalucia": "ES", "andalusia": "ES", "almeria": "ES", "huelva": "ES",
    "murcie": "ES", "murcia": "ES", "valence": "ES", "valencia": "ES", "catalogne": "ES",
    "cataluna": "ES", "catalonia": "ES", "galice": "ES", "galicia": "ES", "navarre": "ES",
    "estremadure": "ES", "extremadura": "ES", "aragon": "ES", "castille": "ES", "canaries": "ES",
    "iles canaries": "ES", "baleares": "ES",
    "sicile": "IT", "sicilia": "IT", "sicily": "IT", "sardaigne": "IT", "sardinia": "IT", "toscane": "IT",
    "tuscany": "IT", "piemont": "IT", "piemonte": "IT", "lombardie": "IT", "lombardia": "IT",
    "emilie romagne": "IT", "emilia romagna": "IT", "venetie": "IT", "veneto": "IT", "trentin": "IT",
    "pouilles": "IT", "puglia": "IT", "calabre": "IT", "campanie": "IT",
    "baviere": "DE", "bayern": "DE", "bavaria": "DE", "basse saxe": "DE", "rhenanie": "DE",
    "flandre": "BE", "flandres": "BE", "wallonie": "BE", "algarve": "PT", "alentejo": "PT",
    "souss": "MA", "souss massa": "MA", "agadir": "MA", "valais": "CH", "tessin": "CH",
}  # fmt: skip
#: French areas that are not administrative units (folded) -> the department or region.
FRENCH_AREAS: dict[str, str] = {
    "camargue": "FR-13", "val de loire": "FR-CVL", "beauce": "FR-28", "perigord": "FR-24",
    "pays basque": "FR-64", "savoie mont blanc": "FR-73", "cote d azur": "FR-06", "vendee": "FR-85",
}  # fmt: skip
# "local" with a distance: "Local (<100 km)", "Local 50 km", "local - moins de 150 km"
_LOCAL_DISTANCE = re.compile(
    r"\b(?:moins de|inferieur a|under|less than|within|rayon de|rayon)?\s*\d+\s*km\b"
)


# ---------------------------------------------------------------- labels


def _tokens(label: str) -> list[str]:
    return [w for w in fold(label).split() if not _QUANTITY_WORD.match(w)]


def clean_label(label: str) -> str:
    """The label without quantities, units, packaging, grades, claims and other noise words."""
    return " ".join(w for w in _tokens(label) if w not in STOP_WORDS)


class _ProductNames:
    """Exact folded product names and aliases (singular and plural forms) -> product id."""

    def __init__(self, catalog: Catalog):
        self.exact: dict[str, str] = {}
        for p in catalog.data.products.values():
            for name in (p.id.replace("_", " "), p.name_fr, p.name_en, *p.aliases):
                for form in (fold(name), fold_plural(name)):
                    if form and form not in self.exact:
                        self.exact[form] = p.id
        self.max_words = max((len(k.split()) for k in self.exact), default=1)

    def get(self, words: list[str]) -> str | None:
        text = " ".join(words)
        return self.exact.get(text) or self.exact.get(fold_plural(text))


def _ngram_hits(words: list[str], names: _ProductNames) -> list[tuple[int, int, str]]:
    """(length, start, product) for every run of words naming a product, longest first."""
    hits: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    for length in range(min(names.max_words, len(words)), 0, -1):
        for start in range(len(words) - length + 1):
            span = set(range(start, start + length))
            if span & covered:
                continue
            if length == 1 and words[start] in STOP_WORDS:
                continue
            key = names.get(words[start : start + length])
            if key is not None:
                hits.append((length, start, key))
                covered |= span
    hits.sort(key=lambda h: (-h[0], h[1]))
    return hits


def _distinct(values: pd.Series | Iterable[str]) -> list[object]:
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    return list(pd.unique(series.astype(object)))


def _match_one(label: str, catalog: Catalog, names: _ProductNames) -> tuple[str, float, list[str], str, str]:
    """(product_id, score, top-3 suggestions, cleaned label, how) for one label."""
    words = _tokens(label)
    cleaned = " ".join(w for w in words if w not in STOP_WORDS)
    scores: dict[str, float] = {}
    how: dict[str, str] = {}

    def offer(key: str, score: float, why: str) -> None:
        if score > scores.get(key, -1.0):
            scores[key] = score
            how[key] = why

    markers = {i for i, w in enumerate(words) if w in PROCESSED_MARKERS}
    hits = _ngram_hits(words, names)
    if hits:
        content = {i for i, w in enumerate(words) if w not in STOP_WORDS}
        products = list(dict.fromkeys(h[2] for h in hits))
        for rank, (length, start, key) in enumerate(hits):
            span = set(range(start, start + length))
            if content <= span:
                base = 98.0
            else:
                base = 90.0 - 5.0 * (len(products) - 1)
            # later, shorter hits are alternatives: keep them as suggestions, below the first
            score = base - 10.0 * (products.index(key) > 0) - 0.1 * rank
            if markers - span:
                score = min(score, MATCH_THRESHOLD - 5.0)  # "steak de soja", "jus de pomme"
            offer(key, score, "name: " + " ".join(words[start : start + length]))
    query = cleaned or " ".join(words)  # all noise: still look for suggestions
    if query:
        found = catalog.match_products(query, limit=5)
        for i, m in enumerate(found):
            exact = m.score >= 100.0
            score = 100.0 if exact else float(m.score) - FUZZY_PENALTY
            if markers and not exact:
                score = min(score, MATCH_THRESHOLD - 5.0)
            runner_up = found[i + 1].score if i + 1 < len(found) else 0.0
            if not exact and m.score - runner_up < FUZZY_MARGIN:
                # two products about as close ("pomes": pommes or pomelo?): do not guess
                score = min(score, MATCH_THRESHOLD - 5.0)
            offer(m.key, score, f"{'name' if exact else 'fuzzy'}: {m.matched}")
    if not scores:
        return "", 0.0, [], cleaned, ""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    suggestions = [k for k, _ in ranked[:3]]
    score = round(min(score, 100.0), 1)
    if score < MATCH_THRESHOLD:
        return "", score, suggestions, cleaned, how[best]
    return best, score, suggestions, cleaned, how[best]


def match_labels(labels: pd.Series | Iterable[str], catalog: Catalog) -> pd.DataFrame:
    """Match distinct free-text labels to product ids.

    Returns one row per distinct label, columns ``label``, ``product_id`` (``""`` when the
    score is below :data:`MATCH_THRESHOLD`), ``score`` (0-100), ``suggestions`` (tuple of up
    to 3 product ids, best first; for a refused label these are what to propose), ``cleaned``
    (the label as matched) and ``matched_by`` (the product name or alias that matched).
    """
    distinct = _distinct(labels)
    names = _ProductNames(catalog)
    rows = []
    for label in distinct:
        text = "" if label is None or (isinstance(label, float) and label != label) else str(label)
        pid, score, sugg, cleaned, how = _match_one(text, catalog, names)
        rows.append((text, pid, score, tuple(sugg), cleaned, how))
    return pd.DataFrame(
        rows, columns=["label", "product_id", "score", "suggestions", "cleaned", "matched_by"]
    ).astype({"label": object, "product_id": object, "score": float, "cleaned": object, "matched_by": object})


# ---------------------------------------------------------------- origins


def _scope(place: Place, catalog: Catalog, home_country: str) -> str:
    country = catalog.country_of(place) if place.country in catalog.data.places else place
    if place.kind in ("region", "department", "city") and place.country == home_country:
        return "local"
    group = country.group
    if group == "france":
        return "france"
    if group in ("eu", "europe"):
        return "europe"
    return "world"


def _lookup_place(text: str, catalog: Catalog) -> Place | None:
    try:
        return catalog.place(text)
    except UnknownNameError:
        return None


def _department_code(word: str, catalog: Catalog) -> Place | None:
    """A French department number: 1-95, 2A/2B, 971-976 -> FR-01 ..."""
    w = word.strip().upper()
    if re.fullmatch(r"\d{1,3}|2[AB]", w):
        code = f"FR-{w.zfill(2)}" if w.isdigit() and len(w) < 3 else f"FR-{w}"
        return catalog.data.places.get(code)
    return None


def _fishing_area(f: str, catalog: Catalog) -> tuple[str, str, str, str, str] | None:
    """An FAO fishing area ("FAO 27", "Atlantique Nord-Est") -> its proxy country, flagged."""
    m = _FAO.search(f)
    area = int(m.group(1)) if m else None
    if area is None:
        core = " ".join(w for w in f.split() if w not in _ORIGIN_NOISE)
        area = _FAO_NAMES.get(core)
        if area is None:
            return None
    if area not in FAO_AREAS:
        return "", "", "", "", f"fishing area FAO {area} has no proxy port country: give the landing country"
    proxy = catalog.data.places.get(FAO_AREAS[area][0])
    if proxy is None:
        return "", "", "", "", f"fishing area FAO {area} has no proxy port country: give the landing country"
    scope = _scope(proxy, catalog, "")
    return proxy.code, proxy.country, scope, f"origin_fishing_area|area={area}|origin={proxy.code}", ""


def _resolve_origin(text: str, catalog: Catalog, default: Place) -> tuple[str, str, str, str, str]:
    """(place_code, country, scope, flag, reason) for one origin text.

    The flag may carry parameters after ``|`` (``origin_fishing_area|area=27|origin=NO``).
    """
    home = default.country
    f = fold(text)
    if not f:
        return default.code, default.country, _scope(default, catalog, home), "origin_default", ""
    if f in _UNKNOWN_WORDS:
        return default.code, default.country, _scope(default, catalog, home), "origin_not_given", ""
    fishing = _fishing_area(f, catalog)
    if fishing is not None:
        return fishing
    words = [w for w in f.split() if w not in _ORIGIN_NOISE]
    core = " ".join(words)
    if f in _MIXED_WORDS or core in _MIXED_WORDS:
        place = catalog.data.places.get(IMPORT_PROXY)
        if place is not None:
            return place.code, place.country, "world", "origin_mixed", ""
    unlocated = " ".join(_LOCAL_DISTANCE.sub(" ", core).split())
    if f in _LOCAL_WORDS or core in _LOCAL_WORDS or (unlocated != core and unlocated in _LOCAL_WORDS):
        return default.code, default.country, "local", "origin_local_unspecified", ""
    for name, code in (*FOREIGN_REGIONS.items(), *FRENCH_AREAS.items()):
        if core == name:
            place = catalog.data.places.get(code)
            if place is not None:
                return place.code, place.country, _scope(place, catalog, home), "", ""
    proxies = (
        (_EU_WORDS, EU_PROXY, "origin_proxy_eu"),
        (_IMPORT_WORDS, IMPORT_PROXY, "origin_unknown_import"),
    )
    for words_set, proxy, flag in proxies:
        if f in words_set or core in words_set:
            place = catalog.data.places.get(proxy)
            if place is None:
                return "", "", "", flag, f"proxy place {proxy} for {text!r} is not in the places data"
            scope = "europe" if flag == "origin_proxy_eu" else "world"
            return place.code, place.country, scope, flag, ""
    place = _department_code(text, catalog) or _lookup_place(text, catalog)
    if place is None and core and core != f:
        place = _department_code(core, catalog) or _lookup_place(core, catalog)
    flag = ""
    if place is None and words:
        # several names in one cell ("Bretagne, France", "Espagne / Maroc"): the most specific
        # wins; two different countries are ambiguous and refused
        # a word inside longer text is a place by its name, never by a 2-3 letter code ("est"
        # is not Estonia, "nord" inside "Atlantique Nord" is the Nord department only alone)
        found: list[Place] = []
        covered: set[int] = set()
        for length in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - length + 1):
                span = set(range(start, start + length))
                if span & covered:
                    continue
                phrase = " ".join(words[start : start + length])
                pl = None
                if phrase in FOREIGN_REGIONS or phrase in FRENCH_AREAS:
                    pl = catalog.data.places.get(FOREIGN_REGIONS.get(phrase) or FRENCH_AREAS[phrase])
                elif len(phrase) > 3:
                    pl = _lookup_place(phrase, catalog)
                if pl is not None:
                    covered |= span
                    if pl not in found:
                        found.append(pl)
        countries = {pl.country for pl in found}
        if len(countries) > 1:
            codes = ", ".join(pl.code for pl in found)
            return "", "", "", "", f"origin names several countries ({codes}): give one"
        if found:
            rank = {"city": 0, "department": 1, "region": 2, "territory": 3, "country": 4}
            place = min(found, key=lambda pl: rank.get(pl.kind, 5))
    if place is None:
        close = catalog.suggest_places(text, limit=3)
        hint = f" (closest: {'; '.join(close)})" if close else ""
        return "", "", "", "", f"origin not recognised: {text.strip()!r}{hint}"
    return place.code, place.country, _scope(place, catalog, home), flag, ""


def match_origins(texts: pd.Series | Iterable[str], catalog: Catalog, *, default: str = "FR") -> pd.DataFrame:
    """Resolve distinct origin texts to places.

    Returns one row per distinct text, columns ``origin_text``, ``place_code`` (``""`` when
    not recognised), ``country`` (ISO alpha-2), ``scope`` (``local``/``france``/``europe``/
    ``world``), ``flag`` and ``reason`` (why it was not recognised, else ``""``).

    Flags: ``origin_default`` (empty origin: ``default`` used), ``origin_not_given`` ("NC",
    "non communiqué": ``default`` used), ``origin_mixed`` ("UE et hors UE": :data:`IMPORT_PROXY`),
    ``origin_fishing_area|area=N|origin=XX`` (an FAO fishing area: the proxy of
    :data:`FAO_AREAS`), ``origin_local_unspecified``
    ("local" without a place: ``default`` used, scope local), ``origin_proxy_eu`` (unspecified
    EU origin: :data:`EU_PROXY`), ``origin_unknown_import`` (unspecified non-EU import:
    :data:`IMPORT_PROXY`).

    ``scope`` is ``local`` for a named region, department or city of the default place's
    country (or "local"), ``france`` for that country without more detail, otherwise the
    group of the country (``eu``/``europe`` -> ``europe``, else ``world``).
    """
    try:
        default_place = catalog.place(default)
    except UnknownNameError as exc:
        from ..errors import InputError

        hint = "; ".join(exc.suggestions) or None
        raise InputError(f"unknown default origin {default!r}", hint=hint) from None
    distinct = _distinct(texts)
    rows = []
    for t in distinct:
        text = "" if t is None or (isinstance(t, float) and t != t) else str(t)
        rows.append((text, *_resolve_origin(text, catalog, default_place)))
    columns = ["origin_text", "place_code", "country", "scope", "flag", "reason"]
    return pd.DataFrame(rows, columns=columns).astype(object)
