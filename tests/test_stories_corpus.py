"""Stories in the corpus: `newsgraph ingest` of the story test articles
(tests/data/stories_articles.jsonl, written for these tests), then the story recipes, the
Corpus methods, the exports' ids, and the same ids from PostgreSQL and Dask ingests.

PostgreSQL runs with NEWSGRAPH_TEST_PG set (`export NEWSGRAPH_TEST_PG=$(bash
scripts/start_postgres.sh)`), as in tests/test_corpus_backends.py; Dask with the 'dask' extra.
"""
from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.store import open_store

DATA = Path(__file__).parent / "data" / "stories_articles.jsonl"

# what the linker decides, read back from the store: every id the corpus gives
IDS = {
    "articles": "SELECT id, story_id FROM articles",
    "events": "SELECT a.id, e.event_id, e.occurrence_id FROM events e JOIN articles a USING (article_key)",
    "stories": "SELECT story_id, n_articles, n_outlets, first_published, last_published FROM stories",
    "occurrences": "SELECT occurrence_id, story_id, event, n_articles, n_events, date, place, actors "
                   "FROM occurrences",
    "disagreements": "SELECT d.occurrence_id, d.slot, d.value, a.id, d.event_id, d.start_char, d.end_char "
                     "FROM disagreements d JOIN articles a USING (article_key)",
}


def ids_of(db: str) -> dict:
    store = open_store(db, read_only=True)
    return {name: sorted(tuple(str(v) for v in row) for row in store.query(sql)[1]) for name, sql in IDS.items()}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("stories") / "stories.duckdb")
    assert ingest([str(DATA)], db, workers=1).added == 8
    return db


def story_of(corpus: Corpus, article: str) -> str:
    return corpus.store.dicts("SELECT story_id FROM articles WHERE id = :id", {"id": article})[0]["story_id"]


def test_stories_are_listed_most_told_first_as_plain_rows(story_db):
    stories = Corpus(story_db).stories()
    assert len(stories) == 5                          # two summits, two rehabs, one bombing
    assert [s["articles"] for s in stories] == [2, 2, 2, 1, 1]
    assert all(isinstance(s, dict) for s in stories)
    assert {s["headline"] for s in stories if s["articles"] == 2} >= {"Car bomb kills 12 at Kirkuk market"}
    assert len(Corpus(story_db).stories(min_articles=2)) == 3
    assert [s["headline"] for s in Corpus(story_db).stories(since="2025-01-01")] == \
        ["Xi arrives in Moscow for talks with Putin before Victory Day parade"]


def test_a_story_shows_its_articles_occurrences_tellings_and_disagreements(story_db):
    corpus = Corpus(story_db)
    story = corpus.story(story_of(corpus, "bombing-wire-a"))
    assert story["story"]["articles"] == 2 and story["story"]["disagreements"] == 1
    assert [a["article"] for a in story["articles"]] == ["bombing-wire-a", "bombing-wire-b"]
    told = {o["occurrence_id"] for o in story["occurrences"]}
    assert {t["occurrence_id"] for t in story["tellings"]} == told
    assert {t["according_to"] for t in story["tellings"] if t["trigger"] == "killed"} >= {"police"}
    dead = [d for d in story["disagreements"] if d["slot"] == "dead"]
    assert {(d["article"], d["value"]) for d in dead} >= {("bombing-wire-a", "12"), ("bombing-wire-b", "14")}
    assert all(d["evidence"] == d["value"] for d in dead)    # the span is the number in the text
    assert corpus.story("S999999") is None


def test_events_told_by_several_sources(story_db):
    corpus = Corpus(story_db)
    every = corpus.events()
    shared = corpus.events(min_sources=2)
    assert 0 < len(shared) < len(every)
    assert (shared["sources"] >= 2).all() and shared["occurrence_id"].notna().all()
    assert set(shared["story_id"]) >= {story_of(corpus, "bombing-wire-a")}


