"""Name detection: spaCy's named entities corrected by curated knowledge, patterns and context.

The small English model is fast but misses or mistypes names a reader never would: country
names in capitals ("GERMANY"), news outlets ("Yonhap" as a person), international bodies,
"Wang" typed ORG in one sentence and PERSON in the next, city names that stand for sports teams.
`find_names` returns non-overlapping `Name`s over the tokens of the document's parse:

1. spaCy's name entities (dates and numbers excluded; a leading "the" dropped);
2. known names from `knowledge` (longest match, case-aware: an acronym such as "AP" matches only
   in capitals, a name only when capitalised) override what they overlap, except a longer spaCy
   name that contains them ("Bank of England");
3. a state's body is split from its state as in CoNLL/OntoNotes practice ("South Korean" NORP +
   "Defense Ministry" ORG), and added when spaCy missed the body;
4. the document's own evidence: every spelling of a name gets the label most of its mentions
   carry (known names weigh most, mentions in all-capital lines least); a person's surname
   alone is that person; unlabelled repeats of a name already found are added;
5. in sports reports, a city or region standing for a team in a results line is an ORG
   (`sports`); capitalised words closed by a company suffix are one firm (`companies`).

Everything is dictionary lookups over tokens: linear in the text.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Optional

from .companies import company_pattern, suffix_of
from .knowledge import Knowledge, Known, actor_words, name_key, squash
from .sports import add_table_teams, is_sports, sports_teams
from .tokens import Name, choose, in_dateline, name_text, token_view

NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
STATE_KINDS = ("country", "demonym", "capital", "territory")  # names that stand for a state
# the last word of a state body's name ("the Russian Defence Ministry")
BODY_HEADS = actor_words()["body_head"]
DROP_UNCONFIRMED_CAPS = False  # measured on CoNLL dev: see the issue report


# labels whose names never end in a number or a lower-case word ("Houston 5" in a results
# line, "Interfax news agency")
TRIM_NUMBERS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP"))
QUOTES = "\"“”‘’'«»()[]"
POSSESSIVE = re.compile(r"(['’]s|['’])$")


def trim(sdoc, x: Name) -> Optional[Name]:
    """Drop a leading "the", quotes and a possessive from a name's ends; None if nothing is left."""
    while x.start < x.end and (sdoc[x.start].lower_ in ("the", "a") or sdoc[x.start].text in QUOTES
                               or sdoc[x.start].text in ("'s", "’s")):
        x.start += 1
    while x.start < x.end and (sdoc[x.end - 1].text in QUOTES or sdoc[x.end - 1].text in ("'s", "’s", "-")
                               or (x.label in TRIM_NUMBERS and x.end - x.start > 1
                                   and (sdoc[x.end - 1].like_num or sdoc[x.end - 1].text[:1].islower()))):
        x.end -= 1
    if x.start >= x.end:
        return None
    first, last = sdoc[x.start].text, sdoc[x.end - 1].text
    x.lcut = len(first) - len(first.lstrip(QUOTES))
    m = POSSESSIVE.search(last) if len(last) > 2 else None
    x.rcut = len(m.group(0)) if m else 0
    x.rcut += len(last) - x.rcut - len(last[:len(last) - x.rcut].rstrip(QUOTES))
    if x.start == x.end - 1 and x.lcut + x.rcut >= len(first):
        return None
    return x


def caps_lines(sdoc) -> list[bool]:
    """Per token: True when its line is written in capitals (a headline, a table)."""
    view = token_view(sdoc)
    flags, k, n, pos = [False] * len(view.words), 0, len(view.words), 0
    for line in view.text.split("\n"):
        end = pos + len(line)
        upper = lower = 0
        for c in line:
            if c.isupper():
                upper += 1
            elif c.islower():
                lower += 1
        caps = upper + lower >= 4 and upper / (upper + lower) > 0.8
        while k < n and view.idx[k] < end + 1:
            flags[k] = caps
            k += 1
        pos = end + 1
    return flags


