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

import re
from dataclasses import dataclass

from ..actors.knowledge import load as load_actor_knowledge
from ..actors.knowledge import terms_covering
from ..actors.sports import SPORTS_WORDS, is_sports
from ..actors.tokens import drop_token_view
from .lexicon import Entry, Lexicon
from .mentions import children

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "poss", "compound",
                           "amod", "nmod", "appos"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "i", "my", "me"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "we", "our", "us"})
# the party and state of a U.S. legislator after the name: " (R-Utah)", " (D-N.C.)"
PARTY_TAG = re.compile(r"\s*\([RDI]-[A-Z][A-Za-z. ]{1,15}\)")
# nouns of quantity whose "of" names the people counted ("thousands of protesters")
QUANTITY_WORDS = frozenset({"thousand", "hundred", "dozen", "million", "score", "number", "group",
                            "crowd", "band", "unit", "member"})


@dataclass(frozen=True)
class Politics:
    """What makes a participant political in one document: its political entities (by id), the
    nationalities it names, and the words that name political actors or objects (role nouns of
    `roles.tsv`, `@political_word`, the event words of `@political_trigger`)."""

    entities: frozenset
    nations: frozenset  # nationalities and peoples named ("Israeli", "the Palestinians")
    civilian: frozenset  # entities coded with a sector of their own, not a political one
    role_words: dict  # phrase -> (sector, names a person) of a role noun of roles.tsv
    political_sectors: frozenset
    collective_sectors: frozenset
    collective_events: frozenset
    words: frozenset  # @political_word
    triggers: frozenset  # @political_trigger: "lemma" or "lemma+word" of a lexicon reading
    natural: frozenset  # @natural_cause
    equipment: frozenset  # @state_equipment: what a state's modifier makes the state's
    groups: frozenset  # organisations (ORG entities): a protest by one is a collective act
    activists: frozenset  # people coded with a sector of the groups' (activists, unionists)
    group_nouns: frozenset  # @group_noun: "the party", "the group", "the movement"
    unknown: frozenset  # entities no table codes either way (see the module docstring)
    reporting: frozenset  # @report_gov: the verbs of a source telling the story
    people: frozenset  # @people_noun: a nation's people ("Palestinian civilians")

    def political_phrase(self, tok, index) -> bool:
        """The phrase headed by `tok` names a political actor or object by its words: its head
        (alone or with a modifier: "security forces", "riot police") is a role noun of a
        political sector or a political word, or a modifier is a political body or word ("a
        military convoy", "a police car", "the navy's frigate"), or the owner is an official
        ("the president's proposal"); also the object of its "for"
        ("a camp for refugees") and of the "of" after a number ("thousands of soldiers"). The
        organisation a title belongs to decides: "company officials", "a bank official",
        "Magna's chief financial officer" are no officials of a state."""
        for t in [tok] + attached_objects(tok):
            mods = children(t, "compound", "amod", "poss")
            if any(self.civilian_modifier(m, index) for m in mods):
                continue
            heads = {t.lemma_.lower(), t.lower_}
            if any(self.political_word(h) for h in heads):
                return True
            if any(self.political_word(f"{m.lower_} {h}") for m in mods for h in heads):
                return True
            if any(self.political_body(m.lower_) or m.lemma_.lower() in self.words for m in mods):
                return True
            if any(self.political_word(m.lower_) for m in mods if m.dep_ == "poss"):
                return True  # the owner takes part: "the president's proposal"
        return False

    def political_word(self, phrase: str) -> bool:
        role = self.role_words.get(phrase)
        return phrase in self.words or phrase in self.triggers or (
            role is not None and role[0] in self.political_sectors)

    def political_body(self, word: str) -> bool:
        """A modifier that names a political body or group alone ("military", "police"), not a
        title ("general manager", "a major change")."""
        role = self.role_words.get(word)
        return word in self.triggers or (role is not None and role[0] in self.political_sectors
                                         and not role[1])

    def civilian_modifier(self, mod, index) -> bool:
        """A modifier naming the civilian organisation a title belongs to: a role noun of a
        sector that is neither political nor a group's ("company", "bank", "university"), or an
        entity coded with such a sector."""
        role = self.role_words.get(mod.lemma_.lower()) or self.role_words.get(mod.lower_)
        if role is not None and role[0] not in self.political_sectors | self.collective_sectors:
            return True
        return index.by_token.get(mod.i) in self.civilian

    def collective_phrase(self, tok, index) -> bool:
        """The phrase headed by `tok` names a group of people: a plural, a number, a
        coordination, an organisation ("the party said it will boycott"), a role noun of a
        collective sector ("protesters", "workers"), or a person acting for a cause or an office
        ("the leading human rights activist staged a hunger strike")."""
        entity = index.by_token.get(tok.i)
        if entity in self.groups or entity in self.entities or entity in self.activists:
            return True
        if tok.lower_ in SINGULAR_PRONOUNS or (tok.ent_type_ == "PERSON" and not children(tok, "conj")):
            return False
        if tok.tag_ in PLURAL_TAGS or tok.lower_ in PLURAL_PRONOUNS or children(tok, "nummod", "conj"):
            return True
        return any((self.role_words.get(p) or ("", False))[0] in self.collective_sectors
                   or p in self.group_nouns for p in (tok.lemma_.lower(), tok.lower_))

    def natural_cause(self, tok) -> bool:
        """A force of nature or an accident ("the quake", "a car crash", "wildfires")."""
        return tok.lemma_.lower() in self.natural or tok.lower_ in self.natural


