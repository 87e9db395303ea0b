"""`footprint season`: the month-by-month calendar of one product or of a category."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

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
        "opt.season.html": (
            "Écrit aussi une affiche imprimable (HTML autonome, A4 paysage) avec les kg CO2e de chaque mois.",
            "Also write a printable poster (self-contained HTML, A4 landscape) with each month's kg CO2e.",
        ),
        "err.season.no_products": (
            "aucun produit avec un calendrier dans la catégorie {category}",
            "no product with a calendar in category {category}",
        ),
    }
)

from ..errors import InputError  # noqa: E402
from ..i18n import t  # noqa: E402
from .common import DataOpt, Format, FormatOpt, LangOpt, echo_err, h, lang_of, load  # noqa: E402
from .output import console, emit  # noqa: E402

if TYPE_CHECKING:
    from ..calendar import ProductCalendar
    from ..catalog import Catalog
    from ..i18n import Lang
    from ..model.loader import Dataset


def plan(
    ds: Dataset, catalog: Catalog, product: str | None, category: str | None, origin: str, language: Lang
) -> list[ProductCalendar]:
    """The calendars ``footprint season`` shows: one product, or a category sorted by name (a
    category in French or English words); products France does not grow are said so."""
    from ..calendar import CALENDAR_CATEGORIES, calendars, products_for
    from ..catalog import fold
    from ..render import calendar as rc
    from ..vocabulary import parse_category

    country = catalog.country_of(catalog.place(origin))
    if product:
        products = [catalog.product(product)]
    else:
        cats = [parse_category(category)] if category else list(CALENDAR_CATEGORIES)
        products = products_for(ds, cats)
        if not products:
            raise InputError(t("err.season.no_products", language, category=", ".join(cats)))
    cals = [rc.honest(cal) for cal in calendars(ds, products, country)]
    if len(cals) > 1:
        cals.sort(key=lambda c: fold(rc.product_label(c, language)))
    return cals


def season(
    product: Annotated[
        str | None, typer.Argument(help=h("arg.season.product"), metavar="[PRODUCT]", show_default=False)
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", "-c", help=h("opt.season.category"), metavar="fruit|vegetable", show_default=False
        ),
    ] = None,
    origin: Annotated[
        str, typer.Option("--origin", "-o", help=h("opt.season.origin"), metavar="PLACE")
    ] = "FR",
    html: Annotated[
        str | None, typer.Option("--html", help=h("opt.season.html"), show_default=False, metavar="FILE")
    ] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    from ..catalog import Catalog
    from ..render import calendar as rc

    language = lang_of(lang)
    ds = load(data)
    cals = plan(ds, Catalog(ds), product, category, origin, language)
    if html:
        from ..classroom import poster_rows
        from ..render.html import write_html
        from ..render.poster import poster_html

        write_html(poster_html(poster_rows(ds, cals), language), html)
        echo_err(t("msg.written", language, path=html))
    emit(
        fmt,
        json=lambda: rc.to_json(cals, language),
        csv=lambda: rc.to_csv(cals, language),
        markdown=lambda: rc.to_markdown(cals, language),
        table=lambda: rc.print_calendar(cals, language, console()),
    )
