"""Very long texts are analysed in segments, then merged into one Document.

The stages after the parse are written for articles: some compare every mention with every
other (clustering, place voting, event merging), which is fine for 10,000 characters and hopeless
for 12 MB. A body longer than SEGMENT_CHARS is cut at paragraph breaks into segments that share
the Document's text (so every offset stays an offset into the original text); each segment
runs through the parse and later stages like an article of its own, and `merge_segments` puts
their layers back into the one Document, renumbering ids (E, Q, V) and the references between
layers. What is lost is only what crosses segments (an entity named in two segments is two
entities) — the price of analysing a book-sized input in bounded time and memory.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .document import Document, Span

SEGMENT_CHARS = 200_000


def needs_segments(doc: Document) -> bool:
    """Is the body too long to analyse as one piece?"""
    return doc.error is None and doc.body is not None and len(doc.body) > SEGMENT_CHARS


def segment_spans(text: str, start: int, end: int, limit: Optional[int] = None) -> list[Span]:
    """Cut text[start:end] into spans of at most `limit` characters, ending at a blank line,
    else a line break, else a sentence end, else anywhere."""
    limit = limit or SEGMENT_CHARS
    spans = []
    while end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". "):
            cut = text.rfind(sep, low, high)
            if cut >= 0:
                cut += len(sep)
                break
        cut = cut if cut > start else high
        spans.append(Span(start, cut))
        start = cut
    spans.append(Span(start, end))
    return spans


def split_document(doc: Document, limit: Optional[int] = None) -> list[Document]:
    """The segments of a long Document: same text and metadata, each with its own body span."""
    parts = []
    for i, span in enumerate(segment_spans(doc.text, doc.body.start, doc.body.end, limit)):
        parts.append(replace(doc, body=span, headline=doc.headline if i == 0 else None,
                             dateline=doc.dateline if i == 0 else None, chrome=[],
                             meta={**doc.meta, "segment": i}, entities=[], quotes=[], times=[], places=[],
                             events=[], flags=[], parse=None))
    return parts


def merge_segments(doc: Document, parts: list[Document]) -> Document:
    """Put the layers of analysed segments into `doc`, renumbering ids and references."""
    doc.parse = None  # each segment had its own; none covers the whole text
    for part in parts:
        if part.error is not None and doc.error is None:
            doc.error = part.error
        entity_ids = _renumber(part.entities, "E", len(doc.entities))
        quote_ids = _renumber(part.quotes, "Q", len(doc.quotes))
        _renumber(part.events, "V", len(doc.events))
        place_offset = len(doc.places)
        for quote in part.quotes:
            quote.speaker = _mapped(entity_ids, quote.speaker)
            for via in quote.via:
                via.entity = _mapped(entity_ids, via.entity)
        for place in part.places:
            place.entity = _mapped(entity_ids, place.entity)
        for event in part.events:
            event.actor = [entity_ids.get(a, a) for a in event.actor]
            event.recipient = [entity_ids.get(r, r) for r in event.recipient]
            if event.place is not None:
                event.place += place_offset
            sources = {**entity_ids, **quote_ids}
            event.attributed_to = _mapped(sources, event.attributed_to)
            event.reported_by = [_mapped(sources, r) for r in event.reported_by]
        doc.entities += part.entities
        doc.quotes += part.quotes
        doc.times += part.times
        doc.places += part.places
        doc.events += part.events
        doc.flags += part.flags
    doc.meta["segments"] = len(parts)
    return doc


def _renumber(items: list, prefix: str, offset: int) -> dict[str, str]:
    """Give items ids prefix+N after `offset`; return old id -> new id."""
    mapping = {}
    for n, item in enumerate(items, start=offset + 1):
        mapping[item.id] = f"{prefix}{n}"
        item.id = mapping[item.id]
    return mapping


def _mapped(mapping: dict[str, str], ref: Optional[str]) -> Optional[str]:
    return mapping.get(ref, ref) if ref is not None else None
