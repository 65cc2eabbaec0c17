"""Evaluation gates: run every scorer of ../shared/eval on its dev data, and our own scorers of
eval/ on the gold they keep here, and hold each headline number to the floor recorded in
eval/floors.json.

Floors start at what we measured and only go up (raise them in the same commit as the
improvement; never lower one without saying why in the issue). A scorer whose stage has not
landed yet has floor 0 and still runs, so a crash of the batch command fails the gate.

    python eval/gates.py --shared ../shared              # all gates
    python eval/gates.py --shared ../shared --only ner   # gates whose name contains "ner"
    python eval/gates.py --shared ../shared --report     # print numbers, never fail
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class SharedScorer:
    """A scorer of ../shared/eval, given its dev data under shared/eval/data."""

    scorer: str
    data: str
    extra: tuple[str, ...] = ()

    def argv(self, shared: Path, cmd: str) -> list[str]:
        return [sys.executable, str(shared / "eval" / self.scorer),
                "--data", str(shared / "eval" / "data" / self.data), "--cmd", cmd, *self.extra]


@dataclass(frozen=True)
class OwnScorer:
    """A scorer of eval/ with its gold kept here; it rebuilds the texts from the shared folder."""

    scorer: str
    extra: tuple[str, ...] = ()

    def argv(self, shared: Path, cmd: str) -> list[str]:
        return [sys.executable, str(HERE / self.scorer), "--shared", str(shared), "--cmd", cmd, *self.extra]


GATES = {
    "extract_aeb": SharedScorer("extract_aeb.py", "aeb-dev"),
    "extract_plain": SharedScorer("extract_aeb.py", "aeb-dev", ("--plain",)),
    "ner_conll": SharedScorer("ner_conll.py", "conll2003/eng.testa"),
    "quotes_polnear": SharedScorer("quotes_polnear.py", "polnear-dev"),
    "time_timeml": SharedScorer("time_timeml.py", "timebank"),
    "geo_xml": SharedScorer("geo_xml.py", "lgl/lgl.xml"),
    "events_plover": SharedScorer("events_plover.py", "plover-gsr/PLOVER_GSR_CAMEO.txt"),
    "chains": OwnScorer("chains.py"),
    "events_gold": OwnScorer("events_gold.py"),
    "events_plover_parts": OwnScorer("events_plover_parts.py"),
    # stories across articles: a whole `newsgraph ingest` of 772 ECB+ articles (about 95 s)
    "stories_ecbplus": SharedScorer("stories.py", "ecbplus-dev"),
}


def parse_summary(line: str) -> dict[str, float]:
    """The scorer's last line, `name k=v k=v ...`, as {k: v}."""
    out = {}
    for item in line.split()[1:]:
        key, _, value = item.partition("=")
        try:
            out[key] = float(value)
        except ValueError:
            pass
    return out


def run_gate(name: str, shared: Path, cmd: str) -> tuple[dict[str, float], float, str]:
    argv = GATES[name].argv(shared, cmd)
    started = time.monotonic()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        return {}, elapsed, (proc.stderr or proc.stdout)[-2000:]
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    return parse_summary(lines[-1]), elapsed, ""


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared/ folder")
    p.add_argument("--cmd", default=str(ROOT / ".venv" / "bin" / "newsgraph"), help="newsgraph command")
    p.add_argument("--floors", default=str(HERE / "floors.json"))
    p.add_argument("--only", help="run only gates whose name contains this")
    p.add_argument("--report", action="store_true", help="print the numbers; never fail")
    args = p.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"gates: no scorers at {shared / 'eval'}", file=sys.stderr)
        return 2
    floors = json.loads(Path(args.floors).read_text())
    failed = []
    for name in GATES:
        if args.only and args.only not in name:
            continue
        metrics, elapsed, error = run_gate(name, shared, args.cmd)
        if error:
            print(f"FAIL {name}: the scorer failed ({elapsed:.0f} s)\n{error}")
            failed.append(name)
            continue
        for metric, floor in floors.get(name, {}).items():
            value = metrics.get(metric)
            ok = value is not None and value >= floor
            print(f"{'ok  ' if ok else 'FAIL'} {name}.{metric} = {value} (floor {floor}, {elapsed:.0f} s)")
            if not ok:
                failed.append(f"{name}.{metric}")
        shown = " ".join(f"{k}={v}" for k, v in metrics.items())
        print(f"     {name}: {shown}", flush=True)
    if failed and not args.report:
        print(f"gates failed: {', '.join(failed)}")
        return 1
    print("all gates passed" if not failed else "report only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
