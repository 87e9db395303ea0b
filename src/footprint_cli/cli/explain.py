"""`footprint explain`: the calculation step by step, for a class."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated

import typer

from .. import i18n

# Help texts must exist before the options below are built.
i18n.register(
    {
        "cmd.explain": (
            "Explique le calcul pas à pas : chaque étape avec sa formule, ses nombres, ses unités et "
            "la source de chaque facteur, puis l'incertitude et ce qu'il faut retenir.",
            "Explain the calculation step by step: each stage with its formula, numbers, units and "
            "the source of each factor, then the uncertainty and the lesson.",
        ),
        "arg.explain.product": ("Produit, en français ou en anglais.", "Product, in French or English."),
        "opt.explain.origin": (
            "Origine à expliquer : pays, code ISO, région, département ou ville.",
            "Origin to explain: country, ISO code, region, department or city.",
        ),
        "opt.explain.local": (
            "L'option locale expliquée à côté, pour comparer (défaut : France).",
            "The local option explained beside it, to compare (default: France).",
        ),
        "opt.explain.mode": (
            "Force le mode de transport principal de l'origine (l'option locale garde le sien).",
            "Force the origin's main transport mode (the local option keeps its own).",
        ),
        "opt.explain.no_local": (
            "N'expliquer que l'origine, sans l'option locale.",
            "Explain the origin only, without the local option.",
        ),
        "opt.explain.format": ("Format : text ou markdown.", "Format: text or markdown."),
    }
)

from ..errors import InputError  # noqa: E402
from .common import (  # noqa: E402
    CarbonPriceOpt,
    DataOpt,
    DrawsOpt,
    LangOpt,
    MonthOpt,
    QuantityOpt,
    SeedOpt,
    SystemOpt,
    ToOpt,
    echo_text,
    h,
    lang_of,
    load,
)


class ExplainFormat(StrEnum):
    text = "text"
    markdown = "markdown"


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
        ExplainFormat, typer.Option("--format", "-f", help=h("opt.explain.format"), metavar="text|markdown")
    ] = ExplainFormat.text,
    lang: LangOpt = None,
    seed: SeedOpt = 42,
    draws: DrawsOpt = 10_000,
    data: DataOpt = None,
) -> None:
    from ..catalog import Catalog
    from ..engine import Scenario
    from ..engine import compare as run
    from ..render import explain as rx
    from .compare import check_choices, parse_quantity

    language = lang_of(lang)
    check_choices(mode, system)
    ds = load(data)
    catalog = Catalog(ds)
    prod = catalog.product(product)
    qty = parse_quantity(quantity, prod.piece_kg)
    the_month = month or _dt.date.today().month
    places = [origin]
    local_place = catalog.place(local)
    if not no_local and local_place.code != catalog.place(origin).code:
        # no "local" option for produce mainland France does not grow (banana, coffee...)
        if prod.grown_in_france or local_place.code != "FR":
            places.append(local)
    if not places:
        raise InputError("nothing to explain")
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
    result = run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)
    pull_down = ds.factors.storage.pull_down_months
    if fmt is ExplainFormat.markdown:
        echo_text(rx.to_markdown(result, language, pull_down_months=pull_down), nl=False)
    else:
        echo_text(rx.to_text(result, language, pull_down_months=pull_down), nl=False)
