"""Reporting cues in the dependency parse: who is said to say what.

For every sentence of the one spaCy parse, each token that is a cue of the lexicon becomes a
`CueHit`:

- a reporting verb ("said", "warned", "insisted", "reportedly explained") with its source (the
  subject, also after the verb: "said Smith"; for "X, who said" the noun the clause hangs on)
  and its content: the clausal complement ("that ..."), else the clause the cue interrupts or
  follows ("The talks, he said, will resume" / "..., officials said"), else the rest of the
  sentence after a "that" the parser attached elsewhere;
- "according to X": source X; content the clause the phrase belongs to, without the phrase;
- "citing X" on a reporting verb: X is the source behind the subject (the subject becomes `via`).

Offsets are into `Document.text` (token.idx + the parse offset). The hits are raw material:
the stage decides which become quotes (direct quotes claim the hits next to them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..document import Span
from .base import Attribution
from .lexicon import CueLexicon

CONTENT_DEPS = ("ccomp",)
BELIEF = frozenset({"believe", "think", "feel", "worry", "fear", "hope", "expect", "find",
                    "learn", "show", "indicate", "suggest", "conclude"})
PARENTHETICAL_DEPS = frozenset({"nsubj", "punct", "advmod", "npadvmod", "aux", "neg", "cc",
                                "dative", "prt", "prep"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_WORDS = frozenset({"who", "which", "that"})
SOURCE_STOP_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl", "prep"})
EXCLUDED_STOP = frozenset({"prep", "advmod", "npadvmod", "punct", "cc", "mark"})


@dataclass
class CueHit:
    """One reporting cue found in the parse (character spans into Document.text)."""

    token: object  # the spaCy token of the cue word
    cue: Span
    kind: str  # verb | intro | according | citing
    source: Optional[Span] = None
    source_token: object = None
    content: Optional[Span] = None
    cited: Optional[Span] = None  # "citing X": X
    cited_token: object = None
    sentence: Optional[Span] = None
    excluded: list[Span] = field(default_factory=list)  # phrases cut out of the content
    according: Optional["CueHit"] = None  # "he added, according to Tass": Tass is a via


def find_cue_hits(parse, offset: int, lexicon: CueLexicon) -> list[CueHit]:
    """Every reporting cue of the parsed text, in order."""
    hits: list[CueHit] = []
    for sent in parse.sents:
        sentence = Span(sent.start_char + offset, sent.end_char + offset)
        for tok in sent:
            hit = _cue_at(tok, lexicon, offset)
            if hit is not None:
                hit.sentence = sentence
                hits.append(hit)
    link_chains(hits)
    return hits


def link_chains(hits: list[CueHit]) -> None:
    """Attach each "according to X" that hangs on a reporting verb with its own source to that
    verb's hit (X becomes a `via`), and drop it as a cue of its own."""
    by_token = {h.token.i: h for h in hits if h.kind != "according"}
    keep = []
    for h in hits:
        owner = by_token.get(h.token.head.i) if h.kind == "according" else None
        if owner is not None and owner.source is not None:
            owner.according = h
        else:
            keep.append(h)
    hits[:] = keep


def _cue_at(tok, lexicon: CueLexicon, offset: int) -> Optional[CueHit]:
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return _according(tok, offset)
    if low in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl", "conj"):
        return None  # handled from the reporting verb it hangs on (see `_verb_hit`)
    if not tok.tag_.startswith("VB") or tok.dep_ in ("amod", "compound"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lexicon.verbs:
        return _verb_hit(tok, "verb", offset)
    if lemma in lexicon.intro_verbs:
        return _verb_hit(tok, "intro", offset)
    if lemma in lexicon.object_verbs:
        hit = _verb_hit(tok, "object", offset)
        if hit.content is None:
            hit.content = _object_content(tok, offset)
        return hit
    return None


OBJECT_DEPS = frozenset({"dobj", "obj", "xcomp", "oprd", "ccomp"})
OBJECT_PREPS = frozenset({"for", "on", "about", "to"})


def _object_content(tok, offset: int) -> Optional[Span]:
    """What a stance verb puts forward: its object, infinitive or "for/on/about" phrase
    ("called for a ban", "wants to triple the programme", "cited remarks Trump made")."""
    parts = [c for c in tok.rights if c.dep_ in OBJECT_DEPS
             or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and c.i == tok.i + 1)
             or (c.dep_ == "prep" and c.lower_ in ("to", "as") and c.i > tok.i + 1)]
    parts = [c for c in parts if c.dep_ != "prep" or any(g.dep_ == "pobj" for g in c.children)]
    if not parts:
        return None
    first = min(c.left_edge.i for c in parts)
    last = max(c.right_edge.i for c in parts)
    if tok.doc[first].dep_ == "prep":
        first += 1  # "called for a ban": the content is "a ban"
    return _trim(tok.doc[first:last + 1], offset)


