"""Places: the offline gazetteer, toponym detection, disambiguation, the stage and the map.

The gazetteer file is built once per machine (about 10 s) in the cache directory; these tests
use the same file as the command line does.
"""
from __future__ import annotations

import multiprocessing
import os
import re

import pytest

from newsgraph.pipeline import DEFAULT_STAGES, Pipeline, stage_spec
from newsgraph.places.detect import Toponym
from newsgraph.places.gazetteer import Gazetteer, default_gazetteer, ensure_built, name_key
from newsgraph.places.map import render_map
from newsgraph.places.resolve import km, resolve_all

STAGES = DEFAULT_STAGES[:DEFAULT_STAGES.index("places") + 1]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    ensure_built()
    return default_gazetteer()


@pytest.fixture(scope="module")
def places_pipeline() -> Pipeline:
    return Pipeline(STAGES)


def places_of(places_pipeline, text: str) -> list[dict]:
    record = places_pipeline.analyze_record({"id": "t", "text": text, "published": "2023-09-14"})
    assert "error" not in record, record.get("error")
    for p in record["places"]:
        assert record["text"][p["start"]:p["end"]] == p["name"] or " " in p["name"]
    return record["places"]


def place(places: list[dict], name: str) -> dict:
    found = [p for p in places if p["name"] == name]
    assert found, f"{name!r} not among {[p['name'] for p in places]}"
    return found[0]


def near(p: dict, lat: float, lon: float, within_km: float = 100) -> bool:
    return p["lat"] is not None and km(p["lat"], p["lon"], lat, lon) <= within_km


# --- the gazetteer ---------------------------------------------------------------------------

def test_name_key_folds_case_accents_hyphens_and_periods():
    assert name_key("Komsomolsk-on-Amur") == "komsomolsk on amur"
    assert name_key("U.S.") == "us"
    assert name_key("Québec") == "quebec"
    assert name_key("Côte d’Ivoire") == "cote divoire"


def test_gazetteer_knows_cities_regions_states_and_facilities(gaz):
    (komsomolsk,) = [c for c in gaz.find("Komsomolsk-on-Amur") if c.primary]
    assert komsomolsk.country_code == "RU" and komsomolsk.geonameid == 2021851
    assert any(c.kind == "admin1" and c.country_code == "RU" for c in gaz.find("Amur region"))
    assert any(c.kind == "admin1" and c.admin1 == "IL" for c in gaz.find("Ill."))
    (vostochny,) = gaz.find("Vostochny Cosmodrome")
    assert vostochny.kind == "facility" and abs(vostochny.lat - 51.88) < 0.1
    assert len(gaz.find("Springfield")) > 10


def test_gazetteer_counties_carry_their_state(gaz):
    (rapides,) = gaz.find("Rapides Parish")
    assert (rapides.kind, rapides.country_code, rapides.admin1) == ("county", "US", "LA")


def _child_lookup(_):
    g = default_gazetteer()
    con = g.connection()
    return con.execute("SELECT count(*) FROM place").fetchone()[0], g._pid, os.getpid(), id(con)


def test_a_forked_worker_opens_its_own_connection(gaz):
    parent_con = gaz.connection()  # the parent has a connection open
    with multiprocessing.get_context("fork").Pool(1) as pool:
        count, conn_pid, child_pid, _ = pool.map(_child_lookup, [0])[0]
    assert count > 200_000
    assert conn_pid == child_pid != os.getpid()
    assert gaz.connection() is parent_con  # the parent keeps its own


# --- resolution on its own --------------------------------------------------------------------

def _top(text: str, start: int = 0, **kw) -> Toponym:
    return Toponym(start, start + len(text), text, name_key(text), "spacy", **kw)


def test_x_comma_y_picks_the_place_inside_the_state(gaz):
    x, y = _top("Alexandria", 0, qualifier=1), _top("La.", 12)
    res = resolve_all([x, y], gaz)
    assert res[0].candidate.admin1 == "LA" and res[1].candidate.name == "Louisiana"
    x, y = _top("Alexandria", 0, qualifier=1), _top("Va.", 12)
    assert resolve_all([x, y], gaz)[0].candidate.admin1 == "VA"


def test_a_name_the_gazetteer_does_not_know_stays_unresolved(gaz):
    assert resolve_all([_top("Kelleyland")], gaz) == [None]


