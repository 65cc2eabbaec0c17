"""Who a source is: the speaker entity of each attribution, or none when the text names no one.

What the source phrase itself says comes first (`SourcePhrase`): its head word is a name, a
pronoun, or a noun of `knowledge/anonymous_sources.tsv` whose kind says what it can refer to.
Rules, in order (each simple enough to check by hand):

0. A pronoun source ("he added", "she said") right after a quote (within `CARRY_CHARS`)
   continues that quote's speaker when the label and gender fit, an unnamed speaker included
   ("a spokeswoman said ... she said": still no one, unless a name comes between): speakers
   continue more often than they change.
1. A head that is a name is its entity. Else a name set beside the head ("one of the family's
   attorneys, Justin Bamberg"; "the agency, Apsnipress") is the speaker, else an entity mention
   holding the head word (a nominal or pronoun the entities stage clustered). A head that is a
   name, or a noun of no known kind, with no mention of its own takes the last PERSON/ORG
   mention of the span.
2. A head noun of kind `anonymous` ("US officials", "an Iraqi official", "sources") names no
   one, whatever names modify it; so does a part of them ("one of the officials"). A `person` noun ("spokeswoman", "lawyer", "commander") names
   no one unless pointed back ("the spokeswoman"): then it is the last speaker introduced with
   the same noun (named or not), else the nearest PERSON before it; the names modifying it ("an
   IBM spokeswoman", "the FBI chief") are never the person. An `org` noun takes a name that
   modifies it ("Russia's government", "the Kremlin statement"); pointed back and unmodified
   ("the newspaper") it looks back as person nouns do; a plural one ("Kenya's newspapers") or an
   indefinite one names no one.
3. A pronoun with no speaker to continue takes the entity its mention was clustered to, else the
   nearest compatible earlier mention within `LOOKBACK_CHARS`.
4. Transcript labels ("PENCE:") match an entity whose name ends with the label's word.

`via` spans resolve by the mention they overlap only (`entity_at`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ..document import Document, Span
from .base import Attribution
from .lexicon import source_nouns

SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PERSON_PRONOUNS = frozenset(PRONOUN_GENDER)
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they", "them"})
PRONOUN_KINDS = ("person", "org", "group")
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
    """The entity with a mention in `span` (the head word's mention first)."""
    rows = [r for r in index.overlapping(span) if r[3] in SPEAKER_LABELS]
    if not rows:
        return None
    if head_start is not None:
        for r in rows:
            if r[0] <= head_start < r[1]:
                return r[2]
    preferred = [r for r in rows if r[3] in ("PERSON", "ORG")]
    return (preferred or rows)[-1][2]


@dataclass(frozen=True)
class SourcePhrase:
    """What the words of a source say about whom they can name, before looking elsewhere."""

    kind: str  # person | org | group (pronouns) | anonymous | person_noun | org_noun | name
    gender: str = ""  # m | f | "" (unknown)
    plural: bool = False
    pointing: bool = False  # "the spokesman": points back to someone named before
    noun: Optional[str] = None  # the head noun, for "the newspaper" -> "the X newspaper"


def read_phrase(head) -> SourcePhrase:
    """The `SourcePhrase` of a source head token."""
    low = head.lower_
    if low in PERSON_PRONOUNS:
        return SourcePhrase("person", PRONOUN_GENDER[low])
    if low in THING_PRONOUNS:
        return SourcePhrase("org")
    if low in GROUP_PRONOUNS:
        return SourcePhrase("group", plural=True)
    whole = _partitive_of(head)  # "one of the family's lawyers": a lawyer, not named
    noun_token = whole if whole is not None else head
    noun = source_nouns().get(noun_token.lemma_.lower()) or source_nouns().get(noun_token.lower_)
    if noun_token.pos_ != "NOUN" or noun is None:
        return SourcePhrase("name")
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    plural = noun_token.tag_ in ("NNS", "NNPS") if whole is None else low != "one"
    low = noun_token.lower_
    kind = noun.kind if noun.kind == "anonymous" else f"{noun.kind}_noun"
    return SourcePhrase(kind, noun.gender, plural, bool(dets & POINTING_DETS), low)


def _partitive_of(head):
    """The noun of a partitive source ("one of the lawyers", "two of the officials"), else None."""
    if head.pos_ not in ("NUM", "PRON", "DET", "ADJ"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return None


@dataclass(frozen=True)
class Said:
    """One resolved attribution, remembered for the ones after it; `speaker` None is a source
    that names no one ("a spokeswoman")."""

    end: int
    speaker: Optional[str]
    source_text: str
    phrase: SourcePhrase


class SpeakerResolver:
    """Resolves the attributions of one document in text order, remembering who spoke."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.index = MentionIndex(doc)
        self.said: list[Said] = []

    def resolve(self, att: Attribution) -> None:
        head = att.source_token
        if head is None:
            att.speaker = _label_match(self.index, self._words(att.source))
        else:
            att.speaker, att.anonymous = self._speaker_of(att, head)
        phrase = read_phrase(head) if head is not None else SourcePhrase("name")
        for v in att.via:  # "citing sources, Yonhap": a later "the agency" may mean Yonhap
            via_entity = entity_at(self.index, v)
            if via_entity is not None:
                self.said.append(Said(v.end, via_entity, self._words(v).lower(), SourcePhrase("name")))
        if att.speaker is not None or att.anonymous:
            self.said.append(Said(max(att.content.end, att.source.end), att.speaker,
                                  self._words(att.source).lower(), phrase))

    def _words(self, span: Span) -> str:
        return self.doc.text[span.start:span.end]

    def _speaker_of(self, att: Attribution, head) -> tuple[Optional[str], bool]:
        """(speaker, anonymous) by the rules of the module docstring."""
        phrase = read_phrase(head)
        head_span = Span(head.idx + self.doc.parse_offset,
                         head.idx + self.doc.parse_offset + len(head.text))
        if phrase.kind in ("person", "org"):
            said = self._continued(att.source.start, phrase)
            if said is not None:
                return said.speaker, said.speaker is None
        speaker = entity_at(self.index, head_span)
        if speaker is not None and phrase.kind == "name":
            return speaker, False
        named = self._apposed(head) if phrase.kind not in PRONOUN_KINDS else None
        if named is not None or speaker is not None:
            return named or speaker, False
        if phrase.kind == "name":
            return entity_at(self.index, att.source, head_span.start), False
        if phrase.kind == "anonymous":
            return None, True
        if phrase.kind == "org_noun" and not phrase.plural:
            named = self._modifier_name(att.source, head_span)
            if named is not None:
                return named, False
        if phrase.kind.endswith("_noun") and (phrase.plural or not phrase.pointing):
            return None, True
        kind = {"person_noun": "person", "org_noun": "org"}.get(phrase.kind, phrase.kind)
        said = self._same_noun(att.source.start, phrase)
        if said is not None:
            return said.speaker, said.speaker is None
        return self._look_back(att.source.start, kind, phrase), False

    def _continued(self, pos: int, phrase: SourcePhrase) -> Optional[Said]:
        """Rule 0: "he added" right after a quote continues that quote's speaker, when
        compatible (continuity beats the nearest mention, often the person talked about)."""
        for said in reversed(self.said):
            if pos - said.end > CARRY_CHARS:
                return None
            if said.end <= pos + 1 and self._fits(said, phrase):
                if said.speaker is None and self.index.before(pos, COMPATIBLE[phrase.kind],
                                                              pos - said.end) is not None:
                    return None  # a name between an unnamed source and "he": the name's
                return said
        return None

    def _fits(self, said: Said, phrase: SourcePhrase) -> bool:
        """Whether a pronoun of `phrase` can continue `said`."""
        if said.speaker is None:  # an unnamed source: a person, one of a number, or a body
            if said.phrase.plural or said.phrase.kind == "org_noun":
                return phrase.kind == "org" and said.phrase.kind == "org_noun" \
                    and not said.phrase.plural
            return phrase.kind == "person" and said.phrase.gender in ("", phrase.gender)
        if phrase.kind == "org":
            return True
        return self.index.labels.get(said.speaker) in COMPATIBLE[phrase.kind] \
            and said.phrase.gender in ("", phrase.gender)

    def _apposed(self, head) -> Optional[str]:
        """Rule 1: the name set beside a noun head ("the agency, Apsnipress,")."""
        for child in head.children:
            if child.dep_ == "appos":
                start = child.idx + self.doc.parse_offset
                span = Span(start, start + len(child.text))
                rows = [r for r in self.index.overlapping(span) if r[3] in ("PERSON", "ORG")]
                if rows:
                    return rows[0][2]
        return None

    def _modifier_name(self, source: Span, head_span: Span) -> Optional[str]:
        """An org noun's naming modifier: "Russia's government", "the Kremlin statement"."""
        rows = [r for r in self.index.overlapping(Span(source.start, head_span.start))
                if r[3] in SPEAKER_LABELS and r[1] <= head_span.start]
        return rows[-1][2] if rows else None

    def _same_noun(self, pos: int, phrase: SourcePhrase) -> Optional[Said]:
        """ "the spokeswoman": the last source introduced with the same noun, named or not."""
        for said in reversed(self.said):
            if pos - said.end > CARRY_CHARS * 3:
                return None
            if phrase.noun and phrase.noun in said.source_text.split():
                return said
        return None

    def _look_back(self, pos: int, kind: str, phrase: SourcePhrase) -> Optional[str]:
        """Rules 2 and 3: the last named speaker of a compatible label, else the nearest
        compatible mention ("it noted" right after a quote: the same outlet or body)."""
        labels = COMPATIBLE[kind]
        for said in reversed(self.said):
            if pos - said.end > CARRY_CHARS:
                break
            if said.speaker is None or said.end > pos + 1:
                continue
            if phrase.noun is None and kind == "org":
                return said.speaker
            if self.index.labels.get(said.speaker) in labels:
                return said.speaker
        for label in labels:  # the label order is the preference order
            found = self.index.before(pos, (label,), LOOKBACK_CHARS)
            if found is not None:
                return found
        return None


def resolve_speakers(doc: Document, atts: list[Attribution]) -> None:
    """Fill `speaker` (and `anonymous`) of each attribution, in text order."""
    resolver = SpeakerResolver(doc)
    for att in sorted(atts, key=lambda a: a.content.start):
        if att.carried:
            if resolver.said:
                att.speaker = resolver.said[-1].speaker
                att.anonymous = att.speaker is None
            continue
        if att.source is not None:
            resolver.resolve(att)


def _label_match(index: MentionIndex, label: str) -> Optional[str]:
    """Rule 4: a transcript label ("PENCE", "Mr. Trump") naming a known entity."""
    words = [w.strip(".").lower() for w in label.split() if w.strip(".")]
    if not words:
        return None
    for eid, elabel, name in index.names:
        if elabel == "PERSON" and name.split() and name.split()[-1].lower() == words[-1]:
            return eid
    return None
