"""Times: every temporal expression of the article, with its TIMEX3 value.

The expressions are found by our own grammar (newsgraph.times) over the parsed region (headline
and body), resolved on the anchor date: the publication date (the input's, or the one the clean
stage read in the dateline or a date line above the story), else none, and relative expressions
stay `XXXX-...`. The governing verb's tense, read from the parse, picks the previous or the next
weekday or month.
"""
from __future__ import annotations

from ..document import Document, Time
from ..times import find_times
from ..times.anchor import parse_date
from . import stage


@stage("times", requires=("text", "body", "published", "parse", "parse_offset"),
       assigns=("times",))
def find_document_times(doc: Document) -> Document:
    """Add `doc.times` (sorted by start), anchoring relative expressions on the publication date."""
    if doc.body is None:
        return doc
    anchor = parse_date(doc.published)
    if doc.parse is not None:  # the parse covers text[parse_offset:body.end] (parse stage)
        offset, parse = doc.parse_offset, doc.parse
        text = doc.text[offset:doc.body.end]
    else:
        offset, text, parse = doc.body.start, doc.text[doc.body.start:doc.body.end], None
    # a date in the dateline ("BRUSSELS, February 10 (Xinhua) --") is a time of the text like
    # any other; it dates the filing, so events do not take it (events.attach skips it)
    doc.times = [Time(f.start + offset, f.end + offset, f.type, f.value)
                 for f in find_times(text, anchor, parse)]
    return doc
