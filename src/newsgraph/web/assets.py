"""What the browser loads besides pages: the Vega bundle and the static files.

The Vega, Vega-Lite and Vega-Embed JavaScript comes from inside the vl-convert-python wheel
(`vl_convert.javascript_bundle()`, ~0.9 MB), built once per process (about a second) and
served with an ETag and a day of caching. Static files (stylesheet, scripts, the world
outline) are package data. No CDN, no outside request.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

CACHE = "public, max-age=86400"


@lru_cache(maxsize=1)
def vega_bundle() -> tuple[bytes, str]:
    """The bundle's bytes and its ETag."""
    import vl_convert

    body = vl_convert.javascript_bundle().encode("utf-8")
    return body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


def vega_js(request: Request) -> Response:
    body, etag = vega_bundle()
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": CACHE})
    return Response(body, media_type="text/javascript; charset=utf-8",
                    headers={"ETag": etag, "Cache-Control": CACHE})


def static_files() -> StaticFiles:
    return StaticFiles(packages=[("newsgraph.web", "static")])
