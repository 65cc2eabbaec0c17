"""Occurrences: the events of one story's articles that are one real-world occurrence.

An event is compared only with the occurrences of its own story and of its own PLOVER type.
It joins the one it fits best when the score (`OccurrenceRules`) reaches `threshold`, else it
starts a new occurrence. The score adds up:
- the trigger: the same stem as one of the occurrence's events ("shot" / "shots") is strong
  evidence; the same CAMEO code only ("killed" / "murdered") is none either way; another word
  speaks against;
- the actors: named on both sides and one shared speaks for, none shared against;
- the day: both name a full day, the same one for, another one against; else both name a
  month at least, and another month is against ("in February" recalled in March's story);
- the place: both resolved, in no common country, against;
- the year: the event's year (its date's, else its article's) not among the occurrence's is
  strong evidence against: that is the background event ("she hosted in 2007");
- the people: an occurrence is about the people its sentences name most (who was arrested,
  who met whom). A sentence that names people, none of them those, speaks against: the
  story of one player's arrest recalls a team-mate's arrest a month before, in other words
  and without a date, and only the name tells them apart.
The rules were set on the odd-numbered ECB+ topics (eval/stories_offline.py measures them).

Events of one article may join one occurrence too: the events stage merges the tellings it
recognises, not all of them. When an article changes story, its events leave their
occurrences and are linked again in the new story.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .events import EventProfile


@dataclass(frozen=True)
class OccurrenceRules:
    same_stem: float = 1.5
    same_cameo: float = 0.0
    other_trigger: float = -1.0
    shared_actor: float = 1.0
    other_actors: float = -0.5
    same_day: float = 0.5
    other_day: float = -1.0
    other_country: float = -1.0
    other_year: float = -2.0
    other_people: float = -1.0
    threshold: float = 0.5


@dataclass
class Occurrence:
    """One occurrence: its id, story, type and member events (in the order they joined)."""

    occurrence_id: str
    story: str
    event: str
    members: list[EventProfile] = field(default_factory=list)
    stems: set = field(default_factory=set)
    cameos: set = field(default_factory=set)
    actors: set = field(default_factory=set)
    days: set = field(default_factory=set)
    months: set = field(default_factory=set)
    countries: set = field(default_factory=set)
    years: set = field(default_factory=set)
    persons: Counter = field(default_factory=Counter)   # person -> members whose sentence names them

    def add(self, e: EventProfile) -> None:
        """Take an event in; members stay in article order, then record order, however they
        joined (a stored occurrence reads back the same)."""
        self.members.append(e)
        self.members.sort(key=lambda m: (m.seq, m.index))
        self.stems.add(e.stem)
        if e.cameo:
            self.cameos.add(e.cameo)
        self.actors.update(e.actors)
        if e.full_day:
            self.days.add(e.full_day)
        if e.month:
            self.months.add(e.month)
        if e.country:
            self.countries.add(e.country)
        if e.year is not None:
            self.years.add(e.year)
        self.persons.update(e.persons)

    def protagonists(self) -> set[str]:
        """The people most of its members' sentences name (all of them on a tie)."""
        if not self.persons:
            return set()
        most = max(self.persons.values())
        return {p for p, n in self.persons.items() if n == most}


    def rebuilt(self, members: Iterable[EventProfile]) -> "Occurrence":
        fresh = Occurrence(self.occurrence_id, self.story, self.event)
        for e in members:
            fresh.add(e)
        return fresh


def fit_score(e: EventProfile, o: Occurrence, rules: OccurrenceRules) -> float:
    """How well event `e` fits occurrence `o` (same type assumed); see the module docstring."""
    if e.stem in o.stems:
        score = rules.same_stem
    elif e.cameo and e.cameo in o.cameos:
        score = rules.same_cameo
    else:
        score = rules.other_trigger
    if e.actors and o.actors:
        score += rules.shared_actor if o.actors.intersection(e.actors) else rules.other_actors
    if e.full_day and o.days:
        score += rules.same_day if e.full_day in o.days else rules.other_day
    elif e.month and o.months and e.month not in o.months:
        score += rules.other_day
    if e.country and o.countries and e.country not in o.countries:
        score += rules.other_country
    if e.year is not None and o.years and e.year not in o.years:
        score += rules.other_year
    if e.persons and o.persons and not o.protagonists().intersection(e.persons):
        score += rules.other_people
    return score


class OccurrenceBook:
    """Every occurrence, by story; which occurrence each event (seq, event_id) is in."""

    def __init__(self, rules: Optional[OccurrenceRules] = None):
        self.rules = rules or OccurrenceRules()
        self.occurrences: dict[str, Occurrence] = {}
        self.by_story: dict[str, list[str]] = {}
        self.of_event: dict[tuple[int, str], str] = {}
        self.events_of: dict[int, list[EventProfile]] = {}   # article -> its profiles

    def link(self, story: str, events: list[EventProfile], new_id: Callable[[], str]) -> set[str]:
        """Link one article's events within `story`; returns the occurrences changed."""
        if events:
            self.events_of[events[0].seq] = events
        touched = set()
        for e in events:
            best, best_score = None, self.rules.threshold
            for oid in self.by_story.get(story, ()):
                o = self.occurrences[oid]
                if o.event != e.event:
                    continue
                score = fit_score(e, o, self.rules)
                if score >= best_score and (best is None or score > best_score):
                    best, best_score = o, score
            if best is None:
                best = Occurrence(new_id(), story, e.event)
                self.occurrences[best.occurrence_id] = best
                self.by_story.setdefault(story, []).append(best.occurrence_id)
            best.add(e)
            self.of_event[(e.seq, e.event_id)] = best.occurrence_id
            touched.add(best.occurrence_id)
        return touched

    def unlink(self, seq: int) -> tuple[list[EventProfile], set[str], set[str]]:
        """Take an article's events out of their occurrences. Returns its profiles, the
        occurrences changed and those left empty (removed)."""
        events = self.events_of.get(seq, [])
        touched, removed = set(), set()
        for e in events:
            oid = self.of_event.pop((e.seq, e.event_id), None)
            if oid is None or oid not in self.occurrences:
                continue
            o = self.occurrences[oid]
            rest = [m for m in o.members if m.seq != seq]
            if rest:
                self.occurrences[oid] = o.rebuilt(rest)
                touched.add(oid)
            else:
                del self.occurrences[oid]
                self.by_story[o.story].remove(oid)
                if not self.by_story[o.story]:
                    del self.by_story[o.story]
                removed.add(oid)
                touched.discard(oid)
        return events, touched, removed
