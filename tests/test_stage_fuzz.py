"""Property-based tests of the stages (issue 15): any text a crawl can hand us — random
unicode, control characters, unbalanced quotes and brackets, very long tokens, repeated cue
phrases, only punctuation — goes through the full pipeline without an internal error, and every
span of the record points inside the text (and, where it carries its words, at those words)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = ['He said "', '"', "'", "(", ")", "[", "]", "«", "»", "“", "”", "\n", "\n\n", "\t",
          "\x00", "\x0b", "\u200b", "Lima, Peru, ", "Paris, France, ", "according to ", " said ",
          "Maria Lopez", "the police", "on Monday", "March 3, 2024", "Reuters", " - ", "...",
          "!!!", ", ", ". ", "x" * 300, "é", "中文", "🙂", "\u202e"]

# valid str only: no lone surrogates (the record is JSON)
CHARS = st.characters(blacklist_categories=("Cs",))
TEXTS = st.one_of(
    st.text(CHARS, max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(CHARS, max_size=8)), max_size=40).map("".join),
)


def check_spans(node, text: str, where: str = "record") -> None:
    """Every dict with int start/end is a span inside the text; its `text`, if any, is its words."""
    if isinstance(node, dict):
        s, e = node.get("start"), node.get("end")
        if isinstance(s, int) and isinstance(e, int):
            assert 0 <= s <= e <= len(text), f"{where}: span {s}..{e} outside 0..{len(text)}"
            if isinstance(node.get("text"), str):
                assert node["text"] == text[s:e], f"{where}: span text differs"
        for k, v in node.items():
            check_spans(v, text, f"{where}.{k}")
    elif isinstance(node, list):
        for n, v in enumerate(node):
            check_spans(v, text, f"{where}[{n}]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_a_record_with_valid_spans(nlp_pipeline, text):
    record = nlp_pipeline.analyze_record({"id": "fuzz", "text": text, "published": "2024-03-05"})
    error = record.get("error") or ""
    assert "internal error" not in error, error
    if not error:
        check_spans({k: v for k, v in record.items() if k != "text"}, record.get("text", text))


def test_check_spans_catches_a_bad_span():
    """The checker can fail: a span past the end, or with other words, is caught."""
    with pytest.raises(AssertionError):
        check_spans({"places": [{"start": 2, "end": 9}]}, "short")
    with pytest.raises(AssertionError):
        check_spans({"quotes": [{"start": 0, "end": 2, "text": "no"}]}, "short")
