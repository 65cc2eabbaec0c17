"""The newsgraph command line: a thin shell over the library.

    newsgraph read FILE|URL|-          one article, shown readably (or --json)
    newsgraph extract IN.jsonl --output OUT.jsonl     the batch command of CONTRACT.md
    newsgraph ingest | query | sql | export           a corpus database (docs/corpus.md)

Bad arguments or an unreadable input file print one line and exit 2; problems with single
articles never stop a batch (they become error records).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterator, Optional, Sequence

from . import __version__

MAIN_HELP = """\
Turn news articles into a sourced event graph: names, quotes, times, places, events.

examples:
  newsgraph read samples/kremlin-visit.txt --published 2023-09-14
  newsgraph read page.html --json
  curl -s https://example.org/story | newsgraph read -
  newsgraph extract articles.jsonl --output records.jsonl --workers 4
  newsgraph ingest articles/ dump.jsonl crawl.warc.gz --db corpus.duckdb
  newsgraph query timeline RUS PRK --db corpus.duckdb
  newsgraph export --db corpus.duckdb --format parquet --output corpus-parquet/
"""

READ_HELP = """\
Analyse one article and show it: headline, date, body, then every layer found.

FILE may be plain text (any common encoding) or an HTML page (detected from its content);
'-' reads standard input; an http(s) URL is fetched when the network allows.

examples:
  newsgraph read samples/kremlin-visit.txt --published 2023-09-14
  newsgraph read story.html --json > record.json
  newsgraph read samples/kremlin-visit.txt --published 2023-09-14 --map places.html
"""

EXTRACT_HELP = """\
Analyse every record of a JSONL file and write one output record per input line,
in input order (see docs/record.md). Each input line is a JSON object with "id" and
"text" or "html", optionally "title", "published" (YYYY-MM-DD) and "url".

A line that cannot be analysed (not JSON, no id, empty or binary text, non-English...)
still gets its output line, with "error" saying why. Exit status 0 when every line was
written; 2 for bad arguments or an unreadable input file.

examples:
  newsgraph extract articles.jsonl --output records.jsonl
  newsgraph extract articles.jsonl --output records.jsonl --workers 1 --quiet
"""


class UsageError(Exception):
    """A problem with the command line or its input file: one line, exit 2."""


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="newsgraph", description=MAIN_HELP, formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = sub.add_parser("read", help="analyse one article and show it", description=READ_HELP,
                          formatter_class=fmt)
    read.add_argument("source", metavar="FILE|URL|-", help="the article: a file, a URL, or - for stdin")
    read.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    read.add_argument("--title", help="the headline, when you know it")
    read.add_argument("--html", action="store_true", help="treat the input as HTML (default: detect)")
    read.add_argument("--json", action="store_true", help="print the output record as JSON")
    read.add_argument("--map", metavar="OUT.html",
                      help="also write an offline map of the article's places (no network needed)")
    read.set_defaults(func=cmd_read)

    extract = sub.add_parser("extract", help="analyse a JSONL file of articles (the batch command)",
                             description=EXTRACT_HELP, formatter_class=fmt)
    extract.add_argument("input", metavar="IN.jsonl", help="input records, one JSON object a line ('-' for stdin)")
    extract.add_argument("--output", "-o", required=True, metavar="OUT.jsonl",
                         help="where to write the output records ('-' for stdout)")
    extract.add_argument("--workers", "-w", type=int, default=None, metavar="N",
                         help="worker processes (default: $NEWSGRAPH_WORKERS, else all cores)")
    extract.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    extract.set_defaults(func=cmd_extract)
    add_corpus_commands(sub, fmt)
    return parser


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head


def read_source(source: str) -> bytes:
    """The bytes of FILE, URL or '-' (stdin); UsageError when they cannot be read."""
    from .read.url import FetchError, fetch, is_url

    if source == "-":
        return sys.stdin.buffer.read()
    if is_url(source):
        try:
            return fetch(source)
        except FetchError as err:
            raise UsageError(str(err))
    try:
        with open(source, "rb") as f:
            return f.read()
    except OSError as err:
        raise UsageError(f"cannot read {source}: {err.strerror}")


def cmd_read(args: argparse.Namespace) -> int:
    from .pipeline import default_pipeline
    from .read.text import NotText, decode_bytes
    from .read.url import is_url
    from .document import error_record

    raw = read_source(args.source)
    record_id = os.path.basename(args.source) if args.source != "-" else "stdin"
    try:
        text = decode_bytes(raw)
    except NotText as err:
        record = error_record(record_id, str(err))
    else:
        fields = {"id": record_id, "title": args.title, "published": args.published,
                  "url": args.source if is_url(args.source) else None}
        fields["html" if args.html or looks_like_html(text) else "text"] = text
        record = default_pipeline().analyze_record({k: v for k, v in fields.items() if v is not None})
    if args.map:
        from .places.map import write_map

        write_map(record, args.map)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        from .render import render_record

        render_record(record)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .run.local import analyze_stream, default_workers

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    source = sys.stdin.buffer if args.input == "-" else _open_input(args.input)
    total = None if args.input == "-" else _count_lines(args.input)
    try:
        out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {args.output}: {err.strerror}")
    show_progress = not args.quiet and args.output != "-"
    with source, out, _progress(total, show_progress) as advance:
        for line in analyze_stream(_numbered_lines(source), workers=workers, on_done=advance):
            out.write(line + "\n")
    return 0


def _open_input(path: str):
    try:
        return open(path, "rb")
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror}")


def _count_lines(path: str) -> int:
    """Non-empty lines of the file, for the progress bar's total (a fast byte scan)."""
    with open(path, "rb") as f:
        return sum(1 for raw in f if raw.strip())


