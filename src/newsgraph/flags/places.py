"""Inconsistent place names: a name no gazetteer knows that looks like a mix-up of two places.

"the train headed towards Khabarovsk-on-Amur" in a story that elsewhere names
Komsomolsk-on-Amur: no place is called Khabarovsk-on-Amur; the name is one word off a place the
article itself names, and the odd word (Khabarovsk) is a different place. A reader should check
which was meant. The check is deliberately narrow:

- the suspect name has two or more words and the gazetteer knows no place by it, as written;
- another place name of the same article has as many words, is known to the gazetteer
  as written, and differs from it in exactly one word;
- the words they share include a distinctive one ("amur"), not only generic ones
  ("new", "north", "saint", "county", "on"), and the two odd words are distinctive too (not
  "Valley" / "City", not an abbreviation: "W. Columbia" / "West Columbia");
- the suspect's odd word is a place of its own (Khabarovsk): the name mixes up two places;
- each suspect name is flagged once, at its first mention.
"""
from __future__ import annotations

import re
from typing import Optional

from ..document import Document, Flag, Place, Span
from ..places.gazetteer import Gazetteer, default_gazetteer, name_key
from ..places.words import place_words
from .voice import quote_at

def find_conflated_places(doc: Document, gaz: Optional[Gazetteer] = None) -> list[Flag]:
    """`inconsistency` flags for place names that look like a mix-up of two places."""
    if len(doc.places) < 2:
        return []
    gaz = gaz or default_gazetteer()
    known: dict[str, Place] = {}  # name key -> first mention of a name the gazetteer knows
    unknown: dict[str, Place] = {}  # name key -> first mention of a name it does not know
    for place in doc.places:
        key = name_key(place.name)
        if len(key.split()) < 2 or key in known or key in unknown:
            continue
        (known if gaz.find(place.name) else unknown)[key] = place
    flags = []
    for key, suspect in unknown.items():
        words = key.split()
        for other_key, other in known.items():
            odd = _one_word_off(words, other_key.split())
            if odd is None or not _is_place(gaz, words[odd]):
                continue
            flags.append(Flag("inconsistency", suspect.start, suspect.end,
                              _note(doc, gaz, suspect, other, words[odd])))
            break
    return flags


def _one_word_off(a: list[str], b: list[str]) -> Optional[int]:
    """The position of the one word where `a` and `b` differ, when they share a distinctive
    word; else None."""
    if len(a) != len(b):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1:
        return None
    shared = [w for i, w in enumerate(a) if i != diff[0]]
    if not any(_distinctive(w) for w in shared):
        return None
    x, y = a[diff[0]], b[diff[0]]
    if not (_distinctive(x) and _distinctive(y)) or x.startswith(y) or y.startswith(x):
        return None  # "Kanawha Valley" / "Kanawha City", "W. Columbia" / "West Columbia"
    return diff[0]


def _distinctive(word: str) -> bool:
    """A word that can tell two places apart: not generic, not an abbreviation, not a number."""
    return len(word) >= 4 and word not in place_words().generic and not word.isdigit()


def _is_place(gaz: Gazetteer, word: str) -> bool:
    """The odd word names a place of its own (a city, a region): the name mixes up two places."""
    return any(c.lat is not None for c in gaz.find(word))


def _note(doc: Document, gaz: Gazetteer, suspect: Place, other: Place, odd: str) -> str:
    """What conflicts with what: the two names, who gives the known one, and the odd word."""
    said = doc.span_text(Span(suspect.start, suspect.end))
    known = doc.span_text(Span(other.start, other.end))
    where = ""
    quote = quote_at(doc, Span(other.start, other.end))
    if quote is not None and quote_at(doc, Span(suspect.start, suspect.end)) is not quote:
        speaker = doc.entity(quote.speaker) if quote.speaker else None
        who = re.sub(r"[“”\"‘’]", "", doc.span_text(quote.source)) if quote.source else ""
        if not (" " in who or who[:1].isupper()):  # the text's own words, unless a stray word
            who = speaker.name if speaker is not None else "a source"
        if who.split(" ", 1)[0] in ("The", "A", "An"):
            who = who[0].lower() + who[1:]
        where = " in a passage attributed to " + who
    word = next((w for w in re.split(r"[\s\-‐‑]+", said) if name_key(w) == odd), odd)
    return (f'no place is known as "{said}", while the article also names "{known}"{where}: '
            f"the names differ in one word, and {word} is a different place. Check which place "
            "is meant.")
