"""Storage: the Parquet lake, the DuckDB warehouse, the run lock and the data contract."""

import os

# Arrow's C++ code (Parquet reads and writes, dataset scans) allocates from Arrow's default
# pool, which pyarrow.set_memory_pool does not change and which Arrow reads from the
# environment once, as pyarrow loads. Its default, mimalloc, kept about 40 MB after a
# 100k-file ingest; malloc's free pages go back with malloc_trim (engine.workers.
# release_memory). Worker processes inherit it; a user's own setting wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
