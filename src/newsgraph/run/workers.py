"""Worker processes that analyse chunks of JSONL lines under the per-article limits.

Why not multiprocessing.Pool: a Pool cannot stop one task. An article stuck for minutes (or
growing without bound) would hold its worker and, since output keeps input order, every
article after it. Here the parent watches each worker: a worker reports every article as it
finishes it, and one that goes `timeout` seconds without finishing an article, passes
`max_memory_mb` of resident memory, or dies, is killed and replaced. The articles of its chunk
that it had not finished are tried again one by one (in a chunk, the parse is batched, so the
article that was waited on is not always the one that is slow); an article that fails alone
gets an error record. Output stays in input order.

Workers die with their parent however it dies: the kernel kills a worker when the thread that
started it exits (Linux's PR_SET_PDEATHSIG), and every worker also checks once a second that
its parent is alive (other systems, and workers started from threads). Workers ignore Ctrl-C:
the parent handles it and stops them.

    with WorkerPool(workers=2, limits=Limits()) as pool:
        for outputs in pool.map_chunks(chunks):   # chunks: lists of (line number, line)
            ...                                   # one output line per input line, in order

A pool that finished a `map_chunks` keeps its workers for the next one; one stopped early
(Ctrl-C, an error, a consumer that left) stops them at once.
"""
from __future__ import annotations

import ctypes
import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional

from ..document import error_record
from .limits import Limits, crash_error, memory_error, timeout_error

log = logging.getLogger(__name__)

CHUNKS_AHEAD_PER_WORKER = 4   # chunks read ahead of the oldest unfinished one, per worker
WATCH_SECONDS = 0.25          # how often the parent looks at its workers' clocks and memory
PARENT_CHECK_SECONDS = 1.0    # how often a worker checks that its parent is alive
CLOSE_SECONDS = 2.0           # how long closing waits for idle workers to leave, in all
PR_SET_PDEATHSIG = 1
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def die_with_parent(parent_pid: int, from_main_thread: bool) -> None:
    """Make this (worker) process exit when its parent does."""
    if from_main_thread and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)

    def watch():
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def worker_main(conn, parent_pid: int, from_main_thread: bool, max_chars: Optional[int]) -> None:
    """A worker's life: build the pipeline (or take the parent's, when forked), say ready, then
    analyse the chunks it is sent, sending each output line as soon as it is made."""
    die_with_parent(parent_pid, from_main_thread)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGINT was blocked across the start (WorkerPool._start_worker): a Ctrl-C that came then
    # is pending here and, now ignored, is dropped; the parent got its own.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from ..pipeline import default_pipeline

    pipeline = default_pipeline()
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        for line in pipeline.iter_lines(task, max_chars):
            conn.send(("line", line))
        conn.send(("done", None))


@dataclass
class _Task:
    """Lines of one chunk a worker is sent: chunk `chunk`, from position `offset`."""

    chunk: int
    offset: int
    lines: list
    alone: bool = False    # a retry of one article on its own: a failure is its own


@dataclass
class _Worker:
    process: object
    conn: object
    ready: bool = False
    task: Optional[_Task] = None
    finished: int = 0             # lines of the task finished so far
    deadline: float = 0.0


@dataclass
class _Chunk:
    lines: list
    outputs: list = field(default_factory=list)
    missing: int = 0

    def __post_init__(self):
        self.outputs = [None] * len(self.lines)
        self.missing = len(self.lines)