def test_the_articles_state_decides_between_namesakes(gaz):
    tops = [_top("Atlanta"), _top("Georgia", 20), _top("Athens", 40)]
    athens = resolve_all(tops, gaz)[2].candidate
    assert (athens.country_code, athens.admin1) == ("US", "GA")
    tops = [_top("Greece"), _top("Athens", 40)]
    assert resolve_all(tops, gaz)[1].candidate.country_code == "GR"


def test_georgia_is_the_state_in_us_news_and_the_country_next_to_russia(gaz):
    us = resolve_all([_top("Ohio"), _top("Texas", 10), _top("Georgia", 20)], gaz)[2]
    assert us.candidate.kind == "admin1" and us.candidate.country_code == "US"
    caucasus = resolve_all([_top("Russia"), _top("Tbilisi", 10), _top("Georgia", 20)], gaz)[2]
    assert caucasus.candidate.kind == "country" and caucasus.candidate.country_code == "GE"


# --- the stage on short wire-style texts ------------------------------------------------------

def test_the_stage_runs_after_the_entities_it_links_places_to():
    assert DEFAULT_STAGES.index("places") > DEFAULT_STAGES.index("entities")
    assert "entities" in stage_spec("places").requires


def test_international_story_resolves_every_place(places_pipeline):
    text = ("Kim arrives in Russia for talks with Putin\n\n"
            "North Korean leader Kim Jong Un met Russian President Vladimir Putin on Wednesday "
            "at the Vostochny Cosmodrome in the far-eastern region of Amur, Russian state media "
            "reported. Kim later headed by train to the city of Komsomolsk-on-Amur, where he "
            "is expected to visit an aircraft factory, before a stop in Vladivostok. "
            "Moscow and Pyongyang have denied any arms deal.")
    places = places_of(places_pipeline, text)
    assert near(place(places, "Vostochny Cosmodrome"), 51.88, 128.33, 10)
    amur = place(places, "Amur")
    assert amur["feature_code"] == "ADM1" and near(amur, 53.5, 127.5, 300)
    assert near(place(places, "Komsomolsk-on-Amur"), 50.55, 137.01, 10)
    assert near(place(places, "Vladivostok"), 43.1, 131.9, 20)
    moscow = place(places, "Moscow")  # used for the government, still the place
    assert moscow["country_code"] == "RU" and moscow["feature_code"] == "PPLC"
    assert near(place(places, "Pyongyang"), 39.03, 125.75, 20)
    assert place(places, "Russia")["country_code"] == "RU"


def test_demonyms_are_not_places(places_pipeline):
    text = ("Officials meet on trade\n\nRussian officials and North Korean diplomats met "
            "American and Chinese envoys in Geneva on Tuesday.")
    places = places_of(places_pipeline, text)
    names = {p["name"] for p in places}
    assert not names & {"Russian", "North Korean", "American", "Chinese"}
    assert place(places, "Geneva")["country_code"] == "CH"


def test_local_us_story_uses_state_abbreviations(places_pipeline):
    text = ("Woman charged in fire\n\nALEXANDRIA — A woman from Pineville was arrested Friday, "
            "the Rapides Parish Sheriff's Office said. She was later moved to a jail in "
            "Springfield, Ill., where she faces other charges.")
    places = places_of(places_pipeline, text)
    assert near(place(places, "ALEXANDRIA"), 31.31, -92.45, 50)
    assert near(place(places, "Springfield"), 39.80, -89.64, 30)
    assert place(places, "Ill.")["feature_code"] == "ADM1"
    rapides = place(places, "Rapides Parish")
    assert rapides["feature_code"] == "ADM2" and near(rapides, 31.2, -92.5, 161)


def test_places_link_to_the_entity_they_overlap(places_pipeline):
    text = "Floods hit Ohio\n\nHeavy rain flooded towns across Ohio on Monday, officials said."
    record = places_pipeline.analyze_record({"id": "t", "text": text})
    ohio = [p for p in record["places"] if p["name"] == "Ohio"]
    assert ohio
    for p in ohio:
        if p["entity"] is not None:
            ent = next(e for e in record["entities"] if e["id"] == p["entity"])
            assert any(m["start"] < p["end"] and p["start"] < m["end"] for m in ent["mentions"])
    assert any(p["entity"] is not None for p in ohio)


