"""Tests of the events stage on short wire-style sentences written for each pattern.

The entities here come straight from spaCy's names (as the first entities stage did), so that
these tests check event coding, not the actor clustering of the entities stage. One test runs
the full default pipeline on the sample article when it is present.
"""
from __future__ import annotations

import pytest
from conftest import parse_with_spacy_names

from newsgraph.document import Place, Quote, Span, Time
from newsgraph.events.lexicon import load_lexicon
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events import find_events


@pytest.fixture(scope="module")
def front():
    # no language stage: one-line test texts are too short for language identification
    return Pipeline(("clean", "parse"))


def parse(front, text, published="2023-09-14"):
    return parse_with_spacy_names(front, text, published)


def events(front, text, **layers):
    doc = parse(front, text)
    for name, value in layers.items():
        setattr(doc, name, value(doc) if callable(value) else value)
    find_events(doc)
    return doc


def names(doc, ids):
    return [doc.entity(i).name for i in ids]


def only(doc, event_type):
    found = [e for e in doc.events if e.event == event_type]
    assert len(found) == 1, [(e.event, doc.span_text(e.trigger)) for e in doc.events]
    return found[0]


# --- lexicon ---------------------------------------------------------------------------------

def test_lexicon_has_every_plover_type_and_particle_readings_first():
    lex = load_lexicon()
    types = {e.event for entries in lex.triggers.values() for e in entries}
    for t in ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
              "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split():
        assert t in types
    assert lex.readings("call", "VERB")[0].needs is not None
    assert "will" in lex.cue("future_aux")


# --- triggers and types ----------------------------------------------------------------------

@pytest.mark.parametrize("text,event_type", [
    ("Egypt's foreign minister met his Jordanian counterpart in Amman on Sunday.", "CONSULT"),
    ("Germany praised Poland's handling of the border crisis.", "SUPPORT"),
    ("Russian forces shelled the Ukrainian city of Kharkiv overnight.", "ASSAULT"),
    ("The European Union imposed new sanctions on Belarus.", "SANCTION"),
    ("Norway expelled three Russian diplomats on Friday.", "SANCTION"),
    ("Kenya and Uganda signed a trade agreement in Nairobi.", "SUPPORT"),  # CAMEO 057
    ("Police in Turkey arrested dozens of opposition activists.", "COERCE"),
    ("Thousands of Chileans protested in Santiago against pension cuts.", "PROTEST"),
    ("The United Nations demanded an immediate ceasefire in Yemen.", "REQUEST"),
    ("Japan rejected China's proposal for new maritime talks.", "REJECT"),
    ("Iran accused Israel of sabotage at a nuclear site.", "ACCUSE"),
    ("Ethiopia released 200 Eritrean prisoners.", "RETREAT"),
    ("The World Bank gave Ghana a loan of $300 million.", "AID"),
    ("Greece and Cyprus will hold joint military exercises next month.", "COOPERATE"),
])
def test_trigger_types(front, text, event_type):
    doc = events(front, text)
    assert event_type in {e.event for e in doc.events}


def test_particle_changes_the_reading(front):
    backed_down = {e.event for e in events(front, "Russia backed down on Tuesday.").events}
    assert "CONCEDE" in backed_down and "SUPPORT" not in backed_down
    assert not [e for e in events(front, "The minister recalled that Germany had opposed it.").events
                if e.event == "SANCTION"]


def test_an_appeal_is_no_demand(front):
    # PLOVER codes demands and orders, not requests or appeals (CAMEO 02 has no PLOVER type)
    assert "REQUEST" not in {e.event for e in events(front, "Germany called for talks with Iran.").events}
    assert "REQUEST" not in {e.event for e in events(front, "Turkey urged the Balkan states to act.").events}
    assert "REQUEST" in {e.event for e in events(front, "Turkey demanded that Greece withdraw.").events}


def test_labour_strike_is_protest_and_air_strike_is_assault(front):
    assert "PROTEST" in {e.event for e in events(front, "French rail workers began a strike on Monday.").events}
    assert "ASSAULT" in {e.event for e in events(front, "An Israeli air strike hit Gaza City.").events}


def test_no_event_in_a_plain_statement(front):
    assert events(front, "The weather in Oslo was mild on Sunday.").events == []


# --- roles -----------------------------------------------------------------------------------

def test_subject_and_with_object(front):
    doc = events(front, "Kim Jong Un met with Vladimir Putin on Wednesday.")
    ev = only(doc, "CONSULT")
    assert names(doc, ev.actor) == ["Kim Jong Un"] and names(doc, ev.recipient) == ["Vladimir Putin"]


def test_passive_agent_is_actor(front):
    doc = events(front, "Russian troops were attacked by Ukrainian forces near Bakhmut.")
    ev = only(doc, "ASSAULT")
    assert names(doc, ev.actor) == ["Ukrainian"] and names(doc, ev.recipient) == ["Russian"]


