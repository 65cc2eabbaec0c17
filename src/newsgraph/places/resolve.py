"""Disambiguation: which of the gazetteer's entries each toponym of one article means.

A name alone is ambiguous (34 Springfields); the article usually is not. We score each
candidate with
- priors: population (log scale), the kind of place (countries and first-level regions are
  what a bare "Georgia" or "Ontario" usually means), the entry's own name over an alternate
  one, a national capital over a first-level region of the same name (a bare "Washington");
- the article's context: "X, Y" (Y a state or country restricts X), the countries and states
  the article's other names vote for, the focus country and state (a clear leader of those
  votes), and nearness to the places resolved without doubt (local news names nearby towns).
Each name votes once (however often it is repeated), spreading its vote over its candidates
in proportion to their population-like odds, with "a place no gazetteer has" as one more
candidate, so that "Athens" and "Henderson County" together point to Texas while a lone small
namesake abroad barely votes. Scoring and voting alternate until the choices settle (a few
rounds). One sense per discourse: a name repeated in the article keeps the sense its
best-informed mention got; a short form of a longer name in the article ("Avondale" after
"Avondale Estates") is that place. A capital used for its government ("Moscow said") is still
the place: nothing here looks at the verb.

Determinism: everything here depends on the article's names alone, visited in text order; no
set of strings is iterated (their order follows the process's hash seed) and no state is kept
between articles, so a record is the same whatever was analysed before it.

US counties have no point in the data: the county is picked by the article's states, and
its point is estimated from the article's resolved places in that state (else the state's
point), marked `approximate`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from .detect import Toponym
from .gazetteer import Candidate, Gazetteer
from .scan import QUALIFIER_KINDS
from .words import place_words

KIND_PRIOR = {"continent": 3.0, "country": 3.0, "admin1": 2.0, "region": 2.0, "sea": 6.5,
              "facility": 8.0, "county": 4.0, "city": 0.0}
HINT_KINDS = {"admin": ("admin1", "region", "county"), "county": ("county",),
              "city": ("city",)}
MAX_CANDIDATES = 200


@dataclass
class Resolution:
    """The chosen entry for a toponym, with the point to report."""

    candidate: Candidate
    lat: Optional[float]
    lon: Optional[float]
    approximate: bool = False


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _alternative_keys(key: str, hint: Optional[str]) -> list[str]:
    """Keys to try, in order, when the name itself is not in the gazetteer."""
    vocab = place_words()
    words = key.split()
    keys = []
    if len(words) > 1 and words[-1] in vocab.suffix:
        keys.append(" ".join(words[:-1]))  # "Amur region" -> "Amur"
    if hint == "county" and len(words) > 1:  # "Loudon Co." -> Loudon County
        keys += [" ".join(words[:-1] + [suffix]) for suffix in ("county", "parish")]
    if len(words) > 1 and words[0] in vocab.initial:
        keys.append(" ".join([vocab.initial[words[0]]] + words[1:]))
    if len(words) > 1 and words[-1] in vocab.trailing:  # "Fargo city", "Hamilton Township"
        keys.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0] in vocab.leading:
        keys.append(" ".join(words[1:]))
    if len(words) == 1:  # "Geauga", "Vanderburgh": a county named without the word
        keys += [key + " county", key + " parish"]
    return keys


def candidates_for(gaz: Gazetteer, top: Toponym) -> list[Candidate]:
    """Gazetteer entries the toponym may name, narrowed by its wording ("Amur region")."""
    key = top.key
    cands = []
    if top.hint == "county" and key.split()[-1] not in ("county", "parish", "co", "borough"):
        # "Jackson and Barrow counties": Jackson County, not the city of Jackson
        cands = list(gaz.lookup(key + " county")) or list(gaz.lookup(key + " parish"))
    cands = cands or list(gaz.lookup(key))
    if not cands and "-on-" in top.text:  # "Khabarovsk-on-Amur" -> "Khabarovsk"
        cands = list(gaz.lookup(key.split(" on ")[0]))
    if not cands:
        for alt in _alternative_keys(key, top.hint):
            cands = list(gaz.lookup(alt))
            if cands:
                break
    if len(key) <= 3 and not top.text.replace(".", "").isupper():
        # "Ind." is Indiana, not the ISO code IND of India; "IND" or "U.S." stay codes
        cands = [c for c in cands if c.kind != "country" or c.primary]
    if top.hint in HINT_KINDS:
        narrowed = [c for c in cands if c.kind in HINT_KINDS[top.hint]]
        if narrowed:  # else "Kermanshah province": the province's namesake city is near
            cands = narrowed
    primary = [c for c in cands if c.primary]
    rest = [c for c in cands if not c.primary]
    return (primary + rest)[:MAX_CANDIDATES]


def prior(c: Candidate) -> float:
    """Score before context: population, kind of place, own name over an alternate name."""
    score = math.log10(c.population + 10) + KIND_PRIOR.get(c.kind, 0.0)
    if c.feature_code == "PPLC":
        score += 2.0  # "Washington", "Athens", "Moscow": the capital is what news means
    return score + (1.5 if c.primary else -3.0)


def _capital_namesakes(cands: list[Candidate]) -> set[int]:
    """pids of first-level regions named like their own country's capital: a bare
    "Washington" is the capital unless the article is about the state."""
    capitals = {c.country_code for c in cands if c.feature_code == "PPLC"}
    return {c.pid for c in cands if c.kind == "admin1" and c.country_code in capitals}


@dataclass
class Votes:
    """What one name says about where the article is: weights for countries and for
    first-level regions (cc, admin1)."""

    countries: dict
    states: dict


@dataclass
class View:
    """The article's context as one name sees it: the other names' votes summed."""

    countries: dict
    states: dict
    focus_country: Optional[str]
    focus_state: Optional[tuple]
    anchors: list


def _focus(votes: dict, least: float) -> Optional[object]:
    """The clear leader of the votes (at least `least`, ahead of the runner-up), else None."""
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if ranked[0][1] < least or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1e-9):
        return None
    return ranked[0][0]


def score(c: Candidate, v: View, adjust: float = 0.0) -> float:
    """Prior plus what the article's other names say about this candidate."""
    s = prior(c) + adjust
    if c.feature_code == "PPLC" and v.focus_country not in (None, c.country_code):
        s -= 1.0  # a capital abroad in an article focused elsewhere: half its capital's bonus
    if c.country_code:
        s += 1.5 * min(1.0, v.countries.get(c.country_code, 0.0))
        if c.country_code == v.focus_country:
            s += 2.0
    if c.kind in ("city", "county", "admin1") and c.admin1:
        here = (c.country_code, c.admin1)
        s += 2.5 * min(1.0, v.states.get(here, 0.0))
        if v.focus_state == here:
            s += 1.5
    if c.lat is not None and c.kind in ("city", "facility") and v.anchors:
        near = min((km(c.lat, c.lon, lat, lon) for lat, lon, a in v.anchors
                    if a.pid != c.pid), default=None)
        if near is not None:
            s += 2.5 if near < 40 else 1.5 if near < 150 else 0.5 if near < 500 else 0.0
    return s


