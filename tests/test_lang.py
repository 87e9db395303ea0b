"""French unless the user asks for English: --lang, then FOOTPRINT_LANG, then the locale."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.i18n import detect_lang

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("env", "explicit", "lang"),
    [
        ({}, None, "fr"),  # Windows: no locale at all
        ({"LANG": "C"}, None, "fr"),
        ({"LANG": "POSIX"}, None, "fr"),
        ({"LANG": "C.UTF-8"}, None, "fr"),
        ({"LANG": "fr_FR.UTF-8"}, None, "fr"),
        ({"LANG": "de_DE.UTF-8"}, None, "fr"),
        ({"LANG": "en_GB.UTF-8"}, None, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, None, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, None, "fr"),
        ({"LANG": "en_US.UTF-8", "FOOTPRINT_LANG": "fr"}, None, "fr"),
        ({"FOOTPRINT_LANG": "en"}, None, "en"),
        ({"FOOTPRINT_LANG": "en"}, "fr", "fr"),
        ({"LANG": "fr_FR.UTF-8"}, "en", "en"),
    ],
)
def test_detect_lang(monkeypatch, env, explicit, lang):
    for var in ("LANG", "LC_ALL", "LC_MESSAGES", "FOOTPRINT_LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert detect_lang(explicit) == lang


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "FOOTPRINT_LANG")
    }
    code = "from footprint_cli.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**clean, "COLUMNS": "100", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_no_locale_gives_french_help_and_errors():
    help_out = _run(["compare", "--help"])
    assert help_out.stdout.startswith("Utilisation :"), help_out.stdout[:200]
    assert "Affiche cette aide et quitte." in help_out.stdout
    assert "PRODUIT[@ORIGINE]" in help_out.stdout
    for english in ("Usage", "Show this message", "Compare a local", "[default", "PLACE"):
        assert english not in help_out.stdout
    bad = _run(["compare", "pomme", "-o", "argentine", "--draws", "x"])
    assert bad.returncode == 2
    assert "n'est pas un nombre valide" in bad.stderr and "integer" not in bad.stderr


def test_top_level_lang_option_wins():
    english = _run(["--lang", "en", "compare", "--help"], LANG="fr_FR.UTF-8")
    assert english.stdout.startswith("Usage:") and "Compare a local" in english.stdout
    french = _run(["--lang", "fr", "--help"], LANG="en_US.UTF-8")
    assert french.stdout.startswith("Utilisation :") and "--lang" in french.stdout
    table = _run(["--lang", "en", "compare", "pomme", "-o", "argentine", "-m", "4", "--draws", "200"])
    assert table.returncode == 0, table.stderr
    assert "Total" in table.stdout and "April" in table.stdout


def test_lang_after_the_command_translates_the_help(runner):
    result = runner.invoke(app, ["compare", "--help", "--lang", "fr"])
    assert result.output.startswith("Utilisation :")
    result = runner.invoke(app, ["compare", "--lang", "en", "--help"], env={"LANG": "fr_FR.UTF-8"})
    assert result.output.startswith("Usage:")


def test_unknown_lang_is_a_usage_error(runner):
    result = runner.invoke(app, ["--lang", "de", "products"])
    assert result.exit_code == 2
    assert "--lang" in result.output


def test_framework_catalogue_covers_every_click_and_typer_string():
    """Every string Click and Typer pass to gettext has a French translation."""
    import click
    import typer

    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import build_locale
    finally:
        sys.path.pop(0)
    modules = ("core", "parser", "exceptions", "types", "formatting", "decorators", "termui", "utils")
    files = [Path(click.__file__).parent / f"{m}.py" for m in modules] + [
        Path(typer.__file__).parent / "core.py"
    ]
    singles, plurals = set(), set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            consts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and consts:
                singles.add(consts[0])
            elif node.func.id == "ngettext" and len(consts) >= 2:
                plurals.add((consts[0], consts[1]))
    assert singles, "no gettext call found in click: has its layout changed?"
    assert not (singles - set(build_locale.FRENCH)), sorted(singles - set(build_locale.FRENCH))
    assert not (plurals - set(build_locale.PLURALS)), sorted(plurals - set(build_locale.PLURALS))


def test_every_metavar_in_the_french_help_is_french(runner):
    """Each placeholder the code declares in English (FILE.xlsx, ADDRESS, MB…) is shown in French."""
    from footprint_cli.cli.common import _METAVARS

    declared = set()
    for path in (Path(__file__).parents[1] / "src" / "footprint_cli" / "cli").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "metavar"
                and isinstance(node.value, ast.Constant)
            ):
                declared.add(node.value.value)
    neutral = {"N", "ENC", "1-12", "fr|en"}  # the same in both languages
    untranslated = {m for m in declared if m not in _METAVARS and m not in neutral and not m.islower()}
    assert not untranslated, f"metavars with no French form: {sorted(untranslated)}"
