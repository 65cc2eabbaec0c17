"""What a value function may look at while it turns a match into a TIMEX3 value.

`Context` (the text, the anchor date, the word tables, the parse) is built once per text by
find.py and handed to every value function of values.py; it lives apart so that both, and the
helpers, can use it without importing the grammar.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .anchor import tense_of
from .lexicon import TimeWords

Value = Optional[tuple[str, str]]  # (type, value), or None to reject the match


YEAR_BEFORE = frozenset("""in since by until till of from before after during through to between
and or early late mid fiscal year summer spring autumn fall winter end beginning start middle half
around circa about c. than""".split())
NOT_YEAR_ENTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "FAC",
                           "LAW", "WORK_OF_ART", "TIME", "ORDINAL"})


@dataclass
class Context:
    """What a value function may look at: the text, the anchor date, the tense at a span, and
    the parse (a spaCy Doc of `text`, or None)."""

    text: str
    anchor: Optional[dt.date]
    words: TimeWords
    parse: object = None

    def tense(self, start: int, end: int) -> Optional[int]:
        return tense_of(self.parse, start, end)

    def token(self, start: int):
        """The parse token covering character `start`, or None."""
        if self.parse is None:
            return None
        span = self.parse.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense_tag(self, m) -> str:
        tok = self.token(m.start("mon"))
        return tok.tag_ if tok is not None else ""

    def is_year(self, m) -> bool:
        """Is the four-digit number of the match a year? spaCy's entity label decides; with none,
        a date-like word before it ("in 1998", "since 2000")."""
        tok = self.token(m.start("y"))
        if tok is not None:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            prev = tok.nbor(-1) if tok.i > 0 else None
            if (nxt is not None and nxt.tag_ == "NNS"
                    and (prev is None or prev.pos_ in ("VERB", "AUX", "PUNCT"))):
                return False  # "said 1998 people were held": a count
            if tok.ent_type_ == "DATE":
                return True
            if tok.ent_type_ in NOT_YEAR_ENTS:
                return False
        prev = re.findall(r"[\w.]+", self.text[max(0, m.start() - 20):m.start()].lower())
        return bool(prev) and prev[-1] in YEAR_BEFORE
