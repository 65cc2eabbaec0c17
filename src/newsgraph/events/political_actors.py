"""Who is political in one document: the entities, nationalities and words that make an event's
participant a political actor (`Politics`, built once per document by `document_politics`).
`events.political` reads it for each trigger; its docstring says what counts and why.

- entities coded by the entities stage with a political sector (`@political_sector`), a person
  only with an office, a title ("Sen.", `@political_word`) or a party tag ("(R-Utah)"), or as a
  leader of the leaders table; organisations named like parties or fronts
  (`@political_name_head`);
- nationalities (NORP entities with a country), civilian entities (coded with another sector),
  and entities no table codes either way;
- role nouns of `roles.tsv` and the lexicon's word lists (`@political_word`,
  `@political_trigger`, `@natural_cause`, `@state_equipment`, `@group_noun`, `@people_noun`);
- none of it in a sports report (`sports_report`), where countries and clubs are teams.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors.knowledge import load as load_actor_knowledge
from ..actors.knowledge import terms_covering
from ..actors.sports import SPORTS_WORDS, is_sports
from ..actors.tokens import drop_token_view
from .lexicon import Lexicon
from .mentions import children

PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# the party and state of a U.S. legislator after the name: " (R-Utah)", " (D-N.C.)"
PARTY_TAG = re.compile(r"\s*\([RDI]-[A-Z][A-Za-z. ]{1,15}\)")


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
    quantities: frozenset  # @quantity_noun: nouns whose "of" names the people counted

    def political_phrase(self, tok, index) -> bool:
        """The phrase headed by `tok` names a political actor or object by its words: its head
        (alone or with a modifier: "security forces", "riot police") is a role noun of a
        political sector or a political word, or a modifier is a political body or word ("a
        military convoy", "a police car", "the navy's frigate"), or the owner is an official
        ("the president's proposal"); also the object of its "for"
        ("a camp for refugees") and of the "of" after a number ("thousands of soldiers"). The
        organisation a title belongs to decides: "company officials", "a bank official",
        "Magna's chief financial officer" are no officials of a state."""
        for t in [tok] + attached_objects(tok, self.quantities):
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
        number = tok.morph.get("Number") if tok.pos_ == "PRON" else []
        if number == ["Sing"] or (tok.ent_type_ == "PERSON" and not children(tok, "conj")):
            return False
        if tok.tag_ in PLURAL_TAGS or number == ["Plur"] or children(tok, "nummod", "conj"):
            return True
        return any((self.role_words.get(p) or ("", False))[0] in self.collective_sectors
                   or p in self.group_nouns for p in (tok.lemma_.lower(), tok.lower_))

    def natural_cause(self, tok) -> bool:
        """A force of nature or an accident ("the quake", "a car crash", "wildfires")."""
        return tok.lemma_.lower() in self.natural or tok.lower_ in self.natural


def attached_objects(tok, quantities: frozenset) -> list:
    """Objects that stand for a phrase's people: of "for" ("a camp for refugees"), and of "of"
    after a number or a noun of `quantities` ("thousands of protesters", "dozens of soldiers")."""
    out = []
    for prep in children(tok, "prep"):
        if prep.lower_ == "for" or (prep.lower_ == "of" and (
                tok.pos_ == "NUM" or tok.lemma_.lower() in quantities)):
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
                    lex.cue("state_equipment"), groups, activists, lex.cue("group_noun"), unknown, lex.cue("report_gov"), lex.cue("people_noun"),
                    lex.cue("quantity_noun"))


def sports_report(doc) -> bool:
    """A sports report (`actors.sports.is_sports`), unless its sport words are only words of
    names ("the Arab League", "the World Cup Organising Committee")."""
    if doc.parse is None:
        return False
    sports = is_sports(doc.parse)
    drop_token_view(doc.parse)  # the actors' working view of the parse, not kept by events
    if not sports:
        return False
    text = doc.parse.text
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
