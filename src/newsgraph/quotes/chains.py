"""Intermediaries: through whom a quote reaches the reader (`via`, innermost first, outermost last).

An intermediary is a party other than the speaker that passes the speaker's words on, as the
attribution itself says. Each way of saying so is one small mechanism below, read from the
dependency parse around the cue (`CueHit.token`) or its source; the words they test are data
(`knowledge/quote_words.tsv`: medium nouns, media persons, outlet name words, conversation
nouns, the verbs of speaking, relaying and quoting, the prepositions), and the outlets are
those the entities stage coded MED (`knowledge/outlets.tsv`) or named like one:

- `told_outlet`     "X told Reuters", "told the newspaper", "told Jane Roe of the Herald", "told
                    US media", "confirmed to the agency"
- `interview_with`  "said in an interview with the AP", "in comments to Reuters", "in interviews
                    with Russian media", "in an interview on CBS", "speaking to CNN"
- `aired_on`        "said on state television", "said over Radio Free Asia", "said during the same
                    segment", "in a video message shown on Turkish TV channels", "in a statement
                    carried by the agency"
- `source_relayed`  on the source: "sources quoted by the Herald", "a statement read on state
                    radio", "X, who spoke to the Herald, said", "X, in an interview with the
                    AP, said", "X, speaking to CNN, said"
- `content_relayed` after the reported clause: "X said ..., in remarks aired by Channel 4"
- `quoted_by`       "The Herald quoted X as saying", "X was quoted as saying by Tass": the quoted
                    party is the source, the quoting one the via
- citing            "The agency, citing sources, reported": the cited sources speak, the reporter
                    relays (`reported._find_cited` finds the cited source)
- `link_according`  "... he added, according to Tass": Tass relays; "Bloomberg reports ...,
                    according to the Roper Center": the outlet relays the Center's words
- `link_relays`     "X said ..., the agency reported", "A said B told him ...": the outer
                    attribution's source relays the inner one (nested chains)

Not an intermediary: the audience ("told reporters", "told the court", "in an interview with
the family"), the speaker's own medium ("said in a statement", "wrote on his website", "said
on its channel"), an outlet reporting on its own (the outlet is the speaker).
"""
from __future__ import annotations

import re
from typing import Optional

from ..actors.knowledge import load as actor_knowledge
from ..document import Document, Entity, Span
from .lexicon import quote_words
from ..span_index import SpanIndex
from .reported import BELIEF, EVIDENCE_VERBS, CueHit, find_subject, noun_phrase
from .sources import MentionIndex, entity_at

WORDS = quote_words()
MEDIUM_NOUNS = WORDS["medium"]
MEDIA_PERSONS = WORDS["media_person"]
OUTLET_WORDS = WORDS["outlet_word"]
CONVERSATIONS = WORDS["conversation"]
SPEAK_VERBS = WORDS["speak_verb"]
RELAY_VERBS = WORDS["relay_verb"]
QUOTE_VERBS = WORDS["quote_verb"]
LISTENER_PREPS = WORDS["listener_prep"]
MEDIUM_PREPS = WORDS["medium_prep"]
# the possessives of the speaker's own medium ("his show", "its website"): not a relay
OWN = frozenset({"his", "her", "its", "their", "our", "my", "your"})
LISTENER_DEPS = frozenset({"dobj", "dative", "iobj", "obj"})  # "told Reuters"
NAME_SPLIT = re.compile(r"[\s\-]+")


def _is_outlet(entity: Entity, kb) -> bool:
    """An entity that is a news outlet: coded MED, a name of outlets.tsv (also its everyday-word
    names: "told Fox" is the outlet), or an organisation named like one ("The Valley Herald")."""
    if entity.actor is not None and entity.actor.sector == "MED":
        return True
    if any(k.kind == "outlet" for k in kb.lookup(entity.name)):
        return True
    return entity.label == "ORG" and any(w in OUTLET_WORDS for w in NAME_SPLIT.split(entity.name))


