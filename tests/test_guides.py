"""The outputs shown in the teachers' guides are the CLI's real outputs on the current data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_guides", REPO / "scripts" / "gen_guides.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_guides"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _gen()
CASES = [
    pytest.param(path, i, id=f"{path.stem}-{i + 1}-{' '.join(b.args[:2])}")
    for path in GEN.GUIDES
    for i, b in enumerate(GEN.blocks(path.read_text(encoding="utf-8")))
]


def test_guides_have_blocks():
    for path in GEN.GUIDES:
        assert len(GEN.blocks(path.read_text(encoding="utf-8"))) >= 6, path


@pytest.mark.parametrize(("path", "index"), CASES)
def test_guide_block_is_current(data, path, index):
    block = GEN.blocks(path.read_text(encoding="utf-8"))[index]
    lacking = GEN.missing(block.needs, data)
    if lacking:
        pytest.skip(f"{block.command}: data lacks {', '.join(lacking)} (scenario kept in the guide)")
    assert block.body == GEN.run(block.args), (
        f"{path.name}: output of '{block.command}' changed: run python scripts/gen_guides.py"
    )
