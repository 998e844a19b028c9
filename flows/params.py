"""Flow parameters: one pydantic model shared by every stage, with laptop-friendly defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

DEFAULT_SOURCES = ["data/samples"]
DEFAULT_LAKE = "data/lake"
DEFAULT_WAREHOUSE = "data/warehouse.duckdb"
RUNNERS = ("thread", "process", "dask")


class PipelineParams(BaseModel):
    """What to read, where the lake and warehouse live, and how many articles a task handles.

    `runner` picks where extraction batches run: threads of the flow's process, a pool of
    local processes, or a Dask cluster (a temporary local one, or `dask_address`).
    `lock_wait_seconds` is how long a run waits for an overlapping run to finish before it
    gives up with a clear message.
    """

    sources: list[str] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    lake: str = DEFAULT_LAKE
    warehouse: str = DEFAULT_WAREHOUSE
    batch_size: int = Field(default=500, ge=1, le=100_000)
    runner: Literal["thread", "process", "dask"] = "thread"
    workers: int | None = Field(default=None, ge=1, le=1024)
    dask_address: str | None = None
    lock_wait_seconds: float = Field(default=0.0, ge=0)
