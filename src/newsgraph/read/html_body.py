"""Body extraction for `read_html`: the article text of a page, without the page around it.

trafilatura finds the text (precision mode, comments off, a balanced-mode fallback when it
finds little), after embedded tweets are made visible to it; `trim_body` then drops what it
leaves around the story: the repeated headline and deck, the dateline, chrome lines anywhere
and the promos, links and copyright that close a page. Kept apart from the metadata reading
(`html_meta`) because this is the part that grows with every new site's chrome: most of it is
the patterns of that chrome and the rules for where they may be cut.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

from newsgraph.read.html_meta import clean_space, words_of

# Precision mode drops text it is unsure about; below this body length we also try the
# balanced mode and keep it when it finds clearly more.
SHORT_BODY_CHARS = 400


# --- body extraction ----------------------------------------------------------------------

def extract_body(tree, url):
    """trafilatura's result (a Document with .text and the .body tree) or None.

    Precision mode first: on news pages it drops related-links blocks and teasers the
    balanced mode keeps. When it returns little, the balanced mode (which escalates to its
    recall retry and a justext candidate) is tried, and kept when it finds clearly more.
    """
    from trafilatura import bare_extraction

    _unhide_embedded_posts(tree)
    common = dict(url=url, include_comments=False, include_tables=True, with_metadata=False)
    doc = bare_extraction(tree, favor_precision=True, **common)
    text = (getattr(doc, "text", None) or "").strip()
    if len(text) < SHORT_BODY_CHARS:
        other = bare_extraction(tree, **common)
        other_text = (getattr(other, "text", None) or "").strip()
        if len(other_text) > max(1.5 * len(text), len(text) + 100):
            doc = other
    return doc


_EMBED_WRAPPER = re.compile(r"social|embed|twitter|tweet|share", re.I)


def _unhide_embedded_posts(tree) -> None:
    """Let the extractor see embedded tweets: their markup (class "twitter-tweet" inside a
    "social-media-embed" box) looks like share-button chrome, but a tweet in an article is
    part of the story (often the quote it reports). Text only: the script that renders them
    is dropped anyway."""
    for quote in tree.xpath('//blockquote[contains(@class, "twitter-tweet") or '
                            'contains(@class, "twitter-video")]'):
        quote.attrib.pop("class", None)
        parent = quote.getparent()
        for _ in range(3):
            if parent is None or parent.tag in ("article", "main", "body", "html"):
                break
            if _EMBED_WRAPPER.search(f"{parent.get('class', '')} {parent.get('id', '')}"):
                parent.attrib.pop("class", None)
                parent.attrib.pop("id", None)
            parent = parent.getparent()


# --- trimming -----------------------------------------------------------------------------

# Lines that are page chrome wherever they sit in the body (whole-line match, case-insensitive).
_CHROME_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading( (below|the main story))?|scroll to continue( with content)?|"
    r"share( this( article| story| post| page)?)?|share on (facebook|twitter|linkedin|whatsapp)|"
    r"tweet|email|print|click to share.*|"
    r"(image|photo|picture|media) (caption|copyright)|"
    r"(watch|read|see) (more|also|next)|more|related( articles| stories| content| coverage| links)?|"
    r"don'?t miss|most (read|popular|viewed|shared)( in .{1,40})?|recommended( for you)?|"
    r"trending( now)?|(you|you might|you may) (also )?like|more from .{1,40}|comments?|"
    r"\d+ comments?|(leave|post|add) a (comment|reply)|back to top|skip (to|ad)\b.*)"
    r"[\s:.\u2026!>\u00bb]*$",
    re.I)
# Chrome lines that start with a label: teasers and promos ("Related: Ten ...", "READ MORE: ...").
_CHROME_PREFIX = re.compile(
    r"^(?:related|read more|read also|see more|see also|watch|watch more|more|don'?t miss|"
    r"most read|recommended|click here|also read|trending|listen|subscribe|sign up)\s*[:|>»-]\s*\S",
    re.I)
# Teaser lines of British tabloids: "China furious at Macron [INSIGHT]".
_TEASER_TAG = re.compile(r"\[(?:[A-Z]{3,}|[A-Z]+ [A-Z]+)\]\s*\|?\s*$")
# The title of a newsletter promo box ("Pick Six Newsletter"); the line after it is its pitch.
_NEWSLETTER_TITLE = re.compile(r"^(?:\S+\s+){0,5}newsletters?[\s:!.]*$", re.I)
# A list item with no sentence end: at the end of a body, a list of teaser links.
# (Not a dash: "— Name (@handle) date" signs an embedded tweet.)
_BULLET_TEASER = re.compile(r"^[-\u2022*\u25cf\u25aa]\s.{0,150}[^.!?\"\u201d:;]$")
_MINOR_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with",
                "by", "from", "as", "is", "are", "vs", "de", "la", "le"}


def _title_case(line: str) -> bool:
    """True for a line written like a headline: every word but small ones capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line)]
    if not words:
        return False
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


