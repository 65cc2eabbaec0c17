"""The grammar of temporal expressions: one regular expression per kind, each with the function
that turns a match into (TIMEX3 type, value).

Spans follow the TempEval-3 conventions: a preposition before the expression is outside it ("on
[Friday]", "in [July]"), a determiner and modifiers are inside ("[the third quarter]", "[less
than a week]", "[early next year]"), values ignore the modifier ("late November" -> 1999-11).
A value function returns None to reject a match (a lower-case "may", a year that is a count).
Relative expressions use the context's anchor date; without one they get `XXXX` placeholders.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from . import calendar as cal
from .anchor import FUTURE, PAST, PRESENT, tense_of
from .lexicon import TimeWords, load_words

Value = Optional[tuple[str, str]]  # (type, value), or None to reject the match


YEAR_BEFORE = frozenset("""in since by until till of from before after during through to between
and or early late mid fiscal year summer spring autumn fall winter end beginning start middle half
around circa about c. than""".split())
NOT_YEAR_ENTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "FAC",
                           "LAW", "WORK_OF_ART", "TIME", "ORDINAL"})


@dataclass
class Context:
    """What a value function may look at: the text, the anchor date, the tense at a span, and
    the parse (a spaCy Doc of `text`, or None)."""

    text: str
    anchor: Optional[dt.date]
    words: TimeWords
    parse: object = None

    def tense(self, start: int, end: int) -> Optional[int]:
        return tense_of(self.parse, start, end)

    def token(self, start: int):
        """The parse token covering character `start`, or None."""
        if self.parse is None:
            return None
        span = self.parse.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense_tag(self, m) -> str:
        tok = self.token(m.start("mon"))
        return tok.tag_ if tok is not None else ""

    def is_year(self, m) -> bool:
        """Is the four-digit number of the match a year? spaCy's entity label decides; with none,
        a date-like word before it ("in 1998", "since 2000")."""
        tok = self.token(m.start("y"))
        if tok is not None:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            prev = tok.nbor(-1) if tok.i > 0 else None
            if (nxt is not None and nxt.tag_ == "NNS"
                    and (prev is None or prev.pos_ in ("VERB", "AUX", "PUNCT"))):
                return False  # "said 1998 people were held": a count
            if tok.ent_type_ == "DATE":
                return True
            if tok.ent_type_ in NOT_YEAR_ENTS:
                return False
        prev = re.findall(r"[\w.]+", self.text[max(0, m.start() - 20):m.start()].lower())
        return bool(prev) and prev[-1] in YEAR_BEFORE


@dataclass(frozen=True)
class Rule:
    """One kind of expression. `triggers`: lower-case strings one of which every match contains
    (a rule is skipped, at no cost, on a text without any); a group named `expr` in the pattern,
    when present, is the expression (the rest is context, as "for" in "for [years]")."""

    name: str
    pattern: "re.Pattern[str]"
    value: Callable[["re.Match[str]", Context], Value]
    triggers: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Pieces of patterns

def _pieces(w: TimeWords) -> dict[str, str]:
    full_months = [k for k in w.month if (len(k) > 3 and k != "sept") or k == "may"]
    abbr_months = [k for k in w.month if k not in full_months]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num_word = w.alternation("number")
    return {
        "MONTH": r"(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + r"|(?:"
                 + "|".join(sorted(abbr_months, key=len, reverse=True)) + r")\.?)",
        "FULLMONTH": r"(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + r")",
        "WD": w.alternation("weekday"),
        "NUM": r"(?:\d+(?:\s+1/2|[.,]\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|(?:" + tens + r")[\s-](?:" + ones + r")|" + num_word
               + r"|a\s+few|few|several|many|some|a\s+number\s+of|a\s+couple(?:\s+of)?|couple\s+of)",
        "ORD": r"(?:\d{1,2}(?:st|nd|rd|th)|" + w.alternation("ordinal", exclude=("last",)) + r")",
        "UNIT": r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|"
                r"years?|decades?|century|centuries|millenni(?:um|a))",
        "POD": r"(?:morning|afternoon|evening|night)",
        "SEASON": w.alternation("season"),
        "MOD": r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
               r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)",
        # quantifiers that TempEval spans include ("[nearly two years]", "[less than a week]");
        # "about", "over", "only", "just" stay outside ("about [five hours]")
        "QUANT": r"(?:around|approximately|roughly|nearly|some|(?:no\s+)?more\s+than|"
                 r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|"
                 r"well\s+over|well\s+under|a\s+full|an\s+entire|a\s+whole)",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)",
    }


def _compile(pattern: str, pieces: dict[str, str], flags=re.I) -> "re.Pattern[str]":
    for key, alt in pieces.items():
        pattern = pattern.replace("«" + key + "»", alt)
    return re.compile(pattern, flags)


# ---------------------------------------------------------------------------------------------
# Helpers shared by the value functions

UNIT_LETTER = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D",
               "week": "W", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
               "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML",
               "millennia": "ML"}


def unit_of(word: str) -> str:
    word = word.lower()
    if word in UNIT_LETTER:
        return UNIT_LETTER[word]
    return UNIT_LETTER.get(word[:-1], UNIT_LETTER.get(word[:-3] + "y", "Y"))  # days, centuries


def number(text: str, w: TimeWords) -> Optional[float]:
    """The value of a number written in digits or words; None for vague ones ("several")."""
    t = " ".join(text.lower().replace("-", " ").split())
    for half in (" 1/2", " and a half"):
        if t.endswith(half):
            whole = number(t[:-len(half)], w)
            return None if whole is None else whole + 0.5
    if t in w.number:
        return w.number[t]
    try:
        return float(t.replace(",", "")) if "." in t else int(t.replace(",", ""))
    except ValueError:
        pass
    parts = t.split()
    if len(parts) == 2 and parts[0] in w.number and parts[1] in w.number:
        return w.number[parts[0]] + w.number[parts[1]]
    return None


def duration(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration of n units (X when n is vague): P3Y, PT2H, P20Y for two decades."""
    scale = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "FN": ("W", 2), "Q": ("M", 3)}
    letter, k = scale.get(unit, (unit, 1))
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
               "MIN": ("S", 60)}
    if n is not None and not float(n * k).is_integer() and letter in smaller:
        # 2 1/2 years -> P2Y6M, a minute and a half -> PT1M30S
        whole = int(n * k)
        sub, per = smaller[letter]
        rest = duration((n * k - whole) * per, sub)
        head = duration(whole, letter) if whole else ("PT" if letter in ("H", "MIN", "S") else "P")
        if rest.startswith("PT") and "T" not in head:
            return head + "T" + rest[2:]
        return head + rest[2 if rest.startswith("PT") else 1:]
    if n is None:
        amount = "X"
    else:
        n = n * k
        amount = str(int(n)) if float(n).is_integer() else str(n)
    if letter in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if letter == 'MIN' else letter}"
    return f"P{amount}{letter}"


