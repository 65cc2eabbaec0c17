"""How the triggers of one sentence relate to each other, read from the parse.

- content: an event noun that only names what another trigger is about ("condemned the attack",
  "accepted the invitation"), or the same event named again around its verb ("killed two
  soldiers in an attack"), is not an event of its own;
- restatement: an attribute restating its subject ("the visit is Kim's first trip");
- definite mention: a noun that refers back ("the invitation", "such a visit");
- linked clause: a participle told as the same moment ("visited Pyongyang in 2000, meeting ...");
- frame: the event another happens within ("a reception in which Kim invited Putin", "at the
  end of the talks", "on the sidelines of the summit").
"""
from __future__ import annotations

from typing import Optional

from .mentions import EntityIndex, phrase_entities
from .triggers import Trigger

CONTENT_PREPS = frozenset({"of", "for", "on", "upon", "to", "about", "over", "with", "against", "into"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})

def is_content_of_trigger(trig: Trigger, roles, by_token: dict, index: EntityIndex) -> bool:
    """True for an event noun that only names what another trigger is about, with no actor of
    its own in its phrase: "condemned the attack", "accepted the invitation"; or the same event
    named again around its verb: "killed two soldiers in an attack"."""
    if not trig.is_noun or roles.host is None or roles.host.i not in by_token:
        return False
    tok = trig.token
    link = tok
    while link.head.i != roles.host.i and link.head.i != link.i:
        link = link.head
    if link.dep_ == "prep" and link.lower_ in ("in", "during") and \
            by_token[roles.host.i].entry.event == trig.entry.event:
        return True
    if link.dep_ == "prep" and link.lower_ not in CONTENT_PREPS:
        return False  # "captured the town after days of fighting": a separate event
    # an actor of its own: "its invasion", "a Russian attack", "talks between X and Y" — not a
    # mere adjective ("an official protest", "a regional summit")
    own = any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and phrase_entities(c, index)) or
              (c.dep_ == "prep" and c.lower_ in ("by", "between")) for c in tok.children)
    return not (own and roles.actor)


def copula_subject(trig: Trigger, by_token: dict[int, Trigger]) -> Optional[Trigger]:
    """For "the visit is Kim's first trip": the subject trigger the attribute trigger restates."""
    tok = trig.token
    if not trig.is_noun or tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return None
    for s in tok.head.children:
        other = by_token.get(s.i)
        if s.dep_ == "nsubj" and other is not None and other.entry.event == trig.entry.event:
            return other
    return None


def is_definite(noun) -> bool:
    """ "the invitation", "this visit", "such a visit", "their talks": a noun that refers back."""
    return any((c.dep_ in ("det", "predet") and c.lower_ in DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON")
               for c in noun.children)


def linked_clauses(verb) -> list[int]:
    """Token indexes of the participle clauses told as one moment with `verb`: "visited
    Pyongyang in 2000, meeting Kim Jong-il" (its participle, its governor, the governor's other
    participles). Conjoined clauses may be other moments ("had not agreed ..., and the signing
    could be postponed until next month") and lend nothing."""
    def participles(tok):
        return [c.i for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i != verb.i]

    out = participles(verb)
    if verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            out.append(verb.head.i)
        out += participles(verb.head)
    return out


FRAME_PREPS = frozenset({"at", "during", "on", "in", "amid"})


def frame_trigger(clause, trigger_ids: set[int], lex) -> Optional[int]:
    """The event noun another event happens within, or None: "a reception in which Kim invited
    Putin", "at the end of the reception, Kim invited", "on the sidelines of the summit, they
    met", "during the visit, he signed"."""
    head = clause.head
    if head.i not in trigger_ids and head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head  # "a reception for Scholz in which ...", attached to "Scholz"
    if clause.dep_ == "relcl" and head.i in trigger_ids and any(
            (c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)) or
            (c.dep_ == "advmod" and c.lower_ in ("where", "when")) for c in clause.children):
        return head.i
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in FRAME_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.i in trigger_ids:
                return pobj.i
            if pobj.lemma_.lower() in lex.cue("frame_noun"):
                for of in pobj.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        for inner in of.children:
                            if inner.dep_ == "pobj" and inner.i in trigger_ids:
                                return inner.i
    return None
