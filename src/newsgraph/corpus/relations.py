"""Relations between actors: a dyad's events by month, type and direction, and the network of
actors linked by events.

`dyad_timeline` is query.timeline with the direction kept apart ('forward': the first actor
acts on the second; 'backward': the other way), so a chart can show both sides. `network`
turns the most active pairs of query.dyads into nodes and links.
"""
from __future__ import annotations

from typing import Optional

from . import query as recipes
from .event_list import event_list, sided_events
from .query import _actor_params
from .store import Store


def dyad_timeline(a: str, b: str, event: Optional[str] = None, since=None, until=None) -> tuple[str, dict]:
    """Events between `a` and `b` by month, type and direction: month, event, direction, events,
    articles. An event with `a` and `b` on both sides counts as forward."""
    forward, backward = "(s.a_actor AND s.b_recipient)", "(s.b_actor AND s.a_recipient)"
    type_where, type_params = recipes.event_type_and_days(event, since, until)
    params = {**_actor_params("a", a), **_actor_params("b", b), **type_params}
    where = [f"({forward} OR {backward})", *type_where]
    sql = f"""
WITH matched AS (
  SELECT e.article_key, e.month, e.event, CASE WHEN {forward} THEN 'forward' ELSE 'backward' END AS direction
  FROM events e
  JOIN articles a ON a.article_key = e.article_key
  JOIN ({sided_events(("a", "b"))}) s ON s.article_key = e.article_key AND s.event_id = e.event_id
  WHERE {' AND '.join(where)}
)
SELECT month, event, direction, count(*) AS events, count(DISTINCT article_key) AS articles
FROM matched
GROUP BY month, event, direction
ORDER BY month, direction DESC, events DESC, event"""
    return sql, params


def dyad(store: Store, a: str, b: str, event: Optional[str] = None, since=None, until=None,
         limit: int = 100, offset: int = 0) -> dict:
    """The dyad as plain data: `timeline` (month x type x direction), `total` (its events) and
    `events` (one page of them, both ways, with their evidence sentences, in date order:
    `limit` after the first `offset`)."""
    timeline = store.dicts(*dyad_timeline(a, b, event, since, until))
    return {"a": a, "b": b, "timeline": timeline, "total": sum(t["events"] for t in timeline),
            "limit": limit, "offset": offset,
            "events": store.dicts(*event_list(a, b, event, since, until, both_ways=True,
                                              limit=limit, offset=offset))}


def network(store: Store, by: str = "country", top: int = 60, event: Optional[str] = None,
            since=None, until=None) -> dict:
    """The `top` most active pairs as a graph: `nodes` (name, events, degree) and `links`
    (source, target, events, articles, types), actors keyed by country, code or name."""
    links = store.dicts(*recipes.dyads(top, by, event, since, until))
    nodes: dict[str, dict] = {}
    for link in links:
        for end in (link["actor"], link["recipient"]):
            node = nodes.setdefault(end, {"name": end, "events": 0, "degree": 0})
            node["events"] += link["events"]
            node["degree"] += 1
    return {"by": by,
            "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["name"])),
            "links": [{"source": link["actor"], "target": link["recipient"], "events": link["events"],
                       "articles": link["articles"], "types": link["types"]} for link in links]}


def event_places(store: Store, event: Optional[str] = None, since=None, until=None) -> dict:
    """Resolved places of events (query.places) as plain data: `places`."""
    return {"places": store.dicts(*recipes.places(since, until, event))}
