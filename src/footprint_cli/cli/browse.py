"""`footprint products`, `footprint origins`, `footprint show`: browse the data."""

from typing import TYPE_CHECKING, Annotated

import typer

from .common import DataOpt, Format, FormatOpt, LangOpt, h, lang_of, load
from .output import emit

if TYPE_CHECKING:
    from ..model.loader import Dataset
    from ..model.schemas import Place, Product


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


def product_items(ds: "Dataset", category: str | None, search: str | None) -> "list[Product]":
    """The products ``footprint products`` lists, by id."""
    from ..vocabulary import parse_category

    category = parse_category(category)
    return [
        p
        for p in sorted(ds.products.values(), key=lambda p: p.id)
        if (not category or p.category == category)
        and (not search or _matches(search, [p.id, p.name_fr, p.name_en, *p.aliases]))
    ]


PLACE_KINDS = {
    "country": ("country", "territory"),
    "region": ("region",),
    "department": ("department",),
    "city": ("city",),
    "all": ("country", "territory", "region", "department", "city"),
}


def place_items(ds: "Dataset", search: str | None, kind: str) -> "list[Place]":
    """The places ``footprint origins`` lists: countries first, then by code."""
    from ..errors import InputError
    from ..i18n import Message

    if kind not in PLACE_KINDS:
        raise InputError(
            Message("err.place_kind", value=repr(kind)),
            hint=Message("hint.one_of", choices=", ".join(PLACE_KINDS)),
        )
    items = [
        pl
        for pl in ds.places.values()
        if pl.kind in PLACE_KINDS[kind]
        and (not search or _matches(search, [pl.code, pl.iso3 or "", pl.name_fr, pl.name_en, *pl.aliases]))
    ]
    items.sort(key=lambda pl: (pl.kind != "country", pl.code))
    return items


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
    from ..render import browse

    language = lang_of(lang)
    items = product_items(load(data), category, search)
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
    from ..render import browse

    language = lang_of(lang)
    items = place_items(load(data), search, kind)
    _emit(fmt, "origins", [browse.place_dict(pl) for pl in items], *browse.place_rows(items, language))


def show(
    product: Annotated[str, typer.Argument(help=h("arg.show.product"), show_default=False)],
    month: Annotated[
        str | None,
        typer.Option("--month", "-m", help=h("opt.show.month"), show_default=False, metavar="1-12|MONTH"),
    ] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    import json

    from ..catalog import Catalog
    from ..render import browse
    from ..vocabulary import parse_month

    language = lang_of(lang)
    the_month = parse_month(month)
    ds = load(data)
    p = Catalog(ds).product(product)

    def csv() -> str:
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
        return browse.to_csv(rows)

    emit(
        fmt,
        json=lambda: json.dumps(browse.show_dict(ds, p, the_month), ensure_ascii=False, indent=2) + "\n",
        csv=csv,
        markdown=lambda: browse.show_markdown(ds, p, language, the_month),
        table=lambda: browse.show_text(ds, p, language, the_month),
    )


def _emit(fmt: Format, key: str, dicts: list[dict], head: list[str], rows: list[list[str]]) -> None:
    """One listing in the chosen format: JSON ``{key: [...]}``, CSV, Markdown or a Rich table."""
    from ..render import browse

    emit(
        fmt,
        json=lambda: browse.to_json(key, dicts),
        csv=lambda: browse.to_csv(dicts),
        markdown=lambda: _markdown(head, rows),
        table=lambda: _print_table(head, rows),
    )


def _markdown(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"
