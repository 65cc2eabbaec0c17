"""The corpus: many analysed articles in one queryable database (DuckDB or PostgreSQL).

`schema.py` the normalised tables; `rows.py` a record -> its rows; `store.py` the DuckDB and
PostgreSQL stores; `sources.py` folders, JSONL, WARC, CSV -> items; `ingest.py` items -> the
store (idempotent, resumable); `query.py` the analysts' recipes; `export.py` Parquet, CSV,
JSONL, PLOVER, GDELT; `api.py` the `Corpus` class. See docs/corpus.md.
"""
from .api import Corpus

__all__ = ["Corpus"]
