"""Fit the story link model (knowledge/story_weights.tsv) on the odd-numbered ECB+ dev topics.

    python eval/fit_story_weights.py --shared ../shared --records ecbplus.jsonl [--write]

1. The linker runs over the odd topics' records (file order and two shuffled orders) and every
   pair it compares is kept with its features (similarity.FEATURES) and whether the two
   articles are of one gold story.
2. A logistic regression is fitted to those pairs (Newton's method, a small L2 penalty).
   A feature whose weight comes out with the wrong sign for what it means (`other_time` and
   `person_conflict` can only speak against a link) is left out and the fit redone.
3. The average-link threshold is the one of a grid that gives the best mean story_f1 over the
   three orders of the odd topics, with the fitted weights.
The even topics are never read. `--write` writes the table; without it the result is printed.
Standard library only (besides newsgraph).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from newsgraph.knowledge import table_path  # noqa: E402
from newsgraph.stories import StoryLinker  # noqa: E402
from newsgraph.stories.similarity import FEATURES, LinkModel  # noqa: E402
from stories_offline import link_all, load_scorer  # noqa: E402

SEEDS = (0, 1, 2)              # 0: file order
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
L2 = 1e-2
AGAINST = ("other_time", "person_conflict")   # evidence that can only speak against a link


def orders(records: list[dict]) -> list[list[dict]]:
    out = []
    for seed in SEEDS:
        order = records[:]
        if seed:
            random.Random(seed).shuffle(order)
        out.append(order)
    return out


def compared_pairs(records: list[dict], story_of: dict) -> list[tuple[dict, int]]:
    """(features, same story) of every pair the linker compares over these records (which
    pairs are compared does not depend on the model: blocking comes first)."""
    pairs = []

    def observe(new, earlier, features):
        pairs.append((features, int(story_of[new.key] == story_of[earlier.key])))

    linker = StoryLinker(observer=observe)
    for record in records:
        linker.link(record)
    return pairs


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (Gaussian elimination with partial pivoting; a is small and regular)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit_signed(pairs: list[tuple[dict, int]]) -> dict[str, float]:
    """Fit; while a feature of AGAINST gets a positive weight, drop it (weight 0) and refit."""
    features = list(FEATURES)
    while True:
        weights = dict(zip(features, fit_logistic([([x[f] for f in features], y) for x, y in pairs])))
        wrong = [f for f in AGAINST if weights.get(f, 0.0) > 0]
        if not wrong:
            return {f: weights.get(f, 0.0) for f in FEATURES}
        print(f"  {wrong[0]} came out {weights[wrong[0]]:+.3f}: left out")
        features.remove(wrong[0])


def fit_logistic(pairs: list[tuple[list[float], int]], iterations: int = 25) -> list[float]:
    """Weights of a logistic regression (Newton-Raphson with an L2 penalty on all weights)."""
    k = len(pairs[0][0])
    w = [0.0] * k
    for _ in range(iterations):
        grad = [L2 * x for x in w]
        hess = [[L2 * (i == j) for j in range(k)] for i in range(k)]
        for x, y in pairs:
            z = max(-30.0, min(30.0, sum(wi * xi for wi, xi in zip(w, x))))
            p = 1.0 / (1.0 + math.exp(-z))
            g, h = p - y, p * (1.0 - p)
            for i in range(k):
                if x[i]:
                    grad[i] += g * x[i]
                    hx = h * x[i]
                    row = hess[i]
                    for j in range(k):
                        if x[j]:
                            row[j] += hx * x[j]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    scorer = load_scorer(args.shared)
    gold = json.loads((args.shared / "eval/data/ecbplus-dev/gold.json").read_text(encoding="utf-8"))
    odd = [r for r in (json.loads(l) for l in args.records.open(encoding="utf-8"))
           if r["id"] in gold and int(gold[r["id"]]["topic"]) % 2 == 1]
    story_of = {r["id"]: gold[r["id"]]["story"] for r in odd}
    gold_odd = {r["id"]: gold[r["id"]] for r in odd}
    pairs = [p for order in orders(odd) for p in compared_pairs(order, story_of)]
    weights = fit_signed(pairs)
    print(f"{len(pairs)} pairs, {sum(y for _, y in pairs)} of one story:",
          {f: round(w, 3) for f, w in weights.items()}, flush=True)
    scores = {}
    for threshold in THRESHOLDS:
        model = LinkModel(weights, threshold)
        f1s = []
        for order in orders(odd):
            stories, _, _ = link_all(order, model=model)
            f1s.append(scorer.bcubed(stories, {d: g["story"] for d, g in gold_odd.items()})[2])
        scores[threshold] = sum(f1s) / len(f1s)
        print(f"  threshold {threshold}: mean story_f1 {scores[threshold]:.4f} {f1s}", flush=True)
    best = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    model = LinkModel({f: round(w, 3) for f, w in weights.items()}, best)
    print(f"best threshold {best} ({scores[best]:.4f})")
    if args.write:
        path = table_path("story_weights.tsv")
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        body = ["feature\tweight"] + [f"{f}\t{round(w, 3)}" for f, w in model.weights.items()] + \
               [f"threshold\t{model.threshold}"]
        path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
