"""newsgraph: news articles in, a sourced event graph out.

    >>> import newsgraph
    >>> record = newsgraph.analyze("MOSCOW (Reuters) - ...", published="2023-09-14")

`analyze` returns the output record of CONTRACT.md for one article (a `newsgraph.Record`,
typed in newsgraph.types; its JSON Schema is newsgraph/record.schema.json); `Pipeline` runs
streams.
"""
from __future__ import annotations

from typing import Optional

from .types import Record

# The version of the package and of its output: bump it whenever the records of the same input
# change (tests/test_output_fingerprint.py checks it; docs/architecture.md says how).
__version__ = "0.4.0"


def analyze(text: Optional[str] = None, *, html: Optional[str] = None,
            published: Optional[str] = None, title: Optional[str] = None,
            url: Optional[str] = None, id: str = "doc") -> Record:
    """Analyse one article (plain `text` or `html`) and return its contract record."""
    from .pipeline import default_pipeline

    raw = {"id": id, "published": published, "title": title, "url": url}
    if html is not None:
        raw["html"] = html
    else:
        raw["text"] = text
    return default_pipeline().analyze_record({k: v for k, v in raw.items() if v is not None})


def __getattr__(name):
    """`newsgraph.Corpus`, imported on first use (the store's dependencies load only then)."""
    if name == "Corpus":
        from .corpus.api import Corpus

        return Corpus
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = ["analyze", "Corpus", "Record", "__version__"]
