"""Ingest: sources -> analysed records -> the store, idempotent and resumable.

    ingest(["articles/", "dump.jsonl", "crawl.warc.gz"], "corpus.duckdb", workers=2)

The parent process reads the sources in a stable order and skips every item whose content
key is already stored (so a second ingest adds nothing, and an ingest killed with -9 resumes
where its last commit ended). The rest goes, as contract JSONL lines, to an engine: the local
process pool (`run.local.analyze_stream`, as `newsgraph extract` uses) or Dask
(`run.dask_engine.analyze_stream`); both return one output record per line, in order. The
parent turns each record into table rows (`rows.article_rows`) and commits them in batches of
whole articles: one transaction holds every row of each article it writes, so nobody ever
sees half of one. Inputs that cannot be analysed go to the `errors` table; they never stop the
run. Each run is a row of `runs`: when, which version, stages and knowledge tables (their
digest), what it saw and added.

Each article is held to the run's limits (run.limits: size, time, memory): one past a limit
becomes an `errors` row saying which, and the run goes on. A database that goes away in the
middle (a PostgreSQL restart) is waited for up to `db_retry` seconds and the batch written
again (it was rolled back whole); past that the run fails with a StoreError that says so, and
running the same command again goes on where the last commit ended.

Every stored article is linked to its story (and its events to their occurrences) by the
story linker (`links.CorpusLinker`), here in the parent, in source order, so every engine and
store gives the same ids; what that changes is written in the batch's transaction.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, Optional, Union

from .links import CorpusLinker, backfill, forget_without_articles
from .rows import article_rows, empty_rows
from .sources import Item, iter_items
from .store import Store, StoreError, is_connection_error, open_store
from ..run.limits import Limits

BATCH_ARTICLES = 64     # commit after this many articles ...
BATCH_SECONDS = 2.0     # ... or this many seconds, whichever comes first
DB_RETRY_SECONDS = 60.0  # how long a lost database connection is waited for, per batch

log = logging.getLogger(__name__)


@dataclass
class IngestStats:
    """What a run did so far: items seen, articles added, items skipped as known, errors."""

    run_id: str = ""
    seen: int = 0
    added: int = 0
    skipped: int = 0
    errors: int = 0
    analysed: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles analysed per second."""
        return self.analysed / max(1e-9, self.seconds)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def ingest(paths: list[str], db: Union[str, Store], *, workers: Optional[int] = None,
           engine: str = "local", scheduler: Optional[str] = None, text_column: str = "text",
           batch_articles: int = BATCH_ARTICLES, batch_seconds: float = BATCH_SECONDS,
           limits: Limits = Limits(), db_retry: float = DB_RETRY_SECONDS,
           on_progress: Callable[[IngestStats], None] = lambda s: None) -> IngestStats:
    """Ingest every article of `paths` into the store `db`; returns the run's counts."""
    from .. import __version__, knowledge
    from ..pipeline import DEFAULT_STAGES
    from ..run.local import default_workers

    engine_stream = _engine(engine)
    store = open_store(db) if isinstance(db, str) else db
    store.create_schema()
    workers = workers if workers is not None else default_workers()
    known = store.keys()
    linker = _story_linker(store)
    stats = IngestStats(run_id=uuid.uuid4().hex)
    store.insert_rows("runs", [(stats.run_id, _now(), None, __version__, json.dumps(list(DEFAULT_STAGES)),
                                engine, workers, json.dumps(list(paths)), "running", 0, 0, 0, 0,
                                knowledge.digest())])
    writer = _BatchWriter(store, stats, batch_articles, batch_seconds, linker, db_retry)
    feed = _Feed(iter_items(paths, text_column), known, stats)
    try:
        lines = feed.lines()
        first = next(lines, None)  # nothing new to analyse: start no pool, load no model
        stream = engine_stream(itertools.chain([first], lines), workers=workers, scheduler=scheduler,
                               limits=limits) if first is not None else (out for out in ())
        with contextlib.closing(stream):
            for out in stream:
                item = feed.done()
                writer.drain(feed.direct_before())
                writer.add(item, json.loads(out))
                on_progress(stats)
        writer.drain(feed.direct_before(None))
        writer.flush()
    except BaseException as err:
        writer.flush_quietly()
        _finish(store, stats, "interrupted" if isinstance(err, KeyboardInterrupt) else "failed")
        raise
    _finish(store, stats, "done")
    on_progress(stats)
    return stats


def _finish(store: Store, stats: IngestStats, status: str) -> None:
    try:
        store.execute("UPDATE runs SET finished_at = :at, status = :status, seen = :seen, added = :added, "
                      "skipped = :skipped, errors = :errors WHERE run_id = :run_id",
                      {"at": _now(), "status": status, "seen": stats.seen, "added": stats.added,
                       "skipped": stats.skipped, "errors": stats.errors, "run_id": stats.run_id})
    except Exception:  # noqa: BLE001 - bookkeeping must not hide the run's own outcome
        if status == "done":
            raise


def _story_linker(store: Store) -> CorpusLinker:
    """The story linker of this run (corpus/links.py), with the state the store holds; articles
    stored before the corpus had stories are linked first; the memory of articles no longer
    stored is forgotten."""
    forget_without_articles(store)
    linker = CorpusLinker.load(store)
    backfill(store, linker)
    return linker


