"""Query parameters, checked and converted before any query sees them.

Every value reaches SQL as a bound parameter; this module makes sure it is also the kind of
value the question needs (a day, a PLOVER type, a bounded integer, a short line of text), so a
wrong one is answered with 400 and a message saying what was expected, never a 500 or a
silently odd result.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Mapping, Optional, Sequence

from ..corpus.article import is_article_key
from ..corpus.export import QUAD_CLASS

PLOVER_TYPES = tuple(QUAD_CLASS)  # the PLOVER event types (with their quad classes)
MAX_TEXT = 200
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FACT_ID = re.compile(r"^[A-Z]\d{1,6}$")  # E3, Q1, V12; T2, P1, F4 for times, places, flags
STORY_ID = re.compile(r"^S\d{6,12}$")    # the linker's story ids: S000042
SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")  # characters START-END of an article's text


class BadParameter(ValueError):
    """A query parameter that is not what the view needs (answered with 400)."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name


class Params:
    """A request's query and path parameters, read through typed getters."""

    def __init__(self, query: Mapping[str, str], path: Optional[Mapping[str, str]] = None):
        self.query = query
        self.path = path or {}

    def _raw(self, name: str) -> Optional[str]:
        value = self.path.get(name, self.query.get(name))
        if value is None:
            return None
        value = value.strip()
        return value or None

    def text(self, name: str, max_length: int = MAX_TEXT, required: bool = False) -> Optional[str]:
        """A short line of text (words, an actor, an outlet), at most `max_length` characters."""
        value = self._raw(name)
        if value is None:
            if required:
                raise BadParameter(name, "is required")
            return None
        if len(value) > max_length:
            raise BadParameter(name, f"is longer than {max_length} characters")
        if CONTROL.search(value):
            raise BadParameter(name, "contains control characters")
        return value

    def day(self, name: str) -> Optional[date]:
        """A day, YYYY-MM-DD."""
        value = self._raw(name)
        if value is None:
            return None
        try:
            if len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise BadParameter(name, "is not a day: give YYYY-MM-DD") from None

    def date_range(self) -> tuple[Optional[date], Optional[date]]:
        """`since` and `until`, in order."""
        since, until = self.day("since"), self.day("until")
        if since and until and since > until:
            raise BadParameter("since", "is after until")
        return since, until

    def event_type(self, name: str = "type") -> Optional[str]:
        """A PLOVER event type (any case)."""
        value = self._raw(name)
        if value is None:
            return None
        if value.upper() not in PLOVER_TYPES:
            raise BadParameter(name, f"is not a PLOVER type: one of {', '.join(PLOVER_TYPES)}")
        return value.upper()

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        """An integer between `low` and `high`."""
        value = self._raw(name)
        if value is None:
            return default
        if not re.fullmatch(r"\d{1,9}", value) or not low <= int(value) <= high:
            raise BadParameter(name, f"is not a whole number from {low} to {high}")
        return int(value)

    def choice(self, name: str, choices: Sequence[str], default: str) -> str:
        value = self._raw(name)
        if value is None:
            return default
        if value not in choices:
            raise BadParameter(name, f"is not one of {', '.join(choices)}")
        return value

    def article_key(self, name: str = "key") -> str:
        value = self._raw(name) or ""
        if not is_article_key(value):
            raise BadParameter(name, "is not an article key (32 hexadecimal digits)")
        return value

    def fact_id(self, name: str = "fact") -> Optional[str]:
        """The id of one fact of an article: E3 (entity), Q1 (quote), V2 (event), T1, P1, F1."""
        value = self._raw(name)
        if value is None:
            return None
        if not FACT_ID.match(value):
            raise BadParameter(name, "is not a fact id such as E3, Q1, V2, T1, P1 or F1")
        return value

    def story_id(self, name: str = "id") -> str:
        """A story id as the linker gives them: S and six or more digits (S000042)."""
        value = self._raw(name) or ""
        if not STORY_ID.match(value):
            raise BadParameter(name, "is not a story id such as S000042")
        return value

    def span(self, name: str = "span") -> Optional[tuple[int, int]]:
        """Characters START-END of the text (a disagreement's evidence), START before END."""
        value = self._raw(name)
        if value is None:
            return None
        m = SPAN.match(value)
        if not m or int(m[1]) >= int(m[2]):
            raise BadParameter(name, "is not a span of characters START-END, START before END")
        return int(m[1]), int(m[2])
