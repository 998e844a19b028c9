"""Incremental cost: a full pipeline run on a fresh corpus, then a re-run with no new input.

The corpus is >= 10,000 .txt articles of realistic length, each a recombination of real
sentences from the bundled samples (data/samples). Prefect's temporary server is started
before timing, so neither run pays for it. The re-run must extract nothing.

    python -m bench incremental                # 10,000 articles
    python -m bench.bench_incremental --articles 20000 --keep out/
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
MIN_SENTENCES, MAX_SENTENCES = 12, 30  # ~1.5-4 KB, the length of a wire report


def sample_sentences() -> list[str]:
    """Every sentence of the bundled sample articles (JSON, HTML page, feed entries)."""
    from sources.files import discover, read_file
    from transforms.text import split_sentences

    sentences: list[str] = []
    for path in discover([str(SAMPLES)]):
        for article in read_file(path).articles:
            sentences += [s.text for s in split_sentences(article["body"]) if len(s.text) > 30]
    return sorted(set(sentences))


def write_corpus(folder: Path, count: int, seed: int = 5) -> int:
    """`count` distinct articles as .txt files, 500 per sub-folder. Returns bytes written."""
    rng = random.Random(seed)
    sentences = sample_sentences()
    seen: set[str] = set()
    written = 0
    while len(seen) < count:
        chosen = rng.sample(
            sentences, rng.randint(MIN_SENTENCES, min(MAX_SENTENCES, len(sentences)))
        )
        # Paragraphs of 1-3 sentences, as in a news article.
        paragraphs, i = [], 0
        while i < len(chosen):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(chosen[i : i + step]))
            i += step
        body = "\n\n".join(paragraphs)
        if body in seen:
            continue
        seen.add(body)
        n = len(seen)
        path = folder / f"part{n // 500:03d}" / f"article{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        written += len(body.encode("utf-8"))
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_incremental", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--keep", help="write corpus, lake and warehouse here and keep them")
    args = parser.parse_args(argv)

    from prefect import flow

    from flows.ingest import ingest
    from flows.params import PipelineParams
    from flows.pipeline import pipeline

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_incremental_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus = work / "corpus"
        started = time.perf_counter()
        size = write_corpus(corpus, args.articles)
        print(
            f"corpus: {args.articles} articles, {size / 1e6:.1f} MB ({time.perf_counter() - started:.1f}s to write)"
        )
        params = PipelineParams(
            sources=[str(corpus)],
            lake=str(work / "lake"),
            warehouse=str(work / "warehouse.duckdb"),
            batch_size=args.batch_size,
        )
        flow(name="bench-warm-up")(lambda: None)()  # start Prefect's server outside the timings

        started = time.perf_counter()
        first = pipeline(params)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = pipeline(params)
        again_seconds = time.perf_counter() - started

        started = time.perf_counter()
        ingest(params, again["run_id"])  # the ingest stage alone, again: only the unchanged check
        ingest_seconds = time.perf_counter() - started

        print("first run: ", json.dumps({k: first[k] for k in ("ingest", "extract")}))
        print("re-run:    ", json.dumps({k: again[k] for k in ("ingest", "extract")}))
        assert first["ingest"]["new"] == args.articles, first["ingest"]
        assert again["ingest"]["new"] == 0 and again["extract"]["articles"] == 0, again
        print(f"first run  {first_seconds:8.1f} s")
        print(f"re-run     {again_seconds:8.1f} s")
        print(f"fraction   {again_seconds / first_seconds:8.3f} (re-run / first run)")
        print(f"ingest stage alone on the unchanged corpus: {ingest_seconds:.2f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
