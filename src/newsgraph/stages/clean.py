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
  named by the dateline or the byline.

The text is never modified: every span is a half-open range of Python string indices into it.
The lexicon lives in `knowledge/chrome.tsv`. The work is done in the package `newsgraph.clean`;
this module registers the stage and re-exports `Layout`, `find_layout` and `load_lexicon`.
"""
from __future__ import annotations

from ..clean.chrome import load_lexicon
from ..clean.bylines import match_dateline
from ..clean.layout import Layout, find_layout
from ..document import Document, Span
from . import stage

__all__ = ["Layout", "clean", "find_layout", "load_lexicon"]


@stage("clean", requires=("text",), assigns=("headline", "body", "dateline", "chrome"))
def clean(doc: Document) -> Document:
    """Set the layout of a plain-text article: headline, body, dateline, chrome; authors and
    outlet when the reader left them empty; title from the headline when unknown.

    A body set already (the HTML reader sets it) is kept, and only its dateline is looked for
    ("BRUSSELS — ..." opening an HTML body names where the story was filed, not who acted).
    Empty or whitespace-only text gets `doc.error = "empty text"`.
    """
    if doc.body is not None:
        if doc.dateline is None:
            start = doc.body.start
            line = doc.text[start:doc.text.find("\n", start) if "\n" in doc.text[start:doc.body.end] else doc.body.end]
            found = match_dateline(line)
            if found is not None:
                doc.dateline = Span(start, start + found[0])
        return doc
    if not doc.text or not doc.text.strip():
        doc.error = "empty text"
        return doc
    layout = find_layout(doc.text, doc.title)
    doc.headline, doc.body, doc.dateline = layout.headline, layout.body, layout.dateline
    doc.chrome = list(layout.chrome)
    if doc.title is None and layout.headline is not None:
        doc.title = doc.span_text(layout.headline)
    if not doc.authors and layout.authors:
        doc.authors = list(layout.authors)
    if not doc.outlet and layout.outlet:
        doc.outlet = layout.outlet
    return doc