def attached_objects(tok) -> list:
    """Objects that stand for a phrase's people: of "for" ("a camp for refugees"), and of "of"
    after a number or quantity ("thousands of protesters", "dozens of soldiers")."""
    out = []
    for prep in children(tok, "prep"):
        if prep.lower_ == "for" or (prep.lower_ == "of" and (
                tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITY_WORDS)):
            out += children(prep, "pobj")
    return out


def document_politics(doc, lex: Lexicon) -> Politics:
    """The political participants of one document (see the module docstring)."""
    political = lex.cue("political_sector")
    collective = lex.cue("collective_sector")
    kb = load_actor_knowledge()
    heads = lex.cue("political_name_head")
    sports = sports_report(doc)
    words = lex.cue("political_word")
    entities = frozenset() if sports else frozenset(
        e.id for e in doc.entities
        if political_entity(e, political) or leader_name(e, kb, doc.published)
        or (e.label == "ORG" and e.name.split()[-1].lower() in heads)
        or (e.label == "PERSON" and titled(doc, e, words)))
    nations = frozenset() if sports else frozenset(
        e.id for e in doc.entities if e.label == "NORP" and e.actor is not None and e.actor.country)
    civilian = frozenset(e.id for e in doc.entities if e.actor is not None and e.actor.sector
                         and e.actor.sector.lower() not in political | collective)
    roles = {phrase: (sector.lower(), person) for phrase, (sector, person) in kb.roles.items()}
    groups = frozenset(e.id for e in doc.entities if e.label == "ORG" and e.id not in civilian)
    activists = frozenset(e.id for e in doc.entities if e.label == "PERSON" and e.actor is not None
                          and (e.actor.sector or "").lower() in collective)
    unknown = frozenset() if sports else frozenset(
        e.id for e in doc.entities if e.id not in entities and e.id not in civilian and (
            (e.label in ("ORG", "GPE") and e.id not in nations)
            or (e.label == "PERSON" and e.actor is not None and e.actor.country)))
    return Politics(entities, nations, civilian - activists, roles, political, collective,
                    frozenset(t.upper() for t in lex.cue("collective_event")),
                    lex.cue("political_word"), lex.cue("political_trigger"), lex.cue("natural_cause"),
                    lex.cue("state_equipment"), groups, activists, lex.cue("group_noun"), unknown, lex.cue("report_gov"), lex.cue("people_noun"))


