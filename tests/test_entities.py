"""The entities stage: names found, one entity per actor with every mention, actors coded."""
import pytest
from conftest import NO_SHARED_SAMPLE, SHARED_SAMPLE

from newsgraph.actors import knowledge
from newsgraph.knowledge import KNOWLEDGE_DIR, read_table
from newsgraph.pipeline import Pipeline



@pytest.fixture(scope="module")
def pipe():
    return Pipeline(("clean", "language", "parse", "entities"))


def analyse(pipe, text, published="2023-09-14"):
    rec = pipe.analyze_record({"id": "t", "text": text, "published": published})
    assert rec.get("error") is None
    return rec


def entity_with(rec, surface, label=None):
    """The entity one of whose mentions is `surface`."""
    text = rec["text"]
    for ent in rec["entities"]:
        if label and ent["label"] != label:
            continue
        if any(text[m["start"]:m["end"]] == surface for m in ent["mentions"]):
            return ent
    return None


def surfaces(rec, ent, kind=None):
    return [rec["text"][m["start"]:m["end"]] for m in ent["mentions"] if kind in (None, m["kind"])]


def test_outlet_is_org_with_media_sector(pipe):
    rec = analyse(pipe, "SEOUL (Reuters) - North Korea fired two missiles on Tuesday, Yonhap "
                        "news agency reported, citing the South Korean military.\n")
    ent = entity_with(rec, "Yonhap")
    assert ent is not None and ent["label"] == "ORG"
    assert ent["actor"]["sector"] == "MED" and ent["actor"]["country"] == "KOR"


def test_state_media_coded_with_its_country(pipe):
    rec = analyse(pipe, "The talks were friendly, the Korean Central News Agency said. Rodong "
                        "Sinmun, the ruling party's newspaper, carried photographs on its front page.\n")
    assert entity_with(rec, "Rodong Sinmun")["actor"]["code"] == "PRKMED"
    assert entity_with(rec, "Korean Central News Agency")["actor"]["code"] == "PRKMED"


def test_dprk_north_korea_and_full_name_are_one_entity(pipe):
    rec = analyse(pipe, "North Korea tested a missile on Monday. The Democratic People's Republic "
                        "of Korea said the launch was routine, and the DPRK warned it would do more.\n")
    ent = entity_with(rec, "North Korea")
    assert ent["label"] == "GPE" and ent["actor"]["code"] == "PRKGOV"
    names = surfaces(rec, ent, "name")
    assert "DPRK" in names and "Democratic People's Republic of Korea" in names


def test_un_acronym_joins_united_nations(pipe):
    rec = analyse(pipe, "The United Nations called for calm. A U.N. spokesman said the UN would "
                        "send observers.\n")
    ent = entity_with(rec, "United Nations")
    assert {"U.N.", "UN"} <= set(surfaces(rec, ent))
    assert ent["actor"]["sector"] == "IGO"


def test_relatives_stay_apart_and_surname_joins_the_salient_one(pipe):
    rec = analyse(pipe, "Kim Jong-un arrived in Russia on Tuesday. Kim met Russian officials at the "
                        "station. His father Kim Jong-il travelled the same route in 2001. Kim Jong Un "
                        "later toured a factory, and Kim praised the workers.\n")
    un, il = entity_with(rec, "Kim Jong-un"), entity_with(rec, "Kim Jong-il")
    assert un is not None and il is not None and un["id"] != il["id"]
    assert "Kim Jong Un" in surfaces(rec, un) and surfaces(rec, un).count("Kim") == 2
    assert surfaces(rec, il) == ["Kim Jong-il"]


def test_pre_name_title_codes_country_and_sector(pipe):
    rec = analyse(pipe, "Russian Defense Minister Sergei Shoigu visited Pyongyang in July, "
                        "and Shoigu met army generals there.\n")
    ent = entity_with(rec, "Sergei Shoigu")
    assert "Shoigu" in surfaces(rec, ent)
    assert ent["actor"]["country"] == "RUS" and ent["actor"]["sector"] == "MIL"
    assert "Defense" not in [rec["text"][m["start"]:m["end"]] for e in rec["entities"]
                             for m in e["mentions"] if e["label"] == "ORG"]


