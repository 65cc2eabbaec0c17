"""Blocking: which earlier articles a new one is compared with, without comparing every pair.

Every article is indexed under its strongest words and its names (the keys of its vectors
that say most about it). A new article is compared only with the articles that share at
least one key with it, those sharing most first, at most `max_candidates` of them, and (when
both have publication dates) only within `window_days`. Of a key's posting list only the
latest `max_postings` articles are looked at: a word in every other article's top words is
no help in finding one happening, and old articles are the least likely to continue. (The
lists keep every article still in the window, so that they are rebuilt exactly from the
stored vectors.)
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from .config import LinkerConfig
from .vectors import Vector

IndexKey = tuple[str, str]   # (channel, term)


def index_keys(vectors: dict[str, Vector], config: LinkerConfig) -> list[IndexKey]:
    """The keys an article is found under: its `index_words` strongest words and its
    `index_names` strongest names (vectors are sorted strongest first)."""
    words = list(vectors["words"])[:config.index_words]
    names = list(vectors["names"])[:config.index_names]
    return [("words", t) for t in words] + [("names", t) for t in names]


class CandidateIndex:
    """Posting lists key -> article numbers (ingest order), with each article's day."""

    def __init__(self, config: LinkerConfig):
        self.config = config
        self.postings: dict[IndexKey, list[int]] = {}
        self.day: dict[int, Optional[int]] = {}   # article -> ordinal of its publication day

    def add(self, seq: int, keys: Iterable[IndexKey], day: Optional[int]) -> None:
        self.day[seq] = day
        for key in keys:
            self.postings.setdefault(key, []).append(seq)

    def remove(self, seq: int, keys: Iterable[IndexKey]) -> None:
        """Forget an article (out of every time window from now on)."""
        self.day.pop(seq, None)
        for key in keys:
            posting = self.postings.get(key)
            if posting and seq in posting:
                posting.remove(seq)
                if not posting:
                    del self.postings[key]

    def candidates(self, keys: Iterable[IndexKey], day: Optional[int]) -> list[int]:
        """Articles sharing a key with the new one, most keys shared first (then the latest),
        within the time window; at most `max_candidates`."""
        shared: Counter = Counter()
        latest = self.config.max_postings
        for key in keys:
            for seq in self.postings.get(key, ())[-latest:]:
                shared[seq] += 1
        window = self.config.window_days
        if day is not None:
            shared = Counter({s: n for s, n in shared.items()
                              if self.day.get(s) is None or abs(self.day[s] - day) <= window})
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], -kv[0]))
        return sorted(s for s, _ in ranked[:self.config.max_candidates])
