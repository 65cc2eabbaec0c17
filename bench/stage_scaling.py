"""Does each stage stay linear in the text? Seconds and chars/s per stage, 10 KB ... 1 MB.

    nice PYTHONPATH=src .venv/bin/python bench/stage_scaling.py [--sizes 10000,30000,...]
        [--cases wire,repeat,places,said] [--json]

Texts are generated here from wire-style sentences written for this bench (no eval data):
`wire` texts of each size of varied paragraphs, and the adversarial inputs of issue 15 at
their reported sizes: `repeat` (300 KB of one paragraph), `places` (300 KB of "Lima, Peru,
Paris, France, ..."), `said` (180 KB of `He said "`). Each text runs through the default stages
as `Pipeline.pipe` runs them (the body cut into segments from the parse on, merged after),
one stage at a time so each is timed alone. Peak RSS is the process's (ru_maxrss), so run one
case per process (`--cases said`) to read it per case. Results: docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import time

PEOPLE = ["Maria Lopez", "John Okafor", "Chen Wei", "Anna Petrova", "Ahmed Hassan",
          "Laura Schmidt", "Rahul Mehta", "Sofia Rossi", "David Kim", "Fatima Diallo"]
ROLES = ["the interior minister", "a police spokesman", "the opposition leader",
         "the central bank governor", "a senior United Nations official", "the mayor"]
PLACES = ["Nairobi", "Lima", "Jakarta", "Kyiv", "Manila", "Bogota", "Ankara", "Dhaka",
          "Caracas", "Hanoi", "Lagos", "Quito", "Tbilisi", "Accra", "Rabat"]
GROUPS = ["protesters", "rebels", "lawmakers", "farmers", "teachers", "soldiers", "workers"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday",
        "over the weekend", "on March 3", "last week", "in 2021"]
SENTENCES = [
    "{place} (Reuters) - {group} clashed with police in {place2} {day}, {role} said.",
    "{person}, {role}, told reporters that the talks would resume {day}.",
    "\"We will not accept this,\" {person} said in a statement.",
    "At least {n} people were killed when {group} attacked a convoy near {place}.",
    "The government of {place} arrested {n} {group} {day} and accused them of plotting a coup.",
    "{person} met {person2} in {place} {day} to discuss a ceasefire.",
    "\"The situation is calm but tense,\" said {role} in {place2}.",
    "Officials in {place} said {n} {group} were detained after the march.",
    "{person} denied the accusations, saying the vote had been fair.",
    "The United States and the European Union condemned the violence {day}.",
    "According to {role}, {n} houses were destroyed by the floods in {place}.",
    "{group} blocked roads into {place} {day}, demanding higher wages.",
]


def paragraph(rng: random.Random) -> str:
    """Two to five sentences with random names, places, numbers and days."""
    out = []
    for _ in range(rng.randint(2, 5)):
        out.append(rng.choice(SENTENCES).format(
            place=rng.choice(PLACES), place2=rng.choice(PLACES), person=rng.choice(PEOPLE),
            person2=rng.choice(PEOPLE), role=rng.choice(ROLES), group=rng.choice(GROUPS),
            day=rng.choice(DAYS), n=rng.randint(2, 300)))
    return " ".join(out)


def wire_text(size: int, seed: int = 15) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        parts.append(paragraph(rng))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases(sizes: list[int]) -> dict[str, str]:
    place_list = "Lima, Peru, Paris, France, Nairobi, Kenya, Manila, Philippines, Quito, Ecuador, "
    return {**{f"wire{s // 1000}k": wire_text(s) for s in sizes},
            "repeat": repeat(paragraph(random.Random(1)) + "\n\n", 300_000),
            "places": repeat(place_list, 300_000),
            "said": repeat('He said "', 180_000)}


def run_one(pipeline, text: str) -> dict[str, float]:
    """Seconds per stage for one text, stages run one after another as Pipeline.pipe runs them."""
    from newsgraph.pipeline import _skip_errors
    from newsgraph.read.record import document_from_record
    from newsgraph.segments import merge_segments, needs_segments, split_document

    doc = document_from_record({"id": "bench", "text": text, "published": "2024-03-05"})
    timings: dict[str, float] = {}
    docs = [doc]
    for spec, component in zip(pipeline.specs, pipeline.components):
        t = time.perf_counter()
        if "parse" in spec.assigns:
            docs = split_document(doc) if needs_segments(doc) else [doc]
        docs = list(_skip_errors(component, docs))
        timings[spec.name] = time.perf_counter() - t
    t = time.perf_counter()
    merged = merge_segments(doc, docs) if len(docs) > 1 else docs[0]
    merged.to_record()
    timings["merge+record"] = time.perf_counter() - t
    if merged.error:
        timings["error"] = merged.error  # type: ignore[assignment]
    return timings


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    p.add_argument("--cases", default="wire,repeat,places,said",
                   help="comma list of wire (every --sizes), repeat, places, said")
    p.add_argument("--json", action="store_true", help="one JSON line per text")
    args = p.parse_args(argv)

    from newsgraph.pipeline import Pipeline

    sizes = [int(s) for s in args.sizes.split(",") if s]
    wanted = set(args.cases.split(","))
    texts = {k: v for k, v in cases(sizes).items()
             if k in wanted or (k.startswith("wire") and "wire" in wanted)}
    pipeline = Pipeline()
    run_one(pipeline, wire_text(3000))  # load every model before timing
    for name, text in texts.items():
        t = time.perf_counter()
        timings = run_one(pipeline, text)
        total = time.perf_counter() - t
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row = {"case": name, "chars": len(text), "seconds": round(total, 3),
               "peak_rss_mb": round(rss_mb), "stages": {
                   k: {"s": round(v, 3), "chars_per_s": round(len(text) / v) if v > 0 else None}
                   for k, v in timings.items() if k != "error"}}
        if "error" in timings:
            row["error"] = timings["error"]
        if args.json:
            print(json.dumps(row), flush=True)
            continue
        print(f"{name:9s} {len(text):>9,} chars {total:8.2f} s  peak RSS {rss_mb:6.0f} MB", flush=True)
        for k, v in row["stages"].items():
            print(f"    {k:13s} {v['s']:8.3f} s  {v['chars_per_s'] or 0:>12,} chars/s", flush=True)
        if "error" in row:
            print(f"    error: {row['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
