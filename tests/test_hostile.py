"""Hostile inputs: formulas, markup and control sequences never leak; bad files, overlays and
arguments are refused with a located reason, never a traceback.

Each test names the failure it guards against. Outputs are read back the way a spreadsheet or a
terminal would read them (the csv module with ``newline=""``, the text printed to a terminal).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.reader import MAX_COLUMNS, _unique_headers, read_purchases
from footprint_cli.cli import app
from footprint_cli.model.loader import shipped_data_dir
from footprint_cli.render.report import write_csv
from footprint_cli.render.safe import FORMULA_START, cell, console, csv_line, html_text, json_text, visible

DRAWS = ["--draws", "500"]
DANGEROUS = tuple(FORMULA_START)
CONTROLS = "\x1b\x07\x08\x0b\x0c\x7f\x9b\x9d\u202e\u2066"
# Unicode's control pictures stand for C0 controls; "\x9b" is the printed form of C1 CSI
NUMBER_LIKE = ("-3,5", "+33", "-12", "-1 234,5", "-1.5e-05")


def _csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")  # not read_text: it turns a bare CR into LF
    sep = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def _live_formulas(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would evaluate."""
    return [c for r in rows for c in r if c[:1] in DANGEROUS and c not in NUMBER_LIKE and not _is_number(c)]


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return False
    return True


def _shipped_row(name: str, key: str, value: str) -> tuple[str, dict[str, str]]:
    text = (shipped_data_dir() / name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        if row[key] == value:
            return text.split("\n", 1)[0], row
    raise AssertionError(f"{value} not in {name}")


def _overlay(tmp_path: Path, name: str, header: str, rows: list[dict[str, str]]) -> Path:
    d = tmp_path / "overlay"
    d.mkdir(exist_ok=True)
    fields = header.split(",")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    (d / name).write_text(buf.getvalue(), encoding="utf-8")
    return d


# ---------------------------------------------------------------- the neutraliser


@given(st.text(max_size=30))
def test_cell_neutralises_exactly_formula_starts(text: str) -> None:
    out = cell(text)
    if out != text:
        assert out == "'" + text and text[:1] in DANGEROUS
    else:
        assert text[:1] not in DANGEROUS or _is_number(text.replace("\u00a0", "").replace("\u202f", ""))


cells_st = st.text(
    alphabet=st.sampled_from(list("=+-@\t\r\n\"';,. aé1") + ["\u2028", "\x1b"]), min_size=0, max_size=12
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(cells_st, cells_st), min_size=1, max_size=20), st.sampled_from([",", ";"]))
def test_fast_csv_encoder_round_trips_neutralised_cells(rows: list[tuple[str, str]], sep: str) -> None:
    """Any text, headers included, reads back as the neutralised cell, on the row it belongs to:
    a bare CR or LF never ends a row, a formula never starts a cell."""
    frame = pd.DataFrame({"=h1": [a for a, _ in rows], "@h2": [b for _, b in rows]}, dtype=object)
    buf = io.StringIO()
    write_csv(frame, buf, sep=sep)
    back = list(csv.reader(io.StringIO(buf.getvalue(), newline=""), delimiter=sep))
    assert back[0] == ["'=h1", "'@h2"]
    assert back[1:] == [[cell(a), cell(b)] for a, b in rows]
    assert csv_line(["x", 1.5, None, "-2+3"]) == "x,1.5,,'-2+3\n"


def test_bare_cr_is_quoted() -> None:
    # a spreadsheet ends a row at a bare CR: the next "row" would start with a live formula
    assert csv_line(["\r=1+1", "a\rb"]) == '"\'\r=1+1","a\rb"\n'


# ---------------------------------------------------------------- report files


def test_formulas_in_rejected_rows_headers_and_cr_cells(runner, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit,Quantité,=cmd|' /C calc'!A0,-2+3,@SUM(A1)\n"
        "Pommes,10,a,b,c\n"
        "=1+1,5,d,e,f\n"
        'Carottes,3,"\r=2+2",x,y\n',
        encoding="utf-8",
        newline="",
    )
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), *DRAWS])
    assert res.exit_code == 0, res.output
    lines, rejected = _csv(out), _csv(tmp_path / "out.rejected.csv")
    for rows in (lines, rejected):
        assert {"'=cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)"} <= set(rows[0])
        assert not _live_formulas(rows), _live_formulas(rows)
    assert [r[2] for r in rejected[1:]] == ["'=1+1"]
    assert len(lines) == 3  # header + Pommes + Carottes: the CR did not split a row
    assert "'\r=2+2" in [c for r in lines for c in r]


