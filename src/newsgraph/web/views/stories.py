"""Stories: the corpus's stories (articles about one real-world happening), most told first,
with how many articles and outlets tell each, their days, and how many slots they disagree
on. `?min=2` keeps the stories of at least two articles; `since`/`until` those published in
the range."""
from __future__ import annotations

from ...corpus.api import Corpus
from ..params import Params
from . import View


def build(corpus: Corpus, p: Params) -> dict:
    since, until = p.date_range()
    least = p.integer("min", 1, 1, 1_000_000)
    limit = p.integer("limit", 50, 1, 500)
    return {"stories": corpus.stories(least, since, until, limit),
            "query": {"min": least, "since": since and since.isoformat(),
                      "until": until and until.isoformat(), "limit": limit}}


VIEW = View("stories", "Stories", "/stories", "stories.html", build,
            about="stories across articles, most told first")
