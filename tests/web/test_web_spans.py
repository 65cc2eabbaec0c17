"""The article text cut into segments: every boundary of every fact, facts kept per segment,
the text unchanged, and the evidence of one fact marked."""
from __future__ import annotations

from newsgraph.web.render import link, outside_url
from newsgraph.web.spans import facts_of, segments

TEXT = "Kim met Putin in Moscow on Tuesday."
RECORD = {
    "text": TEXT,
    "entities": [{"id": "E1", "label": "PERSON", "name": "Kim", "mentions": [{"start": 0, "end": 3}]},
                 {"id": "E2", "label": "PERSON", "name": "Putin", "mentions": [{"start": 8, "end": 13}],
                  "actor": {"code": "RUSGOV"}},
                 {"id": "E3", "label": "GPE", "name": "Moscow", "mentions": [{"start": 17, "end": 23}]}],
    "quotes": [],
    "times": [{"start": 27, "end": 34, "type": "DATE", "value": "2024-06-18"}],
    "places": [{"start": 17, "end": 23, "name": "Moscow", "lat": 55.75, "lon": 37.62}],
    "events": [{"id": "V1", "event": "CONSULT", "actor": ["E1"], "recipient": ["E2"],
                "trigger": {"start": 4, "end": 7}, "sentence": {"start": 0, "end": 35}, "status": "asserted"}],
    "flags": [],
}


def test_segments_cover_the_text_once_and_carry_their_facts():
    facts = facts_of(RECORD)
    assert [f.id for f in facts] == ["E1", "E2", "E3", "V1", "T1", "P1"]
    segs = segments(TEXT, facts)
    assert "".join(s.text for s in segs) == TEXT
    by_text = {s.text: s for s in segs}
    assert by_text["met"].marks == ("event",) and facts[by_text["met"].facts[0]].label == \
        "CONSULT Kim → Putin (asserted)"
    assert by_text["Moscow"].marks == ("entity", "place")
    assert by_text["Putin"].title == "PERSON Putin (RUSGOV)"
    assert by_text["Tuesday"].marks == ("time",)
    assert by_text[" on "].marks == () and by_text[" on "].facts == ()


def test_evidence_of_an_event_is_its_sentence():
    facts = facts_of(RECORD)
    segs = segments(TEXT, facts, facts[3].evidence())
    assert all(s.evidence for s in segs if s.start < 35)


def test_links_encode_values_and_outside_urls_must_be_http():
    assert link("/actor", actor="A&B \"x\"", since=None) == "/actor?actor=A%26B+%22x%22"
    assert outside_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil"):
        assert outside_url(bad) is None