def test_names_from_an_overlay_are_neutralised_in_the_per_line_csv(runner, tmp_path):
    head, apple = _shipped_row("products.csv", "id", "apple")
    apple = {**apple, "name_fr": '=HYPERLINK("http://x")', "name_en": "@SUM(A1)"}
    d = _overlay(tmp_path, "products.csv", head, [apple])
    phead, fr = _shipped_row("places.csv", "code", "FR")
    _overlay(tmp_path, "places.csv", phead, [{**fr, "name_fr": "+33 cmd", "name_en": "-x"}])  # same directory
    src = tmp_path / "achats.csv"
    src.write_text("Produit,Quantité,Origine\npomme golden,10,FR\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["report", str(src), "-o", str(out), "--data", str(d), *DRAWS])
    assert res.exit_code == 0, res.output
    rows = _csv(out)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["product_name"].startswith("'")
    assert record["origin_name"].startswith("'")
    assert not _live_formulas(rows)


def test_html_escapes_and_shows_controls(runner, tmp_path):
    assert html_text("<b>\x1b[2J</b>") == "&lt;b&gt;␛[2J&lt;/b&gt;"
    assert html_text("r\udcff.csv") == "r\\xff.csv"


# ---------------------------------------------------------------- terminal


@given(st.text(max_size=40))
def test_visible_leaves_no_control_character(text: str) -> None:
    out = visible(text)
    assert not any(c in out for c in CONTROLS)
    assert all(ord(c) >= 0x20 or c in "\t\n" for c in out)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)


@given(st.text(max_size=40))
def test_json_output_is_the_same_data_with_every_control_escaped(text: str) -> None:
    import json

    out = json_text(json.dumps({"name": text}, ensure_ascii=False))
    assert json.loads(out) == {"name": text}
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0 and c not in "\u202e\u2066" for c in out)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]/bold red=:\\") + ["\x1b", "\u202e"]), max_size=20))
def test_console_prints_any_text_as_text(text: str) -> None:
    from rich.table import Table

    buf = io.StringIO()
    con = console(file=buf, width=200, color_system=None)
    table = Table(title=text)
    table.add_column(text)
    table.add_row(text)
    con.print(text)
    con.print(table)
    out = buf.getvalue()
    assert "\x1b" not in out
    if "[" in text:
        assert "[" in out  # brackets are shown, not taken as markup


def test_markup_and_escapes_in_labels_are_shown_as_text(runner, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit,Quantité,Origine\n"
        + "Pommes,1,France\n" * 200  # a few escapes among ordinary rows: text, not a binary file
        + "Pommes [bio],10,France\n"
        "Poires [/],5,France\n"
        "Truc [red]rouge[/red],1,France\n"
        "\x1b[2J\x1b[Hall rows accepted \x1b]0;title\x07\x1b]52;c;SGVsbG8=\x07,1,France\n"
        "\x1b]8;;http://evil\x1b\\lien\x1b]8;;\x1b\\ \u202eevil,1,France\n"
        "Pommes,\x1b[2J\x1b[Hall rows accepted\x1b]0;title\x07\u202e,France\n",
        encoding="utf-8",
    )
    # no -o: the refused rows are listed on the terminal, quoting their cells
    res = runner.invoke(app, ["report", str(src), *DRAWS])
    assert res.exit_code == 0, res.output
    assert "Pommes [bio]" in res.output
    assert "\x1b" not in res.output and "\x07" not in res.output and "\u202e" not in res.output
    assert "␛[2J" in res.output and "<U+202E>" in res.output


