"""TypedDicts of the output record (`newsgraph.analyze` returns a `Record`).

Generated from newsgraph/document.py by newsgraph.record_schema: do not edit; run
`python scripts/update_record_schema.py` after changing the record's classes.
"""
from typing import Any, NotRequired, TypedDict


class SpanRecord(TypedDict):
    """A half-open character range [start, end) of `Document.text`."""

    start: int
    end: int


class MentionRecord(TypedDict):
    """One place in the text that names or refers to an entity."""

    start: int
    end: int
    kind: str


class ActorRecord(TypedDict):
    """Political-actor coding of an entity: CAMEO-style code, ISO alpha-3 country, PLOVER sector."""

    code: str | None
    country: str | None
    sector: str | None
    role: str | None


class EntityRecord(TypedDict):
    """One real-world thing named in the article, with every mention of it."""

    id: str
    label: str
    name: str
    mentions: list[MentionRecord]
    actor: NotRequired[ActorRecord]


class ViaRecord(TypedDict):
    """An intermediary in an attribution chain ("according to Tass")."""

    entity: str | None
    start: int
    end: int


class QuoteRecord(TypedDict):
    """What someone said or reported, with the cue, the source span and the resolved speaker."""

    id: str
    kind: str
    content: SpanRecord
    cue: SpanRecord | None
    source: SpanRecord | None
    speaker: str | None
    via: list[ViaRecord]
    parts: NotRequired[list[SpanRecord]]


class TimeRecord(TypedDict):
    """A temporal expression and its TIMEX3 value."""

    start: int
    end: int
    type: str
    value: str | None


class PlaceRecord(TypedDict):
    """A toponym mention, resolved to a point when the gazetteer knows it (else lat is None)."""

    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_code: str | None
    entity: str | None
    resolved_name: NotRequired[str]
    approximate: NotRequired[bool]


class EventRecord(TypedDict):
    """A PLOVER-coded event with its evidence, status and source."""

    id: str
    event: str
    mode: str | None
    context: list[str]
    actor: list[str]
    recipient: list[str]
    trigger: SpanRecord
    sentence: SpanRecord
    place: int | None
    date: str | None
    status: str
    attributed_to: str | None
    cameo: str | None
    reciprocal: NotRequired[bool]
    intent_of: NotRequired[str]
    evidence: list[SpanRecord]
    reported_by: list[str]


class FlagRecord(TypedDict):
    """Something a careful reader should know: loaded language, an inconsistency, ..."""

    kind: str
    start: int
    end: int
    note: str


class Record(TypedDict):
    """An article and every layer the pipeline has added to it."""

    id: Any
    title: str | None
    published: str | None
    language: str | None
    text: str
    body: SpanRecord | None
    url: NotRequired[str]
    outlet: NotRequired[str]
    authors: NotRequired[list[str]]
    headline: NotRequired[SpanRecord]
    dateline: NotRequired[SpanRecord]
    entities: list[EntityRecord]
    quotes: list[QuoteRecord]
    times: list[TimeRecord]
    places: list[PlaceRecord]
    events: list[EventRecord]
    flags: list[FlagRecord]
    error: NotRequired[str]


__all__ = [
    "ActorRecord",
    "EntityRecord",
    "EventRecord",
    "FlagRecord",
    "MentionRecord",
    "PlaceRecord",
    "QuoteRecord",
    "Record",
    "SpanRecord",
    "TimeRecord",
    "ViaRecord",
]
