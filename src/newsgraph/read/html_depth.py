"""Flatten absurdly deep markup so that libxml2 parses the whole page.

libxml2 (lxml's parser, also behind trafilatura) stops building the tree at a nesting depth
of 256 elements (2.14 without XML_PARSE_HUGE): an article inside 60,000 nested <div>s came
back as "no article text found". `flatten_deep` measures the page's nesting depth with a cheap
scan of its tags and, only when it passes MAX_DEPTH, drops the wrapper tags (div, span,
section, ...) opened beyond that depth, with their closing tags; text and every other tag
(the article's <p>, <h1>, links) are kept. A page within the limit is returned unchanged, the
same string, so normal pages read exactly as before.
"""
from __future__ import annotations

import re

# Deeper than this, wrapper tags are dropped: below libxml2's 256, with room for the
# structure (p, a, b, li, ...) inside the innermost wrapper.
MAX_DEPTH = 200

# Tags that only wrap: dropping them loses layout, never text.
WRAPPERS = frozenset("div span section article main aside header footer nav font center "
                     "table tbody thead tfoot tr td th ul ol li dl dd dt blockquote form "
                     "b i u em strong small big label fieldset figure figcaption".split())

# Elements that have no closing tag (never counted as opened).
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "keygen command basefont frame isindex".split())

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")


def flatten_deep(html: str) -> str:
    """`html` with wrapper tags beyond MAX_DEPTH removed, or `html` itself when it is not
    nested that deep (the common case, decided by a scan of its tags)."""
    if html.count("<") < MAX_DEPTH or _max_depth(html) <= MAX_DEPTH:
        return html
    return _drop_deep_wrappers(html)


def _max_depth(html: str) -> int:
    """The deepest nesting of the page's tags, counting opens minus closes (an estimate:
    HTML's optional closing tags make it an upper bound, enough to decide)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest


def _drop_deep_wrappers(html: str) -> str:
    """Drop wrapper tags opened beyond MAX_DEPTH and the closing tags that match them."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, dropped)
    last = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        if m.group(1):  # a closing tag: it closes the nearest open element of its name
            for i in range(len(stack) - 1, max(len(stack) - 20, 0) - 1, -1):
                if stack[i][0] == name:
                    dropped = stack[i][1]
                    del stack[i:]
                    break
            else:
                continue
        else:
            dropped = len(stack) >= MAX_DEPTH and name in WRAPPERS
            stack.append((name, dropped))
        if dropped:
            out.append(html[last:m.start()])
            last = m.end()
    out.append(html[last:])
    return "".join(out)
