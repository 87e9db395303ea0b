"""Schemas of the shipped data files, as frozen standard-library dataclasses.

Pydantic validates rows into these classes when the data is loaded (the loader
uses ``pydantic.TypeAdapter``; constraints come from ``annotated_types`` metadata,
installed by :func:`install_constraints` only when something is validated, and from
``__post_init__`` checks). At run time the validated records are plain frozen
dataclasses: importing this module does not build any pydantic model, which keeps
start-up light, and the validated dataset is cached as JSON (see ``store.py``).

Every number carries its unit in its name and a :class:`SourceRef` that points into
the ``sources`` registry of ``emission_factors.yaml``. Every factor carries a range
(``low``/``high``, same unit as the central value) used by the Monte Carlo.

A ``__post_init__`` check that concerns one field raises ``ValueError("field|message")``;
the loader reports it under that field.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar, dataclass_transform

from ..i18n import Message

if TYPE_CHECKING:  # the same definitions install_constraints() makes at validation time
    from annotated_types import Ge, Gt, Interval, MinLen

    Number = float
    Text = Annotated[str, MinLen(1)]
    Text2 = Annotated[str, MinLen(2)]
    Code3 = Annotated[str, MinLen(3)]
    Latitude = Annotated[float, Interval(ge=-90, le=90)]
    Longitude = Annotated[float, Interval(ge=-180, le=180)]
    NonNegative = Annotated[float, Ge(0)]
    Positive = Annotated[float, Gt(0)]
    Year = Annotated[int, Interval(ge=1990, le=2100)]
    Months = Annotated[int, Interval(ge=0, le=12)]

NUMBER_MAX = 1e9
"""Largest magnitude of any number in the data: far above every real factor, price or distance,
far below what overflows to infinity when a report multiplies and sums a million lines."""

EARTH_CIRCUMFERENCE_KM = 40_075.0
"""No sea route or air leg is longer than once around the Earth."""

MONTHS = range(1, 13)
MODES = ("road", "road_reefer", "rail", "waterway", "sea", "sea_reefer", "ferry", "air_short", "air_long")
ColdChain = Literal["ambient", "chilled", "frozen"]
PlaceKind = Literal["country", "territory", "region", "department", "city"]
PortKind = Literal["sea", "air", "river"]
Hemisphere = Literal["N", "S"]
# ma-cantine `famille_produits` values.
FAMILIES = (
    "VIANDES_VOLAILLES",
    "CHARCUTERIE",
    "PRODUITS_DE_LA_MER",
    "FRUITS_ET_LEGUMES",
    "PRODUITS_LAITIERS",
    "BOULANGERIE",
    "BOISSONS",
    "AUTRES",
)
CATEGORIES = (
    "fruit",
    "vegetable",
    "pulse",
    "cereal",
    "dairy",
    "egg",
    "meat",
    "fish",
    "oil",
    "sugar",
    "beverage",
    "nut",
    "prepared",
    "other",
)
SYSTEMS = (
    "conventional",
    "open_field",
    "unheated_greenhouse",
    "heated_greenhouse",
    "organic",
    "land_use_change",
    "intermittent_flooding",
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")


def install_constraints() -> None:
    """Define the constrained types the annotations name (``Text``, ``Latitude``...).

    Annotations are strings (``from __future__ import annotations``): these names are only
    looked up when pydantic validates, so the import of ``annotated_types`` is kept off the
    start-up path of commands that read the validated, cached dataset."""
    if "Text" in globals():
        return
    from annotated_types import Ge, Gt, Interval, MinLen
    from pydantic import BeforeValidator
    from pydantic.types import AllowInfNan

    not_bool = BeforeValidator(_not_bool)
    finite = (not_bool, AllowInfNan(False), Interval(ge=-NUMBER_MAX, le=NUMBER_MAX))
    globals().update(
        Number=Annotated[float, *finite],
        Text=Annotated[str, MinLen(1)],
        Text2=Annotated[str, MinLen(2)],
        Code3=Annotated[str, MinLen(3)],
        Latitude=Annotated[float, Interval(ge=-90, le=90)],
        Longitude=Annotated[float, Interval(ge=-180, le=180)],
        NonNegative=Annotated[float, *finite, Ge(0)],
        Positive=Annotated[float, *finite, Gt(0)],
        Year=Annotated[int, not_bool, Interval(ge=1990, le=2100)],
        Months=Annotated[int, not_bool, Interval(ge=0, le=12)],
    )


def _not_bool(value: object) -> object:
    """Numbers only: YAML's ``true``/``false`` would otherwise be read as 1 and 0."""
    if isinstance(value, bool):
        raise ValueError(Message("data.not_bool"))
    return value


