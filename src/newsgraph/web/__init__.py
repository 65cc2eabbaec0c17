"""The explorer: `newsgraph serve`, a web app over a corpus database (docs/explorer.md).

A thin shell over the corpus library: each view (views/) asks `Corpus` one question, gets plain
data back, and shows it as a page (templates/, Jinja2 with autoescaping on) and as JSON under
/api/. Charts, the map and the network are Vega/Vega-Lite specs drawn in the browser by the
JavaScript bundle of the vl-convert-python wheel, served by the app (assets.py), with the
world's outline shipped in static/: nothing is loaded from the internet.

    app.py      the Starlette app: routes from the view registry, errors, security headers
    params.py   query parameters checked and converted (a bad one is a 400)
    render.py   the Jinja2 environment and the helpers templates use (links, urls)
    spans.py    an article's text cut into segments carrying the record's facts
    charts.py   the Vega-Lite and Vega specs
    assets.py   the Vega bundle and the static files
    serve.py    the `newsgraph serve` command
"""
