"""Finding articles: full text, and by actor, outlet, event type, place and date range.

`search` is one recipe (`(sql, params)`, like those of query.py) for a page of matching
articles, newest first, each with a snippet around the first word searched for; `search_count`
counts every match. Words are matched case-insensitively as substrings of the headline or the
text, all of them (`strpos`, so '%' and '_' in a word are plain characters, and the same SQL
runs on DuckDB and PostgreSQL). An actor is named as in the recipes: an ISO alpha-3 country,
a CAMEO-style code or prefix, or an entity name. Every value is a bound parameter.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .query import _actor_params, _date
from .store import Store

SNIPPET_BEFORE, SNIPPET_LENGTH = 90, 260
MAX_WORDS = 8


def matched_entities(param: str) -> str:
    """SQL rows (article_key, entity_id) of the entities matching the actor spec in :param
    (params from query._actor_params): the same test as query.actor_condition, without joining
    every entity to its actor row (an actor row carries the entity's name), so a few ms."""
    return (f"SELECT article_key, entity_id FROM actors WHERE upper(country) = :{param} "
            f"OR upper(code) LIKE :{param}_prefix OR lower(name) = :{param}_lower "
            f"UNION SELECT article_key, entity_id FROM entities WHERE lower(name) = :{param}_lower")


@dataclass
class ArticleFilter:
    """What a search asks for; an empty filter matches every article."""

    text: Optional[str] = None       # words, all of which must occur
    actor: Optional[str] = None      # country, code (prefix) or entity name
    outlet: Optional[str] = None     # the outlet's name, any case
    event: Optional[str] = None      # a PLOVER type the article has an event of
    place: Optional[str] = None      # a place name the article mentions, any case
    since: Optional[object] = None   # publication day, inclusive
    until: Optional[object] = None
    words: list = field(init=False)

    def __post_init__(self):
        self.words = [w.lower() for w in (self.text or "").split()][:MAX_WORDS]


def _where(f: ArticleFilter) -> tuple[list[str], dict]:
    where, params = [], {}
    for i, word in enumerate(f.words):
        where.append(f"(strpos(lower(a.text), :w{i}) > 0 OR strpos(lower(coalesce(a.title, '')), :w{i}) > 0)")
        params[f"w{i}"] = word
    if f.actor:
        params.update(_actor_params("actor", f.actor))
        where.append(f"a.article_key IN (SELECT article_key FROM ({matched_entities('actor')}) m)")
    if f.outlet:
        where.append("lower(a.outlet) = :outlet")
        params["outlet"] = f.outlet.strip().lower()
    if f.event:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_key = a.article_key AND e.event = :event)")
        params["event"] = f.event.upper()
    if f.place:
        where.append("EXISTS (SELECT 1 FROM places pl WHERE pl.article_key = a.article_key "
                     "AND lower(pl.name) = :place)")
        params["place"] = f.place.strip().lower()
    if f.since:
        where.append("a.published >= :since")
        params["since"] = _date(f.since)
    if f.until:
        where.append("a.published <= :until")
        params["until"] = _date(f.until)
    return where, params


def search(f: ArticleFilter, limit: int = 50, offset: int = 0) -> tuple[str, dict]:
    """A page of matching articles, newest first: key, id, title, published, outlet, counts,
    snippet, and the article's story with how many articles tell it."""
    where, params = _where(f)
    if f.words:
        at = "greatest(1, strpos(lower(a.text), :w0) - :before)"
        params["before"] = SNIPPET_BEFORE
    else:
        at = "coalesce(a.body_start, 0) + 1"
    params.update(limit=int(limit), offset=int(offset), length=SNIPPET_LENGTH)
    sql = f"""
SELECT a.article_key, a.id, a.title, a.published, a.outlet, a.url,
       a.n_entities, a.n_quotes, a.n_events, a.n_places, a.n_flags,
       substr(a.text, {at}, :length) AS snippet, a.story_id, s.n_articles AS story_articles
FROM articles a LEFT JOIN stories s ON s.story_id = a.story_id
{('WHERE ' + ' AND '.join(where)) if where else ''}
ORDER BY a.published DESC NULLS LAST, a.id, a.article_key
LIMIT :limit OFFSET :offset"""
    return sql, params


def search_count(f: ArticleFilter) -> tuple[str, dict]:
    """How many articles match `f`."""
    where, params = _where(f)
    return (f"SELECT count(*) AS n FROM articles a {('WHERE ' + ' AND '.join(where)) if where else ''}",
            params)


OUTLETS_SQL = """
SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL
GROUP BY outlet ORDER BY articles DESC, outlet"""

EVENT_TYPES_SQL = "SELECT event, count(*) AS events FROM events GROUP BY event ORDER BY events DESC, event"


def find_articles(store: Store, f: ArticleFilter, limit: int = 50, offset: int = 0) -> dict:
    """The search as plain data: `total`, `articles` (one page), and the corpus's `outlets` and
    event `types`, so a form can offer them."""
    return {"total": store.dicts(*search_count(f))[0]["n"],
            "articles": store.dicts(*search(f, limit, offset)),
            "outlets": store.dicts(OUTLETS_SQL),
            "types": store.dicts(EVENT_TYPES_SQL)}
