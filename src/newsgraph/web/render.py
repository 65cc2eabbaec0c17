"""Pages from templates: one Jinja2 environment, autoescaping everything, and the helpers the
templates share (links built from parameters, outside URLs shown only when they are http(s)).

Autoescaping is on for every template whatever its name, undefined names fail loudly, and data
handed to the browser's scripts goes through `tojson` (which escapes <, >, & and ') inside
`<script type="application/json">` blocks that the browser never runs.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from .params import PLOVER_TYPES


def link(path: str, **params: Any) -> str:
    """`path` with the given query parameters (empty ones left out), values URL-encoded."""
    query = urlencode({k: str(v) for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def outside_url(url: Optional[str]) -> Optional[str]:
    """`url` when it is an http(s) URL (safe as an href), else None: a `javascript:` or `data:`
    URL in a record is shown as text, never made a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def article_link(key: str, fact: Optional[str] = None, span: Optional[tuple] = None) -> str:
    """The article page, showing the evidence of `fact` and the characters `span` (start,
    end: a disagreement's number or day) when given, scrolled to them."""
    at = f"{span[0]}-{span[1]}" if span and None not in span else None
    return link(f"/article/{key}", fact=fact, span=at) + ("#evidence" if fact or at else "")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("newsgraph.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(link=link, outside_url=outside_url, article_link=article_link,
                       PLOVER_TYPES=PLOVER_TYPES)
    env.filters["fromjson"] = json.loads  # JSON columns (quotes.via) into lists, then escaped
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
