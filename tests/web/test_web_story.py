"""The Story view and the stories list in a real browser, over the corpus the linker built at
ingest: two outlets' reports of one drone strike (tests/data/web/stories.jsonl) are one story,
its strike one occurrence told by both, and the toll (12 in AP's, 19 in Reuters') a
disagreement whose versions lead back to their words in each article. The payload records'
story shows its hostile fields as text."""
from __future__ import annotations

from conftest import IMG, SCRIPT, SVG, get, get_json

AP_TITLE = "Drone strike on market in Sudan's El Fasher kills 12"
REUTERS_TITLE = "Toll from drone attack on El Fasher market rises to 19, medics say"


def articles_by_id(server: str) -> dict:
    return {r["id"]: r for r in get_json(f"{server}/api/search?limit=500")["articles"]}


def strike_story(server: str) -> str:
    rows = articles_by_id(server)
    story = rows["ap-fasher-market"]["story_id"]
    assert story and rows["reuters-fasher-market"]["story_id"] == story
    return story


def test_the_strike_story_in_json(server):
    rows = articles_by_id(server)
    story = get_json(f"{server}/api/story/{strike_story(server)}")
    assert story["story"]["articles"] == 2 and story["story"]["outlets"] == 2
    assert story["story"]["first_published"] == "2024-06-09" and story["story"]["last_published"] == "2024-06-10"
    assert [(a["outlet"], a["published"], a["article"]) for a in story["articles"]] == [
        ("AP", "2024-06-09", "ap-fasher-market"), ("Reuters", "2024-06-10", "reuters-fasher-market")]
    shared = [o for o in story["occurrences"] if o["articles"] == 2]
    assert len(shared) == 1 and shared[0]["event"] == "ASSAULT" and shared[0]["place"] == "El Fasher"
    told = [t for t in story["tellings"] if t["occurrence_id"] == shared[0]["occurrence_id"]]
    assert {(t["outlet"], t["trigger"]) for t in told} == {("AP", "strike"), ("Reuters", "strike")}
    toll = [d for d in story["disagreements"] if d["slot"] == "dead"]
    assert {(d["outlet"], d["value"], d["evidence"]) for d in toll} == {("AP", "12", "12"), ("Reuters", "19", "19")}
    assert {d["article_key"] for d in toll} == {rows["ap-fasher-market"]["article_key"],
                                                rows["reuters-fasher-market"]["article_key"]}
    # the list, most told first, finds it; one story of one article is there too
    listed = get_json(f"{server}/api/stories?min=2")["stories"]
    assert story["story"] in listed
    assert all(s["articles"] >= 2 for s in listed)
    counts = [(s["articles"], s["outlets"]) for s in get_json(f"{server}/api/stories")["stories"]]
    assert counts == sorted(counts, reverse=True) and (1, 1) in counts
    assert get_json(f"{server}/api/stories?since=2024-06-11")["stories"] == []


def test_story_page_lists_articles_in_order_and_links_them(watched, server):
    page, _ = watched
    page.goto(f"{server}/story/{strike_story(server)}")
    assert page.locator("h1").inner_text() == AP_TITLE
    assert "2 articles from 2 outlets" in page.inner_text(".story-meta")
    titles = page.locator("table.story-articles a.title")
    assert titles.all_inner_texts() == [AP_TITLE, REUTERS_TITLE]
    titles.nth(1).click()
    assert page.locator("h1").inner_text() == REUTERS_TITLE
    page.locator(".doc-head a.story").click()                  # the article links its story
    assert page.locator("h1").inner_text() == AP_TITLE


