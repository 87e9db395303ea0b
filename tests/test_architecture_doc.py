"""docs/architecture.md names every module of the package (a new module is described there)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "footprint_cli"


def test_every_module_is_in_the_architecture_page():
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        str(p.relative_to(PACKAGE))
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name not in ("__init__.py", "__main__.py") and f"{p.name}`" not in text
    ]
    assert not missing, f"describe these modules in docs/architecture.md: {missing}"
