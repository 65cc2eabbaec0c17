"""The lines of a text: the `Line` model, its features and how much it counts as story prose."""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..knowledge.function_words import function_words
from .chrome import normalise

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # letters (stdlib re: faster here)
_DIGIT = regex.compile(r"\p{N}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# a sentence ends: . ! ? … (a closing quote or bracket may follow)
_SENTENCE_END = regex.compile(r"(?<!\.\.|…)[.!?。](?:[\"'”’»)\]]*)$|[\"”»]$")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# a line that is only a date or a time stamp ("Nov. 19, 2019 8:03 am ET", "11/19/19 06:56 AM")
_DATE_LINE = regex.compile(
    r"^(?:(?:updated|published|posted|last updated|first published)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?,?\s*)?"
    r"(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"[\s,•|\-–—at]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T?|ET|GMT|UTC)?)?"
    r"[\s•|\-–—]*(?:\d+\s+min(?:ute)?s?\s+read)?\s*$", regex.I)
# a time stamp line: a date line, or "32M ago", "updated 2 hours ago"
_AGO = regex.compile(r"^(?:updated\s+)?\d+\s*(?:[smhdw]|mins?|minutes?|hrs?|hours?|days?|weeks?)"
                     r"\s+ago\b.{0,20}$", regex.I)


def is_stamp(t: str) -> bool:
    """A line that is only a date, a time or an age ("Nov. 19, 2019 8:03 am ET", "2H ago")."""
    return len(t) < 80 and bool(_DATE_LINE.match(t) or _AGO.match(t))


@dataclass
class Line:
    """One non-blank line of the text: its stripped extent and the features we score it by."""

    start: int
    end: int
    text: str
    norm: str
    words: int
    stop_ratio: float
    digits: int
    sentence_end: bool
    chrome: float = 0.0  # lexicon weight, 0 when no entry matches
    end_marker: float = 0.0  # weight of an end-of-article marker
    repeated: bool = False
    score: float = 0.0


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, with offsets of their stripped content."""
    stopwords = function_words()
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            start = pos + lead
            end = start + len(stripped)
            words = _WORD.findall(stripped)
            n = len(words)
            if not stripped.isascii():
                cjk = len(_CJK.findall(stripped))
                if cjk:  # no spaces between words: count about two characters a word
                    n += cjk // 2 - sum(1 for w in words if _CJK.match(w))
            stops = sum(1 for w in words if w.lower() in stopwords)
            lines.append(Line(start, end, stripped, normalise(stripped), n,
                              stops / n if n else 0.0, len(_DIGIT.findall(stripped)),
                              bool(_SENTENCE_END.search(stripped))))
        pos += len(raw)
    return lines


# the prose score of a line is its word count less this fixed cost per line, so that one
# paragraph of 60 words outweighs a list of ten one-sentence teasers
LINE_COST = 8.0


def score_line(line: Line) -> float:
    """How much a line counts for being story prose (positive) or page furniture (negative)."""
    n = line.words
    if line.chrome:
        return -line.chrome
    if is_stamp(line.text):
        return -4.0
    if n >= 8 and line.sentence_end:
        s = n - LINE_COST
        if line.stop_ratio < 0.1 and n < 30:  # a list of names or tags that ends in a dot
            s = -2.0
        return s
    if n >= 12 and line.stop_ratio >= 0.25:  # prose without a final stop (cut, or a quote)
        return (n - LINE_COST) * 0.5
    if n >= 3 and line.sentence_end:
        return 0.5
    if n >= 2 and line.digits >= 3 and line.digits >= n:  # a table row or a score line
        return 0.5
    # short or list-like: a menu item, a headline in a list, a caption credit, a subheading
    s = -(1.5 + 0.15 * n)
    if line.repeated:
        s -= 1.5
    return s
