"""Actor coding: country (ISO alpha-3), PLOVER sector, role and a CAMEO-style code per entity.

The text first, because it is dated and specific: the title before a name ("Russian Defense
Minister Sergei Shoigu", "ministry spokesperson Jeon Ha-kyou", "former American President
Donald Trump") and the appositive after it (", the Kremlin spokesman,"), read with the role
table (`roles.tsv`) and the country names and demonyms. Then the curated tables: a known outlet
(MED), international organisation (IGO), government body, state or capital (GOV), and the
leaders table, taking the term that covers the article's publication date. A state or capital
used as an actor ("Russia said", "Moscow warned") is coded GOV.
"""
from __future__ import annotations

from typing import Optional

from ..document import Actor, Document, Entity
from .cluster import NamedEntity
from .knowledge import Knowledge, term_on, terms_covering

WINDOW = 7  # tokens read before a name for its title
STOP_BEFORE = frozenset(("said", "says", "told", "and", "with", "by", "to", "for", "that",
                         "as", "but", "while", "when", "after", "before", "met", "between"))


def make_actor(country: Optional[str], sector: Optional[str], role: Optional[str]) -> Actor:
    """An Actor whose code is country + sector (either may be missing)."""
    code = f"{country or ''}{sector or ''}" or None
    return Actor(code=code, country=country, sector=sector, role=role)


def code_entities(doc: Document, named: list[NamedEntity], kb: Knowledge) -> None:
    """Set `actor` on each entity that is a political actor: its own coding first, then the
    country (and sector) of the state it is named with when that left the country unknown."""
    for one in named:
        ent = one.entity
        actor = code_entity(doc, one, kb)
        if actor is None or (not actor.country and actor.sector not in NO_STATE_SECTORS):
            actor = _with_state(actor, state_actor(doc, ent, kb))
        if actor is not None:
            ent.actor = actor


def _with_state(actor: Optional[Actor], state: Optional[Actor]) -> Optional[Actor]:
    """`actor` with the country of `state` filled in (its own sector and role kept)."""
    if state is None:
        return actor
    if actor is None:
        return state
    return make_actor(state.country, actor.sector or state.sector, actor.role)


def code_entity(doc: Document, named: NamedEntity, kb: Knowledge) -> Optional[Actor]:
    """The coding of one entity from what it is known as (a state, an outlet, an organisation,
    a leader) and the titles around its names; None when it is no political actor."""
    ent, known = named.entity, named.known
    if ent.label in ("GPE",) and known is not None and known.kind in ("country", "capital"):
        return make_actor(known.country, "GOV", None if known.kind == "country" else "capital")
    if ent.label == "ORG":
        if known is not None and known.kind in ("outlet", "igo", "body") and known.label == "ORG":
            if known.kind == "outlet":
                return make_actor(known.country if known.country != "INT" else None, "MED",
                                  _OUTLET_ROLE.get(known.role or "", "news outlet"))
            if known.kind == "igo":
                return Actor(code="IGO", country=None, sector="IGO", role=known.canonical)
            country = known.country if known.country not in ("INT", "") else None
            return make_actor(country, known.sector, known.role)
        return _code_org(doc, named, kb)
    if ent.label == "PERSON":
        return _code_person(doc, named, kb)
    return None


_OUTLET_ROLE = {"wire": "news agency", "state": "state media", "paper": "newspaper",
                "broadcaster": "broadcaster", "magazine": "magazine", "online": "news site"}


def _window_before(sdoc, start: int) -> list:
    toks = []
    j = start - 1
    while j >= 0 and len(toks) < WINDOW:
        t = sdoc[j]
        if (t.is_punct and t.text not in ("-", "'s", "’s") or t.lower_ in STOP_BEFORE
                or "\n" in t.text or t.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ")
                or t.ent_type_ == "PERSON"):
            break
        toks.append(t)
        j -= 1
    return list(reversed(toks))


def _window_after(sdoc, end: int) -> list:
    if end >= len(sdoc) or sdoc[end].text != ",":
        return []
    toks = []
    j = end + 1
    while j < len(sdoc) and len(toks) < 10:
        t = sdoc[j]
        if t.is_punct and t.text not in ("-", "'s", "’s"):
            break
        if t.pos_ in ("VERB", "AUX"):
            return []
        toks.append(t)
        j += 1
    return toks


