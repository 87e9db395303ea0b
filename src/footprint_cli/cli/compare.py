"""`footprint compare`: the local option against imports, or products side by side.

No ``from __future__ import annotations`` here: Typer reads the command's parameters from its
annotations, and as strings it would compile each of them again at every run (~10 ms of
start-up); the names imported only for type checkers are quoted instead."""

import datetime as _dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InputError
from ..i18n import Lang, Message, t, text
from .common import (
    CarbonPriceOpt,
    DataOpt,
    DrawsOpt,
    Format,
    FormatOpt,
    LangOpt,
    MonthOpt,
    QuantityOpt,
    SeedOpt,
    SystemOpt,
    ToOpt,
    echo_err,
    h,
    lang_of,
    load,
)
from .output import console, emit

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..engine import Scenario
    from ..i18n import Lang
    from ..model.schemas import Product


def product_names(product: object) -> list[str]:
    """The names a quantity may use as its unit: ``3 pommes``, ``2 apples``."""
    return [product.name_fr, product.name_en, *product.aliases]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Note:
    """Why an option the user did not name explicitly was left out: a message key and the product
    (named in the user's language when shown), or the engine's own refusal."""

    key: str
    product: "Product"
    error: InputError | None = None
    params: dict[str, Any] | None = None


def local_unavailable(catalog: "Catalog", product: str, local: str, month: int, to: str) -> InputError | None:
    """The engine's refusal (``err.unavailable``) when the local origin has none of the product
    that month (out of season, neither stored nor heated), else None."""
    from ..engine import Scenario, resolve

    try:
        resolve(catalog.data, catalog, Scenario(product=product, origin=local, month=month, destination=to))
    except InputError as exc:
        if exc.key != "err.unavailable":
            raise
        return exc
    return None


def plan(
    catalog: "Catalog",
    products: list[str],
    *,
    origins: list[str],
    local: str = "FR",
    no_local: bool = False,
    to: str = "FR-RUNGIS",
    month: int | str | None = None,
    mode: str | None = None,
    system: str | None = None,
    quantity: str = "1kg",
) -> "tuple[list[Scenario], list[Note]]":
    """The scenarios ``footprint compare`` evaluates (the web page asks for the same ones), and
    why a default local option was left out: mainland France does not grow the product, France
    mostly imports it, or the local origin has none of it that month. Months, modes, systems and
    quantities are read in French or English words (``avril``, ``bateau``, ``bio``, ``250 grammes``)."""
    from ..engine import Scenario
    from ..vocabulary import parse_mode, parse_month, parse_quantity, parse_system

    mode, system = parse_mode(mode), parse_system(system)
    the_month = parse_month(month) or _dt.date.today().month
    local_is_france = catalog.place(local).code == "FR"
    scenarios = []
    notes: list[Note] = []
    for spec in products:
        name, _, own_origin = spec.partition("@")
        product = catalog.product(name)
        qty = parse_quantity(quantity, product.piece_kg, product_names(product))
        with_local = not no_local and not own_origin
        if with_local and not product.grown_in_france and local_is_france:
            # a "local" banana or coffee from mainland France does not exist
            with_local = False
            notes.append(Note("msg.local_skipped", product))
        these = list(origins)
        supply = catalog.data.mostly_imported.get(product.id) if local_is_france else None
        if with_local and supply is not None and (origins or supply.usual_origins):
            # France eats it but mostly imports it: a "local" default would mislead; without
            # --origin, its usual import origins are compared instead
            with_local = False
            if origins:
                notes.append(Note("msg.mostly_imported", product))
            else:
                these = list(supply.usual_origins)
                places_data = catalog.data.places
                notes.append(
                    Note(
                        "msg.usual_origins",
                        product,
                        params={
                            "origins": ", ".join(places_data[c].name_en for c in these),
                            "origins_fr": ", ".join(places_data[c].name_fr for c in these),
                        },
                    )
                )
        if with_local and these:
            missing = local_unavailable(catalog, product.id, local, the_month, to)
            if missing is not None:
                with_local = False
                notes.append(Note("err.unavailable", product, missing))
        places = [own_origin] if own_origin else ([local] if with_local else []) + these
        if not places:
            not_grown = bool(notes) and notes[-1].key == "msg.local_skipped" and notes[-1].product is product
            raise InputError(
                Message("err.nothing_not_grown", product=product.name_en, product_fr=product.name_fr)
                if not_grown
                else Message("err.nothing"),
                hint=Message("hint.nothing"),
            )
        for i, place in enumerate(places):
            is_local = with_local and i == 0
            scenarios.append(
                Scenario(
                    product=product.id,
                    origin=place,
                    month=the_month,
                    destination=to,
                    system=system,
                    mode=None if is_local else mode,  # --mode concerns the imported options
                    quantity_kg=qty,
                )
            )
    return scenarios, notes