FUTURE_CUE = re.compile(r"(?:\bas\s+(?:early|soon|late)\s+as|(?-i:\buntil|\btill)|\bby|\bstarting|"
                        r"\bbeginning|\bscheduled\s+for|\bset\s+for|(?<!been\s)\bdue)\s+(?:on\s+)?$", re.I)


def direction(ctx: Context, m: "re.Match[str]", default: int = PAST,
              present: Optional[int] = None) -> int:
    """-1 / +1 / 0 for the match: a deadline word before it ("as early as", "until", "by")
    means the future, else the governing verb's tense decides."""
    if FUTURE_CUE.search(before(ctx, m, 30)):
        return 1
    tense = ctx.tense(m.start(), m.end())
    if tense == FUTURE:
        return 1
    if tense == PAST:
        return -1
    if tense == PRESENT and present is not None:
        return present
    return default


def capitalised(word: Optional[str]) -> bool:
    return bool(word) and word[0].isupper()


def before(ctx: Context, m: "re.Match[str]", n: int = 30) -> str:
    return ctx.text[max(0, m.start() - n):m.start()]


def after(ctx: Context, m: "re.Match[str]", n: int = 30) -> str:
    return ctx.text[m.end():m.end() + n]


def _ymd(y: int, mo: int, d: int) -> Optional[str]:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


