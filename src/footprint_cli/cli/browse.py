"""`footprint products`, `footprint origins`, `footprint show`: browse the data."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import register
from .common import DataOpt, Format, FormatOpt, LangOpt, echo_csv, echo_json, echo_text, h, lang_of, load

register(
    {
        "cmd.products": (
            "Liste les produits (nom français et anglais, catégorie, production, prix).",
            "List the products (French and English names, category, production, price).",
        ),
        "cmd.origins": (
            "Liste les pays, territoires et lieux français utilisables comme origine.",
            "List the countries, territories and French places usable as origins.",
        ),
        "cmd.show": (
            "Montre tout ce qui se cache derrière un produit : facteurs, saisons, prix, chacun avec sa source.",
            "Show everything behind a product: factors, seasons, price, each with its source.",
        ),
        "opt.category": (
            "Filtre par catégorie (fruit, vegetable, meat...).",
            "Filter by category (fruit, vegetable, meat...).",
        ),
        "opt.search": (
            "Filtre par texte (nom, alias, code ; accents facultatifs).",
            "Filter by text (name, alias, code; accents optional).",
        ),
        "opt.kind": (
            "Types de lieux : country (pays et territoires, défaut), region, department, city, all.",
            "Kinds of place: country (countries and territories, default), region, department, city, all.",
        ),
        "arg.show.product": ("Le produit, en français ou en anglais.", "The product, in French or English."),
    }
)


def _matches(text: str, names: list[str]) -> bool:
    from ..catalog import fold

    q = fold(text)
    return any(q in fold(n) for n in names if n)


def _print_table(head: list[str], rows: list[list[str]]) -> None:
    from rich.table import Table

    from ..render.safe import console

    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in head:
        table.add_column(col)
    for row in rows:
        table.add_row(*row)
    console().print(table)


def products(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help=h("opt.category"), metavar="CATEGORY")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=h("opt.search"), metavar="TEXT")
    ] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    from ..errors import InputError
    from ..model.schemas import CATEGORIES
    from ..render import browse

    language = lang_of(lang)
    ds = load(data)
    if category and category not in CATEGORIES:
        raise InputError(f"unknown category {category!r}", hint=f"one of: {', '.join(CATEGORIES)}")
    items = [
        p
        for p in sorted(ds.products.values(), key=lambda p: p.id)
        if (not category or p.category == category)
        and (not search or _matches(search, [p.id, p.name_fr, p.name_en, *p.aliases]))
    ]
    _emit(fmt, "products", [browse.product_dict(p) for p in items], *browse.product_rows(items, language))


def origins(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=h("opt.search"), metavar="TEXT")
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help=h("opt.kind"), metavar="KIND")] = "country",
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    from ..errors import InputError
    from ..render import browse

    language = lang_of(lang)
    ds = load(data)
    kinds = {
        "country": ("country", "territory"),
        "region": ("region",),
        "department": ("department",),
        "city": ("city",),
        "all": ("country", "territory", "region", "department", "city"),
    }
    if kind not in kinds:
        raise InputError(f"unknown kind {kind!r}", hint=f"one of: {', '.join(kinds)}")
    items = [
        pl
        for pl in ds.places.values()
        if pl.kind in kinds[kind]
        and (not search or _matches(search, [pl.code, pl.iso3 or "", pl.name_fr, pl.name_en, *pl.aliases]))
    ]
    items.sort(key=lambda pl: (pl.kind != "country", pl.code))
    _emit(fmt, "origins", [browse.place_dict(pl) for pl in items], *browse.place_rows(items, language))


def show(
    product: Annotated[str, typer.Argument(help=h("arg.show.product"), show_default=False)],
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    import json

    from ..catalog import Catalog
    from ..render import browse

    language = lang_of(lang)
    ds = load(data)
    p = Catalog(ds).product(product)
    if fmt is Format.json:
        echo_json(json.dumps(browse.show_dict(ds, p), ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        d = browse.show_dict(ds, p)
        rows = [
            {
                "stage": k,
                "central": v["kg_co2e_per_kg"][0],
                "low": v["kg_co2e_per_kg"][1],
                "high": v["kg_co2e_per_kg"][2],
                "source": v["source"],
            }
            for k, v in d["stages"].items()
        ]
        echo_csv(browse.to_csv(rows))
    elif fmt is Format.markdown:
        echo_text(browse.show_markdown(ds, p, language), nl=False)
    else:
        echo_text(browse.show_text(ds, p, language), nl=False)


def _emit(fmt: Format, key: str, dicts: list[dict], head: list[str], rows: list[list[str]]) -> None:
    """One listing in the chosen format: JSON ``{key: [...]}``, CSV, Markdown or a Rich table."""
    from ..render import browse

    if fmt is Format.json:
        echo_json(browse.to_json(key, dicts), nl=False)
    elif fmt is Format.csv:
        echo_csv(browse.to_csv(dicts))
    elif fmt is Format.markdown:
        echo_text(_markdown(head, rows), nl=False)
    else:
        _print_table(head, rows)


def _markdown(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"