def _numbered_lines(source) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-empty line, streamed. Binary lines split on b"\\n" only:
    str.splitlines() would also split inside JSON strings holding U+2028 and other Unicode
    line separators, which JSON allows unescaped."""
    for number, raw in enumerate(source, start=1):
        if raw.strip():
            yield number, raw.decode("utf-8", errors="replace")


class _progress:
    """A progress bar on stderr (articles done, rate, time left); silent when disabled."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.bar = total, enabled, None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("extract", total=self.total, rate="")
            self.started = time.monotonic()
        return self.advance

    def advance(self, n: int) -> None:
        if self.bar is not None:
            done = self.bar.tasks[0].completed + n
            rate = done / max(1e-9, time.monotonic() - self.started)
            self.bar.update(self.task, advance=n, rate=f"{rate:.1f} articles/s")

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


INGEST_HELP = """\
Analyse articles and store them in a corpus database (see docs/corpus.md).

PATH may be a folder (every .txt/.html file under it, and the JSONL, CSV and WARC files it
holds), a contract JSONL file (input records, or output records of `newsgraph extract`,
stored as they are), a WARC/WARC.gz file (its HTML responses) or a CSV file with a text
column. Ingesting is idempotent (an article already stored, by content hash, is skipped) and
resumable: after a crash or kill -9, run the same command again. Inputs that cannot be
analysed go to the `errors` table; each run is a row of the `runs` table.

--db is a DuckDB file (default $NEWSGRAPH_DB, else corpus.duckdb) or a postgresql:// URL.

examples:
  newsgraph ingest articles/ --db corpus.duckdb
  newsgraph ingest dump.jsonl.gz crawl.warc.gz --db postgresql://user@localhost/news
  newsgraph ingest big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
"""

QUERY_HELP = """\
Answer an analyst's question with a recipe. An actor is an ISO alpha-3 country (RUS), a
CAMEO-style code or prefix (RUSGOV) or an entity name ("Vladimir Putin").

recipes:
  timeline A B        events between two actors by month (both directions)
  events              events with actors, date, place and sentence (--actor, --recipient, ...)
  quotes SPEAKER      what a speaker said (name substring, or actor code)
  places              where events happened (--since, --until)
  dyads               the most active actor pairs (--by country|code|name, --top N)

examples:
  newsgraph query timeline RUS PRK
  newsgraph query events --actor RUS --recipient PRK --since 2023-09-01 --format csv
  newsgraph query quotes Peskov
  newsgraph query places --since 2023-01-01 --until 2023-12-31
  newsgraph query dyads --top 10 --format json
"""