MONTH_BEFORE = frozenset("""in by since until till from through of early late mid last next this
before after during""".split())

POD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


# ---------------------------------------------------------------------------------------------
# Value functions, one per rule

def v_iso(m, ctx):
    d = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    return ("TIME", f"{d}T{m['t']}") if m["t"] else ("DATE", d)


def v_slash(m, ctx):
    mo, d, y = int(m["m"]), int(m["d"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    if mo > 12:
        mo, d = d, mo
    d = _ymd(y, mo, d)
    return ("DATE", d) if d else None


def _month(ctx, word: str) -> Optional[int]:
    return ctx.words.month.get(word.lower().rstrip("."))


def v_month_day(m, ctx):
    """Aug. 7, 1998 / August 7 / 7 August 1998 / Friday, Aug. 7."""
    mon = m["mon"]
    if not capitalised(mon):
        return None
    mo, d = _month(ctx, mon), int(m["d"])
    if not 1 <= d <= 31:
        return None
    if m["y"]:
        value = _ymd(int(m["y"]), mo, d)
    elif ctx.anchor is None:
        value = f"XXXX-{mo:02d}-{d:02d}"
    else:
        value = _ymd(cal.year_for(ctx.anchor, mo, d, direction(ctx, m, PRESENT)), mo, d)
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
    mo = _month(ctx, mon)
    if not m["y"] and not m["rel"] and not m["mod"] and re.match(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]", after(ctx, m, 20)):
        return None  # "the March for Life", "the March of the Mothers": a name
    if m["y"]:
        return "DATE", cal.month(int(m["y"]), mo)
    if m["rel"]:  # "January this year", "June last year"
        if ctx.anchor is None:
            return "DATE", f"XXXX-{mo:02d}"
        return "DATE", cal.month(ctx.anchor.year + REL_SHIFT[m["rel"].lower()], mo)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mo:02d}"
    return "DATE", cal.month(cal.year_for(ctx.anchor, mo, 15, direction(ctx, m, PRESENT)), mo)


def v_year(m, ctx):
    """1998 / fiscal 1989 / the end of 1994 / early 2000: only when the number is a year."""
    if re.match(r"\s*(?:%|percent|per\s*cent|\d)", after(ctx, m, 10)) or before(ctx, m, 2).endswith(("$", "£", "€", "#")):
        return None
    if not m["mod"] and not m["fiscal"] and not ctx.is_year(m):
        return None
    return "DATE", m["y"]


def v_season_year(m, ctx):
    code = ctx.words.season[m["s"].lower()]
    return "DATE", f"{m['y']}-{code}"


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
        return "DATE", f"{year + REL_SHIFT[m['rel'].lower()]}-Q{q}"
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
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["y"]:
        return "DATE", f"{m['y']}-H{h}"
    return "DATE", f"{ctx.anchor.year}-H{h}" if ctx.anchor else f"XXXX-H{h}"


def v_deictic_day(m, ctx):
    """today / yesterday / tomorrow / tonight (+ morning ...)."""
    word = m["w"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    pod = POD_CODE.get((m["pod"] or "").lower()) or ("NI" if word == "tonight" else None)
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
    return "TIME", f"{base}T{POD_CODE[m['pod'].lower()]}"


def v_weekday(m, ctx):
    """Friday / last Friday / next Tuesday / Friday morning / Tuesdays (a set)."""
    wd_word = m["wd"]
    if not capitalised(wd_word):
        return None
    iso_day = ctx.words.weekday[wd_word.lower()]
    pod = POD_CODE.get((m["pod"] or "").lower())
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


REL_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1,
             "coming": 1, "following": 1}


def v_relative_unit(m, ctx):
    """this week / last year / next month / earlier this month / last summer / last November."""
    rel, unit_word = m["rel"].lower(), m["unit"].lower()
    shift = -1 if rel.endswith("past") else REL_SHIFT[rel]
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
    unit = unit_of(unit_word)
    if ctx.anchor is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "D": "XXXX-XX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")
    return "DATE", cal.shift(ctx.anchor, unit, shift)


