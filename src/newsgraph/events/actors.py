"""Fallback actor coding: the country of an entity from country names, demonyms and capitals.

The entities stage owns actor coding (`Entity.actor`). Until it codes an entity, events still
need a country for their actors, so this module offers one small public helper,
`actor_for_entity(entity, doc)`, which the entities stage can also call:

- a GPE / NORP / ORG / FAC whose name is a country, demonym, capital or seat of government
  ("Russia", "Russians", "Moscow", "the Kremlin") gets that country;
- an ORG whose name contains one ("the South Korean Defense Ministry") gets it too;
- a PERSON (or other name) gets the country named next to it in its own noun phrase or
  apposition ("Israeli Prime Minister Benjamin Netanyahu", "Lavrov, Russia's foreign minister").

The sector comes from cue words near the country word (minister -> GOV, army -> MIL, ...).
Data: `knowledge/countries_actors.tsv` (country table and sector cues).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from ..document import Actor, Document, Entity

COUNTRIES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "countries_actors.tsv"
MAX_WORDS = 5  # longest country name, in words, looked for inside a longer name


@functools.lru_cache(maxsize=1)
def load_countries(path: str | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """({lower-cased name/demonym/capital: ISO alpha-3}, {sector cue word: sector})."""
    names: dict[str, str] = {}
    sectors: dict[str, str] = {}
    with open(path or COUNTRIES_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
                continue
            cols = line.split("\t")
            if cols[0] == "@sector":
                for word in cols[2].split("|"):
                    sectors.setdefault(word.strip().lower(), cols[1].strip())
                continue
            iso3 = cols[0].strip()
            for col in cols[1:4]:
                for name in col.split("|"):
                    name = name.strip().lower()
                    if name:
                        names.setdefault(name, iso3)
    return names, sectors


def country_of_name(name: str) -> Optional[str]:
    """ISO alpha-3 of a whole name: "Russia", "the Kremlin", "Russians", "Moscow's" -> RUS."""
    names, _ = load_countries()
    key = " ".join(name.lower().replace("’", "'").split())
    for cand in (key, key.removeprefix("the "), key.removesuffix("'s"),
                 key.removeprefix("the ").removesuffix("'s")):
        if cand in names:
            return names[cand]
        if cand.endswith("s") and cand[:-1] in names:  # Israelis, Palestinians, Serbs
            return names[cand[:-1]]
    return None


def country_in_words(words: list[str]) -> Optional[str]:
    """The first country name found as a run of 1..MAX_WORDS words (longest first)."""
    n = len(words)
    for i in range(n):
        for size in range(min(MAX_WORDS, n - i), 0, -1):
            c = country_of_name(" ".join(words[i:i + size]))
            if c:
                return c
    return None


def sector_in_words(words: list[str]) -> Optional[str]:
    _, sectors = load_countries()
    for w in words:
        s = sectors.get(w.lower())
        if s:
            return s
    return None


def mention_context_words(doc: Document, start: int, end: int) -> list[str]:
    """Words of the noun phrase around a mention in the parse: its left modifiers
    ("Israeli Prime Minister" before "Netanyahu") and its appositions."""
    sdoc = doc.parse
    if sdoc is None:
        return []
    span = sdoc.char_span(start - doc.parse_offset, end - doc.parse_offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    head = span.root
    words = [t.text for t in sdoc[head.left_edge.i:span.start]]
    if head.dep_ in ("amod", "compound", "poss", "nmod"):
        words.append(head.head.text)  # "Russian troops": the noun the name modifies
    for child in head.children:
        if child.dep_ == "appos":
            words += [t.text for t in child.subtree]
    # "Sergei Lavrov, the foreign minister of Russia": head of an apposition
    if head.dep_ == "appos":
        words += [t.text for t in head.head.subtree if not (span.start <= t.i < span.end)]
    return words


def actor_for_entity(entity: Entity, doc: Optional[Document] = None) -> Optional[Actor]:
    """A country-level Actor for an entity with no actor coding, or None when none is known."""
    words = entity.name.split()
    # a person's own name is not a country ("Jordan Peterson"), unless spaCy mislabelled a
    # one-word country name as a person
    country = country_of_name(entity.name) if entity.label != "PERSON" or len(words) == 1 else None
    if country is None and entity.label in ("ORG", "FAC", "NORP", "GPE"):
        country = country_in_words(words)
    if country is None and doc is not None:
        for m in entity.mentions:
            if m.kind not in ("name", "nominal"):
                continue
            context = mention_context_words(doc, m.start, m.end)
            country = country_in_words(context)
            if country:
                words = context + words
                break
    if country is None:
        return None
    sector = sector_in_words(words)
    if sector is None and doc is not None and entity.mentions:
        m = entity.mentions[0]
        sector = sector_in_words(mention_context_words(doc, m.start, m.end))
    return Actor(code=country + (sector or ""), country=country, sector=sector)


def ensure_actor_country(entity: Entity, doc: Optional[Document] = None) -> None:
    """Give `entity` an actor country when it has none (keeps any coding it already has)."""
    if entity.actor is not None and entity.actor.country:
        return
    actor = actor_for_entity(entity, doc)
    if actor is None:
        return
    if entity.actor is None:
        entity.actor = actor
    else:
        entity.actor.country = actor.country
        entity.actor.code = entity.actor.code or actor.code
        entity.actor.sector = entity.actor.sector or actor.sector
