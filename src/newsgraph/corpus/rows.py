"""One contract record -> its rows in every table of the corpus schema.

Pure functions of the record (and where it came from), so every engine and every store
writes exactly the same rows for the same article. Each layer row keeps its evidence: the
span and the text it covers. Keys of a layer object that have no column go to `extra`, so a
field a later stage adds is stored without a change here.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any, Optional

from .schema import ARTICLE_TABLES, columns

FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})(?:$|-)")

# keys of each layer object that have columns of their own (everything else goes to extra)
KNOWN = {
    "entity": {"id", "label", "name", "mentions", "actor"},
    "actor": {"code", "country", "sector", "role"},
    "quote": {"id", "kind", "content", "cue", "source", "speaker", "via"},
    "time": {"start", "end", "type", "value"},
    "place": {"start", "end", "name", "geonameid", "lat", "lon", "country_code", "feature_code", "entity"},
    "event": {"id", "event", "mode", "context", "actor", "recipient", "trigger", "sentence", "place",
              "date", "status", "attributed_to"},
    "flag": {"kind", "start", "end", "note"},
}


def content_key(kind: str, content: str) -> str:
    """The article key: a hash of the input content (`kind` is "text" or "html")."""
    digest = hashlib.sha256(kind.encode() + b"\0" + content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def as_date(value: Any) -> Optional[date]:
    """A datetime.date for a full YYYY-MM-DD value (or ISO timestamp), else None."""
    if not isinstance(value, str):
        return None
    m = FULL_DAY.match(value[:10])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def month_of(value: Any) -> Optional[str]:
    """YYYY-MM of a TIMEX3 or ISO value that names a month, else None."""
    if isinstance(value, str):
        m = MONTH.match(value)
        if m and 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{m[2]}"
    return None


def _extra(obj: dict, known: set) -> Optional[str]:
    rest = {k: v for k, v in obj.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None


def _span(obj: Any) -> tuple[Optional[int], Optional[int]]:
    if isinstance(obj, dict) and isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
        return obj["start"], obj["end"]
    return None, None


def _cover(text: str, start: Optional[int], end: Optional[int]) -> Optional[str]:
    if start is None or end is None:
        return None
    return text[start:end]


def _json(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def empty_rows() -> dict[str, list[tuple]]:
    return {table: [] for table in ARTICLE_TABLES}


def article_rows(record: dict, key: str, source: str, locator: str, run_id: str,
                 rows: Optional[dict[str, list[tuple]]] = None) -> dict[str, list[tuple]]:
    """Append the rows of one analysed record to `rows` (table -> row tuples) and return it.

    Tuples follow `schema.columns(table)`. `key` is the article key (content hash).
    """
    rows = rows if rows is not None else empty_rows()
    text = record.get("text") or ""
    entities = record.get("entities") or []
    names = {e.get("id"): e.get("name") for e in entities}
    first_mention: dict[Any, tuple] = {}
    n_mentions = 0
    for ent in entities:
        mentions = ent.get("mentions") or []
        n_mentions += len(mentions)
        starts = [_span(m) for m in mentions]
        first = min((s for s in starts if s[0] is not None), default=(None, None))
        first_mention[ent.get("id")] = first
        rows["entities"].append((key, ent.get("id"), ent.get("label"), ent.get("name"), first[0],
                                 first[1], len(mentions), _extra(ent, KNOWN["entity"])))
        for seq, (m, (s, e)) in enumerate(zip(mentions, starts)):
            rows["mentions"].append((key, ent.get("id"), seq, s, e, m.get("kind", "name"),
                                     _cover(text, s, e)))
        actor = ent.get("actor")
        if isinstance(actor, dict):
            rows["actors"].append((key, ent.get("id"), actor.get("code"), actor.get("country"),
                                   actor.get("sector"), actor.get("role"), ent.get("name"),
                                   first[0], first[1], _extra(actor, KNOWN["actor"])))

    for q in record.get("quotes") or []:
        spans = [_span(q.get(part)) for part in ("content", "cue", "source")]
        via = [{"entity": v.get("entity"), "name": names.get(v.get("entity")),
                "start": v.get("start"), "end": v.get("end")} for v in q.get("via") or []]
        rows["quotes"].append((key, q.get("id"), q.get("kind"),
                               *spans[0], _cover(text, *spans[0]),
                               *spans[1], _cover(text, *spans[1]),
                               *spans[2], _cover(text, *spans[2]),
                               q.get("speaker"), names.get(q.get("speaker")),
                               _json(via) if via else None, _extra(q, KNOWN["quote"])))

    for seq, t in enumerate(record.get("times") or []):
        s, e = _span(t)
        rows["times"].append((key, seq, s, e, _cover(text, s, e), t.get("type"), t.get("value"),
                              _extra(t, KNOWN["time"])))

    for seq, p in enumerate(record.get("places") or []):
        s, e = _span(p)
        lat, lon = p.get("lat"), p.get("lon")
        rows["places"].append((key, seq, s, e, _cover(text, s, e), p.get("name"), p.get("geonameid"),
                               None if lat is None else float(lat), None if lon is None else float(lon),
                               p.get("country_code"), p.get("feature_code"), p.get("entity"),
                               _extra(p, KNOWN["place"])))

    published_month = month_of(record.get("published"))
    for ev in record.get("events") or []:
        ts, te = _span(ev.get("trigger"))
        ss, se = _span(ev.get("sentence"))
        when = ev.get("date")
        place = ev.get("place")
        rows["events"].append((key, ev.get("id"), ev.get("event"), ev.get("mode"),
                               _json(ev.get("context") or []), ts, te, _cover(text, ts, te),
                               ss, se, _cover(text, ss, se),
                               place if isinstance(place, int) else None, when, as_date(when),
                               month_of(when) or published_month, ev.get("status"),
                               ev.get("attributed_to"), _extra(ev, KNOWN["event"]),
                               None))  # occurrence_id: the story linker sets it (corpus/links.py)
        for role in ("actor", "recipient"):
            for seq, entity_id in enumerate(ev.get(role) or []):
                rows["event_actors"].append((key, ev.get("id"), role, seq, entity_id))

    for seq, f in enumerate(record.get("flags") or []):
        s, e = _span(f)
        rows["flags"].append((key, seq, f.get("kind"), s, e, _cover(text, s, e), f.get("note"),
                              _extra(f, KNOWN["flag"])))

    body, headline, dateline = (_span(record.get(k)) for k in ("body", "headline", "dateline"))
    stored = {k: v for k, v in record.items() if k != "text"}
    counts = [len(entities), n_mentions] + [len(record.get(k) or []) for k in
                                            ("quotes", "times", "places", "events", "flags")]
    rows["articles"].append((key, record.get("id"), source, locator, record.get("url"),
                             record.get("title"), as_date(record.get("published")),
                             published_month or "unknown", record.get("outlet"),
                             _json(record.get("authors")) if record.get("authors") else None,
                             record.get("language"), text, *body, *headline, *dateline, *counts,
                             run_id, json.dumps(stored, ensure_ascii=False),
                             None))  # story_id: the story linker sets it (corpus/links.py)
    return rows


def record_of(article_record_json: str, text: str) -> dict:
    """The contract record back from `articles.record` and `articles.text` (keys in order)."""
    stored = json.loads(article_record_json)
    out = {}
    for k, v in stored.items():
        out[k] = v
        if k == "language":
            out["text"] = text
    out.setdefault("text", text)
    return out


def check_widths() -> None:
    """Raise AssertionError when a row builder and the schema disagree (used by the tests)."""
    sample = {"id": "x", "text": "ab", "published": "2020-01-02", "body": {"start": 0, "end": 2},
              "entities": [{"id": "E1", "label": "GPE", "name": "a", "mentions": [{"start": 0, "end": 1}],
                            "actor": {"code": "RUS"}}],
              "quotes": [{"id": "Q1", "kind": "direct", "content": {"start": 0, "end": 1}}],
              "times": [{"start": 0, "end": 1, "type": "DATE", "value": "2020"}],
              "places": [{"start": 0, "end": 1, "name": "a"}],
              "events": [{"id": "V1", "event": "AID", "actor": ["E1"], "recipient": [],
                          "trigger": {"start": 0, "end": 1}, "sentence": {"start": 0, "end": 2}}],
              "flags": [{"kind": "k", "start": 0, "end": 1}]}
    rows = article_rows(sample, "k", "s", "l", "r")
    for table, tuples in rows.items():
        for row in tuples:
            assert len(row) == len(columns(table)), (table, len(row), len(columns(table)))