def _read_title(toks, kb: Knowledge):
    """Role phrase, sector, country and 'former' from a few tokens around a name."""
    words = [t.lower_ for t in toks]
    role = sector = country = None
    for i in range(len(words)):
        for k in range(min(len(words), i + kb.role_words), i, -1):
            phrase = " ".join(words[i:k])
            if phrase in kb.roles and (role is None or len(phrase) > len(role)):
                role, sector = phrase, kb.roles[phrase][0]
    # countries: two-word names first ("South Korean"), then single words, then bodies
    for i in range(len(toks)):
        for k in (3, 2, 1):
            if i + k <= len(toks):
                text = " ".join(t.text for t in toks[i:i + k])
                if text[:1].isupper():
                    c = kb.country_of(text)
                    if c is None:
                        entries = [e for e in kb.lookup(text) if e.kind == "body"]
                        c = entries[0].country if entries else None
                        if c and role is None:
                            role, sector = None, entries[0].sector
                    if c and c != "INT":
                        country = country or c
                        break
    former = "former" in words or "ex" in words
    if role is not None:
        start = words.index(role.split()[0]) if role.split()[0] in words else 0
        role_text = " ".join(t.text for t in toks[start:start + len(role.split())])
        role = ("former " if former else "") + role_text
    return role, sector, country


def _code_person(doc: Document, named: NamedEntity, kb: Knowledge) -> Optional[Actor]:
    sdoc, ent = doc.parse, named.entity
    role = sector = country = None
    for x in named.names[:4]:
        for toks in (_window_before(sdoc, x.start), _window_after(sdoc, x.end)):
            if not toks:
                continue
            r, s, c = _read_title(toks, kb)
            if r and role is None:
                role, sector = r, s
            if c and country is None:
                country = c
            if role and country is None and any(t.lower_ in ("ministry", "ministry's") for t in toks):
                country, org_sector = _nearest_org_country(doc, ent, x.start)
                if org_sector and sector == "GOV":
                    sector = org_sector
        if role and country:
            break
    term = None
    for x in named.names:
        name = sdoc[x.start:x.end].text
        if x.end - x.start > 1 or not term:
            terms = kb.leader_terms(name)
            if terms and (x.end - x.start > 1 or len(ent.name.split()) > 1):
                term = term_on(terms, doc.published)
                if x.end - x.start > 1:
                    break
    if term is None and role is not None and country is None:
        term = _titled_surname_term(doc, ent, role, kb)
    if term is not None:
        country = country or (term.country if term.country != "INT" else None)
        sector = sector or term.sector
        role = role or term.role
    if role is None and country is None:
        return None
    return make_actor(country, sector or "GOV", role)


def _titled_surname_term(doc: Document, ent: Entity, role: str, kb: Knowledge):
    """ "President Obama", "Chancellor Merkel": a surname alone is not evidence enough, but a
    surname with the title of the one leader of that name in office on the publication date
    is."""
    if len(ent.name.split()) > 1:
        return None
    title = role.lower().removeprefix("former ").split()[-1]
    found = [t for t in terms_covering(kb.leader_terms(ent.name), doc.published)
             if title in t.role.lower().split()]
    return found[0] if len({t.country for t in found}) == 1 else None


def _nearest_org_country(doc: Document, ent: Entity, before_token: int):
    """Country and sector of the nearest coded ministry-like ORG mentioned before a token."""
    best = None
    start = doc.parse[before_token].idx + doc.parse_offset
    for other in doc.entities:
        if other.label != "ORG" or other.actor is None or not other.actor.country:
            continue
        if "ministry" not in other.name.lower():
            continue
        firsts = [m.start for m in other.mentions if m.start < start]
        if firsts and (best is None or max(firsts) > best[0]):
            best = (max(firsts), other.actor)
    if best is None:
        return None, None
    return best[1].country, best[1].sector


def _code_org(doc: Document, named: NamedEntity, kb: Knowledge) -> Optional[Actor]:
    """An organisation named with its state ("South Korean" + "Defense Ministry") or a role word."""
    sdoc, ent, names = doc.parse, named.entity, named.names
    if not names:
        return None
    x = names[0]
    toks = _window_before(sdoc, x.start)[-3:]
    words = [t.lower_ for t in sdoc[x.start:x.end]]
    role = sector = None
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if phrase in kb.roles:
            role, sector = phrase, kb.roles[phrase][0]
            break
    country = None
    for k in (3, 2, 1):
        if len(toks) >= k:
            text = " ".join(t.text for t in toks[-k:]).replace(" 's", "").replace(" ’s", "")
            country = kb.country_of(text)
            if country:
                break
    if country is None and sector is None:
        return None
    name = " ".join(sdoc[x.start:x.end].text.split())
    if country and len(toks):
        modifier = " ".join(t.text for t in toks if kb.country_of(t.text) or t.text[:1].isupper())
        if modifier and not ent.name.startswith(modifier):
            ent.name = f"{modifier} {name}".replace(" 's ", "'s ")
    return make_actor(country, sector, role and role.title())


