"""What the command line and its subcommands share: the one-line usage error (exit 2)."""
from __future__ import annotations

from typing import Optional


class UsageError(Exception):
    """A problem with the command line or its input file: one line, exit 2."""


def check_workers(workers: Optional[int]) -> None:
    """UsageError unless `workers` (None: the default) is at least 1."""
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
