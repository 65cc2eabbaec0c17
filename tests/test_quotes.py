"""Tests for the quotes stage: direct, broken, multi-paragraph, continuation, mixed, indirect,
block and transcript quotes; cues, sources, speakers and chains (`via`)."""
from __future__ import annotations

import pytest
from conftest import NO_SHARED_SAMPLE, SHARED_SAMPLE

from newsgraph.pipeline import Pipeline
from newsgraph.quotes.direct import find_quoted_spans
from newsgraph.read.record import document_from_record



@pytest.fixture(scope="module")
def quotes_pipeline():
    return Pipeline(("clean", "language", "parse", "entities", "quotes"))


def analyse(quotes_pipeline, body, title="Officials Meet in Geneva for Talks on Ceasefire"):
    text = title + "\n\n" + body
    return quotes_pipeline(document_from_record({"id": "t", "text": text, "published": "2023-09-14"}))


def show(doc, span):
    return doc.text[span.start:span.end] if span is not None else None


def speaker_name(doc, quote):
    ent = doc.entity(quote.speaker) if quote.speaker else None
    return ent.name if ent else None


def find(doc, words):
    hits = [q for q in doc.quotes if words in show(doc, q.content)]
    assert hits, f"no quote containing {words!r}: {[show(doc, q.content) for q in doc.quotes]}"
    return hits[0]


# --- quotation marks (no parse) -------------------------------------------------------------

def contents(text):
    return [text[q.content.start:q.content.end] for q in find_quoted_spans(text, 0, len(text))]


def test_curly_and_straight_marks_without_the_marks():
    assert contents('“We are ready,” he said. "So are we," she said.') == ["We are ready,", "So are we,"]


def test_apostrophes_are_not_quote_marks():
    assert contents("Kim’s train and the voters’ mood; “it’s done,” he said") == ["it’s done,"]


def test_nested_quotes_stay_inside():
    assert contents("“He told me ‘never again’ twice,” she said.") == ["He told me ‘never again’ twice,"]


def test_multi_paragraph_quote_runs_on():
    text = "“The first part of the statement.\n\n“The second part,” he said."
    spans = find_quoted_spans(text, 0, len(text))
    assert len(spans) == 1 and spans[0].paragraphs == 2


def test_stray_mark_never_swallows_the_article():
    text = "He said “this never closes.\n\nThe next paragraph is narrative.\n\nAnd so is this one."
    spans = find_quoted_spans(text, 0, len(text))
    assert len(spans) == 1 and not spans[0].closed
    assert "narrative" not in text[spans[0].content.start:spans[0].content.end]


def test_odd_number_of_marks_does_not_crash():
    text = 'A " B " C " and ” then “ with ‘ and ’' * 50
    find_quoted_spans(text, 0, len(text))


# --- direct quotes ------------------------------------------------------------------------

def test_direct_quote_with_cue_after(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“We will not accept these terms,” Foreign Minister Sergei Lavrov "
                            "told reporters in Moscow on Tuesday.\n")
    q = find(doc, "We will not accept these terms")
    assert q.kind == "direct" and show(doc, q.cue) == "told"
    assert "Lavrov" in show(doc, q.source) and speaker_name(doc, q) and "Lavrov" in speaker_name(doc, q)
    assert not show(doc, q.content).startswith("“")


