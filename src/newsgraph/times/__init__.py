"""Temporal expressions: find them in an article and normalise each to a TIMEX3 value.

    lexicon.py    the word tables of knowledge/time_words.tsv (months, numbers, units, shifts,
                  planning verbs, ...) and the unit letter of a unit word
    calendar.py   date arithmetic in TIMEX3 terms (ISO weeks, quarters, seasons, shifts)
    anchor.py     the anchor date (publication date or a dateline) and the tense of the verb
                  that governs an expression (past -> the previous Friday, future -> the next)
    patterns.py   the grammar: the rule table, one regular expression per kind of expression,
                  each with its value function and trigger words
    values.py     the value functions that turn a match into (type, value), by kind
                  (absolute dates, relative dates, durations and sets, clock times)
    helpers.py    helpers the value functions share (numbers, durations, direction)
    context.py    what a value function may look at (text, anchor, word tables, parse)
    find.py       runs the rules over a text, keeps the longest non-overlapping matches

The stage itself (newsgraph.stages.times) only wires these to the Document.
"""
from .find import find_times

__all__ = ["find_times"]