# --- the map ----------------------------------------------------------------------------------

def test_map_is_self_contained_and_escaped():
    record = {"id": "d", "title": "A <b>story</b>", "places": [
        {"name": "Pyongyang", "lat": 39.03, "lon": 125.75, "country_code": "KP"},
        {"name": "Nowhere <x>", "lat": None, "lon": None}]}
    page = render_map(record)
    assert "<svg" in page and "Pyongyang" in page
    assert "<b>story" not in page and "&lt;x&gt;" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", page)  # nothing fetched
    assert "<script" not in page


# --- the article's context, name by name ------------------------------------------------------

def test_a_bare_washington_is_the_capital_unless_the_article_is_in_the_state(gaz):
    (dc,) = resolve_all([_top("Washington")], gaz)
    assert dc.candidate.feature_code == "PPLC" and dc.candidate.country_code == "US"
    state = resolve_all([_top("Seattle"), _top("Spokane", 10), _top("Washington", 20)], gaz)[2]
    assert state.candidate.kind == "admin1" and state.candidate.admin1 == "WA"


def test_a_state_abbreviation_is_not_a_country_code(gaz):
    x, y = _top("Evansville", 0, qualifier=1), _top("Ind.", 12)
    res = resolve_all([x, y], gaz)
    assert res[1].candidate.admin1 == "IN" and res[1].candidate.kind == "admin1"
    assert res[0].candidate.admin1 == "IN"
    (india,) = resolve_all([_top("IND")], gaz)  # written as a code, it is one
    assert india.candidate.country_code == "IN" and india.candidate.kind == "country"


def test_a_lone_small_namesake_abroad_does_not_move_the_article(gaz):
    res = resolve_all([_top("Charleston"), _top("Hampton Park", 20), _top("Charleston", 40)], gaz)
    assert all(r.candidate.country_code == "US" for r in (res[0], res[2]))


def test_a_name_repeated_often_votes_once(gaz):
    """Five "Avondale"s (a short form of Avondale Estates, Georgia) must not outvote the
    rest of the article."""
    tops = [_top("Decatur"), _top("Avondale Estates", 20), _top("DeKalb County", 40)]
    tops += [_top("Avondale", 60 + 20 * k) for k in range(5)]
    res = resolve_all(tops, gaz)
    assert (res[0].candidate.country_code, res[0].candidate.admin1) == ("US", "GA")
    assert all(r.candidate.name == "Avondale Estates" for r in res[3:])


def test_unknown_names_are_reported_only_when_the_text_says_they_are_places(places_pipeline):
    text = ("River rises\n\nThe Naugatuck River rose two feet overnight, officials in "
            "Waterbury said. Gov. Pawlenty and Smithers met residents.")
    places = places_of(places_pipeline, text)
    names = {p["name"] for p in places}
    assert "Naugatuck River" in names  # unresolved, but a river by its name
    assert place(places, "Waterbury")["lat"] is not None
    assert all(p["lat"] is not None or p["name"] == "Naugatuck River" for p in places)


def test_a_list_of_counties_names_counties(places_pipeline):
    text = ("Snow closes schools\n\nSchools in Jackson and Barrow counties closed Monday as "
            "snow fell across northeast Georgia, officials in Athens said.")
    places = places_of(places_pipeline, text)
    for name in ("Jackson", "Barrow"):
        county = place(places, name)
        assert county["feature_code"] == "ADM2" and near(county, 33.5, -83.5, 200), county
    assert near(place(places, "Athens"), 33.96, -83.38, 30)


# --- curated sites whatever spaCy labels them; modern and former spellings of cities ----------

def test_a_curated_site_is_a_place_even_when_spacy_calls_it_an_event(places_pipeline):
    text = ("SEOUL, March 8 (Reuters) - The visit is Moon's first since his meeting with "
            "Chinese President Xi Jinping at the Korean Demilitarized Zone in 2018.")
    dmz = place(places_of(places_pipeline, text), "Korean Demilitarized Zone")
    assert dmz["country_code"] == "KR" and near(dmz, 38.0, 127.0, 30), dmz


@pytest.mark.parametrize("who", ["Chinese President Xi Jinping", "officials",
                                 "South Korean President Moon Jae-in"])
