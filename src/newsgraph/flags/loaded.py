"""Loaded language: the writer's words that carry a judgement (knowledge/loaded_language.tsv).

A term matches a run of tokens of the one parse, each token by its lower-cased text or its
lemma, hyphens optional. A match is the writer's loaded language unless:

- it is someone else's words: inside quotation marks or a direct/block quote (`voice.Voices`);
- it is a label a speaker applies: "critics call him a dictator", "X described the
  government as a rogue state", "viewed them as terrorists", a label inside a paraphrase
  ("critics say he is a tyrant", "the minister said the thugs ...") unless it describes someone
  the writer names ("officials confirmed that dictator X ..."), or a word discussed rather than
  applied ("who is a terrorist");
- it is part of a name (a film, an organisation, a law: "The Great Dictator");
- its condition fails: a `noun` term that only modifies another noun ("strongman competition",
  "terrorist attack"), a `speech` verb without a speaker and a target ("slammed into a wall").

A one-word label takes the lower-case adjectives before it into its span ("communist
dictator"), but not neutral ones ("the current dictator" flags "dictator").
"""
from __future__ import annotations

from typing import Iterator, Optional

from ..document import Document, Flag
from .lexicon import LoadedTerm, flag_words, load_lexicon
from .voice import Voices

HYPHENS = frozenset({"-", "‐", "‑"})
NAME_TYPES = frozenset({"WORK_OF_ART", "ORG", "EVENT", "LAW", "PRODUCT", "FAC"})
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# verbs by which a speaker applies a label: the label is reported, not the writer's
CALLING = flag_words()["calling"]
WH_WORDS = frozenset({"who", "what", "whoever", "which"})
# verbs whose object or complement is the name they give: "called him a dictator"
NAMING = flag_words()["naming"]
PREDICATIVE = frozenset({"attr", "oprd", "acomp"})
# modifiers that say when or which, not what kind: "the current dictator" flags "dictator"
NEUTRAL_MODIFIERS = flag_words()["neutral_modifier"]
# a speech verb's target must not be a motion: "slammed into", "blasted off"
MOTION_PREPS = frozenset({"into", "against", "through", "onto", "across", "out", "off", "down"})


def find_loaded_language(doc: Document, voices: Optional[Voices] = None) -> list[Flag]:
    """`loaded_language` flags for the writer's loaded words in the parse, in text order."""
    if doc.parse is None:
        return []
    voices = voices or Voices(doc, doc.parse_offset + len(doc.parse.text))
    off = doc.parse_offset
    flags = []
    for first, last, term in _matches(doc.parse, load_lexicon()):
        if not _counts(first, last, term, doc, voices):
            continue
        if len(term.words) == 1 and term.category == "label":
            first = _extend_left(last)
        start, end = first.idx + off, last.idx + len(last.text) + off
        flags.append(Flag("loaded_language", start, end, f"{term.category}: {term.reason}"))
    return flags


def _matches(parse, lexicon) -> Iterator[tuple]:
    """(first token, last token, term) for the longest term at each word, left to right, never
    overlapping; hyphen tokens are skipped both in the text and in the terms."""
    words = [t for t in parse if not t.is_space and t.text not in HYPHENS]
    i = 0
    while i < len(words):
        tok = words[i]
        lower, lemma = tok.lower_, tok.lemma_.lower()
        found = None
        for key in (lower, lemma) if lemma != lower else (lower,):
            for term in lexicon.get(key, ()):
                if found is not None and len(found.words) >= len(term.words):
                    break
                if _match_rest(words, i, term.words):
                    found = term
                    break
        if found is None:
            i += 1
            continue
        yield tok, words[i + len(found.words) - 1], found
        i += len(found.words)


