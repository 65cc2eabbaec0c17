"""The Vega-Lite and Vega specs of the dyad timeline, the map and the network.

Each spec carries its data inline (no request but the world outline, served by the app) and a
`href` per mark pointing back into the explorer, so a bar, a place or an actor is one click
from the articles behind it. The browser draws them with the Vega bundle the app serves; the
same specs render to SVG on the server with vl_convert (the tests and docs use that).
"""
from __future__ import annotations

import calendar

from .render import link

WORLD_URL = "/static/world-110m.json"
BLUE, RED, LAND = "#3b6ea8", "#c0392b", "#e9e6dc"


def _month_range(month: str) -> tuple[str, str]:
    """The first and last day of YYYY-MM (for a link to that month's articles)."""
    year, mon = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(year, mon)[1]:02d}"


def dyad_chart(a: str, b: str, timeline: list[dict]) -> dict:
    """Stacked bars: events per month, coloured by PLOVER type, one row per direction."""
    values = []
    for row in timeline:
        forward = row["direction"] == "forward"
        values.append({**row, "side": f"{a} → {b}" if forward else f"{b} → {a}",
                       "href": _month_link(a if forward else b, row)})
    return {
        "width": 720, "height": 150,
        "data": {"values": values},
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": "month", "sort": "ascending"},
            "y": {"field": "events", "type": "quantitative", "aggregate": "sum", "title": "events"},
            "color": {"field": "event", "type": "nominal", "title": "PLOVER type",
                      "scale": {"scheme": "tableau20"}},
            "row": {"field": "side", "type": "nominal", "title": None, "sort": [f"{a} → {b}", f"{b} → {a}"]},
            "tooltip": [{"field": "side"}, {"field": "month"}, {"field": "event", "title": "type"},
                        {"field": "events", "aggregate": "sum", "title": "events"},
                        {"field": "articles", "aggregate": "sum", "title": "articles"}],
            "href": {"field": "href"},
        },
    }


def _month_link(actor: str, row: dict) -> str:
    if not row.get("month") or len(row["month"]) != 7:
        return link("/search", actor=actor, type=row["event"])
    since, until = _month_range(row["month"])
    return link("/search", actor=actor, type=row["event"], since=since, until=until)


def map_chart(places: list[dict], labelled: int = 15) -> dict:
    """Circles sized by events on the Natural Earth outline (Equal Earth projection)."""
    values = [{**p, "href": link("/search", place=p["place"])} for p in places]
    top = sorted(values, key=lambda p: -p["events"])[:labelled]
    return {
        "width": 900, "height": 470,
        "projection": {"type": "equalEarth"},
        "layer": [
            {"data": {"url": WORLD_URL, "format": {"type": "topojson", "feature": "countries"}},
             "mark": {"type": "geoshape", "fill": LAND, "stroke": "#a9a595", "strokeWidth": 0.5}},
            {"data": {"values": values},
             "mark": {"type": "circle", "color": RED, "opacity": 0.75, "stroke": "white",
                      "strokeWidth": 1, "cursor": "pointer"},
             "encoding": {
                 "longitude": {"field": "lon", "type": "quantitative"},
                 "latitude": {"field": "lat", "type": "quantitative"},
                 "size": {"field": "events", "type": "quantitative", "title": "events",
                          "scale": {"range": [40, 900]}},
                 "tooltip": [{"field": "place"}, {"field": "country_code", "title": "country"},
                             {"field": "events"}, {"field": "types"},
                             {"field": "first_day", "title": "first"}, {"field": "last_day", "title": "last"}],
                 "href": {"field": "href"}}},
            {"data": {"values": top},
             "mark": {"type": "text", "dy": -12, "fontSize": 11, "fontWeight": "bold", "color": "#333"},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"},
                          "text": {"field": "place"}}},
        ],
    }


def network_chart(nodes: list[dict], links: list[dict], width: int = 900, height: int = 560) -> dict:
    """A force-directed graph (Vega): actors sized by events, links by events between them."""
    node_values = [{**n, "href": link("/actor", actor=n["name"])} for n in nodes]
    index = {n["name"]: i for i, n in enumerate(nodes)}
    # the force's link force takes node indexes (it then puts the nodes in source/target)
    link_values = [{**link_, "source": index[link_["source"]], "target": index[link_["target"]],
                    "from": link_["source"], "to": link_["target"]} for link_ in links]
    return {
        "width": width, "height": height, "autosize": "none", "padding": 10,
        "signals": [{"name": "cx", "update": "width / 2"}, {"name": "cy", "update": "height / 2"}],
        "data": [{"name": "node-data", "values": node_values,
                  # the x and y forces pull every node (a pair off on its own too) to the middle
                  "transform": [{"type": "formula", "as": "cx", "expr": "width / 2"},
                                {"type": "formula", "as": "cy", "expr": "height / 2"}]},
                 {"name": "link-data", "values": link_values}],
        "scales": [
            {"name": "size", "type": "sqrt", "domain": {"data": "node-data", "field": "events"},
             "range": [120, 1600]},
            {"name": "stroke", "type": "linear", "domain": {"data": "link-data", "field": "events"},
             "range": [1, 8]},
        ],
        "marks": [
            {"name": "nodes", "type": "symbol", "zindex": 1, "from": {"data": "node-data"},
             "encode": {"enter": {"fill": {"value": BLUE}, "stroke": {"value": "white"},
                                  "strokeWidth": {"value": 1.5},
                                  "size": {"scale": "size", "field": "events"},
                                  "href": {"field": "href"}, "cursor": {"value": "pointer"},
                                  "tooltip": {"signal": "{'actor': datum.name, 'events': datum.events, "
                                                        "'partners': datum.degree}"}}},
             "transform": [{"type": "force", "iterations": 300, "static": True,
                            "forces": [{"force": "center", "x": {"signal": "cx"}, "y": {"signal": "cy"}},
                                       {"force": "collide", "radius": 28},
                                       {"force": "nbody", "strength": -260},
                                       {"force": "link", "links": "link-data", "distance": 110},
                                       {"force": "x", "x": "datum.cx", "strength": 0.06},
                                       {"force": "y", "y": "datum.cy", "strength": 0.09}]}]},
            {"type": "path", "from": {"data": "link-data"}, "interactive": False,
             "encode": {"update": {"stroke": {"value": "#9aa7b4"}, "strokeOpacity": {"value": 0.8},
                                   "strokeWidth": {"scale": "stroke", "field": "events"}}},
             "transform": [{"type": "linkpath", "shape": "line",
                            "sourceX": "datum.source.x", "sourceY": "datum.source.y",
                            "targetX": "datum.target.x", "targetY": "datum.target.y"}]},
            {"type": "text", "from": {"data": "nodes"}, "interactive": False, "zindex": 2,
             "encode": {"update": {"x": {"field": "x"}, "y": {"field": "y"}, "dx": {"value": 14},
                                   "baseline": {"value": "middle"},
                                   "text": {"field": "datum.name"}, "align": {"value": "left"},
                                   "fontSize": {"value": 12}, "fontWeight": {"value": "bold"},
                                   "fill": {"value": "#222"}}}},
        ],
    }
