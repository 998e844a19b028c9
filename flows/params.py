"""Flow parameters: one pydantic model shared by every stage, with laptop-friendly defaults."""

from __future__ import annotations

from pydantic import BaseModel, Field

DEFAULT_SOURCES = ["data/samples"]
DEFAULT_LAKE = "data/lake"
DEFAULT_WAREHOUSE = "data/warehouse.duckdb"


class FetchParams(BaseModel):
    """How article pages and feeds are fetched over HTTP(S)."""

    timeout: float = Field(default=10.0, gt=0, description="read (and write) timeout, seconds")
    connect_timeout: float = Field(default=10.0, gt=0, description="connect timeout, seconds")
    max_seconds: float = Field(default=60.0, gt=0, description="whole download, seconds")
    max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024, description="response size cap")
    concurrency: int = Field(default=8, ge=1, le=64, description="requests in flight")


class PipelineParams(BaseModel):
    """What to read, where the lake and warehouse live, and how many articles a task handles."""

    sources: list[str] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    lake: str = DEFAULT_LAKE
    warehouse: str = DEFAULT_WAREHOUSE
    batch_size: int = Field(default=500, ge=1, le=100_000)
    urls: list[str] = Field(default_factory=list, description="URL-list files or article URLs")
    fetch: FetchParams = Field(default_factory=FetchParams)
