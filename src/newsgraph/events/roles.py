"""Who did it to whom: actor and recipient entities of a trigger, from the dependency parse.

Verbs: the subject is the actor and the object (or the object of "with", "to", "against",
"on", ...) the recipient; in the passive the "by" agent is the actor and the subject the
recipient. A verb without its own subject (xcomp "plans to visit", conj "arrived and met",
advcl "..., killing") takes its governor's; a relative clause takes the noun it modifies; an
unresolved pronoun subject of a reported clause ("Switzerland said it had expelled ...") takes
the reporter.
Nouns: possessives and modifiers are actors ("Kim's visit", "a Russian attack"), "by" agents too;
"between X and Y" makes both actors; "to", "with", "against", "on", "of" give the recipient. A
noun without an actor takes the subject of the verb that governs it ("held talks with Y").
Coordination spreads over both conjuncts. Which entities a phrase names (including "the two
leaders") is `events.mentions`' job.
What a preposition gives depends on the event: "on", "at", "over" and "into" name a target of
hostile or coercive events ("an attack on Kyiv", "sanctions on Iran") but a place or a topic of
encounters and agreements ("a meeting on the border", "talks on trade"), so those take no
recipient from them. The object of a preposition that is itself an event is a reason or a
purpose, not a recipient ("praised the army for its invasion", "invited him to a summit in Lagos").
Where the direct roles name no recipient, the event's own shape may: an object naming no one
gives the one it concerns ("lodged a protest with Albania", "lifted the blockade on Palestinian
lorries", "rejected calls by Belarus"); a demand the subject of the clause demanded ("demanded
that the US cancel ..."); a threat the one whose act is its condition ("threatened to ... unless
the Kremlin closed ..."); and a hostile act or a protest the state of the place it happens in
("demonstrated in Kirkuk", "bombs exploded in Kabul").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .lexicon import load_lexicon
from .mentions import (PRONOUNS, EntityIndex, add_new, children, dateline_subject, pair_entities, phrase_entities, prep_objects, pronoun_antecedent, reporter_entities, subject_entities)

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "upon", "into", "at", "toward",
                             "towards", "over", "for"})
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"of"}
PLACE_OR_TOPIC_PREPS = frozenset({"on", "upon", "at", "over", "into"})
# events whose "on"/"at"/"over" phrase is a place or a topic, not the one acted upon
ENCOUNTER_EVENTS = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "CONCEDE",
                              "RETREAT", "REQUEST", "MOBILIZE"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# events whose object's "on"/"at"/"over" phrase is still a topic ("signed an agreement on trade")
TOPIC_EVENTS = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST"})
# events aimed at the authorities of the place they happen in ("protested in Kirkuk")
PLACE_TARGET_EVENTS = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# events whose verb's "from" names the one deprived ("confiscated weapons from the rebels",
# "withdrew its troops from Lebanon", "expelled diplomats from Tehran")
FROM_EVENTS = frozenset({"COERCE", "RETREAT", "SANCTION"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
CONDITION_MARKS = frozenset({"if", "unless"})
OBJECT_AGENT_PREPS = frozenset({"by", "from"})


@dataclass(frozen=True)
class Context:
    """What the roles of one trigger depend on besides the parse: its event type (which
    prepositions give recipients) and the sentence's other triggers (events are not recipients)."""

    event: Optional[str] = None
    triggers: frozenset = frozenset()

    def recipient_preps(self, preps: frozenset) -> frozenset:
        return preps - PLACE_OR_TOPIC_PREPS if self.event in ENCOUNTER_EVENTS else preps

    def object_preps(self) -> frozenset:
        """Prepositions of an object noun that name whom the event concerns: "the curfew on
        Palestinians" is the target of lifting it, "an agreement on trade" only a topic."""
        return RECIPIENT_PREPS - PLACE_OR_TOPIC_PREPS if self.event in TOPIC_EVENTS else RECIPIENT_PREPS

    def located(self, tok) -> bool:
        """May a place in `tok`'s phrase stand for its participants? Not when `tok` is itself
        an encounter ("held talks in Brussels", "invited him to a summit in Lagos": a venue);
        yes for a hostile or coercive one ("extended the curfew in Abidjan": the city is its
        target)."""
        return tok.i not in self.triggers or self.event not in ENCOUNTER_EVENTS

    def recipients(self, tok, preps, index) -> list[str]:
        """Entities of the objects of `tok`'s recipient prepositions. An object that is itself
        an event gives its own participants ("agreed to US mediation" -> US), not where it
        happens ("invited him to a summit in Lagos"); after "for" it is a reason and gives none
        ("praised the army for its invasion")."""
        out: list[str] = []
        allowed = self.recipient_preps(preps)
        if self.event == "REQUEST" and children(tok, "xcomp"):
            allowed = allowed | {"on", "upon"}  # "called on Japan to stop": whom it asks
        for prep in children(tok, "prep", "dative"):
            if prep.pos_ != "ADP":
                continue  # a dative noun ("gave Iraq aid") is an object, read as one
            lem = prep.lemma_.lower()
            if lem not in allowed:
                continue
            for pobj in children(prep, "pobj"):
                if pobj.i not in self.triggers or lem != "for":
                    # "demonstrations against violations by the Israeli military", "mobilized
                    # for a war against Iraq"; but "over their ties with Israel" is a reason
                    add_new(out, phrase_entities(pobj, index, located=self.located(pobj)) or
                         (object_concerns(pobj, index, self, 1) if lem != "over" else []))
        return out


