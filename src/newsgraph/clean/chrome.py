"""The chrome lexicon of `knowledge/chrome.tsv` and the chrome weight it gives a line.

Page chrome is a saved page's furniture: menus, share prompts, cookie notices, footers, comment
threads. A line's weight says how much it reads as chrome and whether it ends the article.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from ..knowledge import read_table, table_path

if TYPE_CHECKING:
    from .lines import Line


@dataclass(frozen=True)
class ChromeLexicon:
    """The curated word lists of `knowledge/chrome.tsv`, ready for lookups."""

    line: dict[str, float]
    start: dict[str, float]
    contain: dict[str, float]
    contain_re: "re.Pattern[str]"  # any `contain` phrase, as a whole-word match
    end: dict[str, float]
    byline: frozenset[str]
    outlets: dict[str, str]  # lower-cased name -> spelling as written in the file
    comment_verbs: frozenset[str]
    lede_words: frozenset[str]  # words of a reporting lede, rare in a headline
    max_start_words: int


CHROME_COLUMNS = ("kind", "phrase", "weight")


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str | None = None) -> ChromeLexicon:
    """Read the chrome lexicon once (cached)."""
    tables: dict[str, dict[str, float]] = {k: {} for k in ("line", "start", "contain", "end")}
    byline, comment, lede, outlets = set(), set(), set(), {}
    file = table_path(Path(path) if path else "chrome.tsv")
    for kind, phrase, weight in read_table(file, CHROME_COLUMNS):
        weight = float(weight) if weight else 6.0
        if kind in tables:
            tables[kind][normalise(phrase)] = weight
        elif kind == "byline":
            byline.add(phrase.lower())
        elif kind == "outlet":
            outlets[phrase.lower()] = phrase
        elif kind == "comment":
            comment.add(phrase.lower())
        elif kind == "lede":
            lede.add(phrase.lower())
        else:
            raise ValueError(f"{path or file}: unknown kind {kind!r}")
    max_start = max((len(p.split()) for p in (*tables["start"], *tables["end"])), default=1)
    phrases = sorted(tables["contain"], key=len, reverse=True)
    contain_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)"
                            if phrases else r"(?!)")
    return ChromeLexicon(tables["line"], tables["start"], tables["contain"], contain_re,
                         tables["end"],
                         frozenset(byline), outlets, frozenset(comment), frozenset(lede),
                         max_start)


_NON_WORD = regex.compile(r"[^\p{L}\p{N}©]+")


def normalise(s: str) -> str:
    """Lower case, every run of characters other than letters, digits and © as one space."""
    return _NON_WORD.sub(" ", s.lower()).strip()


# "34 responses to ...", "12 comments": the start of a comment thread
_THREAD = regex.compile(r"^\d+\s+(?:comments?|responses?|replies|thoughts?\s+on)\b", regex.I)

# an end marker this heavy ends the article whatever the line's length: wire credit lines
# such as "(Reporting by A in Moscow; Editing by B)" run long
CREDIT_END_WEIGHT = 40.0


def chrome_weight(line: Line, lex: ChromeLexicon) -> tuple[float, float]:
    """(chrome weight, end-marker weight) of a line from the lexicon; 0 when nothing matches."""
    norm = line.norm
    if not norm:
        return 0.0, 0.0
    weight = lex.line.get(norm, 0.0)
    end = lex.end.get(norm, 0.0)
    if line.words < 25:
        toks = norm.split(" ", lex.max_start_words)
        prose = line.words >= 12 and line.sentence_end
        prefix = ""
        for k in range(min(len(toks), lex.max_start_words)):
            prefix = prefix + " " + toks[k] if k else toks[k]
            w = lex.start.get(prefix, 0.0)
            if w >= 8 or not prose:  # "Watch the video", not "Watch officials said ..."
                weight = max(weight, w)
            if line.words <= 8 or lex.end.get(prefix, 0.0) >= CREDIT_END_WEIGHT:
                end = max(end, lex.end.get(prefix, 0.0))
        if line.text.endswith(":") and 2 <= line.words <= 6 \
                and norm.rsplit(" ", 1)[-1] in lex.comment_verbs:
            weight = max(weight, 6.0)  # a comment header: "jsmith says:"
        if _THREAD.match(line.text):
            end = max(end, 20.0)
    if line.words < 60:  # prose counts only for strong phrases (a cookie notice)
        prose = line.words >= 25 or (line.words >= 12 and line.sentence_end)
        floor = max(weight, 7.9) if prose else weight
        for m in lex.contain_re.finditer(norm):
            w = lex.contain[m.group()]
            if w > floor:
                weight = floor = w
    return max(weight, end), end