class Media:
    """Which noun phrases of one document name a medium: an outlet, media unnamed ("state
    television", "Russian media", "the newspaper"), a person speaking for one ("the host",
    "co-host Jane Roe", "Jane Roe of the Herald", "CNN's Jane Roe") or an outlet's programme
    ("NBC's 'Meet the Press'"). A medium owned by a pronoun ("his show") is the speaker's own."""

    def __init__(self, doc: Document, index: Optional[MentionIndex] = None):
        self.offset = doc.parse_offset
        self.index = index or MentionIndex(doc)
        kb = actor_knowledge()
        self.outlets = {e.id for e in doc.entities if _is_outlet(e, kb)}
        self.labels = {e.id: e.label for e in doc.entities}

    def entity(self, tok) -> Optional[str]:
        """The entity with a mention on this token, if any."""
        start = tok.idx + self.offset
        rows = self.index.overlapping(Span(start, start + len(tok.text)))
        return rows[-1][2] if rows else None

    def is_medium(self, tok) -> bool:
        if tok.pos_ == "PRON" or any(c.dep_ == "poss" and c.lower_ in OWN for c in tok.children):
            return False
        eid = self.entity(tok)
        if eid in self.outlets:
            return True
        if eid is None and tok.pos_ == "PROPN" and any(
                t.text in OUTLET_WORDS for t in tok.doc[tok.left_edge.i:tok.i + 1]):
            return True  # a name the entities stage missed: "the Valley Herald"
        if eid is None and tok.pos_ == "NOUN" and (tok.lemma_.lower() in MEDIUM_NOUNS
                                                   or tok.lower_ in MEDIUM_NOUNS
                                                   or tok.lemma_.lower() in MEDIA_PERSONS):
            return True
        if eid is not None and self.labels.get(eid) in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            return False
        return self._of_outlet(tok)

    def _of_outlet(self, tok) -> bool:
        """A person or programme of an outlet: "Jane Roe of the Herald", "CNN's Jane Roe", "co-host
        Jane Roe", "NBC's 'Meet the Press'"."""
        for c in tok.children:
            if c.dep_ == "compound" and c.lemma_.lower() in MEDIA_PERSONS:
                return True
            if c.dep_ == "poss" and self.entity(c) in self.outlets:
                return True
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and self.entity(g) in self.outlets for g in c.children):
                return True
        return False

    def span(self, tok) -> Span:
        return noun_phrase(tok, self.offset)


# ---------------------------------------------------------------------------------------------
# The mechanisms on one cue: each returns the head tokens of the media it finds


def _objects(prep) -> list:
    return [g for g in prep.children if g.dep_ == "pobj"]


def told_outlet(cue, media: Media) -> list:
    """ "X told Reuters", "told the newspaper", "told Jane Roe of the Herald", "said to the BBC",
    "confirmed to the agency": the cue's listener is a medium (a listener that is not one is the
    audience: "told reporters")."""
    lemma = cue.lemma_.lower()
    found = []
    for c in cue.children:
        if c.dep_ in LISTENER_DEPS and lemma in SPEAK_VERBS:
            found.append(c)
        elif c.dep_ == "prep" and c.lower_ in LISTENER_PREPS and (c.lower_ == "to"
                                                                   or lemma in SPEAK_VERBS):
            found += _objects(c)
    return [t for t in found if media.is_medium(t)]


def _conversation_media(noun, media: Media) -> list:
    """ "an interview with the AP", "comments to Reuters", "an interview on CBS": the medium a
    conversation noun was held with or on."""
    if noun.lemma_.lower() not in CONVERSATIONS and noun.lower_ not in CONVERSATIONS:
        return []
    return [g for p in noun.children if p.dep_ == "prep"
            and (p.lower_ in LISTENER_PREPS or p.lower_ in MEDIUM_PREPS)
            for g in _objects(p) if media.is_medium(g)]


def _spoken_to(verb, media: Media) -> list:
    """ "speaking to CNN", "talking on state radio", "speaking in an interview with the AP"."""
    found = []
    for p in verb.children:
        if p.dep_ != "prep":
            continue
        for g in _objects(p):
            if (p.lower_ in LISTENER_PREPS or p.lower_ in MEDIUM_PREPS) and media.is_medium(g):
                found.append(g)
            else:
                found += _conversation_media(g, media)
    return found


def interview_with(cue, media: Media) -> list:
    """ "said in an interview with the AP", "in comments to Reuters", "in interviews with Russian
    media", "said during an interview on CBS": a conversation noun on the cue held with a medium;
    "speaking to CNN, X said", "X said, talking on state radio": a participle of speaking."""
    found = []
    for c in cue.children:
        if c.dep_ == "prep":
            for noun in _objects(c):
                found += _conversation_media(noun, media)
        elif c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" \
                and c.lemma_.lower() in SPEAK_VERBS:
            found += _spoken_to(c, media)
    return found