def note_lines(note: Note, language: Lang) -> list[str]:
    """A note as the lines shown on stderr."""
    if note.error is not None:
        return [text(note.error.message, language), text(note.error.hint, language)]
    shown = note.product.name_fr if language == "fr" else note.product.name_en
    return [t(note.key, language, **{**(note.params or {}), "product": shown[:1].upper() + shown[1:]})]


def compare(
    products: Annotated[
        list[str],
        typer.Argument(help=h("arg.compare.products"), metavar="PRODUCT[@ORIGIN]", show_default=False),
    ],
    origin: Annotated[
        list[str] | None,
        typer.Option("--origin", "-o", help=h("opt.compare.origin"), show_default=False, metavar="PLACE"),
    ] = None,
    local: Annotated[str, typer.Option("--local", "-l", help=h("opt.compare.local"), metavar="PLACE")] = "FR",
    no_local: Annotated[bool, typer.Option("--no-local", help=h("opt.compare.no_local"))] = False,
    to: ToOpt = "FR-RUNGIS",
    month: MonthOpt = None,
    mode: Annotated[
        str | None, typer.Option("--mode", help=h("opt.compare.mode"), metavar="road|rail|sea|air")
    ] = None,
    system: SystemOpt = None,
    quantity: QuantityOpt = "1kg",
    carbon_price: CarbonPriceOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    sources: Annotated[bool, typer.Option("--sources", help=h("opt.compare.sources"))] = False,
    seed: SeedOpt = 42,
    draws: DrawsOpt = 10_000,
    html: Annotated[
        str | None, typer.Option("--html", help=h("opt.compare.html"), show_default=False, metavar="FILE")
    ] = None,
    simple: Annotated[bool, typer.Option("--simple", "--eleve", help=h("opt.compare.simple"))] = False,
    data: DataOpt = None,
) -> None:
    from ..catalog import Catalog
    from ..engine import compare as run

    language = lang_of(lang)
    ds = load(data)
    catalog = Catalog(ds)
    scenarios, notes = plan(
        catalog,
        products,
        origins=origin or [],
        local=local,
        no_local=no_local,
        to=to,
        month=month,
        mode=mode,
        system=system,
        quantity=quantity,
    )
    for note in notes:
        for line in note_lines(note, language):
            echo_err(line)
    result = run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)
    from ..render import compare as rc

    if html is not None:
        from ..render.html import write_sheet

        write_sheet(result, language, html)
        echo_err(t("msg.written", language, path=html))

    def table() -> None:
        from ..render.table import print_comparison

        print_comparison(result, language, console(), sources=sources)

    if simple and fmt in (Format.table, Format.markdown, Format.json):
        from ..render import pupil

        def pupil_table() -> None:
            from ..render.table import print_pupil

            print_pupil(result, language, console())

        emit(
            fmt,
            json=lambda: json.dumps(pupil.to_dict(result, language), ensure_ascii=False, indent=2) + "\n",
            csv=lambda: rc.to_csv(result, language),
            markdown=lambda: pupil.to_markdown(result, language),
            table=pupil_table,
        )
        return
    emit(
        fmt,
        json=lambda: rc.to_json(result, language),
        csv=lambda: rc.to_csv(result, language),
        markdown=lambda: rc.to_markdown(result, language),
        table=table,
    )
