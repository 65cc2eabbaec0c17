"""Worker bounds: issue 15's hostile inputs through the real `newsgraph extract`, whole process.

    .venv/bin/python bench/worker_bounds.py [--case NAME ...] [--timeout S] [--json]

Each case is one JSONL line (with a short wire story before and after it, to show the batch
goes on) run by `newsgraph extract --workers 1` with the default limits, in a fresh
subprocess. Reported: wall seconds, the peak RSS of the largest process of the run (the
parent or its worker: ru_maxrss of the reaped children), and what the case's record says
(analysed, or its error). The texts come from bench/stage_scaling.py and the pages from
bench/read_bounds.py, so the three benches measure the same inputs. Results go in
docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract_speed import timed  # noqa: E402
from read_bounds import deep, tiny_paragraphs  # noqa: E402
from stage_scaling import cases as text_cases, repeat, wire_text  # noqa: E402

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
STORY = wire_text(2_000, seed=3)


def inputs() -> dict[str, dict]:
    texts = text_cases([100_000, 1_000_000])
    return {
        "wire-1MB": {"text": texts["wire1000k"]},
        "repeated-paragraph-300KB": {"text": texts["repeat"]},
        "place-list-300KB": {"text": texts["places"]},
        "he-said-180KB": {"text": texts["said"]},
        "text-12MB": {"text": repeat(wire_text(100_000) + "\n\n", 12_000_000)},
        "html-200k-tiny-paragraphs": {"html": tiny_paragraphs()},
        "html-60k-nested-divs": {"html": deep(60_000)},
    }


def measure(name: str, record: dict, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        lines = [{"id": "before", "text": STORY}, {"id": name, **record}, {"id": "after", "text": STORY}]
        inp.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
        # extract_speed.timed: a fresh watcher per run, so the peak is this run's alone
        seconds, peak_mb = timed([NEWSGRAPH, "extract", str(inp), "--output", str(out), "--quiet",
                                  "--workers", "1", "--timeout", str(timeout)])
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    case = records[1] if len(records) == 3 else {}
    return {"case": name, "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak_mb, 1), "records": len(records),
            "outcome": case.get("error") or f"analysed: {len(case.get('entities', []))} entities, "
                                              f"{len(case.get('events', []))} events"}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--case", action="append", help="only these cases (default: all)")
    p.add_argument("--timeout", type=float, default=60.0, help="extract --timeout (default 60)")
    p.add_argument("--json", action="store_true", help="one JSON object per case")
    args = p.parse_args(argv)
    every = inputs()
    for name in args.case or list(every):
        row = measure(name, every[name], args.timeout)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            peak = f"{row['peak_rss_mb']:.0f} MB"
            print(f"{name:28} {row['seconds']:7.1f} s  {peak:>8}  {row['records']} records  "
                  f"{row['outcome'][:90]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
