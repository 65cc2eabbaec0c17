"""Network: actors linked by their events (the most active pairs), by country, code or name."""
from __future__ import annotations

from ...corpus.api import Corpus
from ...corpus.query import DYAD_KEYS
from ..charts import network_chart
from ..params import Params
from . import View


def build(corpus: Corpus, p: Params) -> dict:
    since, until = p.date_range()
    event = p.event_type("type")
    by = p.choice("by", tuple(DYAD_KEYS), "country")
    data = corpus.network(by, p.integer("top", 60, 1, 500), event, since, until)
    data["query"] = {"type": event, "since": since and since.isoformat(),
                     "until": until and until.isoformat(), "top": p.integer("top", 60, 1, 500)}
    return data


def page(data: dict, p: Params) -> dict:
    return {"chart": network_chart(data["nodes"], data["links"]) if data["links"] else None}


VIEW = View("network", "Network", "/network", "network.html", build, page,
            about="actors linked by events")
