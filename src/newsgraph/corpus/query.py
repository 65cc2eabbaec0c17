"""Recipes: the analysts' common questions as SQL over the corpus schema.

Each recipe is a function returning `(sql, params)` with `:name` parameters, run by any store
(`Store.query` / `Store.dataframe`), so DuckDB and PostgreSQL answer alike:

- `events`    events with their actors, recipients, date, place and evidence sentence,
              filtered by actor, recipient, type and date range
- `timeline`  events between two actors by month (counts per month and type)
- `quotes`    what a speaker said, with the evidence and the chain it came through
- `places`    where events happened in a date range (points with counts and types)
- `dyads`     the most active actor pairs

An actor is named by an ISO alpha-3 country ("RUS"), a CAMEO-style code or its prefix
("RUSGOV", "RUSMIL") or an entity name ("Vladimir Putin", any case). The date of an event
is its own date when the record gives a full day, else the article's publication date.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

PARTICIPANTS = """
    SELECT ea.article_key, ea.event_id, ea.role, ea.seq, ea.entity_id, en.name, ac.code, ac.country
    FROM event_actors ea
    LEFT JOIN entities en ON en.article_key = ea.article_key AND en.entity_id = ea.entity_id
    LEFT JOIN actors ac ON ac.article_key = ea.article_key AND ac.entity_id = ea.entity_id"""

SIDES = """
    SELECT article_key, event_id,
      string_agg(CASE WHEN role = 'actor' THEN coalesce(name, entity_id) END, '; ' ORDER BY seq) AS actors,
      string_agg(CASE WHEN role = 'actor' THEN code END, '; ' ORDER BY seq) AS actor_codes,
      string_agg(CASE WHEN role = 'recipient' THEN coalesce(name, entity_id) END, '; ' ORDER BY seq) AS recipients,
      string_agg(CASE WHEN role = 'recipient' THEN code END, '; ' ORDER BY seq) AS recipient_codes
    FROM participants GROUP BY article_key, event_id"""

EVENT_DAY = "coalesce(e.day, a.published)"


def _date(value) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def actor_condition(alias: str, param: str) -> str:
    """SQL true when participant row `alias` matches the actor spec in :param / :param_prefix."""
    return (f"(upper({alias}.country) = :{param} OR upper({alias}.code) LIKE :{param}_prefix "
            f"OR lower({alias}.name) = :{param}_lower)")


def _actor_params(param: str, spec: str) -> dict:
    spec = spec.strip()
    return {param: spec.upper(), f"{param}_prefix": spec.upper() + "%", f"{param}_lower": spec.lower()}


def _side(role: str, param: str) -> str:
    return (f"EXISTS (SELECT 1 FROM participants p WHERE p.article_key = e.article_key "
            f"AND p.event_id = e.event_id AND p.role = '{role}' AND {actor_condition('p', param)})")


def _event_filters(actor, recipient, event, since, until, both_ways) -> tuple[list[str], dict]:
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
    type_where, type_params = event_type_and_days(event, since, until)
    return where + type_where, {**params, **type_params}


def event_type_and_days(event: Optional[str], since, until) -> tuple[list[str], dict]:
    """Conditions on events `e` (and their article `a`) for a PLOVER type and a range of event
    days, with their parameters: every recipe and view that filters events by them uses these."""
    where, params = [], {}
    if event:
        where.append("e.event = :event")
        params["event"] = event.upper()
    if since:
        where.append(f"{EVENT_DAY} >= :since")
        params["since"] = _date(since)
    if until:
        where.append(f"{EVENT_DAY} <= :until")
        params["until"] = _date(until)
    return where, params


def events(actor: Optional[str] = None, recipient: Optional[str] = None, event: Optional[str] = None,
           since=None, until=None, both_ways: bool = False, limit: Optional[int] = None) -> tuple[str, dict]:
    """Events (one row each) with actors, recipients, date, place and the evidence sentence."""
    where, params = _event_filters(actor, recipient, event, since, until, both_ways)
    sql = f"""
WITH participants AS ({PARTICIPANTS}),
sides AS ({SIDES})
SELECT a.id AS article, a.published, e.event_id, e.event, e.mode, e.status,
       e.date, {EVENT_DAY} AS day, e.month,
       s.actors, s.actor_codes, s.recipients, s.recipient_codes,
       pl.name AS place, pl.lat, pl.lon, e.sentence, e.article_key
