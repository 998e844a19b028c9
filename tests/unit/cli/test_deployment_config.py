"""prefect.yaml and `conflict-events serve` define the same deployment, with valid parameters."""

from __future__ import annotations

import argparse

import yaml

from cli import serve
from flows.params import PipelineParams
from tests.conftest import ROOT


def test_prefect_yaml_matches_serve_and_has_valid_parameters():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    [deployment] = config["deployments"]
    assert deployment["name"] == serve.DEFAULT_NAME
    assert deployment["entrypoint"] == "flows/pipeline.py:pipeline"
    [schedule] = deployment["schedules"]
    assert (schedule["cron"], schedule["timezone"]) == (serve.DEFAULT_CRON, serve.DEFAULT_TIMEZONE)
    assert deployment["concurrency_limit"] == 1
    params = PipelineParams.model_validate(deployment["parameters"]["params"])
    assert params == PipelineParams()  # the same defaults as a local `conflict-events run`


def test_serve_makes_local_paths_absolute_and_keeps_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    args = parser.parse_args(["serve", "in", "--lake", "s3://bucket/lake", "--runner", "dask"])
    params = serve.default_parameters(args)["params"]
    assert params["sources"] == [str(tmp_path / "in")]
    assert params["lake"] == "s3://bucket/lake"
    assert params["warehouse"] == str(tmp_path / "data" / "warehouse.duckdb")
    assert params["runner"] == "dask"


def test_top_level_parameters_override_one_field_of_params():
    from flows.pipeline import with_overrides

    base = PipelineParams(sources=["a"], lake="/lake", batch_size=7)
    changed = with_overrides(base, sources=["b"], lake=None, dask_address="tcp://h:8786")
    assert changed.sources == ["b"] and changed.lake == "/lake" and changed.batch_size == 7
    assert changed.runner == "dask"
    assert with_overrides(base, runner="process").runner == "process"