def spacy_names(sdoc, caps: list[bool]) -> list[Name]:
    """spaCy's name entities, without a leading "the" and never across a line break."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if "\n" in ent.text or not any(c.isalpha() for c in ent.text):
            continue  # across lines, or a bare figure ("210" taken for a product)
        x = trim(sdoc, Name(ent.start, ent.end, ent.label_, "spacy", None,
                            0.3 if caps[ent.start] else 1.0))
        if x is not None and not _title_fragment(sdoc, x):
            out.append(x)
    return out


def _title_fragment(sdoc, x: Name) -> bool:
    """A role word spaCy took for a name: "Defense" in "Defense Minister Sergei Shoigu"."""
    if x.label not in ("ORG", "NORP") or x.end >= len(sdoc):
        return False
    words = name_text(sdoc, x).lower() + " " + sdoc[x.end].lower_
    return words in _role_prefixes()


@functools.lru_cache(maxsize=1)
def _role_prefixes() -> frozenset:
    from .knowledge import load
    out = set()
    for role in load().roles:
        words = role.split()
        out.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
    return frozenset(out)


def known_names(sdoc, kb: Knowledge, caps: list[bool]) -> list[Name]:
    """Longest known-name matches over the tokens, case-aware."""
    view = token_view(sdoc)
    out, text, n, i, words, idx = [], view.text, len(view.words), 0, view.words, view.idx
    while i < n:
        word = words[i].lstrip(QUOTES)
        first = word[:1]
        if not (first.isupper() or first.isdigit()) or _first_key(word) not in kb.first_words:
            i += 1
            continue
        found = None
        for j in range(min(n, i + kb.max_words), i, -1):
            last = words[j - 1]
            if last in ("'s", "’s", "'", "’") or (j - 1 > i and last != "." and not any(
                    c.isalnum() for c in last)):
                continue
            surface = text[idx[i]:idx[j - 1] + len(last)]
            if "\n" in surface:
                continue
            lcut = len(surface) - len(surface.lstrip(QUOTES))
            m = POSSESSIVE.search(surface)
            rcut = len(m.group(0)) if m and len(last) > 2 else 0
            core = surface[lcut:len(surface) - rcut]
            entries = kb.names.get(name_key(core)) or (kb.names.get(name_key(surface[lcut:]))
                                                      if rcut else None)
            if entries and not kb.names.get(name_key(core)):
                rcut = 0
            surface = surface[lcut:len(surface) - rcut]
            if not entries:
                continue
            entries = [k for k in entries if not k.weak and _case_ok(k, surface, caps[i])]
            if entries:
                found = Name(i, j, "", "known", choose(entries), 3.0, lcut, rcut)
                found.label = found.known.label
                break
        if found is not None:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _first_key(word: str) -> str:
    return re.split(r"[ '\-.’]", word.lower(), maxsplit=1)[0] or word.lower()


def _case_ok(known: Known, surface: str, in_caps_line: bool) -> bool:
    """An acronym matches only in capitals outside all-capital lines; other names anywhere
    they are capitalised (the caller checked the first letter; the last word must be too:
    "Yonhap news agency" is the name "Yonhap" and a description)."""
    last = surface.split()[-1]
    if last[:1].islower() and len(surface.split()) > 1 and last not in ("of", "de", "du"):
        return False
    if known.acronym:
        return not in_caps_line and surface.upper() == surface
    if in_caps_line:
        return len(surface) > 3
    return True


def merge(spacy: list[Name], known: list[Name], sdoc) -> list[Name]:
    """Known names override overlapping spaCy names, except a longer spaCy name containing
    them; a state's body is split from its state ("German" + "Foreign Ministry")."""
    taken: dict[int, Name] = {}
    for k in known:
        for t in range(k.start, k.end):
            taken[t] = k
    out = list(known)
    dropped: set[int] = set()
    for s in spacy:
        inside = {id(taken[t]): taken[t] for t in range(s.start, s.end) if t in taken}
        if not inside:
            out.append(s)
            continue
        ks = list(inside.values())
        contains = all(s.start <= k.start and k.end <= s.end for k in ks) and any(
            (k.end - k.start) < (s.end - s.start) for k in ks)
        if not contains:
            continue  # the known name wins
        head = sdoc[s.end - 1].lower_
        k0 = min(ks, key=lambda k: k.start)
        if (s.label == "ORG" and k0.start == s.start and len(ks) == 1
                and k0.known.kind in STATE_KINDS and head in BODY_HEADS):
            out.append(Name(k0.end, s.end, "ORG", "pattern"))  # "German" + "Foreign Ministry"
            continue
        if k0.known.kind in ("outlet", "igo", "body", "leader") and s.label not in ("ORG", "PERSON"):
            continue
        if k0.known.kind == "leader" and s.label == "PERSON":
            continue  # "Vladimir Putin Accepts Invite" in a title-case headline
        for k in ks:
            dropped.add(id(k))
        out.append(s)
    out = [x for x in out if id(x) not in dropped]
    return sorted(out, key=lambda x: x.start)


def body_pattern(names: list[Name], sdoc) -> list[Name]:
    """A state followed by a capitalised body name spaCy missed: "South Korean Defense Ministry"."""
    starts = {x.start for x in names}
    covered = {t for x in names for t in range(x.start, x.end)}
    extra = []
    for x in names:
        if x.known is None or x.known.kind not in STATE_KINDS:
            continue
        j = x.end
        if j < len(sdoc) and sdoc[j].text in ("'s", "’s"):
            j += 1
        k = j
        while k < len(sdoc) and k - j < 4 and sdoc[k].text[:1].isupper() and k not in covered:
            k += 1
            if sdoc[k - 1].lower_ in BODY_HEADS:
                break
        if k > j and sdoc[k - 1].lower_ in BODY_HEADS and j not in starts:
            extra.append(Name(j, k, "ORG", "pattern", None, 2.0))
    return sorted(names + extra, key=lambda x: x.start)


