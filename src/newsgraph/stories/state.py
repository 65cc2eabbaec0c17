"""What the linker knows, as plain tables a store can keep and give back.

`LinkerState` holds every article the linker has seen (its story, outlet, time), the vectors
and index of the articles still inside the time window, the article graph (`edges`), the
stories and the occurrences. `to_rows()` writes it all as rows of the tables of tables.py
(SQL types that DuckDB and PostgreSQL both accept); `from_rows()` reads them back into the
same state, so a
corpus ingested in two runs links exactly as one ingested at once, and the ids do not depend
on the store. `take_changes()` gives only what changed since the last call, for a store that
writes each batch's rows in one transaction.

Floats survive the round trip exactly (DOUBLE PRECISION; JSON writes a float's repr).
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .config import LinkerConfig
from .events import EventProfile
from .index import CandidateIndex, IndexKey, index_keys
from .occurrences import Occurrence, OccurrenceBook
from .similarity import ArticleVectors
from .tables import (TABLES, article_from_row, article_row, event_from_row, event_row,
                     occurrence_rows, story_row, vector_rows)
from .terms import CHANNELS
from .vectors import TermStats
from .when import ArticleTime

@dataclass
class LinkedArticle:
    """One article as the linker keeps it; `vectors` is None once it left the time window."""

    seq: int
    key: str
    story: str
    outlet: Optional[str]
    time: ArticleTime
    vectors: Optional[ArticleVectors] = None


@dataclass
class Changes:
    """What changed since the last `take_changes()`. A store applies `delete` first (each item
    a table and {column: value}: delete the rows that match), then `upsert` (rows replacing
    those with the same KEYS columns, or new)."""

    delete: list[tuple[str, dict]] = field(default_factory=list)
    upsert: dict[str, list[tuple]] = field(default_factory=dict)


class LinkerState:
    """The linker's memory. Articles are numbered in ingest order (`seq`, from 1)."""

    def __init__(self, config: Optional[LinkerConfig] = None):
        self.config = config or LinkerConfig()
        self.stats = TermStats()
        self.articles: dict[int, LinkedArticle] = {}
        self.by_key: dict[str, int] = {}
        self.index = CandidateIndex(self.config)
        self.edges: dict[int, dict[int, float]] = {}
        self.members: dict[str, list[int]] = {}     # story id -> its articles, in ingest order
        self.counters = {"seq": 0, "story": 0, "occurrence": 0}
        self.model: Optional[dict] = None   # the link model the corpus was started with
        self.book = OccurrenceBook()
        self.newest_day: Optional[int] = None
        self._dirty_articles: set[int] = set()
        self._dirty_stories: set[str] = set()
        self._removed_stories: set[str] = set()
        self._new_vectors: list[int] = []
        self._new_edges: list[tuple[int, int]] = []
        self._dirty_terms: set[tuple[str, str]] = set()
        self._evicted: list[int] = []
        self._dirty_events: set[int] = set()          # articles whose events changed occurrence
        self._held: dict[str, list[tuple]] = {"link_events": [], "occurrences": [], "disagreements": []}
        self._held_occurrences: set[str] = set()      # their rows are in _held
        self._dirty_occurrences: set[str] = set()
        self._removed_occurrences: set[str] = set()

    # --- changing the state -------------------------------------------------------------
    def next_seq(self) -> int:
        self.counters["seq"] += 1
        return self.counters["seq"]

    def new_story_id(self) -> str:
        self.counters["story"] += 1
        return f"S{self.counters['story']:06d}"

    def new_occurrence_id(self) -> str:
        self.counters["occurrence"] += 1
        return f"O{self.counters['occurrence']:07d}"

    def link_events(self, seq: int, events: list[EventProfile]) -> None:
        """Link an article's events in its story (after taking them out of any they were in)."""
        _, touched, removed = self.book.unlink(seq)
        touched |= self.book.link(self.articles[seq].story, events, self.new_occurrence_id)
        self._dirty_occurrences |= touched
        self._removed_occurrences |= removed
        self._removed_occurrences -= touched
        self._dirty_occurrences -= self._removed_occurrences
        self._dirty_events.add(seq)

    def count_terms(self, counts) -> None:
        self.stats.add(counts)
        for channel, terms in counts.items():
            self._dirty_terms.update((channel, t) for t in terms)

    def add_article(self, article: LinkedArticle) -> list[IndexKey]:
        """Keep a new article (its story is set by `assign`) and index it."""
        self.articles[article.seq] = article
        self.by_key[article.key] = article.seq
        keys = index_keys(article.vectors.vectors, self.config)
        self.index.add(article.seq, keys, article.time.ordinal)
        self._dirty_articles.add(article.seq)
        self._new_vectors.append(article.seq)
        day = article.time.ordinal
        if day is not None and (self.newest_day is None or day > self.newest_day):
            self.newest_day = day
        return keys

    def add_edge(self, a: int, b: int, p: float) -> None:
        self.edges.setdefault(a, {})[b] = p
        self.edges.setdefault(b, {})[a] = p
        self._new_edges.append((min(a, b), max(a, b)))

    def assign(self, seq: int, story: str) -> None:
        """Put an article in a story (taking it out of the one it was in)."""
        article = self.articles[seq]
        old = article.story
        if old == story and seq in self.members.get(story, ()):
            return
        if old and old in self.members:
            self.members[old].remove(seq)
            self._dirty_stories.add(old)
            if not self.members[old]:
                del self.members[old]
                self._removed_stories.add(old)
        article.story = story
        bisect.insort(self.members.setdefault(story, []), seq)
        self._removed_stories.discard(story)
        self._dirty_stories.add(story)
        self._dirty_articles.add(seq)

    def evict_old(self) -> None:
        """Forget the vectors, index entries and links of articles published more than twice
        the window before the newest one: no new article will be compared with them. A story
        left with no article inside the window is frozen (nothing can join it any more): its
        events and occurrences leave memory too (their rows were handed out already)."""
        if self.newest_day is None:
            return
        horizon = self.newest_day - 2 * self.config.window_days
        stories = set()
        for seq in sorted(self.index.day):
            article = self.articles[seq]
            if article.time.ordinal is not None and article.time.ordinal < horizon:
                self.index.remove(seq, index_keys(article.vectors.vectors, self.config))
                article.vectors = None
                for other in self.edges.pop(seq, {}):
                    self.edges.get(other, {}).pop(seq, None)
                self._dirty_articles.add(seq)
                self._evicted.append(seq)
                stories.add(article.story)
        self.forget_frozen(stories)

    def forget_frozen(self, stories) -> None:
        """Drop the events and occurrences of those of `stories` with no active article (the
        rows of those changed since the last `take_changes` are kept for it first)."""
        for story in sorted(stories):
            members = self.members.get(story, ())
            if any(self.articles[s].vectors is not None for s in members):
                continue
            for seq in members:
                if seq in self._dirty_events:
                    self._held["link_events"].extend(self.event_rows(seq))
                    self._dirty_events.discard(seq)
            for oid in self.book.by_story.pop(story, []):
                if oid in self._dirty_occurrences:
                    row, versions = self.occurrence_rows(oid)
                    self._held["occurrences"].append(row)
                    self._held["disagreements"].extend(versions)
                    self._dirty_occurrences.discard(oid)
                    self._held_occurrences.add(oid)
                for e in self.book.occurrences.pop(oid).members:
                    self.book.of_event.pop((e.seq, e.event_id), None)
            for seq in members:
                self.book.events_of.pop(seq, None)

    # --- reading it -----------------------------------------------------------------------
    def event_rows(self, seq: int) -> list[tuple]:
        return [event_row(e, self.book.of_event.get((e.seq, e.event_id)))
                for e in self.book.events_of.get(seq, [])]

    def occurrence_rows(self, oid: str) -> tuple[tuple, list[tuple]]:
        return occurrence_rows(self.book.occurrences[oid], self.articles)

    def story_row(self, story: str) -> tuple:
        return story_row(story, [self.articles[s] for s in self.members[story]])

    def meta_rows(self) -> list[tuple]:
        rows = [("config", json.dumps(self.config.as_dict(), sort_keys=True)),
                ("counters", json.dumps(self.counters, sort_keys=True))]
        if self.model is not None:
            rows.append(("model", json.dumps(self.model, sort_keys=True)))
        return rows

    def to_rows(self) -> dict[str, list[tuple]]:
        """Every table, whole: all the linker holds. (The events, occurrences and disagreements
        of frozen stories, see `evict_old`, are only in the store: `take_changes` gave them.)"""
        rows = {t: [] for t in TABLES}
        rows["link_meta"] = self.meta_rows()
        rows["link_terms"] = self.stats.rows()
        for seq in sorted(self.articles):
            a = self.articles[seq]
            rows["link_articles"].append(article_row(a))
            if a.vectors is not None:
                rows["link_vectors"].extend(vector_rows(a))
        rows["link_edges"] = sorted((a, b, p) for a, nb in self.edges.items() for b, p in nb.items() if a < b)
        rows["stories"] = [self.story_row(s) for s in sorted(self.members)]
        for seq in sorted(self.book.events_of):
            rows["link_events"].extend(self.event_rows(seq))
        for oid in sorted(self.book.occurrences):
            row, versions = self.occurrence_rows(oid)
            rows["occurrences"].append(row)
            rows["disagreements"].extend(versions)
        return rows

    def take_changes(self) -> Changes:
        """The rows changed since the last call (or since the state was read)."""
        out = Changes()
        for seq in self._evicted:
            out.delete += [("link_vectors", {"seq": seq}), ("link_edges", {"seq_a": seq}),
                           ("link_edges", {"seq_b": seq})]
        out.delete += [("stories", {"story_id": s}) for s in sorted(self._removed_stories)]
        out.delete += [("occurrences", {"occurrence_id": o}) for o in sorted(self._removed_occurrences)]
        # an occurrence's disagreements are replaced whole
        out.delete += [("disagreements", {"occurrence_id": o})
                       for o in sorted(self._dirty_occurrences | self._removed_occurrences
                                       | self._held_occurrences)]
        up = out.upsert
        up["link_meta"] = self.meta_rows()
        up["link_terms"] = [("", "", self.stats.n_articles)] + [
            (c, t, self.stats.df[c][t]) for c, t in sorted(self._dirty_terms)]
        up["link_articles"] = [article_row(self.articles[s]) for s in sorted(self._dirty_articles)]
        up["link_vectors"] = [r for s in self._new_vectors if self.articles[s].vectors
                              for r in vector_rows(self.articles[s])]
        up["link_edges"] = [(a, b, self.edges[a][b]) for a, b in self._new_edges if b in self.edges.get(a, {})]
        up["stories"] = [self.story_row(s) for s in sorted(self._dirty_stories) if s in self.members]
        up["link_events"] = [r for s in sorted(self._dirty_events) for r in self.event_rows(s)]
        up["link_events"] = self._held["link_events"] + up["link_events"]
        up["occurrences"], up["disagreements"] = self._held["occurrences"], self._held["disagreements"]
        self._held = {"link_events": [], "occurrences": [], "disagreements": []}
        for oid in sorted(self._dirty_occurrences):
            row, versions = self.occurrence_rows(oid)
            up["occurrences"].append(row)
            up["disagreements"].extend(versions)
        for pending in (self._dirty_terms, self._dirty_articles, self._new_vectors, self._new_edges,
                        self._dirty_stories, self._removed_stories, self._evicted, self._dirty_events,
                        self._dirty_occurrences, self._removed_occurrences, self._held_occurrences):
            pending.clear()
        return out

    @classmethod
    def from_rows(cls, rows: dict[str, Iterable[tuple]]) -> "LinkerState":
        """The state `to_rows()` (or a store holding its rows and changes) describes."""
        meta = {k: v for k, v in rows.get("link_meta", ())}
        config = LinkerConfig(**json.loads(meta["config"])) if "config" in meta else LinkerConfig()
        state = cls(config)
        if "counters" in meta:
            state.counters.update(json.loads(meta["counters"]))
        if "model" in meta:
            state.model = json.loads(meta["model"])
        state.stats = TermStats.from_rows(rows.get("link_terms", ()))
        vectors: dict[int, dict[str, dict[str, float]]] = {}
        for seq, channel, term, w in sorted(rows.get("link_vectors", ()), key=lambda r: (r[0], r[1], -r[3], r[2])):
            vectors.setdefault(seq, {c: {} for c in CHANNELS})[channel][term] = w
        for row in sorted(rows.get("link_articles", ())):
            seq, key, story, outlet, time, shares = article_from_row(row)
            vecs = ArticleVectors(vectors[seq], shares, time) if shares is not None else None
            article = LinkedArticle(seq, key, story, outlet, time, vecs)
            state.articles[seq] = article
            state.by_key[key] = seq
            state.members.setdefault(story, []).append(seq)
            if vecs is not None:
                state.index.add(seq, index_keys(vecs.vectors, config), time.ordinal)
            if time.ordinal is not None and (state.newest_day is None or time.ordinal > state.newest_day):
                state.newest_day = time.ordinal
        events: dict[int, list[EventProfile]] = {}
        for row in sorted(rows.get("link_events", ()), key=lambda r: (r[0], r[3])):
            e, oid = event_from_row(row)
            seq, event_id, event = e.seq, e.event_id, e.event
            events.setdefault(seq, []).append(e)
            if oid is not None:
                o = state.book.occurrences.get(oid)
                if o is None:
                    o = state.book.occurrences[oid] = Occurrence(oid, state.articles[seq].story, event)
                o.add(e)
                state.book.of_event[(seq, event_id)] = oid
        state.book.events_of = events
        for oid in sorted(state.book.occurrences):
            state.book.by_story.setdefault(state.book.occurrences[oid].story, []).append(oid)
        for a, b, p in rows.get("link_edges", ()):
            if a in state.articles and b in state.articles:
                state.edges.setdefault(a, {})[b] = p
                state.edges.setdefault(b, {})[a] = p
        state.forget_frozen(list(state.members))
        state.take_changes()  # what was read is stored already
        return state
