"""The corpus store, recipes, exports, sources and CLI on small hand-written records.

These tests ingest finished contract records (every layer filled by hand), so they need no
analysis; tests/test_corpus_ingest.py runs the pipeline itself.
"""
from __future__ import annotations

import csv
import io
import json
import os
from contextlib import redirect_stdout

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.rows import article_rows, check_widths, content_key
from newsgraph.corpus.sources import iter_items
from newsgraph.corpus.store import open_store
from test_corpus_data import analysed_records, write_records


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    src = str(tmp / "records.jsonl")
    write_records(src)
    db = str(tmp / "c.duckdb")
    stats = ingest([src], db, workers=1)
    assert stats.added == 3
    return db


def test_rows_match_the_schema_width():
    check_widths()


def test_every_layer_gets_its_rows(corpus_db):
    counts = open_store(corpus_db).counts()
    assert counts["articles"] == 3
    assert counts["entities"] == 12
    assert counts["mentions"] == 13
    assert counts["actors"] == 9
    assert counts["quotes"] == 2
    assert counts["times"] == 1
    assert counts["places"] == 4
    assert counts["events"] == 4
    assert counts["event_actors"] == 8
    assert counts["flags"] == 1
    assert counts["errors"] == 0


def test_rows_carry_their_evidence(corpus_db):
    store = open_store(corpus_db, read_only=True)
    _, rows = store.query("SELECT text FROM mentions m JOIN entities e USING (article_key, entity_id) "
                          "WHERE e.name = 'Kim Jong Un'")
    assert [r[0] for r in rows] == ["Kim Jong Un", "Kim Jong Un"]
    _, rows = store.query("SELECT content, cue, source, speaker_name, via FROM quotes "
                          "WHERE speaker_name = 'Dmitry Peskov'")
    assert rows[0][:4] == ("The talks were useful,", "said", "Dmitry Peskov", "Dmitry Peskov")
    assert json.loads(rows[0][4])[0]["name"] == "Tass"
    _, rows = store.query("SELECT trigger, sentence FROM events WHERE event = 'AID'")
    assert rows[0][0] == "sent" and rows[0][1].startswith("BERLIN (AP) - Germany sent")
    _, rows = store.query("SELECT text, note FROM flags")
    assert rows == [("so-called", "scare term")]


def test_fields_without_a_column_land_in_extra(corpus_db):
    _, rows = open_store(corpus_db).query("SELECT extra FROM places WHERE name = 'Vostochny'")
    assert json.loads(rows[0][0]) == {"confidence": 0.9}


def test_event_month_falls_back_to_publication(corpus_db):
    _, rows = open_store(corpus_db).query("SELECT event, date, day, month FROM events ORDER BY month, event")
    assert [(r[0], r[1], r[3]) for r in rows] == [("AID", None, "2022-08"), ("CONSULT", "2023-09-13", "2023-09"),
                                                  ("AGREE", "2024-06", "2024-06"), ("CONSULT", "2024-06-18", "2024-06")]
    assert rows[0][2] is None and rows[2][2] is None and str(rows[1][2]) == "2023-09-13"


def test_reingesting_adds_nothing(corpus_db, tmp_path):
    before = open_store(corpus_db).counts()
    src = str(tmp_path / "again.jsonl")
    write_records(src)
    stats = ingest([src], corpus_db, workers=1)
    assert (stats.added, stats.skipped) == (0, 3)
    after = open_store(corpus_db).counts()
    assert after["runs"] == before["runs"] + 1
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_write_batch_skips_stored_articles(tmp_path):
    store = open_store(str(tmp_path / "w.duckdb"))
    store.create_schema()
    record = analysed_records()[2]
    rows = article_rows(record, content_key("text", record["text"]), "s", "l", "run")
    assert store.write_batch(rows) == 1
    assert store.write_batch(rows) == 0
    assert store.counts(["articles", "entities"]) == {"articles": 1, "entities": 3}


def test_timeline_between_two_actors_by_month(corpus_db):
    corpus = Corpus(corpus_db)
    both = corpus.timeline("RUS", "PRK")
    assert list(zip(both.month, both.event, both.events)) == [("2023-09", "CONSULT", 1), ("2024-06", "CONSULT", 1)]
    one_way = corpus.timeline("RUS", "PRK", both_ways=False)
    assert list(one_way.month) == ["2023-09"]


def test_events_by_country_code_or_name(corpus_db):
    corpus = Corpus(corpus_db)
    df = corpus.events(actor="RUS", recipient="PRK")
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.article, row.event, row.actors, row.recipients, row.place) == (
        "kremlin-1", "CONSULT", "Vladimir Putin", "Kim Jong Un", "Vostochny")
    assert list(corpus.events(actor="vladimir putin").event) == ["CONSULT", "AGREE"]
    assert len(corpus.events(actor="PRKGOV")) == 2
    assert len(corpus.events(event="aid")) == 1
    assert list(corpus.events(since="2024-01-01").event) == ["CONSULT", "AGREE"]


def test_quotes_by_a_speaker(corpus_db):
    df = Corpus(corpus_db).quotes("peskov")
    assert list(df.article) == ["kremlin-1", "kremlin-2"]
    assert df.iloc[0].content == "The talks were useful,"
    assert len(Corpus(corpus_db).quotes("Putin")) == 0


def test_places_of_events_in_a_date_range(corpus_db):
    df = Corpus(corpus_db).places(since="2023-01-01", until="2024-12-31")
    assert sorted(df.place) == ["Pyongyang", "Vostochny"]
    assert int(df[df.place == "Pyongyang"].events.iloc[0]) == 2
    assert list(Corpus(corpus_db).places(until="2022-12-31").place) == ["Karachi"]