def test_possessive_of_event_noun(front):
    doc = events(front, "Kim's visit to Russia lasted a week.")
    ev = only(doc, "CONSULT")
    assert names(doc, ev.actor) == ["Kim"] and names(doc, ev.recipient) == ["Russia"]


def test_coordinated_subject_is_reciprocal(front):
    doc = events(front, "Japan and South Korea agreed on a new fisheries deal.")
    ev = only(doc, "AGREE")
    assert set(names(doc, ev.actor)) == {"Japan", "South Korea"} and ev.reciprocal


def test_the_two_leaders_take_the_last_two_people(front):
    doc = events(front, "Emmanuel Macron flew to Berlin to see Olaf Scholz. The two leaders met for three hours.")
    ev = [e for e in doc.events if doc.span_text(e.trigger) == "met"][0]
    assert set(names(doc, ev.actor)) == {"Emmanuel Macron", "Olaf Scholz"}


def test_light_verb_gives_the_noun_its_actor(front):
    doc = events(front, "Chinese officials held talks with Vietnam on the sea dispute.")
    ev = only(doc, "CONSULT")
    assert names(doc, ev.actor) == ["Chinese"] and names(doc, ev.recipient) == ["Vietnam"]


def recipients(doc, event_type):
    return [n for e in doc.events if e.event == event_type for n in names(doc, e.recipient)]


@pytest.mark.parametrize("text,event_type,recipient", [
    # a demand: the subject of the clause demanded
    ("Canada demanded that Venezuela release the detained journalists.", "REQUEST", "Venezuela"),
    ("Norway repeated its demand that Sudan free the prisoners.", "REQUEST", "Sudan"),
    ("Brazil demanded that Argentina reopen the border.", "REQUEST", "Argentina"),
    # an object naming no one: whom it concerns, or who made it
    ("Chile lodged a formal protest with Peru on Tuesday.", "ACCUSE", "Peru"),
    ("Egypt lifted the blockade on Libyan trucks.", "RETREAT", "Libyan"),
    ("Kenya rejected calls by Somalia for a new border commission.", "REJECT", "Somalia"),
    ("Police confiscated weapons from Somali militias.", "COERCE", "Somali"),
    ("A camp for Sudanese refugees was attacked by gunmen on Sunday.", "ASSAULT", "Sudanese"),
    # a protest: whom its purpose clause addresses, else the place it happens in
    ("Thousands of farmers staged a hunger strike to demand the resignation of President William Ruto.",
     "PROTEST", "William Ruto"),
    ("Hundreds of teachers protested in Nairobi on Monday.", "PROTEST", "Nairobi"),
    ("Hungary deployed troops in Serbia last week.", "MOBILIZE", "Serbia"),
])
def test_recipient_from_the_shape_of_the_event(front, text, event_type, recipient):
    assert recipient in recipients(events(front, text), event_type)


def test_threat_is_aimed_at_whose_act_is_its_condition(front):
    doc = events(front, "Ghana threatened to recall its ambassador unless Togo closed the camps.")
    assert names(doc, only(doc, "THREATEN").recipient)[0] == "Togo"


def test_topic_and_reason_phrases_give_no_recipient(front):
    doc = events(front, "France held talks with Germany on Ukraine.")
    assert names(doc, only(doc, "CONSULT").recipient) == ["Germany"]
    doc = events(front, "Pakistan threatened to cut ties with Iran over its support for Israel.")
    assert names(doc, only(doc, "THREATEN").recipient) == ["Iran"]


def test_pronoun_subject_of_reported_clause_is_the_reporter(front):
    doc = events(front, "Switzerland said it had expelled two Russian diplomats.")
    ev = only(doc, "SANCTION")
    assert names(doc, ev.actor) == ["Switzerland"] and names(doc, ev.recipient) == ["Russian"]


def test_content_noun_is_not_its_own_event_but_possessed_one_is(front):
    assert [e.event for e in events(front, "Albania condemned the attack.").events] == ["ACCUSE"]
    assert {e.event for e in events(front, "Albania condemned Serbia's invasion of Kosovo.").events} == {
        "ACCUSE", "ASSAULT"}


# --- status ----------------------------------------------------------------------------------

def test_asserted(front):
    assert only(events(front, "Kenya deported six Somali nationals on Monday."), "COERCE").status == "asserted"


def test_future(front):
    doc = events(front, "Sergei Lavrov plans to visit Pyongyang in October.")
    assert only(doc, "CONSULT").status == "future"
    doc = events(front, "Narendra Modi will visit Washington next month.")
    assert only(doc, "CONSULT").status == "future"


def test_hypothetical(front):
    doc = events(front, "Seoul warned that an arms trade between Russia and North Korea was possible.")
    assert only(doc, "COOPERATE").status == "hypothetical"
    doc = events(front, "Israel could strike Iranian nuclear sites if talks fail.")
    assert only(doc, "ASSAULT").status == "hypothetical"


