"""An actor's profile: the names and codes it goes by, what it said and what was said about it,
its events as actor and as recipient, and its counterparts.

An actor is named as in the recipes (query.py): an ISO alpha-3 country ("RUS"), a CAMEO-style
code or prefix ("RUSGOV") or an entity name ("Vladimir Putin", any case). Each part is a recipe
returning `(sql, params)`; `actor_profile` runs them all on one store and returns plain data.
Events come newest first. A quote is *about* the actor when a mention of one of its entities lies inside the quoted
words and someone else says them.
"""
from __future__ import annotations

from .event_list import event_list
from .query import _actor_params
from .search import matched_entities
from .store import Store

QUOTE_COLUMNS = """a.article_key, a.id AS article, a.title, a.published, q.quote_id, q.kind,
       q.speaker_name AS speaker, q.cue, q.content, q.content_start, q.content_end, q.via"""


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
JOIN articles a ON a.article_key = q.article_key
ORDER BY a.published DESC NULLS LAST, a.id, q.content_start
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def quotes_about(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Quotes by others whose words mention the actor, newest first."""
    return f"""
WITH matched AS ({matched_entities('actor')})
SELECT {QUOTE_COLUMNS}
FROM quotes q
JOIN articles a ON a.article_key = q.article_key
WHERE EXISTS (SELECT 1 FROM mentions mn
              JOIN matched m ON m.article_key = mn.article_key AND m.entity_id = mn.entity_id
              WHERE mn.article_key = q.article_key AND mn.start_char >= q.content_start
                AND mn.end_char <= q.content_end)
  AND NOT EXISTS (SELECT 1 FROM matched s WHERE s.article_key = q.article_key AND s.entity_id = q.speaker)
ORDER BY a.published DESC NULLS LAST, a.id, q.content_start
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def counterparts(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Who the actor's events involve on the other side: name, code, direction ('to': the
    actor acts on them, 'from': they act on the actor), events and their types."""
    return f"""
WITH matched AS ({matched_entities('actor')}),
own AS (SELECT DISTINCT ea.article_key, ea.event_id, ea.role FROM event_actors ea
        JOIN matched m ON m.article_key = ea.article_key AND m.entity_id = ea.entity_id),
other AS (
  SELECT ea.article_key, ea.event_id, ea.role, ea.entity_id, en.name, ac.code, ac.country
  FROM event_actors ea
  JOIN (SELECT DISTINCT article_key, event_id FROM own) k
    ON k.article_key = ea.article_key AND k.event_id = ea.event_id
  LEFT JOIN entities en ON en.article_key = ea.article_key AND en.entity_id = ea.entity_id
  LEFT JOIN actors ac ON ac.article_key = ea.article_key AND ac.entity_id = ea.entity_id
  WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.article_key = ea.article_key
                    AND m.entity_id = ea.entity_id)
)
SELECT coalesce(o.name, o.entity_id) AS name, o.code, o.country,
       CASE WHEN w.role = 'actor' THEN 'to' ELSE 'from' END AS direction,
       count(DISTINCT o.article_key || ':' || o.event_id) AS events,
       count(DISTINCT o.article_key) AS articles,
       string_agg(DISTINCT e.event, ', ' ORDER BY e.event) AS types
FROM own w
JOIN other o ON o.article_key = w.article_key AND o.event_id = w.event_id AND o.role <> w.role
JOIN events e ON e.article_key = o.article_key AND e.event_id = o.event_id
GROUP BY coalesce(o.name, o.entity_id), o.code, o.country, CASE WHEN w.role = 'actor' THEN 'to' ELSE 'from' END
ORDER BY events DESC, name
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def actor_profile(store: Store, actor: str, limit: int = 50, since=None, until=None) -> dict:
    """Every part of the profile of `actor` as plain data (lists of dicts)."""
    return {
        "actor": actor,
        "names": store.dicts(*names(actor, limit)),
        "codes": store.dicts(*codes(actor)),
        "quotes_by": store.dicts(*quotes_by(actor, limit)),
        "quotes_about": store.dicts(*quotes_about(actor, limit)),
        "events_as_actor": store.dicts(*event_list(actor=actor, since=since, until=until, limit=limit,
                                                   newest_first=True)),
        "events_as_recipient": store.dicts(*event_list(recipient=actor, since=since, until=until,
                                                       limit=limit, newest_first=True)),
        "counterparts": store.dicts(*counterparts(actor, limit)),
    }


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
