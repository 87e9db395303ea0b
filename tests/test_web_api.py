"""The JSON API of `footprint serve`: the same bytes as `--format json`, and clear 4xx errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

try:
    import fastapi  # noqa: F401
    import httpx
except ImportError:  # a user's machine without the web extra; never in CI
    if os.environ.get("CI"):
        raise
    pytest.skip("web extra not installed (pip install '.[web-test]')", allow_module_level=True)

from fastapi.testclient import TestClient  # noqa: E402

from footprint_cli.cli import app as cli_app  # noqa: E402
from footprint_cli.web.app import create_app  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def cli_stdout(runner, args: list[str]) -> bytes:
    result = runner.invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compare_is_the_cli_json_byte_for_byte(client, runner, lang):
    r = client.get(
        "/api/compare", params={"product": "apple", "origin": ["argentina", "NZ"], "month": 4, "lang": lang}
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    cli = cli_stdout(
        runner,
        ["compare", "apple", "-o", "argentina", "-o", "NZ", "-m", "4", "--format", "json", "--lang", lang],
    )
    assert r.content == cli
    body = r.json()
    assert [o["origin"] for o in body["options"]] == ["FR", "AR", "NZ"]


def test_compare_map_and_equivalents(client):
    params = {"product": "apple", "origin": "argentina", "month": 4, "lang": "fr"}
    body = client.get("/api/compare", params=params).json()
    argentina = body["options"][1]
    # the gap with the French apple in km by car, from the engine's totals and the sourced factor
    car = next(e for e in argentina["equivalents_of_gap"] if e["key"] == "car_km")
    gap = argentina["total_kg_co2e"] - body["options"][0]["total_kg_co2e"]
    assert car["value"] == pytest.approx(gap / 0.2176, rel=1e-3)
    assert all("from_lonlat" in leg for leg in argentina["legs"] if leg["distance_method"] != "chain")
    svg = client.get("/api/compare/map.svg", params=params)
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    # the legs drawn on the world outline, the port named
    assert "<path" in svg.text and ("Buenos Aires" in svg.text or "San Antonio" in svg.text)
    assert (
        client.get("/api/compare/map.svg", params={**params, "product": "pommme de terrre"}).status_code
        == 404
    )


def test_compare_options_reach_the_engine(client, runner):
    params = {
        "product": ["tomato@spain", "tomato@morocco"],
        "month": 1,
        "quantity": "500g",
        "carbon_price": "100",
        "seed": 7,
        "draws": 2000,
        "lang": "fr",
    }
    r = client.get("/api/compare", params=params)
    assert r.status_code == 200, r.text
    cli = cli_stdout(
        runner,
        [
            "compare",
            "tomato@spain",
            "tomato@morocco",
            "-m",
            "1",
            "-q",
            "500g",
            "--carbon-price",
            "100",
            "--seed",
            "7",
            "--draws",
            "2000",
            "--format",
            "json",
            "--lang",
            "fr",
        ],
    )
    assert r.content == cli
    assert r.json()["options"][0]["quantity_kg"] == pytest.approx(0.5)


def test_explain_is_the_cli_json_byte_for_byte(client, runner):
    r = client.get("/api/explain", params={"product": "tomato", "origin": "spain", "month": 1, "lang": "fr"})
    assert r.status_code == 200, r.text
    cli = cli_stdout(
        runner, ["explain", "tomato", "-o", "spain", "-m", "1", "--format", "json", "--lang", "fr"]
    )
    assert r.content == cli
    body = r.json()
    first = body["options"][0]
    # the steps re-derived from the recorded factors add up to the engine's total
    assert sum(s["kg_co2e"] for s in first["steps"]) == pytest.approx(first["total_kg_co2e"], rel=1e-4)
    assert {f["source"] for s in first["steps"] for f in s["factors"]} <= set(body["sources"])


@pytest.mark.parametrize(
    ("params", "args"),
    [
        ({"product": "pomme"}, ["season", "pomme"]),
        ({"category": "fruit"}, ["season", "-c", "fruit"]),
        ({"product": "tomato", "origin": "ES"}, ["season", "tomato", "-o", "ES"]),
    ],
)
def test_season_is_the_cli_json_byte_for_byte(client, runner, params, args):
    r = client.get("/api/season", params={**params, "lang": "en"})
    assert r.status_code == 200, r.text
    assert r.content == cli_stdout(runner, [*args, "--format", "json", "--lang", "en"])
    assert len(r.json()["products"][0]["months"]) == 12


@pytest.mark.parametrize(
    ("path", "params", "args"),
    [
        ("/api/products", {"search": "pom"}, ["products", "--search", "pom"]),
        ("/api/products", {"category": "fruit"}, ["products", "-c", "fruit"]),
        ("/api/origins", {"search": "arg"}, ["origins", "--search", "arg"]),
        ("/api/origins", {"kind": "region"}, ["origins", "--kind", "region"]),
    ],
)
def test_listings_are_the_cli_json_byte_for_byte(client, runner, path, params, args):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.content == cli_stdout(runner, [*args, "--format", "json"])


def test_search_as_you_type_finds_french_and_english_names(client):
    fr = {p["id"] for p in client.get("/api/products", params={"search": "pomm"}).json()["products"]}
    en = {p["id"] for p in client.get("/api/products", params={"search": "appl"}).json()["products"]}
    assert "apple" in fr and "apple" in en


@pytest.mark.parametrize("name", ["achats_tableur.csv", "macantine_export.csv", "achats.xlsx"])
def test_report_is_the_cli_report(client, runner, tmp_path, name):
    src = DATA / name
    r = client.post(
        "/api/report", params={"filename": name, "month": 3, "lang": "fr"}, content=src.read_bytes()
    )
    assert r.status_code == 200, r.text
    out = tmp_path / "lines.csv"
    cli = cli_stdout(
        runner, ["report", str(src), "-m", "3", "--format", "json", "--lang", "fr", "-o", str(out)]
    )
    assert r.content == cli
    lines = client.post(
        "/api/report",
        params={"filename": name, "month": 3, "lang": "fr", "output": "lines"},
        content=src.read_bytes(),
    )
    assert lines.status_code == 200
    assert lines.content == out.read_bytes()
    assert "attachment" in lines.headers["content-disposition"]
    rejected = client.post(
        "/api/report",
        params={"filename": name, "month": 3, "lang": "fr", "output": "rejected"},
        content=src.read_bytes(),
    )
    assert rejected.content == (tmp_path / "lines.rejected.csv").read_bytes()


def test_report_bundle_carries_everything_the_page_shows(client):
    src = DATA / "achats_tableur.csv"
    r = client.post(
        "/api/report", params={"filename": src.name, "month": 3, "output": "bundle"}, content=src.read_bytes()
    )
    assert r.status_code == 200, r.text
    b = r.json()
    s = b["summary"]
    assert s["coverage"]["rows_read"] == s["coverage"]["rows_computed"] + s["coverage"]["rows_rejected"]
    low, high = s["totals"]["interval_kg_co2e"]
    assert low <= s["totals"]["kg_co2e"] <= high
    assert sum(f["kg_co2e"] for f in s["by_family"]) == pytest.approx(s["totals"]["kg_co2e"], rel=1e-6)
    assert s["what_ifs"]
    assert b["lines_csv"]["name"] == "achats_tableur.footprint.csv"
    assert b["lines_csv"]["text"].count("\n") == s["coverage"]["rows_computed"] + 1
    assert "<svg" in b["html"]["text"]


# ---------------------------------------------------------------- errors: 4xx, clear, translated


def _error(r) -> dict:
    body = r.json()
    assert set(body) == {"error"}, body
    assert "Traceback" not in r.text
    return body["error"]


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", ["produit inconnu", "Vouliez-vous dire"]), ("en", ["Unknown product"])]
)
def test_unknown_product_is_a_404_with_suggestions(client, lang, words):
    r = client.get("/api/compare", params={"product": "pomme de terr", "month": 4, "lang": lang})
    assert r.status_code == 404
    err = _error(r)
    assert all(w in err["message"] for w in words), err
    # each suggestion is a name in the page's language, which the product field takes back
    assert any(("pomme de terre" if lang == "fr" else "potato") in s.lower() for s in err["suggestions"]), err


def test_unknown_origin_is_a_404(client):
    r = client.get("/api/compare", params={"product": "apple", "origin": "Atlantide", "lang": "fr"})
    assert r.status_code == 404
    assert "lieu inconnu" in _error(r)["message"]


@pytest.mark.parametrize(
    ("params", "fr"),
    [
        ({"product": "apple", "month": 13}, "month : valeur refusée (13) — au plus 12"),
        ({"product": "apple", "month": 0}, "au moins 1"),
        ({"product": "apple", "month": "mai"}, "nombre entier attendu"),
        ({"month": 4}, "product : valeur manquante"),
        ({"product": "apple", "origin": "ES", "quantity": "3 camions"}, "Erreur"),
        ({"product": "apple", "origin": "ES", "draws": 10**9}, "au plus 100000"),
    ],
)
def test_bad_parameters_are_422_in_the_pages_language(client, params, fr):
    r = client.get("/api/compare", params={**params, "lang": "fr"})
    assert r.status_code == 422
    assert fr in _error(r)["message"]


def test_bad_month_in_english(client):
    r = client.get("/api/season", params={"product": "apple", "lang": "en"})
    assert r.status_code == 200
    r = client.get("/api/compare", params={"product": "apple", "month": 13, "lang": "en"})
    assert r.status_code == 422
    assert "month: value refused (13) — at most 12" in _error(r)["message"]


def test_binary_upload_is_a_422_naming_the_uploaded_file_not_the_temporary_one(client):
    blob = bytes(range(256)) * 64
    r = client.post("/api/report", params={"filename": "achats.csv", "lang": "fr"}, content=blob)
    assert r.status_code == 422
    err = _error(r)
    assert err["message"].startswith("Erreur")
    assert "achats.csv" in err["message"] and "footprint-web-" not in err["message"]


def test_broken_workbook_and_empty_upload(client):
    r = client.post("/api/report", params={"filename": "achats.xlsx"}, content=b"PK\x03\x04not a zip")
    assert r.status_code == 422
    r = client.post("/api/report", params={"filename": "achats.csv", "lang": "en"}, content=b"")
    assert r.status_code == 400
    assert "no file received" in _error(r)["message"]


def test_upload_over_the_limit_is_stopped_while_streaming():
    small = TestClient(create_app(max_upload_mb=1))
    sent = []

    def body():
        for _ in range(200):  # 200 MB if it were all read
            sent.append(1)
            yield b"x" * (1024 * 1024)

    r = small.post("/api/report", params={"filename": "big.csv", "lang": "fr"}, content=body())
    assert r.status_code == 413
    err = _error(r)
    assert "limite est de 1 Mo" in err["message"]


def test_200_mb_upload_to_the_real_server_is_stopped_and_leaves_nothing(live_server):
    def body():
        for _ in range(200):
            yield b"0" * (1024 * 1024)

    with httpx.Client(timeout=60) as http:
        r = http.post(
            live_server + "api/report",
            params={"filename": "big.csv", "lang": "fr"},
            content=body(),
            headers={"Content-Type": "application/octet-stream"},
        )
        assert r.status_code == 413
        assert "la limite est de 50 Mo" in _error(r)["message"]
        ok = http.post(
            live_server + "api/report",
            params={"filename": "achats.csv", "month": 3},
            content=(DATA / "achats_tableur.csv").read_bytes(),
        )
        assert ok.status_code == 200, ok.text
    # the uploads were written to a temporary directory that is gone
    assert list(live_server.tmpdir.iterdir()) == []


def test_declared_200_mb_upload_is_refused_before_reading(client):
    r = client.post(
        "/api/report",
        params={"filename": "big.csv", "lang": "en"},
        content=b"x",
        headers={"Content-Length": str(200 * 1024 * 1024)},
    )
    assert r.status_code == 413
    assert "the limit is 50 MB" in _error(r)["message"]


def test_a_defect_is_a_500_that_says_so_without_a_traceback(monkeypatch):
    from footprint_cli.render import report_json

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a defect")

    monkeypatch.setattr(report_json, "to_json", broken)
    c = TestClient(create_app(), raise_server_exceptions=False)
    src = DATA / "achats_tableur.csv"
    r = c.post("/api/report", params={"filename": src.name, "lang": "fr"}, content=src.read_bytes())
    assert r.status_code == 500
    err = _error(r)
    assert "erreur interne du calcul (ZeroDivisionError)" in err["message"]
    assert "a defect" not in r.text


def test_unknown_address_and_method(client):
    r = client.get("/api/nothing", params={"lang": "fr"})
    assert r.status_code == 404 and "adresse inconnue" in _error(r)["message"]
    r = client.get("/api/report")
    assert r.status_code == 405


# ---------------------------------------------------------------- the page and its description


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("compare", "explain", "season", "products", "origins", "report"):
        assert f"/api/{path}" in spec["paths"], path
    body = spec["paths"]["/api/report"]["post"]["requestBody"]
    assert "application/octet-stream" in body["content"]


def test_no_cdn_docs_page(client):
    assert client.get("/docs").status_code == 404


def test_page_is_french_by_default_and_english_on_request(client):
    fr = client.get("/")
    assert fr.status_code == 200 and '<html lang="fr"' in fr.text
    assert "l'empreinte carbone" in fr.text
    en = client.get("/", params={"lang": "en"})
    assert '<html lang="en"' in en.text
    ui = client.get("/api/ui", params={"lang": "en"}).json()
    assert ui["texts"]["web.nav.compare"] == "Compare" and ui["texts"]["month.1"] == "January"


def test_page_assets_are_local(client):
    html = client.get("/").text
    assert "https://" not in html and "http://" not in html.replace('xmlns="http://www.w3.org', "")
    for asset in ("/static/app.js", "/static/app.css"):
        r = client.get(asset)
        assert r.status_code == 200 and "https://" not in r.text, asset


def test_every_page_text_is_in_both_languages(client):
    fr = client.get("/api/ui", params={"lang": "fr"}).json()["texts"]
    en = client.get("/api/ui", params={"lang": "en"}).json()["texts"]
    assert fr.keys() == en.keys()
    static = Path(__file__).resolve().parents[1] / "src" / "footprint_cli" / "web" / "static"
    import re

    used = set()
    for f in ("index.html", "app.js"):
        text = (static / f).read_text(encoding="utf-8")
        used |= set(re.findall(r"data-(?:t|ph)=\"(web\.[\w.]+)\"", text))
        used |= set(re.findall(r"tr\(\"(web\.[\w.]+)\"", text))
    assert used and used <= set(fr), sorted(used - set(fr))


def test_serve_without_the_extra_says_how_to_install(runner, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a)
    )
    for lang, words in (("fr", "installez-les avec"), ("en", "install them with")):
        result = runner.invoke(cli_app, ["serve", "--no-browser", "--lang", lang])
        assert result.exit_code == 2, result.output
        assert words in result.output and 'pip install ".[web]"' in result.output
        assert "uvicorn" in result.output and "Traceback" not in result.output


def test_json_answers_parse(client):
    # the byte-equal answers are also valid JSON documents with units in their names
    body = json.loads(client.get("/api/compare", params={"product": "apple", "month": 4}).content)
    assert {"total_kg_co2e", "interval_kg_co2e", "price_eur", "carbon_cost_eur"} <= set(body["options"][0])


@pytest.mark.parametrize(
    ("lang", "says", "names"),
    [
        ("fr", "la France n'en est pas l'origine habituelle", "Islande, Norvège, Danemark"),
        ("en", "France is not its usual origin", "Iceland, Norway, Denmark"),
    ],
)
def test_the_page_says_france_is_not_the_usual_origin(client, lang, says, names):
    # cod: France imports most of it (PdM Seafood Mag species guide, 2022 trade): without an
    # origin, the page compares its usual import origins and says why there is no French option
    params = {"product": "cabillaud", "month": 3, "lang": lang}
    compared = client.get("/api/compare", params=params).json()
    assert [o["origin"] for o in compared["options"]] == ["IS", "NO", "DK"]
    r = client.get("/api/compare/notes", params=params)
    assert r.status_code == 200, r.text
    (note,) = r.json()["notes"]
    assert says in note and names in note and "--origin" not in note
    # a French option asked for explicitly: France imports most of it, said in the page's words
    asked = client.get("/api/compare/notes", params={**params, "origin": "France"}).json()["notes"]
    assert len(asked) == 1 and "--origin" not in asked[0] and says not in asked[0]
    # a product France grows: nothing to say
    assert client.get("/api/compare/notes", params={"product": "apple", "lang": lang}).json() == {"notes": []}
    # the page asks for the notes and shows them
    static = Path(__file__).resolve().parents[1] / "src" / "footprint_cli" / "web" / "static"
    assert '"/api/compare/notes"' in (static / "app.js").read_text(encoding="utf-8")
