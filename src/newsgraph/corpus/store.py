"""Where the corpus lives: one Store interface, a DuckDB file (default) or PostgreSQL.

Both backends run the same DDL (`schema.ddl()`) and the same SQL. Writes come in batches of
whole articles (`write_batch`): in ONE transaction the store drops the articles it already
holds (the content hash is the primary key), inserts every row of the rest into every table,
and commits. So a reader, or a run killed with -9 and started again, never sees half an
article, and ingesting the same text twice adds nothing.

DuckDB allows one process to hold a database file for writing, and no other process may even
read it meanwhile. The DuckDB store therefore opens the file only for the duration of one
write or one query and closes it after (`with store.connect()`), retrying while another
process holds it: `newsgraph query` works while `newsgraph ingest` runs. Queries use `:name`
parameters; the store translates them for each driver.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from datetime import date, datetime
from typing import Any, Iterable, Iterator, Optional, Sequence

from ..extras import require
from .links import apply_links
from .schema import ARTICLE_TABLES, LINK_TABLES, TABLES, columns, ddl

LOCK_TIMEOUT_S = 300.0  # how long to wait for another process to release a DuckDB file
PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")

Batch = dict  # table -> list of row tuples (schema column order)


class StoreError(RuntimeError):
    """The store cannot be opened or used (bad URL, a lock held too long, a missing file)."""


class StoreConnectionError(StoreError):
    """The database server cannot be reached (down, restarting, refusing connections)."""


def is_connection_error(err: BaseException) -> bool:
    """Is `err` a lost or refused database connection (worth waiting for), not a bad query?"""
    if isinstance(err, StoreConnectionError):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(err, (psycopg.OperationalError, psycopg.InterfaceError))


def open_store(url: str, read_only: bool = False) -> "Store":
    """The store for `url`: a postgresql:// URL, else a DuckDB file path."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    return DuckDBStore(url, read_only=read_only)


def _rows_by_key(batch: Batch, keep: set) -> Batch:
    """The batch restricted to the articles whose key is in `keep` (key = first column)."""
    return {table: [row for row in rows if row[0] in keep] for table, rows in batch.items()}


def peek_articles(db: str) -> Optional[int]:
    """Articles stored in the DuckDB file `db` so far, without waiting: None while a writer
    holds the file, before the schema exists, or when there is no file yet. For progress
    checks beside a running ingest (the kill -9 test and benchmark)."""
    if not os.path.exists(db):
        return None
    store = open_store(db, read_only=True)
    store.lock_timeout = 0.05
    try:
        return store.counts(["articles"])["articles"]
    except Exception:  # noqa: BLE001 - the writer holds the file, or no schema yet
        return None


