"""The real Prefect flows, run under the session's test harness."""

import shutil

import duckdb
import pytest

from flows.params import PipelineParams
from flows.pipeline import pipeline
from tests.conftest import SAMPLES

DATA_TABLES = ("articles", "event_mentions", "casualty_figures", "events", "rejects")


def _counts(warehouse) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in (*DATA_TABLES, "runs")
        }
    finally:
        con.close()


@pytest.fixture
def params(tmp_path) -> PipelineParams:
    sources = tmp_path / "in"
    shutil.copytree(SAMPLES, sources)
    return PipelineParams(
        sources=[str(sources)],
        lake=str(tmp_path / "lake"),
        warehouse=str(tmp_path / "warehouse.duckdb"),
        batch_size=2,
    )


def test_pipeline_publishes_the_seed_event(params):
    result = pipeline(params)
    assert result["ingest"]["new"] >= 1
    con = duckdb.connect(params.warehouse, read_only=True)
    row = con.execute(
        "select location, killed_low, injured_best, cast(event_date as varchar) "
        "from event_mentions where role = 'reported'"
    ).fetchall()
    con.close()
    assert ("Kryvyi Rih", 6, 75, "2023-07-31") in row


def test_second_run_adds_only_a_runs_row(params):
    pipeline(params)
    first = _counts(params.warehouse)
    second_result = pipeline(params)
    second = _counts(params.warehouse)
    assert second_result["extract"]["articles"] == 0
    assert {t: second[t] for t in DATA_TABLES} == {t: first[t] for t in DATA_TABLES}
    assert second["runs"] == first["runs"] + 1


def test_bad_files_become_rejects_and_the_run_goes_on(params, tmp_path):
    folder = tmp_path / "in"
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    pipeline(params)
    con = duckdb.connect(params.warehouse, read_only=True)
    reasons = dict(con.execute("select reason, count(*) from rejects group by 1").fetchall())
    con.close()
    assert reasons == {"malformed_json": 1, "empty_text": 1}
    assert _counts(params.warehouse)["articles"] >= 1
