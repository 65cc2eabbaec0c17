"""Who a source is: the speaker entity of each attribution, anonymous sources, and chains.

Rules, in order (each simple enough to check by hand):

0. A pronoun source ("he added", "it noted") right after a quote (within `CARRY_CHARS`) is
   that quote's speaker when the label fits: speakers continue more often than they change.

1. A source span that overlaps an entity mention (a name, or a nominal/pronoun mention the
   entities stage clustered) resolves to that entity; the mention holding the source's head
   word wins, else the last PERSON/ORG mention in the span.
2. A source headed by an anonymous noun ("sources", "a senior official", "people familiar
   with the matter") stays a source with no speaker.
3. A pronoun ("he", "she", "it", "they") or a nominal headed by a known noun ("the newspaper",
   "the spokesman") with no entity mention resolves to the most recent earlier speaker of a
   compatible label within `CARRY_CHARS`, else to the nearest preceding mention of a
   compatible entity (PERSON for he/she/person nouns; ORG, then GPE/NORP, for it/org nouns;
   any of them for they) within `LOOKBACK_CHARS`.
4. Transcript labels ("PENCE:") match an entity whose name ends with the label's word.

`via` spans resolve by rule 1 only.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..document import Document, Span
from .base import Attribution
from .lexicon import source_nouns

SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they", "them"})
POINTING_DETS = frozenset({"the", "this", "that", "these", "those"})
CARRY_CHARS = 600  # how far back the previous speaker still carries to "he added"
LOOKBACK_CHARS = 1500  # how far back a pronoun or nominal looks for its entity

COMPATIBLE = {
    "person": ("PERSON",),
    "org": ("ORG", "GPE", "NORP"),
    "group": ("ORG", "PERSON", "GPE", "NORP"),
}


class MentionIndex:
    """Entity mentions sorted by start, for overlap and look-back queries."""

    def __init__(self, doc: Document):
        self.rows = sorted((m.start, m.end, e.id, e.label) for e in doc.entities
                           for m in e.mentions)
        self.starts = [r[0] for r in self.rows]
        self.labels = {e.id: e.label for e in doc.entities}
        self.names = [(e.id, e.label, e.name) for e in doc.entities]

    def overlapping(self, span: Span) -> list[tuple]:
        i = bisect.bisect_left(self.starts, span.end)
        return [r for r in self.rows[max(0, i - 50):i] if r[1] > span.start and r[0] < span.end]

    def before(self, pos: int, labels, limit: int) -> Optional[str]:
        i = bisect.bisect_left(self.starts, pos)
        for start, end, eid, label in reversed(self.rows[:i]):
            if start < pos - limit:
                break
            if end <= pos and label in labels:
                return eid
        return None


def entity_at(index: MentionIndex, span: Span, head_start: Optional[int] = None) -> Optional[str]:
    """Rule 1: the entity with a mention in `span` (the head word's mention first)."""
    rows = [r for r in index.overlapping(span) if r[3] in SPEAKER_LABELS]
    if not rows:
        return None
    if head_start is not None:
        for r in rows:
            if r[0] <= head_start < r[1]:
                return r[2]
    preferred = [r for r in rows if r[3] in ("PERSON", "ORG")]
    return (preferred or rows)[-1][2]


def source_class(head) -> Optional[str]:
    """anonymous | person | org | group for a source head token, else None (a name)."""
    low = head.lower_
    if low in PERSON_PRONOUNS:
        return "person"
    if low in THING_PRONOUNS:
        return "org"
    if low in GROUP_PRONOUNS:
        return "group"
    if head.pos_ not in ("NOUN",):
        return None
    kind = source_nouns().get(head.lemma_.lower()) or source_nouns().get(low)
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    pointing = bool(dets & POINTING_DETS)
    if kind == "anonymous":
        return "anonymous"
    if kind in ("person", "org"):
        return kind if pointing else "anonymous"
    return None


def resolve_speakers(doc: Document, atts: list[Attribution]) -> None:
    """Fill `speaker` (and `anonymous`) of each attribution, in text order."""
    index = MentionIndex(doc)
    last: list[tuple[int, str, str]] = []  # (end, speaker, source text) of resolved ones
    for att in sorted(atts, key=lambda a: a.content.start):
        if att.carried:
            if last:
                att.speaker = last[-1][1]
            continue
        if att.source is None:
            continue
        head = att.source_token
        head_start = head.idx + doc.parse_offset if head is not None else None
        speaker = None
        if head is not None and head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            speaker = _recent_speaker(index, att.source.start, source_class(head), last)
        if speaker is None:
            speaker = entity_at(index, att.source, head_start)
        kind = source_class(head) if head is not None and speaker is None else None
        if speaker is None and head is None:
            speaker = _label_match(index, doc.text[att.source.start:att.source.end])
        if speaker is None and kind == "anonymous":
            att.anonymous = True
        elif speaker is None and kind is not None:
            speaker = _look_back(index, att.source.start, kind, head, last)
        att.speaker = speaker
        for v in att.via:  # "citing sources, Yonhap": a later "the agency" may mean Yonhap
            via_entity = entity_at(index, v)
            if via_entity is not None:
                last.append((v.end, via_entity, doc.text[v.start:v.end].lower()))
        if speaker is not None:
            source_text = doc.text[att.source.start:att.source.end].lower()
            last.append((max(att.content.end, att.source.end), speaker, source_text))


def _recent_speaker(index: MentionIndex, pos: int, kind: str, last) -> Optional[str]:
    """ "he added" right after a quote: the speaker of that quote, when compatible (speaker
    continuity beats the nearest mention, which is often the person talked about)."""
    labels = COMPATIBLE.get(kind, ())
    for end, speaker, _ in reversed(last):
        if pos - end > CARRY_CHARS:
            return None
        if end <= pos + 1 and (index.labels.get(speaker) in labels or kind == "org"):
            return speaker
    return None


def _look_back(index: MentionIndex, pos: int, kind: str, head, last) -> Optional[str]:
    """Rule 3: "the newspaper" is the last speaker introduced with "newspaper"; "he"/"it" the
    last speaker of a compatible label; else the nearest compatible mention."""
    labels = COMPATIBLE[kind]
    noun = head.lower_ if head.pos_ == "NOUN" else None
    for end, speaker, source_text in reversed(last):
        if pos - end > CARRY_CHARS * 3:
            break
        if noun and noun in source_text.split():
            return speaker
    for end, speaker, source_text in reversed(last):
        if pos - end > CARRY_CHARS:
            break
        if noun is None and kind == "org" and end <= pos + 1:
            return speaker  # "it noted" right after a quote: the same outlet or body
        if end <= pos + 1 and index.labels.get(speaker) in labels:
            return speaker
    for label in labels:  # the label order is the preference order
        found = index.before(pos, (label,), LOOKBACK_CHARS)
        if found is not None:
            return found
    return None


def _label_match(index: MentionIndex, label: str) -> Optional[str]:
    """Rule 4: a transcript label ("PENCE", "Mr. Trump") naming a known entity."""
    words = [w.strip(".").lower() for w in label.split() if w.strip(".")]
    if not words:
        return None
    for eid, elabel, name in index.names:
        if elabel == "PERSON" and name.split() and name.split()[-1].lower() == words[-1]:
            return eid
    return None


def resolve_via(doc: Document, index: MentionIndex, span: Span) -> Optional[str]:
    return entity_at(index, span)
