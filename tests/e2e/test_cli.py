"""The CLI as a user runs it: a subprocess on a temporary directory."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

CLI = [sys.executable, "-m", "cli.main"]


def _cli(*args: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = os.environ | {"PREFECT_HOME": str(cwd / ".prefect"), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_run_then_query_the_seed(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "data" / "samples")
    run = _cli("run", cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "4 new" in run.stdout  # the seed JSON, the HTML page and the feed's two entries
    assert (tmp_path / "data" / "warehouse.duckdb").exists()
    query = _cli(
        "query",
        "--format",
        "json",
        "select location, killed_low, injured_best, event_date from event_mentions "
        "join articles using (article_id) where role='reported' and origin like '%kryvyi_rih.json'",
        cwd=tmp_path,
    )
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout) == [
        {"location": "Kryvyi Rih", "killed_low": 6, "injured_best": 75, "event_date": "2023-07-31"}
    ]
    csv_out = _cli("query", "--format", "csv", "select count(*) as n from articles", cwd=tmp_path)
    assert csv_out.stdout.splitlines() == ["n", "4"]


def test_errors_are_short_and_without_traceback(tmp_path):
    missing = _cli("run", "no/such/folder", cwd=tmp_path)
    assert missing.returncode == 2
    assert "source not found: no/such/folder" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_warehouse = _cli("query", "select 1", cwd=tmp_path)
    assert no_warehouse.returncode == 2 and "no warehouse" in no_warehouse.stderr
    (tmp_path / "bad.duckdb").write_bytes(b"garbage" * 100)
    unreadable = _cli("query", "select 1", "--warehouse", "bad.duckdb", cwd=tmp_path)
    assert unreadable.returncode == 2 and "Traceback" not in unreadable.stderr
    unknown = _cli("query", "no_such_query", cwd=tmp_path)
    assert unknown.returncode == 2 and "no named query" in unknown.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "select 1", "--warehouse", "missing.duckdb"],
        ["export", "out.csv", "--warehouse", "missing.duckdb"],
        ["report", "r.html", "--warehouse", "missing.duckdb"],
    ],
    ids=["query", "export", "report"],
)
def test_fast_commands_do_not_import_prefect(tmp_path, argv):
    probe = f"import sys, cli.main\ncli.main.main({argv!r})\nprint('prefect' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert out.stdout.strip() == "False", out.stderr
    assert "no warehouse" in out.stderr


def test_every_command_has_help(tmp_path):
    for command in ([], ["run"], ["query"], ["export"]):
        result = _cli(*command, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "usage:" in result.stdout
