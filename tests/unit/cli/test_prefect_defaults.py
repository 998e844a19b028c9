"""The CLI run outside `make` gets the Makefile's quiet Prefect settings, unless the user set them."""

from __future__ import annotations

import os
import subprocess
import sys

from cli.main import PREFECT_DEFAULTS, main
from tests.conftest import ROOT


def test_the_cli_sets_the_quiet_defaults_that_are_unset(monkeypatch, capsys):
    for name in PREFECT_DEFAULTS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DO_NOT_TRACK", "0")  # the user's own choice
    assert main(["query", "--list"]) == 0
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] == "180"
    assert os.environ["DO_NOT_TRACK"] == "0"


def test_prefect_reads_them_when_a_command_imports_it():
    """In a fresh process with none of them set, as a new user's shell would be."""
    env = {k: v for k, v in os.environ.items() if k not in PREFECT_DEFAULTS}
    env["PYTHONPATH"] = str(ROOT)
    code = (
        "from cli.main import set_prefect_defaults; set_prefect_defaults()\n"
        "from prefect.settings import get_current_settings\n"
        "s = get_current_settings().server\n"
        "print(s.analytics_enabled, s.ephemeral.startup_timeout_seconds)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "180"]
