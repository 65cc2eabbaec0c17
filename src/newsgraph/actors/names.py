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
5. in sports reports, a city or region standing for a team in a results line is an ORG.

Everything is dictionary lookups over tokens: linear in the text.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from .knowledge import Knowledge, Known, name_key, squash

NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
# the kinds of known names, most specific first (which meaning wins for an ambiguous name)
KIND_ORDER = {"leader": 0, "outlet": 1, "igo": 2, "body": 3, "country": 4, "demonym": 5,
              "capital": 6, "territory": 7}
STATE_KINDS = ("country", "demonym", "capital", "territory")  # names that stand for a state
# the last word of a state body's name ("the Russian Defence Ministry")
BODY_HEADS = frozenset(("ministry", "ministries", "department", "office", "army", "navy",
                        "forces", "force", "embassy", "government", "cabinet", "police",
                        "parliament", "military", "guard", "guards", "command", "agency",
                        "service", "services", "intelligence", "consulate", "mission",
                        "administration", "presidency"))
SPORTS_WORDS = re.compile(
    r"\b(soccer|football|cricket|tennis|golf|baseball|basketball|rugby|hockey|athletics|"
    r"cycling|motor racing|formula one|boxing|skiing|swimming|volleyball|handball|"
    r"league|cup|championship|olympic|grand prix|standings|results|scoreboard)\b", re.I)
