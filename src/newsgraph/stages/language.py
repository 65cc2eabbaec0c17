"""Language identification, so that a non-English article is marked, not mis-analysed."""
from __future__ import annotations

from functools import lru_cache

from ..document import Document
from . import stage

SAMPLE_CHARS = 2000
MIN_LETTERS = 20  # below this, too little text to judge: assume English


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str:
    """ISO 639-1 code of the language of `text` (its first SAMPLE_CHARS characters)."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "en"
    lang, prob = _identifier().classify(sample)
    if lang != "en":
        # character n-grams misjudge short English texts (one-sentence wire items come out as
        # Faroese or Indonesian); English function words settle it
        share = _english_stopword_share(sample)
        if share >= 0.2 or (share >= 0.12 and prob < 0.9):
            return "en"
    return lang


ENGLISH_STOPWORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other "
    "new some could time these two may then do first any my now such like our over man me "
    "even most made after also did many before must through back years where much your way "
    "well down should because each just those people how too".split())


def _english_stopword_share(sample: str) -> float:
    words = sample.lower().split()
    return sum(w in ENGLISH_STOPWORDS for w in words) / max(1, len(words))


@stage("language", requires=("body",), assigns=("language",))
def detect_language(doc: Document) -> Document:
    """Set `doc.language` from the body text."""
    if doc.error is None and doc.body is not None:
        doc.language = identify_language(doc.span_text(doc.body))
    return doc
