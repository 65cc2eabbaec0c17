"""Tests of the plain-text clean stage: headline, body, dateline, bylines, chrome."""
import pytest
from conftest import NO_SHARED_SAMPLE, SHARED_SAMPLE

from newsgraph.document import Document, Span
from newsgraph.stages import REGISTRY
from newsgraph.stages.clean import Layout, clean, find_layout, load_lexicon


STORY = (
    "The city council voted on Tuesday to expand the bus network into three northern "
    "districts, a plan that officials said would cost about $40 million over five years.\n\n"
    "Supporters of the measure, including several neighbourhood associations, argued that "
    "residents of the districts had waited more than a decade for reliable service.\n\n"
    "Opponents said the money would be better spent repairing roads, and warned that the "
    "city had underestimated the cost of hiring and training new drivers for the routes.\n\n"
    "The first new routes are expected to open next spring, the transport department said "
    "in a statement released after the vote."
)
FIRST = "The city council voted"
LAST = "released after the vote."


def body_text(text: str, layout: Layout) -> str:
    return text[layout.body.start:layout.body.end]


def headline_text(text: str, layout: Layout):
    return None if layout.headline is None else text[layout.headline.start:layout.headline.end]


# --- layout of clean texts ------------------------------------------------------------------

def test_headline_and_story_without_chrome_keeps_whole_story():
    text = "Council Backs Bus Expansion Into Northern Districts\n\n" + STORY + "\n"
    lay = find_layout(text)
    assert headline_text(text, lay) == "Council Backs Bus Expansion Into Northern Districts"
    assert body_text(text, lay) == STORY
    assert lay.chrome == []


def test_story_without_headline_is_all_body():
    text = "\n" + STORY + "\n"
    lay = find_layout(text)
    assert lay.headline is None
    assert body_text(text, lay) == STORY


def test_single_paragraph():
    para = ("Acme Corp. said it expects third-quarter profit to rise 12% to $4.1 million, or "
            "38 cents a share, on higher sales of its industrial pumps in Europe and Asia.")
    lay = find_layout(para)
    assert lay.headline is None
    assert body_text(para, lay) == para


def test_lede_sentence_is_not_taken_for_a_headline():
    text = ("\nAcme Corp. reported a third-quarter loss, citing a restructuring.\n\n"
            "The Ohio maker of pumps said it lost $3 million, or 20 cents a share, in the "
            "quarter ended Sept. 30, against a profit a year earlier.\n")
    lay = find_layout(text)
    assert lay.headline is None
    assert body_text(text, lay).startswith("Acme Corp. reported")


def test_offsets_index_the_original_text():
    text = "  Council Backs Bus Expansion\n\n   " + STORY + "   \n\n"
    lay = find_layout(text)
    assert text[lay.body.start:lay.body.start + len(FIRST)] == FIRST
    assert text[lay.body.end - len(LAST):lay.body.end] == LAST
    assert headline_text(text, lay) == "Council Backs Bus Expansion"


def test_crlf_line_endings():
    text = ("Council Backs Bus Expansion\r\n\r\n" + STORY.replace("\n", "\r\n")
            + "\r\n\r\nRelated Articles\r\n\r\nBack to top\r\n")
    lay = find_layout(text)
    assert headline_text(text, lay) == "Council Backs Bus Expansion"
    body = body_text(text, lay)
    assert body.startswith(FIRST) and body.endswith(LAST)


def test_caps_headline_then_iso_dateline_keeps_everything_else():
    text = ("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP.\n"
            "LONDON 1996-08-30\n"
            "West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire "
            "beat Somerset by an innings and 39 runs in two days.\n"
            "Their stay on top, though, may be short-lived as title rivals closed in on victory.\n"
            "Scores:\n"
            "Somerset 83 and 174 (P. Simmons 4-38)\n"
            "Leicestershire 296. Leicestershire 22 points, Somerset 4.\n")
    lay = find_layout(text)
    assert headline_text(text, lay) == "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP."
    assert body_text(text, lay) == text[text.index("LONDON"):].rstrip("\n")
    assert lay.dateline is not None
    assert text[lay.dateline.start:lay.dateline.end] == "LONDON 1996-08-30"