def _relayed(noun, media: Media) -> list:
    """ "a message shown on Turkish TV", "a statement carried by the agency", "sources quoted by
    the Herald", "a letter read over state radio": a relay verb on the noun, and its medium."""
    found = []
    for v in noun.children:
        if v.dep_ in ("acl", "relcl") and v.lemma_.lower() in RELAY_VERBS:
            for p in v.children:
                if p.dep_ in ("prep", "agent") and p.lower_ in MEDIUM_PREPS:
                    found += [g for g in _objects(p) if media.is_medium(g)]
    return found


def aired_on(cue, media: Media) -> list:
    """ "said on state television", "said over Radio Free Asia", "said during the same segment": the
    medium the cue went out on; "said in a video message shown on Turkish TV channels", "in a
    statement carried by the agency": a relay verb on the cue's message."""
    found = []
    for c in cue.children:
        if c.dep_ != "prep":
            continue
        objects = _objects(c)
        if not objects and c.lower_ in MEDIUM_PREPS and c.lower_ != "by":
            found += _medium_after(c, media)
        for g in objects:
            if c.lower_ in MEDIUM_PREPS and c.lower_ != "by" and media.is_medium(g):
                found.append(g)
            else:
                found += _relayed(g, media)
    return found


def _medium_after(prep, media: Media) -> list:
    """A preposition the parser left without its object ("said on ABC-TV's 'This Week'" parsed
    apart): the medium among the next few words, before any other word or punctuation."""
    doc = prep.doc
    for t in doc[prep.i + 1:min(len(doc), prep.i + 4)]:
        if media.is_medium(t):
            return [t]
        if t.is_punct and t.text not in ("-", "'s", "’s") or t.pos_ in ("VERB", "AUX", "ADP"):
            break
    return []


def source_relayed(source, media: Media) -> list:
    """On the source: "sources quoted by the Herald", "a statement read on state radio said",
    "X, who spoke to the Herald, said"; and what the parser hangs on the subject between it and
    the cue: "X, in an interview with the AP, said", "X, speaking to CNN, said"."""
    found = _relayed(source, media)
    for v in source.children:
        if v.dep_ == "relcl" and v.lemma_.lower() in SPEAK_VERBS:
            found += _spoken_to(v, media)
        elif v.dep_ == "acl" and v.tag_ == "VBG" and v.lemma_.lower() in SPEAK_VERBS:
            found += _spoken_to(v, media)
        elif v.dep_ == "prep" and v.i > source.i:
            for noun in _objects(v):
                found += _conversation_media(noun, media)
    return found


def content_relayed(cue, media: Media) -> list:
    """ "X said the army would withdraw, in remarks aired by Channel 4": a conversation noun set
    off by a comma at the end of the reported clause, which the parser hangs on that clause; it
    tells how the cue's words went out, not what was said."""
    found = []
    for clause in cue.children:
        if clause.dep_ not in ("ccomp", "xcomp"):
            continue
        for p in clause.children:
            if p.dep_ != "prep" or p.i == 0 or p.doc[p.i - 1].text != "," or p.i < clause.i:
                continue
            for noun in _objects(p):
                found += _conversation_media(noun, media) + _relayed(noun, media)
    return found


def quoted_by(hit: CueHit, media: Media) -> list[Span]:
    """ "The Herald quoted X as saying ...", "X was quoted by Tass as saying", "X was quoted as
    saying by Tass": the quoted party becomes the hit's source and the quoting one its via (any
    quoter, not only an outlet). The cue is the verb of quoting. Returns the quoter's span."""
    tok = hit.token
    if not (tok.dep_ == "pcomp" and tok.head.lower_ == "as"):
        return []
    verb = tok.head.head
    if verb.lemma_.lower() not in QUOTE_VERBS:
        return _quoted_in_order(hit, tok.head, media)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        quoted = find_subject(verb)
        quoter = next((g for p in (*verb.children, *tok.children)
                       if p.dep_ in ("agent", "prep") and p.lower_ == "by" for g in _objects(p)),
                      None)
    else:
        quoted = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        quoter = find_subject(verb)
    if quoted is not None and quoted.pos_ not in ("VERB", "AUX"):
        hit.source_token, hit.source = quoted, media.span(quoted)
        hit.cue = _token_span(verb, media.offset)
    return [media.span(quoter)] if quoter is not None and quoter.pos_ not in ("VERB", "AUX") else []


