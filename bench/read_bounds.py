"""Read time and peak memory of read_html on pathological pages, each built by code.

Each case runs in a fresh subprocess so its peak RSS (ru_maxrss of the child) is its own:
    PYTHONPATH=src python bench/read_bounds.py [--json] [--case NAME]
The seconds are those of read_html alone; the peak is the child's ru_maxrss (imports, the\npage string and the read).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

PARAGRAPH = ("<p>The finance minister said on Tuesday that talks with the country's creditors "
             "would resume next week in Geneva, after a month in which the two sides failed to "
             "agree on the size of the debt relief.</p>")
ARTICLE = ("<h1>Debt talks to resume in Geneva</h1>" + PARAGRAPH * 6)
HEAD = "<html><head><title>Debt talks to resume in Geneva</title></head><body>"


def deep(n: int) -> str:
    return HEAD + "<div>" * n + ARTICLE + "</div>" * n + "</body></html>"


def tiny_paragraphs(n: int = 200_000) -> str:
    half = "<p>word word</p>" * (n // 2)
    return HEAD + half + "<article>" + ARTICLE + "</article>" + half + "</body></html>"


def many_articles(size: int = 5_000_000) -> str:
    block = ('<div class="teaser"><a href="/a">' + "<h2>Debt talks</h2></a>" + PARAGRAPH * 3
             + '<ul class="tags"><li><a href="/t">Economy</a></li></ul></div>')
    return HEAD + "<article>" + ARTICLE + "</article>" + block * (size // len(block)) + "</body></html>"


def one_paragraph(size: int = 5_000_000) -> str:
    sentence = PARAGRAPH[3:-4] + " "
    return HEAD + "<h1>Debt talks</h1><p>" + sentence * (size // len(sentence)) + "</p></body></html>"


CASES = {
    "deep-10k": lambda: deep(10_000),
    "deep-60k": lambda: deep(60_000),
    "deep-200k": lambda: deep(200_000),
    "tiny-paragraphs-200k": tiny_paragraphs,
    "many-articles-5MB": many_articles,
    "one-paragraph-5MB": one_paragraph,
}


def run_case(name: str) -> dict:
    """Read one page in this process: seconds, whether an article was found, text size."""
    from newsgraph.read.html import NoArticle, read_html

    page = CASES[name]()
    start = time.perf_counter()
    try:
        article = read_html(page)
        found, chars = True, len(article.text)
    except NoArticle:
        found, chars = False, 0
    seconds = round(time.perf_counter() - start, 2)
    peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # kB on Linux
    return {"case": name, "page_chars": len(page), "seconds": seconds, "peak_rss_mb": peak_mb,
            "found": found, "text_chars": chars}


def measure(name: str) -> dict:
    """Run one case in a fresh subprocess, which reports its own peak RSS (MB)."""
    out = subprocess.run([sys.executable, __file__, "--child", name], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per case")
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child)))
        return
    if not args.json:
        print("| case | page chars | read s | peak RSS MB | article found | text chars |")
        print("|---|---:|---:|---:|---|---:|")
    for name in args.case or CASES:
        row = measure(name)
        if args.json:
            print(json.dumps(row))
        else:
            print(f"| {name} | {row['page_chars']:,} | {row['seconds']:.2f} | "
                  f"{row['peak_rss_mb']} | {row['found']} | {row['text_chars']:,} |")


if __name__ == "__main__":
    main()
