"""Events as occurrences, through the whole default pipeline: where and when an event happened,
who took part when the sentence names them only indirectly, and one event per occurrence however
often the story tells it. Every text here is written for the test; the last tests check the
events a reader expects from ../shared's sample article (skipped when it is absent).
"""
from __future__ import annotations


def analyze(nlp_pipeline, text, published="2024-03-08"):
    return nlp_pipeline.analyze_record({"id": "t", "text": text, "published": published})


def trigger(rec, ev):
    return rec["text"][ev["trigger"]["start"]:ev["trigger"]["end"]]


def names(rec, ids):
    by = {e["id"]: e["name"] for e in rec["entities"]}
    return {by[i] for i in ids}


def place_name(rec, ev):
    return None if ev["place"] is None else rec["places"][ev["place"]]["name"]


def of_type(rec, event):
    return [e for e in rec["events"] if e["event"] == event]


# --- where and when ---------------------------------------------------------------------------

def test_the_place_and_date_of_a_tour_are_those_of_the_meeting_it_is_part_of(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Indian Prime Minister Narendra Modi met French President Emmanuel "
                            "Macron on Thursday for a tour of the Guiana Space Centre in French "
                            "Guiana, officials said.")
    meet = of_type(rec, "CONSULT")
    assert len(meet) == 1, "the tour is what the meeting was for, not another event"
    assert place_name(rec, meet[0]) == "Guiana Space Centre"
    assert meet[0]["date"] == "2024-03-07"
    assert names(rec, meet[0]["actor"] + meet[0]["recipient"]) == {"Narendra Modi", "Emmanuel Macron"}


def test_the_most_specific_place_attached_wins(nlp_pipeline):
    rec = analyze(nlp_pipeline, "The two defence ministers met on Tuesday at Ramstein Air Base in "
                            "Germany to discuss air defence for Ukraine.")
    meet = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "met"]
    assert meet and place_name(rec, meet[0]) == "Ramstein Air Base"


def test_an_event_in_a_where_clause_happens_at_the_place_described(nlp_pipeline):
    rec = analyze(nlp_pipeline, "The delegation then travelled to Vladivostok, where Chinese Premier "
                            "Li Qiang will visit a shipyard on Friday.")
    visit = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visit"]
    assert visit and place_name(rec, visit[0]) == "Vladivostok"
    assert visit[0]["status"] == "future"


def test_a_meeting_on_a_border_has_the_border_as_place_not_as_recipient(nlp_pipeline):
    rec = analyze(nlp_pipeline, "The visit is Biden's first since his meeting with Chinese President "
                            "Xi Jinping at Camp David in 2015.")
    meeting = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "meeting"]
    assert meeting
    assert place_name(rec, meeting[0]) == "Camp David"
    assert meeting[0]["date"] == "2015"
    assert names(rec, meeting[0]["recipient"]) == {"Xi Jinping"}


def test_an_event_described_by_a_participle_takes_its_time_and_place(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Sources said the agreement follows a meeting between Erdogan and "
                            "Aliyev held on Monday in Baku.")
    meeting = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "meeting"]
    assert meeting and place_name(rec, meeting[0]) == "Baku"
    assert meeting[0]["date"] == "2024-03-04"


# --- who --------------------------------------------------------------------------------------

def test_a_raised_passive_subject_is_the_actor(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Brazilian President Luiz Inacio Lula da Silva is believed to have "
                            "visited Angola only once before, in 2003, "
                            "meeting President Jose Eduardo dos Santos.")
    visited = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visited"]
    assert visited and names(rec, visited[0]["actor"]) == {"Luiz Inacio Lula da Silva"}
    assert names(rec, visited[0]["recipient"]) == {"Angola"}


def test_the_subject_of_became_the_first_official_to_visit_is_the_visitor(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Japanese Foreign Minister Yoko Kamikawa became the first senior "
                            "official to visit Kyiv in January.")
    visit = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visit"]
    assert visit and names(rec, visit[0]["actor"]) == {"Yoko Kamikawa"}
    assert visit[0]["date"] == "2024-01"


