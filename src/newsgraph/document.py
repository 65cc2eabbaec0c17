"""The Document: the one data model every stage reads and extends.

A reader makes a Document from raw input (text, HTML, a JSONL record). Each stage of the
pipeline reads the layers earlier stages wrote and adds its own; no stage reaches back.
At the edge, `Document.to_record()` serialises it once into the output record of
CONTRACT.md. Every span is a half-open range of Python string indices into `Document.text`,
so every fact points at its evidence.
"""
from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field, fields
from functools import cache
from typing import Any, Optional

# How a field reaches the record (dataclass field metadata, read by `as_record` and by
# newsgraph.record_schema, which writes the record's JSON Schema from these classes):
# - INTERNAL: not part of the record (a stage's working state, the parse);
# - OMIT_IF_NONE / OMIT_IF_EMPTY: the key is left out when the value is None / empty or false,
#   so it is optional in the schema; every other field is always present (null when unknown).
# A field's "schema" metadata adds JSON Schema keywords (an enum of the values it takes).
INTERNAL = {"internal": True}
OMIT_IF_NONE = {"omit": "none"}
OMIT_IF_EMPTY = {"omit": "empty"}

MENTION_KINDS = ("name", "nominal", "pronoun")
QUOTE_KINDS = ("direct", "indirect", "mixed", "block")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_STATUSES = ("asserted", "reported", "future", "hypothetical", "negated")


def one_of(values: tuple[str, ...], **metadata) -> dict:
    """Field metadata saying the record holds one of `values` (an enum in the schema)."""
    return {**metadata, "schema": {"enum": list(values)}}


@cache
def record_fields(cls: type) -> tuple[tuple[str, Optional[str]], ...]:
    """(name, omit rule) of each field of `cls` that is part of the record, in record order
    (the declaration order of the dataclass)."""
    return tuple((f.name, f.metadata.get("omit")) for f in fields(cls)
                 if not f.metadata.get("internal"))


def as_record(obj) -> dict:
    """The record form of one of the classes below: its record fields in order, nested
    objects as dicts, keys left out as their field's omit rule says."""
    out = {}
    for name, omit in record_fields(type(obj)):
        value = getattr(obj, name)
        if (omit == "none" and value is None) or (omit == "empty" and not value):
            continue
        out[name] = _plain(value)
    return out


def _plain(value):
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return as_record(value)
    return value


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


class RecordPart:
    """A piece of the output record: `to_dict()` is its record form (see `as_record`)."""

    def to_dict(self) -> dict:
        return as_record(self)


@dataclass
class Mention(RecordPart):
    """One place in the text that names or refers to an entity."""

    start: int
    end: int
    kind: str = field(default="name", metadata=one_of(MENTION_KINDS))


@dataclass
class Actor(RecordPart):
    """Political-actor coding of an entity: CAMEO-style code, ISO alpha-3 country, PLOVER sector."""

    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None


@dataclass
class Entity(RecordPart):
    """One real-world thing named in the article, with every mention of it."""

    id: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    actor: Optional[Actor] = field(default=None, metadata=OMIT_IF_NONE)


@dataclass
class Via(RecordPart):
    """An intermediary in an attribution chain ("according to Tass")."""

    entity: Optional[str]
    start: int
    end: int


@dataclass
class Quote(RecordPart):
    """What someone said or reported, with the cue, the source span and the resolved speaker."""

    id: str
    kind: str = field(metadata=one_of(QUOTE_KINDS))
    content: Span
    cue: Optional[Span] = None
    source: Optional[Span] = None
    speaker: Optional[str] = None
    via: list[Via] = field(default_factory=list)
    # a quotation broken by its cue ("We made progress," he said, "but not enough."): the
    # quoted pieces, marks excluded; left out for a quote in one piece
    parts: list[Span] = field(default_factory=list, metadata=OMIT_IF_EMPTY)