SQL_HELP = """\
Run any SQL on the corpus database and print the result (tables: docs/corpus.md).

examples:
  newsgraph sql "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC"
  newsgraph sql "SELECT name, count(*) FROM entities WHERE label = 'PERSON' GROUP BY 1 ORDER BY 2 DESC LIMIT 20" --format csv
"""

EXPORT_HELP = """\
Export the corpus: parquet (a folder, one dataset per table partitioned by publication
month), csv (a folder, one file per table), jsonl (contract records), plover (PLOVER JSONL,
one event a line) or gdelt (GDELT-style event TSV).

examples:
  newsgraph export --format parquet --output corpus-parquet/
  newsgraph export --format plover --output events.jsonl
  newsgraph export --format gdelt --output events.tsv
"""


def add_corpus_commands(sub, fmt) -> None:
    """The corpus subcommands: ingest, query, sql, export."""
    default_db = os.environ.get("NEWSGRAPH_DB") or "corpus.duckdb"

    def db_arg(p):
        p.add_argument("--db", default=default_db, metavar="DB",
                       help="DuckDB file or postgresql:// URL (default: $NEWSGRAPH_DB, else corpus.duckdb)")

    def out_args(p):
        db_arg(p)
        p.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table",
                       help="table (default), csv, or json (one object a line)")

    ingest = sub.add_parser("ingest", help="analyse articles into a corpus database",
                            description=INGEST_HELP, formatter_class=fmt)
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="folders, JSONL, WARC or CSV files")
    db_arg(ingest)
    ingest.add_argument("--workers", "-w", type=int, default=None, metavar="N",
                        help="worker processes (default: $NEWSGRAPH_WORKERS, else all cores)")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local process pool (default) or Dask distributed")
    ingest.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="Dask scheduler address (default: a local cluster of --workers)")
    ingest.add_argument("--text-column", default="text", metavar="NAME",
                        help="the CSV column holding the article text (default: text)")
    ingest.add_argument("--batch", type=int, default=64, metavar="N",
                        help="commit after N articles (or 2 seconds); default 64")
    ingest.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    ingest.set_defaults(func=cmd_ingest)

    query = sub.add_parser("query", help="answer a question with a recipe", description=QUERY_HELP,
                           formatter_class=fmt)
    recipes = query.add_subparsers(dest="recipe", metavar="RECIPE", required=True)

    def dates(p):
        p.add_argument("--since", metavar="YYYY-MM-DD", help="from this day (event date, else publication)")
        p.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day, inclusive")

    r = recipes.add_parser("timeline", help="events between two actors by month")
    r.add_argument("actor")
    r.add_argument("recipient")
    r.add_argument("--one-way", action="store_true", help="only events from the first to the second")
    r.add_argument("--type", dest="event", metavar="EVENT", help="one PLOVER type, e.g. CONSULT")
    dates(r)
    out_args(r)
    r = recipes.add_parser("events", help="events with actors, date, place and evidence")
    r.add_argument("--actor")
    r.add_argument("--recipient")
    r.add_argument("--both-ways", action="store_true", help="either actor may be on either side")
    r.add_argument("--type", dest="event", metavar="EVENT", help="one PLOVER type, e.g. CONSULT")
    r.add_argument("--limit", type=int, default=None)
    dates(r)
    out_args(r)
    r = recipes.add_parser("quotes", help="quotes by a speaker")
    r.add_argument("speaker")
    r.add_argument("--limit", type=int, default=None)
    dates(r)
    out_args(r)
    r = recipes.add_parser("places", help="places of events in a date range")
    r.add_argument("--type", dest="event", metavar="EVENT", help="one PLOVER type")
    dates(r)
    out_args(r)
    r = recipes.add_parser("dyads", help="the most active actor pairs")
    r.add_argument("--top", type=int, default=20)
    r.add_argument("--by", choices=("country", "code", "name"), default="country")
    r.add_argument("--type", dest="event", metavar="EVENT", help="one PLOVER type")
    dates(r)
    out_args(r)
    query.set_defaults(func=cmd_query)

    sql = sub.add_parser("sql", help="run SQL on the corpus database", description=SQL_HELP,
                         formatter_class=fmt)
    sql.add_argument("sql", metavar="SQL")
    out_args(sql)
    sql.set_defaults(func=cmd_sql)

    export = sub.add_parser("export", help="export the corpus (parquet, csv, jsonl, plover, gdelt)",
                            description=EXPORT_HELP, formatter_class=fmt)
    db_arg(export)
    export.add_argument("--format", "-f", required=True, choices=("parquet", "csv", "jsonl", "plover", "gdelt"))
    export.add_argument("--output", "-o", required=True, metavar="PATH",
                        help="a folder (parquet, csv) or a file ('-' for stdout)")
    export.set_defaults(func=cmd_export)


