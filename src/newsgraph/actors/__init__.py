"""Actors: names found, clustered into one entity per real-world actor, and coded.

The entities stage runs three steps over the one spaCy parse of a document:

- `names`: spaCy's named entities corrected by curated knowledge (countries, outlets,
  international organisations, government bodies, leaders), by patterns and by the document's
  own evidence (a name typed PERSON in one sentence keeps that type in a headline);
- `cluster`: mentions of one actor gathered into one entity (full name, surname, spelling
  variants, aliases and acronyms, role nominals, pronouns via
  `pronouns`), each with its `kind`;
- `coding`: each entity coded as a political actor (country, PLOVER sector, role, code) from
  the text first (titles, appositives, NORP/GPE modifiers), then from the curated tables;
- `home`: officials the text does not place get the country the story is clearly set in.

The curated tables live in `newsgraph/knowledge/` and are loaded once by `knowledge`: outlets,
international organisations, bodies, leaders, roles, company suffixes, sports teams, the word
lists of `actor_words.tsv`, and the countries of the one country table (`knowledge.countries`,
shared with the places gazetteer).
"""
