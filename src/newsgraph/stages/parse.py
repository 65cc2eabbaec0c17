"""The one spaCy pass over each article: tokens, sentences, tags, lemmas, dependencies, names.

The parsed region is the headline through the end of the body; page chrome between the two
(bylines, share lines) is blanked out, so the parse's text equals `Document.text` over the
region except there.
Long articles are cut into pieces at line breaks, parsed in one `nlp.pipe` batch with the other
documents of the stream, and joined back into a single spaCy Doc whose text is exactly the
region's text, so that `token.idx + doc.parse_offset` is an offset into `Document.text`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..document import Document
from ..nlp import load_nlp
from . import stage

PIECE_CHARS = 10_000  # pieces end at a line break; small pieces keep spaCy's batch memory flat
BATCH_SIZE = 32  # Documents collected before parsing them together
BATCH_CHARS = 300_000  # ... or fewer, when they are long: parsed Docs are held until yielded
SPACY_BATCH = 8  # texts per spaCy batch: its working memory grows with the batch


def parse_region(doc: Document) -> tuple[int, int]:
    """Start and end of the text the parse covers: headline (if any) to the end of the body."""
    start = doc.body.start
    if doc.headline is not None and doc.headline.start < start:
        start = doc.headline.start
    return start, doc.body.end


def region_text(doc: Document, start: int, end: int) -> str:
    """The text the parser reads: text[start:end] with the page chrome between the headline
    and the body (bylines, share buttons, date lines) blanked out character for character, so
    that no stage finds names in it and every offset still lines up with `Document.text`."""
    text = doc.text[start:end]
    if doc.headline is not None and doc.headline.end < doc.body.start:
        lo, hi = doc.headline.end - start, doc.body.start - start
        gap = text[lo:hi]
        if gap.strip():
            blank = "".join(ch if ch in "\n\r" else " " for ch in gap)
            text = text[:lo] + blank + text[hi:]
    return text


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters, each ending in whitespace when it
    can (a line break first, else a space), so that the pieces join back into `text`."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, start + limit)
        end = cut + 1 if cut >= 0 else start + limit
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


@stage("parse", requires=("text", "body", "headline"), optional=("language",),
       assigns=("parse", "parse_offset"))
class Parse:
    """Parse each analysable Document's headline and body with spaCy, in batches."""

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.nlp = load_nlp()
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        from spacy.tokens import Doc

        batch: list[Document] = []
        chars = 0
        for doc in docs:
            batch.append(doc)
            chars += len(doc.body) if doc.body is not None else 0
            if len(batch) >= self.batch_size or chars >= BATCH_CHARS:
                yield from self._parse_batch(batch, Doc)
                batch, chars = [], 0
        if batch:
            yield from self._parse_batch(batch, Doc)

    def _parse_batch(self, batch: list[Document], Doc) -> Iterator[Document]:
        owners, texts = [], []
        for i, doc in enumerate(batch):
            if not doc.analysed:
                continue
            start, end = parse_region(doc)
            doc.parse_offset = start
            for piece in split_pieces(region_text(doc, start, end)):
                owners.append(i)
                texts.append(piece)
        parsed: dict[int, list] = {}
        for owner, sdoc in zip(owners, self.nlp.pipe(texts, batch_size=SPACY_BATCH)):
            sdoc.tensor = None  # the token vectors are not used later; drop their memory
            parsed.setdefault(owner, []).append(sdoc)
        for i, doc in enumerate(batch):
            pieces = parsed.get(i)
            if pieces:
                doc.parse = pieces[0] if len(pieces) == 1 else Doc.from_docs(
                    pieces, ensure_whitespace=False)
            yield doc
