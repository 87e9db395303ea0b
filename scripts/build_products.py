#!/usr/bin/env python3
"""Build the product side of the shipped dataset from the public reference files.

Writes ``data/products.csv``, ``data/production_variants.csv``, ``data/seasons.csv`` and
``data/routes.csv``. Run it from anywhere::

    python scripts/build_products.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ``$FOOTPRINT_REFERENCE`` or ``../shared/reference`` relative to
the repository. The output is deterministic (rows sorted, floats with 4 significant digits).

Method (also in docs/data-products.md)
-------------------------------------
* **Stages.** For each product the curated list below names one AGRIBALYSE 3.2 code (the
  raw, as-bought product). From ``agribalyse-31-detail-par-etape.csv`` (``Code AGB`` with
  leading zeros stripped) the climate-change columns give:
  production = ``Changement climatique - Agriculture``, processing = ``- Transformation``,
  packaging = ``- Emballage``, retail = ``- Supermarché et distribution``.
  The ``Transport`` stage is *not* used (footprint models transport per origin itself) and
  ``Consommation`` (home storage and cooking) is excluded.
* **Uncertainty.** From the product's ``DQR - Global`` (1 best ... 5 worst):
  ``k = 1 + 0.15 * DQR``; ``low = central / k``; ``high = central * k``; zero stays zero.
  Variants from sources without a DQR use the DQR of the product's AGRIBALYSE code when the
  source is AGRIBALYSE-based, and a fixed ``k = 1.5`` for Poore & Nemecek global means.
* **Prices** (EUR per kg, central and range), in this order of preference:
  1. INSEE BDM 2026-08 (``insee-prix/prix-insee.json``; per-piece series divided by the
     curated piece mass, flagged ``price_estimated`` because the mass is assumed);
  2. Familles Rurales price observatory, June 2026 (NOTES-figures.md section 7, second-hand),
     conventional price as central;
  3. INSEE IPC-PM monthly extract 2021-04..2022-03, latest non-empty month;
  4. a curated estimate (``footprint-prices-2026``), ``price_estimated`` and proxy, range
     x0.7 .. x1.4.
  Range: min/max over the sources that quote the product (INSEE 2026, Familles Rurales
  conventional and organic); if only one figure, +-15 %. A 2022-only price is brought to the
  latest INSEE period by the median 2026/2022 ratio over the INSEE series present in both files
  (computed below); its range runs from the nominal 2022 value (no rise since then) to the value
  times the 90th percentile of those ratios.
"""

from __future__ import annotations

import csv
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"

CC = "Changement climatique - "
STAGES = {
    "production": CC + "Agriculture",
    "processing": CC + "Transformation",
    "packaging": CC + "Emballage",
    "retail": CC + "Supermarché et distribution",
}
TRANSPORT = CC + "Transport"  # used as published for AGRIBALYSE averages only
DQR_SLOPE = 0.15  # k = 1 + 0.15 * DQR
PN_K = 1.5  # range factor for Poore & Nemecek global means (no spread in the OWID file)
ESTIMATE_LOW, ESTIMATE_HIGH = 0.7, 1.4
SINGLE_SOURCE_SPREAD = 0.15


# ---------------------------------------------------------------- curated product list


@dataclass(frozen=True)
class P:
    id: str
    fr: str
    en: str
    aliases: str
    cat: str
    fam: str
    agb: str
    cold: str = "chilled"
    piece_kg: float | None = None
    storable: int = 0
    insee26: str | None = None  # ingredientId in prix-insee.json
    insee22: str | None = None  # column of the IPC-PM extract
    fr_survey: str | None = None  # product label in the Familles Rurales table
    estimate: tuple[float, str] | None = None  # (EUR/kg, basis)
    agb_note: str | None = None


F, V, PU, CE, DA, EG, ME, FI, OI, SU, BE = (
    "fruit",
    "vegetable",
    "pulse",
    "cereal",
    "dairy",
    "egg",
    "meat",
    "fish",
    "oil",
    "sugar",
    "beverage",
)
FL, VV, CH, MER, LAI, BOU, BOI, AUT = (
    "FRUITS_ET_LEGUMES",
    "VIANDES_VOLAILLES",
    "CHARCUTERIE",
    "PRODUITS_DE_LA_MER",
    "PRODUITS_LAITIERS",
    "BOULANGERIE",
    "BOISSONS",
    "AUTRES",
)
SHELF = "footprint estimate of the usual French supermarket shelf price in 2026 (no INSEE series in the reference files)"

