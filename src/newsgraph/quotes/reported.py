"""Reporting cues in the dependency parse: who is said to say what.

For every sentence of the one spaCy parse, each token that is a cue of the lexicon becomes a
`CueHit`:

- a reporting verb ("said", "warned", "insisted", "reportedly explained") with its source (the
  subject, also after the verb: "said Smith"; for "X, who said" the noun the clause hangs on)
  and its content: the clausal complement ("that ..."), else the clause the cue interrupts or
  follows ("The talks, he said, will resume" / "..., officials said"), else the rest of the
  sentence after a "that" the parser attached elsewhere;
- "according to X": source X; content the clause the phrase belongs to, without the phrase;
- "citing X" on a reporting verb: X is the source behind the subject (the subject relays it).

Who relays the words (`via`) is `quotes.chains`' job: it links "according to X" to the cue it
hangs on, and fills each hit's chain.

Offsets are into `Document.text` (token.idx + the parse offset). The hits are raw material:
the stage decides which become quotes (direct quotes claim the hits next to them).
"""
from __future__ import annotations

import bisect
import weakref

from dataclasses import dataclass, field
from typing import Optional

from ..document import Span
from .base import Attribution
from .lexicon import CueLexicon, quote_words

CONTENT_DEPS = ("ccomp",)
BELIEF = quote_words()["belief"]
PARENTHETICAL_DEPS = frozenset({"nsubj", "punct", "advmod", "npadvmod", "aux", "neg", "cc",
                                "dative", "prt", "prep"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_WORDS = frozenset({"who", "which", "that"})
SOURCE_STOP_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl", "prep"})
# "The poll shows Democrats ahead": verbs of evidence report an object only when their
# subject is a record of some kind (not "supporters show signs of enthusiasm").
EVIDENCE_VERBS = quote_words()["evidence_verb"]
EVIDENCE_NOUNS = quote_words()["evidence_noun"]
EXCLUDED_STOP = frozenset({"prep", "advmod", "npadvmod", "punct", "cc", "mark"})
CITING = ("citing", "quoting")


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
    from_object: bool = False  # the content is the verb's object ("noted the rule"), no clause
    media: list[Span] = field(default_factory=list)  # intermediaries the cue names (chains.py)
    relay: Optional["CueHit"] = None  # the outer cue whose source relays this one's words
    via: list[Span] = field(default_factory=list)  # the whole chain, outermost last (chains.py)


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
    return hits


def _cue_at(tok, lexicon: CueLexicon, offset: int) -> Optional[CueHit]:
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return _according(tok, offset)
    if low in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl", "conj"):
        return _citing_reason(tok, lexicon, offset)
    if tok.pos_ == "NOUN" and lexicon.nouns and tok.lemma_.lower() in lexicon.nouns:
        return _noun_hit(tok, offset)
    if not tok.tag_.startswith("VB") or tok.dep_ in ("amod", "compound"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lexicon.verbs:
        hit = _verb_hit(tok, "verb", offset, lexicon)
        if hit.content is None and hit.source is not None and lemma in lexicon.object_verbs_ok \
                and _active(tok) and (lemma not in EVIDENCE_VERBS
                                      or hit.source_token.lemma_.lower() in EVIDENCE_NOUNS):
            hit.content = _noun_object(tok, offset)
            hit.from_object = hit.content is not None
        return hit
    if lemma in lexicon.intro_verbs:
        return _verb_hit(tok, "intro", offset, lexicon)
    if lemma in lexicon.object_verbs:
        hit = _verb_hit(tok, "object", offset, lexicon)
        if hit.content is None:
            hit.content = _object_content(tok, offset)
        return hit
    return None


# What a "citing X" can name as the source behind a report, besides names and the anonymous
# source nouns of `anonymous_sources.tsv`: records and outlets ("citing a report").
SOURCE_RECORDS = quote_words()["source_record"]


def source_like(tok, lexicon: CueLexicon) -> bool:
    """Whether the object of "citing"/"quoting" names who reported (a name, "sources", "a
    senior official", "a report") rather than a reason ("citing the cost of the program")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or lemma in lexicon.anonymous or low in lexicon.anonymous or lemma in SOURCE_RECORDS


def _citing_reason(tok, lexicon: CueLexicon, offset: int) -> Optional[CueHit]:
    """ "The court blocked the sale, citing a threat to public health": the reason cited is
    what the subject of the clause put forward (a cue of its own). "citing sources" is left to
    the reporting verb it hangs on (`_find_cited`)."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj", "obj")), None)
    if obj is None or source_like(obj, lexicon):
        return None
    reporter = next((a for a in tok.ancestors if a.pos_ == "VERB"
                     and a.lemma_.lower() in lexicon.verbs), None)
    subj = find_subject(reporter if reporter is not None else tok)  # "X said ..., citing"
    if subj is None or subj.pos_ in ("VERB", "AUX"):
        return None
    hit = CueHit(tok, Span(tok.idx + offset, tok.idx + len(tok.text) + offset), "object")
    hit.source_token, hit.source = subj, noun_phrase(subj, offset)
    hit.content = _trim(tok.doc[obj.left_edge.i:obj.right_edge.i + 1], offset)
    return hit