def test_sentence_case_headline_before_dateline():
    text = ("Lebed, Chechens sign framework political deal.\n"
            "KHASAVYURT, Russia 1996-08-31\n"
            "Russian peacemaker Alexander Lebed and Chechen separatist leaders signed a deal on "
            "Saturday setting out a framework for future relations.\n")
    lay = find_layout(text)
    assert headline_text(text, lay) == "Lebed, Chechens sign framework political deal."
    assert body_text(text, lay).startswith("KHASAVYURT")


# --- datelines and bylines ------------------------------------------------------------------

@pytest.mark.parametrize("opening, dateline, outlet", [
    ("MOSCOW (Reuters) - ", "MOSCOW (Reuters) -", "Reuters"),
    ("SEOUL, Sept 13 (Yonhap) -- ", "SEOUL, Sept 13 (Yonhap) --", "Yonhap"),
    ("NAIROBI, Kenya (AP) _ ", "NAIROBI, Kenya (AP) _", "AP"),
    ("WASHINGTON — ", "WASHINGTON —", None),
])
def test_dateline_is_reported_and_stays_in_body(opening, dateline, outlet):
    text = "Bus Network To Grow\n\n" + opening + STORY + "\n"
    lay = find_layout(text)
    assert body_text(text, lay).startswith(opening.strip())
    assert lay.dateline is not None
    assert text[lay.dateline.start:lay.dateline.end] == dateline
    assert lay.body.contains(lay.dateline)
    assert lay.outlet == outlet


def test_dateline_on_its_own_line():
    text = "\n\nBRUSSELS, February 10 (Xinhua) --\n\n" + STORY + "\n\n"
    lay = find_layout(text)
    assert body_text(text, lay).startswith("BRUSSELS, February 10 (Xinhua) --")
    assert lay.outlet == "Xinhua"


def test_caps_sentence_opening_is_no_dateline():
    text = "ROGERS COMMUNICATIONS Inc. said it plans to raise money through a placement of shares."
    assert find_layout(text).dateline is None


def test_byline_gives_authors_and_is_outside_body():
    text = ("Council Backs Bus Expansion\n\nBy Jane Smith and John O'Neil\n\n"
            "Nov. 19, 2019 8:03 am ET\n\n" + STORY + "\n")
    lay = find_layout(text)
    assert lay.authors == ["Jane Smith", "John O'Neil"]
    assert body_text(text, lay) == STORY
    assert headline_text(text, lay) == "Council Backs Bus Expansion"


def test_byline_with_outlet():
    text = "Council Backs Bus Expansion\n\nJane Smith, Reuters\n\n" + STORY
    lay = find_layout(text)
    assert lay.authors == ["Jane Smith"]
    assert lay.outlet == "Reuters"
    assert body_text(text, lay) == STORY


def test_by_on_its_own_line():
    text = "Council Backs Bus Expansion\n\nBy\nSarah E. Needleman\n\n" + STORY
    lay = find_layout(text)
    assert lay.authors == ["Sarah E. Needleman"]
    assert body_text(text, lay) == STORY


# --- page chrome ----------------------------------------------------------------------------

MENU = "Home\nNews\nPolitics\nWorld\nBusiness\nSports\nOpinion\nSubscribe\nSign In\n\n"
FOOTER = ("\n\nShare this:\nFacebook\nTwitter\nEmail\n\nRelated Articles\n\n"
          "Mayor unveils plan for new stadium\nSchool board race heats up\n"
          "Storm knocks out power to thousands\n\n"
          "Leave a Reply\n\n© 2019 Example Media Group. All rights reserved.\nPrivacy Policy\n"
          "Terms of Use\nBack to top button\n")


