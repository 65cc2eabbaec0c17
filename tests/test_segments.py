"""Very long texts run as segments and come back as one consistent record."""
from __future__ import annotations

from conftest import SAMPLES

import newsgraph.segments as segments
from newsgraph.document import Document, Span
from newsgraph.segments import segment_spans, split_document


def test_segment_spans_cover_the_body_exactly_and_cut_at_paragraphs():
    text = "Headline\n\n" + "".join(f"Paragraph {i} says the talks went on.\n\n" for i in range(200))
    spans = segment_spans(text, 10, len(text), limit=500)
    assert spans[0].start == 10 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    assert all(len(s) <= 500 for s in spans)
    assert all(text[s.end - 2:s.end] == "\n\n" for s in spans[:-1])


def test_split_keeps_the_text_and_gives_the_headline_to_the_first_segment():
    text = "Title\n\n" + "A sentence about Paris.\n" * 100
    doc = Document(id="x", text=text, headline=Span(0, 5), body=Span(7, len(text)))
    parts = split_document(doc, limit=300)
    assert len(parts) > 1
    assert all(p.text is text for p in parts)
    assert parts[0].headline == Span(0, 5) and parts[1].headline is None


def test_long_article_is_analysed_in_segments_into_one_consistent_record(nlp_pipeline, monkeypatch):
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 3000)
    story = (SAMPLES / "ceasefire-briefing.txt").read_text(encoding="utf-8")
    body = story.split("\n", 2)[2]
    text = "Sudan truce dossier\n\n" + (body + "\n") * 4  # ~9,000 characters: 4 segments
    rec = nlp_pipeline.analyze_record({"id": "long", "text": text, "published": "2023-05-20"})
    assert "error" not in rec and rec["text"] == text
    assert nlp_pipeline(Document(id="long", text=text, published="2023-05-20")).meta["segments"] >= 3
    entity_ids = [e["id"] for e in rec["entities"]]
    quote_ids = [q["id"] for q in rec["quotes"]]
    assert entity_ids == [f"E{i}" for i in range(1, len(entity_ids) + 1)]
    assert quote_ids == [f"Q{i}" for i in range(1, len(quote_ids) + 1)]
    # each copy's quotes and places found (the single story's headline has 2-3 places more)
    single = nlp_pipeline.analyze_record({"id": "one", "text": story, "published": "2023-05-20"})
    assert len(rec["quotes"]) >= 4 * len(single["quotes"]) - 4
    assert len(rec["places"]) >= 4 * (len(single["places"]) - 3)
    # references point at what they name (and there are references of every kind to check)
    assert any(q["speaker"] for q in rec["quotes"])
    assert any(r.startswith("Q") for ev in rec["events"] for r in ev["reported_by"])
    assert any(ev["place"] is not None for ev in rec["events"])
    for q in rec["quotes"]:
        if q["speaker"]:
            ent = rec["entities"][int(q["speaker"][1:]) - 1]
            assert any(m["start"] < q["content"]["end"] + 400 for m in ent["mentions"])
    sources = set(entity_ids) | set(quote_ids)
    for ev in rec["events"]:
        assert all(a in entity_ids for a in ev["actor"] + ev["recipient"])
        assert ev["attributed_to"] is None or ev["attributed_to"] in sources
        assert all(r in sources for r in ev["reported_by"])
        # a source of a segment's event is in that segment (not a same-numbered one of the first)
        for r in ev["reported_by"]:
            if r.startswith("Q"):
                q = rec["quotes"][int(r[1:]) - 1]
                assert abs(q["content"]["start"] - ev["sentence"]["start"]) < 3000
        if ev["place"] is not None:
            place = rec["places"][ev["place"]]
            assert abs(place["start"] - ev["sentence"]["start"]) < 3000
    for m in (m for e in rec["entities"] for m in e["mentions"]):
        assert text[m["start"]:m["end"]].strip()
