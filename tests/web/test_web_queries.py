"""The explorer's fast questions answer what the plain recipes answer: event_list (events
picked first, sides named after) gives query.events' rows, whatever the sides asked for, and
the dyad's timeline and counterparts agree with those rows. Run on the test corpus."""
from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus import query as recipes
from newsgraph.corpus.event_list import event_list
from newsgraph.corpus.profile import counterparts, events_both_ways
from newsgraph.corpus.relations import dyad_timeline

SIDES = [dict(actor="JPN"), dict(recipient="KOR"), dict(actor="JPN", recipient="KOR"),
         dict(actor="KOR", both_ways=True), dict(actor="JPN", recipient="KOR", both_ways=True),
         dict(actor="Cho Tae-yul", both_ways=True), dict(actor="RUSMIL"), dict(actor="nobody")]


@pytest.fixture(scope="module")
def store(corpus_db):
    corpus = Corpus(str(corpus_db))
    with corpus.store.hold() as store:
        yield store


@pytest.mark.parametrize("sides", SIDES, ids=lambda s: "-".join(f"{k}={v}" for k, v in s.items()))
def test_event_list_gives_the_recipes_rows(store, sides):
    expected = store.dicts(*recipes.events(**sides))
    assert store.dicts(*event_list(**sides, limit=10_000)) == expected
    if expected:
        assert store.dicts(*event_list(**sides, limit=2, offset=1)) == expected[1:3]


def test_an_actors_two_lists_are_its_events_on_each_side(store):
    lists = events_both_ways(store, "KOR", limit=3)
    for side, role in (("events_as_actor", "actor"), ("events_as_recipient", "recipient")):
        newest = store.dicts(*event_list(**{role: "KOR"}, limit=3, newest_first=True))
        assert lists[side] == newest and newest


def test_the_dyad_timeline_counts_its_events_by_direction(store):
    forward = store.dicts(*recipes.events(actor="JPN", recipient="KOR"))
    backward = store.dicts(*recipes.events(actor="KOR", recipient="JPN"))
    forward_keys = {(e["article_key"], e["event_id"]) for e in forward}
    counts = Counter()
    for e in forward + [e for e in backward if (e["article_key"], e["event_id"]) not in forward_keys]:
        counts[(e["month"], e["event"], "forward" if (e["article_key"], e["event_id"]) in forward_keys
                else "backward")] += 1
    timeline = store.dicts(*dyad_timeline("JPN", "KOR"))
    assert {(t["month"], t["event"], t["direction"]): t["events"] for t in timeline} == counts
    assert {"forward", "backward"} <= {t["direction"] for t in timeline}


def test_counterparts_are_the_other_side_of_the_actors_events(store):
    rows = store.dicts(*counterparts("KOR", 500))
    for direction, own, other in (("to", "actor", "recipients"), ("from", "recipient", "actors")):
        events = store.dicts(*recipes.events(**{own: "KOR"}))
        expected = Counter(name for e in events for name in set((e[other] or "").split("; ")) if name)
        found = {r["name"]: r["events"] for r in rows if r["direction"] == direction}
        assert found["Japan"] == expected["Japan"] > 0, direction
