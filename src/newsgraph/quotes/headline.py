"""Headline quotes: "Pence: Trump Was 'Mocking' Clinton Camp" (a name before a colon),
"Flynn Says Trump Was Right" and "Trump Was Right, Flynn Says" (a reporting verb of the lexicon
between a short source and the content)."""
from __future__ import annotations

import re

from ..document import Document, Span
from .base import Attribution
from .lexicon import load_lexicon


HEADLINE_SOURCE_WORDS = 6  # "Former White House Doctor Says": a headline source is short


def headline_quote(doc: Document) -> list[Attribution]:
    """A headline "Pence: Trump Was ‘Mocking’ Clinton Camp" attributes its second part to the
    name before the colon (two to five capitalised words, or one that is a known entity);
    "Flynn Says Trump Was Right" and "Trump Was Right, Flynn Says" to the words before (after)
    the reporting verb (`_headline_says`)."""
    if doc.headline is None:
        return []
    text = doc.text
    line = text[doc.headline.start:doc.headline.end]
    colon = line.find(": ")
    if colon <= 0 or colon > 50:
        return _headline_says(doc)
    label = line[:colon].split()
    if not label or len(label) > 5 or not all(w[:1].isupper() for w in label):
        return []
    start = doc.headline.start
    if not any(m.start < start + colon and m.end > start for e in doc.entities
               if e.label in ("PERSON", "ORG", "NORP") for m in e.mentions):
        return []  # "Stealth Over Health: ..." is a headline pun, not a speaker
    content = Span(start + colon + 2, doc.headline.end)
    while content.end > content.start and text[content.end - 1] in " .":
        content = Span(content.start, content.end - 1)
    if len(content) < 8:
        return []
    return [Attribution("indirect", content, Span(start + colon, start + colon + 1),
                        Span(start, start + colon))]


HEADLINE_WORD_RE = re.compile(r"\b[A-Za-z]+\b")


def _headline_lemma(word: str) -> str:
    """A headline verb's lemma candidates folded to the lexicon form: Says, Warn, Denies, Said."""
    w = word.lower()
    forms = [w, w[:-1] if w.endswith("s") else None, w[:-2] if w.endswith("es") else None,
             w[:-3] + "y" if w.endswith("ies") else None, "say" if w == "said" else None,
             w[:-2] if w.endswith("ed") else None, w[:-1] if w.endswith("ed") else None]
    verbs = load_lexicon().verbs
    return next((f for f in forms if f and f in verbs), "")


def _headline_says(doc: Document) -> list[Attribution]:
    """ "Obama Says Museum Will Tell of ..." / "Clinton Hid Health Problems, Doctor Says": the
    present-tense (or past) reporting verb of the lexicon splits a headline into source and
    content; the source is at most a few words and holds no verb of its own."""
    text, head = doc.text, doc.headline
    line = text[head.start:head.end]
    verbs = load_lexicon().verbs
    for m in HEADLINE_WORD_RE.finditer(line):
        lemma = _headline_lemma(m.group(0))
        if not lemma or verbs[lemma] == "believe" or lemma in ("show", "find", "learn"):
            continue
        before, after = line[:m.start()].rstrip(), line[m.end():].strip()
        cue = Span(head.start + m.start(), head.start + m.end())
        if "," in before and after.strip(" .") == "":  # "Content, Doctor Says."
            comma = before.rfind(",")
            name = before[comma + 1:].strip()
            if not 0 < len(name.split()) <= HEADLINE_SOURCE_WORDS:
                return []
            src_start = head.start + line.index(name, comma + 1)
            content = Span(head.start, head.start + comma)
        elif 0 < len(before.split()) <= HEADLINE_SOURCE_WORDS and "," not in before \
                and len(after.split()) >= 3:
            name, src_start = before, head.start
            content = Span(head.start + line.index(after, m.end()), head.end)
        else:
            continue
        while content.end > content.start and text[content.end - 1] in " .":
            content = Span(content.start, content.end - 1)
        return [Attribution("indirect", content, cue,
                            Span(src_start, src_start + len(name)))]
    return []
