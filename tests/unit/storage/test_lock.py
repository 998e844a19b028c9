"""One lake, one lock, however the lake is spelled; and the lock lives in the lake."""

from __future__ import annotations

import os

import pytest

from storage.lake import Lake, local_path
from storage.lock import RunLocked, lock_paths, run_lock


def _spellings(tmp_path) -> list[str]:
    lake = tmp_path / "lake"
    lake.mkdir()
    (tmp_path / "link").symlink_to(lake, target_is_directory=True)
    return [
        str(lake),
        f"file://{lake}",
        f"file://localhost{lake}",
        str(tmp_path / "link"),
        str(lake) + "/",
        os.path.relpath(lake),
    ]


def test_every_spelling_of_a_lake_has_one_identity(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spellings = _spellings(tmp_path)
    assert {local_path(s) for s in spellings} == {str((tmp_path / "lake").resolve())}
    assert {Lake(s).base for s in spellings} == {str((tmp_path / "lake").resolve())}


@pytest.mark.parametrize("other", range(1, 6))
def test_a_second_spelling_of_a_locked_lake_is_refused(tmp_path, monkeypatch, other):
    monkeypatch.chdir(tmp_path)
    spellings = _spellings(tmp_path)
    warehouse = str(tmp_path / "w.duckdb")
    # another warehouse: only the lake's lock can refuse the second run
    with (
        run_lock(spellings[0], warehouse, "first"),
        pytest.raises(RunLocked, match="first"),
        run_lock(spellings[other], str(tmp_path / "other.duckdb"), "second"),
    ):
        pass


def test_the_lock_of_a_file_uri_lake_lands_in_the_lake_not_the_working_directory(
    tmp_path, monkeypatch
):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    lake = tmp_path / "lake"
    with run_lock(f"file://{lake}", str(tmp_path / "w.duckdb"), "run"):
        pass
    assert (lake / "_run.lock").exists()
    assert list(work.iterdir()) == []
    assert str(lake.resolve() / "_run.lock") in map(str, lock_paths(f"file://{lake}", "w.duckdb"))
