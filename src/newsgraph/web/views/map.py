"""Map: where events happened, on a world map drawn offline (Natural Earth 110m outline)."""
from __future__ import annotations

from ...corpus.api import Corpus
from ..charts import map_chart
from ..params import Params
from . import View


def build(corpus: Corpus, p: Params) -> dict:
    since, until = p.date_range()
    event = p.event_type("type")
    data = corpus.event_places(event, since, until)
    data["query"] = {"type": event, "since": since and since.isoformat(), "until": until and until.isoformat()}
    return data


def page(data: dict, p: Params) -> dict:
    return {"chart": map_chart(data["places"])}


VIEW = View("map", "Map", "/map", "map.html", build, page, about="event places on a world map")