def test_government_body_with_its_state_and_a_nominal(pipe):
    rec = analyse(pipe, "The South Korean Defense Ministry said it was watching closely. The "
                        "ministry added that an arms deal was possible.\n")
    body = entity_with(rec, "Defense Ministry", "ORG")
    assert body is not None and body["actor"]["code"] == "KORMIL"
    assert "South Korean" in body["name"]
    assert "The ministry" in surfaces(rec, body, "nominal")
    assert entity_with(rec, "South Korean")["label"] == "NORP"


def test_kremlin_and_capital_as_actors(pipe):
    rec = analyse(pipe, "The Kremlin declined to comment. Moscow warned Washington against new "
                        "sanctions.\n")
    assert entity_with(rec, "Kremlin")["actor"]["code"] == "RUSGOV"
    moscow = entity_with(rec, "Moscow")
    assert moscow["label"] == "GPE" and moscow["actor"]["code"] == "RUSGOV"


def test_leaders_table_takes_the_term_on_the_article_date(pipe):
    text = "Vladimir Putin met the governor in Sochi on Friday.\n"
    then = entity_with(analyse(pipe, text, "2010-06-01"), "Vladimir Putin")["actor"]
    now = entity_with(analyse(pipe, text, "2023-09-14"), "Vladimir Putin")["actor"]
    assert then["code"] == now["code"] == "RUSGOV"
    assert "Prime Minister" in then["role"] and "President" in now["role"]


def test_speaker_pronoun_and_role_nominal(pipe):
    rec = analyse(pipe, "Vladimir Putin hosted a dinner for the delegation. \"It was useful,\" he "
                      "said. The Russian leader then left for Moscow.\n")
    ent = entity_with(rec, "Vladimir Putin")
    assert surfaces(rec, ent, "pronoun") == ["he"]
    assert surfaces(rec, ent, "nominal") == ["The Russian leader"]


def test_role_nominal_goes_to_the_person_whose_role_it_names(pipe):
    rec = analyse(pipe, "European Commission President Ursula von der Leyen met Hungarian Prime "
                        "Minister Viktor Orban in Brussels on Friday. Von der Leyen said the talks "
                        "were frank. Von der Leyen added that the prime minister had raised the "
                        "frozen funds.\n")
    ent = entity_with(rec, "Viktor Orban")
    assert "the prime minister" in surfaces(rec, ent, "nominal")
    assert "the prime minister" not in surfaces(rec, entity_with(rec, "Ursula von der Leyen") or
                                                {"mentions": []}, "nominal")


def test_a_leader_nominal_is_never_the_spokesman(pipe):
    rec = analyse(pipe, "Kremlin spokesman Dmitry Peskov spoke to reporters about the summit twice "
                        "on Monday. Peskov said Vladimir Putin would attend. The last Russian leader "
                        "to visit Hanoi was Putin himself.\n")
    peskov = entity_with(rec, "Dmitry Peskov")
    assert "The last Russian leader" not in surfaces(rec, peskov, "nominal")


def test_caps_headline_country_and_no_leading_the(pipe):
    rec = analyse(pipe, "SOCCER - GERMANY BEAT ARMENIA IN QUALIFIER\nBERLIN 1996-09-01\nGermany "
                        "beat Armenia 5-1 in Berlin on Sunday, while the United States lost.\n")
    assert surfaces(rec, entity_with(rec, "GERMANY")).count("Germany") == 1
    assert entity_with(rec, "United States")["label"] == "GPE"
    assert entity_with(rec, "the United States") is None


def test_surname_alone_keeps_the_person_type(pipe):
    rec = analyse(pipe, "Dissident Wang Donghai was arrested in Hangzhou on Friday. Police said "
                        "Wang had written a letter. Wang denied the charge, a friend said.\n")
    ent = entity_with(rec, "Wang Donghai")
    assert ent["label"] == "PERSON" and surfaces(rec, ent).count("Wang") == 2


