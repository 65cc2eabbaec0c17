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
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from typing import Iterable, Optional
from urllib.parse import urlsplit

from newsgraph.document import Span

# trafilatura and htmldate log a warning for every page they discard; a library should not
# print them unless the application configured logging (the NullHandler stops Python's
# last-resort stderr handler, records still propagate to the application's handlers).
for _name in ("trafilatura", "htmldate", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

__all__ = ["HtmlArticle", "NoArticle", "read_html"]

# A page bigger than this is cut before parsing: no article needs more, and the extractor
# slows down on it (a few MB are read whole).
MAX_HTML_CHARS = 8_000_000
# Precision mode drops text it is unsure about; below this body length we also try the
# balanced mode and keep it when it finds clearly more.
SHORT_BODY_CHARS = 400


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
    page = _page_metadata(tree, url)  # before _extract, which edits the tree
    doc = _extract(tree, url)
    body = _normalise_text(doc.text if doc is not None else "")

    title = _choose_headline(page, tree)
    decks = [d for d in _leading_heads(doc) if len(_words(d)) >= 12 and d[-1] in ".!?"
             or any(_similar(d, desc) >= 0.8 for desc in page.descriptions)]
    body = _trim_body(body, [title] + page.title_candidates(), decks)
    if len(_words(body)) < MIN_BODY_WORDS:
        raise NoArticle("no article text found in the HTML"
                        + (f" (only {body!r})" if body else ""))

    # trafilatura's own metadata heuristics only where the page's markup said nothing
    from trafilatura import metadata as tmeta

    published, published_source = _published(page, tree)
    outlet = page.outlet() or _host(url)
    authors = page.authors(outlet) or _split_authors([tmeta.extract_author(tree) or ""], outlet)

    if title:
        text = f"{title}\n\n{body}"
        headline = Span(0, len(title))
        body_span = Span(len(title) + 2, len(text))
    else:
        text, headline, body_span = body, None, Span(0, len(body))
    return HtmlArticle(text=text, body=body_span, headline=headline, title=title,
                       published=published, outlet=outlet, authors=authors,
                       published_source=published_source)


def _host(url: Optional[str]) -> Optional[str]:
    """The site's host name without "www." ("ascom.com"), the outlet of last resort."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return re.sub(r"^www\d?\.", "", host) if host else None


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
    try:
        return load_html(html)
    except Exception:  # noqa: BLE001 - lxml raises many kinds on junk; junk is "no article"
        return None


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
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        if best is not None:
            return raw.decode(best.encoding, errors="replace")
    except Exception:  # noqa: BLE001
        pass
    return raw.decode("utf-8", errors="replace")


def _normalise_text(text: str) -> str:
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


# --- body extraction ----------------------------------------------------------------------

def _extract(tree, url):
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


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _same_text(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa) and wa == wb


def _leading_heads(doc) -> list[str]:
    """Texts of the headings that open trafilatura's body, before its first paragraph: the
    headline and the deck (standfirst) when the extractor kept them."""
    heads = []
    body = getattr(doc, "body", None)
    if body is None:
        return heads
    for el in body:
        text = _clean_space("".join(el.itertext()))
        if not text:
            continue
        if el.tag != "head":
            break
        heads.append(text)
    return heads


def _trim_body(body: str, titles: Iterable[Optional[str]], decks: Iterable[str] = ()) -> str:
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
    return _normalise_text("\n".join(lines))


_QUOTES = "\"\u201c\u2018'\u00ab\u201e"


def _introduces_list(lines: list[str]) -> bool:
    """True when the bullet run at the end of `lines` follows a line ending with a colon."""
    i = len(lines) - 1
    while i >= 0 and (not lines[i] or _BULLET_TEASER.match(lines[i])):
        i -= 1
    return i >= 0 and lines[i].rstrip().endswith(":")


# --- page metadata ------------------------------------------------------------------------

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                  "reviewnewsarticle", "liveblogposting", "report", "scholarlyarticle",
                  "techarticle", "socialmediaposting", "webpage", "review", "creativework",
                  "videoobject", "medicalwebpage", "itempage"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00b7|\u2022|\u00bb|\u00ab|/)\s+")


@dataclass
class _Page:
    """Candidates for headline, date, outlet and authors read from the page's markup."""

    url: Optional[str] = None
    og_title: Optional[str] = None
    twitter_title: Optional[str] = None
    ld_headline: Optional[str] = None
    item_headline: Optional[str] = None
    h1s: list[str] = field(default_factory=list)
    html_title: Optional[str] = None
    site_names: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (value, source)
    author_values: list[list[str]] = field(default_factory=list)  # by source, best first
    descriptions: list[str] = field(default_factory=list)

    def title_candidates(self) -> list[str]:
        return [t for t in (self.ld_headline, self.og_title, self.twitter_title,
                            self.item_headline, self.html_title, *self.h1s) if t]

    def outlet(self) -> Optional[str]:
        for name in self.site_names:
            name = _clean_outlet(name)
            if name:
                return name
        return None

    def authors(self, outlet: Optional[str]) -> list[str]:
        """The names from JSON-LD, meta tags and rel=author / itemprop=author elements, in
        that order, each person once (sources disagree on middle initials)."""
        names: list[str] = []
        seen: set[tuple[str, str]] = set()
        for i, values in enumerate(self.author_values):
            if i == 2 and names:  # rel=author links also credit other articles' writers
                break
            for name in _split_authors(values, outlet):
                words = name.lower().split()
                key = (words[0], words[-1])  # "Troy L. Smith" is "Troy Smith"
                if key not in seen:
                    seen.add(key)
                    names.append(name)
        return names


def _clean_space(text) -> str:
    if not isinstance(text, str):
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _meta_index(tree) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = _clean_space(el.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            k = (el.get(attr) or "").strip().lower()
            if k:
                metas.setdefault(k, []).append(content)
    return metas


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object on the page, flattened (@graph and lists opened)."""
    out: list[dict] = []

    def walk(node, depth=0):
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            out.append(node)
            if "@graph" in node:
                walk(node["@graph"], depth + 1)
            if isinstance(node.get("mainEntity"), (dict, list)):
                walk(node["mainEntity"], depth + 1)

    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # a common defect: a trailing comma or a stray semicolon
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.rstrip(";")), strict=False)
            except ValueError:
                continue
        walk(data)
    return out


def _ld_types(obj: dict) -> set[str]:
    types = obj.get("@type")
    if isinstance(types, str):
        types = [types]
    if not isinstance(types, list):
        return set()
    return {t.lower() for t in types if isinstance(t, str)}


def _names(value, ids: Optional[dict] = None) -> list[str]:
    """Names out of a JSON-LD author value (string, object, {"@id"} reference or a list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        ref = value.get("@id")
        if "name" not in value and isinstance(ref, str) and ids and isinstance(
                ids.get(ref), dict) and ids[ref] is not value:
            value = ids[ref]
        types = _ld_types(value)
        if types & {"organization", "newsmediaorganization"} and "person" not in types:
            return []
        name = value.get("name")
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value[:20] for n in _names(item, ids)]
    return []


def _org_name(value) -> Optional[str]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean_space(value) or None


def _text(el) -> str:
    try:
        return _clean_space(el.text_content())
    except (ValueError, AttributeError):
        return ""


def _page_metadata(tree, url: Optional[str]) -> _Page:
    page = _Page(url=url)
    metas = _meta_index(tree)

    def first(*keys):
        for k in keys:
            if metas.get(k):
                return metas[k][0]
        return None

    page.og_title = first("og:title")
    page.twitter_title = first("twitter:title")
    page.descriptions = [d for k in ("description", "og:description", "twitter:description")
                         for d in metas.get(k, [])]
    titles = tree.xpath("//title")
    page.html_title = _text(titles[0]) if titles else None
    page.h1s = [t for t in (_text(h) for h in tree.iter("h1")) if t][:8]
    items = tree.xpath('//*[@itemprop="headline"]')
    if items:
        el = items[0]
        page.item_headline = _clean_space(el.get("content")) if el.tag == "meta" else _text(el)

    articles, others, ld_sites, ld_authors = [], [], [], []
    objects = _json_ld(tree)
    ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    for obj in objects:
        (articles if _ld_types(obj) & _ARTICLE_TYPES else others).append(obj)
    # the article object: the first with a headline or a date, news types first
    articles.sort(key=lambda o: ("article" not in " ".join(_ld_types(o))
                                 and "posting" not in " ".join(_ld_types(o))))
    for obj in articles:
        headline = obj.get("headline")
        if isinstance(headline, str) and _clean_space(headline) and not page.ld_headline:
            page.ld_headline = unescape(_clean_space(headline))
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                page.dates.append((value.strip(), "json-ld"))
        ld_authors.extend(unescape(_clean_space(n)) for n in _names(obj.get("author"), ids))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and "name" not in publisher:
            publisher = ids.get(publisher.get("@id"), publisher)
        publisher = _org_name(publisher)
        if publisher:
            ld_sites.append(publisher)
    for obj in others:
        if _ld_types(obj) & {"newsmediaorganization", "organization"} and isinstance(
                obj.get("name"), str):
            ld_sites.append(obj["name"])

    for key in ("article:published_time", "og:article:published_time", "published_time",
                "datepublished", "article.published", "parsely-pub-date", "sailthru.date",
                "publish-date", "publishdate", "pubdate", "dc.date.issued", "dcterms.created",
                "dcterms.date", "dc.date", "date", "article:published",
                "cxenseparse:recs:publishtime"):
        for value in metas.get(key, []):
            page.dates.append((value, "meta"))
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        value = el.get("content") or el.get("datetime")
        if value:
            page.dates.append((value, "meta"))

    page.site_names.extend(metas.get("og:site_name", []))
    page.site_names.extend(unescape(_clean_space(n)) for n in ld_sites)
    page.site_names.extend(v for k in ("application-name", "cxenseparse:site", "publisher")
                           for v in metas.get(k, []))
    page.author_values.append(ld_authors)
    page.author_values.append([v for key in ("author", "article:author", "parsely-author",
                                             "sailthru.author", "dc.creator", "byl",
                                             "citation_author", "dcterms.creator")
                               for v in metas.get(key, [])])
    page.author_values.append([el.get("content") or _text(el) for el in tree.xpath(
        '//*[@rel="author" or @itemprop="author"]')[:4]])
    return page


# --- headline -----------------------------------------------------------------------------

def _site_words(page: _Page) -> list[set[str]]:
    """Word sets of the site's names (og:site_name, publisher, the URL's host)."""
    names = [set(_words(n)) for n in page.site_names if n]
    if page.url:
        try:
            host = (urlsplit(page.url).hostname or "").lower()
        except ValueError:
            host = ""
        host = re.sub(r"^(www\d?|m|amp|mobile|edition|news)\.", "", host)
        parts = host.split(".")
        if parts and parts[0]:
            names.append({parts[0]})
            names.append({parts[0].replace("-", "")})
    return [n for n in names if n]


def _is_site_segment(segment: str, sites: list[set[str]]) -> bool:
    words = _words(segment)
    if not words:
        return True
    joined = "".join(words)
    for site in sites:
        site_joined = "".join(sorted(site))
        if set(words) <= site or site <= set(words) and len(words) <= len(site) + 2:
            return True
        if len(site) == 1 and (joined == next(iter(site)) or joined in site_joined):
            return True
        if joined and (joined == "".join(site) or joined in {w for s in sites for w in s}):
            return True
    return False


def _strip_site(title: Optional[str], sites: list[set[str]]) -> Optional[str]:
    """The title without " | Site Name" / "Site - " parts (and section names after a bar)."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    seps = _TITLE_SEPARATORS.findall(title)
    # drop site parts at either end
    while len(parts) > 1 and _is_site_segment(parts[-1], sites):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and _is_site_segment(parts[0], sites):
        parts, seps = parts[1:], seps[1:]
    # after a bar, short trailing parts are sections ("Title | Politics | Site")
    while len(parts) > 1 and seps[-1].strip() == "|" and len(_words(parts[-1])) <= 3 \
            and len(_words(parts[0])) >= 4:
        parts, seps = parts[:-1], seps[:-1]
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip() or None


def _similar(a: str, b: str) -> float:
    """Word overlap of two titles (Dice coefficient on word sets)."""
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _plausible(title: Optional[str]) -> bool:
    if not title:
        return False
    n = len(_words(title))
    return 1 <= n <= 60 and len(title) <= 400


def _choose_headline(page: _Page, tree) -> Optional[str]:
    """The article's headline: the page's visible <h1> when a metadata title confirms it,
    else the best-agreed metadata title without its site-name suffix."""
    sites = _site_words(page)
    meta = [_strip_site(t, sites) for t in (page.ld_headline, page.og_title,
                                            page.twitter_title, page.item_headline)]
    meta = [t for t in meta if _plausible(t)]
    html_title = _strip_site(page.html_title, sites)
    if _plausible(html_title):
        meta.append(html_title)
    h1s = [h for h in page.h1s if _plausible(h) and not _is_site_segment(h, sites)]

    # 1. an <h1> that a metadata title confirms: what the reader sees, without suffixes
    best, best_score = None, 0.0
    for h1 in h1s:
        for t in meta:
            score = _similar(h1, t)
            if score > best_score:
                best, best_score = h1, score
    if best is not None and best_score >= 0.8:
        return best

    # 2. the metadata titles: the one the others agree with most, JSON-LD / og first
    if meta:
        def agreement(i_t):
            i, t = i_t
            return (sum(_similar(t, o) for j, o in enumerate(meta) if j != i), -i)
        if len(meta) > 1:
            i, t = max(enumerate(meta), key=agreement)
            # a lone disagreeing title (e.g. a generic og:title) loses to the consensus
            return t
        return meta[0]

    # 3. a single <h1>, or trafilatura's pick
    if len(h1s) == 1:
        return h1s[0]
    from trafilatura.metadata import extract_title

    title = _clean_space(extract_title(tree))
    return _strip_site(title, sites) if _plausible(title) else (h1s[0] if h1s else None)


# --- date, outlet, authors ----------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _iso_date(value: str) -> Optional[str]:
    """YYYY-MM-DD from an ISO-8601-like value ("2019-11-18T10:05:00Z", "2019/11/18"), or None."""
    if not value:
        return None
    m = _ISO_DATE.search(value.replace("/", "-").replace(".", "-"))
    if not m:
        if re.fullmatch(r"\d{8}", value.strip()):
            m = re.match(r"(\d{4})(\d{2})(\d{2})", value.strip())
        else:
            return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if d.year < 1990 or d > date.today().replace(year=date.today().year + 1):
        return None
    return d.isoformat()


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-]"
    r"(\d{1,2})(?:/|$|-|\.)", re.I)


def _url_date(url: Optional[str]) -> Optional[str]:
    """The date in a URL path like /2019/11/18/ or /2019/nov/18/, or None."""
    m = _URL_DATE.search(urlsplit(url).path if url else "") if url else None
    if not m:
        return None
    month = m.group(2).lower()
    if month.isalpha():
        month = str(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                     "dec").index(month) + 1)
    return _iso_date(f"{m.group(1)}-{month}-{m.group(3)}")


def _published(page: _Page, tree) -> tuple[Optional[str], Optional[str]]:
    """The original publication date and where it came from: the article's JSON-LD, its
    meta tags, a full date in its URL path, else htmldate (original, not updated, date)."""
    for source in ("json-ld", "meta"):
        for value, src in page.dates:
            if src == source:
                iso = _iso_date(value)
                if iso:
                    return iso, source
    try:
        iso = _url_date(page.url)
    except ValueError:
        iso = None
    if iso:
        return iso, "url"
    from htmldate import find_date

    found = find_date(tree, url=page.url, original_date=True, extensive_search=True,
                      max_date=date.today().isoformat())
    iso = _iso_date(found or "")
    if iso:
        return iso, "htmldate"
    return None, None


def _clean_outlet(name: Optional[str]) -> Optional[str]:
    name = _clean_space(name).lstrip("@")
    if not name or len(name) > 80 or re.match(r"https?://", name):
        return None
    return name


_NOT_A_NAME = re.compile(
    r"(https?://|www\.|@|\d|\.com\b|\bstaff\b|editor|reporter|contributor|correspondent|writer|"
    r"columnist|journalist|photographer|news ?desk|associated press|reuters|agency|admin|"
    r"wire services?|\bpublished\b|\bupdated\b|\bposted\b|\bnews\b|\bmedia\b|\bteam\b|"
    r"\bdesk\b|\bguest\b|\bsponsored\b)", re.I)
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la",
                   "le", "al", "el", "bin", "ibn", "y", "dos", "das", "ter", "ten", "st."}
_MONTHS = ("january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec").split()


def _person_name(part: str) -> Optional[str]:
    """`part` as a person's name ("Jane Doe", "TOM KRISHER" -> "Tom Krisher"), or None."""
    part = part.strip(" .,:;-\u2013\u2014\"'")
    # "Finian Cunningham. Sputnik International": a sentence break after the name
    part = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", part)[0]
    words = part.split()
    while words and words[-1].lower().strip(".,") in _MONTHS:  # a date glued to a byline
        words.pop()
    if not 2 <= len(words) <= 5:
        return None
    name = " ".join(words)
    if _NOT_A_NAME.search(name):
        return None
    if name.isupper():
        name = name.title()
        words = name.split()
    for w in words:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not w[0].isupper():
            return None
        letters = re.sub(r"[^A-Za-z]", "", w)
        if len(letters) >= 2 and letters.isupper():  # "CNN", "AP", "MS": not part of a name
            return None
    return name


def _split_authors(values: Iterable[str], outlet: Optional[str] = None) -> list[str]:
    """Person names out of author fields ("By Jane Doe and John Roe", "Doe, Jane; Roe, John",
    "TOM KRISHER, AP Auto Writer"); organisations, roles and credentials are dropped."""
    out: list[str] = []
    seen: set[str] = set()
    outlet_words = set(_words(outlet or ""))
    for value in values:
        value = _clean_space(value)
        if not value or len(value) > 200:
            continue
        value = re.sub(r"^(?:written |posted |story |words |reporting )?by[:\s]+", "", value,
                       flags=re.I)
        for chunk in re.split(r"\s*(?:;|\||&|/|\band\b|\bwith\b|\bund\b|\bet\b|\be\b|\by\b)\s*",
                              value):
            parts = [p.strip() for p in chunk.split(",") if p.strip()]
            if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and \
                    len(parts[1].rstrip(".")) > 2:  # "Doe, Jane"
                parts = [f"{parts[1]} {parts[0]}"]
            for part in parts:
                name = _person_name(part)
                if not name or (outlet_words and set(_words(name)) <= outlet_words):
                    continue
                if name.lower() not in seen:
                    seen.add(name.lower())
                    out.append(name)
    return out
