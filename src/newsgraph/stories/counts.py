"""Numbers an event's sentence gives for what it did: the dead, the injured, the arrested.

"A gunman killed four people and wounded 12 at a school on Monday" gives dead=4 and
injured=12. Different outlets often give different counts for one occurrence (an early toll
and a later one, or two sources), and those are disagreements worth showing, so each count
keeps its span.

A number counts for a slot when a slot word (knowledge/count_words.tsv: "killed" -> dead)
stands within SLOT_WINDOW words of it, or within NOUN_WINDOW words of the count noun that
follows it ("four people were killed"). A year, a time of day, a percentage and a long
number without separators (an id in a URL) are not counts.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..knowledge import read_words

SLOT_WINDOW = 3     # words between a number and its slot word ("killed at least 12")
NOUN_WINDOW = 4     # words between "12 people" and the slot word ("12 people were later killed")
TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?%?|[^\W\d_]+(?:['’-][^\W\d_]+)*")
YEAR_LIKE = re.compile(r"^(1[89]|20)\d\d$")
MAX_PLAIN_DIGITS = 5  # a longer number without thousands separators is an id, not a count


@dataclass(frozen=True)
class Count:
    """`value` of `slot` as the text at [start, end) says it."""

    slot: str
    value: int
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def count_words() -> tuple[dict[str, str], frozenset[str]]:
    """(slot word -> slot, count nouns) of knowledge/count_words.tsv."""
    lists = read_words("count_words.tsv", ("slot", "noun"))
    return dict(lists["slot"]), frozenset(lists["noun"])


@functools.lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Cardinal number words ("four" -> 4) of the time words' table, one-word ones only and not
    the articles ("a", "an"), which are rarely counts."""
    from ..times.lexicon import load_words

    return {w: n for w, n in load_words().number.items() if " " not in w and len(w) > 2}


def _value(token: str) -> int | None:
    if token[0].isdigit():
        if token.endswith("%") or "." in token:
            return None
        digits = token.replace(",", "")
        if not digits.isdigit() or YEAR_LIKE.match(digits) or ("," not in token and len(digits) > MAX_PLAIN_DIGITS):
            return None
        return int(digits)
    return number_words().get(token.lower())


def read_counts(text: str, start: int, end: int) -> list[Count]:
    """The counts of text[start:end] (one sentence), at most one per slot: the first."""
    slots, nouns = count_words()
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
    words = [t.lower() for t, _, _ in tokens]
    out: dict[str, Count] = {}
    for i, (token, s, e) in enumerate(tokens):
        value = _value(token)
        if value is None or text[e:e + 1] == ":" or (s > 0 and text[s - 1] == ":"):
            continue  # not a number, or a time of day ("1:30")
        reach = SLOT_WINDOW
        if i + 1 < len(words) and words[i + 1] in nouns:
            reach = NOUN_WINDOW + 1
        near = [(abs(j - i), slots[words[j]]) for j in range(max(0, i - SLOT_WINDOW), min(len(words), i + reach + 1))
                if j != i and words[j] in slots and _value(tokens[j][0]) is None]
        if near:
            slot = min(near)[1]
            out.setdefault(slot, Count(slot, value, s, e))
    return [out[k] for k in sorted(out)]
