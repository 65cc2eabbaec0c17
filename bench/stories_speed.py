"""Story and occurrence linking cost per article at 1k, 10k and 100k articles.

    .venv/bin/python bench/stories_speed.py --records RECORDS.jsonl --sizes 1000 10000 100000

RECORDS.jsonl holds analysed records (the output of `newsgraph extract`, e.g. on
../shared/eval/data/ecbplus-dev/articles.jsonl; never copied into the repository). A corpus of
N articles is made of synthetic variants of them, built on the fly and not timed:
- variant v of a record rewrites a third of its words (chosen by v) with a letter shift, in
  the text and in the entity names alike, so offsets and mentions stay valid and each variant
  reads as another happening with its own names;
- `--dated` (default) gives variant v a publication date 40 days after variant v-1 (the
  base records' own rate: one copy of the base set a slot), so the time window blocks as on a
  real feed; `--undated` gives none, the worst case for blocking (the posting lists only grow).
Each size is linked from an empty state in one process. As ingest would, the rows that changed
are taken (`LinkerState.take_changes()`) every 64 articles, and that is timed with the
linking; writing them to a store is not (the store's cost). The table gives the mean cost per
article over all of them and over the last 10% (where the state is largest), the number of
stories, occurrences, edges and change rows, and the peak RSS of the process.

`--ingest-ms A` (the per-article cost of `newsgraph ingest` without linking, from
bench/ingest_speed.py on the same machine) adds `link_share_of_ingest`: linking's share of an
ingest that links, link / (A + link), the issue's bar being <= 15% at 10k.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.stories import StoryLinker  # noqa: E402
from newsgraph.stories.terms import WORD  # noqa: E402

SLOT_DAYS = 40
START = date(2001, 1, 1)


def shift(word: str, k: int) -> str:
    """Each letter moved k places in the alphabet (case kept): same length, another word."""
    out = []
    for c in word:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)


def rewrite(text: str, v: int) -> str:
    """Variant v of a text: the words (4+ letters) a hash of (word, v) picks, shifted."""
    if v == 0:
        return text
    k = v % 25 + 1

    def one(m):
        w = m.group()
        pick = len(w) >= 4 and hashlib.blake2s(f"{w.lower()}|{v // 25}".encode(), digest_size=2).digest()[0] % 3 == 0
        return shift(w, k) if pick else w

    return WORD.sub(one, text)


def variant(record: dict, v: int, dated: bool) -> dict:
    out = dict(record)
    out["id"] = f"{record['id']}~{v}"
    out["text"] = rewrite(record.get("text") or "", v)
    out["entities"] = [{**e, "name": rewrite(e.get("name") or "", v)} for e in record.get("entities") or []]
    out["published"] = (START + timedelta(days=SLOT_DAYS * v)).isoformat() if dated else None
    return out


def corpus(records: list[dict], n: int, dated: bool):
    for i in range(n):
        yield variant(records[i % len(records)], i // len(records), dated)


BATCH = 64   # ingest's batch of articles per transaction


def run(records: list[dict], n: int, dated: bool) -> dict:
    StoryLinker().link(records[0])  # loads the word tables once (about 0.6 s), not timed
    linker = StoryLinker()
    times, rows = [], 0
    for i, record in enumerate(corpus(records, n, dated), 1):
        t0 = time.perf_counter()
        linker.link(record)
        if i % BATCH == 0 or i == n:
            changes = linker.state.take_changes()
            rows += sum(len(r) for r in changes.upsert.values()) + len(changes.delete)
        times.append(time.perf_counter() - t0)
    tail = times[-max(1, n // 10):]
    state = linker.state
    return {"articles": n, "dated": dated, "ms_per_article": round(1000 * sum(times) / n, 2),
            "ms_last_10pct": round(1000 * sum(tail) / len(tail), 2),
            "ms_max": round(1000 * max(times), 1),
            "stories": len(state.members), "occurrences": len(state.book.occurrences),
            "edges": sum(len(v) for v in state.edges.values()) // 2, "change_rows": rows,
            "active_articles": sum(a.vectors is not None for a in state.articles.values()),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--undated", action="store_true", help="no publication dates (worst case)")
    ap.add_argument("--ingest-ms", type=float, metavar="A",
                    help="ingest's cost per article without linking (bench/ingest_speed.py): report the share")
    args = ap.parse_args()
    records = [json.loads(line) for line in args.records.open(encoding="utf-8") if line.strip()]
    records = [r for r in records if not r.get("error")]
    for n in args.sizes:
        result = run(records, n, not args.undated)
        if args.ingest_ms:
            result["link_share_of_ingest"] = round(result["ms_per_article"] / (args.ingest_ms + result["ms_per_article"]), 3)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
