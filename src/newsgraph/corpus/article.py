"""One article of the corpus, whole: its metadata, its text and its contract record.

The record kept in `articles.record` is the pipeline's full output (every layer, every field a
later stage adds), so the article view and `/api/article/KEY` read it rather than reassembling
the layer tables: nothing the pipeline said is left out. The text is put back into the record.
"""
from __future__ import annotations

import json
import re
from typing import Optional

from .store import Store

ARTICLE_KEY = re.compile(r"^[0-9a-f]{32}$")  # rows.content_key: 32 hex digits of a sha256

ARTICLE_SQL = """
SELECT a.article_key, a.id, a.source, a.locator, a.url, a.title, a.published, a.outlet, a.authors,
       a.language, a.text, a.record, a.n_entities, a.n_quotes, a.n_times, a.n_places, a.n_events,
       a.n_flags, a.story_id, s.n_articles AS story_articles
FROM articles a LEFT JOIN stories s ON s.story_id = a.story_id
WHERE a.article_key = :key"""


def is_article_key(value: str) -> bool:
    """True when `value` has the shape of an article key (so it is worth a query)."""
    return bool(ARTICLE_KEY.match(value or ""))


def article(store: Store, key: str) -> Optional[dict]:
    """The article with key `key`: its columns (authors as a list), its story and how many
    articles tell it, and `record`, the contract record with its `text`; None when the corpus
    has no such article."""
    if not is_article_key(key):
        return None
    rows = store.dicts(ARTICLE_SQL, {"key": key})
    if not rows:
        return None
    row = rows[0]
    record = json.loads(row.pop("record") or "{}")
    record["text"] = row["text"]
    row["authors"] = json.loads(row["authors"]) if row.get("authors") else []
    row["record"] = record
    return row
