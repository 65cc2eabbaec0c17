"""One progress bar for the batch commands (extract, ingest): on stderr, silent when disabled.

    with ProgressBar("extract", total=120, enabled=True) as bar:
        bar.advance(8)                                     # 8 more articles done
    with ProgressBar("ingest", status="reading") as bar:
        bar.update(40, note="38 stored, 2 skipped, 0 errors")

It shows the label, a bar (pulsing when the total is unknown), articles done (of the total),
articles/s and any note, time elapsed and time left. Counts are exact; the screen is redrawn
at most every 0.2 s, and once more at the end.
"""
from __future__ import annotations

import time
from typing import Optional

REDRAW_SECONDS = 0.2


class ProgressBar:
    """A rich progress bar on stderr counting articles; does nothing when not `enabled`."""

    def __init__(self, label: str, total: Optional[int] = None, enabled: bool = True, status: str = ""):
        self.label, self.total, self.enabled, self.status = label, total, enabled, status
        self.bar = None
        self.done, self.rate, self.note, self.pending = 0, None, "", False
        self.started = self.drawn = 0.0

    def __enter__(self) -> "ProgressBar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[info]}"), TimeElapsedColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=self.total, info=self.status)
            self.started = time.monotonic()
        return self

    def advance(self, n: int) -> None:
        """`n` more articles done (the `on_done` callback of extract)."""
        self.update(self.done + n)

    def update(self, done: int, rate: Optional[float] = None, note: str = "") -> None:
        """`done` articles so far; `rate` articles/s (default: done / seconds since the start);
        `note` more counts to show after the rate."""
        if self.bar is None:
            return
        self.done, self.rate, self.note, self.pending = done, rate, note, True
        if time.monotonic() - self.drawn >= REDRAW_SECONDS:
            self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        self.drawn, self.pending = now, False
        rate = self.rate if self.rate is not None else self.done / max(1e-9, now - self.started)
        info = f"{rate:.1f} articles/s" + (f", {self.note}" if self.note else "")
        self.bar.update(self.task, completed=self.done, info=info)

    def __exit__(self, *exc) -> bool:
        if self.bar is not None:
            if self.pending:
                self._draw()
            self.bar.stop()
        return False
