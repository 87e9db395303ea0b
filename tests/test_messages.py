"""The message catalogue: every key in both languages with the same parameters, no key twice,
and no feature module adding texts at import time."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from footprint_cli import i18n
from footprint_cli.i18n import Message, catalogue, t, text

SRC = Path(__file__).resolve().parents[1] / "src" / "footprint_cli"


def _fields(template: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(template) if f}


# where the two languages may differ, and why
EXEMPT = {
    # English shows pydantic's own message (it names the check's details); French says the same
    # check in words, without pydantic's English
    **{k: "pydantic" for k in catalogue() if k.startswith("data.pyd.")},
    "pupil.option": "French elision: '250 g de pomme', 'd'orange' ({of})",
    "rep.col.group": "a column header left empty in both languages",
}


def test_every_key_has_both_languages_with_the_same_parameters():
    bad = []
    for key, texts in catalogue().items():
        if key in EXEMPT:
            continue
        assert isinstance(texts, tuple) and len(texts) == 2, key
        fr, en = texts
        if not fr.strip() or not en.strip():
            bad.append((key, "empty"))
        # a parameter may be worded in one language only when it has a twin for the other
        # (product / product_fr): both name the same thing
        fr_f = {f.removesuffix("_fr") for f in _fields(fr)}
        en_f = {f.removesuffix("_fr") for f in _fields(en)}
        if fr_f != en_f:
            bad.append((key, sorted(fr_f ^ en_f)))
    assert not bad, bad


def test_the_catalogue_is_large_and_each_domain_module_holds_a_plain_dict():
    assert len(catalogue()) > 800
    for domain in i18n.DOMAINS:
        path = SRC / "i18n" / "messages" / f"{domain}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a data module: a docstring and one literal dict, nothing imported, nothing called
        nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom | ast.Call)]
        assert all(getattr(n, "module", None) == "__future__" for n in nodes), domain


def test_no_module_adds_texts_at_import_time():
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "register(" in p.read_text(encoding="utf-8") or "noqa: E402" in p.read_text(encoding="utf-8")
    ]
    assert not offenders


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_message_is_worded_where_shown(lang):
    m = Message.joined([Message("reason.negative_amount"), Message("reason.date", value="13/13")])
    assert m == "negative amount; date not understood: '13/13'"  # its string is the English text
    assert text(m, lang) == "; ".join(
        [t("reason.negative_amount", lang), t("reason.date", lang, value="13/13")]
    )
    nested = Message(
        "reason.cannot_compute",
        scenario=Message("reason.scenario", product="x", place="FR", month=1),
        error=Message("reason.model"),
    )
    assert t("reason.model", lang) in text(nested, lang)
    assert text(nested.head(), lang) == text(nested, lang)
    import pickle

    assert text(pickle.loads(pickle.dumps(m)), lang) == text(m, lang)
