"""What relative expressions are relative to: the anchor date and the governing verb's tense.

The anchor is the publication date when it is known (given with the input, or written in the
article's dateline or a date line above the story: the clean stage reads those, with
`full_date`); otherwise there is no anchor and relative expressions stay unresolved
(`XXXX-...`): we never guess, and never use the processing date.

The tense decides the direction of a bare weekday or month: "met on Wednesday" is the Wednesday
before publication, "will visit in October" the October after it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from .lexicon import load_words

PAST, PRESENT, FUTURE = -1, 0, 1

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """A date from `YYYY-MM-DD` (or a longer ISO 8601 string); None when there is none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _full_date_re() -> "re.Pattern[str]":
    """The pattern of a complete date, built once from the month words of the lexicon."""
    words = load_words()
    month = words.alternation("month")
    return re.compile(
        r"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|"
        r"(?P<mon>" + month + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)|"
        r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>" + month + r")\.?,?\s+(?P<y2>(?:19|20)\d\d))\b",
        re.I)


def full_date(text: str) -> Optional[dt.date]:
    """The first complete calendar date (day, month and year) written in `text`, or None."""
    months = load_words().month
    for m in _full_date_re().finditer(text):
        try:
            if m.group("iso"):
                return dt.date.fromisoformat(m.group("iso"))
            if m.group("mon"):
                return dt.date(int(m.group("y")), months[m.group("mon").lower()], int(m.group("d")))
            return dt.date(int(m.group("y2")), months[m.group("mon2").lower()], int(m.group("d2")))
        except ValueError:
            continue
    return None


def tense_of(parse, start: int, end: int) -> Optional[int]:
    """PAST, PRESENT or FUTURE for the verb governing the characters [start, end) of `parse`
    (offsets into the parse's own text), or None when no verb governs it."""
    if parse is None:
        return None
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(tok)


def verb_tense(verb, depth: int = 0) -> Optional[int]:
    """The tense of a verb token from its tag and its auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    plans = load_words().plan  # "plans to visit", "was scheduled for"
    if words & FUTURE_AUX:
        return FUTURE
    if "would" in words and not words & {"have", "'ve"}:
        # "would be paid Dec. 14", "said he would travel Thursday": the future of a reported
        # statement, which news reports just before it happens ("would have met": past)
        return FUTURE
    if "to" in words or (verb.tag_ == "VB" and any(a.tag_ == "TO" for a in aux)):
        head = verb.head
        if head is not verb and (head.lemma_.lower() in plans or head.lower_ in plans
                                 or head.lemma_ == "be"):  # "plans to visit", "is to resume"
            host = head.head if head.dep_ in ("acomp", "attr") else head  # "had been due to"
            if any(a.lower_ == "had" for h in {head, host} for a in h.children
                   if a.dep_ in ("aux", "auxpass")):
                return PAST  # "had been scheduled to expire Friday", "had been due to expire"
            return FUTURE
        if head is not verb and depth < 2 and head.pos_ in ("VERB", "AUX", "ADJ"):
            return verb_tense(head, depth + 1)
        return None
    if "going" in words:
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        if verb.lemma_ in plans and verb.tag_ == "VBN":  # "was scheduled for Friday"
            return FUTURE
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'s", "'ve"}:
        return PAST
    if verb.tag_ == "VBN" and verb.lemma_ in plans:  # "is scheduled for Friday"
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN":
        return PAST
    if verb.tag_ == "MD" and verb.lower_ in FUTURE_AUX:
        return FUTURE
    return None
