"""Did it happen? The status of an event from its clause: asserted, reported, future,
hypothetical or negated, and who reports it.

We look at the trigger's own dependents (auxiliaries "will"/"could", negation "not", "no talks",
"possible arms trade", "if"/"whether"; for an event noun, the clause it is the subject of:
"whether talks will take place"), then climb the chain of clauses that govern it (xcomp,
ccomp, objects of verbs, conjuncts) and read the governors' lemmas ("plans to visit" -> future,
"threatened to attack" -> hypothetical, "refused to meet" -> negated) until a reporting verb
("said", "reported") ends the climb and makes the event reported by that verb's subject. An
event inside a quote is reported by the quote. When several cues apply the strongest wins:
negated > hypothetical > future > reported > asserted; `attributed_to` is kept either way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon
from .mentions import phrase_entities

STRENGTH = {"negated": 4, "hypothetical": 3, "future": 2}
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "acl", "advcl", "pcomp",
                        "nsubjpass", "nsubj", "attr", "oprd", "relcl", "appos", "compound"})
MAX_CLIMB = 6
CONTENT_PREPS = frozenset({"to", "for", "on", "upon", "of", "about", "into"})


@dataclass
class Status:
    status: str = "asserted"
    attributed_to: Optional[str] = None
    reporter_token: object = None  # the reporting verb, when there is one


def local_cues(tok, lex: Lexicon, as_governor: bool) -> set[str]:
    """Status cues on one token: its auxiliaries, negation, markers and modifiers; and, when it
    governs the event (as_governor), its own lemma."""
    found = set()
    for c in tok.children:
        lem, low = c.lemma_.lower(), c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and low in lex.cue("negated_det")):
            found.add("negated")
        elif c.dep_ in ("aux", "auxpass"):
            if low in lex.cue("future_aux") or lem in lex.cue("future_aux"):
                found.add("future")
            elif low in lex.cue("backshift_aux"):
                found.add("backshift")  # "would": future in reported speech, else conditional
            elif low in lex.cue("hypothetical_aux"):
                found.add("hypothetical")
            elif low == "going":
                found.add("future")
        elif c.dep_ == "mark" and lem in lex.cue("hypothetical_mark"):
            found.add("hypothetical")
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                       for m in c.children):
            found.add("hypothetical")  # "will withdraw unless ...", "will attack if ...": conditional
        elif c.dep_ in ("amod", "compound", "advmod"):
            if lem in lex.cue("hypothetical_mod") or low in lex.cue("hypothetical_mod"):
                found.add("hypothetical")
            elif low in lex.cue("future_mod") or lem in lex.cue("future_mod"):
                found.add("future")
        elif c.dep_ in ("nsubj", "nsubjpass"):
            if low in lex.cue("negated_det") or any(
                    g.dep_ == "det" and g.lower_ in lex.cue("negated_det") for g in c.children):
                found.add("negated")
    if as_governor:
        lem = tok.lemma_.lower()
        if lem in lex.cue("negated_gov"):
            found.add("negated")
        elif lem in lex.cue("hypothetical_gov"):
            found.add("hypothetical")
        elif lem in lex.cue("future_gov") or lem in ("invitation", "plan"):
            found.add("future")
    return found


def subject_cues(verb, dep: str, lex: Lexicon) -> set[str]:
    """Cues an event noun takes from the clause it is the subject of. A verb of occurrence says
    whether the event happens ("whether negotiations will take place": hypothetical; "the talks
    did not take place": negated; "the meeting will begin": future); a passive governor may say
    it too ("the visit was postponed": negated, "talks are planned": future). Any other
    predicate is about the event, not its occurrence ("the talks did not produce results"), and
    lends only a condition ("if the talks fail", "whether the truce holds") or a conditional mood
    ("his first visit would send a message": a visit that has not happened)."""
    if verb.lemma_.lower() in lex.cue("occurrence_verb"):
        return local_cues(verb, lex, as_governor=False)
    if dep == "nsubjpass":
        return local_cues(verb, lex, as_governor=True)
    return {"hypothetical"} if any(
        (c.dep_ == "mark" and c.lemma_.lower() in lex.cue("hypothetical_mark")) or
        (c.dep_ == "aux" and c.lower_ in lex.cue("hypothetical_aux")) for c in verb.children) else set()


def strongest(cues: set[str]) -> Optional[str]:
    return max(cues, key=STRENGTH.get) if cues else None


def event_status(trigger, lex: Lexicon, index, quotes=(), parse_offset: int = 0) -> Status:
    """Status and source of the event evoked by `trigger` (a spaCy token)."""
    cues = local_cues(trigger, lex, as_governor=False)
    if trigger.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        cues.add("future")  # headline style: "Kim to visit aircraft factory"
    result = Status()
    tok, steps = trigger, 0
    while tok.dep_ in CLIMB_DEPS and tok.head.i != tok.i and steps < MAX_CLIMB:
        dep, gov = tok.dep_, tok.head
        steps += 1
        if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in lex.cue("report_gov") and dep in (
                "ccomp", "xcomp", "parataxis", "advcl"):
            result.reporter_token = gov
            break
        if dep in ("ccomp", "pcomp") and any(c.dep_ in ("advmod", "mark") and c.lower_ in lex.cue("question_word")
                                             for c in tok.children):
            # an indirect question ("details on when such a visit would happen", "asked
            # whether talks would resume"): open, whatever is said of the question itself
            cues.add("hypothetical")
            break
        if dep == "conj":
            cues |= {c for c in local_cues(gov, lex, as_governor=False) if c != "negated"}
        elif dep in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN":
            # only the event noun itself, not a phrase around it ("details of the invitation
            # were not released" says nothing of the invitation)
            if tok.i == trigger.i or tok.lemma_.lower() in lex.cue("occurrence_head"):
                cues |= subject_cues(gov, dep, lex)
        elif dep == "prep" and gov.pos_ in ("VERB", "AUX") and tok.lower_ in CONTENT_PREPS:
            # "invited him to a summit", "called for talks", "warned of attacks": the
            # preposition's object is what the verb is about; "agreed after talks" is not
            cues |= local_cues(gov, lex, as_governor=True)
        elif dep in ("prep", "pobj", "compound", "appos", "nsubj", "nsubjpass"):
            pass  # climbing through a phrase: the governor is the next verb
        else:
            cues |= local_cues(gov, lex, as_governor=True)
        tok = gov
    if result.reporter_token is None and tok.dep_ == "ROOT":
        # "..., the newspaper said." parses the report verb as root with our clause as ccomp;
        # also "according to X" on the clause
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "according":
                result.reporter_token = prep
    if result.reporter_token is not None:
        result.attributed_to = reporter_id(result.reporter_token, index)
    char = trigger.idx + parse_offset
    for q in quotes:
        if q.content.start <= char < q.content.end:
            result.attributed_to = q.id
            result.reporter_token = result.reporter_token or q
            break
    if "backshift" in cues:  # "Peskov said the leaders would meet on Friday": planned
        cues.discard("backshift")
        cues.add("future" if result.reporter_token is not None else "hypothetical")
    status = strongest(cues)
    if status is None and result.reporter_token is not None:
        status = "reported"
    result.status = status or "asserted"
    return result


def reporter_id(tok, index) -> Optional[str]:
    """The entity that reports: the subject of the reporting verb, or the object of "according to"."""
    if tok.lower_ == "according":
        for to in tok.children:
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    ids = phrase_entities(pobj, index)
                    if ids:
                        return ids[0]
        return None
    for s in tok.children:
        if s.dep_ == "nsubj":
            ids = phrase_entities(s, index)
            if ids:
                return ids[0]
    return None