def test_sports_city_team_is_org(pipe):
    rec = analyse(pipe, "BASEBALL - RESULTS\nNEW YORK 1996-08-30\nResults of games on Friday:\n"
                        "Houston 5 Atlanta 3\nChicago 2 Colorado 1\n")
    assert entity_with(rec, "Houston")["label"] == "ORG"


def test_knowledge_tables_have_sources_and_size():
    for name in ("outlets.tsv", "igos.tsv", "bodies.tsv", "leaders.tsv", "roles.tsv",
                 "countries.tsv"):
        text = (KNOWLEDGE_DIR / name).read_text(encoding="utf-8")
        assert text.splitlines()[0].startswith("#") and "ource" in text[:600]
    assert len(read_table("outlets.tsv", knowledge.OUTLET_COLUMNS)) >= 300
    kb = knowledge.load()
    assert kb.country_of("South Korean") == "KOR" and kb.country_of("DPRK") == "PRK"


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason=NO_SHARED_SAMPLE)
def test_sample_article_actors(pipe):
    rec = analyse(pipe, SHARED_SAMPLE.read_text(encoding="utf-8"))
    want = {"Kim Jong-un": "PRKGOV", "Vladimir Putin": "RUSGOV", "Dmitry Peskov": "RUSGOV",
            "Sergei Lavrov": "RUSGOV", "Jeon Ha-kyou": "KORMIL", "Volodymyr Zelensky": "UKRGOV",
            "Rodong Sinmun": "PRKMED", "Tass": "RUSMED", "Yonhap": "KORMED", "Kremlin": "RUSGOV"}
    for surface, code in want.items():
        ent = entity_with(rec, surface)
        assert ent is not None and ent["actor"]["code"] == code, surface
    assert entity_with(rec, "Sergei Shoigu")["actor"]["code"] in ("RUSMIL", "RUSGOV")
    assert entity_with(rec, "Donald Trump")["actor"]["country"] == "USA"
    kim = entity_with(rec, "Kim Jong-un")
    assert {"Kim", "Kim Jong Un"} <= set(surfaces(rec, kim))
    assert entity_with(rec, "Kim Jong-il")["id"] != kim["id"]
    korea = entity_with(rec, "North Korea")
    assert "DPRK" in surfaces(rec, korea)
    assert entity_with(rec, "Rodong Sinmun")["label"] == "ORG"
    for s in ("Kremlin", "Putin", "Peskov"):  # every mention so spelled is of one entity
        holders = {e["id"] for e in rec["entities"] if s in surfaces(rec, e)}
        assert len(holders) == 1, (s, holders)
    assert entity_with(rec, "Putin")["id"] == entity_with(rec, "Vladimir Putin")["id"]


def test_an_outlet_named_like_an_everyday_phrase_needs_spacy_to_find_it(pipe):
    # "The National" (a paper in Abu Dhabi) is a weak name as a whole: the start of "The
    # National Weather Service" is not that paper
    rec = analyse(pipe, "The National Weather Service warned on Monday that heavy rain would "
                        "flood roads across the county, the agency said.\n")
    assert not any((e.get("actor") or {}).get("code") == "AREMED" for e in rec["entities"])
    kb = knowledge.load()
    assert [k.weak for k in kb.lookup("The National")] == [True]
    assert not kb.lookup("the") and not kb.lookup("hindu")  # no word of a weak name alone
    assert [k.weak for k in kb.lookup("Reuters")] == [False]


def test_state_names_demonyms_capitals_and_seats_of_government():
    from newsgraph.actors.coding import country_of_name
    kb = knowledge.load()
    assert country_of_name(kb, "the Kremlin") == "RUS"
    assert country_of_name(kb, "Palestinians") == "PSE"
    assert country_of_name(kb, "Seoul") == "KOR"
    assert country_of_name(kb, "Moscow's") == "RUS"
    assert country_of_name(kb, "Jordan Peterson") is None


def test_one_country_table_serves_every_layer():
    # the events layer's former country table is merged here: a single source of country names
    assert not (KNOWLEDGE_DIR / "countries_actors.tsv").exists()
    kb = knowledge.load()
    assert kb.country_of("Rumanian") == "ROU" and kb.country_of("Gaza Strip") == "PSE"