FORBID = {"extra": "forbid", "allow_inf_nan": False}
"""Pydantic config of every record: unknown columns or keys are errors, and so are infinite
and not-a-number values."""

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass (written so that type checkers see the generated ``__init__``)."""
    return dataclass(frozen=True)(cls)


def parse_months(text: str) -> frozenset[int]:
    """Parse ``"1-4|8-12"`` (also ``,`` separated, ``"all"``, ``""``) into month numbers."""
    text = text.strip().lower()
    if not text:
        return frozenset()
    if text in ("all", "*", "1-12"):
        return frozenset(MONTHS)
    months: set[int] = set()
    for part in re.split(r"[|,;\s]+", text):
        if not part:
            continue
        if "-" in part:
            lo_s, hi_s = part.split("-", 1)
            lo, hi = int(lo_s), int(hi_s)
            if not (1 <= lo <= 12 and 1 <= hi <= 12):
                raise ValueError(Message("data.month_range", part=repr(part)))
            # wrap-around ranges such as 11-2 (November to February)
            rng = range(lo, hi + 1) if lo <= hi else [*range(lo, 13), *range(1, hi + 1)]
            months.update(rng)
        else:
            m = int(part)
            if not 1 <= m <= 12:
                raise ValueError(Message("data.month", value=m))
            months.add(m)
    return frozenset(months)


class FieldError(ValueError):
    """A check of one field of a row failed; ``message`` (a catalogue message) says why. Its text
    is ``field|message``, the form the loader unfolds into the problem's field."""

    def __init__(self, field_name: str, message: Message):
        self.field_name = field_name
        self.message = message
        super().__init__(f"{field_name}|{message}")


def _check(ok: bool, field_name: str, key: str, /, **params: object) -> None:
    if not ok:
        raise FieldError(field_name, Message(key, **params))


def _at_most(r: Range | float | None, limit: float, field_name: str, unit: str) -> None:
    """A plausibility bound: a value above it is a typo or a unit error, not data. ``unit`` is
    a symbol (``kg CO2e/kg``), the same in French and English but for ``month``."""
    top = r.high if isinstance(r, Range) else r
    if top is not None and top > limit:
        raise FieldError(
            field_name,
            Message("data.above_max", value=f"{top:g}", limit=f"{limit:g}", unit=" " + unit if unit else ""),
        )


def _check_iso2(value: str, field_name: str) -> None:
    _check(bool(_ISO2.match(value)), field_name, "data.iso2", value=repr(value))


@record
class Source:
    """A publisher's dataset, cited once in the registry and referenced by key."""

    __pydantic_config__ = FORBID

    publisher: Text2
    dataset: Text2
    version: Text
    """version, edition or year of the dataset"""
    year: Year
    url: str | None = None
    licence: str | None = None
    note: str | None = None
    publisher_fr: Text | None = None
    """the publisher in French: given for the project's own sources only (a publisher's name and
    title are cited as published)"""
    dataset_fr: Text | None = None
    """the dataset's title in French, for the project's own sources and for a description the
    project words itself where the publisher gives no single title"""

    def publisher_in(self, lang: str) -> str:
        """The publisher as French or English output names it."""
        return self.publisher_fr if lang == "fr" and self.publisher_fr else self.publisher

    def dataset_in(self, lang: str) -> str:
        """The dataset's title as French or English output names it."""
        return self.dataset_fr if lang == "fr" and self.dataset_fr else self.dataset


@record
class SourceRef:
    """Where a number comes from: a key of the source registry plus the identifier in it."""

    __pydantic_config__ = FORBID

    id: Text
    """key in emission_factors.yaml `sources`"""
    identifier: Text
    """row, code, cell or page in that source"""
    note: str | None = None
    proxy: bool = False
    """true when the value stands in for missing data"""
    identifier_fr: str | None = None
    """the identifier in French, where it is the project's own prose (a published title or
    category name stays as published)"""

    def identifier_in(self, lang: str) -> str:
        """The identifier as French or English output shows it."""
        return self.identifier_fr if lang == "fr" and self.identifier_fr else self.identifier


@record
class Range:
    """A central value with its uncertainty range (same unit), drawn in Monte Carlo with the central value as
    mean (see :mod:`footprint_cli.uncertainty`)."""

    __pydantic_config__ = FORBID

    central: Number
    low: Number
    high: Number

    def __post_init__(self) -> None:
        if not self.low <= self.central <= self.high:
            raise ValueError(Message("data.range_order", low=self.low, central=self.central, high=self.high))