@dataclass
class Time(RecordPart):
    """A temporal expression and its TIMEX3 value."""

    start: int
    end: int
    type: str = field(metadata=one_of(TIME_TYPES))
    value: Optional[str]


@dataclass
class Place(RecordPart):
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
    # the gazetteer's name of the place it resolved to ("Kyiv" for "Kiev"); only when resolved
    resolved_name: Optional[str] = field(default=None, metadata=OMIT_IF_NONE)
    # lat/lon are an estimate (a US county placed at a city of its state, or at the state);
    # only when true
    approximate: bool = field(default=False, metadata=OMIT_IF_EMPTY)


@dataclass
class Event(RecordPart):
    """A PLOVER-coded event with its evidence, status and source."""

    id: str
    event: str
    _: KW_ONLY
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    trigger: Span
    sentence: Span
    place: Optional[int] = None
    date: Optional[str] = None
    status: str = field(default="asserted", metadata=one_of(EVENT_STATUSES))
    attributed_to: Optional[str] = None
    cameo: Optional[str] = None  # the CAMEO code of the trigger's reading (events.md)
    # actor and recipient act on each other ("Japan and South Korea agreed"); only when true
    reciprocal: bool = field(default=False, metadata=OMIT_IF_EMPTY)
    # an event read from a stated intent ("willing to withdraw"): the word of the intended act
    intent_of: Optional[str] = field(default=None, metadata=OMIT_IF_NONE)
    evidence: list[Span] = field(default_factory=list)  # every sentence that tells it
    reported_by: list[str] = field(default_factory=list)  # every quote or entity that reports it


@dataclass
class Flag(RecordPart):
    """Something a careful reader should know: loaded language, an inconsistency, ..."""

    kind: str
    start: int
    end: int
    note: str = ""


@dataclass
class Document(RecordPart):
    """An article and every layer the pipeline has added to it.

    `text` is never changed after reading: for text input it is the input, character for
    character, so offsets from any annotation line up. `parse` is the spaCy Doc of
    `text[parse_offset:]` up to the end of the body (one pass per document); stages add
    `parse_offset` to token character offsets to get offsets into `text`.

    Fields are declared in the order of the record's keys (`to_record`).
    """

    id: Any = field(metadata={"schema": {"description": (
        "the input's id, unchanged: a string, or whatever the input had (a number, null) "
        "when `error` says it is not one")}})
    _: KW_ONLY
    title: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    text: str
    # layout (the reader or the clean stage)
    body: Optional[Span] = None
    url: Optional[str] = field(default=None, metadata=OMIT_IF_EMPTY)
    outlet: Optional[str] = field(default=None, metadata=OMIT_IF_EMPTY)
    authors: list[str] = field(default_factory=list, metadata=OMIT_IF_EMPTY)
    headline: Optional[Span] = field(default=None, metadata=OMIT_IF_NONE)
    dateline: Optional[Span] = field(default=None, metadata=OMIT_IF_NONE)
    # analysis (the stages after the parse)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    error: Optional[str] = field(default=None, metadata=OMIT_IF_NONE)
    # working state, not part of the record
    # where `published` came from: "input", "html", "json-ld", ..., "dateline", "date line"
    published_source: Optional[str] = field(default=None, metadata=INTERNAL)
    chrome: list[Span] = field(default_factory=list, metadata=INTERNAL)
    parse: Any = field(default=None, metadata=INTERNAL)
    parse_offset: int = field(default=0, metadata=INTERNAL)
    # the pipeline's own notes ("segment", "segments"); stages pass data in declared fields only
    meta: dict[str, Any] = field(default_factory=dict, metadata=INTERNAL)

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
        """The output record of CONTRACT.md (v1); its JSON Schema is newsgraph/record.schema.json."""
        return as_record(self)


def error_record(record_id: str, why: str, text: str = "") -> dict:
    """The record for input that could not be analysed: the id, the reason, empty layers."""
    return Document(id=record_id, text=text, error=why).to_record()
