"""The dataset cache: a planted file is never loaded, a cache others can write is never used, the
JSON it holds gives back the dataset read from the files, record by record."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from footprint_cli import store
from footprint_cli.catalog import Catalog
from footprint_cli.model.loader import _inputs, shipped_data_dir


class _Payload:
    """A pickle that runs code when loaded: it creates ``marker``."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv(store.CACHE_ENV, str(d))
    monkeypatch.delenv(store.NO_CACHE_ENV, raising=False)
    return d


def _key() -> bytes:
    return store.cache_key([(shipped_data_dir().resolve(), None)])


def _evil(marker: Path) -> bytes:
    return pickle.dumps(_Payload(marker))


def test_the_cache_is_written_in_a_private_directory_with_a_private_key(cache):
    data = store.load_dataset()
    assert data.indexes and data.products
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache / store.KEY_FILE).stat().st_mode) == 0o600
    files = list(cache.glob("dataset-*.cache"))
    assert len(files) == 1 and files[0].read_bytes().startswith(store.MAGIC)
    assert store.read_cache(cache, _key()) is not None
    again = store.load_dataset()
    assert again.products == data.products


def test_a_planted_cache_file_is_ignored_and_never_run(cache, tmp_path):
    store.load_dataset()
    key = _key()
    target = store.cache_file(cache, key)
    marker = tmp_path / "ran"
    payload = _evil(marker)
    forged = [
        payload,  # a bare pickle, as the old cache was
        store.MAGIC + len(key).to_bytes(8, "big") + key + b"\0" * 32 + payload,  # wrong HMAC
        store.MAGIC + len(key).to_bytes(8, "big") + key + store._sign(b"x" * 32, key, payload) + payload,
    ]
    for blob in forged:
        target.write_bytes(blob)
        assert store.read_cache(cache, key) is None
        assert store.load_dataset().products
        assert not marker.exists()
        assert target.read_bytes().startswith(store.MAGIC)  # replaced by a sound cache


def test_a_cache_directory_others_can_write_is_not_used(cache, tmp_path):
    store.load_dataset()
    key = _key()
    marker = tmp_path / "ran"
    # whoever can write the directory can replace the secret key too: sign with the real key
    secret = (cache / store.KEY_FILE).read_bytes()
    payload = _evil(marker)
    blob = store.MAGIC + len(key).to_bytes(8, "big") + key + store._sign(secret, key, payload) + payload
    store.cache_file(cache, key).write_bytes(blob)
    os.chmod(cache, 0o777)
    assert store.read_cache(cache, key) is None
    assert store.load_dataset().products
    assert not marker.exists()
    assert store.cache_file(cache, key).read_bytes() == blob  # not used, not written either


def test_a_key_file_others_can_read_or_a_symlinked_key_is_not_used(cache, tmp_path):
    store.load_dataset()
    key = _key()
    assert store.read_cache(cache, key) is not None
    os.chmod(cache / store.KEY_FILE, 0o644)
    assert store.read_cache(cache, key) is None
    os.chmod(cache / store.KEY_FILE, 0o600)
    secret = cache / store.KEY_FILE
    elsewhere = tmp_path / "k"
    elsewhere.write_bytes(secret.read_bytes())
    os.chmod(elsewhere, 0o600)
    secret.unlink()
    secret.symlink_to(elsewhere)
    assert store.read_cache(cache, key) is None


def test_a_cache_for_other_files_is_not_used(cache):
    store.load_dataset()
    key = _key()
    blob = store.cache_file(cache, key).read_bytes()
    other = key + b"\nsomething changed"
    store.cache_file(cache, other).write_bytes(blob)  # a sound file, but for another key
    assert store.read_cache(cache, other) is None


def test_no_cache_writes_nothing(cache, monkeypatch):
    monkeypatch.setenv(store.NO_CACHE_ENV, "1")
    assert store.load_dataset().products
    assert not cache.exists()


def _payload(cache: Path) -> bytes:
    key = _key()
    blob = store.cache_file(cache, key).read_bytes()
    return blob[len(store.MAGIC) + 8 + len(key) + 32 :]


def test_a_sound_cache_gives_back_the_dataset_read_from_the_files(cache):
    from_files = store.load_files(*_inputs((), True))
    store.load_dataset()
    cached = store.read_cache(cache, _key())
    assert isinstance(cached.products, store.Table)
    assert cached == from_files  # every table, record by record, the factors, where rows were defined
    assert cached.factors == from_files.factors
    assert dict(cached.origin_of) == dict(from_files.origin_of)
    assert cached.directories == from_files.directories
    built = Catalog(from_files)
    catalog = Catalog(cached)
    for name in ("pommes", "Pomme de terre", "tomatoes", "bœuf", "kiwi jaune"):
        assert catalog.match_products(name) == built.match_products(name)
    for name in ("argentine", "Espagne", "NZ", "cote d'ivoire"):
        assert catalog.place(name) == built.place(name)


def test_a_record_is_decoded_when_first_read_and_then_kept(cache):
    store.load_dataset()
    cached = store.read_cache(cache, _key())
    products = cached.products
    assert "apple" in products and len(products) > 200
    assert not products._records  # keys are known, no record built yet
    apple = products["apple"]
    assert products["apple"] is apple and list(products._records) == ["apple"]
    assert products.get("no such product") is None
    with pytest.raises(KeyError):
        products["no such product"]


def test_a_signed_pickle_is_not_run_and_only_the_datasets_own_classes_are_built(cache, tmp_path):
    """Even a payload signed with the user's own key cannot run code: the cache is JSON, and a
    record can only be one of the dataset's record classes."""
    store.load_dataset()
    key = _key()
    secret = (cache / store.KEY_FILE).read_bytes()
    marker = tmp_path / "ran"
    header_end = _payload(cache).index(b"\n")
    foreign = [
        _evil(marker),
        b'[{"r":["Popen","touch ' + str(marker).encode() + b'"]},[],[],[],[]]\n',
        _payload(cache)[:header_end].replace(b'{"r":["EmissionFactors"', b'{"r":["PosixPath"', 1)
        + _payload(cache)[header_end:],
    ]
    for payload in foreign:
        blob = store.MAGIC + len(key).to_bytes(8, "big") + key + store._sign(secret, key, payload) + payload
        store.cache_file(cache, key).write_bytes(blob)
        assert store.read_cache(cache, key) is None
        assert not marker.exists()
