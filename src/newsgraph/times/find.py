"""Run the grammar over a text and keep the best non-overlapping expressions.

Every rule proposes matches; a match whose value function rejects it is dropped; among
overlapping matches the longest wins (then the earlier rule), as in most rule-based taggers
(HeidelTime, SUTime): "less than a week" beats "a week", "Aug. 7, 1998" beats "1998".
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from typing import Optional

from .lexicon import load_words
from .context import Context
from .patterns import build_rules

log = logging.getLogger(__name__)


QUARTER_REACH = 2000  # characters after a named quarter within which "a year ago" refers to it


@dataclass(frozen=True)
class Found:
    """One temporal expression: [start, end) of the searched text, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str
    rule: str


@functools.lru_cache(maxsize=1)
def rules():
    return build_rules(load_words())


def find_times(text: str, anchor: Optional[dt.date] = None, parse=None) -> list[Found]:
    """The temporal expressions of `text` in order. `parse` is a spaCy Doc of exactly `text`
    (for tense and entity labels), or None; `anchor` the date relative ones are resolved on."""
    ctx = Context(text=text, anchor=anchor, words=load_words(), parse=parse)
    lowered = text.lower()
    candidates = []
    for order, rule in enumerate(rules()):
        if rule.triggers and not any(t in lowered for t in rule.triggers):
            continue
        group = "expr" if "expr" in rule.pattern.groupindex else 0
        for m in rule.pattern.finditer(text):
            start, end = m.span(group)
            if end > start:
                candidates.append((start - end, order, start, end, m, rule))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    taken = bytearray(len(text) + 1)
    found: list[Found] = []
    for _, _, start, end, m, rule in candidates:
        if any(taken[start:end]):
            continue
        if rule.name in TITLE_RULES and is_title(text, m):
            continue
        try:
            result = rule.value(m, ctx)
        except Exception:  # noqa: BLE001 - one odd match must not cost the article its times
            log.exception("time rule %s failed on %r", rule.name, m.group(0))
            continue
        if result is None or result[1] is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append(Found(start, end, result[0], result[1], rule.name))
    found.sort(key=lambda f: f.start)
    return resolve_references(found)


TITLE_RULES = frozenset({"relative_unit", "deictic_day", "duration", "ref", "the_year"})


def is_title(text: str, m) -> bool:
    """A relative expression written as a title ("ABC's \"This Week\"", "VOA Today"): every
    word capitalised and a quote mark or a capitalised word just before it (not a sentence start)."""
    words = m.group(0).split()
    if not all(w[0].isupper() for w in words) or not any(c.islower() for c in m.group(0)):
        return False
    before = text[max(0, m.start() - 25):m.start()].rstrip()
    if not before:
        return False
    if before[-1] in "\"“'‘`":
        return len(text) > m.end() and text[m.end()] in "\"”'’,"
    last = before.split()[-1]
    return last[0].isupper() and last[-1] not in ".:;!?\"”"


def resolve_references(found: list[Found]) -> list[Found]:
    """Resolve the values that refer to a time the text named before: the quarter ("@Q0|fallback":
    that quarter; "@Q-1|...": the same quarter a year back; "@Q=1988|...": that quarter of 1988),
    as results stories do ("third-quarter profit ... from $2 million a year earlier"); and the
    year ("@Y+1|fallback": "the following year" after "in 1995")."""
    out, last_quarter, last_at, last_year = [], None, -QUARTER_REACH, None
    for f in found:
        value, primary = f.value, True
        if value.startswith("@Y"):
            ref, value = value[2:].split("|", 1)
            if last_year is not None:
                value = f"{last_year + int(ref):04d}"
            f = Found(f.start, f.end, f.type, value, f.rule)
        elif value.startswith("@Q"):
            ref, fallback = value[2:].split("|", 1)
            value, primary = fallback, ref == "0"
            if last_quarter is not None and f.start - last_at < QUARTER_REACH:
                year, q = last_quarter
                if ref.startswith("="):
                    value = f"{ref[1:]}-Q{q}"
                elif not year.startswith("X"):
                    value = f"{int(year) + int(ref):04d}-Q{q}"
            if not value:
                continue
            f = Found(f.start, f.end, f.type, value, f.rule)
        if primary and len(value) == 7 and value[4:6] == "-Q" and value[6].isdigit():
            last_quarter, last_at = (value[:4], value[6]), f.start
        if f.type in ("DATE", "TIME") and value[:4].isdigit() and f.rule not in ("relative_unit", "ago"):
            last_year = int(value[:4])  # a year the story is telling about
        out.append(f)
    return out