PRODUCTS: list[P] = [
    # ---- fruit
    P(
        "apple",
        "pomme",
        "apple",
        "pommes|apples|pomme golden|pomme gala",
        F,
        FL,
        "13039",
        piece_kg=0.15,
        storable=10,
        insee26="pomme",
        insee22="Pommes (1 kg)",
        fr_survey="Pomme Golden/Gala",
    ),
    P(
        "pear",
        "poire",
        "pear",
        "poires|pears",
        F,
        FL,
        "13037",
        piece_kg=0.18,
        storable=6,
        insee22="Poires, sans les autres poires (1 kg)",
    ),
    P("orange", "orange", "orange", "oranges", F, FL, "13034", piece_kg=0.2, insee22="Oranges (1 kg)"),
    P(
        "lemon",
        "citron",
        "lemon",
        "citrons|lemons|citron jaune",
        F,
        FL,
        "13009",
        piece_kg=0.12,
        insee26="citron",
        insee22="Citrons (1 kg)",
    ),
    P(
        "clementine",
        "clémentine",
        "clementine",
        "clémentines|clementines|mandarine|mandarines|tangerine",
        F,
        FL,
        "13024_2",
        piece_kg=0.07,
        insee26="clementine",
        insee22="Clémentines (1 kg)",
    ),
    P(
        "grapefruit",
        "pamplemousse",
        "grapefruit",
        "pamplemousses|pomelo|pomélo|grapefruits",
        F,
        FL,
        "13040",
        piece_kg=0.4,
        insee22="Pamplemousses roses (pièce)",
    ),
    P(
        "banana",
        "banane",
        "banana",
        "bananes|bananas",
        F,
        FL,
        "13005",
        piece_kg=0.18,
        insee26="banane",
        insee22="Bananes (1 kg)",
        fr_survey="Banane",
    ),
    P(
        "pineapple",
        "ananas",
        "pineapple",
        "pineapples",
        F,
        FL,
        "13002",
        piece_kg=1.2,
        estimate=(2.5, SHELF + "; about 3 EUR per 1.2 kg fruit"),
    ),
    P(
        "mango",
        "mangue",
        "mango",
        "mangues|mangoes",
        F,
        FL,
        "13025_1",
        piece_kg=0.4,
        estimate=(4.0, SHELF + "; sea-freighted mango about 1.6 EUR per 0.4 kg fruit"),
        agb_note="sea-freighted mango; 13025_2 (by air) has the same Agriculture stage, only Transport differs",
    ),
    P(
        "avocado",
        "avocat",
        "avocado",
        "avocats|avocados|avocat hass",
        F,
        FL,
        "13004",
        piece_kg=0.2,
        insee26="avocat",
        insee22="Avocat (pièce)",
    ),
    P(
        "kiwi",
        "kiwi",
        "kiwi",
        "kiwis|kiwifruit|kiwi fruit",
        F,
        FL,
        "13021",
        piece_kg=0.1,
        storable=6,
        insee22="Kiwi (pièce)",
    ),
    P(
        "strawberry",
        "fraise",
        "strawberry",
        "fraises|strawberries",
        F,
        FL,
        "13014_2",
        fr_survey="Fraise",
        agb_note="in-season French strawberry",
    ),
    P(
        "grapes",
        "raisin",
        "grapes",
        "raisins|grape|raisin blanc|raisin noir|table grapes",
        F,
        FL,
        "13112",
        estimate=(4.0, SHELF),
    ),
    P(
        "peach",
        "pêche",
        "peach",
        "pêches|peches|peaches",
        F,
        FL,
        "13043",
        piece_kg=0.15,
        estimate=(
            3.5,
            SHELF + "; INSEE series 'Pêches, brugnons, nectarines' is empty in the 2021-22 extract",
        ),
    ),
    P(
        "nectarine",
        "nectarine",
        "nectarine",
        "nectarines|brugnon|brugnons",
        F,
        FL,
        "13030",
        piece_kg=0.15,
        estimate=(
            3.5,
            SHELF + "; INSEE series 'Pêches, brugnons, nectarines' is empty in the 2021-22 extract",
        ),
    ),
    P("cherry", "cerise", "cherry", "cerises|cherries", F, FL, "13008", estimate=(9.0, SHELF)),
    P(
        "apricot",
        "abricot",
        "apricot",
        "abricots|apricots",
        F,
        FL,
        "13000",
        piece_kg=0.05,
        estimate=(4.5, SHELF),
    ),
    P("plum", "prune", "plum", "prunes|plums|reine-claude|mirabelle", F, FL, "13100", estimate=(3.5, SHELF)),
    P(
        "melon",
        "melon",
        "melon",
        "melons|melon charentais|cantaloup|cantaloupe",
        F,
        FL,
        "13026",
        piece_kg=1.0,
        estimate=(3.0, SHELF + "; about 3 EUR per 1 kg melon"),
    ),
    P(
        "watermelon",
        "pastèque",
        "watermelon",
        "pastèques|pasteque|watermelons",
        F,
        FL,
        "13036",
        piece_kg=4.0,
        estimate=(1.8, SHELF),
    ),
    # ---- vegetables
    P(
        "tomato",
        "tomate",
        "tomato",
        "tomates|tomatoes|tomate grappe|tomate ronde|tomate coeur de boeuf|tomates coeur de boeuf|tomate cerise|tomates cerises",
        V,
        FL,
        "20047_2",
        piece_kg=0.1,
        insee26="tomate",
        insee22="Tomates (1 kg)",
        fr_survey="Tomate grappe",
        agb_note="in-season (unheated) French tomato; the heated off-season tomato 20047_3 is a production variant",
    ),
    P(
        "cucumber",
        "concombre",
        "cucumber",
        "concombres|cucumbers",
        V,
        FL,
        "20019",
        piece_kg=0.35,
        fr_survey="Concombre",
    ),
    P(
        "courgette",
        "courgette",
        "courgette",
        "courgettes|zucchini|zucchinis",
        V,
        FL,
        "20020",
        piece_kg=0.25,
        insee26="courgette",
        insee22="Courgettes (1 kg)",
        fr_survey="Courgette",
    ),
    P(
        "green_beans",
        "haricots verts",
        "green beans",
        "haricot vert|haricots vert|french beans|french bean|green bean|string beans",
        V,
        FL,
        "20061_1",
        insee26="haricots_verts_frais",
        insee22="Haricots verts (1 kg)",
        fr_survey="Haricots verts",
        agb_note="20061_2 (Kenya by air) has the same Agriculture stage; only Transport differs",
    ),
    P(
        "garden_peas",
        "petits pois",
        "garden peas",
        "petit pois|petits-pois|petit-pois|garden pea|green peas|green pea",
        V,
        FL,
        "20072",
        estimate=(3.0, SHELF + "; frozen garden peas about 2.5-3.5 EUR per 1 kg bag"),
        agb_note="20084 (frozen, raw) is the same peas frozen: canteens buy them frozen, the "
        "freezing itself is flagged as not counted",
    ),
    P(
        "carrot",
        "carotte",
        "carrot",
        "carottes|carrots",
        V,
        FL,
        "20009",
        storable=6,
        insee26="carotte",
        insee22="Carottes (1 kg)",
        fr_survey="Carotte",
    ),
    P(
        "potato",
        "pomme de terre",
        "potato",
        "pommes de terre|potatoes|patate|patates|pdt",
        V,
        FL,
        "4008",
        storable=8,
        insee26="pomme_de_terre",
        insee22="Pommes de terre de conservation (1 kg)",
        fr_survey="Pomme de terre vapeur",
        agb_note="raw peeled potato; AGRIBALYSE has no unpeeled raw ware potato",
        cold="ambient",
    ),
    P(
        "onion",
        "oignon",
        "onion",
        "oignons|onions|oignon jaune",
        V,
        FL,
        "20034",
        storable=8,
        insee26="oignon",
        insee22="Oignons (1 kg)",
        fr_survey="Oignon",
        cold="ambient",
    ),
    P(
        "leek",
        "poireau",
        "leek",
        "poireaux|leeks",
        V,
        FL,
        "20039",
        insee26="poireau",
        insee22="Poireaux (1 kg)",
    ),
    P(
        "lettuce",
        "laitue",
        "lettuce",
        "laitues|salade|salade verte|lettuces|batavia|mesclun|feuille de chêne|laitue romaine|romaine|iceberg",
        V,
        FL,
        "20031",
        piece_kg=0.35,
        fr_survey="Laitue",
    ),
    P(
        "cabbage",
        "chou",
        "cabbage",
        "choux|chou vert|chou blanc|cabbages|green cabbage",
        V,
        FL,
        "20069",
        piece_kg=1.2,
        storable=5,
        estimate=(1.8, SHELF),
    ),
    P(
        "cauliflower",
        "chou-fleur",
        "cauliflower",
        "choux-fleurs|chou fleur|cauliflowers",
        V,
        FL,
        "20016",
        piece_kg=1.0,
        insee26="chou_fleur",
        insee22="Chou-fleur (pièce)",
    ),
    P(
        "broccoli",
        "brocoli",
        "broccoli",
        "brocolis|brocolli",
        V,
        FL,
        "20057",
        piece_kg=0.4,
        estimate=(3.5, SHELF),
    ),
    P(
        "asparagus",
        "asperge",
        "asparagus",
        "asperges|asperge verte|asperge blanche",
        V,
        FL,
        "20279",
        estimate=(9.0, SHELF + "; French in-season price, imported out of season"),
    ),
    P(
        "pepper",
        "poivron",
        "pepper",
        "poivrons|bell pepper|bell peppers|sweet pepper|peppers",
        V,
        FL,
        "20041",
        piece_kg=0.18,
        insee26="poivron",
        insee22="Poivrons (1 kg)",
    ),
    P(
        "aubergine",
        "aubergine",
        "aubergine",
        "aubergines|eggplant|eggplants",
        V,
        FL,
        "20053",
        piece_kg=0.3,
        estimate=(3.0, SHELF),
    ),
    P(
        "spinach",
        "épinard",
        "spinach",
        "épinards|epinards|pousses d'épinard",
        V,
        FL,
        "20059",
        estimate=(5.0, SHELF),
    ),
    P(
        "endive",
        "endive",
        "endive",
        "endives|chicon|chicons|chicory|belgian endive",
        V,
        FL,
        "20026",
        insee26="endive",
        insee22="Endives (1 kg)",
    ),
    P(
        "pumpkin",
        "potiron",
        "pumpkin",
        "potirons|citrouille|courge|courges|butternut|potimarron|potimarrons|squash|pumpkins",
        V,
        FL,
        "20044",
        piece_kg=2.0,
        storable=4,
        estimate=(2.0, SHELF),
        cold="ambient",
    ),
    P(
        "beetroot",
        "betterave",
        "beetroot",
        "betteraves|betterave rouge|beet|beets|beetroots",
        V,
        FL,
        "20091",
        storable=5,
        estimate=(2.5, SHELF + "; raw beetroot"),
    ),
    P(
        "celeriac",
        "céleri-rave",
        "celeriac",
        "céleri rave|celeri|céleri|celery root",
        V,
        FL,
        "20055",
        piece_kg=0.8,
        storable=5,
        estimate=(2.5, SHELF),
    ),
    P("turnip", "navet", "turnip", "navets|turnips", V, FL, "20064", storable=4, estimate=(2.5, SHELF)),
    P(
        "garlic",
        "ail",
        "garlic",
        "gousse d'ail|tête d'ail|garlic bulb",
        V,
        FL,
        "11000",
        storable=8,
        estimate=(9.0, SHELF),
        cold="ambient",
    ),
    P(
        "shallot",
        "échalote",
        "shallot",
        "échalotes|echalotes|shallots",
        V,
        FL,
        "20097",
        storable=8,
        estimate=(5.0, SHELF),
        cold="ambient",
    ),
    P(
        "artichoke",
        "artichaut",
        "artichoke",
        "artichauts|artichokes",
        V,
        FL,
        "20052",
        piece_kg=0.35,
        insee22="Artichauts (pièce)",
    ),
    P(
        "fennel",
        "fenouil",
        "fennel",
        "fenouils|fennel bulb",
        V,
        FL,
        "20028",
        piece_kg=0.3,
        estimate=(3.5, SHELF),
    ),
    P(
        "lambs_lettuce",
        "mâche",
        "lamb's lettuce",
        "mache|doucette|corn salad|lambs lettuce",
        V,
        FL,
        "20099",
        estimate=(10.0, SHELF + "; sold in 150 g bags"),
    ),
    P(
        "brussels_sprouts",
        "chou de Bruxelles",
        "Brussels sprouts",
        "choux de Bruxelles|brussels sprout",
        V,
        FL,
        "20058",
        storable=0,
        estimate=(4.0, SHELF),
    ),
    P(
        "radish",
        "radis",
        "radish",
        "radis rose|radishes",
        V,
        FL,
        "20045",
        estimate=(4.0, SHELF + "; a 250 g bunch about 1 EUR"),
    ),
    # ---- pulses (dried)
    P(
        "lentils",
        "lentilles",
        "lentils",
        "lentille|lentille verte|lentilles vertes|lentille corail|lentil",
        PU,
        AUT,
        "20504",
        cold="ambient",
        estimate=(3.5, SHELF + "; dried"),
    ),
    P(
        "chickpeas",
        "pois chiches",
        "chickpeas",
        "pois chiche|chickpea|garbanzo|garbanzos",
        PU,
        AUT,
        "20516",
        cold="ambient",
        estimate=(3.5, SHELF + "; dried"),
    ),
    P(
        "dried_beans",
        "haricots secs",
        "dried beans",
        "haricots blancs|haricot blanc|haricot sec|white beans|navy beans|lingots",
        PU,
        AUT,
        "20501",
        cold="ambient",
        estimate=(4.0, SHELF + "; dried"),
    ),
    P(
        "split_peas",
        "pois cassés",
        "split peas",
        "pois cassé|pois casses|split pea",
        PU,
        AUT,
        "20515",
        cold="ambient",
        estimate=(2.8, SHELF + "; dried"),
    ),
    P("tofu", "tofu", "tofu", "tofu nature|bean curd", PU, AUT, "20904", estimate=(9.0, SHELF)),
    # ---- cereals and staples
    P(
        "rice",
        "riz",
        "rice",
        "riz blanc|white rice|riz long",
        CE,
        AUT,
        "9100",
        cold="ambient",
        estimate=(2.5, SHELF + "; raw"),
    ),
    P(
        "pasta",
        "pâtes",
        "pasta",
        "pates|pâtes sèches|spaghetti|macaroni|coquillettes|penne",
        CE,
        AUT,
        "9810",
        cold="ambient",
        estimate=(1.8, SHELF + "; dry pasta about 0.9 EUR per 500 g"),
    ),
    P(
        "wheat_flour",
        "farine de blé",
        "wheat flour",
        "farine|flour|farine t55|farine t45",
        CE,
        AUT,
        "9436",
        cold="ambient",
        estimate=(1.1, SHELF),
    ),
    P(
        "baguette",
        "baguette",
        "baguette",
        "pain|pain baguette|bread|french bread|baguettes",
        CE,
        BOU,
        "7001",
        cold="ambient",
        piece_kg=0.25,
        insee26="baguette",
        insee22="Pain baguette (1 kg)",
    ),
    P(
        "semolina",
        "semoule de blé dur",
        "durum wheat semolina",
        "semoule|couscous|semolina",
        CE,
        AUT,
        "9610",
        cold="ambient",
        estimate=(2.0, SHELF),
    ),
    P(
        "oat_flakes",
        "flocons d'avoine",
        "oat flakes",
        "flocons avoine|rolled oats|oats|porridge oats|avoine",
        CE,
        AUT,
        "9311",
        cold="ambient",
        estimate=(3.0, SHELF),
    ),
    # ---- dairy and eggs
    P(
        "milk",
        "lait",
        "milk",
        "lait demi-écrémé|lait demi ecreme|semi-skimmed milk|lait UHT",
        DA,
        LAI,
        "19041",
        estimate=(1.1, SHELF + "; about 1.05 EUR per litre UHT semi-skimmed, 1 L ~ 1.03 kg"),
    ),
    P(
        "yoghurt",
        "yaourt",
        "yoghurt",
        "yaourts|yogourt|yogurt|yaourt nature|yoghurts|yogurts",
        DA,
        LAI,
        "19593",
        estimate=(2.5, SHELF + "; plain yoghurt"),
    ),
    P(
        "butter",
        "beurre",
        "butter",
        "beurre doux|beurre demi-sel|beurre 82%",
        DA,
        LAI,
        "16400",
        estimate=(10.0, SHELF + "; 250 g about 2.5 EUR"),
    ),
    P(
        "cream",
        "crème fraîche",
        "cream",
        "crème|creme fraiche|crème épaisse|fresh cream|crème liquide",
        DA,
        LAI,
        "19410",
        estimate=(5.0, SHELF + "; 30 % fat"),
    ),
    P(
        "emmental",
        "emmental",
        "emmental",
        "emmenthal|gruyère râpé|fromage râpé|swiss cheese",
        DA,
        LAI,
        "12115",
        estimate=(11.0, SHELF),
    ),
    P(
        "camembert",
        "camembert",
        "camembert",
        "camemberts",
        DA,
        LAI,
        "12001",
        piece_kg=0.25,
        estimate=(10.0, SHELF + "; 250 g about 2.5 EUR"),
    ),
    P("comte", "comté", "comté", "comte|comte cheese|comté AOP", DA, LAI, "12110", estimate=(20.0, SHELF)),
    P(
        "goat_cheese",
        "fromage de chèvre",
        "goat cheese",
        "chèvre|chevre|bûche de chèvre|goat's cheese|buchette",
        DA,
        LAI,
        "12812",
        estimate=(17.0, SHELF),
    ),
    P(
        "fromage_blanc",
        "fromage blanc",
        "fromage blanc",
        "fromage frais|faisselle|quark|petit suisse",
        DA,
        LAI,
        "19646",
        estimate=(3.0, SHELF),
    ),
    P(
        "egg",
        "œuf",
        "egg",
        "oeuf|oeufs|œufs|eggs|œuf de poule",
        EG,
        LAI,
        "22000",
        piece_kg=0.06,
        estimate=(5.0, SHELF + "; about 0.30 EUR per 60 g egg"),
    ),
    # ---- meat
    P(
        "beef",
        "bœuf",
        "beef",
        "boeuf|viande de boeuf|steak|bifteck|rumsteck|beef steak|entrecôte",
        ME,
        VV,
        "6201",
        insee22="Boeuf : rumsteack (1 kg)",
    ),
    P(
        "minced_beef",
        "steak haché",
        "minced beef",
        "steak hache|steaks hachés|steak haché de boeuf|steak haché pur boeuf|boeuf haché|bœuf haché|viande hachée|ground beef|burger",
        ME,
        VV,
        "6254",
        estimate=(14.0, SHELF + "; INSEE 'Steaks hachés industriels' stopped before 2021"),
    ),
    P(
        "veal",
        "veau",
        "veal",
        "escalope de veau|viande de veau|sauté de veau|veau pour blanquette",
        ME,
        VV,
        "6521",
        insee22="Veau : escalope (1 kg)",
    ),
    P(
        "lamb",
        "agneau",
        "lamb",
        "gigot|gigot d'agneau|côtelette d'agneau|mouton|mutton",
        ME,
        VV,
        "21502",
        estimate=(22.0, SHELF + "; INSEE lamb series (gigot, côtes) stopped before 2021"),
    ),
    P(
        "pork",
        "porc",
        "pork",
        "rôti de porc|viande de porc|côte de porc|échine|filet de porc",
        ME,
        VV,
        "28300",
        insee26="porc_filet",
        insee22="Porc : rôti dans le filet (1 kg)",
    ),
    P(
        "ham",
        "jambon",
        "ham",
        "jambon blanc|jambon cuit|jambon de Paris|cooked ham",
        ME,
        CH,
        "28900",
        insee26="jambon_blanc",
        insee22="Jambon supérieur (1 kg)",
    ),
    P(
        "sausage",
        "saucisse",
        "sausage",
        "saucisses|saucisse de Toulouse|chipolata|sausages",
        ME,
        CH,
        "30110",
        estimate=(10.0, SHELF),
    ),
    P(
        "chicken",
        "poulet",
        "chicken",
        "poulets|poulet entier|volaille|whole chicken|chickens",
        ME,
        VV,
        "36020",
        estimate=(
            7.0,
            SHELF + "; whole standard chicken; INSEE 'Poulet industriel sans label' stopped before 2021",
        ),
    ),
    P(
        "chicken_breast",
        "filet de poulet",
        "chicken breast",
        "blanc de poulet|escalope de poulet|chicken fillet|filets de poulet",
        ME,
        VV,
        "36017",
        estimate=(13.0, SHELF),
    ),
    P(
        "turkey",
        "dinde",
        "turkey",
        "escalope de dinde|dindonneau|turkey breast",
        ME,
        VV,
        "36304",
        estimate=(12.0, SHELF),
    ),
    P(
        "duck",
        "canard",
        "duck",
        "magret|magret de canard|duck breast",
        ME,
        VV,
        "36206",
        estimate=(22.0, SHELF + "; duck breast"),
    ),
    P("rabbit", "lapin", "rabbit", "lapins|viande de lapin", ME, VV, "34001", insee22="Lapin entier (1 kg)"),
    # ---- fish and seafood
    P(
        "salmon",
        "saumon",
        "salmon",
        "saumons|pavé de saumon|filet de saumon|saumon d'élevage",
        FI,
        MER,
        "26036",
        estimate=(25.0, SHELF + "; INSEE 'Saumon d'élevage' empty in the 2021-22 extract"),
    ),
    P(
        "cod",
        "cabillaud",
        "cod",
        "morue fraîche|dos de cabillaud|filet de cabillaud|codfish",
        FI,
        MER,
        "26043",
        estimate=(24.0, SHELF + "; INSEE cod series empty in the 2021-22 extract"),
    ),
    P(
        "tuna",
        "thon",
        "tuna",
        "thon frais|thon albacore|steak de thon|yellowfin",
        FI,
        MER,
        "26053",
        estimate=(28.0, SHELF),
    ),
    P(
        "canned_tuna",
        "thon en conserve",
        "canned tuna",
        "thon au naturel|thon en boîte|tinned tuna|thon boite",
        FI,
        MER,
        "26181",
        cold="ambient",
        estimate=(15.0, SHELF + "; INSEE 'Thon au naturel en boite' empty in the 2021-22 extract"),
    ),
    P(
        "hake",
        "merlu",
        "hake",
        "merlus|colin|merluchon|filet de merlu",
        FI,
        MER,
        "26044",
        estimate=(16.0, SHELF),
    ),
    P(
        "pollock",
        "lieu noir",
        "pollock",
        "lieu|colin lieu|saithe|coley|colin d'Alaska|colin Alaska|alaska pollock",
        FI,
        MER,
        "26134",
        estimate=(15.0, SHELF),
    ),
    P(
        "whiting",
        "merlan",
        "whiting",
        "merlans|filet de merlan|whiting fillet",
        FI,
        MER,
        "26095",
        insee26="merlan",
        insee22="Filet de merlan (1 kg)",
        agb_note="raw whiting; INSEE price is for fillets",
    ),
    P(
        "shrimp",
        "crevette",
        "shrimp",
        "crevettes|gambas|prawns|prawn|shrimps|crevettes roses",
        FI,
        MER,
        "10038",
        cold="frozen",
        insee22="Crevettes roses tropicales (1 kg)",
    ),
    P(
        "mussels",
        "moules",
        "mussels",
        "moule|moules de bouchot|mussel",
        FI,
        MER,
        "10014",
        insee26="moules",
        insee22="Moules de bouchots (1 kg)",
    ),
    P(
        "sardines_canned",
        "sardines en conserve",
        "canned sardines",
        "sardines à l'huile|sardines|sardine|tinned sardines",
        FI,
        MER,
        "26040",
        cold="ambient",
        estimate=(14.0, SHELF + "; about 1.9 EUR per 135 g can"),
    ),
    # ---- oils, sugar, others
    P(
        "sunflower_oil",
        "huile de tournesol",
        "sunflower oil",
        "huile tournesol|sunflower",
        OI,
        AUT,
        "17440",
        cold="ambient",
        estimate=(2.3, SHELF + "; 1 L ~ 0.92 kg"),
    ),
    P(
        "olive_oil",
        "huile d'olive",
        "olive oil",
        "huile olive|huile d'olive vierge extra|extra virgin olive oil",
        OI,
        AUT,
        "17270",
        cold="ambient",
        estimate=(10.0, SHELF),
    ),
    P(
        "rapeseed_oil",
        "huile de colza",
        "rapeseed oil",
        "huile colza|canola oil|colza",
        OI,
        AUT,
        "17130",
        cold="ambient",
        estimate=(2.8, SHELF),
    ),
    P(
        "sugar",
        "sucre",
        "sugar",
        "sucre blanc|sucre en poudre|sucre en morceaux|sucre glace|sucre semoule|white sugar",
        SU,
        AUT,
        "31016",
        cold="ambient",
        estimate=(1.3, SHELF),
    ),
    P("honey", "miel", "honey", "miels", SU, AUT, "31008", cold="ambient", estimate=(12.0, SHELF)),
    P(
        "jam",
        "confiture",
        "jam",
        "confitures|confiture de fraise|strawberry jam|marmalade",
        SU,
        AUT,
        "31024",
        cold="ambient",
        estimate=(5.0, SHELF),
        agb_note="strawberry jam stands for jam in general",
    ),
    P(
        "dark_chocolate",
        "chocolat noir",
        "dark chocolate",
        "chocolat|chocolate|tablette de chocolat",
        SU,
        AUT,
        "31005",
        cold="ambient",
        estimate=(12.0, SHELF),
    ),
    P(
        "milk_chocolate",
        "chocolat au lait",
        "milk chocolate",
        "chocolat lait",
        SU,
        AUT,
        "31004",
        cold="ambient",
        estimate=(10.0, SHELF),
    ),
    P(
        "cocoa_powder",
        "cacao en poudre",
        "cocoa powder",
        "cacao|poudre de cacao|cocoa",
        SU,
        AUT,
        "18100",
        cold="ambient",
        estimate=(10.0, SHELF + "; unsweetened cocoa powder"),
    ),
    P(
        "coffee",
        "café moulu",
        "ground coffee",
        "café|cafe|coffee|café en grains|coffee beans",
        BE,
        BOI,
        "18003",
        cold="ambient",
        estimate=(14.0, SHELF + "; INSEE ground-coffee series empty in the 2021-22 extract"),
    ),
    P(
        "orange_juice",
        "jus d'orange",
        "orange juice",
        "jus orange|orange juice from concentrate|OJ",
        BE,
        BOI,
        "2012",
        cold="ambient",
        estimate=(1.8, SHELF + "; from concentrate, 1 L ~ 1.04 kg"),
    ),
]

