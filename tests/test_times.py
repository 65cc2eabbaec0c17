"""Tests of the times stage: finding temporal expressions and their TIMEX3 values.

Most tests run the grammar (`find_times`) on short wire-style sentences written for the case,
with a spaCy parse when the value depends on the verb's tense; a few run the stage on a
Document, and one runs the full pipeline on the sample article when it is present.
"""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import NO_SHARED_SAMPLE, SHARED_SAMPLE

from newsgraph.document import Document, Span
from newsgraph.times import find_times
from newsgraph.times import calendar as cal
from newsgraph.times.anchor import full_date

PUB = dt.date(2023, 9, 14)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp import load_nlp

    return load_nlp()


def times(text, anchor=PUB, nlp=None):
    """{expression text: (type, value)} of `text`."""
    parse = nlp(text) if nlp is not None else None
    return {text[f.start:f.end]: (f.type, f.value) for f in find_times(text, anchor, parse)}


def values(text, anchor=PUB, nlp=None):
    return {k: v[1] for k, v in times(text, anchor, nlp).items()}


# --- absolute dates ---------------------------------------------------------------------------

def test_full_dates_in_several_spellings():
    got = values("The accord was signed on Aug. 7, 1998, ratified on 12 March 2001 and "
                 "published as 2004-05-06.")
    assert got == {"Aug. 7, 1998": "1998-08-07", "12 March 2001": "2001-03-12",
                   "2004-05-06": "2004-05-06"}


def test_month_and_year_and_bare_year():
    got = values("Kim met Trump at the border in June 2019; Putin visited in 2000.")
    assert got == {"June 2019": "2019-06", "2000": "2000"}


def test_a_number_that_is_not_a_year(nlp):
    got = values("Police said 1998 people were detained and 2,000 more fled.", nlp=nlp)
    assert "1998" not in got


def test_decades_and_centuries():
    got = values("Tensions grew in the 1990s and eased in the early 2000s, unlike the 19th century.")
    assert got == {"the 1990s": "199", "the early 2000s": "200", "the 19th century": "18"}


def test_quarters_take_the_anchor_year():
    got = values("Third-quarter profit rose, after a loss in the second quarter of 2022.")
    assert got == {"Third-quarter": "2023-Q3", "the second quarter of 2022": "2022-Q2"}


def test_a_year_earlier_in_a_results_story_is_the_same_quarter():
    text = "Third-quarter profit rose to $5 million from $3 million a year earlier."
    assert values(text)["a year earlier"] == "2022-Q3"


def test_may_the_modal_is_no_month(nlp):
    got = values("The talks may resume in May.", nlp=nlp)
    assert got == {"May": "2024-05"} or got == {"May": "2023-05"}
    assert len(got) == 1


# --- relative dates and the tense of the verb -------------------------------------------------

def test_weekday_before_publication_for_a_past_event(nlp):
    got = values("The ministry warned on Tuesday that arms trade was possible.", nlp=nlp)
    assert got == {"Tuesday": "2023-09-12"}


def test_weekday_after_publication_for_a_future_event(nlp):
    got = values("Lavrov will travel to Pyongyang on Monday.", nlp=nlp)
    assert got == {"Monday": "2023-09-18"}


def test_weekday_of_publication_is_the_day_itself(nlp):
    assert values("The Kremlin confirmed Thursday that Putin accepted.", nlp=nlp) == {
        "Thursday": "2023-09-14"}


def test_deadline_words_point_forward(nlp):
    got = values("The group could arrive as early as Tuesday, officials said.", nlp=nlp)
    assert got == {"Tuesday": "2023-09-19"}


def test_would_reports_a_future_event(nlp):
    got = values("The ministry said the delegation would arrive Tuesday and the aid would be "
                 "delivered on Dec. 14.", nlp=nlp)
    assert got == {"Tuesday": "2023-09-19", "Dec. 14": "2023-12-14"}
    # "would have" looks back
    assert values("He said he would have met them on Tuesday.", nlp=nlp) == {"Tuesday": "2023-09-12"}


def test_payment_and_effective_dates_point_forward(nlp):
    got = values("The board declared a dividend, payable Nov. 30 to holders of record Nov. 1, "
                 "and named a new chief executive, effective Jan. 2.", nlp=nlp)
    assert got == {"Nov. 30": "2023-11-30", "Nov. 1": "2023-11-01", "Jan. 2": "2024-01-02"}


def test_past_perfect_schedule_points_back(nlp):
    got = values("The offer had been due to expire Friday evening.", nlp=nlp)
    assert got == {"Friday evening": "2023-09-08TEV"}