class Store:
    """The operations every backend offers. Subclasses implement the connection handling."""

    url: str
    kind: str

    _con = None  # set while a `hold()` block keeps one connection open

    def _open(self):  # pragma: no cover - interface
        """A new connection to the backend (StoreError when it cannot be had)."""
        raise NotImplementedError

    @contextlib.contextmanager
    def connect(self):
        """The held connection, or a new one closed on leaving the block."""
        if self._con is not None:
            yield self._con
            return
        con = self._open()
        try:
            yield con
        finally:
            con.close()

    @contextlib.contextmanager
    def hold(self):
        """Keep one connection open across several calls (a single-process job, an export)."""
        with self.connect() as con:
            self._con = con
            try:
                yield self
            finally:
                self._con = None

    def _sql(self, sql: str) -> str:
        return sql

    # -- schema and bookkeeping ------------------------------------------------------------
    def create_schema(self) -> None:
        with self.connect() as con:
            for statement in ddl():
                con.execute(statement)
            self._commit(con)

    def _commit(self, con) -> None:
        con.commit()

    def execute(self, sql: str, params: Optional[dict] = None) -> None:
        with self.connect() as con:
            con.execute(self._sql(sql), params or {})
            self._commit(con)

    def query(self, sql: str, params: Optional[dict] = None) -> tuple[list[str], list[tuple]]:
        """(column names, rows) of a query with `:name` parameters."""
        with self.connect() as con:
            cur = con.execute(self._sql(sql), params or {})
            names = [d[0] for d in cur.description] if cur.description else []
            return names, cur.fetchall() if cur.description else []

    def dicts(self, sql: str, params: Optional[dict] = None) -> list[dict]:
        """The rows of a query as dicts of plain JSON values (dates as ISO strings): what the
        web app and its JSON API hand on."""
        names, rows = self.query(sql, params)
        return [{n: v.isoformat() if isinstance(v, (date, datetime)) else v for n, v in zip(names, row)}
                for row in rows]

    def dataframe(self, sql: str, params: Optional[dict] = None):
        import pandas as pd

        names, rows = self.query(sql, params)
        return pd.DataFrame.from_records(rows, columns=names)

    def arrow(self, sql: str, params: Optional[dict] = None):
        import pyarrow as pa

        names, rows = self.query(sql, params)
        return pa.Table.from_pylist([dict(zip(names, row)) for row in rows]) if rows else \
            pa.table({n: pa.array([], pa.null()) for n in names})

    def keys(self) -> set[str]:
        """Every article key and error key already stored (what an ingest may skip)."""
        _, a = self.query("SELECT article_key FROM articles")
        _, e = self.query("SELECT error_key FROM errors")
        return {r[0] for r in a} | {r[0] for r in e}

    def counts(self, tables: Sequence[str] = tuple(TABLES)) -> dict[str, int]:
        with self.connect() as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # -- writing ---------------------------------------------------------------------------
    def write_batch(self, batch: Batch, errors: Sequence[tuple] = (), links=None) -> int:
        """Write whole articles (and error rows) in one transaction; returns articles added.

        Articles and errors whose key is already stored are skipped, in the same
        transaction, so concurrent or repeated ingests never duplicate a row. `links` (a
        `links.LinkRows`) is what the batch changed across articles: written in the same
        transaction, after the articles (their stories and occurrences).
        """
        keys = [row[0] for row in batch.get("articles", [])]
        error_keys = [row[0] for row in errors]
        if not keys and not error_keys:
            if links:
                self.write_links(links)
            return 0
        with self.connect() as con:
            self._begin(con)
            try:
                have = self._existing(con, "articles", "article_key", keys)
                new = set(keys) - have
                batch = _rows_by_key(batch, new)
                for table in ARTICLE_TABLES:
                    if batch.get(table):
                        self._insert(con, table, batch[table])
                have_err = self._existing(con, "errors", "error_key", error_keys)
                seen: set = set()
                fresh = []
                for row in errors:
                    if row[0] not in have_err and row[0] not in seen:
                        seen.add(row[0])
                        fresh.append(row)
                if fresh:
                    self._insert(con, "errors", fresh)
                if links:
                    apply_links(self, con, links)
                con.commit()
            except BaseException:
                con.rollback()
                raise
        return len(new)

    def write_links(self, links) -> None:
        """Write a `links.LinkRows` in a transaction of its own (linking stored articles)."""
        with self.connect() as con:
            self._begin(con)
            try:
                apply_links(self, con, links)
                con.commit()
            except BaseException:
                con.rollback()
                raise

    def _begin(self, con) -> None:
        con.execute("BEGIN TRANSACTION")

    def _existing(self, con, table: str, column: str, keys: Sequence[str]) -> set:
        found: set = set()
        for i in range(0, len(keys), 500):
            part = list(keys[i:i + 500])
            marks = ", ".join(self._placeholder(j) for j in range(len(part)))
            cur = con.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", part)
            found.update(r[0] for r in cur.fetchall())
        return found

    def _placeholder(self, i: int) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def _insert(self, con, table: str, rows: list[tuple]) -> None:  # pragma: no cover
        raise NotImplementedError

    def _stage(self, con, name: str, cols: list[tuple[str, str]], rows: list[tuple]) -> str:  # pragma: no cover
        """Rows as a relation `name` (columns and SQL types `cols`) the next statements of the
        transaction can join; returns the name to use."""
        raise NotImplementedError

    def _unstage(self, con, name: str) -> None:  # pragma: no cover
        raise NotImplementedError

    def insert_rows(self, table: str, rows: list[tuple]) -> None:
        """Insert rows into one table in their own transaction (runs bookkeeping)."""
        with self.connect() as con:
            self._insert(con, table, rows)
            self._commit(con)


