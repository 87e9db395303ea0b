"""French (and English) words on the command line: months, modes, systems, families, quantities."""

from __future__ import annotations

import pytest

from footprint_cli.cli import app
from footprint_cli.errors import InputError
from footprint_cli.vocabulary import parse_category, parse_mode, parse_month, parse_quantity, parse_system


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("janvier", 1),
        ("Janv.", 1),
        ("jan", 1),
        ("févr.", 2),
        ("Février", 2),
        ("août", 8),
        ("4", 4),
        ("12", 12),
    ],
)
def test_month_names(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["13", "0", "printemps", "janvierr"])
def test_month_refused(text):
    with pytest.raises(InputError):
        parse_month(text)


@pytest.mark.parametrize(
    ("text", "mode"),
    [("avion", "air"), ("bateau", "sea"), ("camion", "road"), ("train", "rail"), ("sea", "sea")],
)
def test_modes(text, mode):
    assert parse_mode(text) == mode


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("bio", "organic"),
        ("serre chauffée", "heated_greenhouse"),
        ("plein-champ", "open_field"),
        ("organic", "organic"),
    ],
)
def test_systems(text, system):
    assert parse_system(text) == system


def test_every_family_name_of_the_listing_is_accepted():
    from footprint_cli.i18n import t
    from footprint_cli.model.schemas import CATEGORIES
    from footprint_cli.render import browse  # noqa: F401  (registers the family names)

    for category in CATEGORIES:
        assert parse_category(t(f"cat.{category}", "fr")) == category
        assert parse_category(t(f"cat.{category}", "en")) == category


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("1 pomme", 0.15),
        ("3 pommes", 0.45),
        ("2 apples", 0.3),
        ("250 grammes", 0.25),
        ("250 g", 0.25),
        ("500g", 0.5),
        ("1 kilo", 1.0),
        ("2 kilos", 2.0),
        ("1,5 kg", 1.5),
    ],
)
def test_quantities(text, kg):
    assert parse_quantity(text, 0.15, ["pomme", "apple"]) == pytest.approx(kg)


def test_bare_number_refused_with_a_hint(runner):
    result = runner.invoke(
        app, ["compare", "pomme", "-o", "argentine", "-m", "4", "-q", "200", "--lang", "fr"]
    )
    assert result.exit_code == 2
    assert "sans unité" in result.output and "200g" in result.output


def test_french_words_on_the_command_line(runner):
    args = ["compare", "haricot vert", "-o", "kenya", "-m", "janvier", "--mode", "avion", "-q", "250 grammes"]
    result = runner.invoke(app, [*args, "--system", "bio", "-f", "json", "--draws", "200"])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(app, ["products", "-c", "viande", "-f", "json"])
    assert listing.exit_code == 0, listing.output
    assert '"beef"' in listing.output and '"apple"' not in listing.output
