"""Finding toponyms: spaCy's GPE/LOC/FAC names, plus what the gazetteer knows that spaCy missed.

The small English model misses or mislabels many place names ("Amur" as a PERSON,
"Komsomolsk-on-Amur" cut to "Komsomolsk", "Rapides Parish" as NORP). So besides spaCy's place
names we scan runs of capitalised tokens against the gazetteer and accept a match when the
text itself says it is a place:
- a multi-word name the gazetteer has ("Vostochny Cosmodrome", "Komsomolsk-on-Amur");
- a region or city pattern: "X region/province/oblast/krai/county/parish", "the region of X",
  "the city of X";
- a single name after a locative preposition ("in Pineville", "near Alexandria");
- the "X, Y" pattern where Y is a state, province or country ("Springfield, Ill.");
- a name of our curated facilities and regions tables, exactly as written there, whatever
  spaCy labels it (it reads "the Korean Demilitarized Zone" as an EVENT, "the DMZ" and
  "Yongbyon" as ORGs, "Panmunjom" as a PERSON): a multi-word name anywhere, a single word
  after a locative preposition ("at Panmunjom", "at the DMZ"); not when it is part of a
  longer capitalised name ("the Panmunjom Declaration");
- a country, state or large city spaCy labelled ORG or PRODUCT (not PERSON or NORP), alone
  after a locative preposition ("arrived in Ulaanbaatar", "moving to Calcutta").
Two more repairs of the small model: a country, state or large city it labelled PERSON
("Alexandria parents charged", "Sri Lanka has") is a place unless the article uses the word in
a longer person's name; and "Jackson and Barrow counties" names two counties. A name found as
a place makes its other mentions places (one or two words, known to the gazetteer).
Demonyms ("Russian", "Americans") are not places: NORP names are never taken as such.
Each mention carries a kind hint from its pattern and, for "X, Y", the index of its qualifier.
The gazetteer scan and its tests are in scan.py; the words these rules read ("region", "in",
"Street", "River") in knowledge/place_words.tsv.
"""
from __future__ import annotations

import bisect

from dataclasses import dataclass
from typing import Optional

from .gazetteer import Gazetteer, name_key
from .scan import DASHES, Spans, TokenFacts, capitalised, is_qualifier, scan_gazetteer, well_known
from .words import place_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class Toponym:
    """A place name found in the text; start/end are offsets into Document.text."""

    start: int
    end: int
    text: str
    key: str
    source: str  # "spacy" | "gazetteer" | "pattern"
    hint: Optional[str] = None  # "admin" | "county" | "city" from the wording around it
    qualifier: Optional[int] = None  # index of Y in "X, Y"
    tokens: tuple[int, int] = (0, 0)  # the token span in the parse


def find_toponyms(sdoc, offset: int, gaz: Gazetteer) -> list[Toponym]:
    """Toponyms of one parsed document, in text order, not overlapping. The steps, in order:
    spaCy's place names and three repairs of the small model (1-1c), county lists (1d), the
    gazetteer scan (2, scan.py), the region/county/city wording around each name (3), the
    other mentions of a name found (4), and what is not a place after all (5); then the "X, Y"
    qualifiers are linked."""
    facts = TokenFacts.of(sdoc)
    spans: Spans = {}
    _spacy_places(sdoc, spans)
    _places_opening_names(sdoc, gaz, spans)
    in_person_names = _places_read_as_people(sdoc, gaz, spans)
    _county_lists(sdoc, spans)
    scan_gazetteer(sdoc, facts, gaz, spans)
    found = _widened(sdoc, spans)
    _other_mentions(sdoc, facts, gaz, found)
    toponyms = _places_kept(sdoc, facts, gaz, found, in_person_names, offset)
    _link_qualifiers(facts.texts, toponyms, gaz)
    return toponyms


def _spacy_places(sdoc, spans: Spans) -> None:
    """1. spaCy's place names, cut at commas ("Springfield, Ill." is two places)."""
    for ent in sdoc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or sdoc[i].text == ",":
                s, e = _trim(sdoc, start, i)
                if e > s:
                    spans[(s, e)] = ("spacy", None)
                start = i + 1