# --- the state an entity is named with -------------------------------------------------------
# A name that is, contains or stands next to a country name, demonym or capital belongs to that
# state: "Russians", "Moscow's", "the South Korean Defense Ministry", "Russian troops", "the
# French government", "Sergei Lavrov, the foreign minister of Russia". The sector comes from a
# role or group noun with it ("troops" MIL, "government" GOV, "militants" REB; roles.tsv).

NO_STATE_SECTORS = frozenset(("IGO",))  # "Organization of American States" is not American
MAX_COUNTRY_WORDS = 5  # longest country name, in words, looked for inside a longer name


def country_of_name(kb: Knowledge, name: str) -> Optional[str]:
    """ISO alpha-3 of a whole name: "Russia", "Russians", "Moscow's", "the Kremlin" -> RUS."""
    key = " ".join(name.replace("’", "'").split())
    for cand in (key, key.removesuffix("'s"), key.removeprefix("the ").removeprefix("The ")):
        c = kb.country_of(cand)
        if c is None:
            bodies = [e for e in kb.lookup(cand) if e.kind == "body" and e.country]
            c = bodies[0].country if bodies else None
        if c is None and cand.endswith("s"):
            c = kb.country_of(cand[:-1])  # a plural demonym the table lacks
        if c and c != "INT":
            return c
    return None


def country_in_words(kb: Knowledge, words: list[str]) -> Optional[str]:
    """The first country name in a run of capitalised words, longest match first."""
    n = len(words)
    for i in range(n):
        if not words[i][:1].isupper():
            continue
        for size in range(min(MAX_COUNTRY_WORDS, n - i), 0, -1):
            c = country_of_name(kb, " ".join(words[i:i + size]))
            if c:
                return c
    return None


def sector_in_words(kb: Knowledge, words: list[str]) -> Optional[str]:
    """The sector of the first role or group noun among `words` (two-word phrases first)."""
    low = [w.lower() for w in words]
    for i in range(len(low)):
        for phrase in (" ".join(low[i:i + 2]), low[i]):
            if phrase in kb.roles:
                return kb.roles[phrase][0]
    return None


def _phrase_words(doc: Document, start: int, end: int) -> list[str]:
    """Words of the noun phrase around a mention: its left modifiers ("Israeli Prime Minister"
    before "Netanyahu"), the noun it modifies ("Russian" in "Russian troops") and appositions."""
    sdoc = doc.parse
    span = sdoc.char_span(start - doc.parse_offset, end - doc.parse_offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    head = span.root
    words = [t.text for t in sdoc[head.left_edge.i:span.start]]
    if head.dep_ in ("amod", "compound", "poss", "nmod"):
        words.append(head.head.text)
    for child in head.children:
        if child.dep_ == "appos":
            words += [t.text for t in child.subtree]
    if head.dep_ == "appos":
        words += [t.text for t in head.head.subtree if not span.start <= t.i < span.end]
    return words


def state_actor(doc: Document, ent: Entity, kb: Knowledge) -> Optional[Actor]:
    """The state an entity belongs to by its name or its noun phrase, as an Actor, or None."""
    words = ent.name.split()
    # a person's own name is not a country ("Jordan Peterson"), unless a one-word country name
    # was mistaken for a person
    country = country_of_name(kb, ent.name) if ent.label != "PERSON" or len(words) == 1 else None
    if country is None and ent.label in ("ORG", "FAC", "NORP", "GPE"):
        country = country_in_words(kb, words)
    context: list[str] = []
    for m in ent.mentions:
        if country is not None:
            break
        if m.kind in ("name", "nominal"):
            context = _phrase_words(doc, m.start, m.end)
            country = country_in_words(kb, context)
    if country is None:
        return None
    if not context and ent.mentions:
        context = _phrase_words(doc, ent.mentions[0].start, ent.mentions[0].end)
    sector = sector_in_words(kb, words) or sector_in_words(kb, context)
    return make_actor(country, sector, None)
