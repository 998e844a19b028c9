"""Shared fixtures: the seed article and its hand-coded reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_record() -> dict:
    return json.loads((SAMPLES / "kryvyi_rih.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((FIXTURES / "kryvyi_rih_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(seed_record) -> dict:
    from transforms.ingest.articles import article_from_record

    return article_from_record(seed_record, origin="data/samples/kryvyi_rih.json")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Unit tests first: they are the fast ones, and they then run before any test starts
    Prefect. Its clients' threads live on for the session and draw from the global `random`
    (a websocket ping), which Hypothesis takes for a strategy using it and warns about."""
    unit = ROOT / "tests" / "unit"
    items.sort(key=lambda item: not item.path.is_relative_to(unit))  # stable: order kept
