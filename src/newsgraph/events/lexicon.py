"""The event lexicon: trigger lemmas per PLOVER type and the cue words that set an event's status.

Data lives in `knowledge/event_lexicon.tsv` (see its header). A trigger row keys on (lemma, pos);
a row "head+word" also needs a dependent whose lemma is `word`, and such rows win over the bare
lemma, so "call for" is REQUEST while a bare "call" is nothing, and "joint exercise" is COOPERATE
while a bare "exercise" is MOBILIZE. Adding an event word is a data change, never a code change.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..knowledge import read_table

# a trigger row; a status row puts "@kind" in the first column and its lemmas in the second
LEXICON_COLUMNS = ("lemma", "pos", "event", "mode", "context", "cameo")


@dataclass(frozen=True)
class Entry:
    """One trigger reading: PLOVER type ("-" blocks the lemma), mode, context, CAMEO code."""

    lemma: str
    pos: str  # VERB | NOUN
    event: str
    mode: Optional[str]
    context: tuple[str, ...]
    cameo: Optional[str]
    needs: Optional[str] = None  # lemma of a required dependent, for "head+word" rows


@dataclass
class Lexicon:
    """Trigger readings by (lemma, pos), most specific first, and status cue sets by kind."""

    triggers: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def readings(self, lemma: str, pos: str) -> list[Entry]:
        return self.triggers.get((lemma, pos), [])

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon once (cached). Rows with a required dependent sort before bare rows, and
    blocking rows before the other rows with a dependent."""
    lex = Lexicon()
    cues: dict[str, set[str]] = {}
    for row in read_table(Path(path) if path else "event_lexicon.tsv", LEXICON_COLUMNS):
        if row.lemma.startswith("@"):  # a status row: @kind, then |-separated lemmas
            cues.setdefault(row.lemma[1:], set()).update(
                w.strip().lower() for w in row.pos.split("|") if w.strip())
            continue
        lemma, pos, event, mode, context, cameo = row
        head, _, needs = lemma.lower().partition("+")
        entry = Entry(head, pos.upper(), event, mode or None,
                      tuple(c.strip() for c in context.split(";") if c.strip()),
                      cameo or None, needs or None)
        lex.triggers.setdefault((head, entry.pos), []).append(entry)
    for entries in lex.triggers.values():
        entries.sort(key=lambda e: (e.needs is None, e.event != "-"))
    lex.cues = {k: frozenset(v) for k, v in cues.items()}
    return lex
