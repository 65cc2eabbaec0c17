"""Readers: raw input -> Document.

`text.py` decodes bytes in any common encoding; `html.py` extracts the article from a page
(its body with `html_body.py`, its headline, date, outlet and authors with `html_meta.py`);
`record.py` turns one contract input record (a JSONL line) into a Document, checking it;
`url.py` fetches a page when the network allows.
"""
