"""An offline map of an article's places: one self-contained HTML file, no network, no CDN.

The map is an inline SVG in the equirectangular projection (x = lon, y = -lat): a graticule
every 30 degrees, the resolved places as dots with their names, and a table of every place
(unresolved ones included, with an empty point). The view zooms to the places' bounding box,
padded, so a story in the Russian Far East is not a speck on a world map. Everything is escaped.
"""
from __future__ import annotations

import html
from typing import Optional

WIDTH, HEIGHT = 960, 540


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(min_lon, max_lon, min_lat, max_lat) around the points, padded, at least 20x12 degrees,
    kept to the screen's aspect ratio."""
    if not points:
        return -180.0, 180.0, -90.0, 90.0
    lons = [p[1] for p in points]
    lats = [p[0] for p in points]
    lo0, lo1, la0, la1 = min(lons), max(lons), min(lats), max(lats)
    w = max(lo1 - lo0, 20.0) * 1.3
    h = max(la1 - la0, 12.0) * 1.3
    if w / h < WIDTH / HEIGHT:
        w = h * WIDTH / HEIGHT
    else:
        h = w * HEIGHT / WIDTH
    cx, cy = (lo0 + lo1) / 2, (la0 + la1) / 2
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


def render_map(record: dict, title: Optional[str] = None) -> str:
    """The HTML page mapping `record["places"]` (a contract record)."""
    places = record.get("places") or []
    seen: dict[tuple[float, float], list[str]] = {}
    for p in places:
        if p.get("lat") is not None and p.get("lon") is not None:
            names = seen.setdefault((float(p["lat"]), float(p["lon"])), [])
            if p.get("name") not in names:
                names.append(p.get("name") or "")
    lon0, lon1, lat0, lat1 = _view(list(seen))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return ((lon - lon0) / (lon1 - lon0) * WIDTH, (lat1 - lat) / (lat1 - lat0) * HEIGHT)

    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef4f8"/>']
    for lon in range(-180, 181, 30):
        x, _ = xy(0, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}" class="grid"/>'
                     f'<text x="{x + 2:.1f}" y="{HEIGHT - 4}" class="tick">{lon}°</text>')
    for lat in range(-90, 91, 30):
        _, y = xy(lat, 0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="2" y="{y - 2:.1f}" class="tick">{lat}°</text>')
    for (lat, lon), names in seen.items():
        x, y = xy(lat, lon)
        label = html.escape(" / ".join(names))
        parts.append(f'<g><title>{label} ({lat:.3f}, {lon:.3f})</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="dot"/>'
                     f'<text x="{x + 7:.1f}" y="{y + 4:.1f}" class="name">{label}</text></g>')
    rows = "".join(_row(p) for p in places)
    heading = html.escape(title or record.get("title") or str(record.get("id") or "places"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{heading}: places</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
svg {{ border: 1px solid #bcd; max-width: 100%; height: auto; }}
.grid {{ stroke: #c8d6e0; stroke-width: 1; }}
.tick {{ font-size: 10px; fill: #89a; }}
.dot {{ fill: #c0392b; stroke: #fff; stroke-width: 1.5; }}
.name {{ font-size: 12px; fill: #222; paint-order: stroke; stroke: #eef4f8; stroke-width: 3; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 2px 10px; text-align: left; }}
</style></head><body>
<h1>{heading}</h1>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">
{''.join(parts)}
</svg>
<table><tr><th>name</th><th>resolved as</th><th>lat</th><th>lon</th><th>country</th><th>feature</th></tr>
{rows}</table>
</body></html>
"""


def _row(p: dict) -> str:
    cells = [p.get("name"), p.get("resolved_name"), p.get("lat"), p.get("lon"),
             p.get("country_code"), p.get("feature_code")]
    return "<tr>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>"
                            for c in cells) + "</tr>\n"


def write_map(record: dict, path: str) -> None:
    """Write the offline map of `record`'s places to `path`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(render_map(record))


__all__ = ["render_map", "write_map"]
