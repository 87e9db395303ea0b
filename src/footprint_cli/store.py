"""``load_dataset``: the validated dataset, from its on-disk cache when it is there and sound.

Reading and validating the data files takes longer than a whole ``compare``; the validated
dataset, with the catalog's name indexes, is kept in a cache file under ``~/.cache/footprint``
(or ``$XDG_CACHE_HOME/footprint``, or ``$FOOTPRINT_CACHE_DIR``; ``FOOTPRINT_NO_CACHE=1`` turns
it off). The cache is JSON, which describes data and cannot run code, and nothing in it is
parsed before both checks below have passed:

1. the directory is the user's own: owned by the user, not a symlink, writable by nobody else
   (a cache directory that others can write is not used at all);
2. the file starts with its key (the package and Python versions, the layout of every record
   type, and every data file's path, size and modification time), then an HMAC-SHA256 of key
   and payload under a secret key file created with mode 0600 in that directory
   (``cache.key``, 32 random bytes); the key must be the current one and the HMAC must match,
   compared in constant time.

A file planted by someone who cannot read the user's secret key fails the second check and is
ignored (then replaced). The cache is an optimisation only: any problem reading or writing it
falls back to reading the data files.

The payload is a JSON header (the emission factors, the name indexes, where each data row was
defined, and for each table its keys with where each record starts in the body), a newline, then
the body: one JSON text per record. A table of the cached dataset is a :class:`Table`, which
decodes a record when it is first read: ``compare`` reads a dozen of the ~2,900 records and does
not pay for building the others. A record is rebuilt as the class its tag names, and only the
dataset's own record classes can be named (see :func:`_record_types`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .catalog import build_indexes
from .model.loader import DATA_FILES, Dataset
from .model.loader import _inputs as resolve_inputs
from .model.loader import _load as load_files

CACHE_ENV = "FOOTPRINT_CACHE_DIR"
NO_CACHE_ENV = "FOOTPRINT_NO_CACHE"
MAGIC = b"footprint-dataset-cache/3\n"
KEY_FILE = "cache.key"
_DIGEST = 32


def cache_dir() -> Path | None:
    """Where the cache lives, or ``None`` when it is turned off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "footprint"


def cache_key(inputs: list[tuple[Path, set[str] | None]]) -> bytes:
    """The package version, Python version and every data file's path, size and mtime."""
    parts = [f"{__version__}|{sys.version_info[:2]}|{Path(__file__).parent}", _layout()]
    for d, names in inputs:
        for name in DATA_FILES:
            if names is not None and name not in names:
                continue
            f = d / name
            try:
                st = f.stat()
            except OSError:
                continue
            parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def cache_file(directory: Path, key: bytes) -> Path:
    return directory / f"dataset-{hashlib.sha256(key).hexdigest()[:20]}.cache"


