"""`python -m bench [NAME ...]`: run every bench/bench_*.py (or the named ones) in turn."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    names = argv or sorted(
        p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py")
    )
    if not names:
        print("no benchmarks yet")
    for name in names:
        print(f"== bench {name}")
        importlib.import_module(f"bench.bench_{name}").main([])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
