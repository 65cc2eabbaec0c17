"""When an article was written, as far as the record says: its publication day, else the year
of the date its lead gives ("Published: August 2, 2013", a dateline).

Two articles of one happening are written within days of each other; two happenings of the
same kind (two summits of one pair, two title fights of one champion) are usually months or
years apart. The publication date is the best evidence of that, and it also bounds which
earlier articles a new one is compared with at all (`LinkerConfig.window_days`). Without it,
the date in the lead is the article's own statement of when it is written; a year is all we
trust of it (a lead's date may be the happening's, a day or two before the writing).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional


DATE_ZONE_CHARS = 600   # where an undated article's own date may stand (dateline, byline)
YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True)
class ArticleTime:
    """`day`: the publication date (None when the record has none); `year`: the year the
    article is written in (of `day`, else of the lead's date; None when neither is known)."""

    day: Optional[date] = None
    year: Optional[int] = None

    @property
    def ordinal(self) -> Optional[int]:
        return self.day.toordinal() if self.day else None


def lead_year(record: dict) -> Optional[int]:
    """The year of the dates (with at least a month) that the lead of the text names, the
    most named one (the later on a tie); None when the lead names none."""
    years: Counter = Counter()
    for t in record.get("times") or []:
        m = YEAR_MONTH.match(t.get("value") or "")
        if m and t.get("start", DATE_ZONE_CHARS) < DATE_ZONE_CHARS:
            years[int(m[1])] += 1
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def article_time(record: dict) -> ArticleTime:
    """The record's `published` day (and its year), else the lead's year, else nothing."""
    from ..corpus.rows import as_date  # here: the corpus schema holds this room's tables

    day = as_date(record.get("published"))
    if day:
        return ArticleTime(day, day.year)
    return ArticleTime(None, lead_year(record))


def days_apart(a: ArticleTime, b: ArticleTime) -> Optional[int]:
    """Days between two publication dates, None unless both are known."""
    if a.day is None or b.day is None:
        return None
    return abs(a.day.toordinal() - b.day.toordinal())
