"""The clean stage for plain text: find the headline, the article body, the dateline and bylines.

A scraper that saves a page as text keeps its furniture: menus ("Home", "Politics"), share and
subscribe prompts, cookie notices, bylines, photo credits, "Related Articles" lists, footers and
comment threads. `find_layout` finds, in one linear pass over the lines of the text,

- the body: one contiguous span from the first to the last character of the story. Each line
  gets a score (long lines ending a sentence count for it, short menu-like lines and lines from
  the chrome lexicon against it) and the body is the run of lines with the largest total
  (maximum-sum subarray), extended over the story's own short lines (subheadings, score tables)
  and cut at strong end-of-article markers ("Related Articles", "Leave a comment");
- the headline: the caller's title when the text contains it, else the headline-like line just
  before the body (or the first line of a text that is only a headline and a story);
- a dateline that opens the body ("MOSCOW (Reuters) -", "LONDON 1996-08-30"), which stays
  inside the body; bylines ("By Jane Smith") before the body, giving authors, and an outlet
  named by the dateline or the byline;
- the publication date, when the input came without one: a full date in the dateline or on a
  short line just above the story (`newsgraph.clean.published`), so that every later stage
  sees it (the entities stage picks the leader in office on it).

The text is never modified: every span is a half-open range of Python string indices into it.
The lexicon lives in `knowledge/chrome.tsv`. The work is done in the package `newsgraph.clean`;
this module registers the stage and re-exports `Layout`, `find_layout` and `load_lexicon`.
"""
from __future__ import annotations

from typing import Optional

from ..clean.chrome import load_lexicon
from ..clean.bylines import match_dateline
from ..clean.layout import Layout, find_layout
from ..clean.published import written_publication_date
from ..document import Document, Span
from . import stage

__all__ = ["Layout", "clean", "find_layout", "load_lexicon"]


@stage("clean", requires=("text", "title"),
       assigns=("headline", "body", "dateline", "chrome", "title", "authors", "outlet",
                "published", "published_source"))
def clean(doc: Document) -> Document:
    """Set the layout of a plain-text article: headline, body, dateline, chrome; authors,
    outlet and the publication date when the reader left them empty; title from the headline
    when unknown.

    A body set already (the HTML reader sets it) is kept, and only its dateline is looked for
    ("BRUSSELS — ..." opening an HTML body names where the story was filed, not who acted).
    Empty or whitespace-only text gets `doc.error = "empty text"`.
    """
    if doc.body is not None:
        if doc.dateline is None:
            doc.dateline = opening_dateline(doc.text, doc.body)
    elif not doc.text or not doc.text.strip():
        doc.error = "empty text"
        return doc
    else:
        set_layout(doc, find_layout(doc.text, doc.title))
    if doc.published is None:
        found, source = written_publication_date(doc.text, doc.dateline, doc.body)
        if found is not None:
            doc.published, doc.published_source = found.isoformat(), source
    return doc


def opening_dateline(text: str, body: Span) -> Optional[Span]:
    """The dateline opening the first line of a body found by another reader, or None."""
    start = body.start
    line = text[start:text.find("\n", start) if "\n" in text[start:body.end] else body.end]
    found = match_dateline(line)
    return Span(start, start + found[0]) if found is not None else None


def set_layout(doc: Document, layout: Layout) -> None:
    """Put a plain text's layout on `doc`; the reader's title, authors and outlet win."""
    doc.headline, doc.body, doc.dateline = layout.headline, layout.body, layout.dateline
    doc.chrome = list(layout.chrome)
    if doc.title is None and layout.headline is not None:
        doc.title = doc.span_text(layout.headline)
    if not doc.authors and layout.authors:
        doc.authors = list(layout.authors)
    if not doc.outlet and layout.outlet:
        doc.outlet = layout.outlet