def _quoted_in_order(hit: CueHit, as_, media: Media) -> list[Span]:
    """ "The Herald quoted city official Jane Roe as saying" when the parser took "quoted" for an
    adjective of the noun after it: read the words in order, QUOTER quoted QUOTED as saying."""
    doc, sent = as_.doc, as_.sent
    verb = next((t for t in reversed(doc[sent.start:as_.i]) if t.lemma_.lower() in QUOTE_VERBS),
                None)
    if verb is None or verb.i + 1 >= as_.i or any(
            t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:as_.i]):
        return []
    quoted = doc[verb.i + 1:as_.i]
    start = verb.i
    while start > sent.start and doc[start - 1].pos_ in ("DET", "PROPN", "NOUN", "ADJ"):
        start -= 1
    hit.source_token = quoted[-1]
    hit.source = Span(quoted[0].idx + media.offset, quoted[-1].idx + len(quoted[-1].text) + media.offset)
    hit.cue = _token_span(verb, media.offset)
    if start == verb.i:
        return []
    last = doc[verb.i - 1]
    return [Span(doc[start].idx + media.offset, last.idx + len(last.text) + media.offset)]


def _token_span(tok, offset: int) -> Span:
    return Span(tok.idx + offset, tok.idx + len(tok.text) + offset)


def own_media(hit: CueHit, media: Media) -> list[Span]:
    """The intermediaries one cue names itself, innermost first: the cue's listener,
    conversation or channel, and those on its source, in text order; then who quoted it."""
    quoters = quoted_by(hit, media)
    found = []
    if hit.kind in ("verb", "intro", "object"):
        found += told_outlet(hit.token, media) + interview_with(hit.token, media) \
            + aired_on(hit.token, media) + content_relayed(hit.token, media)
    if hit.source_token is not None:
        found += source_relayed(hit.source_token, media)
    spans: list[Span] = []
    for span in [media.span(t) for t in sorted(set(found), key=lambda t: t.i)] + quoters:
        if not any(_overlaps(span, s) for s in spans) and not _overlaps(span, hit.source):
            spans.append(span)
    return spans


def _overlaps(a: Span, b: Optional[Span]) -> bool:
    return b is not None and a.start < b.end and b.start < a.end


# ---------------------------------------------------------------------------------------------
# Links between cues


def speech(hit: CueHit) -> bool:
    """A cue of saying or reporting (not of belief, finding or stance: "expects", "shows",
    "plans"), whose source's words another party can relay."""
    lemma = hit.token.lemma_.lower()
    return hit.kind in ("verb", "intro") and lemma not in BELIEF and lemma not in EVIDENCE_VERBS


def link_according(hits: list[CueHit], media: Media) -> list[CueHit]:
    """An "according to X" on a cue of speech with its own source: X relays that cue's words
    ("he added, according to Tass") and is no cue of its own. When the cue's source is a medium
    and X is not ("Bloomberg reports ..., according to the Roper Center"), X speaks and the medium
    relays, as with "citing X". On a cue of stance or belief ("X plans to visit, according to an
    aide") the phrase is the attribution: X put the whole clause forward, and the stance cue
    inside it is part of what X reported. Returns the hits left."""
    by_token = {h.token.i: h for h in hits if h.kind != "according"}
    dropped = set()
    for h in hits:
        owner = by_token.get(h.token.head.i) if h.kind == "according" else None
        if owner is None or owner.source is None:
            continue
        if not speech(owner):
            if owner.content is not None and h.content is not None \
                    and h.content.start <= owner.content.start and owner.content.end <= h.content.end:
                dropped.add(id(owner))
            continue
        if media.is_medium(owner.source_token) and not media.is_medium(h.source_token) \
                and owner.cited is None:
            owner.cited, owner.cited_token = h.source, h.source_token
        else:
            owner.according = h
        dropped.add(id(h))
    return [h for h in hits if id(h) not in dropped]


def _speaker_key(hit: CueHit, index: MentionIndex, doc: Document):
    """Who a hit's source is, as far as the mentions say: an entity id, else the source's words;
    None for a pronoun nobody resolved (unclear)."""
    source = hit.cited or hit.source
    token = hit.cited_token if hit.cited is not None else hit.source_token
    head = token.idx + doc.parse_offset if token is not None else None
    eid = entity_at(index, source, head)
    if eid is not None:
        return eid
    if token is not None and token.pos_ == "PRON":
        return None
    return doc.text[source.start:source.end].lower()


