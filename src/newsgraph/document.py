"""The Document: the one data model every stage reads and extends.

A reader makes a Document from raw input (text, HTML, a JSONL record). Each stage of the
pipeline reads the layers earlier stages wrote and adds its own; no stage reaches back.
At the edge, `Document.to_record()` serialises it once into the output record of
CONTRACT.md. Every span is a half-open range of Python string indices into `Document.text`,
so every fact points at its evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of `Document.text`."""

    start: int
    end: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


def span_dict(span: Optional[Span]) -> Optional[dict]:
    return span.to_dict() if span is not None else None


@dataclass
class Mention:
    """One place in the text that names or refers to an entity."""

    start: int
    end: int
    kind: str = "name"  # name | nominal | pronoun

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass
class Actor:
    """Political-actor coding of an entity: CAMEO-style code, ISO alpha-3 country, PLOVER sector."""

    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None

    def to_dict(self) -> dict:
        return {"code": self.code, "country": self.country, "sector": self.sector,
                "role": self.role}


@dataclass
class Entity:
    """One real-world thing named in the article, with every mention of it."""

    id: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    actor: Optional[Actor] = None

    def to_dict(self) -> dict:
        out = {"id": self.id, "label": self.label, "name": self.name,
               "mentions": [m.to_dict() for m in self.mentions]}
        if self.actor is not None:
            out["actor"] = self.actor.to_dict()
        return out


@dataclass
class Via:
    """An intermediary in an attribution chain ("according to Tass")."""

    entity: Optional[str]
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"entity": self.entity, "start": self.start, "end": self.end}


@dataclass
class Quote:
    """What someone said or reported, with the cue, the source span and the resolved speaker."""

    id: str
    kind: str  # direct | indirect | mixed | block
    content: Span
    cue: Optional[Span] = None
    source: Optional[Span] = None
    speaker: Optional[str] = None
    via: list[Via] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "content": self.content.to_dict(),
                "cue": span_dict(self.cue), "source": span_dict(self.source),
                "speaker": self.speaker, "via": [v.to_dict() for v in self.via], **self.extra}


@dataclass
class Time:
    """A temporal expression and its TIMEX3 value."""

    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: Optional[str]
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "type": self.type, "value": self.value,
                **self.extra}


@dataclass
class Place:
    """A toponym mention, resolved to a point when the gazetteer knows it (else lat is None)."""

    start: int
    end: int
    name: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    feature_code: Optional[str] = None
    entity: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "name": self.name,
                "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country_code": self.country_code, "feature_code": self.feature_code,
                "entity": self.entity, **self.extra}


@dataclass
class Event:
    """A PLOVER-coded event with its evidence, status and source."""

    id: str
    event: str
    trigger: Span
    sentence: Span
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    place: Optional[int] = None
    date: Optional[str] = None
    status: str = "asserted"
    attributed_to: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "event": self.event, "mode": self.mode, "context": self.context,
                "actor": self.actor, "recipient": self.recipient,
                "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
                "place": self.place, "date": self.date, "status": self.status,
                "attributed_to": self.attributed_to, **self.extra}


@dataclass
class Flag:
    """Something a careful reader should know: loaded language, an inconsistency, ..."""

    kind: str
    start: int
    end: int
    note: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "note": self.note}


@dataclass
class Document:
    """An article and every layer the pipeline has added to it.

    `text` is never changed after reading: for text input it is the input, character for
    character, so offsets from any annotation line up. `parse` is the spaCy Doc of
    `text[parse_offset:]` up to the end of the body (one pass per document); stages add
    `parse_offset` to token character offsets to get offsets into `text`.
    """

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    # where `published` came from: "input", "html", "json-ld", ..., "dateline", "date line"
    published_source: Optional[str] = field(default=None, metadata={"internal": True})
    url: Optional[str] = None
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    language: Optional[str] = None
    error: Optional[str] = None
    # layout (clean stage)
    headline: Optional[Span] = None
    body: Optional[Span] = None
    dateline: Optional[Span] = None
    chrome: list[Span] = field(default_factory=list)
    # analysis (parse and later stages)
    parse: Any = None
    parse_offset: int = 0
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # the pipeline's own notes ("segment", "segments"); stages pass data in declared fields only
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def analysed(self) -> bool:
        """True when the stages after parsing should run: no error, English, a body."""
        return self.error is None and self.language in (None, "en") and self.body is not None

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def entity(self, entity_id: str) -> Optional[Entity]:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_record(self) -> dict:
        """The output record of CONTRACT.md (v1)."""
        record = {"id": self.id, "title": self.title, "published": self.published,
                  "language": self.language, "text": self.text,
                  "body": span_dict(self.body)}
        if self.url:
            record["url"] = self.url
        if self.outlet:
            record["outlet"] = self.outlet
        if self.authors:
            record["authors"] = list(self.authors)
        if self.headline is not None:
            record["headline"] = self.headline.to_dict()
        if self.dateline is not None:
            record["dateline"] = self.dateline.to_dict()
        record.update(
            entities=[e.to_dict() for e in self.entities],
            quotes=[q.to_dict() for q in self.quotes],
            times=[t.to_dict() for t in self.times],
            places=[p.to_dict() for p in self.places],
            events=[e.to_dict() for e in self.events],
            flags=[f.to_dict() for f in self.flags],
        )
        if self.error is not None:
            record["error"] = self.error
        return record


def error_record(record_id: str, why: str, text: str = "") -> dict:
    """The record for input that could not be analysed: the id, the reason, empty layers."""
    return Document(id=record_id, text=text, error=why).to_record()
