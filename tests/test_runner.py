"""The batch runner under its limits: size, time, memory; workers that die with their parent;
Ctrl-C and --resume. Every test drives the real command line on articles of our own.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.run.limits import size_error

pytestmark = pytest.mark.slow  # the real command line, in subprocesses

ROOT = Path(__file__).resolve().parent.parent
STORIES = [json.loads(line)["text"] for line in
           (ROOT / "tests" / "data" / "stories_articles.jsonl").read_text(encoding="utf-8").splitlines()]
NEWSGRAPH = [sys.executable, "-m", "newsgraph"]

SHORT = ("GENEVA (Reuters) - The foreign ministers of Armenia and Azerbaijan met in Geneva on "
         "Tuesday for talks on a peace treaty, Swiss officials said. \"We made progress,\" "
         "Armenian Foreign Minister Ararat Mirzoyan told reporters after the meeting.")


def long_article(copies: int) -> str:
    """A long feature: the paragraphs of our story test articles (tests/data) over and over,
    each copy numbered so that no two paragraphs are the same (3.6 KB a copy)."""
    paragraphs = [p for text in STORIES for p in text.split("\n\n")[1:] if p.strip()]
    return "\n\n".join(f"{p} (Part {i + 1}.)" for i in range(copies) for p in paragraphs)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def extract(inp: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSGRAPH, "extract", str(inp), "--output", str(out), "--quiet", *options],
                          capture_output=True, text=True, timeout=600)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def children_of(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
            if fields.get("PPid", "").strip() == str(pid) and not fields.get("State", "").startswith("Z"):
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state


def wait_until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_size_error_says_the_size_and_the_limit():
    assert size_error("text", 1000, 1000) is None
    assert size_error("text", 1001, 1000) == \
        "the text is 1,001 characters, over the limit of 1,000 (--max-chars)"
    assert size_error("html", 8000, 1000) is None
    assert "over the limit of 8,000" in size_error("html", 8001, 1000)
    assert size_error("text", 10 ** 9, None) is None


def test_too_long_inputs_get_error_records_and_the_batch_goes_on(tmp_path):
    page = "<html><body><article><p>" + "Talks went on. " * 800 + "</p></article></body></html>"
    inp = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "short", "text": SHORT}, {"id": "long", "text": "Word " * 1000},
        {"id": "page", "html": page}, {"id": "last", "text": SHORT}])
    done = extract(inp, tmp_path / "out.jsonl", "--max-chars", "1000", "--workers", "1")
    assert done.returncode == 0, done.stderr
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["short", "long", "page", "last"]
    assert out[1]["error"] == "the text is 5,000 characters, over the limit of 1,000 (--max-chars)"
    assert out[1]["text"] == "" and out[1]["entities"] == []
    assert out[2]["error"].startswith(f"the html is {len(page):,} characters, over the limit of 8,000")
    assert out[0].get("error") is None and out[0]["entities"] and out[3] == {**out[0], "id": "last"}


def test_a_slow_article_is_stopped_its_worker_replaced_and_order_kept(tmp_path):
    short = [{"id": f"s{i}", "text": SHORT.replace("Tuesday", day)}
             for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday"])]
    slow = {"id": "slow", "text": long_article(40)}
    inp = write_jsonl(tmp_path / "in.jsonl", short[:1] + [slow] + short[1:])
    done = extract(inp, tmp_path / "out.jsonl", "--timeout", "1", "--workers", "2")
    assert done.returncode == 0, done.stderr
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["s0", "slow", "s1", "s2", "s3"]
    assert out[1]["error"].startswith("the analysis took longer than 1 s (--timeout)")
    # the others are exactly what a run without the slow article gives
    clean = extract(write_jsonl(tmp_path / "short.jsonl", short), tmp_path / "clean.jsonl")
    assert clean.returncode == 0, clean.stderr
    assert [r for r in out if r["id"] != "slow"] == records(tmp_path / "clean.jsonl")


def test_a_worker_past_its_memory_limit_is_stopped(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "big", "text": long_article(20)},
                                              {"id": "next", "text": SHORT}])
    done = extract(inp, tmp_path / "out.jsonl", "--max-memory", "1", "--workers", "1")
    assert done.returncode == 0, done.stderr
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["big", "next"]
    assert out[0]["error"].startswith("the analysis needed more than 1 MB of memory (--max-memory)")


def test_bad_limits_are_usage_errors(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SHORT}])
    done = extract(inp, tmp_path / "out.jsonl", "--timeout", "-1")
    assert done.returncode == 2 and "--timeout must be 0 (no limit) or more" in done.stderr


def many_articles(n: int) -> list[dict]:
    return [{"id": f"a{i:03d}", "text": f"{SHORT} (Item {i}.)\n\n{long_article(1)}"} for i in range(n)]


def test_workers_die_when_the_parent_is_killed(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", many_articles(200))
    parent = subprocess.Popen([*NEWSGRAPH, "extract", str(inp), "--output", str(tmp_path / "o.jsonl"),
                               "--quiet", "--workers", "2"], stderr=subprocess.DEVNULL)
    try:
        assert wait_until(lambda: len(children_of(parent.pid)) >= 2, 60), "no workers started"
        workers = children_of(parent.pid)
        time.sleep(1.0)  # they are busy now
        parent.kill()
        parent.wait()
        assert wait_until(lambda: not any(alive(pid) for pid in workers), 5), \
            f"workers {[p for p in workers if alive(p)]} outlived their parent"
    finally:
        parent.kill()


def test_ctrl_c_stops_says_how_to_resume_and_resume_completes_the_same_file(tmp_path):
    articles = many_articles(150)  # long enough to be interrupted on a fast machine
    inp = write_jsonl(tmp_path / "in.jsonl", articles)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([*NEWSGRAPH, "extract", str(inp), "--output", str(out), "--quiet",
                            "--workers", "1"], stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: out.exists() and out.stat().st_size > 0 and children_of(run.pid), 120)
    workers = children_of(run.pid)
    run.send_signal(signal.SIGINT)
    try:
        _, err = run.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # say where it hangs: the stacks (kill -USR1), then stop
        run.send_signal(signal.SIGUSR1)
        time.sleep(2)
        run.kill()
        pytest.fail("the run did not stop within 30 s of Ctrl-C:\n" + run.communicate()[1][-6000:])
    assert run.returncode == 130
    assert "interrupted" in err and f"--output {out} --resume" in err
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 5)
    kept = out.read_text(encoding="utf-8")
    assert 0 < kept.count("\n") < len(articles)
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"id": "a0')           # a record cut short, as by kill -9 while writing
    resumed = extract(inp, out, "--resume", "--workers", "1")
    assert resumed.returncode == 0, resumed.stderr
    clean = extract(inp, tmp_path / "clean.jsonl", "--workers", "2")
    assert clean.returncode == 0, clean.stderr
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()


@pytest.mark.parametrize("moment", ["workers starting", "working"])
def test_ctrl_c_at_a_terminal_reaches_the_workers_too_and_still_stops_cleanly(tmp_path, moment):
    """A terminal's Ctrl-C goes to the whole process group, workers included: as the first
    worker appears (its start), or once records are written. The run must stop with 130, and
    no worker may print a KeyboardInterrupt of its own or stay behind. (Moments are states,
    not sleeps: a sleep could land in Python's own start-up, where any program prints a
    traceback.)"""
    inp = write_jsonl(tmp_path / "in.jsonl", many_articles(40))
    out = tmp_path / "o.jsonl"
    run = subprocess.Popen([*NEWSGRAPH, "extract", str(inp), "--output", str(out),
                            "--quiet", "--workers", "2"], stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    reached = {"workers starting": lambda: children_of(run.pid),
               "working": lambda: out.exists() and out.stat().st_size > 0}[moment]
    assert wait_until(reached, 120)
    workers = children_of(run.pid)
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 130, err
    assert "newsgraph: interrupted" in err and "Traceback" not in err, err
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 5)


def test_sigusr1_prints_where_the_run_stands_and_the_run_goes_on(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", many_articles(12))
    out = tmp_path / "o.jsonl"
    run = subprocess.Popen([*NEWSGRAPH, "extract", str(inp), "--output", str(out), "--quiet",
                            "--workers", "1"], stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: out.exists() and out.stat().st_size > 0, 120)
    run.send_signal(signal.SIGUSR1)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert "Current thread" in err and "in cmd_extract" in err   # the parent's stack
    assert out.read_text(encoding="utf-8").count("\n") == 12


def test_resume_needs_files(tmp_path):
    done = subprocess.run([*NEWSGRAPH, "extract", "-", "--output", str(tmp_path / "o"), "--resume"],
                          input="", capture_output=True, text=True)
    assert done.returncode == 2 and "--resume needs an input file" in done.stderr
