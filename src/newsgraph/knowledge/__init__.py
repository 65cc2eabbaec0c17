"""The curated knowledge tables: lexicons, outlets, actors, places and the other word lists the
stages look things up in, kept as data so that adding a word or a name is an edit here, never a
code change.

Every table is a UTF-8, tab-separated file: its opening '#' comment lines name its sources
(written by us from general knowledge, or taken from a named public reference) and describe its
columns; the first row after them is the header, the column names. `read_table` is the one
reader of them all: the loader says which columns it reads, and a table whose header says
otherwise fails at once with the file, the expected and the found columns, instead of feeding
a shifted column to a stage. `read_words` reads the word tables (columns kind, word, value)
and rejects a kind its loader does not know. Each room's loader sits in the room that reads
the table (`places/words.py`, `quotes/lexicon.py`, ...); a table two rooms share has its
loader here: `countries` (the one country table: places gazetteer and actors) and
`function_words` (clean and language stages). `digest` is the short fingerprint of the tables
an ingest run records, so a corpus says which knowledge coded it.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import os
from pathlib import Path
from typing import Iterable, Optional, Sequence

KNOWLEDGE_DIR: Path = Path(__file__).resolve().parent

# file name -> the columns its loader read, for the tables of this folder read in this process
# (what the test that every table is read by a checking loader looks at)
_TABLES_READ: dict[str, tuple[str, ...]] = {}


class TableError(ValueError):
    """A knowledge table that is not what its loader reads: a wrong or missing header, or a
    row with more cells than the header names."""


def table_path(name: str | os.PathLike[str]) -> Path:
    """The file of the table `name` ("cues.tsv") in this folder. A path object instead of a name
    is taken as it is, so a loader can be pointed at another file."""
    return KNOWLEDGE_DIR / name if isinstance(name, str) else Path(name)


@functools.lru_cache(maxsize=None)
def _row_type(columns: tuple[str, ...]) -> type:
    """The named tuple of a table's rows: one field per column, in header order."""
    return collections.namedtuple("Row", columns)


def read_table(name: str | os.PathLike[str], columns: Sequence[str]) -> list[tuple]:
    """The rows of the table `name`, in file order, as named tuples with the fields `columns`.

    The first row after the comment lines must be the header and equal `columns`; otherwise a
    `TableError` names the file, the expected and the found columns. Blank lines and comment
    lines ('#' as the first non-space character) are skipped; a '#' later in a line is data.
    Cells are stripped; a row shorter than the header is padded with empty cells (an optional
    last column may be left out), a longer one is an error."""
    path = table_path(name)
    columns = tuple(columns)
    row_type = _row_type(columns)
    rows: list[tuple] = []
    header: Optional[tuple[str, ...]] = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("\t")]
            if header is None:
                header = tuple(cells)
                if header != columns:
                    raise TableError(f"{path.name}: the header row (line {number}) has the "
                                     f"columns {list(header)}, the loader expects "
                                     f"{list(columns)}")
                continue
            if len(cells) > len(columns):
                raise TableError(f"{path.name}, line {number}: {len(cells)} cells, but the "
                                 f"header names {len(columns)} columns {list(columns)}")
            rows.append(row_type(*cells, *[""] * (len(columns) - len(cells))))
    if header is None:
        raise TableError(f"{path.name}: no header row; the loader expects the columns "
                         f"{list(columns)} after the '#' comment lines")
    if path.parent == KNOWLEDGE_DIR:
        _TABLES_READ[path.name] = columns
    return rows


WORD_COLUMNS = ("kind", "word", "value")


def read_words(name: str | os.PathLike[str], kinds: Iterable[str]) -> dict[str, dict[str, str]]:
    """The word lists of a word table (columns kind, word, value): kind -> {word: value}, words
    in file order, one entry for each of `kinds` (empty when the table has no row of it). A
    row of any other kind is a `TableError`: a misspelt kind would otherwise lose its words
    without a sign. Words are kept as written; the value is "" where the table leaves it out."""
    lists: dict[str, dict[str, str]] = {kind: {} for kind in kinds}
    for row in read_table(name, WORD_COLUMNS):
        if row.kind not in lists:
            raise TableError(f"{table_path(name).name}: unknown kind {row.kind!r} (the loader "
                             f"reads {sorted(lists)})")
        lists[row.kind][row.word] = row.value
    return lists


def split_cell(cell: str, sep: str = "|") -> list[str]:
    """The items of a list cell ("UN|U.N.|the UN"), stripped, empty items dropped."""
    return [x.strip() for x in cell.split(sep) if x.strip()]


def tables_read() -> dict[str, tuple[str, ...]]:
    """The tables of this folder read so far in this process, with the columns checked."""
    return dict(_TABLES_READ)


def table_names() -> list[str]:
    """Every table of this folder, by file name, sorted."""
    return sorted(p.name for p in KNOWLEDGE_DIR.glob("*.tsv"))


def digest(names: Optional[Iterable[str]] = None) -> str:
    """A short hex fingerprint (sha256, 12 digits) of the tables `names`, by default all of
    them: each file's name and bytes, in sorted name order. It changes whenever a table does,
    so a store can record which knowledge an ingest run used and a cache can tell it is stale."""
    h = hashlib.sha256()
    for name in sorted(table_names() if names is None else names):
        h.update(name.encode("utf-8") + b"\0")
        h.update(table_path(name).read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:12]
