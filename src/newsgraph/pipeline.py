"""The pipeline: a list of registered stages run in order over each Document.

    read  ->  clean -> language -> parse -> entities -> ... -> record

`Pipeline` checks once, when built, that each stage's `requires` is assigned by the reader or
an earlier stage, and that no stage assigns a layer an earlier stage required or assigned. `pipe` streams Documents through every stage lazily (the parse stage batches
them for spaCy); `analyze_record` and `analyze_lines` are the record-level entry points the CLI,
the Python API and the batch workers share. A failure on one document becomes that document's
error record; it never stops the stream.
"""
from __future__ import annotations

import collections
import importlib
import json
import logging
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

from .document import Document, error_record
from .read.record import BadRecord, document_from_record, parse_line
from .segments import merge_segments, needs_segments, split_document
from .stages import READER_ASSIGNS, REGISTRY, StageSpec

log = logging.getLogger(__name__)

# The stages of a full analysis, in order. Each name is a module of newsgraph.stages that
# registers a stage of that name.
DEFAULT_STAGES = ("clean", "language", "parse", "entities", "times", "places", "quotes", "events",
                  "flags")


class PipelineError(ValueError):
    """The stage list cannot work: an unknown stage, one whose inputs nothing provides, or one
    that sets a layer an earlier stage read or set."""


def stage_spec(name: str) -> StageSpec:
    """The registered stage `name`, importing its module on first use."""
    if name not in REGISTRY:
        try:
            importlib.import_module(f"newsgraph.stages.{name}")
        except ModuleNotFoundError:
            pass
    if name not in REGISTRY:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(REGISTRY))}")
    return REGISTRY[name]


def check_order(specs: Sequence[StageSpec]) -> None:
    """Raise PipelineError when the stages cannot run in this order: a stage requires a layer
    that neither the reader nor an earlier stage assigns, or assigns a layer that an earlier
    stage read (required, or optional: it read it before it was set) or assigned (one owner
    per layer).

    The reader's fields (READER_ASSIGNS) are the input: the first stage to assign one completes
    it (the clean stage fills `published` when the input has none), unless a stage before it
    already read it."""
    available = set(READER_ASSIGNS)
    read_by: dict[str, str] = {}
    assigned_by: dict[str, str] = {}
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise PipelineError(f"stage {spec.name!r} requires {', '.join(missing)}, "
                                "which no earlier stage assigns")
        for layer in spec.assigns:
            if layer in assigned_by:
                raise PipelineError(f"stage {spec.name!r} assigns {layer}, which stage "
                                    f"{assigned_by[layer]!r} already assigned")
            if layer in read_by:
                raise PipelineError(f"stage {spec.name!r} assigns {layer}, which stage "
                                    f"{read_by[layer]!r} before it reads (it would read it "
                                    "before it is set)")
        for layer in spec.requires + spec.optional:
            read_by.setdefault(layer, spec.name)
        for layer in spec.assigns:
            assigned_by[layer] = spec.name
        available.update(spec.assigns)


class Pipeline:
    """Stages in order over Documents; build once per process (the parse stage loads spaCy)."""

    def __init__(self, stage_names: Sequence[str] = DEFAULT_STAGES):
        self.specs = [stage_spec(name) for name in stage_names]
        check_order(self.specs)
        self.components = [spec.factory() for spec in self.specs]

    @property
    def stage_names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over a stream of Documents, yielding them in order.

        From the parse on, a Document with a very long body runs as segments that are merged
        back afterwards (see newsgraph.segments), so no stage ever sees a book-sized input."""
        cut = next((i for i, spec in enumerate(self.specs) if "parse" in spec.assigns),
                   len(self.specs))
        stream: Iterable[Document] = docs
        for component in self.components[:cut]:
            stream = _skip_errors(component, stream)
        owners: collections.deque = collections.deque()  # (document, number of parts), in order

        def expand(stream):
            for doc in stream:
                parts = split_document(doc) if needs_segments(doc) else [doc]
                owners.append((doc, len(parts)))
                yield from parts

        def release(stream):  # a segment's parse is not needed once its layers are made
            for doc in stream:
                if "segment" in doc.meta:
                    doc.parse = None
                yield doc

        def regroup(stream):
            for first in stream:
                doc, n = owners.popleft()
                if n == 1:
                    yield first
                else:
                    yield merge_segments(doc, [first] + [next(stream) for _ in range(n - 1)])

        stream = expand(stream)
        for component in self.components[cut:]:
            stream = _skip_errors(component, stream)
        return regroup(release(stream))

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def analyze_documents(self, docs: Sequence[Document]) -> list[dict]:
        """Records for `docs`, in order; a document whose analysis fails gets an error record."""
        return list(self.iter_records(docs))

    def iter_records(self, docs: Sequence[Document]) -> Iterator[dict]:
        """The records of `analyze_documents`, each as soon as it is made: a batch worker
        reports every finished article at once, so that its time limit is per article."""
        done = 0
        try:
            for doc in self.pipe(docs):
                done += 1
                yield doc.to_record()
        except Exception:  # one document broke the batch: redo the rest one by one to isolate it
            log.exception("batch failed; analysing its %d remaining documents one by one",
                          len(docs) - done)
            for doc in docs[done:]:
                yield self._analyze_alone(doc)

    def _analyze_alone(self, doc: Document) -> dict:
        try:
            return self(doc).to_record()
        except Exception as err:  # noqa: BLE001 - the record says why; the batch goes on
            log.exception("analysis failed for %r", doc.id)
            return error_record(doc.id, f"internal error: {type(err).__name__}: {err}", doc.text)

    def analyze_record(self, raw: dict) -> dict:
        """The contract record for one input record (a dict as in CONTRACT.md)."""
        return self.analyze_documents([document_from_record(raw)])[0]

    def analyze_lines(self, lines: Sequence[tuple[int, str]], max_chars: Optional[int] = None) -> list[str]:
        """Output JSONL lines for numbered input JSONL lines, one for one, in order."""
        return list(self.iter_lines(lines, max_chars))

    def iter_lines(self, lines: Sequence[tuple[int, str]], max_chars: Optional[int] = None) -> Iterator[str]:
        """The output lines of `analyze_lines`, each as soon as it is made; `max_chars` refuses
        longer texts (read.record.document_from_record)."""
        docs: list[Document] = []
        for number, line in lines:
            try:
                docs.append(document_from_record(parse_line(line, number), max_chars))
            except BadRecord as err:
                docs.append(Document(id=None, text="", error=str(err)))
        for record in self.iter_records(docs):
            yield json.dumps(record, ensure_ascii=False)


def _skip_errors(component, docs: Iterable[Document]) -> Iterator[Document]:
    """Pass Documents that already carry an error straight through; run the stage on the rest,
    keeping the stream's order (batching stages get the good documents as one stream)."""
    pipe = getattr(component, "pipe", None)
    if pipe is None:
        for doc in docs:
            yield doc if doc.error is not None else component(doc)
        return
    held: list[Document] = []  # error documents waiting for the good ones before them

    def good_only():
        for doc in docs:
            if doc.error is not None:
                held.append(doc)
            else:
                held.append(doc)
                yield doc

    done = pipe(good_only())
    for doc in done:
        while held and held[0] is not doc:
            yield held.pop(0)  # error documents that came before this one
        if held:
            held.pop(0)
        yield doc
    yield from held


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The full pipeline, built once per process."""
    return Pipeline()


__all__ = ["Pipeline", "PipelineError", "DEFAULT_STAGES", "default_pipeline"]