def test_markup_in_overlay_names_does_not_crash_commands(runner, tmp_path):
    head, apple = _shipped_row("products.csv", "id", "apple")
    d = _overlay(
        tmp_path,
        "products.csv",
        head,
        [{**apple, "name_fr": "[/]pomme [red]x", "name_en": "[/bold]\x1b]0;x\x07"}],
    )
    for args in (
        ["compare", "apple", "--origin", "argentina"],
        ["products"],
        ["season", "apple"],
        ["show", "apple"],
        ["explain", "apple", "--origin", "spain", "--month", "1"],
    ):
        res = runner.invoke(app, [*args, "--data", str(d), "--lang", "en"])
        assert res.exit_code == 0, (args, res.output)
        assert "[/bold]" in res.output, args
        assert "\x1b" not in res.output, args


# ---------------------------------------------------------------- bad inputs


def test_dates_outside_the_sane_years_are_rejected_rows(runner, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit,Quantité,Date\nPommes,1,05/01/0203\nPommes,2,31/12/9999\nPommes,3,05/01/2024\n",
        encoding="utf-8",
    )
    pf = read_purchases(src)
    assert len(pf.lines) == 1
    assert list(pf.rejected["reason"]) == [
        "date outside the years 2000-2100: '05/01/0203'",
        "date outside the years 2000-2100: '31/12/9999'",
    ]
    res = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "fr", *DRAWS])
    assert res.exit_code == 0, res.output
    assert "date hors des années 2000-2100" in (tmp_path / "o.rejected.csv").read_text(encoding="utf-8")


def test_duplicate_and_reserved_headers_keep_every_column(runner, tmp_path):
    assert _unique_headers(["a", "a.1", "a"]) == ["a", "a.1", "a.2"]
    assert _unique_headers(["", "", "x", "x"]) == ["column 1", "column 2", "x", "x.1"]
    started = time.perf_counter()
    assert len(set(_unique_headers(["a"] * 50_000))) == 50_000  # linear: a quadratic pass takes minutes
    assert time.perf_counter() - started < 5
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit,Quantité,a,a.1,a,line,reason,in:line\nPommes,1,1,2,3,4,5,6\n=x,1,1,2,3,4,5,6\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "o.csv"), *DRAWS])
    assert res.exit_code == 0, res.output
    lines, rejected = _csv(tmp_path / "o.csv"), _csv(tmp_path / "o.rejected.csv")
    assert lines[0][:9] == [
        "line",
        "Produit",
        "Quantité",
        "a",
        "a.1",
        "a.2",
        "line (entrée)",  # report files are French unless --lang says otherwise
        "reason",
        "in:line",
    ]
    assert lines[1][3:9] == ["1", "2", "3", "4", "5", "6"]
    assert len(set(rejected[0])) == len(rejected[0]) == 10
    assert rejected[1][-6:] == ["1", "2", "3", "4", "5", "6"]