def link_relays(hits: list[CueHit], index: MentionIndex, doc: Document) -> None:
    """ "X said ..., the agency reported", "A said B told him ...", "According to the complaint, a
    clerk said B told her ...": a cue of speech whose cue and source lie inside what another cue
    of a different speaker reported is relayed by it (`CueHit.relay`, the innermost such cue).
    A cue closing its sentence after a comma reports all that comes before it, whatever the
    parse made of it (`trailing_report`)."""
    reported = {id(a): trailing_report(a, doc.parse_offset) or a.content for a in hits}
    trailing = {id(a) for a in hits if trailing_report(a, doc.parse_offset) is not None}

    def inside(b: CueHit, a: CueHit) -> bool:
        span = reported[id(a)]
        return span is not None and span.start <= b.cue.start < span.end and (
            b.source is None or span.start <= b.source.start < span.end)

    spans = SpanIndex([reported[id(a)] for a in hits])
    for b in hits:
        if b.source is None or not speech(b):
            continue
        inner = _speaker_key(b, index, doc)
        if inner is None:
            continue
        near = [hits[k] for k in spans.around(b.cue.start)]  # the cues whose report may hold b's
        outer = [a for a in near if a is not b and a.source is not None
                 and (speech(a) or a.kind == "according") and inside(b, a)
                 and (id(a) in trailing or not inside(a, b))]
        outer = [a for a in outer if _speaker_key(a, index, doc) not in (None, inner)]
        if outer:
            b.relay = min(outer, key=lambda a: len(reported[id(a)]))


TAIL_DEPS = frozenset({"npadvmod", "advmod", "prep", "agent", "punct"})


def trailing_report(hit: CueHit, offset: int) -> Optional[Span]:
    """ "..., the agency reported." / "..., reported Interfax on Friday.": a cue and its source
    closing the sentence after a comma report the sentence before the comma (returned), however
    the parser attached them; None for any other cue."""
    src, tok = hit.source_token, hit.token
    if src is None or hit.kind not in ("verb", "intro"):
        return None
    doc, sent = tok.doc, tok.sent
    first, last = min(src.left_edge.i, tok.i), max(src.right_edge.i, tok.i)
    if any(t.i not in (tok.i,) and not (src.left_edge.i <= t.i <= src.right_edge.i)
           and not t.is_punct and t.pos_ not in ("ADV", "PART", "AUX")
           for t in doc[first:last + 1]):
        return None  # something else between the source and the cue
    before = first - 1
    while before > sent.start and doc[before].is_quote:
        before -= 1
    if before <= sent.start or doc[before].text != ",":
        return None
    tail = {t.i for c in tok.children if c.dep_ in TAIL_DEPS and c.i > last for t in c.subtree}
    if any(not t.is_punct and t.i not in tail for t in doc[last + 1:sent.end]):
        return None
    return Span(sent.start_char + offset, doc[before].idx + offset)


def chain(hit: CueHit) -> list[Span]:
    """The whole chain of a hit, innermost first: its own media, the reporter that cites its
    source, the "according to" behind it, then each relaying cue's source and chain outwards."""
    out: list[Span] = []
    seen: set[int] = set()
    h: Optional[CueHit] = hit
    first = True
    while h is not None and id(h) not in seen:
        seen.add(id(h))
        if not first:
            out.append(h.cited if h.cited is not None else h.source)
        first = False
        out += h.media
        if h.cited is not None and h.source is not None:
            out.append(h.source)
        if h.according is not None and h.according.source is not None:
            out.append(h.according.source)
        h = h.relay
    return [s for i, s in enumerate(out) if s is not None and s not in out[:i]]


def attach_intermediaries(hits: list[CueHit], doc: Document) -> list[CueHit]:
    """Fill every hit's chain (`CueHit.via`) from the mechanisms of this module; returns the hits
    left once each "according to" that relays a cue has joined it."""
    index = MentionIndex(doc)
    media = Media(doc, index)
    for h in hits:
        h.media = own_media(h, media)
    hits = link_according(hits, media)
    link_relays(hits, index, doc)
    for h in hits:
        h.via = chain(h)
    return hits
