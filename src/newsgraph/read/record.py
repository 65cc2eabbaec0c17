"""One contract input record (a JSONL line) -> a Document.

The checks here are why a bad line never crashes a batch: each problem becomes a Document with
`error` set, which the pipeline passes through untouched and serialises as an error record.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, Optional

from ..document import Document, Span
from ..run.limits import size_error
from .text import NotText, check_text

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class BadRecord(ValueError):
    """An input line that is not a usable record (not JSON, no id, ...)."""


def parse_line(line: str, line_number: int) -> dict[str, Any]:
    """Parse one JSONL line into a dict, or raise BadRecord saying why."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadRecord(f"line {line_number} is not JSON: {err.msg} at column {err.colno}")
    if not isinstance(raw, dict):
        raise BadRecord(f"line {line_number} is JSON but not an object")
    return raw


def normalise_published(value: Any) -> str:
    """`published` as YYYY-MM-DD from YYYY-MM-DD or full ISO 8601; ValueError otherwise."""
    if not isinstance(value, str) or not ISO_DATE.match(value.strip()):
        raise ValueError(f"published {value!r} is not a date: give YYYY-MM-DD or ISO 8601")
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise ValueError(f"published {value!r} is not a valid date: give YYYY-MM-DD or ISO 8601")


def document_from_record(raw: dict[str, Any], max_chars: Optional[int] = None) -> Document:
    """Build the Document for one input record; problems become `Document.error`.

    With `max_chars`, a text longer than that (an HTML page longer than
    run.limits.HTML_CHARS_PER_TEXT_CHAR times that) is refused before it is read: its error
    record says the size and the limit, and carries no text."""
    record_id = raw.get("id")
    if record_id is None:
        return Document(id=None, text="", error="the record has no 'id'")
    if not isinstance(record_id, str):
        return Document(id=record_id, text="", error=f"'id' must be a string, not {type(record_id).__name__}")
    text, html = raw.get("text"), raw.get("html")
    doc = Document(id=record_id, text="", url=_str_or_none(raw.get("url")),
                   title=_str_or_none(raw.get("title")))
    if text is None and html is None:
        doc.error = "the record has neither 'text' nor 'html'"
        return doc
    if raw.get("published") not in (None, ""):
        try:
            doc.published = normalise_published(raw["published"])
            doc.published_source = "input"
        except ValueError as err:
            doc.error = str(err)
    if text is not None:
        if not isinstance(text, str):
            doc.error = f"'text' must be a string, not {type(text).__name__}"
            return doc
        if doc.error is None and max_chars is not None:
            doc.error = size_error("text", len(text), max_chars)
            if doc.error is not None:
                return doc
        doc.text = text
        if doc.error is None:
            try:
                check_text(text)
            except NotText as err:
                doc.error = str(err)
        return doc
    if not isinstance(html, str):
        doc.error = f"'html' must be a string, not {type(html).__name__}"
        return doc
    if doc.error is None and max_chars is not None:
        doc.error = size_error("html", len(html), max_chars)
    if doc.error is None:
        fill_from_html(doc, html)
    return doc


def fill_from_html(doc: Document, html: str) -> None:
    """Set text, body, headline and metadata of `doc` from an HTML page (or its error)."""
    from .html import NoArticle, read_html

    try:
        article = read_html(html, url=doc.url)
    except NoArticle as err:
        doc.error = str(err)
        return
    doc.text, doc.body, doc.headline = article.text, article.body, article.headline
    doc.title = doc.title or article.title
    doc.outlet = doc.outlet or article.outlet
    doc.authors = doc.authors or list(article.authors)
    if doc.published is None and article.published:
        doc.published = article.published
        doc.published_source = article.published_source or "html"


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
