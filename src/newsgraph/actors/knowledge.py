"""Curated actor knowledge: countries (the one country table, knowledge/countries.py), outlets, international organisations, government bodies,
leaders and role words, loaded once from `newsgraph/knowledge/*.tsv` into lookup tables.

Names are looked up by a normalised key (`name_key`): lower case, typographic apostrophes
straightened, whitespace collapsed, so that "Democratic People’s Republic of Korea" and
"democratic people's republic of korea" meet. Each known name maps to `Known` entries: what the
name is (its label and the canonical actor it stands for); a name may be ambiguous (Georgia).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..knowledge import TableError, read_table, read_words, split_cell
from ..knowledge.countries import countries

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")
# a name written in capitals, like AP, KCNA or U.N.: matched only with the same case
_ACRONYM = re.compile(r"^[A-Z0-9.&/+-]+$")


def name_key(text: str) -> str:
    """The lookup key of a name: lower case, straight apostrophes, single spaces, and no space
    before a possessive or a hyphen (spaCy splits "People's" and "Ha-kyou")."""
    text = _SPACE.sub(" ", text.translate(_APOS).strip().lower())
    return text.replace(" 's", "'s").replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def squash(text: str) -> str:
    """A spelling-variant key: letters and digits only ("Kim Jong-un" = "Kim Jong Un")."""
    return re.sub(r"[^0-9a-z]", "", text.translate(_APOS).lower())


@dataclass(frozen=True)
class Known:
    """One meaning of a known name."""

    kind: str  # country | demonym | capital | territory | outlet | igo | body | leader
    label: str  # OntoNotes label the name takes
    canonical: str  # the actor's canonical name ("North Korea", "TASS", "Kim Jong-un")
    country: Optional[str] = None  # ISO alpha-3
    sector: Optional[str] = None
    role: Optional[str] = None
    acronym: bool = False  # written in capitals: match only with the same case
    weak: bool = False  # a common word too ("Time", "Focus"): only confirms a name spaCy found


@dataclass(frozen=True)
class Term:
    """One term of office of a leader (leaders.tsv)."""

    name: str
    country: str
    office: str
    sector: str
    start: str
    end: str
    role: str


@dataclass
class Knowledge:
    """Every table, keyed for lookups."""

    names: dict[str, list[Known]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)  # first word of every known name
    max_words: int = 1
    terms: dict[str, list[Term]] = field(default_factory=dict)  # squash(name) -> terms
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # phrase -> (sector, person)
    leader_roles: frozenset = frozenset()  # heads of state or government ("president", "leader")
    speaker_roles: frozenset = frozenset()  # roles that speak for another body ("spokesman")
    # head nouns of the person roles ("official", "spokesman"): an unnamed subject so headed can
    # itself be what "he" or "she" refers to (actors.pronouns)
    person_nouns: frozenset = frozenset()
    role_words: int = 1
    demonyms: dict[str, str] = field(default_factory=dict)  # name_key -> ISO3 (also countries)
    teams: set[str] = field(default_factory=set)  # squash() of teams named like places
    company_suffixes: frozenset = frozenset()  # "Inc", "AG": the last word of a firm's name

    def add(self, name: str, known: Known) -> None:
        key = name_key(name)
        if not key:
            return
        entries = self.names.setdefault(key, [])
        if known not in entries:
            entries.append(known)
        words = key.split(" ")
        self.first_words.add(_first_word(key))
        self.max_words = max(self.max_words, len(words) + key.count("'s") + key.count("-") * 2)

    def lookup(self, text: str) -> list[Known]:
        return self.names.get(name_key(text), [])

    def country_of(self, text: str) -> Optional[str]:
        """ISO3 of a country name, alias, demonym, capital or territory ("South Korean" -> KOR)."""
        return self.demonyms.get(name_key(text))

    def leader_terms(self, name: str) -> list[Term]:
        return self.terms.get(squash(name), [])


def _first_word(key: str) -> str:
    return re.split(r"[ '\-.]", key, maxsplit=1)[0] or key


# the columns each table's loader reads (knowledge.read_table checks them against the header)
OUTLET_COLUMNS = ("name", "aliases", "country", "kind", "common")
IGO_COLUMNS = ("name", "aliases", "parent")
BODY_COLUMNS = ("name", "aliases", "country", "sector", "role")
LEADER_COLUMNS = ("name", "aliases", "country", "office", "sector", "start", "end", "role")
TEAM_COLUMNS = ("name", "sport", "country")
SUFFIX_COLUMNS = ("suffix", "note")
ROLE_COLUMNS = ("phrase", "sector", "person", "leader", "speaks_for")


def _common_names(row, names: list[str]) -> frozenset[str]:
    """The names of an outlet that are everyday words too (the `common` column): whole names,
    each one of the outlet's own names, so "The Hindu" is weak and "the" or "Hindu" is not."""
    common = frozenset(split_cell(row.common))
    stray = common.difference(names)
    if stray:
        raise TableError(f"outlets.tsv: {row.name}: common names {sorted(stray)} are not among "
                         f"the outlet's names {names}")
    return common


