"""Tests for who a source is (`newsgraph.quotes.sources`): names in a source that are not the
speaker, unnamed sources and the pronouns and descriptions that continue them, names set beside a
description. Each text is written for its case, in wire style."""
from __future__ import annotations

import pytest
# the pipeline and the helpers that find a quote by its words, shared with the chain tests
from test_quote_chains import analyse, quote_with, quotes_pipeline, show  # noqa: F401


def speaker(doc, words):
    q = quote_with(doc, words)
    return doc.entity(q.speaker).name if q.speaker else None


@pytest.mark.parametrize("source", ["An Intel spokeswoman", "U.S. officials",
                                    "A Pentagon official", "Iraqi officials"])
def test_a_name_modifying_an_unnamed_source_is_not_the_speaker(quotes_pipeline, source):
    doc = analyse(quotes_pipeline, f"{source} said the shipments would resume in March.\n")
    q = quote_with(doc, "the shipments would resume")
    assert show(doc, q.source) == source and q.speaker is None


def test_the_description_and_pronoun_of_an_unnamed_source_stay_unnamed(quotes_pipeline):
    doc = analyse(quotes_pipeline,
                  "Intel Corp. said on Monday it had found a flaw in the chip. An Intel spokeswoman "
                  "said the company told customers about the flaw last week.\n\n"
                  "The repair would take weeks, the spokeswoman said. “We do not expect a recall,” "
                  "she said.\n")
    assert speaker(doc, "The repair would take weeks") is None
    assert speaker(doc, "We do not expect a recall") is None


def test_a_name_between_an_unnamed_source_and_a_pronoun_takes_the_pronoun(quotes_pipeline):
    doc = analyse(quotes_pipeline,
                  "“The delay is regrettable,” said a company spokesman, who asked not to be named. "
                  "Analyst Mark Oduya, who follows the industry for a Boston bank, expects the "
                  "shares to recover. He said investors had already priced in the delay.\n")
    assert speaker(doc, "investors had already priced in") == "Mark Oduya"


def test_a_name_set_beside_a_description_is_the_speaker(quotes_pipeline):
    doc = analyse(quotes_pipeline,
                  "One of the company's lawyers, Helen Marsh, said the contract had been broken.\n")
    assert speaker(doc, "the contract had been broken") == "Helen Marsh"


def test_a_pointing_description_is_the_person_named_before_not_its_modifier(quotes_pipeline):
    doc = analyse(quotes_pipeline,
                  "FBI Director Louis Freeh met the committee on Tuesday. The inquiry would go on, "
                  "the FBI chief said.\n")
    assert speaker(doc, "The inquiry would go on") == "Louis Freeh"


def test_an_organisation_named_in_its_description_is_the_speaker(quotes_pipeline):
    doc = analyse(quotes_pipeline,
                  "Japan's government said on Friday that the export rules would stay.\n")
    assert speaker(doc, "the export rules would stay") == "Japan"