def _qualified(cands: list[Candidate], q: Candidate) -> list[Candidate]:
    """Entries inside the qualifier Y of "X, Y"."""
    if q.kind == "country":
        return [c for c in cands if c.country_code == q.country_code]
    out = [c for c in cands if c.country_code == q.country_code and c.admin1 and
           c.admin1 == q.admin1]
    if not out and q.lat is not None:
        out = [c for c in cands if c.lat is not None and km(c.lat, c.lon, q.lat, q.lon) < 600]
    return out


NULL_SCORE = 5.0  # the score of "some place the gazetteer lacks" (a town of ~3,000)


def _votes(t: Toponym, cands: list[Candidate], scores: list[float]) -> Votes:
    """One mention's votes: its candidates share one vote (two for a country or state) in
    proportion to 10 ** score (population-like odds), with "a place we do not know" as one
    more candidate. So "Hartford" votes mostly for Connecticut, "Athens" and "Henderson
    County" each spread theirs (together they point to Texas), and a lone small "Hampton
    Park" in Australia barely votes at all. "X, Y" is sure: its whole vote goes to Y."""
    top = max(scores)
    odds = [10 ** (s - top) for s in scores]
    null = 0.0 if t.qualifier is not None else 10 ** (NULL_SCORE - top)
    total = sum(odds) + null
    best = max(range(len(cands)), key=lambda k: scores[k])
    weight = 2.0 if cands[best].kind in ("country", "admin1") else 1.0
    countries: dict = {}
    states: dict = {}
    for c, o in zip(cands, odds):
        w = weight * o / total
        if w < 0.01:
            continue
        if c.country_code:
            countries[c.country_code] = countries.get(c.country_code, 0.0) + w
        if c.admin1 and c.kind in ("admin1", "city", "county"):
            st = (c.country_code, c.admin1)
            states[st] = states.get(st, 0.0) + w
    return Votes(countries, states)


def _sure(t: Toponym, cands: list[Candidate], scores: list[float], best: int) -> bool:
    """Whether the choice is beyond doubt: "X, Y", a clear winner, or the one sense of a
    name that is not a small town's (a lone small "Hampton Park" in Australia may well be a
    park in the article's own town)."""
    if t.qualifier is not None:
        return True
    if len(cands) == 1:
        return cands[0].kind != "city" or cands[0].population >= 20000
    runner_up = max((s for k, s in enumerate(scores) if k != best), default=-1e9)
    return scores[best] - runner_up > 2.0


