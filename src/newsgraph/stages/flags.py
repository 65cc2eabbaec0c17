"""The flags stage: what a careful reader of the article should know.

Runs last, over every layer: the writer's loaded language (`flags.loaded`, from the curated
`knowledge/loaded_language.tsv`; words inside quotation marks are the speaker's and are not
flagged) and place names that look like a mix-up of two places the article names
(`flags.places`). Each flag points at the exact span and says why in its note. Checks are narrow
on purpose: a wrong flag costs a journalist's or fact-checker's trust more than a missed one.
"""
from __future__ import annotations

from ..document import Document
from ..flags.lexicon import load_lexicon
from ..flags.loaded import find_loaded_language
from ..flags.places import find_conflated_places
from ..flags.voice import Voices
from . import stage


@stage("flags", requires=("text", "parse", "parse_offset", "entities", "quotes", "places"),
       assigns=("flags",))
class Flags:
    """Flag the writer's loaded language and inconsistent place names, each with a note."""

    def __init__(self):
        load_lexicon()  # read the table once, in the parent process, and fail early on a bad row

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        voices = Voices(doc, doc.parse_offset + len(doc.parse.text))
        flags = find_loaded_language(doc, voices) + find_conflated_places(doc)
        doc.flags = sorted(flags, key=lambda f: (f.start, f.end, f.kind))
        return doc
