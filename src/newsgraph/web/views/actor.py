"""Actor: the names and codes an actor goes by, quotes by and about it, its events as actor and
as recipient, and its counterparts. `?actor=` is a country (RUS), a code or prefix (RUSGOV) or
an entity name; without one the page lists the most present countries."""
from __future__ import annotations

from ...corpus.api import Corpus
from ..params import Params
from . import View


def build(corpus: Corpus, p: Params) -> dict:
    actor = p.text("actor")
    limit = p.integer("limit", 50, 1, 500)
    since, until = p.date_range()
    if not actor:
        return {"actor": None, "top": corpus.top_actors()}
    return corpus.actor(actor, limit, since, until)


VIEW = View("actor", "Actor", "/actor", "actor.html", build,
            about="names, codes, quotes by and about, events both ways, counterparts")
