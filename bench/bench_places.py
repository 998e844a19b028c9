"""Place reading's throughput on one core, next to bench extract's bare baseline (same run).

`python -m bench places [--corpus FILE.jsonl]`: the articles of bench extract. Steps:
- find_candidates: an article's place names, with the country and town votes read from them;
- event_place per sentence: find_candidates, then the place of every sentence, as if each
  told an event (the extractor asks it only of sentences with figures, and of the lead);
- gazetteer load: the shipped gazetteer read in a new process (a per-process cost).
The times are CPU times (time.process_time), steadier than wall time on a shared machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_extract import _BASELINE, corpus_arguments

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    args, bodies = corpus_arguments("bench places", argv)

    from transforms.extract.places import (
        Votes,
        country_votes,
        event_place,
        find_candidates,
        gazetteer,
        town_votes,
    )
    from transforms.text import split_sentences

    gazetteer()  # loaded before timing, as in bench extract
    spans = {id(body): [(s.start, s.end) for s in split_sentences(body)] for body in bodies}

    def baseline(body: str) -> None:
        _BASELINE.findall(body)

    def candidates(body: str) -> tuple:
        found = find_candidates(body)
        votes = Votes(country_votes(found))
        votes.update({"~" + k: v for k, v in town_votes(found).items()})
        return found, votes

    def sentences(body: str) -> None:
        found, votes = candidates(body)
        for start, end in spans[id(body)]:
            event_place(body, found, start, end, votes)

    print(f"{len(bodies)} articles, one process, best of {args.repeat}, CPU time")
    base = _rate(baseline, bodies, args.repeat)
    print(f"{'baseline (one regex findall)':<32}{base:>12,.0f} articles/s")
    for name, step in (
        ("find_candidates + votes", candidates),
        ("+ event_place/sentence", sentences),
    ):
        rate = _rate(step, bodies, args.repeat)
        micros = 1e6 / rate
        print(
            f"{name:<32}{rate:>12,.0f} articles/s   {micros:>6,.0f} us/article"
            f"   baseline/this = {base / rate:,.1f}x"
        )
    print(f"{'gazetteer load, new process':<32}{_load_seconds():>12.2f} s")
    return 0


def _rate(step, bodies: list[str], repeat: int) -> float:
    for body in bodies[:200]:
        step(body)  # warm the per-process memos of names, as a long run has them
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for body in bodies:
            step(body)
        best = min(best, time.process_time() - start)
    return len(bodies) / best


def _load_seconds() -> float:
    """Wall time of a new process importing the package and loading the gazetteer, with an
    empty local cache (a fresh install)."""
    code = "from transforms.extract.places import gazetteer; gazetteer()"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CONFLICT_EVENTS_CACHE": cache, "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
        return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
