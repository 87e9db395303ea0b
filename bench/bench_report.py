"""Speed and memory of `footprint report` against a pandas floor, for 10k, 100k and 1M lines.

    python bench/bench_report.py [--sizes 10000,100000,1000000] [--runs 3] [--draws 10000]
                                 [--kind realistic|repetitive] [--keep DIR]
                                 [--chunks MB [--chunks-only]]

For each size it generates a realistic purchase file (``--kind realistic``, the default: quantities
to the gram and amounts to the cent, mostly distinct as in real exports; ``--kind repetitive``:
the older file, whose quantity cells mostly repeat) in French spreadsheet format (``;``
separators, cp1252, decimal commas, no-break-space thousands, dd/mm/yyyy dates, ~400 free-text
labels over ~90 products, ~45 origins written as a town hall would: countries, regions,
department numbers, "local", "UE"), then measures, interleaved in the same run:

* the floors, each a plain pandas pipeline with the C parser configured for a French export
  (``pd.read_csv(sep=";", encoding="cp1252", decimal=",", thousands="\\xa0")``: numbers are
  parsed to floats by the C parser itself, nothing is read as text and converted afterwards),
  then ``groupby(["Produit", "Origine"], sort=False)["Quantité"].agg(["sum", "mean"])`` joined
  back to the lines, then ``DataFrame.to_csv(sep=";", decimal=",", index=False)``:

  - "narrow": writes the 7 input columns plus the 2 group columns (9 columns, ~90 MB at 1M
    lines). This is the strict floor the targets are stated against (time <= 1.5x, memory
    <= 2x): it does not build or write what the report writes;
  - "wide": also adds 16 float columns and a per-line text column, the shape of the report's
    per-line CSV, written with ``float_format="%.6g"`` (the report's own precision, and
    pandas' fastest float path with a decimal comma: its default repr path is ~1.5x slower).
    pandas' Python-level float formatting dominates it, so it is printed for reference only;

* the command: ``footprint report FILE -o OUT.csv --quiet --month 3`` (its per-line CSV has the
  input columns, 15 float and 17 text/int columns incl. a long French flags text: ~450 MB at
  1M lines, 5x the narrow floor's output).

The ratios printed are against the narrow floor (and the wide one in brackets).

With ``--chunks MB`` it also runs ``footprint report FILE -o OUT.csv --quiet --month 3 --chunks MB``
(the file read and computed a chunk at a time: memory bounded by the chunk, not the file) and
prints its peak memory and its time per million lines; ``--chunks-only`` runs only that (for files
of 10M lines, where the whole-file report and the pandas floor need several GB). A 10M-line file
is made from the 1M-line one (its rows ten times over) rather than generated (generating holds
the whole file in memory).

Each run is a fresh process; wall time is measured around it and its peak memory (max RSS) is
read from ``os.wait4``. It prints the medians, the ratios (targets: time <= 1.5x, memory <= 2x
the floor) and the time per line, which should stay flat from 10k to 1M lines (linear growth).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

LABELS = [
    # (label variants, unit, kg per line low-high, eur per kg)
    (
        ["Pommes Golden cat 1 vrac", "POMMES GALA", "Pomme bio", "Pommes Pink Lady cal 70/75"],
        "kg",
        5,
        60,
        2.4,
    ),
    (["Carottes France", "CAROTTES VRAC 10KG", "Carottes bio"], "kg", 5, 80, 1.1),
    (["Steak haché 15% MG surgelé", "STEAK HACHE 5% VBF", "Boeuf bourguignon"], "kg", 2, 40, 12.5),
    (["Poulet entier", "Filet de poulet", "CUISSE DE POULET LR"], "kg", 3, 50, 7.0),
    (["Yaourt nature x4", "Yaourt nature bio", "YAOURT AROMATISE"], "pièces", 48, 480, 0.35),
    (["Lentilles vertes", "LENTILLES CORAIL 5KG", "Pois chiches"], "kg", 2, 25, 2.6),
    (["Tomates grappe", "TOMATES RONDES CAT 1", "Tomate cerise barquette"], "kg", 2, 30, 2.9),
    (["Bananes", "BANANES CAT 1"], "kg", 5, 40, 1.7),
    (["Riz long", "RIZ BASMATI 5KG"], "kg", 5, 50, 1.9),
    (["Pain de campagne", "Baguette tradition"], "kg", 5, 40, 3.8),
    (["Emmental râpé", "Comté AOP", "Camembert"], "kg", 1, 15, 9.5),
    (["Pommes de terre", "POMMES DE TERRE GRENAILLE"], "kg", 20, 400, 1.0),
    (["Oignons jaunes", "Echalotes"], "kg", 2, 20, 1.6),
    (["Lait demi-écrémé", "LAIT ENTIER UHT"], "L", 10, 120, 0.95),
    (["Oranges", "Clémentines", "Kiwis"], "kg", 5, 40, 2.3),
    (["Saumon pavé", "Filet de colin", "Cabillaud dos"], "kg", 2, 15, 18.0),
    (["Haricots verts surgelés", "Petits pois surgelés"], "kg", 5, 50, 2.4),
    (["Beurre doux", "Crème fraîche"], "kg", 1, 10, 8.0),
    (["Oeufs plein air", "OEUFS BIO CAL M"], "pièces", 30, 360, 0.25),
    (["Pâtes coquillettes", "Spaghetti", "Semoule fine"], "kg", 5, 40, 1.6),
    (["Poireaux", "Courgettes", "Choux-fleurs", "Salade batavia", "Epinards"], "kg", 3, 40, 2.2),
    (["Jambon blanc", "Saucisses de Toulouse"], "kg", 2, 15, 10.0),
    (["Fromage blanc", "Compote de pommes"], "kg", 3, 30, 3.0),
    (["Huile de colza", "Huile d'olive"], "L", 2, 20, 3.5),
    (["Poires conférence", "Fraises", "Melon charentais"], "kg", 2, 20, 3.5),
]
ORIGINS = [
    "France",
    "France",
    "France",
    "FRANCE",
    "Bretagne",
    "Pays de la Loire",
    "Normandie",
    "Hauts-de-France",
    "Nouvelle-Aquitaine",
    "Occitanie",
    "Auvergne-Rhône-Alpes",
    "29",
    "35",
    "44",
    "49",
    "56",
    "62",
    "local",
    "Espagne",
    "Espagne",
    "Italie",
    "Maroc",
    "Pays-Bas",
    "Belgique",
    "Allemagne",
    "Portugal",
    "UE",
    "Côte d'Ivoire",
    "Équateur",
    "Norvège",
    "Pologne",
    "Irlande",
    "Nouvelle-Zélande",
    "Chili",
    "Sénégal",
    "Kenya",
    "Pérou",
    "Brésil",
    "Argentine",
    "Tunisie",
    "Grèce",
    "Royaume-Uni",
    "Danemark",
    "Inde",
    "Égypte",
]
SUPPLIERS = [
    "Pomona",
    "Transgourmet",
    "Relais d'Or",
    "Primeurs du Val",
    "Boucherie Martin",
    "Laiterie des Prés",
]


def french_number(x: np.ndarray, decimals: int) -> np.ndarray:
    """1234.5 -> '1\\xa0234,50' (no-break-space thousands, decimal comma)."""
    ints = np.floor(x).astype(np.int64)
    frac = np.round((x - ints) * 10**decimals).astype(np.int64)
    carry = frac >= 10**decimals
    ints, frac = ints + carry, np.where(carry, 0, frac)
    thousands = ints // 1000
    rest = ints % 1000
    head = np.where(
        thousands > 0,
        np.char.add(np.char.add(thousands.astype(str), "\u00a0"), np.char.zfill(rest.astype(str), 3)),
        rest.astype(str),
    )
    if decimals == 0:
        return head
    return np.char.add(np.char.add(head, ","), np.char.zfill(frac.astype(str), decimals))


def generate(path: Path, n: int, seed: int = 1, *, realistic: bool = True) -> None:
    """Write a purchase file of ``n`` lines.

    ``realistic`` (the default): quantities and amounts are mostly distinct, as in real exports —
    weighed goods to the gram (``12,345`` kg), volumes to the decilitre, unit prices with cents
    (each line's own negotiated price) and amounts to the cent. Otherwise (``--kind
    repetitive``, the file earlier figures were measured on): quantities to 0.1 over a few
    ranges, so most quantity cells repeat and the reader's per-distinct-value work is small.
    """
    rng = np.random.default_rng(seed)
    group = rng.integers(0, len(LABELS), n)
    variant = rng.integers(0, 5, n)
    labels = np.array([g[0][v % len(g[0])] for g in LABELS for v in range(5)], dtype=object).reshape(-1, 5)
    label = labels[group, variant]
    units = np.array([g[1] for g in LABELS], dtype=object)[group]
    lo = np.array([g[2] for g in LABELS], dtype=float)[group]
    hi = np.array([g[3] for g in LABELS], dtype=float)[group]
    qty = lo + (hi - lo) * rng.random(n)
    pieces = units == "pièces"
    price = np.array([g[4] for g in LABELS], dtype=float)[group] * (0.8 + 0.4 * rng.random(n))
    if realistic:
        litres = units == "L"
        qty = np.where(pieces, np.round(qty), np.where(litres, np.round(qty, 1), np.round(qty, 3)))
        price = np.round(price, 2)  # a unit price in euros and cents
        amount = np.round(qty * price, 2)
    else:
        qty = np.where(pieces, np.round(qty), np.round(qty, 1))
        amount = qty * price
    origin = np.array(ORIGINS, dtype=object)[rng.integers(0, len(ORIGINS), n)]
    day = rng.integers(1, 29, n)
    month = rng.integers(1, 13, n)
    date = np.char.add(
        np.char.add(np.char.add(np.char.zfill(day.astype(str), 2), "/"), np.char.zfill(month.astype(str), 2)),
        "/2025",
    )
    supplier = np.array(SUPPLIERS, dtype=object)[rng.integers(0, len(SUPPLIERS), n)]
    decimals = 3 if realistic else 1
    qty_text = np.where(pieces, qty.astype(np.int64).astype(str), french_number(qty, decimals))
    if realistic:  # "12,500" is written "12,5" as spreadsheets do, "12,000" as "12"
        qty_text = np.char.rstrip(np.char.rstrip(qty_text.astype(str), "0"), ",")
        qty_text = np.where(pieces, qty.astype(np.int64).astype(str), qty_text)
    columns = [label, qty_text, units, french_number(amount, 2), origin, date, supplier]
    body = columns[0].astype(str)
    for c in columns[1:]:
        body = np.char.add(np.char.add(body, ";"), np.asarray(c).astype(str))
    text = (
        "Produit;Quantité;Unité;Montant HT;Origine;Date livraison;Fournisseur\r\n"
        + "\r\n".join(body)
        + "\r\n"
    )
    path.write_bytes(text.encode("cp1252"))


FLOOR = r"""
import sys
import numpy as np
import pandas as pd
src, out, wide = sys.argv[1], sys.argv[2], sys.argv[3] == "wide"
df = pd.read_csv(src, sep=";", encoding="cp1252", decimal=",", thousands="\xa0")
g = df.groupby(["Produit", "Origine"], sort=False)["Quantité"].agg(["sum", "mean"])
df = df.join(g, on=["Produit", "Origine"])
if wide:  # the same shape as the report's per-line CSV: 16 float columns and a text column
    q = df["Quantité"].to_numpy(dtype=float)
    for j in range(16):
        df[f"x{j}"] = q * (df["mean"].to_numpy() * (j + 1) * 1e-3)
    df["flags"] = df["Produit"].str.slice(0, 12) + " ; " + df["Origine"] + " ; estimated factor (proxy)"
