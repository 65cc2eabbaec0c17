"""The parts of the plain-text clean stage (`newsgraph.stages.clean`), one responsibility each.

- `chrome`: the chrome lexicon (`knowledge/chrome.tsv`) and the chrome weight of a line;
- `lines`: the `Line` model, its features (the share of function words of
  `knowledge/function_words.tsv`, which the language stage counts too) and its prose score;
- `bylines`: datelines ("MOSCOW (Reuters) -") and bylines ("By Jane Smith");
- `headline`: which line is the headline;
- `layout`: the body run and `find_layout`, which puts the parts together.
"""