def token_span(tokens, offset: int) -> Span:
    tokens = list(tokens)
    return Span(tokens[0].idx + offset, tokens[-1].idx + len(tokens[-1].text) + offset)


def subtree_span(tok, offset: int) -> Span:
    return Span(tok.left_edge.idx + offset,
                tok.right_edge.idx + len(tok.right_edge.text) + offset)


def noun_phrase(tok, offset: int) -> Span:
    """The phrase a noun heads, without relative clauses, trailing modifiers after a comma or
    conjuncts: "Top Kremlin spokesman Dmitry Peskov" of "..., who was present, ..."."""
    end = tok
    for child in tok.rights:
        if child.dep_ in SOURCE_STOP_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        end = child.right_edge
    start = tok.left_edge
    while start.i < tok.i and (start.is_space or "\n" in start.text_with_ws
                               or start.dep_ in ("prep", "pobj") and start.head.i < tok.i):
        start = start.doc[start.i + 1]  # never reach back over a paragraph break
    return Span(start.idx + offset, end.idx + len(end.text) + offset)


def _cue_span(tok, offset: int) -> Span:
    """The cue word with its particle ("pointed out")."""
    end = tok
    for child in tok.rights:
        if child.dep_ == "prt":
            end = child
    return Span(tok.idx + offset, end.idx + len(end.text) + offset)


