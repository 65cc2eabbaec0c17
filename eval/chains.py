"""Score newsgraph's attribution chains (`via`) and speakers against our own gold, eval/chains/.

    python eval/chains.py --shared ../shared --cmd .venv/bin/newsgraph [--part tune|heldout]
                          [--keep OUT.jsonl] [--predictions OUT.jsonl] [--json FILE] [--misses]
                          [--self-check]

Gold: eval/chains/gold.jsonl, offsets and hashes only (fields and guidelines in
eval/chains/README.md). The input texts are rebuilt from SHARED by the corpus scorers' own
loaders (eval/chains_inputs.py); a text or span whose hash differs from the gold stops the run.

Each gold quote is paired with at most one predicted quote of its document, greedily by largest
content overlap in characters (ties to the tighter pair), as quotes_polnear.py pairs them; a pair
needs overlap > 0. Predicted quotes with no gold counterpart are not scored (the gold covers a
chosen subset of each document's quotes).

  quote_recall    matched gold quotes / gold quotes
  via_acc         over matched quotes: the predicted chain is the gold chain. Every predicted via
                  must match a gold via (its span overlaps the gold via's span, or its entity has a
                  mention overlapping the gold via's span or its `name`); consecutive predicted vias
                  matching the same gold via count once (coordinated outlets); the matched gold
                  vias, in predicted order, must be all of them in gold order. A quote with no gold
                  via is right only with an empty `via`.
  via_acc_chain   via_acc over matched quotes that have a gold via; via_acc_none over those without
  via_recall      gold vias matched by some predicted via of the paired quote / gold vias (matched
                  quotes); via_precision: predicted vias matching a gold via / predicted vias
  speaker_acc     over matched quotes: for a named gold speaker, the predicted speaker entity has
                  a mention overlapping the gold speaker span; for an anonymous gold speaker, the
                  predicted speaker is null and the predicted source overlaps the gold source
  by_form, by_speaker_kind   the same counts per gold `form` and `speaker_kind`

Metrics are reported for the whole gold and for each part (`tune`, `heldout`); with --part, for
that part only. The last line is the summary `chains via_acc=... speaker_acc=... ...` that
eval/gates.py reads. --misses lists every quote the system got wrong, with its words, on stderr.
--self-check scores predictions copied from the gold (every headline must be 1.0) and the same
predictions with chains and speakers dropped (they must not be).
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from chains_inputs import shared_scorer  # noqa: E402
from offset_gold import PARTS, arguments, checked_inputs, doc_key, overlap, ratio, read_gold  # noqa: E402

GOLD = os.path.join(HERE, "chains", "gold.jsonl")
HEADLINE = ("via_acc", "speaker_acc", "quote_recall")


def gold_spans(quote: dict):
    """(field name, span) for every span a gold quote points at."""
    for field in ("content", "cue", "source", "speaker"):
        if quote.get(field):
            yield field, quote[field]
    for i, via in enumerate(quote["via"]):
        yield f"via[{i}]", via
        if via.get("name"):
            yield f"via[{i}].name", via["name"]


def pair_quotes(golds: list[dict], preds: list[dict]) -> dict[int, int]:
    """{gold index: predicted index}, one-to-one, largest content overlap first."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            o = overlap(g["content"], p.get("content"))
            if o > 0:
                slack = (g["content"]["end"] - g["content"]["start"]
                         + p["content"]["end"] - p["content"]["start"] - 2 * o)
                candidates.append((-o, slack, gi, pi))
    pairs = {}
    for _, _, gi, pi in sorted(candidates):
        if gi not in pairs and pi not in pairs.values():
            pairs[gi] = pi
    return pairs


def points_at(span, mentions, target) -> bool:
    """A predicted span, or any mention of its entity, overlaps the target span."""
    return overlap(span, target) > 0 or any(overlap(m, target) > 0 for m in mentions)


def via_matches(pred_via: dict, gold_via: dict, mentions: dict) -> bool:
    own = mentions.get(pred_via.get("entity"), [])
    return any(points_at(pred_via, own, target) for target in (gold_via, gold_via.get("name")) if target)


def chain_right(gold_vias: list[dict], pred_vias: list[dict], mentions: dict) -> bool:
    """The predicted chain names the gold intermediaries, in order, and nothing else."""
    order = []
    for p in pred_vias:
        hits = [i for i, g in enumerate(gold_vias) if via_matches(p, g, mentions)]
        if not hits:
            return False
        if not order or order[-1] != hits[0]:
            order.append(hits[0])
    return order == list(range(len(gold_vias)))


