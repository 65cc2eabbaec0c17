"""Company names: capitalised words closed by a company suffix ("Apic Yamada Corp", "Bear
Stearns & Co Inc", "Gold Fields of South Africa Ltd") are one organisation, whatever spaCy made
of them (`knowledge/company_suffixes.tsv`)."""
from __future__ import annotations

import re

from .knowledge import Knowledge, name_key
from .tokens import Name, token_view


def suffix_of(word: str, kb: Knowledge) -> bool:
    return word in kb.company_suffixes or (word.endswith(".") and word[:-1] in kb.company_suffixes)


_BASED = re.compile(r"-[a-z]")  # "Ohio-based", "Mo.-based": a description, not the name


def _place_between(owner: dict, kb: Knowledge, sdoc, k: int, j: int) -> bool:
    """Tokens [k, j) are exactly one place name (the "of South Africa" of a firm's name)."""
    x = owner.get(k)
    if x is not None and x.start == k and x.end == j and x.label in ("GPE", "LOC"):
        return True
    return any(e.kind in ("country", "capital", "territory") for e in kb.names.get(name_key(sdoc[k:j].text), []))


def company_pattern(names: list[Name], sdoc, kb: Knowledge) -> list[Name]:
    """Capitalised words closed by a company suffix are one firm: "Apic Yamada Corp" (not a
    person), "Bear Stearns & Co Inc", "Gold Fields of South Africa Ltd" (not a place inside a
    firm). The name replaces what overlapped it, unless a longer name runs on in capitals past
    the suffix ("Bay Co Building Authority")."""
    view = token_view(sdoc)
    words, n = view.words, len(view.words)
    owner: dict[int, Name] = {}
    for x in names:
        for t in range(x.start, x.end):
            owner[t] = x
    drop, extra, j = set(), [], 1
    while j < n:
        if not suffix_of(words[j], kb):
            j += 1
            continue
        if j + 1 < n and words[j + 1].isalpha() and words[j + 1][:1].isupper():
            j += 1  # "Co Building Authority", "SE Asia": the name goes on, or it is no suffix
            continue
        k = j
        while k > 0 and j - k < 6:
            w = words[k - 1]
            if w[:1].isupper() and any(c.isalpha() for c in w) and "\n" not in w and not _BASED.search(w):
                k -= 1
            elif w == "&" and k >= 2 and words[k - 2][:1].isupper():
                k -= 1
            elif w == "of" and k >= 2 and words[k - 2][:1].isupper() and _place_between(owner, kb, sdoc, k, j):
                k -= 1  # "Gold Fields of South Africa Ltd", not "Lynn Reaser of Barnett Banks Inc"
            else:
                break
        while k < j and words[k] in ("&", "of", "The", "A"):
            k += 1
        if k == j or "\n" in sdoc[k:j + 1].text:
            j += 1
            continue
        olds = {id(owner[t]): owner[t] for t in range(k, j + 1) if t in owner}
        if any(o.known is not None and o.known.kind in ("outlet", "igo", "body") for o in olds.values()):
            j += 1
            continue
        drop.update(olds)
        extra.append(Name(k, j + 1, "ORG", "pattern", None, 3.0))
        j += 1
    if not extra:
        return names
    kept = [x for x in names if id(x) not in drop]
    return sorted(kept + extra, key=lambda x: x.start)
