"""The events stage: PLOVER-coded events with actor, recipient, place, date, status and source.

For each sentence of the parse we find triggers (`events.triggers`, from the curated lexicon),
their actor and recipient entities (`events.roles`), their status and source (`events.status`,
using the quotes layer when present), and the date and place attached to their clause
(`events.attach`, using the times and places layers when present; None otherwise). Then:

- how the sentence's triggers relate (`events.links`): an event noun that is only the content
  of another trigger ("condemned the attack") is not an event of its own unless it names its
  own actor ("condemned Russia's invasion"); an event within another takes its time and place;
- the same event told again is one event with more evidence (`events.merge`):
  `extra["evidence"]` lists every sentence span, `extra["reported_by"]` every source.

Actors' countries and sectors are the entities stage's (`Entity.actor`): events only read them.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..document import Document, Event, Span
from ..events.attach import Attacher, where_clause_head
from ..events.merge import merge_repeats, same_standing
from ..events.lexicon import load_lexicon
from ..events.derived import (demand_clauses, has_ultimatum, intent_governor, intent_reading,
                              is_threat_warning)
from ..events.lexicon import Entry
from ..events.links import (copula_subject, frame_trigger, is_content_of_trigger, is_definite,
                            linked_clauses)
from ..events.mentions import EntityIndex, phrase_entities, reporter_entities
from ..events.roles import event_roles
from ..events.status import Status, event_status
from ..events.triggers import find_triggers
from . import stage

DEMAND = Entry("must", "VERB", "REQUEST", None, (), "10")


def make_event(doc: Document, sent, tok, entry: Entry, actor, recipient, status: Status,
               attacher: Attacher, anchors: list[int], extra: dict, where=None,
               visits=frozenset(), linked=()) -> Event:
    """An Event (id set later) with its evidence sentence, date and place; with no time of
    its own it takes one of the `linked` clauses'."""
    off = doc.parse_offset
    sentence = Span(sent.start_char + off, sent.end_char + off)
    return Event(
        id="", event=entry.event, mode=entry.mode, context=list(entry.context),
        trigger=Span(tok.idx + off, tok.idx + len(tok.text) + off), sentence=sentence,
        actor=list(actor), recipient=list(recipient),
        place=attacher.place(anchors, visits=set(anchors) if entry.mode == "visit" else visits, where=where),
        date=attacher.date(anchors + list(linked)), status=status.status,
        attributed_to=status.attributed_to,
        extra={"cameo": entry.cameo, **extra, "evidence": [sentence.to_dict()]})