def speaker_right(gold: dict, pred: dict, mentions: dict) -> bool:
    if gold["anonymous"]:
        return pred.get("speaker") is None and overlap(gold["source"], pred.get("source")) > 0
    return any(overlap(m, gold["speaker"]) > 0 for m in mentions.get(pred.get("speaker"), []))


def entity_mentions(record: dict) -> dict:
    """{entity id: [mention spans]} of a predicted record."""
    return {e.get("id"): e.get("mentions") or [] for e in record.get("entities") or []}


def judge(golds: list[dict], outputs: dict[str, dict]) -> list[dict]:
    """One verdict per gold quote: matched, via right, speaker right, via item counts."""
    by_doc = defaultdict(list)
    for q in golds:
        by_doc[doc_key(q)].append(q)
    verdicts = []
    for key, doc_golds in by_doc.items():
        record = outputs.get(key) or {}
        preds = record.get("quotes") or []
        mentions = entity_mentions(record)
        pairs = pair_quotes(doc_golds, preds)
        for gi, g in enumerate(doc_golds):
            v = {"gold": g, "matched": gi in pairs}
            if v["matched"]:
                p = preds[pairs[gi]]
                pred_vias = p.get("via") or []
                v.update(
                    via_right=chain_right(g["via"], pred_vias, mentions),
                    speaker_right=speaker_right(g, p, mentions),
                    gold_vias_found=sum(any(via_matches(pv, gv, mentions) for pv in pred_vias)
                                        for gv in g["via"]),
                    pred_vias=len(pred_vias),
                    pred_vias_right=sum(any(via_matches(pv, gv, mentions) for gv in g["via"])
                                        for pv in pred_vias),
                    prediction=p)
            verdicts.append(v)
    return verdicts


def summarise(verdicts: list[dict]) -> dict:
    """The metrics of the module docstring over a set of verdicts."""
    c = Counter()
    for v in verdicts:
        g = v["gold"]
        c["n_gold"] += 1
        c["n_gold_chain"] += bool(g["via"])
        if not v["matched"]:
            continue
        c["n_matched"] += 1
        c["via_right"] += v["via_right"]
        c["speaker_right"] += v["speaker_right"]
        chained = "chain" if g["via"] else "none"
        c[f"matched_{chained}"] += 1
        c[f"via_right_{chained}"] += v["via_right"]
        c["gold_vias"] += len(g["via"])
        c["gold_vias_found"] += v["gold_vias_found"]
        c["pred_vias"] += v["pred_vias"]
        c["pred_vias_right"] += v["pred_vias_right"]
    return {"via_acc": ratio(c["via_right"], c["n_matched"]),
            "speaker_acc": ratio(c["speaker_right"], c["n_matched"]),
            "quote_recall": ratio(c["n_matched"], c["n_gold"]),
            "n_gold": c["n_gold"], "n_matched": c["n_matched"], "n_gold_chain": c["n_gold_chain"],
            "via_acc_chain": ratio(c["via_right_chain"], c["matched_chain"]),
            "via_acc_none": ratio(c["via_right_none"], c["matched_none"]),
            "via_recall": ratio(c["gold_vias_found"], c["gold_vias"]),
            "via_precision": ratio(c["pred_vias_right"], c["pred_vias"])}


def grouped(verdicts: list[dict], field: str) -> dict:
    """Counts per value of a gold field: n, matched, via right, speaker right."""
    out = defaultdict(Counter)
    for v in verdicts:
        row = out[v["gold"][field]]
        row["n"] += 1
        if v["matched"]:
            row["matched"] += 1
            row["via_right"] += v["via_right"]
            row["speaker_right"] += v["speaker_right"]
    return {k: dict(row) for k, row in sorted(out.items())}


def score(golds: list[dict], outputs: dict[str, dict]) -> dict:
    """The metrics over all gold quotes, and per part for each part the gold holds."""
    parts = [part for part in PARTS if any(q["part"] == part for q in golds)]
    verdicts = judge(golds, outputs)
    metrics = summarise(verdicts)
    for part in parts:
        for key, value in summarise([v for v in verdicts if v["gold"]["part"] == part]).items():
            if key in HEADLINE or key == "n_gold":
                metrics[f"{part}_{key}"] = value
    metrics["parts"] = {part: summarise([v for v in verdicts if v["gold"]["part"] == part])
                        for part in parts}
    metrics["by_form"] = grouped(verdicts, "form")
    metrics["by_speaker_kind"] = grouped(verdicts, "speaker_kind")
    metrics["records_with_error"] = sum(bool((outputs.get(k) or {}).get("error"))
                                        for k in {doc_key(q) for q in golds})
    return metrics


