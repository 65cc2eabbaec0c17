"""Find event triggers: verbs and event nouns whose lemma the lexicon knows.

A token is looked up by (lemma, coarse POS): VERB for verbs, NOUN for common nouns ("talks",
"invasion"). A reading "head+word" needs a dependent of the token whose lemma is `word`: a
particle or preposition ("call for", "pull out"), an object ("send troops"), a modifier
("joint exercise", "arms trade"), or the object of a preposition ("state of emergency", "went on
strike"). The first matching reading wins; a reading whose event is "-" blocks the token.
Words inside names ("the Camp David Accords", "the Summit of the Americas") are not triggers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .lexicon import Entry, Lexicon

NAME_TYPES = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "GPE"})
POS_KEYS = {"VERB": "VERB", "NOUN": "NOUN"}


@dataclass(frozen=True)
class Trigger:
    """A token that evokes an event, with the lexicon reading it matched."""

    token: object  # spacy.tokens.Token
    entry: Entry

    @property
    def is_noun(self) -> bool:
        return self.entry.pos == "NOUN"


def dependent_lemmas(token) -> set[str]:
    """Lemmas of the token's dependents, and of the objects of its prepositions."""
    out = set()
    for child in token.children:
        out.add(child.lemma_.lower())
        out.add(child.text.lower())
        if child.dep_ in ("prep", "agent"):
            out.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("dobj", "nsubjpass"):  # "ended mediation efforts"
            out.update(g.lemma_.lower() for g in child.children if g.dep_ in ("compound", "amod"))
    return out


def reading(token, lex: Lexicon) -> Optional[Entry]:
    """The lexicon reading of `token`, or None when it is not a trigger."""
    pos = POS_KEYS.get(token.pos_)
    if pos is None:
        return None
    entries = lex.readings(token.lemma_.lower(), pos)
    if not entries:
        return None
    if token.ent_type_ in NAME_TYPES:
        return None
    deps = None
    for entry in entries:
        if entry.needs is not None:
            if deps is None:
                deps = dependent_lemmas(token)
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
