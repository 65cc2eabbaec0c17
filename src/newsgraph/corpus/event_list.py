"""One page of events, fast: the `events` recipe's rows for the events a filter picks.

query.events joins every event's actors and recipients before it filters, which is right for
an export and slow for a page (about 250 ms on a 10k-article corpus, measured with
bench/web_latency.py). `event_list` picks the page's events first (same filters, same order,
`LIMIT`), then names the sides of those events only: the same columns, in tens of ms.
"""
from __future__ import annotations

from typing import Optional

from .query import EVENT_DAY, PARTICIPANTS, SIDES, _actor_params, _event_filters
from .search import matched_entities


def _side(role: str, param: str) -> str:
    """SQL true when event e has an entity matching :param in `role` (as query._side)."""
    return (f"EXISTS (SELECT 1 FROM event_actors ea JOIN ({matched_entities(param)}) m "
            f"ON m.article_key = ea.article_key AND m.entity_id = ea.entity_id "
            f"WHERE ea.article_key = e.article_key AND ea.event_id = e.event_id AND ea.role = '{role}')")


def side_filters(actor, recipient, both_ways) -> tuple[list[str], dict]:
    """The actor and recipient conditions of query._event_filters, on matched entities."""
    where, params = [], {}
    if actor:
        params.update(_actor_params("actor", actor))
    if recipient:
        params.update(_actor_params("recipient", recipient))
    if actor and recipient and both_ways:
        where.append(f"(({_side('actor', 'actor')} AND {_side('recipient', 'recipient')}) OR "
                     f"({_side('actor', 'recipient')} AND {_side('recipient', 'actor')}))")
    elif both_ways and (actor or recipient):
        spec = "actor" if actor else "recipient"
        where.append(f"({_side('actor', spec)} OR {_side('recipient', spec)})")
    else:
        if actor:
            where.append(_side("actor", "actor"))
        if recipient:
            where.append(_side("recipient", "recipient"))
    return where, params


def event_list(actor: Optional[str] = None, recipient: Optional[str] = None, event: Optional[str] = None,
               since=None, until=None, both_ways: bool = False, limit: int = 50,
               newest_first: bool = False) -> tuple[str, dict]:
    """The columns of query.events for at most `limit` events (oldest first, or newest first)."""
    where, params = side_filters(actor, recipient, both_ways)
    more, more_params = _event_filters(None, None, event, since, until, False)
    where += more
    params.update(more_params)
    order = "DESC" if newest_first else "ASC"
    params["limit"] = int(limit)
    sql = f"""
WITH participants AS ({PARTICIPANTS}),
picked AS (
  SELECT e.article_key, e.event_id, {EVENT_DAY} AS day, a.id AS article
  FROM events e
  JOIN articles a ON a.article_key = e.article_key
  {('WHERE ' + ' AND '.join(where)) if where else ''}
  ORDER BY day {order}, a.id, e.event_id
  LIMIT :limit
),
picked_participants AS (
  SELECT p.* FROM participants p
  JOIN picked k ON k.article_key = p.article_key AND k.event_id = p.event_id
),
sides AS ({SIDES.replace('FROM participants', 'FROM picked_participants')})
SELECT k.article, a.published, e.event_id, e.event, e.mode, e.status,
       e.date, k.day, e.month,
       s.actors, s.actor_codes, s.recipients, s.recipient_codes,
       pl.name AS place, pl.lat, pl.lon, e.sentence, e.article_key
FROM picked k
JOIN events e ON e.article_key = k.article_key AND e.event_id = k.event_id
JOIN articles a ON a.article_key = k.article_key
LEFT JOIN sides s ON s.article_key = e.article_key AND s.event_id = e.event_id
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
ORDER BY k.day {order}, k.article, e.event_id"""
    return sql, params