def test_chrome_at_top_and_bottom_is_cut():
    text = MENU + "Council Backs Bus Expansion\n\n" + STORY + FOOTER
    lay = find_layout(text)
    assert headline_text(text, lay) == "Council Backs Bus Expansion"
    assert body_text(text, lay) == STORY
    assert all(not lay.body.contains(c) for c in lay.chrome)
    assert any("Related Articles" in text[c.start:c.end] for c in lay.chrome)


def test_interstitial_advertisement_does_not_split_body():
    parts = STORY.split("\n\n")
    story = "\n\n".join(parts[:2] + ["Advertisement"] + parts[2:])
    text = MENU + "Council Backs Bus Expansion\n\n" + story + FOOTER
    lay = find_layout(text)
    assert body_text(text, lay) == story


def test_breaking_news_menu_and_back_to_top():
    text = ("Breaking NewsNewsPolitics\n\nCouncil Backs Bus Expansion Into Northern Districts\n\n"
            + STORY + "\n\n \n\nRelated Articles\n\nBack to top button")
    lay = find_layout(text)
    assert headline_text(text, lay) == "Council Backs Bus Expansion Into Northern Districts"
    assert body_text(text, lay) == STORY


def test_comment_thread_after_story_is_cut():
    comments = "".join(
        f"\n\nreader{i} says:\nNovember 19, 2019 at {i}:0{i} am\n"
        "I have ridden these buses for twenty years and I can tell you that the council has "
        "never once listened to the people who actually depend on them every single day."
        for i in range(1, 8))
    text = MENU + "Council Backs Bus Expansion\n\n" + STORY + "\n\n7 responses to this story" + comments
    lay = find_layout(text)
    assert body_text(text, lay) == STORY


def test_teaser_list_after_story_is_cut():
    teasers = "\n\nMost Popular\n\n" + "\n".join(
        f"Headline number {i} about something else\nA one-line summary of story {i} that "
        f"nobody needs to read here.\n{i}H ago" for i in range(1, 10))
    text = MENU + "Council Backs Bus Expansion\n\n" + STORY + teasers
    lay = find_layout(text)
    assert body_text(text, lay) == STORY


def test_cookie_notice_is_not_body():
    notice = ("\n\nThis website uses cookies to improve your experience while you navigate "
              "through the website. Out of these cookies, the cookies that are categorized as "
              "necessary are stored on your browser as they are essential for the working of "
              "basic functionalities of the website.\n")
    text = MENU + "Council Backs Bus Expansion\n\n" + STORY + notice
    assert body_text(text, find_layout(text)) == STORY


def test_newsletter_mention_in_prose_is_kept():
    text = STORY + ("\n\nAccording to the newsletter publisher, the council's plan is nearly "
                    "twice the size of the one rejected last year by voters in the districts.")
    lay = find_layout(text)
    assert body_text(text, lay).endswith("by voters in the districts.")


# --- title given by the caller --------------------------------------------------------------

def test_title_from_caller_picks_the_headline_line():
    text = MENU + "Bus plan wins | Example News\n\nCouncil backs bus expansion\n\n" + STORY
    lay = find_layout(text, title="Council backs bus expansion")
    assert headline_text(text, lay) == "Council backs bus expansion"
    assert body_text(text, lay) == STORY


# --- the stage ------------------------------------------------------------------------------

def test_stage_is_registered():
    spec = REGISTRY["clean"]
    assert spec.requires == ("text", "title")
    assert set(spec.assigns) >= {"headline", "body", "dateline", "chrome", "published"}


def test_stage_sets_layout_and_metadata():
    text = "Council Backs Bus Expansion\n\nBy Jane Smith\n\nMOSCOW (Reuters) - " + STORY
    doc = clean(Document(id="d1", text=text))
    assert doc.error is None
    assert doc.title == "Council Backs Bus Expansion"
    assert doc.span_text(doc.headline) == "Council Backs Bus Expansion"
    assert doc.span_text(doc.body).startswith("MOSCOW (Reuters) - The city council")
    assert doc.authors == ["Jane Smith"]
    assert doc.outlet == "Reuters"
    assert doc.dateline == Span(doc.body.start, doc.body.start + len("MOSCOW (Reuters) -"))