def _places_opening_names(sdoc, gaz: Gazetteer, spans: Spans) -> None:
    """1b. A place at the start of an organisation's name ("the Ohio Supreme Court",
    "Shreveport Police Department"), unless the name is a street or building: the longest
    opening words that name a country, a state or a city of 20,000 (not an abbreviation)."""
    vocab = place_words()
    for ent in sdoc.ents:
        if ent.label_ not in ("ORG", "FAC") or (ent.start, ent.end) in spans:
            continue
        s0, e0 = _trim(sdoc, ent.start, ent.end)
        if any(sdoc[k].lower_.rstrip(".") in vocab.street for k in range(s0, e0)):
            continue
        for j in range(e0 - 1, s0, -1):
            key = name_key(sdoc[s0:j].text)
            if key in vocab.not_place or sdoc[j - 1].is_punct:
                continue
            abbreviation = "." in sdoc[s0:j].text or sdoc[s0:j].text.isupper()
            if any(c.primary and (c.kind in ("country", "admin1") or
                                  c.kind == "city" and c.population >= 20000 and not abbreviation)
                   for c in gaz.lookup(key)):
                spans.setdefault((s0, j), ("spacy", None))
                break


def _places_read_as_people(sdoc, gaz: Gazetteer, spans: Spans) -> set[str]:
    """1c. A well-known place the small model took for a person ("Alexandria parents
    charged", "Sri Lanka has ..."), unless the article uses the word inside a longer
    person's name ("Brett Hartmann", "Michael Jordan"). Returns the words of those longer
    person names (step 5 reads them too)."""
    in_person_names: set[str] = set()
    known_people = []
    for ent in sdoc.ents:
        if ent.label_ != "PERSON":
            continue
        s0, e0 = _trim(sdoc, ent.start, ent.end)
        if e0 <= s0 or (s0, e0) in spans:
            continue
        if e0 - s0 <= 2 and well_known(gaz, name_key(sdoc[s0:e0].text)):
            known_people.append((s0, e0))
        elif e0 - s0 >= 2:
            in_person_names.update(sdoc[k].lower_ for k in range(s0, e0))
    for s0, e0 in known_people:
        if not any(sdoc[k].lower_ in in_person_names for k in range(s0, e0)):
            spans[(s0, e0)] = ("spacy", None)
    return in_person_names


def _county_lists(sdoc, spans: Spans) -> None:
    """1d. "Jackson and Barrow counties", "Cooke, Grayson and Love counties": each name
    before a plural "counties" or "parishes" is a county."""
    for k, tok in enumerate(sdoc):
        if tok.lower_ not in ("counties", "parishes") or k == 0:
            continue
        j = k
        while j > 0:
            prev = sdoc[j - 1]
            if capitalised(prev) and prev.pos_ == "PROPN":
                spans[(j - 1, j)] = ("pattern", "county")
                j -= 1
            elif prev.text == "," or prev.lower_ in ("and", "or", "&"):
                j -= 1
            else:
                break


def _widened(sdoc, spans: Spans) -> Spans:
    """3. Each span with the region/county/city wording around it ("Amur region", "the city
    of X"), in text order; a span overlapping an earlier one is dropped."""
    result: Spans = {}
    kept: list[tuple[int, int]] = []  # result's spans in start order; never overlapping, so
    for (s, e), (source, hint) in sorted(spans.items()):  # also in end order: bisect, not scan
        s, e, hint = _widen(sdoc, s, e, hint)
        k = bisect.bisect_left(kept, (e,))
        if s >= e:  # an empty span (none expected): the plain test
            if any(s < e2 and s2 < e for (s2, e2) in result):
                continue
        elif k > 0 and kept[k - 1][1] > s:
            continue
        result[(s, e)] = (source, hint)
        bisect.insort(kept, (s, e))
    return result


def _other_mentions(sdoc, facts: TokenFacts, gaz: Gazetteer, found: Spans) -> None:
    """4. One sense per discourse: other mentions of a name found as a place (and known to
    the gazetteer) are places too, single words ("Alexandria") and two-word names ("Sri
    Lanka"), unless they are part of a longer name."""
    vocab = place_words()
    lowers, caps, punct, labels = facts.lowers, facts.caps, facts.punct, facts.labels
    n = len(lowers)
    names = {}
    for (s, e) in found:
        key = name_key(sdoc[s:e].text)
        if e - s <= 2 and key not in vocab.not_place and len(key) > 2 and gaz.lookup(key):
            names[tuple(lowers[s:e])] = key
    covered = [False] * n
    for (s, e) in found:
        for k in range(s, e):
            covered[k] = True
    for i in range(n):
        if not caps[i] or covered[i]:
            continue
        for width in (2, 1):
            words = tuple(lowers[i:i + width])
            if len(words) < width or words not in names or any(covered[i:i + width]):
                continue
            if width == 1 and (labels[i] in ("GPE", "LOC", "FAC") or
                               not _single_name(sdoc, i, labels)):
                continue
            if width == 2 and i + 2 < n and caps[i + 2] and not punct[i + 2]:
                continue  # part of a longer name
            found[(i, i + width)] = ("gazetteer", None)
            for k in range(i, i + width):
                covered[k] = True
            break


