"""The events stage: PLOVER-coded events with actor, recipient, place, date, status and source.

For each sentence of the parse we find triggers (`events.triggers`, from the curated lexicon),
their actor and recipient entities (`events.roles`), their status and source (`events.status`,
using the quotes layer when present), and the date and place attached to their clause
(`events.attach`, using the times and places layers when present; None otherwise). Then:

- an event noun that is only the content of another trigger ("condemned the attack",
  "signed an agreement") is not an event of its own unless it names its own actor
  ("condemned Russia's invasion");
- the same event told again (same type and participants, compatible date and status) is one
  event with more evidence: `extra["evidence"]` lists every sentence span.

Actors' countries and sectors are the entities stage's (`Entity.actor`): events only read them.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..document import Document, Event, Span
from ..events.attach import Attacher
from ..events.lexicon import load_lexicon
from ..events.derived import demand_clauses, intent_governor, intent_reading, is_threat_warning
from ..events.lexicon import Entry
from ..events.roles import EntityIndex, event_roles, phrase_entities, reporter_entities
from ..events.status import Status, event_status
from ..events.triggers import Trigger, find_triggers
from . import stage

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
CONTENT_PREPS = frozenset({"of", "for", "on", "upon", "to", "about", "over", "with", "against", "into"})
DEMAND = Entry("must", "VERB", "REQUEST", None, (), "10")


def is_content_of_trigger(trig: Trigger, roles, trigger_ids: set[int]) -> bool:
    """True for an event noun that only names what another trigger is about, with no actor of
    its own in its phrase: "condemned the attack", "accepted the invitation"."""
    if not trig.is_noun or roles.host is None or roles.host.i not in trigger_ids:
        return False
    tok = trig.token
    link = tok
    while link.head.i != roles.host.i and link.head.i != link.i:
        link = link.head
    if link.dep_ == "prep" and link.lower_ not in CONTENT_PREPS:
        return False  # "captured the town after days of fighting": a separate event
    own = any(c.dep_ in ("poss", "compound", "amod", "prep") and c.dep_ != "prep" or
              (c.dep_ == "prep" and c.lower_ in ("by", "between")) for c in tok.children)
    return not (own and roles.actor)


def make_event(doc: Document, sent, tok, entry: Entry, actor, recipient, status: Status,
               attacher: Attacher, anchors: list[int], extra: dict) -> Event:
    """An Event (id set later) with its evidence sentence, date and place."""
    off = doc.parse_offset
    sentence = Span(sent.start_char + off, sent.end_char + off)
    return Event(
        id="", event=entry.event, mode=entry.mode, context=list(entry.context),
        trigger=Span(tok.idx + off, tok.idx + len(tok.text) + off), sentence=sentence,
        actor=list(actor), recipient=list(recipient),
        place=attacher.place(anchors, visit=entry.mode == "visit"),
        date=attacher.date(anchors), status=status.status, attributed_to=status.attributed_to,
        extra={"cameo": entry.cameo, **extra, "evidence": [sentence.to_dict()]})


def sentence_events(doc: Document, sent, lex, index: EntityIndex) -> list[Event]:
    """Events of one sentence, in text order (ids are set later)."""
    triggers = list(find_triggers(sent, lex))
    demands = list(demand_clauses(sent, lex))
    if not triggers and not demands:
        return []
    trigger_ids = {t.token.i for t in triggers}
    attacher = Attacher(doc, sent, trigger_ids)
    events = []
    for trig in triggers:
        tok, entry = trig.token, trig.entry
        roles = event_roles(tok, index)
        if is_content_of_trigger(trig, roles, trigger_ids):
            continue
        if is_threat_warning(tok, lex):
            entry = replace(entry, event="THREATEN", mode=None, cameo="130")
        status = event_status(tok, lex, index, doc.quotes, doc.parse_offset)
        clause = roles.host if trig.is_noun and roles.host is not None else tok
        anchors = [tok.i] + ([roles.host.i] if roles.host is not None else [])
        extra = {"reciprocal": True} if roles.reciprocal else {}
        gov = intent_governor(clause, lex, trigger_ids) if roles.actor else None
        intent = intent_reading(entry, status.status == "negated", lex) if gov is not None else None
        if intent is not None:
            by_other = status.attributed_to is not None and status.attributed_to not in roles.actor
            said = Status("reported" if by_other else "asserted", status.attributed_to if by_other else None)
            events.append(make_event(doc, sent, gov, intent, roles.actor, roles.recipient, said,
                                     attacher, [gov.i, clause.i], {"intent_of": tok.text}))
        events.append(make_event(doc, sent, tok, entry, roles.actor, roles.recipient, status,
                                 attacher, anchors, extra))
    for must, clause, reporter in demands:
        actor = reporter_entities(clause, index)
        recipient = [e for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                     for e in phrase_entities(s, index) if e not in actor]
        if actor or recipient:
            events.append(make_event(doc, sent, must, DEMAND, actor, recipient,
                                     Status("asserted", None), attacher, [reporter.i], {}))
    events.sort(key=lambda ev: ev.trigger.start)
    return events


def event_key(ev: Event) -> Optional[tuple]:
    if not ev.actor and not ev.recipient:
        return None
    if ev.event in SYMMETRIC:
        return ev.event, frozenset(ev.actor) | frozenset(ev.recipient)
    return ev.event, frozenset(ev.actor), frozenset(ev.recipient)


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per occurrence: a later mention with the same key, a compatible date and the
    same status adds its sentence to the first one's evidence (and fills its date and place)."""
    out: list[Event] = []
    by_key: dict[tuple, list[Event]] = {}
    for ev in events:
        key = event_key(ev)
        match = None
        for prev in by_key.get(key, []) if key else []:
            if prev.status == ev.status and (prev.date is None or ev.date is None or prev.date == ev.date):
                match = prev
                break
        if match is None:
            out.append(ev)
            if key:
                by_key.setdefault(key, []).append(ev)
            continue
        if ev.sentence.to_dict() not in match.extra["evidence"]:
            match.extra["evidence"].append(ev.sentence.to_dict())
        match.date = match.date or ev.date
        match.place = match.place if match.place is not None else ev.place
        match.attributed_to = match.attributed_to or ev.attributed_to
    return out


@stage("events", requires=("parse", "entities"), assigns=("events",))
def find_events(doc: Document) -> Document:
    """Code every event of the article in PLOVER, with its evidence, status and source."""
    if doc.parse is None:
        return doc
    lex = load_lexicon()
    index = EntityIndex(doc)
    events: list[Event] = []
    for sent in doc.parse.sents:
        events += sentence_events(doc, sent, lex, index)
    events = merge_repeats(events)
    for n, ev in enumerate(events, 1):
        ev.id = f"V{n}"
    doc.events = events
    return doc
