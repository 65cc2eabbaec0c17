"""Score newsgraph's PLOVER events per sentence against our own gold, eval/events/, which holds
sentences WITH and WITHOUT political events.

    python eval/events_gold.py --shared ../shared --cmd .venv/bin/newsgraph [--part tune|heldout]
                               [--keep OUT.jsonl] [--predictions OUT.jsonl] [--json FILE]
                               [--misses] [--self-check]

Gold: eval/events/gold.jsonl, offsets and hashes only (fields and guidelines in
eval/events/README.md). The input texts are rebuilt from SHARED by the corpus scorers' own
loaders (eval/chains_inputs.py); a text or span whose hash differs from the gold stops the run.
Every gold document goes to the system whole, so events are found in their context.

A predicted event belongs to a gold sentence when its trigger starts inside the sentence, or
when one of its `evidence` spans (a later telling of a merged event) lies mostly (at least half
of it) inside the sentence. Every status counts: a planned, possible or denied event is an
event the record states. Only gold sentences are scored; predicted events elsewhere are not.

  type_acc            over event sentences: some event of the sentence has one of its gold types
  no_event_acc        over no-event sentences: the sentence has no event (1 - false_event_rate)
  has_event_precision / _recall / _f1   the sentence-level decision "this sentence tells a
                      political event", over all gold sentences
  event_precision     events of gold sentences whose type is one of their sentence's gold types,
                      over all events of gold sentences
  actor_country_acc   over event sentences with a right type whose gold events of that type
                      name an actor country: some event of that type has an actor of one of
                      those countries; recipient_country_acc the same for recipients
  by_type             per gold type (an event's first type): gold events and those found
  by_topic            per topic of the no-event sentences: sentences and those given an event

Metrics are reported for the whole gold and for each part (`tune`, `heldout`); with --part, for
that part only. The last line is the summary `events_gold type_acc=... no_event_acc=... ...`
that eval/gates.py reads. --misses lists every sentence the system got wrong, with its words and
the predicted events, on stderr. --self-check scores predictions made from the gold (every
headline must be 1.0) and careless ones that give every sentence an ASSAULT (must not be).
"""
from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from chains_inputs import shared_scorer  # noqa: E402
from offset_gold import PARTS, arguments, checked_inputs, doc_key, overlap, ratio, read_gold  # noqa: E402

GOLD = os.path.join(HERE, "events", "gold.jsonl")
HEADLINE = ("type_acc", "no_event_acc", "has_event_f1")


def gold_spans(item: dict):
    """(field name, span) for every span a gold sentence points at."""
    yield "sentence", item["sentence"]
    for i, ev in enumerate(item["events"]):
        yield f"events[{i}].trigger", ev["trigger"]


def gold_types(item: dict) -> set[str]:
    """Every PLOVER type the gold accepts for the sentence (empty: no political event)."""
    return {t for ev in item["events"] for t in ev["types"]}


def belongs(event: dict, sentence: dict) -> bool:
    """The event is told in the gold sentence: its trigger starts there, or a telling's
    evidence span lies mostly inside it."""
    trig = event.get("trigger") or {}
    if "start" in trig and sentence["start"] <= trig["start"] < sentence["end"]:
        return True
    return any(overlap(e, sentence) * 2 >= e["end"] - e["start"] > 0
               for e in event.get("evidence") or [])


def entity_countries(record: dict) -> dict[str, str]:
    """{entity id: actor country} of a predicted record: `actor.country`, else the first three
    letters of `actor.code` (as the shared events scorer reads them)."""
    out = {}
    for ent in record.get("entities") or []:
        actor = ent.get("actor") or {}
        country = (actor.get("country") or "").upper() or (actor.get("code") or "")[:3].upper()
        if country:
            out[ent.get("id")] = country
    return out


def predicted(record: dict, sentence: dict) -> list[dict]:
    """The events of the sentence: type, actor and recipient countries, status."""
    countries = entity_countries(record)

    def cc(ids):
        return {countries[i] for i in ids or [] if i in countries}
    return [{"type": ev.get("event"), "actor": cc(ev.get("actor")), "recipient": cc(ev.get("recipient")),
             "status": ev.get("status"), "trigger": ev.get("trigger")}
            for ev in record.get("events") or [] if belongs(ev, sentence)]


