"""Within-document clustering: every mention of one actor in one entity.

Names first (`build_entities`): the same known actor (North Korea = DPRK = "Democratic People's
Republic of Korea"; U.N. = United Nations), the same spelling up to hyphens and spaces ("Kim
Jong Un" = "Kim Jong-un"), a surname or given name alone joining the most-mentioned full name
that contains it, and an acronym joining the organisation whose initials it spells. Two
different full names never merge, so relatives stay apart (Kim Jong-il is not Kim Jong-un).

Then references (`add_references`, after coding, since it matches on country and sector): role
nominals ("the Russian leader", "the ministry", "the newspaper"), then personal and possessive
pronouns ("he", "his", "its") by `newsgraph.actors.pronouns` — each a mention of `kind` nominal
or pronoun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..document import Document, Entity, Mention
from .knowledge import Knowledge, Known, actor_words, squash
from .tokens import Name, name_text, span_chars, token_view
from .pronouns import resolve_pronouns

SMALL_WORDS = frozenset(("of", "the", "and", "for", "de", "du", "la", "le", "des", "on", "in", "&"))
# a noun for an outlet ("the newspaper"): it refers back to one
MEDIA_NOUNS = actor_words()["media_noun"]


def _text(sdoc, x: Name) -> str:
    return name_text(sdoc, x)


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


class _Cluster:
    def __init__(self, label: str, name: str, known=None):
        self.label, self.name, self.known = label, name, known
        self.names: list[Name] = []
        self.words: set[str] = set()
        self.keys: set[str] = set()

    def add(self, x: Name, text: str) -> None:
        self.names.append(x)
        self.keys.add(squash(text))
        if len(text) > len(self.name) and x.end - x.start > 1 and self.known is None:
            self.name = text
        if x.end - x.start > 1:
            self.words.update(squash(w) for w in text.split())


@dataclass
class NamedEntity:
    """An entity with what clustering learned of it: the known actor its names stand for, and
    the names themselves (token spans of the parse), which coding reads for titles. Working
    data of the entities stage: only `entity` goes on the Document."""

    entity: Entity
    known: Optional[Known] = None
    names: list[Name] = field(default_factory=list)


def build_entities(doc: Document, found: list[Name], kb: Knowledge) -> list[NamedEntity]:
    """Cluster the names into entities E1, E2, ... in order of first mention."""
    sdoc, offset = doc.parse, doc.parse_offset
    clusters: list[_Cluster] = []
    by_known: dict[tuple, _Cluster] = {}
    by_key: dict[tuple, _Cluster] = {}
    for x in found:
        text = " ".join(_text(sdoc, x).split())
        key = squash(text)
        c = None
        if x.known is not None and x.known.label == x.label:
            kk = (x.known.kind if x.known.kind != "capital" else "capital", x.known.canonical, x.label)
            c = by_known.get(kk)
            if c is None:
                c = by_key.get((x.label, key))
            if c is None:
                c = _Cluster(x.label, text if x.known.kind == "demonym" else x.known.canonical,
                             x.known)
                clusters.append(c)
            by_known[kk] = c
        else:
            c = by_key.get((x.label, key)) or _match_partial(x, text, clusters)
            if c is None:
                c = _Cluster(x.label, text)
                clusters.append(c)
        by_key[(x.label, key)] = c
        if c.known is None and x.known is not None:
            c.known = x.known
        c.add(x, text)
        if x.label == "PERSON" and x.end - x.start > 1:
            _absorb_short(c, clusters, by_key)
    entities = []
    for c in clusters:
        if c.label not in ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                           "WORK_OF_ART", "LAW", "LANGUAGE"):
            continue
        mentions = [Mention(span_chars(sdoc, x)[0] + offset, span_chars(sdoc, x)[1] + offset,
                            "name") for x in c.names]
        ent = Entity(id="", label=c.label, name=c.name, mentions=mentions)
        entities.append(NamedEntity(ent, c.known, c.names))
    entities.sort(key=lambda e: e.entity.mentions[0].start)
    for i, named in enumerate(entities, 1):
        named.entity.id = f"E{i}"
    return entities


def _match_partial(x: Name, text: str, clusters: list[_Cluster]) -> Optional[_Cluster]:
    """A short form of a name already seen: a person's surname or given name, an acronym."""
    words = [squash(w) for w in text.split()]
    if x.label == "PERSON" and len(words) == 1:
        cands = [c for c in clusters if c.label == "PERSON" and words[0] in c.words]
        if cands:
            return max(cands, key=lambda c: (len(c.names), c.names[-1].start))
    if x.label in ("ORG", "GPE") and len(words) == 1 and text.isupper() and 2 <= len(text) <= 6:
        for c in reversed(clusters):
            if c.label in ("ORG", "GPE") and len(c.name.split()) > 1 and _initials(c.name) == text:
                return c
    return None


def _absorb_short(full: _Cluster, clusters: list[_Cluster], by_key: dict) -> None:
    """A full name seen after its short form ("Putin" in a headline, then "Vladimir Putin"):
    a single-word person cluster whose word belongs to this name alone joins it."""
    for c in list(clusters):
        if c is full or c.label != "PERSON" or c.words:
            continue
        word = squash(c.name)
        if word in full.words and not any(o is not full and word in o.words
                                           for o in clusters if o.label == "PERSON"):
            for x in c.names:
                full.names.append(x)
            full.names.sort(key=lambda n: n.start)
            full.keys |= c.keys
            for k, v in list(by_key.items()):
                if v is c:
                    by_key[k] = full
            clusters.remove(c)


