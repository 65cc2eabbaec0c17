"""Who did it to whom: actor and recipient entities of a trigger, from the dependency parse.

Verbs: the subject is the actor and the object (or the object of "with", "to", "against",
"on", ...) the recipient; in the passive the "by" agent is the actor and the subject the
recipient. A verb without its own subject (xcomp "plans to visit", conj "arrived and met",
advcl "..., killing") takes its governor's; a relative clause takes the noun it modifies; an
unresolved pronoun subject of a reported clause ("Switzerland said it had expelled ...") takes
the reporter.
Nouns: possessives and modifiers are actors ("Kim's visit", "a Russian attack"), "by" agents too;
"between X and Y" makes both actors; "to", "with", "against", "on", "of" give the recipient. A
noun without an actor takes the subject of the verb that governs it ("held talks with Y").
Coordination spreads over both conjuncts. A plural subject with no name ("the two leaders met")
takes the last two people (or countries) named before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "upon", "into", "at", "toward",
                             "towards", "over", "for"})
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"of"}
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos", "nummod"})
PHRASE_PREPS = frozenset({"of", "from"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her"})
PAIR_WORDS = {"leader": "PERSON", "president": "PERSON", "man": "PERSON", "two": None,
              "both": None, "side": "GPE", "country": "GPE", "nation": "GPE", "government": "GPE"}


@dataclass
class Roles:
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    reciprocal: bool = False
    host: object = None  # the verb that carries a noun trigger ("held" for "held talks"), or None


class EntityIndex:
    """Token index -> entity id, from the entities' mentions (names, nominals, pronouns)."""

    def __init__(self, doc):
        self.doc = doc
        self.by_token: dict[int, str] = {}
        self.order: list[tuple[int, str, str]] = []  # (char start, entity id, label)
        sdoc, off = doc.parse, doc.parse_offset
        for ent in doc.entities:
            for m in ent.mentions:
                self.order.append((m.start, ent.id, ent.label))
                span = sdoc.char_span(m.start - off, m.end - off, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.by_token.setdefault(tok.i, ent.id)
        self.order.sort()

    def recent_pair(self, before: int, label: Optional[str]) -> list[str]:
        """The last two distinct entities (of `label`'s kind) mentioned before char `before`;
        for people, names the tagger typed ORG count when two PERSONs are not found."""
        if label == "PERSON":
            return self._pair(before, {"PERSON"}) or self._pair(before, {"PERSON", "ORG"})
        return self._pair(before, {"GPE", "NORP"} if label else {"PERSON", "GPE", "NORP"})

    def _pair(self, before: int, kinds: set[str]) -> list[str]:
        seen: list[str] = []
        for start, eid, lab in reversed(self.order):
            if start >= before or lab not in kinds or eid in seen:
                continue
            seen.append(eid)
            if len(seen) == 2:
                return list(reversed(seen))
        return []


def _add(out: list[str], ids) -> None:
    for i in ids:
        if i not in out:
            out.append(i)


def phrase_entities(tok, index: EntityIndex, depth: int = 0) -> list[str]:
    """Entities a noun phrase headed by `tok` refers to: the head's own entity, else those of its
    modifiers ("Russian troops", "officials from Hungary"); and those of its conjuncts."""
    out: list[str] = []
    if depth > 4:
        return out
    eid = index.by_token.get(tok.i)
    if eid is not None:
        out.append(eid)
    else:
        for child in tok.children:
            if child.dep_ in PHRASE_DEPS:
                _add(out, phrase_entities(child, index, depth + 1))
            elif child.dep_ == "prep" and child.lemma_.lower() in PHRASE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        _add(out, phrase_entities(pobj, index, depth + 1))
    if not out:  # "security forces in Guinea", "opposition groups in Zimbabwe"
        for pobj in prep_objects(tok, {"in", "throughout", "across"}):
            _add(out, phrase_entities(pobj, index, depth + 1))
    for child in tok.children:
        if child.dep_ == "conj":
            _add(out, phrase_entities(child, index, depth + 1))
    return out


def pair_entities(tok, index: EntityIndex) -> list[str]:
    """ "the two leaders", "both sides": the last two people/countries named before."""
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children}
    if not ({"two", "both"} & words) and tok.lemma_.lower() != "both":
        return []
    label = next((PAIR_WORDS[w] for w in words if PAIR_WORDS.get(w)), None)
    return index.recent_pair(tok.idx + index.doc.parse_offset, label)


def subject_entities(subj, index: EntityIndex) -> list[str]:
    ids = phrase_entities(subj, index)
    return ids or pair_entities(subj, index)


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok, preps) -> list:
    out = []
    for prep in children(tok, "prep"):
        if prep.lemma_.lower() in preps:
            out += children(prep, "pobj")
    return out


