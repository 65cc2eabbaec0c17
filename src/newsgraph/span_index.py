"""Which of many spans could hold a point, or start in a range: a start-sorted index, so a cue
need not scan every other cue or quotation of the article, nor a sentence every time and place
of the document (each made its stage quadratic in the text). Shared by quotes and events."""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

from .document import Span


class SpanIndex:
    """Spans (some None) by start. Queries return the positions (in the given order) of a
    superset of the spans asked for; callers keep their own exact test on those."""

    def __init__(self, spans: Sequence[Optional[Span]]):
        rows = sorted((s.start, k) for k, s in enumerate(spans) if s is not None)
        self.starts = [r[0] for r in rows]
        self.order = [r[1] for r in rows]
        self.longest = max((s.end - s.start for s in spans if s is not None), default=0)

    def starting_in(self, low: int, high: int) -> list[int]:
        """Positions of the spans starting in [low, high], in the given order."""
        lo = bisect.bisect_left(self.starts, low)
        hi = bisect.bisect_right(self.starts, high)
        return sorted(self.order[lo:hi])

    def around(self, point: int) -> list[int]:
        """Positions of every span that may hold `point` (start <= point <= end)."""
        return self.starting_in(point - self.longest, point)
