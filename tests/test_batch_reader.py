"""The purchase-file reader: formats, encodings, columns, units, and no row ever lost."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint_cli.batch.reader import LINE_COLUMNS, PurchaseFile, read_purchases
from footprint_cli.errors import InputError

DATA = Path(__file__).resolve().parent / "data"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "ma-cantine"

SAMPLES = {
    # file: (schema, encoding, delimiter, rows read, rejected)
    "achats_tableur.csv": ("generic", "cp1252", ";", 30, 0),
    "macantine_export.csv": ("ma-cantine", "utf-8", ",", 12, 0),
    "achats.xlsx": ("generic", None, None, 6, 1),
    "achats_sales.csv": ("generic", "utf-8", ",", 13, 8),
}


def _check_invariant(pf: PurchaseFile) -> None:
    assert len(pf.lines) + len(pf.rejected) == pf.rows_read
    assert list(pf.lines.columns[: len(LINE_COLUMNS)]) == list(LINE_COLUMNS)
    assert [c for c in pf.lines.columns if c.startswith("in:")] == [f"in:{h}" for h in pf.original_columns]
    assert list(pf.rejected.columns[:2]) == ["line", "reason"]
    lines = sorted([*pf.lines["line"], *pf.rejected["line"]])
    assert len(set(lines)) == len(lines), "each input line appears once"
    assert (pf.rejected["reason"] != "").all()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples(name: str) -> None:
    schema, encoding, delimiter, rows, rejected = SAMPLES[name]
    pf = read_purchases(DATA / name)
    _check_invariant(pf)
    assert (pf.schema, pf.encoding, pf.delimiter) == (schema, encoding, delimiter)
    assert (pf.rows_read, len(pf.rejected)) == (rows, rejected)
    assert pf.lines["month"].dtype == "Int64"
    assert pf.lines["organic"].dtype == "boolean"


def test_spreadsheet_export_numbers_and_units() -> None:
    pf = read_purchases(DATA / "achats_tableur.csv")
    by = pf.lines.set_index("line")
    assert by.loc[2, "amount_eur"] == pytest.approx(1234.56)  # no-break-space thousands, decimal comma
    assert by.loc[3, "quantity_kg"] == pytest.approx(85.5)
    assert by.loc[13, "quantity_kg"] == pytest.approx(1050)
    assert by.loc[14, "quantity_kg"] == pytest.approx(0.5)  # 500 g
    assert by.loc[20, "quantity_kg"] == pytest.approx(50)  # 0,05 t
    assert by.loc[15, "quantity_is_volume"] and by.loc[15, "quantity_kg"] == pytest.approx(60)  # 60 L
    assert math.isnan(by.loc[5, "quantity_kg"]) and by.loc[5, "quantity_pieces"] == 240
    assert by.loc[2, "month"] == 1 and by.loc[2, "label"] == "Pommes Golden cat 1 vrac"
    assert by.loc[5, "origin_text"] == "29"
    assert by.loc[2, "in:Quantité"] == "120"


def test_macantine_export() -> None:
    pf = read_purchases(DATA / "macantine_export.csv")
    by = pf.lines.set_index("line")
    assert by["quantity_kg"].isna().all()  # euros only
    assert by.loc[4, "amount_eur"] == pytest.approx(1048.0)  # "1 048,00"
    assert by.loc[3, "organic"] and not by.loc[2, "organic"]
    assert by.loc[2, "local"] and not by.loc[4, "local"]
    assert by.loc[8, "origin_text"] == "EUROPE" and by.loc[9, "origin_text"] == ""
    assert by.loc[2, "supplier"] == "Primeurs du Val" and by.loc[2, "family"] == "FRUITS_ET_LEGUMES"


def test_bad_rows_have_specific_reasons() -> None:
    pf = read_purchases(DATA / "achats_sales.csv")
    reasons = dict(zip(pf.rejected["line"], pf.rejected["reason"], strict=True))
    assert reasons == {
        3: "missing product label",  # empty Produit
        4: "quantity not a number: 'abc'",
        5: "negative amount",  # -3.00
        6: "no quantity and no amount",  # Bananes with nothing else
        7: "date not understood: '2022-13-45'",
        8: "wrong number of fields (8, header has 6)",  # two extra fields
        9: "wrong number of fields (2, header has 6)",  # truncated row
        11: 'label looks like a spreadsheet formula: \'=HYPERLINK("http://evil.example","clic")\'',
    }
    # "24 colis" of yoghurts: a package whose label gives no size is kept without a mass (the
    # report estimates it from the amount, flagged), never read as 24 kg
    yog = pf.lines.set_index("line").loc[12]
    assert np.isnan(yog["quantity_kg"]) and np.isnan(yog["quantity_pieces"])
    assert yog["quantity_unit"] == "pack"
    # unknown product (line 10) and unknown origin (line 13) are the matcher's business
    assert {10, 13} <= set(pf.lines["line"])
    assert pf.blank_rows == 1  # the ",,,,," line
    assert pf.rejected.loc[pf.rejected["line"] == 8, "Produit"].item() == "Riz"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared ma-cantine reference files absent")
@pytest.mark.parametrize(
    "name",
    [
        "purchases_bad_many_errors.csv",
        "purchases_good_decimal_comma.csv",
        "purchases_good_encoding_iso-8859-1.csv",
        "purchases_good_siret_2026.csv",
    ],
)
def test_macantine_reference_files(name: str) -> None:
    pf = read_purchases(REFERENCE / name)
    _check_invariant(pf)
    assert pf.schema == "ma-cantine"
    if name.startswith("purchases_good"):
        assert pf.rejected.empty
        assert pf.lines["amount_eur"].notna().all()
    else:
        assert pf.rows_read == 56
        reasons = set(pf.rejected["reason"])
        assert "missing product label" in reasons
        assert "date not understood: '2022-02-31'" in reasons
        assert "amount not a number: 'A price'" in reasons
        assert "wrong number of fields (6, header has 8)" in reasons
    if "iso-8859-1" in name:
        assert pf.lines["label"].iloc[0] == "deuxième pomme"
        assert pf.lines["local"].iloc[0]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")]
)
@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_encodings_and_separators(tmp_path: Path, encoding: str, bom: bytes, sep: str) -> None:
    dec = "," if sep != "," else "."
    text = (
        f"Libellé{sep}Qté{sep}Prix{sep}Pays\r\n"
        f"Pêches jaunes{sep}12 kg{sep}{'1 234' + dec + '5'}{sep}Espagne\r\n"
        f"Crème fraîche{sep}500 g{sep}3{dec}20 €{sep}France\r\n"
    )
    path = tmp_path / "f.csv"
    path.write_bytes(bom + text.encode(encoding))
    pf = read_purchases(path)
    _check_invariant(pf)
    assert pf.delimiter == sep
    assert list(pf.lines["label"]) == ["Pêches jaunes", "Crème fraîche"]
    assert list(pf.lines["quantity_kg"]) == pytest.approx([12, 0.5])
    assert list(pf.lines["amount_eur"]) == pytest.approx([1234.5, 3.2])


@pytest.mark.parametrize(
    ("cell", "kg", "pieces", "volume"),
    [
        ("12 kg", 12, None, False),
        ("500 g", 0.5, None, False),
        ("0,5 t", 500, None, False),
        ("24 pièces", None, 24, False),
        ("10 L", 10, None, True),
        ("33 cl", 0.33, None, True),
        ("1 234,5 kg", 1234.5, None, False),
        ("3 kilos", 3, None, False),
        ("6 u", None, 6, False),
    ],
)
def test_unit_conversions(
    tmp_path: Path, cell: str, kg: float | None, pieces: float | None, volume: bool
) -> None:
    path = tmp_path / "u.csv"
    path.write_text(f"produit;quantite\npommes;{cell}\n", encoding="utf-8")
    line = read_purchases(path).lines.iloc[0]
    assert math.isnan(line["quantity_kg"]) if kg is None else line["quantity_kg"] == pytest.approx(kg)
    assert math.isnan(line["quantity_pieces"]) if pieces is None else line["quantity_pieces"] == pieces
    assert bool(line["quantity_is_volume"]) is volume


def test_unit_column_and_header_unit(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text("Article;Poids (g);Montant\npommes;250;1\n", encoding="utf-8")
    assert read_purchases(path).lines["quantity_kg"].iloc[0] == pytest.approx(0.25)
    path.write_text("Article;Quantité;Unité;Montant\npommes;250;g;1\npoires;2;kg;1\n", encoding="utf-8")
    assert list(read_purchases(path).lines["quantity_kg"]) == pytest.approx([0.25, 2])


def test_column_mapping_override(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Truc;Combien;Euros\npommes;3;4,5\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_purchases(path)
    assert "--columns label=" in (err.value.hint or "")
    pf = read_purchases(path, columns={"label": "Truc", "quantity": "Combien", "amount": "euros"})
    assert pf.lines["quantity_kg"].iloc[0] == 3 and pf.lines["amount_eur"].iloc[0] == pytest.approx(4.5)
    with pytest.raises(InputError, match="unknown column name 'colour'"):
        read_purchases(path, columns={"colour": "Truc"})
    with pytest.raises(InputError, match="no column 'Nope'") as err:
        read_purchases(path, columns={"label": "Nope"})
    assert "'Truc'" in (err.value.hint or "")


def test_dates_months_booleans(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "produit;montant;date;bio\n"
        "a;1;2023-03-04;oui\nb;1;04/03/2023;non\nc;1;45000;x\nd;1;mai 2023;\n"
        "e;1;2023-02-30;oui\nf;1;1;peut-être\n",
        encoding="utf-8",
    )
    pf = read_purchases(path)
    by = pf.lines.set_index("label")
    assert list(by["month"]) == [3, 3, 3, 5]  # 45000 is the Excel serial of 2023-03-15
    assert list(by["organic"].astype(object).map(lambda v: None if v is pd.NA else bool(v))) == [
        True,
        False,
        True,
        None,
    ]
    reasons = dict(zip(pf.rejected["line"], pf.rejected["reason"], strict=True))
    assert reasons[6] == "date not understood: '2023-02-30'"
    assert "organic not understood: 'peut-être'" in reasons[7] and "date not understood: '1'" in reasons[7]


def test_month_column(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("product,amount,month\na,1,March\nb,1,juil.\nc,1,12\nd,1,13\n", encoding="utf-8")
    pf = read_purchases(path)
    assert list(pf.lines["month"]) == [3, 7, 12]
    assert pf.rejected["reason"].tolist() == ["month not understood: '13'"]


def test_xlsx_sheets() -> None:
    pf = read_purchases(DATA / "achats.xlsx", sheet="English")
    _check_invariant(pf)
    assert list(pf.lines["quantity_kg"]) == pytest.approx([0.5, 2])
    assert list(pf.lines["month"]) == [3, 3]
    main = read_purchases(DATA / "achats.xlsx")
    assert main.blank_rows == 1 and main.rejected["line"].tolist() == [8]  # sheet row numbers
    with pytest.raises(InputError, match="no sheet named"):
        read_purchases(DATA / "achats.xlsx", sheet="Nope")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x00\x01\x02\x03garbage\x00" * 50, "does not look like a CSV"),
        (b"PK\x03\x04 not really a zip", "xlsx"),
        (b"foo;bar\n1;2\n", "no product label column"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_purchases(path)


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_purchases(tmp_path / "nope.csv")
    path = tmp_path / "latin.csv"
    path.write_bytes("produit;montant\npêche;1\n".encode("cp1252"))
    with pytest.raises(InputError) as err:
        read_purchases(path, encoding="utf-8")
    assert "--encoding cp1252" in (err.value.hint or "")
    assert read_purchases(path, encoding="cp1252").lines["label"].iloc[0] == "pêche"


def test_quoted_newlines_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('produit,montant\n"pommes\nrouges",1\npoires,x\n', encoding="utf-8")
    pf = read_purchases(path)
    assert pf.lines["line"].tolist() == [2]
    assert pf.rejected["line"].tolist() == [4]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=400)
    | st.text(alphabet=';,\t|"\n\r xa0€1,.-=é', max_size=200).map(
        lambda t: ("produit;quantité;montant;date\n" + t).encode("utf-8")
    )
)
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        pf = read_purchases(path)
    except InputError:
        return
    _check_invariant(pf)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_lines_ended_by_cr_alone(tmp_path, encoding):
    # the "CSV (Macintosh)" export of old spreadsheets ends its lines with CR alone
    path = tmp_path / "mac.csv"
    path.write_bytes("Produit;Quantité;Unité\r\rPommes;12;kg\rCarottes;3,5;kg\r".encode(encoding))
    pf = read_purchases(path)
    assert pf.rows_read == 2 and pf.rows_rejected == 0
    assert list(pf.lines["line"]) == [3, 4]
    assert list(pf.lines["quantity_kg"]) == [12.0, 3.5]