def resolve_all(toponyms: Sequence[Toponym], gaz: Gazetteer,
                extra_countries: Sequence[str] = (),
                home: Optional[dict] = None) -> list[Optional[Resolution]]:
    """The resolution of each toponym of one article (None when the gazetteer has no entry).

    The steps: each name's candidates, narrowed by "X, Y" and by a longer name the article
    uses; the article-wide votes the actors' countries and `home` (votes for countries from
    the article's wording, `places.locale`) start from; then rounds in which each name's
    choice votes for where the article is and each name is rescored with the other names'
    votes, until the choices settle (a few rounds at most); then one sense per name, and the
    point. Everything here depends on this article's names only, in a fixed order (no set
    order, no shared state)."""
    cands = [candidates_for(gaz, t) for t in toponyms]
    _narrow_by_qualifiers(toponyms, cands)
    _short_forms_of_longer_names(toponyms, cands)
    adjust = [_capital_adjustments(cs) for cs in cands]
    scores, best = _settle(toponyms, cands, adjust, _article_votes(extra_countries, home))
    chosen = [cs[b] if b is not None else None for cs, b in zip(cands, best)]
    kept = _one_sense_per_name(toponyms, cands, scores, best, chosen)
    # a county's estimated point comes from the cities each mention chose itself
    return [_point(c, toponyms, chosen, gaz) if c is not None else None for c in kept]


def _narrow_by_qualifiers(toponyms: Sequence[Toponym], cands: list[list[Candidate]]) -> None:
    """"X, Y": Y is a state or country (its most likely such entry) and X must lie inside it,
    when any of X's entries does."""
    for i, t in enumerate(toponyms):
        if t.qualifier is None:
            continue
        qc = [c for c in cands[t.qualifier] if c.kind in QUALIFIER_KINDS]
        if qc:
            q = max(qc, key=prior)
            cands[t.qualifier] = [q]
            inside = _qualified(cands[i], q)
            if inside:
                cands[i] = inside


def _short_forms_of_longer_names(toponyms: Sequence[Toponym],
                                 cands: list[list[Candidate]]) -> None:
    """A short form of a longer city name in the article is that place: "Avondale Estates"
    ... "Avondale". Not when the longer name only adds a division or settlement word
    ("Amur region", "Fargo city"), nor for a name that can be a country or a state."""
    vocab = place_words()
    name_ends = vocab.suffix | vocab.trailing
    longer: dict[str, list[int]] = {}  # a name -> the mentions of longer names starting with it
    for k, other in enumerate(toponyms):
        words = other.key.split(" ")
        for n in range(1, len(words)):
            ks = longer.setdefault(" ".join(words[:n]), [])
            if not ks or ks[-1] != k:
                ks.append(k)
    for i, t in enumerate(toponyms):
        if t.qualifier is not None or t.key not in longer or \
                any(c.kind in ("country", "admin1") for c in cands[i]):
            continue
        for k in longer[t.key]:
            other = toponyms[k]
            if cands[k] and all(c.kind == "city" for c in cands[k]) and \
                    other.key.split()[-1] not in name_ends:
                cands[i] = cands[k]
                break


def _capital_adjustments(cands: list[Candidate]) -> list[float]:
    """The score adjustment of each candidate: a first-level region named like its own
    country's capital loses 2.5 (a bare "Washington" is the capital)."""
    namesakes = _capital_namesakes(cands)
    return [-2.5 if c.pid in namesakes else 0.0 for c in cands]


def _article_votes(extra_countries: Sequence[str], home: Optional[dict]) -> dict:
    """The country votes every name's view starts from: the actors' countries (from the
    entities stage) once each, and weakly, since many come from place names in organisation
    names ("Georgia Public Service Commission"); plus the article's home votes."""
    base_countries: dict = {}
    for cc in sorted(set(extra_countries)):
        base_countries[cc] = 0.3
    for cc, w in sorted((home or {}).items()):
        base_countries[cc] = base_countries.get(cc, 0.0) + w
    return base_countries


def _best(cands: list[list[Candidate]], scores: list[list[float]]) -> list[Optional[int]]:
    """The index of each name's best-scoring candidate (None for a name without any)."""
    return [max(range(len(cs)), key=lambda k: s[k]) if cs else None
            for cs, s in zip(cands, scores)]


