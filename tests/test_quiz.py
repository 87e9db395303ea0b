"""Quiz pairs come from the data and the engine: surprising, the three lessons, answers computed."""

from __future__ import annotations

import re

import pytest

from footprint_cli.classroom import quiz_pairs
from footprint_cli.cli import app
from footprint_cli.render.quiz import card


def test_pairs_teach_the_three_lessons_and_surprise(data):
    pairs = quiz_pairs(data, 10)
    assert len(pairs) == 10
    assert {p.lesson for p in pairs} == {"local_loses", "transport_matters", "production_dominates"}
    for p in pairs:
        a, b = p.comparison.options
        low, high = (a, b) if p.lower == 0 else (b, a)
        assert low.total_kg_co2e < high.total_kg_co2e
        if p.lesson == "local_loses":  # the French option loses, out of season
            assert high.country.code == "FR" and low.country.code != "FR"
            assert (
                high.season.status in ("heated_greenhouse", "cold_storage")
                or high.system == "heated_greenhouse"
            )
        elif p.lesson == "transport_matters":  # same product, same origin: the plane loses
            assert a.product.id == b.product.id and a.country.code == b.country.code
            assert high.main_mode == "air" and low.main_mode != "air"
        else:  # a French meat loses to a plant that crossed a sea
            assert high.product.category == "meat" and high.country.code == "FR"
            assert low.stages["transport"] > high.stages["transport"]


def test_card_answer_is_the_lower_option(data):
    for i, pair in enumerate(quiz_pairs(data, 6)):
        k = card(pair, i, "fr")
        low = pair.comparison.options[pair.lower]
        from footprint_cli.render.pupil import option_words

        assert option_words(low, "fr") in k["a" if k["letter"] == "A" else "b"]
    letters = [card(p, i, "fr")["letter"] for i, p in enumerate(quiz_pairs(data, 6))]
    assert set(letters) == {"A", "B"}  # the answer is not always on the same side


def test_markdown_quiz_with_answer_key(runner):
    result = runner.invoke(app, ["quiz", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert result.output.count("## Question") == 10
    key = result.output.split("## Corrigé")[1]
    assert len(re.findall(r"^\d+\. \*\*[AB]\*\*", key, re.M)) == 10
    assert "km en voiture" in key


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_intro_does_not_promise_ten_questions_when_asked_for_three(runner, lang):
    result = runner.invoke(app, ["quiz", "-n", "3", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.output.count("## Question") == 3
    assert not re.search(r"\b(dix|ten)\b", result.output, re.I), result.output[:300]