# Storable months and their basis (documented in docs/data-products.md).
STORABLE_BASIS = {
    "apple": "Milà i Canals et al. 2007 (storage periods of 4-10 months); Büchele et al. 2024 (up to a year at 0-3 °C)",
    "potato": "Arvalis via NOTES-figures §1.3 (ware potatoes stored weeks to months; 6-8 month seasons) [S]",
    "pear": "FNP Fruits 2023 (apples and pears stored in the same cold stores); 6 months is an estimate",
}


# ---------------------------------------------------------------- variants, seasons, routes

# Origin-specific or system-specific production factors (beyond the product's French base).
# ("ecobalyse", id) reads the Ecobalyse 2024-01 process (AGRIBALYSE 3.1.1 farm-gate value;
# only processes whose system_description is AGRIBALYSE, never ecoinvent/WFLDB-derived).
VARIANTS = [
    # product, system, origin, kind, key, note
    (
        "tomato",
        "heated_greenhouse",
        "FR",
        "agb",
        "20047_3",
        "off-season French tomato from a heated greenhouse; CTIFL PERTOMCO gives 1.294 (greenhouse to platform), within the range",
    ),
    (
        "tomato",
        "unheated_greenhouse",
        "FR",
        "agb",
        "20047_2",
        "in-season French tomato (unheated shelter or field)",
    ),
    (
        "tomato",
        "organic",
        "FR",
        "ecobalyse",
        "tomato-organic-greenhouse",
        "organic unheated greenhouse, farm gate",
    ),
    (
        "strawberry",
        "heated_greenhouse",
        "FR",
        "ecobalyse",
        "strawberry-off-season",
        "soilless protected crop, heated (AGRIBALYSE 3.1.1 process); Carbone 4 (2013) gives 7x an unheated shelter",
    ),
    (
        "strawberry",
        "open_field",
        "ES",
        "ecobalyse",
        "strawberry",
        "Spanish open-field strawberry (Huelva), farm gate",
    ),
    ("strawberry", "unheated_greenhouse", "FR", "agb", "13014_2", "in-season French strawberry"),
    (
        "tomato",
        "heated_greenhouse",
        "*",
        "agb",
        "20047_3",
        "heated greenhouse tomato of another origin (Netherlands, Belgium): the French heated value stands in; "
        "Theurl et al. 2014 give 1.397 at a Vienna shelf for an Austrian heated Venlo glasshouse",
    ),
    (
        "cucumber",
        "heated_greenhouse",
        "*",
        "ctifl",
        "1.54",
        "heated greenhouse cucumber of another origin (Netherlands, Belgium): the French CTIFL value stands in",
    ),
    (
        "cucumber",
        "heated_greenhouse",
        "FR",
        "ctifl",
        "1.54",
        "CTIFL PERTOMCO: heated French cucumber, greenhouse to distribution platform (production ~91 % of it)",
    ),
    (
        "clementine",
        "conventional",
        "MA",
        "ecobalyse",
        "clementine",
        "export-quality clementine, Souss (Morocco), at orchard",
    ),
    (
        "mango",
        "conventional",
        "BR",
        "ecobalyse",
        "mango",
        "mango, Vale do São Francisco (Brazil), at orchard",
    ),
    (
        "courgette",
        "organic",
        "FR",
        "ecobalyse",
        "zucchini-organic",
        "organic spring courgette under tunnel, farm gate",
    ),
    ("carrot", "organic", "FR", "ecobalyse", "carrot-organic", "organic carrot, Lower Normandy, farm gate"),
    ("peach", "organic", "FR", "ecobalyse", "peach-organic", "organic peach, national average, at orchard"),
    ("melon", "organic", "FR", "ecobalyse", "melon-organic", "organic melon, farm gate"),
    (
        "beef",
        "land_use_change",
        "BR",
        "pn",
        "Beef (beef herd)",
        "global beef-herd mean with land-use change (Farm + Animal feed + Land use change), standing in for deforestation-linked Brazilian beef",
    ),
    (
        "beef",
        "land_use_change",
        "AR",
        "pn",
        "Beef (beef herd)",
        "global beef-herd mean with land-use change (Farm + Animal feed + Land use change), standing in for Argentine beef",
    ),
    (
        "minced_beef",
        "land_use_change",
        "BR",
        "pn",
        "Beef (beef herd)",
        "global beef-herd mean with land-use change (Farm + Animal feed + Land use change)",
    ),
]