def find_subject(verb):
    """The token naming who speaks for a reporting verb, or None."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_WORDS and verb.dep_ in ("relcl", "acl"):
                return verb.head
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return find_subject(verb.head)
    if verb.dep_ == "acl":  # "Peskov, who was present for the talks, confirmed" misparsed
        for anc in verb.ancestors:  # as a clause on "talks": the noun the relative clause is on
            if anc.dep_ == "relcl" and anc.head.pos_ in ("PROPN", "NOUN"):
                return anc.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "pobj"):
        return find_subject(verb.head.head) if verb.head.head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head
    if verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return find_subject(verb.head)  # "..., adding that", "wants to claim"
    return None


def _verb_hit(tok, kind: str, offset: int) -> CueHit:
    hit = CueHit(tok, _cue_span(tok, offset), kind)
    subj = find_subject(tok)
    if subj is not None and subj.pos_ not in ("VERB", "AUX"):
        hit.source_token = subj
        hit.source = noun_phrase(subj, offset)
    _find_cited(tok, offset, hit)
    hit.content = _verb_content(tok, offset, hit)
    c = hit.content
    if c is not None and c.start < hit.cue.start < c.end:  # a misparse ran over the cue itself
        c = hit.content = _skip_to_word(tok.doc, offset, hit.cue.end, c.end)
    if c is not None:
        for cut in hit.excluded:  # "reported, citing sources, that ...": not part of the content
            if c.start <= cut.start < c.start + 40 and cut.end < c.end:
                c = hit.content = _skip_to_word(tok.doc, offset, cut.end, c.end)
    return hit


def _find_cited(tok, offset: int, hit: CueHit) -> None:
    """ "X reported, citing Y, ...": Y is the source behind X (found right after the verb, as
    the parser may hang "citing" on another clause)."""
    sent = tok.sent
    for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 8)]:
        if t.lower_ in ("citing", "quoting"):
            cited = next((c for c in t.children if c.dep_ in ("dobj", "pobj", "obj")), None)
            if cited is not None:
                hit.cited, hit.cited_token = noun_phrase(cited, offset), cited
                end = max(cited.right_edge.i, t.i)
                hit.excluded.append(token_span(tok.doc[t.i:end + 1], offset))
            return
        if t.tag_ in FINITE:
            return


def _skip_to_word(doc, offset: int, start: int, end: int) -> Optional[Span]:
    """The span from the first word token at or after `start` (a text offset) to `end`."""
    for t in doc:
        if t.idx + offset >= start and not t.is_punct:
            return Span(t.idx + offset, end) if t.idx + offset < end else None
    return None


def _verb_content(tok, offset: int, hit: CueHit) -> Optional[Span]:
    comps = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
    if comps:
        first = min(c.left_edge.i for c in comps)
        last = max(c.right_edge.i for c in comps)
        return _trim(tok.doc[first:last + 1], offset)
    # "..., officials said" / "The talks, he said, will resume": the cue hangs on the clause.
    if hit.kind == "verb" and tok.dep_ in ("parataxis", "advcl", "ccomp") \
            and tok.head.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in BELIEF \
            and all(c.dep_ in PARENTHETICAL_DEPS for c in tok.children):
        head = tok.head
        own = range(tok.left_edge.i, tok.right_edge.i + 1)
        before = [t for t in head.subtree if t.i < own.start]
        after = [t for t in head.subtree if t.i > own.stop - 1]
        subj = hit.source_token
        if subj is not None and any(t.i == subj.i for t in before):
            before = []  # the clause holding the speaker is not what they said
        part = before if len(before) >= len(after) else after
        if part:
            return _trim(part, offset)
    # "X confirmed Thursday that ...", "X explained, in comments, that ...": the clause the
    # parser attached elsewhere runs from "that" to the end of the sentence.
    sent = tok.sent
    for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 12)]:
        if t.lower_ == "that" and t.i + 3 < sent.end and not (
                t.dep_ == "det" and t.head.i == t.i + 1 and t.head.pos_ == "NOUN"
                and t.head.dep_ in ("dobj", "pobj")):
            return _trim(tok.doc[t.i:sent.end], offset)
        if t.tag_ in FINITE or t.is_sent_end or t.text in (";", ":") or t.is_quote:
            break
    return None


def _trim(tokens, offset: int) -> Optional[Span]:
    """The span of a run of tokens without punctuation (bar quotation marks) at either end."""
    tokens = list(tokens)
    while tokens and tokens[-1].is_punct and not tokens[-1].is_quote:
        tokens.pop()
    while tokens and tokens[0].is_punct and not tokens[0].is_quote:
        tokens.pop(0)
    if not tokens:
        return None
    return token_span(tokens, offset)


def _according(tok, offset: int) -> Optional[CueHit]:
    to = tok.doc[tok.i + 1]
    obj = next((c for c in to.children if c.dep_ in ("pobj", "obj")), None)
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ in ("pobj", "obj")), None)
    if obj is None:
        return None
    hit = CueHit(tok, Span(tok.idx + offset, to.idx + len(to.text) + offset), "according")
    hit.source_token = obj
    hit.source = noun_phrase(obj, offset)
    phrase = range(tok.i, max(obj.right_edge.i, to.i) + 1)
    sent = tok.sent
    rest_before = [t for t in sent if t.i < phrase.start]
    rest_after = [t for t in sent if t.i >= phrase.stop]
    part = rest_after if len(rest_after) >= len(rest_before) else rest_before
    hit.content = _trim(part, offset)
    return hit


def attribution_of(h: CueHit, kind: str, content: Span) -> Attribution:
    """An attribution with the hit's cue, source and chain: "Yonhap reported, citing sources"
    has the sources as source and Yonhap as via; "according to Tass" on the cue adds Tass."""
    source, token, via = h.source, h.source_token, []
    if h.cited is not None:
        source, token, via = h.cited, h.cited_token, [h.source] if h.source else []
    if h.according is not None and h.according.source is not None:
        via.append(h.according.source)
    return Attribution(kind, content, h.cue, source, token, via=via)
