"""`newsgraph serve` over a PostgreSQL corpus answers every view as it does over DuckDB.

The same articles are ingested into a database of their own on the test server (so the other
PostgreSQL tests, which drop their tables, are not disturbed), served by the real command, and
each view's JSON answer compared with the DuckDB server's; every page answers too. Needs
NEWSGRAPH_TEST_PG (`export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh)`): skipped
without it, a failure under CI, as the other PostgreSQL tests.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from conftest import get, get_json, ingest, serving

from newsgraph.corpus.schema import LINK_TABLES, TABLES
from newsgraph.corpus.store import open_store

pytestmark = pytest.mark.slow  # a second ingest and a second server

PATHS = ["/search", "/search?q=foreign+minister", "/search?actor=KOR&since=2024-03-01&until=2024-03-31",
         "/search?outlet=Reuters&type=ASSAULT", "/search?place=Tokyo", "/actor", "/actor?actor=JPN",
         "/actor?actor=Cho+Tae-yul", "/dyad", "/dyad?a=JPN&b=KOR", "/dyad?a=JPN&b=KOR&limit=2&offset=2",
         "/map", "/map?type=CONSULT", "/network", "/network?by=name&top=10",
         "/stories", "/stories?min=2", "/stories?since=2024-06-01&until=2024-06-30"]


def explorer_database(url: str) -> str:
    """The URL of `<test database>_explorer` on the server of `url`, created when missing and
    emptied of newsgraph's tables."""
    psycopg = pytest.importorskip("psycopg", reason="PostgreSQL is the 'postgres' extra")
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_explorer"
    with psycopg.connect(url, autocommit=True) as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            con.execute(f'CREATE DATABASE "{name}"')
    own = urlunsplit(parts._replace(path="/" + name))
    store = open_store(own)
    for table in [*TABLES, *LINK_TABLES, "newsgraph_meta"]:   # the linker's memory too
        store.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    return own


@pytest.fixture(scope="module")
def pg_server(corpus_inputs):
    url = os.environ.get("NEWSGRAPH_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("NEWSGRAPH_TEST_PG is not set under CI: start a server with scripts/start_postgres.sh")
        pytest.skip("NEWSGRAPH_TEST_PG not set (export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh))")
    own = explorer_database(url)
    ingest(corpus_inputs, own)
    with serving(own) as base:
        yield base


@pytest.mark.parametrize("path", PATHS)
def test_every_view_answers_alike_on_postgres(pg_server, server, path):
    assert get_json(pg_server + "/api" + path) == get_json(server + "/api" + path)
    status, html = get(pg_server + path)
    assert status == 200 and "<main>" in html


def test_every_article_answers_alike_on_postgres(pg_server, server):
    keys = [a["article_key"] for a in get_json(server + "/api/search?limit=500")["articles"]]
    assert len(keys) >= 10
    for key in keys:
        assert get_json(f"{pg_server}/api/article/{key}") == get_json(f"{server}/api/article/{key}")
        status, html = get(f"{pg_server}/article/{key}?fact=V1")
        assert status == 200, key


def test_every_story_answers_alike_on_postgres(pg_server, server):
    stories = get_json(server + "/api/stories?limit=500")["stories"]
    assert any(s["articles"] == 2 and s["disagreements"] for s in stories)
    for story in stories:
        path = f"/story/{story['story_id']}"
        assert get_json(pg_server + "/api" + path) == get_json(server + "/api" + path)
        status, html = get(pg_server + path)
        assert status == 200 and "<main>" in html, path


def test_bad_input_is_refused_alike_on_postgres(pg_server):
    status, _ = get(pg_server + "/api/search?since=2024-13-01")
    assert status == 400
    status, _ = get(pg_server + "/api/article/" + "0" * 32)
    assert status == 404
    assert get(pg_server + "/api/story/S999999")[0] == 404
    assert get(pg_server + "/api/story/S1")[0] == 400
    before = get_json(pg_server + "/api/search")["total"]
    injected = get_json(pg_server + "/api/actor?actor=" + "x'%3B%20DROP%20TABLE%20articles%3B--")
    assert injected["names"] == [] and injected["events_as_actor"] == []
    assert get_json(pg_server + "/api/search")["total"] == before > 0
