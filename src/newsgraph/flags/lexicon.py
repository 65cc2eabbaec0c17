"""The loaded-language lexicon: `knowledge/loaded_language.tsv`, read once into a first-word index."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..knowledge import read_table, read_words

CATEGORIES = frozenset({"label", "disease", "speech", "euphemism", "advocacy"})
CONDITIONS = frozenset({"", "noun", "speech"})
LOADED_COLUMNS = ("phrase", "category", "condition", "source", "reason")
FLAG_WORD_KINDS = ("calling", "naming", "neutral_modifier")
_SPLIT = re.compile(r"[\s\-‐‑]+")


@dataclass(frozen=True)
class LoadedTerm:
    """One row of the table: the phrase's words (hyphens dropped), when it counts, and why."""

    phrase: str
    words: tuple[str, ...]
    category: str
    condition: str
    source: str
    reason: str


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words a phrase matches, lower case, hyphens optional ("pro-life" -> ("pro", "life"))."""
    return tuple(w for w in _SPLIT.split(phrase.lower()) if w)


@functools.lru_cache(maxsize=None)
def load_lexicon(name: str = "loaded_language.tsv") -> dict[str, tuple[LoadedTerm, ...]]:
    """First word -> the terms starting with it, longest first (cached). Raises ValueError on a
    row with an unknown category or condition, so a typo in the table fails the tests."""
    by_first: dict[str, list[LoadedTerm]] = {}
    for row in read_table(name, LOADED_COLUMNS):
        phrase, category, condition, source, reason = row
        if category not in CATEGORIES or condition not in CONDITIONS or not reason:
            raise ValueError(f"{name}: bad row {list(row)!r}")
        term = LoadedTerm(phrase, phrase_words(phrase), category, condition, source, reason)
        by_first.setdefault(term.words[0], []).append(term)
    return {w: tuple(sorted(ts, key=lambda t: -len(t.words))) for w, ts in by_first.items()}


@functools.lru_cache(maxsize=1)
def flag_words() -> dict[str, frozenset[str]]:
    """The word lists of `knowledge/flag_words.tsv` by kind (see its header), read once."""
    return {kind: frozenset(words)
            for kind, words in read_words("flag_words.tsv", FLAG_WORD_KINDS).items()}
