"""The gazetteer scan of toponym detection: runs of capitalised tokens looked up in the
gazetteer, and whether the text says that a name found so is a place here. This is how
detection (detect.py) finds what spaCy's small model missed or mislabelled ("Amur" as a
PERSON, "Komsomolsk-on-Amur" cut to "Komsomolsk", "Rapides Parish" as NORP, "the DMZ" as an
ORG).

It also holds what detection's other steps share with it: the token facts read once per parse
and the tests a name passes to count as well known or as a qualifier ("Springfield, Ill.").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .gazetteer import Gazetteer, curated_names, name_key
from .words import place_words

# token span -> (source, hint): what detection has found so far
Spans = dict[tuple[int, int], tuple[str, Optional[str]]]

# labels the small model gives a lone well-known place name after "in"/"to" (never NORP)
MISREAD_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
QUALIFIER_KINDS = ("admin1", "country", "region")
MAX_WORDS = 6  # capitalised words in one name, at most
DASHES = {"—", "–", "-", "--"}
RUN_STOPS = {",", ";", ":", "(", ")", '"', "“", "”"}  # a name never runs across these
NAME_PUNCT = ("-", "'", "’", ".")  # the punctuation a name may hold


@dataclass(frozen=True)
class TokenFacts:
    """What detection reads of every token of one parse, read once (indexing a spaCy Doc is
    slow): its text, lower case, whether it is capitalised or punctuation, and the label of
    the spaCy entity it lies in (None outside one)."""

    texts: list[str]
    lowers: list[str]
    caps: list[bool]
    punct: list[bool]
    labels: list[Optional[str]]

    @classmethod
    def of(cls, sdoc) -> "TokenFacts":
        texts = [t.text for t in sdoc]
        labels: list[Optional[str]] = [None] * len(sdoc)
        for ent in sdoc.ents:
            for i in range(ent.start, ent.end):
                labels[i] = ent.label_
        return cls(texts, [t.lower() for t in texts],
                   [t[:1].isupper() and any(ch.isalpha() for ch in t) for t in texts],
                   [t.is_punct for t in sdoc], labels)


def capitalised(tok) -> bool:
    """The token starts with a capital and holds a letter ("Ill.", not "-" or "1990")."""
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


def has_place(gaz: Gazetteer, key: str, multi: bool = False) -> bool:
    """The gazetteer has an entry of this name (a primary name, or any name when multi-word)."""
    cands = gaz.lookup(key)
    return any(c.primary or multi for c in cands)


def well_known(gaz: Gazetteer, key: str) -> bool:
    """A name that means a country, a state or a large city on its own."""
    vocab = place_words()
    return key not in vocab.not_place and any(
        c.primary and (c.kind in ("country", "admin1") or
                       c.kind == "city" and c.population >= 100_000)
        for c in gaz.lookup(key))


def is_qualifier(gaz: Gazetteer, key: str) -> bool:
    """The name can be the Y of "X, Y": a first-level region, a country or a named region."""
    return any(c.kind in QUALIFIER_KINDS for c in gaz.lookup(key))


def scan_gazetteer(sdoc, facts: TokenFacts, gaz: Gazetteer, spans: Spans) -> None:
    """Add to `spans` every name of a capitalised run the gazetteer knows and the text
    vouches for, longest name first; a longer name replaces the shorter spans it overlaps (a
    name spaCy cut: "Komsomolsk" of "Komsomolsk-on-Amur")."""
    curated = curated_names()
    n = len(facts.texts)
    i = 0
    while i < n:
        if not facts.caps[i] or facts.punct[i]:
            i += 1
            continue
        found = _known_name_at(sdoc, i, _run_ends(facts, i), gaz, curated)
        if found is None:
            i += 1
            continue
        j, key, multi = found
        if _curated_place(sdoc, i, j, facts.caps, facts.lowers, curated) or \
                _accept_scan(sdoc, i, j, key, multi, facts.labels, gaz):
            spans.setdefault((i, j), ("gazetteer", None))
            _drop_shorter_overlaps(spans, i, j)
            i = j
        else:
            i += 1


def _run_ends(facts: TokenFacts, i: int) -> list[int]:
    """The token ends a name starting at token i could have: the run of capitalised words,
    connectors ("on", "de") and name punctuation, up to MAX_WORDS capitalised words, with one
    lower-case tail word at most ("the Korean border")."""
    vocab = place_words()
    n = len(facts.texts)
    ends, words, k = [], 0, i
    while k < n and words < MAX_WORDS and facts.texts[k] not in RUN_STOPS:
        if facts.punct[k]:
            if facts.texts[k] not in NAME_PUNCT:
                break
        elif facts.caps[k]:
            words += 1
            ends.append(k + 1)
        elif facts.lowers[k] in vocab.tail:
            ends.append(k + 1)
            break
        elif facts.lowers[k] not in vocab.connector:
            break
        k += 1
    return ends


def _known_name_at(sdoc, i: int, ends: list[int], gaz: Gazetteer,
                   curated: frozenset[str]) -> Optional[tuple[int, str, bool]]:
    """(end, key, multi-word) of the longest name from token i to one of `ends` that the
    gazetteer or our curated tables have; None when there is none."""
    vocab = place_words()
    for j in reversed(ends):
        key = name_key(sdoc[i:j].text)
        if len(key) < 2 or key in vocab.not_place:
            continue
        multi = " " in key
        text = sdoc[i:j].text
        if " ".join(text.split()) in curated or has_place(gaz, key, multi) or (
                # "Khabarovsk-on-Amur": a variant of Khabarovsk
                "-on-" in text and text.count(" ") == 0
                and has_place(gaz, key.split(" on ")[0])):
            return j, key, multi
    return None


def _drop_shorter_overlaps(spans: Spans, i: int, j: int) -> None:
    """Remove the spans shorter than i..j that overlap it."""
    width = j - i  # a shorter overlapping span starts within `width` tokens of i: look those up
    keys = list(spans) if 2 * width * width > len(spans) else \
        [(s, e) for s in range(i - width + 1, j) for e in range(s + 1, s + width) if (s, e) in spans]
    for (s, e) in keys:
        if (s, e) != (i, j) and s < j and i < e and e - s < j - i:
            del spans[(s, e)]


def _curated_place(sdoc, i: int, j: int, caps: list[bool], lowers: list[str],
                   curated: frozenset[str]) -> bool:
    """Tokens i..j are a name of our facilities or regions tables, exactly (case and words as
    written there), and a place here whatever spaCy's label: a multi-word name ("Korean
    Demilitarized Zone", "Joint Security Area") anywhere, a single word ("Panmunjom", "DMZ")
    after a locative preposition, possibly with "the". Not inside a longer capitalised name
    ("Panmunjom Declaration", "Gaza Strip Authority", "Peace House Panmunjom")."""
    vocab = place_words()
    exact = " ".join(sdoc[i:j].text.split())
    if exact not in curated:
        return False
    n = len(lowers)
    before = i - 1
    if before >= 0 and lowers[before] == "the":
        before -= 1
    elif before >= 0 and caps[before] and not sdoc[before].is_punct and not sdoc[i].is_sent_start:
        return False  # a capitalised word just before: part of a longer name
    if j < n and caps[j] and not sdoc[j].is_punct:
        return False
    if j + 1 < n and sdoc[j].text in DASHES and caps[j + 1]:
        return False
    if " " in exact:
        return True
    return len(exact) >= 3 and before >= 0 and lowers[before] in vocab.place_locative


def _accept_scan(sdoc, i: int, j: int, key: str, multi: bool, labels, gaz: Gazetteer) -> bool:
    """Whether a gazetteer match the scan found is a place in this sentence."""
    vocab = place_words()
    inside = {labels[k] for k in range(i, j)}
    nxt = sdoc[j] if j < len(sdoc) else None
    prev = sdoc[i - 1] if i > 0 else None
    prev2 = sdoc[i - 2] if i > 1 else None
    # wording that says "place": "X region", "X County", "city of X", "region of X"
    if nxt is not None and nxt.lower_ in vocab.admin:
        return True
    if prev is not None and prev.lower_ == "of" and prev2 is not None and \
            (prev2.lower_ in vocab.city or prev2.lower_ in vocab.admin):
        return True
    if multi and sdoc[j - 1].lower_ in vocab.admin:  # "Rapides Parish", even if mislabelled
        return True
    # a dateline: "MANSFIELD — ..." at the start of a line or sentence
    if sdoc[i].is_upper and (i == 0 or sdoc[i].is_sent_start or "\n" in sdoc[i - 1].text_with_ws) \
            and nxt is not None and nxt.text in DASHES:
        return True
    # a legislator's party and home: "D-Hardy", "R-Charleston"
    if prev is not None and prev.text in ("-",) and prev2 is not None and prev2.text in ("D", "R", "I"):
        return True
    # "arrived in Ulaanbaatar" read as an ORG, "moving to Calcutta" as a PRODUCT: a country,
    # state or large city standing alone after a locative preposition is the place
    if not multi and inside and inside <= MISREAD_LABELS and prev is not None and \
            prev.lower_ in vocab.place_locative and not (nxt is not None and capitalised(nxt)) and \
            well_known(gaz, key):
        return True
    # "Rostov-on-Don", "Stratford-upon-Avon", "Frankfurt-am-Main": a hyphenated name joined by
    # a place preposition that the gazetteer knows is a town, whatever the tagger made of it
    if multi and j - i >= 5 and sdoc[i + 1].text == "-" and sdoc[i + 3].text == "-" and \
            sdoc[i + 2].lower_ in vocab.hyphen_link and gaz.lookup(key):
        return True
    if inside & {"PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "LANGUAGE"}:
        return False
    if multi:
        return True
    if inside & {"NORP", "ORG"}:
        return False
    if not sdoc[i].pos_ == "PROPN" or len(key) < 3:
        return False
    # "Springfield, Ill.": the name is followed by a state or country
    if nxt is not None and nxt.text == "," and j + 1 < len(sdoc):
        after = sdoc[j + 1]
        if capitalised(after) and is_qualifier(gaz, name_key(after.text)):
            return True
    return prev is not None and prev.lower_ in vocab.place_locative
