"""Run the pipeline over a JSONL stream with a pool of local worker processes.

The parent loads the pipeline (and its spaCy model) once before the pool forks, so workers
share the model's memory copy-on-write instead of each loading their own. Lines go to workers
in small chunks and come back in input order (`imap`), so the output file lines up with the
input line for line, whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Callable, Iterable, Iterator, Optional

from ..pipeline import Pipeline, default_pipeline

CHUNK_LINES = 8  # lines per task: small enough to balance, big enough to batch for spaCy

_worker_pipeline: Optional[Pipeline] = None


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


def _analyze_chunk(chunk: list[tuple[int, str]]) -> list[str]:
    return _worker_pipeline.analyze_lines(chunk)


def analyze_stream(lines: Iterable[tuple[int, str]], workers: int = 1,
                   on_done: Callable[[int], None] = lambda n: None) -> Iterator[str]:
    """Output JSONL lines for numbered input lines, in order, using `workers` processes.

    `on_done(n)` is called after every chunk with the number of records it finished.
    """
    global _worker_pipeline
    _worker_pipeline = default_pipeline()
    chunks = chunked(lines, CHUNK_LINES)
    if workers <= 1:
        for chunk in chunks:
            out = _analyze_chunk(chunk)
            on_done(len(out))
            yield from out
        return
    # Pool.imap reads its input as fast as it can: bound the chunks in flight so that a
    # large input file is streamed, not held in memory whole.
    in_flight = threading.BoundedSemaphore(workers * 4)

    def throttled():
        for chunk in chunks:
            in_flight.acquire()
            yield chunk

    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for out in pool.imap(_analyze_chunk, throttled()):
            in_flight.release()
            on_done(len(out))
            yield from out
