"""The pipeline: stage order checked at build time, one parse per document, long texts in pieces."""
from __future__ import annotations

import pytest

import newsgraph
from newsgraph.document import Document, Span
from newsgraph.pipeline import Pipeline, PipelineError
from newsgraph.stages.parse import split_pieces


def test_stage_requiring_an_unassigned_layer_is_refused():
    with pytest.raises(PipelineError, match="requires body"):
        Pipeline(["parse"])


def test_unknown_stage_is_refused():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(["clean", "telepathy"])


def test_split_pieces_join_back_exactly_and_respect_the_limit():
    text = ("A line of prose that ends here.\n" * 50) + "x" * 700 + " tail"
    pieces = split_pieces(text, limit=200)
    assert "".join(pieces) == text
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:7])  # the lines; the x run is cut hard


@pytest.mark.slow
def test_long_article_is_parsed_in_pieces_into_one_doc(nlp_pipeline):
    para = "The minister said the talks in Geneva would continue next week. " * 40 + "\n"
    text = "Talks resume in Geneva\n\n" + para * 30  # ~80k characters, several pieces
    doc = nlp_pipeline(Document(id="long", text=text))
    assert doc.error is None
    assert doc.parse.text == text[doc.parse_offset:doc.body.end]
    geneva = [m for e in doc.entities if e.name == "Geneva" for m in e.mentions]
    assert len(geneva) >= 30
    assert all(text[m.start:m.end] == "Geneva" for m in geneva)


def test_analyze_api_returns_the_contract_record():
    rec = newsgraph.analyze("LONDON (Reuters) - Britain's finance minister Jeremy Hunt said on "
                            "Monday that inflation would fall.", published="2023-03-06",
                            title="UK inflation to fall, Hunt says")
    assert rec["published"] == "2023-03-06"
    assert rec["title"] == "UK inflation to fall, Hunt says"
    assert set(rec) >= {"id", "text", "body", "entities", "quotes", "times", "places", "events", "flags"}
    assert "Jeremy Hunt" in {e["name"] for e in rec["entities"]}


def test_error_documents_pass_through_a_batch_in_order(nlp_pipeline):
    docs = [Document(id="a", text="The minister said the talks would continue next week in Rome."),
            Document(id="b", text="", error="empty text"),
            Document(id="c", text="Officials in Paris said the summit would go ahead on Friday.")]
    records = nlp_pipeline.analyze_documents(docs)
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[1]["error"] == "empty text"
    assert records[2]["entities"]


def test_paragraph_breaks_start_sentences_but_hard_wraps_do_not(nlp_pipeline):
    text = ("Putin Accepts Invite to North Korea\n\nThe governments of Russia and North Korea "
            "confirmed on Thursday that Kim invited Putin.\nThe minister said the talks in\n"
            "Geneva would continue next week.")
    doc = nlp_pipeline(Document(id="p", text=text, published="2023-09-14"))
    sentences = [s.text.strip() for s in doc.parse.sents]
    assert "Putin Accepts Invite to North Korea" in sentences
    assert "The minister said the talks in\nGeneva would continue next week." in sentences


def test_chrome_between_headline_and_body_yields_no_names(nlp_pipeline):
    text = ("Skip to content\nMinisters meet in Oslo\nBy Anna Petrova\nShare on Facebook Share on "
            "Twitter Email\nOSLO (Reuters) - Norway's foreign minister met his Swedish counterpart "
            "in Oslo on Monday to discuss Arctic security, officials said.\n\nThe talks lasted "
            "three hours.\n\nRelated Articles\nBack to top button\n")
    doc = nlp_pipeline(Document(id="c", text=text))
    assert doc.span_text(doc.headline) == "Ministers meet in Oslo"
    names = {doc.text[m.start:m.end] for e in doc.entities for m in e.mentions}
    assert "Oslo" in names
    assert not names & {"Anna Petrova", "Facebook", "Twitter", "Facebook Share", "Twitter Email"}
    assert doc.authors == ["Anna Petrova"]
