"""Who a phrase names: the entities behind a noun phrase of the parse.

`EntityIndex` maps tokens to the entities whose mentions cover them (names, nominals and the
pronouns the entities stage resolved; never the dateline). A noun phrase names the entity of its
head, else those of its modifiers ("Russian troops", "officials from Hungary", "workers
affiliated with the union"), an apposition before a nationality ("his Mongolian counterpart,
Battsetseg Batmunkh"), a pronoun owner last ("its partners"), and its conjuncts. A plural with no
name ("the two leaders", "both sides") names the last two people or states named before it,
not the one whose words these are. The reporter of a clause is the subject of the reporting
verb that governs it.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..span_index import SpanIndex

PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos", "nummod"})
PHRASE_PREPS = frozenset({"of", "from"})
AFFILIATION_PREPS = frozenset({"with", "to"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her"})
PAIR_WORDS = {"leader": "PERSON", "president": "PERSON", "man": "PERSON", "two": None,
              "both": None, "side": "GPE", "country": "GPE", "nation": "GPE", "government": "GPE"}


class EntityIndex:
    """Token index -> entity id, from the entities' mentions (names, nominals, pronouns)."""

    def __init__(self, doc):
        self.doc = doc
        self._starts: dict[str, SpanIndex] = {}  # layer -> its items by start
        self.by_token: dict[int, str] = {}
        self.order: list[tuple[int, str, str]] = []  # (char start, entity id, label)
        sdoc, off = doc.parse, doc.parse_offset
        dateline = doc.dateline  # where the story was filed: never a participant
        for ent in doc.entities:
            for m in ent.mentions:
                if dateline is not None and dateline.start <= m.start < dateline.end:
                    continue
                self.order.append((m.start, ent.id, ent.label))
                span = sdoc.char_span(m.start - off, m.end - off, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.by_token.setdefault(tok.i, ent.id)
        self.order.sort()
        self.dateline: frozenset[int] = frozenset() if dateline is None else frozenset(
            t.i for t in sdoc if dateline.start <= t.idx + off < dateline.end)
        self.label = {ent.id: ent.label for ent in doc.entities}
        # a nationality inside an organisation's name ("the South Korean Defense Ministry") is
        # not a participant of its own when counting who was named last
        names = sorted((m.start, m.end) for ent in doc.entities if ent.label != "NORP"
                       for m in ent.mentions)
        starts = [n[0] for n in names]

        def inside_a_name(start: int) -> bool:
            k = bisect.bisect_right(starts, start) - 1
            return k >= 0 and names[k][1] > start

        self.order = [o for o in self.order if o[2] != "NORP" or not inside_a_name(o[0])]

    def starting_in(self, layer: str, lo: int, hi: int) -> list[int]:
        """Positions, in order, of the document's `layer` items ("times", "places") starting in
        [lo, hi): one sentence's, without scanning the whole document per sentence."""
        if layer not in self._starts:
            self._starts[layer] = SpanIndex(getattr(self.doc, layer))
        return self._starts[layer].starting_in(lo, hi - 1)

    def recent_pair(self, before: int, label: Optional[str], skip=frozenset()) -> list[str]:
        """The last two distinct entities (of `label`'s kind, not in `skip`) mentioned before
        char `before`; for people, names the tagger typed ORG count when two PERSONs are not
        found."""
        if label == "PERSON":
            return self._pair(before, {"PERSON"}, skip) or self._pair(before, {"PERSON", "ORG"}, skip)
        if label is None:  # "the two", "both": the two people of the story, else two states
            return self._pair(before, {"PERSON"}, skip) or self._pair(before, {"GPE", "NORP"}, skip)
        return self._pair(before, {"GPE", "NORP"}, skip)

    def _pair(self, before: int, kinds: set[str], skip=frozenset()) -> list[str]:
        seen: list[str] = []
        for start, eid, lab in reversed(self.order):
            if start >= before or lab not in kinds or eid in seen or eid in skip:
                continue
            seen.append(eid)
            if len(seen) == 2:
                return list(reversed(seen))
        return []


def add_new(out: list[str], ids) -> None:
    """Append the ids not yet in `out`, in order."""
    for i in ids:
        if i not in out:
            out.append(i)


def phrase_entities(tok, index: EntityIndex, depth: int = 0, located: bool = True) -> list[str]:
    """Entities a noun phrase headed by `tok` refers to: the head's own entity, else those of its
    modifiers ("Russian troops", "officials from Hungary"); and those of its conjuncts."""
    out: list[str] = []
    if depth > 4:
        return out
    eid = index.by_token.get(tok.i)
    if eid is not None:
        out.append(eid)
    else:
        owners: list[str] = []  # "its partners": a pronoun owner only when nothing else names them
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":
                add_new(owners, phrase_entities(child, index, depth + 1))
            elif child.dep_ in PHRASE_DEPS:
                add_new(out, phrase_entities(child, index, depth + 1))
            elif child.dep_ == "prep" and child.lemma_.lower() in PHRASE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        add_new(out, phrase_entities(pobj, index, depth + 1))
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                # "workers affiliated with the union", "rebels backed by Rwanda"
                for pobj in prep_objects(child, AFFILIATION_PREPS) + [
                        p for a in children(child, "agent") for p in children(a, "pobj")]:
                    add_new(out, phrase_entities(pobj, index, depth + 1))
        named = [e for c in tok.children if c.dep_ == "appos" for e in phrase_entities(c, index, depth + 1)]
        if named:  # "his Mongolian counterpart, Battsetseg Batmunkh": the person, not "Mongolian"
            out = named
        if not out:
            out = owners
    if not out and located:  # "security forces in Guinea", "opposition groups in Zimbabwe"
        for pobj in prep_objects(tok, {"in", "throughout", "across"}):
            add_new(out, phrase_entities(pobj, index, depth + 1))
    for child in tok.children:
        if child.dep_ == "conj":
            add_new(out, phrase_entities(child, index, depth + 1))
    return out


def pair_entities(tok, index: EntityIndex, speaker=()) -> list[str]:
    """ "the two leaders", "both sides": the last two people/countries named before, other than
    the `speaker` whose words these are ("Peskov said the two leaders would meet")."""
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children}
    if not ({"two", "both"} & words) and tok.lemma_.lower() != "both":
        return []
    label = next((PAIR_WORDS[w] for w in words if PAIR_WORDS.get(w)), None)
    return index.recent_pair(tok.idx + index.doc.parse_offset, label, frozenset(speaker))


