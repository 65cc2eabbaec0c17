"""The pipeline: stage order checked at build time, one parse per document, long texts in pieces."""
from __future__ import annotations

import re
from dataclasses import fields, replace

import pytest

import newsgraph
from newsgraph.document import Document, Span
from newsgraph.pipeline import DEFAULT_STAGES, Pipeline, PipelineError, check_order, stage_spec
from newsgraph.stages import StageSpec
from newsgraph.stages.parse import split_pieces


def test_stage_requiring_an_unassigned_layer_is_refused():
    with pytest.raises(PipelineError, match="requires body"):
        Pipeline(["parse"])


def test_unknown_stage_is_refused():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(["clean", "telepathy"])


def test_split_pieces_join_back_exactly_and_respect_the_limit():
    text = ("A line of prose that ends here.\n" * 50) + "x" * 700 + " tail"
    pieces = split_pieces(text, limit=200)
    assert "".join(pieces) == text
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:7])  # the lines; the x run is cut hard


@pytest.mark.slow
def test_long_article_is_parsed_in_pieces_into_one_doc(nlp_pipeline):
    para = "The minister said the talks in Geneva would continue next week. " * 40 + "\n"
    text = "Talks resume in Geneva\n\n" + para * 30  # ~80k characters, several pieces
    doc = nlp_pipeline(Document(id="long", text=text))
    assert doc.error is None
    assert doc.parse.text == text[doc.parse_offset:doc.body.end]
    geneva = [m for e in doc.entities if e.name == "Geneva" for m in e.mentions]
    assert len(geneva) >= 30
    assert all(text[m.start:m.end] == "Geneva" for m in geneva)


def test_analyze_api_returns_the_contract_record():
    rec = newsgraph.analyze("LONDON (Reuters) - Britain's finance minister Jeremy Hunt said on "
                            "Monday that inflation would fall.", published="2023-03-06",
                            title="UK inflation to fall, Hunt says")
    assert rec["published"] == "2023-03-06"
    assert rec["title"] == "UK inflation to fall, Hunt says"
    assert set(rec) >= {"id", "text", "body", "entities", "quotes", "times", "places", "events", "flags"}
    assert "Jeremy Hunt" in {e["name"] for e in rec["entities"]}


def test_error_documents_pass_through_a_batch_in_order(nlp_pipeline):
    docs = [Document(id="a", text="The minister said the talks would continue next week in Rome."),
            Document(id="b", text="", error="empty text"),
            Document(id="c", text="Officials in Paris said the summit would go ahead on Friday.")]
    records = nlp_pipeline.analyze_documents(docs)
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[1]["error"] == "empty text"
    assert records[2]["entities"]


def test_paragraph_breaks_start_sentences_but_hard_wraps_do_not(nlp_pipeline):
    text = ("Putin Accepts Invite to North Korea\n\nThe governments of Russia and North Korea "
            "confirmed on Thursday that Kim invited Putin.\nThe minister said the talks in\n"
            "Geneva would continue next week.")
    doc = nlp_pipeline(Document(id="p", text=text, published="2023-09-14"))
    sentences = [s.text.strip() for s in doc.parse.sents]
    assert "Putin Accepts Invite to North Korea" in sentences
    assert "The minister said the talks in\nGeneva would continue next week." in sentences


def test_chrome_between_headline_and_body_yields_no_names(nlp_pipeline):
    text = ("Skip to content\nMinisters meet in Oslo\nBy Anna Petrova\nShare on Facebook Share on "
            "Twitter Email\nOSLO (Reuters) - Norway's foreign minister met his Swedish counterpart "
            "in Oslo on Monday to discuss Arctic security, officials said.\n\nThe talks lasted "
            "three hours.\n\nRelated Articles\nBack to top button\n")
    doc = nlp_pipeline(Document(id="c", text=text))
    assert doc.span_text(doc.headline) == "Ministers meet in Oslo"
    names = {doc.text[m.start:m.end] for e in doc.entities for m in e.mentions}
    assert "Oslo" in names
    assert not names & {"Anna Petrova", "Facebook", "Twitter", "Facebook Share", "Twitter Email"}
    assert doc.authors == ["Anna Petrova"]




