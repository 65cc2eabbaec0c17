"""One event of a record as the occurrence linker compares it: what kind, which word, who,
when, where, how many, and the spans that say so.

Names are keyed as for stories (terms.name_key), so "Vincent Jackson" in one article and
"Jackson" in another are one participant. Besides its actors and recipients (roles the events
stage may get wrong: "X arrested" in a headline is passive), an event keeps the people its
sentence names, by any mention ("he" included where the entities stage resolved it): whom the
sentence is about. A trigger is compared by its stem ("shot",
"shoots", "shooting" -> "shoot"): the record keeps the trigger's text, not its lemma. The
event's year is its own date's, else the year its article is written in (when.py): a
"hosted in 2007" in a story written in 2013 is not the hosting the story is about.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..knowledge import read_table
from .counts import Count, read_counts
from .terms import name_key
from .when import YEAR_MONTH, ArticleTime

YEAR = re.compile(r"^(\d{4})")
FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s")  # longest first
MIN_STEM = 3


@functools.lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, str]:
    """Past and participle forms -> the verb (knowledge/irregular_verbs.tsv)."""
    return {row.form: row.verb for row in read_table("irregular_verbs.tsv", ("form", "verb"))}


def trigger_stem(text: str) -> str:
    """The stem of a trigger's first word: an irregular form's verb ("shot" -> "shoot"), lower
    case, one inflectional suffix off, a doubled final consonant undone ("shootings" ->
    "shoot", "arrested" -> "arrest", "stopped" -> "stop")."""
    words = text.lower().split()
    word = words[0] if words else ""
    word = irregular_verbs().get(word, word)
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[:-len(suffix)]
            break
    if len(word) > MIN_STEM and word[-1] == word[-2]:
        word = word[:-1]
    return word


@dataclass
class EventProfile:
    """An event of one article (`seq`, `event_id`), the slots the occurrence linker reads."""

    seq: int
    event_id: str
    index: int          # its place among the article's events (the canonical order)
    event: str
    cameo: Optional[str]
    stem: str
    actors: list[str] = field(default_factory=list)       # name keys
    recipients: list[str] = field(default_factory=list)
    actor_names: list[str] = field(default_factory=list)  # as the article writes them
    date: Optional[str] = None                            # TIMEX3 value of the record
    year: Optional[int] = None                            # its year, else the article's
    place: Optional[str] = None                           # resolved name of the place
    geonameid: Optional[int] = None
    country: Optional[str] = None
    feature_code: Optional[str] = None
    status: str = "asserted"
    trigger: tuple[int, int] = (0, 0)
    sentence: tuple[int, int] = (0, 0)
    counts: list[Count] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)      # name keys of the people its sentence names

    @property
    def full_day(self) -> Optional[str]:
        return self.date if self.date and FULL_DAY.match(self.date) else None

    @property
    def month(self) -> Optional[str]:
        """"2025-02" of a date with a month at least."""
        return self.date[:7] if self.date and YEAR_MONTH.match(self.date) else None


def event_profiles(record: dict, seq: int, time: ArticleTime) -> list[EventProfile]:
    """The profiles of a record's events that have a trigger, in record order."""
    text = record.get("text") or ""
    entities = {e.get("id"): e for e in record.get("entities") or []}
    places = record.get("places") or []

    def keys(ids, label: Optional[str] = None) -> tuple[list[str], list[str]]:
        """Name keys (and names) of the entities `ids`, of one label only when given."""
        out, names = [], []
        for i in ids or []:
            entity = entities.get(i)
            if entity and label in (None, entity.get("label")):
                key = name_key(entity.get("name") or "", entity.get("label") or "")
                if key and key not in out:
                    out.append(key)
                    names.append(entity.get("name"))
        return out, names

    people = person_mentions(record)
    profiles = []
    for index, e in enumerate(record.get("events") or []):
        trigger = e.get("trigger")
        if not trigger or not e.get("id"):
            continue
        sentence = e.get("sentence") or trigger
        actors, actor_names = keys(e.get("actor"))
        recipients, _ = keys(e.get("recipient"))
        m = YEAR.match(e.get("date") or "")
        place = places[e["place"]] if isinstance(e.get("place"), int) and 0 <= e["place"] < len(places) else None
        profiles.append(EventProfile(
            seq=seq, event_id=e["id"], index=index, event=e.get("event") or "", cameo=e.get("cameo"),
            stem=trigger_stem(text[trigger["start"]:trigger["end"]]),
            actors=actors, recipients=recipients, actor_names=actor_names,
            date=e.get("date"), year=int(m[1]) if m else time.year,
            place=(place.get("resolved_name") or place.get("name")) if place and place.get("geonameid") else None,
            geonameid=place.get("geonameid") if place else None,
            country=place.get("country_code") if place else None,
            feature_code=place.get("feature_code") if place else None,
            status=e.get("status") or "asserted",
            trigger=(trigger["start"], trigger["end"]), sentence=(sentence["start"], sentence["end"]),
            counts=read_counts(text, sentence["start"], sentence["end"]),
            persons=keys((e.get("actor") or []) + (e.get("recipient") or []), "PERSON")[0]
            or people.within(sentence["start"], sentence["end"])))
    return profiles


class PersonMentions:
    """Every mention of a person in a record, by position, with its person's name key."""

    def __init__(self, mentions: list[tuple[int, str]]):
        mentions.sort()
        self.starts = [start for start, _ in mentions]
        self.keys = [key for _, key in mentions]

    def within(self, start: int, end: int) -> list[str]:
        """The distinct people mentioned in [start, end), in order of first mention."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return list(dict.fromkeys(self.keys[lo:hi]))


def person_mentions(record: dict) -> PersonMentions:
    mentions = []
    for entity in record.get("entities") or []:
        if entity.get("label") != "PERSON":
            continue
        key = name_key(entity.get("name") or "", "PERSON")
        if key:
            mentions.extend((m["start"], key) for m in entity.get("mentions") or [] if "start" in m)
    return PersonMentions(mentions)