def test_month_without_year_by_tense(nlp):
    assert values("Shoigu visited Pyongyang in July.", nlp=nlp) == {"July": "2023-07"}
    assert values("Lavrov will visit Pyongyang in October.", nlp=nlp) == {"October": "2023-10"}
    jan = dt.date(2024, 1, 5)
    assert values("The deal was signed in November.", jan, nlp) == {"November": "2023-11"}
    assert values("He will step down in March.", dt.date(2023, 11, 20), nlp) == {"March": "2024-03"}


def test_deictic_words():
    got = values("Talks resumed yesterday, continue today and end tomorrow.")
    assert got == {"yesterday": "2023-09-13", "today": "2023-09-14", "tomorrow": "2023-09-15"}


def test_last_this_next_units():
    got = values("Sales fell last week, rose this year and may rise next month.")
    assert got == {"last week": "2023-W36", "this year": "2023", "next month": "2023-10"}


def test_modifiers_stay_in_the_span_and_out_of_the_value():
    got = times("Prices peaked earlier this month and may fall early next year or in late November.")
    assert got == {"earlier this month": ("DATE", "2023-09"), "early next year": ("DATE", "2024"),
                   "late November": ("DATE", "2023-11")}


def test_ago_and_named_earlier_year():
    got = values("The plant closed two years ago. It reopened in 1998 and closed later that year.")
    assert got["two years ago"] == "2021"
    assert got["later that year"] == "1998"


def test_later_in_a_narrative_is_a_duration():
    got = times("The rebels seized the town. Three days later, the army retook it; a few weeks "
                "earlier it had been quiet.")
    assert got == {"Three days": ("DURATION", "P3D"), "a few weeks": ("DURATION", "PXW")}


def test_a_comparison_with_earlier_stays_a_date():
    got = values("Exports rose to $5 billion from $4 billion a year earlier and were up from a "
                 "week earlier.")
    assert got == {"a year earlier": "2022", "a week earlier": "2023-W36"}


def test_the_past_year_is_the_previous_calendar_unit():
    got = times("Attacks rose over the past year and may fall in the next month, after the past "
                "decade.")
    assert got == {"the past year": ("DATE", "2022"), "the next month": ("DATE", "2023-10"),
                   "the past decade": ("DURATION", "P10Y")}


def test_halves_of_a_year():
    got = values("Output fell in the last half of 1989 and should recover in the second half of "
                 "next year.")
    assert got == {"the last half of 1989": "1989-H2", "the second half of next year": "2024-H2"}


def test_spoken_years_with_a_month_or_a_season():
    got = values("Prices last fell that low in the winter of nineteen ninety-four and again in "
                 "January nineteen ninety-seven.")
    assert got == {"the winter of nineteen ninety-four": "1994-WI",
                   "January nineteen ninety-seven": "1997-01"}


def test_fuzzy_references():
    got = values("Kim is currently in Russia, has recently met Putin and will return in the future.")
    assert got == {"currently": "PRESENT_REF", "recently": "PAST_REF", "the future": "FUTURE_REF"}


def test_as_soon_as_is_no_time():
    assert "soon" not in values("He will leave as soon as the talks end.")


# --- durations and sets -----------------------------------------------------------------------

def test_durations():
    got = times("He travelled for an entire day, less than a week before the summit, and "
                "promised to return in four years and five months.")
    assert got == {"an entire day": ("DURATION", "P1D"), "less than a week": ("DURATION", "P1W"),
                   "four years and five months": ("DURATION", "P4Y5M")}


def test_duration_units_and_fractions():
    got = values("The flight lasted 5 1/2 hours, the talks 90 minutes, the war two decades.")
    assert got == {"5 1/2 hours": "PT5H30M", "90 minutes": "PT90M", "two decades": "P20Y"}


def test_vague_durations_and_adjectives():
    got = values("The strike lasted several weeks and ended a five-year dispute.")
    assert got == {"several weeks": "PXW", "five-year": "P5Y"}


def test_ages_and_rates_are_no_durations():
    got = values("A 16-year-old boy earns $500 a year and three-quarters of the vote.")
    assert got == {}


def test_a_rate_is_no_set():
    assert values("Analysts expect sales to rise 8.5% annually and the plant to build 10,000 "
                  "units annually.") == {}
    assert values("The festival has been held annually since the war.") == {"annually": "P1Y"}


def test_sets():
    got = times("The ferry sails daily, the council meets every Sunday and the fair is held twice a year.")
    assert got == {"daily": ("SET", "P1D"), "every Sunday": ("SET", "XXXX-WXX-7"),
                   "twice a year": ("SET", "P1Y")}


