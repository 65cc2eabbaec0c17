"""An article's text cut into segments, each carrying the facts of the record that cover it.

The record's layers overlap freely (a place is also an entity mention, a quote holds names and
times), so the text is not nested markup but a flat run of segments: cut at every start and
end of every span, each segment knows the facts covering it (by index into `facts`) and the
kinds of mark they make (entity, quote, cue, source, via, time, place, event, flag), which the
stylesheet draws as layers. A fact is one item of the record (an entity, a quote, an event, a
time, a place, a flag) with an id the other views link to (`?fact=V2`): entities, quotes and
events keep their record ids; times, places and flags are T1, P1, F1... in record order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional


@dataclass
class Fact:
    """One record item: what the page lists and what a click on its text shows."""

    id: str
    kind: str                      # entity | quote | event | time | place | flag
    label: str                     # one line for a tooltip or a list
    item: dict                     # the record's fields, as they are
    spans: list = field(default_factory=list)   # [(start, end, mark kind)]

    def evidence(self) -> list[tuple[int, int]]:
        """The spans that show the fact: an event's sentence, a quote's words, cue and source,
        every mention of an entity, the text of a time, place or flag."""
        return [(s, e) for s, e, _ in self.spans]

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label, "fields": self.item}


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: tuple = ()              # mark kinds, sorted
    facts: tuple = ()              # fact indexes
    title: str = ""                # the covering facts' labels, for the tooltip
    evidence: bool = False         # inside the spans of the fact the page was asked to show
    spot: bool = False             # inside the span the page was asked to show (`?span=`)


def _span(value) -> Optional[tuple[int, int]]:
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        if value["end"] > value["start"]:
            return value["start"], value["end"]
    return None


def _names(record: dict) -> dict[str, str]:
    return {e.get("id"): e.get("name") or e.get("id") for e in record.get("entities") or []}


def entity_label(entity: dict) -> str:
    actor = entity.get("actor") or {}
    code = f" ({actor['code']})" if actor.get("code") else ""
    return f"{entity.get('label') or 'entity'} {entity.get('name') or ''}{code}".strip()


def facts_of(record: dict) -> list[Fact]:
    """Every fact of the record, with the spans it marks in the text."""
    names = _names(record)
    facts: list[Fact] = []
    for entity in record.get("entities") or []:
        fact = Fact(entity.get("id") or "", "entity", entity_label(entity), entity)
        for mention in entity.get("mentions") or []:
            if (span := _span(mention)):
                fact.spans.append((*span, "entity"))
        facts.append(fact)
    for quote in record.get("quotes") or []:
        speaker = names.get(quote.get("speaker")) or (quote.get("source") or {}).get("text") or "unknown"
        via = ", ".join(names.get(v.get("entity"), "?") for v in quote.get("via") or [])
        label = f"{quote.get('kind') or ''} quote by {speaker}" + (f" via {via}" if via else "")
        fact = Fact(quote.get("id") or "", "quote", label, quote)
        for part, mark in (("content", "quote"), ("cue", "cue"), ("source", "source")):
            if (span := _span(quote.get(part))):
                fact.spans.append((*span, mark))
        for v in quote.get("via") or []:
            if (span := _span(v)):
                fact.spans.append((*span, "via"))
        facts.append(fact)
    for event in record.get("events") or []:
        actors = ", ".join(names.get(e, e) for e in event.get("actor") or []) or "?"
        recipients = ", ".join(names.get(e, e) for e in event.get("recipient") or [])
        label = f"{event.get('event')} {actors}" + (f" → {recipients}" if recipients else "") + \
            f" ({event.get('status') or 'asserted'})"
        fact = Fact(event.get("id") or "", "event", label, event)
        if (span := _span(event.get("trigger"))):
            fact.spans.append((*span, "event"))
        if (span := _span(event.get("sentence"))):
            fact.spans.append((*span, "sentence"))
        facts.append(fact)
    for prefix, kind, layer in (("T", "time", "times"), ("P", "place", "places"), ("F", "flag", "flags")):
        for i, item in enumerate(record.get(layer) or [], start=1):
            if kind == "time":
                label = f"{item.get('type') or 'time'} {item.get('value')}"
            elif kind == "place":
                where = f" ({item['lat']:.2f}, {item['lon']:.2f})" if item.get("lat") is not None else " (unresolved)"
                label = f"place {item.get('name')}{where}"
            else:
                label = f"flag {item.get('kind')}: {item.get('note') or ''}".strip()
            fact = Fact(f"{prefix}{i}", kind, label, item)
            if (span := _span(item)):
                fact.spans.append((*span, kind))
            facts.append(fact)
    return facts


# Marks drawn on a segment; a sentence is a fact's evidence, not a mark (it would cover all).
SHOWN = {"entity", "quote", "cue", "source", "via", "time", "place", "event", "flag"}


def segments(text: str, facts: list[Fact], evidence: Iterable[tuple[int, int]] = (),
             spot: Optional[tuple[int, int]] = None) -> list[Segment]:
    """`text` cut at every boundary of the facts' spans (and of `evidence` and `spot`, which
    are evidence too), in order."""
    n = len(text)
    evidence = [(max(0, s), min(n, e)) for s, e in [*evidence, *([spot] if spot else [])] if e > s]
    cuts = {0, n}
    for fact in facts:
        for s, e, mark in fact.spans:
            if mark in SHOWN:
                cuts.update((max(0, min(n, s)), max(0, min(n, e))))
    for s, e in evidence:
        cuts.update((s, e))
    bounds = sorted(cuts)
    # sweep: spans sorted by start, the active ones kept per segment
    spans = sorted((max(0, s), min(n, e), mark, i) for i, fact in enumerate(facts)
                   for s, e, mark in fact.spans if mark in SHOWN and e > s)
    out: list[Segment] = []
    active: list[tuple[int, str, int]] = []
    k = 0
    for start, end in zip(bounds, bounds[1:]):
        while k < len(spans) and spans[k][0] <= start:
            active.append((spans[k][1], spans[k][2], spans[k][3]))
            k += 1
        active = [a for a in active if a[0] > start]
        marks = tuple(sorted({mark for _, mark, _ in active}))
        indexes = tuple(sorted({i for _, _, i in active}))
        title = "\n".join(facts[i].label for i in indexes)
        inside = any(s <= start and end <= e for s, e in evidence)
        spotted = bool(spot) and spot[0] <= start and end <= spot[1]
        out.append(Segment(start, end, text[start:end], marks, indexes, title, inside, spotted))
    return out
