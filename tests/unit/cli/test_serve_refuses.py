"""`serve` needs a real Prefect server: on the temporary one it refuses in one line."""

from __future__ import annotations

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings

from cli.main import main
from flows.pipeline import pipeline


@pytest.fixture
def served(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(pipeline, "serve", lambda **kwargs: calls.append(kwargs))
    return calls


def test_serve_refuses_to_start_on_an_ephemeral_server(tmp_path, capsys, served):
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        code = main(["serve", str(tmp_path), "--lake", str(tmp_path / "lake")])
    err = capsys.readouterr().err
    assert code == 2 and served == []
    assert len(err.strip().splitlines()) == 1
    assert "prefect server start" in err and "PREFECT_API_URL" in err


def test_serve_starts_when_an_api_url_is_set(tmp_path, served):
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        code = main(["serve", str(tmp_path), "--lake", str(tmp_path / "lake")])
    assert code == 0 and len(served) == 1
    assert served[0]["parameters"]["params"]["lake"] == str(tmp_path / "lake")
