"""Export a corpus to the formats analysts' tools read.

- `parquet`: a folder, one dataset per table, Hive-partitioned by the article's publication
  month (`events/published_month=2023-09/part-0.parquet`; `unknown` when it has no date);
  runs and errors as single files. DuckDB, pandas, R (arrow) and Spark read it as it is.
- `csv`: a folder with one CSV file per table (header row, UTF-8).
- `jsonl`: the contract records (CONTRACT.md), one per article, as `newsgraph extract` writes
  them, plus what the corpus adds across articles: the record's `story_id` and each event's
  `occurrence_id`.
- `plover`: one JSON object per event with the PLOVER data fields (id, date, event, mode,
  context, source and target actors with actorText/code/country/sector, eventText, text,
  eventLoc, language, publication), plus newsgraph's status, attributed_to, evidence spans,
  story and occurrence ids and the occurrence's sources and articles.
- `gdelt`: a GDELT-style event TSV (GLOBALEVENTID, SQLDATE, Actor1*, Actor2*, EventCode =
  the PLOVER type, QuadClass, ActionGeo_*, SOURCEURL), one line per event; NumMentions,
  NumSources and NumArticles are its occurrence's events, sources and articles.

Every export reads the store through SQL only, so DuckDB and PostgreSQL export the same files.
"""
from __future__ import annotations

import csv
import json
import os
from collections import defaultdict
from typing import Callable

from .query import SOURCES
from .rows import record_of
from .schema import ARTICLE_TABLES, TABLES, columns
from .store import Store

# GDELT QuadClass of each PLOVER type: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict. From the PLOVER README's quad-category table
# (openeventdata/PLOVER); REQUEST and ACCUSE are the later names of DEMAND and DISAPPROVE.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                 "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
                 "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
                 "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "NumMentions", "NumSources", "NumArticles",
                 "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                 "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


def export(store: Store, fmt: str, output: str) -> int:
    """Write the corpus in `fmt` to `output` (a folder for parquet/csv, else a file)."""
    writers: dict[str, Callable[[Store, str], int]] = {
        "parquet": export_parquet, "csv": export_csv, "jsonl": export_jsonl,
        "plover": export_plover, "gdelt": export_gdelt}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: use {', '.join(writers)}")
    hold = getattr(store, "hold", None)
    if hold is None:
        return writers[fmt](store, output)
    with hold():
        return writers[fmt](store, output)


def _table_sql(table: str) -> str:
    cols = ", ".join(f"t.{c}" for c in columns(table))
    if table == "articles":
        return f"SELECT {cols}, t.month AS published_month FROM articles t ORDER BY t.id, t.article_key"
    if table in ARTICLE_TABLES:
        order = ", ".join(f"t.{c}" for c in columns(table)[:4] if c in ("article_key", "entity_id", "quote_id",
                                                                          "event_id", "role", "seq"))
        return (f"SELECT {cols}, a.month AS published_month FROM {table} t "
                f"JOIN articles a ON a.article_key = t.article_key ORDER BY {order}")
    return f"SELECT {cols} FROM {table} t ORDER BY 1"


def export_parquet(store: Store, output: str) -> int:
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from .store import _ARROW

    os.makedirs(output, exist_ok=True)
    total = 0
    for table in TABLES:
        names, rows = store.query(_table_sql(table))
        types = list(_ARROW[table]) + ([pa.string()] if len(names) > len(columns(table)) else [])
        data = pa.Table.from_arrays([pa.array([r[i] for r in rows], type=types[i]) for i in range(len(names))],
                                    names=names)
        total += data.num_rows
        if table in ARTICLE_TABLES:
            ds.write_dataset(data, os.path.join(output, table), format="parquet",
                             partitioning=ds.partitioning(pa.schema([("published_month", pa.string())]),
                                                          flavor="hive"),
                             existing_data_behavior="delete_matching")
        else:
            pq.write_table(data, os.path.join(output, f"{table}.parquet"))
    return total


