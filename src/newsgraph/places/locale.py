"""Where the article is written from, as its own wording shows: US local-news conventions.

A local paper rarely names its own state: "The Athens Police Department arrested ...",
"Dublin City Council", "call 903-675-5454". Without a hint, population and capital priors send
such names abroad (Athens, Greece; Dublin, Ireland; Malta; Jordan). But the wording of US local
news is distinctive and needs no place name: ten-digit phone numbers, "X County" written with the
name first, sheriffs, townships, selectmen and aldermen, "D-Hardy" party labels, interstates
and state routes, dollar amounts. Each kind of cue found counts once (a long article repeating
one phone number is no more American than a short one), and the count becomes a weak vote for
the United States that the places the article names can outvote (an international story in a
US paper names its countries).

One regular-expression pass over the text; no parse needed.
"""
from __future__ import annotations

import re

# each pattern is one kind of cue; a pattern counts at most once per article
US_CUES = tuple(re.compile(p) for p in (
    r"\(?\b\d{3}\)?[ .-]\d{3}-\d{4}\b",                       # phone numbers
    r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:County|Parish)\b",     # "Henderson County" (name first)
    r"\b[Ss]heriff",                                           # sheriff's office, deputies
    r"\b[A-Z][a-z]+ Township\b",
    r"\b(?:[Ss]electm[ae]n|[Aa]ldermen|[Aa]lderman|[Ff]reeholders?)\b",
    r"\b[DR]-[A-Z][a-z]",                                      # "D-Hardy", "R-Ga."
    r"\b(?:Interstate|I-)\s?\d{1,3}\b|\b(?:U\.S\.|US|State) (?:Highway|Route) \d",
    r"\b(?:City|Town|Village) (?:Council|Manager|Hall|Commission)\b",
    r"\b(?:High School|Middle School|Elementary School|School District|Board of Education)\b",
    r"\$\d",
    r"\b(?:Gov\.|Sen\.|Rep\.|Del\.) [A-Z]",
    r"\b\d{1,5} (?:[NSEW]\. )?[A-Z][a-z]+ (?:St|Ave|Rd|Blvd|Dr)\.",  # street addresses
    r"\b(?:Police|Fire) (?:Chief|Department|Dept\.)|\b[Ff]irefighters\b",
    r"\b[Ss]uperintendent\b|\bBoard of (?:Supervisors|Commissioners|Selectmen|Aldermen)\b",
    r"\b\d{1,2}(?::\d\d)? [ap]\.m\.",                       # "10 p.m.", "7:35 a.m."
    r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}\b",          # "Aug. 10": AP month style
))
# the vote each kind of cue casts, and the most they cast together (a clear focus needs 1.0)
PER_CUE = 0.3
MOST = 1.25


def us_local_weight(text: str) -> float:
    """A vote for the United States from the article's US local-news wording (0 when none)."""
    kinds = sum(1 for pattern in US_CUES if pattern.search(text))
    return min(MOST, PER_CUE * kinds) if kinds >= 2 else 0.0
