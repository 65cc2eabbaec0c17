"""The layout of a text: the body run, and `find_layout`, which adds the headline, the bylines
and the dateline around it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from ..document import Span
from .bylines import match_dateline, parse_byline
from .chrome import ChromeLexicon, chrome_weight, load_lexicon
from .headline import _guess_headline, find_title_line
from .lines import _DATE_LINE, Line, score_line, split_lines


@dataclass
class Layout:
    """Where the parts of an article are in its text (spans into the original text)."""

    headline: Optional[Span]
    body: Span
    dateline: Optional[Span]
    chrome: list[Span] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    outlet: Optional[str] = None


def best_run(scores: list[float]) -> tuple[int, int]:
    """The run [i, j] (inclusive) of lines with the largest total score (Kadane)."""
    best, best_i, best_j = float("-inf"), 0, 0
    cur, cur_i = 0.0, 0
    for k, s in enumerate(scores):
        if cur <= 0:
            cur, cur_i = s, k
        else:
            cur += s
        if cur > best:
            best, best_i, best_j = cur, cur_i, k
    return best_i, best_j


# a stretch of chrome lines this heavy (share bar, comment form, footer) or one end-of-article
# marker separates regions: the body never runs across it
BARRIER_WEIGHT = 20.0
# the body is the earliest region whose best run reaches this share of the best region's
EARLIEST_SHARE = 0.4


def choose_run(lines: list[Line]) -> tuple[int, int]:
    """The body's lines [i, j]: split the lines into regions at barriers (heavy chrome), take
    the best run of each, and pick the earliest run that is nearly as good as the best one
    (comment threads and teaser lists come after the story and can be longer than it)."""
    regions: list[tuple[int, int]] = []
    start, k, n = 0, 0, len(lines)
    headers = [i for i, ln in enumerate(lines) if ln.chrome and ln.text.endswith(":")
               and ln.norm.split()[-1] in load_lexicon().comment_verbs]
    if len(headers) >= 2:  # a comment thread: the story ends before its first comment
        n = headers[0]
    while k < n:
        ln = lines[k]
        if ln.end_marker >= 16 or ln.chrome >= BARRIER_WEIGHT:
            regions.append((start, k - 1))
            start = k + 1
        elif ln.chrome:
            j, weight = k, 0.0
            while j < n and lines[j].score <= 0 and not lines[j].end_marker >= 16:
                weight += lines[j].chrome
                j += 1
            if weight >= BARRIER_WEIGHT:
                regions.append((start, k - 1))
                start = j
            k = max(k, j - 1)
        k += 1
    regions.append((start, n - 1))
    runs = []
    for lo, hi in regions:
        if hi < lo:
            continue
        i, j = best_run([ln.score for ln in lines[lo:hi + 1]])
        total = sum(ln.score for ln in lines[lo + i:lo + j + 1])
        runs.append((total, lo + i, lo + j))
    if not runs:
        return best_run([ln.score for ln in lines])
    best = max(r[0] for r in runs)
    for total, i, j in runs:
        if total >= EARLIEST_SHARE * best and total > 0:
            return i, j
    return max(runs)[1:]


def _extendable(line: Line) -> bool:
    """A line the story may own though it scores low: a subheading, a score line, a sentence."""
    if line.chrome or line.repeated:
        return False
    if line.sentence_end or line.words >= 12:
        return True
    return line.digits >= 2 and line.digits * 2 >= line.words  # "Somerset 83 and 174"


def find_layout(text: str, title: str | None = None) -> Layout:
    """Find headline, body, dateline, chrome, authors and outlet of a plain-text article.

    `title` is the headline when the caller knows it: if a line of the text is that title,
    that line is the headline. Pure and linear in the length of the text. The steps: score the
    lines, choose the body's run of lines, place the headline, read the bylines at the top of
    the body, find the dateline; each moves the start of the body `a` (lines [a, b] are the
    body)."""
    lex = load_lexicon()
    lines = split_lines(text)
    if not lines:
        return Layout(None, Span(len(text), len(text)), None)
    score_lines(lines, lex)
    clean = not any(ln.chrome >= 4 for ln in lines)
    a, b = body_run(lines, clean, lex)
    headline_i, a, b = place_headline(lines, title, a, b, clean)
    authors, outlet, a = read_bylines(lines, headline_i, a, b, lex)
    a = min(a, b)
    a, dateline, agency = find_dateline(lines, headline_i, a)
    if agency:
        outlet = outlet or lex.outlets.get(agency.lower(), agency)
    body = Span(lines[a].start, lines[b].end)
    headline = Span(lines[headline_i].start, lines[headline_i].end) if headline_i is not None else None
    chrome = _chrome_spans(lines, a, b, headline_i)
    return Layout(headline, body, dateline, chrome, authors, outlet)


def score_lines(lines: list[Line], lex: ChromeLexicon) -> None:
    """Give each line its chrome weight, end-of-article marker, repetition (a short line seen
    twice is a menu or a share bar) and prose score."""
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.norm] = counts.get(ln.norm, 0) + 1
    for ln in lines:
        ln.chrome, ln.end_marker = chrome_weight(ln, lex)
        ln.repeated = counts[ln.norm] > 1 and ln.words < 12
        ln.score = score_line(ln)


def body_run(lines: list[Line], clean: bool, lex: ChromeLexicon) -> tuple[int, int]:
    """The body's lines [a, b]: every line of a text without chrome; else the best run,
    extended over the story's own low-scoring lines up to chrome or a strong end marker,
    trimmed of chrome at its end, and started at a dateline or byline a few lines in."""
    n = len(lines)
    if clean:
        return 0, n - 1
    a, b = choose_run(lines)
    while b + 1 < n and _extendable(lines[b + 1]) and not _followed_by_nav(lines, b + 1):
        b += 1
    while b > a and lines[b].score < 0 and not _extendable(lines[b]):
        b -= 1
    return story_start(lines, a, b, lex), b


def place_headline(lines: list[Line], title: Optional[str], a: int, b: int,
                   clean: bool) -> tuple[Optional[int], int, int]:
    """The headline's line (the caller's title when a line is it, else a headline-like line
    before the body) and the body's lines after it; a text that is only a headline has no
    headline, and that line is its body."""
    headline_i: Optional[int] = None
    if title:
        headline_i = find_title_line(lines, title, b + 1)
    if headline_i is None:
        headline_i = _guess_headline(lines, a, b, clean)
    if headline_i is not None and headline_i >= a:
        a = headline_i + 1
        if a > b:  # the text is a headline and nothing else
            a = b = headline_i
            headline_i = None
    return headline_i, a, b


BYLINE_LOOKBACK = 6  # lines before the body read for bylines when there is no headline
BYLINE_LOOKAHEAD = 2  # lines into the body that may still be bylines or date lines


def read_bylines(lines: list[Line], headline_i: Optional[int], a: int, b: int,
                 lex: ChromeLexicon) -> tuple[list[str], Optional[str], int]:
    """Authors and outlet from the bylines after the headline (or just before the body), and
    the start of the body after the bylines and date lines that open it."""
    authors: list[str] = []
    outlet = None
    n = len(lines)
    k = (headline_i + 1) if headline_i is not None else max(0, a - BYLINE_LOOKBACK)
    while k < b and k <= a + BYLINE_LOOKAHEAD:
        nxt = lines[k + 1].text if k + 1 < n else None
        got = parse_byline(lines[k].text, nxt, lex)
        is_date = bool(_DATE_LINE.match(lines[k].text))
        if got:
            authors.extend(x for x in got[0] if x not in authors)
            outlet = outlet or got[1]
            if got[2]:  # the byline took the next line too
                k += 1
            if k >= a:
                a = k + 1
        elif is_date and k >= a:
            a = k + 1
        elif k >= a:
            break
        k += 1
    return authors, outlet, a


def find_dateline(lines: list[Line], headline_i: Optional[int],
                  a: int) -> tuple[int, Optional[Span], Optional[str]]:
    """The dateline opening the body, the body's first line (a dateline alone on the line
    before the body, "LONDON 1996-08-30", joins it) and the agency the dateline names."""
    if a > 0 and (headline_i is None or a - 1 > headline_i):
        prev = lines[a - 1]
        m = match_dateline(prev.text)
        if m and m[0] >= len(prev.text) - 3:
            a -= 1
    m = match_dateline(lines[a].text)
    if not m:
        return a, None, None
    return a, Span(lines[a].start, lines[a].start + m[0]), m[1]


# how far into the chosen run a dateline or byline may move the start of the story
START_WINDOW = 12


def story_start(lines: list[Line], a: int, b: int, lex: ChromeLexicon) -> int:
    """A dateline or a byline a few lines into the run marks where the story starts: what
    comes before it (a summary, photo captions, "Image 1 of 8") is not body, when it weighs
    little against the rest of the run."""
    total = sum(ln.score for ln in lines[a:b + 1])
    before = 0.0
    for k in range(a, min(b, a + START_WINDOW) + 1):
        ln = lines[k]
        if k > a and before < 0.4 * total:
            nxt = lines[k + 1].text if k + 1 <= b else None
            if match_dateline(ln.text) or _PLACE_LINE.match(ln.text) or (
                    ln.words <= 12 and parse_byline(ln.text, nxt, lex)):
                return k
        before += ln.score
    return a


# a place name alone on a line, in capitals, before the story: "BAAR, SWITZERLAND"
_PLACE_LINE = regex.compile(r"^\p{Lu}[\p{Lu}.'’\- ]{1,30},\s*\p{Lu}[\p{Lu}.'’\- ]{1,30}$")


def _followed_by_nav(lines: list[Line], k: int) -> bool:
    """True when line k opens a list of short lines (related headlines, menus), not prose."""
    ln = lines[k]
    if ln.sentence_end and ln.words >= 8:
        return False
    window = lines[k + 1:k + 4]
    return bool(window) and all(w.score < 0 for w in window) and any(w.chrome for w in window)


def _chrome_spans(lines: list[Line], a: int, b: int, headline_i: Optional[int]) -> list[Span]:
    """The stretches of non-blank lines outside the body and the headline, one span each."""
    spans: list[Span] = []
    cur: Optional[list[int]] = None
    for i, ln in enumerate(lines):
        inside = a <= i <= b or i == headline_i
        if inside:
            if cur:
                spans.append(Span(cur[0], cur[1]))
            cur = None
        elif cur is None:
            cur = [ln.start, ln.end]
        else:
            cur[1] = ln.end
    if cur:
        spans.append(Span(cur[0], cur[1]))
    return spans
