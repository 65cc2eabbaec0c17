"""The token-level view the name rules share: a `Name` over tokens of the parse, its text
and character span, plain lists of token texts and offsets (built once per document), the
dateline test, and the most specific reading of an ambiguous known name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .knowledge import Known

# the kinds of known names, most specific first (which meaning wins for an ambiguous name)
KIND_ORDER = {"leader": 0, "outlet": 1, "igo": 2, "body": 3, "country": 4, "demonym": 5,
              "capital": 6, "territory": 7}
# "NEW YORK 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29": only places on the line
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(\s?,\s?[A-Z][A-Za-z .'-]+)?\s+\d{4}-\d\d-\d\d\s*$")


@dataclass
class Name:
    """A name found over tokens [start, end) of the parse."""

    start: int
    end: int
    label: str
    source: str  # spacy | known | pattern | context
    known: Optional[Known] = None
    weight: float = 1.0
    lcut: int = 0  # characters of the first token that are not the name (an opening quote)
    rcut: int = 0  # characters of the last token that are not the name ("’s", a closing quote)


def span_chars(sdoc, x: Name) -> tuple[int, int]:
    """Character offsets of a name in the parse's text."""
    last = sdoc[x.end - 1]
    return sdoc[x.start].idx + x.lcut, last.idx + len(last.text) - x.rcut


def name_text(sdoc, x: Name) -> str:
    text = sdoc[x.start:x.end].text
    return text[x.lcut:len(text) - x.rcut]


@dataclass
class TokenView:
    """Plain Python lists of the parse's token texts and offsets, built once per document:
    creating spaCy Token objects again and again costs more than the rules themselves."""

    text: str
    words: list[str]
    idx: list[int]


TOKEN_VIEW_KEY = "newsgraph.tokens"


def token_view(sdoc) -> TokenView:
    """The token view of a parse, built on first use and kept in its `user_data` while the
    entities stage runs (the stage drops it when done: `drop_token_view`)."""
    view = sdoc.user_data.get(TOKEN_VIEW_KEY)
    if view is None:
        view = TokenView(sdoc.text, [t.text for t in sdoc], [t.idx for t in sdoc])
        sdoc.user_data[TOKEN_VIEW_KEY] = view
    return view


def drop_token_view(sdoc) -> None:
    """Forget the token view: it is the entities stage's working data, not part of the parse
    later stages read (and it would hold a copy of every token's text until the parse goes)."""
    sdoc.user_data.pop(TOKEN_VIEW_KEY, None)


def choose(entries: list[Known]) -> Known:
    return min(entries, key=lambda k: KIND_ORDER.get(k.kind, 9))


def in_dateline(sdoc, x: Name) -> bool:
    """On a dateline ("NEW YORK 1996-08-30"): a place, whatever the place's team did."""
    view = token_view(sdoc)
    i = view.idx[x.start]
    start = view.text.rfind("\n", 0, i) + 1
    end = view.text.find("\n", i)
    return DATELINE.match(view.text[start:end if end >= 0 else len(view.text)]) is not None


