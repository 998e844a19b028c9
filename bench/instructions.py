"""CPU instructions per extracted article, which a shared machine's load does not move.

`python -m bench.instructions [--articles N]` runs the extractor under `valgrind
--tool=callgrind` twice in child processes, once only loading it (imports and gazetteer) and
once also extracting N articles of the news corpus as `bench extract --corpus` packs them, and
prints the difference divided by N. Needs valgrind and ../shared/gold/news_articles.jsonl.
Wall-clock rates on a loaded 2-core machine swing by 2x; instruction counts repeat to within
a fraction of a percent, so they decide whether a speed change pays.
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "gold" / "news_articles.jsonl"
_COLLECTED = re.compile(r"Collected : (\d+)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench instructions")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--child", choices=["load", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _work(args.child, args.corpus, args.articles)
        return 0
    if shutil.which("valgrind") is None or not args.corpus.exists():
        print("bench instructions needs valgrind and the news corpus", file=sys.stderr)
        return 2
    loaded = _instructions("load", args)
    extracted = _instructions("extract", args)
    per_article = (extracted - loaded) / args.articles / 1e6
    print(f"{args.articles} articles of {args.corpus.name}: {per_article:.2f} M instructions each")
    return 0


def _instructions(child: str, args: argparse.Namespace) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    command += ["-m", "bench.instructions", "--child", child, "--articles", str(args.articles)]
    command += ["--corpus", str(args.corpus)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return int(_COLLECTED.search(done.stderr).group(1))


def _work(child: str, corpus: Path, articles: int) -> None:
    from bench.bench_extract import _corpus
    from transforms.extract.article import extract_article
    from transforms.extract.places import gazetteer

    gazetteer()
    bodies = _corpus(corpus, articles)
    # Both children reach here with the same heap, frozen: otherwise whether a full collection
    # of the loaded heap falls inside the extracting moved the figure by about 2%.
    gc.collect()
    gc.freeze()
    if child == "extract":
        for body in bodies:
            extract_article({"article_id": "bench", "body": body, "published_at": "2023-07-31"})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
