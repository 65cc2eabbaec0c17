"""Fixtures of the explorer's tests: a real corpus built with `newsgraph ingest`, the real
server (`newsgraph serve` in a subprocess on a free port) and Debian's Chromium driven by
Playwright, with every request that is not to the test server blocked and counted.

The corpus holds the wire stories of tests/data/web/wire.jsonl, the demo articles of
samples/, two outlets' reports of one drone strike (tests/data/web/stories.jsonl: one story,
a disputed toll), an article whose text, title and URL carry markup and `javascript:` payloads (run
through the pipeline), and a finished record with payloads in every field the views show
(names, quotes, outlet, authors, roles, places, flags) and its retelling: see `payload_record`.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIRE = ROOT / "tests" / "data" / "web" / "wire.jsonl"
STORIES = ROOT / "tests" / "data" / "web" / "stories.jsonl"   # one happening, two outlets
SAMPLES = ROOT / "samples"
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Every payload, if it ran, would set window.__xss (or open a dialog): the tests check neither.
SCRIPT = "<script>window.__xss='script'</script>"
IMG = "\"><img src=x onerror=\"window.__xss='img'\">"
SVG = "<svg onload=\"window.__xss='svg'\">Bob</svg>"
JS_URL = "javascript:window.__xss='url'"


def payload_text_article() -> dict:
    """An article with payloads in its title, text and URL, for the real pipeline."""
    text = (f"Ministers meet in Geneva {SCRIPT}\n\n"
            f"GENEVA (AP) — Swiss Foreign Minister Ignazio Cassis met Italian Foreign Minister "
            f"Antonio Tajani in Geneva on Monday {IMG} to discuss border controls.\n\n"
            f"\"We agreed on a plan {SVG}, see {JS_URL},\" Cassis said after the meeting.\n")
    return {"id": "payload-text", "title": f"Talks {SCRIPT}{IMG}", "published": "2024-06-03",
            "url": JS_URL, "text": text}


def payload_record(retold: bool = False) -> dict:
    """A finished contract record whose names, quotes, outlet, authors, role, place and flag
    all carry payloads (ingest stores such a record as it is). `retold`: the same meeting told
    a day later, at another town (a payload too) on another day, so the two make one story
    whose occurrence's place and date are disputed, payloads in the versions."""
    town, day, weekday = (f"Zendor{SCRIPT}", "2024-06-05", "Wednesday") if retold else ("Zenda", "2024-06-04", "Tuesday")
    text = (f"Envoys talk in Zenda\n\n"
            f"ZENDA (Wire) — Foreign Minister {IMG} met Ambassador {SVG} in {town} on {weekday}.\n\n"
            f"\"Open {JS_URL} now {SCRIPT},\" the minister said.\n")
    at = text.index
    e1, e2 = (at(IMG), at(IMG) + len(IMG)), (at(SVG), at(SVG) + len(SVG))
    quote = (at("Open"), at(SCRIPT) + len(SCRIPT))
    met = at(" met ") + 1
    sentence = (at("ZENDA"), at(f"{weekday}.") + len(weekday) + 1)
    zenda = text.index(town, sentence[0] + 10)
    return {
        "id": "payload-record" + ("-retold" if retold else ""), "title": f"Envoys {SCRIPT} {IMG}",
        "published": day,
        "language": "en", "url": JS_URL, "outlet": f"<b onmouseover=\"window.__xss='outlet'\">Wire</b>",
        "authors": [f"{IMG} Reporter"], "text": text, "body": {"start": 22, "end": len(text)},
        "entities": [
            {"id": "E1", "label": "PERSON", "name": IMG,
             "mentions": [{"start": e1[0], "end": e1[1], "kind": "name"}],
             "actor": {"code": "RURGOV", "country": "RUR", "sector": "GOV", "role": SCRIPT}},
            {"id": "E2", "label": "PERSON", "name": SVG,
             "mentions": [{"start": e2[0], "end": e2[1], "kind": "name"}],
             "actor": {"code": "ZENGOV", "country": "ZEN", "sector": "GOV", "role": JS_URL}},
        ],
        "quotes": [{"id": "Q1", "kind": "direct", "content": {"start": quote[0], "end": quote[1]},
                    "cue": {"start": at("said"), "end": at("said") + 4},
                    "source": {"start": at("the minister"), "end": at("the minister") + 12},
                    "speaker": "E1", "via": [{"entity": "E2", "start": e2[0], "end": e2[1]}]}],
        "times": [{"start": at(weekday), "end": at(weekday) + len(weekday), "type": "DATE", "value": day}],
        "places": [{"start": zenda, "end": zenda + len(town), "name": f"{IMG}{town}", "geonameid": None,
                    "lat": 47.1, "lon": 8.2, "country_code": "CH", "feature_code": "PPL", "entity": None}],
        "events": [{"id": "V1", "event": "CONSULT", "mode": "meet", "context": [], "actor": ["E1"],
                    "recipient": ["E2"], "trigger": {"start": met, "end": met + 3},
                    "sentence": {"start": sentence[0], "end": sentence[1]}, "place": 0,
                    "date": day, "status": "asserted", "attributed_to": None}],
        "flags": [{"kind": "loaded_language", "start": at("Open"), "end": at("Open") + 4, "note": SVG}],
    }


