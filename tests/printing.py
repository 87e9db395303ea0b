"""Print an HTML file to PDF with headless Chromium, as a teacher's browser would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")

# words that betray English text in a French page (outside verbatim source titles)
ENGLISH = re.compile(
    r"\b(the|and|of|from|with|which|emits|truck|ship|plane|season|storage|Usage|Show|Breakdown|"
    r"Total share|interval|less than|more than|Sources of|Take-away|Routes|card|answer)\b"
)


def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        raise AssertionError("headless Chromium is required in CI (apt-get install chromium)")
    pytest.skip("headless Chromium not installed")


def print_pdf(html: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    cmd = [
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)
    assert pdf.exists() and pdf.stat().st_size > 0
    return pdf


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def visible_text(html: str) -> str:
    """The text a reader sees, without tags, styles, and verbatim source titles (class="cite")."""
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    html = re.sub(r'<span class="cite">.*?</span>', " ", html, flags=re.S)
    html = re.sub(r"<title>.*?</title>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def english_words(html: str) -> list[str]:
    return sorted(set(ENGLISH.findall(visible_text(html))))