COMPILED = "footprint-seasons-2026"
# Harvest or export months by origin (1..12, `|`-separated ranges, wrap-around allowed).
ORIGIN_SEASONS = [
    ("apple", "S", "2-5", "southern-hemisphere apple harvest (AR, CL, NZ, ZA) February-May"),
    ("apple", "IT", "8-11", "Italian apple harvest (Trentino-South Tyrol) August-November"),
    ("pear", "S", "1-4", "southern-hemisphere pear harvest (AR, CL, ZA) January-April"),
    ("kiwi", "NZ", "4-6", "New Zealand kiwifruit harvest April-June"),
    ("kiwi", "IT", "10-11", "Italian kiwifruit harvest October-November"),
    ("orange", "ES", "11-5", "Spanish orange campaign November-May"),
    ("orange", "MA", "11-5", "Moroccan orange campaign November-May"),
    ("orange", "ZA", "6-10", "South African citrus export season June-October"),
    ("clementine", "ES", "10-2", "Spanish clementine campaign October-February"),
    ("clementine", "MA", "10-2", "Moroccan clementine campaign October-February"),
    ("clementine", "ZA", "4-8", "South African soft-citrus season April-August"),
    ("lemon", "ES", "10-7", "Spanish lemons (Fino October-March, Verna February-July)"),
    ("lemon", "ZA", "4-10", "South African lemon season April-October"),
    ("banana", "N", "1-12", "tropical banana, harvested all year"),
    ("banana", "S", "1-12", "tropical banana, harvested all year"),
    ("pineapple", "N", "1-12", "tropical pineapple, harvested all year"),
    ("pineapple", "S", "1-12", "tropical pineapple, harvested all year"),
    ("mango", "BR", "8-1", "Brazilian (São Francisco valley) export peak August-January"),
    ("mango", "PE", "11-3", "Peruvian mango season November-March"),
    ("mango", "CI", "4-6", "Ivorian mango season April-June"),
    ("mango", "SN", "6-8", "Senegalese mango season June-August"),
    ("avocado", "PE", "4-9", "Peruvian Hass avocado season April-September"),
    ("avocado", "ES", "11-4", "Spanish (Málaga) Hass avocado season November-April"),
    ("avocado", "KE", "3-9", "Kenyan Hass avocado season March-September"),
    ("avocado", "MX", "1-12", "Mexican avocado, harvested all year"),
    ("tomato", "ES", "10-5", "Spanish greenhouse tomatoes (Almería, unheated plastic) October-May"),
    ("tomato", "MA", "11-5", "Moroccan greenhouse tomatoes (Souss) November-May"),
    ("cucumber", "ES", "10-5", "Spanish greenhouse cucumbers (Almería) October-May"),
    ("courgette", "ES", "10-5", "Spanish greenhouse courgettes (Almería) October-May"),
    ("courgette", "MA", "11-4", "Moroccan courgettes November-April"),
    ("pepper", "ES", "10-5", "Spanish greenhouse peppers (Almería) October-May"),
    ("aubergine", "ES", "10-6", "Spanish greenhouse aubergines (Almería) October-June"),
    ("strawberry", "ES", "12-6", "Spanish strawberries (Huelva) December-June"),
    ("strawberry", "MA", "12-5", "Moroccan strawberries December-May"),
    ("green_beans", "KE", "1-12", "Kenyan green beans, grown and air-freighted all year"),
    ("green_beans", "MA", "10-5", "Moroccan green beans October-May"),
    ("green_beans", "SN", "11-5", "Senegalese green beans November-May"),
    ("asparagus", "PE", "1-12", "Peruvian asparagus, harvested all year"),
    ("asparagus", "ES", "2-5", "Spanish asparagus February-May"),
    ("grapes", "ZA", "12-4", "South African table grapes December-April"),
    ("grapes", "CL", "12-4", "Chilean table grapes December-April"),
    ("grapes", "IT", "7-11", "Italian table grapes July-November"),
    ("grapes", "ES", "7-11", "Spanish table grapes July-November"),
    ("cherry", "CL", "11-1", "Chilean cherries November-January"),
    ("cherry", "ES", "5-7", "Spanish cherries May-July"),
    ("peach", "ES", "5-9", "Spanish stone fruit May-September"),
    ("nectarine", "ES", "5-9", "Spanish stone fruit May-September"),
    ("apricot", "ES", "5-7", "Spanish apricots May-July"),
    ("plum", "ES", "6-9", "Spanish plums June-September"),
    ("plum", "ZA", "12-4", "South African plums December-April"),
    ("melon", "ES", "5-10", "Spanish melons May-October"),
    ("melon", "MA", "3-6", "Moroccan melons March-June"),
    ("watermelon", "ES", "5-9", "Spanish watermelons May-September"),
    ("garlic", "ES", "6-7", "Spanish garlic harvest June-July (then stored)"),
    ("garlic", "CN", "5-7", "Chinese garlic harvest May-July (then stored)"),
    ("potato", "MA", "1-5", "Moroccan early potatoes January-May"),
    ("lettuce", "ES", "10-5", "Spanish winter lettuce (Murcia, Almería) October-May"),
    ("broccoli", "ES", "10-4", "Spanish winter broccoli (Murcia) October-April"),
    ("cauliflower", "ES", "10-4", "Spanish winter cauliflower October-April"),
]

# French seasons not in Impact CO2, and Impact CO2 slugs used for another product.
FR_SEASON_EXTRA = {
    "potato": (
        "5-10",
        "French harvest: early potatoes May-July, ware potatoes August-October (stored the rest of the year)",
    ),
    "lemon": None,  # in Impact CO2 (citron)
}
IMPACTCO2_SLUG = {
    "apple": "pomme",
    "pear": "poire",
    "orange": "orange",
    "lemon": "citron",
    "clementine": "clementine",
    "grapefruit": "pamplemousse",
    "banana": "banane",
    "pineapple": "ananas",
    "mango": "mangue",
    "avocado": "avocat",
    "kiwi": "kiwi",
    "strawberry": "fraise",
    "grapes": "raisin",
    "peach": "peche",
    "nectarine": "nectarine",
    "cherry": "cerise",
    "apricot": "abricot",
    "plum": "prune",
    "melon": "melon",
    "watermelon": "pasteque",
    "tomato": "tomate",
    "cucumber": "concombre",
    "courgette": "courgette",
    "green_beans": "haricotvert",
    "garden_peas": "petitpois",
    "carrot": "carotte",
    "onion": "oignon",
    "leek": "poireau",
    "lettuce": "laitue",
    "cabbage": "chou",
    "cauliflower": "choufleur",
    "broccoli": "brocoli",
    "asparagus": "asperge",
    "pepper": "poivron",
    "aubergine": "aubergine",
    "spinach": "epinard",
    "endive": "endive",
    "pumpkin": "potiron",
    "beetroot": "betterave",
    "celeriac": "celeri",
    "turnip": "navet",
    "garlic": "ail",
    "shallot": "echalote",
    "artichoke": "artichaut",
    "fennel": "fenouil",
    "lambs_lettuce": "mache",
    "brussels_sprouts": "choudebruxelles",
    "radish": "radis",
}
TROPICAL = {"banana", "pineapple", "mango", "avocado"}
# Not produced in mainland France: the "local" option does not exist for these.
NOT_GROWN_IN_FRANCE = TROPICAL | {
    "coffee",
    "cocoa_powder",
    "dark_chocolate",
    "milk_chocolate",
    "orange_juice",
    "salmon",
}
# French harvest months of storable produce, where Impact CO2's "in season" months run on
# past the harvest because the produce comes out of cold storage (e.g. apples in April).
FR_HARVEST = {
    "apple": ("8-10", "French apple harvest late August to October; later months out of cold storage"),
    "pear": ("8-10", "French pear harvest August to October"),
    "kiwi": ("10-11", "French kiwifruit harvest (South-West) October-November"),
    "carrot": ("6-11", "French carrot harvest June to November, then stored"),
    "onion": ("7-9", "French onion harvest July-September, then stored"),
    "cabbage": ("8-11", "French cabbage harvest August-November"),
    "pumpkin": ("9-10", "French squash harvest September-October, then stored"),
    "beetroot": ("7-10", "French beetroot harvest July-October, then stored"),
    "celeriac": ("9-11", "French celeriac harvest September-November, then stored"),
    "turnip": ("9-11", "French turnip harvest September-November"),
    "garlic": ("6-8", "French garlic harvest June-August, then dried and stored"),
    "shallot": ("7-8", "French shallot harvest July-August, then dried and stored"),
}

# French products grown under heated glass outside their Impact CO2 months; each needs a
# heated_greenhouse production variant (the loader refuses the flag without one). Peppers,
# aubergines and lettuce have no sourced French heated value: outside their months they are
# not available from France (docs/methodology.md, "Winters").
HEATED_OFF_SEASON = {"tomato", "cucumber", "strawberry"}

ROUTES = [
    # product, origin, mode, basis
    ("*", "*", "sea", "default: sea for intercontinental, road within Europe (decided by geography)"),
    ("green_beans", "KE", "air", "AGRIBALYSE 20061_2 'Haricot vert importé par avion' (Kenya by plane)"),
    (
        "green_beans",
        "SN",
        "air",
        "fresh green beans from Senegal travel by air like Kenyan ones (AGRIBALYSE 20061_2 proxy)",
    ),
    (
        "mango",
        "*",
        "sea",
        "AGRIBALYSE 13025_1 'Mangue importée par bateau' (13025_2 by plane is the exception)",
    ),
    ("asparagus", "PE", "air", "fresh Peruvian asparagus is mostly air-freighted (short shelf life)"),
    (
        "strawberry",
        "ES",
        "road",
        "Spanish strawberries reach France by reefer truck (Carbone 4 2013: road is half of a Spanish strawberry's footprint)",
    ),
    (
        "strawberry",
        "MA",
        "road",
        "Moroccan strawberries reach France by reefer truck via the Tanger Med - Algeciras ferry (ferry crossing not modelled)",
    ),
    (
        "banana",
        "*",
        "sea",
        "bananas travel in reefer ships or containers (Ecobalyse ingredient 'banana': OutOfEuropeAndMaghreb, cooling always)",
    ),
    (
        "pineapple",
        "*",
        "sea",
        "whole fresh pineapple is usually sea-freighted (AGRIBALYSE 13002 has code avion 0; only mango and green beans have an air variant)",
    ),
    ("avocado", "*", "sea", "avocados are shipped in reefer containers"),
    (
        "banana",
        "ES",
        "sea",
        "Spanish bananas are Canary Islands bananas (Plátano de Canarias): they cross by sea, from Santa Cruz "
        "de Tenerife (export_ports.csv)",
    ),
    (
        "avocado",
        "ES",
        "road",
        "Spanish (Málaga) avocados reach France by reefer truck (Pedreschi et al. 2022, Foods 11:1807: road "
        "export from Spain to European capitals)",
    ),
    ("cherry", "CL", "air", "Chilean cherries for Europe are largely air-freighted around Christmas"),
    (
        "clementine",
        "MA",
        "sea",
        "Moroccan citrus is mostly shipped in reefer vessels and containers from Agadir (to Port-Vendres and "
        "northern ports), not trucked",
    ),
    ("orange", "MA", "sea", "Moroccan citrus is mostly shipped from Agadir, like clementines"),
    (
        "tuna",
        "LK",
        "air",
        "fresh Sri Lankan tuna reaches Europe by air (Sunday Observer, Colombo, 9 November 2003, quoting the "
        "export trade; Emirates SkyCargo about 100 t of fish a week from Colombo, Cargo Facts 2017)",
    ),
]


