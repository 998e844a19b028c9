"""Flow parameters: one pydantic model shared by every stage, with laptop-friendly defaults."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

DEFAULT_SOURCES = ["data/samples"]
DEFAULT_LAKE = "data/lake"
DEFAULT_WAREHOUSE = "data/warehouse.duckdb"
RUNNERS = ("thread", "process", "dask")


class FetchParams(BaseModel):
    """How article pages and feeds are fetched over HTTP(S)."""

    timeout: float = Field(default=10.0, gt=0, description="read (and write) timeout, seconds")
    connect_timeout: float = Field(default=10.0, gt=0, description="connect timeout, seconds")
    max_seconds: float = Field(default=60.0, gt=0, description="whole download, seconds")
    max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024, description="response size cap")
    concurrency: int = Field(default=8, ge=1, le=64, description="requests in flight")
    allow_private_urls: bool = Field(
        default=False,
        description="also fetch from loopback, private and link-local addresses (an intranet)",
    )


class PipelineParams(BaseModel):
    """What to read, where the lake and warehouse live, and how many articles a task handles.

    `runner` picks where extraction batches run: threads of the flow's process, a pool of
    local processes, or a Dask cluster (a temporary local one, or `dask_address`). With a
    local pool, ingest reads files and resolve redoes blocks in `workers` processes too.
    `lock_wait_seconds` is how long a run waits for an overlapping run to finish before it
    gives up with a clear message.
    """

    sources: list[str] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    lake: str = DEFAULT_LAKE
    warehouse: str = DEFAULT_WAREHOUSE
    batch_size: int = Field(default=500, ge=1, le=100_000)
    urls: list[str] = Field(default_factory=list, description="URL-list files or article URLs")
    fetch: FetchParams = Field(default_factory=FetchParams)
    runner: Literal["thread", "process", "dask"] = "thread"
    workers: int | None = Field(default=None, ge=1, le=1024)
    dask_address: str | None = None
    lock_wait_seconds: float = Field(default=0.0, ge=0)

    def worker_count(self) -> int:
        """Local worker processes for runner "process" (and Dask's temporary cluster): `workers`,
        else one per CPU."""
        return self.workers or os.cpu_count() or 2
