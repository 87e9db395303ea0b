"""`footprint season`: the month-by-month calendar of one product or of a category."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .. import i18n

i18n.register(
    {
        "cmd.season": (
            "Calendrier mois par mois : de saison en France, sorti de chambre froide, de serre chauffée, "
            "ou importé (et d'où), pour un produit ou tous les fruits et légumes.",
            "Month-by-month calendar: in season in France, from cold storage, from a heated greenhouse, "
            "or imported (and from where), for one product or all fruits and vegetables.",
        ),
        "arg.season.product": (
            "Produit (sinon : tous les fruits et légumes, ou ceux de --category).",
            "Product (otherwise: all fruits and vegetables, or those of --category).",
        ),
        "opt.season.category": ("Seulement les fruits, ou les légumes.", "Only fruits, or vegetables."),
        "opt.season.origin": (
            "Pays vu comme « local » (défaut : France).",
            "Country seen as 'local' (default: France).",
        ),
        "err.season.no_products": (
            "aucun produit avec un calendrier dans la catégorie {category}",
            "no product with a calendar in category {category}",
        ),
    }
)

from ..errors import InputError  # noqa: E402
from ..i18n import t  # noqa: E402
from .common import DataOpt, Format, FormatOpt, LangOpt, echo_csv, echo_json, echo_text, h, lang_of, load  # noqa: E402


class Category(StrEnum):
    fruit = "fruit"
    vegetable = "vegetable"


def season(
    product: Annotated[
        str | None, typer.Argument(help=h("arg.season.product"), metavar="[PRODUCT]", show_default=False)
    ] = None,
    category: Annotated[
        Category | None,
        typer.Option(
            "--category", "-c", help=h("opt.season.category"), metavar="fruit|vegetable", show_default=False
        ),
    ] = None,
    origin: Annotated[
        str, typer.Option("--origin", "-o", help=h("opt.season.origin"), metavar="PLACE")
    ] = "FR",
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    from ..calendar import CALENDAR_CATEGORIES, calendars, products_for
    from ..catalog import Catalog
    from ..render import calendar as rc

    language = lang_of(lang)
    ds = load(data)
    catalog = Catalog(ds)
    country = catalog.country_of(catalog.place(origin))
    if product:
        products = [catalog.product(product)]
    else:
        cats = [category.value] if category else list(CALENDAR_CATEGORIES)
        products = products_for(ds, cats)
        if not products:
            raise InputError(t("err.season.no_products", language, category=", ".join(cats)))
    cals = calendars(ds, products, country)
    if len(cals) > 1:
        from ..catalog import fold

        cals.sort(key=lambda c: fold(rc.product_label(c, language)))
    if fmt is Format.json:
        echo_json(rc.to_json(cals, language), nl=False)
    elif fmt is Format.csv:
        echo_csv(rc.to_csv(cals, language))
    elif fmt is Format.markdown:
        echo_text(rc.to_markdown(cals, language), nl=False)
    else:
        from ..render.safe import console

        rc.print_calendar(cals, language, console())
