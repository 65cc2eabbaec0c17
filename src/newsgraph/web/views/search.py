"""Search: articles by words of their text, actor, outlet, event type, place and date range."""
from __future__ import annotations

from ...corpus.api import Corpus
from ..params import Params
from . import View

PAGE = 50


def filters(p: Params) -> dict:
    """The search's filters from the query string (checked)."""
    since, until = p.date_range()
    return {"text": p.text("q"), "actor": p.text("actor"), "outlet": p.text("outlet"),
            "event": p.event_type("type"), "place": p.text("place"), "since": since, "until": until}


def build(corpus: Corpus, p: Params) -> dict:
    f = filters(p)
    limit = p.integer("limit", PAGE, 1, 500)
    offset = p.integer("offset", 0, 0, 10_000_000)
    data = corpus.search(**f, limit=limit, offset=offset)
    data["query"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in f.items()}
    data.update(limit=limit, offset=offset)
    return data


VIEW = View("search", "Search", "/search", "search.html", build,
            about="articles by words, actor, outlet, event type, place and dates")
