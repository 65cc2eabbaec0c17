"""The linker's settings: how far back it looks, how much it compares, what it keeps.

The defaults are the ones measured in docs/stories.md; none of them is fitted to a topic.
Changing one changes which stories are found, so the settings are recorded with the state
(the `link_meta` table, with the link model's weights): a corpus continues with the
settings and the model it was started with, even after knowledge/story_weights.tsv is refit.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class LinkerConfig:
    # time (only when both articles have a publication date)
    window_days: int = 30       # an article is compared only with articles this close in time
    same_days: int = 3          # "written at the same time": this many days apart or fewer
    other_days: int = 30        # "written at other times": more days apart than this
    decay_days: float = 10.0    # beyond same_days a link's probability falls by e per this many days
    evict_every: int = 1000     # every this many articles, forget what is far behind the newest
    # blocking: which earlier articles a new one is compared with
    index_words: int = 20       # an article is indexed under its strongest words ...
    index_names: int = 12       # ... and names
    max_postings: int = 400     # of a term's posting list, only its latest articles are looked at
    max_candidates: int = 200   # articles compared with a new one, those sharing most keys
    # the article graph and the local re-clustering
    edge_floor: float = 0.05    # links less likely than this are not kept
    neighbour_stories: int = 4  # stories re-clustered with a new article ...
    pool_members: int = 16      # ... each with its latest members only

    def as_dict(self) -> dict:
        return asdict(self)
