"""Where the time goes: each stage's share of an in-process run over the first LGL articles.

    .venv/bin/python bench/stage_profile.py --shared ../shared [--n 100]

Runs the default stages one at a time over the same documents in one process (the parse as the
pipeline does it, 8 texts a batch), after loading every model once, and prints seconds and share
per stage. Results go in docs/benchmarks.md ("Where the time goes").
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_speed import lgl_records  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    p.add_argument("--n", type=int, default=100)
    args = p.parse_args(argv)

    from newsgraph.pipeline import DEFAULT_STAGES, Pipeline, _skip_errors
    from newsgraph.read.record import document_from_record

    records = lgl_records(Path(args.shared), args.n)
    pipeline = Pipeline(DEFAULT_STAGES)  # spaCy, language model, gazetteer, lexicons: loaded once
    pipeline.analyze_record({"id": "warm", "text": records[0]["text"],
                             "published": records[0]["published"]})

    docs = [document_from_record(r) for r in records]
    timings: dict[str, float] = {}
    for name, component in zip(pipeline.stage_names, pipeline.components):
        t = time.perf_counter()
        docs = list(_skip_errors(component, docs))  # batching stages get the stream, as in a run
        timings[name] = time.perf_counter() - t
    total = sum(timings.values())
    chars = sum(len(r["text"]) for r in records)
    print(f"{len(records)} articles, {chars:,} characters, {total:.2f} s for all stages")
    for name, sec in timings.items():
        print(f"  {name:10s} {sec:7.3f} s  {100 * sec / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
