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


def test_a_title_with_names_only_is_too_little_to_judge():
    assert identify_language("Israeli Prime Minister Benjamin Netanyahu visited Cairo.") == "en"


def test_results_table_is_judged_on_its_prose_lines():
    # an English results story whose table is all club names (n-grams alone say Croatian)
    text = ("SOCCER - CROATIAN FIRST DIVISION RESULTS.\nZAGREB 1996-08-31\nResults of Croatian "
            "first division matches on Saturday:\nDinamo Zagreb 3 Hajduk Split 1\nOsijek 2 "
            "Varteks Varazdin 0\nSibenik 1 Zadarkomerc 1\nRijeka 0 Cibalia Vinkovci 2\nSegesta "
            "Sisak 1 Inker Zapresic 1\nMarsonia Slavonski Brod 2 Istra Pula 2\nStandings:\n"
            "Dinamo Zagreb 4 3 1 0 9 2 10\nHajduk Split 4 3 0 1 8 4 9\nCibalia Vinkovci 4 2 1 1 "
            "6 5 7\nOsijek 4 2 0 2 5 5 6\n")
    assert identify_language(text) == "en"


def test_foreign_prose_under_an_english_line_stays_marked():
    text = ("Der Bundeskanzler hat am Dienstag in Berlin mit dem französischen Präsidenten über "
            "die Lage in der Ukraine gesprochen. Die Regierung will die Hilfe für das Land "
            "ausweiten, sagte ein Sprecher am Abend.\n")
    assert identify_language(text) == "de"
