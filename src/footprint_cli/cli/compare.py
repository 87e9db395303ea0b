"""`footprint compare`: the local option against imports, or products side by side."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated

import typer

from ..errors import InputError
from ..i18n import t
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
    echo_csv,
    echo_err,
    echo_json,
    echo_text,
    h,
    lang_of,
    load,
)

_QTY = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Zèé]*)\s*$")
_UNITS_KG = {"": 1.0, "kg": 1.0, "g": 0.001, "t": 1000.0, "tonne": 1000.0, "tonnes": 1000.0}
_PIECES = {
    "pc",
    "pcs",
    "piece",
    "pieces",
    "pièce",
    "pièces",
    "u",
    "unit",
    "units",
    "unite",
    "unité",
    "unités",
}


def check_choices(mode: str | None, system: str | None) -> None:
    """Refuse an unknown --mode or --system before anything is computed."""
    from ..engine import MAIN_MODES
    from ..model.schemas import SYSTEMS

    for option, value, choices in (("--mode", mode, MAIN_MODES), ("--system", system, SYSTEMS)):
        if value is not None and value not in choices:
            raise InputError(
                f"{option}: unknown value {value!r}; choices: {', '.join(choices)}",
                key="err.choice",
                params={"option": option, "value": value, "choices": ", ".join(choices)},
            )


def parse_quantity(text: str, piece_kg: float | None = None) -> float:
    """``1kg``, ``500 g``, ``0,5t``, ``3 pieces`` (needs the product's piece mass) -> kg."""
    m = _QTY.match(text)
    if not m:
        raise InputError(
            f"quantity not understood: {text!r}",
            hint="write e.g. 1kg, 500g, 2t or 6pc",
            key="err.quantity",
            hint_key="hint.quantity",
            params={"value": text},
        )
    value = float(m.group(1).replace(",", "."))
    unit = m.group(2).lower()
    if unit in _UNITS_KG:
        kg = value * _UNITS_KG[unit]
    elif unit in _PIECES:
        if piece_kg is None:
            raise InputError(
                f"no piece mass for this product: give the quantity in kg, not {text!r}",
                key="err.no_piece",
                params={"value": text},
            )
        kg = value * piece_kg
    else:
        raise InputError(
            f"unknown unit {unit!r} in {text!r}",
            hint="write e.g. 1kg, 500g, 2t or 6pc",
            key="err.quantity",
            hint_key="hint.quantity",
            params={"value": text},
        )
    if kg <= 0:
        raise InputError(
            f"quantity must be positive: {text!r}", key="err.quantity_positive", params={"value": text}
        )
    return kg


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
    data: DataOpt = None,
) -> None:
    from ..catalog import Catalog
    from ..engine import Scenario
    from ..engine import compare as run

    language = lang_of(lang)
    check_choices(mode, system)
    ds = load(data)
    catalog = Catalog(ds)
    the_month = month or _dt.date.today().month
    origins = list(origin or [])
    scenarios = []
    for spec in products:
        name, _, own_origin = spec.partition("@")
        product = catalog.product(name)
        qty = parse_quantity(quantity, product.piece_kg)
        with_local = not no_local and not own_origin
        if with_local and not product.grown_in_france and catalog.place(local).code == "FR":
            # a "local" banana or coffee from mainland France does not exist
            with_local = False
            shown = product.name_fr if language == "fr" else product.name_en
            echo_err(t("msg.local_skipped", language, product=shown[:1].upper() + shown[1:]))
        places = [own_origin] if own_origin else ([local] if with_local else []) + origins
        if not places:
            raise InputError(
                f"nothing to compare for {product.id}",
                hint="add --origin COUNTRY (several allowed)",
                key="err.nothing",
                hint_key="hint.nothing",
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
    result = run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)
    from ..render import compare as rc

    if html:
        from ..render.html import write_sheet

        write_sheet(result, language, html)
        echo_err(t("msg.written", language, path=html))
    if fmt is Format.json:
        echo_json(rc.to_json(result, language), nl=False)
    elif fmt is Format.csv:
        echo_csv(rc.to_csv(result, language))
    elif fmt is Format.markdown:
        echo_text(rc.to_markdown(result, language), nl=False)
    else:
        from ..render.safe import console
        from ..render.table import print_comparison

        print_comparison(result, language, console(), sources=sources)