def test_an_event_named_as_the_reason_for_praise_is_not_its_recipient(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Lukashenko praised the Russian army for its offensive in Ukraine.")
    praise = of_type(rec, "SUPPORT")
    assert praise and "Ukraine" not in names(rec, praise[0]["recipient"])


def test_the_speaker_is_not_one_of_the_two_leaders_he_talks_about(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Chilean President Gabriel Boric will travel to Buenos Aires to see "
                            "Javier Milei. Government spokeswoman Camila Vallejo told reporters "
                            "the two leaders would meet on Friday.")
    meet = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "meet"]
    assert meet
    people = names(rec, meet[0]["actor"] + meet[0]["recipient"])
    assert people == {"Gabriel Boric", "Javier Milei"}


def test_an_organisation_is_not_its_own_recipient_through_its_own_possessive(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Norway said it is willing to withdraw its troops from Mali.")
    assert rec["events"]
    for ev in rec["events"]:
        assert not set(ev["actor"]) & set(ev["recipient"])


# --- one event per occurrence -----------------------------------------------------------------

STORY = (
    "Ramaphosa and Tinubu meet in Abuja\n\n"
    "ABUJA (Reuters) - South African President Cyril Ramaphosa met Nigerian President Bola Tinubu "
    "in Abuja on Tuesday, the first visit by a South African leader since 2016.\n\n"
    "The talks between Tinubu and Ramaphosa focused on trade and on the crisis in the Sahel, "
    "officials said.\n\n"
    "Ramaphosa last met Tinubu's predecessor, Muhammadu Buhari, in Pretoria in 2022.\n\n"
    "At the end of the meeting, Tinubu invited Ramaphosa to a regional summit in Lagos in June. "
    "Ramaphosa accepted the invitation, his spokesman Vincent Magwenya said on Wednesday.\n\n"
    "Details of the invitation were not released.")


def test_the_talks_told_twice_are_one_event_with_two_evidence_sentences(nlp_pipeline):
    rec = analyze(nlp_pipeline, STORY, published="2024-03-06")
    meetings = [e for e in of_type(rec, "CONSULT")
                if names(rec, e["actor"] + e["recipient"]) == {"Cyril Ramaphosa", "Bola Tinubu"}
                and e["status"] in ("asserted", "reported")]
    assert len(meetings) == 1
    assert len(meetings[0]["evidence"]) >= 3  # the headline, "met", "the talks between"
    assert meetings[0]["date"] == "2024-03-05"
    assert place_name(rec, meetings[0]) == "Abuja"


def test_the_event_is_shown_by_the_telling_that_says_most(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Talks between Spanish Prime Minister Pedro Sanchez and Portuguese "
                            "Prime Minister Antonio Costa focused on water rights. Sanchez met "
                            "Costa on Monday in Lisbon, officials said.", published="2024-03-06")
    meet = [e for e in of_type(rec, "CONSULT") if len(e["evidence"]) == 2]
    assert meet and trigger(rec, meet[0]) == "met"
    assert rec["text"][meet[0]["sentence"]["start"]:].startswith("Sanchez met")


def test_an_earlier_meeting_with_its_own_date_stays_apart(nlp_pipeline):
    rec = analyze(nlp_pipeline, STORY, published="2024-03-06")
    old = [e for e in of_type(rec, "CONSULT") if e["date"] == "2022"]
    assert len(old) == 1
    assert "Muhammadu Buhari" in names(rec, old[0]["actor"] + old[0]["recipient"])
    assert place_name(rec, old[0]) == "Pretoria"


def test_the_invitation_mentioned_again_is_the_same_invitation(nlp_pipeline):
    rec = analyze(nlp_pipeline, STORY, published="2024-03-06")
    invites = of_type(rec, "REQUEST")
    assert len(invites) == 1
    assert names(rec, invites[0]["actor"]) == {"Bola Tinubu"}
    assert names(rec, invites[0]["recipient"]) == {"Cyril Ramaphosa"}
    assert len(invites[0]["evidence"]) == 2  # "invited", "Details of the invitation"


def test_an_event_asserted_and_reported_is_one_event_that_lists_its_sources(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Kenya and Ethiopia signed a border security pact on Monday. Kenya "
                            "and Ethiopia signed the pact after two days of talks, the Kenyan "
                            "foreign ministry said.", published="2024-03-06")
    pacts = [e for e in of_type(rec, "SUPPORT") if trigger(rec, e) == "signed"]
    assert len(pacts) == 1
    assert pacts[0]["status"] == "asserted" and pacts[0]["attributed_to"] is None
    assert pacts[0]["reported_by"], "the ministry that also reports it is kept"


# --- the sample article (../shared) -----------------------------------------------------------

def _sample_events(rec):
    ents = {e["id"]: e["name"] for e in rec["entities"]}
    out = []
    for e in rec["events"]:
        out.append({"event": e["event"], "trigger": trigger(rec, e), "status": e["status"],
                    "date": e["date"], "place": place_name(rec, e),
                    "who": {ents[i] for i in e["actor"] + e["recipient"]},
                    "actor": {ents[i] for i in e["actor"]}, "evidence": len(e["evidence"])})
    return out


def _find(events, event, who, **want):
    for e in events:
        if e["event"] == event and who <= e["who"] and all(e[k] == v for k, v in want.items()):
            return e
    return None


def test_sample_kim_and_putin_met_at_the_cosmodrome_on_wednesday(shared_sample_record):
    evs = _sample_events(shared_sample_record)
    met = _find(evs, "CONSULT", {"Kim Jong-un", "Vladimir Putin"}, date="2023-09-13",
                place="Vostochny Cosmodrome")
    assert met is not None and met["status"] == "asserted"
    assert met["evidence"] >= 3  # "met", "talks between Kim and Putin", "the talks ... on Wednesday"
    assert met["trigger"] == "met"  # shown by the telling that says when and where


def test_sample_invitation_and_acceptance(shared_sample_record):
    evs = _sample_events(shared_sample_record)
    invite = _find(evs, "REQUEST", {"Kim Jong-un", "Vladimir Putin"})
    assert invite is not None and invite["actor"] == {"Kim Jong-un"}
    # made at the reception that followed the tour: its time and place
    assert invite["date"] == "2023-09-13" and invite["place"] == "Vostochny Cosmodrome"
    accept = _find(evs, "AGREE", {"Vladimir Putin"})
    assert accept is not None and accept["actor"] == {"Vladimir Putin"}
    assert accept["status"] in ("reported", "asserted")
    future = _find(evs, "CONSULT", {"Vladimir Putin"}, status="future")
    assert future is not None and future["place"] == "Pyongyang"


def test_sample_historical_visits_and_meetings(shared_sample_record):
    evs = _sample_events(shared_sample_record)
    shoigu = _find(evs, "CONSULT", {"Sergei Shoigu"}, date="2023-07")
    assert shoigu is not None and shoigu["place"] == "Pyongyang"
    putin_2000 = _find(evs, "CONSULT", {"Vladimir Putin", "North Korea"})
    assert putin_2000 is not None and putin_2000["status"] in ("asserted", "reported")
    trump = _find(evs, "CONSULT", {"Kim Jong-un", "Donald Trump"}, date="2019-06")
    assert trump is not None and trump["place"] == "Korean border"


def test_sample_support_assault_warning_negation_and_plans(shared_sample_record):
    evs = _sample_events(shared_sample_record)
    praise = _find(evs, "SUPPORT", {"Kim Jong-un"}, status="asserted")
    assert praise is not None and praise["actor"] == {"Kim Jong-un"}
    assert _find(evs, "ASSAULT", {"Ukraine"}) is not None
    warning = _find(evs, "ACCUSE", {"South Korean Defense Ministry"}, date="2023-09-12")
    assert warning is not None
    assert any(e["status"] == "negated" for e in evs)
    lavrov = _find(evs, "CONSULT", {"Sergei Lavrov"}, status="future", date="2023-10")
    assert lavrov is not None and lavrov["place"] == "Pyongyang"
    factory = _find(evs, "CONSULT", {"Kim Jong-un"}, status="future", place="Komsomolsk-on-Amur")
    assert factory is not None


def test_the_body_telling_replaces_the_headline_and_the_dateline_is_no_participant(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Rivals agree to truce in Doha talks\n\n"
                            "DOHA, Qatar (Reuters) - Colombia's government and the ELN rebel group "
                            "agreed on Tuesday to a six-month ceasefire, negotiators said.",
                  published="2024-03-06")
    agree = of_type(rec, "AGREE")
    assert len(agree) == 1
    assert trigger(rec, agree[0]) == "agreed"  # the body's telling, not the headline's
    assert len(agree[0]["evidence"]) == 2
    assert agree[0]["date"] == "2024-03-05"
    assert "Qatar" not in names(rec, agree[0]["actor"] + agree[0]["recipient"])
    assert "Colombia" in names(rec, agree[0]["actor"])


def test_the_date_of_the_dateline_is_a_time_of_the_text_but_not_of_the_event(nlp_pipeline):
    rec = analyze(nlp_pipeline, "MOSCOW, Sept. 14, 2023 (Reuters) - Russian President Vladimir Putin "
                            "met North Korean leader Kim Jong Un yesterday at a space launch "
                            "centre in the Far East, the Kremlin said.", published=None)
    assert "2023-09-14" in {t["value"] for t in rec["times"]}  # read from the dateline
    met = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "met"]
    assert met and met[0]["date"] == "2023-09-13"


