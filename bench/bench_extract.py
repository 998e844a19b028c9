"""Extraction throughput on one core, next to a bare baseline measured in the same run.

`python -m bench extract` or `make bench BENCH=extract`. Articles are ~3 KB: by default the
seed article's sentences in a different order for each article (so no two bodies are equal);
with `--corpus FILE.jsonl` (lines with a "text"), those texts packed into ~3 KB articles.

Three timings over the same bodies:
- baseline: one precompiled regex's findall over each body (a full pass over the text);
- sentence split: text.split_sentences, which every extractor shares;
- casualty engine: casualty figures and the killed/injured totals, given the sentences;
- place candidates: the names of places read from a body (places.find_candidates), which
  every sentence's place is then chosen from;
- extract_article: the whole pure extract stage (mentions, dates, places, types, figures).
The gazetteer is loaded before timing: it is a per-process cost, not a per-article one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "samples" / "kryvyi_rih.json"
ARTICLE_CHARS = 3000
_BASELINE = re.compile(r"\d+")


def corpus_arguments(prog: str, argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """A bench's arguments (--articles, --corpus, --repeat) and the article bodies they name."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="JSONL with a 'text' per line")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args(argv)
    return args, _corpus(args.corpus, args.articles)


def main(argv: list[str]) -> int:
    args, bodies = corpus_arguments("bench extract", argv)
    mean_kb = sum(len(b) for b in bodies) / len(bodies) / 1000

    from transforms.extract.article import extract_article
    from transforms.extract.casualties import find_figures, summarize
    from transforms.extract.places import find_candidates, gazetteer
    from transforms.text import split_sentences

    gazetteer()  # load the gazetteer before timing

    def baseline(body: str) -> None:
        _BASELINE.findall(body)

    sentences = {id(body): split_sentences(body) for body in bodies}

    def split(body: str) -> None:
        split_sentences(body)

    def casualties(body: str) -> None:
        figures = find_figures(body, sentences[id(body)])
        summarize(figures, "killed")
        summarize(figures, "injured")

    def places(body: str) -> None:
        find_candidates(body)

    def extract(body: str) -> None:
        extract_article({"article_id": "bench", "body": body, "published_at": "2023-07-31"})

    print(f"{len(bodies)} articles, mean {mean_kb:.2f} KB, one process, best of {args.repeat}")
    base = _rate(baseline, bodies, args.repeat)
    print(f"{'baseline (one regex findall)':<32}{base:>12,.0f} articles/s")
    steps = (
        ("sentence split (text.py)", split),
        ("casualty engine", casualties),
        ("place candidates", places),
        ("extract_article (full)", extract),
    )
    rates = {}
    for name, step in steps:
        rates[step] = rate = _rate(step, bodies, args.repeat)
        print(f"{name:<32}{rate:>12,.0f} articles/s   baseline/this = {base / rate:,.1f}x")
    return 0


def _rate(step, bodies: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for body in bodies:
            step(body)
        best = min(best, time.perf_counter() - start)
    return len(bodies) / best


def _corpus(path: Path | None, n: int) -> list[str]:
    if path is None:
        from transforms.text import split_sentences

        text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
        sentences = [s.text for s in split_sentences(text)]
        rng = random.Random(0)
        bodies = []
        for _ in range(n):
            rng.shuffle(sentences)
            bodies.append(" ".join(sentences))
        return bodies
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    bodies, current = [], []
    for text in texts * (1 + n * ARTICLE_CHARS // max(1, sum(map(len, texts)))):
        current.append(text)
        if sum(map(len, current)) >= ARTICLE_CHARS:
            bodies.append("\n".join(current))
            current = []
        if len(bodies) == n:
            break
    return bodies


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
