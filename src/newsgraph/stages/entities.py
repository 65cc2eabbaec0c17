"""Names: spaCy's named entities as contract entities.

Only names (OntoNotes PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW,
LANGUAGE) become entities; dates and numbers belong to other layers. Mentions with the same
label and the same text are one entity here; clustering variants and coding actors is the
actors stage's job.
"""
from __future__ import annotations

from ..document import Document, Entity, Mention
from . import stage

NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})


@stage("entities", requires=("parse",), assigns=("entities",))
def find_entities(doc: Document) -> Document:
    """Group spaCy's name mentions into entities E1, E2, ... in order of first mention."""
    if doc.parse is None:
        return doc
    by_key: dict[tuple[str, str], Entity] = {}
    offset = doc.parse_offset
    for ent in doc.parse.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        name = " ".join(ent.text.split())
        key = (ent.label_, name.lower())
        entity = by_key.get(key)
        if entity is None:
            entity = Entity(id=f"E{len(by_key) + 1}", label=ent.label_, name=name)
            by_key[key] = entity
        entity.mentions.append(Mention(ent.start_char + offset, ent.end_char + offset, "name"))
    doc.entities = list(by_key.values())
    return doc