class WorkerPool:
    """`workers` processes analysing chunks under `limits` (see the module docstring).

    `start_method` 'fork' (the default, on Linux) shares the parent's loaded pipeline with the
    workers copy-on-write; 'spawn' builds it in each worker (safe in a threaded parent such as
    a Dask worker)."""

    def __init__(self, workers: int, limits: Limits, start_method: str = "fork"):
        self.n_workers, self.limits = max(1, workers), limits
        self.context = multiprocessing.get_context(start_method)
        self.workers: list[_Worker] = []

    # -- workers -----------------------------------------------------------------------------
    def _start_worker(self) -> _Worker:
        parent_conn, child_conn = self.context.Pipe()
        from_main = threading.current_thread() is threading.main_thread()
        process = self.context.Process(target=worker_main, name="newsgraph-worker", daemon=True,
                                       args=(child_conn, os.getpid(), from_main, self.limits.max_chars))
        # Ctrl-C is held back while the worker starts: in the parent, an interrupt inside the
        # fork would leave a half-started worker; in the worker (a terminal's Ctrl-C reaches
        # the whole process group) it would come before the worker ignores it. The parent gets
        # its interrupt as soon as the start is over.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child_conn.close()
        worker = _Worker(process, parent_conn)
        self.workers.append(worker)
        return worker

    def _stop_worker(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def close(self) -> None:
        """Stop every worker and wait for them: idle ones are asked to leave and given
        CLOSE_SECONDS in all, busy ones (and any still there then) are killed."""
        for worker in self.workers:
            if worker.task is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    pass
        give_up = time.monotonic() + CLOSE_SECONDS
        for worker in list(self.workers):
            if worker.task is None:
                worker.process.join(timeout=max(0.0, give_up - time.monotonic()))
            self._stop_worker(worker)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> bool:
        self.close()
        return False

    # -- running -----------------------------------------------------------------------------
    def map_chunks(self, chunks: Iterable[list]) -> Iterator[list[str]]:
        """The output lines of each chunk of (line number, line) pairs, chunk by chunk, in
        order; chunks are read lazily, a bounded number ahead of the oldest unfinished one."""
        source = iter(chunks)
        pending: dict[int, _Chunk] = {}
        queue: deque[_Task] = deque()   # tasks waiting for a worker; retries go first
        next_read = next_out = 0
        exhausted = finished = False
        while len(self.workers) < self.n_workers:
            self._start_worker()
        try:
            while True:
                while pending.get(next_out) is not None and pending[next_out].missing == 0:
                    yield pending.pop(next_out).outputs
                    next_out += 1
                ahead = CHUNKS_AHEAD_PER_WORKER * self.n_workers
                while not exhausted and not queue and next_read - next_out < ahead \
                        and any(w.ready and w.task is None for w in self.workers):
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[next_read] = _Chunk(list(chunk))
                    queue.append(_Task(next_read, 0, list(chunk), alone=len(chunk) == 1))
                    next_read += 1
                self._assign(queue)
                if exhausted and not pending:
                    finished = True
                    return
                self._collect(pending, queue)
        finally:
            if not finished:  # stopped early (Ctrl-C, an error, the consumer left): stop all
                self.close()

    def _assign(self, queue: deque) -> None:
        for worker in self.workers:
            if not queue:
                return
            if worker.ready and worker.task is None:
                task = queue.popleft()
                worker.task, worker.finished = task, 0
                worker.deadline = self._deadline()
                worker.conn.send(task.lines)

    def _deadline(self) -> float:
        return time.monotonic() + self.limits.timeout if self.limits.timeout else float("inf")

    def _collect(self, pending: dict, queue: deque) -> None:
        """Wait a little for messages from the workers; then stop the ones past a limit."""
        ready = wait([w.conn for w in self.workers], timeout=WATCH_SECONDS)
        by_conn = {id(w.conn): w for w in self.workers}
        for conn in ready:
            worker = by_conn[id(conn)]
            try:
                while conn.poll():
                    self._message(worker, conn.recv(), pending)
            except (EOFError, OSError):
                if not worker.ready:
                    worker.process.join(timeout=5)
                    raise RuntimeError("a worker process could not start (exit code "
                                       f"{worker.process.exitcode}); see the messages above")
                self._replace(worker, pending, queue, crash_error(worker.process.exitcode
                                                                 if not worker.process.is_alive()
                                                                 else None))
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is None:
                continue
            if now > worker.deadline:
                self._replace(worker, pending, queue, timeout_error(self.limits.timeout))
            elif self.limits.max_memory_mb and self._resident_mb(worker) > self.limits.max_memory_mb:
                self._replace(worker, pending, queue, memory_error(self.limits.max_memory_mb))

    def _message(self, worker: _Worker, message: tuple, pending: dict) -> None:
        kind, line = message
        if kind == "ready":
            worker.ready = True
        elif kind == "line":
            task = worker.task
            chunk = pending[task.chunk]
            chunk.outputs[task.offset + worker.finished] = line
            chunk.missing -= 1
            worker.finished += 1
            worker.deadline = self._deadline()
        elif kind == "done":
            worker.task = None

    def _resident_mb(self, worker: _Worker) -> float:
        try:
            with open(f"/proc/{worker.process.pid}/statm", "rb") as f:
                resident = int(f.read().split()[1]) * PAGE_BYTES / 2 ** 20
        except (OSError, ValueError, IndexError):  # not Linux, or the worker just exited
            return 0.0
        return resident

    def _replace(self, worker: _Worker, pending: dict, queue: deque, why: str) -> None:
        """Kill `worker`, start another; what it had not finished is retried or given `why`."""
        task, finished = worker.task, worker.finished
        self._stop_worker(worker)
        self._start_worker()
        if task is None:
            return
        rest = task.lines[finished:]
        if not rest:
            return
        first = task.offset + finished
        if task.alone or len(rest) == 1:
            log.warning("line %s: %s", rest[0][0], why)
            chunk = pending[task.chunk]
            chunk.outputs[first] = _error_line(rest[0][1], why)
            chunk.missing -= 1
            rest, first = rest[1:], first + 1
        # the others are tried again one by one, ahead of anything new, in order
        for i, line in reversed(list(enumerate(rest))):
            queue.appendleft(_Task(task.chunk, first + i, [line], alone=True))


def _error_line(line: str, why: str) -> str:
    """The error record of an input line the workers could not finish: its id (when the
    line is a JSON object with a string id) and text, and `why`."""
    try:
        raw = json.loads(line)
    except ValueError:
        raw = None
    raw = raw if isinstance(raw, dict) else {}
    record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    text = raw.get("text") if isinstance(raw.get("text"), str) else ""
    return json.dumps(error_record(record_id, why, text), ensure_ascii=False)