df.to_csv(out, sep=";", decimal=",", index=False, **({"float_format": "%.6g"} if wide else {}))
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--draws", type=int, default=None, help="default: the command's")
    ap.add_argument("--keep", metavar="DIR", help="write the generated files here and keep them")
    ap.add_argument(
        "--kind",
        choices=("realistic", "repetitive"),
        default="realistic",
        help="realistic: mostly distinct quantities and amounts (default); repetitive: the older file",
    )
    ap.add_argument("--chunks", type=int, metavar="MB", help="also run `report --chunks MB`")
    ap.add_argument("--chunks-only", action="store_true", help="run only `report --chunks MB`")
    args = ap.parse_args()
    if args.chunks_only and not args.chunks:
        ap.error("--chunks-only needs --chunks MB")
    exe = Path(sys.executable).with_name("footprint")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "footprint_cli"]
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="bench_report_"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sizes:
        src = tmp / f"achats_{args.kind}_{n}.csv"
        one_m = tmp / f"achats_{args.kind}_1000000.csv"
        if not src.exists() and n % 1_000_000 == 0 and n > 1_000_000 and one_m.exists():
            with src.open("wb") as out, one_m.open("rb") as fh:
                out.write(fh.read())
                for _ in range(n // 1_000_000 - 1):
                    fh.seek(0)
                    fh.readline()  # the header once
                    while block := fh.read(1 << 24):
                        out.write(block)
        if not src.exists():
            # in a child process: on Linux a child's peak memory (ru_maxrss) starts from its
            # parent's resident size at fork, so generating 1M lines here (~2 GB) made every
            # process measured afterwards report at least that much
            code = "import sys; sys.path.insert(0, sys.argv[1]); import bench_report as b; from pathlib import Path; "
            code += "b.generate(Path(sys.argv[2]), int(sys.argv[3]), realistic=sys.argv[4] == 'realistic')"
            here = str(Path(__file__).resolve().parent)
            subprocess.run([sys.executable, "-c", code, here, str(src), str(n), args.kind], check=True)
        floor_cmd = [sys.executable, "-c", FLOOR, str(src), str(tmp / "floor_out.csv"), "wide"]
        narrow_cmd = [sys.executable, "-c", FLOOR, str(src), str(tmp / "floor_out.csv"), "narrow"]
        report_cmd = [
            *base,
            "report",
            str(src),
            "-o",
            str(tmp / "rapport.csv"),
            "--quiet",
            "--month",
            "3",
            *(["--draws", str(args.draws)] if args.draws else []),
        ]
        if args.chunks:
            chunk_cmd = [*report_cmd, "--chunks", str(args.chunks)]
            if args.chunks_only:
                run([*base, "compare", "apple", "--origin", "argentina", "--draws", "100"])  # dataset cache
            c = [run(chunk_cmd) for _ in range(args.runs)]
            c_t, c_m = statistics.median(x[0] for x in c), statistics.median(x[1] for x in c)
            print(
                f"{n:>9,} lines  report --chunks {args.chunks}: {c_t:7.1f} s {c_m:5.0f} MB peak | "
                f"{1e6 * c_t / n:6.1f} s per million lines",
                flush=True,
            )
            if args.chunks_only:
                continue
        # one untimed run of each first: the first report of a machine builds the dataset cache
        # (validating every data file), which is not part of a report's cost and used to inflate
        # the first run's peak memory; the OS file cache is warmed alike for all three
        for cmd in (floor_cmd, narrow_cmd, report_cmd):
            run(cmd)
        floor, narrow, rep = [], [], []
        for _ in range(args.runs):  # interleaved, so drifts of a noisy machine hit both alike
            floor.append(run(floor_cmd))
            narrow.append(run(narrow_cmd))
            rep.append(run(report_cmd))
        f_t = statistics.median(x[0] for x in floor)
        f_m = statistics.median(x[1] for x in floor)
        n_t = statistics.median(x[0] for x in narrow)
        n_m = statistics.median(x[1] for x in narrow)
        r_t = statistics.median(x[0] for x in rep)
        r_m = statistics.median(x[1] for x in rep)
        rows.append((n, n_t, r_t, n_m, r_m))
        print(
            f"{n:>9,} lines  floor {n_t:6.2f} s {n_m:5.0f} MB (wide {f_t:6.2f} s {f_m:5.0f} MB) | "
            f"report {r_t:6.2f} s {r_m:5.0f} MB | time x{r_t / n_t:4.2f} (wide x{r_t / f_t:4.2f})  "
            f"memory x{r_m / n_m:4.2f} (wide x{r_m / f_m:4.2f}) | report {1e6 * r_t / n:6.2f} us/line "
            f"(floor {1e6 * n_t / n:5.2f})",
            flush=True,
        )
    if len(rows) > 1:
        (n0, _, t0, _, _), (n1, _, t1, _, _) = rows[0], rows[-1]
        print(f"growth {n0:,} -> {n1:,} lines: time x{t1 / t0:.1f} for x{n1 / n0:.0f} lines")
    print(f"files in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
