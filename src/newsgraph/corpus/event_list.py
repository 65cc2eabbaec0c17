"""One page of events, fast: the `events` recipe's rows for the events a filter picks.

query.events joins every event's actors and recipients before it filters, which is right for
an export and slow for a page (about 250 ms on a 10k-article corpus, measured with
bench/web_latency.py). `event_list` picks the page's events first (same filters, same order,
`LIMIT`/`OFFSET`), then names the sides of those events only: the same columns, in tens of ms.

Which events an actor takes part in, and on which side, comes from `sided_events`: the
entities matching each actor spec, joined once to `event_actors` and folded into one row per
event with a flag per spec and side. A filter on sides is then a test of those flags, not one
correlated subquery per side (a dyad, both ways, needed four).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .query import EVENT_DAY, PARTICIPANTS, SIDES, _actor_params, _event_filters, sources_of
from .search import matched_entities

ROLES = ("actor", "recipient")


def sided_events(specs: Sequence[str]) -> str:
    """SQL rows (article_key, event_id, <spec>_actor, <spec>_recipient for each spec) of the
    events in which an entity matching :spec takes part (params from query._actor_params),
    the flags saying on which side(s)."""
    parts = [f"SELECT ea.article_key, ea.event_id, ea.role, '{spec}' AS spec FROM event_actors ea "
             f"JOIN ({matched_entities(spec)}) m "
             f"ON m.article_key = ea.article_key AND m.entity_id = ea.entity_id" for spec in specs]
    flags = ", ".join(f"bool_or(spec = '{spec}' AND role = '{role}') AS {spec}_{role}"
                      for spec in specs for role in ROLES)
    return (f"SELECT article_key, event_id, {flags} FROM ({' UNION ALL '.join(parts)}) s "
            f"GROUP BY article_key, event_id")


def side_test(actor, recipient, both_ways) -> tuple[list[str], str, dict]:
    """(specs, SQL test on the flags of sided_events aliased `s`, params): the actor and
    recipient conditions of query._event_filters."""
    specs = [name for name, spec in (("actor", actor), ("recipient", recipient)) if spec]
    params = {}
    for name, spec in (("actor", actor), ("recipient", recipient)):
        if spec:
            params.update(_actor_params(name, spec))
    if actor and recipient and both_ways:
        test = ("((s.actor_actor AND s.recipient_recipient) OR "
                "(s.recipient_actor AND s.actor_recipient))")
    elif both_ways and specs:
        test = f"(s.{specs[0]}_actor OR s.{specs[0]}_recipient)"
    else:
        test = " AND ".join(f"s.{name}_{name}" for name in specs)
    return specs, test, params


def _picked(sided: str, where: list[str], order: str, listed: str = "") -> str:
    """SQL of one page of events (article_key, event_id, day, article[, listed]): those passing
    `where` on events e, articles a and, when `sided` names a relation of sided_events' rows,
    its flags s. Bounded by :limit and :offset."""
    join = f"JOIN {sided} s ON s.article_key = e.article_key AND s.event_id = e.event_id" if sided else ""
    return f"""
  SELECT e.article_key, e.event_id, {EVENT_DAY} AS day, a.id AS article{listed}
  FROM events e
  JOIN articles a ON a.article_key = e.article_key
  {join}
  {('WHERE ' + ' AND '.join(where)) if where else ''}
  ORDER BY day {order}, a.id, e.event_id
  LIMIT :limit OFFSET :offset"""


def _named(picked: str, order: str, listed: str = "", ctes: str = "") -> str:
    """The columns of query.events for the events of `picked` (SQL with columns article_key,
    event_id, day, article[, listed]; `ctes` are named before it), their sides named, in
    `order` of day."""
    return f"""
WITH {ctes}participants AS ({PARTICIPANTS}),
picked AS ({picked}),
picked_participants AS (
  SELECT p.* FROM participants p
  JOIN (SELECT DISTINCT article_key, event_id FROM picked) k
    ON k.article_key = p.article_key AND k.event_id = p.event_id
),
sides AS ({SIDES.replace('FROM participants', 'FROM picked_participants')}),
src AS ({sources_of("SELECT pe.occurrence_id FROM picked pk JOIN events pe ON pe.article_key = pk.article_key "
                    "AND pe.event_id = pk.event_id")})
SELECT k.article, a.published, e.event_id, e.event, e.mode, e.status,
       e.date, k.day, e.month,
       s.actors, s.actor_codes, s.recipients, s.recipient_codes,
       pl.name AS place, pl.lat, pl.lon, e.sentence,
       e.occurrence_id, coalesce(src.sources, 1) AS sources, coalesce(src.articles, 1) AS articles,
       a.story_id, e.article_key{listed}
FROM picked k
JOIN events e ON e.article_key = k.article_key AND e.event_id = k.event_id
JOIN articles a ON a.article_key = k.article_key
LEFT JOIN sides s ON s.article_key = e.article_key AND s.event_id = e.event_id
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
LEFT JOIN src ON src.occurrence_id = e.occurrence_id
ORDER BY {listed[2:] + ', ' if listed else ''}k.day {order}, k.article, e.event_id"""


def _date_filters(event, since, until) -> tuple[list[str], dict]:
    return _event_filters(None, None, event, since, until, False)


def event_list(actor: Optional[str] = None, recipient: Optional[str] = None, event: Optional[str] = None,
               since=None, until=None, both_ways: bool = False, limit: int = 50, offset: int = 0,
               newest_first: bool = False) -> tuple[str, dict]:
    """The columns of query.events for at most `limit` events after the first `offset`
    (oldest first, or newest first)."""
    specs, test, params = side_test(actor, recipient, both_ways)
    where, more_params = _date_filters(event, since, until)
    params.update(more_params, limit=int(limit), offset=int(offset))
    order = "DESC" if newest_first else "ASC"
    sided = f"({sided_events(specs)})" if specs else ""
    return _named(_picked(sided, where + ([test] if specs else []), order), order), params


def actor_event_lists(actor: str, since=None, until=None, limit: int = 50) -> tuple[str, dict]:
    """An actor's newest events as actor and as recipient in one query (one pass over the
    sides, instead of two event_list calls): event_list's columns and `listed`, 'actor' or
    'recipient', at most `limit` of each, ordered by list, then newest first."""
    params = _actor_params("actor", actor)
    where, more_params = _date_filters(None, since, until)
    params.update(more_params, limit=int(limit), offset=0)
    lists = []
    for role in ROLES:
        picked = _picked("own", where + [f"s.actor_{role}"], "DESC", listed=f", '{role}' AS listed")
        lists.append(f"SELECT * FROM ({picked}) listed_{role}")
    return _named("\n  UNION ALL\n".join(lists), "DESC", listed=", k.listed",
                  ctes=f"own AS ({sided_events(['actor'])}),\n"), params
