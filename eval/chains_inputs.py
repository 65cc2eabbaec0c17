"""The input records of the dev corpora, rebuilt exactly as ../shared/eval's scorers build them.

Our own gold (the chains of eval/chains/gold.jsonl, the events of eval/events/gold.jsonl) holds
offsets into the `text` newsgraph is given, so the text must be the one the corpus scorers send.
Rather than re-implement their readers (and drift from them), this module imports each scorer's
own loader from SHARED/eval:

  polnear    quotes_polnear.load_gold(data/polnear-dev)         id = file stem
  lgl        geo_xml.load(data/lgl/lgl.xml)                      id = article docid
  timebank   time_timeml.read_tml(data/timebank/**/<id>)         id = .tml file name
  aeb_plain  extract_aeb --plain: data/aeb-dev/plain-text.json   id = page hash
  conll      ner_conll.read_conll + build(data/conll2003/eng.testa)   id = doc-<n>
  ecbplus    stories.py's data/ecbplus-dev/articles.jsonl, as is      id = article id

AEB goes in as the plain-text version (`--plain`), never as HTML: the text of an HTML input is
what newsgraph extracts, which changes with the code, so no offsets into it can stay valid.

Standard library only, like the scorers it reads.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from collections import Counter

CORPORA = ("polnear", "lgl", "timebank", "aeb_plain", "conll", "ecbplus")


def sha(text: str, length: int = 16) -> str:
    """The short sha256 (hex) the gold stores for a text: enough to see a change, no text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def shared_scorer(shared: str, name: str):
    """Import one scorer module of SHARED/eval (they import their `common` as a sibling)."""
    folder = os.path.join(shared, "eval")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


def polnear_inputs(shared: str) -> dict[str, dict]:
    data = os.path.join(shared, "eval", "data", "polnear-dev")
    return {d["id"]: d["input"] for d in shared_scorer(shared, "quotes_polnear").load_gold(data)}


def lgl_inputs(shared: str) -> dict[str, dict]:
    path = os.path.join(shared, "eval", "data", "lgl", "lgl.xml")
    _, docs = shared_scorer(shared, "geo_xml").load(path, Counter())
    return {d["record"]["id"]: d["record"] for d in docs}


def timebank_inputs(shared: str) -> dict[str, dict]:
    data = os.path.join(shared, "eval", "data", "timebank")
    read_tml = shared_scorer(shared, "time_timeml").read_tml
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(data) for f in fs if f.endswith(".tml"))
    return {rec["id"]: rec for rec in (read_tml(p)[0] for p in paths)}


def aeb_plain_inputs(shared: str) -> dict[str, dict]:
    data = os.path.join(shared, "eval", "data", "aeb-dev")
    pages = shared_scorer(shared, "extract_aeb").load_anchor(os.path.join(data, "plain-text.json"))
    return {h: {"id": h, "text": text} for h, text in pages.items()}


def conll_inputs(shared: str) -> dict[str, dict]:
    """CoNLL-2003 documents as ner_conll.py sends them: tokens joined by spaces, one sentence a
    line, ids doc-1, doc-2, ... in file order."""
    ner = shared_scorer(shared, "ner_conll")
    docs = ner.read_conll(os.path.join(shared, "eval", "data", "conll2003", "eng.testa"))
    records = (ner.build(doc, n)[0] for n, doc in enumerate(docs, 1))
    return {r["id"]: r for r in records}


def ecbplus_inputs(shared: str) -> dict[str, dict]:
    """ECB+ articles as stories.py ingests them: the lines of articles.jsonl, unchanged."""
    path = os.path.join(shared, "eval", "data", "ecbplus-dev", "articles.jsonl")
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return {r["id"]: r for r in records}


LOADERS = {"polnear": polnear_inputs, "lgl": lgl_inputs, "timebank": timebank_inputs,
           "aeb_plain": aeb_plain_inputs, "conll": conll_inputs, "ecbplus": ecbplus_inputs}


def corpus_inputs(shared: str, corpora=CORPORA) -> dict[tuple[str, str], dict]:
    """{(corpus, document id): input record} for the named corpora."""
    out = {}
    for corpus in corpora:
        for doc_id, record in LOADERS[corpus](shared).items():
            out[(corpus, doc_id)] = record
    return out