def test_times_of_day(nlp):
    got = times("The blast came at 10:35 a.m. Monday; the talks will end at 9 p.m. Friday.", nlp=nlp)
    assert got == {"10:35 a.m. Monday": ("TIME", "2023-09-11T10:35"),
                   "9 p.m. Friday": ("TIME", "2023-09-15T21:00")}
    assert times("Rebels shelled the town this morning.") == {
        "this morning": ("TIME", "2023-09-14TMO")}


def test_noon_and_midday(nlp):
    got = values("He will appear before a judge at midday and the offer will expire at midnight Friday.",
                 nlp=nlp)
    assert got == {"midday": "2023-09-14T12:00", "midnight Friday": "2023-09-15T24:00"}


def test_prepositions_stay_outside_the_span():
    text = "They met on Wednesday in Moscow."
    (found,) = find_times(text, PUB)
    assert text[found.start:found.end] == "Wednesday"


# --- no anchor: absolute dates right, relative ones unresolved ----------------------------------

def test_without_anchor_relative_values_are_unresolved(nlp):
    got = values("On Tuesday, a year after the 2019 summit, he said talks resumed last week in July.",
                 anchor=None, nlp=nlp)
    assert got["Tuesday"] == "XXXX-WXX-2"
    assert got["2019"] == "2019"
    assert got["last week"] == "XXXX-WXX"
    assert got["July"] == "XXXX-07"


# --- calendar helpers -------------------------------------------------------------------------

def test_calendar_helpers():
    assert cal.weekday(PUB, 3, -1) == dt.date(2023, 9, 13)
    assert cal.weekday(PUB, 3, +1) == dt.date(2023, 9, 20)
    assert cal.week(dt.date(2023, 9, 7)) == "2023-W36"
    assert cal.nth_weekday(2023, 11, 4, 4) == dt.date(2023, 11, 23)  # Thanksgiving
    assert cal.year_for(dt.date(2024, 1, 3), 12, 28, -1) == 2023
    assert cal.year_for(dt.date(2000, 1, 6), 1, 14, -1) == 2000


def test_full_date_of_a_dateline():
    assert full_date("SEOUL, Sept. 13, 2023 (Yonhap) --") == dt.date(2023, 9, 13)
    assert full_date("SEOUL, Sept 13 (Yonhap) --") is None


# --- the stage --------------------------------------------------------------------------------

def _doc(text, published=None, dateline=None):
    doc = Document(id="t", text=text, published=published, language="en")
    doc.body = Span(0, len(text))
    doc.dateline = dateline
    return doc


def test_stage_uses_published_and_offsets_into_text():
    from newsgraph.stages.times import find_document_times

    text = "Putin met Kim on Wednesday."
    doc = find_document_times(_doc(text, "2023-09-14"))
    (t,) = doc.times
    assert text[t.start:t.end] == "Wednesday" and t.value == "2023-09-13"


def test_stage_anchors_on_the_date_the_clean_stage_read_in_the_dateline():
    from newsgraph.stages.clean import clean
    from newsgraph.stages.times import find_document_times

    text = "MOSCOW, Sept. 14, 2023 (Reuters) - Putin met Kim yesterday."
    doc = clean(Document(id="t", text=text, language="en"))
    assert doc.published == "2023-09-14"
    doc = find_document_times(doc)
    # the dateline's own date is a time of the text too (TimeML annotates it)
    assert [(text[t.start:t.end], t.value) for t in doc.times] == [
        ("Sept. 14, 2023", "2023-09-14"), ("yesterday", "2023-09-13")]


def test_stage_never_guesses_a_publication_date():
    from newsgraph.stages.times import find_document_times

    doc = find_document_times(_doc("Putin met Kim on Wednesday."))
    assert doc.published is None
    assert doc.times[0].value == "XXXX-WXX-3"


# --- the sample article -----------------------------------------------------------------------

SAMPLE_TIMES = [("Thursday", "2023-09-14"), ("Tuesday", "2023-09-12"), ("Wednesday", "2023-09-13"),
                ("July", "2023-07"), ("2020", "2020"), ("June 2019", "2019-06"), ("2000", "2000"),
                ("October", "2023-10"), ("four years and five months", "P4Y5M"),
                ("an entire day", "P1D"), ("less than a week", "P1W"), ("2019", "2019")]


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason=NO_SHARED_SAMPLE)
def test_sample_article_times():
    from newsgraph.pipeline import Pipeline
    from newsgraph.read.record import document_from_record

    text = SHARED_SAMPLE.read_text(encoding="utf-8")
    doc = Pipeline(["clean", "language", "parse", "times"])(
        document_from_record({"id": "sample", "text": text, "published": "2023-09-14"}))
    found = {(text[t.start:t.end], t.value) for t in doc.times}
    for expected in SAMPLE_TIMES:
        assert expected in found, expected
