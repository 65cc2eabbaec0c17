"""PLOVER event coding: triggers from a curated lexicon, roles and status from the dependency parse.

The events stage (`newsgraph.stages.events`) runs these pieces over the one spaCy parse:

- `lexicon`  loads `knowledge/event_lexicon.tsv` (trigger lemmas per PLOVER type, status cues);
- `triggers` finds verb and noun triggers on lemmas, including particles and required dependents;
- `roles`    finds actor and recipient entities: subjects, objects, passive agents, "met with",
             possessives of event nouns, coordination, reciprocal "the two leaders met";
- `political_actors` reads who in a document is political (`Politics`): coded actors, titled
             people, named leaders, the document's sports report;
- `political` decides whether a trigger's act is political: a political participant (an
             official, a state, an armed group, a protesting crowd), not a team, a company or a
             storm;
- `status`   decides asserted / reported / future / hypothetical / negated from the clause;
- `attach`   finds the date and place attached to the event's clause;
- `sentence` puts these together for one sentence, step by step (`sentence_events`).

Actor and recipient countries and sectors are read from the entities (`Entity.actor`), which the
entities stage codes (`newsgraph.actors.coding`); events never write them.
"""