def _places_kept(sdoc, facts: TokenFacts, gaz: Gazetteer, found: Spans,
                 in_person_names: set[str], offset: int) -> list[Toponym]:
    """5. The toponyms, in text order, without what is not a place after all: demonyms and
    NORP names, a word of a person's name used alone ("Holroyd said" after "Jane Holroyd"),
    and streets or numbered buildings the gazetteer does not know."""
    vocab = place_words()
    labels, lowers = facts.labels, facts.lowers
    toponyms: list[Toponym] = []
    for (s, e), (source, hint) in sorted(found.items()):
        span = sdoc[s:e]
        if all(labels[k] == "NORP" for k in range(s, e)) and hint is None and \
                len(name_key(span.text).split()) < 2:
            continue
        key = name_key(span.text)
        if not key or key in vocab.not_place:
            continue
        if e - s == 1 and hint is None and lowers[s] in in_person_names and \
                not well_known(gaz, key):
            continue  # "Holroyd said" after "Jane Holroyd": the person, not a small town
        if labels[s] == "FAC" and not gaz.lookup(key) and (
                sdoc[e - 1].lower_.rstrip(".") in vocab.street or any(t.like_num for t in span)):
            continue
        toponyms.append(Toponym(span.start_char + offset, span.end_char + offset, span.text,
                                key, source, hint, tokens=(s, e)))
    return toponyms


def _trim(sdoc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and trailing punctuation or possessive "'s" from a token span."""
    while start < end and sdoc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (sdoc[end - 1].is_punct or sdoc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    return start, end


def vouched_for(top: Toponym, sdoc) -> bool:
    """Whether a toponym the gazetteer cannot resolve is still reported as a place: only when
    the text itself says it is one ("X River", "Lake X", "X County", "the city of X") or
    spaCy calls it a location. A bare unknown name spaCy calls a GPE or facility is most often
    a person, an organisation or a building ("Pawlenty", "Webb Center") in its own sentence."""
    vocab = place_words()
    if top.hint is not None:
        return True
    words = top.key.split()
    if words and (words[-1] in vocab.feature or words[0] in vocab.feature):
        return True
    s, e = top.tokens
    return e > s and all(sdoc[k].ent_type_ == "LOC" for k in range(s, e))


def _single_name(sdoc, i: int, labels) -> bool:
    """Token i is a name on its own: not part of a longer capitalised name."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(sdoc) and (sdoc[k].text in DASHES or capitalised(sdoc[k]) and
                                   labels[k] == labels[i] and labels[k] is not None):
            return False
    return True


def _widen(sdoc, s: int, e: int, hint: Optional[str]) -> tuple[int, int, Optional[str]]:
    """Take in "region/County/..." after a name, and read "the city of" / "region of" before it."""
    vocab = place_words()
    if e < len(sdoc) and sdoc[e].lower_ in vocab.admin and not (
            sdoc[e].lower_ in ("state", "republic") and sdoc[e].text.islower()):
        return s, e + 1, vocab.admin[sdoc[e].lower_]
    last = sdoc[e - 1].lower_
    if last in vocab.admin and e - s > 1:
        hint = vocab.admin[last]
    if s >= 2 and sdoc[s - 1].lower_ == "of":
        before = sdoc[s - 2].lower_
        if before in vocab.city:
            hint = hint or "city"
        elif before in vocab.admin:
            hint = hint or vocab.admin[before]
    return s, e, hint


def _link_qualifiers(texts: list[str], toponyms: list[Toponym], gaz: Gazetteer) -> None:
    """Mark Y as the qualifier of X in "X, Y" when Y can be a state, province or country."""
    for k in range(len(toponyms) - 1):
        x, y = toponyms[k], toponyms[k + 1]
        if y.tokens[0] == x.tokens[1] + 1 and texts[x.tokens[1]] == "," and \
                is_qualifier(gaz, y.key):
            x.qualifier = k + 1