# --------------------------------------------------------------------------------------------
# References: role nominals, then pronouns


def add_references(doc: Document, kb: Knowledge) -> None:
    """Add nominal mentions to the entities they refer to, then pronoun mentions
    (`pronouns.resolve_pronouns`), which may take a nominal as antecedent."""
    sdoc, offset = doc.parse, doc.parse_offset
    if sdoc is None or not doc.entities:
        return
    covered = set()
    firsts: list[tuple[int, Entity]] = []  # (token index of a name mention, entity)
    view = token_view(sdoc)
    by_char = {i + offset: k for k, i in enumerate(view.idx)}
    for ent in doc.entities:
        for m in ent.mentions:
            i = by_char.get(m.start)
            if i is not None:
                firsts.append((i, ent))
            for t in range(m.start, m.end):
                covered.add(t)
    firsts.sort(key=lambda p: p[0])
    added: list[tuple[int, Entity, Mention]] = []
    for k, word in enumerate(view.words):
        low = word.lower()
        if low != "the":
            continue
        tok = sdoc[k]
        hit = _nominal(sdoc, tok.i, kb, covered, offset)
        if hit is not None:
            end, role, country = hit
            ent = _resolve_nominal(role, country, tok.i, firsts, added, kb)
            if ent is not None:
                m = Mention(tok.idx + offset, sdoc[end - 1].idx + len(sdoc[end - 1].text) + offset,
                            "nominal")
                added.append((tok.i, ent, m))
    for _, ent, m in added:
        ent.mentions.append(m)
    for ent in doc.entities:
        ent.mentions.sort(key=lambda m: m.start)
    resolve_pronouns(doc, kb.person_nouns)


def _nominal(sdoc, i: int, kb: Knowledge, covered: set, offset: int):
    """ "the [Russian] [current] leader" at token i: (end, role phrase, country) or None."""
    words, country = [], None
    best = None
    for j in range(i + 1, min(len(sdoc), i + 5)):
        tok = sdoc[j]
        if tok.idx + offset in covered and country is None:
            c = kb.country_of(tok.text) or kb.country_of(" ".join(t.text for t in sdoc[i + 1:j + 1]))
            if c is None:
                return best
        if tok.is_punct or tok.text in ("'s", "’s"):
            break
        c = kb.country_of(tok.text)
        if c is not None and tok.text[:1].isupper():
            country = c
            continue
        words.append(tok.lower_)
        for k in range(len(words)):
            phrase = " ".join(words[k:])
            if phrase in kb.roles:
                best = (j + 1, phrase, country)
                break
    if best is None:
        return None
    end = best[0]
    nxt = sdoc[end] if end < len(sdoc) else None
    if nxt is not None and (nxt.text in ("'s", "’s", "of") or nxt.pos_ == "PROPN"):
        return None  # a title before a name, or part of a longer phrase
    return best


def _role_fit(nominal: str, known: Optional[str], kb: Knowledge) -> int:
    """How well a person whose role is `known` ("President of Russia", "spokesman", None) fits
    the role nominal ("the prime minister", "the Russian leader"): 2 when the known role names
    it, 1 when nothing says otherwise, -1 when it cannot be them — a head of state or government
    is not the spokesman ("the last Russian leader" is not Peskov), a prime minister is not the
    president."""
    if not known:
        return 1
    known = known.lower().removeprefix("former ")
    if nominal in known:
        return 2
    if nominal in kb.leader_roles:
        known_leader = any(phrase in known for phrase in kb.leader_roles)
        generic = nominal in actor_words()["generic_leader"]
        return 1 if known_leader and generic else -1
    return 1 if nominal.split()[-1] in known.split() else -1


def _resolve_nominal(role: str, country, i: int, firsts, added, kb: Knowledge) -> Optional[Entity]:
    sector, person = kb.roles[role]
    seen: dict[str, tuple[Entity, int, int]] = {}
    for pos, ent in firsts:
        if pos >= i:
            break
        e, n, _ = seen.get(ent.id, (ent, 0, 0))
        seen[ent.id] = (ent, n + 1, pos)
    head = role.split()[-1]
    cands = []
    for ent, n, last in seen.values():
        a = ent.actor
        if person:
            if ent.label != "PERSON" or (country and (a is None or a.country != country)):
                continue
            if a is not None and a.sector and sector not in (a.sector, "GOV") and a.sector != sector:
                continue
            if country is None and (a is None or a.sector is None):
                continue
            fit = _role_fit(role, (a.role if a is not None else None), kb)
            if fit < 0:
                continue
            cands.append(((fit, n), last, ent))
        else:
            if ent.label != "ORG":
                continue
            if head in MEDIA_NOUNS:
                if a is None or a.sector != "MED":
                    continue
            elif head not in ent.name.lower():
                continue
            if country and (a is None or a.country != country):
                continue
            cands.append((last, n, ent))
    if not cands:
        return None
    return max(cands, key=lambda c: (c[0], c[1]))[2]
