"""Transport legs from an origin to a destination in France.

* road / rail: great-circle distance x the documented detour factor;
* sea: road to the origin's export seaport (from the product's growing area when
  export_ports.csv names one: Washington apples leave from Seattle, Arkansas rice from
  New Orleans), the port-to-port distance from the
  shipped sea-route table (built with searoute), road from the arrival port; the
  arrival port (Le Havre, Marseille-Fos, Dunkerque, or the Rotterdam / Antwerp
  gateways) is the one with the shortest sea + road distance;
* air: road to the cargo airport, great-circle flight (+ the configured extra km)
  to Paris-CDG, road to the destination.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import ModelError
from ..i18n import Message
from ..model.loader import Dataset
from ..model.schemas import Place, Port, Product

ARRIVAL_SEAPORTS = ("FRLEH", "FRFOS", "FRDKK", "FRPVE", "NLRTM", "BEANR")
"""Where sea freight for France lands (Port-Vendres: the fruit port for Moroccan citrus)."""
RORO_COUNTRIES = frozenset({"IE", "GB", "TN", "DZ"})
"""Goods from Ireland, Great Britain, Tunisia and Algeria cross in trucks or trailers on ro-ro
ferries (Tunisia: Radès - Marseille ro-ro services of CMA CGM-DFDS and CTN, L'Officiel des
transporteurs 2019; Algeria: Marseille's regular ro-ro freight services to the three Maghreb
countries, Upply market insights "France-Maghreb : une offre roro parcimonieuse")."""
ARRIVAL_AIRPORT = "CDG"
SHORT_HAUL_MAX_KM = 3700.0
"""DESNZ: short-haul freight flights are those under 3,700 km."""
SEA_FALLBACK_CIRCUITY = 1.3
# Where a road leg would cross open sea, the main mode is sea.
ISLAND_COUNTRIES = frozenset({"IE", "IS", "CY", "MT"})
EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on the mean Earth radius (IUGG), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class PlannedLeg:
    """A leg before emissions: mode family, endpoints, distance and how it was measured."""

    mode: str
    """road, rail, sea or air (refrigeration is decided from the product)."""
    origin: str
    destination: str
    great_circle_km: float
    method: str
    """``detour`` (x road detour factor), ``sea_table``, ``sea_estimate``, ``air``."""
    distance_km: float | None = None
    """Fixed distance (sea table); None when it depends on an uncertain factor."""
    origin_fr: str = ""
    destination_fr: str = ""
    """French names of the endpoints (``origin``/``destination`` are English)."""
    origin_lonlat: tuple[float, float] | None = None
    destination_lonlat: tuple[float, float] | None = None
    """Longitude and latitude of the endpoints, in degrees (for the route map)."""


def _names(a: Place | Port, b: Place | Port) -> dict[str, str]:
    return {"origin_fr": _name(a, "fr"), "destination_fr": _name(b, "fr")}


def _name(p: Place | Port, lang: str = "en") -> str:
    """A place's name in ``lang``; ports have one (local) name."""
    if isinstance(p, Port):
        return p.name
    return p.name_fr if lang == "fr" else p.name_en


# Trucks reach France from the Maghreb on ro-ro crossings: Morocco's is short (Tanger Med -
# Algeciras) and is counted as road; Tunisia's and Algeria's cross the Mediterranean (~800 km
# of sea), so by default they take the ro-ro ferry (RORO_COUNTRIES); --mode road stays possible.
ROAD_VIA_FERRY = frozenset({"MA", "TN", "DZ"})


def road_connected(country: Place) -> bool:
    """Can a truck (or a train) bring goods from this country to mainland France?"""
    if country.code in ROAD_VIA_FERRY:
        return True
    return country.group in ("france", "eu", "europe") and country.code not in ISLAND_COUNTRIES


def default_main_mode(data: Dataset, product: Product, country: Place, dest_country: str = "FR") -> str:
    """The usual main mode: the routes table first (when geography allows it), then geography.

    A rule for any origin (``avocado,*,sea``) that says sea is for origins a truck cannot
    leave from: Portuguese avocados or Italian mangoes drive; a European origin ships only
    where its own row says so (Canary bananas)."""
    for key in (
        (product.id, country.code),
        (f"category:{product.category}", country.code),
        (product.id, "*"),
        (f"category:{product.category}", "*"),
    ):
        route = data.routes.get(key)
        if route is None:
            continue
        if route.mode in ("road", "rail") and not road_connected(country):
            continue
        if route.mode == "sea" and key[1] == "*" and road_connected(country):
            continue
        return route.mode
    if country.code in RORO_COUNTRIES:
        return "sea"  # by ro-ro ferry (see _sea_legs)
    if country.code == dest_country or road_connected(country):
        return "road"
    return "sea"


def plan_legs(
    data: Dataset,
    origin: Place,
    country: Place,
    destination: Place,
    mode: str,
    product: Product | None = None,
) -> list[PlannedLeg]:
    """Legs from ``origin`` (a country's reference point or a French place) to ``destination``."""
    if mode in ("road", "rail"):
        return _land_legs(data, mode, origin, destination)
    if mode == "sea":
        return _sea_legs(data, origin, country, destination, product)
    if mode == "air":
        return _air_legs(data, origin, country, destination)
    raise ModelError(Message("err.model.mode", mode=mode))


FERRY_MAINLAND_PORT = "FRFOS"
"""Where ro-ro ferries from Corsica land on the mainland (Marseille)."""


def _island_port(data: Dataset, place: Place) -> Port | None:
    """The ferry port of a French place on an island (Corsica), else None."""
    if place.kind in ("country", "territory") or place.country != "FR" or not place.seaport:
        return None
    return data.ports.get(place.seaport)