# ---------------------------------------------------------------- processed foods and dishes
#
# AGRIBALYSE averages: each row is computed from one AGRIBALYSE 3.2 product *as published*,
# stage by stage, transport included (the origin of the ingredients of a yoghurt or a bœuf
# bourguignon is not modelled; the output flags it). Names come from the reference file (French
# name and LCI name); the table below only picks the product, gives the short names a purchase
# label uses (aliases, matched by batch/match.py) and an estimated shelf price.
#
# (id, AGRIBALYSE code, EUR/kg estimate, aliases)
PROCESSED: list[tuple[str, str, float, str]] = [
    # ---- fresh produce without an origin model (AGRIBALYSE average, origin not modelled)
    ("sweet_potato", "4101", 3.5, "patate douce|patates douces|sweet potatoes"),
    ("swiss_chard", "20004", 4.0, "blette|blettes|bette|bettes|côtes de blette|chard"),
    ("raspberry", "13015", 15.0, "framboise|framboises|raspberries"),
    (
        "beetroot_cooked",
        "20003",
        3.0,
        "betterave cuite|betteraves cuites|betterave rouge cuite|betteraves rouges cuites|cooked beetroot",
    ),
    # ---- nuts and dried fruit
    ("walnuts", "15005", 14.0, "noix|cerneaux de noix|noix cerneaux|walnut|walnut kernels"),
    ("almonds", "15041", 14.0, "amande|amandes|amandes effilées|amandes en poudre|poudre d'amande|almond"),
    ("hazelnuts", "15004", 14.0, "noisette|noisettes|hazelnut"),
    ("raisins", "13046", 6.0, "raisin sec|raisins secs|sultanine|sultanines|raisins de Corinthe"),
    ("dried_prunes", "13042", 9.0, "pruneau|pruneaux|pruneaux d'Agen|prunes (dried)|dried prunes"),
    ("dried_apricots", "13001", 12.0, "abricot sec|abricots secs|dried apricot"),
    # ---- fruit, processed
    (
        "apple_compote",
        "13038",
        3.0,
        "compote de pomme|compote de pommes|compote pomme|compotes de pommes|apple sauce|applesauce",
    ),
    (
        "fruit_compote",
        "13108",
        3.2,
        "compote|compotes|compote de fruits|compote pomme poire|compote pomme abricot|compote pomme fraise|compote pomme banane|compote de poire|compote de fruits variés",
    ),
    ("apple_juice", "2074", 2.0, "jus de pomme|jus de pommes|jus pomme|pur jus de pomme"),
    (
        "multifruit_juice",
        "2002",
        2.2,
        "jus multifruit|jus multifruits|jus multi fruits|jus de fruits|fruit juice|multifruit juice",
    ),
    (
        "peach_canned",
        "13731",
        3.0,
        "pêches au sirop|pêche au sirop|oreillons de pêche|peaches in syrup|canned peaches",
    ),
    (
        "pineapple_canned",
        "13719",
        3.5,
        "ananas au sirop|ananas en tranches|ananas tranches|ananas en conserve|canned pineapple",
    ),
    (
        "apricot_canned",
        "13713",
        3.5,
        "abricots au sirop|abricot au sirop|oreillons d'abricot|canned apricots",
    ),
    ("pear_canned", "13735", 3.5, "poires au sirop|poire au sirop|canned pears"),
    (
        "fruit_cocktail",
        "13709",
        3.0,
        "cocktail de fruits|cocktail de fruits au sirop|macédoine de fruits|salade de fruits au sirop|fruit cocktail",
    ),
    # ---- vegetables, processed (frozen and canned forms of raw products are added below)
    (
        "peas_carrots_canned",
        "20093",
        2.5,
        "petits pois carottes|petits pois et carottes|petit pois carotte|peas and carrots",
    ),
    (
        "peas_carrots_frozen",
        "20214",
        3.0,
        "petits pois carottes surgelés|petits pois et carottes surgelés|frozen peas and carrots",
    ),
    ("diced_vegetables_canned", "20051", 2.5, "macédoine de légumes|macédoine|diced vegetables"),
    (
        "diced_vegetables_frozen",
        "20271",
        2.8,
        "macédoine de légumes surgelée|macédoine surgelée|frozen diced vegetables",
    ),
    (
        "mixed_vegetables_frozen",
        "20101",
        2.8,
        "mélange de légumes|légumes mélangés|jardinière de légumes|jardinière|poêlée de légumes|printanière de légumes|mixed vegetables",
    ),
    ("sweetcorn_canned", "20066", 3.5, "maïs doux|mais doux|maïs en grains|maïs|sweetcorn|sweet corn"),
    (
        "tomatoes_canned",
        "20048",
        2.5,
        "tomates pelées|tomate pelée|tomates concassées|tomates en conserve|tomates en boîte|canned tomatoes|peeled tomatoes|chopped tomatoes",
    ),
    (
        "tomato_paste",
        "20068",
        4.0,
        "concentré de tomate|concentré de tomates|double concentré de tomate|double concentré de tomates|tomato paste|tomato purée",
    ),
    (
        "tomato_coulis",
        "20260",
        2.5,
        "coulis de tomate|coulis de tomates|coulis tomate|purée de tomates|passata|tomato coulis",
    ),
    ("tomato_sauce", "11207", 4.0, "sauce tomate|sauce tomate cuisinée|tomato sauce"),
    ("ratatouille", "25018", 4.0, "ratatouille cuisinée|ratatouille niçoise"),
    ("kidney_beans_canned", "20524", 2.5, "haricots rouges|haricot rouge|red kidney beans|kidney beans"),
    ("sauerkraut", "25220", 3.0, "choucroute crue|choucroute cuite|choucroute nature|sauerkraut"),
    (
        "french_fries_frozen",
        "4044",
        2.5,
        "frites|frites surgelées|frites four|pommes frites|pommes de terre frites|french fries|chips (fries)",
    ),
    (
        "potato_noisettes",
        "4013",
        3.5,
        "pommes noisettes|pomme noisette|pommes de terre noisettes|potato noisettes",
    ),
    (
        "mashed_potato",
        "4018",
        3.0,
        "purée de pommes de terre|purée de pomme de terre|purée mousseline|purée|mashed potato|mashed potatoes",
    ),
    ("gratin_dauphinois", "25056", 5.0, "gratin dauphinois|gratin de pommes de terre|potato gratin"),
    (
        "vegetable_soup",
        "25903",
        3.0,
        "soupe de légumes|soupe aux légumes|velouté de légumes|potage de légumes|potage|velouté|vegetable soup",
    ),
    # ---- dairy
    (
        "yoghurt_fruit",
        "19587",
        3.5,
        "yaourt aux fruits|yaourts aux fruits|yaourt fruits|yaourt aux fruits mixés|yaourt à la fraise|yaourt fraise|yaourt à l'abricot|yaourt à la pêche|fruit yoghurt",
    ),
    (
        "yoghurt_flavoured",
        "19575",
        3.0,
        "yaourt aromatisé|yaourts aromatisés|yaourt vanille|yaourt à la vanille|yaourt citron|flavoured yoghurt",
    ),
    ("greek_yoghurt", "19860", 5.0, "yaourt à la grecque|yaourt grec|greek yoghurt|greek yogurt"),
    (
        "drinking_yoghurt",
        "19535",
        3.0,
        "yaourt à boire|yaourts à boire|lait fermenté à boire|drinking yoghurt",
    ),
    (
        "cream_dessert",
        "39229",
        4.0,
        "crème dessert|crèmes desserts|crème dessert vanille|crème dessert chocolat|dessert lacté|danette|cream dessert",
    ),
    ("chocolate_mousse", "39206", 6.0, "mousse au chocolat|mousse chocolat|chocolate mousse"),
    (
        "caramel_custard",
        "39209",
        4.5,
        "crème caramel|flan|flan nappé caramel|flan caramel|flan vanille|crème renversée|caramel custard",
    ),
    ("rice_pudding", "39212", 4.0, "riz au lait|rice pudding"),
    (
        "ice_cream",
        "39515",
        6.0,
        "glace|glaces|crème glacée|glace vanille|glace chocolat|cône glacé|ice cream",
    ),
    ("sorbet", "39524", 6.0, "sorbets|sorbet citron|sorbet fraise"),
    ("mozzarella", "19590", 9.0, "mozzarelle"),
    ("feta", "12061", 12.0, "fêta"),
    ("blue_cheese", "12500", 20.0, "roquefort|bleu d'Auvergne|bleu|fourme d'Ambert|fromage bleu|blue cheese"),
    ("raclette_cheese", "12749", 14.0, "raclette|fromage à raclette|fromage raclette|raclette cheese"),
    ("parmesan", "12120", 25.0, "parmigiano|parmigiano reggiano|parmesan râpé|grana padano"),
    (
        "processed_cheese",
        "12310",
        10.0,
        "fromage fondu|fromage fondu en portions|portions de fromage fondu|vache qui rit|la vache qui rit|processed cheese",
    ),
    ("brie", "12020", 11.0, "brie de Meaux|brie de Melun"),
    ("tomme", "12759", 14.0, "tomme de Savoie|tomme de montagne|tome|tomme des Pyrénées"),
    ("edam", "12729", 11.0, "mimolette|gouda|édam"),
    # ---- charcuterie
    (
        "turkey_ham",
        "28964",
        14.0,
        "jambon de dinde|blanc de dinde|jambon de volaille|jambon de poulet|turkey ham",
    ),
    (
        "pate_de_campagne",
        "8211",
        9.0,
        "pâté de campagne|pâté|terrine de campagne|terrine|pâté de foie|country pâté",
    ),
    ("rillettes", "8010", 14.0, "rillettes de porc|rillettes du Mans|rillettes de Tours|pork rillettes"),
    ("dry_sausage", "30300", 18.0, "saucisson sec|saucisson|rosette|dry sausage|salami"),
    ("chorizo", "30315", 18.0, "chorizo fort|chorizo doux"),
    ("lardons", "28720", 10.0, "lardons fumés|lardon|lardons nature|allumettes de bacon|bacon|lardons"),
    (
        "frankfurter",
        "30742",
        9.0,
        "saucisse de Strasbourg|saucisses de Strasbourg|knack|knacks|knacki|saucisse de Francfort|hot dog|frankfurters",
    ),
    ("merguez", "30150", 11.0, "merguez de boeuf|merguez boeuf mouton"),
    (
        "cured_ham",
        "28800",
        25.0,
        "jambon cru|jambon sec|jambon de Bayonne|jambon de Parme|jambon Serrano|cured ham|parma ham",
    ),
    # ---- fish, processed
    ("smoked_salmon", "26037", 30.0, "saumon fumé|smoked salmon"),
    ("surimi", "26046", 8.0, "bâtonnets de surimi|bâtonnets de crabe|crab sticks"),
    (
        "canned_mackerel",
        "26097",
        10.0,
        "maquereau au vin blanc|maquereaux au vin blanc|filets de maquereau|filets de maquereaux|maquereaux à la tomate|maquereau à la tomate|canned mackerel",
    ),
    (
        "fish_fingers",
        "26029",
        9.0,
        "poisson pané|poissons panés|poisson blanc pané|bâtonnets de poisson|bâtonnets de colin|bâtonnets de poisson panés|colin pané|filet pané|fish fingers|fish sticks|breaded fish",
    ),
    ("brandade", "25154", 9.0, "brandade de morue|parmentier de poisson|gratin de poisson"),
    # ---- meat products and dishes
    (
        "chicken_nuggets",
        "36027",
        10.0,
        "nuggets|nuggets de poulet|nuggets poulet|croquettes de poulet|chicken nuggets",
    ),
    ("cordon_bleu", "25089", 10.0, "cordon bleu|cordons bleus|cordon bleu de volaille|cordon bleu de dinde"),
    ("beef_bourguignon", "25033", 10.0, "bœuf bourguignon|boeuf bourguignon|bourguignon|beef bourguignon"),
    ("hachis_parmentier", "25009", 7.0, "hachis parmentier|parmentier|shepherd's pie|cottage pie"),
    ("veal_blanquette", "25001", 12.0, "blanquette de veau|blanquette"),
    ("chili_con_carne", "25111", 7.0, "chili|chili con carne"),
    (
        "couscous_dish",
        "25152",
        7.0,
        "couscous royal|couscous à la viande|couscous poulet|couscous poulet merguez|couscous garni|couscous dish",
    ),
    ("paella", "25031", 8.0, "paëlla|paella"),
    ("cassoulet", "25002", 6.0, "cassoulet|cassoulet toulousain"),
    ("choucroute_garnie", "25003", 8.0, "choucroute garnie|choucroute alsacienne|choucroute"),
    (
        "lasagne",
        "25081",
        7.0,
        "lasagnes|lasagne|lasagnes bolognaise|lasagnes à la bolognaise|lasagnes bolo|cannelloni",
    ),
    ("ravioli", "25019", 5.0, "raviolis|ravioli|raviolis bolognaise|raviolis à la viande"),
    ("pizza", "25548", 8.0, "pizzas|pizza margherita|pizza reine|pizza royale|pizza jambon fromage"),
    ("quiche_lorraine", "25405", 8.0, "quiche lorraine|quiches lorraines"),
    ("falafel", "25590", 10.0, "falafels|boulettes de pois chiches"),
    (
        "veggie_patty",
        "20914",
        12.0,
        "steak végétal|steaks végétaux|galette végétale|galette végétale soja|steak de soja|escalope végétale|veggie burger|soy patty",
    ),
    # ---- bakery, pastry, cereals
    ("sandwich_bread", "7200", 4.5, "pain de mie|pain de mie nature|sandwich bread"),
    ("country_bread", "7100", 4.5, "pain de campagne|boule de campagne|miche de campagne|country bread"),
    ("wholemeal_bread", "7110", 5.0, "pain complet|pain intégral|wholemeal bread"),
    ("croissant", "7620", 12.0, "croissants|croissant pur beurre|croissant au beurre"),
    ("pain_au_chocolat", "7730", 13.0, "pain au chocolat|pains au chocolat|chocolatine|chocolatines"),
    ("brioche", "7745", 8.0, "brioches|brioche tranchée|brioche pur beurre"),
    (
        "dry_biscuits",
        "24015",
        6.0,
        "biscuits secs|biscuit sec|petit beurre|petits beurre|petit-beurre|biscuits petit beurre|sablés|biscuits",
    ),
    ("madeleine", "24632", 8.0, "madeleines"),
    ("crepe", "23799", 7.0, "crêpe|crêpes|crêpes nature|crepes"),
    (
        "breakfast_cereals",
        "32014",
        6.0,
        "céréales|céréales petit déjeuner|céréales du petit déjeuner|corn flakes|pétales de maïs|breakfast cereals",
    ),
    ("bulgur", "9690", 4.0, "boulgour|boulghour|bulghur"),
    ("quinoa", "9340_1", 8.0, "quinoa blanc|quinoa bio"),
    (
        "fruit_tart",
        "23490",
        10.0,
        "tarte aux pommes|tartelette aux pommes|tarte aux fruits|tartelette aux fruits|apple tart|fruit tart",
    ),
    ("puff_pastry", "23424", 6.0, "pâte feuilletée|pâte feuilletée pur beurre|puff pastry"),
    ("shortcrust_pastry", "23410", 5.0, "pâte brisée|shortcrust pastry"),
    # ---- sugar, sweets, spreads
    (
        "chocolate_spread",
        "31032",
        8.0,
        "pâte à tartiner|pâte à tartiner chocolat noisettes|pâte à tartiner chocolat|nutella|chocolate spread",
    ),
    (
        "brown_sugar",
        "31017",
        3.0,
        "sucre roux|cassonade|sucre cassonade|vergeoise|sucre de canne|brown sugar",
    ),
    # ---- condiments, sauces, oils
    ("salt", "11058", 1.0, "sel|sel fin|sel iodé|gros sel|sel de mer|sel marin|fleur de sel"),
    (
        "black_pepper",
        "11015",
        30.0,
        "poivre|poivre noir|poivre moulu|poivre blanc|pepper (spice)|black pepper|ground pepper",
    ),
    ("mustard", "11013", 4.0, "moutarde|moutarde de Dijon|moutarde fine et forte|moutarde à l'ancienne"),
    ("mayonnaise", "11054", 6.0, "mayo|sauce mayonnaise"),
    ("ketchup", "11008", 4.0, "tomato ketchup|sauce ketchup"),
    (
        "vinegar",
        "11018",
        2.0,
        "vinaigre|vinaigre de vin|vinaigre d'alcool|vinaigre de cidre|vinaigre balsamique|vinaigre blanc",
    ),
    ("vinaigrette", "11110", 5.0, "sauce vinaigrette|sauce salade|vinaigrette"),
    (
        "stock_cube",
        "11172",
        12.0,
        "bouillon|bouillon cube|bouillon de boeuf|bouillon de bœuf|bouillon de volaille|bouillon de légumes|fond de veau|fond blanc|fond brun|stock|stock cube",
    ),
    ("soy_sauce", "11104", 6.0, "sauce soja|sauce soya|soy sauce"),
    ("margarine", "16615", 4.0, "margarines|matière grasse végétale|margarine doux"),
    # ---- drinks
    ("cantal", "12722", 14.0, "cantal entre-deux|cantal jeune|salers|laguiole"),
    ("coulommiers", "12010", 11.0, "coulommiers"),
    ("saint_paulin", "12755", 11.0, "saint-paulin|saint paulin|port salut|port-salut"),
    ("munster", "12039", 15.0, "munster"),
    (
        "semolina_pudding",
        "39218",
        4.5,
        "semoule au lait|gâteau de semoule|gateau de semoule|semolina pudding",
    ),
    (
        "liegeois",
        "19681",
        5.0,
        "liégeois|liégeois chocolat|liégeois café|liégeois vanille|viennois chocolat|crème liégeoise",
    ),
    ("floating_island", "39215", 6.0, "île flottante|ile flottante|îles flottantes|floating island"),
    ("panna_cotta", "19685", 7.0, "panna cotta|panna-cotta"),
    ("tiramisu", "19698", 8.0, "tiramisu"),
    ("eclair", "23477", 12.0, "éclair|éclairs|éclair au chocolat|éclair au café"),
    ("fruit_cake", "23909", 8.0, "cake aux fruits|cake|fruit cake"),
    ("muffin", "23950", 10.0, "muffins|muffin chocolat|muffin myrtille"),
    ("cookie", "24684", 9.0, "cookies|cookie aux pépites de chocolat|cookie chocolat"),
    ("brownie", "23032", 12.0, "brownies|brownie au chocolat"),
    ("pound_cake", "23081", 7.0, "quatre-quarts|quatre quarts|barre pâtissière|pound cake"),
    ("milk_bread", "7711", 6.0, "pain au lait|pains au lait|petit pain au lait"),
    ("sliced_wholemeal_bread", "7111", 5.0, "pain de mie complet|pain de mie complets"),
    ("lamb_tagine", "25159", 10.0, "tajine de mouton|tajine d'agneau|tajine agneau"),
    ("chicken_tagine", "25204", 9.0, "tajine de poulet|tajine poulet"),
    (
        "pasta_carbonara",
        "25135",
        7.0,
        "pâtes carbonara|pâtes à la carbonara|spaghetti carbonara|tagliatelles carbonara",
    ),
    ("fried_rice", "25088", 7.0, "riz cantonais|riz frit"),
    ("chicken_basquaise", "25190", 8.0, "poulet basquaise|poulet à la basquaise"),
    ("lamb_navarin", "25124", 11.0, "navarin d'agneau|navarin"),
    (
        "petit_sale",
        "25010",
        7.0,
        "petit salé aux lentilles|petit salé|saucisse aux lentilles|saucisses lentilles",
    ),
    ("moussaka", "25123", 8.0, "moussaka"),
    ("fish_soup", "25904", 6.0, "soupe de poisson|soupe de poissons|bisque"),
    ("mortadella", "30789", 12.0, "mortadelle"),
    (
        "poultry_sausage",
        "30131",
        9.0,
        "saucisse de volaille|saucisses de volaille|knack de volaille|saucisse de poulet",
    ),
    ("tuna_in_oil", "26180", 14.0, "thon à l'huile|thon huile|miettes de thon à l'huile"),
    ("crab", "10025", 20.0, "crabe|tourteau|chair de crabe"),
    ("smoked_herring", "26232", 12.0, "hareng fumé|filets de hareng fumé|harengs fumés"),
    ("anchovies", "26000", 25.0, "anchois|filets d'anchois|anchois à l'huile"),
    ("lemonade", "18010", 1.5, "limonade"),
    ("iced_tea", "18075", 1.5, "thé glacé|ice tea|boisson au thé"),
    ("muesli", "32128", 7.0, "muesli|müesli|muesli floconneux"),
    ("crisps", "4004", 10.0, "chips|chips nature|chips de pommes de terre|crisps"),
    ("popcorn", "9230", 10.0, "pop-corn|popcorn|pop corn|maïs éclaté"),
    ("peanuts", "15002", 8.0, "cacahuètes|cacahuète|cacahuètes grillées|arachides|peanuts"),
    ("pistachios", "15009", 25.0, "pistaches|pistache"),
    ("cashews", "15019", 20.0, "noix de cajou|cajou|cashews"),
    ("dates", "13011", 8.0, "dattes|datte|dattes sèches|dates"),
    ("dried_figs", "13013", 12.0, "figues sèches|figue sèche|dried figs"),
    ("fresh_ravioli", "25157", 9.0, "raviolis frais|ravioli frais|pâtes fraîches farcies"),
    ("gnocchi", "26264", 6.0, "gnocchis|gnocchi de pommes de terre"),
    ("cornflour", "9510", 4.0, "maïzena|maizena|fécule de maïs|amidon de maïs|cornflour|cornstarch"),
    ("pesto", "11179", 15.0, "pesto|sauce pesto|pesto vert"),
    ("pizza_dough", "37001", 4.0, "pâte à pizza|pizza dough"),
    ("sweet_pastry", "23440", 6.0, "pâte sablée|sweet pastry"),
    ("salsify_canned", "20081", 4.0, "salsifis|salsifis en conserve|salsifis 4/4"),
    ("broad_beans_frozen", "20541", 5.0, "fèves|fèves surgelées|fèves pelées|broad beans"),
    ("celery_stalk", "20023", 4.0, "céleri branche|celeri branche|céleri en branche|celery"),
    ("blueberry", "13028", 15.0, "myrtille|myrtilles|blueberries|blueberry"),
    ("rhubarb", "13047", 5.0, "rhubarbe|rhubarb"),
    ("fig", "13012", 10.0, "figue|figues|figues fraîches|figs"),
    ("passion_fruit", "13016", 12.0, "fruit de la passion|fruits de la passion|maracuja|passion fruit"),
    ("redcurrant", "13019", 14.0, "groseille|groseilles|redcurrants"),
    (
        "mediterranean_vegetables_frozen",
        "20274",
        3.5,
        "poêlée méridionale|poêlée méditerranéenne|légumes grillés surgelés|poêlée de légumes grillés",
    ),
    ("wok_vegetables_frozen", "20273", 3.5, "poêlée asiatique|wok de légumes|légumes pour wok"),
    (
        "bottled_water",
        "18430",
        0.4,
        "eau|eau minérale|eau de source|eau plate|bouteille d'eau|mineral water|bottled water",
    ),
    ("cola", "18018", 1.5, "coca cola|coca-cola|coca|soda au cola"),
    (
        "fruit_syrup",
        "18017",
        3.0,
        "sirop|sirop de grenadine|sirop de menthe|sirop de fraise|sirop à diluer|grenadine|fruit syrup",
    ),
]
# EUR/kg estimates above: footprint estimate of the usual French supermarket or catering price
# in 2026 for the product as bought (no INSEE series in the reference files).
PROCESSED_PRICE_BASIS = (
    "footprint estimate of the usual French shelf or catering price in 2026 for this processed "
    "product (no INSEE series in the reference files)"
)