@dataclass
class Roles:
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    reciprocal: bool = False
    host: object = None  # the verb that carries a noun trigger ("held" for "held talks"), or None


def verb_roles(verb, index: EntityIndex, depth: int = 0, ctx: Context = Context()) -> Roles:
    """Actor and recipient of a verb (or of the verb that hosts a noun trigger)."""
    roles = Roles()
    subj = [s for s in children(verb, "nsubj", "csubj") if s.i not in index.dateline] or \
        dateline_subject(verb, index)
    passive = children(verb, "nsubjpass")
    agents = children(verb, "agent")
    if passive and not agents and any(p.lower_ == "to" for p in children(verb, "prep")):
        subj, passive = passive, []  # stative "Israel is opposed to ...", "is committed to"
    if passive:
        for s in passive:
            # "a camp for Congolese refugees was attacked": whom the camp is for
            add_new(roles.recipient, subject_entities(s, index) or object_concerns(s, index, ctx))
        for agent in agents:
            for pobj in children(agent, "pobj"):
                add_new(roles.actor, phrase_entities(pobj, index))
    for s in subj:
        ids = subject_entities(s, index)
        if not ids and s.lower_ in PRONOUNS:
            ids = reporter_entities(verb, index)
        add_new(roles.actor, ids)
    if not subj and not passive and depth < 3:
        inherited = inherited_actor(verb, index, depth)
        add_new(roles.actor, inherited)
    topic = verb.lemma_.lower() in load_lexicon().cue("topic_object")  # "discussed Ukraine"
    objects = [o for o in children(verb, "dobj", "dative", "attr") if o.pos_ != "ADP"]
    for obj in objects:
        if topic and obj.dep_ == "dobj":
            continue
        # "held talks in Brussels": an event object gives its participants, not its place
        add_new(roles.recipient, phrase_entities(obj, index, located=ctx.located(obj)))
    add_new(roles.recipient, ctx.recipients(verb, RECIPIENT_PREPS, index))
    comps = children(verb, "xcomp")
    for comp in comps:
        comps += [c for c in children(comp, "xcomp") if len(comps) < 4]
    if not roles.recipient:
        roles.recipient = unnamed_recipients(verb, comps, objects, topic, index, ctx)
    if ctx.event == "THREATEN":  # "... unless the Kremlin closed its base": the one threatened
        cond = [e for v in [verb] + comps for e in condition_subjects(v, index)]
        roles.recipient = [e for e in cond if e not in roles.actor] + \
            [e for e in roles.recipient if e not in cond]
    # "X and Y met" with no object: reciprocal
    if not roles.recipient and len(roles.actor) > 1:
        roles.reciprocal = True
    roles.recipient = [r for r in roles.recipient if r not in roles.actor]
    return roles


def unnamed_recipients(verb, comps, objects, topic: bool, index: EntityIndex, ctx: Context) -> list[str]:
    """When a verb's own object and prepositions name no recipient, the event's shape may; the
    first of these that names someone is the recipient."""
    def sources():
        if not topic:  # "lodged a protest with Albania"
            yield [e for o in objects for e in object_concerns(o, index, ctx)]
        if ctx.event in FROM_EVENTS:  # "confiscated weapons from the rebels"
            yield [e for p in prep_objects(verb, {"from"}) for e in phrase_entities(p, index)]
        if ctx.event == "REQUEST":  # "demanded that the US cancel ..."
            yield clause_subjects(verb, index)
        # "threatened to cut off electricity to Armenia"
        yield [e for c in comps for e in
               [e for o in children(c, "dobj", "dative") for e in phrase_entities(o, index)] +
               ctx.recipients(c, RECIPIENT_PREPS, index)]
        # "threatened to break relations with Russia"
        yield [e for c in comps for o in children(c, "dobj") for e in object_concerns(o, index, ctx)]
        # "is willing to withdraw its troops from Lebanon"
        yield [e for c in comps for p in prep_objects(c, {"from"}) for e in phrase_entities(p, index)]
        if ctx.event == "PROTEST":
            yield purpose_targets(verb, index, ctx)
        if ctx.event in PLACE_TARGET_EVENTS:  # "protested in Kirkuk"
            yield [e for v in [verb] + conj_verbs(verb) for e in place_targets(v, index)]

    for found in sources():
        if found:
            return list(dict.fromkeys(found))
    return []


