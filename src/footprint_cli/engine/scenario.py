"""What to compute: a :class:`Scenario`, and the same scenario resolved to data rows.

:func:`resolve` turns names into a product and places, judges the season of the month
(:func:`~footprint_cli.season.judge`), picks the production system and the main transport mode;
an option the model cannot compute (unavailable that month, no road from the origin) is refused
here with its reason, before any arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..errors import InputError
from ..geo.legs import default_main_mode, road_connected
from ..i18n import Message
from ..model.loader import Dataset
from ..model.schemas import SYSTEMS, Place, Product
from ..season import SeasonVerdict, available_origins, judge

DEFAULT_DESTINATION = "FR-RUNGIS"
STAGES = ("production", "processing", "storage", "losses", "transport", "packaging", "retail")
MAIN_MODES = ("road", "rail", "sea", "air")


@dataclass(frozen=True)
class Scenario:
    """What to compute: a quantity of a product from an origin, eaten at a destination in a month."""

    product: str
    origin: str = "FR"
    month: int = 1
    destination: str = DEFAULT_DESTINATION
    system: str | None = None
    mode: str | None = None
    quantity_kg: float = 1.0
    preserved: bool = False
    """Bought frozen or canned: no season, no cold storage, no heated greenhouse (the fresh
    product's factors stand in, flagged)."""

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InputError(Message("err.month", value=self.month))
        if self.quantity_kg <= 0:
            raise InputError(Message("err.quantity_positive", value=self.quantity_kg))
        if self.mode is not None and self.mode not in MAIN_MODES:
            raise InputError(
                Message("err.choice", option="--mode", value=self.mode, choices=", ".join(MAIN_MODES))
            )
        if self.system is not None and self.system not in SYSTEMS:
            raise InputError(
                Message("err.choice", option="--system", value=self.system, choices=", ".join(SYSTEMS))
            )


@dataclass(frozen=True)
class Resolved:
    """A scenario with names resolved to data rows and the season judged."""

    scenario: Scenario
    product: Product
    origin: Place
    country: Place
    destination: Place
    season: SeasonVerdict
    system: str
    main_mode: str
    mode_assumed: bool
    mode_ignored: str | None = None
    """A forced mode that does not apply (sea or air inside mainland France)."""


def destination_place(data: Dataset, catalog: Catalog, name: str) -> Place:
    """Where the food is eaten: a place in mainland France (France itself: the default market)."""
    destination = catalog.place(name)
    if destination.country != "FR":
        raise InputError(
            Message("err.destination", place=destination.name_en, place_fr=destination.name_fr),
            hint=Message("hint.destination"),
        )
    if destination.kind == "country":
        destination = data.places.get(DEFAULT_DESTINATION, destination)
    return destination


def resolve(data: Dataset, catalog: Catalog, s: Scenario) -> Resolved:
    product = catalog.product(s.product)
    origin = catalog.place(s.origin)
    country = catalog.country_of(origin)
    if origin.kind == "country" and origin.code == "FR":
        origin = data.places.get("FR", origin)
    destination = destination_place(data, catalog, s.destination)
    verdict = (
        SeasonVerdict("preserved", 0, None, None) if s.preserved else judge(data, product, country, s.month)
    )
    if verdict.status == "unavailable":
        others = available_origins(data, product, s.month, exclude=country.code)
        raise InputError(
            Message(
                "err.unavailable",
                product=product.name_en,
                product_fr=product.name_fr,
                origin=country.name_en,
                origin_fr=country.name_fr,
                month=s.month,
                month_name=Message(f"month.{s.month}"),
            ),
            hint=Message(
                unavailable_hint_key(others),
                alternatives=_origins_text(data, others, "en"),
                alternatives_fr=_origins_text(data, others, "fr"),
            ),
        )
    system = s.system or verdict.system or _origin_system(data, product, country) or "conventional"
    ignored = None
    if s.mode in ("road", "rail") and not road_connected(country):
        raise InputError(
            Message("err.no_road", country=country.name_en, country_fr=country.name_fr),
            hint=Message("hint.no_road"),
        )
    if s.mode is not None and s.mode in ("sea", "air") and country.code == "FR":
        # a trip inside mainland France has no sea or air leg to take
        mode, assumed, ignored = "road", False, s.mode
    elif s.mode is not None:
        mode, assumed = s.mode, False
    else:
        mode, assumed = default_main_mode(data, product, country), True
    return Resolved(s, product, origin, country, destination, verdict, system, mode, assumed, ignored)


def unavailable_hint_key(alternatives: tuple[str, ...] | str) -> str:
    """The hint of an unavailable option: the origins that supply it that month, or that none in
    the data does (then only another month helps)."""
    return "hint.unavailable" if alternatives and alternatives != "-" else "hint.unavailable_none"


def _origins_text(data: Dataset, codes: tuple[str, ...], lang: str) -> str:
    """Country codes as names; N / S as a hemisphere."""
    hemispheres = {
        "N": ("hémisphère nord", "northern hemisphere"),
        "S": ("hémisphère sud", "southern hemisphere"),
    }
    names = []
    for c in codes:
        if c in hemispheres:
            names.append(hemispheres[c][0 if lang == "fr" else 1])
        elif c in data.places:
            names.append(data.places[c].name_fr if lang == "fr" else data.places[c].name_en)
    return ", ".join(names) or "-"


# Systems an origin-specific row may carry by default (organic and heated greenhouse are
# choices or months, not defaults).
_DEFAULT_SYSTEMS = ("conventional", "open_field", "unheated_greenhouse", "land_use_change")


def _origin_system(data: Dataset, product: Product, country: Place) -> str | None:
    """The system of an origin-specific production row, when the origin has one."""
    for system in _DEFAULT_SYSTEMS:
        if (product.id, system, country.code) in data.variants:
            return system
    return None


def storage_months(r: Resolved) -> int:
    """Months in cold storage: none for produce grown under heated glass for the month."""
    return 0 if r.system == "heated_greenhouse" else r.season.storage_months
