"""The quotes stage: who said what, and through whom.

What a quote is: `Quote(kind, content, cue, source, speaker, via)` (CONTRACT.md); `kind` is
direct (inside quotation marks), mixed (a paraphrase carrying quoted words), indirect (reported
speech), or block (a paragraph quoted without marks).

How we find them, in one pass over the parse and the paragraphs (`newsgraph.quotes`):

1. quotation-mark spans from the text (`direct.find_quoted_spans`) and reporting cues from the
   parse (`reported.find_cue_hits`);
2. each quotation claims the cue right after it (",” he said") or right before it ("he said:
   “"); a quotation inside the reported clause of its cue makes a mixed quote; a quotation
   broken by its cue is one quote over both parts; a paragraph-opening quotation with no cue
   continues the speaker of the quote before it; short quoted words with no cue are not quotes
   (scare quotes, titles);
3. the cues left over give indirect (or mixed) quotes; each cue's chain of intermediaries
   (`chains`: "told Reuters", "in an interview with", "said on state TV", "quoted by",
   "citing", "according to", a cue relayed by another) becomes its quotes' `via`;
4. block quotes (`block`), then speakers (`sources.resolve_speakers`).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..document import Document, Quote, Span, Via
from ..quotes.base import Attribution
from ..quotes.block import subject_before, colon_blocks, transcript_blocks
from ..quotes.chains import attach_intermediaries
from ..quotes.direct import MARKS, QuotedSpan, find_quoted_spans, paragraphs
from ..quotes.headline import headline_quote
from ..quotes.lexicon import load_lexicon, quote_words
from ..span_index import SpanIndex
from ..quotes.reported import CueHit, attribution_of, find_cue_hits, noun_phrase
from ..quotes.sources import MentionIndex, entity_at, resolve_speakers
from . import stage

AFTER_GAP = 80  # max characters between a closing mark and its cue (",” the minister said")
BEFORE_GAP = 160  # max characters between a cue and the opening mark it introduces
MIN_UNCUED_WORDS = 6  # a quotation with no cue shorter than this is a scare quote or title
CONTINUATION_PARAGRAPHS = 2  # how far back a cue-less paragraph quote finds its speaker
SENTENCE_END_RE = re.compile(r"(\S*)[.!?]\s")


class _SentenceEnd:
    """A sentence end inside a gap: ". " after a word that is not an abbreviation ("Rep.",
    "U.S.", "Gov.")."""

    @staticmethod
    def search(gap: str) -> bool:
        for m in SENTENCE_END_RE.finditer(gap):
            word = m.group(1)
            if m.group(0)[-2] == "." and (("." in word) or (word[:1].isupper() and len(word) <= 4)
                                          or len(word) == 1):
                continue
            return True
        return False


SENTENCE_END = _SentenceEnd()


@stage("quotes", requires=("text", "body", "headline", "parse", "parse_offset", "entities"),
       assigns=("quotes",))
def find_quotes(doc: Document) -> Document:
    """Find every quote of the body, with its cue, source, speaker and chain: Q1, Q2, ..."""
    if doc.parse is None or doc.body is None:
        return doc
    text, lexicon = doc.text, load_lexicon()
    paras = paragraphs(text, doc.body.start, doc.body.end)
    hits = clip_to_paragraphs(find_cue_hits(doc.parse, doc.parse_offset, lexicon), paras,
                              doc.parse_offset)
    hits = attach_intermediaries(hits, doc)
    transcript = transcript_blocks(text, paras)
    quoted = [q for q in join_adjacent(text, find_quoted_spans(text, doc.body.start, doc.body.end))
              if not any(t.content.start <= q.content.start < t.content.end for t in transcript)]
    used: set[int] = set()  # ids of hits a direct quote claimed
    atts = transcript + attach_quotations(doc, paras, quoted, hits, used)
    atts += headline_quote(doc)
    atts += block_quotes(doc, paras, hits, atts)
    atts += reported_quotes(hits, quoted, used, [a.content for a in atts if a.kind == "block"])
    resolve_speakers(doc, atts)
    doc.quotes = to_quotes(doc, sorted(atts, key=lambda a: (a.content.start, a.content.end)))
    return doc


def clip_to_paragraphs(hits: list[CueHit], paras: list[Span], offset: int) -> list[CueHit]:
    """Keep the cues of the body, each with its content and source inside the cue's paragraph:
    the parser may run a sentence over a paragraph break (a headline into the first line)."""
    out = []
    starts = [p.start for p in paras]
    for h in hits:
        i = bisect.bisect_right(starts, h.cue.start) - 1
        if i < 0 or h.cue.start >= paras[i].end:
            continue
        para = paras[i]
        if h.content is not None:
            h.content = _clip(h.content, para)
        if h.source is not None and not (para.start <= h.source.start < para.end):
            h.source = _clip(h.source, para)
            if h.source is None or not (para.start <= h.source_token.idx + offset < para.end
                                        if hasattr(h.source_token, "idx") else True):
                h.source_token = noun_before(h.token, para.start - offset)
                h.source = noun_phrase(h.source_token, offset) if h.source_token is not None \
                    else None
        if h.source is None and h.kind in ("verb", "object", "intro") and h.token.dep_ != "xcomp" \
                and not any(c.dep_ == "auxpass" for c in h.token.children):  # "It was reported"
            h.source_token = noun_before(h.token, para.start - offset)
            h.source = noun_phrase(h.source_token, offset) if h.source_token is not None else None
        if h.cited is not None:
            h.cited = _clip(h.cited, para)
        out.append(h)
    return out


def noun_before(cue, start: int):
    """The head of the noun phrase right before a cue in its paragraph ("The South Korean
    Defense Ministry [also] warned"), when the parse put the subject elsewhere."""
    i = cue.i - 1
    doc = cue.doc
    while i >= 0 and doc[i].idx >= start and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0 and doc[i].idx >= start and doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
        return doc[i]
    return None


def _clip(span: Span, para: Span) -> Optional[Span]:
    start, end = max(span.start, para.start), min(span.end, para.end)
    return Span(start, end) if end > start else None


# ---------------------------------------------------------------------------------------------
# Quotations and their cues


def attach_quotations(doc: Document, paras: list[Span], quoted: list[QuotedSpan],
                      hits: list[CueHit], used: set[int]) -> list[Attribution]:
    """Direct and mixed quotes: each quotation with the cue next to it."""
    text = doc.text
    out: list[Attribution] = []
    verbs = [h for h in hits if h.kind in ("verb", "intro")]
    stance = [h for h in hits if h.kind in ("verb", "intro", "object")]
    previous: Optional[Attribution] = None
    previous_para = -10
    para_index = {p.start: i for i, p in enumerate(paras)}
    sentences = {}
    for h in verbs:
        sentences.setdefault(h.sentence, []).append(h)
    for n, q in enumerate(quoted):
        before_limit = quoted[n - 1].end if n else 0
        after_limit = quoted[n + 1].start if n + 1 < len(quoted) else len(text)
        if _is_title(text, q):
            continue
        hit = _cue_after(text, q, verbs, after_limit) or _cue_before(text, paras, q, stance,
                                                                     before_limit) \
            or (_cue_in_sentence(q, verbs, sentences) if _words(text, q) >= 3 else None) \
            or _colon_cue(doc, q)
        here = para_index.get(q.paragraph.start, -1)
        if out and out[-1].kind == "mixed" and out[-1].content.start <= q.start \
                and q.content.end <= out[-1].content.end:
            continue  # a second quoted fragment of the same paraphrase
        if hit is not None:
            if hit.content is None or (hit.content.start <= q.end and q.start <= hit.content.end):
                used.add(id(hit))  # else the cue's own clause is still an indirect quote
            att = _from_hit(text, q, hit)
            if previous is not None and previous.cue == att.cue and previous.kind == "direct" \
                    and att.kind == "direct":
                previous.parts.append(q.content)  # "“A,” he said, “but B.”": one quote
                previous.content = Span(previous.content.start, q.content.end)
                continue
            out.append(att)
        elif previous is not None and previous.kind == "direct" and previous.cue is not None \
                and previous.cue.start > previous.content.end and previous.cue.start < q.start \
                and q.paragraph == _para_of(paras, previous.cue.start) \
                and not any(a.content.start > previous.content.end for a in out[-1:]
                            if a is not previous):
            previous.parts.append(q.content)  # "“A,” said Caddell. “B.”": one quote, two parts
            previous.content = Span(previous.content.start, q.content.end)
            continue
        elif q.opens_paragraph and previous is not None and previous.source is not None \
                and 0 < here - previous_para <= CONTINUATION_PARAGRAPHS and _words(text, q) >= 3:
            att = Attribution("direct", q.content, None, previous.source, previous.source_token,
                              carried=True)
            out.append(att)
        elif (q.closed or q.opens_paragraph) and _words(text, q) >= MIN_UNCUED_WORDS \
                and _sentence_like(text, q):
            att = Attribution("direct", q.content)
            out.append(att)
        else:
            continue
        previous, previous_para = att, para_index.get(_para_of(paras, q.end - 1).start, here)
    return out


def join_adjacent(text: str, quoted: list[QuotedSpan]) -> list[QuotedSpan]:
    """One quotation for runs separated only by spaces and punctuation ("“A,” “B,” he said")."""
    out: list[QuotedSpan] = []
    for q in quoted:
        prev = out[-1] if out else None
        if prev is not None and prev.closed and q.start - prev.end <= 3 \
                and not any(c.isalnum() or c == "\n" for c in text[prev.end:q.start]):
            out[-1] = QuotedSpan(prev.start, q.end, Span(prev.content.start, q.content.end),
                                 q.closed, prev.opens_paragraph, prev.paragraph,
                                 prev.paragraphs + q.paragraphs - 1)
        else:
            out.append(q)
    return out


def _is_title(text: str, q: QuotedSpan) -> bool:
    """A short quotation in title case ("“Fox News Sunday,”", "“Shark Tank”") names a work."""
    words = text[q.content.start:q.content.end].strip(" ,.").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) \
        and not q.opens_paragraph


