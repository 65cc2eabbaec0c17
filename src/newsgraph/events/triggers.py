"""Find event triggers: verbs and event nouns whose lemma the lexicon knows.

A token is looked up by (lemma, coarse POS): VERB for verbs, NOUN for common nouns ("talks",
"invasion"). A reading "head+word" needs a dependent of the token whose lemma is `word`: a
particle or preposition ("call for", "pull out"), an object ("send troops"), a modifier
("joint exercise", "arms trade"), or the object of a preposition ("state of emergency", "went on
strike"), a class of dependents "@class" (`dependent_lemmas`): "offer+@info" ("offered
details"), "demonstrate+@object" ("demonstrated resolve"), or "^verb", the verb governing an
event noun as its object ("protest+^lodge": a diplomatic protest, not a demonstration). The
first matching reading wins; a reading whose event is "-" blocks the token. A preposition whose
object is a date ("a strike on Monday") is no dependent that selects a reading.

Some uses of an event word name no occurrence, whatever its lemma (`not_an_occurrence`):
- words inside names ("the Camp David Accords", "the Summit of the Americas");
- an event noun modifying another noun ("veto powers", "relief officials", "aid agencies",
  "truce monitors", "protest song"): it classifies the head; kept when the head is itself an
  occurrence ("aid convoy", "relief operation", "bombing campaign": `@occurrence_head`);
- a verb used as an adjective or a noun ("Syrian-backed militia", "the alleged bombers", "the
  visiting king", "evacuated the wounded"): a state or a class of people, not an act;
- a standing arrangement ("sanctions", "a ban", "the truce": `@standing_noun`) that is only
  kept, obeyed or broken ("maintaining sanctions on X", "in compliance with the sanctions",
  "under a defence pact", "even with those restrictions"), with no date of its own: the
  imposing was an event once, upholding it is not a new one. Lifting, easing or tightening it is
  an event, but of its own verb ("lifted the sanctions": RETREAT).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .lexicon import Entry, Lexicon

NAME_TYPES = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "GPE"})
POS_KEYS = {"VERB": "VERB", "NOUN": "NOUN"}
DATE_TYPES = frozenset({"DATE", "TIME"})
SCORE = re.compile(r"\d{1,3}-\d{1,3}")  # a match result ("2-1", "42-36"), not a date
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos", "attr"})


@dataclass(frozen=True)
class Trigger:
    """A token that evokes an event, with the lexicon reading it matched."""

    token: object  # spacy.tokens.Token
    entry: Entry

    @property
    def is_noun(self) -> bool:
        return self.entry.pos == "NOUN"



def is_date_prep(prep) -> bool:
    """ "on Monday", "in July": a preposition whose object is a date, not an argument."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in DATE_TYPES for g in objs)


def dependent_lemmas(token, lex: Optional[Lexicon] = None) -> set[str]:
    """Lemmas of the token's dependents, of the objects of its prepositions and of the "of" of its
    object (a quantity: "tons of aid"), plus the classes
    of its dependents: "@object" (a direct object), "@info" (an object that is information:
    "details", "condolences", `@info_object`), "@clause" (a clausal complement: "offered that
    ..."), and "^verb" for the verb whose object the token is ("lodged a protest": "^lodge"). A
    past participle describing a noun has that noun as its object ("a letter handed over")."""
    out = set()
    info = lex.cue("info_object") if lex is not None else frozenset()
    for child in token.children:
        if child.dep_ == "prep" and is_date_prep(child):
            continue
        if child.dep_ in ("prep", "prt") and child.i < token.i:
            continue  # a fronted phrase is no particle: "For tickets, call ..." is not "call for"
        out.add(child.lemma_.lower())
        out.add(child.text.lower())
        if child.dep_ in ("prep", "agent"):
            out.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("dobj", "nsubjpass"):  # "ended mediation efforts"
            out.update(g.lemma_.lower() for g in child.children if g.dep_ in ("compound", "amod"))
            # what a quantity is of: "provide $70 million of aid", "25,000 tons of food aid"
            out.update(o.lemma_.lower() for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj")
        if child.dep_ == "dobj":
            out.add("@object")
        if child.dep_ in ("dobj", "nsubjpass") and (
                child.lemma_.lower() in info or any(
                    g.dep_ == "conj" and g.lemma_.lower() in info for g in child.children)):
            out.add("@info")
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        out.add("^" + token.head.lemma_.lower())  # "lodged a protest": the verb that governs it
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "a letter handed over": the head is the object
        out.add(token.head.lemma_.lower())
        if token.head.lemma_.lower() in info:
            out.add("@info")
    if "@object" not in out and any(c.dep_ == "ccomp" for c in token.children):
        out.add("@clause")  # "offered that ...", not "offered concessions that ... believed"
    if any(c.dep_ == "ccomp" and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children)
           for c in token.children):
        out.add("@subjunctive")
    if any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in token.children):
        out.add("@xcomp")
    if any(SCORE.fullmatch(t.text) for t in token.subtree if t.i > token.i):
        out.add("@score")
    return out


