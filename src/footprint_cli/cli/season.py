"""`footprint season`: the month-by-month calendar of one product or of a category."""

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from ..i18n import Message, t
from .common import DataOpt, Format, FormatOpt, LangOpt, echo_err, h, lang_of, load
from .output import console, emit

if TYPE_CHECKING:
    from ..calendar import ProductCalendar
    from ..catalog import Catalog
    from ..i18n import Lang
    from ..model.loader import Dataset


def plan(
    ds: "Dataset",
    catalog: "Catalog",
    product: str | None,
    category: str | None,
    origin: str,
    language: "Lang",
) -> "list[ProductCalendar]":
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
            raise InputError(
                Message("err.season.no_products", category=Message.joined(Message(f"cat.{c}") for c in cats))
            )
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
