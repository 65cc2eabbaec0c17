"""Events that CAMEO codes from the shape of a clause rather than from a trigger word.

- Intent: an actor announcing its own future action ("Syria is willing to withdraw",
  "Portugal will support ...", "the rebels said they would boycott ...") has expressed intent,
  an event of its own: AGREE for a cooperative action (CAMEO 03), THREATEN for a conflictual one
  (CAMEO 13), REJECT for a refused cooperative one ("will not accept", CAMEO 12). The action
  itself stays an event with status future (or negated).
- Demand: "X said Y must ..." is X's demand on Y (REQUEST, CAMEO 10), whatever Y must do.
- Threat: a warning whose content is the speaker's own future action ("warned it would strike")
  is a threat, not a criticism.
"""
from __future__ import annotations

from typing import Optional

from .lexicon import Entry, Lexicon

INTENT_DEPS = frozenset({"xcomp", "acomp", "ccomp"})


def intent_governor(tok, lex: Lexicon, trigger_ids: set[int]):
    """The token expressing the subject's own intent to do `tok`: its future auxiliary ("will"),
    a modal "would" in reported speech, or an intent word above it ("willing to", "plans to").
    None when the intent is someone else's or already a trigger ("agreed to", "threatened to")."""
    if tok.dep_ in INTENT_DEPS and tok.head.i in trigger_ids:
        return None  # "warned that it will strike": the warning is the event
    for c in tok.children:
        if c.dep_ == "aux" and (c.lower_ in lex.cue("future_aux") or c.lemma_.lower() in lex.cue("future_aux")):
            return c
    cur = tok
    for _ in range(3):
        if cur.dep_ not in INTENT_DEPS and not (cur.dep_ == "conj" and cur.head.dep_ in INTENT_DEPS):
            break
        gov = cur.head
        if gov.i in trigger_ids:
            return None
        if gov.lemma_.lower() in lex.cue("intent_gov"):
            return gov
        if cur.dep_ == "ccomp":  # "said they would boycott": a modal in reported speech
            break
        cur = gov
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in ("would", "'d") and tok.dep_ == "ccomp":
            return c
    return None


def intent_reading(entry: Entry, negated: bool, lex: Lexicon, conditional: bool = False) -> Optional[Entry]:
    """The CAMEO-style intent event for an announced action of type `entry.event`. An action
    announced on a condition the other side must meet ("will withdraw its troops unless the
    government arranges a ceasefire") is an ultimatum: a threat whatever the action."""
    cooperative = entry.event.lower() in lex.cue("cooperative")
    if entry.event == "AGREE" and negated:
        return Entry("intent", "VERB", "REJECT", None, entry.context, "12")  # "will not accept"
    if entry.event in ("AGREE", "THREATEN", "REJECT", "REQUEST", "ACCUSE"):
        return None  # verbal acts: "will agree" is not a further event
    if conditional:
        return Entry("intent", "VERB", "THREATEN", None, entry.context, "139")
    if negated:
        return Entry("intent", "VERB", "REJECT", None, entry.context, "12") if cooperative else None
    if cooperative:
        return Entry("intent", "VERB", "AGREE", None, entry.context, "03")
    return Entry("intent", "VERB", "THREATEN", entry.mode, entry.context, "13")


def demand_clauses(sent, lex: Lexicon):
    """(must-token, clause verb, reporting verb) for "X said Y must ..." in a sentence."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        aux = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in lex.cue("demand_aux")), None)
        if aux is None or tok.dep_ != "ccomp":
            continue
        gov = tok.head
        if gov.lemma_.lower() in lex.cue("report_gov") or gov.lemma_.lower() in ("conclude", "reiterate", "insist"):
            yield aux, tok, gov


def is_threat_warning(tok, lex: Lexicon) -> bool:
    """A warning ("warned that police will no longer tolerate ...") whose content is a future act."""
    if tok.lemma_.lower() not in lex.cue("warn_threat"):
        return False
    for comp in tok.children:
        if comp.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in lex.cue("future_aux") | {"would", "'d"} for c in comp.children):
            return True
    return False


def has_ultimatum(clause) -> bool:
    """An "unless ..." clause on the announced action: the condition of an ultimatum."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in clause.children)
