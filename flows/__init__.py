"""Orchestration only: the Prefect flows and their tasks (ingest, extract, resolve, publish).

The work itself lives elsewhere: storage/ (lake, warehouse), sources/ (files, HTTP), engine/
(worker processes) and transforms/ (pure text -> records)."""

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)