def test_a_participle_clause_shares_the_time_of_its_main_clause(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Lula is thought to have visited Angola only once before — in 2003, "
                            "meeting President Jose Eduardo dos Santos.")
    visited = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visited"]
    assert visited and visited[0]["date"] == "2003"


def test_a_retelling_joins_the_latest_event_it_fits_not_an_old_one(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Erdogan has visited Tehran only once before. On Tuesday Erdogan met "
                            "Iranian President Masoud Pezeshkian in Ankara. Later that evening, "
                            "Erdogan hosted a dinner.", published="2024-03-06")
    old = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visited"]
    assert old and len(old[0]["evidence"]) == 1, "the earlier visit is told once"
    today = [e for e in of_type(rec, "CONSULT") if e["date"] == "2024-03-05"]
    assert today and len(today[0]["evidence"]) == 2  # "met", "hosted a dinner"


def test_an_event_that_would_have_an_effect_has_not_happened(nlp_pipeline):
    rec = analyze(nlp_pipeline, "A visit by the pope to Kyiv would send a strong message, aides said.")
    visit = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "visit"]
    assert visit and visit[0]["status"] == "hypothetical"


def test_would_in_reported_speech_is_a_plan_elsewhere_a_condition(nlp_pipeline):
    rec = analyze(nlp_pipeline, "A government spokesman told reporters that Kenyan President William "
                            "Ruto and Ugandan President Yoweri Museveni would meet on Friday in "
                            "Kampala.", published="2024-03-06")
    meet = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "meet"]
    assert meet and meet[0]["status"] == "future"
    assert meet[0]["date"] == "2024-03-08"