def apply_context(names: list[Name], sdoc, caps: list[bool], kb: Knowledge) -> list[Name]:
    """The document's evidence: one label per spelling, surnames, repeats, sports teams."""
    sports = is_sports(sdoc)
    if sports:
        persons = {squash(p) for x in names if x.label == "PERSON" and x.end - x.start >= 2
                   and not caps[x.start] and all(w[:1].isupper() for w in name_text(sdoc, x).split())
                   for p in name_text(sdoc, x).split()}
        names = add_table_teams(names, sdoc, kb, persons)
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for x in names:
        votes[squash(name_text(sdoc, x))][x.label] += x.weight
        if x.source == "pattern" and x.end - x.start >= 2 and suffix_of(sdoc[x.end - 1].text, kb):
            votes[squash(sdoc[x.start:x.end - 1].text)]["ORG"] += 3.0  # "Apic Yamada" = "Apic Yamada Corp"
    surnames: dict[str, float] = {}
    for x in names:
        if x.label == "PERSON" and x.end - x.start >= 2 and not caps[x.start]:
            parts = name_text(sdoc, x).split()
            # the last word, and the first: family names come first in Chinese and Korean names
            for part in {parts[0], parts[-1]}:
                if part[:1].isupper() and len(part) > 1 and not part.endswith("."):
                    surnames[squash(part)] = surnames.get(squash(part), 0) + 1
    for key, n in surnames.items():
        votes[key]["PERSON"] += 10.0 * n  # "Tarango" after "Jeff Tarango" is that person
    words = token_view(sdoc).words
    for x in names:  # ", who" / ", whose" after a name: a person
        k = x.end + (1 if x.end < len(words) and words[x.end] == "," else 0)
        if k < len(words) and words[k] in ("who", "whose") and x.source != "known":
            votes[squash(name_text(sdoc, x))]["PERSON"] += 2.0
    best = {key: max(v.items(), key=lambda kv: kv[1])[0] for key, v in votes.items()}
    for x in names:
        if in_dateline(sdoc, x):
            if x.label not in ("GPE", "LOC") and x.known is None:
                x.label = "GPE"  # "KHASAVYURT , Russia 1996-08-31": a dateline names places
        elif x.source != "known":
            x.label = best.get(squash(name_text(sdoc, x)), x.label)
    # caps-line names spaCy alone found, never confirmed elsewhere, are dropped
    confirmed = {squash(name_text(sdoc, x)) for x in names if not caps[x.start]}
    confirmed |= set(surnames)
    names = [x for x in names if not (DROP_UNCONFIRMED_CAPS and caps[x.start] and x.source == "spacy"
                                      and squash(name_text(sdoc, x)) not in confirmed)]
    names = _add_repeats(names, sdoc, caps, best, confirmed)
    if sports:
        sports_teams(names, sdoc)
        for x in names:  # "Surrey beat Kent": teams named like places or people
            if x.label != "ORG" and squash(name_text(sdoc, x)) in kb.teams:
                x.label = "ORG"
    return names


def _add_repeats(names, sdoc, caps, best, confirmed) -> list[Name]:
    """Unlabelled occurrences of a name found elsewhere in the document."""
    covered = [False] * len(sdoc)
    for x in names:
        for t in range(x.start, x.end):
            covered[t] = True
    lengths: dict[str, set[int]] = defaultdict(set)
    words0 = token_view(sdoc).words
    for x in names:
        if not caps[x.start]:
            lengths[words0[x.start].lower()].add(x.end - x.start)
    extra = []
    words = token_view(sdoc).words
    i, n = 0, len(sdoc)
    while i < n:
        if covered[i] or not words[i][:1].isupper():
            i += 1
            continue
        tok = sdoc[i]
        hit = None
        for length in sorted(lengths.get(words[i].lower(), set()) | {1}, reverse=True):
            j = i + length
            if j > n or any(covered[t] for t in range(i, j)):
                continue
            span = sdoc[i:j]
            if "\n" in span.text:
                continue
            key = squash(span.text)
            if key in confirmed and key in best and (caps[i] or span.text[:1].isupper()):
                if length == 1 and not caps[i] and tok.is_sent_start and best[key] != "PERSON":
                    continue
                hit = Name(i, j, best[key], "context", None, 1.0)
                break
        if hit is not None:
            extra.append(hit)
            i = hit.end
        else:
            i += 1
    return sorted(names + extra, key=lambda x: x.start)


def confirm_weak(names: list[Name], sdoc, kb: Knowledge, caps: list[bool]) -> None:
    """A name spaCy found that a weak known entry spells ("AP", "Time") is that known actor
    when the labels agree: the entry alone is too common a word to find a name, not to say
    whose it is."""
    for x in names:
        if x.known is not None or x.source != "spacy":
            continue
        surface = name_text(sdoc, x)
        weak = [k for k in kb.names.get(name_key(surface), [])
                if k.weak and k.label == x.label and _case_ok(k, surface, caps[x.start])]
        if weak:
            x.known = choose(weak)


def find_names(sdoc, kb: Knowledge) -> list[Name]:
    """Every name in the parse, non-overlapping, in text order."""
    caps = caps_lines(sdoc)
    names = merge(spacy_names(sdoc, caps), known_names(sdoc, kb, caps), sdoc)
    confirm_weak(names, sdoc, kb, caps)
    names = body_pattern(names, sdoc)
    names = company_pattern(names, sdoc, kb)
    return apply_context(names, sdoc, caps, kb)
