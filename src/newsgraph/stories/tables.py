"""The linker's tables: their columns (SQL types DuckDB and PostgreSQL both accept), which
leading columns identify a row (KEYS), and each row to and from the objects it stands for.

Floats survive the round trip exactly (DOUBLE PRECISION; JSON writes a float's repr); dates
come back as `datetime.date` from a store, or as ISO text from JSON, and are read either way.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Mapping, Optional

from .counts import Count
from .disagreements import agreed, disagreements
from .events import EventProfile
from .terms import CHANNELS
from .when import ArticleTime

# table -> [(column, SQL type)]; the leading columns named in KEYS identify a row
TABLES: dict[str, list[tuple[str, str]]] = {
    "link_meta": [("key", "TEXT NOT NULL"), ("value", "TEXT")],
    "link_terms": [("channel", "TEXT NOT NULL"), ("term", "TEXT NOT NULL"), ("df", "INTEGER")],
    "link_articles": [("seq", "INTEGER NOT NULL"), ("article_key", "TEXT NOT NULL"),
                      ("story_id", "TEXT"), ("outlet", "TEXT"), ("published", "DATE"),
                      ("year", "INTEGER"), ("person_shares", "TEXT"), ("active", "INTEGER")],
    "link_vectors": [("seq", "INTEGER NOT NULL"), ("channel", "TEXT NOT NULL"),
                     ("term", "TEXT NOT NULL"), ("weight", "DOUBLE PRECISION")],
    "link_edges": [("seq_a", "INTEGER NOT NULL"), ("seq_b", "INTEGER NOT NULL"),
                   ("p", "DOUBLE PRECISION")],
    "stories": [("story_id", "TEXT NOT NULL"), ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"),
                ("first_seq", "INTEGER"), ("last_seq", "INTEGER"),
                ("first_published", "DATE"), ("last_published", "DATE")],
    # one row per event with a trigger: its occurrence and what the occurrence linker read
    "link_events": [("seq", "INTEGER NOT NULL"), ("event_id", "TEXT NOT NULL"),
                    ("occurrence_id", "TEXT"), ("event_index", "INTEGER"), ("event", "TEXT"),
                    ("cameo", "TEXT"), ("stem", "TEXT"), ("actors", "TEXT"), ("recipients", "TEXT"),
                    ("actor_names", "TEXT"), ("date", "TEXT"), ("year", "INTEGER"), ("place", "TEXT"),
                    ("geonameid", "BIGINT"), ("country", "TEXT"), ("feature_code", "TEXT"),
                    ("status", "TEXT"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
                    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("counts", "TEXT"),
                    ("persons", "TEXT")],
    "occurrences": [("occurrence_id", "TEXT NOT NULL"), ("story_id", "TEXT"), ("event", "TEXT"),
                    ("n_events", "INTEGER"), ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"),
                    ("first_seq", "INTEGER"), ("last_seq", "INTEGER"), ("date", "TEXT"),
                    ("place", "TEXT"), ("actors", "TEXT"), ("n_disagreements", "INTEGER"),
                    ("first_published", "DATE"), ("last_published", "DATE")],
    # one row per version of a slot the articles of an occurrence give differently
    "disagreements": [("occurrence_id", "TEXT NOT NULL"), ("slot", "TEXT NOT NULL"),
                      ("value", "TEXT"), ("article_key", "TEXT NOT NULL"), ("event_id", "TEXT NOT NULL"),
                      ("start_char", "INTEGER"), ("end_char", "INTEGER")],
}
KEYS = {"link_meta": 1, "link_terms": 2, "link_articles": 1, "link_vectors": 3, "link_edges": 2,
        "stories": 1, "link_events": 2, "occurrences": 1,
        "disagreements": 7}   # a disagreement row is its own key (an occurrence's rows are replaced whole)


def article_row(a) -> tuple:
    """A LinkedArticle's `link_articles` row (person shares only while it is active)."""
    shares = json.dumps(a.vectors.person_shares) if a.vectors else None
    return (a.seq, a.key, a.story, a.outlet, a.time.day, a.time.year, shares, int(a.vectors is not None))


def article_from_row(row) -> tuple:
    """(seq, key, story, outlet, time, person shares or None when inactive) of a row."""
    seq, key, story, outlet, published, year, shares, active = row
    day = published if isinstance(published, date) or published is None else date.fromisoformat(str(published)[:10])
    return seq, key, story, outlet, ArticleTime(day, year), json.loads(shares) if active else None


def vector_rows(a) -> list[tuple]:
    return [(a.seq, channel, term, w) for channel in CHANNELS for term, w in a.vectors.vectors[channel].items()]


def story_row(story: str, members: list) -> tuple:
    """A story's row from its member articles (in ingest order)."""
    outlets = {a.outlet for a in members if a.outlet}
    days = sorted(a.time.day for a in members if a.time.day)
    return (story, len(members), len(outlets), members[0].seq, members[-1].seq,
            days[0] if days else None, days[-1] if days else None)


def event_row(e: EventProfile, occurrence_id: Optional[str]) -> tuple:
    return (e.seq, e.event_id, occurrence_id, e.index, e.event, e.cameo, e.stem, json.dumps(e.actors),
            json.dumps(e.recipients), json.dumps(e.actor_names), e.date, e.year, e.place, e.geonameid,
            e.country, e.feature_code, e.status, e.trigger[0], e.trigger[1], e.sentence[0], e.sentence[1],
            json.dumps([[c.slot, c.value, c.start, c.end] for c in e.counts]), json.dumps(e.persons))


def event_from_row(row) -> tuple[EventProfile, Optional[str]]:
    (seq, event_id, oid, index, event, cameo, stem, actors, recipients, names, dt, year, place,
     geonameid, country, fcode, status, ts, te, ss, se, counts, persons) = row
    e = EventProfile(seq=seq, event_id=event_id, index=index, event=event, cameo=cameo, stem=stem,
                     actors=json.loads(actors), recipients=json.loads(recipients),
                     actor_names=json.loads(names), date=dt, year=year, place=place,
                     geonameid=geonameid, country=country, feature_code=fcode, status=status,
                     trigger=(ts, te), sentence=(ss, se), counts=[Count(*c) for c in json.loads(counts)],
                     persons=json.loads(persons))
    return e, oid


def occurrence_rows(o, articles: Mapping) -> tuple[tuple, list[tuple]]:
    """An occurrence's row (what its articles agree on) and its disagreement rows."""
    members = o.members
    seqs = sorted({e.seq for e in members})
    outlets = {articles[s].outlet for s in seqs if articles[s].outlet}
    actors = Counter(a for e in members for a in dict.fromkeys(e.actor_names))
    versions = disagreements(members)
    days = sorted(articles[s].time.day for s in seqs if articles[s].time.day)
    row = (o.occurrence_id, o.story, o.event, len(members), len(seqs), len(outlets), seqs[0], seqs[-1],
           agreed(members, lambda e: e.date if e.date and e.date[:1].isdigit() else None),
           agreed(members, lambda e: e.place),
           json.dumps([a for a, _ in actors.most_common(3)]), len(versions),
           days[0] if days else None, days[-1] if days else None)
    return row, [(o.occurrence_id, v.slot, v.value, articles[v.seq].key, v.event_id, v.start, v.end)
                 for v in versions]