def subject_entities(subj, index: EntityIndex) -> list[str]:
    ids = phrase_entities(subj, index)
    if ids:
        return ids
    verb = subj.head if subj.head.i != subj.i else subj
    return pair_entities(subj, index, reporter_entities(verb, index))


def dateline_subject(verb, index: EntityIndex) -> list:
    """The subject the parser folded into the dateline: a verb with no subject outside the
    dateline whose dependent starts there ("PHNOM PENH 1996-08-30 / Cambodia's King ... gave a
    pardon", parsed "PHNOM -> PENH -> Sihanouk") has it in the phrases after the dateline that
    hang from the dateline's words, before the verb."""
    if not index.dateline or any(s.i not in index.dateline
                                 for s in children(verb, "nsubj", "nsubjpass", "csubj")):
        return []
    return [t for c in verb.children if c.i in index.dateline for t in c.subtree
            if t.i not in index.dateline and t.head.i in index.dateline and t.i < verb.i
            and t.pos_ in ("NOUN", "PROPN")]


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok, preps) -> list:
    out = []
    for prep in children(tok, "prep"):
        if prep.lemma_.lower() in preps:
            out += children(prep, "pobj")
    return out


def reporter_entities(verb, index: EntityIndex) -> list[str]:
    """For "X said it had ...": the subject of the reporting verb that governs this clause."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "ccomp" and tok.head.i != tok.i:
        for s in children(tok.head, "nsubj"):
            return phrase_entities(s, index)
    return []


def pronoun_antecedent(pron, index: EntityIndex) -> list[str]:
    """Entities of the nearest argument noun phrase before a pronoun, in its sentence."""
    sent_start = pron.sent.start
    for i in range(pron.i - 1, sent_start - 1, -1):
        tok = pron.doc[i]
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.pos_ in ("NOUN", "PROPN"):
            ids = phrase_entities(tok, index)
            if ids:
                return ids
    return []
