"""The command line: help, version, data validate, errors without tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from footprint_cli import __version__
from footprint_cli.cli import app


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"footprint {__version__}"


def test_help_lists_every_command_with_a_description(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for command in ("compare", "data"):
        line = next(ln for ln in result.output.splitlines() if ln.strip().startswith(command + " "))
        assert len(line.split()) > 2, line


def test_data_validate_shipped(runner):
    result = runner.invoke(app, ["data", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Data valid:")


def test_data_validate_reports_located_errors_and_exits_2(runner, tmp_path):
    (tmp_path / "routes.csv").write_text("product,origin,mode,source,source_id\napple,ZZ,boat,nowhere,x\n")
    result = runner.invoke(app, ["data", "validate", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [ln.strip() for ln in result.output.splitlines() if "routes.csv:2:" in ln]
    assert any(ln.endswith("mode: Input should be 'road', 'rail', 'sea' or 'air'") for ln in lines), lines
    assert len(lines) == 1, lines  # the row fails validation once; cross-checks need a valid row


def test_data_validate_in_french(runner, tmp_path):
    (tmp_path / "routes.csv").write_text("product,origin,mode,source,source_id\napple,ZZ,sea,nowhere,x\n")
    result = runner.invoke(app, ["data", "validate", str(tmp_path), "--lang", "fr"])
    assert result.exit_code == 2, result.output
    assert "erreur(s) dans les données" in result.output
    assert "code de pays inconnu 'ZZ'" in result.output
    assert "source inconnue 'nowhere'" in result.output
    assert "unknown" not in result.output


def test_unknown_product_suggests_and_exits_2(runner):
    result = runner.invoke(app, ["compare", "pomm", "--origin", "argentina"])
    assert result.exit_code == 2, result.output
    assert "Unknown product: 'pomm'" in result.output
    assert "'apple', 'Apple compote'" in result.output
    assert "Traceback" not in result.output


def test_unknown_origin_suggests(runner):
    result = runner.invoke(app, ["compare", "apple", "--origin", "argentinaa", "--lang", "fr"])
    assert result.exit_code == 2, result.output
    assert "lieu inconnu" in result.output.lower()
    assert "« AR (Argentine) »" in result.output


def test_env_overlay(runner, tmp_path, monkeypatch):
    (tmp_path / "routes.csv").write_text("product,origin,mode,source,source_id\napple,AR,air,nowhere,x\n")
    monkeypatch.setenv("FOOTPRINT_DATA", str(tmp_path))
    result = runner.invoke(app, ["data", "validate"])
    assert result.exit_code == 2, result.output


def test_console_script_has_no_traceback_on_user_error(tmp_path):
    env = {**os.environ, "LANG": "C.UTF-8"}
    exe = Path(sys.executable).with_name("footprint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "footprint_cli"]
    proc = subprocess.run([*cmd, "compare", "zzzz"], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_startup_does_not_import_pandas():
    """`import footprint_cli.cli` and a compare run must not import pandas, searoute or geopy."""
    code = (
        "import sys; from footprint_cli.cli import app; from typer.testing import CliRunner; "
        "r = CliRunner().invoke(app, ['compare', 'apple', '--origin', 'AR', '-m', '4', '--draws', '200']); "
        "assert r.exit_code == 0, r.output; "
        "bad = [m for m in ('pandas', 'searoute', 'geopy', 'requests', 'urllib3') if m in sys.modules]; "
        "print(bad)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr
