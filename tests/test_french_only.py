"""French users see no English: every error, refusal reason, reader note and data problem of
the catalogue is triggered once with ``--lang fr`` (through the CLI, or through the library
where no command reaches it), and the output must hold no English sentence.

The keys used are recorded by wrapping the catalogue; the test fails when a key of these
kinds is never reached (add a scenario) or when an output holds English words (product and
place names from the data and the cells of the input files excepted: inputs are French).
"""

from __future__ import annotations

import os
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
    r"require[sd]?|argument|range|integer|between|row|encoding|Path|File|Directory)\b"
)

#: kinds of keys that are errors or what the core records for the user
KINDS = ("err.", "reason.", "match.", "note.", "data.", "rd.err.", "rep.err.", "xl.err.")

#: keys no input from outside can reach, each with the reason (a key reached is taken off)
NOT_REACHED: dict[str, str] = {
    "data.pyd.other": "pydantic error types the schemas do not produce today (each produced type has its key)",
    "data.csv.other": "the csv module's other errors (a bare CR, a NUL) cannot arise in text read with universal newlines on Python 3.11+",
    "data.no_shipped": "the package's own data directory missing: a broken installation, not an input",
    "rd.err.no_header": "a first record without any field is a blank line, and blank lines before the header are skipped",
    "rd.err.structure": "pandas and the csv module disagreeing on where records end: no input found that splits them apart",
    "reason.scenario": "a line the engine cannot compute without a named mode: none since every origin without a seaport is reached by road (a named mode has its own key)",
    "reason.model": "a scenario's error without a message of its own: every error the engine raises has one",
    "reason.scenario.mode.system": "only a what-if names a system; a what-if that cannot be computed is counted, not shown",
    "reason.scenario.system": "only a what-if names a system; a what-if that cannot be computed is counted, not shown",
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
    # (our own words for a part of the file, such as "header" or "row", are not exempted)
    text = re.sub(
        r"(\.csv|\.yaml)(:\d+)?: (?!(?:header|row|csv|yaml|document|data|file|encoding):)[\w.]+: ", " ", text
    )
    return sorted(set(ENGLISH.findall(text)))


def product_ids(text: str) -> list[str]:
    """Product ids (``carrot``, ``lambs_lettuce``) a French report shows where it should show the
    product's French name; ids that are a French name or alias of their product are not counted."""
    from footprint_cli.catalog import fold
    from footprint_cli.store import load_dataset

    products = load_dataset().products.values()
    ids = {p.id for p in products if p.id not in {fold(a) for a in (p.name_fr, *p.aliases)}}
    text = re.sub(r"'[^'\n]*'", " ", text)  # cells quoted from the input
    return sorted(ids & set(re.findall(r"[a-z_]+", text)))


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
    assert product_ids(out) == [], out
    # the file's "Total" (1000,00) against the sum read, written the French way
    assert re.search(r"diffère de la somme des montants lus \(\d+,\d\d\)", out), out


def test_report_title_rows_and_total_in_french(runner, tmp_path, recording):
    src = tmp_path / "achats.csv"
    src.write_text(
        "Achats cantine janvier 2023\n\nProduit;Quantité;Montant;Date\n"
        "Pommes;12;30,50;12/31/2023\nCarottes;5;10,00;01/15/2023\nTotal;;50,50;\n",
        encoding="utf-8",
    )
    out = _report(runner, tmp_path, src)
    assert english(out, str(tmp_path)) == [], out
    assert product_ids(out) == [], out


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
    (["products", "--data", "/nonexistent/donnees"], 2),
    (["products", "--data", str(DATA / "achats_sales.csv")], 2),
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


def test_suggestions_name_products_and_places_in_the_user_language(runner, recording):
    # "pomm": apple, apple compote...; "argentin": Argentina first
    fr = runner.invoke(app, ["compare", "pomm", "--origin", "argentine", "--lang", "fr"]).output
    assert "« pomme », « Compote de pomme »" in fr and "apple" not in fr.lower().replace("pomme", ""), fr
    en = runner.invoke(app, ["compare", "pomm", "--origin", "argentine", "--lang", "en"]).output
    assert "'apple', 'Apple compote'" in en and "pomme" not in en.lower(), en
    fr = runner.invoke(app, ["compare", "pomme", "--origin", "argentin", "--lang", "fr"]).output
    assert "« AR (Argentine) »" in fr and "Argentina" not in fr, fr
    en = runner.invoke(app, ["compare", "pomme", "--origin", "argentin", "--lang", "en"]).output
    assert "'AR (Argentina)'" in en and "Argentine" not in en, en


def test_a_column_without_header_is_named_in_french(runner, tmp_path, recording):
    """An empty header cell (the 5th) is ``colonne 5`` in the French lines file, rejected file and
    site-column hint, ``column 5`` in English."""
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit;Quantité;Unité;Montant;;Date\nPommes;12;kg;30,50;x;01/02/2023\n"
        "Truc bizarre non identifié;5;kg;10,00;y;02/02/2023\n",
        encoding="utf-8",
    )
    for lang, name, other in (("fr", "colonne 5", "column 5"), ("en", "column 5", "colonne 5")):
        out = tmp_path / lang / "r.csv"
        out.parent.mkdir()
        res = runner.invoke(app, ["report", str(src), "-o", str(out), "--draws", "100", "--lang", lang])
        assert res.exit_code == 0, res.output
        for f in (out, out.with_name("r.rejected.csv")):
            header = f.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
            assert name in header and other not in header, (f, header)
        res = runner.invoke(app, ["report", str(src), "--columns", "site=Cantine", "--lang", lang])
        assert res.exit_code == 2 and repr(name) in res.output and other not in res.output, res.output


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