def object_concerns(obj, index: EntityIndex, ctx: Context, depth: int = 0) -> list[str]:
    """Whom an object noun naming no one concerns: the object of its recipient prepositions
    ("lodged a protest with Albania", "lifted the blockade on Palestinian lorries"), through
    "of" ("a suspension of air links with Serbia"), or the one who made it ("rejected calls by
    Belarus", "accepted demands from the rebels", "confiscated weapons from armed groups")."""
    out: list[str] = []
    if obj.pos_ not in ("NOUN", "PROPN") or depth > 2:
        return out
    for prep in children(obj, "prep"):
        lem = prep.lemma_.lower()
        for pobj in children(prep, "pobj"):
            if lem in ctx.object_preps() or lem in OBJECT_AGENT_PREPS:
                if lem != "for" or pobj.i not in ctx.triggers:
                    add_new(out, phrase_entities(pobj, index, located=False))
            elif lem == "of" and not out:
                add_new(out, object_concerns(pobj, index, ctx, depth + 1))
    return out


def purpose_targets(tok, index: EntityIndex, ctx: Context) -> list[str]:
    """Whom a protest is aimed at, from the clause saying what for: "staged a hunger strike to
    demand the resignation of President X", "blocked a road to show their disapproval of US
    policies", "demonstrated, calling for independence from Iraq"."""
    out: list[str] = []
    for clause in children(tok, "advcl", "xcomp", "acl"):
        if clause.pos_ != "VERB" or not (clause.tag_ == "VBG" or any(a.lower_ == "to" for a in children(clause, "aux"))):
            continue
        for obj in children(clause, "dobj"):
            add_new(out, phrase_entities(obj, index) or object_concerns(obj, index, ctx))
        add_new(out, Context("REQUEST", ctx.triggers).recipients(clause, RECIPIENT_PREPS, index))
    return out


def clause_subjects(tok, index: EntityIndex) -> list[str]:
    """The subjects of the clause a demand states: "demanded that the US cancel ...", "its
    demand that Israel ease ..."; a subjunctive or modal clause, not a report of fact."""
    out: list[str] = []
    for clause in children(tok, "ccomp", "acl"):
        if clause.pos_ not in ("VERB", "AUX") or (
                clause.tag_ in ("VBD", "VBG", "VBN") and not children(clause, "auxpass", "aux")):
            continue
        for s in children(clause, "nsubj", "nsubjpass"):
            ids = phrase_entities(s, index)
            if not ids and s.pos_ == "NOUN":  # "that control of the Ministry be taken"
                ids = object_concerns(s, index, Context("REQUEST"))
            add_new(out, ids)
    return out


def condition_subjects(verb, index: EntityIndex) -> list[str]:
    """Subjects of the "if"/"unless" clauses of a threat: whose act it is conditioned on."""
    out: list[str] = []
    for clause in children(verb, "advcl"):
        if any(m.lower_ in CONDITION_MARKS for m in children(clause, "mark")):
            for s in children(clause, "nsubj", "nsubjpass"):
                add_new(out, phrase_entities(s, index))
    return out


def place_targets(tok, index: EntityIndex) -> list[str]:
    """States and places a hostile act or protest happens in ("demonstrated in Kirkuk",
    "exploded bombs in the capital Kabul"): the authorities they are aimed at."""
    out: list[str] = []
    where = prep_objects(tok, {"in", "throughout", "across", "inside"})
    for obj in children(tok, "dobj"):  # "strengthened its forces in Lebanon"
        where += prep_objects(obj, {"in", "inside"})
    for pobj in where:
        add_new(out, [e for e in phrase_entities(pobj, index) if index.label.get(e) in PLACE_LABELS])
    return out


def inherited_actor(verb, index: EntityIndex, depth: int) -> list[str]:
    """The actor of a verb with no subject of its own, from the verb it depends on."""
    head = verb.head
    if head.i == verb.i:
        return []
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp") and verb.dep_ == "xcomp":
        return verb_roles(head.head, index, depth + 1).actor  # "is willing to": the subject of "is"
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp" and children(head, "dobj"):
            # "invited Putin to visit": the object of the governor does the visiting
            return phrase_entities(children(head, "dobj")[0], index)
        if raising_passive(head) and verb.dep_ in ("xcomp", "advcl", "conj") and not children(verb, "auxpass"):
            # "Putin is believed to have visited ..., meeting ...": the passive subject acts
            return [e for s in children(head, "nsubjpass") for e in subject_entities(s, index)]
        return verb_roles(head, index, depth + 1).actor
    if verb.dep_ in ("relcl", "acl"):
        own = phrase_entities(head, index)
        if not own and head.dep_ == "attr" and head.head.pos_ in ("VERB", "AUX"):
            # "Shoigu became the first official to visit": the subject of the copula
            return [e for s in children(head.head, "nsubj") for e in subject_entities(s, index)]
        return own
    return []


