"""``load_dataset``: the validated dataset, from its on-disk cache when it is there and sound.

Reading and validating the data files takes longer than a whole ``compare``; the validated
dataset, with the catalog's name indexes, is kept in a cache file under ``~/.cache/footprint``
(or ``$XDG_CACHE_HOME/footprint``, or ``$FOOTPRINT_CACHE_DIR``; ``FOOTPRINT_NO_CACHE=1`` turns
it off). A cache file is a pickle, which can run code when loaded, so nothing in it is loaded
before both checks below have passed:

1. the directory is the user's own: owned by the user, not a symlink, writable by nobody else
   (a cache directory that others can write is not used at all);
2. the file starts with its key (the package and Python versions and every data file's path,
   size and modification time), then an HMAC-SHA256 of key and payload under a secret key file
   created with mode 0600 in that directory (``cache.key``, 32 random bytes); the key must be the
   current one and the HMAC must match, compared in constant time.

A file planted by someone who cannot read the user's secret key fails the second check and is
ignored (then replaced). The cache is an optimisation only: any problem reading or writing it
falls back to reading the data files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from . import __version__
from .catalog import build_indexes
from .model.loader import DATA_FILES, Dataset
from .model.loader import _inputs as resolve_inputs
from .model.loader import _load as load_files

CACHE_ENV = "FOOTPRINT_CACHE_DIR"
NO_CACHE_ENV = "FOOTPRINT_NO_CACHE"
MAGIC = b"footprint-dataset-cache/2\n"
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
    parts = [f"{__version__}|{sys.version_info[:2]}|{Path(__file__).parent}"]
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
        data = pickle.loads(payload)  # authenticated: written by this user's own footprint
    except Exception:  # noqa: BLE001 - an unreadable cache (other library versions) is rebuilt
        return None
    return data if isinstance(data, Dataset) else None


def write_cache(directory: Path, key: bytes, data: Dataset) -> None:
    """Write the cache file atomically; any failure leaves no file and is ignored."""
    if not _own_directory(directory, create=True):
        return
    secret = _secret(directory, create=True)
    if secret is None:
        return
    payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
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
