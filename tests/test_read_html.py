"""The HTML reader: article body, headline, date, outlet and authors from a news page.

Every page here is written for the test: a news page with the chrome real sites carry (nav,
cookie banner, share bar, ads, related links, newsletter prompt, footer), pages with only some
of the metadata, a page with no article, and junk that must raise NoArticle and nothing else.
"""
import json
import time

import pytest

from newsgraph.document import Span
from newsgraph.read.html import HtmlArticle, NoArticle, read_html

PARAGRAPHS = [
    "HARBOURTON — The city council voted 7-2 on Tuesday night to close the old Millbrook "
    "bridge to cars from next spring, ending a decade of argument over the crumbling span "
    "that carries about 9,000 vehicles a day across the Fennick River.",
    "Engineers told the council in March that the bridge's steel deck had corroded faster than "
    "expected and that heavy trucks were already barred from it. The repair bill, estimated at "
    "$48 million, was more than the city could raise without a new bond issue.",
    "\u201cWe cannot keep patching a bridge that is older than most of the people who drive over "
    "it,\u201d said council member Rosa Delgado, who proposed the closure. \u201cThis is about "
    "safety before it is about money.\u201d",
    "Business owners on the east bank said the decision would cut them off from customers. "
    "Tom Ashford, who runs a hardware store two blocks from the bridge, said he expected to "
    "lose a third of his trade once the detour through Kellerton Road takes effect.",
    "The council will hold a public hearing in January on plans to turn the bridge into a "
    "walking and cycling route, an idea the state transport department said it would "
    "consider funding from its active travel programme.",
]
HEADLINE = "Harbourton council votes to close Millbrook bridge to cars"


