"""The corpus subcommands of the command line: ingest, query, sql, export (docs/corpus.md).

`add_corpus_commands` adds them to the `newsgraph` parser (cli.py); each `cmd_` function turns
its arguments into one call of the corpus library and prints the result.
"""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import UsageError, check_workers
from ..run.limits import add_limit_options, limits_from_args
from ..progress import ProgressBar

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
  stories             the stories: articles about one real-world happening, most told first
  story ID            one story: its articles in order, its occurrences, who says what, and
                      where the articles disagree (docs/stories.md)

examples:
  newsgraph query timeline RUS PRK
  newsgraph query events --actor RUS --recipient PRK --since 2023-09-01 --format csv
  newsgraph query quotes Peskov
  newsgraph query places --since 2023-01-01 --until 2023-12-31
  newsgraph query dyads --top 10 --format json
  newsgraph query stories --min-articles 2
  newsgraph query story S000042
  newsgraph query events --min-sources 3 --type ASSAULT
"""

STORIES_HELP = """\
The stories of the corpus: the articles about one real-world happening (two outlets on one
summit, not two summits of the same pair), assigned by `newsgraph ingest`. One row each,
most told first: story_id, articles, outlets, first and last publication day, the first
article's headline, occurrences (and how many more than one article tells) and the slots the
articles disagree on. --since/--until keep the stories published in the range.

examples:
  newsgraph query stories --min-articles 2
  newsgraph query stories --since 2024-06-01 --limit 20 --format csv
"""

STORY_HELP = """\
One story in five sections:
  story          its row of `query stories`
  articles       its articles in publication order, with outlet and headline
  occurrences    the real-world occurrences its events tell, most told first: type, articles,
                 outlets, and the date, place and actors the articles agree on
  tellings       who says what: each event of an occurrence with its article, trigger, status
                 and who it is attributed to (according_to), and the sentence
  disagreements  each version of a slot the articles give differently (dead, injured, date,
                 place, actor, ...) with its article and the evidence span
--format json writes one object a line with a "section" field; csv one block per section.

examples:
  newsgraph query story S000042
  newsgraph query story S000042 --format json | jq 'select(.section == "disagreements")'
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
    ingest.add_argument("--db-retry", type=float, default=60.0, metavar="SECONDS",
                        help="when the database goes away mid-run (a server restart), wait up to "
                             "SECONDS for it and write the batch again (default 60; 0: fail at once)")
    add_limit_options(ingest)
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
    r.add_argument("--min-sources", type=int, default=None, metavar="N",
                   help="only events whose occurrence N or more sources tell (distinct outlets)")
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
    r = recipes.add_parser("stories", help="the stories, most told first", formatter_class=fmt,
                           description=STORIES_HELP)
    r.add_argument("--min-articles", type=int, default=1, metavar="N", help="only stories of N or more articles")
    r.add_argument("--limit", type=int, default=None)
    dates(r)
    out_args(r)
    r = recipes.add_parser("story", help="one story: articles, occurrences, who says what, disagreements",
                           formatter_class=fmt, description=STORY_HELP)
    r.add_argument("story_id", metavar="ID", help="a story id (query stories lists them)")
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
    from .store import open_store

    if "://" not in db and not os.path.exists(db):
        raise UsageError(f"no corpus database at {db} (create one with `newsgraph ingest ... --db {db}`)")
    return open_store(db, read_only=True)


def _run_sql(db: str, sql: str, params: dict, fmt: str) -> int:
    from .show import print_rows
    from .store import StoreError

    store = _reader(db)
    try:
        names, rows = store.query(sql, params)
    except UsageError:
        raise  # MissingExtra: already one line saying what to install
    except StoreError as err:
        raise UsageError(str(err))
    except Exception as err:  # noqa: BLE001 - a bad query is the user's input: one line
        raise UsageError(f"query failed: {type(err).__name__}: {str(err).splitlines()[0]}")
    print_rows(names, rows, fmt)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .store import StoreError

    check_workers(args.workers)
    try:
        limits = limits_from_args(args)
    except ValueError as err:
        raise UsageError(str(err))
    last: list = []
    with ProgressBar("ingest", enabled=not args.quiet, status="reading") as bar:
        def show(stats) -> None:
            last[:] = [stats]
            bar.update(stats.analysed, stats.rate,
                       f"{stats.added} stored, {stats.skipped} skipped, {stats.errors} errors")

        try:
            stats = ingest(args.paths, args.db, workers=args.workers, engine=args.engine,
                           scheduler=args.scheduler, text_column=args.text_column,
                           batch_articles=max(1, args.batch), limits=limits,
                           db_retry=max(0.0, args.db_retry), on_progress=show)
        except StoreError as err:
            raise UsageError(str(err))
        except KeyboardInterrupt:
            added = f"{last[0].added} articles added; " if last else ""
            print(f"newsgraph: interrupted: {added}what was committed stays in {args.db}; run the "
                  "same command again to go on (stored articles are skipped)", file=sys.stderr)
            return 130
    print(f"ingest: {stats.added} articles added, {stats.skipped} already stored, {stats.errors} errors "
          f"({stats.seen} seen, {stats.rate:.1f} articles/s) into {args.db}", file=sys.stderr)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from . import query as recipes

    if args.recipe == "timeline":
        sql, params = recipes.timeline(args.actor, args.recipient, not args.one_way, args.event,
                                       args.since, args.until)
    elif args.recipe == "events":
        sql, params = recipes.events(args.actor, args.recipient, args.event, args.since, args.until,
                                     args.both_ways, args.limit, args.min_sources)
    elif args.recipe == "stories":
        sql, params = recipes.stories(args.min_articles, args.since, args.until, args.limit)
    elif args.recipe == "story":
        return _show_story(args.db, args.story_id, args.format)
    elif args.recipe == "quotes":
        sql, params = recipes.quotes(args.speaker, args.since, args.until, args.limit)
    elif args.recipe == "places":
        sql, params = recipes.places(args.since, args.until, args.event)
    else:
        sql, params = recipes.dyads(args.top, args.by, args.event, args.since, args.until)
    return _run_sql(args.db, sql, params, args.format)


def _show_story(db: str, story_id: str, fmt: str) -> int:
    """Print the sections of one story (query.story); a story id the corpus lacks is a usage error."""
    from . import query as recipes
    from .show import print_sections

    store = _reader(db)
    sections = [(name, *store.query(sql, params)) for name, (sql, params) in recipes.story(story_id).items()]
    if not sections[0][2]:
        raise UsageError(f"no story {story_id!r} in {db} (`newsgraph query stories` lists them)")
    print_sections(sections, fmt)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    return _run_sql(args.db, args.sql, {}, args.format)


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    n = export(_reader(args.db), args.format, args.output)
    print(f"export: {n} rows written to {args.output}", file=sys.stderr)
    return 0
