"""Small corpora written for the corpus tests (no tests here; the test_corpus* modules import it).

`wire_articles(n)` makes n distinct short wire-style articles from a few templates;
`analysed_records()` are finished contract records with every layer filled (events, quotes,
times, places, flags, actors), written by hand so the recipes have something to find before
the later stages land.
"""
from __future__ import annotations

import json
import os

CITIES = ["Moscow", "Pyongyang", "Berlin", "Nairobi", "Lima", "Jakarta", "Ottawa", "Madrid",
          "Hanoi", "Warsaw", "Cairo", "Santiago"]
PEOPLE = ["Anna Kowalski", "Peter Mwangi", "Lucia Fernandez", "Tomas Berg", "Mei Lin",
          "David Okafor", "Sara Haddad", "Jonas Weber", "Ines Duarte", "Ravi Menon"]
TEMPLATES = [
    "{city} (Reuters) - Officials in {city} announced {n} new measures on Tuesday to curb rising "
    "food prices, Finance Minister {person} told reporters.\n\n\"We will not let families go "
    "hungry,\" {person} said, adding that the plan would cost about {n} million dollars.",
    "{city} (AP) - Thousands of workers marched through central {city} on Saturday to demand higher "
    "wages, police said.\n\nUnion leader {person} said the strike would continue for {n} days unless "
    "the government agreed to talks.",
    "{city} - Heavy rain flooded parts of {city} overnight, forcing {n} families from their homes, "
    "the city's mayor {person} said on Wednesday.\n\nEmergency crews worked through the night, and "
    "schools will stay closed until Friday.",
]


