"""The events of one sentence: its triggers read as Events, in the order of their steps.

`sentence_events` reads a sentence of the parse in five steps, each a function below:

1. `read_sentence`: the triggers and their roles (`SentenceScope`);
2. `lend_to_hosts`: triggers that are no events of their own lend their date and place to
   another ("met for a tour of the cosmodrome": the tour's place is the meeting's), and an
   attribute restating its subject ("the visit is Kim's first trip") lends it its roles;
3. `trigger_events`: each remaining trigger's `Finding` (event type, roles, status, the tokens
   whose clause dates and places it) made into an Event, with the intent it governs ("vowed to
   retaliate") as an event of its own; an event none of whose participants is political
   (`events.political`: "the team beat Turkey", "the company agreed to merge") is noted as an
   everyday one, which the stage drops unless it is a retelling of a political event ("details
   of the invitation", a headline's "Rivals agree to truce");
4. `demand_events`: "X must ..." said by a reporter, a demand of the reporter (everyday unless
   the reporter or the one who must is political);
5. `link_frames`: an event happening within another ("in which Kim invited") notes that other
   event, which lends it its date and place after merging (`stages.events.share_frames`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional

from ..document import Document, Event, Span
from .attach import Attacher, where_clause_head
from .derived import (demand_clauses, has_ultimatum, intent_governor, intent_reading,
                      is_threat_warning)
from .lexicon import Entry, Lexicon
from .links import copula_subject, frame_trigger, is_content_of_trigger, is_definite, linked_clauses
from .mentions import EntityIndex, children, phrase_entities, reporter_entities
from .political import is_political
from .political_actors import Politics
from .roles import Roles, event_roles
from .status import Status, event_status
from .triggers import Trigger, find_triggers

DEMAND = Entry("must", "VERB", "REQUEST", None, (), "10")


@dataclass
class Finding:
    """What one trigger (or the governor or modal of a derived event) found in its sentence:
    the event it codes, who did it to whom, its status, and where its date and place come from.
    """

    token: Any  # the spaCy token of the event: its trigger
    entry: Entry  # the lexicon reading: PLOVER type, mode, context, CAMEO code
    actor: list[str]
    recipient: list[str]
    status: Status
    anchors: list[int]  # tokens whose attached date and place are the event's
    extra: dict = field(default_factory=dict)  # Event fields of this reading ("reciprocal", ...)
    where: Any = None  # the head of a "where ..." clause naming the event's place
    visits: frozenset = frozenset()  # anchors that are visits: their place is where one went
    linked: tuple = ()  # tokens of linked clauses, whose time the event takes when it has none


@dataclass
class SentenceScope:
    """One sentence being coded: the document, the spaCy sentence, the lexicon, the entity
    index, the date and place attacher, and the sentence's triggers with their roles."""

    doc: Document
    sent: Any
    lex: Lexicon
    index: EntityIndex
    attacher: Attacher
    by_token: dict[int, Trigger]  # token index -> trigger
    roles_of: dict[int, Roles]  # token index of a trigger -> its roles
    politics: Politics  # what makes a participant political in this document

    @property
    def trigger_ids(self) -> set[int]:
        return set(self.by_token)


def make_event(scope: SentenceScope, found: Finding) -> Event:
    """An Event (id set later) with its evidence sentence, date and place; with no time of
    its own it takes one of the `linked` clauses'."""
    doc, sent, tok, entry = scope.doc, scope.sent, found.token, found.entry
    off = doc.parse_offset
    sentence = Span(sent.start_char + off, sent.end_char + off)
    visits = set(found.anchors) if entry.mode == "visit" else found.visits
    return Event(
        id="", event=entry.event, mode=entry.mode, context=list(entry.context),
        trigger=Span(tok.idx + off, tok.idx + len(tok.text) + off), sentence=sentence,
        actor=list(found.actor), recipient=list(found.recipient),
        place=scope.attacher.place(found.anchors, visits=visits, where=found.where),
        date=scope.attacher.date(found.anchors + list(found.linked)), status=found.status.status,
        attributed_to=found.status.attributed_to,
        cameo=entry.cameo, evidence=[sentence], **found.extra)


