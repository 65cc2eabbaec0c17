"""The time-word tables (knowledge/time_words.tsv), loaded once, with regex alternations."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..knowledge import read_words, table_path

INTEGER_KINDS = ("month", "weekday", "number", "ordinal", "shift")


@dataclass(frozen=True)
class TimeWords:
    """Lower-cased word -> value, one dict per kind of the TSV."""

    month: dict[str, int]
    weekday: dict[str, int]
    number: dict[str, int]
    ordinal: dict[str, int]
    unit: dict[str, str]
    pod: dict[str, str]
    season: dict[str, str]
    holiday: dict[str, str]
    ref: dict[str, str]
    set: dict[str, str]
    shift: dict[str, int]
    plan: dict[str, str]  # the words; no value

    def alternation(self, kind: str, *, exclude: tuple[str, ...] = ()) -> str:
        """A regex alternation of every word of `kind`, longest first (whitespace as \\s+)."""
        words = sorted((w for w in getattr(self, kind) if w not in exclude), key=len, reverse=True)
        return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + ")"

    def unit_of(self, word: str) -> str:
        """The TIMEX3 unit letter of a unit word, singular or plural ("days" -> "D",
        "centuries" -> "CE"); "Y" for a word that is no unit."""
        word = word.lower()
        return self.unit.get(word) or self.unit.get(word[:-1], "Y")


@functools.lru_cache(maxsize=1)
def load_words(path: str | None = None) -> TimeWords:
    """Read the tables once (cached)."""
    file = table_path(Path(path) if path else "time_words.tsv")
    tables: dict[str, dict] = {}
    for kind, words in read_words(file, TimeWords.__dataclass_fields__).items():
        tables[kind] = {}
        for word, value in words.items():
            tables[kind][word.lower()] = int(value) if kind in INTEGER_KINDS else value
    return TimeWords(**tables)