def wire_article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    person = PEOPLE[(i // len(CITIES)) % len(PEOPLE)]
    return TEMPLATES[i % len(TEMPLATES)].format(city=city.upper() if i % 2 else city, person=person,
                                                n=i + 3)


def wire_articles(n: int) -> list[str]:
    texts = [wire_article(i) for i in range(n)]
    assert len(set(texts)) == n
    return texts


def write_jsonl(path: str, n: int, start_day: int = 1) -> list[dict]:
    records = [{"id": f"wire-{i:03d}", "text": text, "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"}
               for i, text in enumerate(wire_articles(n))]
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return records


def write_folder(folder: str, n: int) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    texts = wire_articles(n)
    for i, text in enumerate(texts):
        with open(os.path.join(folder, f"story-{i:03d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    return texts


def _span(text: str, phrase: str, after: int = 0) -> dict:
    start = text.index(phrase, after)
    return {"start": start, "end": start + len(phrase)}


def analysed_records() -> list[dict]:
    """Three finished records: Russia and North Korea meet (twice), Germany aids Pakistan."""
    t1 = ("Putin to visit Pyongyang\n\nMOSCOW (Reuters) - Russian President Vladimir Putin met North "
          "Korean leader Kim Jong Un in Vostochny on Wednesday, the Kremlin said. \"The talks were "
          "useful,\" Kremlin spokesman Dmitry Peskov said, according to Tass.")
    t2 = ("Russia and North Korea sign deal\n\nPYONGYANG - North Korea's Kim Jong Un hosted Russian "
          "President Vladimir Putin in Pyongyang on Tuesday, and the two signed a defence pact. Peskov "
          "said the pact was \"a turning point\".")
    t3 = ("Germany sends flood aid\n\nBERLIN (AP) - Germany sent emergency aid to Pakistan on Monday "
          "after floods near Karachi, the foreign ministry said. This so-called generosity drew praise.")

    def ent(eid, label, name, text, phrases, actor=None):
        out = {"id": eid, "label": label, "name": name,
               "mentions": [dict(_span(text, p), kind="name") for p in phrases]}
        if actor:
            out["actor"] = actor
        return out

    r1 = {"id": "kremlin-1", "title": "Putin to visit Pyongyang", "published": "2023-09-14", "language": "en",
          "text": t1, "body": {"start": 26, "end": len(t1)}, "outlet": "Reuters",
          "entities": [
              ent("E1", "PERSON", "Vladimir Putin", t1, ["Vladimir Putin"],
                  {"code": "RUSGOV", "country": "RUS", "sector": "GOV", "role": "President"}),
              ent("E2", "PERSON", "Kim Jong Un", t1, ["Kim Jong Un"],
                  {"code": "PRKGOV", "country": "PRK", "sector": "GOV", "role": "Supreme Leader"}),
              ent("E3", "PERSON", "Dmitry Peskov", t1, ["Dmitry Peskov"],
                  {"code": "RUSGOV", "country": "RUS", "sector": "GOV", "role": "spokesman"}),
              ent("E4", "ORG", "Tass", t1, ["Tass"], {"code": "RUSMED", "country": "RUS", "sector": "MED", "role": None}),
              ent("E5", "GPE", "Vostochny", t1, ["Vostochny"]),
          ],
          "quotes": [{"id": "Q1", "kind": "direct", "content": _span(t1, "The talks were useful,"),
                      "cue": _span(t1, "said", t1.index("Peskov")), "source": _span(t1, "Dmitry Peskov"),
                      "speaker": "E3", "via": [dict(entity="E4", **_span(t1, "Tass"))]}],
          "times": [{"start": t1.index("Wednesday"), "end": t1.index("Wednesday") + 9, "type": "DATE",
                     "value": "2023-09-13"}],
          "places": [{"start": t1.index("Vostochny"), "end": t1.index("Vostochny") + 9, "name": "Vostochny",
                      "geonameid": 2013348, "lat": 51.88, "lon": 128.13, "country_code": "RU",
                      "feature_code": "PPL", "entity": "E5", "confidence": 0.9}],
          "events": [{"id": "V1", "event": "CONSULT", "mode": "visit", "context": ["diplomatic"],
                      "actor": ["E1"], "recipient": ["E2"], "trigger": _span(t1, "met"),
                      "sentence": _span(t1, "MOSCOW (Reuters) - Russian President Vladimir Putin met North "
                                            "Korean leader Kim Jong Un in Vostochny on Wednesday, the Kremlin said."),
                      "place": 0, "date": "2023-09-13", "status": "asserted", "attributed_to": None}],
          "flags": []}
    r2 = {"id": "kremlin-2", "title": "Russia and North Korea sign deal", "published": "2024-06-19", "language": "en",
          "text": t2, "body": {"start": 34, "end": len(t2)},
          "entities": [
              ent("E1", "PERSON", "Kim Jong Un", t2, ["Kim Jong Un"],
                  {"code": "PRKGOV", "country": "PRK", "sector": "GOV", "role": None}),
              ent("E2", "PERSON", "Vladimir Putin", t2, ["Vladimir Putin"],
                  {"code": "RUSGOV", "country": "RUS", "sector": "GOV", "role": "President"}),
              ent("E3", "PERSON", "Peskov", t2, ["Peskov"], {"code": "RUSGOV", "country": "RUS", "sector": "GOV"}),
              ent("E4", "GPE", "Pyongyang", t2, ["Pyongyang", "PYONGYANG"]),
          ],
          "quotes": [{"id": "Q1", "kind": "mixed", "content": _span(t2, "the pact was \"a turning point\""),
                      "cue": _span(t2, "said", t2.index("Peskov")), "source": _span(t2, "Peskov"),
                      "speaker": "E3", "via": []}],
          "times": [],
          "places": [{"start": t2.index("Pyongyang on"), "end": t2.index("Pyongyang on") + 9, "name": "Pyongyang",
                      "geonameid": 1871859, "lat": 39.03, "lon": 125.75, "country_code": "KP",
                      "feature_code": "PPLC", "entity": "E4"}],
          "events": [{"id": "V1", "event": "CONSULT", "mode": "visit", "context": [], "actor": ["E1"],
                      "recipient": ["E2"], "trigger": _span(t2, "hosted"),
                      "sentence": _span(t2, "PYONGYANG - North Korea's Kim Jong Un hosted Russian President "
                                            "Vladimir Putin in Pyongyang on Tuesday, and the two signed a defence pact."),
                      "place": 0, "date": "2024-06-18", "status": "asserted", "attributed_to": None},
                     {"id": "V2", "event": "AGREE", "mode": None, "context": ["military"], "actor": ["E1", "E2"],
                      "recipient": [], "trigger": _span(t2, "signed"),
                      "sentence": _span(t2, "PYONGYANG - North Korea's Kim Jong Un hosted Russian President "
                                            "Vladimir Putin in Pyongyang on Tuesday, and the two signed a defence pact."),
                      "place": 0, "date": "2024-06", "status": "asserted", "attributed_to": None}],
          "flags": []}
    r3 = {"id": "aid-1", "title": "Germany sends flood aid", "published": "2022-08-29", "language": "en",
          "text": t3, "body": {"start": 25, "end": len(t3)},
          "entities": [
              ent("E1", "GPE", "Germany", t3, ["Germany"], {"code": "DEU", "country": "DEU", "sector": None}),
              ent("E2", "GPE", "Pakistan", t3, ["Pakistan"], {"code": "PAK", "country": "PAK", "sector": None}),
              ent("E3", "GPE", "Karachi", t3, ["Karachi"]),
          ],
          "quotes": [], "times": [],
          "places": [{"start": t3.index("Karachi"), "end": t3.index("Karachi") + 7, "name": "Karachi",
                      "geonameid": 1174872, "lat": 24.86, "lon": 67.01, "country_code": "PK",
                      "feature_code": "PPLA", "entity": "E3"},
                     {"start": t3.index("BERLIN"), "end": t3.index("BERLIN") + 6, "name": "Berlin",
                      "geonameid": None, "lat": None, "lon": None, "country_code": None,
                      "feature_code": None, "entity": None}],
          "events": [{"id": "V1", "event": "AID", "mode": "humanitarian", "context": ["disaster"],
                      "actor": ["E1"], "recipient": ["E2"], "trigger": _span(t3, "sent"),
                      "sentence": _span(t3, "BERLIN (AP) - Germany sent emergency aid to Pakistan on Monday after "
                                            "floods near Karachi, the foreign ministry said."),
                      "place": 0, "date": None, "status": "asserted", "attributed_to": None}],
          "flags": [{"kind": "loaded_language", **_span(t3, "so-called"), "note": "scare term"}]}
    return [r1, r2, r3]


def write_records(path: str) -> list[dict]:
    records = analysed_records()
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return records