def _reader(db: str):
    """The store to read, or UsageError when the DuckDB file does not exist."""
    from .corpus.store import open_store

    if "://" not in db and not os.path.exists(db):
        raise UsageError(f"no corpus database at {db} (create one with `newsgraph ingest ... --db {db}`)")
    return open_store(db, read_only=True)


def _run_sql(db: str, sql: str, params: dict, fmt: str) -> int:
    from .corpus.show import print_rows
    from .corpus.store import StoreError

    store = _reader(db)
    try:
        names, rows = store.query(sql, params)
    except StoreError as err:
        raise UsageError(str(err))
    except Exception as err:  # noqa: BLE001 - a bad query is the user's input: one line
        raise UsageError(f"query failed: {type(err).__name__}: {str(err).splitlines()[0]}")
    print_rows(names, rows, fmt)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .corpus.ingest import ingest
    from .corpus.store import StoreError

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    with _ingest_progress(not args.quiet) as show:
        try:
            stats = ingest(args.paths, args.db, workers=args.workers, engine=args.engine,
                           scheduler=args.scheduler, text_column=args.text_column,
                           batch_articles=max(1, args.batch), on_progress=show)
        except StoreError as err:
            raise UsageError(str(err))
    print(f"ingest: {stats.added} articles added, {stats.skipped} already stored, {stats.errors} errors "
          f"({stats.seen} seen, {stats.rate:.1f} articles/s) into {args.db}", file=sys.stderr)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from .corpus import query as recipes

    if args.recipe == "timeline":
        sql, params = recipes.timeline(args.actor, args.recipient, not args.one_way, args.event,
                                       args.since, args.until)
    elif args.recipe == "events":
        sql, params = recipes.events(args.actor, args.recipient, args.event, args.since, args.until,
                                     args.both_ways, args.limit)
    elif args.recipe == "quotes":
        sql, params = recipes.quotes(args.speaker, args.since, args.until, args.limit)
    elif args.recipe == "places":
        sql, params = recipes.places(args.since, args.until, args.event)
    else:
        sql, params = recipes.dyads(args.top, args.by, args.event, args.since, args.until)
    return _run_sql(args.db, sql, params, args.format)


def cmd_sql(args: argparse.Namespace) -> int:
    return _run_sql(args.db, args.sql, {}, args.format)


def cmd_export(args: argparse.Namespace) -> int:
    from .corpus.export import export

    n = export(_reader(args.db), args.format, args.output)
    print(f"export: {n} rows written to {args.output}", file=sys.stderr)
    return 0


class _ingest_progress:
    """A progress line on stderr for ingest: articles stored, rate, skipped, errors."""

    def __init__(self, enabled: bool):
        self.enabled, self.bar, self.last = enabled, None, 0.0

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.fields[info]}"),
                                TimeElapsedColumn(), console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, info="reading")
        return self.show

    def show(self, stats) -> None:
        now = time.monotonic()
        if self.bar is not None and now - self.last >= 0.2:
            self.last = now
            self.bar.update(self.task, info=(f"{stats.analysed} analysed, {stats.added} stored, "
                                             f"{stats.rate:.1f} articles/s, {stats.skipped} skipped, "
                                             f"{stats.errors} errors"))

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except UsageError as err:
        print(f"newsgraph: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
