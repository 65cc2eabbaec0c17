"""The shared PLOVER scorer (../shared/eval/events_plover.py) on two fixed halves of its gold.

    python eval/events_plover_parts.py --shared ../shared --cmd .venv/bin/newsgraph
                                       [--part tune|heldout] [--keep OUT.jsonl]
                                       [--predictions OUT.jsonl] [--json FILE]

The PLOVER dev sentences are the examples rules are most easily fitted to, so they are split in
two by a hash of each sentence's id (the id the shared scorer gives it), so that nobody chooses:
`tune` when the first 8 hex digits of sha256(id), read as an integer, are even, else `heldout`.
Change rules looking at `tune` only; `heldout` says whether a change generalises.

The sentences, the system run and the metrics are the shared scorer's own (`load_gsr`,
`common.run_system`, `score`), imported from SHARED/eval, so the numbers of both halves add up
to the gate `events_plover`. The last line is the summary `events_plover_parts tune_type_acc=...
heldout_type_acc=... ...`.
"""
from __future__ import annotations

import hashlib
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from chains_inputs import shared_scorer  # noqa: E402
from offset_gold import PARTS, arguments  # noqa: E402

HEADLINE = ("type_acc", "precision", "actor_country_acc", "recipient_country_acc", "top1_acc")
DATA = os.path.join("eval", "data", "plover-gsr", "PLOVER_GSR_CAMEO.txt")


def part_of(sentence_id: str) -> str:
    """The half a PLOVER sentence belongs to, fixed by its id."""
    return "tune" if int(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "heldout"


def main(argv=None) -> dict:
    args = arguments(__doc__, "sentences").parse_args(argv)
    plover = shared_scorer(args.shared, "events_plover")
    common = shared_scorer(args.shared, "common")
    stats = {"gold_labels": Counter(), "excluded": 0}
    sents = plover.load_gsr(os.path.join(args.shared, DATA), stats)
    parts = [args.part] if args.part else list(PARTS)
    sents = [s for s in sents if part_of(s["id"]) in parts]
    records = [{k: s[k] for k in ("id", "text", "published") if s[k]} for s in sents]
    outputs = common.run_system(records, args)
    metrics = {}
    for part in parts:
        mine = plover.score([s for s in sents if part_of(s["id"]) == part], outputs)
        for key in HEADLINE:
            metrics[f"{part}_{key}"] = mine[key]
        metrics[f"{part}_event_sentences"] = mine["event_sentences"]
        metrics[f"{part}_recall_by_type"] = mine["recall_by_type"]
    if len(parts) == 2:
        whole = plover.score(sents, outputs)
        metrics.update({key: whole[key] for key in HEADLINE})
    common.report("events_plover_parts", metrics, args)
    return metrics


if __name__ == "__main__":
    main()
