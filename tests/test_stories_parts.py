"""The parts of newsgraph.stories on their own: name keys, trigger stems, counts near a
trigger, the article times, the person conflict, average-link re-clustering and id carrying,
and which versions of a slot are a disagreement."""
from __future__ import annotations

from newsgraph.stories.clustering import average_link, carry_ids
from newsgraph.stories.counts import read_counts
from newsgraph.stories.disagreements import disagreements
from newsgraph.stories.events import EventProfile, trigger_stem
from newsgraph.stories.similarity import load_model, person_conflict, time_evidence
from newsgraph.stories.terms import article_terms, name_key
from newsgraph.stories.when import ArticleTime, article_time
from datetime import date


def test_a_person_is_known_by_surname_across_articles():
    assert name_key("Vincent Jackson", "PERSON") == name_key("WR Jackson", "PERSON") == "jackson"
    assert name_key("W. Mark Felt Sr.", "PERSON") == "felt"
    assert name_key("Gérard Bénézat", "PERSON") == "benezat"
    assert name_key("The Washington Post", "ORG") == "washington post"
    assert name_key("U.S.", "GPE") == "us"


def test_trigger_stems_join_inflections():
    assert trigger_stem("shootings") == trigger_stem("shot") == trigger_stem("shoot") == "shoot"
    assert trigger_stem("met") == trigger_stem("meeting") == "meet"
    assert trigger_stem("arrested") == trigger_stem("arrests") == "arrest"
    assert trigger_stem("stopped") == "stop"
    assert trigger_stem("checked into") == "check"


def counts(sentence):
    return {(c.slot, c.value, sentence[c.start:c.end]) for c in read_counts(sentence, 0, len(sentence))}


def test_counts_near_their_slot_word():
    assert counts("A gunman killed four people and wounded 12 at a school on Monday.") == {
        ("dead", 4, "four"), ("injured", 12, "12")}
    assert counts("At least 30 people were injured and 7 died in the blast.") == {
        ("injured", 30, "30"), ("dead", 7, "7")}
    assert counts("The death toll rose to 14 on Tuesday.") == {("dead", 14, "14")}
    assert counts("Police arrested 1,200 protesters.") == {("arrested", 1200, "1,200")}


def test_ages_years_times_and_ids_are_not_counts():
    assert counts("Nichols, 37, was found guilty last month of murdering a judge.") == set()
    assert counts("Two people were killed in 2011.") == {("dead", 2, "Two")}
    assert counts("He was killed at 10:30 on state route 52.") == set()
    assert counts("Story 778356 killed.") == set()


def test_an_article_is_dated_by_publication_else_by_its_lead():
    assert article_time({"published": "2013-08-02"}) == ArticleTime(date(2013, 8, 2), 2013)
    lead = {"text": "x", "times": [{"start": 40, "end": 52, "type": "DATE", "value": "2012-07-07"},
                                   {"start": 900, "end": 904, "type": "DATE", "value": "2008-12"}]}
    assert article_time(lead) == ArticleTime(None, 2012)  # a date deep in the body is background
    assert article_time({"text": "x", "times": []}) == ArticleTime()


def test_time_evidence_by_days_else_by_years():
    a, b = ArticleTime(date(2024, 5, 16), 2024), ArticleTime(date(2024, 5, 18), 2024)
    assert time_evidence(a, b, 3, 30) == (1.0, 0.0)
    assert time_evidence(a, ArticleTime(date(2024, 8, 1), 2024), 3, 30) == (0.0, 1.0)
    assert time_evidence(ArticleTime(None, 2008), ArticleTime(None, 2013), 3, 30) == (0.0, 1.0)
    assert time_evidence(ArticleTime(None, None), b, 3, 30) == (0.0, 0.0)


def test_the_lead_counts_twice():
    text = "Rehab for Reid\n\n" + "The actress entered rehab. " + "filler words here. " * 40 + "Rehab again."
    record = {"text": text, "body": {"start": 16, "end": len(text)}, "headline": {"start": 0, "end": 14},
              "entities": [], "times": [], "places": []}
    words = article_terms(record).counts["words"]
    assert words["rehab"] == 2 + 2 + 1   # headline and first sentence twice, the last once


def test_different_challengers_of_one_champion_conflict():
    first_fight = {"klitschko": 0.5, "rahman": 0.45, "weeks": 0.05}
    second_fight = {"klitschko": 0.3, "thompson": 0.65, "steward": 0.05}
    same_fight = {"klitschko": 0.6, "rahman": 0.4}
    assert person_conflict(first_fight, second_fight) > 0.9
    assert person_conflict(first_fight, same_fight) < 0.2
    assert person_conflict(first_fight, {}) == 0.0


def test_later_articles_split_a_story_polluted_by_an_early_choice():
    # 1, 2, 3: the first fight; 4 joined it, but 4, 5, 6 tell the second fight
    edges = {}

    def link(a, b, p):
        edges.setdefault(a, {})[b] = p
        edges.setdefault(b, {})[a] = p

    for a, b in [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)]:
        link(a, b, 0.95)
    for a, b in [(1, 4), (2, 4), (3, 4)]:
        link(a, b, 0.55)
    groups = average_link([1, 2, 3, 4, 5, 6], edges, load_model().threshold)
    assert groups == [[1, 2, 3], [4, 5, 6]]
    ids = carry_ids(groups, {1: "S1", 2: "S1", 3: "S1", 4: "S1", 5: "S2"}, lambda: "S-new")
    assert ids == {1: "S1", 2: "S1", 3: "S1", 4: "S2", 5: "S2", 6: "S2"}


def test_new_groups_get_new_ids_and_ids_go_to_one_group_only():
    ids = carry_ids([[1, 2], [3], [4]], {1: "S1", 2: "S1", 3: "S1"}, iter(["S7", "S8"]).__next__)
    assert ids == {1: "S1", 2: "S1", 3: "S7", 4: "S8"}


def event(seq, **slots):
    base = dict(seq=seq, event_id="V1", index=0, event="ASSAULT", cameo="190", stem="attack",
                sentence=(0, 10))
    return EventProfile(**{**base, **slots})


def test_a_country_does_not_contradict_a_town_in_it_but_two_towns_do():
    town = dict(place="Kirkuk", geonameid=94787, country="IQ", feature_code="PPLA")
    country = dict(place="Iraq", geonameid=99237, country="IQ", feature_code="PCLI")
    other_town = dict(place="Mosul", geonameid=99072, country="IQ", feature_code="PPLA")
    assert disagreements([event(1, **town), event(2, **country)]) == []
    slots = {(v.slot, v.value) for v in disagreements([event(1, **town), event(2, **other_town)])}
    assert slots == {("place", "Kirkuk"), ("place", "Mosul")}


def test_one_article_naming_more_actors_is_no_disagreement():
    assert disagreements([event(1, actors=["police"], actor_names=["police"]),
                          event(2, actors=["police", "army"], actor_names=["police", "army"])]) == []
    found = disagreements([event(1, actors=["police"], actor_names=["police"]),
                           event(2, actors=["army"], actor_names=["army"])])
    assert {(v.slot, v.value, v.seq) for v in found} == {("actor", "police", 1), ("actor", "army", 2)}
