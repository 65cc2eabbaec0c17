"""Average-link clustering of a small pool of articles, and carrying story ids across.

When an article arrives, it and the latest members of the stories it links to are clustered
again from scratch (`average_link`): two groups join while the mean link probability over all
their pairs (a missing link counts 0) is at least the threshold. Re-clustering the
neighbourhood, rather than only adding the article to its best story, lets later articles
correct an earlier choice: the first report of a second title fight may have joined the first
fight's story; once a few more reports of it arrive, they form their own group and take it.

`carry_ids` then names the new groups with the old story ids: each story id goes to the group
holding most of its pool members (the larger group first), so ids stay put unless a story
really splits or merges.
"""
from __future__ import annotations

import heapq
from collections import Counter
from typing import Callable, Mapping, Sequence


def average_link(nodes: Sequence[int], edges: Mapping[int, Mapping[int, float]],
                 threshold: float) -> list[list[int]]:
    """Group `nodes` (article numbers) by average link over `edges` (symmetric probabilities).

    Deterministic: ties go to the pair with the smallest numbers; a group is named by its
    smallest member. Returns the groups, each sorted, in order of their smallest member."""
    members = {n: [n] for n in nodes}
    sums: dict[int, dict[int, float]] = {n: {} for n in nodes}
    for n in nodes:
        for m, p in edges.get(n, {}).items():
            if m in sums and m != n:
                sums[n][m] = p
    version = {n: 0 for n in nodes}
    heap = [(-p, a, b, 0, 0) for a in nodes for b, p in sums[a].items() if a < b and p >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if version.get(a) != va or version.get(b) != vb:
            continue  # one of the two groups has changed since this entry was pushed
        # b joins a (a < b): a keeps the smaller name
        members[a].extend(members.pop(b))
        version[a] += 1
        del version[b]
        for c, s in sums.pop(b).items():
            if c == a:
                continue
            sums[c].pop(b, None)
            sums[a][c] = sums[a].get(c, 0.0) + s
            sums[c][a] = sums[a][c]
        sums[a].pop(b, None)
        size_a = len(members[a])
        for c, s in sums[a].items():
            mean = s / (size_a * len(members[c]))
            if mean >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-mean, x, y, version[x], version[y]))
    return [sorted(members[n]) for n in sorted(members)]


def carry_ids(groups: Sequence[Sequence[int]], story_of: Mapping[int, str],
              new_id: Callable[[], str]) -> dict[int, str]:
    """A story id for every node: the old id of most of a group's members (groups in order of
    size, larger first, then of their smallest member; an id goes to one group only), a new
    one (`new_id()`) for a group whose old ids are all taken or which has none."""
    out: dict[int, str] = {}
    used: set[str] = set()
    for group in sorted(groups, key=lambda g: (-len(g), g[0])):
        votes = Counter(story_of[n] for n in group if n in story_of)
        chosen = next((sid for sid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
                       if sid not in used), None)
        if chosen is None:
            chosen = new_id()
        used.add(chosen)
        for n in group:
            out[n] = chosen
    return out