@pytest.mark.parametrize("what", ["empty", "pipe", "huge", "decimals", "dates"])
@pytest.mark.parametrize(("lang", "words"), [("fr", "fichier"), ("en", "file")])
def test_chunks_refusals_in_both_languages(runner, tmp_path, recording, what, lang, words):
    src = tmp_path / "achats.csv"
    chunks = "1"
    if what == "empty":
        src.write_bytes(b"")
    elif what == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(src)
    elif what == "huge":
        src.write_text("Produit;Quantité\nPommes;3\n", encoding="utf-8")
        chunks, words = "99999999999999999999", "--chunks"
    elif what == "dates":  # dates that read both ways in the first MB, month first further on
        head = "Produit;Quantité;Date\n" + "Pommes;1;05/03/2024\n" * 60_000
        src.write_text(head + "Pommes;1;03/15/2024\n" * 60_000, encoding="utf-8")
    else:  # comma decimals told by the first MB only, dot decimals further on
        head = "Produit;Quantité;Montant HT\n" + "Pommes;1;2,50\n" * 80_000
        src.write_text(head + "Pommes;1;2.50\n" * 80_000, encoding="utf-8")
    res = runner.invoke(app, ["report", str(src), "--chunks", chunks, "--lang", lang])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and words in res.output, res.output
    if lang == "fr":
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
    (d / "french_supply.csv").write_text(
        "product,status,source,source_id,usual_origins,usual_origins_source,usual_origins_source_id\n"
        "shrimp,mostly_imported,x,y,FR,x,y\ncod,mostly_imported,x,y,EC,,\n"
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
    d = tmp_path / "ports_produits"
    d.mkdir()
    (d / "export_ports.csv").write_text(
        "product,origin,port,source,source_id,note,start_name_en,start_name_fr,start_lat,start_lon\n"
        "apple,US,USSEA,footprint-routes-2026,x,,Wenatchee,,47.4,-120.3\n"
        "peanuts,US,USSAV,footprint-routes-2026,x,,,,,\n"
    )
    res = runner.invoke(app, ["data", "validate", str(d), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output
    y = tmp_path / "yaml"
    y.mkdir()
    (y / "emission_factors.yaml").write_text("sources: [\n")
    res = runner.invoke(app, ["data", "validate", str(y), "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert english(res.output, str(tmp_path)) == [], res.output


def _shipped_rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    import csv

    from footprint_cli.model.loader import shipped_data_dir

    with (shipped_data_dir() / name).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header)
        w.writeheader()
        w.writerows(rows)


def _validate_fr(runner, *paths: Path, env: dict[str, str] | None = None) -> str:
    res = runner.invoke(app, ["data", "validate", *map(str, paths), "--lang", "fr"], env=env)
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    return res.output


def test_bad_rows_of_data_tables_in_french(runner, tmp_path, recording):
    """Rows a model refuses (each pydantic check, each cross-file reference) through
    ``footprint data validate``."""
    d = tmp_path / "lignes"
    d.mkdir()
    header, rows = _shipped_rows("products.csv")
    base = rows[0]

    def product(**changes: str) -> dict[str, str]:
        return {**base, **changes}

    _write_rows(
        d / "products.csv",
        header,
        [
            product(id="Mauvais Id!"),
            product(id="zz_categorie", category="cailloux"),
            product(id="zz_famille", family="XX"),
            product(id="zz_periode", price_period="hier"),
            product(id="zz_ordre", production_kg_co2e_per_kg="2", production_kg_co2e_per_kg_low="3"),
            product(id="zz_negatif", production_kg_co2e_per_kg_low="-1"),
            product(id="zz_infini", processing_kg_co2e_per_kg="inf"),
            product(id="zz_piece", piece_kg="0"),
            product(id="zz_stock", storable_months="-1"),
            product(id="zz_stock2", storable_months="beaucoup"),
            product(id="zz_froid", cold_chain="tiède"),
            product(id="zz_nom", name_fr=""),
            product(id="zz_double"),
            product(id="zz_double"),
        ],
    )
    with (d / "products.csv").open("a", encoding="utf-8") as fh:
        fh.write("zz_court,Court\n")
    (d / "production_variants.csv").write_text(
        "product,system,origin,kg_co2e_per_kg,source,source_id\n"
        "apple,magique,FR,1,agribalyse-3.2,x\nproduit_absent,conventional,FR,1,agribalyse-3.2,x\n",
        encoding="utf-8",
    )
    (d / "places.csv").write_text(
        "code,kind,country,name_fr,name_en,lat,lon,hemisphere,group,seaport\n"
        "fr-x,city,FR,Ville,Town,45,2,N,france,\nZY,country,ZY,Zylande,Zyland,10,10,N,world,ZYNOP\n"
        "ZX,country,Z X,Zxlande,Zxland,10,10,N,world,\n",
        encoding="utf-8",
    )
    (d / "sea_distances.csv").write_text(
        "from_port,to_port,distance_km,source,source_id\nXXAAA,FRLEH,100,agribalyse-3.2,y\n", encoding="utf-8"
    )
    (d / "seasons.csv").write_text(
        "product,origin,months,heated_greenhouse_off_season,source,source_id\napple,ES,1-12,true,agribalyse-3.2,y\n",
        encoding="utf-8",
    )
    (d / "season_systems.csv").write_text(
        "product,origin,status,months,source,source_id\napple,FR,heated,1-3,agribalyse-3.2,y\n",
        encoding="utf-8",
    )
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out


def test_unreadable_data_tables_in_french(runner, tmp_path, recording):
    """What the csv module cannot read: an unclosed quote at the end, a stray quote, a cell
    over its size limit (in the header and in a row)."""
    d = tmp_path / "csv"
    d.mkdir()
    (d / "routes.csv").write_text(
        'product,origin,mode,source,source_id\napple,AR,sea,x,"y\n', encoding="utf-8"
    )
    (d / "ports.csv").write_text('code,kind,name,country,lat,lon\n"FRX"Y,sea,N,FR,1,1\n', encoding="utf-8")
    (d / "seasons.csv").write_text("x" * 200_000 + ",b\n", encoding="utf-8")
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out


def test_bad_factors_file_in_french(runner, tmp_path, recording):
    """An emission factors overlay with a wrong type, an unknown field, a boolean year, an
    undefined default carbon price and a source nobody declared; then a file that is not a
    mapping, and one nested too deep."""
    d = tmp_path / "facteurs"
    d.mkdir()
    (d / "emission_factors.yaml").write_text(
        "sources:\n"
        "  zz-source:\n    publisher: 123\n    dataset: d\n    version: v\n    year: true\n    bidule: 1\n"
        "chain: [1]\n",
        encoding="utf-8",
    )
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out
    # valid on its own, but citing a source the registry does not hold
    (d / "emission_factors.yaml").write_text(
        "grid:\n  source:\n    id: personne\n    identifier: x\n", encoding="utf-8"
    )
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out
    (d / "emission_factors.yaml").write_text("default_carbon_price: introuvable\n", encoding="utf-8")
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out
    (d / "emission_factors.yaml").write_text("- une liste\n- pas un dictionnaire\n", encoding="utf-8")
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out
    (d / "emission_factors.yaml").write_text(
        "a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 30)) + "  " * 30 + "c: 1\n", encoding="utf-8"
    )
    out = _validate_fr(runner, d)
    assert english(out, str(tmp_path)) == [], out


def test_data_paths_in_french(runner, tmp_path, recording):
    """A file that is not a data file, a FOOTPRINT_DATA directory that does not exist, and a
    valid overlay (the summary line)."""
    other = tmp_path / "notes.txt"
    other.write_text("rien\n", encoding="utf-8")
    out = _validate_fr(runner, other)
    assert english(out, str(tmp_path)) == [], out
    out = _validate_fr(runner, env={"FOOTPRINT_DATA": str(tmp_path / "absent")})
    assert english(out, str(tmp_path)) == [], out
    ok = tmp_path / "vide"
    ok.mkdir()
    res = runner.invoke(app, ["data", "validate", str(ok), "--lang", "fr"])
    assert res.exit_code == 0, res.output
    assert english(res.output) == [], res.output


@pytest.mark.parametrize(
    "args",
    [["products", "--data", str(DATA)], ["data", "validate", str(DATA / "achats_sales.csv")]],
    ids=["directory", "path"],
)
def test_unreadable_paths_in_french(runner, recording, monkeypatch, args):
    """Click's own check of a path given on the command line (the test may run as root, who
    reads everything: the system's answer is replaced for that path only)."""
    import os

    target, access = args[-1], os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: p != target and access(p, mode, **kw))
    res = runner.invoke(app, [*args, "--lang", "fr"])
    assert res.exit_code == 2, res.output
    assert "n'est pas lisible" in res.output, res.output
    assert english(res.output) == [], res.output


def test_factors_without_shipped_data_in_french(tmp_path, recording):
    """Through the library only (no command reads a dataset without the shipped one): no factors
    file at all, and a factors file missing transport modes."""
    import yaml

    from footprint_cli.cli.common import error_lines
    from footprint_cli.errors import DataError
    from footprint_cli.model.loader import shipped_data_dir
    from footprint_cli.store import load_dataset

    d = tmp_path / "seul"
    d.mkdir()
    with pytest.raises(DataError) as exc:
        load_dataset([d], shipped=False)
    out = "\n".join(error_lines(exc.value, "fr"))
    assert english(out, str(tmp_path)) == [], out
    factors = yaml.safe_load((shipped_data_dir() / "emission_factors.yaml").read_text(encoding="utf-8"))
    del factors["transport_modes"]["rail"]
    (d / "emission_factors.yaml").write_text(yaml.safe_dump(factors), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_dataset([d], shipped=False)
    out = "\n".join(error_lines(exc.value, "fr"))
    assert english(out, str(tmp_path)) == [], out


def _cli_fr(runner, *args: str, code: int = 2) -> str:
    res = runner.invoke(app, [*args, "--lang", "fr"])
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    return res.output


def test_command_errors_in_french(runner, tmp_path, recording):
    """Usage errors of the commands themselves, through the CLI."""
    loop = tmp_path / "boucle"
    loop.symlink_to(tmp_path / "boucle")  # a symlink to itself: the system says "too many levels"
    wide = tmp_path / "large.csv"
    wide.write_text(
        ";".join(f"c{i}" for i in range(1100)) + "\n" + ";".join("1" * 1100) + "\n", encoding="utf-8"
    )
    huge = tmp_path / "enorme.csv"
    huge.write_text("Produit,Quantité\nPommes,1e308\nPommes,1e308\n", encoding="utf-8")
    cases = [
        ["compare", "pomme", "--origin", "suisse", "--mode", "bateau"],  # no seaport
        ["compare", "pomme", "--origin", "andorre", "--mode", "avion"],  # no airport
        ["compare", "farine", "-q", "3 pièces", "--origin", "espagne"],  # no piece mass
        ["compare", "zzqqxxww"],  # no close name
        ["compare", "pomme", "--no-local"],  # nothing to compare
        ["compare", "pomme", "--origin", "espagne", "--html", ""],
        ["compare", "pomme", "--origin", "espagne", "--html", str(tmp_path / "absent.txt" / "x.html")],
        ["compare", "pomme", "--origin", "espagne", "--html", str(tmp_path / ("x" * 300 + ".html"))],
        ["compare", "pomme", "--origin", "espagne", "--html", str(loop / "x.html")],
        ["season", "-c", "viande"],
        ["report", str(wide), "-o", str(tmp_path / "r.csv")],
        ["report", str(huge), "-o", str(tmp_path / "r.csv"), "--draws", "100"],
    ]
    (tmp_path / "absent.txt").write_text("un fichier, pas un répertoire\n", encoding="utf-8")
    for args in cases:
        out = _cli_fr(runner, *args)
        assert english(out, str(tmp_path)) == [], (args, out)
    res = runner.invoke(app, ["compare", "pomme", "--lang", "xx"], env={"LANG": "fr_FR.UTF-8"})
    assert res.exit_code == 2 and english(res.output) == [], res.output


@pytest.mark.parametrize(
    ("errno_name", "words"),
    [("EACCES", "pas le droit"), ("EROFS", "lecture seule"), ("ENOSPC", "disque est plein")],
)
def test_unwritable_destinations_in_french(runner, tmp_path, recording, monkeypatch, errno_name, words):
    """A destination the system refuses. Run as root in a container, a test cannot make a real
    directory unwritable, read-only or full: the writer's temporary file is refused with the
    system's error instead, and the command runs for real around it."""
    import errno
    import tempfile

    def refused(*args, **kwargs):
        code = getattr(errno, errno_name)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = _cli_fr(runner, "compare", "pomme", "--origin", "espagne", "--html", str(tmp_path / "c.html"))
    assert words in out, out
    assert english(out, str(tmp_path)) == [], out


def _system_error(tmp_path: Path, name: str) -> OSError:
    """A real ``OSError`` of the kind ``name``, from a real system call where a test can make one
    (as root, permission, read-only and full-disk errors can only be built)."""
    import errno

    (tmp_path / "fichier").write_text("x", encoding="utf-8")
    (tmp_path / "boucle").symlink_to(tmp_path / "boucle")
    calls = {
        "ENOENT": lambda: open(tmp_path / "absent.csv", encoding="utf-8"),
        "EISDIR": lambda: open(tmp_path, "w", encoding="utf-8"),
        "ENOTDIR": lambda: open(tmp_path / "fichier" / "x.csv", encoding="utf-8"),
        "ENAMETOOLONG": lambda: open(tmp_path / ("n" * 300), encoding="utf-8"),
        "ELOOP": lambda: open(tmp_path / "boucle", encoding="utf-8"),
    }
    if name in calls:
        try:
            calls[name]()
        except OSError as exc:
            assert exc.errno == getattr(errno, name), exc
            return exc
    code = getattr(errno, name)
    return OSError(code, os.strerror(code), str(tmp_path / "achats.csv"))


@pytest.mark.parametrize(
    ("errno_name", "words"),
    [
        ("ENOENT", "introuvable"),
        ("EACCES", "accès refusé"),
        ("ENOSPC", "disque est plein"),
        ("EROFS", "lecture seule"),
        ("EISDIR", "est un répertoire"),
        ("ENOTDIR", "n'est pas un répertoire"),
        ("ENAMETOOLONG", "trop long"),
        ("ELOOP", "liens symboliques"),
        ("EIO", "erreur du système"),  # a rare one: the system's text, quoted
    ],
)
def test_system_errors_reaching_the_command_group_in_french(
    runner, tmp_path, recording, monkeypatch, errno_name, words
):
    """An ``OSError`` no command words itself reaches the command group, which words the common
    ones from the catalogue and quotes the system's text for the others."""
    exc = _system_error(tmp_path, errno_name)

    def fails(*args, **kwargs):
        raise exc

    monkeypatch.setattr("footprint_cli.cli.browse.load", fails)
    res = runner.invoke(app, ["products", "--lang", "fr"])
    assert res.exit_code == 1, res.output
    assert words in res.output and str(exc.filename)[:40] in res.output, res.output
    assert english(res.output, str(tmp_path)) == [], res.output
    en = runner.invoke(app, ["products", "--lang", "en"]).output
    assert words not in en and english(en, str(tmp_path)), en


def test_serve_on_a_taken_port_in_french(runner, recording):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        out = _cli_fr(runner, "serve", "--port", str(port), "--no-browser")
    assert english(out) == [], out


def test_library_only_errors_in_french(data, recording):
    """Refusals only the library reaches (the commands check the same inputs earlier, or cannot
    build the state): each worded in French by the edge that shows errors."""
    import dataclasses

    import pandas as pd

    from footprint_cli.batch.match import match_origins
    from footprint_cli.batch.year_on_year import compare_reports
    from footprint_cli.catalog import Catalog
    from footprint_cli.cli.common import error_lines
    from footprint_cli.engine import compare
    from footprint_cli.errors import FootprintError
    from footprint_cli.geo.legs import ARRIVAL_AIRPORT, ARRIVAL_SEAPORTS, plan_legs

    def worded(call) -> str:
        with pytest.raises(FootprintError) as exc:
            call()
        out = "\n".join(error_lines(exc.value, "fr"))
        assert english(out) == [], out
        return out

    catalog = Catalog(data)
    worded(lambda: compare(data, [], draws=100))
    worded(lambda: match_origins(pd.Series(["Espagne"]), catalog, default="Atlantide"))
    es, paris = data.places["ES"], data.places["75"] if "75" in data.places else data.places["FR"]
    worded(lambda: plan_legs(data, es, es, paris, "téléportation"))
    no_ports = dataclasses.replace(
        data, ports={k: v for k, v in data.ports.items() if k not in ARRIVAL_SEAPORTS}
    )
    worded(lambda: plan_legs(no_ports, es, es, paris, "sea"))
    no_cdg = dataclasses.replace(data, ports={k: v for k, v in data.ports.items() if k != ARRIVAL_AIRPORT})
    worded(lambda: plan_legs(no_cdg, es, es, paris, "air"))
    before = _small_report(data, seed=1)
    worded(lambda: compare_reports(before, _small_report(data, seed=2)))
    worded(lambda: compare_reports(dataclasses.replace(before, total_draws_kg_co2e=None), before))


def _small_report(data, seed: int):
    from footprint_cli.batch.reader import read_purchases
    from footprint_cli.batch.report import compute_report

    src = DATA / "achats_sales.csv"
    return compute_report(read_purchases(src), data, month_default=3, draws=100, seed=seed)


def _summary_fr(runner, tmp_path: Path, source: Path, *args: str) -> str:
    """The report of ``source`` in French: stdout, the Markdown summary (its reading notes) and
    the rejected lines."""
    out, summary = tmp_path / "r.csv", tmp_path / "s.md"
    res = runner.invoke(
        app,
        [
            "report",
            str(source),
            "-o",
            str(out),
            "--summary",
            str(summary),
            "--draws",
            "100",
            "--lang",
            "fr",
            *args,
        ],
    )
    assert res.exit_code == 0, res.output
    rejected = tmp_path / "r.rejected.csv"
    texts = [res.output, summary.read_text(encoding="utf-8")]
    if rejected.exists():
        texts.append(rejected.read_text(encoding="utf-8-sig"))
        rejected.unlink()
    return "\n".join(texts)


PURCHASE_FILES = {
    # a file saved partly in cp1252, partly in UTF-8
    "encodages.csv": "Produit;Quantité\n".encode() + "Pommes é;1\n".encode("cp1252"),
    # lines ended by U+2028 alone; then U+2028 inside a cell
    "lignes.csv": "Produit;Quantité\u2028Pommes;1\u2028".encode(),
    "cellules.csv": 'Produit;Quantité\n"Pommes\u2028vertes";1\n'.encode(),
    # "1.234" among dot decimals; month/day/year dates; a total row that differs
    "points.csv": b"Produit;Quantit\xc3\xa9;Montant;Date\nPommes;1;2.50;12/31/2023\nPoires;1;1.234;01/15/2023\n"
    b"Total;;1236.50;\n",
    # "1.234" among comma decimals; a total row equal to the sum; a month column
    "virgules.csv": "Produit;Quantité;Montant;Mois\nPommes;1;2,50;mars\nPoires;1;1.234,50;brumaire\n"
    "Total;;1237,00;\n".encode(),
    # decimals written both ways
    "melange.csv": "Produit;Quantité;Montant\nPommes;1;2,50\nPoires;1;2.5\nPoires;1;1.234\n".encode(),
    # a header on two rows (merged cells above sub-headers)
    "deux_lignes.csv": "Produit;Quantité;;Montant\n;Qté;Unité;\nPommes;1;kg;2,50\nPoires;2;kg;3,00\n".encode(),
    # the ma-cantine dashboard export: origin inside "Caractéristiques"
    "ma_cantine.csv": "Date;Description;Fournisseur;Famille de produit;Caractéristiques;Prix HT\n"
    "02/02/2023;Pommes;Primeur;Fruits;Origine France;12,50\n".encode(),
}


@pytest.mark.parametrize("name", sorted(PURCHASE_FILES))
def test_reading_notes_in_french(runner, tmp_path, recording, name):
    src = tmp_path / name
    src.write_bytes(PURCHASE_FILES[name])
    out = _summary_fr(runner, tmp_path, src)
    assert english(out, str(tmp_path)) == [], out
    assert product_ids(out) == [], out


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_workbooks_in_french(runner, tmp_path, recording):
    """The sheet chosen among several (a note), values beyond the header (a reason), an empty
    sheet and a sheet whose XML is broken (errors)."""
    import zipfile

    book = _workbook(
        tmp_path / "classeur.xlsx",
        {
            "Notes": [["À lire"], ["rien ici"]],
            "Achats": [["Produit", "Quantité", "Montant"], ["Pommes", 1, 2.5], ["Poires", 1, 2, "en trop"]],
            "Vide": [],
        },
    )
    out = _summary_fr(runner, tmp_path, book)
    assert english(out, str(tmp_path)) == [], out
    out = _cli_fr(runner, "report", str(book), "--sheet", "Vide", "-o", str(tmp_path / "r.csv"))
    assert english(out, str(tmp_path)) == [], out
    # one sheet whose cell A1 says it is a number and is not
    single = _workbook(tmp_path / "une.xlsx", {"Achats": [["Produit", "Quantité"], ["Pommes", 1]]})
    broken = tmp_path / "casse.xlsx"
    with zipfile.ZipFile(single) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = (
                    b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>"
                    b"<row r='1'><c r='A1' t='n'><v>abc</v></c></row></sheetData></worksheet>"
                )
            zout.writestr(item, data)
    out = _cli_fr(runner, "report", str(broken), "-o", str(tmp_path / "r.csv"))
    assert english(out, str(tmp_path)) == [], out


def test_unreadable_inputs_in_french(runner, tmp_path, recording):
    """Files the reader refuses: old binary Excel, undecodable bytes (guessed and as told), a
    CSV the parser cannot read, no label column, a symlink loop."""
    files = {
        "ancien.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100,
        "bom.csv": b"\xef\xbb\xbfProduit;Quantit\xe9\n",
        "guillemet.csv": 'Produit;Quantité\n"Pommes;1\n'.encode(),
        "sans_libelle.csv": "Quantité;Montant\n1;2\n".encode(),
        "cp1252.csv": "Produit;Quantité\nPommes é;1\n".encode("cp1252"),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "boucle.csv").symlink_to(tmp_path / "boucle.csv")
    cases = [[name] for name in files if name != "cp1252.csv"]
    cases += [["cp1252.csv", "--encoding", "utf-8"], ["boucle.csv"]]
    for name, *more in cases:
        out = _cli_fr(runner, "report", str(tmp_path / name), "-o", str(tmp_path / "r.csv"), *more)
        assert english(out, str(tmp_path)) == [], (name, out)


def test_reader_guard_through_the_library(recording):
    """``read_purchases(header_row=0)``: the command's option refuses 0 before the reader sees it."""
    from footprint_cli.batch.reader import read_purchases
    from footprint_cli.cli.common import error_lines
    from footprint_cli.errors import InputError

    with pytest.raises(InputError) as exc:
        read_purchases(DATA / "achats_sales.csv", header_row=0)
    out = "\n".join(error_lines(exc.value, "fr"))
    assert english(out) == [], out


def test_report_refusals_in_french(runner, tmp_path, recording):
    """Lines the engine cannot compute (no road from an island, no seaport in a landlocked
    country), labels not in the catalogue, origins with and without close names."""
    src = tmp_path / "achats.csv"
    src.write_text(
        "Produit;Quantité;Unité;Origine;Transport;Date\n"
        "Bananes;1;kg;Martinique;camion;02/03/2023\n"
        "Bananes;1;kg;Slovaquie;;02/03/2023\n"
        "Citron vert;1;kg;Espagne;;02/03/2023\n"
        "Pommes;1;kg;Zzqx;;02/03/2023\n"
        "Pommes;1;kg;Qqqqqqqqqqqqwwwww;;02/03/2023\n",
        encoding="utf-8",
    )
    out = _summary_fr(runner, tmp_path, src)
    assert english(out, str(tmp_path)) == [], out
    assert product_ids(out) == [], out
    assert "Czechia" not in out and "Tchéquie" in out, out  # closest places named in French only


def test_report_option_errors_in_french(runner, tmp_path, recording):
    """--columns without NAME=HEADER, a site column the file lacks, meals files that cannot be
    used (no meals column, bad counts, bad months, no meal at all)."""
    meals = {
        "sans_colonne.csv": "Site;Mois\nA;1\n",
        "repas.csv": "Mois;Repas\n1;beaucoup\n",
        "repas2.csv": "Mois;Repas\n1;beaucoup\n2;trop\n",
        "mois.csv": "Mois;Repas\nbrumaire;100\n",
        "mois2.csv": "Mois;Repas\nbrumaire;100\nthermidor;100\n",
        "zero.csv": "Mois;Repas\n1;0\n",
        "vide.csv": "\n",
    }
    for name, text in meals.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "r.csv"
    cases = [
        ["report", SALES, "-o", str(out), "--columns", "Produit"],
        ["report", SALES, "-o", str(out), "--columns", "site=Nulle part"],
        *(["report", SALES, "-o", str(out), "--meals", str(tmp_path / name)] for name in meals),
    ]
    for args in cases:
        text = _cli_fr(runner, *args)
        assert english(text, str(tmp_path), str(DATA)) == [], (args, text)


def test_meals_file_unreadable_through_the_library(tmp_path, recording):
    """``read_meals`` of a file the system cannot read (a symlink loop): the command checks
    that --meals names a file before reading it, so only the library meets this."""
    from footprint_cli.batch.breakdowns import read_meals
    from footprint_cli.cli.common import error_lines
    from footprint_cli.errors import InputError

    loop = tmp_path / "repas.csv"
    loop.symlink_to(loop)
    with pytest.raises(InputError) as exc:
        read_meals(loop)
    out = "\n".join(error_lines(exc.value, "fr"))
    assert english(out, str(tmp_path)) == [], out


def test_workbook_over_the_row_limit_in_french(runner, tmp_path, recording, monkeypatch):
    """A report with more lines than a worksheet holds: the limit (1,048,576 rows) is lowered to
    2 so that the test stays fast; the command runs for real."""
    from footprint_cli.render import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 2)
    out = _cli_fr(runner, "report", SALES, "--xlsx", str(tmp_path / "r.xlsx"), "--draws", "100")
    assert english(out, str(tmp_path), str(DATA)) == [], out


def test_proxy_place_missing_through_the_library(data, recording):
    """An origin "UE" stands for Spain: a dataset without Spain (only a library caller can build
    one; the shipped data has it) refuses the line instead of guessing."""
    import dataclasses

    import pandas as pd

    from footprint_cli.batch.match import EU_PROXY, match_origins
    from footprint_cli.catalog import Catalog
    from footprint_cli.i18n import text

    without = dataclasses.replace(
        data, places={k: v for k, v in data.places.items() if k != EU_PROXY}, indexes={}
    )
    found = match_origins(pd.Series(["UE"]), Catalog(without))
    reason = text(found["reason"].iloc[0], "fr")
    assert reason and english(reason) == [], reason


def test_own_sources_are_titled_in_french(runner, data):
    """The project's own sources (publisher "footprint") have a French title and French output
    uses it; a publisher's own title is cited as published."""
    own = {k: s for k, s in data.factors.sources.items() if s.publisher.startswith("footprint")}
    assert own and all(s.dataset_fr and s.publisher_fr for s in own.values()), own
    res = runner.invoke(app, ["explain", "pomme", "--origin", "argentine", "--month", "3", "--lang", "fr"])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    cited = [s for s in own.values() if " ".join(s.dataset_fr.split()) in flat]
    assert cited, flat
    assert not [s.dataset for s in own.values() if " ".join(s.dataset.split()) in flat], flat


def _refs(node, out: list) -> list:
    """Every source reference of the factors file (a mapping with ``id`` and ``identifier``)."""
    if isinstance(node, dict):
        if "id" in node and "identifier" in node:
            out.append(node)
        for v in node.values():
            _refs(v, out)
    elif isinstance(node, list):
        for v in node:
            _refs(v, out)
    return out


@pytest.mark.parametrize(
    "args",
    [["pomme", "--origin", "argentine", "--month", "3"], ["tomate", "--origin", "espagne", "--month", "1"]],
    ids=["apple AR", "tomato ES 1"],
)
def test_own_identifiers_are_worded_in_french(runner, args):
    """An identifier of ours that is prose (the chain distances, the storage figures, the detour
    factor, the proxy widening) has a French wording, and ``explain`` shows it in French; a
    publisher's own category names (DESNZ rows, AGRIBALYSE product names) stay as published."""
    import yaml

    from footprint_cli.model.loader import shipped_data_dir

    refs = _refs(
        yaml.safe_load((shipped_data_dir() / "emission_factors.yaml").read_text(encoding="utf-8")), []
    )
    worded = [r for r in refs if r.get("identifier_fr")]
    assert len(worded) >= 8, worded
    fr = " ".join(runner.invoke(app, ["explain", *args, "--lang", "fr"]).output.split())
    en = " ".join(runner.invoke(app, ["explain", *args, "--lang", "en"]).output.split())
    shown = [r for r in worded if r["identifier"] in en]
    assert {"ecobalyse-food-transport", "agribalyse-methodo-3.1"} <= {r["id"] for r in shown}, en
    for r in shown:
        assert r["identifier_fr"] in fr and r["identifier"] not in fr, r
    assert "1. RECETTE : 160 km de route du champ au premier site" in fr, fr
    if "argentine" in args:  # the French farm value standing in for Argentina's
        assert (
            "remplace la valeur de l'origine AR, fourchette élargie ×1,22" in fr and "stands in" not in fr
        ), fr


def test_production_variant_identifiers_are_worded_in_french(runner):
    """The identifiers of the production variants are prose of ours (a study's figures and how
    the farm-gate part was taken): each has a French wording, and ``explain`` shows the Almería
    tomato's in French."""
    from footprint_cli.store import load_dataset

    rows = list(load_dataset().variants.values())
    own = [v for v in rows if v.source.id != "poore-nemecek-2018"]  # OWID's column names, as published
    assert own and all(v.source.identifier_fr for v in own), [v for v in own if not v.source.identifier_fr]
    (almeria,) = [
        v for v in rows if (v.product, v.system, v.origin) == ("tomato", "unheated_greenhouse", "ES")
    ]
    fr = " ".join(
        runner.invoke(
            app, ["explain", "tomate", "--origin", "espagne", "--month", "1", "--lang", "fr"]
        ).output.split()
    )
    assert almeria.source.identifier_fr in fr and almeria.source.identifier not in fr, fr


def test_input_column_named_like_an_output_column_in_french(runner, tmp_path):
    """An input column called like a column the report adds keeps its cells under its name
    marked as the input's, in the user's language."""
    import csv

    src = tmp_path / "achats.csv"
    src.write_text("Produit;Quantité;line;product\nPommes;1;4;x\n", encoding="utf-8")
    for lang, mark in (("fr", "entrée"), ("en", "input")):
        out = tmp_path / f"{lang}.csv"
        res = runner.invoke(app, ["report", str(src), "-o", str(out), "--draws", "200", "--lang", lang])
        assert res.exit_code == 0, res.output
        header = next(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
        assert header[:5] == ["line", "Produit", "Quantité", f"line ({mark})", f"product ({mark})"], header


def test_every_key_was_reached_in_french(recording):
    """Runs last in this module: every error-like key was reached by a scenario above."""
    wanted = {k for k in i18n.catalogue() if k.startswith(KINDS)}
    missing = sorted(wanted - SEEN - set(NOT_REACHED))
    assert not missing, f"no scenario reaches these keys in French: {missing}"
    stale = sorted(set(NOT_REACHED) & SEEN)
    assert not stale, f"reached now, take them off NOT_REACHED: {stale}"
