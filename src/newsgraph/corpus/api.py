"""The Python API of a corpus: recipes and SQL as DataFrames; stories and views as plain data.

    >>> import newsgraph
    >>> corpus = newsgraph.Corpus("corpus.duckdb")
    >>> corpus.ingest(["articles/"])                      # idempotent, resumable
    >>> corpus.events(actor="RUS", recipient="PRK")       # a DataFrame, one row per event
    >>> corpus.timeline("RUS", "PRK")                     # events between them by month
    >>> corpus.stories(min_articles=2)                    # stories, most told first (dicts)
    >>> corpus.story("S000042")["disagreements"]          # one story, by section (dicts)
    >>> corpus.sql("SELECT event, count(*) FROM events GROUP BY 1")
    >>> corpus.actor("RUS")["counterparts"]               # plain data, as the explorer shows it

The story methods, like the explorer's, return plain data (lists of dicts of JSON values,
dates as ISO strings) rather than DataFrames; `pandas.DataFrame(corpus.stories())` gives the
frame.

`Corpus` opens the DuckDB file (read-only unless it ingests) or the PostgreSQL URL only while
a call runs, so it can be used while another process ingests into the same database.
"""
from __future__ import annotations

from typing import Optional

from . import query as recipes
from .store import Store, open_store


class Corpus:
    """A corpus database: DuckDB file path (default) or postgresql:// URL."""

    def __init__(self, db: str = "corpus.duckdb"):
        self.db = db
        self._reader: Optional[Store] = None

    @property
    def store(self) -> Store:
        """A read-only store (DuckDB) or the PostgreSQL store."""
        if self._reader is None:
            self._reader = open_store(self.db, read_only=True)
        return self._reader

    def __repr__(self) -> str:
        return f"Corpus({self.db!r})"

    # -- writing ---------------------------------------------------------------------------
    def ingest(self, paths, **options):
        """Ingest files or folders (see `corpus.ingest.ingest` for the options); returns stats."""
        from .ingest import ingest

        return ingest([paths] if isinstance(paths, str) else list(paths), self.db, **options)

    def export(self, fmt: str, output: str) -> int:
        """Export as parquet | csv | jsonl | plover | gdelt to `output`; returns rows written."""
        from .export import export

        return export(self.store, fmt, output)

    # -- reading ---------------------------------------------------------------------------
    def sql(self, sql: str, params: Optional[dict] = None):
        """Any SQL (`:name` parameters) as a DataFrame."""
        return self.store.dataframe(sql, params)

    def table(self, name: str, limit: Optional[int] = None):
        from .schema import TABLES

        if name not in TABLES:
            raise ValueError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        return self.sql(f"SELECT * FROM {name}" + (f" LIMIT {int(limit)}" if limit else ""))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self.store.counts()

    def events(self, actor: Optional[str] = None, recipient: Optional[str] = None,
               event: Optional[str] = None, since=None, until=None, both_ways: bool = False,
               limit: Optional[int] = None, min_sources: Optional[int] = None):
        """Events, one row each, with their occurrence, story and sources; `actor`/`recipient`
        as country, code (prefix) or name; `min_sources`: only events whose occurrence that
        many sources (distinct outlets) tell."""
        return self.sql(*recipes.events(actor, recipient, event, since, until, both_ways, limit, min_sources))

    def timeline(self, actor: str, recipient: str, both_ways: bool = True, event: Optional[str] = None,
                 since=None, until=None):
        """Events between two actors by month and type."""
        return self.sql(*recipes.timeline(actor, recipient, both_ways, event, since, until))

    def quotes(self, speaker: str, since=None, until=None, limit: Optional[int] = None):
        """Quotes by a speaker (name substring, or actor code/country)."""
        return self.sql(*recipes.quotes(speaker, since, until, limit))

    def places(self, since=None, until=None, event: Optional[str] = None):
        """Places of events in a date range, with counts and event types."""
        return self.sql(*recipes.places(since, until, event))

    def dyads(self, top: int = 20, by: str = "country", event: Optional[str] = None, since=None, until=None):
        """The most active actor pairs."""
        return self.sql(*recipes.dyads(top, by, event, since, until))

    # -- plain data (lists of dicts): stories, and the explorer's views (`newsgraph serve`) -----
    def stories(self, min_articles: int = 1, since=None, until=None,
                limit: Optional[int] = None) -> list[dict]:
        """Stories, most told first, one dict each: story_id, articles, outlets,
        first_published, last_published (ISO dates), headline (of its first article), occurrences,
        shared_occurrences (told by more than one article) and disagreements (slots);
        `since`/`until` keep the stories published in that range."""
        return self.store.dicts(*recipes.stories(min_articles, since, until, limit))

    def story(self, story_id: str) -> Optional[dict]:
        """One story, or None when the corpus has no such story: `story` (its row of
        `stories()`) and lists of dicts by section: `articles` (in publication order),
        `occurrences` (most told first), `tellings` (who says what: each event of an
        occurrence with its article, outlet, trigger, status, according_to and sentence) and
        `disagreements` (each version of a slot with its article and evidence span);
        query.story documents the columns."""
        sections = {name: self.store.dicts(sql, params) for name, (sql, params) in recipes.story(story_id).items()}
        if not sections["story"]:
            return None
        sections["story"] = sections["story"][0]
        return sections

    def article(self, key: str) -> Optional[dict]:
        """One article by key: its columns and its whole contract record (with text)."""
        from .article import article

        return article(self.store, key)

    def search(self, text: Optional[str] = None, actor: Optional[str] = None, outlet: Optional[str] = None,
               event: Optional[str] = None, place: Optional[str] = None, since=None, until=None,
               limit: int = 50, offset: int = 0) -> dict:
        """Articles matching words (all of them), an actor, outlet, event type, place, dates."""
        from .search import ArticleFilter, find_articles

        f = ArticleFilter(text, actor, outlet, event, place, since, until)
        return find_articles(self.store, f, limit, offset)

    def actor(self, actor: str, limit: int = 50, since=None, until=None) -> dict:
        """An actor's names, codes, quotes by and about it, events both ways, counterparts."""
        from .profile import actor_profile

        return actor_profile(self.store, actor, limit, since, until)

    def top_actors(self, limit: int = 30) -> list[dict]:
        """The countries whose actors appear in the most articles."""
        from .profile import top_actors

        return top_actors(self.store, limit)

    def dyad(self, a: str, b: str, event: Optional[str] = None, since=None, until=None,
             limit: int = 100, offset: int = 0) -> dict:
        """Events between two actors, both directions: by month and type, and one by one (a
        page of `limit` after the first `offset`; `total` counts them all)."""
        from .relations import dyad

        return dyad(self.store, a, b, event, since, until, limit, offset)

    def network(self, by: str = "country", top: int = 60, event: Optional[str] = None,
                since=None, until=None) -> dict:
        """Actors linked by events: nodes and links of the most active pairs."""
        from .relations import network

        return network(self.store, by, top, event, since, until)

    def event_places(self, event: Optional[str] = None, since=None, until=None) -> dict:
        """Where events happened: resolved places with counts and types."""
        from .relations import event_places

        return event_places(self.store, event, since, until)
