"""The event gold with negatives (eval/events/) and its scorer: the gold holds no text and covers
what issue 14 asks for; the scorer assigns events to sentences and judges them as its docstring
says; the gold scored against itself is perfect (when ../shared is beside the project)."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "eval"))
import events_gold  # noqa: E402
import events_plover_parts  # noqa: E402

FIELDS = {"id", "corpus", "doc", "doc_sha256", "part", "sentence", "topic", "events"}
EVENT_FIELDS = {"types", "trigger", "actor", "recipient"}
PLOVER = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
             "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())


@pytest.fixture(scope="module")
def gold():
    return events_gold.read_gold(events_gold.GOLD)


def test_gold_holds_offsets_and_short_hashes_only(gold):
    for g in gold:
        assert set(g) == FIELDS, g["id"]
        assert len(g["doc_sha256"]) == 16
        for _, s in events_gold.gold_spans(g):
            assert set(s) == {"start", "end", "sha256"} and len(s["sha256"]) == 16, g["id"]
            assert 0 <= s["start"] < s["end"], g["id"]
        for ev in g["events"]:
            assert set(ev) == EVENT_FIELDS, g["id"]
            assert ev["types"] and set(ev["types"]) <= PLOVER, g["id"]
            assert g["sentence"]["start"] <= ev["trigger"]["start"] < ev["trigger"]["end"] <= g["sentence"]["end"]
            assert all(len(c) == 3 and c.isupper() for c in ev["actor"] + ev["recipient"]), g["id"]


def test_parts_follow_the_document_hash_rule(gold):
    for g in gold:
        digest = hashlib.sha256(f"{g['corpus']}/{g['doc']}".encode()).hexdigest()
        assert g["part"] == ("tune" if int(digest[:8], 16) % 2 == 0 else "heldout"), g["id"]


def test_gold_covers_what_issue_14_asks(gold):
    assert len(gold) >= 250
    assert {g["corpus"] for g in gold} == {"conll", "timebank", "lgl", "polnear", "ecbplus"}
    for part in ("tune", "heldout"):
        mine = [g for g in gold if g["part"] == part]
        negatives = sum(not g["events"] for g in mine)
        assert 0.4 <= negatives / len(mine) <= 0.6, part  # about half with no political event
    assert {ev["types"][0] for g in gold for ev in g["events"]} == PLOVER
    negative_topics = {g["topic"] for g in gold if not g["events"]}
    assert {"sports", "business", "markets", "weather", "accident", "crime", "human_interest",
            "opinion"} <= negative_topics


def test_plover_halves_are_fixed_by_the_sentence_id():
    assert events_plover_parts.part_of("PLOVER-GSR01-0001") == events_plover_parts.part_of("PLOVER-GSR01-0001")
    halves = {events_plover_parts.part_of(f"PLOVER-GSR01-{n:04d}") for n in range(40)}
    assert halves == {"tune", "heldout"}


def span(start, end):
    return {"start": start, "end": end}


def test_an_event_belongs_to_the_sentence_of_its_trigger_or_of_a_telling():
    sentence = span(100, 200)
    assert events_gold.belongs({"trigger": span(150, 156), "evidence": [span(100, 200)]}, sentence)
    # a later telling of a merged event, its sentence split a little differently
    assert events_gold.belongs({"trigger": span(10, 15), "evidence": [span(0, 50), span(98, 190)]}, sentence)
    # the parser joined the gold sentence with the next one, and the trigger is in that next one
    assert not events_gold.belongs({"trigger": span(210, 215), "evidence": [span(100, 400)]}, sentence)
    assert not events_gold.belongs({"trigger": span(10, 15), "evidence": [span(0, 50)]}, sentence)


def sentence(events, start=0, end=100, topic="sports"):
    return {"id": "x", "corpus": "c", "doc": "d", "part": "tune", "topic": topic,
            "sentence": span(start, end), "events": events}


def test_type_is_right_with_any_accepted_type_and_every_status_counts():
    told = sentence([{"types": ["SUPPORT", "AGREE"], "trigger": span(5, 11), "actor": ["RUS"],
                      "recipient": []}], topic="diplomacy")
    quiet = sentence([], start=100, end=200)
    record = {"entities": [{"id": "E1", "actor": {"country": "RUS"}}],
              "events": [{"event": "AGREE", "trigger": span(5, 11), "actor": ["E1"], "status": "future"},
                         {"event": "ASSAULT", "trigger": span(150, 155), "status": "negated"}]}
    metrics = events_gold.score([told, quiet], {"c/d": record})
    assert metrics["type_acc"] == 1.0 and metrics["actor_country_acc"] == 1.0
    assert metrics["no_event_acc"] == 0.0 and metrics["false_event_rate"] == 1.0  # negated counts
    assert metrics["has_event_precision"] == 0.5 and metrics["has_event_recall"] == 1.0
    assert metrics["by_topic"]["sports"] == {"sentences": 1, "false_event": 1, "ASSAULT": 1}


def test_scorer_self_check_on_the_shared_texts():
    if not (SHARED / "eval" / "data").is_dir():
        pytest.skip("../shared/eval/data is not beside the project")
    proc = subprocess.run([sys.executable, str(ROOT / "eval" / "events_gold.py"), "--shared", str(SHARED),
                           "--self-check"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "self-check ok" in proc.stdout


def test_counts_are_the_readme_numbers(gold):
    """The README states the gold's size; keep it true when sentences are added."""
    readme = (ROOT / "eval" / "events" / "README.md").read_text(encoding="utf-8")
    docs = {events_gold.doc_key(g) for g in gold}
    with_events = sum(bool(g["events"]) for g in gold)
    assert f"{len(gold)} sentences from {len(docs)} documents" in readme
    assert f"{with_events} sentences tell at least one political event, {len(gold) - with_events} tell none" in readme
