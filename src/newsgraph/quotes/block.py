"""Block quotes: paragraphs quoted without quotation marks.

Two shapes, both found from the paragraph layout:

- an introducing line that ends in a colon ("The state newspaper Rodong Sinmun narrated:",
  "Yonhap reported, citing sources, that the train moved east:"), followed by a paragraph that
  does not open with a quotation mark: the paragraph is the content; the cue and source are
  those of the last reporting cue of the introducing line, else its colon and subject;
- transcript lines "NAME: what they said" (interviews, debates): the label is the source, the
  colon the cue. The label is in capitals ("WALLACE:") or two to four capitalised words
  ("Mike Pence:"); a short list of page furniture ("UPDATE:", "Editor's note:") is excluded.
"""
from __future__ import annotations

import re
from typing import Optional

from ..document import Span
from .base import Attribution
from .direct import MARKS
from .lexicon import quote_words
from .reported import CueHit, attribution_of, noun_phrase

LABEL_RE = re.compile(r"(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
                      r"|[A-Z][a-z.'’\-]+(?: [A-Z][a-z.'’\-]+){1,3}):\s+\S")
NOT_LABELS = quote_words()["not_label"]  # "Update:", "Photo:": no speaker's label


def colon_blocks(text: str, paras: list[Span], hits: list[CueHit], parse,
                 offset: int) -> list[Attribution]:
    """Paragraphs introduced by a line ending in a colon."""
    out = []
    for k in range(len(paras) - 1):
        intro, body = paras[k], paras[k + 1]
        if text[intro.end - 1] != ":" or text[body.start] in MARKS:
            continue
        if LABEL_RE.match(text, intro.start) and intro.end - intro.start < 40:
            continue  # a bare "NAME:" line is a transcript label, handled below
        hit = _last_hit(hits, intro)
        if hit is not None:
            out.append(attribution_of(hit, "block", body))
            continue
        subject = subject_before(parse, offset, intro.end - 1)
        if subject is not None:
            out.append(Attribution("block", body, Span(intro.end - 1, intro.end),
                                   noun_phrase(subject, offset), subject))
    return out


def transcript_blocks(text: str, paras: list[Span]) -> list[Attribution]:
    """Paragraphs that open with a speaker label: "PENCE: Well, look, ..."."""
    out = []
    for para in paras:
        start = para.start + 1 if text[para.start] in MARKS else para.start
        m = LABEL_RE.match(text, start, para.end)
        if m is None:
            continue
        colon = text.index(":", start)
        label = text[start:colon]
        if label.lower() in NOT_LABELS or len(label) < 2:
            continue
        content = Span(colon + 1, para.end)
        while text[content.start].isspace():
            content = Span(content.start + 1, content.end)
        if start > para.start and text[content.end - 1] in MARKS:
            content = Span(content.start, content.end - 1)
        out.append(Attribution("block", content, Span(colon, colon + 1),
                               Span(start, colon), None))
    return out


def _last_hit(hits: list[CueHit], intro: Span) -> Optional[CueHit]:
    inside = [h for h in hits if intro.start <= h.cue.start < intro.end and h.kind != "according"]
    return inside[-1] if inside else None


def subject_before(parse, offset: int, colon: int):
    """The subject of the sentence that ends with the colon at `colon`."""
    if parse is None:
        return None
    for sent in parse.sents:
        if sent.start_char + offset <= colon < sent.end_char + offset:
            root = sent.root
            return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None
