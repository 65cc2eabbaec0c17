"""How fast the explorer answers on a 10k-article corpus: median and p95 per page and API.

    .venv/bin/python bench/web_latency.py [--db /tmp/newsgraph-web-10k.duckdb] [--articles 10000]
                                          [--real 300] [--requests 30]

The corpus (built once, then reused): `--real` variants of our own wire stories
(tests/data/web/wire.jsonl) with other countries, capitals, people and dates substituted, are
analysed for real with `newsgraph ingest`, with our two outlets' reports of one drone strike
(tests/data/web/stories.jsonl: a disputed toll); their rows are then replicated with SQL under
new article keys, each copy shifted in time by whole weeks, up to `--articles` articles
(analysing 10k articles on 2 cores would take most of an hour and measure the pipeline, not
the web app). The copies come without stories; a second `newsgraph ingest` links them all
(its backfill of articles stored without a story), so the stories, occurrences and
disagreements are the linker's own over the 10k. The server is the real `newsgraph serve` in a subprocess; every request is timed from
the client (urllib, one at a time) after one warm-up request. Bar: pages answer in <= 300 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "tests" / "data" / "web" / "wire.jsonl"
STORIES = ROOT / "tests" / "data" / "web" / "stories.jsonl"
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
sys.path.insert(0, str(ROOT / "src"))

# name, adjective, capital, another city, a minister, a leader (people invented for the bench)
COUNTRIES = [
    ("Japan", "Japanese", "Tokyo", "Osaka", "Yoko Kamikawa", "Fumio Kishida"),
    ("South Korea", "South Korean", "Seoul", "Busan", "Cho Tae-yul", "Han Duck-soo"),
    ("France", "French", "Paris", "Marseille", "Claire Duval", "Henri Marchand"),
    ("Germany", "German", "Berlin", "Hamburg", "Katrin Vogel", "Lukas Brandt"),
    ("India", "Indian", "New Delhi", "Mumbai", "Arjun Mehta", "Ravi Sharma"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo", "Marina Costa", "Paulo Ribeiro"),
    ("Argentina", "Argentine", "Buenos Aires", "Cordoba", "Lucia Ferrer", "Diego Morales"),
    ("Turkey", "Turkish", "Ankara", "Istanbul", "Emre Yildiz", "Selim Kaya"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria", "Omar Farouk", "Nabil Hassan"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa", "Grace Wanjiru", "Peter Otieno"),
    ("Poland", "Polish", "Warsaw", "Krakow", "Anna Nowak", "Tomasz Wrobel"),
    ("Mexico", "Mexican", "Mexico City", "Guadalajara", "Sofia Ramirez", "Jorge Castillo"),
    ("Australia", "Australian", "Canberra", "Sydney", "Emma Clarke", "James Whitfield"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya", "Dewi Lestari", "Budi Santoso"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos", "Ngozi Adeyemi", "Tunde Bello"),
    ("Canada", "Canadian", "Ottawa", "Toronto", "Claire Tremblay", "Mark Sinclair"),
]

# per story: the literal strings of side A and side B, in the order of COUNTRIES' fields
SIDES = {
    "ap-tokyo-talks": (("Japan", "Japanese", "Tokyo", None, "Yoko Kamikawa", None),
                       ("South Korea", "South Korean", "Seoul", None, "Cho Tae-yul", None)),
    "reuters-missiles": (("South Korea", None, "Seoul", None, None, None),
                         ("Japan", "Japanese", "Tokyo", None, "Yoshimasa Hayashi", None)),
    "ap-cho-visit": (("South Korea", "South Korean", None, None, "Cho Tae-yul", None),
                     ("Japan", None, "Tokyo", None, None, "Fumio Kishida")),
    "reuters-textbooks": (("South Korea", None, "Seoul", None, None, None),
                          ("Japan", "Japanese", "Tokyo", None, "Hayashi", None)),
    "ap-lula-visit": (("Brazil", "Brazilian", None, None, None, "Luiz Inacio Lula da Silva"),
                      ("Argentina", "Argentine", "Buenos Aires", None, None, "Javier Milei")),
    "reuters-kharkiv": (("Russia", "Russian", "Moscow", None, None, None),
                        ("Ukraine", "Ukrainian", "KYIV", "Kharkiv", None, "Volodymyr Zelenskiy")),
}
PAGES = [
    ("search", "/search"), ("search words", "/search?q=foreign+minister"),
    ("search actor+type+dates", "/search?actor=FRA&type=CONSULT&since=2023-01-01&until=2024-12-31"),
    ("search outlet+place", "/search?outlet=Reuters&place=Paris"),
    ("article", "/article/{key}"), ("article + evidence", "/article/{key}?fact=V1"),
    ("actor country", "/actor?actor=FRA"), ("actor name", "/actor?actor=Claire+Duval"),
    ("dyad", "/dyad?a={a}&b={b}"), ("dyad, next page", "/dyad?a={a}&b={b}&offset=100"),
    ("map", "/map"), ("map type+dates", "/map?type=CONSULT&since=2024-01-01"),
    ("network", "/network"), ("network by name", "/network?by=name&top=100"),
    ("stories", "/stories"), ("stories min+dates", "/stories?min=3&since=2023-01-01&until=2024-12-31"),
    ("story, most told", "/story/{story}"), ("story, most disputed", "/story/{disputed}"),
    ("article + span", "/article/{span_key}?fact={span_event}&span={span}"),
]


def variants(n: int, seed: int = 13) -> list[dict]:
    """`n` articles: our wire stories with two other countries (and their people) swapped in."""
    rng = random.Random(seed)
    stories = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        story = stories[i % len(stories)]
        a, b = rng.sample(COUNTRIES, 2)
        text = story["text"]
        pairs = []
        for side, country in zip(SIDES[story["id"]], (a, b)):
            pairs += [(old, new if old != "KYIV" else new.upper()) for old, new in zip(side, country) if old]
            if side[2] and side[2] != "KYIV":
                pairs.append((side[2].upper(), country[2].upper()))  # the dateline
        for old, new in sorted(pairs, key=lambda p: -len(p[0])):
            text = text.replace(old, f"\0{pairs.index((old, new))}\0")
        for j, (_, new) in enumerate(pairs):
            text = text.replace(f"\0{j}\0", new)
        day = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2022, 1, 1, 12, 0, 0, 0, 0, 0)) + rng.randrange(1200) * 86400))
        out.append({"id": f"bench-{i}-{story['id']}", "text": text, "published": day})
    return out


def replicate(db: str, target: int) -> None:
    """Copy every article's rows under new keys (each copy a week later) to at least `target` articles."""
    import duckdb

    from newsgraph.corpus.schema import ARTICLE_TABLES, columns

    con = duckdb.connect(db)
    have = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = -(-target // have) - 1
    con.execute("CREATE TEMP TABLE copies AS SELECT range AS i FROM range(1, ?)", [copies + 1])
    shift = "INTERVAL (c.i * 7) DAY"
    new_key = "substr(md5(t.article_key || '-' || c.i::VARCHAR), 1, 32)"
    month = f"strftime(CAST(t.month || '-15' AS DATE) + {shift}, '%Y-%m')"
    con.execute("BEGIN TRANSACTION")
    for table in ARTICLE_TABLES:
        exprs = []
        for col in columns(table):
            if col == "article_key":
                exprs.append(new_key)
            elif table == "articles" and col == "id":
                exprs.append("t.id || '#' || c.i::VARCHAR")
            elif col in ("story_id", "occurrence_id"):
                exprs.append("NULL")  # linked by the next ingest's backfill
            elif col in ("published", "day"):
                exprs.append(f"CAST(t.{col} + {shift} AS DATE)")
            elif col == "month":
                exprs.append(f"CASE WHEN t.month ~ '^[0-9]{{4}}-[0-9]{{2}}$' THEN {month} ELSE t.month END")
            else:
                exprs.append(f"t.{col}")
        con.execute(f"INSERT INTO {table} SELECT {', '.join(exprs)} FROM {table} t, copies c")
    con.execute("COMMIT")
    con.close()


def build(db: str, articles: int, real: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "variants.jsonl"
        src.write_text("\n".join(json.dumps(r) for r in variants(real)) + "\n", encoding="utf-8")
        t = time.monotonic()
        subprocess.run([str(NEWSGRAPH), "ingest", str(src), str(STORIES), "--db", db, "--quiet"], check=True)
        print(f"ingested {real} variants in {time.monotonic() - t:.0f} s", file=sys.stderr)
    replicate(db, articles)
    t = time.monotonic()
    subprocess.run([str(NEWSGRAPH), "ingest", str(STORIES), "--db", db, "--quiet"], check=True)
    print(f"linked the copies into stories in {time.monotonic() - t:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(url: str) -> float:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        assert r.status == 200, url
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "newsgraph-web-10k.duckdb"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--real", type=int, default=300, help="variants analysed for real (default 300)")
    ap.add_argument("--requests", type=int, default=30, help="timed requests per URL (default 30)")
    args = ap.parse_args()
    if not os.path.exists(args.db):
        build(args.db, args.articles, args.real)
    import duckdb

    con = duckdb.connect(args.db, read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "entities", "events", "quotes")}
    key = con.execute("SELECT article_key FROM articles WHERE n_events > 3 ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    from newsgraph.corpus.query import dyads, stories
    from newsgraph.corpus.store import open_store

    store = open_store(args.db, read_only=True)
    pair = store.dicts(*dyads(top=1))[0]  # the most active dyad
    told = store.dicts(*stories(limit=1))[0]
    disputed = store.dicts("SELECT o.story_id, count(*) AS n FROM disagreements d JOIN occurrences o "
                           "ON o.occurrence_id = d.occurrence_id GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1")[0]
    version = store.dicts("SELECT article_key, event_id, start_char, end_char FROM disagreements d "
                          "JOIN occurrences o ON o.occurrence_id = d.occurrence_id WHERE o.story_id = :s "
                          "ORDER BY 1, 2 LIMIT 1", {"s": disputed["story_id"]})[0]
    counts.update({t: store.dicts(f"SELECT count(*) AS n FROM {t}")[0]["n"]
                   for t in ("stories", "occurrences", "disagreements")})
    print(f"corpus {args.db}: {counts}; dyad {pair['actor']}-{pair['recipient']} ({pair['events']} events); "
          f"story {told['story_id']} ({told['articles']} articles, {told['occurrences']} occurrences); "
          f"story {disputed['story_id']} ({disputed['n']} disagreement rows)")
    port = free_port()
    server = subprocess.Popen([str(NEWSGRAPH), "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                timed(base + "/search")
                break
            except OSError:
                time.sleep(0.1)
        print(f"{'view':28} {'page median':>11} {'p95':>7} {'api median':>11} {'p95':>7}  (ms, {args.requests} requests each)")
        worst = 0.0
        for name, path in PAGES:
            path = path.format(key=key, a=pair["actor"], b=pair["recipient"], story=told["story_id"],
                               disputed=disputed["story_id"], span_key=version["article_key"],
                               span_event=version["event_id"],
                               span=f"{version['start_char']}-{version['end_char']}")
            row = []
            for url in (base + path, base + "/api" + path):
                timed(url)  # warm-up
                times = sorted(timed(url) for _ in range(args.requests))
                row += [statistics.median(times), times[int(0.95 * (len(times) - 1))]]
            worst = max(worst, row[1])
            print(f"{name:28} {row[0]:11.1f} {row[1]:7.1f} {row[2]:11.1f} {row[3]:7.1f}")
        print(f"slowest page p95: {worst:.0f} ms (bar: 300 ms)")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
