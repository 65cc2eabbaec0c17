"""Shared fixtures and helpers: the default pipeline, the demo articles of samples/ and their
records, the sample article of ../shared, and running the installed command.

../shared is the folder beside the project (CI lays it there); set NEWSGRAPH_SHARED to use
another one (e.g. from a git worktree). Tests that need it skip when it is absent.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
SHARED_SAMPLE = SHARED / "samples" / "000_40859690548f3ca6.txt"
NO_SHARED_SAMPLE = f"the sample article of ../shared is not here ({SHARED_SAMPLE})"


def load_script(name: str):
    """A module of scripts/ (e.g. "output_fingerprint"), imported by path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp_pipeline():
    """The default pipeline, built once for the whole test session (spaCy loads once)."""
    from newsgraph.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def shared_sample_record(nlp_pipeline):
    """The record of ../shared's sample article (published 2023-09-14); skip when absent."""
    if not SHARED_SAMPLE.exists():
        pytest.skip(NO_SHARED_SAMPLE)
    text = SHARED_SAMPLE.read_text(encoding="utf-8")
    return nlp_pipeline.analyze_record({"id": "sample", "text": text, "published": "2023-09-14"})


@pytest.fixture(scope="session")
def demo_records(nlp_pipeline) -> dict[str, dict]:
    """File name -> record of every demo article in samples/ (read as `make demo` reads it)."""
    inputs = load_script("output_fingerprint").demo_inputs()
    assert {r["id"] for r in inputs} >= {"kremlin-visit.txt", "ceasefire-briefing.txt",
                                         "border-talks.html"}
    return {raw["id"]: nlp_pipeline.analyze_record(raw) for raw in inputs}


def run_cli(*args: str, stdin: bytes | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the installed `newsgraph` command as a user would, at a fixed terminal width.

    Rich wraps table cells to the terminal's width, which it reads from COLUMNS (80 when the
    output is a pipe, as under CI): fixing it keeps assertions on shown names independent of
    whoever runs the tests.
    """
    exe = Path(sys.executable).parent / "newsgraph"
    env = {**os.environ, "COLUMNS": "160"}
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, timeout=timeout, env=env)


def write_jsonl(path: Path, lines: list) -> Path:
    """Write lines (dicts are dumped as JSON, strings written as they are) to a JSONL file."""
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write((json.dumps(line, ensure_ascii=False) if isinstance(line, dict) else line) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


SPACY_NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"}


def parse_with_spacy_names(front, text: str, published: str = "2023-09-14"):
    """A Document through `front` (clean + parse) whose entities are spaCy's names as they are,
    one entity per label and spelling: event tests then check event coding, not the entities
    stage's clustering. Each name keeps the actor coding the entities stage gives the entity it
    belongs to (`Entity.actor`: country, sector, role), which the events stage reads to tell a
    political act from an everyday one."""
    from newsgraph.document import Entity, Mention
    from newsgraph.read.record import document_from_record
    from newsgraph.stages.entities import find_entities

    doc = front(document_from_record({"id": "t", "text": text, "published": published}))
    coded = [(m.start, m.end, e.actor) for e in find_entities(doc).entities for m in e.mentions
             if e.actor is not None]
    by = {}
    for ent in doc.parse.ents:
        if ent.label_ not in SPACY_NAME_LABELS:
            continue
        key = (ent.label_, ent.text.lower())
        start, end = ent.start_char + doc.parse_offset, ent.end_char + doc.parse_offset
        if key not in by:
            by[key] = Entity(id=f"E{len(by) + 1}", label=ent.label_, name=ent.text)
        by[key].actor = by[key].actor or next(
            (a for s, e, a in coded if s < end and start < e), None)
        by[key].mentions.append(Mention(start, end))
    doc.entities = list(by.values())
    return doc