class DuckDBStore(Store):
    """A DuckDB database file, opened only while a write or a query runs."""

    kind = "duckdb"

    def __init__(self, path: str, read_only: bool = False, lock_timeout: float = LOCK_TIMEOUT_S):
        self.url = path
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._con = None  # set while a `hold()` block keeps the file open

    def _sql(self, sql: str) -> str:
        return PARAM.sub(r"$\1", sql)

    def _placeholder(self, i: int) -> str:
        return "?"


    def _open(self):
        import duckdb

        deadline = time.monotonic() + self.lock_timeout
        delay = 0.01
        while True:
            try:
                return duckdb.connect(self.url, read_only=self.read_only)
            except duckdb.IOException as err:
                if "lock" not in str(err).lower() or time.monotonic() > deadline:
                    raise StoreError(f"cannot open {self.url}: {err}") from err
            except duckdb.Error as err:
                raise StoreError(f"cannot open {self.url}: {err}") from err
            time.sleep(delay)
            delay = min(0.05, delay * 2)

    def _insert(self, con, table: str, rows: list[tuple]) -> None:
        import pyarrow as pa

        names = columns(table)
        data = pa.Table.from_arrays([pa.array([r[i] for r in rows], type=_ARROW[table][i])
                                     for i in range(len(names))], names=names)
        con.register("_newsgraph_batch", data)
        try:
            # by name, so an older database that got a column added later still lines up
            con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM _newsgraph_batch")
        finally:
            con.unregister("_newsgraph_batch")


    def _stage(self, con, name: str, cols: list[tuple[str, str]], rows: list[tuple]) -> str:
        import pyarrow as pa

        con.register(name, pa.Table.from_arrays(
            [pa.array([r[i] for r in rows], type=_arrow_type(t)) for i, (_, t) in enumerate(cols)],
            names=[c for c, _ in cols]))
        return name

    def _unstage(self, con, name: str) -> None:
        con.unregister(name)


class PostgresStore(Store):
    """A PostgreSQL database (psycopg 3); rows go in with COPY."""

    kind = "postgresql"

    def __init__(self, url: str):
        self.url = url
        self._con = None

    def _sql(self, sql: str) -> str:
        return PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))

    def _placeholder(self, i: int) -> str:
        return "%s"

    def _begin(self, con) -> None:
        pass  # psycopg opens a transaction on the first statement

    def _open(self):
        psycopg = require("psycopg", "postgres", "PostgreSQL (--db postgresql://...)")
        try:
            return psycopg.connect(self.url)
        except psycopg.Error as err:
            raise StoreConnectionError(f"cannot connect to {self.url}: {err}") from err

    def query(self, sql: str, params: Optional[dict] = None):
        with self.connect() as con:
            cur = con.execute(self._sql(sql), params or None)
            names = [d.name for d in cur.description] if cur.description else []
            rows = cur.fetchall() if cur.description else []
            con.commit()
            return names, rows

    def execute(self, sql: str, params: Optional[dict] = None) -> None:
        with self.connect() as con:
            con.execute(self._sql(sql), params or None)
            con.commit()

    def _insert(self, con, table: str, rows: list[tuple]) -> None:
        with con.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns(table))}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _stage(self, con, name: str, cols: list[tuple[str, str]], rows: list[tuple]) -> str:
        con.execute(f"CREATE TEMP TABLE {name} ({', '.join(f'{c} {t}' for c, t in cols)}) ON COMMIT DROP")
        with con.cursor() as cur:
            with cur.copy(f"COPY {name} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return name

    def _unstage(self, con, name: str) -> None:
        con.execute(f"DROP TABLE {name}")


def _arrow_type(sqltype: str):
    """The Arrow type DuckDB reads back as the column's SQL type."""
    import pyarrow as pa

    mapping = {"TEXT": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
               "DOUBLE PRECISION": pa.float64(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
    return mapping[next(k for k in sorted(mapping, key=len, reverse=True) if sqltype.startswith(k))]


def _arrow_types() -> dict[str, list]:
    import pyarrow as pa

    return {table: [_arrow_type(sqltype) for _, sqltype in cols]
            for table, cols in {**TABLES, **LINK_TABLES}.items()}


class _LazyArrow(dict):
    def __missing__(self, table):
        self.update(_arrow_types())
        return self[table]


_ARROW = _LazyArrow()
