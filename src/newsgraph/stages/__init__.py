"""The stage registry: each stage declares what it needs and what it adds.

A stage is a callable that takes a Document, adds its layer and returns it. Stages that gain
from batching (the spaCy parse) also have `pipe(docs)`, which takes and yields Documents in
order. `@stage(...)` registers a factory under a name; `newsgraph.pipeline.Pipeline` builds
the list in order and checks once, at build time, that every `requires` is assigned by an
earlier stage and no stage assigns what an earlier one required or assigned (as spaCy's pipe
analysis does for components).

`requires` names every Document field the stage reads that the reader or an earlier stage must
set; `optional` the fields it reads when a stage before it set them and does without otherwise
(the parse reads `language` when the language stage ran); `assigns` every field it sets (it may
read one first, to complete what the reader gave). All are Document field names, so a test can
hold each stage to them (tests/test_pipeline.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..document import Document

# What the reader provides before any stage runs (each may be empty; the HTML reader may also
# set body and headline, which the clean stage then keeps).
READER_ASSIGNS = ("text", "title", "published", "published_source", "url", "outlet", "authors")
# The pipeline's own fields, outside the layers: any stage may read them, and set `error`,
# which ends the analysis of that document (the later stages pass it through).
PIPELINE_FIELDS = ("id", "error")


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its factory and the Document fields it reads and sets."""

    name: str
    factory: Callable[..., Callable[[Document], Document]]
    requires: tuple[str, ...]  # read; the reader or an earlier stage must assign them
    assigns: tuple[str, ...]  # set (perhaps read first, to complete what the reader gave)
    doc: str
    optional: tuple[str, ...] = ()  # read when an earlier stage assigned them, else left empty


REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          optional: Iterable[str] = ()):
    """Register a stage factory: a function returning a callable `Document -> Document`.

    Plain functions `Document -> Document` can be registered too (`factory=` the function
    itself is wrapped so that calling the factory with no arguments returns it).
    """

    def register(obj):
        doc = (obj.__doc__ or "").strip().splitlines()[0] if obj.__doc__ else ""
        factory = obj if isinstance(obj, type) else (lambda **cfg: obj)
        REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns), doc,
                                   tuple(optional))
        return obj

    return register
