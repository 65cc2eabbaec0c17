"""Actors: one entity per real-world actor, with its mentions and its political-actor coding.

Reads the parse; writes `doc.entities`. Names come from `newsgraph.actors.names` (spaCy's NER
corrected by knowledge, patterns and the document's own evidence), are gathered into entities
by `newsgraph.actors.cluster` (name variants, aliases, acronyms, role nominals,
pronouns resolved by `newsgraph.actors.pronouns`) and coded by `newsgraph.actors.coding` (country, PLOVER sector, role, code). Only
names (OntoNotes PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW,
LANGUAGE) become entities; dates and numbers belong to other layers.
"""
from __future__ import annotations

from ..actors import cluster, coding, home, knowledge, names
from ..actors.tokens import drop_token_view
from ..document import Document
from . import stage

NAME_LABELS = names.NAME_LABELS


@stage("entities", requires=("parse", "parse_offset", "published"), assigns=("entities",))
def find_entities(doc: Document) -> Document:
    """Find the names, gather each actor's mentions into one entity, code the actors."""
    if doc.parse is None:
        return doc
    kb = knowledge.load()
    found = names.find_names(doc.parse, kb)
    named = cluster.build_entities(doc, found, kb)  # each entity with its names and known actor
    doc.entities = [one.entity for one in named]
    coding.code_entities(doc, named, kb)
    home.fill_home_country(doc, kb)
    cluster.add_references(doc, kb)
    drop_token_view(doc.parse)
    return doc
