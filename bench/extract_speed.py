"""Extract benchmark: `newsgraph extract` over the first 200 LGL articles, whole process, against
bare spaCy `nlp.pipe` over the same texts in the same venv.

    .venv/bin/python bench/extract_speed.py --shared ../shared [--n 200] [--repeat 3]

Prints, for each run, wall-clock seconds (best of --repeat) and the peak RSS of any single
process of the run (the extract parent or one of its workers), then the ratios the skeleton's
bar is about: default workers vs single-process spaCy (must be <= 1.0) and --workers 1 vs
spaCy (must be <= 1.3). Results go in docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

BARE_SPACY = """
import json, sys
from newsgraph.nlp import load_nlp
nlp = load_nlp()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = sum(len(d) for d in nlp.pipe(texts))
print(n, file=sys.stderr)
"""


def lgl_records(shared: Path, n: int) -> list[dict]:
    """The first n LGL articles as contract input records (text, title, published)."""
    root = ET.parse(shared / "eval" / "data" / "lgl" / "lgl.xml").getroot()
    records = []
    for art in root.iter("article"):
        records.append({"id": art.get("docid"), "text": art.findtext("text") or "",
                        "title": (art.findtext("title") or "").strip(),
                        "published": (art.findtext("dltime") or "")[:10] or None})
        if len(records) == n:
            break
    return records


def timed(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process in the run of `argv`.

    Each run is its own `python -c` wrapper so RUSAGE_CHILDREN covers only that run."""
    wrapper = ("import resource, subprocess, sys, time, json\n"
               "t = time.monotonic()\n"
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
               "dt = time.monotonic() - t\n"
               "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
               "print(json.dumps([p.returncode, dt, rss]))\n")
    out = subprocess.run([sys.executable, "-c", wrapper, *argv], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    code, seconds, rss = json.loads(out.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"{argv} failed: {out.stderr[-2000:]}")
    return seconds, rss


def best(argv, repeat, env=None):
    runs = [timed(argv, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=str(ROOT.parent / "shared"))
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    records = lgl_records(Path(args.shared), args.n)
    chars = sum(len(r["text"]) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out = str(Path(tmp) / "out.jsonl")
        extract = [str(BIN / "newsgraph"), "extract", str(src), "--output", out, "--quiet"]
        results = {
            "spacy_pipe_1_process": best([sys.executable, "-c", BARE_SPACY, str(src)], args.repeat),
            "extract_default_workers": best(extract, args.repeat, {"NEWSGRAPH_WORKERS": ""}),
            "extract_workers_1": best(extract + ["--workers", "1"], args.repeat),
        }
    base = results["spacy_pipe_1_process"][0]
    print(f"{len(records)} LGL articles, {chars} characters, {os.cpu_count()} cores, best of {args.repeat}")
    for name, (seconds, rss) in results.items():
        print(f"{name:28s} {seconds:7.2f} s  {len(records) / seconds:6.1f} articles/s  "
              f"peak RSS {rss:6.0f} MB  ratio to spaCy {seconds / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