def _land_legs(data: Dataset, mode: str, origin: Place, destination: Place) -> list[PlannedLeg]:
    """Road (or rail) legs, with a ro-ro ferry crossing when one end is in Corsica."""
    o_port, d_port = _island_port(data, origin), _island_port(data, destination)
    mainland = data.ports.get(FERRY_MAINLAND_PORT)
    if o_port is not None and d_port is None and mainland is not None:
        a, b = o_port, mainland
    elif d_port is not None and o_port is None and mainland is not None:
        a, b = mainland, d_port
    else:
        return [_leg(mode, origin, destination, "detour")]
    sea = data.sea_distance_km(a.code, b.code)
    method = "sea_table"
    if sea is None:
        sea, method = great_circle_km(a.lat, a.lon, b.lat, b.lon) * SEA_FALLBACK_CIRCUITY, "sea_estimate"
    legs = []
    if great_circle_km(origin.lat, origin.lon, a.lat, a.lon) > 1.0:
        legs.append(_leg("road", origin, a, "detour"))
    legs.append(_leg("ferry", a, b, method, sea))
    if great_circle_km(b.lat, b.lon, destination.lat, destination.lon) > 1.0:
        legs.append(_leg("road", b, destination, "detour"))
    return legs


def _leg(
    mode: str, a: Place | Port, b: Place | Port, method: str, distance_km: float | None = None
) -> PlannedLeg:
    gc = great_circle_km(a.lat, a.lon, b.lat, b.lon)
    return PlannedLeg(
        mode,
        _name(a),
        _name(b),
        gc,
        method,
        distance_km,
        **_names(a, b),
        origin_lonlat=(a.lon, a.lat),
        destination_lonlat=(b.lon, b.lat),
    )


def export_seaport(data: Dataset, country: Place, product: Product | None) -> str | None:
    """The port a product ships from: the product's own for this origin, else the country's."""
    if product is not None:
        own = data.export_ports.get((product.id, country.code))
        if own is not None:
            return own.port
    return country.seaport


def growing_area(data: Dataset, origin: Place, country: Place, product: Product | None) -> Place:
    """Where a shipment starts: the product's own growing area in that country when
    ``export_ports.csv`` names one (Washington apples, Georgia peanuts), else ``origin``.

    Only a country's reference point is replaced: a place the user named stays the start."""
    if product is None or origin.kind not in ("country", "territory"):
        return origin
    own = data.export_ports.get((product.id, country.code))
    if own is None or own.start_lat is None or own.start_lon is None:
        return origin
    return Place(
        code=country.code,
        kind="region",
        country=country.code,
        name_fr=own.start_name_fr or country.name_fr,
        name_en=own.start_name_en or country.name_en,
        lat=own.start_lat,
        lon=own.start_lon,
        hemisphere=country.hemisphere,
        group=country.group,
    )


def _sea_legs(
    data: Dataset, origin: Place, country: Place, destination: Place, product: Product | None = None
) -> list[PlannedLeg]:
    origin = growing_area(data, origin, country, product)
    seaport = export_seaport(data, country, product)
    if not seaport or seaport not in data.ports:
        raise ModelError(
            Message("err.no_seaport", country=country.name_en, country_fr=country.name_fr),
            hint=Message("hint.no_seaport"),
        )
    port = data.ports[seaport]
    if port.country == "FR" or port.code in ARRIVAL_SEAPORTS:
        return [_leg("road", origin, destination, "detour")]
    best: tuple[float, str, float, str] | None = None
    for arrival in ARRIVAL_SEAPORTS:
        if arrival not in data.ports:
            continue
        sea = data.sea_distance_km(port.code, arrival)
        method = "sea_table"
        arr = data.ports[arrival]
        if sea is None:
            sea = great_circle_km(port.lat, port.lon, arr.lat, arr.lon) * SEA_FALLBACK_CIRCUITY
            method = "sea_estimate"
        road = great_circle_km(arr.lat, arr.lon, destination.lat, destination.lon)
        # rank by emissions-like weight: a road km costs ~6x a sea km (DESNZ ratio)
        weight = sea + 6.0 * road
        if best is None or weight < best[0] or (best[3] == "sea_estimate" and method == "sea_table"):
            if best is not None and best[3] == "sea_table" and method == "sea_estimate":
                continue
            best = (weight, arrival, sea, method)
    if best is None:
        raise ModelError(Message("err.model.arrival_port"))
    _, arrival, sea_km, method = best
    arr = data.ports[arrival]
    legs = []
    pre = great_circle_km(origin.lat, origin.lon, port.lat, port.lon)
    if pre > 1.0:
        legs.append(_leg("road", origin, port, "detour"))
    legs.append(_leg("ferry" if country.code in RORO_COUNTRIES else "sea", port, arr, method, sea_km))
    legs.append(_leg("road", arr, destination, "detour"))
    return legs


def _air_legs(data: Dataset, origin: Place, country: Place, destination: Place) -> list[PlannedLeg]:
    if not country.airport or country.airport not in data.ports:
        raise ModelError(
            Message("err.no_airport", country=country.name_en, country_fr=country.name_fr),
            hint=Message("hint.no_airport"),
        )
    dep = data.ports[country.airport]
    arr = data.ports.get(ARRIVAL_AIRPORT)
    if arr is None:
        raise ModelError(Message("err.model.arrival_airport"))
    legs = []
    if great_circle_km(origin.lat, origin.lon, dep.lat, dep.lon) > 1.0:
        legs.append(_leg("road", origin, dep, "detour"))
    legs.append(_leg("air", dep, arr, "air"))
    legs.append(_leg("road", arr, destination, "detour"))
    return legs
