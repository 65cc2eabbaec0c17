"""The corpus schema: one normalised SQL schema shared by the DuckDB and PostgreSQL stores.

One article is one row of `articles` plus its rows in the layer tables (entities, mentions,
actors, quotes, times, places, events, event_actors, flags), all keyed by `article_key`, the
content hash of the article's input (so ingesting the same text twice is a no-op). Every layer
row carries its evidence: the character span into `articles.text` (`*_start`/`*_end`, half-open
Python string indices as in CONTRACT.md) and the covered text, so a query never needs the
article to show why a fact is there. Fields a later layer adds that have no column of their
own land in the row's `extra` (a JSON object), and the whole contract record, minus its text,
is kept in `articles.record`: nothing the pipeline says is lost, and a new layer fills its
table with no change here.

`runs` says what each ingest processed with which version and which knowledge tables (their
digest); `errors` keeps inputs that could not be analysed (keyed by content hash too, so a second ingest does not add them again).

The DDL uses only types and statements both engines accept (TEXT, INTEGER, BIGINT, DOUBLE
PRECISION, DATE, TIMESTAMP; CREATE ... IF NOT EXISTS). docs/corpus.md documents every column.
"""
from __future__ import annotations

from ..stories.tables import KEYS as LINKER_KEYS, TABLES as LINKER_TABLES

SCHEMA_VERSION = 1

