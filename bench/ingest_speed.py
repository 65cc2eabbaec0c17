"""Ingest benchmark: throughput against `newsgraph extract`, kill -9 and resume, re-ingest.

    .venv/bin/python bench/ingest_speed.py --workers 2
    .venv/bin/python bench/ingest_speed.py --limit 100      # a quick look

Reads the 588 LGL articles (../shared/eval/data/lgl/lgl.xml) and the 256 TimeBank documents
(../shared/eval/data/timebank/*/*.tml) with a small reader of those formats into a temporary
contract JSONL (the data is never copied into the repository), then:

1. times `newsgraph extract` on it, and `newsgraph ingest` into a fresh DuckDB file, with the
   same worker count (bar: ingest throughput >= 0.9x extract);
2. starts another ingest, kills it with SIGKILL once about half the articles are stored,
   ingests again and compares the row counts of every content table with the uninterrupted
   run (bar: equal);
3. ingests a third time (bar: no row added).

Prints one JSON object with the numbers.
"""
from __future__ import annotations

import argparse
import glob
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from newsgraph.corpus.schema import CONTENT_TABLES  # noqa: E402
from newsgraph.corpus.store import open_store, peek_articles  # noqa: E402

NEWSGRAPH = os.path.join(ROOT, ".venv", "bin", "newsgraph")
DATA = os.path.join(ROOT, "..", "shared", "eval", "data")


def read_lgl(path: str) -> list[dict]:
    """LGL articles: id = docid, text exactly as the XML holds it, title, published (dltime)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        rec = {"id": f"lgl-{art.get('docid')}", "text": art.findtext("text") or "",
               "title": (art.findtext("title") or "").strip()}
        m = re.search(r"\b(\d{4})-(\d\d)-(\d\d)", art.findtext("dltime") or "")
        if m:
            rec["published"] = m.group(0)
        out.append(rec)
    return out


def read_timeml(folder: str) -> list[dict]:
    """TimeBank/AQUAINT .tml: the TEXT element with tags removed, the DCT's day as published."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*", "*.tml"))):
        raw = open(path, encoding="utf-8").read()
        m = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", raw, re.S)
        if not m:
            continue
        rec = {"id": "tb-" + os.path.basename(path), "text": html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))}
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', raw) or \
            re.search(r'value="(\d{4}-\d\d-\d\d)[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw)
        if dct:
            rec["published"] = dct.group(1)
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        if title:
            rec["title"] = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip()
        out.append(rec)
    return out


def content_counts(db: str) -> dict:
    return open_store(db, read_only=True).counts(CONTENT_TABLES)


def timed(cmd: list[str]) -> float:
    start = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--keep", help="a folder to keep the input and databases in")
    args = parser.parse_args()

    records = read_lgl(os.path.join(DATA, "lgl", "lgl.xml")) + read_timeml(os.path.join(DATA, "timebank"))
    if args.limit:
        records = records[:args.limit]
    work = args.keep or tempfile.mkdtemp(prefix="ingest-bench-")
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "input.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = len(records)
    w = ["--workers", str(args.workers), "--quiet"]

    extract_s = timed([NEWSGRAPH, "extract", src, "--output", os.path.join(work, "out.jsonl")] + w)
    full_db = os.path.join(work, "full.duckdb")
    for path in glob.glob(full_db + "*"):
        os.remove(path)
    ingest_s = timed([NEWSGRAPH, "ingest", src, "--db", full_db] + w)
    full = content_counts(full_db)

    killed_db = os.path.join(work, "killed.duckdb")
    for path in glob.glob(killed_db + "*"):
        os.remove(path)
    proc = subprocess.Popen([NEWSGRAPH, "ingest", src, "--db", killed_db] + w, stdout=subprocess.DEVNULL)
    stored_at_kill = None
    while proc.poll() is None:
        stored = peek_articles(killed_db)
        if stored is not None and stored >= n // 2:
            proc.send_signal(signal.SIGKILL)
            stored_at_kill = stored
            break
        time.sleep(0.2)
    proc.wait()
    stored_at_kill = content_counts(killed_db)["articles"]
    resume_s = timed([NEWSGRAPH, "ingest", src, "--db", killed_db] + w)
    resumed = content_counts(killed_db)
    again_s = timed([NEWSGRAPH, "ingest", src, "--db", killed_db] + w)
    again = content_counts(killed_db)

    result = {
        "documents": n, "workers": args.workers,
        "extract_s": round(extract_s, 1), "extract_docs_per_s": round(n / extract_s, 2),
        "ingest_s": round(ingest_s, 1), "ingest_docs_per_s": round(n / ingest_s, 2),
        "ingest_vs_extract": round(extract_s / ingest_s, 3),
        "rows": full,
        "killed_at_articles": stored_at_kill, "resume_s": round(resume_s, 1),
        "resume_same_rows": resumed == full,
        "second_ingest_s": round(again_s, 1), "second_ingest_adds_nothing": again == resumed,
        "db_bytes": os.path.getsize(full_db),
    }
    print(json.dumps(result, indent=1))
    ok = result["ingest_vs_extract"] >= 0.9 and result["resume_same_rows"] and result["second_ingest_adds_nothing"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
