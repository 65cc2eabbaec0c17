"""The explorer shows hostile text as text and treats hostile parameters as values.

The corpus holds an article analysed from a text full of payloads and a finished record with
payloads in every field a view shows. Each payload, if it ran, would set `window.__xss` or open
a dialog; none may, on any view, and the payloads must be visible as the text they are. SQL in
query parameters is rejected (400) or matched as a plain value: never a 500, never other
results, and the database is the same afterwards."""
from __future__ import annotations

import json
from urllib.parse import quote, urlencode

import duckdb
import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import IMG, JS_URL, SCRIPT, SVG, get, get_json

HOSTILE_MARKUP = "document.querySelectorAll('[onerror],[onload],[onmouseover],script:not([src]):not([type])').length"


def payload_pages(server: str) -> list[str]:
    rows = get_json(f"{server}/api/search?limit=500")["articles"]
    keys = {r["id"]: r["article_key"] for r in rows}
    story = next(r["story_id"] for r in rows if r["id"] == "payload-record")
    return [f"/story/{story}", "/stories", f"/article/{keys['payload-record']}?fact=V1&span=22-60",
            f"/article/{keys['payload-record']}", f"/article/{keys['payload-text']}",
            f"/article/{keys['payload-record']}?fact=Q1", "/search?q=Zenda", "/search?q=" + quote(SCRIPT),
            "/actor?actor=RUR", "/actor?" + urlencode({"actor": IMG}), "/actor?" + urlencode({"actor": SVG}),
            "/dyad?a=RUR&b=ZEN", "/map", "/network?by=name&top=200", "/network?by=code&top=200",
            "/search?" + urlencode({"q": IMG, "actor": SVG, "place": JS_URL})]


def test_payloads_never_run_and_show_as_text(watched, server):
    page, watch = watched
    for path in payload_pages(server):
        page.goto(server + path)
        if page.locator(".chart").count():
            page.wait_for_selector(".chart[data-rendered]", timeout=20000)
        for marked in page.locator("#text [data-facts]").all()[:40]:
            marked.click()                        # the fields panel is built from the record
        page.mouse.move(10, 10)
        assert page.evaluate("window.__xss") is None, path
        assert page.evaluate(HOSTILE_MARKUP) == 0, path
        assert page.locator("img").count() == 0, path
        assert page.locator("a[href^='javascript:' i]").count() == 0, path
    assert watch.dialogs == []


def test_payload_record_is_shown_verbatim(watched, server):
    page, _ = watched
    rows = get_json(f"{server}/api/search?q=Zenda")["articles"]
    key = next(r["article_key"] for r in rows if r["id"] == "payload-record")
    page.goto(f"{server}/article/{key}")
    assert page.inner_text("h1") == f"Envoys {SCRIPT} {IMG}"
    assert page.title().startswith(f"Envoys {SCRIPT}")
    text = page.inner_text("#text")
    assert IMG in text and SVG in text and JS_URL in text and SCRIPT in text
    meta = page.inner_text(".doc-head .meta")
    assert "<b onmouseover=" in meta and JS_URL in meta          # the outlet and the URL, as text
    assert IMG in page.inner_text("aside.facts")                 # the names
    page.locator("#text .m-quote").first.click()
    panel = page.inner_text("#panel")
    assert "Q1 · direct quote by " + IMG in panel and "speaker\tE1" in panel
    page.goto(server + "/actor?" + urlencode({"actor": IMG}))
    assert page.locator("h1").inner_text() == IMG
    assert f"“Open {JS_URL} now {SCRIPT}”" in page.inner_text("main")   # the quote by E1


def table_counts(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "entities", "quotes", "events", "places", "runs", "errors")}
    finally:
        con.close()


INJECTIONS = ["RUS' OR '1'='1", "x'); DROP TABLE articles; --", "1 UNION SELECT article_key FROM articles",
              "%' OR 1=1 --", "'; UPDATE articles SET title = 'owned'; --", "Robert'); DELETE FROM events;--"]


