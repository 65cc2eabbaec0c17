"""Ingest with the real pipeline: idempotence, kill -9 and resume, concurrent readers, errors."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.schema import CONTENT_TABLES
from newsgraph.corpus.store import open_store, peek_articles
from test_corpus_data import write_folder, write_jsonl

NEWSGRAPH = [sys.executable, "-m", "newsgraph"]

pytestmark = pytest.mark.slow  # whole ingests, several in subprocesses


def content_counts(db: str) -> dict:
    return open_store(db, read_only=True).counts(CONTENT_TABLES)


def test_folder_ingest_is_idempotent_and_keeps_errors(tmp_path):
    folder = tmp_path / "in"
    write_folder(str(folder), 5)
    (folder / "empty.txt").write_text("")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 10)
    db = str(tmp_path / "c.duckdb")
    first = ingest([str(folder)], db, workers=1)
    assert (first.added, first.errors, first.seen) == (5, 2, 7)
    counts = content_counts(db)
    assert counts["articles"] == 5 and counts["errors"] == 2 and counts["entities"] > 5
    second = ingest([str(folder)], db, workers=1)
    assert (second.added, second.errors, second.skipped) == (0, 0, 7)
    assert content_counts(db) == counts
    _, runs = open_store(db).query("SELECT status, added, skipped FROM runs ORDER BY started_at")
    assert runs == [("done", 5, 0), ("done", 0, 7)]
    _, errors = open_store(db).query("SELECT locator, error FROM errors ORDER BY locator")
    assert errors[0] == ("empty.txt", "empty text") and "binary" in errors[1][1]


def test_ingest_matches_extract_records(tmp_path):
    """The stored record of an article is the record `newsgraph extract` writes for it."""
    import json

    src = str(tmp_path / "in.jsonl")
    write_jsonl(src, 3)
    db = str(tmp_path / "c.duckdb")
    ingest([src], db, workers=1)
    out = tmp_path / "extract.jsonl"
    subprocess.run(NEWSGRAPH + ["extract", src, "--output", str(out), "--quiet", "--workers", "1"], check=True)
    exported = tmp_path / "export.jsonl"
    subprocess.run(NEWSGRAPH + ["export", "--db", db, "--format", "jsonl", "--output", str(exported)], check=True)
    stored = [json.loads(line) for line in exported.read_text().splitlines()]
    for record in stored:  # what the corpus adds across articles (CONTRACT.md), not extract
        assert record.pop("story_id").startswith("S")
        for event in record["events"]:
            event.pop("occurrence_id")
    assert sorted(map(json.loads, out.read_text().splitlines()), key=lambda r: r["id"]) == stored


def _ingest_process(src: str, db: str, batch: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONFAULTHANDLER="1")  # SIGABRT prints where it is, if it ever hangs
    return subprocess.Popen(NEWSGRAPH + ["ingest", src, "--db", db, "--workers", "1", "--batch", str(batch),
                                         "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def test_kill_9_halfway_then_resume_gives_the_same_rows(tmp_path):
    n = 48
    src = str(tmp_path / "in.jsonl")
    write_jsonl(src, n)
    reference = str(tmp_path / "ref.duckdb")
    ingest([src], reference, workers=1)
    expected = content_counts(reference)
    assert expected["articles"] == n

    db = str(tmp_path / "killed.duckdb")
    proc = _ingest_process(src, db, batch=2)
    seen = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        seen = peek_articles(db)
        if seen is not None and seen >= 6:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = content_counts(db)["articles"]
    assert 0 < stored < n, f"the kill should land halfway (stored {stored} of {n})"

    again = ingest([src], db, workers=1)
    assert again.skipped == stored and again.added == n - stored
    assert content_counts(db) == expected
    _, runs = open_store(db).query("SELECT status FROM runs ORDER BY started_at")
    assert [r[0] for r in runs] == ["running", "done"]  # the killed run is visible as such
    assert ingest([src], db, workers=1).added == 0
    assert content_counts(db) == expected


CONSISTENT = """
SELECT count(*) FROM articles a
WHERE a.n_entities <> (SELECT count(*) FROM entities e WHERE e.article_key = a.article_key)
   OR a.n_mentions <> (SELECT count(*) FROM mentions m WHERE m.article_key = a.article_key)
   OR a.n_quotes <> (SELECT count(*) FROM quotes q WHERE q.article_key = a.article_key)
   OR a.n_times <> (SELECT count(*) FROM times t WHERE t.article_key = a.article_key)
"""
ORPHANS = """
SELECT (SELECT count(*) FROM entities e WHERE e.article_key NOT IN (SELECT article_key FROM articles))
     + (SELECT count(*) FROM mentions m WHERE m.article_key NOT IN (SELECT article_key FROM articles))
"""


def test_a_reader_during_ingest_never_sees_half_an_article(tmp_path):
    n = 30
    src = str(tmp_path / "in.jsonl")
    write_jsonl(src, n)
    db = str(tmp_path / "c.duckdb")
    proc = _ingest_process(src, db, batch=1)
    observed = set()
    try:
        deadline = time.monotonic() + 180
        while proc.poll() is None and time.monotonic() < deadline:
            if os.path.exists(db):
                store = open_store(db, read_only=True)
                store.lock_timeout = 0.05
                try:
                    with store.connect() as con:
                        (articles,) = con.execute("SELECT count(*) FROM articles").fetchone()
                        (bad,) = con.execute(CONSISTENT).fetchone()
                        (orphans,) = con.execute(ORPHANS).fetchone()
                except Exception:  # noqa: BLE001 - the writer holds the file, or no schema yet
                    time.sleep(0.01)
                    continue
                assert bad == 0 and orphans == 0, f"half-written article seen at {articles} articles"
                observed.add(articles)
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGABRT)
    assert proc.wait() == 0, proc.stderr.read().decode()[-5000:]
    assert content_counts(db)["articles"] == n
    assert len([c for c in observed if 0 < c < n]) >= 2, f"no reads landed mid-ingest: {sorted(observed)}"
