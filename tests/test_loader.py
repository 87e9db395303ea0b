"""Loading, validation with located errors, overlays."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from footprint_cli.errors import DataError
from footprint_cli.model.loader import DATA_FILES, shipped_data_dir
from footprint_cli.model.schemas import Range, SourceRef
from footprint_cli.store import load_dataset

HEADER = (Path(shipped_data_dir()) / "products.csv").read_text(encoding="utf-8").splitlines()[0]


def product_row(**over: str) -> str:
    cols = HEADER.split(",")
    base = {c: "" for c in cols}
    base.update(
        id="yuzu",
        name_fr="yuzu",
        name_en="yuzu",
        category="fruit",
        family="FRUITS_ET_LEGUMES",
        cold_chain="chilled",
        storable_months="0",
        production_kg_co2e_per_kg="0.3",
        processing_kg_co2e_per_kg="0",
        packaging_kg_co2e_per_kg="0",
        retail_kg_co2e_per_kg="0.02",
        factor_source="agribalyse-3.2",
        factor_source_id="proxy: lemon",
        factor_source_proxy="true",
        price_eur_per_kg="12",
        price_period="2026-08",
        price_estimated="true",
        price_source="insee-bdm-2026",
        price_source_id="estimate",
    )
    base.update(over)
    return ",".join(base[c] for c in cols)


def write(dir_: Path, name: str, text: str) -> Path:
    dir_.mkdir(parents=True, exist_ok=True)
    path = dir_ / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_data_is_valid(data):
    assert data.products and data.places and data.ports
    assert data.factors.default_carbon_price in data.factors.carbon_prices


def test_every_file_is_shipped():
    for name in DATA_FILES:
        assert (Path(shipped_data_dir()) / name).is_file(), name


def test_every_number_has_a_source_and_a_range(data):
    """Walk every model: each Range sits beside a SourceRef that resolves in the registry."""
    seen_ranges = 0

    def walk(obj, path):
        nonlocal seen_ranges
        if isinstance(obj, Range):
            seen_ranges += 1
            assert obj.low <= obj.central <= obj.high, path
        elif isinstance(obj, SourceRef):
            assert obj.id in data.factors.sources, f"{path}: unknown source {obj.id}"
            assert obj.identifier.strip(), f"{path}: empty identifier"
        elif dataclasses.is_dataclass(obj):
            fields = [f.name for f in dataclasses.fields(obj)]
            has_range = any(isinstance(getattr(obj, f), Range) for f in fields)
            has_source = any(isinstance(getattr(obj, f), SourceRef) for f in fields)
            if has_range:
                assert has_source, f"{path}: a factor without a source"
            for f in fields:
                walk(getattr(obj, f), f"{path}.{f}")
        elif isinstance(obj, Mapping):  # a dict, or a table of the cached dataset
            for k, v in obj.items():
                walk(v, f"{path}[{k}]")
        elif isinstance(obj, list | tuple):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")

    walk(data.factors, "factors")
    for table in (data.products, data.variants, data.places, data.sea_distances, data.seasons, data.routes):
        walk(table, "table")
    assert seen_ranges > 20
    for key, src in data.factors.sources.items():
        assert src.publisher and src.dataset and src.version and src.year, key


def test_three_broken_fields_give_three_located_errors(tmp_path):
    rows = [
        HEADER,
        product_row(
            id="yuzu",
            production_kg_co2e_per_kg="-0.5",
            production_kg_co2e_per_kg_low="-0.6",
            production_kg_co2e_per_kg_high="0.1",
        ),
        product_row(id="kumquat", factor_source="", factor_source_id=""),
    ]
    write(tmp_path, "products.csv", "\n".join(rows) + "\n")
    places = (Path(shipped_data_dir()) / "places.csv").read_text(encoding="utf-8").splitlines()[0]
    write(
        tmp_path,
        "seasons.csv",
        "product,origin,months,heated_greenhouse_off_season,source,source_id\n"
        "apple,XQ,1-3,false,impactco2-2026,test\n",
    )
    with pytest.raises(DataError) as err:
        load_dataset([tmp_path])
    texts = [str(p) for p in err.value.problems]
    assert len(texts) == 3, texts
    assert texts[0].startswith(f"{tmp_path / 'products.csv'}:2: production_kg_co2e_per_kg:")
    assert "negative" in texts[0]
    assert texts[1].startswith(f"{tmp_path / 'products.csv'}:3: factor_source:")
    assert texts[2] == f"{tmp_path / 'seasons.csv'}:2: origin: unknown country code 'XQ'"
    assert places  # the shipped header was readable


def test_yaml_errors_carry_line_numbers(tmp_path):
    text = (
        "transport_modes:\n"
        "  road:\n"
        "    label_fr: camion\n"
        "    label_en: truck\n"
        "    kg_co2e_per_tkm: {central: 0.1, low: 0.2, high: 0.3}\n"
        "    source: {id: nowhere, identifier: x}\n"
    )
    write(tmp_path, "emission_factors.yaml", text)
    with pytest.raises(DataError) as err:
        load_dataset([tmp_path])
    texts = [str(p) for p in err.value.problems]
    assert any(
        t.startswith(f"{tmp_path / 'emission_factors.yaml'}:5: transport_modes.road.kg_co2e_per_tkm")
        for t in texts
    ), texts


def test_yaml_syntax_error_is_located(tmp_path):
    write(tmp_path, "emission_factors.yaml", "sources:\n  a: [1, 2\n")
    with pytest.raises(DataError) as err:
        load_dataset([tmp_path])
    assert err.value.problems[0].line is not None


def test_overlay_adds_a_product_and_it_is_usable(tmp_path):
    write(tmp_path, "products.csv", HEADER + "\n" + product_row() + "\n")
    data = load_dataset([tmp_path])
    assert "yuzu" in data.products
    from footprint_cli.engine import Scenario, compute

    r = compute(data, Scenario("yuzu", "FR", 3), draws=200)
    assert r.stages["production"] == pytest.approx(0.3)


def test_overlay_replaces_a_shipped_row(tmp_path, data):
    write(
        tmp_path,
        "products.csv",
        HEADER
        + "\n"
        + product_row(id="apple", name_fr="pomme", name_en="apple", production_kg_co2e_per_kg="0.2")
        + "\n",
    )
    over = load_dataset([tmp_path])
    assert over.products["apple"].production_kg_co2e_per_kg.central == 0.2
    assert len(over.products) == len(data.products)


def test_duplicate_keys_in_one_file_are_reported(tmp_path):
    write(tmp_path, "products.csv", "\n".join([HEADER, product_row(), product_row()]) + "\n")
    with pytest.raises(DataError) as err:
        load_dataset([tmp_path])
    assert "duplicate key yuzu (first on line 2)" in str(err.value)


def test_a_single_file_can_be_validated(tmp_path):
    shutil.copy(Path(shipped_data_dir()) / "routes.csv", tmp_path / "routes.csv")
    write(tmp_path, "products.csv", "garbage")  # must be ignored: only routes.csv is named
    data = load_dataset([tmp_path / "routes.csv"])
    assert data.routes


def test_unknown_file_name_is_refused(tmp_path):
    with pytest.raises(DataError, match="not a data file"):
        load_dataset([write(tmp_path, "prices.txt", "x")])


def test_the_cache_is_used_and_follows_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTPRINT_CACHE_DIR", str(tmp_path / "cache"))
    over = tmp_path / "over"
    write(over, "products.csv", HEADER + "\n" + product_row() + "\n")
    first = load_dataset([over])
    assert len(list((tmp_path / "cache").glob("dataset-*.cache"))) == 1
    again = load_dataset([over])
    assert again.products["yuzu"] == first.products["yuzu"]
    import os
    import time

    write(over, "products.csv", HEADER + "\n" + product_row(production_kg_co2e_per_kg="0.7") + "\n")
    os.utime(over / "products.csv", ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    changed = load_dataset([over])
    assert changed.products["yuzu"].production_kg_co2e_per_kg.central == 0.7
    monkeypatch.setenv("FOOTPRINT_NO_CACHE", "1")
    assert load_dataset([over]).products["yuzu"].production_kg_co2e_per_kg.central == 0.7


def test_a_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTPRINT_CACHE_DIR", str(tmp_path))
    load_dataset()
    for f in tmp_path.glob("dataset-*.cache"):
        f.write_bytes(b"not a pickle")
    assert load_dataset().products