def test_sql_in_text_parameters_is_only_a_value(server, corpus_db):
    before = table_counts(corpus_db)
    for value in INJECTIONS:
        for path, name in (("/api/search", "q"), ("/api/search", "actor"), ("/api/search", "outlet"),
                           ("/api/search", "place"), ("/api/actor", "actor"), ("/api/dyad", "a")):
            params = {name: value, **({"b": "KOR"} if path == "/api/dyad" else {})}
            status, body = get(f"{server}{path}?{urlencode(params)}")
            assert status == 200, (path, name, value, body)
            data = json.loads(body)
            if path == "/api/search":
                assert data["total"] == 0, (name, value)
            elif path == "/api/actor":
                assert data["names"] == [] and data["events_as_actor"] == []
            else:
                assert data["timeline"] == [] and data["events"] == []
        for page in ("/search", "/actor", "/dyad"):
            status, _ = get(f"{server}{page}?{urlencode({'q': value, 'actor': value, 'a': value, 'b': value})}")
            assert status == 200
    assert table_counts(corpus_db) == before
    assert get_json(f"{server}/api/search?q=textbooks")["total"] == 1


def test_sql_in_typed_parameters_is_rejected(server, corpus_db):
    before = table_counts(corpus_db)
    for path in ("/api/search?type=" + quote("CONSULT' OR '1'='1"),
                 "/api/search?since=" + quote("2024-01-01' OR 1=1 --"),
                 "/api/search?limit=" + quote("1; DROP TABLE articles"),
                 "/api/search?offset=" + quote("0 UNION SELECT 1"),
                 "/api/network?by=" + quote("country FROM actors; --"),
                 "/api/network?top=" + quote("5) OR (1=1"),
                 "/api/article/" + quote("' OR '1'='1", safe=""),
                 "/api/article/" + "0" * 32 + "?fact=" + quote("V1' OR 1=1")):
        status, body = get(server + path)
        assert status in (400, 404), (path, status, body)
        assert "error" in json.loads(body)
    assert table_counts(corpus_db) == before


def test_bad_parameters_are_400_with_a_reason(server):
    for path, said in (("/search?type=FOO", "type: is not a PLOVER type"),
                       ("/search?since=2024-02-30", "since: is not a day"),
                       ("/search?since=2024-05-01&until=2024-04-01", "since: is after until"),
                       ("/search?limit=0", "limit: is not a whole number"),
                       ("/network?by=planet", "by: is not one of"),
                       ("/article/abc", "key: is not an article key"),
                       ("/article/" + "0" * 32 + "?span=9-3", "span: is not a span"),
                       ("/story/S1'%20OR%20'1'='1", "id: is not a story id"),
                       ("/story/42", "id: is not a story id"),
                       ("/stories?min=0", "min: is not a whole number"),
                       ("/stories?until=2024-01-01&since=2024-02-01", "since: is after until"),
                       ("/search?q=" + "x" * 201, "q: is longer than 200")):
        status, body = get(server + path)
        assert status == 400, path
        assert said in body, (path, body[:500])
        status, body = get(server + "/api" + path)
        assert status == 400 and said in json.loads(body)["error"]
    status, _ = get(server + "/article/" + "0" * 32)
    assert status == 404
    status, body = get(server + "/api/story/S999999")
    assert status == 404 and json.loads(body)["error"] == "no story S999999 in this corpus"
    assert get(server + "/no/such/page")[0] == 404


def test_pages_forbid_inline_and_outside_scripts(server):
    import urllib.request

    with urllib.request.urlopen(server + "/map") as r:
        csp = r.headers["Content-Security-Policy"]
        assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self' 'unsafe-eval';" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_the_watch_catches_outside_requests(page, server):
    """The guard of every browser test: a request off the test server is stopped and seen."""
    from conftest import Watch

    watch = Watch(server)

    def route(r):
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            watch.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(server + "/search")
    with pytest.raises(PlaywrightError):
        page.goto("http://outside.invalid/track.js")
    assert watch.blocked == ["http://outside.invalid/track.js"]
    # and the pages' Content-Security-Policy stops a script's own call out before any route
    other = page.context.new_page()
    other.route("**/*", route)
    other.goto(server + "/search")
    assert other.evaluate("fetch('http://outside.invalid/x').then(() => 'sent', () => 'refused')") == "refused"
    assert watch.blocked == ["http://outside.invalid/track.js"]
