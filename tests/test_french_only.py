"""French users see no English: every error, refusal reason, reader note and data problem of
the catalogue is triggered once with ``--lang fr`` (through the CLI, or through the library
where no command reaches it), and the output must hold no English sentence.

The keys used are recorded by wrapping the catalogue; the test fails when a key of these
kinds is never reached (add a scenario) or when an output holds English words (product and
place names from the data and the cells of the input files excepted: inputs are French).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from footprint_cli import i18n
from footprint_cli.batch.reader import CANONICAL_COLUMNS
from footprint_cli.cli import app

DATA = Path(__file__).parent / "data"

#: what an English message is made of; none of it may reach a French user
ENGLISH = re.compile(
    r"\b(the|and|of|from|with|which|not|no|cannot|unknown|must|should|expected|missing|give|"
    r"number|understood|recognised|negative|amount|quantity|closest|header|fields|looks|"
    r"compute|unit|mass|origin|several|countries|available|month|file|directory|error|Error|"
    r"Input|valid|greater|less|than|equal|duplicate|empty|found|such|is|are|was|were|read|"
    r"written|write|permission|choose|named|outputs|try|Hint|Usage|Try|Invalid|value|"
    r"require[sd]?|argument|range|integer|between)\b"
)

#: kinds of keys that are errors or what the core records for the user
KINDS = ("err.", "reason.", "match.", "note.", "data.", "rd.err.", "rep.err.", "xl.err.")

#: keys no scenario below reaches yet (the list may only shrink: a key reached is taken off)
NOT_REACHED: dict[str, str] = {
    "data.carbon_price_undefined": "no scenario yet",
    "data.csv.eof": "no scenario yet",
    "data.csv.field_limit": "no scenario yet",
    "data.csv.other": "no scenario yet",
    "data.csv.quote": "no scenario yet",
    "data.csv_rest": "no scenario yet",
    "data.duplicate": "no scenario yet",
    "data.heated_months": "no scenario yet",
    "data.heated_off_season": "no scenario yet",
    "data.id": "no scenario yet",
    "data.iso2": "no scenario yet",
    "data.lacks_modes": "no scenario yet",
    "data.mapping": "no scenario yet",
    "data.missing": "no scenario yet",
    "data.no_shipped": "no scenario yet",
    "data.no_such_file": "no scenario yet",
    "data.not_a_data_file": "no scenario yet",
    "data.not_bool": "no scenario yet",
    "data.period": "no scenario yet",
    "data.pyd.extra_forbidden": "no scenario yet",
    "data.pyd.finite_number": "no scenario yet",
    "data.pyd.greater_than": "no scenario yet",
    "data.pyd.greater_than_equal": "no scenario yet",
    "data.pyd.int": "no scenario yet",
    "data.pyd.less_than": "no scenario yet",
    "data.pyd.literal_error": "no scenario yet",
    "data.pyd.missing": "no scenario yet",
    "data.pyd.other": "no scenario yet",
    "data.pyd.string": "no scenario yet",
    "data.range_negative": "no scenario yet",
    "data.range_order": "no scenario yet",
    "data.short_row": "no scenario yet",
    "data.unknown_category": "no scenario yet",
    "data.unknown_family": "no scenario yet",
    "data.unknown_port": "no scenario yet",
    "data.unknown_port.file": "no scenario yet",
    "data.unknown_product": "no scenario yet",
    "data.unknown_source": "no scenario yet",
    "data.unknown_system": "no scenario yet",
    "data.valid": "no scenario yet",
    "data.yaml_depth": "no scenario yet",
    "err.cannot_write": "no scenario yet",
    "err.cannot_write.denied": "no scenario yet",
    "err.cannot_write.full": "no scenario yet",
    "err.cannot_write.readonly": "no scenario yet",
    "err.default_origin": "no scenario yet",
    "err.lang": "no scenario yet",
    "err.model.arrival_airport": "no scenario yet",
    "err.model.arrival_port": "no scenario yet",
    "err.model.mode": "no scenario yet",
    "err.no_airport": "no scenario yet",
    "err.no_piece": "no scenario yet",
    "err.no_seaport": "no scenario yet",
    "err.no_suggestion": "no scenario yet",
    "err.nothing": "no scenario yet",
    "err.output_empty": "no scenario yet",
    "err.season.no_products": "no scenario yet",
    "err.seed": "no scenario yet",
    "err.serve_bind": "no scenario yet",
    "err.too_many_columns": "no scenario yet",
    "err.totals_overflow": "no scenario yet",
    "err.yoy_draws": "no scenario yet",
    "err.yoy_seed": "no scenario yet",
    "match.not_in_catalogue": "no scenario yet",
    "match.origin": "no scenario yet",
    "match.proxy_missing": "no scenario yet",
    "match.weak": "no scenario yet",
    "note.cell_separators": "no scenario yet",
    "note.dot_decimal": "no scenario yet",
    "note.dot_thousands": "no scenario yet",
    "note.line_separators": "no scenario yet",
    "note.mixed_decimals": "no scenario yet",
    "note.mixed_encodings": "no scenario yet",
    "note.month_first": "no scenario yet",
    "note.no_unit": "no scenario yet",
    "note.origin_column": "no scenario yet",
    "note.sheet": "no scenario yet",
    "note.total_equal": "no scenario yet",
    "note.two_row_header": "no scenario yet",
    "rd.err.cannot_read": "no scenario yet",
    "rd.err.decode": "no scenario yet",
    "rd.err.decode_as": "no scenario yet",
    "rd.err.header_row": "no scenario yet",
    "rd.err.no_header": "no scenario yet",
    "rd.err.no_label": "no scenario yet",
    "rd.err.parse": "no scenario yet",
    "rd.err.sheet": "no scenario yet",
    "rd.err.sheet_empty": "no scenario yet",
    "rd.err.structure": "no scenario yet",
    "rd.err.xls": "no scenario yet",
    "reason.beyond_header": "no scenario yet",
    "reason.model": "no scenario yet",
    "reason.month": "no scenario yet",
    "reason.cannot_compute": "no scenario yet (an unavailable product is now its own reason)",
    "reason.scenario": "no scenario yet (an unavailable product is now its own reason)",
    "reason.scenario.mode": "no scenario yet",
    "reason.scenario.mode.system": "no scenario yet",
    "reason.scenario.system": "no scenario yet",
    "rep.err.columns": "no scenario yet",
    "rep.err.headers": "no scenario yet",
    "rep.err.meals_column": "no scenario yet",
    "rep.err.meals_meals": "no scenario yet",
    "rep.err.meals_meals.more": "no scenario yet",
    "rep.err.meals_month": "no scenario yet",
    "rep.err.meals_month.more": "no scenario yet",
    "rep.err.meals_none": "no scenario yet",
    "rep.err.meals_read": "no scenario yet",
    "rep.err.site_column": "no scenario yet",
    "xl.err.too_many_rows": "no scenario yet",
}


class _Recording(Mapping[str, tuple[str, str]]):
    def __init__(self, inner: Mapping[str, tuple[str, str]], seen: set[str]):
        self.inner, self.seen = inner, seen

    def __getitem__(self, key: str) -> tuple[str, str]:
        self.seen.add(key)
        return self.inner[key]

    def __iter__(self):
        return iter(self.inner)

    def __len__(self) -> int:
        return len(self.inner)


SEEN: set[str] = set()


@pytest.fixture
def recording(monkeypatch):
    inner = i18n.catalogue()
    monkeypatch.setattr(i18n, "catalogue", lambda: _Recording(inner, SEEN))
    return SEEN


def english(text: str, *allowed: str) -> list[str]:
    for a in allowed:
        text = text.replace(a, " ")
    text = re.sub(r"'[^'\n]*'", " ", text)  # cells and names quoted from the input or the data
    text = re.sub(r"« [^»\n]* »", " ", text)  # a library's or the system's own message, quoted
    text = re.sub(r"--[a-z-]+", " ", text)  # option names
    # the field of a data problem (file:line: field: message) is a column or key of the data file
    text = re.sub(r"(\.csv|\.yaml)(:\d+)?: [\w.]+: ", " ", text)
    return sorted(set(ENGLISH.findall(text)))


PURCHASES = (
    "Produit;Quantité;Unité;Montant;Origine;Date;Transport;Bio;Local\n"
    "Pommes;12;kg;30,50;France;01/02/2023;camion;oui;non\n"
    ";10;kg;20,00;France;01/02/2023;;;\n"
    "=SOMME(B2);1;kg;2,00;France;01/02/2023;;;\n"
    "Carottes;abc;kg;10,00;France;02/02/2023;;;\n"
    "Carottes;5 kg;l;10,00;France;02/02/2023;;;\n"
    "Carottes;5;brouette;10,00;France;02/02/2023;;;\n"
    "Carottes;-5;kg;10,00;France;02/02/2023;;;\n"
    "Yaourt nature;3;uvc;5,00;France;02/02/2023;;;\n"
    "Carottes;5;kg;abc;France;02/02/2023;;;\n"
    "Carottes;5;kg;-3,00;France;02/02/2023;;;\n"
    "Carottes;;;;France;02/02/2023;;;\n"
    "Carottes;5;kg;10,00;France;01/01/1850;;;\n"
    "Carottes;5;kg;10,00;France;45/45/2023;;;\n"
    "Carottes;5;kg;10,00;France;02/02/2023;trottinette;peut-être;bof\n"
    "Truc bizarre non identifié;5;kg;10,00;France;02/02/2023;;;\n"
    "Ramette papier A4;5;kg;10,00;France;02/02/2023;;;\n"
    "Carottes;5;kg;10,00;Atlantide;02/02/2023;;;\n"
    "Carottes;5;kg;10,00;France Espagne;02/02/2023;;;\n"
    "Cabillaud;5;kg;10,00;FAO 99;02/02/2023;;;\n"
    "Bananes;5;kg;10,00;;02/02/2023;;;\n"
    "Courgettes;5;kg;10,00;France;02/01/2023;;;\n"
    "Carottes;5;kg;10,00;France;02/02/2023;;;;;\n"
    "Poulet rôti;5;kg;10,00;France;02/02/2023;;;\n"
    "Lait fraise;5;kg;10,00;France;02/02/2023;;;\n"
    "Salade de tomates crue;5;kg;10,00;France;02/02/2023;;;\n"
    "Pain de seigle;5;kg;10,00;France;02/02/2023;;;\n"
    "Poulet au curry;5;kg;10,00;France;02/02/2023;;;\n"
    "Boeuf bourguignon cru;5;kg;10,00;France;02/02/2023;;;\n"
    "Steak haché cuit;5;kg;10,00;France;02/02/2023;;;\n"
    "Carotte rapée sauce;5;kg;10,00;France;02/02/2023;;;\n"
    "Pêches au sirop fraîches;5;kg;10,00;France;02/02/2023;;;\n"
    "Carottes;5;kg;10,00;France;02/02/2023;trottinette;;\n"
    "Farine;3;pièce;;France;02/02/2023;;;\n"
    "Pommes;3;pièce;;France;02/02/2023;;;\n"
    "Total;;;1000,00;;;;;\n"
)


def _report(runner, tmp_path: Path, source: Path, *args: str) -> str:
    out = tmp_path / "r.csv"
    res = runner.invoke(
        app, ["report", str(source), "-o", str(out), "--draws", "200", "--month", "3", "--lang", "fr", *args]
    )
    assert res.exit_code == 0, res.output
    texts = [res.output, (tmp_path / "r.rejected.csv").read_text(encoding="utf-8-sig")]
    return "\n".join(texts)


def test_report_reasons_and_notes_in_french(runner, tmp_path, recording):
    src = tmp_path / "achats.csv"
    src.write_text(PURCHASES + "Remarque : livraison du mardi\n", encoding="utf-8")
    out = _report(runner, tmp_path, src)
    assert english(out, str(tmp_path)) == [], out


def test_report_title_rows_and_total_in_french(runner, tmp_path, recording):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Achats cantine janvier 2023\n\nProduit;Quantité;Montant;Date\n"
        "Pommes;12;30,50;12/31/2023\nCarottes;5;10,00;01/15/2023\nTotal;;50,50;\n",
        encoding="utf-8",
    )
    out = _report(runner, tmp_path, src)
    assert english(out, str(tmp_path)) == [], out


CLI_ERRORS = [
    (["compare", "pomm", "--origin", "argentine"], 2),
    (["compare", "banane"], 2),
    (["compare", "pomme", "--origin", "atlantide"], 2),
    (["compare", "pomme", "--origin", "argentine", "--month", "13"], 2),
    (["compare", "pomme", "--origin", "argentine", "--carbon-price", "beaucoup"], 2),
    (["compare", "pomme", "--origin", "argentine", "--carbon-price", "-5"], 2),
    (["compare", "courgette", "--origin", "france", "--month", "1"], 2),
    (["compare", "pomme", "--origin", "argentine", "--mode", "road"], 2),
    (["compare", "pomme", "--origin", "argentine", "--to", "espagne"], 2),
    (["compare", "pomme", "--origin", "argentine", "--seed", "-1"], 2),
    (["compare", "pomme", "--origin", "argentine", "--mode", "trottinette"], 2),
    (["compare", "pomme", "--origin", "argentine", "--system", "magique"], 2),
    (["compare", "pomme", "--origin", "argentine", "--quantity", "beaucoup"], 2),
    (["compare", "pomme", "--origin", "argentine", "--quantity", "-2 kg"], 2),
    (["compare", "pomme", "--origin", "argentine", "--month", "brumaire"], 2),
    (["report", "/nonexistent/achats.csv"], 2),
    (["data", "validate", "/nonexistent/donnees"], 2),
    (["season", "-c", "cailloux"], 2),
    (["origins", "--kind", "planète"], 2),
    (["compare", "pomme", "--origin", "argentine", "--html", "/dev/null"], 2),
    (["compare", "pomme", "--origin", "argentine", "--html", "/nonexistent/dir/f.html"], 2),
    (["compare", "pomme", "--origin", "argentine", "--html", "/tmp"], 2),
    (["report", str(DATA / "achats_sales.csv"), "--delimiter", "ab"], 2),
    (["report", str(DATA / "achats_sales.csv"), "--encoding", "klingon"], 2),
    (["report", str(DATA / "achats_sales.csv"), "--columns", "bidule=Produit"], 2),  # names: see below
    (["report", str(DATA / "achats_sales.csv"), "--columns", "label=Article"], 2),
    (["report", str(DATA)], 2),
    (["report", str(DATA / "achats_sales.csv"), "--chunks", "64", "--meals", "100"], 2),
    (["report", str(DATA / "achats_classeur.xlsx"), "--chunks", "64"], 2),
]


@pytest.mark.parametrize(("args", "code"), CLI_ERRORS, ids=[" ".join(a) for a, _ in CLI_ERRORS])
def test_cli_errors_in_french(runner, recording, args, code):
    res = runner.invoke(app, [*args, "--lang", "fr"])
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    # the names --columns takes (label=..., quantity=...) are the option's own values
    assert english(res.output, ", ".join(CANONICAL_COLUMNS)) == [], res.output


SALES = str(DATA / "achats_sales.csv")
XLSX = str(DATA / "achats_classeur.xlsx")
FILE_ERRORS = [
    ["report", SALES, "--meals", "beaucoup"],
    ["report", XLSX, "--sheet", "Nulle"],
    ["report", XLSX, "--sheet", "9"],
    ["report", SALES, "--header-row", "500"],
    ["report", SALES, "-o", SALES],
    ["report", SALES, "--xlsx", "{tmp}/a.xlsx", "-o", "{tmp}/b.xlsx"],
    ["report", SALES, "-o", "{tmp}/x.csv", "--summary", "{tmp}/x.csv"],
    ["compare", "pomme", "--origin", "argentine", "--quantity", "0 kg"],
    ["compare", "pomme", "--origin", "argentine", "--quantity", "3"],
    ["compare", "pomme", "--origin", "argentine", "--quantity", "3 pastèques"],
]


@pytest.mark.parametrize("args", FILE_ERRORS, ids=[" ".join(a[:4]) for a in FILE_ERRORS])
def test_option_errors_in_french(runner, tmp_path, recording, args):
    res = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path), str(DATA)) == [], res.output


@pytest.mark.parametrize(
    ("name", "content"),
    [("vide.csv", b""), ("binaire.csv", bytes(range(256)) * 8), ("classeur.xlsx", b"PK pas un zip")],
)
def test_unreadable_purchase_files_in_french(runner, tmp_path, recording, name, content):
    src = tmp_path / name
    src.write_bytes(content)
    res = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "r.csv"), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output


def test_data_problems_in_french(runner, tmp_path, recording):
    d = tmp_path / "donnees"
    d.mkdir()
    (d / "routes.csv").write_text(
        "product,origin,mode,source,source_id\napple,ZZ,sea,nowhere,x\nbanane,FR,avion,x,y,z\n"
    )
    (d / "products.csv").write_text("")
    res = runner.invoke(app, ["data", "validate", str(d), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output
    d = tmp_path / "lignes"
    d.mkdir()
    (d / "ports.csv").write_text(
        "code,kind,name,country,lat,lon\nZZPRT,sea,Nulle part,zz,91,0\nZZPRT,sea,Nulle part,FR,1,1\n"
    )
    (d / "sea_distances.csv").write_text(
        "from_port,to_port,distance_km,source,source_id\nXXAAA,FRLEH,abc,x,y\nFRLEH,XXBBB,1e9,x,y\n"
    )
    (d / "seasons.csv").write_text(
        "product,origin,months,heated_greenhouse_off_season,source,source_id\n"
        "apple,FR,13,peut-être,x,y\npear,FR,1-14,true,x,y\n"
    )
    res = runner.invoke(app, ["data", "validate", str(d), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output
    d = tmp_path / "encodage"
    d.mkdir()
    (d / "places.csv").write_bytes("code,name_fr\nZZ,Côte\n".encode("cp1252"))
    res = runner.invoke(app, ["data", "validate", str(d), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output
    y = tmp_path / "yaml"
    y.mkdir()
    (y / "emission_factors.yaml").write_text("sources: [\n")
    res = runner.invoke(app, ["data", "validate", str(y), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output


def test_every_key_was_reached_in_french(recording):
    """Runs last in this module: every error-like key was reached by a scenario above."""
    wanted = {k for k in i18n.catalogue() if k.startswith(KINDS)}
    missing = sorted(wanted - SEEN - set(NOT_REACHED))
    assert not missing, f"no scenario reaches these keys in French: {missing}"
    stale = sorted(set(NOT_REACHED) & SEEN)
    assert not stale, f"reached now, take them off NOT_REACHED: {stale}"
