"""Build the world outline of the route map from Natural Earth 1:110m land (public domain).

    npm pack world-atlas && tar xzf world-atlas-*.tgz      # gives package/land-110m.json (TopoJSON)
    python scripts/build_world_map.py package/land-110m.json
    python scripts/build_world_map.py package/land-110m.json --check   # exit 1 if the shipped file differs

The TopoJSON arcs are decoded (quantised, delta-encoded), projected equirectangularly
(x = longitude + 180, y = 90 - latitude, one unit per degree), thinned to points at least
0.35 degree apart and written as one SVG path to ``src/footprint_cli/render/world_110m.svgpath``,
shipped in the package: the map needs no network at run time.
Source: Natural Earth (naturalearthdata.com), 1:110m physical "land", public domain, as packaged
by the world-atlas npm package (ISC licence, Mike Bostock), version 2.0.2.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "footprint_cli" / "render" / "world_110m.svgpath"
MIN_STEP_DEG = 0.35


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc."""
    scale = topo.get("transform", {}).get("scale", (1.0, 1.0))
    translate = topo.get("transform", {}).get("translate", (0.0, 0.0))
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def thin(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [points[0]]
    for p in points[1:-1]:
        if math.dist(p, kept[-1]) >= MIN_STEP_DEG:
            kept.append(p)
    return kept


def svg_path(topo: dict) -> str:
    arcs = decode_arcs(topo)
    parts = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = thin(ring_points(ring, arcs))
                if len(points) < 3:
                    continue
                coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in points]
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts) + "\n"


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    text = svg_path(json.loads(Path(args[0]).read_text(encoding="utf-8")))
    if "--check" in sys.argv:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(text)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