def export_csv(store: Store, output: str) -> int:
    os.makedirs(output, exist_ok=True)
    total = 0
    for table in TABLES:
        names, rows = store.query(f"SELECT * FROM {table} ORDER BY 1")
        with open(os.path.join(output, f"{table}.csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(names)
            writer.writerows(rows)
        total += len(rows)
    return total


def export_jsonl(store: Store, output: str) -> int:
    _, rows = store.query("SELECT article_key, record, text, story_id FROM articles ORDER BY id, article_key")
    _, events = store.query("SELECT article_key, event_id, occurrence_id FROM events WHERE occurrence_id IS NOT NULL")
    occurrence = {(key, event_id): oid for key, event_id, oid in events}
    with _open_out(output) as f:
        for key, record_json, text, story_id in rows:
            record = record_of(record_json, text or "")
            record["story_id"] = story_id
            for event in record.get("events") or []:
                event["occurrence_id"] = occurrence.get((key, event.get("id")))
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def _events_with_sides(store: Store):
    """(event row dict, {"actor": [...], "recipient": [...]}) for every event, in a stable order."""
    names, rows = store.query(f"""
SELECT e.article_key, e.event_id, e.event, e.mode, e.context, e.trigger, e.trigger_start, e.trigger_end,
       e.sentence, e.sentence_start, e.sentence_end, e.date, coalesce(e.day, a.published) AS day,
       e.status, e.attributed_to, a.id AS article_id, a.url, a.outlet, a.language, a.published,
       pl.name AS place, pl.lat, pl.lon, pl.geonameid, pl.country_code, pl.feature_code,
       a.story_id, e.occurrence_id, coalesce(src.sources, 1) AS sources,
       coalesce(src.articles, 1) AS articles, coalesce(o.n_events, 1) AS mentions
FROM events e
JOIN articles a ON a.article_key = e.article_key
LEFT JOIN places pl ON pl.article_key = e.article_key AND pl.seq = e.place_seq
LEFT JOIN occurrences o ON o.occurrence_id = e.occurrence_id
LEFT JOIN ({SOURCES}) src ON src.occurrence_id = e.occurrence_id
ORDER BY a.id, e.article_key, e.event_id""")
    _, parts = store.query("""
SELECT ea.article_key, ea.event_id, ea.role, ea.seq, ea.entity_id, en.name, ac.code, ac.country, ac.sector
FROM event_actors ea
LEFT JOIN entities en ON en.article_key = ea.article_key AND en.entity_id = ea.entity_id
LEFT JOIN actors ac ON ac.article_key = ea.article_key AND ac.entity_id = ea.entity_id
ORDER BY ea.article_key, ea.event_id, ea.role, ea.seq""")
    sides: dict = defaultdict(lambda: {"actor": [], "recipient": []})
    for key, event_id, role, _seq, entity_id, name, code, country, sector in parts:
        sides[(key, event_id)][role].append({"entity": entity_id, "actorText": name, "code": code,
                                             "country": country, "sector": sector})
    for row in rows:
        ev = dict(zip(names, row))
        yield ev, sides[(ev["article_key"], ev["event_id"])]


def export_plover(store: Store, output: str) -> int:
    from .. import __version__

    n = 0
    with _open_out(output) as f:
        for ev, side in _events_with_sides(store):
            context = json.loads(ev["context"]) if ev["context"] else []
            out = {
                "id": f"{ev['article_id']}-{ev['event_id']}",
                "date": ev["day"].isoformat() if ev["day"] else None,
                "event": ev["event"], "mode": ev["mode"], "context": ", ".join(context) or None,
                "source": side["actor"], "target": side["recipient"],
                "eventText": ev["trigger"], "text": ev["sentence"],
                "eventLoc": ({"name": ev["place"], "lat": ev["lat"], "lon": ev["lon"],
                              "geonameid": ev["geonameid"], "country code": ev["country_code"]}
                             if ev["place"] else None),
                "language": ev["language"], "publication": ev["outlet"] or ev["url"],
                "coder": f"newsgraph {__version__}",
                "status": ev["status"], "attributed_to": ev["attributed_to"], "timex": ev["date"],
                "docId": ev["article_id"], "url": ev["url"],
                "eventSpan": [ev["trigger_start"], ev["trigger_end"]],
                "textSpan": [ev["sentence_start"], ev["sentence_end"]],
                "storyId": ev["story_id"], "occurrenceId": ev["occurrence_id"],
                "numSources": ev["sources"], "numArticles": ev["articles"],
            }
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_gdelt(store: Store, output: str) -> int:
    n = 0
    with _open_out(output) as f:
        f.write("\t".join(GDELT_COLUMNS) + "\n")
        for n, (ev, side) in enumerate(_events_with_sides(store), 1):
            day = ev["day"]
            published = ev["published"]
            a1 = side["actor"][0] if side["actor"] else {}
            a2 = side["recipient"][0] if side["recipient"] else {}
            values = [
                n, day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
                day.year if day else "",
                f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                a1.get("code") or "", a1.get("actorText") or "", a1.get("country") or "", a1.get("sector") or "",
                a2.get("code") or "", a2.get("actorText") or "", a2.get("country") or "", a2.get("sector") or "",
                1, ev["event"] or "", ev["event"] or "", ev["event"] or "", QUAD_CLASS.get(ev["event"] or "", ""),
                ev["mentions"], ev["sources"], ev["articles"],
                (4 if ev["feature_code"] and str(ev["feature_code"]).startswith("PPL") else 1)
                if ev["place"] and ev["lat"] is not None else "",
                ev["place"] or "", ev["country_code"] or "",
                "" if ev["lat"] is None else ev["lat"], "" if ev["lon"] is None else ev["lon"],
                ev["geonameid"] or "",
                published.strftime("%Y%m%d") if published else "", ev["url"] or ev["article_id"] or "",
            ]
            f.write("\t".join(_tsv(v) for v in values) + "\n")
    return n


def _tsv(value) -> str:
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _open_out(output: str):
    import sys

    if output == "-":
        return _NoClose(sys.stdout)
    parent = os.path.dirname(os.path.abspath(output))
    os.makedirs(parent, exist_ok=True)
    return open(output, "w", encoding="utf-8")


class _NoClose:
    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc):
        self.stream.flush()
        return False
