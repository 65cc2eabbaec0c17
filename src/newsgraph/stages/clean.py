"""The clean stage for plain text: find the headline, the article body, the dateline and bylines.

A scraper that saves a page as text keeps its furniture: menus ("Home", "Politics"), share and
subscribe prompts, cookie notices, bylines, photo credits, "Related Articles" lists, footers and
comment threads. `find_layout` finds, in one linear pass over the lines of the text,

- the body: one contiguous span from the first to the last character of the story. Each line
  gets a score (long lines ending a sentence count for it, short menu-like lines and lines from
  the chrome lexicon against it) and the body is the run of lines with the largest total
  (maximum-sum subarray), extended over the story's own short lines (subheadings, score tables)
  and cut at strong end-of-article markers ("Related Articles", "Leave a comment");
- the headline: the caller's title when the text contains it, else the headline-like line just
  before the body (or the first line of a text that is only a headline and a story);
- a dateline that opens the body ("MOSCOW (Reuters) -", "LONDON 1996-08-30"), which stays
  inside the body; bylines ("By Jane Smith") before the body, giving authors, and an outlet
  named by the dateline or the byline.

The text is never modified: every span is a half-open range of Python string indices into it.
The lexicon lives in `knowledge/chrome.tsv`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import regex

from ..document import Document, Span
from ..knowledge import read_rows, table_path
from . import stage

# ---------------------------------------------------------------------------------------------
# The lexicon


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
    stopwords: frozenset[str]
    comment_verbs: frozenset[str]
    max_start_words: int


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str | None = None) -> ChromeLexicon:
    """Read the chrome lexicon once (cached)."""
    tables: dict[str, dict[str, float]] = {k: {} for k in ("line", "start", "contain", "end")}
    byline, stopwords, comment, outlets = set(), set(), set(), {}
    file = table_path(Path(path) if path else "chrome.tsv")
    for cols in read_rows(file):
        kind, phrase = cols[0].strip(), cols[1].strip()
        weight = float(cols[2]) if len(cols) > 2 and cols[2].strip() else 6.0
        if kind in tables:
            tables[kind][normalise(phrase)] = weight
        elif kind == "byline":
            byline.add(phrase.lower())
        elif kind == "outlet":
            outlets[phrase.lower()] = phrase
        elif kind == "stopword":
            stopwords.add(phrase.lower())
        elif kind == "comment":
            comment.add(phrase.lower())
        else:
            raise ValueError(f"{path or file}: unknown kind {kind!r}")
    max_start = max((len(p.split()) for p in (*tables["start"], *tables["end"])), default=1)
    phrases = sorted(tables["contain"], key=len, reverse=True)
    contain_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)"
                            if phrases else r"(?!)")
    return ChromeLexicon(tables["line"], tables["start"], tables["contain"], contain_re,
                         tables["end"],
                         frozenset(byline), outlets, frozenset(stopwords), frozenset(comment),
                         max_start)


_NON_WORD = regex.compile(r"[^\p{L}\p{N}©]+")


def normalise(s: str) -> str:
    """Lower case, every run of characters other than letters, digits and © as one space."""
    return _NON_WORD.sub(" ", s.lower()).strip()


# ---------------------------------------------------------------------------------------------
# Lines and their features

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # letters (stdlib re: faster here)
_DIGIT = regex.compile(r"\p{N}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# "34 responses to ...", "12 comments": the start of a comment thread
_THREAD = regex.compile(r"^\d+\s+(?:comments?|responses?|replies|thoughts?\s+on)\b", regex.I)
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
    stopwords = load_lexicon().stopwords
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


# an end marker this heavy ends the article whatever the line's length: wire credit lines
# such as "(Reporting by A in Moscow; Editing by B)" run long
CREDIT_END_WEIGHT = 40.0


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


# ---------------------------------------------------------------------------------------------
# Bylines and datelines

_NAME_WORD = r"(?:\p{Lu}[\p{L}'’\-]*\.?|de|da|del|van|von|der|bin|al|le|la|di)"
_NAME = regex.compile(r"^\p{Lu}[\p{L}'’\-]*\.?(?:\s+" + _NAME_WORD + r"){0,4}$")
_BYLINE = regex.compile(
    r"^(?:(?:written|posted|reported|reporting|words|story|text)\s+)?by\s*:?\s*(?P<rest>.*)$",
    regex.I)
_NAME_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_BYLINE_TAIL = regex.compile(
    r"\s*(?:[-–—|•·]|\d|\b" + _MONTH + r"(?=\s|$)|\bupdated\b|\bpublished\b|\bposted\b|@).*$",
    regex.I)

_DATELINE_AGENCY = regex.compile(
    r"^(?P<place>\p{Lu}[\p{L}.'’\- ]{1,40}?(?:,\s*[\p{L}\p{N}.'’\- ]{2,30}?){0,2})"
    r"\s*\(\s*(?P<agency>[^()\n]{1,40}?)\s*\)\s*(?:[-–—_]{1,2}|:)")
_DATELINE_DASH = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}?(?:,\s*[\p{L}\p{N}.'’\- ]{2,30}?){0,2})"
    r"\s*(?:[-–—_]{1,2})(?=\s|$)")
_DATELINE_TITLE = regex.compile(
    r"^(?P<place>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)"
    r"\s*[—–]{1,2}(?=\s)")
_DATELINE_DATE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}?(?:,\s*[\p{L}.'’\- ]{2,30}?)?)\s+"
    r"(?:\d{4}-\d{2}-\d{2}|" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)(?=\s|$)")


def match_dateline(line_text: str) -> Optional[tuple[int, Optional[str]]]:
    """(length of the dateline, agency or None) when the line opens with a dateline."""
    for pattern in (_DATELINE_AGENCY, _DATELINE_DASH, _DATELINE_TITLE, _DATELINE_DATE):
        m = pattern.match(line_text)
        if not m:
            continue
        place = m.group("place").strip()
        first = place.split()[0].strip(",.")
        if pattern is not _DATELINE_TITLE and pattern is not _DATELINE_AGENCY and not first.isupper():
            continue
        if pattern is _DATELINE_AGENCY and not (first.isupper() or "," in place):
            continue
        if len(first) < 2 and not first.isupper():
            continue
        rest = line_text[m.end():]
        if pattern is _DATELINE_DASH and rest.strip() and not any(c.islower() for c in rest[:80]):
            continue  # "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP": a headline in capitals
        agency = m.groupdict().get("agency")
        return m.end(), (agency.strip() if agency else None)
    return None


def parse_byline(text: str, next_text: Optional[str], lex: ChromeLexicon
                 ) -> Optional[tuple[list[str], Optional[str], bool]]:
    """(authors, outlet, uses the next line) when `text` is a byline line, else None."""
    m = _BYLINE.match(text)
    uses_next = False
    if m:
        rest = m.group("rest").strip()
        if not rest and next_text is not None:
            rest, uses_next = next_text.strip(), True
    else:
        # "Jane Smith, Reuters" / "Associated Press November 19, 2019"
        head = _BYLINE_TAIL.sub("", text).strip(" ,")
        parts = [p for p in _NAME_SPLIT.split(head) if p]
        if not parts or len(text.split()) > 12:
            return None
        outlet = next((lex.outlets[p.lower()] for p in parts if p.lower() in lex.outlets), None)
        if outlet is None or not all(_NAME.match(p) or p.lower() in lex.outlets for p in parts):
            return None
        return [p for p in parts if p.lower() not in lex.outlets], outlet, False
    rest = _BYLINE_TAIL.sub("", rest).strip(" ,")
    if not rest:
        return None
    authors, outlet = [], None
    for part in _NAME_SPLIT.split(rest):
        part = part.strip(" .")
        if not part:
            continue
        if part.lower() in lex.outlets:
            outlet = outlet or lex.outlets[part.lower()]
        elif _NAME.match(part) and len(part) <= 40:
            authors.append(part)
        else:
            return None if not authors else (authors, outlet, uses_next)
    if not authors and outlet is None:
        return None
    return authors, outlet, uses_next


# ---------------------------------------------------------------------------------------------
# Headline


def headline_like(line: Line, allow_stop: bool = False) -> bool:
    """A line that could be a headline: a few words, no chrome, not a byline, date or dateline;
    ending in a full stop only when in title case or capitals (or when `allow_stop`)."""
    t = line.text
    if line.chrome or not (2 <= line.words <= 30) or len(t) > 250:
        return False
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "\"'“‘"):
        return False
    if _DATE_LINE.match(t) or _BYLINE.match(t) or match_dateline(t):
        return False
    if t.endswith((",", ";", ":")):
        return False
    if not allow_stop and line.sentence_end and t.endswith(".") and not _title_or_caps(line):
        return False  # a headline rarely ends in a full stop, unless in title case or capitals
    return True


def _title_norm(s: str) -> str:
    return " ".join(normalise(s).split())


def find_title_line(lines: list[Line], title: str, upto: int) -> Optional[int]:
    """Index of the line (before `upto`, nearest to it) that is the caller's title."""
    want = _title_norm(title)
    if not want:
        return None
    for i in range(min(upto, len(lines)) - 1, -1, -1):
        if lines[i].norm == want or (len(want) >= 12 and lines[i].norm.startswith(want)
                                     and len(lines[i].norm) < len(want) + 40):
            return i
    return None