# Frozen and canned forms of raw products, found in the reference file by name: for a raw
# product whose AGRIBALYSE name is "<base>, cru(e)", the rows "<base>, surgelé(e)(s), cru(e)(s)"
# and "<base>, appertisé(e)(s), égoutté(e)(s)". The form is priced like the fresh product
# (estimate, flagged) and points back to it (form_of).
FORMS = {
    "frozen": ("surgelé", "surgelée", "surgelés", "surgelées"),
    "canned": ("appertisé", "appertisée", "appertisés", "appertisées"),
}
FORM_WORDS = {"frozen": ("surgelé", "surgelés"), "canned": ("en conserve", "appertisé")}
FORM_TAILS = {
    "frozen": ("cru", "crue", "crus", "crues"),
    "canned": ("égoutté", "égouttée", "égouttés", "égouttées"),
}

# AGRIBALYSE subgroup -> (category, ma-cantine family)
SUBGROUP_CLASS = {
    "fruits": (F, FL),
    "légumes": (V, FL),
    "pommes de terre et autres tubercules": (V, FL),
    "légumineuses": (PU, FL),
    "fruits à coque et graines oléagineuses": ("nut", FL),
    "fromages": (DA, LAI),
    "produits laitiers frais et assimilés": (DA, LAI),
    "glaces": (DA, LAI),
    "desserts glacés": (DA, LAI),
    "sorbets": (SU, AUT),
    "charcuteries": (ME, CH),
    "autres produits à base de viande": (ME, VV),
    "produits à base de poissons et produits de la mer": (FI, MER),
    "poissons cuits": (FI, MER),
    "poissons crus": (FI, MER),
    "viandes crues": (ME, VV),
    "mollusques et crustacés crus": (FI, MER),
    "mollusques et crustacés cuits": (FI, MER),
    "huiles de poissons": (OI, AUT),
    "beurres": (DA, LAI),
    "laits": (DA, LAI),
    "œufs": (EG, AUT),
    "plats composés": ("prepared", AUT),
    "plats végétariens": ("prepared", AUT),
    "pizzas, tartes et crêpes salées": ("prepared", AUT),
    "soupes": ("prepared", AUT),
    "pains et viennoiseries": (CE, BOU),
    "gâteaux et pâtisseries": (CE, BOU),
    "céréales de petit-déjeuner et biscuits": (CE, AUT),
    "pâtes, riz et céréales": (CE, AUT),
    "farines et pâtes à tarte": (CE, AUT),
    "chocolats et produits à base de chocolat": (SU, AUT),
    "sucres, miels et assimilés": (SU, AUT),
    "sauces": ("other", AUT),
    "condiments": ("other", AUT),
    "sels": ("other", AUT),
    "épices": ("other", AUT),
    "aides culinaires": ("other", AUT),
    "huiles et graisses végétales": (OI, AUT),
    "margarines": (OI, AUT),
    "boissons sans alcool": (BE, BOI),
    "eaux": (BE, BOI),
}

# Rows whose AGRIBALYSE product stands in for a wider purchase (flagged as a proxy factor).
PROCESSED_PROXY = {
    "stock_cube": "AGRIBALYSE has one dehydrated stock (court-bouillon for fish, per kg of powder); it "
    "stands in for stock cubes and powders (its beef, vegetable and chicken stocks are per kg of "
    "reconstituted liquid)",
}


# ---------------------------------------------------------------- helpers


def fr_num(x: float) -> str:
    """Two decimals with a decimal comma, for identifiers worded in French."""
    return f"{x:.2f}".replace(".", ",")


