"""The political reading of an event (events/political.py and the sense rows of
knowledge/event_lexicon.tsv): a trigger in its political sense with a political participant is
an event; the same words about teams, companies, private people or the weather are none. Every
text is written for the test, in wire style."""
from __future__ import annotations

import pytest
from conftest import parse_with_spacy_names

from newsgraph.pipeline import Pipeline
from newsgraph.stages.events import find_events


@pytest.fixture(scope="module")
def front():
    return Pipeline(("clean", "parse"))


def types(front, text, published="2024-03-06"):
    doc = parse_with_spacy_names(front, text, published)
    find_events(doc)
    return {e.event for e in doc.events}


@pytest.mark.parametrize("text", [
    # sports: teams beat, attack and defend; players protest a call, pull out, are suspended
    "Romania beat Lithuania 2-1 in a World Cup qualifier on Saturday.",
    "The champion defended his title by stopping the challenger in the seventh round.",
    "The striker was sent off for protesting against the referee's decision.",
    "The midfielder pulled out of the squad with an ankle injury on Friday.",
    # business: firms agree, offer, reject bids, resign, hold talks
    "Acme Corp. said it agreed to acquire Beta Industries for $40 million in stock.",
    "Beta's board rejected the offer as too low and said talks with other buyers continue.",
    "The company's chief financial officer resigned on Monday to pursue other interests.",
    # private crime and accidents: no political actor on either side
    "A man stabbed his neighbour during an argument on Sunday night.",
    "Two people were killed when their car struck a tree on the highway.",
    # a company's own demolition, told as an event noun: the main clause's subject is no state
    "Acme Corp. announced new prices and the demolition of two Acme warehouses in the port.",
    # nature is nobody's act
    "An earthquake struck the coast on Sunday, killing three people.",
    "Officials said the storm destroyed dozens of homes in the valley.",
    # statements: an appeal, no comment, a denial, released information
    "The German government urged both sides to avoid any escalation.",
    "A government spokesman declined to comment on the report.",
    "Police released the names of the two victims on Monday.",
])
def test_everyday_uses_of_event_words_are_no_events(front, text):
    assert types(front, text) == set()


@pytest.mark.parametrize("text,event_type", [
    ("Police arrested two men after the robbery in the town centre.", "COERCE"),  # the state acts
    ("A gunman shot dead a judge outside the courthouse on Monday.", "ASSAULT"),  # on an official
    ("Thousands of students marched through the capital to protest the new law.", "PROTEST"),
    ("The rebels released three hostages on Sunday.", "RETREAT"),
    ("The government lifted the curfew in the capital on Tuesday.", "CONCEDE"),
    ("The European Union lifted sanctions on Belarus.", "RETREAT"),
    ("The Arab League condemned the bombing of the embassy.", "ACCUSE"),  # a league, no sport
    ("An Israeli air strike hit Gaza City.", "ASSAULT"),  # the state's strike
    ("Turkey demanded that Greece withdraw its troops from the islands.", "REQUEST"),
    # an event noun with no doer of its own is the act of the main clause's subject, whoever
    # it is done to
    ("The ministry announced new taxes on Tuesday and the expulsion of two Reuters correspondents.",
     "COERCE"),
])
def test_political_acts_are_events(front, text, event_type):
    assert event_type in types(front, text)


def test_a_denial_is_no_rejection(front):
    # denying allegations denies responsibility (CAMEO 016), a statement
    assert "REJECT" not in types(front, "The minister denied the allegations in a statement on Tuesday.")
    assert "REJECT" in types(front, "The ministry denied the request for a visa.")


def test_a_sports_report_has_teams_not_states(front):
    text = ("SOCCER - ENGLAND ATTACK BUT MOLDOVA HOLD ON\nLONDON 2024-03-06\n"
            "England attacked from the start but Moldova defended well and held out for a draw.")
    assert types(front, text) == set()


def test_a_nationality_takes_part_only_for_its_own(front):
    assert "ASSAULT" in types(front, "Two Iraqi youths were killed by a landmine near the border.")
    assert types(front, "Turkish fans hurled bottles at the players after the match.") == set()


def test_a_titled_person_is_political_wherever_named(nlp_pipeline):
    # "Sen." and "(R-Ohio)" are not in the role table: the title makes Wills a legislator
    rec = nlp_pipeline.analyze_record({"id": "t", "published": "2024-03-06", "text": (
        "Sen. Mark Wills (R-Ohio) met farmers on Monday. Wills criticized the proposal on Tuesday.")})
    assert {"CONSULT", "ACCUSE"} <= {e["event"] for e in rec["events"]}


def test_a_protest_needs_a_group(front):
    assert "PROTEST" in types(front, "Hundreds of workers demonstrated outside the ministry.")
    assert "PROTEST" not in types(front, "The coach protested after the final whistle.")


def test_a_subject_the_parser_folded_into_the_dateline_still_acts(front):
    # the parser hangs "King Bhumibol Adulyadej" from the dateline's "PENH": the king pardons
    text = ("Student leader freed .\nPHNOM PENH 1997-05-14\nThailand 's King Bhumibol Adulyadej on "
            "Friday gave a royal pardon to a jailed student leader .\n")
    doc = parse_with_spacy_names(front, text, "1997-05-14")
    find_events(doc)
    pardons = [e for e in doc.events if e.event == "CONCEDE"]
    assert [[doc.entity(a).name for a in e.actor] for e in pardons] == [["King Bhumibol Adulyadej"]]
