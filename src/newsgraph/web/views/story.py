"""Story: one story across its articles. The articles in time order; its occurrences (the
events several articles tell as one happening) with the type, date, place and actors the
articles agree on; who tells each occurrence and how (outlet, trigger, status, according to
whom, the sentence); and the slots where the articles disagree, every version with its
articles and evidence. Every telling and version links to its evidence in the article.

The JSON twin is `Corpus.story` as it is (occurrences' actors as a list); the page groups the
tellings by occurrence and the disagreements by slot and value.
"""
from __future__ import annotations

import json

from ...corpus.api import Corpus
from ..params import Params
from . import NotFound, View


def build(corpus: Corpus, p: Params) -> dict:
    story_id = p.story_id("id")
    story = corpus.story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id} in this corpus")
    for occurrence in story["occurrences"]:
        occurrence["actors"] = json.loads(occurrence["actors"] or "[]")
    return story


def page(story: dict, p: Params) -> dict:
    tellings: dict[str, list[dict]] = {}
    for telling in story["tellings"]:
        tellings.setdefault(telling["occurrence_id"], []).append(telling)
    return {"tellings": tellings, "disputes": disputes(story["disagreements"])}


def disputes(rows: list[dict]) -> list[dict]:
    """The disagreement rows as one entry per (occurrence, slot), its versions each with the
    articles that give it, the version published first first (a rising toll reads in order)."""
    out: dict[tuple, dict] = {}
    for row in rows:
        slot = out.setdefault((row["occurrence_id"], row["slot"]),
                              {"occurrence_id": row["occurrence_id"], "event": row["event"],
                               "slot": row["slot"], "versions": {}})
        slot["versions"].setdefault(row["value"], []).append(row)
    return [{**d, "versions": sorted(({"value": v, "sources": s} for v, s in d["versions"].items()),
                                     key=_first_told)}
            for d in out.values()]


def _first_told(version: dict) -> tuple:
    days = [s["published"] for s in version["sources"] if s["published"]]
    return (not days, min(days) if days else None)


VIEW = View("story", "Story", "/story/{id}", "story.html", build, page, nav=False,
            about="one story: its articles, occurrences, who says what, disagreements")