def v_part_of_unit(m, ctx):
    """the end of the year / the beginning of the month: the value of the unit itself."""
    unit = unit_of(m["unit"])
    if ctx.anchor is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX")
    return "DATE", cal.shift(ctx.anchor, unit, 0)


def v_ago(m, ctx):
    """two years ago / a week earlier / three months from now."""
    n = number(m["n"], ctx.words)
    unit = unit_of(m["unit"])
    if n is None or ctx.anchor is None or not float(n).is_integer():
        return "DATE", "PAST_REF" if m["dir"].lower() in ("ago", "earlier", "before") else "FUTURE_REF"
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    value = cal.shift(ctx.anchor, unit, sign * int(n))
    if unit == "Y" and n == 1 and sign < 0:  # in a results story: the same quarter a year back
        return "DATE", f"@Q-1|{value}"
    return "DATE", value


def v_duration(m, ctx):
    """two weeks / less than a week / four years and five months / the past 20 years."""
    if re.match(r"[\s-]*old\b", after(ctx, m, 6), re.I):
        return None
    n = number(m["n"], ctx.words)
    unit = unit_of(m["unit"])
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
            extra = duration(k, unit_of(unit_word))
            # P4Y + P5M -> P4Y5M; PT2H + PT30M -> PT2H30M
            sep = "T" if extra.startswith("PT") and "T" not in total else ""
            total = total + sep + extra[2:] if extra.startswith("PT") else total + extra[1:]
        return "DURATION", total
    return "DURATION", duration(n, unit)


def v_long(m, ctx):
    """day-long / decades-long / 10-year-long: a duration."""
    n = number(m["n"], ctx.words) if m["n"] else (None if m["unit"].lower().endswith("s") else 1)
    return "DURATION", duration(n, unit_of(m["unit"]))


def v_that_year(m, ctx):
    """that year / the following year / later that year: the year the text last named ("@Y"),
    resolved by find.resolve_references; unresolved (XXXX) when none was named."""
    rel = " ".join(m["rel"].lower().split())
    shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
             "the prior": -1}.get(rel, 0)
    return "DATE", f"@Y{shift:+d}|XXXX"


def v_bare_plural(m, ctx):
    """for years / within days / recent weeks: a vague duration."""
    return "DURATION", duration(None, unit_of(m["unit"]))


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
    clock = "12:00" if m["w"].lower() == "noon" else "24:00"
    return "TIME", f"{_time_day(m, ctx)}T{clock}"


def v_every(m, ctx):
    """every day / each year / every Sunday / twice a week."""
    what = m["unit"].lower()
    if what in ctx.words.month and capitalised(m["unit"]):
        return "SET", f"XXXX-{ctx.words.month[what]:02d}"
    if what in ctx.words.weekday:
        return "SET", f"XXXX-WXX-{ctx.words.weekday[what]}"
    n = number(m["n"], ctx.words) if m["n"] else 1
    return "SET", duration(n, unit_of(what))


def v_lexicon(table: str, type_: str):
    def value(m, ctx):
        word = " ".join(m.group(0).lower().split())
        if re.match(r"\s+[A-Z]", after(ctx, m, 3)):
            return None  # "the Communist Party daily Granma": a newspaper
        return type_, getattr(ctx.words, table)[word]
    return value


def v_ref(m, ctx):
    word = " ".join(m.group(0).lower().split())
    if word == "soon" and (re.match(r"\s+(?:as|after)\b", after(ctx, m, 7), re.I)
                           or re.search(r"\bas\s+$", before(ctx, m, 4), re.I)):
        return None  # "as soon as", "soon after": a conjunction
    if word == "current" and not re.match(r"\s+[a-z]", after(ctx, m, 3)):
        return None  # "the current" as a noun (electric, ocean) is no time
    return "DATE", ctx.words.ref[word]


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
    return "DATE", _ymd(y, mo, d)


