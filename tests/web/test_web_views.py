"""Every view of the explorer in a real browser (headless Chromium) over a real corpus: the
content a reader needs is on the page, the charts draw, the views link to each other, and
each view's JSON twin answers with the same facts."""
from __future__ import annotations

from urllib.parse import quote

from conftest import get_json


def key_of(server: str, article_id: str) -> str:
    rows = get_json(f"{server}/api/search?limit=500")["articles"]
    return next(r["article_key"] for r in rows if r["id"] == article_id)


def wait_chart(page) -> None:
    page.wait_for_selector(".chart[data-rendered]", timeout=20000)
    assert page.get_attribute(".chart", "data-rendered") == "yes"


def test_search_finds_articles_by_words_outlet_type_and_dates(watched, server):
    page, _ = watched
    page.goto(server + "/")
    assert "Japan and South Korea agree to resume security talks" in page.inner_text("ol.results")
    page.fill("input[name=q]", "textbooks")
    page.click("form.filters button")
    titles = page.locator("ol.results .title").all_inner_texts()
    assert titles == ["South Korea protests over Japanese textbooks"]
    page.goto(server + "/search?outlet=Reuters&type=ASSAULT")
    # since 0.3.0 a missile launch is coded ASSAULT (heavy-weapons) too
    assert set(page.locator("ol.results .title").all_inner_texts()) == {
        "Russian strikes hit Kharkiv as Zelenskiy seeks air defence",
        "North Korea fires two ballistic missiles into the sea",
        "Mongolian President Arrives in Moscow for Talks on Gas Pipeline and Rail Link",
        "Toll from drone attack on El Fasher market rises to 19, medics say"}
    page.goto(server + "/search?outlet=AP&type=ASSAULT")
    assert "Kharkiv" not in page.inner_text("ol.results")
    page.goto(server + "/search?actor=KOR&since=2024-03-01&until=2024-03-31")
    titles = page.locator("ol.results .title").all_inner_texts()
    assert set(titles) == {"South Korean minister visits Tokyo as ties warm",
                           "North Korea fires two ballistic missiles into the sea"}


def test_article_marks_every_layer_and_shows_the_fields(watched, server):
    page, _ = watched
    page.goto(server + "/search?q=Cho+visited")
    page.click("ol.results .title")
    assert page.inner_text("h1") == "South Korean minister visits Tokyo as ties warm"
    text = page.locator("#text")
    assert "Cho Tae-yul" in text.locator(".m-entity").all_inner_texts()
    assert "Our cooperation is essential for peace in the region" in "".join(
        text.locator(".m-quote").all_inner_texts())
    assert "visited" in text.locator(".m-event").all_inner_texts()
    assert "Thursday" in text.locator(".m-time").all_inner_texts()
    assert "Tokyo" in text.locator(".m-place").all_inner_texts()
    # hovering shows a summary (the title), clicking the record's fields
    verb = text.locator(".m-event", has_text="visited").first
    assert "CONSULT Cho Tae-yul" in verb.get_attribute("title")
    verb.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert "CONSULT" in panel.inner_text() and "status" in panel.inner_text()
    # each fact links back to its evidence
    page.locator(".fact-event a.evidence").first.click()
    evidence = page.locator("#text .evidence").all_inner_texts()
    assert "visited" in evidence and "Cho Tae-yul" in evidence
    assert page.locator("p.showing").inner_text().startswith("Showing the evidence of V1")