def test_quote_broken_by_the_cue_is_one_quote(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“We made progress,” Prime Minister Rishi Sunak said, “but not enough.”\n")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert "We made progress" in show(doc, q.content) and "not enough" in show(doc, q.content)
    assert len(q.parts) == 2


def test_pronoun_source_resolves_to_the_previous_speaker(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Kremlin spokesman Dmitry Peskov said the talks with Kim Jong-un were "
                            "useful. “Everything will be coordinated via diplomatic channels,” he "
                            "added, according to the Russian news agency Tass.\n")
    q = find(doc, "Everything will be coordinated")
    assert show(doc, q.source) == "he" and "Peskov" in speaker_name(doc, q)
    assert [show(doc, v) for v in q.via] == ["the Russian news agency Tass"]


def test_continuation_paragraph_keeps_the_speaker(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“The ceasefire must hold,” said Antonio Guterres, the UN secretary-general.\n\n"
                            "“Civilians have suffered enough, and the world is watching every "
                            "move both sides make.”\n")
    q = find(doc, "Civilians have suffered enough")
    assert q.kind == "direct" and q.cue is None
    assert "Guterres" in speaker_name(doc, q)


def test_scare_quotes_without_cue_are_not_quotes(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The so-called “peace plan” was published on Monday by the ministry.\n")
    assert not [q for q in doc.quotes if "peace plan" == show(doc, q.content)]


# --- mixed and indirect ---------------------------------------------------------------------

def test_mixed_quote_is_the_paraphrase_with_its_fragment(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Vladimir Putin insisted that the cooperation was “in compliance” "
                            "with the sanctions.\n")
    q = find(doc, "in compliance")
    assert q.kind == "mixed" and show(doc, q.cue) == "insisted"
    assert show(doc, q.content).startswith("that the cooperation")
    assert "Putin" in speaker_name(doc, q)


def test_indirect_speech_with_that_clause(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The South Korean Defense Ministry warned on Tuesday that an arms deal "
                            "between the two countries was possible.\n")
    q = find(doc, "an arms deal")
    assert q.kind == "indirect" and show(doc, q.cue) == "warned"
    assert "Defense Ministry" in show(doc, q.source)


def test_attribution_after_the_content_with_anonymous_source(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The convoy crossed the border before dawn, sources said.\n")
    q = find(doc, "The convoy crossed the border")
    assert show(doc, q.source) == "sources" and q.speaker is None


def test_according_to_is_a_cue_and_source(quotes_pipeline):
    doc = analyse(quotes_pipeline, "According to the Interior Ministry, three people were arrested.\n")
    q = find(doc, "three people were arrested")
    assert show(doc, q.cue) == "According to" and "Interior Ministry" in show(doc, q.source)


def test_citing_makes_a_chain(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The news agency Yonhap reported on Thursday, citing anonymous sources, "
                            "that the train was moving east.\n")
    q = find(doc, "the train was moving east")
    assert "sources" in show(doc, q.source) and q.speaker is None
    assert any("Yonhap" in show(doc, v) for v in q.via)
    assert "citing" not in show(doc, q.content)


def test_reporting_clause_in_the_middle_of_the_sentence(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Israeli air strikes killed at least 12 people in southern Lebanon "
                            "on Sunday, Lebanon's health ministry said, hours after Hezbollah "
                            "fired dozens of rockets into northern Israel.\n")
    q = find(doc, "Israeli air strikes killed at least 12 people")
    assert show(doc, q.cue) == "said" and show(doc, q.source) == "Lebanon's health ministry"
    assert not show(doc, q.content).endswith(",") and "ministry" not in show(doc, q.content)


def test_adverbial_opener_is_not_reported_content(quotes_pipeline):
    doc = analyse(quotes_pipeline, "But when the parliament cut funding for the program two years "
                            "later, the government said nothing about it.\n")
    assert not any("parliament cut funding" in show(doc, q.content) for q in doc.quotes)


def test_object_of_a_reporting_verb_is_the_content(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The central bank acknowledged the risks of a prolonged slowdown "
                            "in its quarterly report.\n")
    q = find(doc, "the risks of a prolonged slowdown")
    assert show(doc, q.cue) == "acknowledged" and show(doc, q.source) == "The central bank"


def test_listener_of_tell_is_not_the_content(quotes_pipeline):
    doc = analyse(quotes_pipeline, "He also told the crowd at the rally on Monday to vote early.\n"
                            "“We will win,” the governor told reporters.\n")
    assert not any(show(doc, q.content) == "the crowd" for q in doc.quotes)
    q = find(doc, "We will win")
    assert q.kind == "direct" and show(doc, q.cue) == "told"


def test_bare_pronoun_object_is_not_a_quote(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The minister said it twice during the session on Monday.\n")
    assert not any(show(doc, q.content) == "it" for q in doc.quotes)


def test_noun_cue_with_possessor(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Fact-checkers examined the senator's claim that crime had doubled "
                            "since 2010.\n")
    q = find(doc, "crime had doubled since 2010")
    assert show(doc, q.cue) == "claim" and show(doc, q.source) == "the senator"


def test_noun_cue_needs_who_said_it(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The claim that the vote was rigged spread quickly online.\n")
    assert not any(show(doc, q.cue) == "claim" for q in doc.quotes)


def test_verb_does_not_take_the_clause_of_its_object_noun(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The ministry rejected the opposition's claim that the vote had been "
                            "rigged.\n")
    q = [q for q in doc.quotes if show(doc, q.content) == "that the vote had been rigged"]
    assert q and show(doc, q[0].source) == "the opposition"


def test_citing_a_reason_is_not_a_source(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The plan has serious flaws, the senator said, citing the cost of the "
                            "program.\n")
    q = find(doc, "The plan has serious flaws")
    assert show(doc, q.source) == "the senator" and not q.via
    reason = find(doc, "the cost of the program")
    assert show(doc, reason.cue) == "citing" and show(doc, reason.source) == "the senator"


def test_according_to_in_the_middle_keeps_both_parts(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The economy, according to the central bank, will grow by two "
                            "percent next year.\n")
    q = find(doc, "will grow by two percent")
    assert show(doc, q.content).startswith("The economy")
    assert show(doc, q.source) == "the central bank"


@pytest.mark.parametrize("headline,content,source", [
    ("Mayor Says City Will Reopen Schools Next Week", "City Will Reopen Schools Next Week",
     "Mayor"),
    ("Drought Will Worsen This Summer, Forecasters Warn", "Drought Will Worsen This Summer",
     "Forecasters"),
])
def test_headline_says(quotes_pipeline, headline, content, source):
    doc = analyse(quotes_pipeline, "The city council met on Tuesday to discuss the budget for the "
                            "coming year. Officials presented three options.\n\nA final vote "
                            "is expected next month.\n", title=headline)
    q = find(doc, content)
    assert show(doc, q.content) == content and show(doc, q.source) == source


def test_headline_without_reporting_verb_is_no_quote(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The city council met on Tuesday to discuss the budget for the "
                            "coming year. Officials presented three options.\n\nA final vote "
                            "is expected next month.\n", title="Floods Kill Dozens in Southern India")
    assert doc.body is not None
    assert not any(q.content.start < doc.body.start for q in doc.quotes)


# --- block quotes ---------------------------------------------------------------------------

def test_block_quote_after_a_colon_line(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The state newspaper Rodong Sinmun narrated:\n\n"
                            "Saying that he was very pleased with the visit, the leader thanked "
                            "the officials for their efforts.\n")
    q = find(doc, "Saying that he was very pleased")
    assert q.kind == "block" and show(doc, q.cue) == "narrated"
    assert "Rodong Sinmun" in show(doc, q.source)


def test_nominal_source_resolves_to_the_outlet(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The state newspaper Rodong Sinmun narrated:\n\n"
                            "The leader thanked the officials for their efforts.\n\n"
                            "“At the end of the reception, the leader invited the president to "
                            "visit,” the newspaper continued.\n")
    q = find(doc, "At the end of the reception")
    assert show(doc, q.source) == "the newspaper" and show(doc, q.cue) == "continued"
    first = find(doc, "The leader thanked")
    assert q.speaker is not None and q.speaker == first.speaker


def test_transcript_labels(quotes_pipeline):
    doc = analyse(quotes_pipeline, "WALLACE: Will the senator attend the debate tomorrow night?\n\n"
                            "PENCE: She will not be attending, and that is final.\n")
    q = find(doc, "She will not be attending")
    assert q.kind == "block" and show(doc, q.source) == "PENCE" and show(doc, q.cue) == ":"


def test_quote_ids_are_numbered_in_order(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“First,” the minister said. “Second,” the general said.\n")
    assert [q.id for q in doc.quotes] == [f"Q{i}" for i in range(1, len(doc.quotes) + 1)]
    assert len(doc.quotes) >= 2


# --- the sample article ---------------------------------------------------------------------

@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason=NO_SHARED_SAMPLE)
def test_sample_article_quotes():
    from newsgraph.pipeline import default_pipeline
    doc = default_pipeline()(document_from_record(
        {"id": "sample", "text": SHARED_SAMPLE.read_text(encoding="utf-8"), "published": "2023-09-14"}))

    def who(words):
        q = find(doc, words)
        return q, (speaker_name(doc, q) or ""), [show(doc, v) for v in q.via]

    q, name, _ = who("Considering that a large number of military personnel")
    assert q.kind == "direct" and "Jeon" in name and show(doc, q.cue) == "said"
    q, name, _ = who("“arms trade”")
    assert q.kind == "mixed" and "Defense Ministry" in name
    q, name, _ = who("“in compliance”")
    assert q.kind == "mixed" and "Putin" in name and show(doc, q.cue) == "insisted"
    q, name, _ = who("“trying to develop space”")
    assert q.kind == "mixed" and "Putin" in name and show(doc, q.cue) == "explained"
    q, name, _ = who("the heroic Russian army")
    assert q.kind == "direct" and "Kim" in name and show(doc, q.cue) == "predicted"
    q, name, _ = who("Saying that he was very pleased")
    assert q.kind == "block" and "Rodong" in name
    q, name, _ = who("At the end of the reception")
    assert "Rodong" in name and show(doc, q.cue) == "continued"
    q, name, _ = who("Putin accepted the invitation with pleasure")
    assert "Rodong" in name and show(doc, q.cue) == "noted"
    q, name, _ = who("accepted the invitation with gratitude")
    assert "Peskov" in name and show(doc, q.cue) == "confirmed"
    q, name, via = who("Everything will be further coordinated")
    assert "Peskov" in name and any("Tass" in v for v in via)
    q, name, _ = who("timely, useful, and constructive")
    assert "Peskov" in name
    q, name, _ = who("it would be impolite for us")
    assert "Peskov" in name
    q, name, via = who("appeared to be moving further east")
    assert "sources" in show(doc, q.source) and any("Yonhap" in v for v in via)
    q, name, via = who("olive green, bullet-proof train")
    assert q.kind == "block" and "sources" in show(doc, q.source) and any("Yonhap" in v for v in via)


def test_it_was_reported_names_no_source(quotes_pipeline):
    rec = quotes_pipeline.analyze_record({"id": "t", "published": "2024-03-06", "text":
                                   "The Interior Ministry met on Monday. It was reported that the "
                                   "minister would resign."})
    q = [q for q in rec["quotes"] if "minister would resign" in rec["text"][q["content"]["start"]:q["content"]["end"]]]
    assert q and q[0]["source"] is None and q[0]["speaker"] is None
