"""`footprint report`: rows accounted for, totals equal to the engine, safe files, rendered HTML."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import check_golden
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.bridge import catering_price
from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import compute_report, parse_mode
from footprint_cli.catalog import Catalog
from footprint_cli.cli import app
from footprint_cli.engine import Scenario, compute
from footprint_cli.render.report import neutralise, to_html, to_markdown

DATA = Path(__file__).parent / "data"
SAMPLES = [
    "achats_tableur.csv",
    "macantine_export.csv",
    "achats.xlsx",
    "achats_sales.csv",
    "achats_compta_300.csv",
    "achats_classeur.xlsx",
]
DRAWS = ["--draws", "500"]


@pytest.fixture(scope="module")
def catalog(data):
    return Catalog(data)


def _report(data, catalog, name: str, **kw):
    pf = read_purchases(DATA / name)
    return pf, compute_report(pf, data, catalog, month_default=kw.pop("month_default", 3), draws=500, **kw)


@pytest.mark.parametrize("name", SAMPLES)
def test_every_row_is_accounted_for(data, catalog, name):
    pf, r = _report(data, catalog, name)
    assert r.rows_read == pf.rows_read
    assert r.rows_read == r.rows_computed + r.rows_rejected
    assert r.rows_computed > 0
    lines = set(r.lines["line"]) | set(r.rejected["line"])
    assert len(lines) == r.rows_read  # no line counted twice
    assert (r.rejected["reason"] != "").all()


@pytest.mark.parametrize("destination", [None, "Lyon"])
@pytest.mark.parametrize("name", SAMPLES)
def test_report_total_equals_the_engine_line_by_line(data, catalog, name, destination):
    # the same line and destination give the same figure in `report` and in `compare`, whole chain
    # included (collection and distribution legs, winters, proxies, refrigerated sea freight)
    _, r = _report(data, catalog, name, **({"destination": destination} if destination else {}))
    if destination:
        assert r.destination != "FR-RUNGIS"
    expected = 0.0
    for _, x in r.lines.iterrows():
        s = Scenario(
            product=x["product"],
            origin=x["origin_place"],
            month=int(x["month"]),
            destination=r.destination,
            quantity_kg=float(x["kg"]),
            preserved=x["season"] == "preserved",
        )
        one = compute(data, s, catalog=catalog, draws=200)
        assert x["total_kg_co2e"] == pytest.approx(one.total_kg_co2e, rel=1e-9)
        for stage, value in one.stages.items():
            assert x[f"{stage}_kg_co2e"] == pytest.approx(value, rel=1e-9, abs=1e-12)
        expected += one.total_kg_co2e
    assert r.total_kg_co2e == pytest.approx(expected, rel=1e-9)
    assert sum(r.stages_kg_co2e.values()) == pytest.approx(expected, rel=1e-9)
    assert sum(s.kg_co2e for s in r.by_family) == pytest.approx(expected, rel=1e-9)
    assert sum(s.kg_co2e for s in r.by_scope) == pytest.approx(expected, rel=1e-9)
    low, high = r.interval_kg_co2e
    assert low < high
    assert (r.lines["total_low_kg_co2e"] <= r.lines["total_high_kg_co2e"]).all()


def test_macantine_mass_is_estimated_from_price_and_flagged(data, catalog):
    _, r = _report(data, catalog, "macantine_export.csv")
    assert (r.lines["kg_method"] == "price").all()
    for _, x in r.lines.iterrows():
        # euros / the estimated catering price (not the retail shelf price)
        price = catering_price(data.products[x["product"]]).central
        assert price < data.products[x["product"]].price_eur_per_kg.central
        assert x["kg"] == pytest.approx(x["amount_eur"] / price)
        codes = {f.code for f in r.flag_groups[x["flag_group"]]}
        assert "mass_estimated_from_price" in codes
    # ma-cantine "est_local" makes the line local; EUROPE is the flagged Spanish proxy
    assert set(r.lines.loc[r.lines["local"].fillna(False).astype(bool), "origin_scope"]) == {"local"}
    europe = r.lines[r.lines["in:origine"] == "EUROPE"]
    assert (europe["origin_place"] == "ES").all()
    assert all(any(f.code == "origin_proxy_eu" for f in r.flag_groups[g]) for g in europe["flag_group"])
    assert r.organic_share_eur is not None and 0 < r.organic_share_eur < 1


def test_pieces_and_litres_are_converted_and_flagged(data, catalog):
    _, r = _report(data, catalog, "achats_tableur.csv")
    eggs = r.lines[r.lines["product"] == "egg"].iloc[0]
    assert eggs["kg_method"] == "pieces"
    assert eggs["kg"] == pytest.approx(360 * data.products["egg"].piece_kg)
    milk = r.lines[r.lines["product"] == "milk"].iloc[0]
    assert milk["kg_method"] == "volume" and milk["kg"] == 60


def test_weak_matches_and_unknown_origins_are_rejected_with_suggestions(data, catalog):
    _, r = _report(data, catalog, "achats_sales.csv")
    reasons = dict(zip(r.rejected["line"], r.rejected["reason"], strict=True))
    assert "product not recognised" in reasons[10] and "closest:" in reasons[10]
    assert "origin not recognised" in reasons[13]
    assert "formula" in reasons[11]


def test_what_ifs_have_intervals_and_probabilities(data, catalog):
    _, r = _report(data, catalog, "achats_tableur.csv", month_default=1)
    keys = {w.key: w for w in r.what_ifs}
    beef = keys["beef_to_pulses"]
    assert beef.saving_kg_co2e > 0 and beef.prob_saving > 0.95
    lo, hi = beef.saving_interval_kg_co2e
    assert lo < beef.saving_kg_co2e < hi
    assert beef.baseline_kg_co2e - beef.alternative_kg_co2e == pytest.approx(beef.saving_kg_co2e)
    # the local what-if only concerns imports France also grows: not bananas, not rice
    local = keys["local_not_imported"]
    imported = r.lines[r.lines["origin_scope"].isin(["europe", "world"])]
    assert local.lines < len(imported)


def test_air_and_heated_greenhouse_what_ifs(data, catalog, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit;Quantité;Origine;Mode;Mois\n"
        "Haricots verts;100;Kenya;avion;1\n"
        "Tomates;50;France;;1\n"
        "Tomates;50;Espagne;camion;7\n",
        encoding="utf-8",
    )
    pf = read_purchases(src)
    r = compute_report(pf, data, catalog, month_default=1, draws=500)
    keys = {w.key: w for w in r.what_ifs}
    assert keys["sea_not_air"].lines == 1 and keys["sea_not_air"].saving_kg_co2e > 0
    assert keys["in_season"].lines == 1 and keys["in_season"].saving_kg_co2e > 0
    assert keys["sea_not_air"].prob_saving > 0.9


def test_parse_mode():
    assert parse_mode("Avion") == "air"
    assert parse_mode("bateau frigorifique") == "sea"
    assert parse_mode("CAMION") == "road"
    assert parse_mode("téléportation") is None


def test_neutralise_formulas_but_not_numbers():
    import pandas as pd

    s = pd.Series(["=1+1", "+1+2", "-3,5", "@SUM(A1)", "pommes", "-12", "\tx", "- abc"], dtype=object)
    out = neutralise(s).tolist()
    assert out == ["'=1+1", "'+1+2", "-3,5", "'@SUM(A1)", "pommes", "-12", "'\tx", "'- abc"]


# ---------------------------------------------------------------- the command


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    delim = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delim))


@pytest.mark.parametrize("name", SAMPLES)
def test_command_writes_lines_and_rejected(runner, tmp_path, name):
    src = tmp_path / name
    shutil.copy(DATA / name, src)
    out = tmp_path / "rapport.csv"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), "--month", "3", *DRAWS])
    assert res.exit_code == 0, res.output
    pf = read_purchases(src)
    computed = _rows(out)
    rejected = _rows(tmp_path / "rapport.rejected.csv")
    assert len(computed) + len(rejected) == pf.rows_read
    assert f"{pf.rows_read} read, {len(computed)} computed, {len(rejected)} rejected" in res.output
    for row in rejected:
        assert row["line"].isdigit() and row["reason"]
    assert src.read_bytes() == (DATA / name).read_bytes()  # input untouched
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_output_columns_and_formula_neutralisation(runner, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit,Quantité,Origine,Fournisseur,Date\n"
        'Pommes,10,France,"=HYPERLINK(""http://x"")",2024-03-02\n'
        "Carottes,5,Bretagne,@cmd,2024-03-02\n"
        "=1+2,5,France,ok,2024-03-02\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), *DRAWS])
    assert res.exit_code == 0, res.output
    rows = _rows(out)
    assert [r["Fournisseur"] for r in rows] == ['\'=HYPERLINK("http://x")', "'@cmd"]
    for col in (
        "product",
        "match_score",
        "origin_place",
        "kg",
        "production_kg_co2e",
        "transport_kg_co2e",
        "total_kg_co2e",
        "total_low_kg_co2e",
        "total_high_kg_co2e",
        "price_model_eur",
        "carbon_cost_eur",
        "flags",
    ):
        assert col in rows[0], col
    rejected = _rows(tmp_path / "out.rejected.csv")
    assert rejected[0]["Produit"].startswith("'=")
    raw = (tmp_path / "out.rejected.csv").read_text(encoding="utf-8")
    assert "\n=" not in raw and ",=" not in raw


def test_never_overwrites_the_input(runner, tmp_path):
    src = tmp_path / "achats.csv"
    shutil.copy(DATA / "achats_sales.csv", src)
    before = src.read_bytes()
    for args in (["-o", str(src)], ["--html", str(src)], ["--summary", str(src)]):
        res = runner.invoke(app, ["report", str(src), *args, *DRAWS])
        assert res.exit_code == 2, res.output
        assert "input file" in res.output and "Traceback" not in res.output
    assert src.read_bytes() == before


def test_strict_exits_non_zero_when_rows_are_rejected(runner, tmp_path):
    out = tmp_path / "r.csv"
    res = runner.invoke(app, ["report", str(DATA / "achats_sales.csv"), "-o", str(out), "--strict", *DRAWS])
    assert res.exit_code == 1, res.output
    assert "--strict" in res.output
    ok = runner.invoke(app, ["report", str(DATA / "achats_tableur.csv"), "-o", str(out), "--strict", *DRAWS])
    assert ok.exit_code == 0, ok.output


def test_quiet_prints_only_the_counts(runner, tmp_path):
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sales.csv"), "-o", str(tmp_path / "r.csv"), "--quiet", *DRAWS]
    )
    assert res.exit_code == 0, res.output
    assert res.output.strip() == "13 read, 3 computed, 10 rejected"


def test_without_output_rejected_rows_are_listed(runner):
    res = runner.invoke(app, ["report", str(DATA / "achats_sales.csv"), "--month", "2", *DRAWS])
    assert res.exit_code == 0, res.output
    assert "Rejected rows" in res.output and "13: origin not recognised" in res.output


@pytest.mark.parametrize(
    ("name", "lang"),
    [("achats_tableur.csv", "fr"), ("macantine_export.csv", "fr"), ("achats_tableur.csv", "en")],
)
def test_golden_summaries(runner, tmp_path, name, lang):
    md = tmp_path / "s.md"
    res = runner.invoke(
        app, ["report", str(DATA / name), "--summary", str(md), "--month", "1", "--lang", lang, *DRAWS]
    )
    assert res.exit_code == 0, res.output
    stem = Path(name).stem
    check_golden(f"report_{stem}_{lang}.md", md.read_text(encoding="utf-8"))
    if lang == "en":
        check_golden(f"report_{stem}_{lang}.txt", res.stdout)


def test_html_report_is_self_contained(data, catalog):
    _, r = _report(data, catalog, "achats_tableur.csv")
    page = to_html(r, "fr", data)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    bare = page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace name, not a fetch
    for forbidden in ("http://", "https://", "<script", "<link", "<img", "@import", "url("):
        assert forbidden not in bare
    assert page.count("<svg") >= 4 and 'class="seg"' in page
    assert "Bilan carbone" in page and "Et si" in page
    md = to_markdown(r, "fr", data)
    assert "## Par origine" in md


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_html_report_renders_in_headless_chromium(runner, tmp_path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("headless Chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    page = tmp_path / "rapport.html"
    res = runner.invoke(
        app, ["report", str(DATA / "achats_tableur.csv"), "--html", str(page), "--quiet", *DRAWS]
    )
    assert res.exit_code == 0, res.output
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        page.resolve().as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Bilan carbone des achats" in dom.stdout
    assert dom.stdout.count("<svg") >= 4 and 'class="seg"' in dom.stdout


# ---------------------------------------------------------------- broken input never gives a traceback


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400))
def test_arbitrary_bytes_give_a_clear_error_or_a_report(runner, tmp_path, content):
    src = tmp_path / "x.csv"
    src.write_bytes(content)
    res = runner.invoke(app, ["report", str(src), "--quiet", "--month", "5", *DRAWS])
    assert res.exit_code in (0, 2), res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    if res.exit_code == 2:
        assert res.output.startswith("Error:")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["Pommes", "Boeuf", "Tomates", "x", "", "=1", "Riz;long", 'a"b']),
            st.sampled_from(["10", "1,5", "-2", "abc", "", "3 pièces", "2 L", "1e400"]),
            st.sampled_from(["France", "Espagne", "UE", "", "Atlantide", "29"]),
            st.sampled_from(["2024-01-05", "05/13/2024", "", "mars", "32/01/2024"]),
        ),
        max_size=12,
    )
)
def test_messy_rows_are_all_accounted_for(runner, tmp_path, rows):
    src = tmp_path / "m.csv"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["Produit", "Quantité", "Origine", "Date"])
    w.writerows(rows)
    src.write_text(buf.getvalue(), encoding="utf-8")
    out = tmp_path / "o.csv"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), "--quiet", *DRAWS])
    assert res.exit_code in (0, 2), res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    if res.exit_code == 0:
        n_read, n_comp, n_rej = (int(x.split()[0]) for x in res.output.strip().split(", "))
        assert n_read == n_comp + n_rej
        assert len(_rows(out)) == n_comp
        assert len(_rows(tmp_path / "o.rejected.csv")) == n_rej


def test_zero_quantity_lines_do_not_break_the_what_ifs(data, catalog, tmp_path):
    # a line of 0 kg of a product with a what-if (tomato: in season instead of heated greenhouse;
    # minced beef: pulses instead) weighs nothing: its what-if is an honest zero, not a crash
    path = tmp_path / "zero.csv"
    path.write_text(
        "Produit;Quantité;Unité;Mois\nTomates grappe;0;kg;1\nSteak haché;0;kg;1\n", encoding="utf-8"
    )
    r = compute_report(read_purchases(path), data, catalog, month_default=1, draws=200)
    assert r.rows_computed == 2 and r.total_kg_co2e == 0.0
    assert r.what_ifs, "the lines still concern what-ifs"
    for w in r.what_ifs:
        assert w.saving_kg_co2e == 0.0 and w.saving_interval_kg_co2e == (0.0, 0.0)


def test_destination_outside_mainland_france_is_an_error_not_a_refused_file(runner):
    # every line would be refused for the same reason: the command says so once, and exits 2
    res = runner.invoke(app, ["report", str(DATA / "achats_tableur.csv"), "--to", "Martinique", *DRAWS])
    assert res.exit_code == 2, res.output
    assert "Martinique" in res.output and "mainland France" in res.output
    assert "Traceback" not in res.output and "rejected" not in res.output