def test_article_links_to_actor_and_dyad(watched, server):
    page, _ = watched
    page.goto(f"{server}/article/{key_of(server, 'reuters-textbooks')}")
    page.locator(".fact-event a", has_text="dyad").first.click()
    assert page.url.startswith(server + "/dyad?a=KOR&b=")
    page.goto(f"{server}/article/{key_of(server, 'reuters-textbooks')}")
    page.locator("aside .names a.actor").get_by_text("Japan", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Japan"


def test_actor_profile(watched, server):
    page, _ = watched
    page.goto(server + "/actor?actor=JPN")
    body = page.inner_text("main")
    assert page.locator("h1").inner_text() == "JPN"
    for name in ("Japan", "Yoshimasa Hayashi", "Fumio Kishida", "Yoko Kamikawa"):
        assert name in body
    assert "JPNGOV" in body
    assert "This is a clear violation of Security Council resolutions" in body   # a quote by
    assert "once again approved textbooks" in body                               # a quote about
    counterparts = page.inner_text("table.counterparts")
    assert "South Korea" in counterparts and "Cho Tae-yul" in counterparts
    page.goto(server + "/actor?actor=Zelenskiy")
    assert page.locator("h1").inner_text() == "Zelenskiy"
    page.goto(server + "/actor")
    assert "KOR" in page.inner_text("table.rows")


def test_dyad_timeline_both_directions(watched, server):
    page, _ = watched
    page.goto(server + "/dyad?a=JPN&b=KOR")
    wait_chart(page)
    labels = page.locator(".chart svg text").all_text_contents()
    assert "JPN → KOR" in labels and "KOR → JPN" in labels
    assert "2024-03" in labels and "2024-04" in labels
    assert page.locator(".chart svg .mark-rect path").count() >= 4
    events = page.inner_text("table.events")
    assert "Kishida welcomed Cho" in events and "South Korea accused Japan" in events
    page.click("text=swap")
    assert page.url.startswith(server + "/dyad?a=KOR&b=JPN")


def test_dyad_lists_its_events_a_page_at_a_time(watched, server):
    everything = get_json(f"{server}/api/dyad?a=JPN&b=KOR")
    assert everything["total"] == len(everything["events"]) >= 3
    pages = [get_json(f"{server}/api/dyad?a=JPN&b=KOR&limit=2&offset={o}")["events"]
             for o in range(0, everything["total"], 2)]
    assert [e for p in pages for e in p] == everything["events"]
    page, _ = watched
    page.goto(server + "/dyad?a=JPN&b=KOR&limit=2")
    assert page.locator("table.events tbody tr").count() == 2
    assert f"1–2 of {everything['total']} shown" in page.inner_text("main")
    page.click("nav.pages a.more")
    assert "offset=2" in page.url
    assert page.locator("table.events tbody tr").count() == min(2, everything["total"] - 2)
    third = everything["events"][2]
    hrefs = page.locator("table.events a.evidence").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs[0] == f"/article/{third['article_key']}?fact={third['event_id']}#evidence"


def test_map_draws_the_world_and_the_places(watched, server):
    page, _ = watched
    page.goto(server + "/map")
    wait_chart(page)
    assert page.locator(".chart svg .mark-shape path").count() > 150       # the countries
    assert page.locator(".chart svg .mark-symbol path").count() >= 8       # event places
    labels = page.locator(".chart svg text").all_text_contents()
    assert "Tokyo" in labels and "Buenos Aires" in labels
    assert "Jeddah" in page.inner_text("table.rows")


def test_network_links_actors(watched, server):
    page, _ = watched
    page.goto(server + "/network")
    wait_chart(page)
    labels = page.locator(".chart svg text").all_text_contents()
    assert {"JPN", "KOR", "RUS", "UKR"} <= set(labels)
    page.locator(".chart svg .mark-symbol.nodes path").first.click()     # a node links its actor
    page.wait_for_url(server + "/actor?actor=*")
    assert page.locator("h1").inner_text() in labels
    page.goto(server + "/network?by=name&top=10")
    wait_chart(page)
    assert len(page.locator(".chart svg text").all_text_contents()) >= 4


def test_every_view_links_to_the_others(watched, server):
    page, _ = watched
    story = get_json(f"{server}/api/article/{key_of(server, 'ap-fasher-market')}")["story_id"]
    for path in ("/search", "/actor?actor=JPN", "/dyad?a=JPN&b=KOR", "/map", "/network",
                 f"/article/{key_of(server, 'ap-cho-visit')}", "/stories", f"/story/{story}"):
        page.goto(server + path)
        nav = page.locator("header nav a").all_inner_texts()
        assert nav == ["Search", "Stories", "Actor", "Dyad", "Map", "Network"]
        assert page.locator("header a.api").get_attribute("href").startswith("/api/")


def test_each_view_has_a_json_api(server):
    key = key_of(server, "ap-cho-visit")
    article = get_json(f"{server}/api/article/{key}")
    assert article["title"] == "South Korean minister visits Tokyo as ties warm"
    assert any(e["name"] == "Cho Tae-yul" for e in article["record"]["entities"])
    assert article["record"]["text"].startswith("South Korean minister")
    found = get_json(f"{server}/api/search?q=textbooks")
    assert found["total"] == 1 and found["articles"][0]["outlet"] == "Reuters"
    actor = get_json(f"{server}/api/actor?actor=JPN")
    assert {"names", "codes", "quotes_by", "quotes_about", "events_as_actor", "events_as_recipient",
            "counterparts"} <= set(actor)
    dyad = get_json(f"{server}/api/dyad?a=JPN&b=KOR")
    assert {r["direction"] for r in dyad["timeline"]} == {"forward", "backward"}
    assert all(e["article_key"] for e in dyad["events"])
    places = get_json(f"{server}/api/map")["places"]
    assert any(p["place"] == "Tokyo" and p["lat"] for p in places)
    network = get_json(f"{server}/api/network?by=country")
    assert {"source": "JPN", "target": "KOR"}.items() <= next(
        link for link in network["links"] if link["source"] == "JPN" and link["target"] == "KOR").items()
    assert get_json(f"{server}/api/actor?actor={quote('Vladimir Putin')}")["names"]
