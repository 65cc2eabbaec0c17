"""An actor's profile: the names and codes it goes by, what it said and what was said about it,
its events as actor and as recipient, and its counterparts.

An actor is named as in the recipes (query.py): an ISO alpha-3 country ("RUS"), a CAMEO-style
code or prefix ("RUSGOV") or an entity name ("Vladimir Putin", any case). Each part is a recipe
returning `(sql, params)`; `actor_profile` runs them all on one store and returns plain data.
Events come newest first. A quote is *about* the actor when a mention of one of its entities lies inside the quoted
words and someone else says them.
"""
from __future__ import annotations

from .event_list import actor_event_lists, sided_events
from .query import _actor_params
from .search import matched_entities
from .store import Store

QUOTE_COLUMNS = """a.article_key, a.id AS article, a.title, a.published, q.quote_id, q.kind,
       q.speaker_name AS speaker, q.cue, q.content, q.content_start, q.content_end, q.via"""
# the end of every quote listing of an actor's profile: the quote's article, newest first
QUOTES_NEWEST_FIRST = """JOIN articles a ON a.article_key = q.article_key
ORDER BY a.published DESC NULLS LAST, a.id, q.content_start
LIMIT :limit"""


def names(actor: str, limit: int = 50) -> tuple[str, dict]:
    """The entity names matching `actor`, with label, actor code and how many articles use them."""
    return f"""
WITH matched AS ({matched_entities('actor')})
SELECT en.name, en.label, ac.code, ac.country, ac.sector, count(DISTINCT en.article_key) AS articles,
       sum(en.n_mentions) AS mentions
FROM matched m
JOIN entities en ON en.article_key = m.article_key AND en.entity_id = m.entity_id
LEFT JOIN actors ac ON ac.article_key = m.article_key AND ac.entity_id = m.entity_id
GROUP BY en.name, en.label, ac.code, ac.country, ac.sector
ORDER BY articles DESC, mentions DESC, en.name
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def codes(actor: str) -> tuple[str, dict]:
    """The actor codes (with sector and roles) of the entities matching `actor`."""
    return f"""
WITH matched AS ({matched_entities('actor')})
SELECT ac.code, ac.country, ac.sector, count(DISTINCT ac.article_key) AS articles,
       string_agg(DISTINCT ac.role, '; ' ORDER BY ac.role) AS roles
FROM matched m
JOIN actors ac ON ac.article_key = m.article_key AND ac.entity_id = m.entity_id
GROUP BY ac.code, ac.country, ac.sector
ORDER BY articles DESC, ac.code""", _actor_params("actor", actor)


def quotes_by(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Quotes whose speaker is the actor, newest first."""
    return f"""
WITH matched AS ({matched_entities('actor')})
SELECT {QUOTE_COLUMNS}
FROM quotes q
JOIN matched m ON m.article_key = q.article_key AND m.entity_id = q.speaker
{QUOTES_NEWEST_FIRST}""", {**_actor_params("actor", actor), "limit": int(limit)}


def quotes_about(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Quotes by others whose words mention the actor, newest first."""
    return f"""
WITH matched AS ({matched_entities('actor')}),
about AS (
  SELECT DISTINCT q.article_key, q.quote_id
  FROM matched m
  JOIN mentions mn ON mn.article_key = m.article_key AND mn.entity_id = m.entity_id
  JOIN quotes q ON q.article_key = mn.article_key
   AND mn.start_char >= q.content_start AND mn.end_char <= q.content_end
  LEFT JOIN matched s ON s.article_key = q.article_key AND s.entity_id = q.speaker
  WHERE s.entity_id IS NULL
)
SELECT {QUOTE_COLUMNS}
FROM about k
JOIN quotes q ON q.article_key = k.article_key AND q.quote_id = k.quote_id
{QUOTES_NEWEST_FIRST}""", {**_actor_params("actor", actor), "limit": int(limit)}


def counterparts(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Who the actor's events involve on the other side: name, code, direction ('to': the
    actor acts on them, 'from': they act on the actor), events and their types."""
    return f"""
WITH own AS ({sided_events(('actor',))}),
other AS (
  SELECT ea.article_key, ea.event_id, ea.entity_id, en.name, ac.code, ac.country,
         CASE WHEN ea.role = 'recipient' THEN 'to' ELSE 'from' END AS direction
  FROM event_actors ea
  JOIN own w ON w.article_key = ea.article_key AND w.event_id = ea.event_id
   AND ((ea.role = 'recipient' AND w.actor_actor) OR (ea.role = 'actor' AND w.actor_recipient))
  LEFT JOIN ({matched_entities('actor')}) m ON m.article_key = ea.article_key AND m.entity_id = ea.entity_id
  LEFT JOIN entities en ON en.article_key = ea.article_key AND en.entity_id = ea.entity_id
  LEFT JOIN actors ac ON ac.article_key = ea.article_key AND ac.entity_id = ea.entity_id
  WHERE m.entity_id IS NULL
)
SELECT coalesce(o.name, o.entity_id) AS name, o.code, o.country, o.direction,
       count(DISTINCT o.article_key || ':' || o.event_id) AS events,
       count(DISTINCT o.article_key) AS articles,
       string_agg(DISTINCT e.event, ', ' ORDER BY e.event) AS types
FROM other o
JOIN events e ON e.article_key = o.article_key AND e.event_id = o.event_id
GROUP BY coalesce(o.name, o.entity_id), o.code, o.country, o.direction
ORDER BY events DESC, name, o.direction, o.code
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def actor_profile(store: Store, actor: str, limit: int = 50, since=None, until=None) -> dict:
    """Every part of the profile of `actor` as plain data (lists of dicts)."""
    return {
        "actor": actor,
        "names": store.dicts(*names(actor, limit)),
        "codes": store.dicts(*codes(actor)),
        "quotes_by": store.dicts(*quotes_by(actor, limit)),
        "quotes_about": store.dicts(*quotes_about(actor, limit)),
        **events_both_ways(store, actor, since, until, limit),
        "counterparts": store.dicts(*counterparts(actor, limit)),
    }


def events_both_ways(store: Store, actor: str, since=None, until=None, limit: int = 50) -> dict:
    """`events_as_actor` and `events_as_recipient`: the actor's newest events on each side (as
    event_list gives them), from one query."""
    lists: dict = {"events_as_actor": [], "events_as_recipient": []}
    for row in store.dicts(*actor_event_lists(actor, since, until, limit)):
        lists[f"events_as_{row.pop('listed')}"].append(row)
    return lists


def has_actor(store: Store, actor: str) -> bool:
    """True when some entity of the corpus matches `actor`."""
    sql, params = names(actor, 1)
    return bool(store.dicts(sql, params))



TOP_ACTORS_SQL = """
SELECT ac.country, count(DISTINCT ac.article_key) AS articles, count(*) AS entities,
       string_agg(DISTINCT ac.code, ', ' ORDER BY ac.code) AS codes
FROM actors ac WHERE ac.country IS NOT NULL
GROUP BY ac.country ORDER BY articles DESC, ac.country LIMIT :limit"""


def top_actors(store: Store, limit: int = 30) -> list[dict]:
    """The countries whose actors appear in the most articles (a starting point to browse)."""
    return store.dicts(TOP_ACTORS_SQL, {"limit": int(limit)})
