"""Free-text purchase labels and origins -> the project's products and places.

:func:`match_labels` turns labels such as ``"POMMES GOLDEN CAT 1 KG VRAC"`` or
``"Steak haché 15% MG surgelé"`` into product ids, with a 0-100 score; below
:data:`MATCH_THRESHOLD` the product is left empty and the closest products are given as
suggestions, so the report refuses the row instead of guessing.

How a label is matched (head noun and modifiers, not fuzzy scores alone):

1. it is folded (lower case, no accents, punctuation to spaces); quantities (``1kg``, ``x4``,
   ``15%``), known brands (:data:`BRANDS`) and qualifying phrases ("au lait cru") are dropped;
   the preserved form is read from the label (``surgelé``, ``IQF``, ``4/4``, ``appertisé``,
   a frozen-food brand); the "de" that price lists leave out is put back when that makes a
   product name ("JAMBON DINDE" -> "jambon de dinde");
2. non-food lines (:data:`NON_FOOD`) and foods the catalogue does not hold although their words
   name a product (:data:`NOT_IN_CATALOGUE`: "citron vert" is not a lemon) are refused;
3. every run of consecutive words is looked up exactly among product names and aliases
   (singular or plural), longest first; the **head noun** is the first content word, after a
   cut ("sauté de bœuf", "filet de lieu", "FILET COLIN") — French puts it first;
4. the product whose name covers the head is taken only if the words after it leave it that
   product: "X de Y" with Y another food ("rillettes de thon", "purée de carottes") or an
   unknown word ("pain d'épices") is another food, except for a fresh product's variety or
   place ("feuille de chêne", "du Puy") and for flavoured products (:data:`FLAVOURED`:
   "confiture d'abricots"); "X à la/au/aux Y" keeps X for a use ("pommes à cuire") or a
   flavoured product, else it is a dish; a second product right after ("lait fraise") or a
   transforming word (:data:`TRANSFORMING`: farcies, rôti, duchesse...; :data:`PROCESSED_MARKERS`)
   makes it another food. Such labels are refused with the reason and the products named;
5. a frozen or canned label takes the frozen or canned form of the product when the catalogue
   holds one ("haricots verts surgelés" -> ``green_beans_frozen``); a preserved product said
   to be fresh takes its raw form or is refused;
6. a label whose head names no product is matched by rapidfuzz only as a typo: at most
   :data:`FUZZY_MAX_WORDS` words, a first word close to the product's, a clear margin over the
   next product ("carrotes" -> carrot; "thé noir" is not "lieu noir").

Scores: 98 when the name covers every content word, 90 with other words around it, the fuzzy
score minus :data:`FUZZY_PENALTY` for a typo; a refusal scores below :data:`MATCH_THRESHOLD`.
The labelled set ``tests/data/labels.csv`` measures it (``python bench/bench_match.py``).

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
from ..i18n import Message, Named
from ..model.schemas import Place

__all__ = [
    "BRANDS",
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
        # grades as ordinals ("deuxième pomme", "pomme 2e choix")
        "premier",
        "premiere",
        "deuxieme",
        "second",
        "seconde",
        "troisieme",
        "1er",
        "1ere",
        "2eme",
        "2e",
        "choix",
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

#: Words that say the product was bought frozen (folded forms).
FROZEN_WORDS: frozenset[str] = frozenset(
    {"surgele", "surgeles", "surgelee", "surgelees", "surg", "surgel", "congele", "congelee", "congeles",
     "congelees", "iqf", "frozen"}
)  # fmt: skip
#: Words that say the product was bought canned (folded forms).
CANNED_WORDS: frozenset[str] = frozenset(
    {"appertise", "appertisee", "appertises", "appertisees", "conserve", "conserves", "boite", "boites",
     "bte", "canned", "tinned"}
)  # fmt: skip
# can sizes printed on invoices: 4/4 (850 ml), 3/1, 5/1, 2/1; "1/2" is left alone (1/2 GN
# trays, 1/2 écrémé milk)
_CAN_SIZE = re.compile(r"(?<![\d/])(?:4/4|3/1|5/1|2/1)(?![\d/])")
#: Brands that are only sold frozen: their name says the form.
FROZEN_BRANDS: frozenset[str] = frozenset({"findus", "iglo", "picard", "mccain", "davigel"})

#: Food brands printed before the product name on invoices (folded; several words allowed).
#: They are dropped before the head noun is looked for. A brand that *is* a product name
#: (Nutella, Vache qui rit, Knacki, Coca-Cola) is an alias of that product instead.
BRANDS: tuple[str, ...] = (
    "panzani", "president", "bonne maman", "materne", "d aucy", "daucy", "findus", "iglo", "picard",
    "uncle ben s", "uncle bens", "lesieur", "daddy", "beghin say", "heinz", "maille", "elle vire",
    "candia", "lactel", "cristaline", "mccain", "mont blanc", "la laitiere", "herta", "fleury michon",
    "bonduelle", "cassegrain", "knorr", "maggi", "amora", "andros", "lustucru", "danone", "yoplait",
    "lipton", "nestle", "sodebo", "charal", "tipiak", "saupiquet", "petit navire", "william saurin",
    "labeyrie", "liebig", "barilla", "taureau aile", "lu", "harrys", "jacquet", "paysan breton",
    "davigel", "brake", "sysco", "transgourmet", "pomona", "metro", "promocash", "marque repere",
)  # fmt: skip

#: Cuts and pieces: "sauté de bœuf", "filet de lieu", "haut de cuisse de poulet" are the
#: product after "de", not a dish made of it.
CUTS: frozenset[str] = frozenset(
    {"saute", "roti", "filet", "filets", "dos", "pave", "paves", "escalope", "escalopes", "cuisse",
     "cuisses", "haut", "hauts", "aiguillette", "aiguillettes", "emince", "eminces", "cote", "cotes",
     "epaule", "carre", "jarret", "paleron", "bavette", "rouelle", "tranche", "tranches", "morceau",
     "morceaux", "des", "coeur", "coeurs", "fond", "fonds", "pointe", "pointes", "steak", "blanc",
     "blancs", "pilon", "pilons", "manchon", "manchons", "brochette", "brochettes", "longe", "noix",
     "queue", "queues", "tete", "tetes", "feuille", "feuilles", "botte", "bottes", "fleurette",
     "fleurettes", "portion", "portions"}
)  # fmt: skip
_DE = frozenset({"de", "d", "du", "des"})
_A = frozenset({"a", "au", "aux", "facon", "fa on", "sauce"})
#: Words that qualify a product named after them and leave it as it is ("pur beurre",
#: "sans sucre ajouté").
_QUALIFIERS = frozenset({"pur", "sans", "100", "peu", "allege", "allegee", "reduit"})

#: Words that turn the product named before them into another food ("courgettes farcies",
#: "pommes duchesse", "café soluble"): such a label is refused, not matched to the raw product.
TRANSFORMING: frozenset[str] = frozenset(
    {"farci", "farcie", "farcis", "farcies", "duchesse", "sautee", "sautees", "sautes", "rissolee",
     "rissolees", "soluble", "lyophilise", "semoule", "vanille", "vanillee", "cuisine", "cuisinee",
     "cuisines", "cuisinees", "remoulade", "nicoise", "composee", "piemontaise", "cesar", "anglaise",
     "patissiere", "tagada", "bonbon", "bonbons", "liquide", "plantain", "chinois", "confit", "confite",
     "confits", "pane", "panee", "panes", "panees", "fume", "fumee", "fumes", "fumees",
     "sechee", "sechees", "deshydrate", "deshydratee", "gras", "roti", "rotie", "roties", "rotis",
     "papillote", "mariniere", "marinieres", "chocolate", "chocolatee", "chocolates", "vegetarien",
     "vegetarienne", "vegetariens", "vegetal", "vegetale", "vegetaux", "vegan", "vegane", "sin",
     "viennoise", "viennois", "decafeine", "gazeuse", "gazeuses", "petillante", "aromatise"}
)  # fmt: skip

#: Words that make a cooked dish of raw meat ("rôti de porc cuit tranché").
TRANSFORMING_MEAT: frozenset[str] = frozenset({"cuit", "cuite", "cuits", "cuites", "grille", "grillee"})

#: Uses after "à": "pommes à cuire", "bœuf à bourguignon" are the raw product.
USES: frozenset[str] = frozenset(
    {"cuire", "braiser", "jus", "bourguignon", "rotir", "griller", "poeler", "frire", "mijoter",
     "coupe", "croquer", "couteau", "farcir", "pot", "potage", "soupe", "raclette", "fondue",
     "blanquette", "confiture", "compote", "tarte", "pocher", "gratiner", "pulpe", "chair", "os", "feu", "naturel"}
)  # fmt: skip

#: Names of foods that the catalogue does not hold but whose words would name a product
#: ("citron vert" is a lime, not a lemon): refused with this reason.
NOT_IN_CATALOGUE: tuple[str, ...] = (
    "citron vert", "banane plantain", "chou chinois", "chou rave", "noix de saint jacques",
    "noix de st jacques", "noix de coco", "lait de coco", "lait d amande", "banania", "the vert",
    "haricot beurre", "haricots beurre", "poivre vert", "foie gras", "oeuf liquide", "sirop d erable",
)  # fmt: skip

#: Products whose flavour or variety follows them without changing the product: "confiture
#: d'abricots" is jam, "sorbet citron" a sorbet, "vinaigre de cidre" a vinegar.
FLAVOURED: frozenset[str] = frozenset(
    {"jam", "fruit_compote", "apple_compote", "vinegar", "yoghurt_fruit", "yoghurt_flavoured",
     "drinking_yoghurt", "ice_cream", "sorbet", "fruit_syrup", "cream_dessert", "chocolate_mousse",
     "stock_cube", "fruit_tart", "dry_biscuits", "honey", "multifruit_juice", "mustard",
     "pizza", "breakfast_cereals", "veggie_patty", "fruit_cocktail", "canned_mackerel"}
)  # fmt: skip

#: Non-food purchase lines (folded words): refused at once, with no product suggested.
NON_FOOD: frozenset[str] = frozenset(
    {"poubelle", "vaisselle", "essuie", "papier", "gant", "gants", "nitrile", "film", "aluminium",
     "serviette", "serviettes", "lessive", "javel", "eponge", "eponges", "detergent", "jetable",
     "jetables", "gobelet", "gobelets", "livraison", "remise", "consigne", "palette", "transport",
     "nettoyant", "degraissant", "desinfectant", "savon", "sopalin"}
)  # fmt: skip

# a word that is a quantity, a count or a percentage: 1, 1kg, 500g, 0,5l, x4, 4x125g, 15%, 1er
_QUANTITY_WORD = re.compile(
    r"^(?:x?\d+(?:[.,]\d+)?(?:x\d+(?:[.,]\d+)?)*"
    r"(?:kg|g|gr|l|cl|ml|t|mg|pc|pcs|p|u|er|eme|e)?x?|\d+[a-z]{0,3})$"
)
# phrases dropped before matching: they qualify the product and name another one
_NOISE_PHRASES = (
    ("au", "lait", "cru"), ("au", "lait", "entier"), ("au", "lait", "de", "vache"), ("lait", "cru"),
    ("allegee", "en", "sucre"), ("allege", "en", "sucre"), ("allegee", "en", "sucres"),
    ("sans", "sucre", "ajoute"), ("sans", "sucres", "ajoutes"), ("sans", "peau"), ("s", "p"), ("s", "v"),
)  # fmt: skip
#: Adjectives dropped after the first word: "yaourt sucré aux fruits" is a fruit yoghurt.
_ADJECTIVES = frozenset({"sucre", "sucree", "sucres", "sucrees"})

#: Points taken off a fuzzy (not exact) whole-label score.
FUZZY_PENALTY = 15.0
#: A fuzzy match must beat the next product by this many points, else it is not trusted.
FUZZY_MARGIN = 8.0
#: A fuzzy match is tried only for a label of at most this many content words whose first word
#: is this close (rapidfuzz ratio) to the first word of the product name: a typo ("carrotes"),
#: not a different food that shares a word ("thé noir" is not "lieu noir").
FUZZY_MAX_WORDS = 2
FUZZY_HEAD_RATIO = 80.0


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
        self.products = catalog.data.products
        brands = [tuple(b.split()) for b in BRANDS]
        self.brands = sorted(brands, key=len, reverse=True)
        self.not_in_catalogue = [tuple(fold_plural(n).split()) for n in NOT_IN_CATALOGUE]

    def get(self, words: list[str]) -> str | None:
        text = " ".join(words)
        return self.exact.get(text) or self.exact.get(fold_plural(text))

    def form_sibling(self, pid: str, form: str) -> str:
        """The frozen or canned form of a product when the catalogue holds one, else the product."""
        base = pid
        for suffix in ("_frozen", "_canned"):
            if pid.endswith(suffix):
                base = pid[: -len(suffix)]
        for sibling in (f"{base}_{form}", f"{form}_{base}"):
            if sibling in self.products:
                return sibling
        p = self.products[pid]
        return (
            pid if p.form_of is None or f"{p.form_of}_{form}" not in self.products else f"{p.form_of}_{form}"
        )


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


def _drop_runs(words: list[str], runs: list[tuple[str, ...]]) -> tuple[list[str], list[tuple[str, ...]]]:
    """``words`` without any of ``runs`` (longest first), and the runs found."""
    out: list[str] = []
    found: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for run in runs:
            if tuple(words[i : i + len(run)]) == run:
                found.append(run)
                i += len(run)
                break
        else:
            out.append(words[i])
            i += 1
    return out, found


def _insert_de(words: list[str], names: _ProductNames) -> list[str]:
    """Put back the "de" that price lists leave out: "JAMBON DINDE" -> "jambon de dinde",
    "FILET POULET" -> "filet de poulet", when that makes a product name."""
    out = list(words)
    spans = [(start, start + length) for length, start, _ in _ngram_hits(out, names)]
    j = 1
    while j < len(out):
        inside = any(a < j < b for a, b in spans)
        if not inside and out[j - 1] not in _DE and out[j] not in _DE and out[j] not in STOP_WORDS:
            for a in range(max(0, j - 3), j):
                if any(
                    names.get(out[a:j] + ["de"] + out[j:b]) for b in range(j + 1, min(len(out), j + 3) + 1)
                ):
                    out.insert(j, "de")
                    spans = [(start, start + length) for length, start, _ in _ngram_hits(out, names)]
                    j += 1
                    break
        j += 1
    return out


def _label_form(label: str, words: list[str], brands: list[tuple[str, ...]]) -> str | None:
    """``frozen`` or ``canned`` when the label says how the product was preserved."""
    if any(w in FROZEN_WORDS for w in words) or any(b[0] in FROZEN_BRANDS for b in brands):
        return "frozen"
    if (
        any(w in CANNED_WORDS for w in words)
        or _CAN_SIZE.search(label)
        or _contains(words, ("au", "naturel"))
    ):
        return "canned"
    return None


def _contains(words: list[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(words[i : i + n]) == run for i in range(len(words) - n + 1))


class _Verdict:
    """The outcome for one label: a product (score, how) or a refusal (reason)."""

    __slots__ = ("pid", "score", "how", "reason")

    def __init__(self, pid: str = "", score: float = 0.0, how: str = "", reason: str = ""):
        self.pid, self.score, self.how, self.reason = pid, score, how, reason


def _head_index(words: list[str], content: list[int]) -> int:
    """Index of the head noun: the first content word, after cuts ("sauté de", "filet de")."""
    head = content[0]
    while words[head] in CUTS:
        # "filet de lieu", and in mercuriales without the "de": "FILET COLIN", "SAUTE PORC"
        nxt = [i for i in content if i > head and words[i] not in _DE]
        if not nxt:
            break
        head = nxt[0]
    return head


def _judge_head(
    words: list[str],
    hits: list[tuple[int, int, str]],
    head: int,
    first: int,
    label: str,
    names: _ProductNames,
) -> _Verdict:
    """The product named by the head noun, if the words around it leave it that product."""
    hit = next((h for h in hits if h[1] <= first < h[1] + h[0]), None) or next(
        (h for h in hits if h[1] <= head < h[1] + h[0]), None
    )
    if hit is None:
        return _Verdict(reason=Message("match.first_word", word=words[first]))
    length, start, pid = hit
    end = start + length
    product = names.products[pid]
    flavoured = pid in FLAVOURED
    # fresh produce: a word after it is a variety ("courge spaghetti", "carottes des sables")
    fresh = product.category in ("fruit", "vegetable") and not product.agribalyse_average
    # charcuterie comes in flavours ("saucisson à l'ail", "chipolatas aux herbes")
    seasoned = product.family == "CHARCUTERIE"
    other = {h[1]: h for h in hits if h is not hit}
    original = fold(label)  # for capitalised words after "de"
    i = end
    while i < len(words):
        w = words[i]
        if w in _QUALIFIERS:
            # "pur beurre", "sans sucre": the next word qualifies, it is not another product
            i += 2
            continue
        if w in _DE and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt in STOP_WORDS:
                i += 1
                continue
            if i + 1 in other:
                y = other[i + 1][2]
                if y != pid and not flavoured:
                    return _Verdict(reason=Message("match.made_of", food=y, product=pid))
                i = i + 1 + other[i + 1][0]
                continue
            if nxt in PROCESSED_MARKERS or nxt in TRANSFORMING:
                return _Verdict(reason=Message("match.another_food", food=f"{words[i - 1]} {w} {nxt}"))
            if not flavoured and not fresh and not _proper_noun(label, nxt, original):
                # "pain de seigle", "farine de sarrasin"; a fresh product's "de" names a variety
                # or a place ("feuille de chêne", "ail rose de Lautrec")
                return _Verdict(reason=Message("match.another_food", food=f"{words[i - 1]} {w} {nxt}"))
            i += 2
            continue
        if w in _A and i + 1 < len(words):
            j = i + 1
            while j < len(words) and words[j] in ("la", "l", "le", "les"):
                j += 1
            if j < len(words) and words[j] in USES:
                i = j + 1  # "oranges à jus", "bœuf à bourguignon": a use, not an ingredient
                continue
            if j < len(words) and not flavoured and not seasoned and words[j] not in STOP_WORDS:
                y = other[j][2] if j in other else words[j]
                return _Verdict(reason=Message("match.with", product=pid, other=y))
            i = j + other[j][0] if j in other else j + 1
            continue
        if i in other and w not in CUTS and not flavoured and not fresh and other[i][2] != pid:
            # "lait fraise", "pain burger": a second product right after the first one
            return _Verdict(reason=Message("match.together", product=pid, other=other[i][2]))
        if w in FROZEN_WORDS or w in CANNED_WORDS:
            i += 1  # the form: handled after the product is found
            continue
        if w in TRANSFORMING_MEAT and product.category == "meat":
            return _Verdict(reason=Message("match.cooked", word=w, product=pid))
        if w in TRANSFORMING and not flavoured:
            return _Verdict(reason=Message("match.transforming", word=w, product=pid))
        if w in PROCESSED_MARKERS and not flavoured:
            return _Verdict(reason=Message("match.processed", word=w, product=pid))
        i += 1
    # words before the name (other than cuts and prepositions) that make it another food
    for w in words[:start]:
        if w not in CUTS and (w in PROCESSED_MARKERS or w in TRANSFORMING):
            return _Verdict(reason=Message("match.processed", word=w, product=pid))
    outside = words[:start] + words[end:]
    if product.category == "prepared" and any(w in ("cru", "crue", "crus", "crues") for w in outside):
        return _Verdict(reason=Message("match.raw", product=pid))
    fresh_word = next((w for w in words if w in ("frais", "fraiche", "fraiches", "fresh")), None)
    if fresh_word and (pid.endswith(("_canned", "_frozen")) or "appertis" in fold(product.name_fr)):
        if product.form_of is None:
            return _Verdict(reason=Message("match.fresh", word=fresh_word, product=pid))
        pid = product.form_of
    covered = set(range(start, end))
    content = [i for i, w in enumerate(words) if w not in STOP_WORDS]
    score = 98.0 if set(content) <= covered else 90.0
    return _Verdict(pid, score, "name: " + " ".join(words[start:end]))


def _proper_noun(label: str, word: str, folded: str) -> bool:
    """True when ``word`` is written with a capital in a mixed-case label ("du Puy", "d'Agen")."""
    if label.isupper() or label.islower():
        return False
    for token in re.split(r"[\s'’\-]+", label):
        if fold(token) == word:
            return token[:1].isupper()
    return False


def _fuzzy(cleaned: str, content_words: list[str], catalog: Catalog) -> tuple[_Verdict, list[str]]:
    """A typo of a product name ("carrotes"): accepted only when close, short and unambiguous."""
    from rapidfuzz import fuzz

    found = catalog.match_products(cleaned, limit=5)
    suggestions = [m.key for m in found]
    if not found or len(content_words) > FUZZY_MAX_WORDS:
        return _Verdict(reason=Message("match.no_name")), suggestions
    best = found[0]
    runner_up = found[1].score if len(found) > 1 else 0.0
    head_close = fuzz.ratio(content_words[0], best.matched.split()[0]) >= FUZZY_HEAD_RATIO
    score = float(best.score) - FUZZY_PENALTY
    if (
        head_close
        and score >= MATCH_THRESHOLD
        and best.score - runner_up >= FUZZY_MARGIN
        and not any(w in PROCESSED_MARKERS for w in content_words)
    ):
        return _Verdict(best.key, round(score, 1), f"fuzzy: {best.matched}"), suggestions
    # (a weak match only lowers the score: the reason shown is the head word's)
    return _Verdict(score=round(max(0.0, min(score, MATCH_THRESHOLD - 5.0)), 1)), suggestions


def _match_one(
    label: str, catalog: Catalog, names: _ProductNames
) -> tuple[str, float, list[str], str, str, str]:
    """(product_id, score, top-3 suggestions, cleaned label, how, reason) for one label."""
    words = _tokens(label)
    words, brands = _drop_runs(words, names.brands)
    words, _ = _drop_runs(words, list(_NOISE_PHRASES))
    words = [w for i, w in enumerate(words) if i == 0 or w not in _ADJECTIVES]
    form = _label_form(label, words, brands)
    words = _insert_de(words, names)
    cleaned = " ".join(w for w in words if w not in STOP_WORDS)
    content = [i for i, w in enumerate(words) if w not in STOP_WORDS]
    hits = _ngram_hits(words, names)
    suggestions = list(dict.fromkeys(h[2] for h in hits))
    if any(w in NON_FOOD for w in words):
        return "", 0.0, [], cleaned, "", Message("match.not_food")
    singular = fold_plural(" ".join(words)).split()
    for run in names.not_in_catalogue:
        if _contains(singular, run) and (
            not hits or names.get(list(run)) is None
        ):  # the catalogue holds no product by that name
            return (
                "",
                0.0,
                suggestions[:3],
                cleaned,
                "",
                Message("match.not_in_catalogue", name=" ".join(run)),
            )
    if not content:
        fuzzy, more = _fuzzy(" ".join(words), words[:1], catalog) if words else (_Verdict(), [])
        return "", 0.0, more[:3], cleaned, "", Message("match.no_name")
    verdict = _judge_head(words, hits, _head_index(words, content), content[0], label, names)
    if not verdict.pid and not any(h[1] <= content[0] < h[1] + h[0] for h in hits):
        fuzzy, more = _fuzzy(cleaned, [words[i] for i in content], catalog)
        suggestions = list(dict.fromkeys([*suggestions, *more]))
        if fuzzy.pid:
            verdict = fuzzy
        elif fuzzy.score:
            verdict.score = fuzzy.score
    if not verdict.pid:
        if not suggestions:
            suggestions = [m.key for m in catalog.match_products(cleaned, limit=3)]
        score = min(verdict.score, MATCH_THRESHOLD - 5.0)
        return "", score, suggestions[:3], cleaned, verdict.how, verdict.reason
    pid = verdict.pid
    how = verdict.how
    if form is not None:
        sibling = names.form_sibling(pid, form)
        if sibling != pid:
            pid, how = sibling, f"{how} ({form})"
    rest = [s for s in suggestions if s != pid]
    return pid, verdict.score, [pid, *rest][:3], cleaned, how, ""


_PRODUCT_PARAMS = ("product", "food", "other")
"""Parameters of the ``match.*`` reasons that may hold a product id."""


def _named(reason: Message | str, catalog: Catalog) -> Message | str:
    """``reason`` with the product ids it names given their French names too (English output
    keeps the id)."""
    if not isinstance(reason, Message):
        return reason
    products = catalog.data.products

    def name(param: str, value: object) -> object:
        if param in _PRODUCT_PARAMS and isinstance(value, str) and value in products:
            return Named(value, products[value].name_fr)
        return value

    return Message._of(tuple((k, tuple((n, name(n, v)) for n, v in p)) for k, p in reason.parts))


def match_labels(labels: pd.Series | Iterable[str], catalog: Catalog) -> pd.DataFrame:
    """Match distinct free-text labels to product ids.

    Returns one row per distinct label, columns ``label``, ``product_id`` (``""`` when the
    label is refused), ``score`` (0-100), ``suggestions`` (tuple of up to 3 product ids, best
    first; for a refused label these are what to propose), ``cleaned`` (the label as matched),
    ``matched_by`` (the product name or alias that matched) and ``reason`` (why a label was
    refused, in English; ``""`` when matched).
    """
    distinct = _distinct(labels)
    names = _ProductNames(catalog)
    rows = []
    for label in distinct:
        text = "" if label is None or (isinstance(label, float) and label != label) else str(label)
        pid, score, sugg, cleaned, how, reason = _match_one(text, catalog, names)
        rows.append((text, pid, score, tuple(sugg), cleaned, how, _named(reason, catalog)))
    columns = ["label", "product_id", "score", "suggestions", "cleaned", "matched_by", "reason"]
    # built as objects: reasons are messages (str subclasses), which a string dtype (pandas 3
    # infers one, Arrow-backed when pyarrow is installed) would turn into plain English strings
    return pd.DataFrame(rows, columns=columns, dtype=object).astype({"score": float})


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
        return "", "", "", "", Message("match.fishing_area", area=area)
    proxy = catalog.data.places.get(FAO_AREAS[area][0])
    if proxy is None:
        return "", "", "", "", Message("match.fishing_area", area=area)
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
                return "", "", "", flag, Message("match.proxy_missing", proxy=proxy, origin=repr(text))
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
            return "", "", "", "", Message("match.several_countries", codes=codes)
        if found:
            rank = {"city": 0, "department": 1, "region": 2, "territory": 3, "country": 4}
            place = min(found, key=lambda pl: rank.get(pl.kind, 5))
    if place is None:
        close = catalog.suggest_place_codes(text, limit=3)
        quoted = repr(text.strip())
        if close:
            places = [catalog.data.places[c] for c in close]
            closest = Named(
                "; ".join(f"{p.code} ({p.name_fr} / {p.name_en})" for p in places),
                "; ".join(f"{p.code} ({p.name_fr})" for p in places),
            )
            return "", "", "", "", Message("match.origin.closest", origin=quoted, closest=closest)
        return "", "", "", "", Message("match.origin", origin=quoted)
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
        raise InputError(Message("err.default_origin", value=repr(default)), hint=hint) from None
    distinct = _distinct(texts)
    rows = []
    for t in distinct:
        text = "" if t is None or (isinstance(t, float) and t != t) else str(t)
        rows.append((text, *_resolve_origin(text, catalog, default_place)))
    columns = ["origin_text", "place_code", "country", "scope", "flag", "reason"]
    return pd.DataFrame(rows, columns=columns, dtype=object)  # reasons are messages: see match_labels