@record
class NonNegRange(Range):
    """A range that must not go below zero."""

    def __post_init__(self) -> None:
        Range.__post_init__(self)
        if self.low < 0:
            raise ValueError(Message("data.range_negative", low=self.low))


# ---------------------------------------------------------------- emission_factors.yaml


@record
class TransportMode:
    __pydantic_config__ = FORBID

    label_fr: str
    label_en: str
    kg_co2e_per_tkm: NonNegRange
    source: SourceRef
    refrigerated: bool = False
    scope: Literal["well_to_wheel"] = "well_to_wheel"

    def __post_init__(self) -> None:
        _at_most(self.kg_co2e_per_tkm, 100, "kg_co2e_per_tkm", "kg CO2e/t.km")


@record
class Detour:
    __pydantic_config__ = FORBID

    factor: NonNegRange
    source: SourceRef

    def __post_init__(self) -> None:
        _at_most(self.factor, 10, "factor", "")


@record
class Storage:
    """Cold storage: electricity per kg per month held, and the share lost per month held."""

    __pydantic_config__ = FORBID

    kwh_per_kg_per_month: NonNegRange
    kwh_source: SourceRef
    loss_fraction_per_month: NonNegRange
    loss_source: SourceRef
    pull_down_months: NonNegative = 1.0
    """initial cooling, in months' worth"""

    def __post_init__(self) -> None:
        _at_most(self.kwh_per_kg_per_month, 100, "kwh_per_kg_per_month", "kWh/kg/month")
        _at_most(self.loss_fraction_per_month, 1, "loss_fraction_per_month", "")
        _at_most(self.pull_down_months, 12, "pull_down_months", "month")


@record
class CarbonPrice:
    __pydantic_config__ = FORBID

    label_fr: str
    label_en: str
    eur_per_t_co2e: Positive
    year: Year
    source: SourceRef

    def __post_init__(self) -> None:
        _at_most(self.eur_per_t_co2e, 1e5, "eur_per_t_co2e", "EUR/t CO2e")


@record
class Grid:
    """Default electricity intensity when a country has no value, and the source of the table."""

    __pydantic_config__ = FORBID

    default_g_co2e_per_kwh: NonNegRange
    source: SourceRef

    def __post_init__(self) -> None:
        _at_most(self.default_g_co2e_per_kwh, 5000, "default_g_co2e_per_kwh", "g CO2e/kWh")


@record
class Equivalent:
    """An everyday equivalent of an amount of CO2e (km by car...), from a sourced factor."""

    __pydantic_config__ = FORBID

    label_fr: str
    """unit as a pupil reads it, after the number: ``km en voiture``"""
    label_en: str
    kg_co2e_per_unit: Positive
    source: SourceRef


@record
class Chain:
    """The two ends of every chain: farm -> packing (collection) and platform -> shop (distribution).

    Central values are published defaults (Ecobalyse, AGRIBALYSE); the ranges are the project's.
    """

    __pydantic_config__ = FORBID

    collection_km: NonNegRange
    collection_source: SourceRef
    distribution_km: NonNegRange
    distribution_source: SourceRef


@record
class OriginProxy:
    """How a production value from another origin is widened when it stands in (pedigree matrix)."""

    __pydantic_config__ = FORBID

    pedigree_variances: dict[str, NonNegative]
    """additional variance of ln(value) per data-quality indicator"""
    scores: str
    source: SourceRef

    @property
    def widening_factor(self) -> float:
        """exp(2 sigma): the 95 % geometric spread the extra variance adds."""
        return math.exp(2.0 * math.sqrt(sum(self.pedigree_variances.values())))

    def widen(self, r: Range) -> Range:
        k = self.widening_factor
        return Range(central=r.central, low=r.low / k, high=r.high * k)


@record
class EmissionFactors:
    __pydantic_config__ = FORBID

    sources: dict[str, Source]
    transport_modes: dict[str, TransportMode]
    road_detour: Detour
    air_extra_km: NonNegative
    """added to the great-circle distance of an air leg"""
    air_extra_km_source: SourceRef
    storage: Storage
    grid: Grid
    carbon_prices: dict[str, CarbonPrice]
    default_carbon_price: str
    origin_proxy: OriginProxy
    chain: Chain
    equivalents: dict[str, Equivalent] = field(default_factory=dict)
    """everyday equivalents shown beside a difference (km by car, km by high-speed train)"""
    schema_version: int = 1

    def __post_init__(self) -> None:
        _at_most(self.air_extra_km, EARTH_CIRCUMFERENCE_KM, "air_extra_km", "km")
        missing = [m for m in MODES if m not in self.transport_modes]
        _check(not missing, "transport_modes", "data.lacks_modes", modes=", ".join(missing))
        _check(
            self.default_carbon_price in self.carbon_prices,
            "default_carbon_price",
            "data.carbon_price_undefined",
            key=repr(self.default_carbon_price),
        )