# table -> [(column, SQL type)], in insert order. The first columns of each layer table are
# its key within the article.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_key", "TEXT NOT NULL PRIMARY KEY"),  # content hash of the input text/html
        ("id", "TEXT"),                  # the input's id (file path, JSONL id, WARC URI, ...)
        ("source", "TEXT"),              # the file the article came from
        ("locator", "TEXT"),             # where in it: line, row, WARC offset, relative path
        ("url", "TEXT"),
        ("title", "TEXT"),
        ("published", "DATE"),
        ("month", "TEXT"),               # YYYY-MM of published ('unknown' when none)
        ("outlet", "TEXT"),
        ("authors", "TEXT"),             # JSON list
        ("language", "TEXT"),
        ("text", "TEXT"),
        ("body_start", "INTEGER"), ("body_end", "INTEGER"),
        ("headline_start", "INTEGER"), ("headline_end", "INTEGER"),
        ("dateline_start", "INTEGER"), ("dateline_end", "INTEGER"),
        ("n_entities", "INTEGER"), ("n_mentions", "INTEGER"), ("n_quotes", "INTEGER"),
        ("n_times", "INTEGER"), ("n_places", "INTEGER"), ("n_events", "INTEGER"),
        ("n_flags", "INTEGER"),
        ("run_id", "TEXT"),
        ("record", "TEXT"),              # the contract record as JSON, without "text"
        ("story_id", "TEXT"),            # its story (CONTRACT.md "Across articles"): set by ingest's
                                         # story linker in the transaction that writes the article
    ],
    "entities": [
        ("article_key", "TEXT NOT NULL"), ("entity_id", "TEXT NOT NULL"),
        ("label", "TEXT"), ("name", "TEXT"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),   # first mention: the evidence
        ("n_mentions", "INTEGER"),
        ("extra", "TEXT"),
    ],
    "mentions": [
        ("article_key", "TEXT NOT NULL"), ("entity_id", "TEXT NOT NULL"), ("seq", "INTEGER NOT NULL"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("kind", "TEXT"), ("text", "TEXT"),
    ],
    "actors": [
        ("article_key", "TEXT NOT NULL"), ("entity_id", "TEXT NOT NULL"),
        ("code", "TEXT"), ("country", "TEXT"), ("sector", "TEXT"), ("role", "TEXT"),
        ("name", "TEXT"),                                     # the entity's name
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),   # the entity's first mention
        ("extra", "TEXT"),
    ],
    "quotes": [
        ("article_key", "TEXT NOT NULL"), ("quote_id", "TEXT NOT NULL"), ("kind", "TEXT"),
        ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content", "TEXT"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue", "TEXT"),
        ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("source", "TEXT"),
        ("speaker", "TEXT"),             # entity id
        ("speaker_name", "TEXT"),
        ("via", "TEXT"),                 # JSON list of {entity, name, start, end}, outermost last
        ("extra", "TEXT"),
    ],
    "times": [
        ("article_key", "TEXT NOT NULL"), ("seq", "INTEGER NOT NULL"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"),
        ("type", "TEXT"), ("value", "TEXT"),
        ("extra", "TEXT"),
    ],
    "places": [
        ("article_key", "TEXT NOT NULL"), ("seq", "INTEGER NOT NULL"),  # seq: events.place_seq
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"),
        ("name", "TEXT"), ("geonameid", "BIGINT"),
        ("lat", "DOUBLE PRECISION"), ("lon", "DOUBLE PRECISION"),
        ("country_code", "TEXT"), ("feature_code", "TEXT"), ("entity_id", "TEXT"),
        ("extra", "TEXT"),
    ],
    "events": [
        ("article_key", "TEXT NOT NULL"), ("event_id", "TEXT NOT NULL"),
        ("event", "TEXT"), ("mode", "TEXT"), ("context", "TEXT"),  # context: JSON list
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger", "TEXT"),
        ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("sentence", "TEXT"),
        ("place_seq", "INTEGER"),
        ("date", "TEXT"),                # TIMEX3 value as the record has it
        ("day", "DATE"),                 # date when it is a full day, else null
        ("month", "TEXT"),               # YYYY-MM of date, else of the article's publication
        ("status", "TEXT"), ("attributed_to", "TEXT"),
        ("extra", "TEXT"),
        ("occurrence_id", "TEXT"),       # the real-world occurrence it is one telling of, or null
    ],
    "event_actors": [
        ("article_key", "TEXT NOT NULL"), ("event_id", "TEXT NOT NULL"),
        ("role", "TEXT NOT NULL"),       # actor | recipient
        ("seq", "INTEGER NOT NULL"), ("entity_id", "TEXT"),
    ],
    "flags": [
        ("article_key", "TEXT NOT NULL"), ("seq", "INTEGER NOT NULL"), ("kind", "TEXT"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"), ("note", "TEXT"),
        ("extra", "TEXT"),
    ],
    "runs": [
        ("run_id", "TEXT NOT NULL PRIMARY KEY"),
        ("started_at", "TIMESTAMP"), ("finished_at", "TIMESTAMP"),
        ("version", "TEXT"), ("stages", "TEXT"), ("engine", "TEXT"), ("workers", "INTEGER"),
        ("sources", "TEXT"),             # JSON list of the paths given
        ("status", "TEXT"),              # running | done | failed | interrupted (a killed run stays running)
        ("seen", "INTEGER"), ("added", "INTEGER"), ("skipped", "INTEGER"), ("errors", "INTEGER"),
        ("knowledge_digest", "TEXT"),    # newsgraph.knowledge.digest(): the tables that coded it
    ],
    "errors": [
        ("error_key", "TEXT NOT NULL PRIMARY KEY"),  # content hash (or hash of the raw line)
        ("run_id", "TEXT"), ("source", "TEXT"), ("locator", "TEXT"), ("record_id", "TEXT"),
        ("error", "TEXT"), ("created_at", "TIMESTAMP"),
    ],
}

# Columns added to a table after it first shipped, always at its end: `ddl()` adds them to a
# database made before (ADD COLUMN IF NOT EXISTS, in both engines), whose older rows keep NULL.
ADDED_COLUMNS: list[tuple[str, str]] = [("runs", "knowledge_digest"), ("articles", "story_id"),
                                        ("events", "occurrence_id")]

# Across articles (newsgraph.stories, docs/stories.md): the story linker's tables. `stories`,
# `occurrences` and `disagreements` are the corpus's (CONTRACT.md: one row per story, per
# occurrence, per version of a slot the articles disagree on) and are exported like the
# others; the `link_*` tables are the linker's memory (term counts, vectors, the article
# graph, what each event was read as), read back at the start of every ingest.
STORY_TABLES = ("stories", "occurrences", "disagreements")
TABLES.update({t: LINKER_TABLES[t] for t in STORY_TABLES})
LINK_TABLES: dict[str, list[tuple[str, str]]] = {t: cols for t, cols in LINKER_TABLES.items()
                                                 if t not in STORY_TABLES}

# The tables written per article (all in one transaction with its `articles` row).
ARTICLE_TABLES = ("articles", "entities", "mentions", "actors", "quotes", "times", "places",
                  "events", "event_actors", "flags")
CONTENT_TABLES = ARTICLE_TABLES + ("errors",)

# Indexes for the common questions: by actor, by speaker, by event type and month, by place,
# by date; and the article key of every layer table for joins back to the article.
INDEXES = [
    ("entities", ("article_key", "entity_id")),
    ("entities", ("name",)),
    ("mentions", ("article_key", "entity_id")),
    ("actors", ("article_key", "entity_id")),
    ("actors", ("country",)),
    ("actors", ("code",)),
    ("quotes", ("article_key",)),
    ("quotes", ("speaker_name",)),
    ("times", ("article_key",)),
    ("places", ("article_key", "seq")),
    ("places", ("name",)),
    ("events", ("article_key", "event_id")),
    ("events", ("event", "month")),
    ("events", ("day",)),
    ("event_actors", ("article_key", "event_id")),
    ("event_actors", ("article_key", "entity_id")),
    ("flags", ("article_key",)),
    ("articles", ("published",)),
    ("errors", ("run_id",)),
    # the linker's rows are replaced by their keys (stories.tables.KEYS) batch after batch
    ("stories", ("story_id",)),
    ("occurrences", ("occurrence_id",)),
    ("occurrences", ("story_id",)),
    ("disagreements", ("occurrence_id",)),
    ("link_terms", ("channel", "term")),
    ("link_articles", ("seq",)),
    ("link_vectors", ("seq",)),
    ("link_edges", ("seq_a",)),
    ("link_edges", ("seq_b",)),
    ("link_events", ("seq", "event_id")),
]


def columns(table: str) -> list[str]:
    return [name for name, _ in (TABLES.get(table) or LINK_TABLES[table])]


def key_columns(table: str) -> list[str]:
    """The leading columns that identify a row of one of the linker's tables."""
    return columns(table)[:LINKER_KEYS[table]]


def ddl() -> list[str]:
    """CREATE TABLE / CREATE INDEX statements, idempotent, valid in DuckDB and PostgreSQL."""
    statements = [f"CREATE TABLE IF NOT EXISTS {table} (\n    "
                  + ",\n    ".join(f"{name} {sqltype}" for name, sqltype in cols) + "\n)"
                  for table, cols in {**TABLES, **LINK_TABLES}.items()]
    types = {(table, name): sqltype for table, cols in TABLES.items() for name, sqltype in cols}
    for table, name in ADDED_COLUMNS:
        statements.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} "
                          f"{types[(table, name)]}")
    for table, cols in INDEXES:
        statements.append(f"CREATE INDEX IF NOT EXISTS ix_{table}_{'_'.join(cols)} "
                          f"ON {table} ({', '.join(cols)})")
    statements.append("CREATE TABLE IF NOT EXISTS newsgraph_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT)")
    return statements
