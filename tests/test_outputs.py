"""Output files: refused destinations, one set renamed together, a lock, a manifest, kills."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.errors import InputError
from footprint_cli.render import io as rio

DATA = Path(__file__).parent / "data"
SALES = DATA / "achats_sales.csv"
DRAWS = ["--draws", "200"]
COMPARE = ["compare", "apple", "--origin", "argentina", "--month", "3", *DRAWS]


def _report(runner, *args: str, lang: str = "en"):
    return runner.invoke(
        app, ["report", str(SALES), "--month", "3", "--quiet", "--lang", lang, *DRAWS, *args]
    )


def _no_temporaries(directory: Path) -> None:
    assert [p.name for p in directory.iterdir() if p.name.endswith(".tmp")] == []


# ---------------------------------------------------------------- special destinations


@pytest.fixture()
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


def test_fifo_is_refused_and_kept(runner, tmp_path, fifo):
    for args in (["-o", str(fifo)], ["--html", str(fifo)], ["--summary", str(fifo)]):
        res = _report(runner, *args)
        assert res.exit_code == 2, res.output
        assert str(fifo) in res.output and "not a regular file" in res.output
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    res = runner.invoke(app, [*COMPARE, "--html", str(fifo), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert f"{fifo} n'est pas un fichier ordinaire" in res.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    _no_temporaries(tmp_path)


@pytest.mark.parametrize("device", ["/dev/null", "/proc/self/fd/1"])
def test_symlink_to_a_device_is_refused_and_kept(runner, tmp_path, device):
    link = tmp_path / "out.csv"
    link.symlink_to(device)
    for cmd in (["report", str(SALES), "-o", str(link), *DRAWS], [*COMPARE, "--html", str(link)]):
        res = runner.invoke(app, cmd)
        assert res.exit_code == 2, res.output
        assert str(link) in res.output and ".tmp" not in res.output
        assert link.is_symlink() and os.readlink(link) == device
    # the refusal comes before any work: the rejected file beside it is not written either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_symlink_out_of_the_directory_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    victim = tmp_path / "elsewhere" / "victim.csv"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "r.csv"
    link.symlink_to(victim)
    with pytest.raises(InputError) as err:
        rio.write_text(link, "new")
    assert err.value.key == "err.output_special" and err.value.params["path"] == str(link)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_system_directories_are_told_apart_by_path_not_prefix():
    assert rio._in_system_dir(Path("/dev/null")) and rio._in_system_dir(Path("/proc/self/fd/1"))
    assert rio._in_system_dir(Path("/dev"))
    assert not rio._in_system_dir(Path("/devel/r.csv")) and not rio._in_system_dir(Path("/process.csv"))


def test_symlink_in_the_same_directory_writes_its_target(tmp_path):
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to("real.html")
    rio.write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(InputError) as err:
            rio.write_text(path, "x")
    assert err.value.key == "err.output_special"


def test_empty_output_name_is_a_usage_error(runner):
    for args in (["-o", ""], ["--html", ""]):
        res = _report(runner, *args)
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output and "output file name is empty" in res.output
    res = runner.invoke(app, [*COMPARE, "--html", "", "--lang", "fr"])
    assert res.exit_code == 2 and "le nom du fichier de sortie est vide" in res.output


def test_unwritable_directory_is_exit_2_everywhere(runner, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.geteuid() == 0:  # root writes in any directory: let the check see what a user would
        real = os.access
        monkeypatch.setattr(rio.os, "access", lambda p, m: real(p, m) and Path(p) != locked)
    try:
        for cmd in (
            [*COMPARE, "--html", str(locked / "f.html")],
            ["report", str(SALES), "--html", str(locked / "r.html"), *DRAWS],
            ["report", str(SALES), "-o", str(locked / "r.csv"), *DRAWS],
        ):
            res = runner.invoke(app, [*cmd, "--lang", "fr"])
            assert res.exit_code == 2, res.output
            assert str(locked) in res.output and ".tmp" not in res.output
            assert "pas le droit d'écrire" in res.output
    finally:
        locked.chmod(0o700)


def test_missing_directory_and_directory_target(runner, tmp_path):
    res = _report(runner, "-o", str(tmp_path / "nope" / "r.csv"))
    assert res.exit_code == 2 and "directory does not exist" in res.output
    res = runner.invoke(app, [*COMPARE, "--html", str(tmp_path)])
    assert res.exit_code == 2 and "is a directory" in res.output


def test_two_outputs_on_one_path_are_refused(runner, tmp_path):
    out = tmp_path / "r.csv"
    for args in (
        ["-o", str(out), "--html", str(tmp_path / "r.rejected.csv")],
        ["-o", str(out), "--summary", str(out)],
        ["--html", str(tmp_path / "x.html"), "--summary", str(tmp_path / "." / "x.html")],
        ["-o", str(out), "--summary", str(tmp_path / "r.manifest.json")],
    ):
        res = _report(runner, *args)
        assert res.exit_code == 2, (args, res.output)
        assert "named for two outputs" in res.output
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- one set of outputs


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_manifest(directory: Path, name: str = "r.manifest.json") -> dict:
    doc = json.loads((directory / name).read_text(encoding="utf-8"))
    for f in doc["files"]:
        path = directory / f["file"]
        assert path.stat().st_size == f["bytes"] and _sha(path) == f["sha256"], f["file"]
    rows = doc["rows"]
    assert rows["read"] == rows["computed"] + rows["rejected"]
    return doc


def test_manifest_names_the_set(runner, tmp_path):
    out = tmp_path / "r.csv"
    res = _report(
        runner, "-o", str(out), "--html", str(tmp_path / "r.html"), "--summary", str(tmp_path / "r.md")
    )
    assert res.exit_code == 0, res.output
    doc = _check_manifest(tmp_path)
    assert [f["file"] for f in doc["files"]] == ["r.csv", "r.rejected.csv", "r.md", "r.html"]
    assert doc["input"] == SALES.name
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) - 1 == doc["rows"]["computed"]
    assert doc["rows"]["rejected"] > 0
    _no_temporaries(tmp_path)


def test_an_error_in_one_file_leaves_the_whole_old_set(runner, tmp_path, monkeypatch):
    out = tmp_path / "r.csv"
    html = tmp_path / "r.html"
    assert _report(runner, "-o", str(out), "--html", str(html)).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills up on the third file (the HTML report)
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(rio.os, "fsync", fsync)
    res = _report(runner, "-o", str(out), "--html", str(html), "--month", "7", lang="fr")
    assert res.exit_code == 1, res.output
    assert "le disque est plein" in res.output and str(html) in res.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    _check_manifest(tmp_path)


def test_temporaries_of_dead_runs_are_removed(runner, tmp_path):
    stale = [tmp_path / ".r.csv.k2j3h4.tmp", tmp_path / ".r.rejected.csv.abcdef.tmp"]
    for p in stale:
        p.write_text("half", encoding="utf-8")
    other = tmp_path / ".notes.txt.abcdef.tmp"  # not a destination of this run: left alone
    other.write_text("x", encoding="utf-8")
    assert _report(runner, "-o", str(tmp_path / "r.csv")).exit_code == 0
    assert not any(p.exists() for p in stale) and other.exists()


_HOLDER = textwrap.dedent(
    """
    import fcntl, os, sys, time
    d = sys.argv[1]
    fd = os.open(os.path.join(d, ".footprint.lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    tmp = os.path.join(d, ".r.csv.live01.tmp")
    open(tmp, "w").write("being written")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    alive = os.path.exists(tmp)  # the other run waited and did not remove it
    os.unlink(tmp)
    sys.exit(0 if alive else 3)
    """
)


def test_a_run_waits_for_the_lock_and_spares_its_temporaries(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path), "1.0"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    with rio.OutputSet(manifest=tmp_path / "r.manifest.json") as out:
        out.write(tmp_path / "r.csv", lambda fh: fh.write("a\n"))
        waited = time.monotonic() - start
        out.commit({})
    assert holder.wait(timeout=30) == 0
    assert waited > 0.5
    _check_manifest_files(tmp_path)


def _check_manifest_files(directory: Path) -> None:
    doc = json.loads((directory / "r.manifest.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in doc["files"]] == ["r.csv"]
    _no_temporaries(directory)


# ---------------------------------------------------------------- kills


def _big_file(path: Path, n: int = 10_000) -> None:
    """A 10,000-line purchase file made of the sample's lines, quantities varied."""
    raw = (DATA / "achats_tableur.csv").read_bytes().decode("cp1252").splitlines()
    header, body = raw[0], [line for line in raw[1:] if line.strip()]
    lines = []
    for i in range(n):
        cells = body[i % len(body)].split(";")
        cells[1] = f"{1 + i % 97},{i % 10}"
        lines.append(";".join(cells))
    path.write_bytes(("\r\n".join([header, *lines]) + "\r\n").encode("cp1252"))


def _run(directory: Path, month: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "footprint_cli", "report", "achats.csv", "-o", "r.csv"]
    cmd += ["--html", "r.html", "--summary", "r.md", "--quiet", "--month", str(month), *DRAWS]
    return subprocess.Popen(cmd, cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _set(directory: Path) -> dict[str, str]:
    return {n: _sha(directory / n) for n in ("r.csv", "r.rejected.csv", "r.md", "r.html")}


def _wait_for(directory: Path, pattern: str, proc: subprocess.Popen, timeout: float = 60) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if any(directory.glob(pattern)):
            return True
        time.sleep(0.001)
    return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_report_leaves_old_or_new_files_and_the_next_run_cleans_up(tmp_path, sig):
    _big_file(tmp_path / "achats.csv")
    assert _run(tmp_path, 1).wait(timeout=120) == 0
    old = _set(tmp_path)
    assert _run(tmp_path, 7).wait(timeout=120) == 0
    new = _set(tmp_path)
    assert _run(tmp_path, 1).wait(timeout=120) == 0
    assert _set(tmp_path) == old
    kill_points = [  # (what, temporary to wait for, must it be seen, delay after it)
        ("during the computation", None, False, 0.3),
        ("while the per-line CSV is written", ".r.csv.*.tmp", True, 0.0),
        ("a little later in the writing", ".r.csv.*.tmp", True, 0.05),
        ("while the HTML is written", ".r.html.*.tmp", False, 0.0),  # a short window: may be missed
    ]
    for what, pattern, must_see, delay in kill_points:
        proc = _run(tmp_path, 7)
        if pattern is not None:
            seen = _wait_for(tmp_path, pattern, proc)
            assert seen or not must_see, what
        time.sleep(delay)
        proc.send_signal(sig)
        code = proc.wait(timeout=60)
        if sig == signal.SIGTERM and code != 0:
            _no_temporaries(tmp_path)  # a polite kill cleans up at once
        files = _set(tmp_path)
        for name, digest in files.items():
            assert digest in (old[name], new[name]), (what, name)
        if (tmp_path / "r.manifest.json").exists():
            _check_manifest(tmp_path)  # a set with its manifest is whole and matches it
        # the next run completes the set and leaves no temporary behind
        assert _run(tmp_path, 1).wait(timeout=120) == 0
        assert _set(tmp_path) == old, what
        _check_manifest(tmp_path)
        _no_temporaries(tmp_path)
