"""The views: one module per view, each a `View` that asks the corpus one question.

A view's `build(corpus, params)` returns plain data: that is the JSON API's answer
(`/api<path>`) and what its template shows (`<path>`); `page(data, params)`, when a view has
one, adds what only the page needs (text segments, chart specs). `VIEW_MODULES` lists them in
the navigation's order. A new view is one module here with a `VIEW`, its name in
`VIEW_MODULES`, and one template.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Optional

from ...corpus.api import Corpus
from ..params import Params

VIEW_MODULES = ("search", "stories", "story", "article", "actor", "dyad", "map", "network")


class NotFound(LookupError):
    """The thing asked for is not in the corpus (answered with 404)."""


@dataclass(frozen=True)
class View:
    name: str
    title: str                                   # its name in the navigation and page titles
    path: str                                    # the page; the API is at "/api" + path
    template: str
    build: Callable[[Corpus, Params], dict]      # the data: the API's answer and the page's
    page: Optional[Callable[[dict, Params], dict]] = None   # page-only context
    nav: bool = True                             # listed in the navigation
    about: str = ""                              # one line: what the view shows


def load_views() -> list[View]:
    return [importlib.import_module(f"{__name__}.{name}").VIEW for name in VIEW_MODULES]
