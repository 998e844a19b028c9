"""One writer at a time: an exclusive lock on the lake and the warehouse for a whole run.

The lock is `fcntl.flock` on a small file beside the data (`<lake>/_run.lock` for a local lake,
`<warehouse>.lock`). The kernel drops it when the holder exits for any reason, kill -9 included,
so a dead run never leaves a stale lock. flock is per machine (and unreliable over NFS): a lake
shared by several machines is serialised with a Prefect global concurrency limit instead (see
the deployment's `global_limit` in `conflict-events serve` and prefect.yaml).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from storage.lake import is_uri, local_path

POLL_SECONDS = 0.2


class RunLocked(RuntimeError):
    """Another run holds the lock on the same lake or warehouse."""


def lock_paths(lake: str, warehouse: str) -> list[Path]:
    """The lock files of a run, in a fixed order so that two runs never deadlock."""
    target = Path(os.path.realpath(warehouse))
    paths = {target.with_name(target.name + ".lock")}
    if not is_uri(lake):
        paths.add(Path(local_path(lake)) / "_run.lock")
    return sorted(paths)


@contextmanager
def run_lock(lake: str, warehouse: str, run_id: str, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold every lock of the run, waiting up to `wait_seconds` for a run that holds one."""
    with ExitStack() as stack:
        deadline = time.monotonic() + wait_seconds
        for path in lock_paths(lake, warehouse):
            stack.enter_context(_file_lock(path, run_id, deadline))
        yield


@contextmanager
def _file_lock(path: Path, run_id: str, deadline: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLocked(_held_message(path)) from None
                time.sleep(POLL_SECONDS)
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "run_id": run_id}
        holder["since"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _held_message(path: Path) -> str:
    try:
        holder = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    who = (
        f"run {holder.get('run_id')} (pid {holder.get('pid')} on {holder.get('host')}, "
        f"since {holder.get('since')})"
        if holder
        else "another run"
    )
    return (
        f"{who} is writing the same lake or warehouse (lock {path}); "
        "this run did not start. Wait for it, or pass --wait SECONDS to queue behind it."
    )
