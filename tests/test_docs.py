"""The docs cannot drift from the code."""

from __future__ import annotations

import importlib.util
import sys
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


def test_french_framework_catalogue_is_current():
    spec = importlib.util.spec_from_file_location("build_locale", REPO / "scripts" / "build_locale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.MO.read_bytes() == module.mo_bytes(), "run python scripts/build_locale.py"


def test_help_and_usage_errors_in_french():
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "COLUMNS": "100"}
    code = "from footprint_cli.cli import main; main()"
    help_out = subprocess.run(
        [sys.executable, "-c", code, "compare", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert help_out.stdout.startswith("Utilisation :"), help_out.stdout[:200]
    assert "[obligatoire]" in help_out.stdout
    bad = subprocess.run(
        [sys.executable, "-c", code, "compare", "pomme", "--draws", "13"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "Valeur invalide pour" in bad.stderr


def test_methodology_gives_each_product_far_from_agribalyse_its_reason(data):
    # every product of bench_agribalyse_ratio.py more than 30 % from AGRIBALYSE's total has its row,
    # with its current figures, in the French and in the English reasons tables of methodology.md
    spec = importlib.util.spec_from_file_location("bench_ratio", REPO / "bench" / "bench_agribalyse_ratio.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclass looks its module up
    spec.loader.exec_module(bench)
    table = bench.rows(data)
    far = bench.above(table)
    assert far, "no product is far from AGRIBALYSE: drop the reasons tables"
    doc = (REPO / "docs" / "methodology.md").read_text(encoding="utf-8")
    french, english = doc.split("\n## English\n")
    for x in far:
        fr_row = [line for line in french.splitlines() if f"(`{x.product}`)" in line]
        en_row = [line for line in english.splitlines() if f"(`{x.product}`)" in line]
        assert fr_row and en_row, f"{x.product}: no reason in docs/methodology.md"
        assert f"| {x.model:.3f} |" in en_row[0] and f"| {x.agribalyse_transport:.3f} |" in en_row[0], (
            f"{x.product}: stale figures, run python bench/bench_agribalyse_ratio.py --reasons en"
        )
        assert f"| {x.model:.3f} |".replace(".", ",") in fr_row[0], f"{x.product}: stale French figures"