# Chrome that closes an article: author promos, newsletters, social links, copyright. Anchored
# or specific, since a real last paragraph may say "listen to" or "said on Twitter".
_SOCIAL = r"(twitter|facebook|instagram|linkedin|youtube|tiktok|x|threads|bluesky)"
_TAIL_CHROME = re.compile(
    r"(newsletter|^subscribe|subscribe (to|for) (our|the|my) |^sign up|sign up (for|to) (our|the) |"
    r"^follow (us|him|her|them|me)\b|follow .{1,60} on " + _SOCIAL + r"\b|"
    r"have a (news )?tip|tips? (to|at) \S+@|(may|can) be reached at|"
    r"^contact (us|the (writer|author|reporter|editor))|"
    r"^copyright|copyright (\u00a9|\(c\)|\d{4})|\u00a9|all rights reserved|"
    r"tell us what you think|^listen (to|back|live|now)|download (the|our) app|"
    r"get (the|our) app|^get access to|"
    r"^filed under|^tagged( with)?:|^tags:|^categories:|^posted in|click here|"
    r"(this|the) (article|story) (was|has been) (originally )?(published|updated|produced)|"
    r"originally (published|appeared) (on|in|at|by)|full coverage|^if you (enjoyed|liked)|"
    r"(join|read) the (conversation|discussion)|share your (thoughts|views)|"
    r"^related (articles|stories|coverage|content)|^more (on|from) this|^\d*\s*comments?\s*$|"
    r"^sources?:|^(updated|last updated|published)\b.{0,60}$|"
    r"^\(?(photo|image|video|graphic)s?( credit)?s?\s*:)",
    re.I)
# Chrome that opens an article: bylines and dates of the page layout, reading times, shares.
_HEAD_CHROME = re.compile(
    r"^(?:by\s+[A-Z].{0,60}|updated|published|posted|last updated|\d+\s+min(ute)?s?\s+read|"
    r"(listen|audio)[^.]{0,40}|share|shares|image \d+ of \d+|\d+ shares?|reading time|"
    r"tempo de leitura|lesezeit|temps de lecture)\b.{0,80}$",
    re.I)
# A line that is only a date and time ("5:45 AM PST 11/19/2019 by Jane Doe",
# "sexta-feira, 22 de outubro de 2010 às 20:13"): the page's dateline, not article text.
_DATE_LINE = re.compile(
    r"^(?=.{0,100}$)(?=.*\b(?:19|20)\d\d\b)(?=.*(?:\b\d{1,2}:\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b))"
    r"[^.!?]*[^.!?:]$", re.I)


def _same_text(a: str, b: str) -> bool:
    wa, wb = words_of(a), words_of(b)
    return bool(wa) and wa == wb


def leading_heads(doc) -> list[str]:
    """Texts of the headings that open trafilatura's body, before its first paragraph: the
    headline and the deck (standfirst) when the extractor kept them."""
    heads = []
    body = getattr(doc, "body", None)
    if body is None:
        return heads
    for el in body:
        text = clean_space("".join(el.itertext()))
        if not text:
            continue
        if el.tag != "head":
            break
        heads.append(text)
    return heads


def trim_body(body: str, titles: Iterable[Optional[str]], decks: Iterable[str] = ()) -> str:
    """Drop the repeated headline, the deck and the chrome lines trafilatura left in the body."""
    titles = [t for t in titles if t] + [d for d in decks if d]
    lines = body.split("\n")

    def is_title(line: str) -> bool:
        return any(_same_text(line, t) for t in titles)

    # the headline (or the page title) repeated as one of the first lines
    for i, line in enumerate(lines[:4]):
        if line and is_title(line):
            lines[i] = ""
    kept: list[str] = []
    after_label = False  # bullets right after a "Related:" label are teasers too
    after_newsletter = False  # the pitch line under a newsletter box's title
    for line in lines:
        if not line:
            kept.append(line)
            continue
        short = len(line) < 200
        if short and (_CHROME_LINE.match(line) or _CHROME_PREFIX.match(line)
                      or _TEASER_TAG.search(line)):
            after_label, after_newsletter = True, False
            continue
        if short and _NEWSLETTER_TITLE.match(line):
            after_label, after_newsletter = False, True
            continue
        if after_newsletter and len(line) < 160 and line[0] not in _QUOTES:
            after_newsletter = False
            continue
        if after_label and _BULLET_TEASER.match(line):
            continue
        after_label = after_newsletter = False
        kept.append(line)
    lines = kept

    def strip_edge(lines: list[str], from_end: bool) -> list[str]:
        dropped = 0
        while lines and dropped < 8:
            line = lines[-1] if from_end else lines[0]
            if not line:
                lines = lines[:-1] if from_end else lines[1:]
                continue
            if len(line) > 300:
                break
            if from_end:
                chrome = line[0] not in _QUOTES and bool(
                    _TAIL_CHROME.search(line)
                    # a list of teaser links (headlines), not a list the text introduced
                    or _BULLET_TEASER.match(line) and _title_case(line)
                    and not _introduces_list(lines)
                    # the heading of the chrome block just dropped ("Something to Consider")
                    or dropped and len(line.split()) <= 6 and _title_case(line)
                    and line[-1] not in ".!?\"\u201d")
            else:
                chrome = bool(_HEAD_CHROME.search(line) or _DATE_LINE.match(line))
            if not chrome:
                break
            lines = lines[:-1] if from_end else lines[1:]
            dropped += 1
        return lines

    # keep at least something: never trim a body down to nothing at the edges
    trimmed = strip_edge(strip_edge(lines, True), False)
    if any(trimmed):
        lines = trimmed
    return normalise_text("\n".join(lines))


_QUOTES = "\"\u201c\u2018'\u00ab\u201e"


def _introduces_list(lines: list[str]) -> bool:
    """True when the bullet run at the end of `lines` follows a line ending with a colon."""
    i = len(lines) - 1
    while i >= 0 and (not lines[i] or _BULLET_TEASER.match(lines[i])):
        i -= 1
    return i >= 0 and lines[i].rstrip().endswith(":")


# --- text ---------------------------------------------------------------------------------

def normalise_text(text: str) -> str:
    """`text` NFC-normalised, each line stripped, runs of blank lines squeezed to one."""
    text = unicodedata.normalize("NFC", text or "")
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out, blank = [], False
    for line in lines:  # keep trafilatura's paragraph breaks, squeeze runs of blank lines
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out).strip()