@pytest.mark.parametrize("text,surface,country,sector", [
    ("Russian troops attacked the town on Monday.\n", "Russian", "RUS", "MIL"),
    ("The French government rejected the plan on Monday.\n", "French", "FRA", "GOV"),
    ("Israeli Prime Minister Benjamin Netanyahu visited Cairo.\n", "Benjamin Netanyahu", "ISR", "GOV"),
    ("Palestinian militants fired rockets from Gaza overnight.\n", "Palestinian", "PSE", "REB"),
])
def test_state_of_group_nouns_and_titled_people(pipe, text, surface, country, sector):
    ent = entity_with(analyse(pipe, text), surface)
    assert ent is not None and ent["actor"]["country"] == country and ent["actor"]["sector"] == sector


def test_international_body_gets_no_country_from_its_name(pipe):
    rec = analyse(pipe, "The Organization of American States met in Washington on Monday.\n")
    ent = entity_with(rec, "Organization of American States")
    assert ent is not None and ent["label"] == "ORG"
    assert ent.get("actor") is None or not ent["actor"].get("country")


def test_territory_keeps_its_name_and_gets_its_state(pipe):
    rec = analyse(pipe, "Israel will withdraw its settlers from the Gaza Strip, officials said on "
                        "Sunday, while the West Bank stays under military rule.\n")
    gaza = entity_with(rec, "Gaza Strip")
    assert gaza["name"] == "Gaza Strip" and gaza["actor"]["country"] == "PSE"
    assert entity_with(rec, "West Bank")["id"] != gaza["id"]


def test_county_cricket_teams_are_org_in_a_sports_report(pipe):
    rec = analyse(pipe, "CRICKET - ENGLISH COUNTY CHAMPIONSHIP.\nLONDON 1997-06-12\nGraham Thorpe "
                        "hit a century on Thursday as Surrey beat Kent by six wickets, while "
                        "Yorkshire drew with Sussex at Scarborough.\n")
    for team in ("Surrey", "Kent", "Yorkshire"):
        ent = entity_with(rec, team)
        assert ent is not None and ent["label"] == "ORG", team


def _label(rec, surface):
    ent = entity_with(rec, surface)
    return ent["label"] if ent is not None else None


def test_standings_rows_name_teams_even_when_spacy_reads_a_person(pipe):
    rec = analyse(pipe, "SOCCER - NORTHERN LEAGUE STANDINGS .\nLEEDS 1997-03-02\n"
                        "Standings after Saturday 's matches ( tabulate under played , won , drawn , "
                        "lost , goals for , against , points ) :\n"
                        "Bradford 5 4 1 0 11 3 13\nGreenock Morton 5 3 1 1 8 4 10\n"
                        "Queen 's Park 5 2 2 1 7 6 8\nHALIFAX 5 0 1 4 2 12 1\n")
    for team in ("Bradford", "Greenock Morton", "Queen 's Park", "HALIFAX"):
        assert _label(rec, team) == "ORG", team


def test_score_lines_split_into_two_teams(pipe):
    text = ("SOCCER - WEEKEND RESULTS .\nLONDON 1997-03-02\nResults of matches on Saturday :\n"
            "Norwich 1 Wolverhampton 0\nPort Vale 2 Oxford 0\n"
            "Postponed : Walsall v Wrexham , Crewe v Luton\n")
    rec = analyse(pipe, text)
    for team in ("Norwich", "Wolverhampton", "Port Vale", "Oxford", "Walsall", "Wrexham", "Crewe", "Luton"):
        assert _label(rec, team) == "ORG", team
    spans = {text[m["start"]:m["end"]] for e in rec["entities"] for m in e["mentions"]}
    assert not any(any(c.isdigit() for c in s) for s in spans)  # no "Norwich 1 Wolverhampton"


def test_national_team_in_a_score_line_stays_a_place(pipe):
    rec = analyse(pipe, "SOCCER - WORLD CUP QUALIFIERS .\nPARIS 1997-03-02\nResults :\n"
                        "France 2 Wales 0\nItaly 1 Greece 1\nSpain 3 Chelsea 1\n")
    assert _label(rec, "France") == "GPE" and _label(rec, "Italy") == "GPE"


