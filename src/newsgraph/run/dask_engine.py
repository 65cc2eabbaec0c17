"""Run the pipeline over a JSONL stream on Dask distributed: the same records as the local pool.

`analyze_stream` has the contract of `run.local.analyze_stream`: numbered JSONL lines in, one
output line per input line out, in input order. Chunks of lines are tasks; each worker process
builds the pipeline (and loads spaCy) once, on its first task (`default_pipeline` is cached per
process), so a cluster holds one model per worker. A bounded window of tasks is in flight, so a
corpus of any size streams through in constant memory. Without a scheduler address a
LocalCluster of `workers` single-threaded processes is started for the run and closed after.
Dask is an extra: `pip install 'newsgraph[dask]'`.
"""
from __future__ import annotations

import logging
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from ..extras import require
from .local import CHUNK_LINES, chunked

IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: keeps workers busy, memory bounded


def load_distributed():
    """The `distributed` module; MissingExtra naming the `dask` extra when it is absent."""
    require("dask", "dask", "the Dask engine (ingest --engine dask)")
    return require("distributed", "dask", "the Dask engine (ingest --engine dask)")


def analyze_chunk(chunk: list[tuple[int, str]]) -> list[str]:
    """Output lines for one chunk, on a worker (the pipeline is built once per process)."""
    from ..pipeline import default_pipeline

    return default_pipeline().analyze_lines(chunk)


def analyze_stream(lines: Iterable[tuple[int, str]], workers: int = 2,
                   scheduler: Optional[str] = None, client=None,
                   on_done: Callable[[int], None] = lambda n: None) -> Iterator[str]:
    """Output JSONL lines for numbered input lines, in order, computed on a Dask cluster.

    `scheduler` is a scheduler address (tcp://host:port); `client` an existing Client; with
    neither, a LocalCluster of `workers` processes runs for the duration of the stream.
    """
    distributed = load_distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window: deque = deque()
        for chunk in chunked(lines, CHUNK_LINES):
            window.append(client.submit(analyze_chunk, chunk, pure=False))
            while len(window) >= IN_FLIGHT_PER_WORKER * n_workers:
                out = window.popleft().result()
                on_done(len(out))
                yield from out
        while window:
            out = window.popleft().result()
            on_done(len(out))
            yield from out
    finally:
        for future in list(locals().get("window") or []):
            future.cancel()
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
