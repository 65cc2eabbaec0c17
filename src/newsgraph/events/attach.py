"""When and where: the time expression and the place attached to an event's clause.

A time or place attaches to the first verb (or event noun) above it in the dependency tree:
"met ... on Wednesday" -> met; "the June 2019 meeting" -> meeting. An event takes the times and
places attached to its trigger, or, for a noun, to the verb that hosts it ("held talks in
Geneva"). Places must be reached through a locative preposition ("at the Vostochny Cosmodrome",
"in Geneva"), or be the destination of a visit ("visited Pyongyang", "visit to Russia"). The
dateline is never an event's place: a place inside it is skipped.
"""
from __future__ import annotations

from typing import Optional

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around",
                            "throughout", "within", "outside", "along", "on"})
VISIT_PREPS = frozenset({"to"})
MAX_CLIMB = 8
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def anchor(tok, triggers: set[int]):
    """The verb or trigger a token hangs from, and the preposition on the way (or None)."""
    prep = None
    steps = 0
    while steps < MAX_CLIMB:
        steps += 1
        head = tok.head
        if tok.dep_ in ("prep", "agent"):
            # the preposition nearest the verb says how the phrase relates to the event: "in
            # the region of Amur" is a place of the event, whatever "of" does inside it
            prep = tok.lemma_.lower()
        if head.i == tok.i:
            return tok, prep
        if head.i in triggers or head.pos_ in ("VERB", "AUX"):
            if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and prep is None:
                return head, tok.dep_
            return head, prep
        tok = head
    return tok, prep


class Attacher:
    """Dates and places of one sentence's events, from the document's times and places."""

    def __init__(self, doc, sent, triggers: set[int]):
        self.items_time: list[tuple[int, Optional[str], str]] = []  # (anchor i, prep, value)
        self.items_place: list[tuple[int, Optional[str], int]] = []  # (anchor i, prep, index)
        sdoc, off = doc.parse, doc.parse_offset
        lo, hi = sent.start_char + off, sent.end_char + off
        for t in doc.times:
            if lo <= t.start < hi and t.value and t.type in ("DATE", "TIME"):
                tok = _token_at(sdoc, t.start - off, t.end - off)
                if tok is not None:
                    a, prep = anchor(tok, triggers)
                    self.items_time.append((a.i, prep, t.value))
        dateline = doc.dateline
        for n, p in enumerate(doc.places):
            if not (lo <= p.start < hi):
                continue
            if dateline is not None and dateline.start <= p.start < dateline.end:
                continue
            tok = _token_at(sdoc, p.start - off, p.end - off)
            if tok is not None:
                a, prep = anchor(tok, triggers)
                self.items_place.append((a.i, prep, n))
        # a place that only modifies a noun ("the Black Sea resort of Sochi") comes after the
        # place that heads the phrase
        modifier = {n for n, p in enumerate(doc.places) if lo <= p.start < hi and
                    getattr(_token_at(sdoc, p.start - off, p.end - off), "dep_", "") in MODIFIER_DEPS}
        self.items_place.sort(key=lambda item: item[2] in modifier)

    def date(self, anchors: list[int]) -> Optional[str]:
        for i in anchors:
            for a, _, value in self.items_time:
                if a == i:
                    return value
        return None

    def place(self, anchors: list[int], visit: bool) -> Optional[int]:
        for i in anchors:
            for a, prep, n in self.items_place:
                if a != i:
                    continue
                if prep in LOCATIVE_PREPS or (visit and (prep in VISIT_PREPS or prep == "dobj")):
                    return n
        return None


def _token_at(sdoc, start: int, end: int):
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root