def verb_roles(verb, index: EntityIndex, depth: int = 0) -> Roles:
    """Actor and recipient of a verb (or of the verb that hosts a noun trigger)."""
    roles = Roles()
    subj = children(verb, "nsubj", "csubj")
    passive = children(verb, "nsubjpass")
    agents = children(verb, "agent")
    if passive and not agents and any(p.lower_ == "to" for p in children(verb, "prep")):
        subj, passive = passive, []  # stative "Israel is opposed to ...", "is committed to"
    if passive:
        for s in passive:
            _add(roles.recipient, subject_entities(s, index))
        for agent in agents:
            for pobj in children(agent, "pobj"):
                _add(roles.actor, phrase_entities(pobj, index))
    for s in subj:
        ids = subject_entities(s, index)
        if not ids and s.lower_ in PRONOUNS:
            ids = reporter_entities(verb, index)
        _add(roles.actor, ids)
    if not subj and not passive and depth < 3:
        inherited = inherited_actor(verb, index, depth)
        _add(roles.actor, inherited)
    for obj in children(verb, "dobj", "dative", "attr"):
        _add(roles.recipient, phrase_entities(obj, index))
    for pobj in prep_objects(verb, RECIPIENT_PREPS):
        _add(roles.recipient, phrase_entities(pobj, index))
    if not roles.recipient:  # "threatened to cut off electricity to Armenia"
        for comp in children(verb, "xcomp"):
            for obj in children(comp, "dobj", "dative"):
                _add(roles.recipient, phrase_entities(obj, index))
            for pobj in prep_objects(comp, RECIPIENT_PREPS):
                _add(roles.recipient, phrase_entities(pobj, index))
    # "X and Y met" with no object: reciprocal
    if not roles.recipient and len(roles.actor) > 1:
        roles.reciprocal = True
    roles.recipient = [r for r in roles.recipient if r not in roles.actor] or (
        [] if roles.reciprocal else roles.recipient)
    return roles


def inherited_actor(verb, index: EntityIndex, depth: int) -> list[str]:
    """The actor of a verb with no subject of its own, from the verb it depends on."""
    head = verb.head
    if head.i == verb.i:
        return []
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp") and verb.dep_ == "xcomp":
        return verb_roles(head.head, index, depth + 1).actor  # "is willing to": the subject of "is"
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp" and children(head, "dobj"):
            # "invited Putin to visit": the object of the governor does the visiting
            return phrase_entities(children(head, "dobj")[0], index)
        return verb_roles(head, index, depth + 1).actor
    if verb.dep_ in ("relcl", "acl"):
        return phrase_entities(head, index)
    return []


def reporter_entities(verb, index: EntityIndex) -> list[str]:
    """For "X said it had ...": the subject of the reporting verb that governs this clause."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "ccomp" and tok.head.i != tok.i:
        for s in children(tok.head, "nsubj"):
            return phrase_entities(s, index)
    return []


def host_verb(noun):
    """The verb a noun trigger hangs from: "held talks" (dobj), "met for talks" (pobj),
    "launched ten days of war games" (through a measure noun and "of")."""
    tok = noun
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
            tok = tok.head
        if tok.dep_ in ("dobj", "prep", "nsubjpass", "attr", "xcomp", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head
        if tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.pos_ == "NOUN":
            tok = tok.head  # "days of fighting", "a series of attacks"
            continue
        return None
    return None


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


def noun_roles(noun, index: EntityIndex) -> Roles:
    """Actor and recipient of an event noun: "Kim's visit to Russia", "talks between X and Y"."""
    roles = Roles()
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            _add(roles.actor, phrase_entities(child, index))
    for pobj in prep_objects(noun, {"by", "from"}):
        _add(roles.actor, phrase_entities(pobj, index))
    between = prep_objects(noun, {"between", "among"})
    for pobj in between:
        _add(roles.actor, phrase_entities(pobj, index) or pair_entities(pobj, index))
    if len(roles.actor) > 1 and between:
        roles.reciprocal = True
    for pobj in prep_objects(noun, NOUN_RECIPIENT_PREPS):
        _add(roles.recipient, phrase_entities(pobj, index))
    host = host_verb(noun)
    roles.host = host
    # "lauded the Russian military for its invasion": an unresolved possessive pronoun refers
    # to the nearest noun phrase before it, which need not be the host verb's subject
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and not roles.actor:
            _add(roles.actor, pronoun_antecedent(c, index))
    if host is not None:
        hosted = verb_roles(host, index)
        if not roles.actor:
            if noun.dep_ == "nsubjpass":
                roles.actor = hosted.actor
            elif not hosted.actor and children(host, "nsubjpass"):
                # "forces were engaged in ethnic cleansing": the passive subject acts
                roles.actor = [e for s in children(host, "nsubjpass") for e in subject_entities(s, index)]
            else:
                roles.actor = [a for a in hosted.actor if a not in roles.recipient]
        if not roles.recipient:
            roles.recipient = [r for r in hosted.recipient if r not in roles.actor]
    roles.recipient = [r for r in roles.recipient if r not in roles.actor]
    if len(roles.actor) > 1 and not roles.recipient:
        roles.reciprocal = True
    return roles


def event_roles(trigger, index: EntityIndex) -> Roles:
    """Roles of a trigger token (verb or noun)."""
    if trigger.pos_ == "NOUN":
        return noun_roles(trigger, index)
    return verb_roles(trigger, index)