def _cli(*argv) -> str:
    from newsgraph.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(list(argv)) == 0
    return buf.getvalue()


def test_cli_query_stories_and_story(story_db, capsys):
    from newsgraph.cli import main

    listed = [json.loads(line) for line in _cli("query", "stories", "--db", story_db, "--format", "json").splitlines()]
    assert [s["articles"] for s in listed] == [2, 2, 2, 1, 1]
    bombing = story_of(Corpus(story_db), "bombing-wire-b")
    shown = [json.loads(line) for line in _cli("query", "story", bombing, "--db", story_db, "-f", "json").splitlines()]
    assert [s["section"] for s in shown][:3] == ["story", "articles", "articles"]
    assert {s["section"] for s in shown} == {"story", "articles", "occurrences", "tellings", "disagreements"}
    table = _cli("query", "story", bombing, "--db", story_db)
    assert "disagreements" in table and "Kirkuk" in table
    capsys.readouterr()
    assert main(["query", "story", "S999999", "--db", story_db]) == 2
    assert "query stories" in capsys.readouterr().err
    header, *rows = csv.reader(io.StringIO(_cli("query", "events", "--min-sources", "2", "--db", story_db,
                                                 "-f", "csv")))
    assert rows and all(int(row[header.index("sources")]) >= 2 for row in rows)


def test_exports_carry_the_story_and_occurrence_ids(story_db, tmp_path):
    corpus = Corpus(story_db)
    ids = {(r["id"], r["event_id"]): r["occurrence_id"] for r in corpus.store.dicts(IDS["events"])}
    corpus.export("plover", str(tmp_path / "events.jsonl"))
    plover = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert len(plover) == len(ids)
    assert all(e["occurrenceId"] == ids[(e["docId"], e["id"][len(e["docId"]) + 1:])] for e in plover)
    assert {e["storyId"] for e in plover if e["docId"] == "bombing-wire-a"} == {story_of(corpus, "bombing-wire-a")}
    corpus.export("jsonl", str(tmp_path / "records.jsonl"))
    records = {r["id"]: r for r in map(json.loads, (tmp_path / "records.jsonl").read_text().splitlines())}
    assert records["summit-2024-wire-a"]["story_id"] == records["summit-2024-wire-b"]["story_id"]
    assert all(e["occurrence_id"] == ids[(r["id"], e["id"])] for r in records.values() for e in r["events"])
    corpus.export("gdelt", str(tmp_path / "events.tsv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.tsv").read_text()), delimiter="\t"))
    assert max(int(r["NumArticles"]) for r in rows) == 2 and min(int(r["NumArticles"]) for r in rows) == 1


@pytest.mark.slow
def test_postgres_gives_the_ids_duckdb_gives(story_db):
    from test_corpus_backends import empty_pg, pg_url

    url = pg_url()
    empty_pg(url)
    assert ingest([str(DATA)], url, workers=2, batch_articles=3).added == 8
    assert ids_of(url) == ids_of(story_db)


@pytest.mark.slow
def test_dask_gives_the_ids_a_local_ingest_gives(story_db, tmp_path):
    pytest.importorskip("distributed", reason="Dask is the 'dask' extra: pip install -e '.[dask]'")
    db = str(tmp_path / "dask.duckdb")
    assert ingest([str(DATA)], db, workers=2, engine="dask", batch_articles=3).added == 8
    assert ids_of(db) == ids_of(story_db)


def test_an_emptied_corpus_forgets_its_stories(story_db, tmp_path):
    """Articles dropped by hand leave the linker's tables behind: the next ingest starts afresh
    and gives the ids of a new corpus."""
    import shutil

    db = str(tmp_path / "emptied.duckdb")
    shutil.copy(story_db, db)
    store = open_store(db)
    for table in ("articles", "events"):
        store.execute(f"DELETE FROM {table}")
    assert store.counts(["link_articles"])["link_articles"] > 0
    assert ingest([str(DATA)], db, workers=1).added == 8
    assert ids_of(db) == ids_of(story_db)
