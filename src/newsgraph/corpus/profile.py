"""An actor's profile: the names and codes it goes by, what it said and what was said about it,
its events as actor and as recipient, and its counterparts.

An actor is named as in the recipes (query.py): an ISO alpha-3 country ("RUS"), a CAMEO-style
code or prefix ("RUSGOV") or an entity name ("Vladimir Putin", any case). Each part is a recipe
returning `(sql, params)`; `actor_profile` runs them all on one store and returns plain data.
A quote is *about* the actor when a mention of one of its entities lies inside the quoted
words and someone else says them.
"""
from __future__ import annotations

from . import query as recipes
from .query import PARTICIPANTS, _actor_params, actor_condition
from .search import ENTITY_ACTORS
from .store import Store

SPEAKERS = """
    SELECT q.article_key, q.quote_id, en.name, ac.code, ac.country
    FROM quotes q
    JOIN entities en ON en.article_key = q.article_key AND en.entity_id = q.speaker
    LEFT JOIN actors ac ON ac.article_key = q.article_key AND ac.entity_id = q.speaker"""

QUOTE_COLUMNS = """a.article_key, a.id AS article, a.title, a.published, q.quote_id, q.kind,
       q.speaker_name AS speaker, q.cue, q.content, q.content_start, q.content_end, q.via"""


def names(actor: str, limit: int = 50) -> tuple[str, dict]:
    """The entity names matching `actor`, with label, actor code and how many articles use them."""
    return f"""
SELECT p.name, p.label, p.code, p.country, p.sector, count(DISTINCT p.article_key) AS articles,
       sum(p.n_mentions) AS mentions
FROM (SELECT en.article_key, en.name, en.label, en.n_mentions, ac.code, ac.country, ac.sector
      FROM entities en
      LEFT JOIN actors ac ON ac.article_key = en.article_key AND ac.entity_id = en.entity_id) p
WHERE {actor_condition('p', 'actor')}
GROUP BY p.name, p.label, p.code, p.country, p.sector
ORDER BY articles DESC, mentions DESC, p.name
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def codes(actor: str) -> tuple[str, dict]:
    """The actor codes (with sector and roles) of the entities matching `actor`."""
    return f"""
SELECT p.code, p.country, p.sector, count(DISTINCT p.article_key) AS articles,
       string_agg(DISTINCT p.role, '; ' ORDER BY p.role) AS roles
FROM (SELECT en.article_key, en.name, ac.code, ac.country, ac.sector, ac.role
      FROM entities en
      JOIN actors ac ON ac.article_key = en.article_key AND ac.entity_id = en.entity_id) p
WHERE {actor_condition('p', 'actor')}
GROUP BY p.code, p.country, p.sector
ORDER BY articles DESC, p.code""", _actor_params("actor", actor)


def quotes_by(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Quotes whose speaker is the actor, newest first."""
    return f"""
SELECT {QUOTE_COLUMNS}
FROM quotes q
JOIN articles a ON a.article_key = q.article_key
WHERE EXISTS (SELECT 1 FROM ({SPEAKERS}) p WHERE p.article_key = q.article_key
              AND p.quote_id = q.quote_id AND {actor_condition('p', 'actor')})
ORDER BY a.published DESC NULLS LAST, a.id, q.content_start
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def quotes_about(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Quotes by others whose words mention the actor, newest first."""
    return f"""
SELECT {QUOTE_COLUMNS}
FROM quotes q
JOIN articles a ON a.article_key = q.article_key
WHERE EXISTS (SELECT 1 FROM mentions m
              JOIN ({ENTITY_ACTORS}) p ON p.article_key = m.article_key AND p.entity_id = m.entity_id
              WHERE m.article_key = q.article_key AND m.start_char >= q.content_start
                AND m.end_char <= q.content_end AND {actor_condition('p', 'actor')})
  AND NOT EXISTS (SELECT 1 FROM ({SPEAKERS}) s WHERE s.article_key = q.article_key
                  AND s.quote_id = q.quote_id AND {actor_condition('s', 'actor')})
ORDER BY a.published DESC NULLS LAST, a.id, q.content_start
LIMIT :limit""", {**_actor_params("actor", actor), "limit": int(limit)}


def counterparts(actor: str, limit: int = 50) -> tuple[str, dict]:
    """Who the actor's events involve on the other side: name, code, direction ('to': the
    actor acts on them, 'from': they act on the actor), events and their types."""
    return f"""
WITH participants AS ({PARTICIPANTS}),
own AS (SELECT DISTINCT p.article_key, p.event_id, p.role FROM participants p
        WHERE {actor_condition('p', 'actor')})
SELECT coalesce(o.name, o.entity_id) AS name, o.code, o.country,
       CASE WHEN m.role = 'actor' THEN 'to' ELSE 'from' END AS direction,
       count(DISTINCT o.article_key || ':' || o.event_id) AS events,
       count(DISTINCT o.article_key) AS articles,
       string_agg(DISTINCT e.event, ', ' ORDER BY e.event) AS types
FROM own m
JOIN participants o ON o.article_key = m.article_key AND o.event_id = m.event_id AND o.role <> m.role
JOIN events e ON e.article_key = o.article_key AND e.event_id = o.event_id
WHERE NOT coalesce({actor_condition('o', 'actor')}, false)
GROUP BY coalesce(o.name, o.entity_id), o.code, o.country, CASE WHEN m.role = 'actor' THEN 'to' ELSE 'from' END
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
        "events_as_actor": store.dicts(*recipes.events(actor=actor, since=since, until=until, limit=limit)),
        "events_as_recipient": store.dicts(*recipes.events(recipient=actor, since=since, until=until,
                                                           limit=limit)),
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
