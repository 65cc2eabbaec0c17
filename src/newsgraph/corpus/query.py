"""Recipes: the analysts' common questions as SQL over the corpus schema.

Each recipe is a function returning `(sql, params)` with `:name` parameters, run by any store
(`Store.query` / `Store.dataframe`), so DuckDB and PostgreSQL answer alike:

- `events`    events with their actors, recipients, date, place and evidence sentence,
              filtered by actor, recipient, type and date range
- `timeline`  events between two actors by month (counts per month and type)
- `quotes`    what a speaker said, with the evidence and the chain it came through
- `places`    where events happened in a date range (points with counts and types)
- `dyads`     the most active actor pairs
- `stories`   the stories (articles about one real-world happening), most told first
- `story`     one story: its articles in order, its occurrences, who says what, and where
              the articles disagree (several queries, one per section)

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


def sources_of(occurrences: str = "") -> str:
    """SQL of the sources of each occurrence (occurrence_id, sources, articles): its distinct
    outlets, an article of unknown outlet counting as a source of its own (an event of no
    occurrence has one source: its article). `occurrences`, SQL of occurrence ids, narrows it
    to those (a page of events need not count every occurrence of the corpus)."""
    within = f" AND e2.occurrence_id IN ({occurrences})" if occurrences else ""
    return f"""
    SELECT e2.occurrence_id, count(DISTINCT coalesce(a2.outlet, a2.article_key)) AS sources,
           count(DISTINCT e2.article_key) AS articles
    FROM events e2 JOIN articles a2 ON a2.article_key = e2.article_key
    WHERE e2.occurrence_id IS NOT NULL{within} GROUP BY e2.occurrence_id"""


SOURCES = sources_of()

# the headline of an article: its title, else the headline span of its text
HEADLINE = "coalesce({a}.title, substr({a}.text, {a}.headline_start + 1, {a}.headline_end - {a}.headline_start))"


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


def days_in_range(since, until, first: str, last: Optional[str] = None) -> tuple[list[str], dict]:
    """Conditions (and parameters) that a row's days, from column `first` to `last` (one day:
    `first` alone), reach into since..until, either end open when None."""
    where, params = [], {}
    if since:
        where.append(f"{last or first} >= :since")
        params["since"] = _date(since)
    if until:
        where.append(f"{first} <= :until")
        params["until"] = _date(until)
    return where, params


def event_type_and_days(event: Optional[str], since, until) -> tuple[list[str], dict]:
    """Conditions on events `e` (and their article `a`) for a PLOVER type and a range of event
    days, with their parameters: every recipe and view that filters events by them uses these."""
    where, params = [], {}
    if event:
        where.append("e.event = :event")
        params["event"] = event.upper()
    days, day_params = days_in_range(since, until, EVENT_DAY)
    return where + days, {**params, **day_params}


def events(actor: Optional[str] = None, recipient: Optional[str] = None, event: Optional[str] = None,
           since=None, until=None, both_ways: bool = False, limit: Optional[int] = None,
           min_sources: Optional[int] = None) -> tuple[str, dict]:
    """Events (one row each) with actors, recipients, date, place and the evidence sentence,
    their occurrence and story, and how many sources tell the occurrence (`min_sources`: only
    events told by at least that many: distinct outlets, an article of unknown outlet counting
    as one)."""
    where, params = _event_filters(actor, recipient, event, since, until, both_ways)
    if min_sources:
        where.append("coalesce(src.sources, 1) >= :min_sources")
        params["min_sources"] = int(min_sources)
    sql = f"""
WITH participants AS ({PARTICIPANTS}),
sides AS ({SIDES}),
src AS ({SOURCES})
SELECT a.id AS article, a.published, e.event_id, e.event, e.mode, e.status,
       e.date, {EVENT_DAY} AS day, e.month,
       s.actors, s.actor_codes, s.recipients, s.recipient_codes,
       pl.name AS place, pl.lat, pl.lon, e.sentence,
       e.occurrence_id, coalesce(src.sources, 1) AS sources, coalesce(src.articles, 1) AS articles,
       a.story_id, e.article_key
FROM events e
JOIN articles a ON a.article_key = e.article_key
LEFT JOIN sides s ON s.article_key = e.article_key AND s.event_id = e.event_id
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
LEFT JOIN src ON src.occurrence_id = e.occurrence_id
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
    days, day_params = days_in_range(since, until, "a.published")
    where += days
    params.update(day_params)
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


