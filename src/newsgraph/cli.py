"""The newsgraph command line: a thin shell over the library.

    newsgraph read FILE|URL|-          one article, shown readably (or --json)
    newsgraph extract IN.jsonl --output OUT.jsonl     the batch command of CONTRACT.md
    newsgraph ingest | query | sql | export           a corpus database (corpus/commands.py)
    newsgraph serve --db corpus.duckdb                the explorer, a web app (web/serve.py)
    newsgraph schema                   the JSON Schema of the output record

Bad arguments or an unreadable input file print one line and exit 2; problems with single
articles never stop a batch (they become error records).
"""
from __future__ import annotations

import argparse
import contextlib
import faulthandler
import itertools
import json
import os
import signal
import sys
import threading
from typing import Iterator, Optional, Sequence

from . import __version__
from .corpus.commands import add_corpus_commands
from .errors import UsageError, check_workers
from .progress import ProgressBar
from .run.limits import add_limit_options, limits_from_args
from .web.serve import add_serve_command

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
  newsgraph serve --db corpus.duckdb --port 8000
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
still gets its output line, with "error" saying why. So does an article past a limit: longer
than --max-chars, or taking longer than --timeout seconds, or growing its worker past
--max-memory MB (the worker is stopped and replaced; the batch goes on, in order).

Ctrl-C stops at once and says how many records were written; --resume then goes on where
the output file ends (it appends; the result is the file an uninterrupted run writes).
Exit status 0 when every line was written; 2 for bad arguments or an unreadable input file;
130 when interrupted.

examples:
  newsgraph extract articles.jsonl --output records.jsonl
  newsgraph extract articles.jsonl --output records.jsonl --workers 1 --quiet
  newsgraph extract crawl.jsonl --output records.jsonl --timeout 20 --max-chars 200000
  newsgraph extract crawl.jsonl --output records.jsonl --resume     # after Ctrl-C or a crash
"""


SCHEMA_HELP = """\
Print the JSON Schema (draft 2020-12) of the output record that `read --json` and `extract`
write (docs/record.md). The same file ships in the package as newsgraph/record.schema.json.

examples:
  newsgraph schema > record.schema.json
  python -m jsonschema -i record.json record.schema.json   # needs `pip install jsonschema`
"""


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

    schema = sub.add_parser("schema", help="print the JSON Schema of the output record",
                            description=SCHEMA_HELP, formatter_class=fmt)
    schema.set_defaults(func=cmd_schema)

    extract = sub.add_parser("extract", help="analyse a JSONL file of articles (the batch command)",
                             description=EXTRACT_HELP, formatter_class=fmt)
    extract.add_argument("input", metavar="IN.jsonl", help="input records, one JSON object a line ('-' for stdin)")
    extract.add_argument("--output", "-o", required=True, metavar="OUT.jsonl",
                         help="where to write the output records ('-' for stdout)")
    extract.add_argument("--workers", "-w", type=int, default=None, metavar="N",
                         help="worker processes (default: $NEWSGRAPH_WORKERS, else all cores)")
    extract.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    extract.add_argument("--resume", action="store_true",
                         help="go on after an interrupted run: keep the records OUT.jsonl holds, "
                              "analyse only the input lines after them, append")
    add_limit_options(extract)
    extract.set_defaults(func=cmd_extract)
    add_corpus_commands(sub, fmt)
    add_serve_command(sub, fmt, os.environ.get("NEWSGRAPH_DB") or "corpus.duckdb")
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


def cmd_schema(args: argparse.Namespace) -> int:
    from .record_schema import SCHEMA_PATH

    sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .run.local import analyze_stream, default_workers

    workers = args.workers if args.workers is not None else default_workers()
    check_workers(workers)
    try:
        limits = limits_from_args(args)
    except ValueError as err:
        raise UsageError(str(err))
    if args.resume and "-" in (args.input, args.output):
        raise UsageError("--resume needs an input file and an output file, not '-'")
    source = sys.stdin.buffer if args.input == "-" else _open_input(args.input)
    total = None if args.input == "-" else _count_lines(args.input)
    kept = _kept_records(args.output) if args.resume else 0
    try:
        out = sys.stdout if args.output == "-" else \
            open(args.output, "a" if args.resume else "w", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {args.output}: {err.strerror}")
    show_progress = not args.quiet and args.output != "-"
    written = kept
    lines = itertools.islice(_numbered_lines(source), kept, None)
    try:
        with source, out, ProgressBar("extract", total, enabled=show_progress) as bar:
            bar.advance(kept)
            with contextlib.closing(analyze_stream(lines, workers=workers, limits=limits,
                                                   on_done=bar.advance)) as stream:
                for line in stream:
                    out.write(line + "\n")
                    written += 1
    except KeyboardInterrupt:
        print(f"newsgraph: interrupted: {written:,} records in {args.output}"
              + (f" of {total:,}" if total is not None else "")
              + (f"; to go on: newsgraph extract {args.input} --output {args.output} --resume"
                 if "-" not in (args.input, args.output) else ""), file=sys.stderr)
        return 130
    return 0


def _kept_records(path: str) -> int:
    """The whole records an interrupted run left in `path` (0 when there is no file). A last
    line cut short (the run was killed while writing it) is removed, to be written again."""
    try:
        with open(path, "rb+") as f:
            data = f.read()
            end = data.rfind(b"\n") + 1
            if end < len(data):
                f.truncate(end)
    except FileNotFoundError:
        return 0
    except OSError as err:
        raise UsageError(f"cannot resume {path}: {err.strerror}")
    return data.count(b"\n", 0, end)


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


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    _dump_stacks_on_sigusr1()
    try:
        return args.func(args)
    except UsageError as err:
        print(f"newsgraph: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130


def _dump_stacks_on_sigusr1() -> None:
    """`kill -USR1 PID` prints where every thread of a run stands, on stderr, and the run
    goes on: for a long batch that seems stuck (docs/usage.md)."""
    if hasattr(signal, "SIGUSR1") and threading.current_thread() is threading.main_thread():
        try:
            faulthandler.register(signal.SIGUSR1, all_threads=True, chain=False)
        except (AttributeError, ValueError, OSError):  # stderr is no file (main() in a test)
            pass


if __name__ == "__main__":
    sys.exit(main())
