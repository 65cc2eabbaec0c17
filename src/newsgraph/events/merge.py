"""One event per occurrence: the same event told again is one event with more evidence.

A story tells its main event several times ("Kim met Putin on Wednesday", "the talks between
Putin and Kim", "his meeting with Putin held Wednesday"); a reader wants one event with three
evidence sentences, not three events. A later event joins an earlier one when:

- the type is the same (modes are facets of one occurrence: the visit, its hosting, the meeting);
- the participants agree: one event's participants are all among the other's (the retelling
  often names fewer: "the invasion" after "Russia's invasion of Ukraine"), and they share at
  least one. Countries are compared by country, so "Russian" and "Russia" are one participant;
- the dates agree: equal, or one is missing — but a missing date only joins a recent date (within
  a month of publication): an undated mention in news is about the current story, not about
  "their last meeting in 2019";
- both happened (asserted or reported) or both have the same other status (future, negated...).

A telling that fits several earlier events joins the latest of them ("Following the tour, Putin
held a reception" is the visit just told, not Putin's visit of 2000). The joined event shows the
telling that says most of it (its own date, place and participants) as its trigger and sentence,
gains every sentence as evidence (`Event.evidence`), fills its missing date, place, actors and recipients from the
later mentions, and lists every source that reports it (`Event.reported_by`). It counts as
asserted when the article itself asserts it once. A definite mention with no participants ("the
invitation", "such a visit") is a retelling of the latest event of its type; a headline event
with no participants ("Rivals agree to truce") is the first body event of its type.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..document import Event

HAPPENED = frozenset({"asserted", "reported"})
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "X met Y" is "Y met X"
RECENT_DAYS = 31
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def same_standing(a: str, b: str) -> bool:
    """Both happened (asserted or reported), or both have the same other status."""
    return a == b or (a in HAPPENED and b in HAPPENED)


def _day(value: Optional[str]) -> Optional[dt.date]:
    """The first day a TIMEX3 value can mean ("2023-09" -> 2023-09-01), or None."""
    m = DATE_RE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


class Merger:
    """Joins retellings of one occurrence; `add` returns False when the event was absorbed."""

    def __init__(self, published: Optional[str], country_of: dict[str, str], headline=None,
                 state_of: Optional[dict[str, str]] = None):
        self.published = _day((published or "")[:10])
        self.state_of = {**country_of, **(state_of or {})}
        self.headline = headline  # the headline's Span: its tellings give way to the body's
        self.country_of = country_of  # entity id -> country for states and nationalities
        self.resolved: dict[int, Event] = {}  # id() of every event -> the event it ended in
        self.best: dict[int, tuple] = {}  # id() of a kept event -> its most telling telling
        self.kept: list[Event] = []

    def participants(self, ids, states: bool = False) -> frozenset:
        """Participants to compare: states and nationalities by country; with `states`, also
        the officials who speak for a state (a headline's "Armenia and Azerbaijan hold talks"
        is the body's "Pashinyan and Aliyev met")."""
        table = self.state_of if states else self.country_of
        return frozenset(table.get(i, i) for i in ids)

    def recent(self, value: Optional[str]) -> bool:
        """True when a dated event may be the current story: a day within a month of
        publication, a month no more than one month off, a bare year equal to the year of
        publication; or when either date is unknown or not a calendar date (PRESENT_REF)."""
        day = _day(value)
        if day is None or self.published is None:
            return True
        pub = self.published
        if len(value) == 4:
            return day.year == pub.year
        if len(value) == 7:
            return abs((pub.year - day.year) * 12 + pub.month - day.month) <= 1
        return abs((pub - day).days) <= RECENT_DAYS

    def compatible(self, a: Event, b: Event) -> bool:
        if a.event != b.event:  # modes are facets of one occurrence: hosting is a visit
            return False
        if not same_standing(a.status, b.status):
            return False
        if a.date and b.date:
            if a.date != b.date:
                return False
        elif a.date or b.date:
            if not self.recent(a.date or b.date):
                return False
        states = self.in_headline(a) or self.in_headline(b)
        if a.event in SYMMETRIC:  # who is named first is style
            pa = self.participants(a.actor + a.recipient, states)
            pb = self.participants(b.actor + b.recipient, states)
            return bool(pa & pb) and (pa <= pb or pb <= pa)
        aa, ab = self.participants(a.actor, states), self.participants(b.actor, states)
        ra, rb = self.participants(a.recipient, states), self.participants(b.recipient, states)
        if not (aa <= ab or ab <= aa) or not (ra <= rb or rb <= ra):
            return False
        if not (aa or ab):  # who did it unknown in both: a shared target is not enough
            return False    # ("struck Hezbollah depots" is not "the killing of its commanders")
        return bool((aa & ab) or (ra & rb))

    def in_headline(self, ev: Event) -> bool:
        h = self.headline
        return h is not None and h.start <= ev.sentence.start < h.end

    def telling(self, ev: Event) -> tuple:
        """How much one telling says of the event: its own date, place and participants (a
        headline says least)."""
        return ((ev.date is not None) + (ev.place is not None) + min(len(ev.actor) + len(ev.recipient), 2)
                - 3 * self.in_headline(ev), ev.trigger, ev.sentence)

    def add(self, ev: Event) -> bool:
        for prev in reversed(self.kept):  # the latest telling it fits: stories retell nearby
            if self.compatible(prev, ev):
                mine = self.telling(ev)
                absorb(prev, ev, from_headline=self.in_headline(prev) and not self.in_headline(ev))
                self.resolved[id(ev)] = prev
                if mine[0] > self.best[id(prev)][0]:
                    self.best[id(prev)] = mine
                return False
        self.kept.append(ev)
        self.resolved[id(ev)] = ev
        self.best[id(ev)] = self.telling(ev)
        return True


def add_evidence(into: Event, sentences) -> None:
    """Add sentence spans to an event's evidence, each once."""
    for sentence in sentences:
        if sentence not in into.evidence:
            into.evidence.append(sentence)


def absorb(into: Event, ev: Event, from_headline: bool = False) -> None:
    """Fold a retelling into the event it retells. A headline is a compressed telling: the
    body's telling, status and (fuller) participants replace the headline's (which telling is
    shown in the end is `Merger.telling`'s choice)."""
    add_evidence(into, ev.evidence)
    if from_headline:  # the body says who reports it; the headline states it flatly
        # from now on the event is the body's telling (not a headline one) for later tellings
        into.trigger, into.sentence = ev.trigger, ev.sentence
        into.status, into.attributed_to = ev.status, ev.attributed_to
        if len(ev.actor) + len(ev.recipient) >= len(into.actor) + len(into.recipient):
            into.actor, into.recipient = list(ev.actor), list(ev.recipient)
        into.date = ev.date or into.date
        into.place = ev.place if ev.place is not None else into.place
    into.date = into.date or ev.date
    into.place = into.place if into.place is not None else ev.place
    for field in ("actor", "recipient"):  # only roles the first telling left open
        if not getattr(into, field):
            setattr(into, field, [i for i in getattr(ev, field) if i not in into.actor + into.recipient])
    if ev.attributed_to and ev.attributed_to not in into.reported_by:
        into.reported_by.append(ev.attributed_to)
    if ev.status == "asserted" and into.status == "reported":
        into.status, into.attributed_to = "asserted", None
    elif into.attributed_to is None and into.status == "reported":
        into.attributed_to = ev.attributed_to


def antecedent(ev: Event, kept: list[Event]) -> Optional[Event]:
    """The latest earlier event a definite mention without participants ("the invitation",
    "such a visit") refers back to: same type, same mode when both have one, and the same
    standing (a visit that "would happen" is the planned one, not the one that took place)."""
    for prev in reversed(kept):
        if prev.event == ev.event and (prev.mode == ev.mode or None in (prev.mode, ev.mode)) and \
                same_standing(prev.status, ev.status):
            return prev
    return None


def merge_repeats(events: list[Event], published: Optional[str], country_of: dict[str, str],
                  anaphors: frozenset = frozenset(), headline=None,
                  state_of: Optional[dict[str, str]] = None,
                  resolved: Optional[dict[int, Event]] = None) -> list[Event]:
    """The events of a document with retellings folded into the latest event they fit. An event
    with no participant is folded into the event it refers back to when it is a definite mention
    (its `id(ev)` in `anaphors`), and otherwise kept: nothing says which occurrence it is."""
    merger = Merger(published, country_of, headline, state_of)
    final = merger.resolved  # id() of every event -> the event it ended in
    out = []
    waiting: dict[str, Event] = {}  # a headline event without participants, by type
    for ev in events:
        ev.reported_by = [ev.attributed_to] if ev.attributed_to else []
        early = None
        if not merger.in_headline(ev):
            early = waiting.pop(ev.event, None)
            if early is not None:  # "Rivals agree to truce": told in full by the body
                out.remove(early)
                ev.evidence.insert(0, early.sentence)
        if not ev.actor and not ev.recipient:
            if merger.in_headline(ev):
                waiting.setdefault(ev.event, ev)
            prev = antecedent(ev, merger.kept) if id(ev) in anaphors else None
            if prev is not None:
                add_evidence(prev, [ev.sentence])
                final[id(ev)] = prev
            else:
                out.append(ev)
                final[id(ev)] = ev
        elif merger.add(ev):
            out.append(ev)
        if early is not None:
            final[id(early)] = final.get(id(ev), ev)
    for ev in merger.kept:  # show the telling that says most: "met ... on Wednesday at ..."
        _, ev.trigger, ev.sentence = merger.best[id(ev)]
    if resolved is not None:
        resolved.update(final)
    return out