def sentence_events(doc: Document, sent, lex: Lexicon, index: EntityIndex, politics: Politics,
                    anaphors: set, frames: Optional[dict] = None,
                    everyday: Optional[set] = None) -> list[Event]:
    """Events of one sentence, in text order (ids are set later).

    `anaphors` collects the id() of definite event nouns ("the meeting"), which may refer back
    to an event told before; `frames`, when given, maps the id() of an event to the event it
    happens within; `everyday`, when given, collects the id() of the events with no political
    participant (without it they are left out at once)."""
    triggers = list(find_triggers(sent, lex))
    demands = list(demand_clauses(sent, lex))
    if not triggers and not demands:
        return []
    scope = read_sentence(doc, sent, lex, index, politics, triggers)
    skipped, lent = lend_to_hosts(scope)
    noted: set[int] = set()
    events, event_at, framed = trigger_events(scope, triggers, skipped, lent, anaphors, noted)
    events += demand_events(scope, demands, noted)
    if everyday is None:
        events = [ev for ev in events if id(ev) not in noted]
    else:
        everyday.update(noted)
    if frames is not None:
        link_frames(lent, event_at, framed, frames)
    events.sort(key=lambda ev: ev.trigger.start)
    return events


def read_sentence(doc: Document, sent, lex: Lexicon, index: EntityIndex, politics: Politics,
                  triggers: list[Trigger]) -> SentenceScope:
    """Step 1: the sentence's triggers by token, each with its actor and recipient roles."""
    by_token = {t.token.i: t for t in triggers}
    trigger_ids = set(by_token)
    roles_of = {i: event_roles(t.token, index, t.entry.event, trigger_ids)
                for i, t in by_token.items()}
    return SentenceScope(doc, sent, lex, index, Attacher(doc, sent, trigger_ids, index.starting_in), by_token,
                         roles_of, politics)


def lend_to_hosts(scope: SentenceScope) -> tuple[set[int], dict[int, list[int]]]:
    """Step 2: the triggers that are no events of their own, and for each host trigger the
    tokens whose date and place it takes.

    A trigger that only names what another trigger is about ("met for a tour of the
    cosmodrome", "accepted the invitation") lends its date and place to that trigger. An
    attribute restating its subject ("the visit is Kim's first trip") lends the subject its
    date and place, and its actors when the subject has none."""
    lent: dict[int, list[int]] = {}  # trigger index -> tokens whose date and place it takes
    skipped: set[int] = set()
    for i, trig in scope.by_token.items():
        roles = scope.roles_of[i]
        if is_content_of_trigger(trig, roles, scope.by_token, scope.index):
            skipped.add(i)
            lent.setdefault(roles.host.i, []).append(i)
            continue
        subject = copula_subject(trig, scope.by_token)
        if subject is not None:
            skipped.add(i)
            lent.setdefault(subject.token.i, []).append(i)
            mine = scope.roles_of[subject.token.i]
            mine.actor = mine.actor or [a for a in roles.actor if a not in mine.recipient]
    return skipped, lent


def trigger_events(scope: SentenceScope, triggers: list[Trigger], skipped: set[int],
                   lent: dict[int, list[int]], anaphors: set, everyday: set
                   ) -> tuple[list[Event], dict[int, Event], list[tuple[Event, int]]]:
    """Step 3: the events of the triggers not skipped, in trigger order (an intent before the
    event it governs); with each trigger token's event, and the (event, trigger token of the
    event it happens within) pairs for `link_frames`. The id() of an event with no political
    participant, and of its intent, goes into `everyday`."""
    events: list[Event] = []
    event_at: dict[int, Event] = {}  # trigger token -> its event
    framed: list[tuple[Event, int]] = []
    for trig in triggers:
        tok = trig.token
        if tok.i in skipped:
            continue
        found, clause = trigger_finding(scope, trig, lent)
        political = any(trigger_is_political(scope, scope.by_token[i], found if i == tok.i else None)
                        for i in [tok.i] + lent.get(tok.i, []))
        intent = intent_finding(scope, found, clause)
        if intent is not None:
            events.append(make_event(scope, intent))
            if not political:
                everyday.add(id(events[-1]))
        event = make_event(scope, found)
        if not political:
            everyday.add(id(event))
        if trig.is_noun and is_definite(tok):
            anaphors.add(id(event))
        framing = frame_trigger(clause, scope.trigger_ids - {tok.i}, scope.lex)
        if framing is not None:
            framed.append((event, framing))
        event_at[tok.i] = event
        events.append(event)
    return events, event_at, framed


