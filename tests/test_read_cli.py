"""`newsgraph read`: one article from a file, stdin or a URL, shown readably or as JSON."""
from __future__ import annotations

import json

import pytest
from conftest import SAMPLES, run_cli

pytestmark = pytest.mark.slow  # each test runs the installed command (spaCy loads each time)


def test_read_text_file_as_json_keeps_text_and_finds_the_layout():
    path = SAMPLES / "kremlin-visit.txt"
    proc = run_cli("read", str(path), "--published", "2023-09-14", "--json")
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["text"] == path.read_text(encoding="utf-8")
    assert rec["title"] == "Mongolian President Arrives in Moscow for Talks on Gas Pipeline and Rail Link"
    body = rec["text"][rec["body"]["start"]:rec["body"]["end"]]
    assert body.startswith("MOSCOW, Sept 14 (Reuters) - Mongolian President")
    assert body.endswith("was Putin himself, in 2019.")  # the wire credit line is not story
    assert "Related Articles" not in body and "Back to top" not in body
    assert "Subscribe" not in body and "Share on Facebook" not in body
    assert rec["authors"] == ["Anna Petrova", "James Holt"]


def test_read_shows_a_readable_analysis():
    proc = run_cli("read", str(SAMPLES / "ceasefire-briefing.txt"), "--published", "2023-05-20")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "Sudan's warring sides agree to week-long truce in talks in Jeddah" in out
    assert "published: 2023-05-20" in out
    assert "Names" in out and "Abdel Fattah Burhan" in out


def test_read_from_stdin_in_another_encoding():
    text = "Le président est arrivé à Genève. The minister said the talks in Geneva went well."
    proc = run_cli("read", "-", "--json", stdin=("PARIS — " + text).encode("cp1252"))
    assert proc.returncode == 0, proc.stderr
    assert "Genève" in json.loads(proc.stdout)["text"]


def test_read_detects_html():
    proc = run_cli("read", str(SAMPLES / "border-talks.html"), "--json")
    rec = json.loads(proc.stdout)
    assert rec["outlet"] == "The Caucasus Ledger"
    assert "<p>" not in rec["text"]
    # the body opens with a dateline: where the story was filed, never an event's participant
    dateline = rec["text"][rec["dateline"]["start"]:rec["dateline"]["end"]]
    assert dateline.startswith("BRUSSELS")
    brussels = {e["id"] for e in rec["entities"] if e["name"] == "Brussels"}
    assert rec["events"] and all(not brussels & set(e["actor"] + e["recipient"]) for e in rec["events"])


def test_read_missing_file_exit_2():
    proc = run_cli("read", "no/such/file.txt")
    assert proc.returncode == 2
    assert b"cannot read no/such/file.txt" in proc.stderr and b"Traceback" not in proc.stderr


def test_read_unreachable_url_says_so_clearly():
    proc = run_cli("read", "http://127.0.0.1:9/story.html", timeout=60)
    assert proc.returncode == 2
    assert b"could not fetch http://127.0.0.1:9/story.html" in proc.stderr


def test_help_teaches_with_examples():
    proc = run_cli("extract", "--help")
    assert b"examples:" in proc.stdout and b"--workers" in proc.stdout
