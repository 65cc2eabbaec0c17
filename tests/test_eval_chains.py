"""The attribution-chain gold (eval/chains/) and its scorer: the gold holds no text and covers
what issue 14 asks for; the scorer's chain and speaker judgements are the ones its docstring
defines; the gold scored against itself is perfect (when ../shared is beside the project)."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "eval"))
import chains  # noqa: E402

FIELDS = {"id", "corpus", "doc", "doc_sha256", "part", "form", "speaker_kind", "anonymous",
          "quote_kind", "content", "cue", "source", "speaker", "via"}
CHAIN_FORMS = {"told_outlet", "interview_with", "aired_on", "quoted_by", "according_to_outlet",
               "reported_by", "reported_citing", "person_relay", "nested"}


@pytest.fixture(scope="module")
def gold():
    return chains.read_gold(chains.GOLD)


def spans_of(quote):
    return [s for _, s in chains.gold_spans(quote)]


def test_gold_holds_offsets_and_short_hashes_only(gold):
    for q in gold:
        assert set(q) == FIELDS, q["id"]
        assert len(q["doc_sha256"]) == 16
        for s in spans_of(q):
            assert set(s) - {"name"} == {"start", "end", "sha256"}
            assert 0 <= s["start"] < s["end"] and len(s["sha256"]) == 16, q["id"]
        assert q["anonymous"] == (q["speaker"] is None) == (q["speaker_kind"] == "anonymous"), q["id"]


def test_parts_follow_the_document_hash_rule(gold):
    for q in gold:
        digest = hashlib.sha256(f"{q['corpus']}/{q['doc']}".encode()).hexdigest()
        assert q["part"] == ("tune" if int(digest[:8], 16) % 2 == 0 else "heldout"), q["id"]


def test_gold_covers_what_issue_14_asks(gold):
    docs = {chains.doc_key(q) for q in gold}
    assert len(gold) >= 120 and len(docs) >= 60
    assert {q["corpus"] for q in gold} == {"polnear", "lgl", "timebank", "aeb_plain"}
    assert {q["part"] for q in gold} == {"tune", "heldout"}
    assert CHAIN_FORMS <= {q["form"] for q in gold if q["via"]}
    assert {q["speaker_kind"] for q in gold} == {"name", "pronoun", "nominal", "anonymous"}
    with_via = sum(bool(q["via"]) for q in gold)
    assert 0.25 <= with_via / len(gold) <= 0.6  # about half without an intermediary


def span(start, end):
    return {"start": start, "end": end}


def test_chain_must_name_the_gold_intermediaries_in_order():
    inner, outer = span(10, 20), span(40, 50)
    assert chains.chain_right([inner, outer], [span(12, 14), span(41, 45)], {})
    assert not chains.chain_right([inner, outer], [span(41, 45), span(12, 14)], {})  # reversed
    assert not chains.chain_right([inner, outer], [span(12, 14)], {})  # outer one missing
    assert not chains.chain_right([], [span(60, 70)], {})  # an invented via
    assert chains.chain_right([], [], {})


def test_coordinated_outlets_count_once_and_entities_match_by_mention():
    coordinated = span(10, 40)
    assert chains.chain_right([coordinated], [span(10, 15), span(25, 40)], {})
    described = dict(span(60, 72), name=span(5, 12))  # "the newspaper", named earlier
    mentions = {"E1": [span(5, 12)]}
    assert chains.chain_right([described], [{"entity": "E1", "start": 0, "end": 3}], mentions)
    assert not chains.chain_right([described], [{"entity": "E2", "start": 0, "end": 3}], mentions)


def test_anonymous_speaker_is_right_only_unresolved():
    gold = {"anonymous": True, "source": span(0, 20), "speaker": None}
    assert chains.speaker_right(gold, {"source": span(2, 20), "speaker": None}, {})
    assert not chains.speaker_right(gold, {"source": span(2, 20), "speaker": "E1"},
                                    {"E1": [span(2, 6)]})
    named = {"anonymous": False, "source": span(30, 32), "speaker": span(0, 12)}
    assert chains.speaker_right(named, {"source": span(30, 32), "speaker": "E1"}, {"E1": [span(0, 12)]})
    assert not chains.speaker_right(named, {"source": span(30, 32), "speaker": None}, {})


def test_scorer_self_check_on_the_shared_texts():
    if not (SHARED / "eval" / "data").is_dir():
        pytest.skip("../shared/eval/data is not beside the project")
    proc = subprocess.run([sys.executable, str(ROOT / "eval" / "chains.py"), "--shared", str(SHARED),
                           "--self-check"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "self-check ok" in proc.stdout


def test_form_counts_are_the_readme_numbers(gold):
    """The README states the gold's size; keep it true when quotes are added."""
    readme = (ROOT / "eval" / "chains" / "README.md").read_text(encoding="utf-8")
    docs = Counter(q["corpus"] for q in {chains.doc_key(q): q for q in gold}.values())
    assert f"{len(gold)} quotes from {sum(docs.values())} documents" in readme
