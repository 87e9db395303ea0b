"""Origins as buyers type them: understood, or refused with a reason, never silently wrong."""

from __future__ import annotations

import pytest

from footprint_cli.batch.match import FAO_AREAS, IMPORT_PROXY, match_origins
from footprint_cli.catalog import Catalog
from footprint_cli.store import load_dataset


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(load_dataset())


def _one(catalog: Catalog, text: str) -> dict:
    return match_origins([text], catalog).iloc[0].to_dict()


@pytest.mark.parametrize(
    ("text", "place", "flag"),
    [
        # a fishing area is not a French department (27 is not the Eure)
        ("FAO 27", FAO_AREAS[27][0], "origin_fishing_area|area=27|origin=" + FAO_AREAS[27][0]),
        ("Atlantique Nord-Est FAO 27", FAO_AREAS[27][0], "origin_fishing_area|area=27|origin=NO"),
        ("Pêché en Atlantique Nord-Est", FAO_AREAS[27][0], "origin_fishing_area|area=27|origin=NO"),
        ("FAO 67", "US", "origin_fishing_area|area=67|origin=US"),
        # "NC" is "non communiqué", not New Caledonia
        ("NC", "FR", "origin_not_given"),
        ("nc", "FR", "origin_not_given"),
        ("non communiqué", "FR", "origin_not_given"),
        ("UE", "ES", "origin_proxy_eu"),
        ("hors UE", IMPORT_PROXY, "origin_unknown_import"),
        ("UE et hors UE", IMPORT_PROXY, "origin_mixed"),  # not Ethiopia
        ("Local (<100 km)", "FR", "origin_local_unspecified"),
        ("Local (<100km)", "FR", "origin_local_unspecified"),
        ("Local 50 km", "FR", "origin_local_unspecified"),  # not the Manche (50)
        ("Écosse", "GB", ""),
        ("Andalousie", "ES", ""),
        ("Bretagne", "FR-BRE", ""),
        ("Produit d'Espagne", "ES", ""),
        ("Espagne (Valence)", "ES", ""),
        ("Origine : Maroc", "MA", ""),
        ("Nouvelle-Calédonie", "NC", ""),
    ],
)
def test_origin_understood(catalog, text, place, flag):
    got = _one(catalog, text)
    assert (got["place_code"], got["flag"], got["reason"]) == (place, flag, "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("FAO 48", "fishing area FAO 48 has no proxy port country"),  # Antarctic
        ("Espagn", "origin not recognised"),  # a near miss is refused with suggestions, not guessed
        ("Espagne / Maroc", "origin names several countries (ES, MA)"),
        ("Atlantide", "origin not recognised"),
    ],
)
def test_origin_refused(catalog, text, reason):
    got = _one(catalog, text)
    assert got["place_code"] == "" and reason in got["reason"]


def test_near_miss_suggests_the_country(catalog):
    assert "ES (Espagne / Spain)" in _one(catalog, "Espagn")["reason"]


def test_unknown_origin_of_produce_france_does_not_grow_is_refused(tmp_path):
    from footprint_cli.batch.reader import read_purchases
    from footprint_cli.batch.report import compute_report

    f = tmp_path / "a.csv"
    f.write_text("Produit;Quantité;Origine\nBananes;10;NC\nCarottes;10;NC\n", encoding="utf-8")
    data = load_dataset()
    r = compute_report(read_purchases(f), data, month_default=3, draws=200)
    assert list(r.rejected["line"]) == [2]
    assert "not grown in mainland France" in r.rejected["reason"][0]
    flags = {fl.code for g in r.flag_groups for fl in g}
    assert "origin_not_given" in flags
