"""Across articles: which articles tell one story, which events are one occurrence, and where
the articles of one occurrence disagree.

The room holds the linking algorithms as a library over plain tables (state.TABLES), so that
the corpus store can persist them and ingest can call them one record at a time:

    from newsgraph.stories import StoryLinker
    linker = StoryLinker()
    result = linker.link(record, key=article_key)

See docs/stories.md for how stories and occurrences are decided, with examples, and
eval/stories_offline.py for how they are measured.
"""
from .config import LinkerConfig
from .linker import LinkResult, StoryLinker
from .state import TABLES, Changes, LinkerState

__all__ = ["StoryLinker", "LinkResult", "LinkerState", "LinkerConfig", "TABLES", "Changes"]
