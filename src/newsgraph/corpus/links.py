"""Stories and occurrences in the corpus: ingest's side of newsgraph.stories.

    linker = CorpusLinker.load(store)          # the linker's state as the store holds it
    linker.add(article_key, record)            # each stored article, in source order
    store.write_batch(rows, errors, linker.take())

Every article an ingest stores is linked here, in the parent process, one record at a time in
the order the sources give them, whatever engine analysed it (local pool, Dask) and whatever
store holds the corpus: so the ids are the same for all of them, and an ingest in two runs
gives the ids of one (the state round-trips through the store exactly). `take()` hands over,
with each batch, what the batch changed: the linker's rows (`LinkerState.take_changes`: deletes,
then rows replacing those with the same keys) and the new story of every article linked or
moved and the occurrence of each of their events; `apply_links` writes them inside the
batch's own transaction, after its articles, so a reader never sees an article without its
story and a run killed at any point resumes from a state that matches the rows it committed.

Articles stored before the corpus had stories (an older database) are linked when the next
ingest starts (`backfill`), by publication date, then key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..stories import Changes, LinkerState, StoryLinker
from ..stories.tables import TABLES as LINKER_TABLES
from .rows import record_of
from .schema import STORY_TABLES, columns, key_columns

# what LinkerState.from_rows reads; stories, occurrences and disagreements it rebuilds itself
STATE_TABLES = ("link_meta", "link_terms", "link_articles", "link_vectors", "link_edges", "link_events")
BACKFILL_CHUNK = 500  # stored records read at a time when linking an older corpus


@dataclass
class LinkRows:
    """What one batch changes across articles, for `apply_links`."""

    changes: Changes = field(default_factory=Changes)
    stories: dict[str, str] = field(default_factory=dict)          # article key -> story id
    occurrences: dict[tuple[str, str], Optional[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.stories or self.occurrences or self.changes.delete
                    or any(self.changes.upsert.values()))


class CorpusLinker:
    """A StoryLinker over the store's tables, collecting each batch's changes."""

    def __init__(self, state: Optional[LinkerState] = None):
        self.linker = StoryLinker(state)
        self.pending = LinkRows()

    @classmethod
    def load(cls, store) -> "CorpusLinker":
        """The linker with the state the store holds (an empty one for a new corpus)."""
        return cls(LinkerState.from_rows(read_state(store)))

    def add(self, key: str, record: dict) -> str:
        """Link one stored article; returns its story id."""
        result = self.linker.link(record, key=key, outlet=record.get("outlet"))
        self.pending.stories[key] = result.story_id
        self.pending.stories.update(result.moved)
        self.pending.occurrences.update(result.occurrences)
        return result.story_id

    def take(self) -> LinkRows:
        """The rows to write with the batch (and a fresh collection for the next one)."""
        out, self.pending = self.pending, LinkRows()
        out.changes = self.linker.state.take_changes()
        return out


def forget_without_articles(store) -> bool:
    """Empty the linker's tables and the stories when the corpus holds no article: rows left by
    articles removed by hand (their tables dropped or emptied) are the memory of nothing, and
    would link the next articles to stories no longer there. Returns whether it emptied them."""
    _, any_article = store.query("SELECT 1 FROM articles LIMIT 1")
    if any_article:
        return False
    _, any_link = store.query("SELECT 1 FROM link_articles LIMIT 1")
    if not any_link:
        return False
    for table in STATE_TABLES + STORY_TABLES:
        store.execute(f"DELETE FROM {table}")
    return True


def read_state(store) -> dict[str, list[tuple]]:
    """The rows of the linker's tables, as `LinkerState.from_rows` reads them. Of the events,
    only those of stories with an article still inside the time window: the others are frozen
    and would be dropped again."""
    rows = {}
    for table in STATE_TABLES:
        cols = ", ".join(f"t.{c}" for c in columns(table))
        sql = f"SELECT {cols} FROM {table} t"
        if table == "link_events":
            sql += (" JOIN link_articles a ON a.seq = t.seq WHERE a.story_id IN "
                    "(SELECT story_id FROM link_articles WHERE active = 1)")
        rows[table] = store.query(sql)[1]
    return rows


def backfill(store, linker: CorpusLinker) -> int:
    """Link the stored articles that have no story yet (stored before the corpus had stories),
    by publication date, then key; writes what changed. Returns how many were linked."""
    _, found = store.query("SELECT article_key, published FROM articles WHERE story_id IS NULL")
    if not found:
        return 0
    order = [key for key, _ in sorted(found, key=lambda r: (_day(r[1]) or date.max, r[0]))]
    for i in range(0, len(order), BACKFILL_CHUNK):
        part = order[i:i + BACKFILL_CHUNK]
        marks = ", ".join(f":k{j}" for j in range(len(part)))
        _, stored = store.query(f"SELECT article_key, record, text FROM articles WHERE article_key IN ({marks})",
                                {f"k{j}": key for j, key in enumerate(part)})
        records = {key: record_of(record, text or "") for key, record, text in stored}
        for key in part:
            linker.add(key, records[key])
        store.write_links(linker.take())
    return len(order)


def _day(value) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- writing them (inside a store's transaction) --------------------------------------------

def apply_links(store, con, links: LinkRows) -> None:
    """Write a batch's LinkRows on the connection `con` of `store`, in its open transaction:
    the linker's deletes, its rows replacing those with the same keys, then the story of each
    article and the occurrence of each event it names."""
    for (table, column), values in _grouped_deletes(links.changes.delete).items():
        for i in range(0, len(values), 500):
            part = values[i:i + 500]
            marks = ", ".join(store._placeholder(j) for j in range(len(part)))
            con.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", part)
    for table, rows in links.changes.upsert.items():
        if rows:
            _replace(store, con, table, rows)
    if links.stories:
        _update(store, con, "articles", [("article_key", "TEXT"), ("story_id", "TEXT")],
                sorted(links.stories.items()))
    if links.occurrences:
        _update(store, con, "events", [("article_key", "TEXT"), ("event_id", "TEXT"), ("occurrence_id", "TEXT")],
                sorted((k, e, o) for (k, e), o in links.occurrences.items()))


def _grouped_deletes(deletes) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for table, where in deletes:
        (column, value), = where.items()
        out.setdefault((table, column), []).append(value)
    return out


def _replace(store, con, table: str, rows: list[tuple]) -> None:
    """Rows replacing those with the same key columns (a key may hold NULL: disagreements)."""
    keys = key_columns(table)
    rows = list({tuple(r[:len(keys)]): r for r in rows}.values())  # the last row of a key wins
    types = LINKER_TABLES[table]
    stage = store._stage(con, f"_ng_stage_{table}", [(c, t.replace(" NOT NULL", "")) for c, t in types], rows)
    try:
        match = " AND ".join(f"{table}.{k} = s.{k}" if "NOT NULL" in t else f"{table}.{k} IS NOT DISTINCT FROM s.{k}"
                             for k, (_, t) in zip(keys, types))
        con.execute(f"DELETE FROM {table} USING {stage} s WHERE {match}")
        cols = ", ".join(columns(table))
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {stage}")
    finally:
        store._unstage(con, stage)


def _update(store, con, table: str, cols: list[tuple[str, str]], rows: list[tuple]) -> None:
    """Set the last column of `cols` on the rows of `table` matching the others."""
    stage = store._stage(con, f"_ng_set_{table}", cols, rows)
    try:
        *keys, (value, _) = cols
        match = " AND ".join(f"{table}.{k} = s.{k}" for k, _ in keys)
        con.execute(f"UPDATE {table} SET {value} = s.{value} FROM {stage} s WHERE {match}")
    finally:
        store._unstage(con, stage)