def test_stage_keeps_reader_metadata_and_title():
    doc = Document(id="d2", text="Council Backs Bus Expansion\n\n" + STORY, title="Given title",
                   authors=["Reader Name"], outlet="Example")
    clean(doc)
    assert doc.title == "Given title"
    assert doc.authors == ["Reader Name"] and doc.outlet == "Example"
    assert doc.span_text(doc.body) == STORY


def test_stage_leaves_a_body_set_by_the_html_reader():
    doc = Document(id="d3", text="Some text here.", body=Span(0, 4))
    assert clean(doc).body == Span(0, 4)
    assert doc.headline is None


def test_stage_reads_the_publication_date_in_the_dateline():
    text = "Council Backs Bus Expansion\n\nLONDON, Sept. 13, 2023 (Reuters) - " + STORY
    doc = clean(Document(id="p1", text=text))
    assert (doc.published, doc.published_source) == ("2023-09-13", "dateline")


def test_stage_reads_the_publication_date_on_a_line_above_the_story():
    text = "Council Backs Bus Expansion\nPublished: Nov. 19, 2019 10:32 a.m.\n\n" + STORY
    doc = clean(Document(id="p2", text=text))
    assert doc.span_text(doc.body) == STORY
    assert (doc.published, doc.published_source) == ("2019-11-19", "date line")


def test_stage_keeps_the_input_date_and_never_guesses_one():
    text = "LONDON, Sept. 13, 2023 (Reuters) - " + STORY
    given = clean(Document(id="p3", text=text, published="2023-09-14", published_source="input"))
    assert (given.published, given.published_source) == ("2023-09-14", "input")
    undated = clean(Document(id="p4", text="LONDON, Sept. 13 (Reuters) - " + STORY))
    assert undated.published is None and undated.published_source is None


def test_stage_reads_the_date_opening_a_body_the_html_reader_found():
    text = "BRUSSELS, Feb. 10, 2021 (Xinhua) -- " + STORY
    doc = clean(Document(id="p5", text=text, body=Span(0, len(text))))
    assert doc.span_text(doc.dateline).startswith("BRUSSELS, Feb. 10, 2021")
    assert doc.published == "2021-02-10"


@pytest.mark.parametrize("text", ["", "   \n\t\r\n  "])
def test_empty_text_is_an_error(text):
    doc = clean(Document(id="e", text=text))
    assert doc.error == "empty text"
    assert doc.body is None


def test_lexicon_loads_once():
    assert load_lexicon() is load_lexicon()
    lex = load_lexicon()
    assert lex.start.get("related articles") and lex.line.get("advertisement")
    assert "reuters" in lex.outlets


def test_linear_and_fast_on_a_long_page():
    import time
    page = (MENU * 20 + "Council Backs Bus Expansion\n\n" + (STORY + "\n\n") * 6 + FOOTER * 10)
    t0 = time.perf_counter()
    lay = find_layout(page)
    assert time.perf_counter() - t0 < 0.1
    assert body_text(page, lay).startswith(FIRST)


# --- the demo article -----------------------------------------------------------------------

def test_sample_article():
    if not SHARED_SAMPLE.exists():
        pytest.skip(NO_SHARED_SAMPLE)
    text = SHARED_SAMPLE.read_text(encoding="utf-8")
    lay = find_layout(text)
    assert headline_text(text, lay) == (
        "Vladimir Putin Accepts Invite to North Korea During Kim Jong-un’s Russia Tour")
    body = body_text(text, lay)
    assert body.startswith("The governments of Russia")
    assert body.endswith("last met in 2019.")