def _own_directory(directory: Path, *, create: bool) -> bool:
    """Whether ``directory`` is a real directory of this user that nobody else can write."""
    if create:
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
    try:
        st = os.lstat(directory)
    except OSError:
        return False
    return (
        stat.S_ISDIR(st.st_mode)
        and st.st_uid == os.getuid()
        and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _secret(directory: Path, *, create: bool) -> bytes | None:
    """The user's secret key for this cache directory (created 0600 when asked), or ``None``."""
    path = directory / KEY_FILE
    flags = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if not create:
            return None
        value = os.urandom(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except OSError:
            return None
        try:
            os.write(fd, value)
        finally:
            os.close(fd)
        return value
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        value = os.read(fd, 64)
    finally:
        os.close(fd)
    return value if len(value) == 32 else None


def _sign(secret: bytes, key: bytes, payload: bytes) -> bytes:
    mac = hmac.new(secret, digestmod=hashlib.sha256)
    mac.update(len(key).to_bytes(8, "big"))
    mac.update(key)
    mac.update(payload)
    return mac.digest()


# ---------------------------------------------------------------- the JSON encoding

TABLES = (
    "products",
    "places",
    "ports",
    "sea_distances",
    "seasons",
    "routes",
    "variants",
    "season_systems",
    "agribalyse_totals",
    "export_ports",
    "prices",
    "mostly_imported",
)
"""The dataset's tables: mappings from a key (a string or a tuple of strings) to a record."""


@cache
def _record_types() -> dict[str, tuple[type, tuple[str, ...]]]:
    """Class name -> (class, attribute names in order) for every class a record may be: the
    dataclasses of ``model.schemas`` and the catalog's name index. No other class is built."""
    from .catalog import _Index
    from .model import schemas

    out: dict[str, tuple[type, tuple[str, ...]]] = {
        "_Index": (_Index, ("exact", "choices", "choice_key")),
    }
    for value in vars(schemas).values():
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == schemas.__name__:
            out[value.__name__] = (value, tuple(f.name for f in fields(value)))
    return out


def _layout() -> str:
    """Every record type with its attributes: a cache written for other ones is not read."""
    return ";".join(f"{name}:{','.join(names)}" for name, (_, names) in sorted(_record_types().items()))


def _encode(value: Any) -> Any:
    """``value`` as JSON data; a tuple, frozenset, dict, path or record is a one-key object
    whose key says what it was (``{"t": [...]}``, ``{"r": ["Product", ...]}``)."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind is list:
        return [_encode(v) for v in value]
    if kind is tuple:
        return {"t": [_encode(v) for v in value]}
    if kind is frozenset:
        return {"f": [_encode(v) for v in value]}
    if kind is dict:
        return {"d": [[_encode(k) for k in value], [_encode(v) for v in value.values()]]}
    if isinstance(value, Path):
        return {"p": str(value)}
    entry = _record_types().get(kind.__name__)
    if entry is None or entry[0] is not kind or set(vars(value)) != set(entry[1]):
        raise TypeError(f"the dataset cache cannot hold {kind.__qualname__}")
    return {"r": [kind.__name__, *(_encode(getattr(value, name)) for name in entry[1])]}


def _decode_object(obj: dict[str, Any]) -> Any:
    """The ``object_hook`` that turns the one-key objects of :func:`_encode` back into values."""
    tag, value = obj.popitem()
    if obj:
        raise ValueError("not a dataset cache object")
    if tag == "r":
        cls, names = _record_types()[value[0]]
        if len(value) != len(names) + 1:
            raise ValueError(f"a {value[0]} record with {len(value) - 1} values")
        record: Any = object.__new__(cls)
        # the values were validated when the cache was written: set them as unpickling did,
        # without running __init__ and its checks again
        vars(record).update(zip(names, value[1:], strict=True))
        return record
    if tag == "t":
        return tuple(value)
    if tag == "f":
        return frozenset(value)
    if tag == "d":
        return dict(zip(*value, strict=True))
    if tag == "p":
        return Path(value)
    raise ValueError(f"unknown tag {tag!r} in the dataset cache")


_DECODER = json.JSONDecoder(object_hook=_decode_object)
"""One decoder for every record (``json.loads`` with a hook builds a new one at each call)."""


def _loads(text: str, start: int = 0) -> Any:
    """The JSON value that starts at ``start`` in ``text`` (the body is ASCII: byte offsets
    are character offsets)."""
    return _DECODER.raw_decode(text, start)[0]


def _dumps(value: Any) -> bytes:
    return json.dumps(_encode(value), separators=(",", ":")).encode("ascii")


class Table(Mapping[Any, Any]):
    """A table of the cached dataset: every key known at once, each record decoded from the
    cache's body when it is first read (then kept, so a record read twice is the same object)."""

    __slots__ = ("_body", "_spans", "_records")

    def __init__(self, body: str, spans: dict[Any, int]):
        self._body = body
        self._spans = spans
        self._records: dict[Any, Any] = {}

    def __getitem__(self, key: Any) -> Any:
        try:
            return self._records[key]
        except KeyError:
            start = self._spans[key]  # an unknown key raises KeyError here
            record = self._records[key] = _loads(self._body, start)
            return record

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def __iter__(self) -> Iterator[Any]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __repr__(self) -> str:
        return f"Table({len(self)} records)"


class _Whole(Mapping[str, str]):
    """A mapping stored as one record of a :class:`Table`, decoded when first read (where each
    data row was defined: only ``show`` and some errors read it)."""

    __slots__ = ("_table",)

    def __init__(self, table: Table):
        self._table = table

    def _mapping(self) -> Mapping[str, str]:
        mapping: Mapping[str, str] = self._table[""]
        return mapping

    def __getitem__(self, key: str) -> str:
        return self._mapping()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


def encode_dataset(data: Dataset) -> bytes:
    """The cache payload of ``data``: a JSON header, a newline, the records (see the module)."""
    body = bytearray()

    def spans(mapping: Mapping[Any, Any]) -> list[Any]:
        out = []
        for key, value in mapping.items():
            out.append([list(key) if type(key) is tuple else key, len(body)])
            body.extend(_dumps(value))
        return out

    # a list, not an object: every JSON object in the cache is one of _encode's tagged values
    header = [
        _encode(data.factors),
        [str(d) for d in data.directories],
        spans(data.indexes),
        spans({"": dict(data.origin_of)}),
        [[name, spans(getattr(data, name))] for name in TABLES],
    ]
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + bytes(body)


def decode_dataset(payload: bytes) -> Dataset:
    """The dataset of a payload from :func:`encode_dataset`; records are decoded when read."""
    end = payload.index(b"\n")
    factors, directories, indexes, origin_of, tables = _loads(payload[:end].decode("ascii"))
    body = payload[end + 1 :].decode("ascii")

    def table(spans: list[Any]) -> Table:
        return Table(body, {(tuple(k) if type(k) is list else k): start for k, start in spans})

    by_name = {name: table(spans) for name, spans in tables}
    if list(by_name) != list(TABLES):
        raise ValueError("the dataset cache does not hold every table")
    return Dataset(
        factors=factors,
        directories=tuple(Path(d) for d in directories),
        indexes=table(indexes),
        origin_of=_Whole(table(origin_of)),
        **by_name,
    )


# ---------------------------------------------------------------- reading and writing


def read_cache(directory: Path, key: bytes) -> Dataset | None:
    """The cached dataset for ``key`` if the directory, the key and the HMAC all check out."""
    if not _own_directory(directory, create=False):
        return None
    secret = _secret(directory, create=False)
    if secret is None:
        return None
    try:
        blob = cache_file(directory, key).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 8
    if not blob.startswith(MAGIC) or len(blob) < head + _DIGEST:
        return None
    n = int.from_bytes(blob[len(MAGIC) : head], "big")
    stored_key = blob[head : head + n]
    digest = blob[head + n : head + n + _DIGEST]
    payload = blob[head + n + _DIGEST :]
    if stored_key != key or not hmac.compare_digest(digest, _sign(secret, key, payload)):
        return None
    try:
        return decode_dataset(payload)  # authenticated: written by this user's own footprint
    except (ValueError, KeyError, TypeError):  # a cache this version cannot read is rebuilt
        return None


def write_cache(directory: Path, key: bytes, data: Dataset) -> None:
    """Write the cache file atomically; any failure leaves no file and is ignored."""
    if not _own_directory(directory, create=True):
        return
    secret = _secret(directory, create=True)
    if secret is None:
        return
    payload = encode_dataset(data)
    blob = MAGIC + len(key).to_bytes(8, "big") + key + _sign(secret, key, payload) + payload
    target = cache_file(directory, key)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def load_dataset(overlays: Iterable[str | Path] = (), *, shipped: bool = True) -> Dataset:
    """Read the shipped data plus overlays, validate everything, or raise ``DataError``.

    The result carries the catalog's name indexes; it comes from the cache when the cache is
    sound (see the module documentation).
    """
    dirs, only = resolve_inputs(overlays, shipped)
    directory = cache_dir()
    key = cache_key([(d, only.get(d)) for d in dirs]) if directory is not None else b""
    if directory is not None:
        cached = read_cache(directory, key)
        if cached is not None:
            return cached
    data = load_files(dirs, only)
    data = replace(data, indexes=build_indexes(data))
    if directory is not None:
        write_cache(directory, key, data)
    return data
