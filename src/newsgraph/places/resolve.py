"""Disambiguation: which of the gazetteer's entries each toponym of one article means.

A name alone is ambiguous (34 Springfields); the article usually is not. We score each
candidate with
- priors: population (log scale), the kind of place (countries and first-level regions are
  what a bare "Georgia" or "Ontario" usually means), the entry's own name over an alternate one;
- the article's context: "X, Y" (Y a state or country restricts X), the countries and states
  the article mentions, the article's focus country and state (voted by its other places),
  and nearness to the places already resolved without doubt (local news names nearby towns).
Resolution runs twice: a first pass on priors and "X, Y" alone gives the votes and anchors,
the second scores with them. One sense per discourse: a name repeated in the article keeps
the sense its best-informed mention got. A capital used for its government ("Moscow said")
is still the place: nothing here looks at the verb.

US counties have no point in the data: the county is picked by the article's states, and
its point is estimated from the article's resolved places in that state (else the state's
point), marked `approximate`.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from .detect import QUALIFIER_KINDS, Toponym
from .gazetteer import Candidate, Gazetteer

KIND_PRIOR = {"continent": 3.0, "country": 3.0, "admin1": 2.0, "region": 2.0, "sea": 6.5,
              "facility": 8.0, "county": 4.0, "city": 0.0}
HINT_KINDS = {"admin": ("admin1", "region", "county"), "county": ("county",),
              "city": ("city",)}
MAX_CANDIDATES = 200
SUFFIX_WORDS = ("region", "province", "oblast", "krai", "kray", "territory", "prefecture",
                "governorate", "state", "republic", "county", "parish", "borough")


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


def candidates_for(gaz: Gazetteer, top: Toponym) -> list[Candidate]:
    """Gazetteer entries the toponym may name, narrowed by its wording ("Amur region")."""
    key = top.key
    cands = list(gaz.lookup(key))
    words = key.split()
    if not cands and len(words) > 1 and words[-1] in SUFFIX_WORDS:
        cands = list(gaz.lookup(" ".join(words[:-1])))  # "Amur region" -> "Amur"
    if not cands and top.hint == "county" and len(words) > 1:  # "Loudon Co." -> Loudon County
        for suffix in ("county", "parish"):
            cands = list(gaz.lookup(" ".join(words[:-1] + [suffix])))
            if cands:
                break
    if not cands and "-on-" in top.text:  # "Khabarovsk-on-Amur" -> "Khabarovsk"
        cands = list(gaz.lookup(key.split(" on ")[0]))
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


@dataclass
class Context:
    """What the article says about where it is: votes for countries and states (kept per
    name, so that a name's own votes do not decide its own sense), and anchor points."""

    countries: Counter
    states: Counter  # (cc, admin1) of first-level regions named or implied
    anchors: list[tuple[float, float, Candidate]]
    own: dict  # name key -> (Counter of its country votes, Counter of its state votes)

    def add(self, key: str, country: Optional[str], state: Optional[tuple], weight: float) -> None:
        own_c, own_s = self.own.setdefault(key, (Counter(), Counter()))
        if country:
            self.countries[country] += weight
            own_c[country] += weight
        if state:
            self.states[state] += weight
            own_s[state] += weight

    def votes(self, key: str) -> tuple[Counter, Counter]:
        """Votes from the article's other names."""
        own_c, own_s = self.own.get(key, (Counter(), Counter()))
        return self.countries - own_c, self.states - own_s


@dataclass
class View:
    """The article's context as one name sees it (its own votes left out)."""

    countries: Counter
    states: Counter
    focus_country: Optional[str]
    focus_state: Optional[tuple]
    anchors: list


def view(ctx: Context, key: str) -> View:
    countries, states = ctx.votes(key)
    return View(countries, states,
                countries.most_common(1)[0][0] if countries else None,
                states.most_common(1)[0][0] if states else None, ctx.anchors)


def score(c: Candidate, v: View) -> float:
    """Prior plus what the article's other names say about this candidate."""
    s = prior(c)
    countries, states, focus_country, focus_state = v.countries, v.states, v.focus_country, v.focus_state
    if c.country_code:
        if countries.get(c.country_code):
            s += 1.5
        if c.country_code == focus_country:
            s += 2.0
    if c.kind in ("city", "county") and c.admin1:
        if states.get((c.country_code, c.admin1), 0) >= 1:
            s += 2.5
        if focus_state == (c.country_code, c.admin1):
            s += 1.5
    if c.lat is not None and c.kind in ("city", "facility") and v.anchors:
        near = min((km(c.lat, c.lon, lat, lon) for lat, lon, a in v.anchors
                    if a.pid != c.pid and a.kind in ("city", "facility")), default=None)
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


def resolve_all(toponyms: Sequence[Toponym], gaz: Gazetteer,
                extra_countries: Sequence[str] = ()) -> list[Optional[Resolution]]:
    """The resolution of each toponym of one article (None when the gazetteer has no entry)."""
    cands = [candidates_for(gaz, t) for t in toponyms]
    # "X, Y": Y is a state or country; X must lie inside it
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

    # pass 1: priors only -> votes and anchors
    first = [max(cs, key=prior) if cs else None for cs in cands]
    ctx = Context(Counter(), Counter(), [], {})
    for cc in extra_countries:
        ctx.add("", cc, None, 1)
    for t, cs, c in zip(toponyms, cands, first):
        if c is None:
            continue
        weight = 2 if c.kind in ("country", "admin1") else 1
        state = (c.country_code, c.admin1) if c.admin1 and c.kind in ("admin1", "city") else None
        ctx.add(t.key, c.country_code, state, weight)
        # a soft vote for every state the name may be in: "Athens" and "Clarke County"
        # together point to Georgia
        others = {(o.country_code, o.admin1) for o in cs
                  if o.kind in ("city", "county") and o.admin1 and o is not c}
        for st in others:
            ctx.add(t.key, None, st, 1 / (1 + len(others)))
        if c.lat is not None and (len(cs) == 1 or t.qualifier is not None or
                                  prior(c) - max((prior(o) for o in cs if o is not c),
                                                 default=0) > 2.0):
            ctx.anchors.append((c.lat, c.lon, c))

    # pass 2: with context; one sense per name, taken from its best-scored mention
    views = {t.key: view(ctx, t.key) for t in toponyms}
    chosen: list[Optional[Candidate]] = []
    for t, cs in zip(toponyms, cands):
        chosen.append(max(cs, key=lambda c: score(c, views[t.key])) if cs else None)
    by_key: dict[str, tuple[float, Candidate]] = {}
    for t, c in zip(toponyms, chosen):
        if c is None:
            continue
        s = score(c, views[t.key]) + (10.0 if t.qualifier is not None else 0.0)
        if t.key not in by_key or s > by_key[t.key][0]:
            by_key[t.key] = (s, c)
    out: list[Optional[Resolution]] = []
    for t, c, cs in zip(toponyms, chosen, cands):
        if c is None:
            out.append(None)
            continue
        best = by_key[t.key][1]
        if best is not c and any(o.pid == best.pid for o in cs):
            c = best
        out.append(_point(c, toponyms, chosen, gaz))
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