def test_too_many_columns_is_one_clear_error(runner, tmp_path):
    src = tmp_path / "wide.csv"
    n = MAX_COLUMNS + 1
    src.write_text(
        ",".join(["Produit", "Quantité", *(f"c{i}" for i in range(n - 2))])
        + "\n"
        + "Pommes,1"
        + ",x" * (n - 2)
        + "\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "fr"])
    assert res.exit_code == 2
    assert f"{n} colonnes, plus que les {MAX_COLUMNS}" in res.output
    assert "Traceback" not in res.output


def test_ambiguous_numbers_are_decided_by_the_column_and_noted(tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit;Quantité;Montant\nPommes;1.234;12,5\nPommes;2,5;3\nPommes;5-;3\n", encoding="utf-8"
    )
    pf = read_purchases(src)
    assert list(pf.lines["quantity_kg"]) == [1234.0, 2.5]
    assert pf.rejected["reason"].tolist() == ["quantity not a number: '5-'"]
    assert any("'1.234' read with '.' as a thousands separator" in n for n in pf.notes)
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("Produit;Quantité\nPommes;1.234\nPommes;2,5\nPommes;1.5\n", encoding="utf-8")
    pf = read_purchases(mixed)
    assert pf.rejected["reason"].tolist() == ["quantity not a number: '1.234'"]
    assert any("both with commas and with dots" in n for n in pf.notes)
    dots = tmp_path / "dots.csv"
    dots.write_text("Produit,Quantité\nPommes,1.234\nPommes,2\n", encoding="utf-8")
    pf = read_purchases(dots)
    assert list(pf.lines["quantity_kg"]) == [1.234, 2.0]
    assert any("has no other decimal to confirm it" in n for n in pf.notes)


def test_unicode_line_separators_and_mixed_encodings_are_noted(tmp_path):
    sep = tmp_path / "u2028.csv"
    sep.write_bytes("Produit,Quantité\u2028Pommes,1\u2028Poires,2\u2028".encode())
    pf = read_purchases(sep)
    assert pf.rows_read == 2 and len(pf.lines) == 2
    assert any("U+2028" in n for n in pf.notes)
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("Produit,Quantité\nPommes été,1\n".encode() + "Pommes été,2\n".encode("cp1252"))
    pf = read_purchases(mixed)
    assert pf.rows_read == 2
    assert any("mixes text encodings" in n for n in pf.notes)
    western = tmp_path / "cp1252.csv"  # "É" then a no-break space: the bytes of a UTF-8 letter
    western.write_bytes("Produit;Quantité\nPÂTÉ\u00a0DE CAMPAGNE;1\n".encode("cp1252"))
    assert not any("mixes text encodings" in n for n in read_purchases(western).notes)


# ---------------------------------------------------------------- overlays


def _factors(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / name
    d.mkdir()
    (d / "emission_factors.yaml").write_text(text, encoding="utf-8")
    return d


BAD_FACTORS = {
    "inf": ("storage:\n  kwh_per_kg_per_month: {central: .inf, low: 0.01, high: .inf}\n", "finite number"),
    "huge": ("storage:\n  kwh_per_kg_per_month: {central: 1e308, low: 0.01, high: 1e308}\n", "less than"),
    "bool": ("storage:\n  kwh_per_kg_per_month: {central: true, low: false, high: true}\n", "not true/false"),
    "loss": (
        "storage:\n  loss_fraction_per_month: {central: 1.5, low: 1.2, high: 2}\n",
        "plausible maximum of 1",
    ),
    "price": (
        "carbon_prices:\n  vac-2025:\n    label_fr: x\n    label_en: x\n    eur_per_t_co2e: .inf\n"
        "    year: 2025\n    source: {id: france-strategie-vac-2025, identifier: x}\n",
        "finite number",
    ),
    "deep": ("x: " + "[" * 3000 + "]" * 3000 + "\n", "nested deeper than"),
    "deep_block": ("x:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(1500)), "nested deeper than"),
}


@pytest.mark.parametrize("name", sorted(BAD_FACTORS))
def test_validate_refuses_bad_factors_and_no_command_runs(runner, tmp_path, name):
    text, message = BAD_FACTORS[name]
    d = _factors(tmp_path, name, text)
    res = runner.invoke(app, ["data", "validate", str(d)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and message in res.output
    assert f"{d / 'emission_factors.yaml'}:" in res.output  # located: file:line: field: message
    for args in (["compare", "apple", "--origin", "argentina"], ["season", "apple"]):
        run = runner.invoke(app, [*args, "--data", str(d)])
        assert run.exit_code == 2 and message in run.output, (args, run.output)


def test_data_problems_are_in_french_for_french_users(runner, tmp_path):
    d = _factors(tmp_path, "loss", BAD_FACTORS["loss"][0])
    res = runner.invoke(app, ["data", "validate", str(d), "--lang", "fr"])
    assert res.exit_code == 2
    assert (
        f"{d / 'emission_factors.yaml'}:2: storage.loss_fraction_per_month: 2 dépasse le maximum plausible de 1"
        in res.output
    )


def _csv_overlay(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / "o"
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def test_validate_refuses_bad_tables_with_located_errors(runner, tmp_path):
    head, apple = _shipped_row("products.csv", "id", "apple")
    line = ",".join(f'"{v}"' if "," in v else v for v in apple.values())
    cases = {
        "sea_distances.csv": (
            "from_port,to_port,distance_km,source,source_id\nFRLEH,ARBUE,inf,desnz-2025,x\n",
            ":2: distance_km: Input should be a finite number",
        ),
        "seasons.csv": (
            "product,origin,months,heated_greenhouse_off_season,source,source_id\n"
            "apple,FR,13,maybe,impactco2-2026,x\n",
            ":2: months: month out of 1..12: 13",
        ),
        "products.csv": (
            head + "\n" + line.replace("pomme", "x" * 140_000, 1) + "\n",
            ":2: csv: field larger",
        ),
    }
    for name, (text, message) in cases.items():
        d = _csv_overlay(tmp_path / name.split(".")[0], name, text)
        res = runner.invoke(app, ["data", "validate", str(d)])
        assert res.exit_code == 2 and message in res.output and "Traceback" not in res.output, res.output
    season = runner.invoke(app, ["data", "validate", str(tmp_path / "seasons" / "o")])
    assert ":2: heated_greenhouse_off_season:" in season.output  # the month error hides nothing
    quote = _csv_overlay(tmp_path / "quote", "products.csv", head + "\n" + line.replace("pomme", '"pomme', 1))
    res = runner.invoke(app, ["data", "validate", str(quote)])
    assert res.exit_code == 2 and "products.csv:2: csv:" in res.output, res.output


# ---------------------------------------------------------------- arguments and environment


def test_non_utf8_file_names_and_draws_bound(runner, tmp_path):
    name = "r\udcff"  # the byte 0xff in a file name, as Python sees it
    src = tmp_path / f"{name}-achats.csv"
    src.write_text("Produit,Quantité\nPommes,1\n", encoding="utf-8")
    res = runner.invoke(
        app,
        [
            "report",
            str(src),
            "-o",
            str(tmp_path / f"{name}.csv"),
            "--html",
            str(tmp_path / f"{name}.html"),
            *DRAWS,
        ],
    )
    assert res.exit_code == 0, res.output
    assert "r\\xff.html" in res.output
    assert "r\\xff" in (tmp_path / f"{name}.html").read_text(encoding="utf-8")
    res = runner.invoke(app, ["compare", "apple", "--draws", "2000000"])
    assert res.exit_code == 2 and "1000000" in res.output


def test_ascii_terminal_gives_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1", "COLUMNS": "100"}
    for args in (
        ["compare", "apple", "--origin", "argentina", "--lang", "fr", "--draws", "500"],
        ["products"],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "footprint_cli", *args], capture_output=True, env=env, timeout=120
        )
        assert run.returncode == 0, run.stderr.decode("ascii", "replace")
        assert b"Traceback" not in run.stderr


def test_totals_overflowing_are_refused(runner, tmp_path):
    src = tmp_path / "achats.csv"
    src.write_text("Produit,Quantité\nPommes,1e308\nPommes,1e308\n", encoding="utf-8")
    res = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "fr", *DRAWS])
    assert res.exit_code == 2, res.output
    assert "totaux sont trop grands" in res.output and "Traceback" not in res.output


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list('=+-@[]/;,"é1 ') + ["\x1b", "\r"]), max_size=8),
        min_size=1,
        max_size=6,
    )
)
def test_any_label_is_read_and_written_safely(tmp_path_factory, labels: list[str]) -> None:
    """Whatever the labels, every row is accounted for and no written cell is a live formula."""
    from footprint_cli.batch.report import compute_report
    from footprint_cli.catalog import Catalog
    from footprint_cli.render.report import write_lines_csv, write_rejected_csv
    from footprint_cli.store import load_dataset

    d = tmp_path_factory.mktemp("labels")
    src = d / "achats.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow(["Produit", "Quantité"])
    for _ in range(600):  # ordinary rows: under 1 % of control characters is not a binary file
        w.writerow(["Pommes", "1"])
    for label in labels:
        w.writerow([label, "1"])
    src.write_text(buf.getvalue(), encoding="utf-8", newline="")
    pf = read_purchases(src)
    ds = load_dataset()
    r = compute_report(pf, ds, Catalog(ds), month_default=3, draws=200)
    write_lines_csv(r, d / "o.csv", "en", ds)
    write_rejected_csv(r, d / "o.rejected.csv")
    lines, rejected = _csv(d / "o.csv"), _csv(d / "o.rejected.csv")
    assert len(lines) - 1 + len(rejected) - 1 == pf.rows_read
    assert not _live_formulas(lines) and not _live_formulas(rejected)