# --- the order check ---------------------------------------------------------------------------

def _spec(name, requires=(), assigns=()):
    """A stage spec for the order check alone (it is never run)."""
    return StageSpec(name, lambda: (lambda doc: doc), tuple(requires), tuple(assigns), "")


def test_the_default_stages_pass_the_order_check():
    check_order([stage_spec(name) for name in DEFAULT_STAGES])


def test_a_stage_may_not_set_what_an_earlier_stage_read():
    # the old order: the times stage set `published` from the dateline, after the entities
    # stage had read it to pick the leader in office
    moved = {"clean": lambda s: tuple(a for a in s.assigns if not a.startswith("published")),
             "times": lambda s: s.assigns + ("published",)}
    late = [replace(s, assigns=moved[s.name](s)) if s.name in moved else s
            for s in (stage_spec(name) for name in DEFAULT_STAGES)]
    with pytest.raises(PipelineError, match="'times' assigns published, which stage 'entities' "
                                            "before it reads"):
        check_order(late)
    with pytest.raises(PipelineError, match="'late' assigns title, which stage 'reads' before"):
        check_order([_spec("reads", requires=["title"]), _spec("late", assigns=["title"])])
    # an optional input too: the events stage reads the quotes when they are there
    with pytest.raises(PipelineError, match="'quotes' assigns quotes, which stage 'events' before"):
        Pipeline(["clean", "parse", "entities", "events", "quotes"])


def test_an_optional_input_may_be_missing():
    # short test texts skip the language stage; events go without quotes, times and places
    assert Pipeline(["clean", "parse", "entities", "events"]).stage_names[-1] == "events"


def test_a_stage_may_not_set_what_an_earlier_stage_set():
    with pytest.raises(PipelineError, match="'clean' assigns headline, which stage 'clean' "
                                            "already assigned"):
        Pipeline(["clean", "clean"])
    with pytest.raises(PipelineError, match="'second' assigns x, which stage 'first' already"):
        check_order([_spec("first", assigns=["x"]), _spec("second", assigns=["y", "x"])])


def test_the_first_stage_to_set_a_reader_field_completes_it():
    # the clean stage fills `published` when the input had none, before anyone reads it
    check_order([_spec("fills", assigns=["published"]), _spec("reads", requires=["published"])])
    check_order([_spec("reads", requires=["url"]), _spec("fills", assigns=["published"])])


# --- every stage reads and writes only what it declares ----------------------------------------

FIELDS = frozenset(f.name for f in fields(Document))

# A story written for this test, in wire style, that takes most branches of every stage: a
# headline, a byline, a dated dateline, quotes (direct, indirect, through an agency), times,
# places, events, and loaded language for the flags.
WATCHED_STORY = (
    "Ministers agree to reopen border crossing\n"
    "By Anna Petrova\n"
    "ANKARA, March 3, 2022 (Reuters) - Turkish Foreign Minister Mevlut Cavusoglu met his Greek "
    "counterpart in Ankara on Thursday and agreed to reopen the Kipoi border crossing next week, "
    "officials said.\n\n"
    "“We have agreed to work together,” Cavusoglu told reporters after the talks. “Both sides "
    "want calm.”\n\n"
    "The Greek minister said Athens would send a delegation to Istanbul on Monday, according to "
    "the state news agency ANA. The crossing was closed in 2020 after clashes with a puppet government in the north.\n\n"
    "Police arrested three men near the crossing on Wednesday, the ministry said. President "
    "Recep Tayyip Erdogan welcomed the deal.\n")


class WatchedDocument(Document):
    """A Document that notes which of its fields are read and which are set, once watched."""

    def watch(self) -> None:
        object.__setattr__(self, "_reads", set())
        object.__setattr__(self, "_writes", set())

    def __getattribute__(self, name):
        if name in FIELDS:
            reads = object.__getattribute__(self, "__dict__").get("_reads")
            if reads is not None:
                reads.add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        writes = self.__dict__.get("_writes")
        if writes is not None and name in FIELDS:
            writes.add(name)
        object.__setattr__(self, name, value)


