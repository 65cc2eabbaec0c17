"""The bounds every batch run holds each article to: its size, its time, its worker's memory.

One `Limits` travels from the command line (`extract` and `ingest`: --max-chars, --timeout,
--max-memory) to whatever runs the articles (the local worker pool, or a Dask worker's own
child process), so every engine applies the same bounds and writes the same error records.
An article past a bound becomes an error record that says which bound and by how much; the
batch goes on, and the output keeps the input's order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

# A news article is a few thousand characters; the longest features and transcripts reach
# a few hundred thousand. A million characters (a 600-page book) is past any article, and
# its analysis would hold a worker for minutes.
DEFAULT_MAX_CHARS = 1_000_000
# An HTML page carries markup, scripts and styles around its text: it may be this many
# times longer than the text limit before it is refused unread.
HTML_CHARS_PER_TEXT_CHAR = 8
# Seconds one article may take in a worker before the worker is stopped and replaced.
# A long article takes a few seconds; a pathological one is stopped here.
DEFAULT_TIMEOUT = 60.0
# Resident memory (MB) a worker may reach before it is stopped and replaced: a worker holds
# the spaCy model (~200 MB, shared with its siblings) and rarely needs more than 700 MB.
DEFAULT_MAX_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Bounds per article; None (or 0 on the command line) for any of them means no bound."""

    max_chars: Optional[int] = DEFAULT_MAX_CHARS
    timeout: Optional[float] = DEFAULT_TIMEOUT
    max_memory_mb: Optional[int] = DEFAULT_MAX_MEMORY_MB

    @classmethod
    def from_options(cls, max_chars: Optional[int] = None, timeout: Optional[float] = None,
                     max_memory_mb: Optional[int] = None) -> "Limits":
        """Limits from command-line values: None keeps the default, 0 means no bound."""
        def pick(value, default):
            return default if value is None else (value or None)

        return cls(pick(max_chars, DEFAULT_MAX_CHARS), pick(timeout, DEFAULT_TIMEOUT),
                   pick(max_memory_mb, DEFAULT_MAX_MEMORY_MB))


NO_LIMITS = Limits(None, None, None)


def size_error(field: str, size: int, max_chars: Optional[int]) -> Optional[str]:
    """Why an input `field` ('text' or 'html') of `size` characters is refused under the text
    limit `max_chars` (an HTML page may be HTML_CHARS_PER_TEXT_CHAR times longer), or None."""
    if field == "html":
        limit = None if max_chars is None else max_chars * HTML_CHARS_PER_TEXT_CHAR
        how = f"{HTML_CHARS_PER_TEXT_CHAR} x --max-chars, markup included"
    else:
        limit, how = max_chars, "--max-chars"
    if limit is None or size <= limit:
        return None
    return f"the {field} is {size:,} characters, over the limit of {limit:,} ({how})"


def timeout_error(seconds: float) -> str:
    return (f"the analysis took longer than {seconds:g} s (--timeout): its worker was stopped "
            "and replaced")


def memory_error(megabytes: int) -> str:
    return (f"the analysis needed more than {megabytes:,} MB of memory (--max-memory): its "
            "worker was stopped and replaced")


def crash_error(exitcode: Optional[int]) -> str:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    return f"the worker analysing it stopped unexpectedly ({how}) and was replaced"


def add_limit_options(parser) -> None:
    """The --max-chars, --timeout and --max-memory options of the batch commands."""
    parser.add_argument("--max-chars", type=int, default=None, metavar="N",
                        help=f"refuse a text longer than N characters, an HTML page longer than "
                             f"{HTML_CHARS_PER_TEXT_CHAR} x N, with an error record "
                             f"(default {DEFAULT_MAX_CHARS:,}; 0: no limit)")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="stop an article's analysis after SECONDS and give it an error record; "
                             f"its worker is replaced (default {DEFAULT_TIMEOUT:g}; 0: no limit)")
    parser.add_argument("--max-memory", type=int, default=None, metavar="MB",
                        help="stop a worker that grows past MB of resident memory and give its "
                             f"article an error record (default {DEFAULT_MAX_MEMORY_MB}; 0: no limit)")


def limits_from_args(args) -> Limits:
    """Limits from parsed options (add_limit_options); ValueError for a negative one."""
    for name in ("max_chars", "timeout", "max_memory"):
        value = getattr(args, name, None)
        if value is not None and value < 0:
            raise ValueError(f"--{name.replace('_', '-')} must be 0 (no limit) or more")
    return Limits.from_options(args.max_chars, args.timeout, args.max_memory)
