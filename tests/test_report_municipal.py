"""What élus and canteen managers ask of a report: per site, supplier and month, per meal,
protein balance, year on year, an Excel workbook that opens in LibreOffice, plain words."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from footprint_cli.batch import breakdowns as bd
from footprint_cli.batch.reader import read_purchases
from footprint_cli.batch.report import compute_report
from footprint_cli.batch.year_on_year import compare_reports
from footprint_cli.catalog import Catalog
from footprint_cli.cli import app
from footprint_cli.render import municipal

DATA = Path(__file__).parent / "data"
SAMPLES = [
    "achats_sites.csv",
    "achats_tableur.csv",
    "macantine_export.csv",
    "achats.xlsx",
    "achats_sales.csv",
]
DRAWS = ["--draws", "300"]


@pytest.fixture(scope="module")
def catalog(data):
    return Catalog(data)


def _report(data, catalog, name: str, seed: int = 42):
    pf = read_purchases(DATA / name)
    return compute_report(pf, data, catalog, month_default=3, draws=300, seed=seed)


@pytest.fixture(scope="module")
def sites(data, catalog):
    return _report(data, catalog, "achats_sites.csv")


# ---------------------------------------------------------------- breakdowns add up


def _adds_up(r, groups):
    assert sum(g.lines for g in groups) == r.rows_computed
    assert sum(g.kg for g in groups) == pytest.approx(r.total_kg, rel=1e-12)
    assert sum(g.kg_co2e for g in groups) == pytest.approx(r.total_kg_co2e, rel=1e-12)
    assert sum(g.share for g in groups) == pytest.approx(1.0)
    assert sum(g.carbon_cost_eur for g in groups) == pytest.approx(r.carbon_cost_eur, rel=1e-12)


@pytest.mark.parametrize("name", SAMPLES)
def test_month_totals_add_up_to_the_file_total(data, catalog, name):
    r = _report(data, catalog, name)
    months = bd.by_month(r)
    _adds_up(r, months)
    keys = [g.key for g in months]
    assert keys == sorted(keys, key=lambda k: int(k) if k else 13)  # calendar order, "no date" last


@pytest.mark.parametrize("name", SAMPLES)
def test_site_and_supplier_totals_add_up_where_the_file_has_them(data, catalog, name):
    r = _report(data, catalog, name)
    for column, groups in (bd.by_site(r), bd.by_supplier(r)):
        if column:
            _adds_up(r, groups)


def test_sites_suppliers_and_months_of_a_central_kitchen_file(sites):
    column, groups = bd.by_site(sites)
    assert column == "École / site"
    assert {g.key for g in groups} == {"Cuisine centrale", "École Jules Ferry", "École Pasteur"}
    column, groups = bd.by_supplier(sites)
    assert column == "Fournisseur" and len(groups) == 4
    months = {g.key: g for g in bd.by_month(sites)}
    assert "8" not in months  # no delivery in August
    assert months[""].lines == 1  # the line without a date, apart
    # each site's figure is its own lines' sum
    site_col = sites.table["in:École / site"].astype(str).to_numpy()
    total = sites.column("total_kg_co2e")
    for g in bd.by_site(sites)[1]:
        assert g.kg_co2e == pytest.approx(float(total[site_col == g.key].sum()), rel=1e-12)


def test_macantine_export_names_the_canteen_by_its_siret(data, catalog):
    r = _report(data, catalog, "macantine_export.csv")
    assert bd.site_header(r) == "siret"


def test_site_column_can_be_named(sites):
    assert bd.site_header(sites, "fournisseur") == "Fournisseur"
    from footprint_cli.errors import InputError

    with pytest.raises(InputError):
        bd.site_header(sites, "nowhere")


# ---------------------------------------------------------------- per meal and protein


@pytest.mark.parametrize("meals", [1, 7, 12_000, 123_457])
def test_per_meal_figures_divide_exactly(sites, meals):
    pm = bd.per_meal(sites, meals)
    assert pm.kg_co2e == sites.total_kg_co2e / meals
    assert pm.interval_kg_co2e == (sites.interval_kg_co2e[0] / meals, sites.interval_kg_co2e[1] / meals)
    assert pm.kg == sites.total_kg / meals
    assert pm.amount_eur == sites.amount_eur / meals
    assert pm.carbon_cost_eur == sites.carbon_cost_eur / meals


def test_protein_balance_counts_animal_and_plant_sources_by_category(data, sites):
    p = bd.protein_balance(sites, data)
    cats = [data.products[pid].category for pid in sites.column("product")]
    kg = sites.column("kg")
    animal = sum(k for k, c in zip(kg, cats, strict=True) if c in {"meat", "fish", "egg", "dairy"})
    plant = sum(k for k, c in zip(kg, cats, strict=True) if c in {"pulse", "cereal"})
    assert p.animal_kg == pytest.approx(animal) and p.plant_kg == pytest.approx(plant)
    assert animal > 0 and plant > 0
    assert p.animal_share_kg + p.plant_share_kg == pytest.approx(1.0)
    assert p.animal_share_eur + p.plant_share_eur == pytest.approx(1.0)
    # fruit and vegetables are not protein sources
    assert p.animal_kg + p.plant_kg < sites.total_kg


# ---------------------------------------------------------------- year on year


def test_a_file_against_itself_changes_by_exactly_zero(data, catalog):
    a, b = _report(data, catalog, "achats_sites.csv"), _report(data, catalog, "achats_sites.csv")
    y = compare_reports(a, b)
    assert y.change_kg_co2e == 0.0
    assert y.change_interval_kg_co2e == (0.0, 0.0)
    assert y.prob_increase == 0.0
    assert all(c.change_kg_co2e == 0.0 for c in [*y.by_family, *y.by_scope, *y.by_stage, *y.by_product])
    assert all(c.change_interval_kg_co2e == (0.0, 0.0) for c in y.by_family)


def test_year_on_year_is_paired_and_its_parts_add_up(data, catalog, sites):
    before = _report(data, catalog, "achats_sites_2024.csv")
    y = compare_reports(before, sites)
    assert y.change_kg_co2e == pytest.approx(sites.total_kg_co2e - before.total_kg_co2e)
    for parts in (y.by_family, y.by_scope, y.by_stage, y.by_product):
        assert sum(c.change_kg_co2e for c in parts) == pytest.approx(y.change_kg_co2e, rel=1e-9)
    lo, hi = y.change_interval_kg_co2e
    assert lo <= hi
    # paired draws: the change is known more tightly than the two totals side by side
    width = (sites.interval_kg_co2e[1] - sites.interval_kg_co2e[0]) + (
        before.interval_kg_co2e[1] - before.interval_kg_co2e[0]
    )
    assert hi - lo < width
    # each family's draws are paired too, and the families' draws add up to the total's
    for r in (before, sites):
        families = sum(r.family_draws_kg_co2e.values())
        assert families == pytest.approx(r.total_draws_kg_co2e, rel=1e-9)
    assert all(c.change_interval_kg_co2e[0] <= c.change_interval_kg_co2e[1] for c in y.by_family)
    # the products that explain it come first: the largest change leads
    assert abs(y.by_product[0].change_kg_co2e) == max(abs(c.change_kg_co2e) for c in y.by_product)


def test_year_on_year_needs_the_same_seed(data, catalog, sites):
    from footprint_cli.errors import InputError

    with pytest.raises(InputError):
        compare_reports(_report(data, catalog, "achats_sites_2024.csv", seed=1), sites)


# ---------------------------------------------------------------- command: json, csv flags


def _json(runner, *args):
    res = runner.invoke(app, ["report", *args, "--format", "json", *DRAWS])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_json_summary_gives_per_meal_and_breakdowns(runner):
    out = _json(runner, str(DATA / "achats_sites.csv"), "--meals", "12000", "--month", "3")
    total = out["totals"]["kg_co2e"]
    assert out["per_meal"]["kg_co2e"] == pytest.approx(total / 12000, rel=1e-6)
    assert out["by_site"]["column"] == "École / site"
    for key in ("by_month", "by_family", "by_scope"):
        groups = out[key]
        assert sum(g["kg_co2e"] for g in groups) == pytest.approx(total, rel=1e-6)
    assert out["protein"]["animal_share_kg"] is not None
    assert [f["code"] for f in out["flags"]] == [f"F{i}" for i in range(1, len(out["flags"]) + 1)]


def test_json_year_on_year_of_a_file_against_itself(runner):
    f = str(DATA / "achats_sites.csv")
    out = _json(runner, f, "--against", f, "--month", "3")
    assert out["year_on_year"]["change_kg_co2e"] == 0.0
    assert out["year_on_year"]["change_interval_kg_co2e"] == [0.0, 0.0]


def _csv_rows(path: Path, sep: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=sep))


def test_per_line_flags_are_short_codes_with_a_legend(runner, tmp_path):
    out, md = tmp_path / "lignes.csv", tmp_path / "s.md"
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sites.csv"), "-o", str(out), "--summary", str(md), *DRAWS]
    )
    assert res.exit_code == 0, res.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the input's French spreadsheet profile: BOM, ';', ','
    rows = _csv_rows(out, ";")
    assert "," in rows[0]["kg_co2e_per_kg"]
    legend = {}
    for line in md.read_text(encoding="utf-8").splitlines():
        if re.match(r"\| F\d+ \|", line):
            code, text, n = (c.strip() for c in line.strip("|").split(" | "))
            legend[code] = (text, int(n))
    used: dict[str, int] = {}
    for r in rows:
        for code in r["flags"].split():
            used[code] = used.get(code, 0) + 1
    assert used == {code: n for code, (_, n) in legend.items()}
    verbose = tmp_path / "verbose.csv"
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sites.csv"), "-o", str(verbose), "--verbose-flags", *DRAWS]
    )
    assert res.exit_code == 0, res.output
    long_rows = _csv_rows(verbose, ";")
    for short, long in zip(rows, long_rows, strict=True):
        assert {legend[c][0] for c in short["flags"].split()} == set(long["flags"].split("; ")) - {""}


def test_site_column_option(runner):
    out = _json(runner, str(DATA / "achats_sites.csv"), "--columns", "site=Fournisseur")
    assert out["by_site"]["column"] == "Fournisseur"


# ---------------------------------------------------------------- the workbook


def _injected(tmp_path: Path) -> Path:
    src = tmp_path / "achats.csv"
    text = (DATA / "achats_sites.csv").read_text(encoding="utf-8-sig").splitlines()
    text[1] = text[1].replace("Boucherie Martin", '=HYPERLINK("http://x")')
    text[2] = text[2].replace("Primeurs du Val", "@cmd")
    text.append("05/03/2025;+33 École;-Fournisseur;Chou-fleur de nulle part;2;3;France")
    src.write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    return src


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    from typer.testing import CliRunner

    tmp = tmp_path_factory.mktemp("xlsx")
    src = _injected(tmp)
    out = tmp / "rapport.xlsx"
    env = {"COLUMNS": "120", "NO_COLOR": "1", "LANG": "C.UTF-8", "FOOTPRINT_DATA": ""}
    args = [
        "report",
        str(src),
        "-o",
        str(out),
        "--meals",
        "12000",
        "--against",
        str(DATA / "achats_sites_2024.csv"),
    ]
    res = CliRunner().invoke(app, [*args, "--format", "json", "--month", "3", *DRAWS], env=env)
    assert res.exit_code == 0, res.output
    return out, json.loads(res.stdout)


def test_workbook_sheets_numbers_and_neutralised_text(workbook):
    from openpyxl import load_workbook

    out, summary = workbook
    assert not out.with_name("rapport.rejected.xlsx").exists()
    wb = load_workbook(out)
    assert wb.sheetnames == ["Synthèse", "Répartitions", "Lignes", "Rejetées", "Hypothèses"]
    lines = wb["Lignes"]
    head = [c.value for c in lines[1]]
    col = {h: i for i, h in enumerate(head)}
    body = list(lines.iter_rows(min_row=2))
    assert len(body) == summary["coverage"]["rows_computed"]
    total = sum(row[col["total_kg_co2e"]].value for row in body)
    assert total == pytest.approx(summary["totals"]["kg_co2e"], rel=1e-6)
    assert all(isinstance(row[col["kg"]].value, int | float) for row in body)
    cells = [row[col["Fournisseur"]] for row in body]
    formula = next(c for c in cells if str(c.value).startswith("="))
    assert formula.data_type == "s" and formula.value == '=HYPERLINK("http://x")'
    assert any(c.value == "@cmd" and c.data_type == "s" for c in cells)
    for ws in wb.worksheets:  # no cell of any sheet is a formula
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)
    synth = {r[0].value: r[1] for r in wb["Synthèse"].iter_rows() if r and len(r) > 1}
    assert synth["Émissions (kg CO2e)"].value == pytest.approx(summary["totals"]["kg_co2e"])
    assert synth["Émissions (kg CO2e)"].number_format == "#,##0.0"
    assert synth["kg CO2e par repas"].value == pytest.approx(summary["totals"]["kg_co2e"] / 12000, rel=1e-6)


def _libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def test_workbook_opens_in_libreoffice_and_its_figures_survive(workbook, tmp_path):
    office = _libreoffice()
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (.ci/run installs it)")
        pytest.skip("LibreOffice not installed")
    out, summary = workbook
    # every sheet to its own UTF-8 CSV, raw values (not as displayed)
    fmt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    profile = tmp_path / "lo-profile"
    res = subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr

    def sheet(name: str) -> list[list[str]]:
        return list(csv.reader((tmp_path / f"rapport-{name}.csv").read_text(encoding="utf-8").splitlines()))

    lines = sheet("Lignes")
    col = {h: i for i, h in enumerate(lines[0])}
    body = lines[1:]
    assert len(body) == summary["coverage"]["rows_computed"]
    # numbers stay numbers: LibreOffice gives them back as plain numbers, summing to the total
    assert sum(float(r[col["total_kg_co2e"]]) for r in body) == pytest.approx(
        summary["totals"]["kg_co2e"], rel=1e-6
    )
    assert sum(float(r[col["kg"]]) for r in body) == pytest.approx(summary["totals"]["kg"], rel=1e-6)
    # text that looks like a formula is still the text, never evaluated
    suppliers = {r[col["Fournisseur"]] for r in body}
    assert '=HYPERLINK("http://x")' in suppliers and "@cmd" in suppliers and "-Fournisseur" in suppliers
    synth = {r[0]: r[1:] for r in sheet("Synthèse") if r}
    assert float(synth["Émissions (kg CO2e)"][0]) == pytest.approx(summary["totals"]["kg_co2e"], rel=1e-6)
    assert float(synth["kg CO2e par repas"][0]) == pytest.approx(
        summary["totals"]["kg_co2e"] / 12000, rel=1e-6
    )
    breakdowns = sheet("Répartitions")
    sites = breakdowns[[r[0] for r in breakdowns].index("Par site (École / site)") + 2 :]
    site_total = 0.0
    for r in sites:
        if not r[0]:
            break
        site_total += float(r[3])
    assert site_total == pytest.approx(summary["totals"]["kg_co2e"], rel=1e-6)


# ---------------------------------------------------------------- plain words


def test_html_first_page_is_in_plain_words(data, catalog, sites):
    from footprint_cli.render.report import to_html

    x = municipal.extras_of(sites, data, meals=12000, rejected_path="rapport.rejected.csv")
    page = to_html(sites, "fr", data, rejected_path="rapport.rejected.csv", extras=x)
    start = page.index('<section class="plain">')
    first = page[start : page.index("</section>", start)]
    for jargon in ("Monte", "vac-2025", "graine", "centile", "tirages", "proxy"):
        assert jargon not in first, jargon
    assert "valeur de l&#x27;action pour le climat" in first and "France Stratégie" in first
    assert "par repas" in first.lower()
    assert "prises en compte : 34" in first
    # the year's chart: one bar per month with purchases, plus the lines without a date
    months = [g for g in bd.by_month(sites) if g.kg_co2e > 0]
    assert page.count('<rect class="month"') == len(months)
    # assumptions: a few lines up front, every one in the annex
    assert first.count("<li>") <= len(municipal.FLAG_KINDS) + 1
    legend = municipal.flag_legend(sites, "fr").entries
    assert all(f"<td>{code}</td>" in page for code, _, _ in legend)


def test_rejections_are_prominent(data, catalog):
    r = _report(data, catalog, "achats_sales.csv")
    assert r.rows_rejected
    from footprint_cli.render.report import to_html

    page = to_html(r, "en", data, rejected_path="out.rejected.csv")
    start = page.index('<section class="plain">')
    first = page[start : page.index("</section>", start)]
    assert 'class="coverage warn"' in first
    assert f"set aside: {r.rows_rejected}" in first and "out.rejected.csv" in first


# ---------------------------------------------------------------- a meals file per site and month


def test_meals_file_gives_per_meal_figures_per_site_and_month(runner):
    counts = bd.read_meals(DATA / "repas_sites.csv")
    assert counts.site_column == "Site" and counts.month_column == "Mois"
    out = _json(runner, str(DATA / "achats_sites.csv"), "--meals", str(DATA / "repas_sites.csv"))
    assert out["per_meal"]["meals"] == counts.total
    assert out["per_meal"]["kg_co2e"] == pytest.approx(out["totals"]["kg_co2e"] / counts.total, rel=1e-6)
    assert out["per_meal"]["months_not_counted"] == []
    by_site = counts.by_site()
    for g in out["by_site"]["groups"]:
        assert g["kg_co2e_per_meal"] == g["kg_co2e"] / by_site[g["key"]]
    by_month = counts.by_month()
    for g in out["by_month"]:
        if g["key"]:
            assert g["kg_co2e_per_meal"] == g["kg_co2e"] / by_month[g["key"]]
        else:  # the line without a date has no month to divide by
            assert "kg_co2e_per_meal" not in g


def test_meals_file_that_leaves_out_months_says_so(runner, tmp_path):
    short = tmp_path / "repas.csv"
    short.write_text(
        "Site;Mois;Repas\nCuisine centrale;01/2025;1 200\nÉcole Pasteur;1;800\n", encoding="utf-8"
    )
    out = _json(runner, str(DATA / "achats_sites.csv"), "--meals", str(short))
    assert out["per_meal"]["meals"] == 2000
    assert "1" not in out["per_meal"]["months_not_counted"] and "12" in out["per_meal"]["months_not_counted"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [("Site;Repas\nA;beaucoup\n", "not a whole number"), ("Site;Mois;Repas\nA;13;5\n", "month")],
)
def test_bad_meals_files_are_refused_with_their_line(runner, tmp_path, content, needle):
    bad = tmp_path / "repas.csv"
    bad.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["report", str(DATA / "achats_sites.csv"), "--meals", str(bad), *DRAWS])
    assert res.exit_code == 2, res.output
    assert needle in res.output and "repas.csv:2" in res.output and "Traceback" not in res.output


def test_meals_must_be_a_number_or_a_file(runner):
    res = runner.invoke(app, ["report", str(DATA / "achats_sites.csv"), "--meals", "zero", *DRAWS])
    assert res.exit_code == 2 and "--meals" in res.output


def test_workbook_in_english_and_its_row_limit(runner, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from footprint_cli.render import workbook as wbmod

    out = tmp_path / "report.xlsx"
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sales.csv"), "--xlsx", str(out), "--lang", "en", *DRAWS]
    )
    assert res.exit_code == 0, res.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Breakdowns", "Lines", "Rejected", "Assumptions"]
    rejected = list(wb["Rejected"].iter_rows(values_only=True))
    assert rejected[0][:2] == ("line", "reason") and len(rejected) - 1 > 0
    monkeypatch.setattr(wbmod, "MAX_ROWS", 5)
    res = runner.invoke(
        app, ["report", str(DATA / "achats_sites.csv"), "-o", str(tmp_path / "x.xlsx"), *DRAWS]
    )
    assert res.exit_code == 2 and "-o report.csv" in res.output
    assert not (tmp_path / "x.xlsx").exists()


def test_xlsx_output_never_overwrites_the_input(runner, tmp_path):
    src = tmp_path / "achats.xlsx"
    shutil.copy(DATA / "achats.xlsx", src)
    before = src.read_bytes()
    for args in (["-o", str(src)], ["--xlsx", str(src)]):
        res = runner.invoke(app, ["report", str(src), *args, *DRAWS])
        assert res.exit_code == 2, res.output
    assert src.read_bytes() == before
