"""Flatten absurdly deep markup so that libxml2 parses the whole page.

libxml2 (lxml's parser, also behind trafilatura) stops building the tree at a nesting depth
of 256 elements (libxml2 2.14.6, bundled with lxml 6.1.3): an article inside 60,000 nested <div>s came
back as "no article text found". `flatten_deep` measures the page's nesting depth with a cheap
scan of its tags and, only when it passes FLATTEN_ABOVE, drops the wrapper tags (div, span,
section, ...) opened beyond KEEP_DEPTH, with their closing tags; text and every other tag
(the article's <p>, <h1>, links) are kept. A page within the limit is returned unchanged, the
same string, so normal pages read exactly as before.
"""
from __future__ import annotations

import re
from itertools import accumulate

# A page nested deeper than FLATTEN_ABOVE (libxml2 still parses it up to 256) is flattened:
# its wrapper tags beyond KEEP_DEPTH are dropped, leaving room for the structure inside.
FLATTEN_ABOVE = 250
KEEP_DEPTH = 200

# Tags that only wrap and that HTML never closes implicitly (so that opens minus closes is
# their real nesting): dropping them loses layout, never text.
WRAPPERS = ("div", "span", "section", "article", "main", "aside", "header", "footer", "nav",
            "font", "center", "blockquote", "form", "table", "ul", "ol", "dl", "b", "i", "u",
            "em", "strong", "small", "big", "label", "fieldset", "figure")

_WRAPPER = re.compile(r"<(/?)(?:%s)(?=[\s/>])[^>]*>" % "|".join(WRAPPERS), re.I)


def flatten_deep(html: str) -> str:
    """`html` with wrapper tags beyond KEEP_DEPTH removed when its wrappers nest deeper than
    FLATTEN_ABOVE, else `html` itself (the common case, decided by one scan of its tags)."""
    marks = _WRAPPER.findall(html)
    if len(marks) <= FLATTEN_ABOVE or max(accumulate(-1 if m else 1 for m in marks)) <= FLATTEN_ABOVE:
        return html
    return _drop_deep_wrappers(html)


def _drop_deep_wrappers(html: str) -> str:
    """Drop wrapper tags opened beyond KEEP_DEPTH and the closing tags that match them."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, dropped)
    last = 0
    for m in _WRAPPER.finditer(html):
        name = m.group(0)[len(m.group(1)) + 1:].split(None, 1)[0].rstrip("/>").lower()
        if m.group(1):  # a closing tag: it closes the nearest open wrapper of its name
            for i in range(len(stack) - 1, max(len(stack) - 20, 0) - 1, -1):
                if stack[i][0] == name:
                    dropped = stack[i][1]
                    del stack[i:]
                    break
            else:
                continue
        else:
            dropped = len(stack) >= KEEP_DEPTH
            stack.append((name, dropped))
        if dropped:
            out.append(html[last:m.start()])
            last = m.end()
    out.append(html[last:])
    return "".join(out)
