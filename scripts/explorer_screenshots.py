"""Screenshots of every explorer view for docs/explorer.md (docs/img/explorer-*.png).

    .venv/bin/python scripts/explorer_screenshots.py [--db corpus.duckdb]

Without --db it builds a corpus from tests/data/web/wire.jsonl, stories.jsonl and samples/ with
`newsgraph ingest` in a temporary folder. It starts `newsgraph serve` on a free port and takes
each page in Debian's headless Chromium (Playwright), blocking any request off the server.
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = tempfile.mkdtemp()
    db = args.db or str(Path(tmp) / "corpus.duckdb")
    if not args.db:
        web = ROOT / "tests" / "data" / "web"
        subprocess.run([str(NEWSGRAPH), "ingest", str(web / "wire.jsonl"), str(ROOT / "samples"),
                        str(web / "stories.jsonl"), "--db", db, "--quiet"], check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(NEWSGRAPH), "serve", "--db", db, "--port", str(port)])
    try:
        for _ in range(100):
            try:
                rows = json.load(urllib.request.urlopen(base + "/api/search?q=Cho+visited"))["articles"]
                break
            except OSError:
                time.sleep(0.2)
        key = rows[0]["article_key"]
        story = json.load(urllib.request.urlopen(base + "/api/stories?limit=1"))["stories"][0]["story_id"]
        shots = [("search", "/search?q=minister", None), ("article", f"/article/{key}?fact=V1", "quote"),
                 ("story", f"/story/{story}", None), ("stories", "/stories", None),
                 ("actor", "/actor?actor=JPN", None), ("dyad", "/dyad?a=JPN&b=KOR", None),
                 ("map", "/map", None), ("network", "/network", None)]
        Path(args.out).mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            for name, path, click in shots:
                page.goto(base + path)
                if page.locator(".chart").count():
                    page.wait_for_selector(".chart[data-rendered]", timeout=20000)
                if click == "quote":
                    page.locator("#text .m-quote").first.click()
                page.screenshot(path=str(Path(args.out) / f"explorer-{name}.png"), full_page=False)
                print(f"{args.out}/explorer-{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