def _fingerprint(doc: Document) -> dict[str, str]:
    """Each field's value as text, to see a layer changed in place (of the parse, what is kept
    in its user_data, where a stage could leave data for another)."""
    prints = {name: repr(object.__getattribute__(doc, name)) for name in FIELDS if name != "parse"}
    parse = object.__getattribute__(doc, "parse")
    prints["parse"] = repr(sorted(parse.user_data) if parse is not None else None)
    return prints


def _watched_run(doc: Document) -> dict[str, tuple[set, set]]:
    """Run the default stages one by one over `doc`: stage name -> (fields read, set)."""
    from newsgraph.pipeline import default_pipeline

    pipeline = default_pipeline()
    doc = WatchedDocument(**{f.name: getattr(doc, f.name) for f in fields(Document)})
    seen = {}
    for spec, component in zip(pipeline.specs, pipeline.components):
        before = _fingerprint(doc)
        doc.watch()
        component(doc)
        reads, writes = doc.__dict__["_reads"], doc.__dict__["_writes"]
        after = _fingerprint(doc)
        seen[spec.name] = (set(reads), set(writes) | {n for n in before if before[n] != after[n]})
    assert doc.events and doc.quotes and doc.places and doc.times and doc.flags  # all ran
    return seen


@pytest.mark.parametrize("make", [
    lambda: Document(id="text", text=WATCHED_STORY),
    lambda: Document(id="html", text=WATCHED_STORY, title="Ministers agree to reopen border",
                     body=Span(WATCHED_STORY.index("ANKARA"), len(WATCHED_STORY))),
], ids=["plain text", "body from the html reader"])
def test_every_stage_reads_and_sets_only_the_fields_it_declares(make):
    from newsgraph.stages import PIPELINE_FIELDS, REGISTRY

    for name, (reads, writes) in _watched_run(make()).items():
        spec = REGISTRY[name]
        declared = set(spec.requires + spec.optional + spec.assigns + PIPELINE_FIELDS)
        assert reads <= declared, f"stage {name!r} reads undeclared {sorted(reads - declared)}"
        undeclared = writes - set(spec.assigns) - {"error"}
        assert not undeclared, f"stage {name!r} sets undeclared {sorted(undeclared)}"


def _shape(value):
    """What a run could change in a knowledge object: its attributes, and how many entries
    each table (and each table's entries) holds."""
    if hasattr(value, "__dict__") and not callable(value):
        return {name: _shape(v) for name, v in vars(value).items()}
    if isinstance(value, dict):
        return (len(value), sum(len(v) for v in value.values() if hasattr(v, "__len__")))
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value)
    return repr(value)


def test_knowledge_is_read_only_while_articles_are_analysed():
    # every cache of curated knowledge is complete once loaded: a stage that added to one at
    # run time (as `kb._person_nouns` was) makes what a worker knows depend on what it has read
    from newsgraph.actors import knowledge as actors
    from newsgraph.actors.names import _role_prefixes
    from newsgraph.clean import chrome
    from newsgraph.events import lexicon as events
    from newsgraph.flags import lexicon as flags
    from newsgraph.pipeline import default_pipeline
    from newsgraph.quotes import lexicon as quotes
    from newsgraph.quotes.sources import source_nouns
    from newsgraph.times.find import rules
    from newsgraph.times.lexicon import load_words

    loaders = [actors.load, chrome.load_lexicon, events.load_lexicon, flags.load_lexicon,
               quotes.load_lexicon, source_nouns, _role_prefixes, rules, load_words]
    before = [_shape(load()) for load in loaders]
    record = default_pipeline().analyze_record({"id": "k", "text": WATCHED_STORY})
    assert record["entities"] and record["events"]
    assert [_shape(load()) for load in loaders] == before


def test_the_stage_table_of_the_architecture_docs_is_the_registry():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text()
    rows = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in DEFAULT_STAGES:
            rows[cells[0]] = tuple(tuple(re.findall(r"`(\w+)`", c)) for c in cells[1:])
    assert rows == {name: (stage_spec(name).requires, stage_spec(name).optional,
                           stage_spec(name).assigns) for name in DEFAULT_STAGES}
