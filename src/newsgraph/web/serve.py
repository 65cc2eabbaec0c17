"""`newsgraph serve`: the explorer over a corpus database, with uvicorn.

Needs the `web` extra (starlette, uvicorn, jinja2, vl-convert-python); without it the command
says what to install. Listens on 127.0.0.1 unless told otherwise: the corpus is yours.
"""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import UsageError
from ..extras import require

# the modules of the web extra (pyproject.toml), uvicorn first
WEB_MODULES = ("uvicorn", "starlette", "jinja2", "vl_convert")

SERVE_HELP = """\
Browse a corpus in a web browser: articles with their facts marked, search, actors, dyad
timelines, a map of event places and the network of actors (docs/explorer.md). Every view
has a JSON twin under /api/ (e.g. /api/search?q=missile). Works offline: nothing is loaded
from the internet.

--db is a DuckDB file (default $NEWSGRAPH_DB, else corpus.duckdb) or a postgresql:// URL.
The DuckDB file is opened read-only, only while a request runs, so `newsgraph ingest` can
add to it meanwhile.

examples:
  newsgraph serve --db corpus.duckdb                  # then open http://127.0.0.1:8000/
  newsgraph serve --db corpus.duckdb --port 8080
  newsgraph serve --db postgresql://user@localhost/news --host 0.0.0.0

pages:
  /search?q=ceasefire&actor=RUS&type=ASSAULT&since=2024-01-01   articles
  /article/KEY?fact=V2          an article, showing the evidence of event V2
  /actor?actor=RUSGOV           an actor: names, codes, quotes, events, counterparts
  /dyad?a=RUS&b=UKR             events between two actors by month and type
  /map?type=ASSAULT             event places on a world map
  /network?by=code              actors linked by events
"""


def add_serve_command(sub, fmt, db_default: str) -> None:
    serve = sub.add_parser("serve", help="browse a corpus in a web browser (the explorer)",
                           description=SERVE_HELP, formatter_class=fmt)
    serve.add_argument("--db", default=db_default, metavar="DB",
                       help="DuckDB file or postgresql:// URL (default: $NEWSGRAPH_DB, else corpus.duckdb)")
    serve.add_argument("--port", "-p", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    uvicorn, *_ = (require(module, "web", "newsgraph serve")
                   for module in WEB_MODULES)  # each named when missing, before the app imports them
    from .app import create_app

    if "://" not in args.db and not os.path.exists(args.db):
        raise UsageError(f"no corpus database at {args.db} (create one with `newsgraph ingest ... --db {args.db}`)")
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535")
    print(f"newsgraph explorer on http://{args.host}:{args.port}/ over {args.db} (Ctrl-C to stop)",
          file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return 0
