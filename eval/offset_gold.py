"""What our own offset-and-hash golds share (eval/chains/, eval/events/): reading one, the record id
a gold document runs under, checking that the rebuilt texts are the ones the gold was written on,
loading the input records of its documents, span arithmetic and the command line.

Each gold item names its `corpus`, `doc`, `doc_sha256` and `part` (`tune` or `heldout`, fixed by
a hash of the document id); its spans are `{start, end, sha256}` into the text
eval/chains_inputs.py rebuilds. What a scorer reads from the spans (`gold_spans`) and how it
judges is its own.

Standard library only, like the scorers it serves.
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterable

from chains_inputs import corpus_inputs, sha

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = ("tune", "heldout")

SpanReader = Callable[[dict], Iterable[tuple[str, dict]]]


def read_gold(path: str) -> list[dict]:
    """The items of a gold file, one JSON object a line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def doc_key(item: dict) -> str:
    """The record id a gold document is run under: unique across corpora."""
    return f"{item['corpus']}/{item['doc']}"


def check_texts(golds: list[dict], texts: dict[str, str], gold_spans: SpanReader) -> list[str]:
    """Every way the rebuilt texts differ from what the gold was written on: a missing document,
    a changed document hash, a span (from `gold_spans(item)`) whose text hash changed."""
    problems = []
    for g in golds:
        text = texts.get(doc_key(g))
        if text is None:
            problems.append(f"{g['id']}: document not found in the corpus")
        elif sha(text) != g["doc_sha256"]:
            problems.append(f"{g['id']}: document text changed (sha256 {sha(text)} != {g['doc_sha256']})")
        else:
            problems += [f"{g['id']}: {field} text changed" for field, s in gold_spans(g)
                         if sha(text[s["start"]:s["end"]]) != s["sha256"]]
    return problems


def load_inputs(shared: str, golds: list[dict]) -> dict[str, dict]:
    """The input record of every gold document, under its `corpus/doc` id."""
    corpora = sorted({g["corpus"] for g in golds})
    wanted = {(g["corpus"], g["doc"]) for g in golds}
    return {f"{corpus}/{doc}": dict(record, id=f"{corpus}/{doc}")
            for (corpus, doc), record in corpus_inputs(shared, corpora).items()
            if (corpus, doc) in wanted}


def checked_inputs(shared: str, golds: list[dict], gold_spans: SpanReader) -> dict[str, dict]:
    """The input records of the gold's documents; stops the run when a text is not the one the
    gold was written on (its offsets would point at other words)."""
    inputs = load_inputs(shared, golds)
    problems = check_texts(golds, {k: r["text"] for k, r in inputs.items()}, gold_spans)
    if problems:
        raise SystemExit("the gold does not fit the texts of --shared:\n  " + "\n  ".join(problems[:20]))
    return inputs


def overlap(a, b) -> int:
    """Characters shared by half-open spans a and b (dicts with start/end, or None)."""
    if not a or not b:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def ratio(a, b) -> float:
    return round(a / b, 4) if b else 0.0


def arguments(description: str, what: str, gold: str | None = None) -> argparse.ArgumentParser:
    """The command line our scorers share (the shared scorers' `--shared`, `--cmd`, `--keep`,
    `--predictions`, `--json`, and `--part`); with a `gold` file also `--gold`, `--misses`
    (list the `what` the system got wrong) and `--self-check`."""
    p = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=os.path.join(os.path.dirname(HERE), "..", "shared"),
                   help="the shared/ folder (its eval/ scorers and eval/data)")
    p.add_argument("--cmd", default=os.environ.get("NEWSGRAPH_CMD", "newsgraph"), help="the newsgraph command")
    p.add_argument("--part", choices=PARTS, help="score one part only")
    p.add_argument("--keep", help="keep the system's OUTPUT.jsonl at this path")
    p.add_argument("--predictions", help="read this OUTPUT.jsonl instead of running the command")
    p.add_argument("--json", help="also write the metrics to this file")
    if gold:
        p.add_argument("--gold", default=gold)
        p.add_argument("--misses", action="store_true", help=f"list the {what} the system got wrong (stderr)")
        p.add_argument("--self-check", action="store_true",
                       help="score predictions made from the gold (must be 1.0) and careless ones")
    return p
