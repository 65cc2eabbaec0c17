"""Stories and occurrences across articles (newsgraph.stories), on short wire-style articles
written for these tests (tests/data/stories_articles.jsonl): two outlets on one Putin-Xi
summit and the same pair's summit a year later; two outlets on one actress entering rehab
and a singer entering rehab three days later; two outlets on one market bombing that give
different death tolls."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsgraph.stories import KEYS, TABLES, LinkerState, StoryLinker


DATA = Path(__file__).parent / "data" / "stories_articles.jsonl"


@pytest.fixture(scope="module")
def records(nlp_pipeline):
    """The test articles analysed by the real pipeline, with the outlet the input names."""
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        record = nlp_pipeline.analyze_record({k: raw[k] for k in ("id", "text", "published")})
        record["outlet"] = raw["outlet"]
        out.append(record)
    return out


def link_all(records, linker=None):
    """{id: story} and {(id, event id): occurrence} after linking records in order."""
    linker = linker or StoryLinker()
    stories, occurrences = {}, {}
    for record in records:
        result = linker.link(record)
        stories[result.article_key] = result.story_id
        stories.update(result.moved)
        occurrences.update(result.occurrences)
    return stories, occurrences, linker


def partition(stories):
    groups = {}
    for doc, story in stories.items():
        groups.setdefault(story, set()).add(doc)
    return sorted(sorted(g) for g in groups.values())


def test_two_outlets_on_one_summit_share_a_story_and_a_year_later_is_another(records):
    stories, _, _ = link_all(records)
    assert stories["summit-2024-wire-a"] == stories["summit-2024-wire-b"]
    assert stories["summit-2025-wire-a"] != stories["summit-2024-wire-a"]


def test_two_celebrities_entering_rehab_are_two_stories(records):
    stories, _, _ = link_all(records)
    assert stories["rehab-marlowe-a"] == stories["rehab-marlowe-b"]
    assert stories["rehab-hadley-a"] != stories["rehab-marlowe-a"]


def test_the_articles_give_five_stories_in_any_order(records):
    expected = partition(link_all(records)[0])
    assert len(expected) == 5
    for seed in (1, 2, 3):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert partition(link_all(shuffled)[0]) == expected


def test_articles_far_apart_in_time_are_never_compared(records):
    pairs = []
    linker = StoryLinker(observer=lambda new, old, features: pairs.append({new.key, old.key}))
    link_all(records, linker)
    assert {"summit-2024-wire-a", "summit-2024-wire-b"} in pairs
    assert not any("summit-2025-wire-a" in p for p in pairs)  # a year after the others


def test_one_bombing_is_one_occurrence_whose_death_tolls_disagree(records):
    _, occurrences, linker = link_all(records)
    by_id = {r["id"]: r for r in records}

    def killed(doc):
        r = by_id[doc]
        return {occurrences[(doc, e["id"])] for e in r["events"] if e["event"] == "ASSAULT"
                and r["text"][e["trigger"]["start"]:e["trigger"]["end"]] == "killed"}

    assert len(killed("bombing-wire-a")) == 1 and killed("bombing-wire-a") == killed("bombing-wire-b")
    occurrence = next(iter(killed("bombing-wire-a")))
    rows = linker.state.to_rows()
    tolls = {(r[3], by_id[r[3]]["text"][r[5]:r[6]]) for r in rows["disagreements"]
             if r[0] == occurrence and r[1] == "dead"}
    assert tolls == {("bombing-wire-a", "12"), ("bombing-wire-b", "14")}
    row = next(r for r in rows["occurrences"] if r[0] == occurrence)
    assert row[4:6] == (2, 2)   # two articles, two outlets


def test_a_record_seen_before_is_not_linked_again(records):
    _, _, linker = link_all(records)
    before = linker.state.to_rows()
    result = linker.link(records[0])
    assert result.story_id == link_all(records)[0][records[0]["id"]]
    assert linker.state.to_rows() == before


def test_an_article_with_nothing_to_compare_starts_a_story():
    linker = StoryLinker()
    first = linker.link({"id": "empty", "text": "", "entities": [], "events": []})
    second = linker.link({"id": "short", "text": "Rain.", "entities": [], "events": []})
    assert first.story_id != second.story_id


# --- the state in a store -------------------------------------------------------------------

class SQL:
    """A DB-API connection and its parameter mark: DuckDB (?), PostgreSQL (%s)."""

    def __init__(self, con, mark):
        self.con, self.mark = con, mark

    def execute(self, sql, params=()):
        cur = self.con.cursor()
        cur.execute(sql.replace("?", self.mark), list(params))
        return cur


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request):
    """An empty database with the linker's tables: in-memory DuckDB, or a fresh schema on the
    server of $NEWSGRAPH_TEST_PG (skipped without it)."""
    import os

    if request.param == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        db = SQL(duckdb.connect(), "?")
    else:
        url = os.environ.get("NEWSGRAPH_TEST_PG")
        if not url:
            pytest.skip("NEWSGRAPH_TEST_PG is not set (scripts/start_postgres.sh)")
        import psycopg

        con = psycopg.connect(url, autocommit=True)
        db = SQL(con, "%s")
        db.execute("DROP SCHEMA IF EXISTS stories_test CASCADE")
        db.execute("CREATE SCHEMA stories_test")
        db.execute("SET search_path TO stories_test")
    for table, cols in TABLES.items():
        db.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {t}' for c, t in cols)})")
    yield db
    if request.param == "postgresql":
        db.execute("DROP SCHEMA stories_test CASCADE")
    db.con.close()


def apply(db, changes):
    """What a store does with LinkerState.take_changes(): deletes, then upserts by KEYS."""
    for table, where in changes.delete:
        db.execute(f"DELETE FROM {table} WHERE " + " AND ".join(f"{c} = ?" for c in where),
                   list(where.values()))
    for table, rows in changes.upsert.items():
        keys = [c for c, _ in TABLES[table][:KEYS[table]]]
        for row in rows:
            db.execute(f"DELETE FROM {table} WHERE " + " AND ".join(f"{k} = ?" for k in keys),
                       list(row[:len(keys)]))
            db.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", list(row))


def read(db):
    return {t: sorted(tuple(r) for r in db.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}


def sorted_rows(rows):
    return {t: sorted(rows[t]) for t in TABLES}


def test_changes_written_to_a_store_are_the_whole_state(records, store):
    con = store
    linker = StoryLinker()
    for record in records:
        linker.link(record)
        apply(con, linker.state.take_changes())
    assert read(con) == sorted_rows(linker.state.to_rows())


def test_two_runs_through_a_store_give_the_ids_of_one(records, store):
    at_once = link_all(records)
    con = store
    first = StoryLinker()
    for record in records[:4]:
        first.link(record)
    apply(con, first.state.take_changes())
    resumed = StoryLinker(LinkerState.from_rows(read(con)))
    later = link_all(records[4:], resumed)
    stories, occurrences = dict(at_once[0]), dict(at_once[1])
    halves = {**{r["id"]: first.state.articles[first.state.by_key[r["id"]]].story for r in records[:4]},
              **later[0]}
    for key, story in later[0].items():  # moves reported by the second run
        halves[key] = story
    assert halves == stories
    assert sorted_rows(resumed.state.to_rows()) == sorted_rows(at_once[2].state.to_rows())
    assert occurrences.items() >= later[1].items()


def test_what_falls_out_of_the_window_leaves_memory_not_the_store(records, store):
    from newsgraph.stories import LinkerConfig

    by_id = {r["id"]: r for r in records}
    order = [by_id[i] for i in ("summit-2024-wire-a", "rehab-marlowe-a", "summit-2024-wire-b",
                                "summit-2025-wire-a", "bombing-wire-a")]  # the last two: a year on
    config = LinkerConfig(evict_every=1)
    con = store
    linker = StoryLinker(config=config)
    for record in order:
        linker.link(record)
        apply(con, linker.state.take_changes())
    state = linker.state
    summit = state.articles[state.by_key["summit-2024-wire-a"]]
    assert summit.vectors is None and summit.seq not in state.edges
    assert summit.seq not in state.book.events_of            # its story is frozen
    stored = read(con)
    assert {r[0] for r in stored["link_events"]} >= {summit.seq}   # ... and in the store
    assert LinkerState.from_rows(stored).to_rows() == state.to_rows()


ARRESTS = [
    {"id": "arrest-wire-a", "published": "2025-03-12", "outlet": "Wire A", "text":
     "Kenyan police arrest opposition senator Daniel Mwangi\n\n"
     "NAIROBI, March 12 - Kenyan police arrested opposition senator Daniel Mwangi at his home in "
     "Nairobi on Wednesday, accusing him of inciting violence during last week's fuel protests.\n\n"
     "Mwangi's lawyer said the arrest was an attempt to silence the government's critics. Police "
     "said Mwangi would appear in court on Thursday.\n\n"
     "Police arrested Mwangi's party colleague, the lawmaker Grace Achieng, in February over a "
     "rally in Kisumu; she was released on bail two days later."},
    {"id": "arrest-wire-b", "published": "2025-03-13", "outlet": "Wire B", "text":
     "Opposition senator Mwangi held by Kenyan police\n\n"
     "NAIROBI, March 13 - Kenyan police have arrested opposition senator Daniel Mwangi, who is "
     "accused of inciting violence during the fuel protests that shook Nairobi last week.\n\n"
     "Officers arrested Mwangi at his home on Wednesday evening, his party said, calling the "
     "charges political. He is due in court on Thursday.\n\n"
     "Police arrested lawmaker Grace Achieng, of the same party, in February after a rally in "
     "Kisumu."},
]


def test_a_colleague_arrested_before_is_another_occurrence(nlp_pipeline):
    """Both articles tell the senator's arrest and recall a colleague's a month before: the
    senator's arrests are one occurrence, the colleague's another (the same word, the same
    police: the people and the month tell them apart)."""
    records = []
    for raw in ARRESTS:
        record = nlp_pipeline.analyze_record({k: raw[k] for k in ("id", "text", "published")})
        record["outlet"] = raw["outlet"]
        records.append(record)
    stories, occurrences, _ = link_all(records)
    assert stories["arrest-wire-a"] == stories["arrest-wire-b"]

    def arrests_of(record, name):
        text = record["text"]
        out = set()
        for e in record["events"]:
            sentence = text[e["sentence"]["start"]:e["sentence"]["end"]]
            if e["event"] == "COERCE" and text[e["trigger"]["start"]:e["trigger"]["end"]] == "arrested" \
                    and name in sentence:
                out.add(occurrences[(record["id"], e["id"])])
        return out

    a, b = records
    senator = arrests_of(a, "Mwangi") - arrests_of(a, "Achieng")
    assert senator and senator & arrests_of(b, "Mwangi")
    colleague = arrests_of(a, "Achieng") | arrests_of(b, "Achieng")
    assert colleague and not colleague & (arrests_of(a, "Daniel Mwangi") | arrests_of(b, "Daniel Mwangi"))
    assert arrests_of(a, "Achieng") == arrests_of(b, "Achieng")   # the recalled arrest, one occurrence
