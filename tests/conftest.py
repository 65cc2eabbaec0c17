"""Shared fixtures: the demo articles of samples/ and the sample article of ../shared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED_SAMPLE = ROOT.parent / "shared" / "samples" / "000_40859690548f3ca6.txt"


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once for the whole test session (spaCy loads once)."""
    from newsgraph.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def shared_sample_record(pipeline):
    """The record of ../shared's sample article (published 2023-09-14); skip when absent."""
    if not SHARED_SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the project")
    text = SHARED_SAMPLE.read_text(encoding="utf-8")
    return pipeline.analyze_record({"id": "sample", "text": text, "published": "2023-09-14"})


def run_cli(*args: str, stdin: bytes | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the installed `newsgraph` command as a user would."""
    exe = Path(sys.executable).parent / "newsgraph"
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, timeout=timeout)


def write_jsonl(path: Path, lines: list) -> Path:
    """Write lines (dicts are dumped as JSON, strings written as they are) to a JSONL file."""
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write((json.dumps(line, ensure_ascii=False) if isinstance(line, dict) else line) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
