"""Ingest sources -> items: one contract input record (or a finished record) per article.

A source is a path: a folder (every .txt/.text/.html/.htm file under it, plus the JSONL, CSV
and WARC files it holds), a contract JSONL file (.jsonl/.ndjson, optionally .gz), a WARC file
(.warc, .warc.gz; HTML responses only, via warcio) or a CSV file with a `text` column (or the
column given; optional id, title, published, url, html columns). Items come in a stable order
(sorted paths, file order within a file), each with its content key (`rows.content_key`), so
an interrupted ingest resumes by skipping the keys already stored.

A JSONL line that is already an output record (it has `entities` and `text`) is stored as it
is, without analysis: `newsgraph extract` output can be ingested directly. Input that cannot
be read becomes an item with `error` set, never an exception.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
from dataclasses import dataclass
from typing import Iterator, Optional

from .rows import content_key

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz")
MAX_FILE_BYTES = 50_000_000  # a bigger single article file becomes an error item


@dataclass
class Item:
    """One article to ingest: its key, where it came from, and what to do with it."""

    key: str
    source: str
    locator: str
    input: Optional[dict] = None    # a contract input record, to analyse
    record: Optional[dict] = None   # a finished output record, to store as it is
    error: Optional[str] = None     # why this input could not be read

    @property
    def record_id(self) -> Optional[str]:
        for obj in (self.input, self.record):
            if obj and isinstance(obj.get("id"), str):
                return obj["id"]
        return None


def _error_item(source: str, locator: str, why: str, raw: bytes | str = b"") -> Item:
    raw_bytes = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    key = "err:" + hashlib.sha256(f"{source}\0{locator}\0".encode() + raw_bytes).hexdigest()[:28]
    return Item(key=key, source=source, locator=locator, error=why)


def _input_item(raw: dict, source: str, locator: str) -> Item:
    """An item for a contract input record (or a finished record) read from anywhere."""
    if isinstance(raw.get("text"), str) and isinstance(raw.get("entities"), list):
        return Item(content_key("text", raw["text"]), source, locator, record=raw)
    for kind in ("text", "html"):
        if isinstance(raw.get(kind), str):
            return Item(content_key(kind, raw[kind]), source, locator, input=raw)
    # no usable content: the pipeline still says why (no id, no text, wrong type, ...)
    return Item(content_key("raw", json.dumps(raw, sort_keys=True, ensure_ascii=False)), source,
                locator, input=raw)


def iter_items(paths: list[str], text_column: str = "text") -> Iterator[Item]:
    """Every article of every path, in a stable order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if _kind(full):
                        yield from _file_items(full, text_column, base=path)
        elif os.path.exists(path):
            yield from _file_items(path, text_column, base=None)
        else:
            yield _error_item(path, "", f"no such file or folder: {path}")


def _kind(path: str) -> Optional[str]:
    low = path.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES), ("csv", CSV_SUFFIXES),
                           ("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES)):
        if low.endswith(suffixes):
            return kind
    return None


def _file_items(path: str, text_column: str, base: Optional[str]) -> Iterator[Item]:
    kind = _kind(path) or "text"
    try:
        if kind == "jsonl":
            yield from jsonl_items(path)
        elif kind == "warc":
            yield from warc_items(path)
        elif kind == "csv":
            yield from csv_items(path, text_column)
        else:
            yield file_item(path, base)
    except OSError as err:
        yield _error_item(path, "", f"cannot read {path}: {err.strerror or err}")


def file_item(path: str, base: Optional[str] = None) -> Item:
    """One .txt or .html file: an article whose id is its path (relative to the folder)."""
    from ..read.text import NotText, decode_bytes

    rel = os.path.relpath(path, base) if base else os.path.basename(path)
    if os.path.getsize(path) > MAX_FILE_BYTES:
        return _error_item(path, rel, f"file too big ({os.path.getsize(path)} bytes)")
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = decode_bytes(raw)
    except NotText as err:
        return _error_item(path, rel, str(err), raw)
    kind = "html" if path.lower().endswith(HTML_SUFFIXES) or _looks_like_html(text) else "text"
    return _input_item({"id": rel, kind: text}, path, rel)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _open_text(path: str):
    if path.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


def jsonl_items(path: str) -> Iterator[Item]:
    """One item per non-blank line of a contract JSONL file (bad lines become error items)."""
    with _open_text(path) as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as err:
                yield _error_item(path, f"line {number}", f"line {number} is not JSON: {err.msg}", line)
                continue
            if not isinstance(raw, dict):
                yield _error_item(path, f"line {number}", f"line {number} is JSON but not an object", line)
                continue
            yield _input_item(raw, path, f"line {number}")


def csv_items(path: str, text_column: str = "text") -> Iterator[Item]:
    """One item per row of a CSV (or TSV) file with a text column."""
    with _open_text(path) as f:
        dialect = "excel-tab" if path.lower().endswith(".tsv") else "excel"
        csv.field_size_limit(MAX_FILE_BYTES)
        reader = csv.DictReader(f, dialect=dialect)
        fields = reader.fieldnames or []
        if text_column not in fields and "html" not in fields:
            yield _error_item(path, "header", f"{path} has no {text_column!r} column "
                                              f"(columns: {', '.join(fields) or 'none'})")
            return
        for number, row in enumerate(reader, 1):
            raw = {"id": row.get("id") or f"{os.path.basename(path)}:{number}"}
            if row.get(text_column):
                raw["text"] = row[text_column]
            elif row.get("html"):
                raw["html"] = row["html"]
            else:
                raw["text"] = ""
            for name in ("title", "published", "url"):
                if row.get(name):
                    raw[name] = row[name]
            yield _input_item(raw, path, f"row {number}")


def warc_items(path: str) -> Iterator[Item]:
    """One item per HTML response record of a WARC file; the id and url are the target URI."""
    from ..extras import require
    from ..read.text import NotText, decode_bytes

    ArchiveIterator = require("warcio.archiveiterator", "warc", "WARC input").ArchiveIterator

    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                     else record.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            raw = record.content_stream().read()
            locator = f"offset {records.get_record_offset()}"
            try:
                html = decode_bytes(raw)
            except NotText as err:
                yield _error_item(path, locator, str(err), raw)
                continue
            rec = {"id": uri or f"{os.path.basename(path)}@{locator}", "html": html}
            if uri:
                rec["url"] = uri
            yield _input_item(rec, path, locator)
