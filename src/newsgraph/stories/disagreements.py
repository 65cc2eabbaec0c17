"""Where the articles of one occurrence disagree, and what they agree on.

For each slot the versions the articles give are compared; a slot with two or more versions
is a disagreement, and every version keeps the article, event and span that gives it, so
both can be shown side by side ("12 dead" in one wire, "14 dead" in another):
- `date`: the event's full day (or month), as its TIMEX3 value;
- `place`: the resolved place. A country or a region does not contradict a town inside it
  (it is only less precise); two towns, or two countries, do;
- `actor`: who acted: a disagreement only when two articles name actors and none in common
  (one naming more actors than another is not a contradiction);
- a count slot (`dead`, `injured`, `arrested`, ...): the number the event's sentence gives.
Only versions from different articles count: one article's own tellings are the events
stage's business.

The agreed value of a slot is its most frequent version (ties to the earliest).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Optional

from .events import EventProfile

DATED = re.compile(r"^\d{4}-\d\d(-\d\d)?$")
COARSE_PLACE = ("PCL", "ADM", "RGN", "CONT")   # feature codes of countries, regions, continents


@dataclass(frozen=True)
class Version:
    """One article's value of a slot, with the event and the span behind it."""

    slot: str
    value: str
    seq: int
    event_id: str
    start: int
    end: int


def versions(members: list[EventProfile]) -> list[Version]:
    """Every member's value of every slot it fills."""
    out = []
    for e in members:
        if e.date and DATED.match(e.date):
            out.append(Version("date", e.date, e.seq, e.event_id, *e.sentence))
        if e.place:
            out.append(Version("place", e.place, e.seq, e.event_id, *e.sentence))
        if e.actor_names:
            out.append(Version("actor", e.actors[0], e.seq, e.event_id, *e.sentence))
        for c in e.counts:
            out.append(Version(c.slot, str(c.value), e.seq, e.event_id, c.start, c.end))
    return out


def _coarse(members: list[EventProfile], value: str) -> bool:
    """A place that is a country or region (it cannot contradict a town inside it)."""
    codes = [e.feature_code or "" for e in members if e.place == value]
    return any(code.startswith(COARSE_PLACE) for code in codes)


def disagreements(members: list[EventProfile]) -> list[Version]:
    """The versions of every slot that the articles of an occurrence give differently."""
    by_slot: dict[str, list[Version]] = {}
    for v in versions(members):
        by_slot.setdefault(v.slot, []).append(v)
    out = []
    for slot, vs in sorted(by_slot.items()):
        if slot == "actor" and not _disjoint_actors(members):
            continue
        if slot == "place":
            countries = {e.country for e in members if e.place}
            fine = [v for v in vs if not _coarse(members, v.value)]
            if len(countries) < 2:
                vs = fine
        values = {v.value for v in vs}
        articles = {v.seq for v in vs}
        if len(values) > 1 and len(articles) > 1:
            out.extend(vs)
    return out


def _disjoint_actors(members: list[EventProfile]) -> bool:
    """Two articles name actors of the occurrence and share none."""
    by_article: dict[int, set] = {}
    for e in members:
        if e.actors:
            by_article.setdefault(e.seq, set()).update(e.actors)
    sets = list(by_article.values())
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])


def agreed(members: list[EventProfile], value: Callable[[EventProfile], Optional[str]]) -> Optional[str]:
    """The most frequent value among members (ties to the earliest), None when none has one."""
    counts = Counter(v for v in (value(e) for e in members) if v)
    if not counts:
        return None
    first = {}
    for i, e in enumerate(members):
        first.setdefault(value(e), i)
    return max(counts, key=lambda v: (counts[v], -first[v]))
