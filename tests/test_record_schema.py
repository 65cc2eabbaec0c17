"""One schema of the output record: generated from document.py, shipped, obeyed, documented.

The JSON Schema and the TypedDicts are written from the classes of newsgraph/document.py; these
tests hold the shipped files to the code, every record we produce (demo articles, bad input)
to the schema, docs/record.md's field table to the schema's fields, and the corpus tables to
the record (every field has a column, or goes to `extra`, or is kept in `articles.record`).
"""
from __future__ import annotations

import dataclasses
import json
import re
import tomllib
import typing
from typing import Optional

import jsonschema
import pytest
from conftest import ROOT, SAMPLES

import newsgraph
from newsgraph.corpus.rows import KNOWN, article_rows
from newsgraph.corpus.schema import TABLES
from newsgraph.document import (INTERNAL, OMIT_IF_NONE, Document, Event, RecordPart, as_record,
                                error_record)
from newsgraph.record_schema import (SCHEMA_PATH, TYPES_PATH, load_schema, record_schema,
                                     schema_text, typed_dicts_source)


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(validator, record) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]


def record_paths(schema: dict) -> list[str]:
    """Every key of the record as a path: `events`, `events[].evidence`, `entities[].actor.code`.
    Objects and lists of objects are walked into, except spans (`{start, end}`), which are
    one field."""
    defs = schema["$defs"]

    def walk(obj: dict, prefix: str) -> list[str]:
        out = []
        for key, prop in obj["properties"].items():
            path = prefix + key
            out.append(path)
            target = prop["anyOf"][0] if "anyOf" in prop else prop
            if target.get("type") == "array":
                target, path = target["items"], path + "[]"
            ref = target.get("$ref", "").rsplit("/", 1)[-1]
            if ref and ref != "Span":
                out += walk(defs[ref], path + ".")
        return out

    return walk(schema, "")


# --- generated from the code, shipped in the package --------------------------------------------

def test_the_shipped_schema_is_what_the_code_generates():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), \
        "record.schema.json is stale: run .venv/bin/python scripts/update_record_schema.py"


def test_the_shipped_typed_dicts_are_what_the_code_generates():
    assert TYPES_PATH.read_text(encoding="utf-8") == typed_dicts_source(), \
        "newsgraph/types.py is stale: run .venv/bin/python scripts/update_record_schema.py"


def test_schema_and_marker_are_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]["newsgraph"]
    assert {"record.schema.json", "py.typed"} <= set(data)
    assert (SCHEMA_PATH.parent / "py.typed").exists()


def test_the_command_prints_the_schema(capsys):
    from newsgraph.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == record_schema()


def test_the_typed_dicts_have_the_schemas_keys_and_optional_keys():
    schema = load_schema()
    for name, obj in [("Record", schema)] + [(f"{k}Record", v) for k, v in schema["$defs"].items()
                                             if k != "Record"]:
        typed = getattr(newsgraph.types, name)
        assert list(typing.get_type_hints(typed)) == list(obj["properties"]), name
        assert typed.__required_keys__ == set(obj["required"]), name
    assert typing.get_type_hints(newsgraph.analyze)["return"] is newsgraph.Record


# --- what is and is not part of the record ------------------------------------------------------

@dataclasses.dataclass
class Probe(RecordPart):
    """A class declared as document.py declares the record's parts."""

    kept: int
    maybe: Optional[str] = dataclasses.field(default=None, metadata=OMIT_IF_NONE)
    working: list = dataclasses.field(default_factory=list, metadata=INTERNAL)


def test_an_internal_field_is_left_out_of_the_record_and_an_omitted_one_when_none():
    probe = Probe(kept=1, working=["state"])
    assert as_record(probe) == {"kept": 1}
    probe.maybe = "x"
    assert probe.to_dict() == {"kept": 1, "maybe": "x"}


def test_the_documents_working_state_is_in_neither_the_record_nor_the_schema():
    internal = {f.name for f in dataclasses.fields(Document) if f.metadata.get("internal")}
    assert internal >= {"parse", "parse_offset", "chrome", "meta"}
    assert not internal & set(load_schema()["properties"])
    doc = Document(id="d", text="abc", meta={"published_source": "input"})
    assert not internal & set(doc.to_record())


def test_record_keys_follow_the_declared_field_order():
    ev = Event(id="V1", event="AID", trigger=newsgraph.document.Span(0, 1),
               sentence=newsgraph.document.Span(0, 2), reciprocal=True)
    keys = list(ev.to_dict())
    assert keys[:12] == ["id", "event", "mode", "context", "actor", "recipient", "trigger",
                         "sentence", "place", "date", "status", "attributed_to"]
    assert keys[12:] == ["cameo", "reciprocal", "evidence", "reported_by"]  # no intent_of: None


