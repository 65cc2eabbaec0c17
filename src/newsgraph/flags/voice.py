"""Whose words: the spans of an article that are a speaker's, not the writer's.

Words inside quotation marks (a direct quote, a quoted fragment of a paraphrase, a scare-quoted
term such as “special military operation”) and the whole of a direct or block quote are the
speaker's: the writer reports them and does not use them. An indirect quote's content outside
quotation marks is the writer's paraphrase: the words are the writer's choice.
"""
from __future__ import annotations

from ..document import Document, Span
from ..quotes.direct import find_quoted_spans

SPEAKER_KINDS = frozenset({"direct", "block"})


class Voices:
    """Sorted quoted spans of a document, for 'is this span someone else's words?' lookups."""

    def __init__(self, doc: Document, end: int):
        spans = [(q.content.start, q.content.end) for q in doc.quotes if q.kind in SPEAKER_KINDS]
        spans += [(s.start, s.end) for s in find_quoted_spans(doc.text, doc.parse_offset, end)]
        self.spans = sorted(spans)
        self.reported = sorted((q.content.start, q.content.end) for q in doc.quotes)
        self.indirect = sorted((q.content.start, q.content.end) for q in doc.quotes
                               if q.kind == "indirect")

    def quoted(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a quoted span (the speaker's words). Linear: it is
        asked only about lexicon hits, and an article has a few dozen quoted spans."""
        return any(s < end and start < e for s, e in self.spans)

    def in_reported(self, start: int, end: int) -> bool:
        """True when [start, end) lies in the content of any quote, paraphrase included."""
        return any(s <= start and end <= e for s, e in self.reported)

    def in_paraphrase(self, start: int, end: int) -> bool:
        """True when [start, end) lies in an indirect quote's content: reported speech with no
        quotation marks, where a noun may be the speaker's word or the writer's. (Outside the
        marks of a mixed quote, the words are the writer's: the speaker's are inside them.)"""
        return any(s <= start and end <= e for s, e in self.indirect)


def quote_at(doc: Document, span: Span):
    """The quote whose content holds `span`, or None."""
    for q in doc.quotes:
        if q.content.start <= span.start and span.end <= q.content.end:
            return q
    return None