def has_date(noun, limit: int = 12) -> bool:
    """A date inside the noun's phrase ("sanctions imposed in 2006", "the May 1 truce")."""
    for n, tok in enumerate(noun.subtree):
        if n >= limit:
            break
        if tok.i != noun.i and tok.ent_type_ in DATE_TYPES:
            return True
    return False


def has_own_actor(noun) -> bool:
    """ "Russia's sanctions", "U.S. sanctions", "a ban by the general", "talks between X and Y"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_):
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "between", "among"):
            return True
    return False


def is_standing_reference(noun, lex: Lexicon) -> bool:
    """A standing arrangement only upheld or broken: "maintaining sanctions", "in compliance
    with the sanctions", "under a defence pact", "with those restrictions"."""
    if noun.lemma_.lower() not in lex.cue("standing_noun") or has_date(noun):
        return False
    stative = lex.cue("stative_gov")
    tok = noun
    for _ in range(5):
        gov = tok.head
        if gov.i == tok.i:
            break
        if gov.lemma_.lower() in stative:
            return True
        if gov.pos_ in ("VERB", "AUX") or tok.dep_ not in (
                "pobj", "prep", "dobj", "conj", "appos", "nsubjpass", "compound"):
            break
        tok = gov
    if noun.dep_ == "pobj" and noun.head.lower_ in lex.cue("standing_prep"):
        return not has_own_actor(noun)
    return False


def not_an_occurrence(token, lex: Lexicon) -> bool:
    """True for a use of an event word that names no occurrence (see the module docstring)."""
    if token.ent_type_ in NAME_TYPES:
        return True
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        # a noun modifier (the tagger sometimes calls "veto" in "veto powers" a verb)
        return token.head.lemma_.lower() not in lex.cue("occurrence_head")
    if token.pos_ == "NOUN":
        return is_standing_reference(token, lex)
    if token.dep_ == "amod":
        return True
    return token.dep_ in NOMINAL_DEPS and any(
        c.dep_ == "det" for c in token.children)  # "evacuated the wounded", "the accused"



def reading(token, lex: Lexicon) -> Optional[Entry]:
    """The lexicon reading of `token`, or None when it is not a trigger."""
    pos = POS_KEYS.get(token.pos_)
    if pos is None:
        return None
    entries = lex.readings(token.lemma_.lower(), pos)
    if not entries:
        return None
    if not_an_occurrence(token, lex):
        return None
    deps = None
    for entry in entries:
        if entry.needs is not None:
            if deps is None:
                deps = dependent_lemmas(token, lex)
            if entry.needs not in deps:
                continue
        return None if entry.event == "-" else entry
    return None


def find_triggers(tokens, lex: Lexicon) -> Iterator[Trigger]:
    """Every trigger among `tokens` (a spaCy Doc or Span), in text order."""
    for token in tokens:
        entry = reading(token, lex)
        if entry is not None:
            yield Trigger(token, entry)