def _words(text: str, q: QuotedSpan) -> int:
    return len(text[q.content.start:q.content.end].split())


def _sentence_like(text: str, q: QuotedSpan) -> bool:
    """A quotation that reads as speech: it opens its sentence or ends in sentence punctuation."""
    inner = text[q.content.start:q.content.end].rstrip()
    return q.opens_paragraph or inner[-1:] in ".,!?" or SENTENCE_END.search(inner)


def _para_of(paras: list[Span], pos: int) -> Span:
    for p in paras:
        if p.start <= pos < p.end + 1:
            return p
    return paras[-1]


def _cue_after(text: str, q: QuotedSpan, verbs: list[CueHit], limit: int) -> Optional[CueHit]:
    """The cue right after the closing mark: `,” he said`, `,” said Smith`, `” Smith added.`"""
    if not q.closed:
        return None
    for h in verbs:
        if h.cue.start < q.end:
            continue
        if h.cue.start > min(limit, q.end + AFTER_GAP):
            break
        gap = text[q.end:h.cue.start]
        if "\n" in gap or any(c in MARKS for c in gap) or SENTENCE_END.search(gap):
            break
        if h.source is not None and h.source.start < q.start:
            continue  # "Smith said “...” and added" - that cue's subject is before the quote
        if _has_object(h):
            break  # "“...” Neither side has announced any deals": not a reporting cue here
        if h.content is not None and not h.from_object and h.content.start > h.cue.end \
                and not _inside(h.content, q) \
                and not text[q.content.start:q.content.end].rstrip().endswith((",", "?", "!")):
            continue  # "“Fox News Sunday,” Pence said that ...": the cue reports its own clause
        return h
    return None


