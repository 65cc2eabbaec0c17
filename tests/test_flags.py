"""The flags stage: the writer's loaded language and inconsistent place names, each precise.

Texts are short wire-style sentences written for each case. Negatives matter as much as
positives here: a wrong flag costs a fact-checker's trust.
"""
from __future__ import annotations

import pytest

from newsgraph.flags.lexicon import load_lexicon, phrase_words
from newsgraph.flags.places import _one_word_off
from newsgraph.pipeline import DEFAULT_STAGES


def flagged(nlp_pipeline, text: str, kind: str = "loaded_language") -> list[str]:
    rec = nlp_pipeline.analyze_record({"id": "t", "text": text, "published": "2023-09-14"})
    return [text[f["start"]:f["end"]] for f in rec["flags"] if f["kind"] == kind]


def flags_of(nlp_pipeline, text: str) -> list[dict]:
    return nlp_pipeline.analyze_record({"id": "t", "text": text, "published": "2023-09-14"})["flags"]


# --- the table --------------------------------------------------------------------------------

def test_flags_runs_last_in_the_default_pipeline():
    assert DEFAULT_STAGES[-1] == "flags"


def test_lexicon_rows_parse_and_index_by_first_word():
    lex = load_lexicon()
    assert any(t.phrase == "rogue regime" for t in lex["rogue"])
    assert all(t.reason for terms in lex.values() for t in terms)
    phrases = [t.phrase for terms in lex.values() for t in terms]
    assert len(phrases) == len(set(phrases)), "a phrase is listed twice"


def test_hyphens_are_optional_in_phrases():
    assert phrase_words("pro-life") == ("pro", "life")
    assert phrase_words("Partial-birth  abortion") == ("partial", "birth", "abortion")


# --- loaded language: the writer's words ------------------------------------------------------

def test_label_before_a_name_takes_its_loaded_adjective(nlp_pipeline):
    text = ("Regional leaders confirmed on Friday that ruthless dictator Omar Hassan would attend "
            "the summit in Addis Ababa.")
    assert flagged(nlp_pipeline, text) == ["ruthless dictator"]


def test_neutral_modifier_stays_out_of_the_span(nlp_pipeline):
    text = "The former dictator's son attended the funeral in the capital on Monday."
    assert flagged(nlp_pipeline, text) == ["dictator"]


def test_pejorative_regime_phrase_is_flagged_whole(nlp_pipeline):
    text = "The sanctions were meant to isolate the rogue regime in Tehran for a decade."
    assert flagged(nlp_pipeline, text) == ["rogue regime"]


def test_regime_alone_is_not_flagged(nlp_pipeline):
    assert flagged(nlp_pipeline, "The regime announced new elections for March.") == []


def test_place_in_a_disease_name_is_flagged(nlp_pipeline):
    text = "Factories closed last year as the China virus spread through the province."
    assert flagged(nlp_pipeline, text) == ["China virus"]


def test_covid_names_are_not_flagged(nlp_pipeline):
    text = "Factories closed last year as COVID-19 and the coronavirus spread through the province."
    assert flagged(nlp_pipeline, text) == []


def test_writers_euphemism_is_flagged(nlp_pipeline):
    text = "Moscow launched its special military operation in February of last year."
    assert flagged(nlp_pipeline, text) == ["special military operation"]


def test_scare_quoted_euphemism_is_the_speakers(nlp_pipeline):
    text = "The Kremlin calls the war in Ukraine a “special military operation.”"
    assert flagged(nlp_pipeline, text) == []


def test_speech_verb_of_criticism_is_flagged(nlp_pipeline):
    text = "Senator Jane Ortiz slammed the governor's budget plan on Tuesday."
    assert flagged(nlp_pipeline, text) == ["slammed"]


@pytest.mark.parametrize("text", [
    "A delivery truck slammed into a wall on Main Street early Sunday.",
    "Crews blasted rock near the quarry for three days.",
])
def test_speech_verb_in_its_physical_sense_is_not_flagged(nlp_pipeline, text):
    assert flagged(nlp_pipeline, text) == []


def test_label_used_as_a_modifier_is_not_flagged(nlp_pipeline):
    text = "A terrorist attack killed four people and the strongman competition was cancelled."
    assert flagged(nlp_pipeline, text) == []


def test_label_as_a_noun_is_flagged(nlp_pipeline):
    text = "The strongman has ruled the country since 1994, and his thugs patrol the streets."
    assert flagged(nlp_pipeline, text) == ["strongman", "thugs"]


