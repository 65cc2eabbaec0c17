"""Dyad timeline: the events between two actors by month and PLOVER type, both directions, and
the events themselves with their evidence, a page at a time (`limit`, `offset`).
`?a=RUS&b=PRK` (countries, codes or names)."""
from __future__ import annotations

from ...corpus.api import Corpus
from ..charts import dyad_chart
from ..params import Params
from . import View

PAGE = 100  # events listed a page; the chart counts them all


def build(corpus: Corpus, p: Params) -> dict:
    a, b = p.text("a"), p.text("b")
    event = p.event_type("type")
    since, until = p.date_range()
    if not (a and b):
        return {"a": a, "b": b, "pairs": corpus.network(top=20)["links"]}
    return corpus.dyad(a, b, event, since, until, p.integer("limit", PAGE, 1, 2000),
                       p.integer("offset", 0, 0, 10_000_000))


def page(data: dict, p: Params) -> dict:
    if not data.get("timeline"):
        return {"chart": None}
    return {"chart": dyad_chart(data["a"], data["b"], data["timeline"])}


VIEW = View("dyad", "Dyad", "/dyad", "dyad.html", build, page,
            about="events between two actors by month and type, both ways")