def fmt(x: float | None) -> str:
    """Four significant digits, no exponent, no trailing zeros."""
    if x is None:
        return ""
    if x == 0:
        return "0"
    digits = max(0, 3 - int(math.floor(math.log10(abs(x)))))
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def dqr_k(dqr: float) -> float:
    return 1 + DQR_SLOPE * dqr


def spread(central: float, k: float) -> tuple[float, float, float]:
    central = float(fmt(central)) if central else 0.0
    if central == 0:
        return 0.0, 0.0, 0.0
    return central, central / k, central * k


def months_to_text(months: list[int]) -> str:
    """[1,2,3,8,9,12] -> '1-3|8-9|12' (1-based months, sorted)."""
    ms = sorted(set(months))
    if len(ms) == 12:
        return "1-12"
    parts, start, prev = [], None, None
    for m in ms:
        if start is None:
            start = prev = m
        elif m == prev + 1:
            prev = m
        else:
            parts.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = m
    if start is not None:
        parts.append(f"{start}-{prev}" if prev != start else str(start))
    return "|".join(parts)


def reference_dir(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    if os.environ.get("FOOTPRINT_REFERENCE"):
        return Path(os.environ["FOOTPRINT_REFERENCE"])
    return REPO.parent / "shared" / "reference"


# ---------------------------------------------------------------- readers


def read_agribalyse(ref: Path) -> pd.DataFrame:
    path = ref / "agribalyse-3.2" / "agribalyse-31-detail-par-etape.csv"
    cols = [
        "Code AGB",
        "Nom du Produit en Français",
        "LCI Name",
        "Sous-groupe d'aliment",
        "DQR - Global",
        *STAGES.values(),
        TRANSPORT,
    ]
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"Code AGB": str}, usecols=cols)
    df["code"] = df["Code AGB"].str.strip().str.lstrip("0")
    return df.set_index("code")


def read_insee_2026(ref: Path) -> dict[str, dict]:
    data = json.loads((ref / "insee-prix" / "prix-insee.json").read_text(encoding="utf-8"))
    return {item["ingredientId"]: item for item in data["items"]}


def read_insee_2022(ref: Path) -> dict[str, tuple[str, float]]:
    """Column -> (YYYY-MM of the latest non-empty month, value)."""
    df = pd.read_csv(ref / "prices" / "insee-prix-moyens-detail_extrait_2021-04_2022-03.csv")
    out = {}
    for col in df.columns:
        if col in ("Month",) or col.startswith("Unnamed"):
            continue
        s = df[col].dropna()
        if len(s):
            out[col.strip()] = (str(df.loc[s.index[-1], "Month"])[:7], float(s.iloc[-1]))
    return out


# Familles Rurales observatory, price surveys 8-21 June 2026, as quoted second-hand in
# NOTES-figures.md section 7 (EUR/kg, conventional, organic). Curated figures, stated here.
FAMILLES_RURALES_2026_06 = {
    "Pomme Golden/Gala": (2.64, 3.57),
    "Tomate grappe": (2.91, 5.99),
    "Fraise": (9.09, 12.44),
    "Laitue": (4.39, 5.90),
    "Concombre": (3.34, 4.81),
    "Carotte": (2.08, 2.86),
    "Banane": (2.20, 2.38),
    "Pomme de terre vapeur": (1.23, 2.15),
    "Oignon": (2.37, 3.02),
    "Courgette": (2.00, 4.04),
    "Haricots verts": (7.14, 12.93),
}

# INSEE 2026 ingredientId -> IPC-PM 2022 column, to measure price drift between the two files.
INSEE_PAIRS = {
    "pomme": "Pommes (1 kg)",
    "tomate": "Tomates (1 kg)",
    "banane": "Bananes (1 kg)",
    "carotte": "Carottes (1 kg)",
    "pomme_de_terre": "Pommes de terre de conservation (1 kg)",
    "oignon": "Oignons (1 kg)",
    "poireau": "Poireaux (1 kg)",
    "endive": "Endives (1 kg)",
    "courgette": "Courgettes (1 kg)",
    "haricots_verts_frais": "Haricots verts (1 kg)",
    "poivron": "Poivrons (1 kg)",
    "citron": "Citrons (1 kg)",
    "clementine": "Clémentines (1 kg)",
    "champignon": "Champignons de Paris (1 kg)",
    "baguette": "Pain baguette (1 kg)",
    "porc_filet": "Porc : rôti dans le filet (1 kg)",
    "porc_echine": "Porc : échine avec os (1 kg)",
    "jambon_blanc": "Jambon supérieur (1 kg)",
    "moules": "Moules de bouchots (1 kg)",
    "avocat": "Avocat (pièce)",
    "chou_fleur": "Chou-fleur (pièce)",
}


def drift_2022_2026(i26: dict, i22: dict) -> tuple[float, float]:
    ratios = sorted(i26[k]["price"] / i22[c][1] for k, c in INSEE_PAIRS.items() if k in i26 and c in i22)
    s = pd.Series(ratios)
    return float(s.median()), float(s.quantile(0.9))


# ---------------------------------------------------------------- builders


def price_for(p: P, i26: dict, i22: dict, drift: tuple[float, float]) -> dict[str, str]:
    survey = FAMILLES_RURALES_2026_06.get(p.fr_survey) if p.fr_survey else None
    survey_note = (
        f"range: Familles Rurales June 2026 conventional {fmt(survey[0])} / organic {fmt(survey[1])} EUR/kg (second-hand)"
        if survey
        else None
    )

    def rng(central: float, others: list[float]) -> tuple[float, float]:
        vals = [central, *others]
        lo, hi = min(vals), max(vals)
        if lo == hi:
            lo, hi = central * (1 - SINGLE_SOURCE_SPREAD), central * (1 + SINGLE_SOURCE_SPREAD)
        return lo, hi

    if p.insee26 and p.insee26 in i26:
        item = i26[p.insee26]
        notes, estimated = [], False
        price = item["price"]
        if item["perUnit"] == "pc":
            assert p.piece_kg, f"{p.id}: per-piece INSEE price needs piece_kg"
            price = price / p.piece_kg
            estimated = True
            notes.append(
                f"INSEE price {fmt(item['price'])} EUR per piece / assumed {fmt(p.piece_kg)} kg per piece"
            )
        others = list(survey) if survey else []
        lo, hi = rng(price, others)
        if estimated and not survey:
            lo, hi = price / 1.3, price * 1.3
            notes.append("range: piece mass +-30 %")
        if survey_note:
            notes.append(survey_note)
        if not survey and not estimated:
            notes.append("range: +-15 % (single source)")
        return dict(
            c=price,
            lo=lo,
            hi=hi,
            period=item["period"],
            est=estimated,
            src="insee-bdm-2026",
            sid=f"{item['idbank']} {item['label']}",
            note="; ".join(notes),
            proxy=False,
        )
    if survey:
        conv, org = survey
        return dict(
            c=conv,
            lo=conv * (1 - SINGLE_SOURCE_SPREAD),
            hi=org,
            period="2026-06",
            est=False,
            src="familles-rurales-2026",
            sid=f"{p.fr_survey} (conventional)",
            note=f"organic {fmt(org)} EUR/kg is the high end; low = conventional -15 %; second-hand figure",
            proxy=False,
        )
    if p.insee22 and p.insee22 in i22:
        month, value = i22[p.insee22]
        notes, estimated = [], False
        if "(pièce)" in p.insee22:
            assert p.piece_kg, f"{p.id}: per-piece INSEE price needs piece_kg"
            notes.append(f"INSEE price {fmt(value)} EUR per piece / assumed {fmt(p.piece_kg)} kg per piece")
            value = value / p.piece_kg
            estimated = True
        med, p90 = drift
        notes.append(
            f"{month} price {fmt(value)} EUR/kg x {fmt(med)} (median INSEE 2026/2022 ratio); "
            f"low = the {month} price, high = x{fmt(p90)} (p90 of those ratios)"
        )
        return dict(
            c=value * med,
            lo=value,
            hi=value * p90,
            period=max(item["period"] for item in i26.values()),
            est=estimated,
            src="insee-ipc-pm-2022",
            sid=f"{p.insee22} {month}",
            note="; ".join(notes),
            proxy=False,
        )
    assert p.estimate, f"{p.id}: no price source and no estimate"
    value, basis = p.estimate
    return dict(
        c=value,
        lo=value * ESTIMATE_LOW,
        hi=value * ESTIMATE_HIGH,
        period="2026",
        est=True,
        src="footprint-prices-2026",
        sid=f"estimate: {basis}",
        note=f"range x{ESTIMATE_LOW}..x{ESTIMATE_HIGH}",
        proxy=True,
    )


def build_products(agb: pd.DataFrame, i26: dict, i22: dict) -> list[dict[str, str]]:
    drift = drift_2022_2026(i26, i22)
    rows = []
    seen = set()
    for p in PRODUCTS:
        assert p.id not in seen, p.id
        seen.add(p.id)
        r = agb.loc[p.agb]
        row: dict[str, str] = {
            "id": p.id,
            "name_fr": p.fr,
            "name_en": p.en,
            "aliases": p.aliases,
            "category": p.cat,
            "family": p.fam,
            "agb_code": p.agb,
            "piece_kg": fmt(p.piece_kg),
            "cold_chain": p.cold,
            "storable_months": str(p.storable),
            "grown_in_france": str(p.id not in NOT_GROWN_IN_FRANCE).lower(),
        }
        _stage_columns(row, r, STAGES)
        row["factor_source"] = "agribalyse-3.2"
        ident = f"{p.agb} {r['Nom du Produit en Français']} (DQR {float(r['DQR - Global']):.2f})"
        row["factor_source_id"] = ident
        row["factor_source_note"] = p.agb_note or ""
        row["factor_source_proxy"] = ""
        pr = price_for(p, i26, i22, drift)
        row.update(
            {
                "price_eur_per_kg": fmt(pr["c"]),
                "price_eur_per_kg_low": fmt(pr["lo"]),
                "price_eur_per_kg_high": fmt(pr["hi"]),
                "price_period": pr["period"],
                "price_estimated": "true" if pr["est"] else "false",
                "price_source": pr["src"],
                "price_source_id": pr["sid"],
                "price_source_note": pr["note"],
                "price_source_proxy": "true" if pr["proxy"] else "",
            }
        )
        rows.append(row)
    return sorted(rows, key=lambda r: r["id"])


def _stage_columns(row: dict[str, str], r: pd.Series, stages: dict[str, str]) -> None:
    """Central, low and high of each stage from one AGRIBALYSE row, by the DQR mapping."""
    k = dqr_k(float(r["DQR - Global"]))
    for stage, col in stages.items():
        c, lo, hi = spread(float(r[col]), k)
        name = f"{stage}_kg_co2e_per_kg"
        row[name], row[f"{name}_low"], row[f"{name}_high"] = fmt(c), fmt(lo), fmt(hi)


def _cold_chain(name: str, category: str) -> str:
    folded = name.lower()
    if "surgel" in folded:
        return "frozen"
    if "appertis" in folded or category in ("cereal", "sugar", "oil", "beverage", "nut", "other"):
        return "ambient"
    return "chilled"


def _average_row(
    pid: str, code: str, r: pd.Series, price: float, price_basis: str, aliases: str, form_of: str = ""
) -> dict[str, str]:
    """One AGRIBALYSE-average product: every stage as published, transport included."""
    category, family = SUBGROUP_CLASS[r["Sous-groupe d'aliment"]]
    name_fr = r["Nom du Produit en Français"]
    row: dict[str, str] = {
        "id": pid,
        "name_fr": name_fr,
        "name_en": r["LCI Name"],
        "aliases": aliases,
        "category": category,
        "family": family,
        "agb_code": code,
        "piece_kg": "",
        "cold_chain": _cold_chain(name_fr, category),
        "storable_months": "0",
        "grown_in_france": "true",
        "agribalyse_average": "true",
        "form_of": form_of,
    }
    _stage_columns(row, r, {**STAGES, "transport": TRANSPORT})
    row["factor_source"] = "agribalyse-3.2"
    row["factor_source_id"] = f"{code} {name_fr} (DQR {float(r['DQR - Global']):.2f})"
    row["factor_source_note"] = PROCESSED_PROXY.get(pid, "")
    row["factor_source_proxy"] = "true" if pid in PROCESSED_PROXY else ""
    row.update(
        {
            "price_eur_per_kg": fmt(price),
            "price_eur_per_kg_low": fmt(price * ESTIMATE_LOW),
            "price_eur_per_kg_high": fmt(price * ESTIMATE_HIGH),
            "price_period": "2026",
            "price_estimated": "true",
            "price_source": "footprint-prices-2026",
            "price_source_id": f"estimate: {price_basis}",
            "price_source_note": f"range x{ESTIMATE_LOW}..x{ESTIMATE_HIGH}",
            "price_source_proxy": "true",
        }
    )
    return row


