"""Tests for the attribution chains (`newsgraph.quotes.chains`): every way a speaker's words
reach the reader through another party, and the ways that are no intermediary at all. Each
sentence is written for its case, in wire style."""
from __future__ import annotations

import pytest

from newsgraph.pipeline import Pipeline
from newsgraph.read.record import document_from_record


@pytest.fixture(scope="module")
def quotes_pipeline():
    return Pipeline(("clean", "language", "parse", "entities", "quotes"))


def analyse(pipeline, body, title="Council Debates Budget for New Bridge"):
    text = title + "\n\n" + body
    return pipeline(document_from_record({"id": "t", "text": text, "published": "2021-05-04"}))


def show(doc, span):
    return doc.text[span.start:span.end] if span is not None else None


def quote_with(doc, words):
    hits = [q for q in doc.quotes if words in show(doc, q.content)]
    assert hits, f"no quote containing {words!r}: {[show(doc, q.content) for q in doc.quotes]}"
    return min(hits, key=lambda q: q.content.end - q.content.start)


def chain(doc, words):
    return [show(doc, v) for v in quote_with(doc, words).via]


def source(doc, words):
    return show(doc, quote_with(doc, words).source)


# --- told (an outlet) -------------------------------------------------------------------------

def test_told_an_outlet_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“We will not raise the tolls,” Mayor Alan Price told Reuters "
                                   "on Tuesday.\n")
    assert chain(doc, "We will not raise the tolls") == ["Reuters"]
    assert source(doc, "We will not raise the tolls") == "Mayor Alan Price"


def test_told_an_unnamed_medium_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "General Tom Reyes told US media that the troops would stay "
                                   "for several more years.\n")
    assert chain(doc, "the troops would stay") == ["US media"]


def test_told_the_newspaper_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Ann Blake told The Valley Herald that the school would reopen. "
                                   "“We owe it to the children,” she told the newspaper.\n")
    assert chain(doc, "the school would reopen") == ["The Valley Herald"]
    assert chain(doc, "We owe it to the children") == ["the newspaper"]


def test_told_a_journalist_of_an_outlet_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“The system is broken,” Senator Ray Holt told Jane Moss of "
                                   "Fox News this week.\n")
    via = chain(doc, "The system is broken")
    assert len(via) == 1 and "Fox News" in via[0]


def test_told_the_audience_is_no_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The minister told reporters that the talks had failed. "
                                   "“We are not done,” she told the crowd in Leeds.\n")
    assert chain(doc, "the talks had failed") == []
    assert chain(doc, "We are not done") == []


# --- interviews and broadcasts ---------------------------------------------------------------

def test_interview_with_an_outlet_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Governor Lisa Grant said in an interview with The Associated "
                                   "Press that the budget would pass.\n")
    assert chain(doc, "the budget would pass") == ["The Associated Press"]


def test_interviews_with_unnamed_media_are_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The foreign minister said in interviews with Russian media "
                                   "that the border would stay open.\n")
    assert chain(doc, "the border would stay open") == ["Russian media"]


def test_interview_with_no_outlet_is_no_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Governor Lisa Grant said in a telephone interview that the "
                                   "budget would pass.\n")
    assert chain(doc, "the budget would pass") == []


def test_said_on_a_channel_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The president said on state television that the curfew "
                                   "would be lifted.\n")
    assert chain(doc, "the curfew would be lifted") == ["state television"]


def test_a_message_shown_on_tv_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“The fighting must stop now,” the rebel leader said in a "
                                   "video message shown on Turkish TV channels.\n")
    assert chain(doc, "The fighting must stop now") == ["Turkish TV channels"]


def test_speaking_on_a_programme_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Speaking on Channel 4 News, the minister said the deal was "
                                   "dead.\n")
    via = chain(doc, "the deal was dead")
    assert len(via) == 1 and "Channel 4 News" in via[0]


def test_who_spoke_to_an_outlet_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "A council official, who spoke to The Daily Post, said the "
                                   "bridge plan had been shelved.\n")
    assert chain(doc, "the bridge plan had been shelved") == ["The Daily Post"]


def test_the_speakers_own_medium_is_no_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“We will close the port,” the ministry said in a statement. "
                                   "The company said on its website that prices would rise.\n")
    assert chain(doc, "We will close the port") == []
    assert chain(doc, "prices would rise") == []


# --- quoted by, citing, according to ----------------------------------------------------------

def test_outlet_quoted_someone_as_saying(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The Valley Herald quoted city engineer Mark Olsen as saying "
                                   "the bridge would reopen in May.\n")
    assert chain(doc, "the bridge would reopen") == ["The Valley Herald"]
    assert "Mark Olsen" in source(doc, "the bridge would reopen")