def test_a_curated_single_word_after_at_is_a_place_whatever_its_label(places_pipeline, who):
    text = f"The visit is the first since his meeting with {who} at Panmunjom in 2018."
    site = place(places_of(places_pipeline, text), "Panmunjom")
    assert site["country_code"] == "KR" and near(site, 37.956, 126.677, 10), site


def test_a_curated_alias_after_at_the_is_a_place(places_pipeline):
    text = "Pompeo met North Korean officials at the DMZ on Sunday, the State Department said."
    dmz = place(places_of(places_pipeline, text), "DMZ")
    assert dmz["country_code"] == "KR" and dmz["feature_code"] == "ZN"
    text = "Satellite images show new construction at Yongbyon, analysts said on Tuesday."
    site = place(places_of(places_pipeline, text), "Yongbyon")
    assert site["country_code"] == "KP" and near(site, 39.8, 125.75, 20), site


def test_a_curated_name_inside_a_longer_name_is_not_a_place(places_pipeline):
    text = ("The two leaders signed the Panmunjom Declaration in April 2018, pledging to "
            "work toward ending hostilities.")
    assert [p["name"] for p in places_of(places_pipeline, text)] == []


def test_a_well_known_city_misread_as_an_organisation_after_in_is_a_place(places_pipeline):
    text = "The delegation arrived in Ulaanbaatar on Tuesday for two days of talks."
    ub = place(places_of(places_pipeline, text), "Ulaanbaatar")
    assert (ub["country_code"], ub["feature_code"]) == ("MN", "PPLC")
    assert near(ub, 47.92, 106.92, 20), ub


@pytest.mark.parametrize("spelling, cc, lat, lon", [
    ("Ulaanbaatar", "MN", 47.92, 106.92), ("Ulan Bator", "MN", 47.92, 106.92),
    ("Nur-Sultan", "KZ", 51.18, 71.45), ("Astana", "KZ", 51.18, 71.45),
    ("Kiev", "UA", 50.45, 30.52), ("Kishinev", "MD", 47.0, 28.86),
    ("Naypyidaw", "MM", 19.75, 96.1), ("Peking", "CN", 39.9, 116.4),
    ("Ashkhabad", "TM", 37.95, 58.38), ("Tiflis", "GE", 41.72, 44.79),
])
def test_capitals_resolve_to_the_capital_under_their_english_spellings(gaz, spelling, cc, lat,
                                                                       lon):
    (res,) = resolve_all([_top(spelling)], gaz)
    c = res.candidate
    assert (c.country_code, c.feature_code, c.primary) == (cc, "PPLC", True), c
    assert km(c.lat, c.lon, lat, lon) < 30


@pytest.mark.parametrize("spelling, cc, lat, lon", [
    ("Bombay", "IN", 19.07, 72.88), ("Calcutta", "IN", 22.57, 88.36),
    ("Madras", "IN", 13.08, 80.27), ("Rangoon", "MM", 16.8, 96.16),
    ("Saigon", "VN", 10.82, 106.63), ("Alma-Ata", "KZ", 43.25, 76.92),
    ("Zaporizhzhia", "UA", 47.84, 35.14), ("Mykolaiv", "UA", 46.97, 32.0),
    ("Hodeidah", "YE", 14.8, 42.95), ("Basra", "IQ", 30.51, 47.81),
])
def test_former_and_modern_spellings_of_well_known_cities_resolve(gaz, spelling, cc, lat, lon):
    (res,) = resolve_all([_top(spelling)], gaz)
    assert res.candidate.country_code == cc and res.candidate.primary, res.candidate
    assert km(res.lat, res.lon, lat, lon) < 30


def test_odessa_in_a_ukraine_story_and_odessa_in_a_texas_story(places_pipeline):
    text = ("KYIV, Ukraine (AP) - Russian drones struck targets in Odessa and Zaporizhzhia "
            "overnight, Ukrainian officials said on Friday.")
    places = places_of(places_pipeline, text)
    assert near(place(places, "Odessa"), 46.48, 30.73, 30)
    assert near(place(places, "Zaporizhzhia"), 47.84, 35.14, 30)
    text = ("MIDLAND, Texas (AP) - Oil workers from Midland and Odessa, Texas, rallied on "
            "Saturday against the new drilling rules.")
    assert near(place(places_of(places_pipeline, text), "Odessa"), 31.85, -102.37, 30)


