"""Fill the command outputs in the teachers' guides with the CLI's real output.

    python scripts/gen_guides.py          # rewrite docs/guide-enseignants.md and docs/guide-teachers.md
    python scripts/gen_guides.py --check  # exit 1 if a guide is stale

A guide marks each output block like this (the prose around it is written by hand):

    <!-- footprint needs="apple AR" -->
    ```text
    $ footprint compare apple --origin argentina --month 4 --seed 42
    ...output, regenerated...
    ```
    <!-- /footprint -->

The command on the ``$ footprint`` line is run in-process at COLUMNS=100 with
NO_COLOR=1; trailing spaces are stripped. ``needs`` lists the product ids and place
codes the scenario requires: while the data lacks one, the block says so and
``tests/test_guides.py`` skips it with that reason.
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDES = (
    REPO / "docs" / "guide-enseignants.md",
    REPO / "docs" / "guide-teachers.md",
    REPO / "docs" / "lecon-manger-local.md",
    REPO / "docs" / "lesson-eating-local.md",
)
# the English guide runs in an English locale; the French guide passes --lang fr
ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "LANG": "en_US.UTF-8",
    "LC_ALL": "en_US.UTF-8",
    "FOOTPRINT_LANG": "",
    "FOOTPRINT_DATA": "",
}

BLOCK = re.compile(
    r'(?P<open><!-- footprint needs="(?P<needs>[^"]*)" -->\n```text\n)'
    r"(?P<cmd>\$ footprint [^\n]*)\n(?P<body>.*?)"
    r"(?P<close>```\n<!-- /footprint -->)",
    re.S,
)


@dataclass(frozen=True)
class Block:
    needs: tuple[str, ...]
    command: str
    """The line after ``$ `` (starts with ``footprint``)."""
    body: str
    span: tuple[int, int]

    @property
    def args(self) -> list[str]:
        return shlex.split(self.command)[1:]


def blocks(text: str) -> list[Block]:
    return [
        Block(tuple(m["needs"].split()), m["cmd"][2:], m["body"], (m.start("body"), m.end("body")))
        for m in BLOCK.finditer(text)
    ]


def missing(needs: tuple[str, ...], data: object) -> list[str]:
    """Product ids and place codes in ``needs`` that the data does not hold."""
    products = getattr(data, "products", {})
    places = getattr(data, "places", {})
    return [n for n in needs if n not in products and n not in places]


def unavailable_text(lacking: list[str]) -> str:
    return f"(not in the data yet: {', '.join(lacking)}; run scripts/gen_guides.py once it lands)\n"


def run(args: list[str]) -> str:
    """The command's output as a user sees it at 100 columns without colour."""
    from typer.testing import CliRunner

    from footprint_cli.cli import app

    result = CliRunner().invoke(app, args, env=ENV)
    if result.exit_code != 0:
        raise RuntimeError(f"footprint {' '.join(args)} exited {result.exit_code}:\n{result.output}")
    return normalise(result.output)


def normalise(output: str) -> str:
    lines = [line.rstrip() for line in output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def expected_body(block: Block, data: object) -> str:
    lacking = missing(block.needs, data)
    if lacking:
        return unavailable_text(lacking)
    return run(block.args)


def regenerate(text: str, data: object) -> str:
    out, pos = [], 0
    for b in blocks(text):
        out.append(text[pos : b.span[0]])
        out.append(expected_body(b, data))
        pos = b.span[1]
    out.append(text[pos:])
    return "".join(out)


def main() -> int:
    from footprint_cli.store import load_dataset

    data = load_dataset()
    stale = []
    for path in GUIDES:
        text = path.read_text(encoding="utf-8")
        new = regenerate(text, data)
        if new != text:
            stale.append(path)
            if "--check" not in sys.argv:
                path.write_text(new, encoding="utf-8")
    if "--check" in sys.argv and stale:
        names = ", ".join(str(p) for p in stale)
        print(f"stale: {names} (run python scripts/gen_guides.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
