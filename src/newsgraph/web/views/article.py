"""Article: the text with every fact of its record marked, and the facts listed beside it.

`?fact=V2` (an event), `Q1` (a quote), `E3` (an entity), `T1`/`P1`/`F1` (a time, place, flag)
marks that fact's evidence in the text and scrolls to it: the other views link every fact
here that way. `?span=177-179` marks those characters too: the Story view links a version of
a disagreement (a toll, a day) to its words in the event's sentence.
"""
from __future__ import annotations

from ...corpus.api import Corpus
from ..params import Params
from ..spans import facts_of, segments
from . import NotFound, View


def build(corpus: Corpus, p: Params) -> dict:
    key = p.article_key("key")
    p.fact_id("fact")
    p.span("span")
    article = corpus.article(key)
    if article is None:
        raise NotFound(f"no article {key} in this corpus")
    return article


def side(entity_ids, entities: dict) -> list[dict]:
    """The named participants of an event side, each with how to ask about it as an actor."""
    out = []
    for entity_id in entity_ids or []:
        entity = entities.get(entity_id) or {}
        actor = entity.get("actor") or {}
        out.append({"id": entity_id, "name": entity.get("name") or entity_id,
                    "code": actor.get("code"), "spec": actor.get("country") or entity.get("name")})
    return out


def page(article: dict, p: Params) -> dict:
    record = article["record"]
    facts = facts_of(record)
    chosen = p.fact_id("fact")
    shown = next((f for f in facts if f.id == chosen), None)
    entities = {e.get("id"): e for e in record.get("entities") or []}
    places = record.get("places") or []
    events = []
    for event in record.get("events") or []:
        place = event.get("place")
        events.append({"event": event, "actors": side(event.get("actor"), entities),
                       "recipients": side(event.get("recipient"), entities),
                       "place": places[place] if isinstance(place, int) and 0 <= place < len(places) else None})
    spot = p.span("span")
    text = record.get("text") or ""
    return {"segments": segments(text, facts, shown.evidence() if shown else (), spot),
            "spot": text[spot[0]:spot[1]] if spot else None, "facts": facts, "facts_json": [f.as_json() for f in facts], "shown": shown,
            "entities": entities, "events": events, "by_kind": _by_kind(facts)}


def _by_kind(facts) -> dict:
    out: dict = {}
    for fact in facts:
        out.setdefault(fact.kind, []).append(fact)
    return out


VIEW = View("article", "Article", "/article/{key}", "article.html", build, page, nav=False,
            about="one article with its facts marked in the text")
