"""The stage registry: each stage declares what it needs and what it adds.

A stage is a callable that takes a Document, adds its layer and returns it. Stages that gain
from batching (the spaCy parse) also have `pipe(docs)`, which takes and yields Documents in
order. `@stage(...)` registers a factory under a name; `newsgraph.pipeline.Pipeline` builds
the list in order and checks once, at build time, that every `requires` is assigned by an
earlier stage (as spaCy's pipe analysis does for components).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..document import Document

# What the reader provides before any stage runs.
READER_ASSIGNS = ("text", "title", "published", "url", "outlet", "authors")


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[..., Callable[[Document], Document]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register a stage factory: a function returning a callable `Document -> Document`.

    Plain functions `Document -> Document` can be registered too (`factory=` the function
    itself is wrapped so that calling the factory with no arguments returns it).
    """

    def register(obj):
        doc = (obj.__doc__ or "").strip().splitlines()[0] if obj.__doc__ else ""
        factory = obj if isinstance(obj, type) else (lambda **cfg: obj)
        REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns), doc)
        return obj

    return register
