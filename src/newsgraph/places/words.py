"""The place words of `knowledge/place_words.tsv`, loaded once: the wording around and inside
place names that detection, disambiguation and the place-name flag read ("X County", "the city
of X", "in X", "Stratford-upon-Avon", "Northeast Georgia")."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..knowledge import read_words

KINDS = ("admin", "city", "locative", "connector", "not_place", "street", "tail", "feature",
         "hyphen_link", "leading", "initial", "trailing", "generic")


@dataclass(frozen=True)
class PlaceWords:
    """One field per kind of the table (see its header for what each kind is for)."""

    admin: dict[str, str]  # "region" -> "admin", "county" -> "county": the hint the word gives
    city: frozenset[str]
    locative: frozenset[str]  # every word before a lone place name, "and" and "of" too
    place_locative: frozenset[str]  # the locatives that introduce a place on their own
    connector: frozenset[str]
    not_place: frozenset[str]
    street: frozenset[str]
    tail: frozenset[str]
    feature: frozenset[str]
    hyphen_link: frozenset[str]
    leading: frozenset[str]
    initial: dict[str, str]  # "n" -> "north"
    trailing: frozenset[str]
    generic: frozenset[str]
    # the administrative words written out ("county", not "co."): "Amur region" is tried as
    # "Amur" when the gazetteer lacks the whole name
    suffix: frozenset[str]


@functools.lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """Read the table once (cached)."""
    lists = read_words("place_words.tsv", KINDS)
    sets = {kind: frozenset(words) for kind, words in lists.items()
            if kind not in ("admin", "initial")}
    place_locative = frozenset(w for w, v in lists["locative"].items() if v != "join")
    suffix = frozenset(w for w in lists["admin"] if w.isalpha())
    return PlaceWords(admin=lists["admin"], initial=lists["initial"],
                      place_locative=place_locative, suffix=suffix, **sets)
