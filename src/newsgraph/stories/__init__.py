"""Across articles: which articles tell one story, which events are one occurrence, and where
the articles of one occurrence disagree.

The room holds the linking algorithms as a library over plain tables (tables.TABLES), so that
the corpus store can persist them and ingest can call them one record at a time:

    from newsgraph.stories import StoryLinker
    linker = StoryLinker()
    result = linker.link(record, key=article_key)

See docs/stories.md for how stories and occurrences are decided, with examples, and
eval/stories_offline.py for how they are measured.
"""
from .config import LinkerConfig
from .linker import LinkResult, StoryLinker
from .state import Changes, LinkerState
from .tables import KEYS, TABLES

__all__ = ["StoryLinker", "LinkResult", "LinkerState", "LinkerConfig", "TABLES", "KEYS", "Changes"]
