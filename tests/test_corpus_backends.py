"""PostgreSQL and Dask give row for row the content DuckDB gets with local workers.

PostgreSQL tests need a real server: `export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh)`.
Without NEWSGRAPH_TEST_PG they are skipped, except under CI (env CI set), where a missing
server is a failure.
"""
from __future__ import annotations

import os

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.schema import CONTENT_TABLES, columns
from newsgraph.corpus.store import open_store
from test_corpus_data import write_folder, write_records

pytestmark = pytest.mark.slow  # whole ingests on three engines

VOLATILE = {"run_id", "created_at"}  # differ between runs by design


def table_content(store, table: str) -> list[tuple]:
    cols = [c for c in columns(table) if c not in VOLATILE]
    _, rows = store.query(f"SELECT {', '.join(cols)} FROM {table}")
    norm = [tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]
    return sorted(norm, key=lambda r: tuple((v is None, str(v)) for v in r))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("backends")
    write_folder(str(tmp / "folder"), 6)
    (tmp / "folder" / "empty.txt").write_text("")
    write_records(str(tmp / "records.jsonl"))
    return [str(tmp / "folder"), str(tmp / "records.jsonl")]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    ingest(inputs, db, workers=2)
    return open_store(db, read_only=True)


def pg_url() -> str:
    pytest.importorskip("psycopg", reason="PostgreSQL is the 'postgres' extra: pip install -e '.[postgres]'")
    url = os.environ.get("NEWSGRAPH_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("NEWSGRAPH_TEST_PG is not set under CI: start a server with scripts/start_postgres.sh")
        pytest.skip("NEWSGRAPH_TEST_PG not set (export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh))")
    return url


@pytest.fixture(scope="module")
def pg_store():
    url = pg_url()
    store = open_store(url)
    for table in list(CONTENT_TABLES) + ["runs", "newsgraph_meta"]:
        store.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    return store


def test_postgres_holds_the_same_rows_as_duckdb(inputs, reference, pg_store):
    stats = ingest(inputs, pg_store.url, workers=2)
    assert stats.added == reference.counts(["articles"])["articles"]
    for table in CONTENT_TABLES:
        assert table_content(pg_store, table) == table_content(reference, table), table
    again = ingest(inputs, pg_store.url, workers=1)
    assert again.added == 0 and again.skipped == stats.seen


def test_postgres_answers_the_recipes_alike(reference, pg_store, inputs):
    if pg_store.counts(["articles"])["articles"] == 0:
        ingest(inputs, pg_store.url, workers=1)
    duck, pg = Corpus(reference.url), Corpus(pg_store.url)
    for call in (lambda c: c.timeline("RUS", "PRK"), lambda c: c.events(actor="RUS", recipient="PRK"),
                 lambda c: c.quotes("peskov"), lambda c: c.places(since="2023-01-01"),
                 lambda c: c.dyads(by="code")):
        a, b = call(duck), call(pg)
        assert a.astype(str).values.tolist() == b.astype(str).values.tolist()


def test_postgres_exports_the_same_plover(reference, pg_store, tmp_path):
    Corpus(reference.url).export("plover", str(tmp_path / "duck.jsonl"))
    Corpus(pg_store.url).export("plover", str(tmp_path / "pg.jsonl"))
    assert (tmp_path / "duck.jsonl").read_text() == (tmp_path / "pg.jsonl").read_text()


def test_dask_holds_the_same_rows_as_local(inputs, reference, tmp_path):
    pytest.importorskip("distributed", reason="Dask is the 'dask' extra: pip install -e '.[dask]'")
    db = str(tmp_path / "dask.duckdb")
    stats = ingest(inputs, db, workers=2, engine="dask")
    assert stats.added == reference.counts(["articles"])["articles"]
    store = open_store(db, read_only=True)
    for table in CONTENT_TABLES:
        assert table_content(store, table) == table_content(reference, table), table
