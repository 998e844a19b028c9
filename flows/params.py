"""Flow parameters: one pydantic model shared by every stage, with laptop-friendly defaults."""

from __future__ import annotations

from pydantic import BaseModel, Field

DEFAULT_SOURCES = ["data/samples"]
DEFAULT_LAKE = "data/lake"
DEFAULT_WAREHOUSE = "data/warehouse.duckdb"


class PipelineParams(BaseModel):
    """What to read, where the lake and warehouse live, and how many articles a task handles."""

    sources: list[str] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    lake: str = DEFAULT_LAKE
    warehouse: str = DEFAULT_WAREHOUSE
    batch_size: int = Field(default=500, ge=1, le=100_000)
