"""Page metadata for `read_html`: the headline, date, outlet and authors of a news page.

`page_metadata` reads every candidate the markup offers (meta tags, JSON-LD, <title>, <h1>,
itemprop) into a `_Page` before the body extractor edits the tree; the functions after it
choose among them: `choose_headline`, `publication_date`, `_Page.outlet` (with `host_outlet`
as the last resort) and `_Page.authors` / `split_authors`. Kept apart from the body extraction
(`html_body`) because it reads the markup, not the text, and has its own rules of evidence.
The small text helpers the two share (`words_of`, `clean_space`, `similar`) live here, since
they are mostly about comparing titles and names.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from typing import Iterable, Optional
from urllib.parse import urlsplit

from ..times.lexicon import load_words

# --- text helpers (shared with html_body) ----------------------------------------------

def words_of(text: str) -> list[str]:
    """The lower-cased words of `text`, the unit every title and name comparison works on."""
    return re.findall(r"\w+", text.lower())


def clean_space(text) -> str:
    """`text` NFC-normalised on one line, runs of white space squeezed ("" for a non-string)."""
    if not isinstance(text, str):
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


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
            for name in split_authors(values, outlet):
                words = name.lower().split()
                key = (words[0], words[-1])  # "Troy L. Smith" is "Troy Smith"
                if key not in seen:
                    seen.add(key)
                    names.append(name)
        return names


def _meta_index(tree) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = clean_space(el.get("content"))
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
    return clean_space(value) or None


def _text(el) -> str:
    try:
        return clean_space(el.text_content())
    except (ValueError, AttributeError):
        return ""


def page_metadata(tree, url: Optional[str]) -> _Page:
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
        page.item_headline = clean_space(el.get("content")) if el.tag == "meta" else _text(el)

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
        if isinstance(headline, str) and clean_space(headline) and not page.ld_headline:
            page.ld_headline = unescape(clean_space(headline))
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                page.dates.append((value.strip(), "json-ld"))
        ld_authors.extend(unescape(clean_space(n)) for n in _names(obj.get("author"), ids))
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
    page.site_names.extend(unescape(clean_space(n)) for n in ld_sites)
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
    names = [set(words_of(n)) for n in page.site_names if n]
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
    words = words_of(segment)
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
    while len(parts) > 1 and seps[-1].strip() == "|" and len(words_of(parts[-1])) <= 3 \
            and len(words_of(parts[0])) >= 4:
        parts, seps = parts[:-1], seps[:-1]
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip() or None


def similar(a: str, b: str) -> float:
    """Word overlap of two titles (Dice coefficient on word sets)."""
    wa, wb = set(words_of(a)), set(words_of(b))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _plausible(title: Optional[str]) -> bool:
    if not title:
        return False
    n = len(words_of(title))
    return 1 <= n <= 60 and len(title) <= 400


def choose_headline(page: _Page, tree) -> Optional[str]:
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
            score = similar(h1, t)
            if score > best_score:
                best, best_score = h1, score
    if best is not None and best_score >= 0.8:
        return best

    # 2. the metadata titles: the one the others agree with most, JSON-LD / og first
    if meta:
        def agreement(i_t):
            i, t = i_t
            return (sum(similar(t, o) for j, o in enumerate(meta) if j != i), -i)
        if len(meta) > 1:
            i, t = max(enumerate(meta), key=agreement)
            # a lone disagreeing title (e.g. a generic og:title) loses to the consensus
            return t
        return meta[0]

    # 3. a single <h1>, or trafilatura's pick
    if len(h1s) == 1:
        return h1s[0]
    from trafilatura.metadata import extract_title

    title = clean_space(extract_title(tree))
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


def publication_date(page: _Page, tree) -> tuple[Optional[str], Optional[str]]:
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
    name = clean_space(name).lstrip("@")
    if not name or len(name) > 80 or re.match(r"https?://", name):
        return None
    return name


def host_outlet(url: Optional[str]) -> Optional[str]:
    """The site's host name without "www." ("ascom.com"), the outlet of last resort."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return re.sub(r"^www\d?\.", "", host) if host else None


_NOT_A_NAME = re.compile(
    r"(https?://|www\.|@|\d|\.com\b|\bstaff\b|editor|reporter|contributor|correspondent|writer|"
    r"columnist|journalist|photographer|news ?desk|associated press|reuters|agency|admin|"
    r"wire services?|\bpublished\b|\bupdated\b|\bposted\b|\bnews\b|\bmedia\b|\bteam\b|"
    r"\bdesk\b|\bguest\b|\bsponsored\b)", re.I)
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la",
                   "le", "al", "el", "bin", "ibn", "y", "dos", "das", "ter", "ten", "st."}


def _person_name(part: str) -> Optional[str]:
    """`part` as a person's name ("Jane Doe", "TOM KRISHER" -> "Tom Krisher"), or None."""
    part = part.strip(" .,:;-\u2013\u2014\"'")
    # "Finian Cunningham. Sputnik International": a sentence break after the name
    part = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", part)[0]
    words = part.split()
    months = load_words().month
    while words and words[-1].lower().strip(".,") in months:  # a date glued to a byline
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


def split_authors(values: Iterable[str], outlet: Optional[str] = None) -> list[str]:
    """Person names out of author fields ("By Jane Doe and John Roe", "Doe, Jane; Roe, John",
    "TOM KRISHER, AP Auto Writer"); organisations, roles and credentials are dropped."""
    out: list[str] = []
    seen: set[str] = set()
    outlet_words = set(words_of(outlet or ""))
    for value in values:
        value = clean_space(value)
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
                if not name or (outlet_words and set(words_of(name)) <= outlet_words):
                    continue
                if name.lower() not in seen:
                    seen.add(name.lower())
                    out.append(name)
    return out

