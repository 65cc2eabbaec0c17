"""Stories and occurrences measured offline: analysed records through the StoryLinker, scored
exactly as ../shared/eval/stories.py scores a corpus (its bcubed and links functions are
imported from there, not copied), without running ingest.

    python eval/stories_offline.py --shared ../shared --records ecbplus.jsonl
        [--data ../shared/eval/data/ecbplus-dev] [--json out.json]

`--records` holds the output records of `newsgraph extract` on the data's articles.jsonl.
Every run is reported for the odd-numbered topics (the only ones the weights and settings
were tuned on), the even ones and all, each fed alone; in the file order and in a shuffled
order (fixed seed); and at once versus in two halves with the state written to rows (JSON)
and read back in between, as two ingest runs would. The halves must give the same ids.
Standard library and newsgraph only.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.stories import LinkerState, StoryLinker  # noqa: E402


def load_scorer(shared: Path):
    """bcubed and links of ../shared/eval/stories.py (the scorer the issue names)."""
    sys.path.insert(0, str(shared / "eval"))
    import stories as scorer  # noqa: E402

    return scorer


def round_trip(state: LinkerState) -> LinkerState:
    """The state as a store would give it back: rows through JSON (dates as ISO text)."""
    text = json.dumps(state.to_rows(), default=str)
    return LinkerState.from_rows({t: [tuple(r) for r in rows] for t, rows in json.loads(text).items()})


def link_all(records: list[dict], halves: bool = False, model=None) -> tuple[dict, dict, float]:
    """Feed records in order; return ({id: story}, {id: [(start, end, occurrence)]}, seconds).
    `model`: a LinkModel other than the fitted one (for fitting)."""
    linker = StoryLinker(model=model)
    stories: dict[str, str] = {}
    occurrence: dict[tuple[str, str], str] = {}
    middle = len(records) // 2 if halves else -1
    t0 = time.perf_counter()
    for i, record in enumerate(records):
        if i == middle:
            linker = StoryLinker(round_trip(linker.state), model=model)
        result = linker.link(record)
        stories[result.article_key] = result.story_id
        stories.update(result.moved)
        for (key, event_id), occ in getattr(result, "occurrences", {}).items():
            occurrence[(key, event_id)] = occ
    seconds = time.perf_counter() - t0
    events = defaultdict(list)
    for record in records:
        for e in record.get("events") or []:
            if e.get("trigger"):
                events[record["id"]].append((e["trigger"]["start"], e["trigger"]["end"],
                                             occurrence.get((record["id"], e["id"]))))
    return stories, dict(events), seconds


def score(scorer, stories: dict, events: dict, gold: dict) -> dict:
    p, r, f = scorer.bcubed(stories, {d: g["story"] for d, g in gold.items()})
    out = {"story_f1": f, "story_p": p, "story_r": r, "n_stories": len(set(stories.values())),
           "gold_stories": len({g["story"] for g in gold.values()})}
    out.update(scorer.links(events, gold))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--records", type=Path, required=True, help="newsgraph extract output")
    ap.add_argument("--data", type=Path, help="gold folder (default: SHARED/eval/data/ecbplus-dev)")
    ap.add_argument("--seed", type=int, default=12, help="seed of the shuffled order")
    ap.add_argument("--only", choices=["odd", "even", "all"], help="one topic set only")
    ap.add_argument("--quick", action="store_true", help="file order, at once only")
    ap.add_argument("--json", type=Path, help="also write the metrics here")
    args = ap.parse_args()
    scorer = load_scorer(args.shared)
    data = args.data or args.shared / "eval" / "data" / "ecbplus-dev"
    gold_all = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    records = [json.loads(line) for line in args.records.open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r["id"] in gold_all]
    sets = {"odd": lambda t: t % 2 == 1, "even": lambda t: t % 2 == 0, "all": lambda t: True}
    results = {}
    for name, keep in sets.items():
        if args.only and name != args.only:
            continue
        subset = [r for r in records if keep(int(gold_all[r["id"]]["topic"]))]
        gold = {r["id"]: gold_all[r["id"]] for r in subset}
        shuffled = subset[:]
        random.Random(args.seed).shuffle(shuffled)
        runs = [("file", subset, False)] if args.quick else \
            [("file", subset, False), ("file-halves", subset, True),
             ("shuffled", shuffled, False), ("shuffled-halves", shuffled, True)]
        once = {}
        for label, order, halves in runs:
            stories, events, seconds = link_all(order, halves)
            metrics = score(scorer, stories, events, gold)
            metrics["ms_per_article"] = round(1000 * seconds / max(1, len(order)), 2)
            base = label.split("-")[0]
            if halves:
                metrics["same_as_at_once"] = stories == once[base][0] and events == once[base][1]
            else:
                once[base] = (stories, events)
            results[f"{name}/{label}"] = metrics
            print(f"{name:4} {label:15} story_f1={metrics['story_f1']:.4f} (p={metrics['story_p']:.4f} "
                  f"r={metrics['story_r']:.4f}, {metrics['n_stories']}/{metrics['gold_stories']} stories) "
                  f"link_f1={metrics['link_f1']:.4f} (p={metrics['link_p']:.4f} r={metrics['link_r']:.4f}) "
                  f"{metrics['ms_per_article']} ms/article"
                  + (f" same_as_at_once={metrics['same_as_at_once']}" if halves else ""), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
