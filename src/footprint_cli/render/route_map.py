"""A small route map: the transport legs of each option drawn on a world outline (inline SVG).

The outline is Natural Earth 1:110m land (public domain), converted at build time by
``scripts/build_world_map.py`` into one SVG path in equirectangular coordinates (x = longitude +
180, y = 90 - latitude) shipped beside this module: no network at run time. Legs are drawn as
straight lines between their ends (a sketch of the route, not the ship's track), one line style
per mode family, one colour per option; ports and airports are named.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files

from ..engine import Comparison
from ..i18n import Lang, t

# Okabe-Ito colours, one per option (colour-blind safe), then black
OPTION_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
_DASH = {"road": "", "rail": "6 2 1 2", "sea": "5 3", "waterway": "5 3", "ferry": "5 3", "air": "1.5 2.5"}


@cache
def world_path() -> str:
    return files(__package__).joinpath("world_110m.svgpath").read_text(encoding="utf-8").strip()


def place_label(name: str, lang: Lang) -> str:
    """Airport names are stored in English (``X International Airport``): said in French."""
    if lang == "fr":
        for suffix, prefix in (
            (" International Airport", "aéroport international "),
            (" Airport", "aéroport "),
        ):
            if name.endswith(suffix):
                return prefix + name[: -len(suffix)]
    return name


def _xy(lonlat: tuple[float, float]) -> tuple[float, float]:
    return lonlat[0] + 180.0, 90.0 - lonlat[1]


def route_map_svg(c: Comparison, lang: Lang, *, width_px: int = 360) -> str:
    """The map as an ``<svg class="route-map">``, cropped to the legs with a margin."""
    points = [
        _xy(p) for r in c.options for leg in r.legs for p in (leg.origin_lonlat, leg.destination_lonlat) if p
    ]
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    # at least 40 degrees wide, a 2:1 box, 6 degrees of margin
    w = max(40.0, x1 - x0 + 12, 2 * (y1 - y0 + 12))
    h = w / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    vx, vy = max(0.0, min(360.0 - w, cx - w / 2)), max(0.0, min(180.0 - h, cy - h / 2))
    unit = w / width_px  # degrees per pixel: strokes and text keep their size at any zoom
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="route-map" role="img" '
        f'viewBox="{vx:.1f} {vy:.1f} {w:.1f} {h:.1f}" width="100%" font-family="sans-serif">',
        f"<title>{escape(t('map.title', lang))}</title>",
        f'<path d="M{vx:.1f},{vy:.1f}h{w:.1f}v{h:.1f}h{-w:.1f}z" fill="#f4f8fb"/>',
        f'<path class="land" d="{world_path()}" fill="#dcdcdc" stroke="#9a9a9a" stroke-width="{0.6 * unit:.3f}"/>',
    ]
    named: dict[tuple[float, float], str] = {}
    for i, r in enumerate(c.options):
        color = OPTION_COLORS[i % len(OPTION_COLORS)]
        offset = (i - (len(c.options) - 1) / 2) * 1.6 * unit  # options sharing a leg stay visible
        for leg in r.legs:
            if not (leg.origin_lonlat and leg.destination_lonlat):
                continue
            (ax, ay), (bx, by) = _xy(leg.origin_lonlat), _xy(leg.destination_lonlat)
            family = leg.mode.split("_")[0]
            dash = _DASH.get(family, "")
            dash_attr = (
                f' stroke-dasharray="{" ".join(f"{float(d) * unit:.3f}" for d in dash.split())}"'
                if dash
                else ""
            )
            out.append(
                f'<line class="leg" data-mode="{escape(leg.mode)}" x1="{ax:.2f}" y1="{ay + offset:.2f}" '
                f'x2="{bx:.2f}" y2="{by + offset:.2f}" stroke="{color}" stroke-width="{2.2 * unit:.3f}"'
                f'{dash_attr} stroke-linecap="round"/>'
            )
            for lonlat, name in zip(
                (leg.origin_lonlat, leg.destination_lonlat), leg.endpoints(lang), strict=True
            ):
                named.setdefault(_xy(lonlat), place_label(name, lang))
    for x, y in named:
        out.append(
            f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{2.4 * unit:.3f}" fill="#fff" stroke="#222" '
            f'stroke-width="{0.8 * unit:.3f}"/>'
        )
    # names: one per distinct point, nudged down when two would overlap
    placed: list[tuple[float, float]] = []
    for (x, y), name in sorted(named.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ty = y - 4 * unit
        while any(abs(ty - py) < 9 * unit and abs(x - px) < 60 * unit for px, py in placed):
            ty += 9 * unit
        placed.append((x, ty))
        anchor = "end" if x > vx + w * 0.5 else "start"  # names run towards the middle, never off the map
        dx = -4 * unit if anchor == "end" else 4 * unit
        out.append(
            f'<text class="place" x="{x + dx:.2f}" y="{ty:.2f}" text-anchor="{anchor}" '
            f'font-size="{8.5 * unit:.3f}" fill="#111" stroke="#fff" stroke-width="{2.2 * unit:.3f}" '
            f'paint-order="stroke">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def map_legend(c: Comparison, lang: Lang) -> str:
    """Which colour is which option, which line is which mode (HTML)."""
    from .compare import option_title

    items = [
        f'<span class="mk"><svg width="22" height="8"><line x1="0" y1="4" x2="22" y2="4" '
        f'stroke="{OPTION_COLORS[i % len(OPTION_COLORS)]}" stroke-width="3"/></svg> '
        f"{i + 1}. {escape(option_title(r, lang))}</span>"
        for i, r in enumerate(c.options)
    ]
    families = sorted({leg.mode.split("_")[0] for r in c.options for leg in r.legs})
    for family in families:
        dash = _DASH.get(family, "")
        items.append(
            f'<span class="mk"><svg width="22" height="8"><line x1="0" y1="4" x2="22" y2="4" stroke="#333" '
            f'stroke-width="2" stroke-dasharray="{dash}"/></svg> {escape(t(f"main.{family}", lang) if family in ("road", "rail", "sea", "air") else family)}</span>'
        )
    return '<p class="map-key">' + " ".join(items) + f" <em>{escape(t('map.note', lang))}</em></p>"
