"""Tests of trigger word sense and status (events.triggers, events.lexicon, events.status).

Each sentence is written for one reading: a word that is an event in one construction and not in
another ("offered aid" / "offered details", "protesters demonstrated" / "demonstrated resolve",
"a veto" / "veto powers"), standing arrangements only kept or obeyed ("maintaining sanctions"),
and the status an event noun takes from its clause ("whether talks will take place").
"""
from __future__ import annotations

import pytest
from conftest import parse_with_spacy_names

from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.status import event_status
from newsgraph.events.triggers import dependent_lemmas, find_triggers
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events import find_events


@pytest.fixture(scope="module")
def front():
    return Pipeline(("clean", "parse"))


def parse(front, text):
    return parse_with_spacy_names(front, text, "2024-03-06")


def triggers(front, text):
    """{trigger word: PLOVER type} of a sentence."""
    doc = parse(front, text)
    return {t.token.text: t.entry.event for t in find_triggers(doc.parse, load_lexicon())}


def statuses(front, text):
    """{trigger word: status} of the events of a sentence."""
    doc = parse(front, text)
    find_events(doc)
    return {doc.span_text(e.trigger): e.status for e in doc.events}


# --- lexicon mechanics -------------------------------------------------------------------------

def test_blocking_rows_with_a_dependent_come_before_positive_ones():
    offer = load_lexicon().readings("offer", "VERB")
    assert [e.event for e in offer[:2]] == ["-", "-"] and offer[-1].event == "AGREE"


def test_dependent_classes_object_info_clause(front):
    doc = parse(front, "The ministry offered details, and the envoy offered that talks could resume.")
    lex = load_lexicon()
    offered = [t for t in doc.parse if t.lemma_ == "offer"]
    assert {"@object", "@info"} <= dependent_lemmas(offered[0], lex)
    assert "@clause" in dependent_lemmas(offered[1], lex)


def test_date_preposition_selects_no_reading(front):
    found = triggers(front, "Dockers in Antwerp called an open-ended strike on Monday over pay.")
    assert found.get("strike") == "PROTEST"


# --- word senses -------------------------------------------------------------------------------

def test_speaking_with_someone_is_a_consultation_speaking_is_not(front):
    # officials by their titles: a bare surname no table knows makes no one a political actor
    doc = parse(front, "Secretary of State Antony Blinken spoke with Defence Minister Yoav Gallant by "
                       "phone on Sunday. Blinken later spoke to reporters.")
    find_events(doc)
    spoke = [(doc.span_text(e.trigger), e.event, e.mode) for e in doc.events]
    assert spoke == [("spoke", "CONSULT", "phone")]


@pytest.mark.parametrize("text,word,event", [
    ("Qatar offered to mediate between the two factions.", "offered", "AGREE"),
    ("Japan offered aid to flood victims in Pakistan.", "offered", "AGREE"),
    ("Thousands of farmers demonstrated in Brussels against the new rules.", "demonstrated", "PROTEST"),
    ("The two governments agreed to normalize relations after a decade.", "normalize", "SUPPORT"),
    ("Washington vetoed the draft resolution on Thursday.", "vetoed", "REJECT"),
    ("Rebels handed over 40 prisoners to the Red Cross.", "handed", "RETREAT"),
    ("Ottawa lifted the sanctions on the company in May.", "lifted", "RETREAT"),
])
def test_event_readings_are_kept(front, text, word, event):
    assert triggers(front, text).get(word) == event


@pytest.mark.parametrize("text,word", [
    ("The spokesman offered no details on the timing of the trip.", "offered"),
    ("The prime minister offered condolences to the families.", "offered"),
    ("The spokesman offered that the talks had gone well.", "offered"),
    ("The troops will demonstrate courage and resolve at the front.", "demonstrate"),
    ("The test demonstrated that the missile could reach Guam.", "demonstrated"),
    ("Critics said the summit risked normalizing the junta.", "normalizing"),
    ("In a letter handed over to the embassy, the group made its case.", "handed"),
    ("The coalition rallied supporters before the vote.", "rallied"),
])
def test_speech_and_showing_readings_are_not_events(front, text, word):
    assert word not in triggers(front, text)


@pytest.mark.parametrize("text,word", [
    ("The treaty grants France veto powers over the budget.", "veto"),
    ("Relief officials in Nairobi counted the dead.", "Relief"),
    ("Two aid agencies left the camp on Friday.", "aid"),
    ("Truce monitors reported shelling near the border.", "Truce"),
    ("The band released a protest song about the war.", "protest"),
    ("The army bought new attack helicopters.", "attack"),
])
def test_event_noun_modifying_another_noun_is_a_classifier(front, text, word):
    assert word not in triggers(front, text)


def test_event_noun_modifying_an_occurrence_noun_is_kept(front):
    assert triggers(front, "A UN aid convoy reached Aleppo on Tuesday.").get("aid") == "AID"


@pytest.mark.parametrize("text,word", [
    ("The rebels fought the Iranian-backed militia.", "backed"),
    ("Police detained the alleged organisers of the march.", "alleged"),
    ("Helicopters evacuated the wounded from the town.", "wounded"),
    ("Chad's visiting president toured the port.", "visiting"),
])
def test_verb_used_as_adjective_or_noun_is_no_event(front, text, word):
    assert word not in triggers(front, text)


# --- standing arrangements ---------------------------------------------------------------------

