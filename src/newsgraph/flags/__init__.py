"""Flags: what a careful reader of an article should know (see docs/flags.md).

- `lexicon`: the loaded-language table of `knowledge/loaded_language.tsv` and the calling verbs
  and neutral modifiers of `knowledge/flag_words.tsv`, loaded once;
- `voice`: whose words a span is — the writer's, or a speaker's inside quotation marks;
- `loaded`: the writer's loaded words (labels, disease names, speech verbs, euphemisms);
- `places`: a place name the gazetteer does not know that conflates a name the article also uses
  ("Khabarovsk-on-Amur" beside "Komsomolsk-on-Amur").

Each finder returns `Flag`s with the exact span and a note saying why; the flags stage
(`stages/flags.py`) runs them in order. Precision over recall: a wrong flag costs a reader's trust.
"""