def test_golf_rounds_after_a_name_keep_the_player_a_person(pipe):
    rec = analyse(pipe, "GOLF - MASTERS FINAL SCORES .\nAUGUSTA , Georgia 1997-04-13\n"
                        "Final scores on Sunday :\n"
                        "270 Tiger Woods 70 66 65 69 , Tom Kite 77 69 66 70\n"
                        "Colin Montgomerie 72 67 74 72\n")
    assert _label(rec, "Tiger Woods") != "ORG" and _label(rec, "Tom Kite") != "ORG"
    assert _label(rec, "Colin Montgomerie") == "PERSON"


def test_dateline_names_are_places_in_a_sports_report(pipe):
    rec = analyse(pipe, "BASEBALL - RESULTS .\nMILWAUKEE , Wisconsin 1997-05-02\nResults on Friday :\n"
                        "MILWAUKEE 5 Boston 3\nDetroit 2 Toronto 1\nSeattle 4 Oakland 0\n")
    text = rec["text"]
    dateline = text.index("MILWAUKEE")
    labels = {e["label"] for e in rec["entities"] for m in e["mentions"] if m["start"] == dateline}
    assert labels == {"GPE"}
    assert _label(rec, "Boston") == "ORG"


def test_company_suffix_makes_one_firm(pipe):
    rec = analyse(pipe, "Tokyo-based Apic Yamada Corp said on Friday its profit rose. Shares of "
                        "Douglas & Lomason Co gained, and mine managers Gold Fields of South Africa Ltd "
                        "said output fell.\n")
    for firm in ("Apic Yamada Corp", "Douglas & Lomason Co", "Gold Fields of South Africa Ltd"):
        assert _label(rec, firm) == "ORG", firm


def test_company_suffix_does_not_swallow_a_person_or_a_description(pipe):
    text = ("\"Rates will stay low,\" said economist Lynn Reaser of Barnett Banks Inc. in "
            "Jacksonville. Ohio-based KeyCorp and Texas-based Acme Widget Holdings Inc. agreed.\n")
    rec = analyse(pipe, text)
    assert _label(rec, "Barnett Banks Inc.") == "ORG"
    assert _label(rec, "Lynn Reaser") == "PERSON"
    assert _label(rec, "Acme Widget Holdings Inc.") == "ORG"


def test_firm_stem_takes_the_firm_label(pipe):
    rec = analyse(pipe, "Apic Yamada - profit forecast .\nTOKYO 1997-03-02\n"
                        "NOTE - Apic Yamada Corp makes semiconductor leadframes .\n")
    assert _label(rec, "Apic Yamada") == "ORG"


def test_an_unplaced_head_of_state_gets_the_country_the_story_is_set_in(pipe):
    rec = analyse(pipe, "President Patrice Talon extended the curfew in Cotonou on Sunday after "
                        "unrest in the city.\n")
    assert entity_with(rec, "Patrice Talon")["actor"]["country"] == "BEN"


def test_no_home_country_from_a_target_nor_for_a_spokesman(pipe):
    rec = analyse(pipe, "President Bush threatened further action against Russia on Tuesday.\n")
    assert not (entity_with(rec, "Bush")["actor"] or {}).get("country")
    rec = analyse(pipe, "Sudan's army accepted the truce in Khartoum. Sudan's generals must now "
                        "stop the fighting in Sudan, spokesman Matthew Miller said.\n")
    assert not (entity_with(rec, "Matthew Miller")["actor"] or {}).get("country")


def test_a_common_word_outlet_confirms_a_name_spacy_found(pipe):
    rec = analyse(pipe, "The AP reported on Monday that the talks had failed.\n")
    ent = entity_with(rec, "AP")
    assert ent["label"] == "ORG" and ent["actor"]["code"] == "USAMED"


def test_a_surname_with_the_title_of_the_leader_in_office_is_that_leader(pipe):
    rec = analyse(pipe, "Moroccan diplomats met President Obama in Washington on Tuesday.\n",
                  published="2010-05-04")
    assert entity_with(rec, "Obama")["actor"]["country"] == "USA"