# --- every record we produce obeys it -------------------------------------------------------------

def test_the_demo_records_obey_the_schema(demo_records, validator):
    assert set(demo_records) == {p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")}
    for name, record in demo_records.items():
        assert "error" not in record, name
        assert problems(validator, record) == [], name
    # the optional keys are exercised, so the schema's types for them are checked too
    present = {k for r in demo_records.values() for k in r}
    assert {"headline", "dateline", "outlet", "authors"} <= present
    events = [e for r in demo_records.values() for e in r["events"]]
    assert events and all(e["evidence"] for e in events)
    places = [p for r in demo_records.values() for p in r["places"]]
    assert any("resolved_name" in p for p in places)


BAD_LINES = [
    "this line is not JSON",
    json.dumps([1, 2]),
    json.dumps({"text": "a record without an id"}),
    json.dumps({"id": 42, "text": "An id that is a number."}),
    json.dumps({"id": "empty", "text": ""}),
    json.dumps({"id": "binary", "text": "\x00\x01\x02\x03\x89PNG\x1a\x00" * 40}),
    json.dumps({"id": "german", "text": "Der Bundeskanzler hat am Dienstag in Berlin mit dem "
                "französischen Präsidenten über die Lage in der Ukraine gesprochen."}),
    json.dumps({"id": "bad-date", "text": "Officials met.", "published": "last Tuesday"}),
    json.dumps({"id": "no-article", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}),
    json.dumps({"id": "neither"}),
]


def test_records_of_bad_input_obey_the_schema(nlp_pipeline, validator):
    records = [json.loads(line) for line in
               nlp_pipeline.analyze_lines(list(enumerate(BAD_LINES, start=1)))]
    assert len(records) == len(BAD_LINES)
    assert sum("error" in r for r in records) == len(BAD_LINES) - 1  # the German one: language
    for line, record in zip(BAD_LINES, records):
        assert problems(validator, record) == [], line
    assert problems(validator, error_record("x", "internal error: boom", "some text")) == []


def test_the_schema_rejects_what_it_does_not_declare(demo_records, validator):
    record = json.loads(json.dumps(demo_records["kremlin-visit.txt"]))
    record["events"][0]["confidence"] = 0.9
    del record["quotes"][0]["speaker"]
    record["times"][0]["type"] = "WEEKDAY"
    found = problems(validator, record)
    assert len(found) == 3, found


# --- docs/record.md lists exactly the schema's fields ---------------------------------------------

def documented_fields() -> list[str]:
    """The field names in the first column of the table under `## Fields` in docs/record.md."""
    text = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    section = text.split("\n## Fields\n", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        cells = line.split("|")
        if len(cells) > 2 and not set(cells[1].strip()) <= set("-") and cells[1].strip() != "field":
            names += re.findall(r"`([^`]+)`", cells[1])
    return names


def test_the_field_table_of_docs_record_md_lists_exactly_the_schemas_fields():
    documented = documented_fields()
    assert len(documented) == len(set(documented)), "a field is listed twice"
    paths = record_paths(load_schema())
    assert sorted(documented) == sorted(paths), (
        f"missing from docs/record.md: {sorted(set(paths) - set(documented))}; "
        f"not in the schema: {sorted(set(documented) - set(paths))}")


# --- the corpus tables hold every field -----------------------------------------------------------

# record field -> where `newsgraph ingest` keeps it: "table.column" (several for a span: its
# start, end and covered text), "table.extra" (the row's JSON of fields without a column), or
# "articles.record" (the whole record, minus its text, as JSON). A field added to the record
# fails the test below until it is given a place here.
CORPUS_PLACE = {
    "id": "articles.id", "title": "articles.title", "published": "articles.published",
    "language": "articles.language", "text": "articles.text",
    "body": "articles.body_start articles.body_end",
    "url": "articles.url", "outlet": "articles.outlet", "authors": "articles.authors",
    "headline": "articles.headline_start articles.headline_end",
    "dateline": "articles.dateline_start articles.dateline_end",
    "error": "errors.error",
    "entities": "articles.n_entities", "entities[].id": "entities.entity_id",
    "entities[].label": "entities.label", "entities[].name": "entities.name",
    "entities[].mentions": "entities.n_mentions articles.n_mentions",
    "entities[].mentions[].start": "mentions.start_char", "entities[].mentions[].end": "mentions.end_char",
    "entities[].mentions[].kind": "mentions.kind",
    "entities[].actor": "actors.entity_id", "entities[].actor.code": "actors.code",
    "entities[].actor.country": "actors.country", "entities[].actor.sector": "actors.sector",
    "entities[].actor.role": "actors.role",
    "quotes": "articles.n_quotes", "quotes[].id": "quotes.quote_id", "quotes[].kind": "quotes.kind",
    "quotes[].content": "quotes.content_start quotes.content_end quotes.content",
    "quotes[].cue": "quotes.cue_start quotes.cue_end quotes.cue",
    "quotes[].source": "quotes.source_start quotes.source_end quotes.source",
    "quotes[].speaker": "quotes.speaker", "quotes[].via": "quotes.via",
    "quotes[].via[].entity": "quotes.via", "quotes[].via[].start": "quotes.via",
    "quotes[].via[].end": "quotes.via", "quotes[].parts": "quotes.extra",
    "times": "articles.n_times", "times[].start": "times.start_char", "times[].end": "times.end_char",
    "times[].type": "times.type", "times[].value": "times.value",
    "places": "articles.n_places", "places[].start": "places.start_char", "places[].end": "places.end_char",
    "places[].name": "places.name", "places[].geonameid": "places.geonameid",
    "places[].lat": "places.lat", "places[].lon": "places.lon",
    "places[].country_code": "places.country_code", "places[].feature_code": "places.feature_code",
    "places[].entity": "places.entity_id", "places[].resolved_name": "places.extra",
    "places[].approximate": "places.extra",
    "events": "articles.n_events", "events[].id": "events.event_id", "events[].event": "events.event",
    "events[].mode": "events.mode", "events[].context": "events.context",
    "events[].actor": "event_actors.entity_id", "events[].recipient": "event_actors.entity_id",
    "events[].trigger": "events.trigger_start events.trigger_end events.trigger",
    "events[].sentence": "events.sentence_start events.sentence_end events.sentence",
    "events[].place": "events.place_seq", "events[].date": "events.date",
    "events[].status": "events.status", "events[].attributed_to": "events.attributed_to",
    "events[].cameo": "events.extra", "events[].reciprocal": "events.extra",
    "events[].intent_of": "events.extra", "events[].evidence": "events.extra",
    "events[].reported_by": "events.extra",
    "flags": "articles.n_flags", "flags[].kind": "flags.kind", "flags[].start": "flags.start_char",
    "flags[].end": "flags.end_char", "flags[].note": "flags.note",
}
LAYER_OF = {"entities": "entity", "entities[].actor": "actor", "quotes": "quote", "times": "time",
            "places": "place", "events": "event", "flags": "flag"}


def test_every_record_field_has_a_place_in_the_corpus():
    paths = record_paths(load_schema())
    assert sorted(CORPUS_PLACE) == sorted(paths), (
        f"no place in the corpus: {sorted(set(paths) - set(CORPUS_PLACE))}; "
        f"not record fields: {sorted(set(CORPUS_PLACE) - set(paths))}")
    for path, where in CORPUS_PLACE.items():
        for column in where.split():
            table, name = column.split(".")
            assert name in {c for c, _ in TABLES[table]}, (path, column)


def test_the_row_builder_columns_exactly_the_fields_the_map_gives_columns():
    """rows.KNOWN (the keys with columns of their own) is the map's non-extra fields of each
    layer: everything else goes to `extra`."""
    for layer, kind in LAYER_OF.items():
        prefix = f"{layer}[]." if layer != "entities[].actor" else "entities[].actor."
        fields = {p[len(prefix):].split("[")[0].split(".")[0]: CORPUS_PLACE[p]
                  for p in CORPUS_PLACE if p.startswith(prefix)}
        with_column = {f for f, where in fields.items() if not where.endswith(".extra")}
        assert KNOWN[kind] == with_column, kind


def test_fields_without_a_column_are_kept_in_extra(demo_records):
    record = demo_records["kremlin-visit.txt"]
    rows = article_rows(record, "key", "samples", "kremlin-visit.txt", "run")
    names = {t: [c for c, _ in TABLES[t]] for t in TABLES}
    for path, where in CORPUS_PLACE.items():
        if not where.endswith(".extra"):
            continue
        table, field = where.split(".")[0], path.rsplit(".", 1)[1]
        layer = path.split("[]")[0]
        carrying = [obj for obj in record[layer] if field in obj]
        if not carrying:
            continue
        extras = [json.loads(row[names[table].index("extra")]) for row in rows[table]
                  if row[names[table].index("extra")]]
        assert sum(field in e for e in extras) == len(carrying), path
    extra = names["events"].index("extra")
    assert any(e.get("evidence") for e in (json.loads(r[extra]) for r in rows["events"] if r[extra]))
