"""The value functions: one per rule of patterns.py, each turning a match into (TIMEX3 type,
value), or None to reject it (a lower-case "may", a year that is a count).

Values ignore modifiers ("late November" -> 1999-11). Relative expressions use the context's
anchor date and the tense of the governing verb; without an anchor they get `XXXX`
placeholders. Values starting "@Q"/"@Y" refer to a quarter or year the text named before and
are resolved by find.resolve_references. The helpers they share are in helpers.py.
"""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .anchor import PAST, PRESENT
from .helpers import after, before, capitalised, direction, duration, month_of, number, ymd
from .lexicon import TimeWords

MONTH_BEFORE = frozenset("""in by since until till from through of early late mid last next this
before after during""".split())



# ---------------------------------------------------------------------------------------------
# Absolute dates: the text names the date (calendar dates, months, years, quarters, holidays)

def v_iso(m, ctx):
    d = ymd(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    return ("TIME", f"{d}T{m['t']}") if m["t"] else ("DATE", d)


def v_slash(m, ctx):
    mo, d, y = int(m["m"]), int(m["d"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    if mo > 12:
        mo, d = d, mo
    d = ymd(y, mo, d)
    return ("DATE", d) if d else None


def v_month_day(m, ctx):
    """Aug. 7, 1998 / August 7 / 7 August 1998 / Friday, Aug. 7."""
    mon = m["mon"]
    if not capitalised(mon):
        return None
    mo, d = month_of(ctx, mon), int(m["d"])
    if not 1 <= d <= 31:
        return None
    if m["y"]:
        value = ymd(int(m["y"]), mo, d)
    elif ctx.anchor is None:
        value = f"XXXX-{mo:02d}-{d:02d}"
    else:
        value = ymd(cal.year_for(ctx.anchor, mo, d, direction(ctx, m, PRESENT)), mo, d)
    return ("DATE", value) if value else None


def v_month(m, ctx):
    """July / July 1997 / late November / mid-October."""
    mon = m["mon"]
    if not capitalised(mon):
        return None
    if mon.lower() == "may" and not m["y"] and not m["mod"]:
        prev = re.findall(r"\w+", before(ctx, m, 15).lower())
        if not (prev and prev[-1] in MONTH_BEFORE) and ctx.tense_tag(m) == "MD":
            return None
    mo = month_of(ctx, mon)
    if not m["y"] and not m["rel"] and not m["mod"] and re.match(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]", after(ctx, m, 20)):
        return None  # "the March for Life", "the March of the Mothers": a name
    if m["y"]:
        return "DATE", cal.month(year_number(m["y"], ctx.words), mo)
    if m["rel"]:  # "January this year", "June last year"
        if ctx.anchor is None:
            return "DATE", f"XXXX-{mo:02d}"
        return "DATE", cal.month(ctx.anchor.year + ctx.words.shift[m["rel"].lower()], mo)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mo:02d}"
    return "DATE", cal.month(cal.year_for(ctx.anchor, mo, 15, direction(ctx, m, PRESENT)), mo)


def v_month_any(m, ctx):
    if m["mon_abbr"]:
        mon = m["mon_abbr"]
        if not capitalised(mon):
            return None
        return "DATE", cal.month(int(m["y2"]), month_of(ctx, mon))
    return v_month(m, ctx)


def v_year(m, ctx):
    """1998 / fiscal 1989 / the end of 1994 / early 2000: only when the number is a year."""
    if re.match(r"\s*(?:%|percent|per\s*cent|\d)", after(ctx, m, 10)) or before(ctx, m, 2).endswith(("$", "£", "€", "#")):
        return None
    if not m["mod"] and not m["fiscal"] and not ctx.is_year(m):
        return None
    return "DATE", m["y"]


def v_season_year(m, ctx):
    code = ctx.words.season[m["s"].lower()]
    return "DATE", f"{year_number(m['y'], ctx.words):04d}-{code}"


def v_decade(m, ctx):
    digits = m["dec"].lstrip("'")
    if len(digits) == 2:
        digits = ("19" if int(digits) >= 30 else "20") + digits
    return "DATE", digits[:3]


def v_century(m, ctx):
    n = m["ord"].lower()
    k = ctx.words.ordinal.get(n) or int(re.sub(r"\D", "", n) or 0)
    if not 1 <= k <= 22:
        return None
    return "DATE", f"{k - 1:02d}"


def v_quarter(m, ctx):
    word = m["ord"].lower()
    q = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}.get(word) or ctx.words.ordinal.get(word)
    if not q or not 1 <= q <= 4:
        return None
    if m["y"]:
        return "DATE", f"{m['y']}-Q{q}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}"
    year = ctx.anchor.year
    if m["rel"]:  # "next year's first quarter"
        return "DATE", f"{year + ctx.words.shift[m['rel'].lower()]}-Q{q}"
    if q > cal.quarter_of(ctx.anchor) and direction(ctx, m, PRESENT) < 0:
        year -= 1
    return "DATE", f"{year}-Q{q}"


def v_quarter_ref(m, ctx):
    """the year-earlier quarter / the 1988 period / the latest quarter / the quarter: a quarter
    of a financial report. Without a number it is the quarter the text last named ("@Q", resolved
    by find.resolve_references), a year back for "year-earlier"/"year-ago"."""
    back = bool(m["prev"] and m["prev"].lower() != "same") or bool(m["ago"])
    if m["ord"]:
        q = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(m["ord"].lower()) or ctx.words.ordinal[m["ord"].lower()]
        if m["y"]:
            return "DATE", f"{m['y']}-Q{q}"
        if ctx.anchor is None:
            return "DATE", f"XXXX-Q{q}"
        return "DATE", f"{ctx.anchor.year - back}-Q{q}"
    if m["y"]:
        return "DATE", f"@Q={m['y']}|{m['y']}"
    period = m["unit"].lower() == "period"
    prev = (m["prev"] or "").lower()
    if period and (not (prev or m["latest"]) or prev == "same"):
        return None  # "the period", "the same period": too vague without a qualifier
    fallback = "XXXX-QX"
    if period:  # "the year-ago period" is a quarter only in a story that named one
        fallback = ""
    elif ctx.anchor is not None:  # the last complete quarter before publication
        last = cal.add_months(ctx.anchor, -3)
        fallback = f"{last.year - back}-Q{cal.quarter_of(last)}"
    return "DATE", f"@Q{-1 if back else 0}|{fallback}"


def v_half(m, ctx):
    """the first half of 1999 / the second half of next year / the last half of this year /
    first-half results: a half year (H1, H2)."""
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["y"]:
        return "DATE", f"{m['y']}-H{h}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{h}"
    shift = {"next": 1, "last": -1}.get((m["rel"] or "").lower(), 0)
    return "DATE", f"{ctx.anchor.year + shift}-H{h}"


def v_week_of(m, ctx):
    """the week of March 6: the ISO week of that day."""
    found = v_month_day(m, ctx)
    if found is None:
        return None
    day = found[1]
    return "DATE", (cal.week(dt.date.fromisoformat(day)) if not day.startswith("X") else "XXXX-WXX")


def v_holiday(m, ctx):
    name = " ".join(m["name"].split())
    if not capitalised(name.lstrip("the ").strip()):
        return None
    if name.lower().startswith("thanksgiving"):
        mo, d = 11, 25
    else:
        mo, d = map(int, ctx.words.holiday[name.lower()].split("-"))
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{mo:02d}-{d:02d}"
    else:
        y = cal.year_for(ctx.anchor, mo, d, direction(ctx, m, PRESENT))
    if name.lower().startswith("thanksgiving"):
        return "DATE", cal.nth_weekday(y, 11, 4, 4).isoformat()
    return "DATE", ymd(y, mo, d)


def year_number(text: str, w: TimeWords) -> int:
    """1997 from "1997" or from "nineteen ninety-seven" (the ANYYEAR piece of patterns.py)."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.lower())
    rest = w.number[words[1]] + (w.number[words[2]] if len(words) > 2 else 0)
    return w.number[words[0]] * 100 + rest


def v_spoken_year(m, ctx):
    """nineteen ninety-six / two thousand: years as broadcast transcripts write them."""
    century = m["c"].lower()
    if century.startswith("two"):
        if not m.group(0).lower().startswith("the year") and not m["t"]:
            return None
        return "DATE", str(2000 + ctx.words.number.get((m["t"] or "").lower(), 0))
    if not m["t"] or m["t"].lower() in ("ten", "eleven", "twelve") and not m["o"]:
        return None
    tens = ctx.words.number[m["t"].lower()]
    if m["o"] and tens < 20:
        return None
    if not m["o"] and tens >= 20 and not re.match(r"\w", m["t"][0]):
        return None
    ones = ctx.words.number[m["o"].lower()] if m["o"] else 0
    year = (19 if century == "nineteen" else 20) * 100 + tens + ones
    if tens >= 20 and not m["o"] and not re.search(r"\b(?:in|of|since|until|by|from)\s+$", before(ctx, m, 8), re.I):
        return None  # "nineteen twenty" alone may be a count
    return "DATE", str(year)


# ---------------------------------------------------------------------------------------------
# Relative dates: resolved on the anchor date (and the tense), or on a year named before

def v_deictic_day(m, ctx):
    """today / yesterday / tomorrow / tonight (+ morning ...)."""
    word = m["w"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    pod = ctx.words.pod.get((m["pod"] or "").lower()) or ("NI" if word == "tonight" else None)
    if ctx.anchor is None:
        base = "XXXX-XX-XX"
    else:
        base = cal.day(cal.add_days(ctx.anchor, shift))
    if pod:
        return "TIME", f"{base}T{pod}"
    return "DATE", base


def v_this_pod(m, ctx):
    """this morning / last night / tomorrow evening."""
    rel = m["rel"].lower()
    shift = {"this": 0, "tonight": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    base = cal.day(cal.add_days(ctx.anchor, shift)) if ctx.anchor else "XXXX-XX-XX"
    return "TIME", f"{base}T{ctx.words.pod[m['pod'].lower()]}"


def v_weekday(m, ctx):
    """Friday / last Friday / next Tuesday / Friday morning / Tuesdays (a set)."""
    wd_word = m["wd"]
    if not capitalised(wd_word):
        return None
    iso_day = ctx.words.weekday[wd_word.lower()]
    pod = ctx.words.pod.get((m["pod"] or "").lower())
    if m["pl"] or m["pl2"]:
        return "SET", f"XXXX-WXX-{iso_day}" + (f"T{pod}" if pod else "")
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        value = f"XXXX-WXX-{iso_day}"
    else:
        if rel in ("last", "past", "previous"):
            d = cal.weekday(cal.add_days(ctx.anchor, -1), iso_day, -1)
        elif rel in ("next", "coming"):
            d = cal.weekday(cal.add_days(ctx.anchor, 1), iso_day, 1)
        else:
            d = cal.weekday(ctx.anchor, iso_day, direction(ctx, m, PAST))
        value = d.isoformat()
    if pod:
        return "TIME", f"{value}T{pod}"
    return "DATE", value


def v_relative_unit(m, ctx):
    """this week / last year / next month / earlier this month / last summer / last November."""
    rel, unit_word = m["rel"].lower(), m["unit"].lower()
    shift = -1 if rel.endswith("past") else ctx.words.shift[rel]
    if unit_word in ctx.words.season:
        code = ctx.words.season[unit_word]
        return "DATE", cal.season(ctx.anchor, code, shift) if ctx.anchor else f"XXXX-{code}"
    if unit_word.rstrip(".") in ctx.words.month:
        if not capitalised(m["unit"]):
            return None
        mo = ctx.words.month[unit_word.rstrip(".")]
        if ctx.anchor is None:
            return "DATE", f"XXXX-{mo:02d}"
        y = ctx.anchor.year
        if shift < 0:  # "last February" said in March is a year back, as "this February" is near
            y = y if mo < ctx.anchor.month - 1 else y - 1
        elif shift > 0:
            y = y if mo > ctx.anchor.month else y + 1
        return "DATE", cal.month(y, mo)
    if unit_word == "weekend":
        if ctx.anchor is None:
            return "DATE", "XXXX-WXX-WE"
        return "DATE", cal.week(cal.add_days(ctx.anchor, 7 * shift)) + "-WE"
    unit = ctx.words.unit_of(unit_word)
    if ctx.anchor is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "D": "XXXX-XX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")
    return "DATE", cal.shift(ctx.anchor, unit, shift)


def v_part_of_unit(m, ctx):
    """the end of the year / the beginning of the month: the value of the unit itself."""
    unit = ctx.words.unit_of(m["unit"])
    if ctx.anchor is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX")
    return "DATE", cal.shift(ctx.anchor, unit, 0)


COMPARED_WITH = re.compile(r"\b(?:from|than|with|over|since|versus|vs\.?)\s+$", re.I)


def v_ago(m, ctx):
    """two years ago / a week earlier / three months from now. "Three days later" and "a day
    earlier" in a narrative count from an event of the story, not from publication: the match
    is rejected so that the duration rule tags "[three days]" (TimeML keeps "later" out as a
    signal). A comparison stays a date: "up from $3 million a year earlier", "than a week ago"."""
    n = number(m["n"], ctx.words)
    unit = ctx.words.unit_of(m["unit"])
    direction_word = m["dir"].lower()
    if direction_word in ("later", "earlier") and not COMPARED_WITH.search(before(ctx, m, 12)):
        idiom = n == 1 and direction_word == "earlier" and unit in ("Y", "Q", "M")
        if not idiom:  # "a year earlier" in a results story: the same period a year back
            return None
    if n is None or ctx.anchor is None or not float(n).is_integer():
        return "DATE", "PAST_REF" if m["dir"].lower() in ("ago", "earlier", "before") else "FUTURE_REF"
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    value = cal.shift(ctx.anchor, unit, sign * int(n))
    if unit == "Y" and n == 1 and sign < 0:  # in a results story: the same quarter a year back
        return "DATE", f"@Q-1|{value}"
    return "DATE", value


def v_that_year(m, ctx):
    """that year / the following year / later that year: the year the text last named ("@Y"),
    resolved by find.resolve_references; unresolved (XXXX) when none was named."""
    rel = " ".join(m["rel"].lower().split())
    shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
             "the prior": -1}.get(rel, 0)
    return "DATE", f"@Y{shift:+d}|XXXX"


def v_weekend(m, ctx):
    """the weekend: the last one for a past event, the coming one for a future one."""
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE"
    sat = cal.weekday(ctx.anchor, 6, direction(ctx, m, PAST))
    return "DATE", cal.week(sat) + "-WE"


def v_the_year(m, ctx):
    """the year / the fiscal year: a duration when a results line gives its end ("for the year
    ended Sept. 30"), else the current year."""
    if re.match(r"\s+(?:ended|ending|to)\b", after(ctx, m, 8)):
        return "DURATION", "P1Y"
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", f"{ctx.anchor.year:04d}"


def v_year_end(m, ctx):
    """year-end / the end of the year: the year itself."""
    return "DATE", f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"


def v_year_ago_adj(m, ctx):
    """year-earlier / year-ago before a noun ("year-earlier profit"): the same quarter a year
    back in a results story, else last year."""
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", f"@Q-1|{ctx.anchor.year - 1:04d}"


def v_the_season(m, ctx):
    """the summer: this year's, or last year's for a past event when it has not begun yet."""
    code = ctx.words.season[m["s"].lower()]
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    first = cal.SEASON_MONTHS[code][0]
    year = ctx.anchor.year
    if code != "WI" and ctx.anchor.month < first and direction(ctx, m, PAST) < 0:
        year -= 1
    return "DATE", f"{year:04d}-{code}"


def v_this_century(m, ctx):
    if ctx.anchor is None:
        return "DATE", "XX"
    return "DATE", cal.shift(ctx.anchor, ctx.words.unit_of(m["unit"]), ctx.words.shift[m["rel"].lower()])


def v_ref(m, ctx):
    word = " ".join(m.group(0).lower().split())
    if word == "soon" and (re.match(r"\s+(?:as|after)\b", after(ctx, m, 7), re.I)
                           or re.search(r"\bas\s+$", before(ctx, m, 4), re.I)):
        return None  # "as soon as", "soon after": a conjunction
    if word == "current" and not re.match(r"\s+[a-z]", after(ctx, m, 3)):
        return None  # "the current" as a noun (electric, ocean) is no time
    return "DATE", ctx.words.ref[word]


# ---------------------------------------------------------------------------------------------
# Durations and sets

def v_duration(m, ctx):
    """two weeks / less than a week / four years and five months / the past 20 years."""
    if re.match(r"[\s-]*old\b", after(ctx, m, 6), re.I):
        return None
    n = number(m["n"], ctx.words)
    unit = ctx.words.unit_of(m["unit"])
    first = m["n"].lower()
    if m["unit"][0].isupper() and not m.group(0)[0].isupper():
        return None  # "60 Minutes": a title
    if unit == "S" and first in ("a", "an") and re.match(r"\s*[a-z]", after(ctx, m, 3)):
        return None  # "a second attempt"
    if unit == "Q" and ("-" in m.group(0) or re.match(r"\s+of\b", after(ctx, m, 4))):
        return None  # "three-quarters", "a quarter of": a fraction
    if first in ("a", "an") and not m["q"] and not m["rel"] and not m["more"] and not m["and"]:
        # "$5 a year", "three times a day": a frequency, not a duration
        # "$500 million a year", "700 seats a week": a unit of a rate, not a time of the story
        prev = ctx.token(m.start() - 2) if m.start() >= 2 else None
        if prev is not None and prev.pos_ in ("NUM", "NOUN", "PROPN", "SYM"):
            return None
        if re.search(r"(?:\d|%|percent|million|billion|cents?|dollars?)\s*$", before(ctx, m, 16), re.I):
            return None
        if re.search(r"(?:times|once|twice)\s*$", before(ctx, m, 8), re.I):
            return "SET", duration(1, unit)
    if m["and"]:
        parts = re.findall(r"(\S+(?:\s+(?:of))?)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)",
                           m["and"], re.I)
        if "half" in m["and"].lower() and n is not None:
            n = n + 0.5
        total = duration(n, unit)
        for num_word, unit_word in parts:
            k = number(num_word, ctx.words)
            if k is None or n is None:
                return "DURATION", total
            extra = duration(k, ctx.words.unit_of(unit_word))
            # P4Y + P5M -> P4Y5M; PT2H + PT30M -> PT2H30M
            sep = "T" if extra.startswith("PT") and "T" not in total else ""
            total = total + sep + extra[2:] if extra.startswith("PT") else total + extra[1:]
        return "DURATION", total
    return "DURATION", duration(n, unit)


def v_rel_duration(m, ctx):
    """the past year / the next week: the calendar unit before or after publication, as TimeML
    news annotation reads it ("over the past year" said in 1998 -> 1997); days, hours, decades
    and centuries stay a duration of one unit ("the past decade" -> P10Y)."""
    unit = ctx.words.unit_of(m["unit"])
    if unit not in ("Y", "M", "W"):
        return "DURATION", duration(1, unit)
    if ctx.anchor is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX")
    shift = 1 if m["rel"].lower() in ("next", "coming") else -1
    return "DATE", cal.shift(ctx.anchor, unit, shift)


def v_long(m, ctx):
    """day-long / decades-long / 10-year-long: a duration."""
    n = number(m["n"], ctx.words) if m["n"] else (None if m["unit"].lower().endswith("s") else 1)
    return "DURATION", duration(n, ctx.words.unit_of(m["unit"]))


def v_bare_plural(m, ctx):
    """for years / within days / recent weeks: a vague duration."""
    return "DURATION", duration(None, ctx.words.unit_of(m["unit"]))


def v_every(m, ctx):
    """every day / each year / every Sunday / twice a week."""
    what = m["unit"].lower()
    if what in ctx.words.month and capitalised(m["unit"]):
        return "SET", f"XXXX-{ctx.words.month[what]:02d}"
    if what in ctx.words.weekday:
        return "SET", f"XXXX-WXX-{ctx.words.weekday[what]}"
    n = number(m["n"], ctx.words) if m["n"] else 1
    return "SET", duration(n, ctx.words.unit_of(what))


def v_times_a(m, ctx):
    """once a week / twice a year / three times a day: a set of one unit."""
    return "SET", duration(1, ctx.words.unit_of(m["unit"]))


RATE_BEFORE = re.compile(r"(?:\d%?|%|percent|million|billion)(?:\s+[a-z]+)?\s+$", re.I)


def v_lexicon(table: str, type_: str):
    def value(m, ctx):
        word = " ".join(m.group(0).lower().split())
        if re.match(r"\s+[A-Z]", after(ctx, m, 3)):
            return None  # "the Communist Party daily Granma": a newspaper
        if type_ == "SET" and RATE_BEFORE.search(before(ctx, m, 30)):
            return None  # "to rise 8.5% annually", "10,000 units annually": a rate, not a time
        return type_, getattr(ctx.words, table)[word]
    return value


# ---------------------------------------------------------------------------------------------
# Clock times

def v_time(m, ctx):
    """9 a.m. / 3:30 p.m. EST Tuesday / noon."""
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return "TIME", f"{_time_day(m, ctx)}T{h:02d}:{mi:02d}"


NEXT_DAY = re.compile(r"\s*(?:\([^)]{1,25}\)\s*)?,?\s*(?:on\s+)?(\w+)")


def _time_day(m, ctx) -> str:
    if "mon" in m.re.groupindex and m["mon"]:
        found = v_month_day(m, ctx)
        if found:
            return found[1]
    day_word = (m["day"] or "").lower()
    if not day_word:  # "10:35 a.m. (0735 GMT) Friday": the day after a parenthesis
        nxt = NEXT_DAY.match(after(ctx, m, 40))
        if nxt and nxt.group(1).lower() in (*ctx.words.weekday, "yesterday", "today", "tomorrow"):
            day_word = nxt.group(1).lower()
    if ctx.anchor is None:
        return "XXXX-XX-XX"
    if day_word in ctx.words.weekday:
        return cal.weekday(ctx.anchor, ctx.words.weekday[day_word], direction(ctx, m, PAST)).isoformat()
    shift = {"yesterday": -1, "tomorrow": 1}.get(day_word, 0)
    return cal.day(cal.add_days(ctx.anchor, shift))


def v_noon(m, ctx):
    if m["w"][0].isupper() and re.search(r"[A-Z]\w*\s+$", before(ctx, m, 12)):
        return None  # "High Noon"
    clock = "24:00" if m["w"].lower() == "midnight" else "12:00"
    return "TIME", f"{_time_day(m, ctx)}T{clock}"
