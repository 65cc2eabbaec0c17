"""The headline: the caller's title, the page title repeated near the body, or a headline-like
line just before the body (or opening it)."""
from __future__ import annotations

from typing import Optional

import regex

from .bylines import _BYLINE, _name_line, match_dateline
from .chrome import load_lexicon, normalise
from .lines import _DATE_LINE, _WORD, Line


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
    lede_words = load_lexicon().lede_words
    lede = "," in line.text or any(w in lede_words or (len(w) > 4 and w.endswith("ed"))
                                   for w in words if w.islower())
    if lede:
        return False
    return _title_or_caps(line) or (line.words <= 16 and following.words > line.words + 4)


def _title_or_caps(line: Line) -> bool:
    words = _WORD.findall(line.text)
    content = [w for w in words if len(w) > 3]
    if not content:
        return False
    return sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content)