def trigger_is_political(scope: SentenceScope, trig: Trigger, found: Optional[Finding] = None) -> bool:
    """Has the trigger a political participant (`events.political`)? A trigger lent to another
    ("killed ... in clashes between police and protesters") lends its participants too."""
    roles = scope.roles_of[trig.token.i]
    actor, recipient = (found.actor, found.recipient) if found is not None else (roles.actor, roles.recipient)
    entry = found.entry if found is not None else trig.entry
    return is_political(trig.token, entry, actor, recipient, roles.host, scope.politics, scope.index)


def trigger_finding(scope: SentenceScope, trig: Trigger,
                    lent: dict[int, list[int]]) -> tuple[Finding, Any]:
    """What a trigger found, and its clause (the verb carrying a noun trigger, else itself).

    Its date and place come from its own token, the tokens lent to it, a participle describing
    a noun event ("the meeting held Wednesday at the spaceport") and the verb carrying it."""
    tok, entry = trig.token, trig.entry
    roles = scope.roles_of[tok.i]
    if is_threat_warning(tok, scope.lex):
        entry = replace(entry, event="THREATEN", mode=None, cameo="130")
    status = event_status(tok, scope.lex, scope.index, scope.doc.quotes, scope.doc.parse_offset)
    clause = roles.host if trig.is_noun and roles.host is not None else tok
    anchors = [tok.i] + lent.get(tok.i, [])
    if trig.is_noun:
        anchors += [c.i for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    if roles.host is not None:
        anchors.append(roles.host.i)
    visits = frozenset(i for i in anchors
                       if i in scope.by_token and scope.by_token[i].entry.mode == "visit")
    found = Finding(tok, entry, roles.actor, roles.recipient, status, anchors,
                    extra={"reciprocal": True} if roles.reciprocal else {},
                    where=where_clause_head(clause), visits=visits,
                    linked=tuple(linked_clauses(clause)))
    return found, clause


def intent_finding(scope: SentenceScope, found: Finding, clause) -> Optional[Finding]:
    """The intent a trigger's clause expresses ("vowed to retaliate", "threatened to strike"):
    an event of the governing verb with the trigger's roles, told by whoever the trigger's
    status attributes it to when that is someone else; None when there is none."""
    gov = intent_governor(clause, scope.lex, scope.trigger_ids) if found.actor else None
    if gov is None:
        return None
    status = found.status
    intent = intent_reading(found.entry, status.status == "negated", scope.lex,
                            has_ultimatum(clause))
    if intent is None:
        return None
    by_other = status.attributed_to is not None and status.attributed_to not in found.actor
    said = Status("reported" if by_other else "asserted", status.attributed_to if by_other else None)
    return Finding(gov, intent, found.actor, found.recipient, said, [gov.i, clause.i],
                   extra={"intent_of": found.token.text})


def demand_events(scope: SentenceScope, demands, everyday: set) -> list[Event]:
    """Step 4: "X must ..." in a reporter's clause: a demand (REQUEST) of the reporter on the
    subjects of the clause; everyday (its id() in `everyday`) unless one of them is political."""
    events = []
    for must, clause, reporter in demands:
        actor = reporter_entities(clause, scope.index)
        recipient = [e for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                     for e in phrase_entities(s, scope.index) if e not in actor]
        political = any(e in scope.politics.entities | scope.politics.nations
                        for e in actor + recipient) or any(
            scope.politics.political_phrase(s, scope.index) for v in (clause, reporter)
            for s in children(v, "nsubj", "nsubjpass"))
        if actor or recipient:
            events.append(make_event(scope, Finding(must, DEMAND, actor, recipient,
                                                    Status("asserted", None), [reporter.i])))
            if not political:
                everyday.add(id(events[-1]))
    return events


def link_frames(lent: dict[int, list[int]], event_at: dict[int, Event],
                framed: list[tuple[Event, int]], frames: dict[int, Event]) -> None:
    """Step 5: note, for each event told as happening within another, that other event. A
    trigger lent to a host ("hosted a reception in which ...") stands for the host's event."""
    for host, lent_ids in lent.items():
        for i in lent_ids:
            if host in event_at:
                event_at.setdefault(i, event_at[host])
    for event, framing in framed:
        if framing in event_at and event_at[framing] is not event:
            frames[id(event)] = event_at[framing]
