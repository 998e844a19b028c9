"""Progress of a run: a bar on a terminal, plain log lines otherwise, nothing by default.

Flows report through `current()`; `conflict-events run` installs a reporter for its own
terminal with `reporting(...)`. A deployment run has none, and its Prefect logs tell the story.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """The no-op reporter: stages start, advance and finish silently."""

    def start(self, stage: str, total: int | None = None, unit: str = "items") -> None:
        pass

    def advance(self, stage: str, amount: int = 1) -> None:
        pass

    def finish(self, stage: str, summary: str = "") -> None:
        pass

    def close(self) -> None:
        pass


class LineProgress(Progress):
    """One line per stage event, at most one progress line per `every` seconds per stage."""

    def __init__(self, stream: TextIO, every: float = 2.0) -> None:
        self.stream, self.every = stream, every
        self.stages: dict[str, list] = {}  # stage -> [done, total, unit, last_printed]

    def start(self, stage: str, total: int | None = None, unit: str = "items") -> None:
        self.stages[stage] = [0, total, unit, time.monotonic()]
        self._print(f"{stage}: started" + (f", {total} {unit} to do" if total else ""))

    def advance(self, stage: str, amount: int = 1) -> None:
        state = self.stages.setdefault(stage, [0, None, "items", 0.0])
        state[0] += amount
        done, total, unit, last = state
        if time.monotonic() - last >= self.every or (total and done >= total):
            state[3] = time.monotonic()
            share = f" ({100 * done / total:.0f}%)" if total else ""
            self._print(f"{stage}: {done}/{total or '?'} {unit}{share}")

    def finish(self, stage: str, summary: str = "") -> None:
        self._print(f"{stage}: done" + (f", {summary}" if summary else ""))

    def _print(self, line: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {line}", file=self.stream, flush=True)


class BarProgress(Progress):
    """A rich progress bar per stage, drawn on the terminal's stderr."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self.bar = RichProgress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"),
            TimeElapsedColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self.tasks: dict[str, int] = {}
        self.bar.start()

    def start(self, stage: str, total: int | None = None, unit: str = "items") -> None:
        self.tasks[stage] = self.bar.add_task(stage, total=total, unit=unit)

    def advance(self, stage: str, amount: int = 1) -> None:
        if stage in self.tasks:
            self.bar.advance(self.tasks[stage], amount)

    def finish(self, stage: str, summary: str = "") -> None:
        if stage in self.tasks:
            task = self.tasks[stage]
            total = self.bar.tasks[task].total
            self.bar.update(task, completed=total or 1, total=total or 1, unit=summary)

    def close(self) -> None:
        self.bar.stop()


_current: Progress = Progress()


def current() -> Progress:
    return _current


def for_stream(stream: TextIO = sys.stderr) -> Progress:
    """A bar when `stream` is a terminal, plain lines when it is a file or a pipe."""
    return BarProgress(stream) if stream.isatty() else LineProgress(stream)


@contextmanager
def reporting(progress: Progress) -> Iterator[Progress]:
    global _current
    previous, _current = _current, progress
    try:
        yield progress
    finally:
        _current = previous
        progress.close()
