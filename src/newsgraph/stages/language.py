"""Language identification, so that a non-English article is marked, not mis-analysed."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ..knowledge.function_words import function_words
from . import stage

SAMPLE_CHARS = 2000
MIN_LETTERS = 20  # below this, too little text to judge: assume English
PROSE_LINE_WORDS = 4  # a line with this many lower-case words is prose, not a table or a list
MIN_PROSE_WORDS = 8  # fewer lower-case words of prose than this: too little to judge, English

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _lower_words(line: str) -> list[str]:
    return [w for w in _WORD.findall(line) if w[:1].islower()]


def prose_of(text: str) -> tuple[str, int]:
    """The prose lines of `text` (lines with enough lower-case words) and how many lower-case
    words they hold. Results tables, standings and lists of names are mostly capitalised names
    and numbers: character n-grams read them as whatever language the names look like (a
    table of Croatian clubs comes out Croatian), so they are left out of the judgement."""
    lines, count = [], 0
    for line in text.splitlines():
        n = len(_lower_words(line))
        if n >= PROSE_LINE_WORDS:
            lines.append(line)
            count += n
    return "\n".join(lines), count


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str:
    """ISO 639-1 code of the language of `text`, judged on its prose (first SAMPLE_CHARS
    characters of it); English when there is too little prose to judge."""
    prose, words = prose_of(text[:SAMPLE_CHARS * 4])
    sample = prose[:SAMPLE_CHARS]
    if words < MIN_PROSE_WORDS or sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "en"  # names, titles and tables alone: too little prose to judge
    lang, prob = _identifier().classify(sample)
    if lang != "en":
        # character n-grams misjudge short English texts (one-sentence wire items come out as
        # Faroese or Indonesian); English function words settle it
        share = _english_stopword_share(sample)
        if share >= 0.2 or (share >= 0.12 and prob < 0.9):
            return "en"
    return lang


def _english_stopword_share(sample: str) -> float:
    """The share of the sample's words that are English function words."""
    words = sample.lower().split()
    stopwords = function_words()
    return sum(w in stopwords for w in words) / max(1, len(words))


@stage("language", requires=("text", "body"), assigns=("language",))
def detect_language(doc: Document) -> Document:
    """Set `doc.language` from the body text."""
    if doc.error is None and doc.body is not None:
        doc.language = identify_language(doc.span_text(doc.body))
    return doc
