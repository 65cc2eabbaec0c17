"""The story's home country, for officials the text does not place.

"President Laurent Gbagbo announced he will extend the curfew in Abidjan", "Army chief Gen.
Abdel Fattah Burhan said ...": a title says government or military, but not whose. A reader takes
the country the story is about. So does event coding (CAMEO coders fill the country of an
unplaced official from the story's setting). We do the same, conservatively:

- the setting is read from the states, capitals and nationalities the text names, except where
  they are the target or topic of something ("threatened action against Russia", "talks with
  China", "a report on Iran"): those are other countries;
- a country that a placed actor of the story stands for ("South African leader F.W. de Klerk")
  is not the home of the unplaced ones;
- one country must clearly lead (the only one, or twice as often named as the next);
- only people and bodies coded with a state sector (government, military, judiciary,
  legislature, opposition, rebels, police) and no country get it, and not those whose role is
  to speak for a body the text may not name (a spokesman, an envoy, an ambassador).
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..document import Document
from .coding import make_actor
from .knowledge import Knowledge

HOME_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "OPP", "REB", "COP", "SPY"})
ELSEWHERE_PREPS = frozenset({"against", "with", "toward", "towards", "on", "over", "about",
                             "from", "between", "than"})


def home_country(doc: Document) -> Optional[str]:
    """The country the story is set in, or None when the text does not make it clear."""
    sdoc, off = doc.parse, doc.parse_offset
    placed = {e.actor.country for e in doc.entities
              if e.label in ("PERSON", "ORG") and e.actor is not None and e.actor.country}
    counts: Counter = Counter()
    for ent in doc.entities:
        if ent.label not in ("GPE", "NORP") or ent.actor is None or not ent.actor.country:
            continue
        if ent.actor.country in placed:
            continue
        for m in ent.mentions:
            if m.kind not in (None, "name"):
                continue
            span = sdoc.char_span(m.start - off, m.end - off, alignment_mode="expand") if sdoc else None
            if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ELSEWHERE_PREPS:
                continue
            counts[ent.actor.country] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def speaks_for_another(role: Optional[str], kb: Knowledge) -> bool:
    """A spokesman, envoy or ambassador may speak for any party of the story."""
    words = (role or "").lower().removeprefix("former ")
    return any(words == r or words.endswith(" " + r) for r in kb.speaker_roles)


def fill_home_country(doc: Document, kb: Knowledge) -> None:
    """Give the story's home country to the officials and bodies coded without one (not to
    those who speak for another: `roles.tsv` speaks_for)."""
    unplaced = [e for e in doc.entities if e.label in ("PERSON", "ORG") and e.actor is not None
                and not e.actor.country and e.actor.sector in HOME_SECTORS
                and not speaks_for_another(e.actor.role, kb)]
    if not unplaced or doc.parse is None:
        return
    home = home_country(doc)
    if home is None:
        return
    for ent in unplaced:
        ent.actor = make_actor(home, ent.actor.sector, ent.actor.role)