def v_week_of(m, ctx):
    """the week of March 6: the ISO week of that day."""
    found = v_month_day(m, ctx)
    if found is None:
        return None
    day = found[1]
    return "DATE", (cal.week(dt.date.fromisoformat(day)) if not day.startswith("X") else "XXXX-WXX")


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


def v_year_ago_adj(m, ctx):
    """year-earlier / year-ago before a noun ("year-earlier profit"): the same quarter a year
    back in a results story, else last year."""
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", f"@Q-1|{ctx.anchor.year - 1:04d}"


SPOKEN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def v_spoken_year(m, ctx):
    """nineteen ninety-six / two thousand: years as broadcast transcripts write them."""
    century = m["c"].lower()
    if century.startswith("two"):
        if not m.group(0).lower().startswith("the year") and not m["t"]:
            return None
        return "DATE", str(2000 + SPOKEN.get((m["t"] or "").lower(), 0))
    if not m["t"] or m["t"].lower() in ("ten", "eleven", "twelve") and not m["o"]:
        return None
    tens = SPOKEN[m["t"].lower()]
    if m["o"] and tens < 20:
        return None
    if not m["o"] and tens >= 20 and not re.match(r"\w", m["t"][0]):
        return None
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    year = (19 if century == "nineteen" else 20) * 100 + tens + (ones.index(m["o"].lower()) + 1 if m["o"] else 0)
    if tens >= 20 and not m["o"] and not re.search(r"\b(?:in|of|since|until|by|from)\s+$", before(ctx, m, 8), re.I):
        return None  # "nineteen twenty" alone may be a count
    return "DATE", str(year)


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
    return "DATE", cal.shift(ctx.anchor, unit_of(m["unit"]), REL_SHIFT[m["rel"].lower()])


# ---------------------------------------------------------------------------------------------
# The rules

