"""Equivalence check for resolve's speed work: a sha256 of what `resolve_lake` writes.

    python -m bench.resolve_check [LAKE ...] [--workers N]

Each LAKE (default: a synthetic lake of 20,000 mentions built here) is copied to a temporary
folder, never written in place, and resolved three ways:
- `full`: resolve_lake(full=True);
- `as is`: resolve_lake() on the lake as it stands (a lake whose new mentions are not resolved
  yet redoes their blocks only, as a +1% re-run does);
- `dropped`: after `full`, the assignments of every fifth block are deleted and resolve_lake()
  redoes those blocks, keeping the others' rows (a re-run must equal a full rebuild).
For each it prints a digest of the events, event_revisions and event_assignments rows, sorted
by key (they hold no run ids nor times of the run), a digest of the rows in the order written,
and the CPU seconds of this process and of its worker processes.
"""

from __future__ import annotations

import hashlib
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from engine.resolution import resolve_lake
from storage.contract import KEYS
from storage.lake import Lake
from transforms.version import EXTRACTOR_VERSION

TABLES = ("events", "event_revisions", "event_assignments")
SYNTHETIC_MENTIONS = 20_000


def digests(lake: Lake) -> tuple[str, str]:
    """(sha256 of the rows sorted by key, sha256 of the rows in the order written)."""
    by_key, as_written = hashlib.sha256(), hashlib.sha256()
    for table in TABLES:
        data = lake.read(table)
        order = pc.sort_indices(data, [(KEYS[table], "ascending")])
        for digest, rows in ((as_written, data), (by_key, data.take(order))):
            for row in rows.to_pylist():
                digest.update(json.dumps(row, default=str).encode())
    return by_key.hexdigest(), as_written.hexdigest()


def timed_resolve(lake: Lake, full: bool, workers: int) -> tuple[dict, float, float]:
    """resolve_lake's counts, and the CPU seconds of this process and of its workers."""
    own, children = time.process_time(), _children_cpu()
    counts = resolve_lake(lake, full=full, workers=workers)
    return counts, time.process_time() - own, _children_cpu() - children


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def drop_every_fifth_block(lake: Lake) -> None:
    assignments = lake.read("event_assignments")
    keys = pc.binary_join_element_wise(
        assignments["block_country"], assignments["block_month"], "|"
    )
    blocks = sorted(set(keys.to_pylist()))
    lake.replace(
        "event_assignments",
        assignments.filter(pc.invert(pc.is_in(keys, pa.array(blocks[::5], pa.string())))),
    )


def check(source: Path, workers: int) -> None:
    with tempfile.TemporaryDirectory(prefix="resolve-check-") as scratch:
        for case in ("full", "as is", "dropped"):
            copy = Path(scratch) / case.replace(" ", "-")
            shutil.copytree(source, copy)
            lake = Lake(copy)
            if case == "dropped":
                resolve_lake(lake, full=True, workers=workers)
                drop_every_fifth_block(lake)
            started = time.perf_counter()
            counts, own, children = timed_resolve(lake, case == "full", workers)
            wall = time.perf_counter() - started
            by_key, as_written = digests(lake)
            print(
                f"{case:8} {by_key} (written order {as_written[:16]}) {counts} "
                f"cpu {own:.2f}s + workers {children:.2f}s, wall {wall:.2f}s",
                flush=True,
            )


def synthetic_lake(folder: Path) -> Path:
    """A lake of bench_resolve's synthetic mentions, every 13th one historical."""
    from bench.bench_resolve import synthetic

    mentions, articles = synthetic(SYNTHETIC_MENTIONS)
    lake = Lake(folder)
    lake.append("articles", [{"article_id": a, **row} for a, row in articles.items()])
    lake.append(
        "event_mentions",
        [
            m
            | {"extractor_version": EXTRACTOR_VERSION}
            | ({"role": "historical"} if n % 13 == 0 else {})
            for n, m in enumerate(mentions)
        ],
    )
    return folder


def main(argv: list[str]) -> int:
    workers = 2
    if "--workers" in argv:
        at = argv.index("--workers")
        workers = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    with tempfile.TemporaryDirectory(prefix="resolve-check-lake-") as folder:
        lakes = [Path(a) for a in argv] or [synthetic_lake(Path(folder) / "synthetic")]
        for source in lakes:
            print(f"{source} (workers={workers})", flush=True)
            check(source, workers)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
