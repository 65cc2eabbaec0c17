"""Ingest under the limits and the faults a long run meets: an article past a limit is an
`errors` row (local workers and Dask alike); a PostgreSQL server restarted mid-ingest is
waited for, or the run fails saying so, and a second run leaves exactly the rows of an
uninterrupted run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.schema import CONTENT_TABLES, LINK_TABLES
from newsgraph.corpus.store import open_store
from newsgraph.run.limits import Limits
from test_corpus_backends import table_content, pg_url
from test_runner import SHORT, long_article, many_articles, wait_until, write_jsonl

pytestmark = pytest.mark.slow  # whole ingests in subprocesses


def limit_inputs(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", [
        {"id": "first", "text": SHORT},
        {"id": "huge", "text": "Word " * 50_000},           # 250,000 characters
        {"id": "slow", "text": long_article(40)},            # about 9 s of analysis
        {"id": "last", "text": SHORT.replace("Tuesday", "Friday")}])


def errors_by_id(db: str) -> dict:
    _, rows = open_store(db, read_only=True).query("SELECT record_id, error FROM errors")
    return dict(rows)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_articles_past_a_limit_are_errors_rows_and_the_run_goes_on(tmp_path, engine):
    if engine == "dask":
        pytest.importorskip("distributed", reason="Dask is the 'dask' extra")
    db = str(tmp_path / "c.duckdb")
    stats = ingest([str(limit_inputs(tmp_path))], db, workers=2, engine=engine,
                   limits=Limits(max_chars=200_000, timeout=2.0))
    assert (stats.added, stats.errors) == (2, 2)
    errors = errors_by_id(db)
    assert errors["huge"] == "the text is 250,000 characters, over the limit of 200,000 (--max-chars)"
    assert errors["slow"].startswith("the analysis took longer than 2 s (--timeout)")
    _, ids = open_store(db, read_only=True).query("SELECT id FROM articles ORDER BY id")
    assert [r[0] for r in ids] == ["first", "last"]


# -- a PostgreSQL server that goes away mid-ingest ------------------------------------------

PG_DIR = os.environ.get("NEWSGRAPH_PG_DIR", "/tmp/newsgraph-pg")


def pg_ctl(action: str) -> None:
    """Stop, start or restart the test server of scripts/start_postgres.sh."""
    bins = sorted(d for d in os.listdir("/usr/lib/postgresql"))
    ctl = f"/usr/lib/postgresql/{bins[-1]}/bin/pg_ctl"
    opts = "" if action == "stop" else \
        f"-o \"-c listen_addresses=127.0.0.1 -p {PG_PORT} -k '{PG_DIR}' -c fsync=off\""
    command = f"'{ctl}' -D '{PG_DIR}' -l '{PG_DIR}/server.log' -w -t 60 -m fast {opts} {action}"
    argv = ["su", "postgres", "-s", "/bin/sh", "-c", command] if os.getuid() == 0 else ["sh", "-c", command]
    subprocess.run(argv, check=True, capture_output=True, timeout=120)


PG_PORT = os.environ.get("NEWSGRAPH_PG_PORT", "54329")


def fresh_database(name: str) -> str:
    """An empty database `name` on the test server; its URL."""
    import psycopg

    base = pg_url()
    if not os.path.exists(os.path.join(PG_DIR, "PG_VERSION")):
        pytest.skip(f"the test server's data directory {PG_DIR} is not here: cannot restart it")
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        con.execute(f"CREATE DATABASE {name}")
    return base.rsplit("/", 1)[0] + "/" + name


def ingest_cli(url: str, inp, *options: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(inp), "--db", url,
                             "--quiet", "--workers", "1", "--batch", "2", *options],
                            stderr=subprocess.PIPE, text=True, **popen)


def stored(url: str) -> int:
    try:
        return open_store(url).counts(["articles"])["articles"]
    except Exception:  # noqa: BLE001 - no table yet, or the server is down
        return 0


def all_rows(url: str) -> dict:
    store = open_store(url)
    return {t: table_content(store, t) for t in [*CONTENT_TABLES, *LINK_TABLES]}


@pytest.fixture(scope="module")
def fault_inputs(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("fault") / "in.jsonl", many_articles(24))


@pytest.fixture(scope="module")
def clean_rows(fault_inputs):
    url = fresh_database("newsgraph_fault_clean")
    done = ingest_cli(url, fault_inputs)
    assert done.wait(timeout=600) == 0, done.stderr.read()
    return all_rows(url)


class StderrLines:
    """The lines a running process writes to stderr, read beside it (a pipe left unread can
    fill and stall the run; a condition on them can be waited for)."""

    def __init__(self, run: subprocess.Popen):
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(run.stderr,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line)

    def text(self) -> str:
        self.thread.join(timeout=60)
        return "".join(self.lines)

    def has(self, words: str) -> bool:
        return any(words in line for line in list(self.lines))


def test_a_server_restart_mid_ingest_is_waited_for(fault_inputs, clean_rows):
    """The server goes down after the first commit and comes back only once the run has met
    the lost connection (a quick restart can fall between two batches, which tests nothing:
    every batch opens its own connection)."""
    url = fresh_database("newsgraph_fault_restart")
    run = ingest_cli(url, fault_inputs, "--db-retry", "60")
    err = StderrLines(run)
    try:
        assert wait_until(lambda: stored(url) > 0, 300), "nothing was committed"
        assert run.poll() is None, "the run ended before the restart"
        pg_ctl("stop")
        try:
            assert wait_until(lambda: err.has("lost the connection to the database"), 120), \
                "the run never met the stopped server: " + "".join(err.lines)
            assert run.poll() is None, "the run gave up instead of waiting"
        finally:
            pg_ctl("start")
        assert run.wait(timeout=600) == 0, err.text()
    finally:
        run.kill()
    assert "24 articles added, 0 already stored, 0 errors" in err.text()
    again = ingest_cli(url, fault_inputs)
    assert again.wait(timeout=600) == 0
    assert "0 articles added" in again.stderr.read()
    assert all_rows(url) == clean_rows


def test_a_server_down_too_long_fails_the_run_clearly_and_a_rerun_completes(fault_inputs, clean_rows):
    url = fresh_database("newsgraph_fault_down")
    run = ingest_cli(url, fault_inputs, "--db-retry", "2")
    try:
        assert wait_until(lambda: stored(url) > 0, 300), "nothing was committed"
        pg_ctl("stop")
        try:
            assert run.wait(timeout=600) == 2
        finally:
            pg_ctl("start")
    finally:
        run.kill()
    err = run.stderr.read()
    assert "could not get it back within 2 s" in err and "run the same command again" in err
    assert 0 < stored(url) < 24
    again = ingest_cli(url, fault_inputs)
    assert again.wait(timeout=600) == 0, again.stderr.read()
    assert all_rows(url) == clean_rows
