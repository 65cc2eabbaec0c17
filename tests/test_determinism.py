"""Determinism: an article's record depends on that article only.

Not on the articles the same process analysed before it, not on the batch it was parsed in,
not on the process's string-hash seed (Python randomises `hash(str)` per process, so the
order of a set of strings differs from one run to the next, and any tie broken by set order
changes the output between runs). The articles below are ours, written for these tests: local
US news full of ambiguous names (Springfield, Fairfield, Lebanon, Paris, Dublin, London,
Athens, Jordan) and international news, so that places, entities, times, quotes and events
all have choices to make.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import read_jsonl, write_jsonl

ARTICLES = [
    ("A", "Fairfield man held after Lebanon crash",
     "LEBANON — A Fairfield man was charged Tuesday after a two-car crash on Route 48 left a "
     "Lebanon woman in critical condition, police said.\n\nOfficers said the driver, 34, had "
     "been drinking at a bar in Mason before the crash. \"He should never have been behind the "
     "wheel,\" Lebanon Police Chief Jeff Mitchell said. The woman was taken to a hospital in "
     "Dayton. The man is due in Warren County Common Pleas Court on Friday."),
    ("A2", "Lebanon woman's trial set",
     "A trial date was set Thursday for a Lebanon woman accused of stealing from the Fairfield "
     "church where she kept the books. Her lawyer said she would plead not guilty. The trial "
     "starts May 4 in Fairfield."),
    ("B", "Springfield council delays vote on budget",
     "SPRINGFIELD, Ill. — The city council on Monday postponed a vote on the $280 million "
     "budget until next month, Mayor Misty Buscher said.\n\nAldermen from the east side said "
     "they wanted more money for road repairs near Chatham and Rochester. \"We need to get "
     "this right,\" Buscher told reporters. The budget must pass before May 1, according to "
     "the state comptroller's office in Chicago."),
    ("C", "Paris school board names new superintendent",
     "The Paris Independent School District board on Thursday hired a superintendent from "
     "Sulphur Springs, the district said.\n\nThe new superintendent, Karen Wells, led schools "
     "in Hopkins County for nine years. She starts July 1. Board president Tom Hale said Wells "
     "was chosen over candidates from Tyler and Texarkana. Paris, in Lamar County, has about "
     "25,000 residents."),
    ("D", "Dublin firm to add 200 jobs",
     "A Dublin software company said Wednesday it will add 200 jobs at its headquarters off "
     "Frantz Road, with help from a state tax credit approved by the Ohio Tax Credit Authority "
     "in Columbus.\n\nThe company, which also has offices in Cincinnati and Cleveland, said "
     "hiring would begin in March. \"Central Ohio has the talent we need,\" chief executive "
     "Dana Price said in a statement."),
    ("E", "London man sentenced in Laurel County theft",
     "LONDON, Ky. — A London man was sentenced Monday to five years in prison for stealing "
     "farm equipment from barns in Laurel County and Clay County, Commonwealth's Attorney "
     "Jackie Steele said.\n\nThe man sold the equipment at an auction in Corbin last spring, "
     "prosecutors said. Kentucky State Police recovered most of it in Knox County."),
    ("F", "Athens police seek help after break-ins",
     "Athens-Clarke County police are asking residents for help after a string of car "
     "break-ins near downtown Athens over the weekend.\n\nPolice said at least 14 cars were "
     "broken into on Saturday and Sunday nights. The University of Georgia said two of the "
     "cars belonged to students. Similar thefts were reported in Watkinsville and Winder last "
     "month, officers said."),
    ("G", "Russia and China hold talks in Moscow",
     "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov met his Chinese counterpart "
     "Wang Yi in Moscow on Monday and said the two countries would deepen cooperation, the "
     "Russian foreign ministry said.\n\n\"Our relations are at their best level in history,\" "
     "Lavrov told reporters. Wang is due to travel to St. Petersburg on Tuesday before flying "
     "to Minsk. Western officials in Brussels warned last week that Beijing was considering "
     "supplying weapons to Russia, a claim China denied."),
    ("H", "Jordan and Israel discuss water deal",
     "AMMAN, Jordan (AP) — Jordanian and Israeli officials met in Amman on Sunday to discuss a "
     "deal under which Israel would sell more water to the kingdom, Jordan's water ministry "
     "said.\n\nThe talks followed a meeting in Abu Dhabi last year brokered by the United Arab "
     "Emirates. Officials in Jerusalem declined to comment. The Jordan River, once the region's "
     "main source of fresh water, has shrunk to a trickle near the Dead Sea."),
    ("I", "Ukrainian troops push toward Bakhmut",
     "KYIV, Ukraine — Ukrainian forces advanced near Bakhmut in the Donetsk region on "
     "Saturday, the general staff said, as Russian missiles struck the port of Odesa "
     "overnight.\n\nPresident Volodymyr Zelenskyy said in his nightly address that the "
     "attacks would not break Ukraine. Moscow said its air defences downed drones over the "
     "Belgorod region and near Kursk. The Kremlin accused Kyiv of targeting civilians."),
    ("J", "Alexandria flood relief arrives",
     "ALEXANDRIA, La. — Volunteers from Pineville and Natchitoches delivered water and "
     "supplies to families in Rapides Parish on Wednesday after heavy rain flooded dozens of "
     "homes, parish officials said.\n\nThe Red Cross opened a shelter at a church in "
     "Alexandria, and Gov. John Bel Edwards said he would ask Washington for federal aid. "
     "More rain is forecast for central Louisiana and east Texas through Friday."),
]

RECORDS = [{"id": k, "title": t, "text": f"{t}\n\n{body}", "published": "2023-03-14"}
           for k, t, body in ARTICLES]


def _records(nlp_pipeline, records) -> dict:
    return {r["id"]: r for r in (nlp_pipeline.analyze_record(rec) for rec in records)}


@pytest.fixture(scope="module")
def in_order(nlp_pipeline) -> dict:
    """A..J through one pipeline, one after the other, as a worker sees a stream."""
    return _records(nlp_pipeline, RECORDS)


def test_the_articles_give_every_layer_something_to_decide(in_order):
    assert all("error" not in r for r in in_order.values())
    for layer in ("entities", "places", "times"):
        assert all(r[layer] for r in in_order.values()), layer
    assert sum(len(r["quotes"]) for r in in_order.values()) >= 5
    assert sum(len(r["events"]) for r in in_order.values()) >= 3


def test_an_article_alone_gets_the_record_it_gets_in_a_stream(nlp_pipeline, in_order):
    for rec in reversed(RECORDS):  # each alone, in the other order
        alone = nlp_pipeline.analyze_record(rec)
        assert alone == in_order[rec["id"]], rec["id"]


def test_a_whole_batch_gets_the_records_of_its_articles_alone(nlp_pipeline, in_order):
    """analyze_documents parses its documents together (one nlp.pipe batch): batch
    composition must not change any record."""
    from newsgraph.read.record import document_from_record

    docs = [document_from_record(r) for r in reversed(RECORDS)]
    for record in nlp_pipeline.analyze_documents(docs):
        assert record == in_order[record["id"]], record["id"]


def test_spacy_parses_a_text_alone_as_it_does_in_a_batch_of_eight():
    """The parse stage batches texts for nlp.pipe; its output per text must not depend on
    the texts batched with it (tokens, tags, heads, sentences, names)."""
    from newsgraph.nlp import load_nlp

    nlp = load_nlp()
    texts = [r["text"] for r in RECORDS[:8]]

    def facts(d):
        return ([(t.text, t.tag_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_)
                 for t in d])

    batched = [facts(d) for d in nlp.pipe(texts, batch_size=8)]
    for text, got in zip(texts, batched):
        assert facts(nlp(text)) == got


@pytest.mark.slow
def test_records_do_not_depend_on_the_string_hash_seed(tmp_path, in_order):
    """Each run of the command has its own hash seed: three seeds, one answer (the one this
    process got too). One worker, A..J in one stream."""
    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    exe = Path(sys.executable).parent / "newsgraph"
    for seed in ("1", "2", "3"):
        out = tmp_path / f"out{seed}.jsonl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([str(exe), "extract", str(src), "--output", str(out),
                               "--workers", "1", "--quiet"], env=env, capture_output=True,
                              timeout=600)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        records = read_jsonl(out)
        assert [r["id"] for r in records] == [r["id"] for r in RECORDS], seed
        for record in records:
            expected = json.loads(json.dumps(in_order[record["id"]], ensure_ascii=False))
            assert record == expected, (seed, record["id"])
