"""The time-word tables (knowledge/time_words.tsv), loaded once, with regex alternations."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..knowledge import read_table, table_path

TIME_WORD_COLUMNS = ("kind", "word", "value")


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

    def alternation(self, kind: str, *, exclude: tuple[str, ...] = ()) -> str:
        """A regex alternation of every word of `kind`, longest first (whitespace as \\s+)."""
        words = sorted((w for w in getattr(self, kind) if w not in exclude), key=len, reverse=True)
        return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + ")"


@functools.lru_cache(maxsize=1)
def load_words(path: str | None = None) -> TimeWords:
    """Read the tables once (cached)."""
    tables: dict[str, dict] = {k: {} for k in TimeWords.__dataclass_fields__}
    file = table_path(Path(path) if path else "time_words.tsv")
    for kind, word, value in read_table(file, TIME_WORD_COLUMNS):
        if kind not in tables:
            raise ValueError(f"{path or file}: unknown kind {kind!r}")
        if kind in ("month", "weekday", "number", "ordinal"):
            value = int(value)
        tables[kind][word.lower()] = value
    return TimeWords(**tables)
