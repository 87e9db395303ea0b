"""The docs cannot drift from the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_help():
    gen = _gen()
    expected = gen.document()
    actual = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_docs_index_links_exist():
    index = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    import re

    for link in re.findall(r"\]\(([^)#]+\.md)\)", index):
        assert (REPO / "docs" / link).is_file(), link