def _match_rest(words, i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(words):
        return False
    for j in range(1, len(phrase)):
        tok = words[i + j]
        if tok.is_sent_start or (tok.lower_ != phrase[j] and tok.lemma_.lower() != phrase[j]):
            return False
    return True


def _counts(first, last, term: LoadedTerm, doc: Document, voices: Voices) -> bool:
    """Is this match the writer's loaded language? (See the module docstring.)"""
    off = doc.parse_offset
    start, end = first.idx + off, last.idx + len(last.text) + off
    if voices.quoted(start, end):
        return False
    if any(t.ent_type_ in NAME_TYPES for t in first.doc[first.i:last.i + 1]):
        return False
    if term.condition == "noun" and not _names_referent(last):
        return False
    if term.condition == "speech" and not _criticises(first):
        return False
    if term.category in ("label", "advocacy") and _applied_by_speaker(last, voices, off):
        return False
    return True


def _names_referent(tok) -> bool:
    """A noun that names its referent: not a modifier of another noun, except of a name
    ("dictator Kim Jong-un" is the label of Kim)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("compound", "amod", "nmod"):
        return tok.head.pos_ == "PROPN" and tok.head.i > tok.i
    return True


def _criticises(verb) -> bool:
    """A speech verb used of criticism: a speaker subject (a person, body, state, nationality or
    a personal pronoun), a target (an object, or "for ..."/"over ..."), and no motion."""
    if verb.pos_ != "VERB":
        return False
    speaker = target = False
    for child in verb.children:
        if child.dep_ == "nsubj":
            speaker = (child.ent_type_ in SPEAKER_TYPES or child.lower_ in SPEAKER_PRONOUNS
                       or any(c.ent_type_ in SPEAKER_TYPES for c in child.children))
        elif child.dep_ in ("dobj", "obj"):
            target = True
        elif child.dep_ == "prep" and child.lower_ in ("for", "over"):
            target = True
        elif (child.dep_ in ("prep", "prt") and child.lower_ in MOTION_PREPS):
            return False
    return speaker and target


def _applied_by_speaker(tok, voices: Voices, off: int) -> bool:
    """A label a speaker applies: named by a naming verb ("called him a dictator", "branded
    them thugs"), taken "as" by a verb of calling ("described it as a rogue state", "denounced
    him as a tyrant"), or a predicate inside reported content ("critics say he is a tyrant")."""
    as_object = tok.dep_ == "pobj" and tok.head.lower_ == "as"
    verb = tok.head.head if as_object else tok.head
    lemma = verb.lemma_.lower() if verb.pos_ == "VERB" else ""
    if as_object and lemma in CALLING:
        return True
    if tok.dep_ in PREDICATIVE | {"dobj", "ccomp", "xcomp"} and lemma in NAMING:
        return True
    start = tok.idx + off
    if tok.dep_ in PREDICATIVE or as_object:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in WH_WORDS for c in tok.head.children):
            return True  # "who is a terrorist": the word discussed, not applied
        return voices.in_reported(start, start + len(tok.text))
    # in a paraphrase a label is the speaker's word, unless it describes someone the writer
    # names ("officials said that dictator X ..."): that description is the writer's
    return voices.in_paraphrase(start, start + len(tok.text)) and not _describes_name(tok)


def _describes_name(tok) -> bool:
    """The label stands before or beside a name: "dictator Kim", "Kim, the dictator"."""
    head = tok.head
    if tok.dep_ in ("compound", "amod", "nmod", "appos") and head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)


def _extend_left(tok):
    """The first token of a one-word label's phrase: the adjacent lower-case adjectives (or
    adjective-like nouns) modifying it, minus neutral ones ("communist dictator")."""
    first = tok
    while first.i > 0:
        prev = tok.doc[first.i - 1]
        if (prev.head.i == tok.i and prev.dep_ in ("amod", "compound") and prev.pos_ in ("ADJ", "NOUN")
                and prev.text.islower() and prev.lower_ not in NEUTRAL_MODIFIERS):
            first = prev
        else:
            break
    return first