def news_page(*, head_extra="", json_ld=True, og=True, title_suffix=" | The Harbourton Ledger",
              h1=HEADLINE, paragraphs=PARAGRAPHS, article_extra=""):
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2023-11-14T21:05:00-05:00",
        "dateModified": "2023-11-16T08:30:00-05:00",
        "author": [{"@type": "Person", "name": "Maria Okafor"},
                   {"@type": "Person", "name": "Daniel Reyes"}],
        "publisher": {"@type": "NewsMediaOrganization", "name": "The Harbourton Ledger"},
    }
    ld_script = (f'<script type="application/ld+json">{json.dumps(ld)}</script>'
                 if json_ld else "")
    og_tags = (f'<meta property="og:title" content="{HEADLINE}">'
               '<meta property="og:site_name" content="The Harbourton Ledger">'
               '<meta property="og:type" content="article">' if og else "")
    body_ps = []
    for i, p in enumerate(paragraphs):
        body_ps.append(f"<p>{p}</p>")
        if i == 1:
            body_ps.append('<div class="ad-slot"><p>Advertisement</p></div>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE}{title_suffix}</title>
{og_tags}{ld_script}{head_extra}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
 By continuing you accept our cookie policy.</p><button>Accept cookies</button></div>
<header class="site-header"><a href="/" class="logo">The Harbourton Ledger</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main><article>
<h1 class="headline">{h1}</h1>
<div class="byline">By Maria Okafor and Daniel Reyes</div>
<time datetime="2023-11-14T21:05:00-05:00">November 14, 2023</time>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
 <a href="#">Email</a></div>
<div class="article-body">
{''.join(body_ps)}
{article_extra}
</div>
<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the day's top
 stories in your inbox.</p></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Kellerton Road detour plans unveiled ahead of bridge works</a></li>
<li><a href="/b">Harbourton budget gap widens as bond vote looms</a></li>
<li><a href="/c">Five things to know about the Fennick River crossings</a></li></ul></aside>
</main>
<footer><p>&copy; 2023 The Harbourton Ledger. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


def body_of(article: HtmlArticle) -> str:
    return article.text[article.body.start:article.body.end]


def test_news_page_body_and_metadata():
    art = read_html(news_page(), "https://ledger.example.com/news/2023/11/14/bridge")
    body = body_of(art)
    for p in PARAGRAPHS:
        assert p in body
    for chrome in ("cookie", "Accept", "Share on", "Advertisement", "Related stories",
                   "Kellerton Road detour plans", "newsletter", "All rights reserved",
                   "Privacy policy", "Sport"):
        assert chrome not in body, chrome
    assert art.title == HEADLINE
    assert art.published == "2023-11-14"  # the original date, not dateModified
    assert art.published_source == "json-ld"
    assert art.outlet == "The Harbourton Ledger"
    assert art.authors == ["Maria Okafor", "Daniel Reyes"]


def test_text_layout_headline_line_blank_line_body():
    art = read_html(news_page())
    assert isinstance(art.body, Span) and isinstance(art.headline, Span)
    assert art.text[art.headline.start:art.headline.end] == HEADLINE
    assert art.headline == Span(0, len(HEADLINE))
    assert art.text[art.headline.end:art.body.start] == "\n\n"
    assert art.body.end == len(art.text)
    assert body_of(art).startswith("HARBOURTON")
    # the headline is not repeated as the body's first line
    assert HEADLINE not in body_of(art)


def test_title_suffix_stripped_without_og_or_json_ld():
    head = ('<meta name="author" content="By Jane Whitfield">'
            '<meta property="article:published_time" content="2022-03-05T10:00:00Z">')
    page = news_page(json_ld=False, og=False, title_suffix=" - Harbourton Ledger",
                     head_extra=head)
    art = read_html(page, "https://www.harbourtonledger.example/news/bridge-vote")
    assert art.title == HEADLINE
    assert art.published == "2022-03-05"
    assert art.published_source == "meta"
    assert art.authors == ["Jane Whitfield"]


def test_headline_prefers_h1_confirmed_by_metadata():
    # og:title carries the site name; the h1 is the clean visible headline
    page = news_page(json_ld=False).replace(
        f'content="{HEADLINE}"', f'content="{HEADLINE} | Ledger"')
    art = read_html(page)
    assert art.title == HEADLINE


def test_generic_h1_loses_to_metadata_title():
    art = read_html(news_page(h1="The Harbourton Ledger"))
    assert art.title == HEADLINE


def test_date_from_url_when_page_has_none():
    page = news_page(json_ld=False, og=False).replace(
        '<time datetime="2023-11-14T21:05:00-05:00">November 14, 2023</time>', "")
    art = read_html(page, "https://ledger.example.com/2021/jun/07/bridge-vote")
    assert art.published == "2021-06-07"
    assert art.published_source == "url"


def test_author_fields_are_cleaned_to_names():
    ld = {"@type": "NewsArticle", "headline": HEADLINE,
          "author": [{"@type": "Person", "name": "TOM KRISHER, AP Auto Writer"},
                     {"@type": "Organization", "name": "Associated Press"},
                     {"@type": "Person", "name": "Rachael Link, MS, RD"}]}
    page = news_page(json_ld=False, head_extra=(
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert read_html(page).authors == ["Tom Krisher", "Rachael Link"]


def test_trailing_chrome_lines_trimmed():
    extra = ("<p>Related: Harbourton budget gap widens as bond vote looms</p>"
             "<p>Follow the Ledger on Twitter and Facebook for more local news.</p>"
             "<p>Copyright 2023 The Harbourton Ledger.</p>")
    art = read_html(news_page(article_extra=extra))
    body = body_of(art)
    assert body.rstrip().endswith(PARAGRAPHS[-1])
    assert "Related:" not in body and "Follow the Ledger" not in body


def test_quoted_last_paragraph_is_kept():
    last = ("\u201cAfter two more years of this, what kind of bridge will be left for the "
            "subscribers of the toll scheme?\u201d Delgado asked.")
    art = read_html(news_page(article_extra=f"<p>{last}</p>"))
    assert body_of(art).endswith(last)


def test_bytes_input_in_a_legacy_encoding():
    page = news_page().replace('<meta charset="utf-8">',
                               '<meta charset="windows-1252">')
    raw = page.replace("\u2014", "-").encode("cp1252")
    art = read_html(raw)
    assert art.title == HEADLINE
    assert "\u201cWe cannot keep patching" in body_of(art)


def test_page_without_headline_metadata_still_reads():
    page = ("<html><body><div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + "</div></body></html>")
    art = read_html(page)
    assert PARAGRAPHS[0] in body_of(art)
    # no title, no <h1>, no metadata: no headline is made up, the whole text is the body
    assert art.headline is None and art.body == Span(0, len(art.text))


NO_ARTICLE = """<!DOCTYPE html><html><head><title>Sign in | The Harbourton Ledger</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
</nav></header><main><form action="/login"><label>Email <input name="email"></label>
<label>Password <input type="password" name="pw"></label><button>Sign in</button></form>
</main><footer><p>&copy; 2023 The Harbourton Ledger</p></footer></body></html>"""


@pytest.mark.parametrize("junk", [
    "",
    "   \n\t ",
    None,
    b"",
    bytes(range(256)) * 40,
    "\x00\x01\x02\x03 binary \xff\xfe garbage \x00" * 100,
    "Just a line of plain text, not a web page at all.",
    "<html><body></body></html>",
    "<html><head><title>Nothing</title></head><body><div><span></div></p></body>",
    "<<<>>><div <p <<a href=>>>&&&;;;</",
    "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>",
    '<?xml version="1.0" encoding="UTF-8"?><rss><channel><item/></channel></rss>',
    NO_ARTICLE,
])
def test_no_article_raises_no_article_and_nothing_else(junk):
    with pytest.raises(NoArticle) as info:
        read_html(junk)
    assert "no article text" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_broken_markup_with_an_article_is_read():
    page = news_page().replace("</p>", "").replace("</div>", "").replace("</article>", "")
    art = read_html(page)
    assert "Millbrook bridge" in body_of(art)


@pytest.mark.slow
def test_huge_page_is_read_in_reasonable_time():
    filler = ('<div class="promo"><a href="/x">Today\'s deals on garden furniture</a></div>\n'
              * 40000)  # ~3 MB of link chrome around the article
    page = news_page(article_extra="").replace("<footer>", filler + "<footer>")
    assert len(page) > 2_500_000
    t0 = time.monotonic()
    art = read_html(page)
    assert time.monotonic() - t0 < 60
    assert PARAGRAPHS[2] in body_of(art)


@pytest.mark.parametrize("last", [
    "Police said they would follow up on the leads and listen to residents at the hearing.",
    "The mayor said on Twitter that the city would appeal, and asked people to sign up as "
    "volunteers",
    "The case is the first test of the new copyright rules in the state courts",
])
def test_real_last_paragraph_is_not_taken_for_chrome(last):
    art = read_html(news_page(article_extra=f"<p>{last}</p>"))
    assert body_of(art).endswith(last)


def test_embedded_tweet_is_part_of_the_body():
    tweet = ('<div class="social-media-embed"><blockquote class="twitter-tweet">'
             '<p lang="en">The Millbrook bridge closes to cars next spring. Detours start '
             'in March.</p>&mdash; Harbourton City (@harbourtoncity) '
             '<a href="https://twitter.com/x/status/1">November 14, 2023</a></blockquote>'
             '<script async src="https://platform.twitter.com/widgets.js"></script></div>')
    paragraphs = PARAGRAPHS[:3] + [tweet] + PARAGRAPHS[3:]
    art = read_html(news_page(paragraphs=paragraphs))
    assert "The Millbrook bridge closes to cars next spring" in body_of(art)


def test_teaser_list_at_the_end_is_dropped_but_an_introduced_list_is_kept():
    teasers = ("<ul><li>Five Bridges That Changed Harbourton</li>"
               "<li>Photos: The Fennick River From Above</li></ul>")
    art = read_html(news_page(article_extra=teasers))
    assert "Five Bridges" not in body_of(art)
    listed = ("<p>The council listed three options:</p><ul><li>A full rebuild of the deck</li>"
              "<li>A Footbridge On The Old Piers</li><li>Demolition</li></ul>")
    art = read_html(news_page(article_extra=listed))
    assert "A Footbridge On The Old Piers" in body_of(art)
