"""The working record of one attribution while the quotes stage builds it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..document import Span


@dataclass
class Attribution:
    """A candidate quote: what was said (`content`), the cue, the source span and the chain.

    `source_token` is the parse token heading the source (or None); `via` holds spans of
    intermediaries, outermost last; `speaker` is filled by `sources.resolve_speakers`.
    """

    kind: str  # direct | indirect | mixed | block
    content: Span
    cue: Optional[Span] = None
    source: Optional[Span] = None
    source_token: object = None
    via: list[Span] = field(default_factory=list)
    speaker: Optional[str] = None
    anonymous: bool = False
    carried: bool = False  # continuation quote: the speaker comes from the quote before
    parts: list[Span] = field(default_factory=list)  # the quoted pieces of a broken quote

    def __post_init__(self):
        if not self.parts:
            self.parts = [self.content]
