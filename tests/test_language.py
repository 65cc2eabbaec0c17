"""Language identification: English analysed, other languages marked, short texts not misjudged."""
import pytest

from newsgraph.stages.language import identify_language


@pytest.mark.parametrize("text", [
    "Israeli troops withdrew from the town on Monday.",
    "Russia and China signed a treaty.",
    "The European Union imposed sanctions on Iran over its nuclear programme.",
    "Hungary said it would boycott the summit.",
    "Xinhua reported that Beijing had protested to Tokyo.",
])
def test_short_english_sentences_are_english(text):
    assert identify_language(text) == "en"


@pytest.mark.parametrize("text, lang", [
    ("Der Bundeskanzler hat am Dienstag in Berlin mit dem französischen Präsidenten über die Lage "
     "in der Ukraine gesprochen.", "de"),
    ("Le président de la République a reçu mardi à l'Élysée le Premier ministre italien pour "
     "parler de l'immigration.", "fr"),
    ("El presidente del Gobierno se reunió el martes en Madrid con los líderes sindicales para "
     "negociar la reforma.", "es"),
])
def test_other_languages_are_marked(text, lang):
    assert identify_language(text) == lang


def test_too_little_text_to_judge_is_taken_as_english():
    assert identify_language("Putin, Xi.") == "en"
