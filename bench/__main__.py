"""`python -m bench [NAME [OPTIONS...]]`: run every bench/bench_*.py, or the named one with its
options (`python -m bench extract --corpus FILE.jsonl`)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv:
        # One benchmark: the words after its name are its own options.
        names, options = [argv[0]], argv[1:]
    else:
        names = sorted(
            p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py")
        )
        options = []
    for name in names:
        print(f"== bench {name}")
        importlib.import_module(f"bench.bench_{name}").main(options)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
