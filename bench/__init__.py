"""Benchmarks (not tests). Each bench_*.py module has a `main(argv)` that prints its figures
and their ratio to a baseline measured in the same run."""

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)
