"""Helpers shared by the value functions (values.py): units and numbers to TIMEX3 durations,
the direction (past or future) a relative expression points to, the text around a match, and
small date and word utilities. Kept in one place so every value function uses the same ones.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .anchor import FUTURE, PAST, PRESENT
from .context import Context
from .lexicon import TimeWords


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


# words that put the date after them ahead of the story: deadlines ("as early as", "until",
# "by"), schedules ("scheduled for", "due"), and the dates of a payment or a change that a
# company announces ("payable Dec. 15", "to holders of record Nov. 17", "effective Feb. 1")
FUTURE_CUE = re.compile(r"(?:\bas\s+(?:early|soon|late)\s+as|(?-i:\buntil|\btill)|\bby|\bstarting|"
                        r"\bbeginning|\bscheduled\s+for|\bset\s+for|(?<!been\s)\bdue|\bpayable|"
                        r"\bof\s+record|\beffective)\s+(?:on\s+|as\s+of\s+)?$", re.I)


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


def ymd(y: int, mo: int, d: int) -> Optional[str]:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def month_of(ctx, word: str) -> Optional[int]:
    return ctx.words.month.get(word.lower().rstrip("."))