# cue verbs whose object is a listener or a medium ("told reporters"): knowledge/quote_words.tsv
OBJECT_VERBS = quote_words()["object_verb"]


def _has_object(h: CueHit) -> bool:
    """The cue verb takes a direct object of its own (not a listener: "told reporters")."""
    if h.token.lemma_.lower() in OBJECT_VERBS:
        return False
    return any(c.dep_ in ("dobj", "obj") and c.i > h.token.i for c in h.token.children)


def _cue_before(text: str, paras: list[Span], q: QuotedSpan, verbs: list[CueHit],
                limit: int) -> Optional[CueHit]:
    """The cue before the opening mark: `he said: “`, `Smith told reporters that “...”`, or the
    last cue of a preceding paragraph that ends in a colon."""
    best = None
    for h in verbs:
        if h.cue.end > q.start:
            break
        if h.cue.start < limit or h.cue.end < q.start - BEFORE_GAP:
            continue
        gap = text[h.cue.end:q.start]
        if any(c in MARKS for c in gap) or SENTENCE_END.search(gap):
            continue
        if "\n" in gap and not gap.rstrip().endswith(":"):
            continue
        if h.content is not None and not h.from_object \
                and not (h.content.start <= q.end and q.start <= h.content.end):
            continue  # the cue reports a clause that does not hold the quotation
        best = h
    return best


