"""A test hook to stop a run at a named point, so a test can kill -9 it exactly there.

Set CONFLICT_EVENTS_PAUSE_AT=<point> and CONFLICT_EVENTS_PAUSE_FILE=<path>: when the run reaches
that point it creates the file and sleeps, and the test kills it. Unset, it costs one lookup.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_SECONDS = 120


def checkpoint(point: str) -> None:
    if os.environ.get("CONFLICT_EVENTS_PAUSE_AT") != point:
        return
    marker = os.environ.get("CONFLICT_EVENTS_PAUSE_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(PAUSE_SECONDS)