def conj_verbs(verb) -> list:
    """Verbs conjoined with `verb` that share its subject ("kidnapped ... and exploded bombs in
    Kabul"), which tell the same act's setting."""
    return [c for c in children(verb, "conj") if c.pos_ == "VERB" and not children(c, "nsubj", "nsubjpass")]


def raising_passive(verb) -> bool:
    """ "X is believed/said/expected to ...": a passive with no agent whose clause complement
    says what its subject did."""
    return bool(children(verb, "nsubjpass")) and not children(verb, "agent") and bool(children(verb, "xcomp"))


def host_verb(noun):
    """The verb a noun trigger hangs from: "held talks" (dobj), "met for talks" (pobj),
    "launched ten days of war games" (through a measure noun and "of")."""
    tok = noun
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
            tok = tok.head
        if tok.dep_ in ("dobj", "prep", "nsubjpass", "attr", "xcomp", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head
        if tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.pos_ == "NOUN":
            tok = tok.head  # "days of fighting", "a series of attacks"
            continue
        return None
    return None


def noun_roles(noun, index: EntityIndex, ctx: Context = Context()) -> Roles:
    """Actor and recipient of an event noun: "Kim's visit to Russia", "talks between X and Y"."""
    roles = Roles()
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            add_new(roles.actor, phrase_entities(child, index))
    for pobj in prep_objects(noun, {"by", "from"}):
        add_new(roles.actor, phrase_entities(pobj, index))
    between = prep_objects(noun, {"between", "among"})
    for pobj in between:
        add_new(roles.actor, phrase_entities(pobj, index) or pair_entities(pobj, index))
    if len(roles.actor) > 1 and between:
        roles.reciprocal = True
    add_new(roles.recipient, ctx.recipients(noun, NOUN_RECIPIENT_PREPS, index))
    host = host_verb(noun)
    if ctx.event == "REQUEST" and not roles.recipient:  # "its demand that Israel ease ..."
        add_new(roles.recipient, clause_subjects(noun, index) or
             (clause_subjects(host, index) if host is not None else []))
    roles.host = host
    # "lauded the Russian military for its invasion": an unresolved possessive pronoun refers
    # to the nearest noun phrase before it, which need not be the host verb's subject
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and not roles.actor:
            add_new(roles.actor, pronoun_antecedent(c, index))
    if host is not None:
        hosted = verb_roles(host, index, ctx=ctx)
        if not roles.actor:
            if noun.dep_ == "nsubjpass":
                roles.actor = hosted.actor
            elif not hosted.actor and children(host, "nsubjpass"):
                # "forces were engaged in ethnic cleansing": the passive subject acts
                roles.actor = [e for s in children(host, "nsubjpass") for e in subject_entities(s, index)]
            elif host.lemma_.lower() not in load_lexicon().cue("topic_gov"):
                # the subject is the surer role: "imposed restrictions on its market"; but one
                # who "raised the blockade" or "discussed the attack" talks about it
                roles.actor = list(hosted.actor)
        if not roles.recipient:
            roles.recipient = [r for r in hosted.recipient if r not in roles.actor]
    roles.recipient = [r for r in roles.recipient if r not in roles.actor]
    if ctx.event == "PROTEST" and not roles.recipient:  # "a hunger strike to demand ..."
        add_new(roles.recipient, [e for t in [noun] + ([host] if host is not None else [])
                               for e in purpose_targets(t, index, ctx) if e not in roles.actor])
    if ctx.event in PLACE_TARGET_EVENTS and not roles.recipient:
        add_new(roles.recipient, [e for e in place_targets(noun, index) if e not in roles.actor])
    if len(roles.actor) > 1 and not roles.recipient:
        roles.reciprocal = True
    return roles


def event_roles(trigger, index: EntityIndex, event: Optional[str] = None,
                triggers=frozenset()) -> Roles:
    """Roles of a trigger token (verb or noun) evoking `event`, among the sentence's `triggers`
    (token indexes)."""
    ctx = Context(event, frozenset(triggers))
    if trigger.pos_ == "NOUN":
        return noun_roles(trigger, index, ctx)
    return verb_roles(trigger, index, ctx=ctx)