def test_someone_was_quoted_as_saying_by_an_outlet(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The mayor was quoted as saying by the Gazette that the bridge "
                                   "would reopen.\n")
    assert chain(doc, "the bridge would reopen") == ["the Gazette"]
    assert source(doc, "the bridge would reopen") == "The mayor"


def test_sources_quoted_by_an_outlet(quotes_pipeline):
    doc = analyse(quotes_pipeline, "According to sources quoted by the Miami Herald, the suspect "
                                   "had fled to Mexico.\n")
    assert chain(doc, "the suspect had fled") == ["the Miami Herald"]
    assert source(doc, "the suspect had fled") == "sources"


def test_an_outlet_citing_a_source_relays_it(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The news agency, citing an unnamed government source, reported "
                                   "that the cabinet would resign.\n")
    assert source(doc, "the cabinet would resign") == "an unnamed government source"
    assert chain(doc, "the cabinet would resign") == ["The news agency"]


def test_according_to_an_outlet_after_a_cue(quotes_pipeline):
    doc = analyse(quotes_pipeline, "“Talks will resume next week,” the minister added, according "
                                   "to the Interfax news agency.\n")
    assert chain(doc, "Talks will resume") == ["the Interfax news agency"]


def test_an_outlet_reporting_according_to_a_source_relays_it(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Bloomberg reports that sales fell for a third quarter, "
                                   "according to the National Retail Federation.\n")
    q = quote_with(doc, "sales fell")
    assert "National Retail Federation" in show(doc, q.source)
    assert [show(doc, v) for v in q.via] == ["Bloomberg"]


def test_according_to_on_a_stance_verb_is_the_source(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The senator plans to visit the flooded towns on Friday, "
                                   "according to a campaign aide.\n")
    q = quote_with(doc, "visit the flooded towns")
    assert show(doc, q.source) == "a campaign aide" and q.via == []


def test_an_outlet_reporting_on_its_own_is_the_speaker(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The Valley Herald reported that the mayor would resign.\n")
    q = quote_with(doc, "the mayor would resign")
    assert show(doc, q.source) == "The Valley Herald" and q.via == []


# --- relays and nested chains ----------------------------------------------------------------

def test_reported_by_an_outlet_after_the_attribution(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Police said the driver had fled the scene, state radio "
                                   "reported.\n")
    q = quote_with(doc, "the driver had fled")
    assert show(doc, q.source) == "Police" and [show(doc, v) for v in q.via] == ["state radio"]


def test_a_person_relays_what_another_told_him(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Tom Baker said Ellen Wood told him that the dam had cracked.\n")
    q = quote_with(doc, "the dam had cracked")
    assert show(doc, q.source) == "Ellen Wood"
    assert [show(doc, v) for v in q.via] == ["Tom Baker"]


def test_a_speaker_reporting_their_own_words_is_no_relay(quotes_pipeline):
    doc = analyse(quotes_pipeline, "Tom Baker said he told the council that the dam had cracked.\n")
    assert chain(doc, "the dam had cracked") == []


def test_nested_chain_is_innermost_first(quotes_pipeline):
    doc = analyse(quotes_pipeline, "According to the court filing, a bank clerk said Ray Dunn told "
                                   "her that he would return with a gun.\n")
    q = quote_with(doc, "he would return with a gun")
    assert [show(doc, v) for v in q.via] == ["a bank clerk", "the court filing"]


# --- the medium between the subject and the cue, or after the reported clause -----------------

def test_an_interview_set_between_the_subject_and_the_cue_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The governor, in an interview with Reuters, said the bridge "
                                   "would open in May.\n")
    assert chain(doc, "the bridge would open in May") == ["Reuters"]


def test_speaking_to_an_outlet_between_the_subject_and_the_cue_is_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The mayor, speaking to the Boston Globe, said the plan had "
                                   "no money behind it.\n")
    assert chain(doc, "the plan had no money") == ["the Boston Globe"]


def test_remarks_aired_by_an_outlet_after_the_reported_clause_are_a_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The general said the troops would leave the city, in remarks "
                                   "aired by Channel 4.\n")
    assert chain(doc, "the troops would leave") == ["Channel 4"]


def test_a_manner_phrase_after_the_reported_clause_is_no_via(quotes_pipeline):
    doc = analyse(quotes_pipeline, "The general said the troops would leave the city, in trucks "
                                   "provided by the council.\n")
    assert chain(doc, "the troops would leave") == []
