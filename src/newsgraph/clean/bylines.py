"""Datelines ("MOSCOW (Reuters) -", "LONDON 1996-08-30") and bylines ("By Jane Smith")."""
from __future__ import annotations

from typing import Optional

import regex

from .chrome import ChromeLexicon
from .lines import _MONTH, Line

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


def _name_line(line: Line) -> bool:
    """A line that is only a person's name ("Larisa Sayenko"): a byline without "By"."""
    return 2 <= line.words <= 4 and not line.sentence_end and bool(_NAME.match(line.text))