def _noun_hit(tok, offset: int) -> Optional[CueHit]:
    """ "Trump's claim that there were thousands of shootings", "the warning by the agency that
    ...": a noun of saying with a "that" clause (not a relative clause: "the claim that he
    made") and a possessor or "by/from" phrase that names who put it forward."""
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "appos")
                   and c.pos_ in ("VERB", "AUX") and c.left_edge.lower_ == "that"
                   and c.left_edge.dep_ == "mark"), None)
    if clause is None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   and c.i < clause.i), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if source is None:
        return None
    hit = CueHit(tok, Span(tok.idx + offset, tok.idx + len(tok.text) + offset), "noun")
    hit.source_token, hit.source = source, noun_phrase(source, offset)
    if source.dep_ == "poss":  # "Trump's": the name without the possessive ending
        end = max((t for t in source.subtree if t.dep_ != "case"), key=lambda t: t.i)
        hit.source = Span(hit.source.start, end.idx + len(end.text) + offset)
    hit.content = _trim(tok.doc[clause.left_edge.i:clause.right_edge.i + 1], offset)
    return hit


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


def _active(tok) -> bool:
    """Not a passive ("the accord is expected to ..."): its subject is no speaker."""
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _noun_object(tok, offset: int) -> Optional[Span]:
    """What a reporting verb with no clause reports: its object ("acknowledged the risks",
    "noted the rule", "pledged to cut taxes"); not a bare pronoun ("said it", "said this"),
    which points at a quotation or a clause elsewhere."""
    content = _object_content(tok, offset)
    if content is None:
        return None
    words = [t for t in tok.doc[tok.i + 1:tok.sent.end] if t.idx + offset >= content.start
             and t.idx + offset < content.end and not t.is_punct]
    if len(words) <= 1 and (not words or words[0].pos_ in ("PRON", "DET")):
        return None
    return content


def token_span(tokens, offset: int) -> Span:
    tokens = tokens if hasattr(tokens, "__getitem__") else list(tokens)
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
    """The token naming who speaks for a reporting verb, or None. Of two subjects the parser
    gave one verb ("Strikes killed 12 people, the ministry said"), the nearer one speaks."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        before = [c for c in subjects if c.i < verb.i]
        subjects = before[-1:] or subjects
    for child in subjects:
        if child.lower_ in RELATIVE_WORDS and verb.dep_ in ("relcl", "acl"):
            return verb.head
        if child.lower_ == "it" and child.dep_ == "nsubjpass" and any(
                c.dep_ == "ccomp" for c in verb.children):
            return None  # "It was reported that ...": nobody is named
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


def _verb_hit(tok, kind: str, offset: int, lexicon: Optional[CueLexicon] = None) -> CueHit:
    hit = CueHit(tok, _cue_span(tok, offset), kind)
    subj = find_subject(tok)
    if subj is not None and subj.pos_ not in ("VERB", "AUX"):
        hit.source_token = subj
        hit.source = noun_phrase(subj, offset)
    _find_cited(tok, offset, hit, lexicon)
    hit.content = _verb_content(tok, offset, hit)
    c = hit.content
    if c is not None and c.start < hit.cue.start < c.end:  # a misparse ran over the cue itself
        c = hit.content = _skip_to_word(tok.doc, offset, hit.cue.end, c.end)
    if c is not None:
        for cut in hit.excluded:  # "reported, citing sources, that ...": not part of the content
            if c.start <= cut.start < c.start + 40 and cut.end < c.end:
                c = hit.content = _skip_to_word(tok.doc, offset, cut.end, c.end)
    if c is not None:  # "... the talks failed, citing the cost": the reason is not the content
        doc = tok.doc
        for i in _citing_after(doc, tok.i, tok.sent.end):
            t = doc[i]
            if t.idx + offset >= c.end:
                break  # tokens are in text order: none further is inside the content
            if t.idx + offset > c.start and t.i > 0 and t.nbor(-1).text == ",":
                hit.content = _trim(doc[_index_at(doc, c.start, offset):t.i], offset)
                break
    return hit


def _citing_after(doc, after: int, end: int) -> list[int]:
    """Indices of the "citing"/"quoting" tokens between `after` and `end`, from an index of
    the doc made once (a walk from every cue to the end of its sentence would cost the square
    of a sentence of thousands of cues)."""
    found = _CITING.get(doc)
    if found is None:
        found = _CITING[doc] = [t.i for t in doc if t.lower_ in ("citing", "quoting")]
    return found[bisect.bisect_right(found, after):bisect.bisect_left(found, end)]


# per parse, held only while the parse lives (not in doc.user_data: the stage must not change
# the parse it reads)
_CITING: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _index_at(doc, start: int, offset: int) -> int:
    """The index of the token starting at text offset `start` (or the first after it)."""
    span = doc.char_span(start - offset, start - offset + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc) - 1


def _find_cited(tok, offset: int, hit: CueHit, lexicon: Optional[CueLexicon]) -> None:
    """ "X reported, citing Y, ...": Y is the source behind X (found right after the verb, as
    the parser may hang "citing" on another clause), when Y names a source (`source_like`).
    Before the verb too: "X, citing Y, reported" and "a report citing Y said"."""
    subj = hit.source_token
    before = [c for c in tok.children if c.lower_ in CITING and c.i < tok.i]
    if subj is not None and subj.i < tok.i:  # between the subject and the verb, however parsed
        before += [t for t in tok.doc[subj.i + 1:tok.i] if t.lower_ in CITING]
    if subj is not None:
        before += [c for c in subj.children if c.dep_ == "acl" and c.lower_ in CITING]
    for t in before:
        if _take_cited(t, offset, hit, lexicon):
            return
    sent = tok.sent
    for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 8)]:
        if t.lower_ in CITING:
            _take_cited(t, offset, hit, lexicon)
            return
        if t.tag_ in FINITE:
            return


def _take_cited(t, offset: int, hit: CueHit, lexicon: Optional[CueLexicon]) -> bool:
    """The object of "citing"/"quoting" at t as the hit's cited source (cut from its content)."""
    cited = next((c for c in t.children if c.dep_ in ("dobj", "pobj", "obj")), None)
    if cited is None:
        return False
    if lexicon is None or source_like(cited, lexicon):
        hit.cited, hit.cited_token = noun_phrase(cited, offset), cited
    end = max(cited.right_edge.i, t.i)
    hit.excluded.append(token_span(t.doc[t.i:end + 1], offset))
    return True


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
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ in ("acl", "appos") \
                and t.head.head.pos_ == "NOUN" and t.head.head.i > tok.i:
            break  # "rejected the claim that ...": the clause is the noun's, not the verb's
        if t.lower_ == "that" and t.i + 3 < sent.end and not (
                t.dep_ == "det" and t.head.i == t.i + 1 and t.head.pos_ == "NOUN"
                and t.head.dep_ in ("dobj", "pobj")):
            return _trim(tok.doc[t.i:sent.end], offset)
        if t.tag_ in FINITE or t.is_sent_end or t.text in (";", ":") or t.is_quote:
            break
    if hit.kind == "verb":
        return _clause_before_comma(tok, offset, hit)
    return None