def test_immigration_label_is_flagged(nlp_pipeline):
    text = "Deputies detained eleven illegal immigrants at a farm outside the city on Friday."
    assert flagged(nlp_pipeline, text) == ["illegal immigrants"]


# --- not the writer's words --------------------------------------------------------------------

def test_label_inside_a_direct_quote_is_not_flagged(nlp_pipeline):
    text = "“He is a tyrant and a thug,” opposition leader Maria Duarte told reporters on Monday."
    assert flagged(nlp_pipeline, text) == []


def test_label_inside_quotation_marks_is_not_flagged(nlp_pipeline):
    text = "Protesters chanted “down with the dictator” outside the palace on Saturday."
    assert flagged(nlp_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Opposition groups call him a dictator.",
    "The senator denounced the president as a despot during the debate.",
    "Critics say the president is a tyrant.",
    "Members of the society viewed communists as terrorists and despised them.",
    "Diplomats disagree on who is a terrorist and who is a freedom fighter.",
    "The interior minister said that thugs had looted shops in the port overnight.",
])
def test_label_a_speaker_applies_is_not_flagged(nlp_pipeline, text):
    assert flagged(nlp_pipeline, text) == []


def test_title_is_not_loaded(nlp_pipeline):
    text = "Supreme Leader Ali Khamenei received the delegation in Tehran on Sunday."
    assert flags_of(nlp_pipeline, text) == []


def test_label_in_a_title_of_a_work_is_not_flagged(nlp_pipeline):
    text = "The museum screened Charlie Chaplin's film The Great Dictator on Friday."
    assert flagged(nlp_pipeline, text) == []


# --- inconsistent place names --------------------------------------------------------------------

CRUISE = (
    "MOSCOW (Reuters) - A Russian river cruiser with 200 passengers ran aground on Sunday while "
    "sailing towards Blagoveshchensk-on-Amur, the emergencies ministry said.\n\n"
    "The regional news agency said in a report: “The vessel had left Nikolayevsk-on-Amur two "
    "days earlier and was carrying tourists and crew.”\n")


def test_one_word_off_needs_a_distinctive_shared_word():
    assert _one_word_off("khabarovsk on amur".split(), "komsomolsk on amur".split()) == 0
    assert _one_word_off("new haven".split(), "new london".split()) is None  # "new" is generic
    assert _one_word_off("rostov on don".split(), "rostov on don".split()) is None
    assert _one_word_off("lake county".split(), "lake county park".split()) is None
    # the odd words must tell places apart: not generic, not an abbreviation of each other
    assert _one_word_off("kanawha valley".split(), "kanawha city".split()) is None
    assert _one_word_off("w columbia".split(), "west columbia".split()) is None
    assert _one_word_off("platte co".split(), "platte county".split()) is None


def test_unknown_name_one_word_off_a_named_place_is_flagged(nlp_pipeline):
    flags = [f for f in flags_of(nlp_pipeline, CRUISE) if f["kind"] == "inconsistency"]
    assert len(flags) == 1
    f = flags[0]
    assert CRUISE[f["start"]:f["end"]] == "Blagoveshchensk-on-Amur"
    assert "Nikolayevsk-on-Amur" in f["note"]
    assert "regional news agency" in f["note"]  # who gives the known name
    assert "Blagoveshchensk is a different place" in f["note"]


def test_correctly_spelled_places_are_not_flagged(nlp_pipeline):
    text = ("Trading was calm in Frankfurt am Main and Kingston upon Thames on Monday, while "
            "officials in New Haven and New London said the storm had passed. Workers in "
            "Kingston upon Hull and Newcastle upon Tyne returned to the docks.")
    assert flags_of(nlp_pipeline, text) == []


# --- the sample article of ../shared ----------------------------------------------------------------

def test_sample_loaded_language(shared_sample_record):
    rec = shared_sample_record
    loaded = [rec["text"][f["start"]:f["end"]] for f in rec["flags"] if f["kind"] == "loaded_language"]
    for phrase in ("communist dictator", "strongman", "rogue regime", "Wuhan coronavirus"):
        assert phrase in loaded
    # Kim's own words and the scare-quoted name of the war are not the writer's
    assert "special military operation" not in loaded
    assert all(f["note"] for f in rec["flags"])


def test_sample_conflated_city(shared_sample_record):
    rec = shared_sample_record
    found = [f for f in rec["flags"] if f["kind"] == "inconsistency"]
    assert [rec["text"][f["start"]:f["end"]] for f in found] == ["Khabarovsk-on-Amur"]
    assert "Komsomolsk-on-Amur" in found[0]["note"]
