"""`footprint explain`: the calculation step by step, for a class."""

import datetime as _dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

# Help texts must exist before the options below are built.
from .common import (
    CarbonPriceOpt,
    DataOpt,
    DrawsOpt,
    LangOpt,
    MonthOpt,
    QuantityOpt,
    SeedOpt,
    SystemOpt,
    ToOpt,
    echo_json,
    echo_text,
    h,
    lang_of,
    load,
)

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..engine import Scenario
    from .compare import Note


class ExplainFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def plan(
    catalog: "Catalog",
    product: str,
    *,
    origin: str,
    month: int | str | None = None,
    local: str = "FR",
    no_local: bool = False,
    to: str = "FR-RUNGIS",
    mode: str | None = None,
    system: str | None = None,
    quantity: str = "1kg",
) -> "tuple[list[Scenario], list[Note]]":
    """The scenarios ``footprint explain`` evaluates: the origin, then the local option beside it
    (left out, with a note, when the local origin has none of the product that month)."""
    from ..engine import Scenario
    from ..vocabulary import parse_mode, parse_month, parse_quantity, parse_system
    from .compare import Note, local_unavailable, product_names

    mode, system = parse_mode(mode), parse_system(system)
    prod = catalog.product(product)
    qty = parse_quantity(quantity, prod.piece_kg, product_names(prod))
    the_month = parse_month(month) or _dt.date.today().month
    places = [origin]
    notes: list[Note] = []
    local_place = catalog.place(local)
    if not no_local and local_place.code != catalog.place(origin).code:
        # no "local" option for produce mainland France does not grow (banana, coffee...)
        # nor for one the local origin has none of that month (a French pepper in January)
        if prod.grown_in_france or local_place.code != "FR":
            missing = local_unavailable(catalog, prod.id, local, the_month, to)
            if missing is None:
                places.append(local)
            else:
                notes.append(Note("err.unavailable", prod, missing))
    # --mode forces the origin's main mode; the local option keeps its usual one (a truck in France)
    scenarios = [
        Scenario(
            product=prod.id,
            origin=p,
            month=the_month,
            destination=to,
            system=system,
            mode=mode if i == 0 else None,
            quantity_kg=qty,
        )
        for i, p in enumerate(places)
    ]
    return scenarios, notes


def explain(
    product: Annotated[
        str, typer.Argument(help=h("arg.explain.product"), metavar="PRODUCT", show_default=False)
    ],
    origin: Annotated[
        str, typer.Option("--origin", "-o", help=h("opt.explain.origin"), metavar="PLACE", show_default=False)
    ],
    month: MonthOpt = None,
    local: Annotated[str, typer.Option("--local", "-l", help=h("opt.explain.local"), metavar="PLACE")] = "FR",
    no_local: Annotated[bool, typer.Option("--no-local", help=h("opt.explain.no_local"))] = False,
    to: ToOpt = "FR-RUNGIS",
    mode: Annotated[
        str | None, typer.Option("--mode", help=h("opt.explain.mode"), metavar="road|rail|sea|air")
    ] = None,
    system: SystemOpt = None,
    quantity: QuantityOpt = "1kg",
    carbon_price: CarbonPriceOpt = None,
    fmt: Annotated[
        ExplainFormat,
        typer.Option("--format", "-f", help=h("opt.explain.format"), metavar="text|markdown|json"),
    ] = ExplainFormat.text,
    lang: LangOpt = None,
    seed: SeedOpt = 42,
    draws: DrawsOpt = 10_000,
    simple: Annotated[bool, typer.Option("--simple", "--eleve", help=h("opt.compare.simple"))] = False,
    data: DataOpt = None,
) -> None:
    from ..catalog import Catalog
    from ..engine import compare as run
    from ..render import explain as rx
    from .compare import note_lines

    language = lang_of(lang)
    ds = load(data)
    catalog = Catalog(ds)
    scenarios, notes = plan(
        catalog,
        product,
        origin=origin,
        month=month,
        local=local,
        no_local=no_local,
        to=to,
        mode=mode,
        system=system,
        quantity=quantity,
    )
    for note in notes:
        for line in note_lines(note, language):
            typer.echo(line, err=True)
    result = run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)
    if fmt is ExplainFormat.json:
        from ..render.explain_json import to_json

        echo_json(to_json(result, language), nl=False)
    elif simple:
        import shutil

        from ..render import pupil

        text = pupil.explain_text(result, language)
        echo_text(rx.wrap(text, shutil.get_terminal_size().columns), nl=False)
    elif fmt is ExplainFormat.markdown:
        echo_text(rx.to_markdown(result, language), nl=False)
    else:
        import shutil
        import sys

        from ..render.safe import visible

        columns, lines = shutil.get_terminal_size()
        text = rx.wrap(rx.to_text(result, language), columns)
        if sys.stdout.isatty() and text.count("\n") > lines:
            typer.echo_via_pager(visible(text))  # long: paged on a terminal, as `git log` does
        else:
            echo_text(text, nl=False)
