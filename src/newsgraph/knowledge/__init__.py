"""The curated knowledge tables: lexicons, outlets, actors, places and the other word lists the
stages look things up in, kept as data so that adding a word or a name is an edit here, never a
code change.

Every table is a UTF-8, tab-separated file whose opening '#' comment lines name its sources
(written by us from general knowledge, or taken from a named public reference) and describe its
columns. `read_rows` is the one reader of them all; each module parses the columns of its own
tables.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

KNOWLEDGE_DIR: Path = Path(__file__).resolve().parent


def table_path(name: str | os.PathLike[str]) -> Path:
    """The file of the table `name` ("cues.tsv") in this folder. A path object instead of a name
    is taken as it is, so a loader can be pointed at another file."""
    return KNOWLEDGE_DIR / name if isinstance(name, str) else Path(name)


def read_rows(name: str | os.PathLike[str]) -> Iterator[list[str]]:
    """The tab-separated cells of each row of the table `name`, in file order.

    Blank lines and comment lines ('#' as the first non-space character) are skipped; the line
    ending is removed. Cells are not stripped and a short row is not padded: each loader decides
    that for its own columns. A '#' after the start of a line is data, not a comment."""
    with open(table_path(name), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith("#"):
                yield line.rstrip("\n").split("\t")
