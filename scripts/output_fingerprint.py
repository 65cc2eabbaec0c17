"""The output fingerprint of this version: what `__version__` promises about the output.

    .venv/bin/python scripts/output_fingerprint.py          # record it for the current version
    .venv/bin/python scripts/output_fingerprint.py --check  # compare only (exit 1 on a change)

The fingerprint is a hash of the records of the demo articles (samples/), of the bytes of the
curated knowledge tables (src/newsgraph/knowledge/) and of the record's JSON Schema. It is kept
in tests/data/output_fingerprint.json with the `newsgraph.__version__` it belongs to, and
tests/test_output_fingerprint.py fails when the output changed but the version did not. The
rule (docs/architecture.md): a change that changes the output bumps `newsgraph.__version__`
and runs this script.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FINGERPRINT = ROOT / "tests" / "data" / "output_fingerprint.json"

# the demo articles and the publication date each is read with (samples/README.md)
PUBLISHED = {"kremlin-visit.txt": "2023-09-14", "ceasefire-briefing.txt": "2023-05-20"}


def demo_inputs() -> list[dict]:
    """Input records (CONTRACT.md) of every demo article in samples/, in name order."""
    out = []
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html")):
        kind = "html" if path.suffix == ".html" else "text"
        record = {"id": path.name, kind: path.read_text(encoding="utf-8")}
        if path.name in PUBLISHED:
            record["published"] = PUBLISHED[path.name]
        out.append(record)
    return out


def _digest(chunks) -> str:
    h = hashlib.sha256()
    for chunk in chunks:
        h.update(len(chunk).to_bytes(8, "big"))
        h.update(chunk)
    return h.hexdigest()


def records_digest(records: list[dict]) -> str:
    return _digest(json.dumps(r, ensure_ascii=False, sort_keys=False).encode("utf-8")
                   for r in records)


def knowledge_digest() -> str:
    """A hash of every curated knowledge file, by name and bytes."""
    from newsgraph import knowledge

    folder = Path(knowledge.__file__).parent
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".py")
    return _digest(p.name.encode() + b"\0" + p.read_bytes() for p in files)


def fingerprint(pipeline=None) -> dict:
    """The current fingerprint: version, records, knowledge and schema digests."""
    import newsgraph
    from newsgraph.pipeline import default_pipeline
    from newsgraph.record_schema import schema_text

    pipeline = pipeline or default_pipeline()
    records = [pipeline.analyze_record(raw) for raw in demo_inputs()]
    return {"version": newsgraph.__version__,
            "records": records_digest(records),
            "knowledge": knowledge_digest(),
            "schema": _digest([schema_text().encode("utf-8")])}


def stored() -> dict:
    return json.loads(FINGERPRINT.read_text(encoding="utf-8"))


def changed_parts(current: dict, kept: dict) -> list[str]:
    """The parts of the fingerprint that differ (records, knowledge, schema)."""
    return [k for k in ("records", "knowledge", "schema") if current.get(k) != kept.get(k)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the kept fingerprint only")
    args = parser.parse_args(argv)
    current = fingerprint()
    if args.check:
        kept = stored()
        diff = changed_parts(current, kept)
        print(f"version {current['version']} (kept: {kept.get('version')}); changed: {', '.join(diff) or 'nothing'}")
        return 1 if diff or current["version"] != kept.get("version") else 0
    if FINGERPRINT.exists():
        kept = stored()
        if kept.get("version") == current["version"] and changed_parts(current, kept):
            print(f"the output changed but newsgraph.__version__ is still {current['version']}: "
                  "bump it (src/newsgraph/__init__.py) first", file=sys.stderr)
            return 1
    FINGERPRINT.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINT.relative_to(ROOT)} for version {current['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
