"""The English function words of `knowledge/function_words.tsv`, loaded once. Two stages read
them as a measure of prose: the clean stage counts them per line (a line of story prose has
many, a menu or a list of names few), the language stage per sample (short English wire copy
that character n-grams misjudge still has them)."""
from __future__ import annotations

import functools

from . import read_table

FUNCTION_WORD_COLUMNS = ("word",)


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Every word of the table, lower case (cached)."""
    return frozenset(row.word.lower() for row in read_table("function_words.tsv",
                                                            FUNCTION_WORD_COLUMNS))