ACTOR_WORD_KINDS = ("body_head", "media_noun", "generic_leader", "raising_verb", "weather_verb",
                    "sport")


@functools.lru_cache(maxsize=1)
def actor_words() -> dict[str, frozenset[str]]:
    """The word lists of knowledge/actor_words.tsv by kind (see its header), read once."""
    return {kind: frozenset(words)
            for kind, words in read_words("actor_words.tsv", ACTOR_WORD_KINDS).items()}


@functools.lru_cache(maxsize=1)
def load() -> Knowledge:
    """Read every table once (cached for the process)."""
    kb = Knowledge()
    for row in countries():
        if not row.actor:
            continue
        iso = row.iso3
        canonical = row.name
        for n in row.names:
            kb.add(n, Known("country", "GPE", canonical, iso, "GOV", acronym=bool(_ACRONYM.match(n))))
            kb.demonyms[name_key(n)] = iso
        for n in row.demonyms:
            kb.add(n, Known("demonym", "NORP", canonical, iso, acronym=bool(_ACRONYM.match(n))))
            kb.demonyms.setdefault(name_key(n), iso)
        for n in row.capitals:
            kb.add(n, Known("capital", "GPE", n, iso, "GOV"))
            kb.demonyms.setdefault(name_key(n), iso)
        for n in row.territories:
            kb.add(n, Known("territory", "GPE", n, iso))
            kb.demonyms.setdefault(name_key(n), iso)
    for row in read_table("outlets.tsv", OUTLET_COLUMNS):
        names = [row.name, *split_cell(row.aliases)]
        common = _common_names(row, names)
        for n in names:
            weak = n in common or (len(n) <= 3 and _ACRONYM.match(n) is not None)
            kb.add(n, Known("outlet", "ORG", row.name, row.country, "MED", row.kind,
                            acronym=bool(_ACRONYM.match(n)), weak=weak))
    for row in read_table("igos.tsv", IGO_COLUMNS):
        for n in [row.name, *split_cell(row.aliases)]:
            n = re.sub(r"^the ", "", n)
            kb.add(n, Known("igo", "ORG", row.name, None, "IGO", row.parent or None,
                            acronym=bool(_ACRONYM.match(n))))
    for row in read_table("bodies.tsv", BODY_COLUMNS):
        for n in [row.name, *split_cell(row.aliases)]:
            n = re.sub(r"^the ", "", n)
            kb.add(n, Known("body", "ORG", row.name, row.country, row.sector, row.role,
                            acronym=bool(_ACRONYM.match(n))))
    for row in read_table("leaders.tsv", LEADER_COLUMNS):
        term = Term(row.name, row.country, row.office, row.sector, row.start, row.end, row.role)
        for n in [row.name, *split_cell(row.aliases)]:
            terms = kb.terms.setdefault(squash(n), [])
            if term not in terms:
                terms.append(term)
            if len(n.split()) >= 2:  # full names only: a bare surname is not evidence enough
                kb.add(n, Known("leader", "PERSON", row.name, row.country, row.sector, row.role))
    for row in read_table("sports_teams.tsv", TEAM_COLUMNS):
        kb.teams.add(squash(row.name))
    kb.company_suffixes = frozenset(row.suffix for row in read_table("company_suffixes.tsv",
                                                                     SUFFIX_COLUMNS))
    roles = read_table("roles.tsv", ROLE_COLUMNS)
    for row in roles:
        kb.roles[row.phrase] = (row.sector, row.person == "1")
        kb.role_words = max(kb.role_words, len(row.phrase.split()))
    kb.leader_roles = frozenset(r.phrase for r in roles if r.leader == "1")
    kb.speaker_roles = frozenset(r.phrase for r in roles if r.speaks_for == "1")
    kb.person_nouns = frozenset(p.split()[-1] for p, (_, person) in kb.roles.items() if person)
    return kb


def terms_covering(terms: list[Term], date: Optional[str]) -> list[Term]:
    """The terms in office on `date` (none when the date is unknown)."""
    if not date:
        return []
    d = date[:10]
    return [t for t in terms if t.start[:len(d)] <= d and (not t.end or d <= t.end + "-99")]


def term_on(terms: list[Term], date: Optional[str]) -> Optional[Term]:
    """The term covering `date` (YYYY-MM-DD prefix compare), else the latest one."""
    if not terms:
        return None
    covering = terms_covering(terms, date)
    if covering:
        return covering[0]
    return max(terms, key=lambda t: t.start)