def _settle(toponyms: Sequence[Toponym], cands: list[list[Candidate]], adjust: list[list[float]],
            base_countries: dict) -> tuple[list[list[float]], list[Optional[int]]]:
    """(scores, best choice) of every name: scored on priors alone, then rescored with the
    other names' votes, up to four rounds, until no choice changes."""
    empty = View({}, {}, None, None, [])
    scores = [[score(c, empty, a) for c, a in zip(cs, adj)] for cs, adj in zip(cands, adjust)]
    best = _best(cands, scores)
    for _ in range(4):
        views = _views(toponyms, *_votes_by_name(toponyms, cands, scores, best), base_countries)
        scores = [[score(c, views[t.key], a) for c, a in zip(cs, adj)]
                  for t, cs, adj in zip(toponyms, cands, adjust)]
        new_best = _best(cands, scores)
        if new_best == best:
            break
        best = new_best
    return scores, best


def _votes_by_name(toponyms: Sequence[Toponym], cands: list[list[Candidate]],
                   scores: list[list[float]], best: list[Optional[int]]) -> tuple[dict, list]:
    """(name key -> its votes, anchors). A name votes once however often it is repeated (for
    each country and state, its strongest mention's vote); an anchor is a city or facility
    chosen beyond doubt, whose neighbours the other names are drawn to."""
    by_key: dict[str, Votes] = {}
    anchors = []
    for t, cs, sc, b in zip(toponyms, cands, scores, best):
        if b is None:
            continue
        sure = _sure(t, cs, sc, b)
        v = _votes(t, cs, sc)
        mine = by_key.setdefault(t.key, Votes({}, {}))
        for cc, w in v.countries.items():
            mine.countries[cc] = max(mine.countries.get(cc, 0.0), w)
        for st, w in v.states.items():
            mine.states[st] = max(mine.states.get(st, 0.0), w)
        c = cs[b]
        if sure and c.lat is not None and c.kind in ("city", "facility"):
            anchors.append((c.lat, c.lon, c))
    # one anchor per entry and point: a repeated name adds nothing to the nearest-anchor
    # distance, and keeping its copies made scoring mentions x anchors (quadratic)
    anchors = list({(lat, lon, a.pid): (lat, lon, a) for lat, lon, a in reversed(anchors)}.values())[::-1]
    return by_key, anchors


def _views(toponyms: Sequence[Toponym], by_key: dict, anchors: list,
           base_countries: dict) -> dict[str, View]:
    """name key -> the article as that name sees it: the other names' votes summed on top of
    the article-wide ones, with the focus country and state they point to."""
    views = {}
    for key in dict.fromkeys(t.key for t in toponyms):
        countries = dict(base_countries)
        states: dict = {}
        for other, v in by_key.items():
            if other == key:
                continue
            for cc, w in v.countries.items():
                countries[cc] = countries.get(cc, 0.0) + w
            for st, w in v.states.items():
                states[st] = states.get(st, 0.0) + w
        views[key] = View(countries, states, _focus(countries, 1.0), _focus(states, 1.0),
                          anchors)
    return views


def _one_sense_per_name(toponyms: Sequence[Toponym], cands: list[list[Candidate]],
                        scores: list[list[float]], best: list[Optional[int]],
                        chosen: list[Optional[Candidate]]) -> list[Optional[Candidate]]:
    """The entry each mention names: its own best choice (`chosen`), unless the same name's
    best-informed mention (highest score; "X, Y" counts most) chose another entry this
    mention may also mean."""
    top_of_key: dict[str, tuple[float, Candidate]] = {}
    for t, c, sc, b in zip(toponyms, chosen, scores, best):
        if c is None:
            continue
        s = sc[b] + (10.0 if t.qualifier is not None else 0.0)
        if t.key not in top_of_key or s > top_of_key[t.key][0]:
            top_of_key[t.key] = (s, c)
    out: list[Optional[Candidate]] = []
    for t, c, cs in zip(toponyms, chosen, cands):
        if c is not None:
            keep = top_of_key[t.key][1]
            if keep is not c and any(o.pid == keep.pid for o in cs):
                c = keep
        out.append(c)
    return out


def _point(c: Candidate, toponyms, chosen, gaz: Gazetteer) -> Resolution:
    """The point to report; for an entry without one (a US county), an estimate."""
    if c.lat is not None:
        return Resolution(c, c.lat, c.lon)
    same_state = [o for o in chosen if o is not None and o.kind == "city" and o.lat is not None
                  and o.country_code == c.country_code and o.admin1 == c.admin1]
    if same_state:
        o = same_state[0]
        return Resolution(c, o.lat, o.lon, approximate=True)
    state = gaz.admin1(c.country_code, c.admin1) if c.admin1 else None
    if state is not None:
        return Resolution(c, state.lat, state.lon, approximate=True)
    return Resolution(c, None, None)
