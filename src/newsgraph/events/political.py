"""Is the event political? A trigger in its political sense is not enough: PLOVER codes the acts
of political actors, so an event also needs a political participant.

The words of the sixteen categories have everyday senses that the lexicon cannot tell apart
by the word alone: a team "beat" another, a company "agreed" to merge, a player "protested" a
call, an airline "suspended" flights, a star "thanked" her fans, an earthquake "struck". What
makes an act political is who does it or to whom (the PLOVER and CAMEO actor codes):

- a participant entity coded as a political actor (`Entity.actor`, by the entities stage) whose
  sector is political (`@political_sector` in the lexicon: governments and their organs,
  militaries, courts, legislatures, the opposition, rebels, international organisations,
  intelligence services). A person counts only with a role the text or the leaders table gives
  them ("President", "the minister", "a spokesman"), or when their name is one the leaders
  table lists for an office held on the publication date ("Erdogan", "Peskov": the entities
  stage does not code a bare surname as the leader, but it is a leader's surname): a
  nationality alone codes a person's country, not an office;
- a nationality that is itself a participant, not a word about someone else: "the Israelis",
  "Seven Iraqis", "an Israeli air strike" (of the state), but not "Turkish fans" or "a
  Brazilian midfielder";
- a participant named by a role noun of such a sector, with no name ("police detained",
  "officials said", "an attack on a military convoy", "Russian troops"), read from the role
  table the entities stage codes actors with (`roles.tsv`) and the lexicon's `@political_word`
  (adjectives and installations of the state: "presidential palace", "a checkpoint"), or a
  political object named by an event word that has no everyday sense ("lifted the curfew");
  the organisation a title belongs to decides ("company officials" are no state's);
- the event word itself, when it has no everyday sense (`@political_trigger`: a ceasefire, an
  embargo, an air strike, an arrest, an extradition, asylum, a treaty);
- for a protest, a collective actor: PLOVER's PROTEST is a civilian collective act, so
  "thousands marched" and "students protested" are events without an official in sight, while
  one player who "protested" a referee's decision is not.

No act is anyone's when its doer is a force of nature or an accident (`@natural_cause`: "the
quake struck", "killed in a crash", "the threat of wildfires"), whoever suffers it.

A named participant takes part itself only where it heads its phrase or names the event's own
doer ("Mauritania's soccer federation suspended the championship" is the federation's act, not
Mauritania's; "an Israeli air strike" is Israel's).

A participant the tables do not know either way (an organisation no table codes, a person with
a country but no office, a town, a committee or a group) makes the event political when its
sentence is about political
actors: one of them heads a phrase of the sentence ("Khmer Rouge guerrillas kidnapped a British
expert", "Chaffetz declined"), and no participant is a civilian one (a company, a bank, fans).

In a sports report (`actors.sports.is_sports`: a sport in the first line, or score lines; not a
sport word only inside a name, as in "the Arab League"), countries, cities and clubs are teams
and their people players: no named participant there is political, only role nouns ("riot
police", "the government").
"""
from __future__ import annotations

from .lexicon import Entry
from .mentions import children, dateline_subject
from .political_actors import Politics

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "poss", "compound",
                           "amod", "nmod", "appos"})
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def argument_heads(tok, host=None) -> list:
    """The heads of the phrases that fill the roles of a trigger (and of the verb that carries
    a noun trigger): subjects, objects, agents, possessors, modifiers, objects of prepositions,
    with their conjuncts. A relative pronoun stands for the noun its clause describes ("Iraqis
    who seized"); a verb without a subject of its own takes its governor's ("forced to
    withdraw", "arrived and met"), and one after a preposition the governor's subject and object
    too ("thanked X for supporting", "held him in contempt for refusing"). A coordinated
    verb's objects are not borrowed: measured on both parts of the event gold, doing so found
    no event more and gave one no-event sentence an event."""
    heads = []
    for t in [tok] + ([host] if host is not None else []):
        for c in t.children:
            if c.dep_ in ARGUMENT_DEPS:
                heads.append(t.head if c.tag_ in RELATIVE_TAGS and t.dep_ == "relcl" else c)
            elif c.dep_ in ("prep", "agent"):
                heads += children(c, "pobj")
    verb = host if host is not None else tok
    if verb.pos_ in ("VERB", "AUX") and not children(verb, "nsubj", "nsubjpass"):
        heads += governor_arguments(verb)
    out = []
    for h in heads:
        out += [h] + children(h, "conj")
    return out


def governor_arguments(verb) -> list:
    """The subject (and, through a preposition, the objects) of the verb a subjectless verb
    depends on; for a clause describing a noun, that noun ("demonstrators protesting ...")."""
    gov = verb.head
    for _ in range(3):
        if gov.i == verb.i:
            return []
        if verb.dep_ in ("relcl", "acl"):
            return [gov]
        if verb.dep_ == "pcomp" and gov.pos_ == "ADP":
            return children(gov.head, "nsubj", "nsubjpass", "dobj", "dative")
        if verb.dep_ not in ("xcomp", "conj", "advcl", "ccomp"):
            return []
        subj = children(gov, "nsubj", "nsubjpass")
        if subj:
            return subj
        verb, gov = gov, gov.head
    return []


def subject_heads(tok, host=None) -> list:
    """The heads of the doers: the subjects and agents of the trigger (or of its carrying verb),
    else its governor's ("demonstrators protesting", "forced to withdraw")."""
    verb = host if host is not None else tok
    heads = children(verb, "nsubj") + [p for a in children(verb, "agent") for p in children(a, "pobj")]
    if tok.pos_ == "NOUN":
        heads += children(tok, "poss") + [p for pr in children(tok, "prep") if pr.lower_ == "by"
                                          for p in children(pr, "pobj")]
    if not heads and verb.pos_ in ("VERB", "AUX") and not children(verb, "nsubjpass"):
        heads = governor_arguments(verb)
    return [x for h in heads for x in [h] + children(h, "conj")]


