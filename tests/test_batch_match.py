"""Purchase labels -> products, origin texts -> places."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from footprint_cli.batch.match import (
    EU_PROXY,
    IMPORT_PROXY,
    MATCH_THRESHOLD,
    clean_label,
    match_labels,
    match_origins,
)
from footprint_cli.batch.reader import read_purchases
from footprint_cli.catalog import Catalog
from footprint_cli.store import load_dataset

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(load_dataset())


def _need(catalog: Catalog, *ids: str) -> None:
    missing = [i for i in ids if i not in catalog.data.products and i not in catalog.data.places]
    if missing:
        pytest.skip(f"not in the dataset yet: {', '.join(missing)}")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("POMMES GOLDEN CAT 1 KG VRAC", {"apple"}),
        ("STEAK HACHE 15% MG", {"beef", "minced_beef"}),
        ("Steak haché 15% MG surgelé", {"beef", "minced_beef"}),
        ("Pomme 1", {"apple"}),
        ("Yaourt nature bio x4", {"yoghurt"}),
        ("CAROTTES FRANCE", {"carrot"}),
        ("Pommes de terre 10kg", {"potato"}),
        ("Filet de poulet", {"chicken_breast", "chicken"}),
        ("Yaourt à la fraise", {"yoghurt_fruit"}),
        ("Lentilles vertes du Puy", {"lentils"}),
        ("Riz long 5KG", {"rice"}),
        ("BANANES CAT 1", {"banana"}),
        ("Carrotes", {"carrot"}),  # a typo: fuzzy
        ("Petits pois surgelés", {"garden_peas_frozen"}),
        ("PETITS POIS EXTRA FINS 2,5KG", {"garden_peas"}),
        ("Pois chiches", {"chickpeas"}),  # not taken for garden peas
        ("Pois cassés", {"split_peas"}),
    ],
)
def test_realistic_labels(catalog: Catalog, label: str, expected: set[str]) -> None:
    _need(catalog, min(expected))
    row = match_labels(pd.Series([label]), catalog).iloc[0]
    assert row["product_id"] in expected, row.to_dict()
    assert row["score"] >= MATCH_THRESHOLD


@pytest.mark.parametrize("label", ["xyzzy", "Truc bizarre non identifié", "Lot 12 colis divers", ""])
def test_weak_labels_are_refused_with_suggestions(catalog: Catalog, label: str) -> None:
    row = match_labels([label], catalog).iloc[0]
    assert row["product_id"] == ""
    assert row["score"] < MATCH_THRESHOLD
    assert isinstance(row["suggestions"], tuple) and len(row["suggestions"]) <= 3
    assert all(s in catalog.data.products for s in row["suggestions"])
    if label:
        assert row["suggestions"], "a refused label still proposes the closest products"


def test_match_labels_one_row_per_distinct_label(catalog: Catalog) -> None:
    out = match_labels(pd.Series(["Pomme 1", "Pomme 1", "Carottes"]), catalog)
    assert list(out.columns[:4]) == ["label", "product_id", "score", "suggestions"]
    assert out["label"].tolist() == ["Pomme 1", "Carottes"]


def test_clean_label_drops_noise() -> None:
    assert clean_label("POMMES GOLDEN CAT 1 KG VRAC") == "pommes golden"
    assert clean_label("Steak haché 15% MG surgelé") == "steak hache"
    assert clean_label("Yaourt nature bio x4") == "yaourt nature"


def test_sample_files_labels_mostly_match(catalog: Catalog) -> None:
    for name in ("achats_tableur.csv", "macantine_export.csv"):
        labels = read_purchases(DATA / name).lines["label"]
        out = match_labels(labels.drop_duplicates(), catalog)
        assert (out["product_id"] != "").mean() >= 0.8, out[out["product_id"] == ""]


@pytest.mark.parametrize(
    ("text", "code", "scope", "flag"),
    [
        ("France", "FR", "france", ""),
        ("FRANCE", "FR", "france", ""),
        ("Origine France", "FR", "france", ""),
        ("local", "FR", "local", "origin_local_unspecified"),
        ("", "FR", "france", "origin_default"),
        ("Espagne", "ES", "europe", ""),
        ("ES", "ES", "europe", ""),
        ("Spain", "ES", "europe", ""),
        ("EUROPE", EU_PROXY, "europe", "origin_proxy_eu"),
        ("UE", EU_PROXY, "europe", "origin_proxy_eu"),
        ("hors UE", IMPORT_PROXY, "world", "origin_unknown_import"),
        ("import", IMPORT_PROXY, "world", "origin_unknown_import"),
        ("Argentine", "AR", "world", ""),
        ("Val-de-Marne", "FR-94", "local", ""),
        ("94", "FR-94", "local", ""),
        ("Île-de-France", "FR-IDF", "local", ""),
        ("Finistère", "FR-29", "local", ""),
        ("29", "FR-29", "local", ""),
        ("Bretagne", "FR-BRE", "local", ""),
    ],
)
def test_origins(catalog: Catalog, text: str, code: str, scope: str, flag: str) -> None:
    _need(catalog, code)
    row = match_origins([text], catalog).iloc[0]
    assert (row["place_code"], row["scope"], row["flag"], row["reason"]) == (code, scope, flag, "")
    assert row["country"] == catalog.data.places[code].country


def test_unknown_and_ambiguous_origins(catalog: Catalog) -> None:
    out = match_origins(["Atlantide", "Espagne / Argentine"], catalog).set_index("origin_text")
    assert out.loc["Atlantide", "place_code"] == ""
    assert out.loc["Atlantide", "reason"].startswith("origin not recognised: 'Atlantide'")
    assert out.loc["Espagne / Argentine", "place_code"] == ""
    assert "several countries" in out.loc["Espagne / Argentine", "reason"]


def test_origin_default_is_configurable(catalog: Catalog) -> None:
    row = match_origins([""], catalog, default="ES").iloc[0]
    assert (row["place_code"], row["flag"]) == ("ES", "origin_default")


@pytest.mark.parametrize(
    "label",
    [
        "Lait de coco",
        "Champignons de Paris",
        "Salade de fruits",
        "Courgettes farcies",
        "Pain d'épices",
        "Thé noir",
        "Blanquette de poisson",
        "pomes",
    ],
)
def test_substitutes_and_processed_foods_are_refused_not_guessed(catalog, label):
    """A wrong match is worse than a rejection: soy steak is not beef, apple juice is not an apple."""
    row = match_labels(pd.Series([label]), catalog).iloc[0]
    assert row["product_id"] == "", (label, row["product_id"], row["score"])
    assert len(row["suggestions"]) > 0


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Jus d'orange", "orange_juice"),
        ("Confiture de fraise", "jam"),
        ("Chocolat noir 70%", "dark_chocolate"),
        ("Crème fraîche", "cream"),
        ("Haricots verts surgelés", "green_beans_frozen"),
        ("Haricots verts", "green_beans"),
        ("Steak de soja", "veggie_patty"),
        ("Bouillon de boeuf", "stock_cube"),
        ("Jus de pomme", "apple_juice"),
        ("Compote de pommes", "apple_compote"),
        ("Sauce tomate", "tomato_sauce"),
        ("Purée de pommes de terre", "mashed_potato"),
        ("Pain au chocolat", "pain_au_chocolat"),
        ("Bœuf bourguignon", "beef_bourguignon"),
        ("Blettes", "swiss_chard"),
        ("Sel", "salt"),
        ("Patate douce", "sweet_potato"),
        ("Raisins secs", "raisins"),
        ("Pommes noisettes", "potato_noisettes"),
        ("Pâté de campagne", "pate_de_campagne"),
        ("Jambon de dinde", "turkey_ham"),
        ("Riz au lait", "rice_pudding"),
        ("HARICOTS VERTS 4/4", "green_beans_canned"),
        ("FILET COLIN ALASKA IQF", "pollock_frozen"),
        ("carrotes", "carrot"),
    ],
)
def test_named_products_still_match(catalog, label, expected):
    assert match_labels(pd.Series([label]), catalog).iloc[0]["product_id"] == expected


def test_refusal_says_why(catalog):
    out = match_labels(["Courgettes farcies", "Sacs poubelle 100L", "Pain d'épices"], catalog).set_index(
        "label"
    )
    assert out.loc["Courgettes farcies", "reason"].startswith("'farcies' makes it another food")
    assert out.loc["Sacs poubelle 100L", "reason"] == "not a food"
    assert "another food" in out.loc["Pain d'épices", "reason"]
    assert (out["product_id"] == "").all()