# ---------------------------------------------------------------- CSV tables


@record
class Product:
    """One row of products.csv. Stage factors are per kg of product as sold."""

    __pydantic_config__ = FORBID

    id: str
    name_fr: Text
    name_en: Text
    category: str
    family: str
    cold_chain: ColdChain
    production_kg_co2e_per_kg: NonNegRange
    processing_kg_co2e_per_kg: NonNegRange
    packaging_kg_co2e_per_kg: NonNegRange
    retail_kg_co2e_per_kg: NonNegRange
    factor_source: SourceRef
    price_eur_per_kg: NonNegRange
    price_period: str
    price_estimated: bool
    price_source: SourceRef
    aliases: tuple[str, ...] = ()
    agb_code: str | None = None
    piece_kg: Positive | None = None
    storable_months: Months = 0
    grown_in_france: bool = True
    """False for produce that mainland France does not grow (banana, coffee...)."""
    agribalyse_average: bool = False
    """A processed food, dish or preserved form computed as its AGRIBALYSE average: every stage
    as published, transport included; the origin is not modelled (flagged)."""
    form_of: str | None = None
    """For a frozen or canned form: the id of the raw product it is made from."""
    transport_kg_co2e_per_kg: NonNegRange | None = None
    """AGRIBALYSE's own transport stage, used only for an AGRIBALYSE average."""

    def __post_init__(self) -> None:
        _check(bool(_ID.match(self.id)), "id", "data.id", value=repr(self.id))
        _check(
            self.category in CATEGORIES,
            "category",
            "data.unknown_category",
            value=repr(self.category),
            choices=", ".join(CATEGORIES),
        )
        _check(
            self.family in FAMILIES,
            "family",
            "data.unknown_family",
            value=repr(self.family),
            choices=", ".join(FAMILIES),
        )
        _check(bool(_PERIOD.match(self.price_period)), "price_period", "data.period")
        for stage in ("production", "processing", "packaging", "retail"):
            name = f"{stage}_kg_co2e_per_kg"
            _at_most(getattr(self, name), 1000, name, "kg CO2e/kg")
        _at_most(self.price_eur_per_kg, 100_000, "price_eur_per_kg", "EUR/kg")
        _at_most(self.piece_kg, 1000, "piece_kg", "kg")


@record
class ProductionVariant:
    """Production factor for a product under a given system and/or origin."""

    __pydantic_config__ = FORBID

    product: str
    kg_co2e_per_kg: NonNegRange
    source: SourceRef
    system: str = "conventional"
    origin: str = "*"
    """ISO alpha-2, or * for any origin"""
    note: str | None = None

    def __post_init__(self) -> None:
        _at_most(self.kg_co2e_per_kg, 1000, "kg_co2e_per_kg", "kg CO2e/kg")
        _check(
            self.system in SYSTEMS,
            "system",
            "data.unknown_system",
            value=repr(self.system),
            choices=", ".join(SYSTEMS),
        )


@record
class Place:
    """One row of places.csv: a country, territory, French region, department or city."""

    __pydantic_config__ = FORBID

    code: Text2
    kind: PlaceKind
    country: str
    """ISO alpha-2 of the country"""
    name_fr: str
    name_en: str
    lat: Latitude
    lon: Longitude
    hemisphere: Hemisphere
    group: Literal["france", "eu", "europe", "world"]
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    seaport: str | None = None
    """code in ports.csv"""
    airport: str | None = None
    """code in ports.csv"""
    grid_g_co2e_per_kwh: NonNegative | None = None
    grid_year: Year | None = None

    def __post_init__(self) -> None:
        _check_iso2(self.country, "country")
        _at_most(self.grid_g_co2e_per_kwh, 5000, "grid_g_co2e_per_kwh", "g CO2e/kWh")


@record
class Port:
    __pydantic_config__ = FORBID

    code: Code3
    """UN/LOCODE for seaports, IATA for airports"""
    kind: PortKind
    name: str
    country: str
    lat: Latitude
    lon: Longitude

    def __post_init__(self) -> None:
        _check_iso2(self.country, "country")