def role_right(item: dict, preds: list[dict], hit: set[str], role: str):
    """None when no gold event of a found type names a `role` country; else whether a
    predicted event of such a type names one of them."""
    gold = {c for ev in item["events"] if hit & set(ev["types"]) for c in ev[role]}
    if not gold:
        return None
    return any(p[role] & gold for p in preds if p["type"] in hit)


def judge(golds: list[dict], outputs: dict[str, dict]) -> list[dict]:
    """One verdict per gold sentence: its predicted events, the gold types found, role checks."""
    verdicts = []
    for g in golds:
        preds = predicted(outputs.get(doc_key(g)) or {}, g["sentence"])
        types = gold_types(g)
        hit = types & {p["type"] for p in preds}
        verdicts.append({"gold": g, "preds": preds, "hit": hit,
                         "actor_right": role_right(g, preds, hit, "actor") if hit else None,
                         "recipient_right": role_right(g, preds, hit, "recipient") if hit else None})
    return verdicts


def summarise(verdicts: list[dict]) -> dict:
    """The metrics of the module docstring over a set of verdicts."""
    c = Counter()
    for v in verdicts:
        g, preds = v["gold"], v["preds"]
        types = gold_types(g)
        has_gold, has_pred = bool(types), bool(preds)
        c["sentences"] += 1
        c["predicted_events"] += len(preds)
        c["predicted_right"] += sum(p["type"] in types for p in preds)
        c["tp"] += has_gold and has_pred
        c["fp"] += has_pred and not has_gold
        c["fn"] += has_gold and not has_pred
        if not has_gold:
            c["no_event"] += 1
            c["false_event"] += has_pred
            continue
        c["event"] += 1
        c["type_hit"] += bool(v["hit"])
        for role in ("actor", "recipient"):
            if v[f"{role}_right"] is not None:
                c[f"{role}_n"] += 1
                c[f"{role}_ok"] += v[f"{role}_right"]
    p, r = ratio(c["tp"], c["tp"] + c["fp"]), ratio(c["tp"], c["tp"] + c["fn"])
    return {"type_acc": ratio(c["type_hit"], c["event"]),
            "no_event_acc": ratio(c["no_event"] - c["false_event"], c["no_event"]),
            "false_event_rate": ratio(c["false_event"], c["no_event"]),
            "has_event_precision": p, "has_event_recall": r,
            "has_event_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "event_precision": ratio(c["predicted_right"], c["predicted_events"]),
            "actor_country_acc": ratio(c["actor_ok"], c["actor_n"]),
            "recipient_country_acc": ratio(c["recipient_ok"], c["recipient_n"]),
            "event_sentences": c["event"], "no_event_sentences": c["no_event"],
            "predicted_events": c["predicted_events"], "actor_country_n": c["actor_n"],
            "recipient_country_n": c["recipient_n"]}


def by_type(verdicts: list[dict]) -> dict:
    """Per gold type (an event's first type): gold events, and those with a predicted event of
    one of their types in their sentence."""
    out = defaultdict(Counter)
    for v in verdicts:
        found = {p["type"] for p in v["preds"]}
        for ev in v["gold"]["events"]:
            row = out[ev["types"][0]]
            row["gold"] += 1
            row["found"] += bool(found & set(ev["types"]))
    return {k: dict(row) for k, row in sorted(out.items())}


def by_topic(verdicts: list[dict]) -> dict:
    """Per topic of the no-event sentences: sentences, and those given an event (by type)."""
    out = defaultdict(Counter)
    for v in verdicts:
        if v["gold"]["events"]:
            continue
        row = out[v["gold"]["topic"]]
        row["sentences"] += 1
        row["false_event"] += bool(v["preds"])
        for p in v["preds"]:
            row[p["type"]] += 1
    return {k: dict(row) for k, row in sorted(out.items())}


def score(golds: list[dict], outputs: dict[str, dict]) -> dict:
    """The metrics over all gold sentences, and per part for each part the gold holds."""
    parts = [part for part in PARTS if any(g["part"] == part for g in golds)]
    verdicts = judge(golds, outputs)
    metrics = summarise(verdicts)
    for part in parts:
        mine = summarise([v for v in verdicts if v["gold"]["part"] == part])
        for key in HEADLINE + ("false_event_rate", "event_precision", "actor_country_acc"):
            metrics[f"{part}_{key}"] = mine[key]
    metrics["parts"] = {part: summarise([v for v in verdicts if v["gold"]["part"] == part])
                        for part in parts}
    metrics["by_type"] = by_type(verdicts)
    metrics["by_topic"] = by_topic(verdicts)
    metrics["records_with_error"] = sum(bool((outputs.get(k) or {}).get("error"))
                                        for k in {doc_key(g) for g in golds})
    return metrics


