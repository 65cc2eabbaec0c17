"""Quotes and attribution: who said what, and through whom.

The quotes stage (`newsgraph.stages.quotes`) reads top to bottom as the steps of this package:

- `lexicon`  the reporting cues (`knowledge/cues.tsv`), source nouns
             (`knowledge/anonymous_sources.tsv`) and the other words of `knowledge/quote_words.tsv`;
- `direct`   quotation-mark spans in the text: straight and curly marks, nested, broken by the
             cue, multi-paragraph; stray marks never reach past their paragraph;
- `reported` cue words in the dependency parse, with the source and the reported content
             (indirect speech, "according to X", attributions after the content);
- `block`    paragraphs quoted without marks ("X narrated:" + paragraph, "NAME: text");
- `headline` headlines that quote ("Pence: ...", "Flynn Says ...", "..., Doctor Says");
- `sources`  source span -> speaker entity (names, pronouns, nominals), anonymous sources,
             chains (`via`: "according to Tass", "citing sources").
"""
from .base import Attribution

__all__ = ["Attribution"]
