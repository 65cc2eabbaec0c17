"""The words, names and numbers an article is about: the raw counts a story is matched on.

A story is one real-world happening. What it is about is said by its content words ("rehab",
"heavyweight", "heist"); which happening by its names ("Tara Reid", "Mannheim"), its numbers
("$108 million", "52-3") and its years. These are counted separately, as channels, because
each needs its own weight: in a sparse pile of topic words a name is easily drowned.

Everything here reads the contract record only (CONTRACT.md): `text`, `body`, `headline`,
`entities`, `times`, `places`. The lead (headline and the body's first characters) says
what happened, so what appears there counts twice.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from ..places.gazetteer import name_key as fold_name

LEAD_CHARS = 400        # the body's first characters that count twice (headline + first sentence)
LEAD_ONLY_CHARS = 300   # the body's first characters of the `lead` channel
WORD = re.compile(r"[^\W\d_][\w'’-]*")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"^(\d{4})")
NAME_TOKEN = re.compile(r"[^\W_]+")
# the last word of a person's name that is not their name
NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

# channel names, in the order every table and feature list uses
CHANNELS = ("words", "names", "persons", "numbers", "years", "lead", "places")


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop-word list (the words that say nothing about a story)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def content_word(token: str) -> str | None:
    """The lower-cased form of a word that can say what a story is about, or None
    (stop words, words shorter than three letters)."""
    word = token.lower().strip("'’-")
    if len(word) < 3 or word in stop_words():
        return None
    return word


def name_key(name: str, label: str) -> str | None:
    """The key under which one name is the same across articles.

    Accents, case and punctuation are folded ("Gérard" = "gerard", "U.S." = "us"); a person is
    known by their surname, as news writing refers to them after the first mention ("Vincent
    Jackson" = "Jackson" = "WR Jackson"), suffixes dropped ("Mark Felt Sr." = "felt")."""
    tokens = NAME_TOKEN.findall(fold_name(name))
    if label == "PERSON":
        while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
            tokens.pop()
        tokens = tokens[-1:]
    elif tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens) or None


@dataclass
class ArticleTerms:
    """Raw counts per channel (see CHANNELS) and how much each person is talked about."""

    counts: dict[str, Counter] = field(default_factory=lambda: {c: Counter() for c in CHANNELS})
    person_shares: dict[str, float] = field(default_factory=dict)


def spans(record: dict) -> tuple[int, int, int]:
    """(start of the article, end of the lead, end of the body) in `text`: the headline (when
    the record has one) through the body; page chrome after the body is not the story."""
    text = record.get("text") or ""
    body = record.get("body") or {"start": 0, "end": len(text)}
    headline = record.get("headline")
    start = min(body["start"], headline["start"]) if headline else body["start"]
    return start, body["start"] + LEAD_CHARS, body["end"]


def article_terms(record: dict) -> ArticleTerms:
    """Count the words, names, persons, numbers, years, lead terms and places of a record."""
    out = ArticleTerms()
    counts = out.counts
    text = record.get("text") or ""
    start, lead_end, end = spans(record)
    lead_only_end = lead_end - LEAD_CHARS + LEAD_ONLY_CHARS
    for m in WORD.finditer(text, start, end):
        word = content_word(m.group())
        if word:
            counts["words"][word] += 1 + (m.start() < lead_end)
            if m.start() < lead_only_end:
                counts["lead"][word] += 1
    for m in NUMBER.finditer(text, start, end):
        counts["numbers"][m.group()] += 1
    persons: Counter = Counter()
    for entity in record.get("entities") or []:
        key = name_key(entity.get("name") or "", entity.get("label") or "")
        if not key:
            continue
        names = [m for m in entity.get("mentions") or [] if m.get("kind", "name") == "name"]
        in_lead = sum(m["start"] < lead_end for m in names)
        counts["names"][key] += len(names) + in_lead
        if entity.get("label") == "PERSON":
            counts["persons"][key] += len(names) + in_lead
            persons[key] += len(names) + 2 * in_lead
        lead_names = sum(m["start"] < lead_only_end for m in names)
        if lead_names:
            counts["lead"]["n:" + key] += lead_names
    for t in record.get("times") or []:
        m = YEAR.match(t.get("value") or "")
        if m:
            counts["years"][m.group(1)] += 1
    for p in record.get("places") or []:
        if p.get("geonameid") is not None:
            counts["places"][str(p["geonameid"])] += 1 + (p["start"] < lead_end)
    for channel in CHANNELS:  # zero counts (an entity with no name mention) are no evidence
        counts[channel] = +counts[channel]
    total = sum(persons.values())
    out.person_shares = {k: v / total for k, v in sorted(persons.items()) if v} if total else {}
    return out