def build_rules(w: TimeWords | None = None) -> list[Rule]:
    """The grammar, compiled once. Order breaks ties between equally long matches."""
    w = w or load_words()
    p = _pieces(w)
    holidays = w.alternation("holiday") + r"|Thanksgiving(?:\s+Day)?"
    specs = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?\b", v_iso),
        ("slash", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", v_slash),
        ("month_day", r"\b(?:(?P<wd>«WD»),?\s+)?(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                      r"\b(?!:\d)(?:,?\s+(?P<y>«YEAR»)\b)?", v_month_day),
        ("day_month", r"\b(?:(?P<wd>«WD»),?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                      r"(?P<mon>«MONTH»)(?:,?\s+(?P<y>«YEAR»))?\b", v_month_day),
        ("month", r"\b(?:(?P<mod>«MOD»)[\s-]+)?(?:(?P<mon>«FULLMONTH»)\b(?:,?\s+(?:of\s+)?(?P<y>«YEAR»)\b|"
                  r"\s+(?P<rel>this|last|next)\s+year\b)?"
                  r"|(?P<mon_abbr>«MONTH»)\s+(?P<y2>«YEAR»)\b)", None),
        ("year", r"(?<![\w$£€.,/-])(?:(?P<mod>«MOD»)[\s-]+)?(?P<fiscal>fiscal\s+(?:year\s+)?)?"
                 r"(?P<y>«YEAR»)(?!['’]?s\b)(?![\w/-]|[.,]\d)", v_year),
        ("season_year", r"\b(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?(?P<s>«SEASON»)\s+(?:of\s+)?(?P<y>«YEAR»)\b",
         v_season_year),
        ("decade", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)['’]?s\b",
         v_decade),
        ("century", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<ord>«ORD»)[\s-]+century\b", v_century),
        ("quarter", r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year['’]s\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|"
                    r"3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y>«YEAR»))?",
         v_quarter),
        ("quarter_ref", r"\bthe\s+(?:(?P<prev>year[\s-]earlier|year[\s-]ago|comparable|prior[\s-]year|"
                        r"previous[\s-]year['’]s|same)\s+|(?P<latest>latest|current|most\s+recent|recent)\s+|"
                        r"(?P<y>«YEAR»)\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?P<ord>first|second|third|fourth|"
                        r"1st|2nd|3rd|4th)[\s-]+)?(?P<unit>quarter|period)\b(?!-)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
         v_quarter_ref),
        ("half", r"\b(?:the\s+)?(?P<h>first|second|1st|2nd)[\s-]+half\b(?:\s+of\s+(?P<y>«YEAR»))?"
                 r"(?=\s+(?:of\s+(?:«YEAR»|the\s+year|this\s+year|next\s+year|last\s+year)|results|earnings|profits?))",
         v_half),
        ("deictic_day", r"\b(?P<w>today|tonight|yesterday|tomorrow)(?:['’]s)?"
                        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", v_deictic_day),
        ("this_pod", r"\b(?:(?:early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
                     r"(?P<pod>morning|afternoon|evening|night)\b", v_this_pod),
        ("weekday", r"\b(?:(?:earlier|later|early|late)\s+)?(?:(?P<rel>last|this|next|coming|past|previous)\s+)?"
                    r"(?P<wd>«WD»)(?:(?P<pl>s)\b)?(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<pl2>s)?\b)?",
         v_weekday),
        ("relative_unit", r"\b(?:(?:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                          r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|mid[\s-])\s*)?"
                          r"(?P<rel>this(?:\s+past)?|last|next|previous|coming|current)\s+(?P<unit>week|weekend|month|year|"
                          r"quarter|decade|«SEASON»|«FULLMONTH»)\b", v_relative_unit),
        ("week_of", r"\b(?:the\s+)?week\s+of\s+(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>«YEAR»)\b)?",
         v_week_of),
        ("weekend", r"\bthe\s+weekend\b", v_weekend),
        ("the_year", r"\bthe\s+(?:(?:full|fiscal|latest|current|whole|entire|calendar)\s+)*year\b"
                     r"(?![\w-]|\s+(?:ago|earlier|later|before|after|of|\d|two|to\b))(?:['’]s\s+end)?", v_the_year),
        ("year_end", r"\b(?:year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+the\s+year)\b",
         lambda m, ctx: ("DATE", f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")),
        ("year_ago_adj", r"\byear[\s-](?:earlier|ago)\b(?=\s+[a-z])", v_year_ago_adj),
        ("spoken_year", r"\b(?:the\s+year\s+)?(?P<c>nineteen|twenty|two\s+thousand)(?:[\s-](?P<t>ten|eleven|twelve|"
                        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                        r"sixty|seventy|eighty|ninety)(?:[\s-](?P<o>one|two|three|four|five|six|seven|eight|nine))?)?\b",
         v_spoken_year),
        ("the_season", r"\bthe\s+(?:(?:early|late)\s+)?(?P<s>«SEASON»)\b(?!\s+of)", v_the_season),
        ("this_century", r"\b(?P<rel>this|last|next)\s+(?P<unit>century)\b", v_this_century),
        ("part_of_unit", r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+"
                         r"(?P<unit>week|month|year|decade|century)\b", v_part_of_unit),
        ("ago", r"\b(?:(?:about|some|more\s+than|less\s+than|nearly|almost|only|just|roughly|around|over)\s+)?"
                r"(?P<n>«NUM»)[\s-]+(?P<unit>«UNIT»)\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b",
         v_ago),
        ("duration", r"\b(?:(?P<q>«QUANT»)\s+)?(?:the\s+(?P<rel>past|last|next|first|previous|coming|"
                     r"following|final|latest|initial|remaining|same|other)\s+)?(?P<n>«NUM»)"
                     r"(?P<more>\s+(?:more|full|entire|whole|straight|consecutive|additional|long))?[\s-]+"
                     r"(?P<unit>«UNIT»)\b(?P<and>,?\s+and\s+(?:a\s+half|«NUM»\s+«UNIT»)\b)?", v_duration),
        ("rel_duration", r"\bthe\s+(?P<rel>past|last|next|coming)\s+(?P<unit>year|month|"
                         r"week|decade|century|hours?|days?)\b(?!\s+(?:of|'s))", None),
        ("bare_plural", r"\b(?:for|within|in|over)\s+(?P<expr>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))\b"
                        r"(?!\s+(?:of|ago|later|earlier|before|after))", v_bare_plural),
        ("long", r"\b(?:(?P<n>«NUM»)-)?(?P<unit>«UNIT»)-long\b", v_long),
        ("that_year", r"\b(?:(?P<mod>later|earlier|early|late)\s+(?:in\s+)?)?(?P<rel>that|the\s+same|the\s+following|"
                      r"the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+year\b(?!\s+(?:of|ended|ending))",
         v_that_year),
        ("recent_plural", r"\b(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?(?P<unit>days|weeks|months|quarters|years|decades)\b",
         v_bare_plural),
        ("time", r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.?|am\b|pm\b)"
                 r"(?:\s+(?P<tz>[A-Z]{2,4}T|EST|EDT|GMT|UTC|ET)\b)?"
                 r"(?:,?\s+(?:on\s+)?(?:(?P<day>«WD»|today|yesterday|tomorrow|tonight)\b|"
                 r"(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>«YEAR»)\b)?))?", v_time),
        ("noon", r"\b(?P<w>noon|midnight)(?:,?\s+(?P<day>«WD»|today|yesterday|tomorrow)\b)?", v_noon),
        ("every", r"\b(?:every|each|per)\s+(?:(?P<n>«NUM»)\s+)?(?P<unit>«UNIT»|«WD»|«FULLMONTH»)\b", v_every),
        ("times_a", r"\b(?:once|twice|(?:\w+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>«UNIT»)\b",
         lambda m, ctx: ("SET", duration(1, unit_of(m["unit"])))),
        ("set_word", r"\b" + w.alternation("set") + r"\b", v_lexicon("set", "SET")),
        ("ref", r"\b" + w.alternation("ref") + r"\b", v_ref),
        ("holiday", r"\b(?P<name>" + holidays + r")(?:\s+(?P<y>«YEAR»))?\b", v_holiday),
    ]
    value_fns = {"month": v_month_any, "rel_duration": v_rel_duration}
    triggers = dict(TRIGGERS, set=tuple(w.set), holiday=tuple(h.split()[0].lower() for h in w.holiday) + ("thanksgiving",),
                    the_season=tuple(w.season))
    return [Rule(name, _compile(pattern, p), fn or value_fns[name], triggers.get(name, ()))
            for name, pattern, fn in specs]


# Strings one of which every match of the rule contains (lower case): a rule whose triggers are
# all absent from a text is not run on it. Rules without an entry always run.
TRIGGERS = {
    "iso": ("-",), "slash": ("/",), "decade": ("0s", "0's", "0’s"), "century": ("century",),
    "quarter": ("quarter",), "quarter_ref": ("quarter", "period"), "half": ("half",),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"),
    "this_pod": ("morning", "afternoon", "evening", "night"), "week_of": ("week of",),
    "weekend": ("weekend",), "the_year": ("year",), "year_end": ("year",), "year_ago_adj": ("year",),
    "spoken_year": ("nineteen", "twenty", "thousand"), "this_century": ("century",),
    "part_of_unit": (" of th",), "ago": ("ago", "earlier", "later", "from now", "hence"),
    "rel_duration": ("the past", "the last", "the next", "the coming"),
    "bare_plural": ("s",), "long": ("-long",), "that_year": ("year",),
    "recent_plural": ("recent", "past", "last"), "time": ("a.m", "p.m", "am", "pm"),
    "noon": ("noon", "midnight"), "every": ("every", "each", "per "), "times_a": ("once", "twice", "times"),
    "relative_unit": ("this", "last", "next", "previous", "coming", "current"),
}


def v_month_any(m, ctx):
    if m["mon_abbr"]:
        mon = m["mon_abbr"]
        if not capitalised(mon):
            return None
        return "DATE", cal.month(int(m["y2"]), _month(ctx, mon))
    return v_month(m, ctx)


def v_rel_duration(m, ctx):
    """the past year / the next week: a duration of one unit."""
    return "DURATION", duration(1, unit_of(m["unit"]))