def _engine(name: str):
    if name == "local":
        from ..run.local import analyze_stream

        return lambda lines, workers, scheduler, limits: analyze_stream(lines, workers=workers,
                                                                        limits=limits)
    if name == "dask":
        from ..run.dask_engine import analyze_stream as dask_stream, load_distributed

        load_distributed()  # before the run starts: MissingExtra when Dask is not installed

        return lambda lines, workers, scheduler, limits: dask_stream(
            lines, workers=workers, scheduler=scheduler, limits=limits)
    raise ValueError(f"unknown engine {name!r}: use local or dask")


class _Feed:
    """The numbered JSONL lines to analyse, read lazily from the items, new ones only.

    The engines pull lines lazily, in this thread, a bounded number ahead of their output
    (run.workers), so the items waiting for their record sit in a deque, in order; items
    that need no analysis (read errors, finished records) go to `direct`. Every item is
    numbered in source order (`place`), so that the writer gets them all in that order (the
    story linker's ids depend on it), however far the engine reads ahead.
    """

    def __init__(self, items: Iterable[Item], known: set, stats: IngestStats):
        self.items, self.known, self.stats = items, known, stats
        self.pending: deque[tuple[int, Item]] = deque()
        self.direct: deque[tuple[int, Item]] = deque()
        self.count = 0        # items read so far: the place of the next one
        self.place = 0        # the place of the item `done` returned last

    def lines(self) -> Iterator[tuple[int, str]]:
        number = 0
        for item in self.items:
            self.stats.seen += 1
            if item.key in self.known:
                self.stats.skipped += 1
                continue
            self.known.add(item.key)
            self.count += 1
            if item.input is None:
                self.direct.append((self.count, item))
                continue
            number += 1
            self.pending.append((self.count, item))
            yield number, json.dumps(item.input, ensure_ascii=False)

    def done(self) -> Item:
        self.place, item = self.pending.popleft()
        return item

    def direct_before(self, place: Optional[int] = -1) -> Iterator[Item]:
        """The direct items read before the one `done` returned last (before `place`; None:
        all of them, once the stream has ended)."""
        place = self.place if place == -1 else place
        while self.direct and (place is None or self.direct[0][0] < place):
            yield self.direct.popleft()[1]


class _BatchWriter:
    """Collects the rows of whole articles and commits them in one transaction per batch."""

    def __init__(self, store: Store, stats: IngestStats, max_articles: int, max_seconds: float,
                 linker: Optional[CorpusLinker] = None, db_retry: float = DB_RETRY_SECONDS):
        self.store, self.stats, self.linker, self.db_retry = store, stats, linker, db_retry
        self.links = None   # the links of a batch whose write failed, for its next try
        self.max_articles, self.max_seconds = max_articles, max_seconds
        self.rows = empty_rows()
        self.errors: list[tuple] = []
        self.n = 0
        self.since = time.monotonic()

    def add(self, item: Item, record: dict) -> None:
        self.stats.analysed += 1
        if record.get("error") is not None or record.get("id") is None:
            self._error(item, record.get("error") or "the record has no id", record.get("id"))
        else:
            self._article(item, record)
        self.maybe_flush()

    def drain(self, direct: Iterable[Item]) -> None:
        for item in direct:
            if item.error is not None:
                self._error(item, item.error, None)
            else:
                self._article(item, item.record)
            self.maybe_flush()

    def _article(self, item: Item, record: dict) -> None:
        article_rows(record, item.key, item.source, item.locator, self.stats.run_id, self.rows)
        if self.linker is not None:
            self.linker.add(item.key, record)
        self.n += 1

    def _error(self, item: Item, why: str, record_id) -> None:
        self.errors.append((item.key, self.stats.run_id, item.source, item.locator,
                            record_id if isinstance(record_id, str) else item.record_id, why, _now()))
        self.n += 1

    def maybe_flush(self) -> None:
        if self.n >= self.max_articles or (self.n and time.monotonic() - self.since >= self.max_seconds):
            self.flush()

    def flush(self) -> None:
        if self.n:
            if self.links is None:  # taken once: a batch written again writes the same links
                self.links = self._links()
            added = self._write(self.links)
            self.links = None
            self.stats.added += added
            self.stats.errors += len(self.errors)
        self.rows, self.errors, self.n = empty_rows(), [], 0
        self.since = time.monotonic()

    def _write(self, links) -> int:
        """Write the batch; a lost connection is waited for up to `db_retry` seconds (the
        failed transaction was rolled back, so writing the batch again is safe)."""
        give_up = time.monotonic() + self.db_retry
        wait = 0.5
        while True:
            try:
                return self.store.write_batch(self.rows, self.errors, links)
            except Exception as err:  # noqa: BLE001 - only a lost connection is retried
                if not is_connection_error(err):
                    raise
                if time.monotonic() >= give_up:
                    raise StoreError(f"lost the connection to the database and could not get it "
                                     f"back within {self.db_retry:g} s ({_first_line(err)}); "
                                     "what was committed stays: run the same command again to "
                                     "go on") from err
                log.warning("lost the connection to the database (%s); trying again in %.1f s",
                            _first_line(err), wait)
                time.sleep(wait)
                wait = min(5.0, wait * 2)

    def _links(self):
        """What the batch's articles changed across articles (None without a linker)."""
        return self.linker.take() if self.linker is not None else None

    def flush_quietly(self) -> None:
        """The rows so far, written on the way out of a failed run, if the store lets us."""
        self.db_retry = 0
        try:
            self.flush()
        except Exception:  # noqa: BLE001 - already failing; the next run redoes this batch
            pass


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
