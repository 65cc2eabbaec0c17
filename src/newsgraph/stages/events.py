"""The events stage: PLOVER-coded events with actor, recipient, place, date, status and source.

For each sentence of the parse (`events.sentence`) we find triggers (`events.triggers`, from
the curated lexicon), their actor and recipient entities (`events.roles`), their status and
source (`events.status`, using the quotes layer when present), and the date and place attached
to their clause (`events.attach`, using the times and places layers when present; None
otherwise). Then:

- how the sentence's triggers relate (`events.links`): an event noun that is only the content
  of another trigger ("condemned the attack") is not an event of its own unless it names its
  own actor ("condemned Russia's invasion"); an event within another takes its time and place;
- the same event told again is one event with more evidence (`events.merge`):
  `Event.evidence` lists every sentence span, `Event.reported_by` every source;
- an event none of whose tellings has a political participant (`events.political`: "the team
  beat Turkey", "the company agreed to merge") is left out.

Actors' countries and sectors are the entities stage's (`Entity.actor`): events only read them.
"""
from __future__ import annotations

from ..document import Document, Event
from ..events.lexicon import load_lexicon
from ..events.mentions import EntityIndex
from ..events.merge import merge_repeats, same_standing
from ..events.political_actors import document_politics
from ..events.sentence import sentence_events
from . import stage


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


def political_events(events: list[Event], everyone: list[Event], everyday: set[int],
                     resolved: dict[int, Event]) -> list[Event]:
    """The merged events that one telling at least gives a political participant: an everyday
    telling stays only as a retelling of a political event ("the invitation", a headline)."""
    political = {id(resolved.get(id(ev), ev)) for ev in everyone if id(ev) not in everyday}
    return [ev for ev in events if id(ev) in political]


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
    politics = document_politics(doc, lex)
    events: list[Event] = []
    anaphors: set[int] = set()  # id() of definite event nouns, which may refer back
    frames: dict[int, Event] = {}  # id() of an event -> the event it happens within
    everyday: set[int] = set()  # id() of the events with no political participant
    for sent in doc.parse.sents:
        events += sentence_events(doc, sent, lex, index, politics, anaphors, frames, everyday)
    everyone = list(events)
    resolved: dict[int, Event] = {}
    events = merge_repeats(events, doc.published, state_countries(doc), frozenset(anaphors),
                           doc.headline, state_countries(doc, officials=True), resolved)
    events = political_events(events, everyone, everyday, resolved)
    share_frames(everyone, frames, resolved)
    for n, ev in enumerate(events, 1):
        ev.id = f"V{n}"
    doc.events = events
    return doc
