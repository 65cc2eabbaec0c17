"""Places: every toponym of the article, resolved to a point with the offline gazetteer.

Detection (`places.detect`) takes spaCy's GPE/LOC/FAC names and the gazetteer names spaCy
missed; resolution (`places.resolve`) picks each name's sense from the article's context.
Each Place links to the entity whose mention overlaps it. A name the gazetteer does not know
is kept, with lat None, only when the text vouches for it as a place ("Naugatuck River",
"X County", spaCy's LOC); a bare unknown GPE or facility is most often a person or a building. The gazetteer file is built (once per machine) when the stage is built,
in the parent process; each worker opens its own connection on first use.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..document import Document, Place
from ..places.detect import find_toponyms, vouched_for
from ..places.gazetteer import Gazetteer, default_gazetteer, ensure_built
from ..places.locale import us_local_weight
from ..places.resolve import resolve_all
from . import stage


def _alpha2(alpha3: Optional[str]) -> Optional[str]:
    """ISO alpha-2 code of an alpha-3 actor country (RUS -> RU), or None."""
    if not alpha3 or len(alpha3) != 3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3.upper())
    return found.alpha_2 if found else None


@stage("places", requires=("text", "parse", "parse_offset", "entities"), assigns=("places",))
class Places:
    """Find the article's toponyms and resolve each to coordinates, offline."""

    def __init__(self, gazetteer: Optional[Gazetteer] = None):
        self.gaz = gazetteer or default_gazetteer()
        if self.gaz.path is None:
            self.gaz.path = ensure_built()

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        toponyms = find_toponyms(doc.parse, doc.parse_offset, self.gaz)
        countries = [cc for e in doc.entities if e.actor is not None
                     for cc in [_alpha2(e.actor.country)] if cc]
        us = us_local_weight(doc.text)
        resolved = resolve_all(toponyms, self.gaz, countries, {"US": us} if us else None)
        mentions = sorted((m.start, m.end, e.id) for e in doc.entities for m in e.mentions)
        longest = max((e - s for s, e, _ in mentions), default=0)
        places = []
        for top, res in zip(toponyms, resolved):
            if (res is None or res.lat is None) and not vouched_for(top, doc.parse):
                continue
            place = Place(start=top.start, end=top.end, name=" ".join(top.text.split()),
                          entity=_overlapping(mentions, top.start, top.end, longest))
            if res is not None and res.lat is not None:
                c = res.candidate
                place.geonameid = c.geonameid
                place.lat, place.lon = round(res.lat, 5), round(res.lon, 5)
                place.country_code = c.country_code
                place.feature_code = c.feature_code
                place.resolved_name = c.name
                place.approximate = res.approximate
            places.append(place)
        doc.places = places
        return doc


def _overlapping(mentions: list[tuple[int, int, str]], start: int, end: int,
                 longest: int) -> Optional[str]:
    """The id of the entity with the mention overlapping [start, end) the most, or None.

    `mentions` are sorted; none is longer than `longest`, so one starting before
    start - longest cannot overlap: the scan starts there (bisect), not at the first."""
    best, best_len = None, 0
    for k in range(bisect.bisect_left(mentions, (start - longest,)), len(mentions)):
        s, e, eid = mentions[k]
        if s >= end:
            break
        n = min(e, end) - max(s, start)
        if n > best_len:
            best, best_len = eid, n
    return best