def test_what_is_discussed_is_not_a_recipient(nlp_pipeline):
    rec = analyze(nlp_pipeline, "The two foreign ministers will also discuss security in the Sahel "
                            "and the war in Sudan.")
    discuss = [e for e in of_type(rec, "CONSULT") if trigger(rec, e) == "discuss"]
    assert discuss and discuss[0]["recipient"] == []


def test_a_conjoined_clause_lends_no_date(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Diplomats said the two governments had not yet agreed on the route, and "
                            "that the signing could be postponed until next month.", published="2024-03-06")
    agreed = [e for e in of_type(rec, "AGREE") if trigger(rec, e) == "agreed"]
    assert agreed and agreed[0]["status"] == "negated" and agreed[0]["date"] is None


def test_events_with_no_known_actor_are_not_merged_on_their_target_alone(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Houthi weapons depots near Hodeidah were struck on Sunday. The Houthis "
                            "also mourned the killing of two Houthi commanders.", published="2024-08-12")
    assaults = [e for e in of_type(rec, "ASSAULT")]
    assert {trigger(rec, e) for e in assaults} >= {"struck", "killing"}


def test_an_event_within_another_takes_its_time_and_place(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Modi hosted a reception for Albanese in New Delhi on Monday. At the end "
                            "of the reception, Modi invited Albanese to visit Ahmedabad.",
                  published="2024-03-06")
    invite = of_type(rec, "REQUEST")
    assert invite and invite[0]["date"] == "2024-03-04"
    assert place_name(rec, invite[0]) == "New Delhi"


def test_an_event_in_a_which_clause_happens_within_its_noun(nlp_pipeline):
    rec = analyze(nlp_pipeline, "Scholz and Macron held talks in Paris on Tuesday. Later, Macron hosted "
                            "a reception for Scholz in which Scholz invited Macron to visit Berlin.",
                  published="2024-03-06")
    invite = of_type(rec, "REQUEST")
    assert invite and invite[0]["date"] == "2024-03-05"
