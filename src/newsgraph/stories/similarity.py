"""How likely two articles tell one happening: a logistic model over what they share.

The evidence, each a number between 0 and 1 (FEATURES):
- the cosine of each channel (terms.CHANNELS): content words, names, persons, numbers, years,
  the lead's words and names, resolved places;
- `same_time` / `other_time`: written within a few days (or in one year, when only years are
  known) / far apart (or in different years);
- `person_conflict`: each article has someone it is mostly about whom the other hardly names
  (the two title fights of one champion have different challengers).

The weights are fitted on the odd-numbered ECB+ dev topics by `eval/fit_story_weights.py` and
kept in `knowledge/story_weights.tsv` (data, not code: a refit is an edit there). Publication
dates, which ECB+ lacks, add a decay that is not fitted: beyond `same_days` the probability
falls by e every `decay_days` (config.LinkerConfig).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Mapping, Optional

from ..knowledge import read_table
from .terms import CHANNELS
from .vectors import Vector, dot
from .when import ArticleTime, days_apart

FEATURES = ("bias",) + CHANNELS + ("same_time", "other_time", "person_conflict")
SALIENT_SHARE = 0.2   # a person the article is about: this share of its person mentions or more


@dataclass
class ArticleVectors:
    """What an article is compared on: its channel vectors, person shares and time."""

    vectors: dict[str, Vector]
    person_shares: dict[str, float]
    time: ArticleTime


@dataclass(frozen=True)
class LinkModel:
    """Logistic weights per feature and the average-link threshold the stories are cut at."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = sum(self.weights.get(f, 0.0) * x for f, x in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=4)
def load_model(table: str = "story_weights.tsv") -> LinkModel:
    """The fitted model of knowledge/story_weights.tsv (rows: feature, weight; and the
    `threshold` row)."""
    weights, threshold = {}, None
    for row in read_table(table, ("feature", "weight")):
        name, value = row.feature, float(row.weight)
        if name == "threshold":
            threshold = value
        elif name in FEATURES:
            weights[name] = value
        else:
            raise ValueError(f"{table}: unknown feature {name!r}")
    if threshold is None or set(weights) != set(FEATURES):
        raise ValueError(f"{table}: needs a weight for each of {FEATURES} and a threshold")
    return LinkModel(weights, threshold)


def person_conflict(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """How much each of two articles is about someone the other hardly names: the smaller of
    the two sides' largest 1 - (share in the other / the other's top share), over persons with
    SALIENT_SHARE or more. 0 when either side names no one."""
    if not a or not b:
        return 0.0
    top_a, top_b = max(a.values()), max(b.values())
    a_side = max([1.0 - b.get(p, 0.0) / top_b for p, s in a.items() if s >= SALIENT_SHARE], default=0.0)
    b_side = max([1.0 - a.get(p, 0.0) / top_a for p, s in b.items() if s >= SALIENT_SHARE], default=0.0)
    return min(a_side, b_side)


def time_evidence(a: ArticleTime, b: ArticleTime, same_days: int, other_days: int) -> tuple[float, float]:
    """(same_time, other_time): by publication days when both have one, else by years."""
    apart = days_apart(a, b)
    if apart is not None:
        return float(apart <= same_days), float(apart > other_days)
    if a.year is not None and b.year is not None:
        return float(a.year == b.year), float(a.year != b.year)
    return 0.0, 0.0


def pair_features(a: ArticleVectors, b: ArticleVectors, same_days: int, other_days: int) -> dict[str, float]:
    """The model's features (FEATURES) of one pair of articles."""
    out = {"bias": 1.0}
    for channel in CHANNELS:
        out[channel] = dot(a.vectors[channel], b.vectors[channel])
    out["same_time"], out["other_time"] = time_evidence(a.time, b.time, same_days, other_days)
    out["person_conflict"] = person_conflict(a.person_shares, b.person_shares)
    return out


def time_decay(a: ArticleTime, b: ArticleTime, same_days: int, decay_days: float) -> float:
    """1 within `same_days` of each other (or when either date is unknown), then e^-(days/decay)."""
    apart: Optional[int] = days_apart(a, b)
    if apart is None or apart <= same_days:
        return 1.0
    return math.exp(-(apart - same_days) / decay_days)
