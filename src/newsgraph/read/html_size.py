"""Keep huge pages readable in bounded time: thin out a flood of tiny blocks.

trafilatura and htmldate walk the tree with loops that grow faster than the page (a page of
200,000 `<p>word word</p>` took over 120 s and 1.6 GB). No article has that many elements, so
only a page with more than MAX_ELEMENTS elements is touched: its leaf blocks (p, li, div,
span, td) holding fewer than TINY_WORDS words are dropped, which leaves the real paragraphs
(and the headline, kept as h1-h6) for the extractor. A page within the bound is not changed.
"""
from __future__ import annotations

# More elements than any article page has (long live blogs stay well under 20,000).
MAX_ELEMENTS = 50_000

# A block with fewer words than this is a label, a counter, a menu item, never a paragraph.
TINY_WORDS = 4

_BLOCKS = ("p", "li", "div", "span", "td")


def thin_tiny_blocks(tree) -> None:
    """Drop childless tiny blocks from `tree` (in place) when it has more than MAX_ELEMENTS
    elements; their tails are kept."""
    count = 0
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for _ in root.iter():
        count += 1
        if count > MAX_ELEMENTS:
            break
    else:
        return
    for el in list(tree.iter(*_BLOCKS)):
        if len(el) or len((el.text or "").split()) >= TINY_WORDS:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail and el.tail.strip():
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