def sports_report(doc) -> bool:
    """A sports report (`actors.sports.is_sports`), unless its sport words are only words of
    names ("the Arab League", "the World Cup Organising Committee")."""
    if doc.parse is None or not is_sports(doc.parse):
        return False
    text = doc.parse.text
    drop_token_view(doc.parse)  # the actors' working view of the parse, not kept by events
    first = text[:200].split("\n", 1)[0]
    names = [(m.start - doc.parse_offset, m.end - doc.parse_offset)
             for e in doc.entities if e.label != "EVENT" for m in e.mentions]
    words = list(SPORTS_WORDS.finditer(first))
    return not words or not all(any(a <= w.start() < b for a, b in names) for w in words)


def titled(doc, entity, words: frozenset) -> bool:
    """A person introduced with a political title the role table does not list ("Sen. Ted
    Cruz", "Trooper Drew Ledbetter"), or with a party and state tag ("Jason Chaffetz (R-Utah)"):
    a political actor wherever the story names them."""
    text, off = doc.text, doc.parse_offset
    for m in entity.mentions:
        if m.kind not in (None, "name"):
            continue
        before = text[max(off, m.start - 40):m.start].split()
        if before and before[-1].lower() in words:
            return True
        if PARTY_TAG.match(text, m.end):
            return True
    return False


def political_entity(entity, sectors: frozenset) -> bool:
    """An entity coded as a political actor: a political sector, and for a person an office."""
    actor = entity.actor
    if actor is None or not actor.sector or actor.sector.lower() not in sectors:
        return False
    return entity.label != "PERSON" or bool(actor.role)


def leader_name(entity, kb, published) -> bool:
    """A person the leaders table lists: a full name with any term in office, before or after
    the publication date (a candidate, a former president: politicians all); a bare surname
    only with a term covering the publication date ("Erdogan" in 2024), any term when the date
    is unknown."""
    if entity.label != "PERSON":
        return False
    terms = kb.leader_terms(entity.name)
    if len(entity.name.split()) > 1 or not published:
        return bool(terms)
    return bool(terms_covering(terms, published))


def argument_heads(tok, host=None) -> list:
    """The heads of the phrases that fill the roles of a trigger (and of the verb that carries
    a noun trigger): subjects, objects, agents, possessors, modifiers, objects of prepositions,
    with their conjuncts. A relative pronoun stands for the noun its clause describes ("Iraqis
    who seized"); a verb without a subject of its own takes its governor's ("forced to
    withdraw", "arrived and met"), and one after a preposition the governor's subject and object
    too ("thanked X for supporting", "held him in contempt for refusing"); coordinated verbs
    share their objects and agents ("shot and killed Judge Barnes")."""
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
    # coordinated predicates share their participants: "shot and killed Judge Barnes"
    for other in [c for c in children(verb, "conj") if c.pos_ == "VERB"] + (
            [verb.head] if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else []):
        heads += children(other, "dobj", "nsubjpass") + [p for a in children(other, "agent")
                                                         for p in children(a, "pobj")]
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
    docstring). An event noun with no participant of its own ("after the talks") is political
    when the subject of its sentence's main clause is ("Yeltsin and Kuchma called ... after the
    talks")."""
    if natural_doer(trigger, host, politics):
        return False
    if entry.lemma in politics.triggers or f"{entry.lemma}+{entry.needs}" in politics.triggers:
        return True
    if any((e in politics.entities or e in politics.nations) and named_here(e, trigger, index, politics)
           for e in actor + recipient):
        return True
    heads = argument_heads(trigger, host)
    if any(politics.political_phrase(h, index) for h in heads):
        return True
    named = {index.by_token.get(h.i) for h in heads} & (politics.entities | politics.nations)
    if any(named_here(e, trigger, index, politics) for e in named):
        return True
    if entry.event in politics.collective_events:
        return collective_act(trigger, host, politics, index)
    if trigger.pos_ == "NOUN" and not actor and not recipient:
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
    doers = subject_heads(trigger, host)
    if trigger.pos_ == "NOUN":
        return not doers or any(politics.collective_phrase(o, index) for o in doers)
    verb = host if host is not None else trigger
    if verb.dep_ == "ccomp" and any(d.pos_ == "PRON" and d.i not in index.by_token for d in doers):
        doers += children(verb.head, "nsubj")  # "the party said it will boycott"
    return any(politics.collective_phrase(h, index) for h in doers)