def test_story_page_shows_the_disputed_toll_with_its_evidence(watched, server):
    page, _ = watched
    page.goto(f"{server}/story/{strike_story(server)}")
    dispute = page.locator(".dispute", has=page.locator(".slot", has_text="dead"))
    assert dispute.count() == 1
    assert dispute.locator(".version .value").all_inner_texts() == ["12", "19"]   # first told first
    sources = dispute.locator("li.source").all_inner_texts()
    assert sources[0].startswith("AP, 2024-06-09") and sources[1].startswith("Reuters, 2024-06-10")
    dispute.locator("li.version", has_text="19").locator("a.evidence").click()
    assert page.locator("h1").inner_text() == REUTERS_TITLE
    assert page.locator("#text .spot").all_inner_texts() == ["19"]             # the version's words
    assert "killed 19 people" in "".join(page.locator("#text .evidence").all_inner_texts())  # its sentence
    assert "the words “19”" in page.inner_text("p.showing")


def test_story_page_says_who_tells_each_occurrence(watched, server):
    page, _ = watched
    page.goto(f"{server}/story/{strike_story(server)}")
    shared = page.locator("details.occurrence.shared")
    assert shared.count() == 1
    assert "ASSAULT" in shared.locator("summary").inner_text() and "2 articles, 2 outlets" in shared.inner_text()
    rows = shared.locator("table.tellings tbody tr")
    assert [r.split("\t")[:2] for r in rows.all_inner_texts()] == [["AP", "2024-06-09"], ["Reuters", "2024-06-10"]]
    assert "local health officials" in rows.nth(0).inner_text() and "medics" in rows.nth(1).inner_text()
    rows.nth(0).locator("a.evidence").click()                    # the telling's evidence
    assert page.locator("h1").inner_text() == AP_TITLE
    assert "strike" in page.locator("#text .evidence.m-event, #text .m-event.evidence").all_inner_texts()


def test_search_and_stories_list_lead_to_the_story(watched, server):
    page, _ = watched
    story = strike_story(server)
    page.goto(server + "/search?q=El+Fasher")
    links = page.locator("ol.results a.story")
    assert links.all_inner_texts() == ["story of 2 articles"] * 2
    links.first.click()
    assert page.url == f"{server}/story/{story}"
    page.goto(server + "/search")
    page.locator("header nav a", has_text="Stories").click()
    assert page.locator("h1").inner_text() == "Stories"
    page.fill("input[name=min]", "2")
    page.click("form.filters button")
    assert "min=2" in page.url
    assert all(int(n) >= 2 for n in page.locator("table.stories tbody td:nth-child(3)").all_inner_texts())
    page.locator("table.stories a", has_text=AP_TITLE).click()
    assert page.url == f"{server}/story/{story}"


def test_payload_story_shows_its_fields_as_text(watched, server):
    page, _ = watched
    rows = articles_by_id(server)
    story = rows["payload-record"]["story_id"]
    assert rows["payload-record-retold"]["story_id"] == story
    page.goto(f"{server}/story/{story}")
    main = page.inner_text("main")
    assert page.locator("h1").inner_text() == f"Talks {SCRIPT}{IMG}"     # its first article's title
    assert "<b onmouseover=" in main                                  # the outlet
    assert IMG in main and SVG in main and "Zendor" + SCRIPT in main   # names, sentences, evidence
    dates = page.locator(".dispute", has=page.locator(".slot", has_text="date"))
    assert dates.locator(".version .value").all_inner_texts() == ["2024-06-04", "2024-06-05"]
    assert page.evaluate("window.__xss") is None


def test_unknown_and_bad_story_ids(server):
    assert get(server + "/story/S999999")[0] == 404
    assert get(server + "/api/story/S999999")[0] == 404
    for bad in ("S1", "s000001", "S000001x", "S000001%27--"):
        assert get(f"{server}/api/story/{bad}")[0] == 400, bad


def test_actor_events_link_their_story(watched, server):
    page, _ = watched
    story = strike_story(server)
    page.goto(server + "/actor?actor=Rapid+Support+Forces")
    links = page.locator("table.events a.story")
    assert links.count() >= 1
    links.first.click()
    assert page.url == f"{server}/story/{story}"
