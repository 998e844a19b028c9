"""End to end against a real Prefect server: serve the deployment, trigger a run, check it.

It starts `prefect server start` on 127.0.0.1 (a free port, a temporary PREFECT_HOME), runs
`conflict-events serve` against it, triggers a run with other parameters through the API with
`prefect deployment run ... -p`, waits for Completed and reads the warehouse. Every process is
started in its own session and killed with its group, so nothing outlives the test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.server

BIN = Path(sys.executable).parent
START_TIMEOUT = 60
RUN_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _process(args: list[str], env: dict, log: Path):
    with log.open("w") as out:
        process = subprocess.Popen(
            args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield process
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen) -> None:
    """SIGINT first (serve pauses its schedule), then SIGTERM and SIGKILL to the whole group."""
    for sig, grace in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
    # a process group can outlive its leader: make sure nothing of it is left
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _wait_for(what: str, check, timeout: float, logs: list[Path]):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.5)
    tails = "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in logs if p.exists())
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def _get(client: httpx.Client, path: str):
    try:
        response = client.get(path)
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 200 else None


def test_served_deployment_runs_with_parameters_and_keeps_its_schedule(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = os.environ | {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PYTHONPATH": str(ROOT),
    }
    default_in, adhoc_in = tmp_path / "default-in", tmp_path / "adhoc-in"
    shutil.copytree(SAMPLES, default_in)
    adhoc_in.mkdir()
    shutil.copy(SAMPLES / "kryvyi_rih.json", adhoc_in / "seed.json")
    (adhoc_in / "kabul.txt").write_text(
        "A suicide bomber killed 12 people and wounded 30 others at a market in Kabul, "
        "Afghanistan, on 3 March 2024, police said.\n",
        encoding="utf-8",
    )
    lake, warehouse = tmp_path / "lake", tmp_path / "warehouse.duckdb"
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    logs = [server_log, serve_log]
    server_cmd = [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1"]
    serve_cmd = [
        *(str(BIN / "conflict-events"), "serve", str(default_in)),
        *("--lake", str(lake), "--warehouse", str(warehouse)),
        *("--cron", "15 4 * * 1-5", "--timezone", "Europe/Kyiv", "--name", "daily"),
    ]
    with (
        _process([*server_cmd, "--port", str(port)], env, server_log),
        httpx.Client(base_url=api, timeout=10) as client,
    ):
        _wait_for("the server", lambda: _get(client, "/health"), START_TIMEOUT, logs)
        with _process(serve_cmd, env, serve_log):
            deployment = _wait_for(
                "the deployment",
                lambda: _get(client, "/deployments/name/pipeline/daily"),
                START_TIMEOUT,
                logs,
            )
            [schedule] = deployment["schedules"]
            assert schedule["schedule"]["cron"] == "15 4 * * 1-5"
            assert schedule["schedule"]["timezone"] == "Europe/Kyiv"
            assert schedule["active"] is True
            assert deployment["parameters"]["params"]["lake"] == str(lake)
            assert deployment["global_concurrency_limit"]["limit"] == 1  # no overlapping runs

            trigger = subprocess.run(
                [
                    *(str(BIN / "prefect"), "deployment", "run", "pipeline/daily"),
                    *("-p", f"sources={json.dumps([str(adhoc_in)])}"),
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert trigger.returncode == 0, trigger.stdout + trigger.stderr
            run_id = next(
                line.split()[-1] for line in trigger.stdout.splitlines() if "UUID" in line
            )

            def finished():
                run = _get(client, f"/flow_runs/{run_id}")
                return (
                    run
                    if run and run["state"]["type"] in {"COMPLETED", "FAILED", "CRASHED"}
                    else None
                )

            run = _wait_for("the flow run", finished, RUN_TIMEOUT, logs)
            assert run["state"]["type"] == "COMPLETED", serve_log.read_text()[-3000:]
            assert run["parameters"]["sources"] == [str(adhoc_in)]

            artifacts = client.post(
                "/artifacts/filter", json={"artifacts": {"key": {"any_": ["pipeline-summary"]}}}
            ).json()
            assert any(a["flow_run_id"] == run_id for a in artifacts)

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        origins = [r[0] for r in con.execute("select origin from articles").fetchall()]
        mentions = con.execute("select count(*) from event_mentions").fetchone()[0]
        runs = con.execute("select status, parameters from runs").fetchall()
    finally:
        con.close()
    assert len(origins) == 2 and all(o.startswith(str(adhoc_in)) for o in origins)
    assert mentions > 0
    assert [status for status, _ in runs] == ["completed"]
    assert json.loads(runs[0][1])["sources"] == [str(adhoc_in)]
