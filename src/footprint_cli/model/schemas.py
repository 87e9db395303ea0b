"""Pydantic schemas of the shipped data files.

Every number carries its unit in its name and a :class:`SourceRef` that points into
the ``sources`` registry of ``emission_factors.yaml``. Every factor carries a range
(``low``/``high``, same unit as the central value) used by the Monte Carlo.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MONTHS = range(1, 13)
MODES = ("road", "road_reefer", "rail", "waterway", "sea", "sea_reefer", "air_short", "air_long")
Mode = Literal["road", "road_reefer", "rail", "waterway", "sea", "sea_reefer", "air_short", "air_long"]
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
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
                raise ValueError(f"month out of 1..12 in {part!r}")
            # wrap-around ranges such as 11-2 (November to February)
            rng = range(lo, hi + 1) if lo <= hi else [*range(lo, 13), *range(1, hi + 1)]
            months.update(rng)
        else:
            m = int(part)
            if not 1 <= m <= 12:
                raise ValueError(f"month out of 1..12: {m}")
            months.add(m)
    return frozenset(months)


class Source(Strict):
    """A publisher's dataset, cited once in the registry and referenced by key."""

    publisher: str = Field(min_length=2)
    dataset: str = Field(min_length=2)
    version: str = Field(min_length=1, description="version, edition or year of the dataset")
    year: int = Field(ge=1990, le=2100)
    url: str | None = None
    licence: str | None = None
    note: str | None = None


class SourceRef(Strict):
    """Where a number comes from: a key of the source registry plus the identifier in it."""

    id: str = Field(min_length=1, description="key in emission_factors.yaml `sources`")
    identifier: str = Field(min_length=1, description="row, code, cell or page in that source")
    note: str | None = None
    proxy: bool = Field(False, description="true when the value stands in for missing data")


class Range(Strict):
    """A central value with its uncertainty range (same unit), drawn triangular in Monte Carlo."""

    central: float
    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if not self.low <= self.central <= self.high:
            raise ValueError(
                f"need low <= central <= high, got {self.low} <= {self.central} <= {self.high}"
            )
        return self


class NonNegRange(Range):
    @model_validator(mode="after")
    def _non_negative(self) -> NonNegRange:
        if self.low < 0:
            raise ValueError(f"must not be negative (low = {self.low})")
        return self


# ---------------------------------------------------------------- emission_factors.yaml


class TransportMode(Strict):
    label_fr: str
    label_en: str
    refrigerated: bool = False
    kg_co2e_per_tkm: NonNegRange
    scope: Literal["well_to_wheel"] = "well_to_wheel"
    source: SourceRef


class Detour(Strict):
    factor: NonNegRange
    source: SourceRef


class Storage(Strict):
    """Cold storage: electricity per kg per month held, and the share lost per month held."""

    kwh_per_kg_per_month: NonNegRange
    kwh_source: SourceRef
    loss_fraction_per_month: NonNegRange
    loss_source: SourceRef
    pull_down_months: float = Field(1.0, ge=0, description="initial cooling, in months' worth")


class CarbonPrice(Strict):
    label_fr: str
    label_en: str
    eur_per_t_co2e: float = Field(gt=0)
    year: int
    source: SourceRef


class ProductionVariant(Strict):
    """Production factor for a product under a given system and/or origin."""

    product: str
    system: str = "conventional"
    origin: str = Field("*", description="ISO alpha-2, or * for any origin")
    kg_co2e_per_kg: NonNegRange
    source: SourceRef
    note: str | None = None

    @field_validator("system")
    @classmethod
    def _known_system(cls, v: str) -> str:
        if v not in SYSTEMS:
            raise ValueError(f"unknown system {v!r}; expected one of {', '.join(SYSTEMS)}")
        return v


class Grid(Strict):
    """Default electricity intensity when a country has no value, and the source of the table."""

    default_g_co2e_per_kwh: NonNegRange
    source: SourceRef


class EmissionFactors(Strict):
    schema_version: int = 1
    sources: dict[str, Source]
    transport_modes: dict[str, TransportMode]
    road_detour: Detour
    air_extra_km: float = Field(ge=0, description="added to the great-circle distance of an air leg")
    air_extra_km_source: SourceRef
    storage: Storage
    grid: Grid
    carbon_prices: dict[str, CarbonPrice]
    default_carbon_price: str

    @model_validator(mode="after")
    def _consistent(self) -> EmissionFactors:
        missing = [m for m in MODES if m not in self.transport_modes]
        if missing:
            raise ValueError(f"transport_modes lacks {', '.join(missing)}")
        if self.default_carbon_price not in self.carbon_prices:
            raise ValueError(f"default_carbon_price {self.default_carbon_price!r} is not defined")
        return self


# ---------------------------------------------------------------- CSV tables


class Product(Strict):
    """One row of products.csv. Stage factors are per kg of product as sold."""

    id: str
    name_fr: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    category: str
    family: str
    agb_code: str | None = None
    piece_kg: float | None = Field(None, gt=0)
    cold_chain: ColdChain
    storable_months: int = Field(0, ge=0, le=12)
    production_kg_co2e_per_kg: NonNegRange
    processing_kg_co2e_per_kg: NonNegRange
    packaging_kg_co2e_per_kg: NonNegRange
    retail_kg_co2e_per_kg: NonNegRange
    factor_source: SourceRef
    price_eur_per_kg: NonNegRange
    price_period: str = Field(pattern=r"^\d{4}(-\d{2})?$")
    price_estimated: bool
    price_source: SourceRef

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"id {v!r} must be lower-case ascii letters, digits and _")
        return v

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r}; expected one of {', '.join(CATEGORIES)}")
        return v

    @field_validator("family")
    @classmethod
    def _family(cls, v: str) -> str:
        if v not in FAMILIES:
            raise ValueError(f"unknown family {v!r}; expected one of {', '.join(FAMILIES)}")
        return v


class Place(Strict):
    """One row of places.csv: a country, territory, French region, department or city."""

    code: str = Field(min_length=2)
    kind: PlaceKind
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO alpha-2 of the country")
    iso3: str | None = None
    name_fr: str
    name_en: str
    aliases: tuple[str, ...] = ()
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    hemisphere: Hemisphere
    group: Literal["france", "eu", "europe", "world"]
    seaport: str | None = Field(None, description="code in ports.csv")
    airport: str | None = Field(None, description="code in ports.csv")
    grid_g_co2e_per_kwh: float | None = Field(None, ge=0)
    grid_year: int | None = None


class Port(Strict):
    code: str = Field(min_length=3, description="UN/LOCODE for seaports, IATA for airports")
    kind: PortKind
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class SeaDistance(Strict):
    from_port: str
    to_port: str
    distance_km: float = Field(gt=0)
    source: SourceRef


class Season(Strict):
    """Months a product is in season (France) or harvested (other origins)."""

    product: str
    origin: str = Field(description="ISO alpha-2, or N / S for a hemisphere default")
    months: frozenset[int]
    harvest_months: frozenset[int] = frozenset()
    """Harvest months when they differ from the in-season months (storable produce)."""
    heated_greenhouse_off_season: bool = False
    source: SourceRef

    @field_validator("months", "harvest_months", mode="before")
    @classmethod
    def _months(cls, v: object) -> object:
        return parse_months(v) if isinstance(v, str) else v


class Route(Strict):
    """The usual main mode for a product (or category) from an origin."""

    product: str = Field(description="product id, `category:<name>` or `*`")
    origin: str = Field(description="ISO alpha-2 or `*`")
    mode: Literal["road", "rail", "sea", "air"]
    source: SourceRef
