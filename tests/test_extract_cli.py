"""The batch command of CONTRACT.md: one output line per input line, in order, whatever the input."""
from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, read_jsonl, run_cli, write_jsonl

STORY = ("WASHINGTON (AP) — The Senate voted on Tuesday to approve a $40 billion aid package for "
         "Ukraine, Senate Majority Leader Chuck Schumer said. \"This is a historic vote,\" he told "
         "reporters after the ballot.")
GERMAN = ("BERLIN (dpa) - Bundeskanzler Olaf Scholz hat am Dienstag in Berlin mit dem französischen "
          "Präsidenten über die Lage in der Ukraine gesprochen. Beide betonten die enge Zusammenarbeit.")


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    """A batch mixing good articles with every kind of bad input the contract names."""
    tmp = tmp_path_factory.mktemp("batch")
    lines = [
        {"id": "good", "text": STORY, "published": "2023-05-02"},
        "this line is not JSON",
        {"text": "a record without an id"},
        {"id": 42, "text": STORY},
        {"id": "empty", "text": ""},
        {"id": "blank", "text": "   \n\t  \n"},
        {"id": "binary", "text": "\x00\x01\x02\x03\x89PNG\x1a\x00" * 40},
        {"id": "german", "text": GERMAN},
        {"id": "bad-date", "text": STORY, "published": "last Tuesday"},
        {"id": "no-article", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"},
        {"id": "neither"},
        {"id": "sep\u2028arated", "text": STORY + "\u2028" + STORY},
        {"id": "last", "text": STORY, "published": "2023-05-02T14:30:00Z"},
    ]
    src = write_jsonl(tmp / "in.jsonl", lines)
    out = tmp / "out.jsonl"
    proc = run_cli("extract", str(src), "--output", str(out), "--workers", "2", "--quiet")
    return proc, read_jsonl(out)


@pytest.mark.slow
def test_every_line_gets_a_record_in_order_and_exit_0(bad_batch):
    proc, records = bad_batch
    assert proc.returncode == 0, proc.stderr
    assert len(records) == 13
    assert [r["id"] for r in records][:1] == ["good"]
    assert records[-1]["id"] == "last"
    assert records[3]["id"] == 42  # copied unchanged, with the error saying why


@pytest.mark.slow
@pytest.mark.parametrize("index, why", [
    (1, "not JSON"), (2, "no 'id'"), (3, "'id' must be a string"), (4, "empty"), (5, "empty"),
    (6, "binary"), (8, "not a date"), (9, "no article"), (10, "neither 'text' nor 'html'"),
])
def test_bad_input_gets_an_error_record(bad_batch, index, why):
    record = bad_batch[1][index]
    assert why in record["error"]
    for layer in ("entities", "quotes", "times", "places", "events", "flags"):
        assert record[layer] == []


@pytest.mark.slow
def test_good_record_keeps_text_exactly_and_is_analysed(bad_batch):
    good = bad_batch[1][0]
    assert "error" not in good
    assert good["text"] == STORY
    assert good["language"] == "en"
    assert good["published"] == "2023-05-02"
    names = {e["name"] for e in good["entities"]}
    assert "Chuck Schumer" in names
    for ent in good["entities"]:
        for m in ent["mentions"]:
            assert good["text"][m["start"]:m["end"]].strip()


@pytest.mark.slow
def test_non_english_article_is_marked_not_analysed(bad_batch):
    german = bad_batch[1][7]
    assert german["language"] == "de"
    assert "error" not in german
    assert german["entities"] == []


@pytest.mark.slow
def test_unicode_line_separator_inside_a_record_does_not_split_it(bad_batch):
    rec = bad_batch[1][11]
    assert rec["id"] == "sep\u2028arated"
    assert "\u2028" in rec["text"]


@pytest.mark.slow
def test_full_iso_published_is_reduced_to_the_date(bad_batch):
    assert bad_batch[1][12]["published"] == "2023-05-02"


@pytest.mark.slow
def test_workers_give_the_same_output_as_one_process(tmp_path):
    lines = [{"id": f"d{i}", "text": STORY.replace("Tuesday", day)}
             for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] * 4)]
    src = write_jsonl(tmp_path / "in.jsonl", lines)
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert run_cli("extract", str(src), "-o", str(out), "-w", workers, "-q").returncode == 0
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    assert [r["id"] for r in read_jsonl(tmp_path / "out2.jsonl")] == [f"d{i}" for i in range(20)]


def test_missing_input_file_is_one_line_and_exit_2(tmp_path):
    proc = run_cli("extract", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().count("\n") == 0
    assert "cannot read" in proc.stderr.decode()
    assert b"Traceback" not in proc.stderr


def test_bad_arguments_exit_2_without_traceback(tmp_path):
    proc = run_cli("extract", "in.jsonl")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    proc = run_cli("extract", "in.jsonl", "-o", str(tmp_path / "o"), "--workers", "0")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


@pytest.mark.slow
def test_html_record_gets_extracted_text_and_metadata(tmp_path):
    html = (SAMPLES / "border-talks.html").read_text(encoding="utf-8")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "page", "html": html}])
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(src), "-o", str(out), "-q").returncode == 0
    (rec,) = read_jsonl(out)
    assert rec["title"] == "Armenia and Azerbaijan hold border talks in Brussels"
    assert rec["published"] == "2023-07-16"
    assert rec["outlet"] == "The Caucasus Ledger"
    assert rec["authors"] == ["Lena Hovhannisyan"]
    body = rec["text"][rec["body"]["start"]:rec["body"]["end"]]
    assert body.startswith("BRUSSELS — Armenian Prime Minister")
    assert "Sign up for our daily newsletter" not in body and "Related" not in body
