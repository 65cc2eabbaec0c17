"""The reporting-cue lexicon and the anonymous-source nouns, loaded once from `knowledge/`."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..knowledge import read_table, read_words

CUE_COLUMNS = ("cue", "type", "stance", "object")
SOURCE_NOUN_COLUMNS = ("noun", "kind", "gender")
QUOTE_WORD_KINDS = ("belief", "evidence_verb", "evidence_noun", "source_record", "object_verb",
                    "not_label", "medium", "media_person", "outlet_word", "conversation",
                    "speak_verb", "relay_verb", "quote_verb", "listener_prep", "medium_prep")


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, str]  # verb lemma -> stance
    intro_verbs: dict[str, str]  # verbs that count only before a colon or a quotation
    object_verbs: dict[str, str]  # stance verbs whose object is the content
    phrases: dict[tuple[str, ...], str]  # lower-cased token sequence -> stance
    anonymous: frozenset[str]  # head nouns of sources that name no one
    object_verbs_ok: frozenset[str] = frozenset()  # verbs whose noun object can be the content
    nouns: dict[str, str] = None  # noun lemma -> stance ("claim", "warning")

    def stance(self, lemma: str) -> str | None:
        return (self.verbs.get(lemma) or self.intro_verbs.get(lemma)
                or self.object_verbs.get(lemma))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """Read `cues.tsv` and `anonymous_sources.tsv` (cached)."""
    verbs, intro, objects, phrases = {}, {}, {}, {}
    takes_object, nouns = set(), {}
    for row in read_table("cues.tsv", CUE_COLUMNS):
        cue, kind = row.cue.lower(), row.type
        stance = row.stance or "neutral"
        if kind == "verb":
            verbs[cue] = stance
            if row.object == "object":
                takes_object.add(cue)
        elif kind == "intro":
            intro[cue] = stance
        elif kind == "object":
            objects[cue] = stance
        elif kind == "noun":
            nouns[cue] = stance
        elif kind == "phrase":
            phrases[tuple(cue.split())] = stance
        else:
            raise ValueError(f"cues.tsv: unknown cue type {kind!r}")
    return CueLexicon(verbs, intro, objects, phrases, frozenset(source_nouns()),
                      frozenset(takes_object), nouns)


@dataclass(frozen=True)
class SourceNoun:
    """What a source headed by this noun refers to (`knowledge/anonymous_sources.tsv`)."""

    kind: str  # anonymous | person | org
    gender: str  # m | f | "" (unknown)


@functools.lru_cache(maxsize=1)
def source_nouns() -> dict[str, SourceNoun]:
    """noun -> its kind and gender, from `knowledge/anonymous_sources.tsv`."""
    return {row.noun.lower(): SourceNoun(row.kind or "anonymous", row.gender)
            for row in read_table("anonymous_sources.tsv", SOURCE_NOUN_COLUMNS)}


@functools.lru_cache(maxsize=1)
def quote_words() -> dict[str, frozenset[str]]:
    """The word lists of `knowledge/quote_words.tsv` by kind (see its header), read once."""
    return {kind: frozenset(words)
            for kind, words in read_words("quote_words.tsv", QUOTE_WORD_KINDS).items()}
