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
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .gazetteer import Gazetteer, curated_names, name_key
from .words import place_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# a name inside one of these is a person or title, not a place, unless a pattern says so
BLOCKING_LABELS = frozenset({"PERSON", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT",
                             "LANGUAGE"})
# labels the small model gives a lone well-known place name after "in"/"to" (never NORP)
MISREAD_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
QUALIFIER_KINDS = ("admin1", "country", "region")
MAX_WORDS = 6
DASHES = {"—", "–", "-", "--"}


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


def _ent_label_of(sdoc) -> list[Optional[str]]:
    labels: list[Optional[str]] = [None] * len(sdoc)
    for ent in sdoc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


def _capitalised(tok) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


def _trim(sdoc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and trailing punctuation or possessive "'s" from a token span."""
    while start < end and sdoc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (sdoc[end - 1].is_punct or sdoc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    return start, end


def _has_place(gaz: Gazetteer, key: str, multi: bool = False) -> bool:
    """The gazetteer has an entry of this name (a primary name, or any name when multi-word)."""
    cands = gaz.lookup(key)
    return any(c.primary or multi for c in cands)


def _well_known(gaz: Gazetteer, key: str) -> bool:
    """A name that means a country, a state or a large city on its own."""
    vocab = place_words()
    return key not in vocab.not_place and any(
        c.primary and (c.kind in ("country", "admin1") or
                       c.kind == "city" and c.population >= 100_000)
        for c in gaz.lookup(key))


def _is_qualifier(gaz: Gazetteer, key: str) -> bool:
    return any(c.kind in QUALIFIER_KINDS for c in gaz.lookup(key))


def find_toponyms(sdoc, offset: int, gaz: Gazetteer) -> list[Toponym]:
    """Toponyms of one parsed document, in text order, not overlapping."""
    vocab = place_words()
    labels = _ent_label_of(sdoc)
    spans: dict[tuple[int, int], tuple[str, Optional[str]]] = {}  # token span -> source, hint

    # 1. spaCy's place names, cut at commas ("Springfield, Ill." is two places)
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

    # 1b. a place at the start of an organisation's name ("the Ohio Supreme Court",
    # "Shreveport Police Department"), unless the name is a street or building
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

    # 1c. a well-known place the small model took for a person ("Alexandria parents
    # charged", "Sri Lanka has ..."), unless the article uses the word inside a longer
    # person's name ("Brett Hartmann", "Michael Jordan")
    in_person_names: set[str] = set()
    known_people = []
    for ent in sdoc.ents:
        if ent.label_ != "PERSON":
            continue
        s0, e0 = _trim(sdoc, ent.start, ent.end)
        if e0 <= s0 or (s0, e0) in spans:
            continue
        if e0 - s0 <= 2 and _well_known(gaz, name_key(sdoc[s0:e0].text)):
            known_people.append((s0, e0))
        elif e0 - s0 >= 2:
            in_person_names.update(sdoc[k].lower_ for k in range(s0, e0))
    for s0, e0 in known_people:
        if not any(sdoc[k].lower_ in in_person_names for k in range(s0, e0)):
            spans[(s0, e0)] = ("spacy", None)

    # 1d. "Jackson and Barrow counties", "Cooke, Grayson and Love counties"
    for k, tok in enumerate(sdoc):
        if tok.lower_ not in ("counties", "parishes") or k == 0:
            continue
        j = k
        while j > 0:
            prev = sdoc[j - 1]
            if _capitalised(prev) and prev.pos_ == "PROPN":
                spans[(j - 1, j)] = ("pattern", "county")
                j -= 1
            elif prev.text == "," or prev.lower_ in ("and", "or", "&"):
                j -= 1
            else:
                break

    # 2. the gazetteer scan over capitalised runs (token facts read once: Doc indexing is slow)
    n = len(sdoc)
    texts = [t.text for t in sdoc]
    lowers = [t.lower() for t in texts]
    caps = [t[:1].isupper() and any(ch.isalpha() for ch in t) for t in texts]
    punct = [t.is_punct for t in sdoc]
    stops = {",", ";", ":", "(", ")", '"', "“", "”"}
    curated = curated_names()
    i = 0
    while i < n:
        if not caps[i] or punct[i]:
            i += 1
            continue
        # the run a name could span: capitalised words, connectors, hyphens, one tail word
        ends, words, k = [], 0, i
        while k < n and words < MAX_WORDS and texts[k] not in stops:
            if punct[k]:
                if texts[k] not in ("-", "'", "’", "."):
                    break
            elif caps[k]:
                words += 1
                ends.append(k + 1)
            elif lowers[k] in vocab.tail:
                ends.append(k + 1)
                break
            elif lowers[k] not in vocab.connector:
                break
            k += 1
        found = None
        for j in reversed(ends):
            key = name_key(sdoc[i:j].text)
            if len(key) < 2 or key in vocab.not_place:
                continue
            multi = " " in key
            if " ".join(sdoc[i:j].text.split()) in curated or _has_place(gaz, key, multi) or (  # "Khabarovsk-on-Amur": a variant of Khabarovsk
                    "-on-" in sdoc[i:j].text and sdoc[i:j].text.count(" ") == 0
                    and _has_place(gaz, key.split(" on ")[0])):
                found = (j, key, multi)
                break
        if found is None:
            i += 1
            continue
        j, key, multi = found
        accept = _curated_place(sdoc, i, j, caps, lowers, curated) or \
            _accept_scan(sdoc, i, j, key, multi, labels, gaz)
        if accept:
            spans.setdefault((i, j), ("gazetteer", None))
            for (s, e) in list(spans):  # a longer gazetteer name replaces a cut spaCy one
                if (s, e) != (i, j) and s < j and i < e and e - s < j - i:
                    del spans[(s, e)]
            i = j
        else:
            i += 1

    # 3. region/county/city wording around each span
    result: dict[tuple[int, int], tuple[str, Optional[str]]] = {}
    for (s, e), (source, hint) in sorted(spans.items()):
        s, e, hint = _widen(sdoc, s, e, hint)
        if any(s < e2 and s2 < e for (s2, e2) in result):
            continue
        result[(s, e)] = (source, hint)

    # 4. one sense per discourse: other mentions of a name found as a place (and known to the
    # gazetteer) are places too, single words ("Alexandria") and two-word names ("Sri Lanka")
    found = {}
    for (s, e) in result:
        key = name_key(sdoc[s:e].text)
        if e - s <= 2 and key not in vocab.not_place and len(key) > 2 and gaz.lookup(key):
            found[tuple(lowers[s:e])] = key
    covered = [False] * n
    for (s, e) in result:
        for k in range(s, e):
            covered[k] = True
    for i in range(n):
        if not caps[i] or covered[i]:
            continue
        for width in (2, 1):
            words = tuple(lowers[i:i + width])
            if len(words) < width or words not in found or any(covered[i:i + width]):
                continue
            if width == 1 and (labels[i] in ("GPE", "LOC", "FAC") or
                               not _single_name(sdoc, i, labels)):
                continue
            if width == 2 and i + 2 < n and caps[i + 2] and not punct[i + 2]:
                continue  # part of a longer name
            result[(i, i + width)] = ("gazetteer", None)
            for k in range(i, i + width):
                covered[k] = True
            break

    # 5. demonyms and NORP names are not places; streets the gazetteer does not know are left
    toponyms: list[Toponym] = []
    for (s, e), (source, hint) in sorted(result.items()):
        span = sdoc[s:e]
        if all(labels[k] == "NORP" for k in range(s, e)) and hint is None and \
                len(name_key(span.text).split()) < 2:
            continue
        key = name_key(span.text)
        if not key or key in vocab.not_place:
            continue
        if e - s == 1 and hint is None and lowers[s] in in_person_names and \
                not _well_known(gaz, key):
            continue  # "Holroyd said" after "Jane Holroyd": the person, not a small town
        if labels[s] == "FAC" and not gaz.lookup(key) and (
                sdoc[e - 1].lower_.rstrip(".") in vocab.street or any(t.like_num for t in span)):
            continue
        toponyms.append(Toponym(span.start_char + offset, span.end_char + offset, span.text,
                                key, source, hint, tokens=(s, e)))
    _link_qualifiers(texts, toponyms, gaz)
    return toponyms


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
        if 0 <= k < len(sdoc) and (sdoc[k].text in DASHES or _capitalised(sdoc[k]) and
                                   labels[k] == labels[i] and labels[k] is not None):
            return False
    return True


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
            prev.lower_ in vocab.place_locative and not (nxt is not None and _capitalised(nxt)) and \
            _well_known(gaz, key):
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
        if _capitalised(after) and _is_qualifier(gaz, name_key(after.text)):
            return True
    return prev is not None and prev.lower_ in vocab.place_locative


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
                _is_qualifier(gaz, y.key):
            x.qualifier = k + 1