@pytest.mark.parametrize("text,word", [
    ("Brazil has no interest in maintaining sanctions on Venezuela.", "sanctions"),
    ("The minister said the exports were in compliance with the sanctions.", "sanctions"),
    ("American troops stay in the country under a defence pact.", "pact"),
    ("Even with those restrictions, trade between the neighbours grew.", "restrictions"),
])
def test_standing_arrangement_only_kept_is_no_event(front, text, word):
    assert word not in triggers(front, text)


@pytest.mark.parametrize("text,word,event", [
    ("The European Union imposed sanctions on Minsk.", "sanctions", "SANCTION"),
    ("The army imposed a curfew in the city on Sunday.", "curfew", "COERCE"),
    ("Firms must comply with the sanctions imposed in March 2022.", "sanctions", "SANCTION"),
])
def test_new_or_dated_arrangement_is_an_event(front, text, word, event):
    assert triggers(front, text).get(word) == event


# --- status --------------------------------------------------------------------------------------

def test_whether_an_event_noun_takes_place_is_hypothetical(front):
    found = statuses(front, "Seoul is closely monitoring whether negotiations between Moscow and "
                            "Pyongyang will take place.")
    assert found.get("negotiations") == "hypothetical"


def test_event_noun_subject_of_a_negated_occurrence_verb_is_negated(front):
    assert statuses(front, "The talks between Kyiv and Moscow did not take place.").get("talks") == "negated"


def test_other_predicates_of_an_event_noun_leave_its_status(front):
    found = statuses(front, "The talks between Kyiv and Moscow did not produce an agreement.")
    assert found.get("talks") == "asserted"


def test_postponed_event_noun_is_negated(front):
    assert statuses(front, "The visit of the Chinese premier to Hanoi was postponed.").get("visit") == "negated"


# --- readings chosen by the governing verb -------------------------------------------------------

def test_lodged_protest_is_one_diplomatic_complaint(front):
    assert triggers(front, "Hungary lodged an official protest with Kyiv on Monday.") == {"lodged": "ACCUSE"}
    assert triggers(front, "Thousands joined the protest in Budapest.").get("protest") == "PROTEST"


@pytest.mark.parametrize("text,word", [
    ("The charter gave the assembly a veto over any new member.", "veto"),
    ("The minister expressed relief at the end of the siege.", "relief"),
])
def test_capability_or_feeling_is_no_event(front, text, word):
    assert word not in triggers(front, text)


def test_vetoing_or_sending_relief_is_an_event(front):
    assert triggers(front, "Moscow's veto of the resolution angered Paris.").get("veto") == "REJECT"
    assert triggers(front, "Tokyo sent relief to the flood zone.").get("relief") == "AID"


def test_event_noun_a_verb_is_about_takes_its_status(front):
    doc = parse(front, "Lula invited Milei to a regional summit in Brasilia next month.")
    summit = next(t for t in doc.parse if t.text == "summit")
    assert event_status(summit, load_lexicon(), None).status == "future"


def test_event_noun_in_an_adjunct_keeps_its_status(front):
    found = statuses(front, "Armenia and Azerbaijan agreed on a border deal after long negotiations in Almaty.")
    assert found.get("negotiations") == "asserted"


def test_an_event_asked_about_is_open_whatever_is_said_of_the_question(front):
    found = statuses(front, "Neither government has given details on when such a visit to Pyongyang "
                            "would happen.")
    assert found == {"visit": "hypothetical"}


@pytest.mark.parametrize("text", [
    "A garbage truck slammed into the toll plaza on Thursday.",
    "The airline will offer flights to Moscow once a week.",
    "Water seeped into the road and then froze overnight.",
    "The mayor faces an uphill battle in the council.",
    "For tickets and information, call the box office.",
    "The storm killed two people in the north of the state.",
    "A woman was killed in a car accident on Friday.",
    "The former minister died of a heart attack.",
])
def test_service_lines_accidents_and_illness_are_not_events(front, text):
    assert statuses(front, text) == {}


def test_the_attack_a_killing_happened_in_is_the_same_event(front):
    found = statuses(front, "Rebels killed two soldiers in an attack on Friday.")
    assert found == {"killed": "asserted"}


def test_freezing_assets_is_a_sanction(front):
    assert triggers(front, "The European Union froze the assets of three financiers.") == {"froze": "SANCTION"}


def test_an_action_announced_unless_the_other_side_yields_is_an_ultimatum(front):
    doc = parse(front, "Kenya said it will withdraw its troops from Somalia unless the government "
                       "pays their salaries.")
    find_events(doc)
    found = {(doc.span_text(e.trigger), e.event, e.status) for e in doc.events}
    assert {("will", "THREATEN"), ("withdraw", "RETREAT")} <= {(t, e) for t, e, _ in found}
    assert ("withdraw", "RETREAT", "hypothetical") in found  # only if the condition is not met


def test_accepting_demands_is_yielding_accepting_an_invitation_is_agreeing(front):
    assert triggers(front, "The government accepted the demands of the striking miners.")[
        "accepted"] == "CONCEDE"
    assert triggers(front, "The president accepted the invitation.")["accepted"] == "AGREE"


def test_refusing_in_advance_is_a_rejection_and_reinforcing_a_mobilisation(front):
    doc = parse(front, "Jordan says it will not accept any more refugees.")
    find_events(doc)
    assert "REJECT" in {e.event for e in doc.events}
    assert triggers(front, "Israel has strengthened its forces along the border.")[
        "strengthened"] == "MOBILIZE"
