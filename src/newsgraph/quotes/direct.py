"""Quotation-mark spans: where direct quotes are, from the marks alone (no parse needed).

One linear pass over the body, paragraph by paragraph (a paragraph is a non-empty line):

- curly double marks nest (“ opens, ” closes, depth counted), straight double marks toggle
  ("... " opens after a space or an opening bracket, closes otherwise); « » and „ count too;
- single marks (‘ ’ ') open and close a top-level quote only at word boundaries, so that the
  apostrophes of "don’t" and "Kim’s" are never taken for marks; inside a double-quoted span
  they are nested quotes and belong to its content;
- a paragraph that ends inside a quote continues it when the next paragraph opens with a mark
  (the newspaper convention for multi-paragraph quotes); otherwise the quote is cut at the end
  of its paragraph and marked unclosed, so a stray mark never swallows the rest of the article;
- a stray closing mark with no opening one is ignored.

Each span is a `QuotedSpan` whose `content` excludes the marks.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Span

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
MAX_RESCANS = 8  # stray opening marks dropped per paragraph before it is taken as it is
MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE + OPEN_SINGLE
OPENING_CONTEXT = " \t([{—–-/"  # characters after which a straight mark opens a quote


@dataclass(frozen=True)
class QuotedSpan:
    """A top-level quotation: marks included in [start, end), `content` without them."""

    start: int
    end: int
    content: Span
    closed: bool  # False when cut at a paragraph end without a closing mark
    opens_paragraph: bool  # the quote starts its paragraph
    paragraph: Span  # the paragraph where the quote starts
    paragraphs: int = 1  # how many paragraphs the quote runs over


def paragraphs(text: str, start: int, end: int) -> list[Span]:
    """Non-empty lines of text[start:end], stripped of surrounding whitespace."""
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
        pos = stop + 1
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int, para: Span) -> bool:
    """A straight or ambiguous mark at i opens a quote: after a space/bracket or at the start,
    and followed by something that is not a space."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    return (before in OPENING_CONTEXT or before in OPEN_DOUBLE + OPEN_SINGLE) and not after.isspace()


def _single_closes(text: str, i: int, para: Span) -> bool:
    """A ’ or ' at i closes a single-quoted span (not an apostrophe inside a word)."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    return not before.isspace() and not _is_word(after)


def find_quoted_spans(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Every top-level quotation in text[start:end], in order."""
    paras = paragraphs(text, start, end)
    spans: list[QuotedSpan] = []
    k = 0
    while k < len(paras):
        ignored: set[int] = set()
        while True:
            found: list[QuotedSpan] = []
            nxt, bad = _scan_paragraph(text, paras, k, found, ignored)
            if bad is None or len(ignored) >= MAX_RESCANS:
                break
            ignored.add(bad)  # an opening mark never closed: scan again without it
        spans.extend(found)
        k = nxt
    return spans


def _scan_paragraph(text: str, paras: list[Span], k: int, out: list[QuotedSpan],
                    ignored: set[int]) -> tuple[int, int | None]:
    """Scan paragraph k (and the paragraphs a multi-paragraph quote runs into). Return the
    index of the next paragraph to scan, and the position of an opening mark that was never
    closed although other marks follow it in its paragraph (the caller rescans without it)."""
    para = paras[k]
    i = para.start
    open_at, open_para, depth, mark = None, k, 0, ""
    while True:
        stop = paras[k].end
        while i < stop:
            ch = text[i]
            if open_at is None:
                if i in ignored:
                    pass
                elif ch in OPEN_DOUBLE or (ch == STRAIGHT_DOUBLE and _opens(text, i, paras[k])):
                    open_at, open_para, depth, mark = i, k, 1, "double"
                elif ch in CLOSE_DOUBLE and _opens(text, i, paras[k]) and i + 1 < stop \
                        and _is_word(text[i + 1]):
                    open_at, open_para, depth, mark = i, k, 1, "double"  # ” typed for “
                elif (ch == OPEN_SINGLE or ch == STRAIGHT_SINGLE) and _opens(text, i, paras[k]) \
                        and i + 1 < stop and _is_word(text[i + 1]):
                    open_at, open_para, depth, mark = i, k, 1, "single"
            elif mark == "double":
                if ch in OPEN_DOUBLE:
                    depth += 1
                elif ch in CLOSE_DOUBLE or (ch == STRAIGHT_DOUBLE and not _opens(text, i, paras[k])):
                    depth -= 1
                elif ch == STRAIGHT_DOUBLE:
                    depth += 1
                if depth <= 0:
                    out.append(_make(text, paras, open_at, open_para, i + 1, k, True))
                    open_at = None
            else:  # single
                if (ch == CLOSE_SINGLE or ch == STRAIGHT_SINGLE) and _single_closes(text, i, paras[k]):
                    out.append(_make(text, paras, open_at, open_para, i + 1, k, True))
                    open_at = None
                elif ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or ch == STRAIGHT_DOUBLE:
                    open_at = None  # a double mark inside a single-quoted span: not a quote
                    continue
            i += 1
        if open_at is None:
            return k + 1, None
        nxt = k + 1
        if mark == "double" and nxt < len(paras) and _same_family(text[open_at], text[paras[nxt].start]):
            k, i, depth = nxt, paras[nxt].start + 1, 1  # the quote runs on into the next paragraph
            continue
        if open_para == k and open_at != paras[k].start \
                and any(c in MARKS for c in text[open_at + 1:paras[k].end]):
            return k + 1, open_at
        if mark == "double":
            out.append(_make(text, paras, open_at, open_para, paras[k].end, k, False))
        return k + 1, None


def _same_family(opener: str, nxt: str) -> bool:
    """A paragraph continues a quote when it opens with a mark of the same kind (a straight
    opener followed by a curly paragraph is a stray mark, not a running quote)."""
    if opener == STRAIGHT_DOUBLE:
        return nxt == STRAIGHT_DOUBLE
    return nxt in OPEN_DOUBLE or (nxt == STRAIGHT_DOUBLE and opener not in OPEN_DOUBLE)


def _make(text: str, paras: list[Span], open_at: int, open_para: int, end: int, end_para: int,
          closed: bool) -> QuotedSpan:
    a, b = open_at + 1, end - 1 if closed else end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    para = paras[open_para]
    return QuotedSpan(open_at, end, Span(a, b), closed, open_at == para.start, para,
                      end_para - open_para + 1)
