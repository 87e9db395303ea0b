"""Every printable HTML output, printed to PDF by headless Chromium: page count, map, language.

Skipped when no Chromium is installed, except in CI (``CI`` set) where they must run.
"""

from __future__ import annotations

import pytest
from printing import english_words, pages, print_pdf

from footprint_cli.cli import app

DRAWS = ["--draws", "300"]

SHEETS = {
    "apple-5": [
        "pomme",
        "-o",
        "argentine",
        "-o",
        "nouvelle-zelande",
        "-o",
        "chili",
        "-o",
        "afrique du sud",
        "-m",
        "4",
    ],
    "tomato-5": ["tomate", "-o", "espagne", "-o", "maroc", "-o", "pays-bas", "-o", "italie", "-m", "1"],
    "beans-air": ["haricots verts", "-o", "kenya", "-o", "senegal", "-m", "janvier", "--mode", "avion"],
    "beef-lentils": ["boeuf", "lentilles", "-m", "4"],
}


@pytest.mark.parametrize("name", sorted(SHEETS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sheet_prints_on_one_page_with_a_map(runner, tmp_path, name, lang):
    out = tmp_path / f"{name}.html"
    result = runner.invoke(app, ["compare", *SHEETS[name], "--lang", lang, "--html", str(out), *DRAWS])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    n_options = html.count('class="seg" data-segment="production"')
    assert n_options <= 5
    if name != "beef-lentils":  # two French options: a map all the same
        assert html.count('class="leg"') >= 3
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="route-map"' in html
    assert 'class="land"' in html
    if lang == "fr":
        assert english_words(html) == []
    else:  # the detector does see English
        assert english_words(html)
    assert pages(print_pdf(out)) == 1


@pytest.mark.parametrize(
    ("args", "max_pages"), [(["-c", "fruit"], 1), (["-c", "légumes"], 2), (["fraise"], 1)]
)
def test_season_poster_prints(runner, tmp_path, args, max_pages):
    out = tmp_path / "poster.html"
    result = runner.invoke(app, ["season", *args, "--lang", "fr", "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert english_words(html) == []
    assert "kg CO2e" in html and 'class="n"' in html  # the engine's number in the months
    assert 1 <= pages(print_pdf(out)) <= max_pages


def test_poster_is_honest_about_products_france_does_not_grow(runner, tmp_path):
    out = tmp_path / "poster.html"
    result = runner.invoke(app, ["season", "banane", "--lang", "fr", "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "non cultivé en France" in html
    assert "toute l&#x27;année" not in html and '<td class="s-in"' not in html


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_quiz_cards_print_recto_verso(runner, tmp_path, lang):
    out = tmp_path / "cards.html"
    result = runner.invoke(app, ["quiz", "--lang", lang, "--html", str(out), "-f", "none"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count('class="card front"') == 10 and html.count('class="card back"') == 10
    if lang == "fr":
        assert english_words(html) == []
    # 8 cards a sheet: fronts, then backs, for 10 cards two sheets
    assert pages(print_pdf(out)) == 4