def test_negated(front):
    doc = events(front, "Neither side has announced any arms deals.")
    assert only(doc, "COOPERATE").status == "negated"
    doc = events(front, "Hungary did not sign the treaty.")
    assert only(doc, "SUPPORT").status == "negated"


def test_reported_speech_names_the_speaker(front):
    doc = events(front, "Putin accepted the invitation, the Kremlin said.")
    ev = only(doc, "AGREE")
    assert ev.status == "reported" and names(doc, [ev.attributed_to]) == ["Kremlin"]


def test_event_inside_a_quote_is_attributed_to_the_quote(front):
    text = '"We will never attack Finland," Sweden\'s defence minister said.'

    def quotes(doc):
        start = doc.text.index("We")
        return [Quote(id="Q1", kind="direct", content=Span(start, doc.text.index('," ')))]
    ev = only(events(front, text, quotes=quotes), "ASSAULT")
    assert ev.attributed_to == "Q1" and ev.status == "negated"


# --- derived events --------------------------------------------------------------------------

def test_intent_to_cooperate_is_agree(front):
    doc = events(front, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert {e.event for e in doc.events} == {"AGREE", "RETREAT"}
    assert only(doc, "RETREAT").status == "future"


def test_intent_to_harm_is_threaten(front):
    doc = events(front, "Palestinian leaders said they would boycott all contact with Washington.")
    assert "THREATEN" in {e.event for e in doc.events}


def test_must_in_reported_clause_is_a_demand(front):
    doc = events(front, "Russia said on Tuesday that Sudan must return the captured helicopter.")
    ev = only(doc, "REQUEST")
    assert names(doc, ev.actor) == ["Russia"] and names(doc, ev.recipient) == ["Sudan"]


# --- date, place, merging, actors ------------------------------------------------------------

def test_date_and_place_attach_to_the_clause_not_the_dateline(front):
    text = "GENEVA (Reuters) - Iran met with France at the Palais Wilson on Tuesday."

    def times(doc):
        s = doc.text.index("Tuesday")
        return [Time(s, s + 7, "DATE", "2023-09-12")]

    def places(doc):
        g = doc.text.index("GENEVA")
        p = doc.text.index("Palais")
        return [Place(g, g + 6, "Geneva"), Place(p, p + 12, "Palais Wilson")]
    doc = parse(front, text)
    doc.times, doc.places = times(doc), places(doc)
    g = doc.text.index("GENEVA")
    doc.dateline = Span(g, g + 17)
    find_events(doc)
    ev = only(doc, "CONSULT")
    assert ev.date == "2023-09-12" and ev.place == 1


def test_no_times_or_places_gives_none(front):
    ev = only(events(front, "Iran met with France at the Palais Wilson on Tuesday."), "CONSULT")
    assert ev.date is None and ev.place is None


def test_the_same_event_told_twice_is_one_event_with_two_sentences(front):
    doc = events(front, "Kim Jong Un met Vladimir Putin in Russia. Vladimir Putin met Kim Jong Un for five hours.")
    consult = [e for e in doc.events if e.event == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].evidence) == 2


def test_different_events_stay_apart(front):
    doc = events(front, "Kim Jong Un met Vladimir Putin. Kim Jong Un met Donald Trump.")
    assert len([e for e in doc.events if e.event == "CONSULT"]) == 2


def test_events_read_actor_coding_and_never_write_it(front):
    # actor countries are the entities stage's: the events stage reads them and leaves them be
    import copy

    doc = parse(front, "Russian troops attacked the town.")
    before = copy.deepcopy([e.actor for e in doc.entities])
    find_events(doc)
    ent = doc.entity(only(doc, "ASSAULT").actor[0])
    assert ent.name == "Russian" and ent.actor is not None and ent.actor.country == "RUS"
    assert [e.actor for e in doc.entities] == before


# --- the sample article, full pipeline -------------------------------------------------------

def test_sample_article_events(shared_sample_record):
    rec = shared_sample_record
    evs = rec["events"]
    types = {e["event"] for e in evs}
    assert {"CONSULT", "AGREE", "SUPPORT", "ASSAULT"} <= types
    statuses = {e["status"] for e in evs}
    assert {"asserted", "future", "negated"} <= statuses
    assert all(e["place"] is None or 0 <= e["place"] < len(rec["places"]) for e in evs)


def test_place_through_a_nested_phrase_is_the_place_of_the_event():
    """"in the Black Sea resort of Sochi": the preposition nearest the verb ("in") decides."""
    import newsgraph

    rec = newsgraph.analyze("Russian President Vladimir Putin met "
                            "Turkish President Recep Tayyip Erdogan on Monday in the Black Sea resort "
                            "of Sochi, the Kremlin said.", published="2023-09-05")
    met = [e for e in rec["events"] if e["event"] == "CONSULT"
           and rec["text"][e["trigger"]["start"]:e["trigger"]["end"]] == "met"]
    assert met and met[0]["place"] is not None
    assert rec["places"][met[0]["place"]]["name"] == "Sochi"
    assert met[0]["date"] == "2023-09-04"