def perfect_record(key: str, golds: list[dict]) -> dict:
    """Predictions made from the gold: each gold event with its first type at its trigger, its
    actor and recipient entities coded with the gold countries (every other entity is given as
    a code only, so both ways of reading a country are exercised)."""
    entities, events = [], []

    def entity(country: str) -> str:
        eid = f"E{len(entities)}"
        actor = {"code": country + "GOV"} if len(entities) % 2 else {"country": country, "code": None}
        entities.append({"id": eid, "label": "GPE", "name": country, "mentions": [], "actor": actor})
        return eid

    for g in golds:
        for ev in g["events"]:
            events.append({"event": ev["types"][0], "trigger": ev["trigger"],
                           "sentence": g["sentence"], "evidence": [g["sentence"]],
                           "actor": [entity(c) for c in ev["actor"]],
                           "recipient": [entity(c) for c in ev["recipient"]], "status": "asserted"})
    return {"id": key, "entities": entities, "events": events}


def careless_record(key: str, golds: list[dict]) -> dict:
    """An ASSAULT in every gold sentence, found through its evidence span only."""
    events = [{"event": "ASSAULT", "trigger": None, "evidence": [g["sentence"]], "actor": [],
               "recipient": []} for g in golds]
    return {"id": key, "entities": [], "events": events}


def self_check(golds: list[dict]) -> dict:
    """Perfect predictions must score 1.0 on every headline; careless ones must not."""
    by_doc = defaultdict(list)
    for g in golds:
        by_doc[doc_key(g)].append(g)
    metrics = score(golds, {k: perfect_record(k, gs) for k, gs in by_doc.items()})
    wrong = {k: metrics[k] for k in metrics
             if k.endswith(HEADLINE + ("actor_country_acc", "event_precision")) and metrics[k] != 1.0}
    if wrong:
        raise SystemExit(f"self-check failed: {wrong}")
    careless = score(golds, {k: careless_record(k, gs) for k, gs in by_doc.items()})
    if careless["no_event_acc"] != 0.0 or careless["type_acc"] >= 1.0:
        raise SystemExit(f"self-check failed: an ASSAULT everywhere scored {careless}")
    print("self-check ok")
    return metrics


def print_misses(verdicts: list[dict], texts: dict[str, str], out=sys.stderr):
    """One line per gold sentence the system got wrong, with its words and the predicted
    events (read from SHARED at run time, for the engineer reading mistakes; nothing of it is
    stored)."""
    for v in verdicts:
        g = v["gold"]
        types = gold_types(g)
        if (types and v["hit"]) or (not types and not v["preds"]):
            continue
        text = texts[doc_key(g)]

        def words(span, n=160):
            return repr(text[span["start"]:span["end"]][:n]) if span and "start" in span else "-"
        got = [f"{p['type']}:{words(p['trigger'], 30)}:{p['status']}" for p in v["preds"]]
        want = [f"{'/'.join(ev['types'])}:{words(ev['trigger'], 30)}" for ev in g["events"]]
        print(f"{g['id']} [{g['part']} {g['topic']}] want {want or 'none'} got {got or 'none'}: "
              f"{words(g['sentence'])}", file=out)


def main(argv=None) -> dict:
    args = arguments(__doc__, "sentences", GOLD).parse_args(argv)
    golds = read_gold(args.gold)
    if args.part:
        golds = [g for g in golds if g["part"] == args.part]
    inputs = checked_inputs(args.shared, golds, gold_spans)
    if args.self_check:
        return self_check(golds)
    common = shared_scorer(args.shared, "common")
    outputs = common.run_system(list(inputs.values()), args)
    metrics = score(golds, outputs)
    if args.misses:
        print_misses(judge(golds, outputs), {k: r["text"] for k, r in inputs.items()})
    common.report("events_gold", metrics, args)
    return metrics

if __name__ == "__main__":
    main()