def _clause_before_comma(tok, offset: int, hit: CueHit) -> Optional[Span]:
    """ "Strikes killed 12 people on Sunday, the ministry said, hours after ..." and "The plan
    fails, said Smith": the parser hung the reported clause on the cue as a second subject or
    a modifier. The content is the sentence from its start to the comma before the source (or
    before an inverted cue), when that part is a clause (it has a verb) and not an adverbial
    opener ("After the talks ended, officials said nothing")."""
    sent, doc = tok.sent, tok.doc
    subj = hit.source_token
    if tok.dep_ != "ROOT":
        return None
    if subj is not None and subj.i < tok.i:
        first = subj.left_edge.i
        if any(doc[i].pos_ in ("VERB", "AUX") for i in range(first, subj.i)):
            return None
    elif tok.i > sent.start and doc[tok.i - 1].text == ",":
        first = tok.i  # "..., said Smith"
    else:
        return None
    comma = first - 1
    lead = next((t for t in sent if t.pos_ not in ("CCONJ", "PUNCT", "SPACE")), None)
    if comma - sent.start < 4 or doc[comma].text != "," or lead is None \
            or lead.dep_ in ("mark", "prep", "advmod", "advcl") \
            or lead.tag_ in ("IN", "VBG", "VBN", "WRB"):
        return None  # "But when ...", "Campaigning in 2012, he ...": an adverbial opener
    clause = doc[sent.start:comma]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause) or any(
            t.is_quote or (t.dep_ == "mark" and t.lower_ != "that") for t in clause):
        return None
    return _trim(clause, offset)


def _trim(tokens, offset: int) -> Optional[Span]:
    """The span of a run of tokens without punctuation (bar quotation marks) at either end.

    By index, not by copying: a cue's content can be a whole sentence, and a text that spaCy
    reads as one sentence of thousands of cues would otherwise cost their square."""
    seq = tokens if hasattr(tokens, "__getitem__") else list(tokens)
    start, end = 0, len(seq)
    while end > start and seq[end - 1].is_punct and not seq[end - 1].is_quote:
        end -= 1
    while start < end and seq[start].is_punct and not seq[start].is_quote:
        start += 1
    if start == end:
        return None
    first, last = seq[start], seq[end - 1]
    return Span(first.idx + offset, last.idx + len(last.text) + offset)


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
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= phrase.stop for t in rest_before) \
            and any(t.i == sent.root.i for t in rest_after):
        part = rest_before + rest_after  # "The economy, according to the bank, will grow"
    hit.content = _trim(part, offset)
    return hit


def attribution_of(h: CueHit, kind: str, content: Span) -> Attribution:
    """An attribution with the hit's cue, source and chain (`quotes.chains`): "Yonhap reported,
    citing sources" has the sources as source and Yonhap in its chain."""
    source, token = (h.cited, h.cited_token) if h.cited is not None else (h.source, h.source_token)
    return Attribution(kind, content, h.cue, source, token, via=list(h.via))