def perfect_record(key: str, text: str, golds: list[dict]) -> dict:
    """A prediction copied from the gold. Every other via is given only through an entity whose
    mention is the via's name (or span), so both ways of matching a via are exercised."""
    entities, quotes = [], []

    def entity(span: dict) -> str:
        eid = f"E{len(entities)}"
        entities.append({"id": eid, "label": "PERSON", "name": "",
                         "mentions": [{"start": span["start"], "end": span["end"], "kind": "name"}]})
        return eid

    for i, g in enumerate(golds):
        vias = []
        for j, v in enumerate(g["via"]):
            if (i + j) % 2:
                vias.append({"entity": entity(v.get("name") or v), "start": 0, "end": 0})
            else:
                vias.append({"entity": None, "start": v["start"], "end": v["end"]})
        quotes.append({"id": f"Q{i}", "kind": g["quote_kind"], "content": g["content"],
                       "cue": g["cue"], "source": g["source"],
                       "speaker": entity(g["speaker"]) if g["speaker"] else None, "via": vias})
    return {"id": key, "text": text, "entities": entities, "quotes": quotes}


def careless_record(perfect: dict) -> dict:
    """The perfect prediction with every chain dropped and every speaker unresolved."""
    quotes = [dict(q, via=[], speaker=None) for q in perfect["quotes"]]
    return dict(perfect, quotes=quotes)


def self_check(golds: list[dict], texts: dict[str, str]) -> dict:
    """Perfect predictions must score 1.0 on every headline; careless ones must not."""
    by_doc = defaultdict(list)
    for q in golds:
        by_doc[doc_key(q)].append(q)
    perfect = {k: perfect_record(k, texts[k], qs) for k, qs in by_doc.items()}
    metrics = score(golds, perfect)
    wrong = {k: metrics[k] for k in metrics if k.endswith(HEADLINE) and metrics[k] != 1.0}
    if wrong:
        raise SystemExit(f"self-check failed: {wrong}")
    careless = score(golds, {k: careless_record(r) for k, r in perfect.items()})
    if careless["via_acc_chain"] != 0.0 or careless["speaker_acc"] >= 1.0:
        raise SystemExit(f"self-check failed: dropped chains and speakers scored {careless}")
    print("self-check ok")
    return metrics


def print_misses(verdicts: list[dict], texts: dict[str, str], outputs: dict[str, dict], out=sys.stderr):
    """One line per gold quote the system got wrong, with the words involved (read from SHARED at
    run time, for the engineer reading mistakes; nothing of it is stored)."""
    for v in verdicts:
        if v["matched"] and v["via_right"] and v["speaker_right"]:
            continue
        g = v["gold"]
        key = doc_key(g)
        text, record = texts[key], outputs.get(key) or {}

        def words(span):
            return repr(text[span["start"]:span["end"]][:60]) if span else "-"
        head = f"{g['id']} [{g['part']} {g['form']} {g['speaker_kind']}]"
        if not v["matched"]:
            print(f"{head} unmatched: {words(g['content'])}", file=out)
            continue
        p = v["prediction"]
        names = {e.get("id"): e.get("name") for e in record.get("entities") or []}
        if not v["via_right"]:
            print(f"{head} via {[words(x) for x in g['via']]} got {[words(x) for x in p.get('via') or []]}",
                  file=out)
        if not v["speaker_right"]:
            wanted = "anonymous" if g["anonymous"] else words(g["speaker"])
            print(f"{head} speaker {wanted} (source {words(g['source'])}) got "
                  f"{names.get(p.get('speaker'))!r} (source {words(p.get('source'))})", file=out)


def main(argv=None) -> dict:
    args = arguments(__doc__, "quotes", GOLD).parse_args(argv)
    golds = read_gold(args.gold)
    if args.part:
        golds = [q for q in golds if q["part"] == args.part]
    inputs = checked_inputs(args.shared, golds, gold_spans)
    texts = {k: r["text"] for k, r in inputs.items()}
    if args.self_check:
        return self_check(golds, texts)
    common = shared_scorer(args.shared, "common")
    outputs = common.run_system(list(inputs.values()), args)
    metrics = score(golds, outputs)
    if args.misses:
        print_misses(judge(golds, outputs), texts, outputs)
    common.report("chains", metrics, args)
    return metrics

if __name__ == "__main__":
    main()
