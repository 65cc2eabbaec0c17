"""Run the pipeline over a JSONL stream with local worker processes, under per-article limits.

The parent loads the pipeline (and its spaCy model) once before the workers fork, so they
share the model's memory copy-on-write instead of each loading their own. Lines go to workers
in small chunks and come back in input order, so the output file lines up with the input line
for line, whatever the number of workers. The workers (run.workers.WorkerPool) are watched:
an article past its time or memory limit gets an error record and its worker is replaced;
workers die with the parent.
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

from ..pipeline import default_pipeline
from .limits import Limits
from .workers import WorkerPool

CHUNK_LINES = 8  # lines per task: small enough to balance, big enough to batch for spaCy

# Analysed once in the parent before the fork: what the stages load on their first article
# (knowledge tables, spaCy's lazy parts) is then loaded once and shared, not loaded by every
# worker on the clock of its first article's time limit.
WARM_UP = {"id": "warm-up", "published": "2024-05-06",
           "text": "PARIS (AP) - France's foreign minister met his German counterpart in Paris on "
                   "Monday, officials said. \"We agreed on the next steps,\" the minister told "
                   "reporters."}


def default_workers() -> int:
    """$NEWSGRAPH_WORKERS when set, else all the cores this process may use."""
    if os.environ.get("NEWSGRAPH_WORKERS", "").isdigit():
        return max(1, int(os.environ["NEWSGRAPH_WORKERS"]))
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(lines: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_stream(lines: Iterable[tuple[int, str]], workers: int = 1, limits: Limits = Limits(),
                   on_done: Callable[[int], None] = lambda n: None) -> Iterator[str]:
    """Output JSONL lines for numbered input lines, in order, using `workers` processes.

    Lines are read lazily, a bounded number ahead of the output, in the calling thread.
    `on_done(n)` is called after every chunk with the number of records it finished.
    Closing the iterator early (or Ctrl-C) stops the workers at once.
    """
    default_pipeline().analyze_record(WARM_UP)  # loaded before the fork: the workers share it
    with WorkerPool(workers, limits) as pool:
        for out in pool.map_chunks(chunked(lines, CHUNK_LINES)):
            on_done(len(out))
            yield from out