def _colon_cue(doc: Document, q: QuotedSpan) -> Optional[CueHit]:
    """ "X scolded him: “...”" or a paragraph ending "made the following comment:" before the
    quotation: the colon is the cue, the subject of its sentence the source."""
    text = doc.text
    pos = q.start - 1
    while pos > 0 and text[pos].isspace():
        pos -= 1
    if pos <= 0 or text[pos] != ":" or doc.parse is None:
        return None
    subject = subject_before(doc.parse, doc.parse_offset, pos)
    if subject is None:
        return None
    hit = CueHit(subject, Span(pos, pos + 1), "colon", noun_phrase(subject, doc.parse_offset),
                 subject)
    return hit


def _cue_in_sentence(q: QuotedSpan, verbs: list[CueHit], sentences) -> Optional[CueHit]:
    """The last cue with a source before the quotation in its sentence ("Peskov confirmed that
    the account was correct, and Putin “accepted the invitation”")."""
    for sentence, hits in sentences.items():
        if sentence.start <= q.start < sentence.end:
            before = [h for h in hits if h.cue.end <= q.start and h.source is not None
                      and h.kind == "verb"
                      and not any(x.start <= q.start < x.end for x in h.excluded)]
            return before[-1] if before else None
    return None


def _inside(outer: Span, q: QuotedSpan) -> bool:
    return outer.start <= q.end and q.start <= outer.end


def _from_hit(text: str, q: QuotedSpan, hit: CueHit) -> Attribution:
    """A direct quote, or a mixed one when the cue's clause holds more than the quotation."""
    kind, content = "direct", q.content
    c = hit.content
    if c is not None and c.start < q.start and c.end >= q.start and hit.cue.end <= q.start:
        outside = text[c.start:q.start] + " " + text[q.end:c.end]
        words = [w for w in outside.split() if any(ch.isalnum() for ch in w)
                 and w.lower() not in ("that", "as", "was", "is")]
        if len(words) >= 1:
            kind, content = "mixed", Span(c.start, max(c.end, q.content.end))
    return attribution_of(hit, kind, content)


# ---------------------------------------------------------------------------------------------
# Reported speech


def reported_quotes(hits: list[CueHit], quoted: list[QuotedSpan], used: set[int],
                    blocks: list[Span]) -> list[Attribution]:
    """Indirect and mixed quotes from the cues no quotation claimed (and outside block quotes,
    whose words are the quoted source's, not the article's)."""
    out: list[Attribution] = []
    contents = SpanIndex([h.content for h in hits])  # looked up near each cue, not scanned
    quotations = SpanIndex(quoted)
    for h in hits:
        if id(h) in used or h.kind == "intro" or h.content is None:
            continue
        if any(b.start <= h.cue.start < b.end for b in blocks):
            continue
        if (h.kind == "object" or h.from_object) and any(
                o is not h and o.kind == "verb" and o.content is not None
                and o.content.start <= h.cue.start < o.content.end
                for o in (hits[k] for k in contents.around(h.cue.start))):
            continue  # a stance verb inside reported speech is part of what was reported
        if any(q.start < h.cue.start < q.end for q in (quoted[k] for k in quotations.around(h.cue.start))):
            continue  # a cue inside a quotation is the speaker's own report
        inner = [q for q in (quoted[k] for k in quotations.starting_in(h.content.start, h.content.end + 1))
                 if h.content.start <= q.start and q.end <= h.content.end + 1]
        out.append(attribution_of(h, "mixed" if inner else "indirect", h.content))
    return out


# ---------------------------------------------------------------------------------------------
# Block quotes and the record


def block_quotes(doc: Document, paras: list[Span], hits: list[CueHit],
                 atts: list[Attribution]) -> list[Attribution]:
    """Block quotes whose paragraph no other quote already covers."""
    blocks = colon_blocks(doc.text, paras, hits, doc.parse, doc.parse_offset)
    blocks += transcript_blocks(doc.text, paras)
    taken = [a.content for a in atts]
    return [b for b in blocks
            if not any(t.start < b.content.end and b.content.start < t.end for t in taken)]


def to_quotes(doc: Document, atts: list[Attribution]) -> list[Quote]:
    """Contract quotes Q1, Q2, ... with `via` resolved to entities."""
    index = MentionIndex(doc)
    quotes = []
    for n, a in enumerate(atts, 1):
        via = [Via(entity_at(index, v), v.start, v.end) for v in a.via if v is not None]
        quote = Quote(f"Q{n}", a.kind, a.content, a.cue, a.source, a.speaker, via)
        if len(a.parts) > 1:  # a quotation broken by its cue: the quoted pieces, marks excluded
            quote.parts = list(a.parts)
        quotes.append(quote)
    return quotes
