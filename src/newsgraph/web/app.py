"""The explorer's Starlette app: a page and a JSON API route per view, assets, errors.

Each request gets its own read-only `Corpus` and holds one connection for the queries of its
view (so a DuckDB file stays free for an ingest between requests). Views run in Starlette's
thread pool. A bad parameter is a 400, an unknown article a 404, a database that cannot be
opened a 503, all with a page (or JSON under /api/) saying why. Every response carries a
Content-Security-Policy that allows scripts only from the app itself: no inline script, no
outside host, so even markup that slipped through could not run or call out.
"""
from __future__ import annotations

import contextlib
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from ..corpus.api import Corpus
from ..corpus.store import StoreError
from .assets import static_files, vega_bundle, vega_js
from .params import BadParameter, Params
from .render import render
from .views import NotFound, View, load_views

log = logging.getLogger("newsgraph.web")

# Vega compiles its expressions with Function(): 'unsafe-eval' is needed for the charts, and
# only scripts from this origin run. Styles: Vega-Embed adds a style element of its own.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str, api: bool, nav: list[View]) -> Response:
    if api:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return HTMLResponse(render("error.html", status=status, message=message, nav=nav, view=None,
                               q={}, api_url=None, db=None), status_code=status)


def _endpoint(view: View, db: str, api: bool, nav: list[View]):
    def endpoint(request: Request) -> Response:
        params = Params(request.query_params, request.path_params)
        corpus = Corpus(db)
        try:
            with corpus.store.hold():
                data = view.build(corpus, params)
            if api:
                return JSONResponse(data)
            extra = view.page(data, params) if view.page else {}
        except BadParameter as err:
            return _error(400, f"bad parameter {err}", api, nav)
        except NotFound as err:
            return _error(404, str(err), api, nav)
        except StoreError as err:
            log.error("corpus unavailable: %s", err)
            return _error(503, "the corpus database cannot be opened right now", api, nav)
        query = request.url.query
        api_url = "/api" + request.url.path + (f"?{query}" if query else "")
        html = render(view.template, view=view, nav=nav, data=data, q=dict(request.query_params),
                      api_url=api_url, db=db, **extra)
        return HTMLResponse(html)

    endpoint.__name__ = f"{view.name}_{'api' if api else 'page'}"
    return endpoint


def create_app(db: str, warm: bool = True) -> Starlette:
    """The explorer over the corpus at `db` (a DuckDB file or a postgresql:// URL)."""
    views = load_views()
    nav = [v for v in views if v.nav]
    routes = [Route("/", lambda request: RedirectResponse("/search", status_code=302))]
    for view in views:
        routes.append(Route(view.path, _endpoint(view, db, False, nav)))
        routes.append(Route("/api" + view.path, _endpoint(view, db, True, nav)))
    routes += [Route("/assets/vega.js", vega_js), Mount("/static", static_files(), name="static")]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if warm:
            vega_bundle()  # build the bundle once, before the first chart page asks
        yield

    def not_found(request: Request, exc) -> Response:
        return _error(404, "no such page", request.url.path.startswith("/api/"), nav)

    def server_error(request: Request, exc) -> Response:
        log.exception("error serving %s", request.url.path, exc_info=exc)
        return _error(500, "internal error (see the server's log)", request.url.path.startswith("/api/"), nav)

    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={404: not_found, 500: server_error})
    app.add_middleware(SecurityHeaders)
    return app