def is_political(trigger, entry: Entry, actor: list, recipient: list, host, politics: Politics,
                 index) -> bool:
    """The event that `entry` reads at `trigger` is political: its doer is no force of nature,
    and its word has no everyday sense or one of its participants is political (see the module
    docstring). An event noun with no doer of its own ("after the talks", "the expulsion of two
    reporters") is political when the subject of its sentence's main clause is ("Yeltsin and
    Kuchma called ... after the talks", "the ministry announced the expulsion of two
    reporters"): what the act is done to does not tell who does it."""
    if natural_doer(trigger, host, politics):
        return False
    if entry.lemma in politics.triggers or f"{entry.lemma}+{entry.needs}" in politics.triggers:
        return True
    if any((e in politics.entities or e in politics.nations) and named_here(e, trigger, index, politics)
           for e in actor + recipient):
        return True
    heads = argument_heads(trigger, host) + dateline_subject(host if host is not None else trigger, index)
    if any(politics.political_phrase(h, index) for h in heads):
        return True
    named = {index.by_token.get(h.i) for h in heads} & (politics.entities | politics.nations)
    if any(named_here(e, trigger, index, politics) for e in named):
        return True
    if entry.event in politics.collective_events:
        return collective_act(trigger, host, politics, index)
    if trigger.pos_ == "NOUN" and not actor:
        subjects = children(trigger.sent.root, "nsubj", "nsubjpass")
        return any(index.by_token.get(s.i) in politics.entities or politics.political_phrase(s, index)
                   for s in subjects + [c for s in subjects for c in children(s, "conj")])
    participants = set(actor + recipient) | {index.by_token.get(h.i) for h in heads}
    groups = any(h.lemma_.lower() in politics.group_nouns and not any(
        politics.civilian_modifier(m, index) for m in children(h, "compound", "amod", "poss")) for h in heads)
    if (participants & politics.unknown or groups) and not participants & politics.civilian:
        return political_sentence(trigger.sent, politics, index)
    return False


def political_sentence(sent, politics: Politics, index) -> bool:
    """The sentence is about political actors: a political entity or a political role noun
    heads one of its phrases, other than the source who tells it ("police said ...")."""
    for tok in sent:
        if tok.dep_ in MODIFIER_DEPS or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in politics.reporting:
            continue
        if index.by_token.get(tok.i) in politics.entities or politics.political_phrase(tok, index):
            return True
    return False


def natural_doer(trigger, host, politics: Politics) -> bool:
    """The doer is a force of nature or an accident: the subject or agent ("the storm killed",
    "a quake struck"), the cause the event is "in" ("killed in a car crash"), or what an event
    noun is "of" ("the threat of wildfires"), or a clause saying how ("killed when two
    helicopters crashed")."""
    doers = subject_heads(trigger, host)
    verb = host if host is not None else trigger
    doers += [p for pr in children(verb, "prep") if pr.lower_ in ("in", "by") for p in children(pr, "pobj")]
    # "... when two helicopters crashed", not "as shells continued crashing into the port"
    doers += [c for c in children(verb, "advcl") if c.pos_ == "VERB" and not any(
        s.lemma_.lower() in politics.words for s in children(c, "nsubj"))]
    if trigger.pos_ == "NOUN":
        doers += [p for pr in children(trigger, "prep") if pr.lower_ == "of" for p in children(pr, "pobj")]
    return any(politics.natural_cause(d) for d in doers)


def named_here(entity_id: str, trigger, index, politics: Politics) -> bool:
    """The entity takes part itself: in the trigger's sentence it heads a phrase ("the
    Israelis", "Seven Iraqis", "Russia"), it modifies the event word itself ("an Israeli air
    strike"), a name ("U.S. Secretary of State Madeleine Albright"), a political phrase ("the
    Turkish government"), a state's equipment ("Israeli helicopters and tanks") or, for a
    nationality, its people ("two Iraqi youths"), not any other noun ("Turkish fans",
    "Mauritania's soccer federation"); or it is not named in the sentence
    at all (a participant the roles found elsewhere: "the two leaders")."""
    mentioned = False
    for tok in trigger.sent:
        if index.by_token.get(tok.i) != entity_id:
            continue
        mentioned = True
        head = tok.head
        if tok.dep_ not in MODIFIER_DEPS or head.i == trigger.i or head.ent_type_:
            return True
        if head.lemma_.lower() in politics.equipment or politics.political_phrase(head, index):
            return True
        if head.lemma_.lower() in politics.people and entity_id in politics.nations:
            return True  # "two Iraqi youths", "Palestinian civilians": the nation's people
    return not mentioned


def collective_act(trigger, host, politics: Politics, index) -> bool:
    """A protest by a group: a protest noun whose owner is no single person ("violent protests
    spread", "a strike by dockers"), or a verb whose doer is a group ("thousands marched",
    "demonstrators protesting election results")."""
    doers = subject_heads(trigger, host) + dateline_subject(host if host is not None else trigger, index)
    if trigger.pos_ == "NOUN":
        return not doers or any(politics.collective_phrase(o, index) for o in doers)
    verb = host if host is not None else trigger
    if verb.dep_ == "ccomp" and any(d.pos_ == "PRON" and d.i not in index.by_token for d in doers):
        doers += children(verb.head, "nsubj")  # "the party said it will boycott"
    return any(politics.collective_phrase(h, index) for h in doers)