def _form_code(agb: pd.DataFrame, raw_name: str, form: str) -> str | None:
    """The AGRIBALYSE code of the frozen or canned form of a raw product, found by name."""
    parts = [p.strip() for p in raw_name.split(",")]
    if len(parts) < 2 or parts[-1] not in ("cru", "crue", "crus", "crues"):
        return None
    bases = dict.fromkeys([", ".join(parts[:-1]), parts[0]])
    names = agb["Nom du Produit en Français"]
    for base in bases:
        for state in FORMS[form]:
            for tail in FORM_TAILS[form]:
                hit = names[names == f"{base}, {state}, {tail}"]
                if len(hit):
                    return str(hit.index[0])
    return None


def build_processed(agb: pd.DataFrame, raw: list[dict[str, str]]) -> list[dict[str, str]]:
    """AGRIBALYSE-average products: the curated processed foods and dishes, then the frozen and
    canned forms of raw products found in the reference file."""
    rows = [
        _average_row(pid, code, agb.loc[code], price, PROCESSED_PRICE_BASIS, aliases)
        for pid, code, price, aliases in PROCESSED
    ]
    taken = {r["id"] for r in rows} | {r["id"] for r in raw}
    for base in raw:
        for form in FORMS:
            code = _form_code(agb, agb.loc[base["agb_code"], "Nom du Produit en Français"], form)
            pid = f"{base['id']}_{form}"
            if code is None or pid in taken:
                continue
            basis = (
                f"price of the fresh product ({base['id']}, {base['price_eur_per_kg']} EUR/kg) stands in "
                f"for its {form} form"
            )
            names = [base["name_fr"], *base["aliases"].split("|")[:1]]
            words = FORM_WORDS[form]
            aliases = "|".join([*(f"{n} {w}" for n in names for w in words), f"{form} {base['name_en']}"])
            rows.append(
                _average_row(
                    pid,
                    code,
                    agb.loc[code],
                    float(base["price_eur_per_kg"]),
                    basis,
                    aliases,
                    form_of=base["id"],
                )
            )
            taken.add(pid)
    return rows


def build_variants(ref: Path, agb: pd.DataFrame) -> list[dict[str, str]]:
    eco = {
        e["id"]: e
        for e in json.loads(
            (ref / "ecobalyse" / "food_processes_2024-01_agribalyse-3.1.1.json").read_text(encoding="utf-8")
        )
    }
    pn = pd.read_csv(ref / "owid-poore-nemecek" / "food-emissions-supply-chain_8stages.csv").set_index(
        "Entity"
    )
    base = {p.id: p for p in PRODUCTS}
    rows = []
    for product, system, origin, kind, key, note in VARIANTS:
        prod_dqr = float(agb.loc[base[product].agb, "DQR - Global"])
        proxy = sid_fr = ""
        if kind == "agb":
            r = agb.loc[key]
            c, lo, hi = spread(float(r[STAGES["production"]]), dqr_k(float(r["DQR - Global"])))
            src = "agribalyse-3.2"
            sid = f"{key} {r['Nom du Produit en Français']}: stage Agriculture (DQR {float(r['DQR - Global']):.2f})"
            sid_fr = f"{key} {r['Nom du Produit en Français']} : étape Agriculture (DQR {fr_num(float(r['DQR - Global']))})"
        elif kind == "ecobalyse":
            e = eco[key]
            if "ecoinvent" in (e.get("system_description") or "").lower() or "WFLDB" in e["name"]:
                raise SystemExit(f"refusing ecoinvent/WFLDB-derived process {key}")
            c, lo, hi = spread(float(e["impacts"]["cch"]), dqr_k(prod_dqr))
            src = "ecobalyse-2024"
            sid = f"process '{key}': {e['name']} (cch, kg CO2e/kg at farm gate)"
            sid_fr = f"procédé '{key}' : {e['name']} (cch, kg CO2e/kg en sortie de ferme)"
            note = f"{note}; range from the DQR of AGRIBALYSE {base[product].agb}"
        elif kind == "ctifl":
            c, lo, hi = spread(float(key), dqr_k(prod_dqr))
            src = "ctifl-pertomco-2024"
            sid = "PERTOMCO: heated cucumber 1.54 kg CO2e/kg (ctifl.fr project p000668; Réussir)"
            sid_fr = (
                "PERTOMCO : concombre sous serre chauffée 1,54 kg CO2e/kg (ctifl.fr projet p000668 ; Réussir)"
            )
            note = f"{note}; range from the DQR of AGRIBALYSE {base[product].agb}"
        elif kind == "pn":
            r = pn.loc[key]
            total = float(r["Farm"]) + float(r["Animal feed"]) + float(r["Land use change"])
            c, lo, hi = spread(total, PN_K)
            src = "poore-nemecek-2018"
            sid = (
                f"{key} 2018: Farm {fmt(float(r['Farm']))} + Animal feed {fmt(float(r['Animal feed']))} "
                f"+ Land use change {fmt(float(r['Land use change']))}"
            )
            note = f"{note}; range x/÷{PN_K} (no spread in the OWID file)"
            proxy = "true"
        else:
            raise ValueError(kind)
        rows.append(
            {
                "product": product,
                "system": system,
                "origin": origin,
                "kg_co2e_per_kg": fmt(c),
                "kg_co2e_per_kg_low": fmt(lo),
                "kg_co2e_per_kg_high": fmt(hi),
                "source": src,
                "source_id": sid,
                "source_id_fr": sid_fr,
                "source_proxy": proxy,
                "note": note,
            }
        )
    rows += literature_variants()
    return sorted(rows, key=lambda r: (r["product"], r["system"], r["origin"]))


LITERATURE_VARIANTS = Path(__file__).parent / "curated" / "literature_variants.csv"


def literature_variants() -> list[dict[str, str]]:
    """Origin-specific farm values read in published studies (not AGRIBALYSE, not Ecobalyse):
    curated by hand in ``scripts/curated/literature_variants.csv`` with their source and how the
    farm-gate part was taken (see docs/methodology.md, "Foreign farms")."""
    with LITERATURE_VARIANTS.open(encoding="utf-8", newline="") as f:
        return [dict(row) for row in csv.DictReader(f)]


def build_seasons(ref: Path) -> list[dict[str, str]]:
    ico2 = json.loads((ref / "impactco2" / "fruitsetlegumes.json").read_text(encoding="utf-8"))
    by_slug: dict[str, dict] = {}
    for e in ico2:
        by_slug.setdefault(e["slug"], e)  # mangue appears twice with the same months
    rows = []
    fv = [p for p in PRODUCTS if p.cat in ("fruit", "vegetable")]
    for p in fv:
        if p.id in NOT_GROWN_IN_FRANCE:
            continue  # Impact CO2 lists them "all year" because they are on the market, not grown here
        slug = IMPACTCO2_SLUG.get(p.id)
        if slug:
            e = by_slug[slug]
            months = [m + 1 for m in e["months"]]
            ident = f"fruitsetlegumes.json {slug} months {e['months']} (0-based)"
            if slug == "celeri":
                ident += "; Impact CO2 'céleri' (celery, 20023) used for celeriac"
            if p.id in TROPICAL:
                ident += "; not grown in mainland France: listed as available all year (imported, or French overseas departments)"
            row = {
                "product": p.id,
                "origin": "FR",
                "months": months_to_text(months),
                "heated_greenhouse_off_season": str(p.id in HEATED_OFF_SEASON).lower(),
                "source": "impactco2-2026",
                "source_id": ident,
            }
            if p.id in FR_HARVEST:
                harvest, basis = FR_HARVEST[p.id]
                row["harvest_months"] = harvest
                row["source_note"] = f"harvest_months compiled (footprint-seasons-2026): {basis}"
            rows.append(row)
        else:
            months, basis = FR_SEASON_EXTRA[p.id]
            rows.append(
                {
                    "product": p.id,
                    "origin": "FR",
                    "months": months,
                    "heated_greenhouse_off_season": "false",
                    "source": COMPILED,
                    "source_id": f"compiled: {basis}",
                }
            )
    for product, origin, months, basis in ORIGIN_SEASONS:
        rows.append(
            {
                "product": product,
                "origin": origin,
                "months": months,
                "heated_greenhouse_off_season": "false",
                "source": COMPILED,
                "source_id": f"compiled: {basis}",
            }
        )
    return sorted(rows, key=lambda r: (r["product"], r["origin"]))


def build_routes() -> list[dict[str, str]]:
    rows = [
        {"product": p, "origin": o, "mode": m, "source": "footprint-routes-2026", "source_id": basis}
        for p, o, m, basis in ROUTES
    ]
    return sorted(rows, key=lambda r: (r["product"] != "*", r["product"], r["origin"]))


# ---------------------------------------------------------------- output


def known_countries() -> set[str] | None:
    path = DATA / "places.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {r["country"] for r in rows} | {r["code"] for r in rows}


def keep_known(rows: list[dict[str, str]], table: str, countries: set[str] | None) -> list[dict[str, str]]:
    """Drop rows whose origin places.csv does not know yet (reported, never silent)."""
    if countries is None:
        return rows
    ok = {"*", "N", "S"} | countries
    kept = [r for r in rows if r["origin"] in ok]
    dropped = sorted({r["origin"] for r in rows if r["origin"] not in ok})
    if dropped:
        print(
            f"warning: {table}: {len(rows) - len(kept)} rows skipped, origin not in places.csv: "
            f"{', '.join(dropped)}",
            file=sys.stderr,
        )
    return kept


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        for r in rows:
            w.writerow({h: r.get(h, "") for h in header})
    print(f"wrote {path.relative_to(REPO)} ({len(rows)} rows)", file=sys.stderr)


PRODUCT_HEADER = [
    "id",
    "name_fr",
    "name_en",
    "aliases",
    "category",
    "family",
    "agb_code",
    "piece_kg",
    "cold_chain",
    "storable_months",
    *[f"{s}_kg_co2e_per_kg{x}" for s in STAGES for x in ("", "_low", "_high")],
    "factor_source",
    "factor_source_id",
    "factor_source_proxy",
    "price_eur_per_kg",
    "price_eur_per_kg_low",
    "price_eur_per_kg_high",
    "price_period",
    "price_estimated",
    "price_source",
    "price_source_id",
    # optional SourceRef columns, after the starter header
    "factor_source_note",
    "price_source_proxy",
    "price_source_note",
    "grown_in_france",
    # AGRIBALYSE averages (processed foods, dishes, frozen and canned forms)
    "agribalyse_average",
    "form_of",
    *[f"transport_kg_co2e_per_kg{x}" for x in ("", "_low", "_high")],
]
VARIANT_HEADER = [
    "product",
    "system",
    "origin",
    "kg_co2e_per_kg",
    "kg_co2e_per_kg_low",
    "kg_co2e_per_kg_high",
    "source",
    "source_id",
    "source_id_fr",
    "note",
    "source_proxy",
]
SEASON_HEADER = [
    "product",
    "origin",
    "months",
    "heated_greenhouse_off_season",
    "source",
    "source_id",
    "harvest_months",
    "source_note",
]
ROUTE_HEADER = ["product", "origin", "mode", "source", "source_id"]


def main(argv: list[str]) -> int:
    ref = reference_dir(argv)
    if not (ref / "agribalyse-3.2").is_dir():
        print(
            f"error: reference directory {ref} not found (pass it as an argument or set FOOTPRINT_REFERENCE)",
            file=sys.stderr,
        )
        return 2
    agb = read_agribalyse(ref)
    i26, i22 = read_insee_2026(ref), read_insee_2022(ref)
    countries = known_countries()
    raw = build_products(agb, i26, i22)
    products = sorted(raw + build_processed(agb, raw), key=lambda r: r["id"])
    write_csv(DATA / "products.csv", PRODUCT_HEADER, products)
    write_csv(
        DATA / "production_variants.csv",
        VARIANT_HEADER,
        keep_known(build_variants(ref, agb), "production_variants.csv", countries),
    )
    write_csv(DATA / "seasons.csv", SEASON_HEADER, keep_known(build_seasons(ref), "seasons.csv", countries))
    write_csv(DATA / "routes.csv", ROUTE_HEADER, keep_known(build_routes(), "routes.csv", countries))
    med, p90 = drift_2022_2026(i26, i22)
    print(f"INSEE 2026/2022 price ratio: median {med:.3f}, p90 {p90:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
