"""TF-IDF vectors of an article's channels, weighed with the corpus statistics of the moment.

Each channel (terms.CHANNELS) is a sparse unit vector: sublinear term frequency times inverse
document frequency, so that a word every article uses says little and a name few articles
share says much. Document frequencies grow as articles arrive (`TermStats.add`); an article's
vector is weighed once, when it arrives, and kept as it is (its table row never changes), so
that a corpus ingested in two runs gives the same vectors as in one.

Only the strongest terms of a channel are kept (`TOP_TERMS`): they carry almost all the
cosine, and they keep the stored vectors and the blocking index small.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Mapping

from .terms import CHANNELS

# terms kept per channel in an article's vector
TOP_TERMS = {"words": 40, "names": 16, "persons": 8, "numbers": 12, "years": 6, "lead": 20,
             "places": 8}

Vector = dict[str, float]


class TermStats:
    """Document frequencies per channel and the number of articles counted."""

    def __init__(self) -> None:
        self.n_articles = 0
        self.df: dict[str, dict[str, int]] = {c: {} for c in CHANNELS}

    def add(self, counts: Mapping[str, Counter]) -> None:
        """Count one more article with these terms."""
        self.n_articles += 1
        for channel, terms in counts.items():
            df = self.df[channel]
            for term in terms:
                df[term] = df.get(term, 0) + 1

    def idf(self, channel: str, term: str) -> float:
        return math.log((self.n_articles + 1) / (self.df[channel].get(term, 0) + 1)) + 1.0

    def vector(self, channel: str, counts: Counter) -> Vector:
        """The unit TF-IDF vector of one channel, its TOP_TERMS strongest terms (ties by term,
        so the same counts give the same vector)."""
        weights = {t: (1.0 + math.log(c)) * self.idf(channel, t) for t, c in counts.items() if c > 0}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS[channel]]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top}

    def rows(self) -> list[tuple]:
        """(channel, term, df) rows, and one ('', '', n_articles) row for the count."""
        out = [("", "", self.n_articles)]
        for channel in CHANNELS:
            out.extend((channel, t, n) for t, n in sorted(self.df[channel].items()))
        return out

    @classmethod
    def from_rows(cls, rows) -> "TermStats":
        stats = cls()
        for channel, term, n in rows:
            if channel == "":
                stats.n_articles = int(n)
            else:
                stats.df[channel][term] = int(n)
        return stats


def dot(a: Vector, b: Vector) -> float:
    """The dot product of two sparse vectors (their cosine when both are unit vectors): over
    the terms they share only (a set intersection, done in C, then few multiplications).
    The shared terms are summed in sorted order, so the result does not depend on how the
    two dicts were built."""
    return sum(a[t] * b[t] for t in sorted(a.keys() & b.keys()))
