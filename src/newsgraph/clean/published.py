"""The publication date written in the article itself, for input that came without one.

A wire story saved as text often carries its date where the layout is read: in the dateline
("LONDON, Sept 13, 2023 (Reuters) -") or on a short line above the story ("Published: Nov. 19,
2019"). The clean stage finds those lines, so it reads the date there too, before any stage
needs it (the entities stage picks the leader in office on that date; the times stage anchors
"on Wednesday" on it). Only a complete date counts (day, month and year): we never guess one.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..document import Span
from ..times.anchor import full_date

LINES_BEFORE_BODY = 8  # how many lines above the body may hold the date line
DATE_LINE_CHARS = 80  # longer lines above the body are prose or chrome, not a date line


def written_publication_date(text: str, dateline: Optional[Span],
                             body: Optional[Span]) -> tuple[Optional[dt.date], Optional[str]]:
    """(date, source) of the publication date written in the text: the dateline's date
    (source "dateline"), else a full date on a short line just above the body ("date line");
    (None, None) when there is neither."""
    if dateline is not None:
        found = full_date(text[dateline.start:dateline.end])
        if found:
            return found, "dateline"
    if body is not None:
        for line in reversed(text[:body.start].splitlines()[-LINES_BEFORE_BODY:]):
            if 0 < len(line.strip()) <= DATE_LINE_CHARS:
                found = full_date(line)
                if found:
                    return found, "date line"
    return None, None
