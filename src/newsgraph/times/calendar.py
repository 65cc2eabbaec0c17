"""Calendar arithmetic in TIMEX3 terms: values for days, weeks, months, quarters, seasons.

Every function takes a `datetime.date` anchor and returns a TIMEX3 value string.
"""
from __future__ import annotations

import datetime as dt

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    """ISO week of `d`: 2023-W36."""
    year, wk, _ = d.isocalendar()
    return f"{year}-W{wk:02d}"


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by n months (day clipped to 28, enough for month-granular values)."""
    total = d.year * 12 + d.month - 1 + n
    return dt.date(total // 12, total % 12 + 1, min(d.day, 28))


def shift(d: dt.date, unit: str, n: int) -> str:
    """The value of "n units from d" at the granularity of the unit (n < 0: ago)."""
    if unit in ("D", "H", "MIN", "S"):
        return day(add_days(d, n if unit == "D" else 0))
    if unit == "W":
        return week(add_days(d, 7 * n))
    if unit == "FN":
        return week(add_days(d, 14 * n))
    if unit == "M":
        m = add_months(d, n)
        return month(m.year, m.month)
    if unit == "Q":
        m = add_months(d, 3 * n)
        return f"{m.year:04d}-Q{quarter_of(m)}"
    if unit == "Y":
        return f"{d.year + n:04d}"
    if unit == "DE":  # "two decades ago": the year, as for "twenty years ago"
        return f"{d.year + 10 * n:04d}"
    if unit == "CE":
        return f"{(d.year + 100 * n) // 100:02d}"
    return f"{d.year + n:04d}"


def weekday(anchor: dt.date, iso_day: int, direction: int) -> dt.date:
    """The weekday `iso_day` (Monday=1) nearest the anchor in `direction`: -1 the last one on or
    before the anchor, +1 the next one on or after it; the anchor itself when it is that day."""
    delta = iso_day - anchor.isoweekday()
    if delta == 0:
        return anchor
    if direction < 0:
        return add_days(anchor, delta - 7 if delta > 0 else delta)
    return add_days(anchor, delta + 7 if delta < 0 else delta)


def year_for(anchor: dt.date, m: int, d: int, direction: int) -> int:
    """The year of a month (and day) written without one: of the anchor's year and the years
    either side, the one nearest the anchor, where a date after the anchor counts nine months
    further for a past event and a date before it nine months further for a future one (so
    "met on Dec. 28" published on Jan. 3 is last year's, "the Jan. 14 deadline" this year's:
    a past-tense date up to about six weeks ahead is taken as a deadline or a schedule)."""
    best, best_gap = anchor.year, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            when = dt.date(y, m, max(d, 1))
        except ValueError:
            continue
        gap = abs((when - anchor).days)
        if (direction < 0 and when > anchor) or (direction > 0 and when < anchor):
            gap += 270
        elif direction == 0 and when > anchor:
            gap += 30  # news mostly reports what happened
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def season(anchor: dt.date, code: str, relation: int) -> str:
    """A season relative to the anchor: 0 this one, -1 the last one, +1 the next one."""
    first, last = SEASON_MONTHS[code]
    y = anchor.year
    if relation < 0:
        y = y if anchor.month > last and code != "WI" else y - 1
    elif relation > 0:
        y = y if anchor.month < first else y + 1
    return f"{y:04d}-{code}"


def nth_weekday(year: int, m: int, iso_day: int, n: int) -> dt.date:
    """The n-th (1-based) weekday `iso_day` of a month: Thanksgiving is (Nov, Thursday, 4)."""
    first = dt.date(year, m, 1)
    offset = (iso_day - first.isoweekday()) % 7
    return add_days(first, offset + 7 * (n - 1))