_SITE_SUFFIX = regex.compile(r"\s+(?:[|–—-]|::)\s+")


def page_title_core(lines: list[Line]) -> str:
    """The first line without a " | Site" / " - Site" suffix (a saved page opens with its title)."""
    if not lines:
        return ""
    parts = _SITE_SUFFIX.split(lines[0].text)
    return _title_norm(max(parts, key=len)) if len(parts) > 1 else ""


# ---------------------------------------------------------------------------------------------
# The layout


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
    that line is the headline. Pure and linear in the length of the text.
    """
    lex = load_lexicon()
    lines = split_lines(text)
    if not lines:
        return Layout(None, Span(len(text), len(text)), None)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.norm] = counts.get(ln.norm, 0) + 1
    for ln in lines:
        ln.chrome, ln.end_marker = chrome_weight(ln, lex)
        ln.repeated = counts[ln.norm] > 1 and ln.words < 12
        ln.score = score_line(ln)

    clean = not any(ln.chrome >= 4 for ln in lines)
    n = len(lines)
    if clean:
        a, b = 0, n - 1
    else:
        a, b = choose_run(lines)
        # extend over the story's own low-scoring lines, up to chrome or a strong end marker
        while b + 1 < n and _extendable(lines[b + 1]) and not _followed_by_nav(lines, b + 1):
            b += 1
        while b > a and lines[b].score < 0 and not _extendable(lines[b]):
            b -= 1
        a = story_start(lines, a, b, lex)
    # headline
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
    # bylines at the top of the body, and just before it
    authors, outlet = [], None
    scan_from = (headline_i + 1) if headline_i is not None else max(0, a - 6)
    k = scan_from
    while k < b and k <= a + 2:
        nxt = lines[k + 1].text if k + 1 < n else None
        got = parse_byline(lines[k].text, nxt, lex)
        is_date = bool(_DATE_LINE.match(lines[k].text))
        if got:
            authors.extend(x for x in got[0] if x not in authors)
            outlet = outlet or got[1]
            if got[2]:
                k += 1
            if k >= a:
                a = k + 1
        elif is_date and k >= a:
            a = k + 1
        elif k >= a:
            break
        k += 1
    a = min(a, b)
    # dateline: the line before the body may be one on its own ("LONDON 1996-08-30")
    dateline = None
    if a > 0 and (headline_i is None or a - 1 > headline_i):
        prev = lines[a - 1]
        m = match_dateline(prev.text)
        if m and m[0] >= len(prev.text) - 3:
            a -= 1
    m = match_dateline(lines[a].text)
    if m:
        dateline = Span(lines[a].start, lines[a].start + m[0])
        if m[1]:
            agency = m[1]
            outlet = outlet or lex.outlets.get(agency.lower(), agency)
    body = Span(lines[a].start, lines[b].end)
    headline = Span(lines[headline_i].start, lines[headline_i].end) if headline_i is not None else None
    chrome = _chrome_spans(lines, a, b, headline_i)
    return Layout(headline, body, dateline, chrome, authors, outlet)


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


def _guess_headline(lines: list[Line], a: int, b: int, clean: bool) -> Optional[int]:
    """The headline line: the page title repeated near the body, else the nearest headline-like
    line before it; for a text that starts with its story, its first line when headline-like."""
    core = page_title_core(lines)
    lo = max(0, a - 15)
    if core and len(core.split()) >= 3:
        for i in range(a - 1, max(0, a - 60) - 1, -1):
            if i > 0 and lines[i].norm and (lines[i].norm == core or core.startswith(lines[i].norm)
                                            and lines[i].words >= 3):
                return i
    for i in range(a - 1, lo - 1, -1):
        ln = lines[i]
        if ln.end_marker:
            break
        if headline_like(ln) and ln.words >= 3 and not ln.repeated or (
                headline_like(ln) and ln.words >= 3 and ln.norm == core):
            return i
    if a < b and (a == 0 or clean) and first_line_headline(lines[a], lines[a + 1]):
        return a
    return None


def first_line_headline(line: Line, following: Line) -> bool:
    """Is the first line of a story its headline? It must be headline-like; then a dateline or a
    name-only byline after it settles it; else it must not end a sentence, or be in title case
    or capitals, or be a short line ("Judge rejects request.") before a longer paragraph that
    does not read as a lede sentence. When in doubt the line stays in the body."""
    if not headline_like(line, allow_stop=True):
        return False
    if match_dateline(following.text) is not None or _name_line(following):
        return True
    if not line.sentence_end or line.text.isupper():
        return True
    words = _WORD.findall(line.text)
    lede = "," in line.text or any(w in _LEDE_WORDS or (len(w) > 4 and w.endswith("ed"))
                                   for w in words if w.islower())
    if lede:
        return False
    return _title_or_caps(line) or (line.words <= 16 and following.words > line.words + 4)


# words of a reporting lede, rare in a headline (which is in the present tense)
_LEDE_WORDS = frozenset({"said", "says", "reported", "announced", "told", "was", "were", "had",
                         "has", "yesterday", "today"})


def _name_line(line: Line) -> bool:
    """A line that is only a person's name ("Larisa Sayenko"): a byline without "By"."""
    return 2 <= line.words <= 4 and not line.sentence_end and bool(_NAME.match(line.text))


def _title_or_caps(line: Line) -> bool:
    words = _WORD.findall(line.text)
    content = [w for w in words if len(w) > 3]
    if not content:
        return False
    return sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content)


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


# ---------------------------------------------------------------------------------------------
# The stage


@stage("clean", requires=("text",), assigns=("headline", "body", "dateline", "chrome"))
def clean(doc: Document) -> Document:
    """Set the layout of a plain-text article: headline, body, dateline, chrome; authors and
    outlet when the reader left them empty; title from the headline when unknown.

    A body set already (the HTML reader sets it) is kept. Empty or whitespace-only text gets
    `doc.error = "empty text"`.
    """
    if doc.body is not None:
        return doc
    if not doc.text or not doc.text.strip():
        doc.error = "empty text"
        return doc
    layout = find_layout(doc.text, doc.title)
    doc.headline, doc.body, doc.dateline = layout.headline, layout.body, layout.dateline
    doc.chrome = list(layout.chrome)
    if doc.title is None and layout.headline is not None:
        doc.title = doc.span_text(layout.headline)
    if not doc.authors and layout.authors:
        doc.authors = list(layout.authors)
    if not doc.outlet and layout.outlet:
        doc.outlet = layout.outlet
    return doc
