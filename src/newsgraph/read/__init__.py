"""Readers: raw input -> Document.

`text.py` decodes bytes in any common encoding; `html.py` extracts the article from a page;
`record.py` turns one contract input record (a JSONL line) into a Document, checking it;
`url.py` fetches a page when the network allows.
"""
