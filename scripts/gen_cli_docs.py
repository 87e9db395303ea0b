"""Generate docs/cli.md from the commands' own --help, in English and French.

    python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale

Help texts are built in the language of the environment when the app is imported,
so each language is rendered in a subprocess with LANG set.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

_RENDER = r"""
import typer
from typer.main import get_command
from typer.testing import CliRunner
from footprint_cli.cli import app

def walk(cmd, path):
    yield path
    for name in sorted(getattr(cmd, "commands", {}) or {}):
        yield from walk(cmd.commands[name], path + [name])

runner = CliRunner()
for path in walk(get_command(app), []):
    res = runner.invoke(app, path + ["--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    title = " ".join(["footprint", *path])
    print(f"### `{title}`\n\n```text\n{res.output.rstrip()}\n```\n")
"""


def render(lang_env: str) -> str:
    env = {
        **os.environ,
        "LANG": lang_env,
        "LC_ALL": lang_env,
        "FOOTPRINT_LANG": lang_env[:2],
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }
    env.pop("LC_MESSAGES", None)
    out = subprocess.run([sys.executable, "-c", _RENDER], env=env, capture_output=True, text=True, check=True)
    return out.stdout


def document() -> str:
    return (
        "# Command-line reference / Référence des commandes\n\n"
        "Generated from `--help` by `scripts/gen_cli_docs.py`; a test fails when it drifts.\n"
        "Généré depuis `--help` ; un test échoue s'il n'est plus à jour.\n\n"
        "## English\n\n" + render("en_US.UTF-8") + "## Français\n\n" + render("fr_FR.UTF-8")
    )


def main() -> int:
    text = document()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/cli.md is stale: run python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