SCORE = re.compile(r"(^|\s)\d{1,3}\s?-\s?\d{1,3}(\s|$)|\b\d+ \d+ \d+ \d+\b")
DROP_UNCONFIRMED_CAPS = False  # measured on CoNLL dev: see the issue report
# "NEW YORK 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29": only places on the line
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(\s?,\s?[A-Z][A-Za-z .'-]+)?\s+\d{4}-\d\d-\d\d\s*$")


@dataclass
class Name:
    """A name found over tokens [start, end) of the parse."""

    start: int
    end: int
    label: str
    source: str  # spacy | known | pattern | context
    known: Optional[Known] = None
    weight: float = 1.0
    lcut: int = 0  # characters of the first token that are not the name (an opening quote)
    rcut: int = 0  # characters of the last token that are not the name ("’s", a closing quote)


def span_chars(sdoc, x: Name) -> tuple[int, int]:
    """Character offsets of a name in the parse's text."""
    last = sdoc[x.end - 1]
    return sdoc[x.start].idx + x.lcut, last.idx + len(last.text) - x.rcut


def name_text(sdoc, x: Name) -> str:
    text = sdoc[x.start:x.end].text
    return text[x.lcut:len(text) - x.rcut]


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


@dataclass
class TokenView:
    """Plain Python lists of the parse's token texts and offsets, built once per document:
    creating spaCy Token objects again and again costs more than the rules themselves."""

    text: str
    words: list[str]
    idx: list[int]


def token_view(sdoc) -> TokenView:
    view = sdoc.user_data.get("newsgraph.tokens")
    if view is None:
        view = TokenView(sdoc.text, [t.text for t in sdoc], [t.idx for t in sdoc])
        sdoc.user_data["newsgraph.tokens"] = view
    return view


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


def _choose(entries: list[Known]) -> Known:
    return min(entries, key=lambda k: KIND_ORDER.get(k.kind, 9))


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
                found = Name(i, j, "", "known", _choose(entries), 3.0, lcut, rcut)
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


def _suffix_of(word: str, kb: Knowledge) -> bool:
    return word in kb.company_suffixes or (word.endswith(".") and word[:-1] in kb.company_suffixes)


_BASED = re.compile(r"-[a-z]")  # "Ohio-based", "Mo.-based": a description, not the name


def _place_between(owner: dict, kb: Knowledge, sdoc, k: int, j: int) -> bool:
    """Tokens [k, j) are exactly one place name (the "of South Africa" of a firm's name)."""
    x = owner.get(k)
    if x is not None and x.start == k and x.end == j and x.label in ("GPE", "LOC"):
        return True
    return any(e.kind in ("country", "capital", "territory") for e in kb.names.get(name_key(sdoc[k:j].text), []))


def company_pattern(names: list[Name], sdoc, kb: Knowledge) -> list[Name]:
    """Capitalised words closed by a company suffix are one firm: "Apic Yamada Corp" (not a
    person), "Bear Stearns & Co Inc", "Gold Fields of South Africa Ltd" (not a place inside a
    firm). The name replaces what overlapped it, unless a longer name runs on in capitals past
    the suffix ("Bay Co Building Authority")."""
    view = token_view(sdoc)
    words, n = view.words, len(view.words)
    owner: dict[int, Name] = {}
    for x in names:
        for t in range(x.start, x.end):
            owner[t] = x
    drop, extra, j = set(), [], 1
    while j < n:
        if not _suffix_of(words[j], kb):
            j += 1
            continue
        if j + 1 < n and words[j + 1].isalpha() and words[j + 1][:1].isupper():
            j += 1  # "Co Building Authority", "SE Asia": the name goes on, or it is no suffix
            continue
        k = j
        while k > 0 and j - k < 6:
            w = words[k - 1]
            if w[:1].isupper() and any(c.isalpha() for c in w) and "\n" not in w and not _BASED.search(w):
                k -= 1
            elif w == "&" and k >= 2 and words[k - 2][:1].isupper():
                k -= 1
            elif w == "of" and k >= 2 and words[k - 2][:1].isupper() and _place_between(owner, kb, sdoc, k, j):
                k -= 1  # "Gold Fields of South Africa Ltd", not "Lynn Reaser of Barnett Banks Inc"
            else:
                break
        while k < j and words[k] in ("&", "of", "The", "A"):
            k += 1
        if k == j or "\n" in sdoc[k:j + 1].text:
            j += 1
            continue
        olds = {id(owner[t]): owner[t] for t in range(k, j + 1) if t in owner}
        if any(o.known is not None and o.known.kind in ("outlet", "igo", "body") for o in olds.values()):
            j += 1
            continue
        drop.update(olds)
        extra.append(Name(k, j + 1, "ORG", "pattern", None, 3.0))
        j += 1
    if not extra:
        return names
    kept = [x for x in names if id(x) not in drop]
    return sorted(kept + extra, key=lambda x: x.start)


def is_sports(sdoc) -> bool:
    """A sports report: a sport named in the first line, or several score lines."""
    text = token_view(sdoc).text
    first = text[:200].split("\n", 1)[0]
    if SPORTS_WORDS.search(first):
        return True
    return sum(1 for line in text.split("\n") if SCORE.search(line)) >= 3


def apply_context(names: list[Name], sdoc, caps: list[bool], kb: Knowledge) -> list[Name]:
    """The document's evidence: one label per spelling, surnames, repeats, sports teams."""
    sports = is_sports(sdoc)
    if sports:
        persons = {squash(p) for x in names if x.label == "PERSON" and x.end - x.start >= 2
                   and not caps[x.start] and all(w[:1].isupper() for w in name_text(sdoc, x).split())
                   for p in name_text(sdoc, x).split()}
        names = _add_table_teams(names, sdoc, kb, persons)
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for x in names:
        votes[squash(name_text(sdoc, x))][x.label] += x.weight
        if x.source == "pattern" and x.end - x.start >= 2 and _suffix_of(sdoc[x.end - 1].text, kb):
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
        if _in_dateline(sdoc, x):
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
        _sports_teams(names, sdoc)
        for x in names:  # "Surrey beat Kent": teams named like places or people
            if x.label != "ORG" and squash(name_text(sdoc, x)) in kb.teams:
                x.label = "ORG"
    return names


# results tables: a score ("3", "429-7"), a standings figure (".515", "1/2", "-"), a fixture word
_SCORE_TOKEN = re.compile(r"^\d{1,3}(-\d{1,3})?$")
_TABLE_TOKEN = re.compile(r"^(\d+(\.\d+)?|\.\d+|\d+/\d+|\d{1,3}-\d{1,3}|-)$")
_FIXTURE_WORDS = frozenset(("v", "v.", "vs", "vs."))
_NAME_LINKS = frozenset(("of", "'s", "’s", "&", "de", "del", "la", "-"))
_AFTER_TEAM = frozenset((",", ";", ":", ".", "(", "and"))


def _segments(words: list[str], idx: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """Runs of capitalised words over tokens [a, b), joined by "of", "'s", "&" or a hyphen
    inside a word ("Queen 's Park", "Jed-Forest"); never inside parentheses."""
    out, t, depth = [], a, 0
    while t < b:
        w = words[t]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        if depth or not (w[:1].isupper() and any(c.isalpha() for c in w)):
            t += 1
            continue
        end = t + 1
        while end < b:
            w2 = words[end]
            if w2[:1].isupper() and any(c.isalpha() for c in w2):
                end += 1
            elif (w2 in _NAME_LINKS and end + 1 < b and words[end + 1][:1].isupper()
                  and (w2 != "-" or idx[end] == idx[end - 1] + len(words[end - 1]))):
                end += 2
            else:
                break
        out.append((t, end))
        t = end
    return out


def _table_teams(sdoc) -> list[tuple[int, int, bool]]:
    """Team names in the results lines of a sports report, as token ranges with a flag "may be
    a person" (a golf leaderboard row looks like a standings row):

    - standings rows: a name then only figures ("Stoke 4 3 1 0 7 4 10", "BOSTON 69 65 .515 5 1/2");
    - score lines: two or more names each followed by a score, at the line's start or after a
      score or a comma ("Leeds 2 Chelsea 1", "Alba ( Germany ) 75 Red Star ( Yugoslavia ) 70",
      "Warwickshire 195 , Surrey 429-7 ( C. Lewis 80 )");
    - fixtures: "Birmingham v Barnsley", "KANSAS CITY AT DETROIT" (capitals only: "at" in prose
      is a place).
    """
    view = token_view(sdoc)
    words, idx, text = view.words, view.idx, view.text
    out, a, n = [], 0, len(words)
    while a < n:
        line_end = text.find("\n", idx[a])
        line_end = len(text) if line_end < 0 else line_end
        b = a + 1  # a token may be the line break itself
        while b < n and idx[b] < line_end:
            b += 1
        out.extend(_line_teams(words, idx, a, b))
        a = b
    return out


def _line_teams(words, idx, a, b) -> list[tuple[int, int, bool]]:
    segs = _segments(words, idx, a, b)
    if not segs:
        return []
    s0, e0 = segs[0]
    rest = words[e0:b]
    # a standings row: one name first, then only figures
    if s0 == a and len(rest) >= 2 and all(_TABLE_TOKEN.match(w) for w in rest) and _SCORE_TOKEN.match(rest[0]):
        golf = all(w.isdigit() and int(w) >= 60 for w in rest)
        return [(s0, e0, golf)]
    teams = []
    for s, e in segs:
        k = e
        if k + 2 < b and words[k] == "(" and words[k + 2] == ")":
            k += 3  # "Alba ( Germany ) 75"
        if not (k < b and _SCORE_TOKEN.match(words[k])
                and (k + 1 == b or words[k + 1] in _AFTER_TEAM or _SCORE_TOKEN.match(words[k + 1])
                     or words[k + 1][:1].isupper()
                     or words[k + 1] in ("points", "pts"))):
            continue
        before = words[s - 1] if s > a else ""
        if k + 1 < b and _SCORE_TOKEN.match(words[k + 1]):
            continue  # a run of scores after a name is a player's rounds ("Colin Montgomerie 68 76 77 69")
        if s == a or before in (",", ";", ":") or _SCORE_TOKEN.match(before):
            teams.append((s, e, False))
    if len(teams) >= 2:
        return teams
    teams = []
    for i, (s, e) in enumerate(segs):  # fixtures
        if e < b and words[e] in _FIXTURE_WORDS or (e < b and words[e] == "AT" and words[s].isupper()):
            nxt = segs[i + 1] if i + 1 < len(segs) else None
            if nxt is not None and nxt[0] == e + 1:
                before = words[s - 1] if s > a else ""
                if s == a or before in (",", ";", ":"):
                    teams.append((s, e, True))
                if words[e] != "AT":  # "BOSTON AT OAKLAND": the second is where they play
                    teams.append((nxt[0], nxt[1], True))
    return teams


def _add_table_teams(names: list[Name], sdoc, kb: Knowledge, persons: set[str]) -> list[Name]:
    """Results-line teams replace whatever names overlapped them (spaCy often reads
    "Pohang 3 Ulsan" as one person); a country stays a place (national teams are LOC in
    CoNLL/OntoNotes practice) and a name the document knows as a person stays one."""
    teams = _table_teams(sdoc)
    if not teams:
        return names
    owner: dict[int, Name] = {}
    for x in names:
        for t in range(x.start, x.end):
            owner[t] = x
    drop, extra = set(), []
    for s, e, maybe_person in teams:
        olds = {id(owner[t]): owner[t] for t in range(s, e) if t in owner}
        key = squash(sdoc[s:e].text)
        if maybe_person and (key in persons or any(o.label == "PERSON" and o.start == s and o.end == e
                                                   and e - s >= 2 for o in olds.values())):
            continue
        known = [k for k in kb.names.get(name_key(sdoc[s:e].text), []) if k.kind in ("country", "territory")]
        drop.update(olds)
        if known:
            extra.append(Name(s, e, known[0].label, "known", _choose(known), 3.0))
        else:
            extra.append(Name(s, e, "ORG", "pattern", None, 3.0))
    kept = [x for x in names if id(x) not in drop]
    return sorted(kept + extra, key=lambda x: x.start)


def _in_dateline(sdoc, x: Name) -> bool:
    """On a dateline ("NEW YORK 1996-08-30"): a place, whatever the place's team did."""
    view = token_view(sdoc)
    i = view.idx[x.start]
    start = view.text.rfind("\n", 0, i) + 1
    end = view.text.find("\n", i)
    return DATELINE.match(view.text[start:end if end >= 0 else len(view.text)]) is not None


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


def _sports_teams(names: list[Name], sdoc) -> None:
    """In a sports report, a city or region (not a country) in a results line is a team (and
    a known team named like a place, `sports_teams.tsv`, is one anywhere in the report)."""
    text = token_view(sdoc).text
    for x in names:
        if x.label not in ("GPE", "LOC"):
            continue
        if x.known is not None and x.known.kind == "country":
            continue
        tok = sdoc[x.start]
        start = text.rfind("\n", 0, tok.idx) + 1
        end = text.find("\n", tok.idx)
        line = text[start:end if end >= 0 else len(text)]
        if DATELINE.match(line) or not any(c.isdigit() for c in line):
            continue
        if x.start > 0 and sdoc[x.start - 1].lower_ in ("in", "at", "from", "of", "near"):
            continue
        x.label = "ORG"


def find_names(sdoc, kb: Knowledge) -> list[Name]:
    """Every name in the parse, non-overlapping, in text order."""
    caps = caps_lines(sdoc)
    names = merge(spacy_names(sdoc, caps), known_names(sdoc, kb, caps), sdoc)
    names = body_pattern(names, sdoc)
    names = company_pattern(names, sdoc, kb)
    return apply_context(names, sdoc, caps, kb)
