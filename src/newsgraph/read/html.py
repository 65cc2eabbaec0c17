"""Read a news page: HTML -> the article's headline, body text and metadata.

The body comes from trafilatura in precision mode, comments off (no network: we never
fetch), with embedded tweets made visible to it and a balanced-mode fallback when precision
mode finds little. A last pass trims what trafilatura leaves around the story: the headline
and the deck repeated as first lines, the page's dateline and reading time, chrome lines
anywhere ("Advertisement", "Related: ...", "Most read", newsletter boxes) and at the end
(author promos, "Follow us on ...", copyright, a list of teaser links). The headline is the
visible <h1> when a metadata title (JSON-LD `headline`, og:title, twitter:title, <title>)
confirms it, else the metadata title the others agree with, the site name cut off. The date
is the original publication date (JSON-LD, article meta tags, a date in the URL path, else
htmldate); outlet and authors come from og:site_name, JSON-LD and meta tags, with
trafilatura's heuristics and the host name as fallbacks.

`read_html` returns an `HtmlArticle` whose `text` is the headline line, a blank line, then the
body; `headline` and `body` are spans into that text. A page with no article text raises
`NoArticle` (a ValueError), whatever the input: empty, binary, not HTML, broken markup.

This module holds the public API, the parsing and decoding of the page, and `_read`, which
puts the pieces together; the work itself is split by responsibility so that each part can be
read on its own: `html_body` extracts and trims the body, `html_meta` reads the page's
metadata and chooses headline, date, outlet and authors.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from newsgraph.document import Span
from newsgraph.read.text import guess_encoding
from newsgraph.read.html_depth import flatten_deep
from newsgraph.read.html_size import thin_tiny_blocks
from newsgraph.read.html_body import extract_body, leading_heads, normalise_text, trim_body
from newsgraph.read.html_meta import (choose_headline, host_outlet, page_metadata,
                                      publication_date, similar, split_authors, words_of)

# trafilatura and htmldate log a warning for every page they discard; a library should not
# print them unless the application configured logging (the NullHandler stops Python's
# last-resort stderr handler, records still propagate to the application's handlers).
for _name in ("trafilatura", "htmldate", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

__all__ = ["HtmlArticle", "NoArticle", "read_html"]

# A page bigger than this is cut before parsing: no article needs more, and the extractor
# slows down on it (a few MB are read whole).
MAX_HTML_CHARS = 8_000_000

# Fewer words than this is a menu, a caption or a login prompt, not an article.
MIN_BODY_WORDS = 8


class NoArticle(ValueError):
    """The page holds no article text (empty, not HTML, or only page chrome)."""


@dataclass
class HtmlArticle:
    """What `read_html` found on a page: the record text and the metadata around it."""

    text: str
    body: Span
    headline: Optional[Span] = None
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published_source: Optional[str] = None  # "json-ld" | "meta" | "url" | "htmldate"


def read_html(html: str, url: Optional[str] = None) -> HtmlArticle:
    """Extract the article of an HTML page: headline, body, date, outlet, authors.

    `html` is the page (str; bytes are decoded), `url` where it came from (used only as a
    hint: for dates in the path, the site name and relative links; never fetched).
    Raises NoArticle when no article text is found.
    """
    tree = _parse(html)
    if tree is None:
        raise NoArticle("no article text found in the HTML (empty or not an HTML page)")
    try:
        return _read(tree, url)
    except NoArticle:
        raise
    except Exception as err:  # noqa: BLE001 - the extractor's internals on odd markup: a bad
        # page must become an error record, never stop the batch
        raise NoArticle(f"no article text found in the HTML ({type(err).__name__}: {err})") from err


def _read(tree, url: Optional[str]) -> HtmlArticle:
    page = page_metadata(tree, url)  # before extract_body, which edits the tree
    doc = extract_body(tree, url)
    body = normalise_text(doc.text if doc is not None else "")

    title = choose_headline(page, tree)
    decks = [d for d in leading_heads(doc) if len(words_of(d)) >= 12 and d[-1] in ".!?"
             or any(similar(d, desc) >= 0.8 for desc in page.descriptions)]
    body = trim_body(body, [title] + page.title_candidates(), decks)
    if len(words_of(body)) < MIN_BODY_WORDS:
        raise NoArticle("no article text found in the HTML"
                        + (f" (only {body!r})" if body else ""))

    # trafilatura's own metadata heuristics only where the page's markup said nothing
    from trafilatura import metadata as tmeta

    published, published_source = publication_date(page, tree)
    outlet = page.outlet() or host_outlet(url)
    authors = page.authors(outlet) or split_authors([tmeta.extract_author(tree) or ""], outlet)

    if title:
        text = f"{title}\n\n{body}"
        headline = Span(0, len(title))
        body_span = Span(len(title) + 2, len(text))
    else:
        text, headline, body_span = body, None, Span(0, len(body))
    return HtmlArticle(text=text, body=body_span, headline=headline, title=title,
                       published=published, outlet=outlet, authors=authors,
                       published_source=published_source)


# --- parsing ------------------------------------------------------------------------------

def _parse(html):
    """The lxml tree of the page, or None when the input is not a usable HTML page."""
    from trafilatura.utils import load_html

    if html is None:
        return None
    if isinstance(html, (bytes, bytearray)):
        html = _decode(bytes(html))
    if not isinstance(html, str):
        return None
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    # NUL and other C0 controls make lxml refuse the string; they are never article text
    html = _CONTROL_CHARS.sub("", html)
    if not html.strip() or "<" not in html:
        return None
    html = flatten_deep(html)  # libxml2 stops at depth 256; the article may be deeper
    try:
        tree = load_html(html)
    except Exception:  # noqa: BLE001 - lxml raises many kinds on junk; junk is "no article"
        return None
    if tree is not None:
        thin_tiny_blocks(tree)  # a page of 200,000 tiny blocks must not take minutes
    return tree


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"<meta[^>]*charset\s*=\s*[\"']?\s*([\w.:-]+)", raw[:4096], re.I)
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"), errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = guess_encoding(raw)
    return raw.decode(encoding or "utf-8", errors="replace")

