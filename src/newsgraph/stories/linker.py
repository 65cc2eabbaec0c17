"""StoryLinker: one analysed record in, its story (and its events' occurrences) out.

    linker = StoryLinker()                      # or StoryLinker(LinkerState.from_rows(rows))
    for record in records:                      # contract records, in ingest order
        result = linker.link(record, key=article_key)
        result.story_id, result.moved           # moved: earlier articles whose story changed
    rows = linker.state.to_rows()               # or linker.state.take_changes() per batch

How a story is decided (docs/stories.md has examples):
1. The record's words, names, persons, numbers, years, lead and places are counted
   (terms.py) and weighed into TF-IDF vectors with the statistics of the moment (vectors.py).
2. Blocking (index.py) picks the earlier articles worth comparing: those sharing a strong word
   or a name, within the time window.
3. Each of those gets a link probability (similarity.py); links above a floor are kept: the
   article graph.
4. The new article and the latest members of the stories it links to most are clustered
   again by average link (clustering.py); the groups keep the old story ids where they can.

Deterministic: the same records in the same order give the same ids, whatever the store,
however many runs they are ingested in (the state round-trips through its rows exactly).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from .clustering import average_link, carry_ids
from .config import LinkerConfig
from .events import event_profiles
from .similarity import ArticleVectors, LinkModel, load_model, pair_features, time_decay
from .state import LinkedArticle, LinkerState
from .terms import CHANNELS, article_terms
from .when import article_time


@dataclass
class LinkResult:
    """Where one article went: its story, and the earlier articles that changed story with
    it (article key -> new story id); `removed_stories`: ids no longer used (merged away)."""

    article_key: str
    story_id: str
    moved: dict[str, str] = field(default_factory=dict)
    removed_stories: list[str] = field(default_factory=list)
    # (article key, event id) -> occurrence id, for this article's events and those of the
    # articles that moved
    occurrences: dict[tuple[str, str], Optional[str]] = field(default_factory=dict)


class StoryLinker:
    """Assigns stories incrementally over a `LinkerState` (see the module docstring)."""

    def __init__(self, state: Optional[LinkerState] = None, *, config: Optional[LinkerConfig] = None,
                 model: Optional[LinkModel] = None,
                 observer: Optional[Callable[[LinkedArticle, LinkedArticle, dict], None]] = None):
        """`observer(new, earlier, features)` sees every pair compared (for fitting the model
        and for diagnostics); it must not change anything."""
        self.state = state or LinkerState(config)
        self.config = self.state.config
        if model is None and self.state.model is not None:
            model = LinkModel(self.state.model["weights"], self.state.model["threshold"])
        self.model = model or load_model()
        self.state.model = {"weights": dict(self.model.weights), "threshold": self.model.threshold}
        self.observer = observer

    def link(self, record: dict, key: Optional[str] = None, outlet: Optional[str] = None) -> LinkResult:
        """Link one analysed record (CONTRACT.md); `key` identifies the article (default: its
        id), `outlet` its publication (default: the record's `outlet`). A key seen before is not
        linked again: its current story is returned."""
        state = self.state
        key = key if key is not None else record["id"]
        if key in state.by_key:
            return LinkResult(key, state.articles[state.by_key[key]].story)
        article = self._profile(record, key, outlet if outlet is not None else record.get("outlet"))
        self._connect(article)
        pool = self._pool(article.seq)
        groups = average_link(pool, state.edges, self.model.threshold)
        before = {s: state.articles[s].story for s in pool if s != article.seq}
        ids = carry_ids(groups, before, state.new_story_id)
        moved = self._apply(ids, before)
        state.link_events(article.seq, event_profiles(record, article.seq, article.time))
        for seq in moved:
            state.link_events(seq, state.book.events_of.get(seq, []))
        if state.counters["seq"] % self.config.evict_every == 0:
            state.evict_old()
        removed = sorted({s for s in before.values() if s not in state.members})
        occurrences = {(state.articles[e.seq].key, e.event_id): state.book.of_event.get((e.seq, e.event_id))
                       for seq in [article.seq] + moved for e in state.book.events_of.get(seq, [])}
        return LinkResult(key, article.story,
                          {state.articles[s].key: state.articles[s].story for s in moved}, removed,
                          occurrences)

    # --- the steps ----------------------------------------------------------------------
    def _profile(self, record: dict, key: str, outlet) -> LinkedArticle:
        """Count the record's terms, weigh its vectors and keep it (without a story yet)."""
        terms = article_terms(record)
        self.state.count_terms(terms.counts)
        vectors = {c: self.state.stats.vector(c, terms.counts[c]) for c in CHANNELS}
        time = article_time(record)
        article = LinkedArticle(self.state.next_seq(), key, "", outlet if isinstance(outlet, str) else None, time,
                                ArticleVectors(vectors, terms.person_shares, time))
        return article

    def _connect(self, article: LinkedArticle) -> None:
        """Compare the article with its candidates; keep the links above the floor."""
        state, config = self.state, self.config
        keys = state.add_article(article)
        candidates = state.index.candidates(keys, article.time.ordinal)
        mine = article.vectors
        for seq in candidates:
            other = state.articles[seq]
            if seq == article.seq or other.vectors is None:
                continue
            features = pair_features(mine, other.vectors, config.same_days, config.other_days)
            if self.observer:
                self.observer(article, other, features)
            p = self.model.probability(features) * time_decay(article.time, other.time,
                                                              config.same_days, config.decay_days)
            if p >= config.edge_floor:
                state.add_edge(article.seq, seq, p)

    def _pool(self, seq: int) -> list[int]:
        """The new article and the latest `pool_members` of each of the `neighbour_stories`
        stories it links to most strongly (members still inside the time window only: the
        others have no links any more)."""
        state = self.state
        strongest: dict[str, float] = {}
        for other, p in state.edges.get(seq, {}).items():
            story = state.articles[other].story
            strongest[story] = max(strongest.get(story, 0.0), p)
        stories = sorted(strongest, key=lambda s: (-strongest[s], s))[:self.config.neighbour_stories]
        pool = {seq}
        for story in stories:
            active = [s for s in state.members[story] if state.articles[s].vectors is not None]
            pool.update(active[-self.config.pool_members:])
        return sorted(pool)

    def _apply(self, ids: dict[int, str], before: dict[int, str]) -> list[int]:
        """Give each pool member its group's story. A story whose pooled members all went to
        one other story, and whose id no group kept, follows them whole (its older members
        too): that is a merge, not a split. Returns the earlier articles that moved."""
        state = self.state
        kept = set(ids.values())
        whole: dict[str, str] = {}
        for old in set(before.values()):
            targets = {ids[s] for s, o in before.items() if o == old}
            if len(targets) == 1 and old not in kept:
                whole[old] = next(iter(targets))
        moved = []
        for seq, story in sorted(ids.items()):
            if before.get(seq) != story:
                state.assign(seq, story)
                if seq in before:
                    moved.append(seq)
        for old, target in sorted(whole.items()):
            for seq in list(state.members.get(old, ())):
                state.assign(seq, target)
                moved.append(seq)
        return sorted(set(moved))
