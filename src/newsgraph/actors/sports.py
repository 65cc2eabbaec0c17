"""Sports reports: in results lines a city or region stands for its team (an ORG in
CoNLL/OntoNotes practice), read from the shape of standings rows, score lines and fixtures;
a country stays a place (national teams are LOC)."""
from __future__ import annotations

import re

from .knowledge import Knowledge, actor_words, name_key, squash
from .tokens import DATELINE, Name, choose, token_view

# a sport or a word of results in the first line: a sports report (knowledge/actor_words.tsv)
SPORTS_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(actor_words()["sport"])))
                          + r")\b", re.I)
SCORE = re.compile(r"(^|\s)\d{1,3}\s?-\s?\d{1,3}(\s|$)|\b\d+ \d+ \d+ \d+\b")


def is_sports(sdoc) -> bool:
    """A sports report: a sport named in the first line, or several score lines."""
    text = token_view(sdoc).text
    first = text[:200].split("\n", 1)[0]
    if SPORTS_WORDS.search(first):
        return True
    return sum(1 for line in text.split("\n") if SCORE.search(line)) >= 3


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


def add_table_teams(names: list[Name], sdoc, kb: Knowledge, persons: set[str]) -> list[Name]:
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
            extra.append(Name(s, e, known[0].label, "known", choose(known), 3.0))
        else:
            extra.append(Name(s, e, "ORG", "pattern", None, 3.0))
    kept = [x for x in names if id(x) not in drop]
    return sorted(kept + extra, key=lambda x: x.start)


def sports_teams(names: list[Name], sdoc) -> None:
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
