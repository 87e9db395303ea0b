"""The printable comparison sheet: well-formed, self-contained, one SVG segment per stage."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from footprint_cli.cli import app
from footprint_cli.engine import STAGES, Scenario, compare
from footprint_cli.render.html import sheet_html, svg_stacked_bars, write_sheet

VOID = {"meta", "br", "img", "hr", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class Checker(HTMLParser):
    """Checks nesting and collects tags, rects and external references."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.rects: list[dict[str, str | None]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for key in ("src", "href"):
            value = a.get(key) or ""
            if value.startswith(("http://", "https://", "//")):
                self.external.append(value)
        if tag == "rect":
            self.rects.append(a)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "rect":
            self.rects.append(a)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def _parse(text: str) -> Checker:
    p = Checker()
    p.feed(text)
    p.close()
    return p


@pytest.fixture(scope="module")
def comparison(data):
    return compare(
        data, [Scenario("apple", origin="FR", month=4), Scenario("apple", origin="AR", month=4)], draws=300
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sheet_well_formed_and_self_contained(comparison, lang):
    text = sheet_html(comparison, lang)
    p = _parse(text)
    assert not p.errors, p.errors
    assert not p.stack, p.stack
    assert not p.external, p.external
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", text)
    assert "@import" not in text and "<script" not in text and "<link" not in text
    assert "<svg" in text and "@media print" in text and "size: A4" in text
    assert f'<html lang="{lang}">' in text
    segs = [r for r in p.rects if "seg" in (r.get("class") or "")]
    expected = sum(1 for r in comparison.options for s in STAGES if r.stages[s] > 0)
    assert len(segs) == expected == len(p.rects)
    # the sources and verdict are there
    assert "AGRIBALYSE" in text and "DESNZ" in text


def test_sheet_french_words(comparison):
    text = sheet_html(comparison, "fr")
    for word in ("Fiche comparative", "Émissions par étape", "Hypothèses", "Sources des facteurs", "avril"):
        assert word in text, word


def test_svg_helper_segments_and_escaping():
    svg = svg_stacked_bars(
        [("A & B", [("x", 1.0), ("y", 0.0), ("z", 2.0)]), ("<C>", [("x", 0.5)])],
        segment_labels={"x": "Ex", "z": "Zed"},
        unit="t",
    )
    p = _parse(svg)
    assert not p.errors
    assert [r["data-segment"] for r in p.rects] == ["x", "z", "x"]
    assert "A &amp; B" in svg and "&lt;C&gt;" in svg
    assert "Zed" in svg and svg.startswith("<svg")


def test_svg_helper_empty_and_zero():
    assert "<rect" not in svg_stacked_bars([("nothing", [("x", 0.0)])])
    assert svg_stacked_bars([]).startswith("<svg")


def test_write_sheet_atomic(comparison, tmp_path):
    target = tmp_path / "sheet.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_sheet(comparison, "en", target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["sheet.html"]


def test_cli_compare_html(runner, tmp_path):
    out = tmp_path / "fiche.html"
    result = runner.invoke(
        app, ["compare", "tomato", "--origin", "spain", "--month", "1", "--lang", "fr", "--html", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Tomate — Espagne" in text and "serre chauffée" in text


def _chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        path = shutil.which(name) if not name.startswith("/") else (name if Path(name).exists() else None)
        if path:
            return path
    return None


def test_sheet_renders_in_headless_chromium(comparison, tmp_path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("headless Chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    sheet = write_sheet(comparison, "en", tmp_path / "sheet.html")
    base = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    url = sheet.resolve().as_uri()
    dom = subprocess.run([*base, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<svg" in dom.stdout and 'class="seg"' in dom.stdout
    png = tmp_path / "s.png"
    shot = subprocess.run(
        [*base, f"--screenshot={png}", "--window-size=1240,1754", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