def test_most_active_dyads(corpus_db):
    df = Corpus(corpus_db).dyads()
    assert sorted(zip(df.actor, df.recipient, df.events)) == [("DEU", "PAK", 1), ("PRK", "RUS", 1),
                                                              ("RUS", "PRK", 1)]
    by_name = Corpus(corpus_db).dyads(by="name", top=1)
    assert len(by_name) == 1


def test_contract_jsonl_export_round_trips(corpus_db, tmp_path):
    out = tmp_path / "records.jsonl"
    assert Corpus(corpus_db).export("jsonl", str(out)) == 3
    got = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    for record in analysed_records():
        assert got[record["id"]] == record


def test_parquet_export_is_partitioned_by_month(corpus_db, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    Corpus(corpus_db).export("parquet", str(out))
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["published_month=2022-08", "published_month=2023-09", "published_month=2024-06"]
    events = ds.dataset(str(out / "events"), format="parquet", partitioning="hive").to_table()
    assert events.num_rows == 4
    assert (out / "runs.parquet").exists()


def test_plover_and_gdelt_exports(corpus_db, tmp_path):
    corpus = Corpus(corpus_db)
    plover = tmp_path / "events.jsonl"
    assert corpus.export("plover", str(plover)) == 4
    first = [json.loads(line) for line in plover.read_text().splitlines() if '"AID"' in line][0]
    assert first["source"][0]["actorText"] == "Germany" and first["target"][0]["code"] == "PAK"
    assert first["date"] == "2022-08-29" and first["eventLoc"]["name"] == "Karachi"
    assert first["text"].startswith("BERLIN (AP)")
    tsv = tmp_path / "events.tsv"
    assert corpus.export("gdelt", str(tsv)) == 4
    rows = list(csv.DictReader(io.StringIO(tsv.read_text()), delimiter="\t"))
    aid = [r for r in rows if r["EventCode"] == "AID"][0]
    assert (aid["Actor1CountryCode"], aid["Actor2CountryCode"], aid["QuadClass"]) == ("DEU", "PAK", "2")
    assert aid["SQLDATE"] == "20220829" and aid["ActionGeo_FullName"] == "Karachi"


def test_csv_export_writes_one_file_per_table(corpus_db, tmp_path):
    Corpus(corpus_db).export("csv", str(tmp_path / "csv"))
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 4


def _cli(*argv) -> str:
    from newsgraph.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(list(argv)) == 0
    return buf.getvalue()


def test_cli_sql_and_query(corpus_db):
    out = _cli("sql", "SELECT count(*) AS n FROM events", "--db", corpus_db, "--format", "json")
    assert json.loads(out) == {"n": 4}
    out = _cli("query", "timeline", "RUS", "PRK", "--db", corpus_db, "--format", "csv")
    assert out.splitlines()[0] == "month,event,events,articles"
    assert out.splitlines()[1:] == ["2023-09,CONSULT,1,1", "2024-06,CONSULT,1,1"]
    assert "Vostochny" in _cli("query", "events", "--actor", "RUS", "--db", corpus_db)


def test_cli_bad_sql_is_one_line_and_exit_2(corpus_db, capsys):
    from newsgraph.cli import main

    assert main(["sql", "SELECT nothing FROM nowhere", "--db", corpus_db]) == 2
    assert capsys.readouterr().err.startswith("newsgraph: query failed")
    assert main(["sql", "SELECT 1", "--db", corpus_db + ".missing"]) == 2


def test_folder_items_read_text_and_html_and_report_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("LIMA - Peru's congress voted on Thursday to remove the president.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Story</p></body></html>")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "notes.md").write_text("ignored")
    items = list(iter_items([str(tmp_path)]))
    assert [i.locator for i in items] == ["a.txt", "junk.txt", os.path.join("sub", "b.html")]
    assert items[0].input == {"id": "a.txt", "text": items[0].input["text"]}
    assert items[1].error and "binary" in items[1].error
    assert "html" in items[2].input


def test_jsonl_items_keep_bad_lines_as_errors(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Some text."}\nnot json\n\n[1, 2]\n{"id": "b", "text": "Some text."}\n')
    items = list(iter_items([str(path)]))
    assert [i.locator for i in items] == ["line 1", "line 2", "line 4", "line 5"]
    assert items[1].error.startswith("line 2 is not JSON")
    assert items[0].key == items[3].key  # same content, same key: stored once


def test_csv_items_use_the_text_column(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,title,published,body\nx1,Floods,2023-05-02,"HANOI - Floods hit, again."\n')
    items = list(iter_items([str(path)], text_column="body"))
    assert items[0].input == {"id": "x1", "text": "HANOI - Floods hit, again.", "title": "Floods",
                              "published": "2023-05-02"}
    assert list(iter_items([str(path)]))[0].error.startswith(f"{path} has no 'text' column")


def test_warc_items_are_the_html_responses(tmp_path):
    pytest.importorskip("warcio", reason="WARC input is the 'warc' extra: pip install -e '.[warc]'")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, ctype, body in [("https://example.org/a", "text/html; charset=utf-8", b"<html><body><p>A</p></body></html>"),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG....")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    items = list(iter_items([str(path)]))
    assert len(items) == 1
    assert items[0].input["url"] == "https://example.org/a" and "<p>A</p>" in items[0].input["html"]


def test_missing_path_is_an_error_item(tmp_path):
    items = list(iter_items([str(tmp_path / "nope")]))
    assert items[0].error.startswith("no such file")