def test_every_curated_city_alias_names_its_city(gaz):
    from newsgraph.places.gazetteer import city_aliases

    aliases = city_aliases()
    assert len(aliases) >= 50
    for gid, names in aliases.items():
        for n in names:
            assert any(c.geonameid == gid and c.primary for c in gaz.find(n)), (gid, n)


def test_letters_without_a_decomposition_fold_to_their_base_letter(gaz):
    assert name_key("Wrocław") == name_key("Wroclaw") == "wroclaw"
    assert name_key("Tromsø") == "tromso"
    assert any(c.country_code == "PL" and c.primary for c in gaz.find("Lodz"))


def test_every_country_with_its_capital_in_the_data_has_one_pplc(gaz):
    rows = gaz.connection().execute(
        "SELECT cc, count(*) FROM place WHERE fcode = 'PPLC' GROUP BY cc").fetchall()
    assert all(n == 1 for _, n in rows)
    assert len(rows) >= 240  # 252 countries; a few capitals are missing from cities500
    assert {"MN", "KZ", "MO"} <= {cc for cc, _ in rows}


def test_editing_a_knowledge_table_rebuilds_the_gazetteer(monkeypatch, tmp_path):
    import shutil

    from newsgraph import knowledge
    from newsgraph.places import gazetteer

    before, path_before = gazetteer.source_digest(), gazetteer.gazetteer_path()
    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, copy)
    with open(copy / "city_aliases.tsv", "a", encoding="utf-8") as f:
        f.write("Kyiv\tUA\t703448\tKyyiv City\ttest\n")
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)  # the tables read from the copy
    assert gazetteer.source_digest() != before
    assert gazetteer.gazetteer_path() != path_before  # a new file: built from the edited table


from newsgraph.places.locale import us_local_weight  # noqa: E402

US_LOCAL = ("The Athens Police Department arrested a 33-year-old man Tuesday. Bond was set at "
            "$2,000. Anyone with information may call 555-675-5454, Fire Chief Tom Reyes said. "
            "The Henderson County Sheriff's Office assisted.")
WIRE = ("ATHENS (Reuters) - Greek ministers met European Union officials in Athens on Monday "
        "to discuss the budget, the finance ministry said in a statement.")


def test_us_local_wording_votes_for_the_united_states_and_wire_copy_does_not():
    assert us_local_weight(US_LOCAL) >= 1.0
    assert us_local_weight(WIRE) == 0.0


def test_a_us_local_story_keeps_a_bare_athens_at_home(gaz):
    (abroad,) = resolve_all([_top("Athens")], gaz)
    assert abroad.candidate.country_code == "GR"
    (home,) = resolve_all([_top("Athens")], gaz, home={"US": us_local_weight(US_LOCAL)})
    assert home.candidate.country_code == "US"


def test_a_us_local_story_is_outvoted_by_the_countries_it_names(gaz):
    tops = [_top("Greece"), _top("Athens", 10), _top("Thessaloniki", 20)]
    res = resolve_all(tops, gaz, home={"US": 1.25})
    assert res[1].candidate.country_code == "GR"



@pytest.mark.parametrize("text", [
    "Analyst Anna Petrova wrote the report. Petrova said prices would rise.",
    "Detective Sam Ashland led the inquiry. The case was closed by Ashland on Friday.",
])
def test_a_person_named_earlier_is_not_a_town(text):
    import newsgraph

    rec = newsgraph.analyze(text, published="2009-03-20")
    assert rec["places"] == []


@pytest.mark.parametrize("text,name", [
    ("The train reached Rostov-on-Don on Monday.", "Rostov-on-Don"),
    ("Tourists flocked to Stratford-upon-Avon in June.", "Stratford-upon-Avon"),
    ("Officials in Nikolayevsk-on-Amur on Monday said the road was closed.", "Nikolayevsk-on-Amur"),
])
def test_hyphenated_town_names_whatever_the_tagger_says(text, name):
    import newsgraph

    rec = newsgraph.analyze(text, published="2024-03-06")
    assert [p["name"] for p in rec["places"]] == [name]
    assert rec["places"][0]["lat"] is not None