def stories(min_articles: int = 1, since=None, until=None, limit: Optional[int] = None,
            story_id: Optional[str] = None) -> tuple[str, dict]:
    """Stories, most told first: articles, outlets, first and last publication day, the first
    article's headline, occurrences (and how many of them more than one article tells) and
    the slots the articles disagree on. `since`/`until` keep the stories published in the range
    (by their last and first day); `story_id` keeps that one story."""
    where, params = ["s.n_articles >= :min_articles"], {"min_articles": int(min_articles)}
    if story_id is not None:
        where.append("s.story_id = :story")
        params["story"] = story_id
    days, day_params = days_in_range(since, until, "s.first_published", "s.last_published")
    where += days
    params.update(day_params)
    sql = f"""
WITH occ AS (
  SELECT story_id, count(*) AS occurrences,
         sum(CASE WHEN n_articles > 1 THEN 1 ELSE 0 END) AS shared
  FROM occurrences GROUP BY story_id),
dis AS (
  SELECT o.story_id, count(DISTINCT d.occurrence_id || ' ' || d.slot) AS disagreements
  FROM disagreements d JOIN occurrences o ON o.occurrence_id = d.occurrence_id GROUP BY o.story_id)
SELECT s.story_id, s.n_articles AS articles, s.n_outlets AS outlets,
       s.first_published, s.last_published, {HEADLINE.format(a="a")} AS headline,
       coalesce(occ.occurrences, 0) AS occurrences, coalesce(occ.shared, 0) AS shared_occurrences,
       coalesce(dis.disagreements, 0) AS disagreements
FROM stories s
JOIN link_articles la ON la.seq = s.first_seq
JOIN articles a ON a.article_key = la.article_key
LEFT JOIN occ ON occ.story_id = s.story_id
LEFT JOIN dis ON dis.story_id = s.story_id
WHERE {' AND '.join(where)}
ORDER BY s.n_articles DESC, s.n_outlets DESC, s.first_published, s.story_id"""
    if limit:
        sql += f"\nLIMIT {int(limit)}"
    return sql, params


STORY_SECTIONS = ("story", "articles", "occurrences", "tellings", "disagreements")


def story(story_id: str) -> dict[str, tuple[str, dict]]:
    """One story as sections, each (sql, params):

    - `story`: its row of `stories` above (one row; none when the corpus has no such story)
    - `articles`: its articles in publication order (then ingest order), with outlet and headline
    - `occurrences`: its occurrences, most told first: type, articles, outlets, and the date,
      place and actors the articles agree on
    - `tellings`: who says what: each event of an occurrence, with its article, outlet, trigger,
      status, who it is attributed to, and the sentence
    - `disagreements`: each version of a slot the articles of an occurrence give differently,
      with the article, the evidence span and its sentence
    """
    params = {"story": story_id}
    articles = f"""
SELECT la.seq AS n, a.published, a.outlet, a.id AS article, {HEADLINE.format(a="a")} AS headline,
       a.url, a.n_events AS events, a.article_key
FROM articles a JOIN link_articles la ON la.article_key = a.article_key
WHERE a.story_id = :story
ORDER BY a.published NULLS LAST, la.seq"""
    occurrences = """
SELECT o.occurrence_id, o.event, o.n_articles AS articles, o.n_outlets AS outlets, o.n_events AS events,
       o.date, o.place, o.actors, o.n_disagreements AS disagreements, o.first_published, o.last_published
FROM occurrences o
WHERE o.story_id = :story
ORDER BY o.n_articles DESC, o.n_events DESC, o.first_seq, o.occurrence_id"""
    tellings = f"""
SELECT e.occurrence_id, e.event, a.published, a.outlet, a.id AS article, e.event_id, e.trigger, e.status,
       coalesce(q.speaker_name, q.source, en.name, e.attributed_to) AS according_to, e.date, pl.name AS place,
       e.sentence, e.trigger_start, e.trigger_end, e.article_key
FROM events e
JOIN articles a ON a.article_key = e.article_key
JOIN occurrences o ON o.occurrence_id = e.occurrence_id
JOIN link_articles la ON la.article_key = a.article_key
LEFT JOIN quotes q ON q.article_key = e.article_key AND q.quote_id = e.attributed_to
LEFT JOIN entities en ON en.article_key = e.article_key AND en.entity_id = e.attributed_to
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
WHERE a.story_id = :story
ORDER BY o.n_articles DESC, o.n_events DESC, o.first_seq, o.occurrence_id, la.seq, e.trigger_start"""
    disagreements = f"""
SELECT d.occurrence_id, o.event, d.slot, d.value, a.published, a.outlet, a.id AS article, d.event_id,
       substr(a.text, d.start_char + 1, d.end_char - d.start_char) AS evidence, e.sentence,
       d.start_char, d.end_char, d.article_key
FROM disagreements d
JOIN occurrences o ON o.occurrence_id = d.occurrence_id
JOIN articles a ON a.article_key = d.article_key
JOIN link_articles la ON la.article_key = a.article_key
LEFT JOIN events e ON e.article_key = d.article_key AND e.event_id = d.event_id
WHERE o.story_id = :story
ORDER BY o.first_seq, d.occurrence_id, d.slot, d.value, la.seq, d.event_id, d.start_char"""
    sections = {"story": stories(story_id=story_id)}
    sections.update((name, (sql, dict(params))) for name, sql in
                    zip(STORY_SECTIONS[1:], (articles, occurrences, tellings, disagreements)))
    return sections


RECIPES = {"events": events, "timeline": timeline, "quotes": quotes, "places": places, "dyads": dyads,
           "stories": stories}