FROM events e
JOIN articles a ON a.article_key = e.article_key
LEFT JOIN sides s ON s.article_key = e.article_key AND s.event_id = e.event_id
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
{('WHERE ' + ' AND '.join(where)) if where else ''}
ORDER BY day, a.id, e.event_id"""
    if limit:
        sql += f"\nLIMIT {int(limit)}"
    return sql, params


def timeline(actor: str, recipient: str, both_ways: bool = True, event: Optional[str] = None,
             since=None, until=None) -> tuple[str, dict]:
    """Events between two actors by month: month, event type, events, articles."""
    where, params = _event_filters(actor, recipient, event, since, until, both_ways)
    sql = f"""
WITH participants AS ({PARTICIPANTS})
SELECT e.month, e.event, count(*) AS events, count(DISTINCT e.article_key) AS articles
FROM events e
JOIN articles a ON a.article_key = e.article_key
{('WHERE ' + ' AND '.join(where)) if where else ''}
GROUP BY e.month, e.event
ORDER BY e.month, events DESC, e.event"""
    return sql, params


def quotes(speaker: str, since=None, until=None, limit: Optional[int] = None) -> tuple[str, dict]:
    """Quotes whose speaker's name contains `speaker` (any case) or whose actor code matches."""
    params = {"speaker_like": f"%{speaker.strip().lower()}%", **_actor_params("code", speaker)}
    del params["code_lower"]
    where = ["(lower(q.speaker_name) LIKE :speaker_like OR upper(ac.code) LIKE :code_prefix "
             "OR upper(ac.country) = :code)"]
    if since:
        where.append("a.published >= :since")
        params["since"] = _date(since)
    if until:
        where.append("a.published <= :until")
        params["until"] = _date(until)
    sql = f"""
SELECT a.id AS article, a.published, q.quote_id, q.kind, q.speaker_name AS speaker, ac.code AS speaker_code,
       q.cue, q.content, q.via, q.content_start, q.content_end, q.article_key
FROM quotes q
JOIN articles a ON a.article_key = q.article_key
LEFT JOIN actors ac ON ac.article_key = q.article_key AND ac.entity_id = q.speaker
WHERE {' AND '.join(where)}
ORDER BY a.published, a.id, q.content_start"""
    if limit:
        sql += f"\nLIMIT {int(limit)}"
    return sql, params


def places(since=None, until=None, event: Optional[str] = None) -> tuple[str, dict]:
    """Places of events in a date range: one row per resolved place, with counts and types."""
    where, params = _event_filters(None, None, event, since, until, False)
    where.append("pl.lat IS NOT NULL")
    sql = f"""
SELECT pl.name AS place, pl.geonameid, pl.lat, pl.lon, pl.country_code,
       count(*) AS events, string_agg(DISTINCT e.event, ', ' ORDER BY e.event) AS types,
       min({EVENT_DAY}) AS first_day, max({EVENT_DAY}) AS last_day
FROM events e
JOIN articles a ON a.article_key = e.article_key
JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
WHERE {' AND '.join(where)}
GROUP BY pl.name, pl.geonameid, pl.lat, pl.lon, pl.country_code
ORDER BY events DESC, place"""
    return sql, params


DYAD_KEYS = {"country": "country", "code": "code", "name": "name"}


def dyads(top: int = 20, by: str = "country", event: Optional[str] = None, since=None,
          until=None) -> tuple[str, dict]:
    """The most active (actor, recipient) pairs, by country, actor code or entity name."""
    if by not in DYAD_KEYS:
        raise ValueError(f"dyads by {by!r}: use one of {', '.join(DYAD_KEYS)}")
    col = DYAD_KEYS[by]
    where, params = _event_filters(None, None, event, since, until, False)
    sql = f"""
WITH participants AS ({PARTICIPANTS}),
pairs AS (
  SELECT DISTINCT e.article_key, e.event_id, e.event, x.{col} AS actor, y.{col} AS recipient
  FROM events e
  JOIN articles a ON a.article_key = e.article_key
  JOIN participants x ON x.article_key = e.article_key AND x.event_id = e.event_id AND x.role = 'actor'
  JOIN participants y ON y.article_key = e.article_key AND y.event_id = e.event_id AND y.role = 'recipient'
  WHERE x.{col} IS NOT NULL AND y.{col} IS NOT NULL{''.join(' AND ' + w for w in where)}
)
SELECT actor, recipient, count(*) AS events, count(DISTINCT article_key) AS articles,
       string_agg(DISTINCT event, ', ' ORDER BY event) AS types
FROM pairs
GROUP BY actor, recipient
ORDER BY events DESC, actor, recipient
LIMIT {int(top)}"""
    return sql, params


RECIPES = {"events": events, "timeline": timeline, "quotes": quotes, "places": places, "dyads": dyads}