@pytest.fixture(scope="session")
def corpus_inputs(tmp_path_factory) -> list[str]:
    """What the test corpus is made of: our wire stories, the demo articles, two outlets on one
    drone strike (disagreeing on the toll), the payloads."""
    payloads = tmp_path_factory.mktemp("inputs") / "payloads.jsonl"
    records = (payload_text_article(), payload_record(), payload_record(retold=True))
    payloads.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return [str(WIRE), str(SAMPLES), str(STORIES), str(payloads)]


def ingest(inputs: list[str], db: str) -> None:
    """`newsgraph ingest` of `inputs` into `db` (a DuckDB file or a PostgreSQL URL)."""
    done = subprocess.run([str(NEWSGRAPH), "ingest", *inputs, "--db", db, "--workers", "1", "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, corpus_inputs) -> Path:
    """A DuckDB corpus made by `newsgraph ingest` from our articles and the payloads."""
    db = tmp_path_factory.mktemp("explorer") / "corpus.duckdb"
    ingest(corpus_inputs, str(db))
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: str):
    """The base URL of `newsgraph serve` over `db`, running until the block ends."""
    port = free_port()
    proc = subprocess.Popen([str(NEWSGRAPH), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/search", timeout=5).read()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"newsgraph serve did not start: {proc.stdout.read().decode()[-2000:]}")
            time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(corpus_db):
    """The base URL of `newsgraph serve` over the DuckDB corpus, for the whole session."""
    with serving(str(corpus_db)) as base:
        yield base


def get(url: str) -> tuple[int, str]:
    """(status, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def get_json(url: str):
    status, body = get(url)
    assert status == 200, body
    return json.loads(body)


# -- the browser (pytest-playwright's fixtures, launched on Debian's Chromium) -------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (apt-get install -y chromium): Playwright cannot "
                    "download its own browser here")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS,
            "headless": True}


class Watch:
    """What a page did that it must not: requests off the test server, dialogs, script errors."""

    def __init__(self, base: str):
        self.base = base
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []


@pytest.fixture
def watched(page, server):
    """The Playwright page, with every request not to the test server aborted and recorded,
    dialogs dismissed and recorded, page errors and console messages kept."""
    watch = Watch(server)

    def route(r):
        if r.request.url.startswith(server + "/") or r.request.url == server:
            r.continue_()
        else:
            watch.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("console", lambda m: watch.console.append(f"{m.type}: {m.text}"))
    yield page, watch
    assert watch.blocked == [], f"requests off the test server: {watch.blocked}"
    assert watch.dialogs == [], f"dialogs opened: {watch.dialogs}"
    assert watch.errors == [], f"script errors: {watch.errors}"