@record
class SeaDistance:
    __pydantic_config__ = FORBID

    from_port: str
    to_port: str
    distance_km: Positive
    source: SourceRef

    def __post_init__(self) -> None:
        _at_most(self.distance_km, EARTH_CIRCUMFERENCE_KM, "distance_km", "km")


@record
class Season:
    """Months a product is in season (France) or harvested (other origins)."""

    __pydantic_config__ = FORBID

    product: str
    origin: str
    """ISO alpha-2, or N / S for a hemisphere default"""
    months: frozenset[int]
    source: SourceRef
    harvest_months: frozenset[int] = field(default_factory=frozenset)
    """Harvest months when they differ from the in-season months (storable produce)."""
    heated_greenhouse_off_season: bool = False


@record
class AgribalyseTotal:
    """AGRIBALYSE's own climate-change stages for a product (kg CO2e/kg), shown for reference."""

    __pydantic_config__ = FORBID

    product: str
    agriculture_kg_co2e_per_kg: NonNegative
    processing_kg_co2e_per_kg: NonNegative
    packaging_kg_co2e_per_kg: NonNegative
    transport_kg_co2e_per_kg: NonNegative
    retail_kg_co2e_per_kg: NonNegative
    consumption_kg_co2e_per_kg: NonNegative
    source: SourceRef

    @property
    def to_shop_kg_co2e_per_kg(self) -> float:
        """Everything up to the shop shelf: the total without the consumption stage."""
        return (
            self.agriculture_kg_co2e_per_kg
            + self.processing_kg_co2e_per_kg
            + self.packaging_kg_co2e_per_kg
            + self.transport_kg_co2e_per_kg
            + self.retail_kg_co2e_per_kg
        )


@record
class ExportPort:
    """The seaport a product leaves its origin country from, where it is not the country's default."""

    __pydantic_config__ = FORBID

    product: str
    origin: str
    """ISO alpha-2"""
    port: str
    """code in ports.csv"""
    source: SourceRef
    note: str | None = None
    start_name_en: str | None = None
    start_name_fr: str | None = None
    """Where the product is grown, when not at the country's reference point (Washington apples)"""
    start_lat: Latitude | None = None
    start_lon: Longitude | None = None

    def __post_init__(self) -> None:
        given = (self.start_name_en, self.start_name_fr, self.start_lat, self.start_lon)
        _check(
            all(v is None for v in given) or all(v is not None for v in given),
            "start_lat",
            "data.start_point",
        )


@record
class OriginPrice:
    """A retail price for a product from one origin (``*``: any origin) in some months."""

    __pydantic_config__ = FORBID

    product: str
    origin: str
    """ISO alpha-2, or * for the product's price whatever the origin (an indexed national price)"""
    months: frozenset[int]
    eur_per_kg: NonNegRange
    period: str
    """when the price was observed (YYYY or YYYY-MM); an indexed price names its base period in the note"""
    estimated: bool
    source: SourceRef
    differential: float | None = None
    """for an origin's estimate: the factor applied to the month's all-origin price"""
    note: str | None = None

    def __post_init__(self) -> None:
        _check(bool(_PERIOD.match(self.period)), "period", "data.period")


@record
class FrenchSupply:
    """A product that mainland France eats but mostly imports: no default local option."""

    __pydantic_config__ = FORBID

    product: str
    status: Literal["mostly_imported"]
    source: SourceRef
    note: str | None = None
    usual_origins: tuple[str, ...] = ()
    """ISO alpha-2 codes of the countries France usually imports it from, main supplier first:
    ``compare`` without ``--origin`` compares these instead of a French option."""
    usual_origins_source: SourceRef | None = None

    def __post_init__(self) -> None:
        if self.usual_origins and self.usual_origins_source is None:
            raise ValueError(Message("data.usual_origins_source"))


SEASON_SYSTEM_STATUSES = ("field", "unheated_shelter", "heated", "unavailable")


@record
class SeasonSystem:
    """How a product from an origin is grown in some months (or that the origin has none then).

    Overrides the harvest calendar of ``seasons.csv`` for those months: field-grown, under an
    unheated shelter, in a heated greenhouse, or not available from that origin."""

    __pydantic_config__ = FORBID

    product: str
    origin: str
    """ISO alpha-2"""
    status: Literal["field", "unheated_shelter", "heated", "unavailable"]
    months: frozenset[int]
    source: SourceRef
    note: str | None = None


@record
class Route:
    """The usual main mode for a product (or category) from an origin."""

    __pydantic_config__ = FORBID

    product: str
    """product id, `category:<name>` or `*`"""
    origin: str
    """ISO alpha-2 or `*`"""
    mode: Literal["road", "rail", "sea", "air"]
    source: SourceRef