def sentence_events(doc: Document, sent, lex, index: EntityIndex, anaphors: set,
                    frames: Optional[dict] = None) -> list[Event]:
    """Events of one sentence, in text order (ids are set later).

    A trigger that only names what another trigger is about ("met for a tour of the
    cosmodrome", "accepted the invitation") is not an event of its own, but the date and place
    attached to it are the other event's. An attribute restating its subject ("the visit is
    Kim's first trip") lends the subject its roles. A noun event takes the time and place of a
    participle describing it ("the meeting held Wednesday at the spaceport")."""
    triggers = list(find_triggers(sent, lex))
    demands = list(demand_clauses(sent, lex))
    if not triggers and not demands:
        return []
    by_token = {t.token.i: t for t in triggers}
    trigger_ids = set(by_token)
    attacher = Attacher(doc, sent, trigger_ids)
    roles_of = {i: event_roles(t.token, index, t.entry.event, trigger_ids) for i, t in by_token.items()}
    lent: dict[int, list[int]] = {}  # trigger index -> tokens whose date and place it takes
    skipped = set()
    for i, trig in by_token.items():
        roles = roles_of[i]
        if is_content_of_trigger(trig, roles, by_token, index):
            skipped.add(i)
            lent.setdefault(roles.host.i, []).append(i)
            continue
        subject = copula_subject(trig, by_token)
        if subject is not None:
            skipped.add(i)
            lent.setdefault(subject.token.i, []).append(i)
            mine = roles_of[subject.token.i]
            mine.actor = mine.actor or [a for a in roles.actor if a not in mine.recipient]
    events = []
    event_at: dict[int, Event] = {}  # trigger token -> its event
    framed: list[tuple[Event, int]] = []  # (event, trigger token of the event it happens within)
    for trig in triggers:
        tok, entry = trig.token, trig.entry
        if tok.i in skipped:
            continue
        roles = roles_of[tok.i]
        if is_threat_warning(tok, lex):
            entry = replace(entry, event="THREATEN", mode=None, cameo="130")
        status = event_status(tok, lex, index, doc.quotes, doc.parse_offset)
        clause = roles.host if trig.is_noun and roles.host is not None else tok
        anchors = [tok.i] + lent.get(tok.i, [])
        if trig.is_noun:
            anchors += [c.i for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        if roles.host is not None:
            anchors.append(roles.host.i)
        where = where_clause_head(clause)
        extra = {"reciprocal": True} if roles.reciprocal else {}
        gov = intent_governor(clause, lex, trigger_ids) if roles.actor else None
        intent = intent_reading(entry, status.status == "negated", lex,
                                has_ultimatum(clause)) if gov is not None else None
        if intent is not None:
            by_other = status.attributed_to is not None and status.attributed_to not in roles.actor
            said = Status("reported" if by_other else "asserted", status.attributed_to if by_other else None)
            events.append(make_event(doc, sent, gov, intent, roles.actor, roles.recipient, said,
                                     attacher, [gov.i, clause.i], {"intent_of": tok.text}))
        visits = {i for i in anchors if i in by_token and by_token[i].entry.mode == "visit"}
        event = make_event(doc, sent, tok, entry, roles.actor, roles.recipient, status,
                           attacher, anchors, extra, where, visits, linked_clauses(clause))
        if trig.is_noun and is_definite(tok):
            anaphors.add(id(event))
        framing = frame_trigger(clause, trigger_ids - {tok.i}, lex)
        if framing is not None:
            framed.append((event, framing))
        event_at[tok.i] = event
        events.append(event)
    for must, clause, reporter in demands:
        actor = reporter_entities(clause, index)
        recipient = [e for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                     for e in phrase_entities(s, index) if e not in actor]
        if actor or recipient:
            events.append(make_event(doc, sent, must, DEMAND, actor, recipient,
                                     Status("asserted", None), attacher, [reporter.i], {}))
    if frames is not None:
        for host, lent_ids in lent.items():  # "hosted a reception in which ...": the hosting
            for i in lent_ids:
                if host in event_at:
                    event_at.setdefault(i, event_at[host])
        for event, framing in framed:
            if framing in event_at and event_at[framing] is not event:
                frames[id(event)] = event_at[framing]
    events.sort(key=lambda ev: ev.trigger.start)
    return events


def share_frames(everyone: list[Event], frames: dict[int, Event], resolved: dict[int, Event]) -> None:
    """An event told as happening within another ("in which Kim invited", "at the end of the
    reception") takes that event's date and place when it has none — once both are merged with
    their retellings, so the reception's date told elsewhere reaches the invitation."""
    for ev in everyone:
        frame = frames.get(id(ev))
        if frame is None:
            continue
        target, host = resolved.get(id(ev), ev), resolved.get(id(frame), frame)
        if target is host or not same_standing(target.status, host.status):
            continue
        target.date = target.date or host.date
        target.place = target.place if target.place is not None else host.place


def state_countries(doc: Document, officials: bool = False) -> dict[str, str]:
    """Entity id -> country for states and nationalities ("Russia", "Russian"), so that events
    compare them as one participant; with `officials`, also for people and bodies coded as a
    state's government or military (who stand for it in headlines)."""
    return {e.id: e.actor.country for e in doc.entities
            if e.actor is not None and e.actor.country and (
                e.label in ("GPE", "NORP") or (officials and e.actor.sector in ("GOV", "MIL")))}


@stage("events", requires=("headline", "dateline", "published", "parse", "parse_offset",
                          "entities"), optional=("times", "places", "quotes"), assigns=("events",))
def find_events(doc: Document) -> Document:
    """Code every event of the article in PLOVER, with its evidence, status and source."""
    if doc.parse is None:
        return doc
    lex = load_lexicon()
    index = EntityIndex(doc)
    events: list[Event] = []
    anaphors: set[int] = set()  # id() of definite event nouns, which may refer back
    frames: dict[int, Event] = {}  # id() of an event -> the event it happens within
    for sent in doc.parse.sents:
        events += sentence_events(doc, sent, lex, index, anaphors, frames)
    everyone = list(events)
    resolved: dict[int, Event] = {}
    events = merge_repeats(events, doc.published, state_countries(doc), frozenset(anaphors),
                           doc.headline, state_countries(doc, officials=True), resolved)
    share_frames(everyone, frames, resolved)
    for n, ev in enumerate(events, 1):
        ev.id = f"V{n}"
    doc.events = events
    return doc
