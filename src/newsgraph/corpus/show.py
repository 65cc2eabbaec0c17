"""Print query results for people (a table) or programs (CSV, JSON lines)."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Optional, Sequence, TextIO

FORMATS = ("table", "csv", "json")
MAX_CELL = 80  # characters of a cell shown in a table (CSV and JSON are never cut)
MAX_WIDTH = 400  # a table wider than the terminal is printed this wide at most, for a pager


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def print_rows(names: Sequence[str], rows: Sequence[tuple], fmt: str = "table",
               out: Optional[TextIO] = None) -> None:
    """Write `rows` under `names` as a table, CSV (with header) or JSON (one object a line)."""
    out = out if out is not None else sys.stdout
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(names)
        writer.writerows([[_plain(v) for v in row] for row in rows])
    elif fmt == "json":
        for row in rows:
            out.write(json.dumps({n: _plain(v) for n, v in zip(names, row)}, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        keep = [i for i, n in enumerate(names) if not n.endswith("_key")]  # hashes: for SQL, not eyes
        cells = [["" if row[i] is None else _cut(str(_plain(row[i]))) for i in keep] for row in rows]
        widths = [max([len(names[i])] + [len(c[j]) for c in cells]) for j, i in enumerate(keep)]
        table = Table(*[names[i] for i in keep], show_lines=False, caption=f"{len(rows)} rows")
        for c in cells:
            table.add_row(*c)
        need = min(MAX_WIDTH, sum(widths) + 3 * len(widths) + 1)
        Console(file=out, width=max(need, Console(file=out).width)).print(table)


def print_sections(sections: Sequence[tuple[str, Sequence[str], Sequence[tuple]]], fmt: str = "table",
                   out: Optional[TextIO] = None) -> None:
    """Several results, each (name, column names, rows): tables under their names; JSON lines
    with a leading "section" field; CSV blocks, each with its own header (first column
    `section`), separated by a blank line."""
    out = out if out is not None else sys.stdout
    for i, (name, names, rows) in enumerate(sections):
        if fmt == "table":
            out.write(f"{'' if i == 0 else chr(10)}{name}\n")
            print_rows(names, rows, fmt, out)
        else:
            if fmt == "csv" and i:
                out.write("\n")
            print_rows(["section", *names], [(name, *row) for row in rows], fmt, out)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"
