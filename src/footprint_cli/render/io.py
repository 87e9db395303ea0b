"""The one way output files are written.

Every file a command writes goes through :class:`OutputSet`:

- the destination is checked first (:func:`check_destination`): an empty name, a directory, a
  missing or unwritable directory, a character or block device, a FIFO, a socket, and a symlink
  that leads out of its directory (``/dev/null``, ``/proc/self/fd/1``) are refused with a usage
  error (exit 2) that names the path the user gave, never a temporary name;
- each file is written to a temporary beside its destination (``.NAME.PID-XXXXXXXX.tmp``), flushed
  to disk, and renamed over the destination only when *every* file of the set was written: an error
  or a kill while writing leaves the old files as they were and no new one;
- a set of several files (the report) holds an exclusive lock on a ``.footprint.lock`` file in
  each directory it writes to, so that two runs on the same outputs do not interleave; holding the
  lock, it removes the temporaries that dead runs left beside its destinations (a run holding the
  lock has none there: it only creates temporaries once it holds the lock);
- a manifest written last names the set (each file's name, size and SHA-256, and the row counts),
  and it is removed before the files are renamed: a set without a manifest, or whose files do not
  match it, is an incomplete or mixed set.

The renames of a set are not one atomic operation (POSIX has none for several files): a kill
between two renames leaves a set without its manifest, which is how such a set is recognised.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import FootprintError, InputError
from ..i18n import Message

LOCK_NAME = ".footprint.lock"
_SYSTEM_DIRS = ("/dev", "/proc", "/sys")


class OutputError(FootprintError):
    """A file could not be written although its destination was valid (disk full, I/O error)."""

    def __init__(self, path: str, exc: OSError):
        key, params = _key_of(exc)
        self.message = Message(key, path=path, **params)
        super().__init__(self.message)


_REASONS = {
    errno.EACCES: "err.cannot_write.denied",
    errno.EPERM: "err.cannot_write.denied",
    errno.EROFS: "err.cannot_write.readonly",
    errno.ENOSPC: "err.cannot_write.full",
    errno.EDQUOT: "err.cannot_write.full",
    errno.ENOTDIR: "err.cannot_write.not_dir",
    errno.ENAMETOOLONG: "err.cannot_write.too_long",
}


def _key_of(exc: OSError) -> tuple[str, dict[str, object]]:
    """The catalogue key for an ``OSError`` (the system's own text only for rare errors)."""
    key = _REASONS.get(exc.errno or 0)
    return (key, {}) if key else ("err.cannot_write", {"reason": exc.strerror or str(exc)})


def _usage(key: str, path: str, **params: object) -> InputError:
    return InputError(Message(key, path=path, **params))


def _denied(path: str, exc: OSError) -> InputError:
    key, params = _key_of(exc)
    return _usage(key, path, **params)


def _lstat(path: Path, shown: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _denied(shown, exc) from None


def _in_system_dir(path: Path) -> bool:
    """Whether ``path`` is in ``/dev``, ``/proc`` or ``/sys`` (not ``/devel/...``)."""
    return any(path == Path(d) or Path(d) in path.parents for d in _SYSTEM_DIRS)


def check_destination(path: str | os.PathLike[str]) -> Path:
    """The file to write for the user's ``path``, or a usage error naming ``path``.

    A symlink to a regular file in the same directory is followed (the link is kept and its
    target replaced); any other symlink, and any existing file that is not a regular file, is
    refused.
    """
    shown = os.fsdecode(path)
    if not shown.strip():
        raise _usage("err.output_empty", shown)
    given = Path(path)
    st = _lstat(given, shown)
    target = given
    if st is not None and stat.S_ISLNK(st.st_mode):
        real = Path(os.path.realpath(given))
        link_dir = Path(os.path.realpath(given.parent if str(given.parent) else "."))
        if real.parent != link_dir or _in_system_dir(real):
            raise _usage("err.output_special", shown)
        target = real
        st = _lstat(real, shown)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise _usage("err.output_is_dir", shown)
        if not stat.S_ISREG(st.st_mode):
            raise _usage("err.output_special", shown)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise _usage("err.output_no_dir", shown)
    if _in_system_dir(Path(os.path.realpath(directory))):
        raise _usage("err.output_special", shown)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise _usage("err.cannot_write.denied", shown)
    return target


def _file_mode(target: Path) -> int:
    """Keep an existing file's mode; otherwise what ``open()`` would give (0o666 minus the umask)."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


class _HashingFile(io.RawIOBase):
    """A raw file on ``fd`` that counts and hashes the bytes written through it."""

    def __init__(self, fd: int):
        self.fd = fd
        self.size = 0
        self.sha256 = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        view = memoryview(b)
        n = os.write(self.fd, view)
        self.sha256.update(view[:n])
        self.size += n
        return n


class _Staged:
    def __init__(self, shown: str, target: Path, tmp: str, size: int, sha256: str, role: str):
        self.shown = shown
        self.target = target
        self.tmp = tmp
        self.size = size
        self.sha256 = sha256
        self.role = role


class OutputSet:
    """Files written together: all renamed into place once all are written, or none.

    ``with OutputSet(manifest=path) as out: out.write(...); ...; out.commit()``. Leaving the
    block without :meth:`commit` (an error, a signal turned into an exception) removes every
    temporary and leaves the destinations as they were.
    """

    def __init__(self, *, manifest: str | os.PathLike[str] | None = None, lock: bool = True):
        self.manifest: Path | None = None
        self.lock = lock
        self.targets: dict[Path, str] = {}
        self.staged: list[_Staged] = []
        self._locks: dict[Path, int] = {}
        self._term: Any = None
        self._dirs: set[Path] = set()
        if manifest is not None:
            self.set_manifest(manifest)

    def set_manifest(self, path: str | os.PathLike[str]) -> None:
        """Write a manifest of the set to ``path`` last (and lock the set's directories)."""
        self.add(path)
        self.manifest = Path(path)
        self.lock = True

    # -- checks, before any work
    def add(self, path: str | os.PathLike[str]) -> Path:
        """Check a destination of the set; two outputs on one file are refused."""
        shown = os.fsdecode(path)
        target = check_destination(path)
        key = Path(os.path.realpath(target))
        if key in self.targets or key.name == LOCK_NAME:
            raise _usage("err.output_twice", shown)
        self.targets[key] = shown
        return target

    # -- writing
    def __enter__(self) -> OutputSet:
        # a polite kill (SIGTERM) while the set is written leaves no temporary behind: it becomes
        # SystemExit here, and leaving the block removes them (SIGKILL cannot be caught: the next
        # run removes those)
        self._term = None
        if threading.current_thread() is threading.main_thread():
            self._term = signal.signal(signal.SIGTERM, _terminate)
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.discard()
        finally:
            if self._term is not None:
                signal.signal(signal.SIGTERM, self._term)
                self._term = None

    def _locked(self, directory: Path) -> None:
        if not self.lock or directory in self._locks:
            return
        import fcntl

        path = directory / LOCK_NAME
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as exc:
            raise _denied(str(path), exc) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise _usage("err.output_special", str(path))
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits for a run writing to this directory
        self._locks[directory] = fd
        self._remove_leftovers(directory)

    def _remove_own_temporaries(self) -> None:
        """Temporaries of this process that a signal kept from being noted (see write())."""
        mine = f".{os.getpid()}-"
        names = {k.name for k in self.targets}
        for directory in self._dirs:
            try:
                entries = list(os.scandir(directory))
            except OSError:
                continue
            for entry in entries:
                n = entry.name
                if n.endswith(".tmp") and any(n.startswith(f".{name}{mine}") for name in names):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass

    def _remove_leftovers(self, directory: Path) -> None:
        """Remove the temporaries that dead runs left beside this set's destinations."""
        names = {k.name for k in self.targets if k.parent == directory}
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        for entry in entries:
            n = entry.name
            if not (n.startswith(".") and n.endswith(".tmp")):
                continue
            if any(n.startswith(f".{name}.") and len(n) > len(name) + 6 for name in names):
                try:
                    if entry.is_file(follow_symlinks=False):
                        os.unlink(entry.path)
                except OSError:
                    pass

    def write(
        self,
        path: str | os.PathLike[str],
        write: Callable[[Any], None],
        *,
        encoding: str = "utf-8",
        role: str = "",
    ) -> Path:
        """Write a file of the set through ``write(text_file)`` to its temporary."""
        shown = os.fsdecode(path)
        if shown not in self.targets.values():
            self.add(path)
        target = check_destination(path)  # again: the file system may have changed since add()
        directory = target.parent if str(target.parent) else Path(".")
        self._locked(Path(os.path.realpath(directory)))
        self._dirs.add(directory)
        try:
            # the process id in the name lets discard() find a temporary made just before a signal
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise _denied(shown, exc) from None
        raw = _HashingFile(fd)
        staged = _Staged(shown, target, tmp, 0, "", role)
        self.staged.append(staged)  # removed by discard() whatever happens next
        try:
            with io.TextIOWrapper(io.BufferedWriter(raw, 1 << 16), encoding=encoding, newline="") as fh:
                write(fh)
                fh.flush()
                os.fsync(fd)
            os.chmod(tmp, _file_mode(target))
        except OSError as exc:
            raise OutputError(shown, exc) from None
        finally:
            os.close(fd)
        staged.size = raw.size
        staged.sha256 = raw.sha256.hexdigest()
        return target

    def commit(self, facts: Mapping[str, Any] | None = None) -> list[Path]:
        """Rename every written file into place, then write the manifest; return the user's paths."""
        if self.manifest is not None:
            try:
                os.unlink(check_destination(self.manifest))  # no manifest while the set changes
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise OutputError(str(self.manifest), exc) from None
        for s in self.staged:
            try:
                os.replace(s.tmp, s.target)
            except OSError as exc:
                raise OutputError(s.shown, exc) from None
            s.tmp = ""  # (a SIGTERM just before this line only makes discard() try a gone file)
        _sync_dirs({s.target.parent for s in self.staged})
        written = [Path(s.shown) for s in self.staged]
        if self.manifest is not None:
            files = [
                {"file": _text_name(s.target.name), "role": s.role, "bytes": s.size, "sha256": s.sha256}
                for s in self.staged
            ]
            given = {k: _text_name(v) if isinstance(v, str) else v for k, v in (facts or {}).items()}
            doc = {"format": "footprint-output-set/1", **given, "files": files}
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            self.staged = []
            self.write(self.manifest, lambda fh: fh.write(text), role="manifest")
            s = self.staged[0]
            try:
                os.replace(s.tmp, s.target)
            except OSError as exc:
                raise OutputError(s.shown, exc) from None
            s.tmp = ""
            _sync_dirs({s.target.parent})
            written.append(Path(s.shown))
        self.staged = []
        return written

    def discard(self) -> None:
        """Remove the temporaries not yet renamed and release the locks."""
        for s in self.staged:
            if s.tmp:
                try:
                    os.unlink(s.tmp)
                except OSError:
                    pass
        if self.staged or self._dirs:
            self._remove_own_temporaries()
        self.staged = []
        self._dirs = set()
        for fd in self._locks.values():
            os.close(fd)  # closing releases the lock
        self._locks = {}


def _text_name(name: str) -> str:
    """A file name as UTF-8 text: bytes that are not UTF-8 (kept by Python as surrogates) are
    written as ``\\xff`` escapes rather than failing the manifest."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _sync_dirs(dirs: set[Path]) -> None:
    for d in dirs:
        try:
            fd = os.open(d if str(d) else ".", os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def write_atomic(
    path: str | os.PathLike[str], write: Callable[[Any], None], *, encoding: str = "utf-8"
) -> Path:
    """Write one file through ``write(text_file)``: checked, then all new or all old."""
    with OutputSet(lock=False) as out:
        out.write(path, write, encoding=encoding)
        return out.commit()[0]


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    return write_atomic(path, lambda fh: fh.write(text))
