"""When and where: the time expression and the place attached to an event's clause.

A time or place attaches to the first verb (or event noun) above it in the dependency tree:
"met ... on Wednesday" -> met; "the June 2019 meeting" -> meeting. An event takes the times and
places attached to its trigger, or, for a noun, to the verb that hosts it ("held talks in
Geneva"). Places must be reached through a locative preposition ("at the Vostochny Cosmodrome",
"in Geneva"), or be the destination of a visit ("visited Pyongyang", "visit to Russia"). The
dateline is never an event's place: a place inside it is skipped. Only calendar values date an
event: "XXXX-WXX-6" or PRESENT_REF say nothing a reader can place on a timeline. When several places attach,
the most specific wins: a facility over a town, a town over a region, a region over a country
("met at the Vostochny Cosmodrome in the Amur region of Russia" -> the cosmodrome). An event in a
"where" clause happens at the place the clause describes ("Komsomolsk-on-Amur, where he will
visit an aircraft factory").
"""
from __future__ import annotations

from typing import Optional

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around",
                            "throughout", "within", "outside", "along", "on"})
VISIT_PREPS = frozenset({"to", "of"})  # "a visit to Russia", "a tour of the cosmodrome"
MAX_CLIMB = 8
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


# GeoNames codes of seas, rivers, mountains, islands, deserts and other wide natural features
BROAD_FEATURES = frozenset("""OCN SEA GULF BAY BGHT STRT CHN SD LK LKS RSV STM STMS STMX DLTA
    MT MTS HLLS PK RDGE VAL PLN PLAT UPLD DSRT ISL ISLS ISLX PEN CAPE CST FRST PRK RGN RGNE AREA
    ZN TERR""".split())


def specificity(feature_code) -> int:
    """How precisely a GeoNames feature code locates an event: countries 0, regions and wide
    natural features (seas, rivers, mountain ranges) 1, first-order divisions 2, lower divisions
    3, populated places 4, sites and facilities 5."""
    code = feature_code or ""
    if code.startswith("PCL") or code in ("CONT", ""):
        return 0
    if code in BROAD_FEATURES:
        return 1
    if code == "ADM1":
        return 2
    if code.startswith("ADM"):
        return 3
    if code.startswith("PPL"):
        return 4
    return 5


def where_clause_head(tok):
    """The noun a "where" relative clause around `tok` describes, or None."""
    cur, steps = tok, 0
    while steps < 4 and cur.dep_ in ("conj", "xcomp", "ccomp", "aux") and cur.head.i != cur.i:
        cur, steps = cur.head, steps + 1
    if cur.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in cur.children):
        return cur.head
    return None


PARTICIPANT_PREPS = frozenset({"with", "between", "among", "by"})


def anchor(tok, triggers: set[int]):
    """The verb or trigger a token hangs from, and the preposition on the way (or None)."""
    prep = None
    steps = 0
    while steps < MAX_CLIMB:
        steps += 1
        head = tok.head
        if tok.dep_ in ("prep", "agent"):
            # the preposition nearest the verb says how the phrase relates to the event: "in
            # the region of Amur" is a place of the event, whatever "of" does inside it; but a
            # participant's phrase passes a locative on ("his meeting with Xi at Camp David")
            low = tok.lemma_.lower()
            if not (low in PARTICIPANT_PREPS and prep in LOCATIVE_PREPS):
                prep = low
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

    def __init__(self, doc, sent, triggers: set[int], within=None):
        self.items_time: list[tuple[int, Optional[str], str]] = []  # (anchor i, prep, value)
        self.items_place: list[tuple[int, Optional[str], int]] = []  # (anchor i, prep, index)
        self.place_at: dict[int, int] = {}  # token index of a place's head -> place index
        self.rank: dict[int, int] = {}  # place index -> specificity
        sdoc, off = doc.parse, doc.parse_offset
        lo, hi = sent.start_char + off, sent.end_char + off
        dateline = doc.dateline  # its date is when the story was filed, not when events were
        # `within(layer, lo, hi)`: the positions of the layer's items starting in [lo, hi), in
        # order (an index built once per document); without it, every item is tested
        times = doc.times if within is None else [doc.times[k] for k in within("times", lo, hi)]
        places = list(enumerate(doc.places)) if within is None else \
            [(k, doc.places[k]) for k in within("places", lo, hi)]
        for t in times:
            if dateline is not None and dateline.start <= t.start < dateline.end:
                continue
            if lo <= t.start < hi and t.value and t.value[:1].isdigit() and t.type in ("DATE", "TIME"):
                tok = _token_at(sdoc, t.start - off, t.end - off)
                if tok is not None:
                    a, prep = anchor(tok, triggers)
                    self.items_time.append((a.i, prep, t.value))
        for n, p in places:
            if not (lo <= p.start < hi):
                continue
            if dateline is not None and dateline.start <= p.start < dateline.end:
                continue
            tok = _token_at(sdoc, p.start - off, p.end - off)
            if tok is not None:
                a, prep = anchor(tok, triggers)
                self.items_place.append((a.i, prep, n))
                self.place_at.setdefault(tok.i, n)
                self.rank[n] = specificity(p.feature_code)
        # a place that only modifies a noun ("the Black Sea resort of Sochi") comes after the
        # place that heads the phrase, whatever their specificity
        self.modifiers = {n for n, p in places if lo <= p.start < hi and
                          getattr(_token_at(sdoc, p.start - off, p.end - off), "dep_", "") in MODIFIER_DEPS}

    def date(self, anchors: list[int]) -> Optional[str]:
        for i in anchors:
            for a, _, value in self.items_time:
                if a == i:
                    return value
        return None

    def place(self, anchors: list[int], visits=frozenset(), where=None) -> Optional[int]:
        """The most specific place attached to any of `anchors` through a locative (or, for the
        anchors in `visits`, a destination); else the place a "where" clause (`where`, its
        head) names."""
        found = []
        for order, i in enumerate(anchors):
            for a, prep, n in self.items_place:
                if a != i:
                    continue
                if prep in LOCATIVE_PREPS or (i in visits and (prep in VISIT_PREPS or prep == "dobj")):
                    found.append((n in self.modifiers, -self.rank.get(n, 0), order, n))
        if found:
            return min(found)[-1]
        if where is not None:
            return self.place_at.get(where.i)
        return None


def _token_at(sdoc, start: int, end: int):
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root
