"""Run the pipeline over a JSONL stream on Dask distributed: the same records as the local pool.

`analyze_stream` has the contract of `run.local.analyze_stream`: numbered JSONL lines in, one
output line per input line out, in input order. Chunks of lines are tasks. A Dask worker does
not analyse a chunk itself: it hands it to a child process of its own (a one-worker
run.workers.WorkerPool, started on its first task and kept), so the per-article limits hold
on a cluster as they do locally — an article past its time or memory limit gets an error
record and the child is replaced, while the Dask worker stays up. A bounded window of tasks
is in flight, so a corpus of any size streams through in constant memory. Without a
scheduler address a LocalCluster of `workers` single-threaded processes is started for the
run and closed after.

Dask starts its workers as daemon processes, which Python does not let have children: the
LocalCluster here is started with `distributed.worker.daemon: False`; a cluster of your own
needs the same setting on its workers (DASK_DISTRIBUTED__WORKER__DAEMON=False), else its
workers analyse in their own process, without the time and memory limits (a warning says so).
Dask is an extra: `pip install 'newsgraph[dask]'`.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from ..extras import require
from .limits import Limits
from .local import CHUNK_LINES, chunked

IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: keeps workers busy, memory bounded

log = logging.getLogger(__name__)
_per_thread = threading.local()  # a Dask worker thread's child pool, kept across its tasks


def load_distributed():
    """The `distributed` module; MissingExtra naming the `dask` extra when it is absent."""
    require("dask", "dask", "the Dask engine (ingest --engine dask)")
    return require("distributed", "dask", "the Dask engine (ingest --engine dask)")


def analyze_chunk(chunk: list[tuple[int, str]], limits: Limits = Limits()) -> list[str]:
    """Output lines for one chunk, on a Dask worker, in its child process (see above)."""
    if multiprocessing.current_process().daemon:
        if not getattr(_per_thread, "warned", False):
            log.warning("this Dask worker is a daemon process and cannot start a child: "
                        "analysing without time and memory limits "
                        "(set DASK_DISTRIBUTED__WORKER__DAEMON=False on the workers)")
            _per_thread.warned = True
        from ..pipeline import default_pipeline

        return default_pipeline().analyze_lines(chunk, limits.max_chars)
    from .workers import WorkerPool

    pool = getattr(_per_thread, "pool", None)
    if pool is None or pool.limits != limits:
        if pool is not None:
            pool.close()
        # spawn, not fork: a Dask worker runs threads (an event loop) that a fork would copy
        pool = _per_thread.pool = WorkerPool(1, limits, start_method="spawn")
    return next(pool.map_chunks([chunk]))


def analyze_stream(lines: Iterable[tuple[int, str]], workers: int = 2,
                   scheduler: Optional[str] = None, client=None, limits: Limits = Limits(),
                   on_done: Callable[[int], None] = lambda n: None) -> Iterator[str]:
    """Output JSONL lines for numbered input lines, in order, computed on a Dask cluster.

    `scheduler` is a scheduler address (tcp://host:port); `client` an existing Client; with
    neither, a LocalCluster of `workers` processes runs for the duration of the stream.
    """
    distributed = load_distributed()
    import dask

    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            with dask.config.set({"distributed.worker.daemon": False}):
                cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                       processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
            client = Client(cluster)
    window: deque = deque()
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        for chunk in chunked(lines, CHUNK_LINES):
            window.append(client.submit(analyze_chunk, chunk, limits, pure=False))
            while len(window) >= IN_FLIGHT_PER_WORKER * n_workers:
                out = window.popleft().result()
                on_done(len(out))
                yield from out
        while window:
            out = window.popleft().result()
            on_done(len(out))
            yield from out
    finally:
        for future in window:
            future.cancel()
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
